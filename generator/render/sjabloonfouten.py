"""Template errors as griffie staff should read them: Dutch, with template file and line.

Jinja reports in English and in Python terms ("'dict object' has no attribute 'x'"); this module
turns each kind of failure into a `Melding` that names the template, the line, what is wrong in
plain Dutch and, for a misspelt name, what was probably meant.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import jinja2.sandbox

from generator.errors import Bron, Melding, relatief
from generator.model import Deelnemer, Regeling, VersieInfo
from generator.model.wijziging import BRIEF_SLEUTELS, Wijziging
from generator.suggesties import suggestie

HINT_CONTEXT = "zie docs/sjablonen.md voor alles wat een sjabloon kan gebruiken"
HINT_GRENS = "een sjabloon maakt tekst uit de gegevens van de regeling; grote berekeningen en eindeloze lussen zijn begrensd (zie docs/sjablonen.md)"

# Jinja's syntax errors, as patterns, in Dutch.
_SYNTAX = (
    (
        r"Encountered unknown tag '(\w+)'",
        "onbekende of misplaatste tag '{0}' (staat er een {{% end... %}} te veel, of ontbreekt de opening?)",
    ),
    (r"Unexpected end of template", "het sjabloon eindigt onverwacht: een {{% if %}} of {{% for %}} is niet afgesloten"),
    (r"unexpected end of template", "het sjabloon eindigt onverwacht: een {{% if %}} of {{% for %}} is niet afgesloten"),
    (r"unexpected '([^']*)'", "onverwacht teken '{0}'"),
    (r"expected token '([^']*)', got '([^']*)'", "verwacht '{0}', maar hier staat '{1}'"),
    (r"no filter named '(\w+)'", "onbekend filter '{0}'"),
    (r"no test named '(\w+)'", "onbekende test '{0}'"),
)


class FilterFout(Exception):
    """A filter applied to a value it cannot handle (raised by the filters of `omgeving.py`)."""


class Grensfout(Exception):
    """A template exceeded one of the limits of `omgeving.Grenzen`; the message says which, in Dutch."""


def _woordenschat() -> list[str]:
    """Names a template may use, for "bedoelde u ...?": context keys, fields, letter data."""
    namen = set(BRIEF_SLEUTELS)
    for cls in (Deelnemer, Regeling, VersieInfo, Wijziging):
        namen |= {f.name for f in dataclasses.fields(cls)}
        namen |= {n for n, v in vars(cls).items() if isinstance(v, property)}
    namen |= {
        "wijziging", "citeertitel", "nieuwe_citeertitel", "voor", "na", "partijen", "toestemming", "deelnemers",
        "toetredingen", "uittredingen", "onderdelen", "integraal", "centrumgemeente", "publicerende_gemeente",
        "versies", "stadium", "gewijzigde_onderwerpen", "deelnemer", "gegevens", "toetreder", "uittreder",
        "is_centrumgemeente", "renvooi", "tabel", "documenten", "blokken", "regeling", "info",
    }  # fmt: skip
    return sorted(namen)


WOORDENSCHAT = _woordenschat()


def melding(fout: BaseException, naam: str, project: Path | None, mappen: Iterable[str] = ()) -> tuple[str, Melding]:
    """(heading, message) for an error raised while rendering template `naam`."""
    bron = _plek(fout, naam, project)
    if isinstance(fout, jinja2.TemplateSyntaxError):
        bron = Bron(_toon(fout.filename or naam, project), fout.lineno or 0)
        return f"Sjabloon {naam} bevat een fout", Melding(f"syntaxfout: {_vertaal(fout.message or '')}", bron, hint=HINT_CONTEXT)
    if isinstance(fout, jinja2.TemplateNotFound):
        gezocht = ", ".join(_toon(m, project) for m in mappen)
        return f"Sjabloon {fout.name} niet gevonden", Melding(f"sjabloon '{fout.name}' bestaat niet (gezocht in: {gezocht})", bron)
    if isinstance(fout, jinja2.sandbox.SecurityError):
        attribuut = re.search(r"attribute '([^']+)'", str(fout))
        wat = f"'{attribuut[1]}'" if attribuut else "dit onderdeel"
        tekst = f"toegang tot {wat} is in sjablonen niet toegestaan (beveiligde omgeving)"
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding(
            tekst, bron, hint="sjablonen gebruiken alleen de gegevens uit hun context; " + HINT_CONTEXT
        )
    if isinstance(fout, jinja2.UndefinedError):
        return f"Sjabloon {naam} kan niet worden ingevuld", _onbekend(str(fout), bron)
    if isinstance(fout, RecursionError):
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding("het sjabloon voegt zichzelf (via include) steeds opnieuw in", bron)
    if isinstance(fout, UnicodeDecodeError):
        return f"Sjabloon {naam} kan niet worden gelezen", _niet_utf8(fout, naam, project, mappen)
    if isinstance(fout, FilterFout):
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding(str(fout), bron, hint=HINT_CONTEXT)
    if isinstance(fout, Grensfout):
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding(str(fout), bron, hint=HINT_GRENS)
    if isinstance(fout, OverflowError):
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding("de uitkomst van een berekening is te groot", bron, hint=HINT_GRENS)
    if isinstance(fout, MemoryError):
        return f"Sjabloon {naam} kan niet worden ingevuld", Melding("het sjabloon vraagt meer geheugen dan er is", bron, hint=HINT_GRENS)
    return f"Sjabloon {naam} kan niet worden ingevuld", Melding(
        f"deze uitdrukking kan niet worden berekend ({type(fout).__name__}: {fout})", bron, hint=HINT_CONTEXT
    )


def _onbekend(tekst: str, bron: Bron) -> Melding:
    naam = re.search(r"has no attribute '([^']+)'", tekst) or re.search(r"'([^']+)' is undefined", tekst)
    if naam is None:
        return Melding(f"onbekende naam ({tekst})", bron, hint=HINT_CONTEXT)
    bij = re.search(r"'(?:[\w.]+\.)?(\w+) object'", tekst)
    waar = f" bij {_soort(bij[1])}" if bij else ""
    naast = suggestie(naam[1], WOORDENSCHAT)
    hint = f"bedoelde u '{naast}'? " if naast else ""
    return Melding(f"'{naam[1]}' bestaat niet{waar}", bron, hint=hint + HINT_CONTEXT)


def _soort(typenaam: str) -> str:
    return {"Briefgegevens": "de gegevens van de deelnemer", "dict": "dit onderdeel van de context", "Deelnemer": "een deelnemer"}.get(
        typenaam, typenaam
    )


def _vertaal(bericht: str) -> str:
    for patroon, nederlands in _SYNTAX:
        if m := re.search(patroon, bericht):
            return nederlands.format(*m.groups())
    return bericht


def _niet_utf8(fout: UnicodeDecodeError, naam: str, project: Path | None, mappen: Iterable[str]) -> Melding:
    pad = next((Path(m) / naam for m in mappen if (Path(m) / naam).is_file()), Path(naam))
    voor = fout.object[: fout.start] if isinstance(fout.object, bytes) else b""
    regel = voor.count(b"\n") + 1
    kolom = fout.start - (voor.rfind(b"\n") + 1) + 1
    return Melding(
        "sjabloon is geen geldige UTF-8",
        Bron(_toon(str(pad), project), regel, kolom),
        hint="sla het sjabloon op als UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8)",
    )


def _plek(fout: BaseException, naam: str, project: Path | None) -> Bron:
    """The innermost template line in the traceback (Jinja rewrites it to the template's lines);
    for endless recursion the line that recurses: the one that occurs most often."""
    tb = fout.__traceback__
    plekken = []
    while tb is not None:
        bestand = tb.tb_frame.f_code.co_filename
        if bestand.endswith(".j2"):
            plekken.append(Bron(_toon(bestand, project), tb.tb_lineno))
        tb = tb.tb_next
    if not plekken:
        return Bron(naam)
    if isinstance(fout, RecursionError):
        return max(reversed(plekken), key=plekken.count)
    return plekken[-1]


def _toon(pad: str, project: Path | None) -> str:
    return relatief(Path(pad), project) if project is not None else pad
