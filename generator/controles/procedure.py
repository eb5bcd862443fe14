"""Rules on the procedure schedule of an amendment: can the dates happen in this order?

The schedule is the amendment's `procedure:` (dates common to every deelnemer) with the
deelnemers' own dates under `deelnemers:` where they differ (`Wijziging.gegeven`). The order the
Wgr and the Awb require:

    datum_college_ontwerp <= datum_brief            the college sends the ontwerp (art. 1, tweede lid)
    datum_brief + 8 weeks <= datum_zienswijze       the zienswijze term (art. 1, derde lid)
    datum_zienswijze < datum_college, datum_raad    the voorstel and the toestemming follow the term
    datum_raad < datum_besluit                      the besluit follows every toestemming (art. 1, vierde lid)
    datum_besluit < datum_bekendmaking              (art. 26)
    datum_bekendmaking < inwerkingtreding           unless terugwerkende kracht is stated (Awb 3:40)

and every date of a meeting, a letter or a deadline falls on a working day. Each finding points at
the key that holds the date (the deelnemer's own, or the common one).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.controles.motor import Regel, Vondst, Zicht
from generator.errors import FOUT, WAARSCHUWING
from generator.model.wijziging import Wijziging

ZIENSWIJZETERMIJN = dt.timedelta(weeks=8)

# What each date is, as a message names it.
NAMEN = {
    "datum_college_ontwerp": "de collegevergadering die het ontwerp verzendt",
    "datum_brief": "de zienswijzebrief",
    "datum_zienswijze": "het einde van de zienswijzetermijn",
    "datum_college": "de collegevergadering over het voorstel",
    "datum_raad": "de toestemming",
    "datum_besluit": "het besluit",
    "datum_bekendmaking": "de bekendmaking",
}


def _deelnemers(z: Zicht) -> list[str | None]:
    """The deelnemers whose schedule counts: every one involved, plus any with own data; None
    stands for the common schedule when nobody is named."""
    w = z.toepassing.wijziging
    na = z.toepassing.na
    uit = {d.id for d in na.regeling.deelnemers if d.neemt_deel_op(w.inwerkingtreding) or d.tot == w.inwerkingtreding}
    return sorted(uit | set(w.deelnemers)) or [None]


def _datum(w: Wijziging, deelnemer: str | None, sleutel: str) -> dt.date | None:
    if sleutel == "datum_besluit":
        return w.datum_besluit
    waarde = w.gegeven(deelnemer, sleutel)
    return waarde if isinstance(waarde, dt.date) else None


def _volgorde(z: Zicht, eerder: str, later: str, minimum: dt.timedelta, tekst: str, hint: str) -> Iterator[Vondst]:
    """`later` must lie at least `minimum` after `eerder`; reported once per pair of keys."""
    w = z.toepassing.wijziging
    gezien: set[tuple[str, str]] = set()
    for deelnemer in _deelnemers(z):
        a, b = _datum(w, deelnemer, eerder), _datum(w, deelnemer, later)
        if a is None or b is None or b - a >= minimum:
            continue
        bron, pad = w.bron_van(deelnemer, later)
        _, pad_eerder = w.bron_van(deelnemer, eerder) if eerder != "datum_besluit" else (None, "datum_besluit")
        if (pad, pad_eerder) in gezien:
            continue
        gezien.add((pad, pad_eerder))
        yield Vondst(
            tekst.format(eerder=f"{NAMEN[eerder]} ({a:%d-%m-%Y})", later=f"{NAMEN[later]} ({b:%d-%m-%Y})"),
            bron,
            f"'{pad}'",
            hint.format(eerder=pad_eerder, later=pad),
            pad,
        )


def brief_na_college(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1, tweede lid: the college sends the ontwerp; its letter is dated on or after that meeting."""
    yield from _volgorde(
        z,
        "datum_college_ontwerp",
        "datum_brief",
        dt.timedelta(0),
        "{later} is gedateerd vóór {eerder}",
        "dateer '{later}' op of na '{eerder}'",
    )


