"""Reading YAML files: the only place grgen opens a source file.

Files are read as bytes and decoded strictly as UTF-8, so a file saved in another encoding is
reported with its line and column instead of turning into mojibake. ruamel.yaml (round trip)
keeps the line and column of every key and value, which every later error message uses.

Dates are kept as strings here and parsed by the field checker, so an impossible date
("2017-13-01") gets the same clear message as any other wrong value. Anchors and aliases are
refused: the format does not need them and they open the door to alias bombs.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from ruamel.yaml.parser import Parser
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import Scanner

from generator.errors import Bron, Melding, reden

# A source file larger than this is refused before reading (a regeling of 10,000 artikelen is
# about 5 MB); it protects the machine from a file that is not a regeling at all.
MAX_BESTAND = 50 * 1024 * 1024
MAX_DIEPTE = 40
_GEWOON_GETAL = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
# Characters that may not occur in a file name grgen is asked to read (NUL cannot be passed to
# the operating system at all; the others are never meant).
_ONGELDIGE_NAAMTEKENS = re.compile("[\x00-\x1f\x7f]")


class _Structuurfout(Exception):
    """An alias or absurd nesting, found while composing (before any object is built)."""

    def __init__(self, tekst: str, mark: Any, hint: str | None = None) -> None:
        super().__init__(tekst)
        self.tekst, self.mark, self.hint = tekst, mark, hint


class _Samensteller(Composer):
    """ruamel's composer, refusing aliases and nesting deeper than MAX_DIEPTE as it goes: one pass
    over the file, and no recursion deep enough to exhaust Python's stack."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            raise _Structuurfout(
                "YAML-verwijzingen (anker & en alias *) worden niet ondersteund", self.parser.peek_event().start_mark, "schrijf de tekst voluit"
            )
        if self.parser.check_event(MappingStartEvent, SequenceStartEvent):
            self._grgen_diepte = getattr(self, "_grgen_diepte", 0) + 1
            try:
                if self._grgen_diepte > MAX_DIEPTE:
                    raise _Structuurfout(f"te diep genest (meer dan {MAX_DIEPTE} niveaus)", self.parser.peek_event().start_mark)
                return super().compose_node(parent, index)
            finally:
                self._grgen_diepte -= 1
        return super().compose_node(parent, index)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _Samensteller
    # The round-trip constructor gives every mapping and list its line and column; the round-trip
    # scanner and parser would also keep comments, which grgen never writes back: the plain ones
    # read the same data and positions in two thirds of the time.
    yaml.Scanner = Scanner
    yaml.Parser = Parser
    # Scalars are kept as the text the user typed: dates are parsed (and reported) by the field
    # checker, and a number is never reinterpreted (YAML reads 0x1F as 31, 1.10 as 1.1 and 010 as
    # 10; an opschrift "1.10" or a tekst "0x1F" must stay what it says). Only a whole number
    # written plainly (5, -3, no leading zero) is a number.
    constructors = yaml.constructor.yaml_constructors
    tekst = constructors["tag:yaml.org,2002:str"]
    geheel = constructors["tag:yaml.org,2002:int"]
    constructors["tag:yaml.org,2002:timestamp"] = tekst
    constructors["tag:yaml.org,2002:float"] = tekst
    constructors["tag:yaml.org,2002:int"] = lambda c, node: geheel(c, node) if _GEWOON_GETAL.match(node.value) else tekst(c, node)
    return yaml


def lees_bestand(pad: Path, naam: str, grens: Path | None = None, maximum: int = MAX_BESTAND) -> tuple[bytes | None, list[Melding]]:
    """The bytes of one source file, or the reasons it may not be read.

    Only a regular file is read (not a folder, pipe or device), only when it is at most `maximum`
    bytes (checked before reading), and with `grens` only when its real path, symbolic links
    followed, lies inside that folder: the project is the boundary of what grgen reads.

    >>> lees_bestand(Path("/bestaat/niet.yaml"), "niet.yaml")[1][0].tekst
    'bestand bestaat niet'
    """
    if m := _ONGELDIGE_NAAMTEKENS.search(str(pad)):
        return None, [Melding(f"de bestandsnaam bevat een besturingsteken (U+{ord(m[0]):04X})", Bron(naam.replace("\x00", "\\0")))]
    try:
        echt = pad.resolve(strict=True)
    except FileNotFoundError:
        return None, [Melding("bestand bestaat niet", Bron(naam))]
    except RuntimeError:  # a symbolic link loop (Python 3.11 raises this instead of ELOOP)
        return None, [Melding("bestand kan niet worden gelezen: de symbolische koppeling verwijst naar zichzelf", Bron(naam))]
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    if grens is not None and not echt.is_relative_to(grens.resolve()):
        return None, [
            Melding(
                f"bestand is een symbolische koppeling naar {echt}, buiten het project",
                Bron(naam),
                hint="grgen leest alleen bestanden in de projectmap; kopieer het bestand in het project",
            )
        ]
    try:
        fd = os.open(echt, os.O_RDONLY | os.O_NONBLOCK)  # O_NONBLOCK: a pipe must not block before the check below
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            return None, [Melding("dit is een map, geen bestand", Bron(naam))]
        if not stat.S_ISREG(status.st_mode):
            return None, [Melding("dit is geen gewoon bestand (maar een apparaat, pijp of socket); grgen leest alleen gewone bestanden", Bron(naam))]
        if status.st_size > maximum:
            return None, [Melding(f"bestand is te groot ({status.st_size} bytes); toegestaan: tot {maximum} bytes", Bron(naam))]
        with os.fdopen(os.dup(fd), "rb") as f:
            ruw = f.read(maximum + 1)
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    finally:
        os.close(fd)
    if len(ruw) > maximum:  # the file grew after the check
        return None, [Melding(f"bestand is te groot (meer dan {maximum} bytes); toegestaan: tot {maximum} bytes", Bron(naam))]
    return ruw, []