def zienswijzetermijn(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1, derde lid: the raad has eight weeks for its zienswijze."""
    yield from _volgorde(
        z,
        "datum_brief",
        "datum_zienswijze",
        ZIENSWIJZETERMIJN,
        "{later} ligt minder dan acht weken na {eerder}",
        "de raad heeft acht weken na toezending; zet '{later}' ten minste acht weken na '{eerder}'",
    )


def zienswijze_voor_toestemming(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1, tweede en derde lid: the raad decides on toestemming after the zienswijze term."""
    yield from _volgorde(
        z,
        "datum_zienswijze",
        "datum_raad",
        dt.timedelta(days=1),
        "{later} valt niet na {eerder}; de raad geeft eerst zijn zienswijze op het ontwerp en daarna toestemming",
        "controleer '{eerder}' en '{later}'",
    )


def voorstel_na_zienswijze(z: Zicht) -> Iterator[Vondst]:
    """The voorstel reports the zienswijzen received, so the college adopts it after the term."""
    yield from _volgorde(
        z,
        "datum_zienswijze",
        "datum_college",
        dt.timedelta(days=1),
        "{later} valt niet na {eerder}; het voorstel vermeldt de ingekomen zienswijzen",
        "zet '{later}' na '{eerder}' (de vergadering waarin het college het voorstel vaststelt)",
    )


def toestemming_voor_besluit(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1, vierde lid: the college decides only after the raad gave toestemming."""
    w = z.toepassing.wijziging
    gezien: set[str] = set()
    for deelnemer in _deelnemers(z):
        toestemming = _datum(w, deelnemer, "datum_raad")
        if toestemming is None or toestemming < w.datum_besluit:
            continue
        bron, pad = w.bron_van(deelnemer, "datum_raad")
        if pad in gezien:
            continue
        gezien.add(pad)
        d = z.toepassing.na.regeling.zoek_deelnemer(deelnemer or "")
        orgaan = d.toestemmingsorgaan if d else "raad"
        yield Vondst(
            f"de toestemming van de {orgaan} ({toestemming:%d-%m-%Y}) valt niet vóór het besluit ({w.datum_besluit:%d-%m-%Y}); "
            "het besluit wordt pas genomen na de toestemming",
            bron,
            f"'{pad}'",
            f"controleer '{pad}' en 'datum_besluit'",
            pad,
        )


def bekendmaking_na_besluit(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 26: what is published is the besluit taken."""
    yield from _volgorde(
        z,
        "datum_besluit",
        "datum_bekendmaking",
        dt.timedelta(days=1),
        "{later} valt niet na {eerder}",
        "zet '{later}' na 'datum_besluit'",
    )


def inwerkingtreding_na_bekendmaking(z: Zicht) -> Iterator[Vondst]:
    """Awb art. 3:40: a besluit takes effect after its bekendmaking, unless it states
    terugwerkende kracht; the fallback formulas cover a late bekendmaking by their wording."""
    w = z.toepassing.wijziging
    if w.terugwerkende_kracht or w.inwerkingtreding_vorm != "datum":
        return
    bekendmaking = _datum(w, None, "datum_bekendmaking")
    # Without a planned bekendmaking, the earliest is the day after the besluit.
    vroegst = (bekendmaking or w.datum_besluit + dt.timedelta(days=1)) + dt.timedelta(days=1)
    if w.inwerkingtreding >= vroegst:
        return
    bron, pad = w.bron_van(None, "inwerkingtreding")
    bekend = (
        f"de bekendmaking ({bekendmaking:%d-%m-%Y})"
        if bekendmaking
        else f"de vroegst mogelijke bekendmaking, de dag na het besluit ({w.datum_besluit:%d-%m-%Y})"
    )
    tekst = f"de inwerkingtreding ({w.inwerkingtreding:%d-%m-%Y}) valt niet na {bekend} en het besluit werkt niet terug"
    yield Vondst(
        tekst,
        bron,
        f"'{pad}'",
        "kies 'inwerkingtreding_vorm: datum_of_later' (de vaste datum of, bij een latere bekendmaking, de dag daarna), "
        "plan 'procedure: datum_bekendmaking' vóór de inwerkingtreding, of geef 'terugwerkende_kracht' op",
        pad,
    )


# The Algemene termijnenwet (art. 3, eerste lid) names its algemeen erkende feestdagen: Nieuwjaarsdag,
# Christelijke tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the King's birthday as
# celebrated, and the fifth of May. The holidays library computes the movable ones; of its Dutch
# days, these are not such a feestdag (Goede Vrijdag), and it has the fifth of May only in lustrum
# years, where the law counts it every year.
_GEEN_ATW_FEESTDAG = frozenset({"Goede vrijdag"})
_VIJF_MEI = "Bevrijdingsdag"


@functools.cache
def _feestdagen(jaar: int) -> dict[dt.date, str]:
    """The Algemene termijnenwet's feestdagen of a year, by date: from the holidays library, or
    from grgen's cache folder when it holds this year for this release of the library.

    Asking the library costs about a tenth of a second in every process (importing it imports all
    of its 279 countries), most of `grgen check` on a small project. With `GRGEN_CACHE` set, the
    use case hands down grgen's cache folder (`bewaar_feestdagen_in`), and each year's table is
    kept there (signed, under this grgen's code) by the library's version file, so another
    release of `holidays` computes it again.
    """
    opslag = _opslag[0]
    naam = f"{_bibliotheekversie()}-{jaar}.json"
    bewaard = opslag[0](naam) if opslag else None
    if bewaard is not None:
        try:
            return {dt.date.fromisoformat(datum): dag for datum, dag in json.loads(bewaard).items()}
        except (ValueError, TypeError, AttributeError):
            pass  # not a table grgen wrote: asked again, and stored over
    dagen = _uit_de_bibliotheek(jaar)
    if opslag:
        opslag[1](naam, json.dumps({d.isoformat(): dag for d, dag in sorted(dagen.items())}, ensure_ascii=False).encode())
    return dagen


def _uit_de_bibliotheek(jaar: int) -> dict[dt.date, str]:
    import holidays  # only when a date falls on a weekday: the import costs a tenth of a second

    dagen = {
        datum: naam for datum, naam in holidays.country_holidays("NL", years=jaar, language="nl").items() if naam not in _GEEN_ATW_FEESTDAG
    }
    dagen.setdefault(dt.date(jaar, 5, 5), _VIJF_MEI)
    return dagen


# (read, store) of grgen's cache folder, handed down by the use case that runs the checks
# (`bewaar_feestdagen_in`); None: every process asks the library.
_opslag: list[tuple[Callable[[str], bytes | None], Callable[[str, bytes], None]] | None] = [None]


def bewaar_feestdagen_in(opslag: tuple[Callable[[str], bytes | None], Callable[[str, bytes], None]] | None) -> None:
    """Keep each year's feestdagen in `opslag` too (`generator.loader.cache.code_opslag`), or
    in this process's memory only (None)."""
    _opslag[0] = opslag


@functools.cache
def _bibliotheekversie() -> str:
    """A short hash of the installed holidays library's version file, found without importing
    the library (its metadata would cost 17 ms); "onbekend" when it cannot be read."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return "onbekend"
    try:
        inhoud = (Path(spec.origin).parent / "version.py").read_bytes()
    except OSError:
        return "onbekend"
    return hashlib.sha256(inhoud).hexdigest()[:12]


def geen_werkdag(datum: dt.date) -> str | None:
    """Why a date is no working day under the Algemene termijnenwet, or None.

    >>> geen_werkdag(dt.date(2025, 9, 13)), geen_werkdag(dt.date(2025, 12, 25)), geen_werkdag(dt.date(2025, 12, 16))
    ('een zaterdag', 'Eerste kerstdag', None)
    >>> geen_werkdag(dt.date(2026, 4, 3)), geen_werkdag(dt.date(2026, 5, 5)), geen_werkdag(dt.date(2026, 4, 27))
    (None, 'Bevrijdingsdag', 'Koningsdag')
    """
    if datum.weekday() == 5:
        return "een zaterdag"
    if datum.weekday() == 6:
        return "een zondag"
    return _feestdagen(datum.year).get(datum)


def werkdagen(z: Zicht) -> Iterator[Vondst]:
    """Meetings, letters and deadlines fall on working days (a deadline on a weekend day or a
    public holiday moves to the next working day: Algemene termijnenwet, art. 1)."""
    w = z.toepassing.wijziging
    gezien: set[str] = set()
    for deelnemer in _deelnemers(z):
        for sleutel in NAMEN:
            datum = _datum(w, deelnemer, sleutel)
            reden = geen_werkdag(datum) if datum else None
            if reden is None:
                continue
            bron, pad = (
                w.bron_van(deelnemer, sleutel) if sleutel != "datum_besluit" else (w.bronnen.get("datum_besluit", w.bron), "datum_besluit")
            )
            if pad in gezien:
                continue
            gezien.add(pad)
            yield Vondst(
                f"{NAMEN[sleutel]} valt op {datum:%d-%m-%Y}, {reden}",
                bron,
                f"'{pad}'",
                "kies een werkdag",
                pad,
            )


REGELS: list[Regel] = [
    Regel(
        "wgr-1-2-brief-na-college",
        "Wgr art. 1, tweede lid",
        FOUT,
        "de zienswijzebrief is gedateerd op of na de collegevergadering die het ontwerp verzendt",
        brief_na_college,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-3-zienswijzetermijn",
        "Wgr art. 1, derde lid",
        FOUT,
        "de termijn voor de zienswijze is ten minste acht weken na toezending van het ontwerp",
        zienswijzetermijn,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-3-zienswijze-voor-toestemming",
        "Wgr art. 1, tweede en derde lid",
        FOUT,
        "de zienswijzetermijn is voorbij voordat de raad over de toestemming besluit",
        zienswijze_voor_toestemming,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-3-voorstel-na-zienswijze",
        "Wgr art. 1, derde lid",
        WAARSCHUWING,
        "het college stelt het voorstel om toestemming vast na afloop van de zienswijzetermijn",
        voorstel_na_zienswijze,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-4-toestemming-voor-besluit",
        "Wgr art. 1, vierde lid",
        FOUT,
        "de raad (of het algemeen bestuur) geeft toestemming vóór het besluit tot wijziging",
        toestemming_voor_besluit,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-26-bekendmaking-na-besluit",
        "Wgr art. 26",
        FOUT,
        "de bekendmaking volgt op het besluit",
        bekendmaking_na_besluit,
        alleen_wijzigingen=True,
    ),
    Regel(
        "awb-3.40-inwerkingtreding-na-bekendmaking",
        "Awb art. 3:40",
        FOUT,
        "een besluit met een vaste datum van inwerkingtreding wordt vóór die datum bekendgemaakt, tenzij het terugwerkt",
        inwerkingtreding_na_bekendmaking,
        alleen_wijzigingen=True,
    ),
    Regel(
        "procedure-werkdag",
        "Algemene termijnenwet, art. 1",
        WAARSCHUWING,
        "vergaderingen, brieven en termijnen vallen op een werkdag (geen weekend, geen algemeen erkende feestdag)",
        werkdagen,
        alleen_wijzigingen=True,
    ),
]