def lees_yaml(pad: Path, naam: str, grens: Path | None = None) -> tuple[Any, list[Melding]]:
    """Read one YAML file; return its data or the reasons it cannot be read.

    `naam` is the path as the user should see it in messages; `grens` the project folder the
    file must lie in (see `lees_bestand`).
    """
    ruw, meldingen = lees_bestand(pad, naam, grens)
    if ruw is None:
        return None, meldingen
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = ruw[: e.start]
        regel = voor.count(b"\n") + 1
        kolom = e.start - (voor.rfind(b"\n") + 1) + 1
        return None, [
            Melding(
                f"bestand is geen geldige UTF-8 (byte 0x{ruw[e.start]:02x})",
                Bron(naam, regel, kolom),
                hint="sla het bestand op als UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8)",
            )
        ]
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]  # a byte order mark at the start is how some editors save UTF-8
    yaml = _yaml()
    try:
        data = yaml.load(tekst)
        if data is None:
            return None, [
                Melding(
                    "bestand is leeg",
                    Bron(naam, 1, 1),
                    hint="een leeg bestand of alleen commentaar is geen regeling, hoofdstuk of wijziging",
                )
            ]
        return data, []
    except _Structuurfout as e:
        return None, [Melding(e.tekst, Bron(naam, e.mark.line + 1, e.mark.column + 1), hint=e.hint)]
    except MarkedYAMLError as e:
        plek = e.problem_mark or e.context_mark
        regel, kolom = (plek.line + 1, plek.column + 1) if plek else (0, 0)
        return None, [Melding(_yaml_fout(e), Bron(naam, regel, kolom), hint=_yaml_hint(e))]
    except ReaderError as e:
        # A character YAML does not allow, written as is (not as an escape like "\u0007").
        voor = tekst[: e.position]
        regel, kolom = voor.count("\n") + 1, e.position - (voor.rfind("\n") + 1) + 1
        teken = e.character if isinstance(e.character, int) else ord(str(e.character)[:1] or "?")
        return None, [
            Melding(
                f"besturingsteken U+{teken:04X} is niet toegestaan",
                Bron(naam, regel, kolom),
                hint="verwijder het teken (vaak meegekopieerd uit een pdf of e-mail)",
            )
        ]
    except YAMLError as e:
        return None, [Melding(f"ongeldige YAML: {e}", Bron(naam))]


# ruamel.yaml's English problems, as patterns, and what a drafter should read instead.
_VERTALING: tuple[tuple[str, str], ...] = (
    (r"found duplicate key \"(?P<sleutel>[^\"]*)\"", "dubbele sleutel '{sleutel}'"),
    (
        r"mapping values are not allowed here",
        "ongeldige YAML: een dubbele punt is hier niet toegestaan (zet de tekst tussen aanhalingstekens)",
    ),
    (
        r"found character '\\t' that cannot start any token",
        "ongeldige YAML: een tab mag niet voor inspringing worden gebruikt; gebruik spaties",
    ),
    (r"found character (?P<teken>.*) that cannot start any token", "ongeldige YAML: teken {teken} mag hier niet staan"),
    (r"could not find expected ':'", "ongeldige YAML: dubbele punt ontbreekt"),
    (r"found unexpected end of stream", "ongeldige YAML: bestand eindigt onverwacht (aanhalingsteken niet gesloten?)"),
    (r"found unexpected ':'", "ongeldige YAML: onverwachte dubbele punt"),
    (r"did not find expected key", "ongeldige YAML: sleutel verwacht (inspringing klopt niet?)"),
    (r"did not find expected '-' indicator", "ongeldige YAML: lijstteken '-' verwacht (inspringing klopt niet?)"),
    (r"special characters are not allowed", "ongeldige YAML: besturingsteken in de tekst is niet toegestaan"),
    (r"found undefined alias", "ongeldige YAML: onbekende alias"),
    (r"expected <block end>, but found", "ongeldige YAML: inspringing klopt niet"),
    (r"found unknown escape character", "ongeldige YAML: onbekende escape-reeks met \\ tussen dubbele aanhalingstekens"),
    (r"but found another document", "ongeldige YAML: het bestand bevat meer dan één YAML-document (een tweede '---')"),
)
_MEER_DOCUMENTEN = "een bestand bevat één regeling, hoofdstuk of wijziging; verwijder de regel '---' of splits het bestand"


def _yaml_hint(e: MarkedYAMLError) -> str:
    if "another document" in (e.problem or ""):
        return _MEER_DOCUMENTEN
    return "controleer inspringing, dubbele punten en aanhalingstekens"


def _yaml_fout(e: MarkedYAMLError) -> str:
    probleem = (e.problem or "").strip()
    for patroon, nederlands in _VERTALING:
        if m := re.search(patroon, probleem):
            return nederlands.format(**m.groupdict())
    return f"ongeldige YAML ({probleem or e.context})"
