"""The use case `grgen importeer`: a source in, `regeling/<naam>/` out, with a report.

Read the source (a file, or a CVDR id fetched from the official repository), build the
structure, convert references, make the YAML, measure the round trip (`toon` of the import
against the source), and only then put the files in place, in one move: never over an existing
folder unless asked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from generator.errors import FOUT, Bron, GebruiksFout, GrgenFout, InvoerFout, Melding
from generator.importeer.alineas import Brontekst
from generator.importeer.lezen import lees_bestand, lees_bron, soort_van
from generator.importeer.schrijven import als_yaml, element_kaart, hoofdstukbestand
from generator.importeer.schrijven import tekst as yaml_tekst
from generator.importeer.structuur import Opbouw, bouw_opbouw
from generator.importeer.vergelijk import Vergelijking, bronalineas, toonalineas, vergelijk
from generator.importeer.verwijzingen import Blijft, zet_om
from generator.model import Regeling, Versie, VersieInfo
from generator.model.bijlage import bijlage_kaart
from generator.model.ids import ID, slug
from generator.uitvoer import schrijf_pakket

CVDR_ID = re.compile(r"^CVDR\d+(?:_\d+)?$", re.IGNORECASE)
GRONDSLAG_INVULLEN = "[wettelijke grondslag invullen]"
# regeling.yaml's word for an aanhef or afkondiging the source does not have (loader/regeling.py).
GEEN = "geen"


@dataclasses.dataclass(frozen=True)
class Opties:
    """What the user tells the import beside the source (all optional when the source says it)."""

    naam: str | None = None  # folder name regeling/<naam>/
    soort: str | None = None
    deelnemers: tuple[str, ...] = ()  # "Hengelo" or "openbaar lichaam SWB Midden Twente"
    centrumgemeente: str | None = None
    publicerende_gemeente: str | None = None
    inwerkingtreding: dt.date | None = None
    versie_id: str | None = None
    grondslag: str | None = None
    overschrijf: bool = False
    strikt: bool = False
    sru_adres: str | None = None


@dataclasses.dataclass(frozen=True)
class Resultaat:
    """What the import wrote and found."""

    map: Path
    bestanden: tuple[str, ...]
    meldingen: tuple[Melding, ...]
    omgezet: int
    blijft: tuple[Blijft, ...]
    vergelijking: Vergelijking
    andere_regelingen: tuple[str, ...] = ()  # other regelingen in the project: wijzigingen must name theirs
    # Paragraphs the format requires and the import added, each reported (see splits_kader).
    kader: tuple[str, ...] = ()


def lees(bron: str, opties: Opties = Opties()) -> Brontekst:
    """The neutral structure of the source: a file, or a CVDR id fetched over the network."""
    if CVDR_ID.match(bron) and not Path(bron).exists():
        from generator.importeer.sru import haal_cvdr

        inhoud = haal_cvdr(bron, opties.sru_adres)
        return lees_bron(inhoud, bron.upper(), "xml")
    pad = Path(bron)
    inhoud = lees_bestand(pad)
    return lees_bron(inhoud, pad.name, soort_van(pad, inhoud))


def importeer(bron: str, project: Path, opties: Opties = Opties()) -> Resultaat:
    """Import `bron` into `project/regeling/<naam>/`.

    Warnings (anomalies in the source, references left as text) are returned; with
    `opties.strikt` they stop the import before anything is written.
    """
    brontekst = lees(bron, opties)
    opbouw = bouw_opbouw(brontekst)
    if not opbouw.kinderen:
        soort = brontekst.gegevens.get("publicatie")
        raise InvoerFout(
            f"In {brontekst.naam} staat geen enkel artikel of hoofdstuk; er is niets geschreven. "
            + (f"De publicatie is een {soort}, geen regeling." if soort else "Is dit wel een regeling?")
            + " Een artikel begint met een regel als 'Artikel 1 Begripsbepalingen'"
        )
    kop, meldingen = _kopgegevens(brontekst, opbouw, opties)
    naam = opties.naam or slug(opbouw.titel, 60) or "regeling"
    if not ID.match(naam):
        raise GebruiksFout(f"'{naam}' is geen geldige naam voor een regeling; gebruik kleine letters, cijfers en streepjes")
    regeling = Regeling(naam, opbouw.titel, opbouw.titel, kop["soort"], "", None, "", (), "", (), "", opbouw.kinderen)
    verwijzingen = zet_om(regeling)
    alle = sorted([*opbouw.meldingen, *meldingen], key=lambda m: (m.bron.regel, m.bron.kolom))
    if not opbouw.aanhef:
        alle.append(
            Melding(
                "de bron heeft geen aanhef; grgen schrijft 'aanhef: geen' en drukt er niets af",
                Bron(brontekst.naam),
                hint="grgen check waarschuwt hiervoor (een gemeenschappelijke regeling noemt in de aanhef wie haar treffen); "
                "vul 'aanhef' in regeling.yaml in",
                ernst="waarschuwing",
            )
        )
    if not opbouw.afkondiging:
        alle.append(
            Melding(
                "de bron heeft geen afkondiging (de zin vóór het eerste artikel, zoals 'besluiten vast te stellen ...:'); "
                "grgen schrijft 'afkondiging: geen' en drukt er niets af",
                Bron(brontekst.naam),
                hint="grgen check waarschuwt hiervoor; vul zo nodig 'afkondiging' in regeling.yaml in",
                ernst="waarschuwing",
            )
        )
    bestanden = _bestanden(kop, opbouw, verwijzingen.kinderen, brontekst, alle)
    vergelijking = _proef(kop, opbouw, verwijzingen.kinderen, brontekst)
    doel = project / "regeling" / naam
    if opties.strikt and alle:
        raise GrgenFout("Afwijkingen in de bron bij --strict; er is niets geschreven", [dataclasses.replace(m, ernst=FOUT) for m in alle])
    if doel.exists() and not opties.overschrijf:
        raise GebruiksFout(
            f"De map {doel} bestaat al; er is niets geschreven. Kies een andere naam met --naam, of vervang de map met --overschrijf"
        )
    schrijf_pakket(doel, bestanden, project)
    andere = tuple(sorted(p.name for p in doel.parent.iterdir() if p.name != naam and (p / "regeling.yaml").is_file()))
    return Resultaat(
        doel, tuple(sorted(bestanden)), tuple(alle), verwijzingen.omgezet, verwijzingen.blijft, vergelijking, andere, opbouw.toegevoegd
    )


def _proef(kop: dict, opbouw: Opbouw, kinderen: tuple, brontekst: Brontekst) -> Vergelijking:
    """Render the imported regeling as `grgen toon` does and compare it with the source.

    It renders the model the YAML is written from, not the files read back: reading them again
    would double the time of a large import. The tests load every imported regeling with the
    ordinary loader and assert the same text (tests/test_importeer.py)."""
    from generator.render.tekstweergave import als_tekst

    voorwerk = _voorwerk(opbouw)
    regeling = Regeling(
        slug="import",
        citeertitel=kop["citeertitel"],
        officiele_titel=kop["officiele_titel"],
        soort=kop["soort"],
        wettelijke_grondslag=kop["wettelijke_grondslag"],
        centrumgemeente=kop.get("centrumgemeente"),
        publicerende_gemeente=kop["publicerende_gemeente"],
        deelnemers=(),
        aanhef="" if voorwerk["aanhef"] == GEEN else voorwerk["aanhef"],
        considerans=tuple(voorwerk.get("considerans", ())),
        afkondiging="" if voorwerk["afkondiging"] == GEEN else voorwerk["afkondiging"],
        kinderen=kinderen,
        reconstructie=opbouw.reconstructie,
        ondertekening=opbouw.ondertekening,
        bijlagen=opbouw.bijlagen,
    )
    versie = Versie(VersieInfo(kop["versie"]["id"], "nieuwe regeling", kop["versie"]["inwerkingtreding"]), regeling)
    return vergelijk(bronalineas(brontekst), toonalineas(als_tekst(versie)))


def _deelnemer(tekst: str) -> dict:
    soort = "gemeente"
    naam = tekst.strip()
    for voorvoegsel in ("openbaar lichaam ", "gemeente "):
        if naam.lower().startswith(voorvoegsel):
            soort = "openbaar lichaam" if voorvoegsel.startswith("openbaar") else "gemeente"
            naam = naam[len(voorvoegsel) :].strip()
    return {"id": slug(naam, 60) or "deelnemer", "naam": naam, "soort": soort}


def _kopgegevens(bron: Brontekst, opbouw: Opbouw, opties: Opties) -> tuple[dict, list[Melding]]:
    """The metadata of regeling.yaml: from the options, else from the source, else a clear error."""
    g = bron.gegevens
    meldingen: list[Melding] = []
    ontbreekt: list[str] = []
    plek = Bron(bron.naam)
    deelnemers = [_deelnemer(d) for d in opties.deelnemers] or ([_deelnemer(g["maker"])] if g.get("maker") else [])
    if not deelnemers:
        ontbreekt.append("de deelnemers (--deelnemer Hengelo --deelnemer Oldenzaal ...)")
    inwerkingtreding = opties.inwerkingtreding
    if inwerkingtreding is None and g.get("inwerkingtreding"):
        try:
            inwerkingtreding = dt.date.fromisoformat(g["inwerkingtreding"])
        except ValueError:
            meldingen.append(
                Melding(f"ongeldige datum van inwerkingtreding in de bron: {g['inwerkingtreding']!r}", plek, ernst="waarschuwing")
            )
    if inwerkingtreding is None:
        ontbreekt.append("de datum van inwerkingtreding (--inwerkingtreding JJJJ-MM-DD)")
    if ontbreekt:
        raise GebruiksFout(f"De bron {bron.naam} noemt niet: {'; '.join(ontbreekt)}. Geef die als optie; er is niets geschreven")
    ids = [d["id"] for d in deelnemers]
    if len(set(ids)) != len(ids):
        raise GebruiksFout(f"Twee deelnemers hebben dezelfde naam: {', '.join(ids)}")
    gemeenten = [d["id"] for d in deelnemers if d["soort"] == "gemeente"]
    if not gemeenten:
        raise GebruiksFout("Noem ten minste één gemeente als deelnemer: zij maakt de regeling bekend (Wgr art. 26)")
    publicerend = _kies(opties.publicerende_gemeente, gemeenten, "--publicerende-gemeente") or gemeenten[0]
    soort = opties.soort or _soort_uit_titel(opbouw.titel)
    centrum = _kies(opties.centrumgemeente, gemeenten, "--centrumgemeente") or (publicerend if soort == "centrumregeling" else None)
    grondslag = opties.grondslag or next(
        (re.sub(r"^gelet op\s+|[;.,]$", "", a, flags=re.IGNORECASE) for a in opbouw.aanhef if a.lower().startswith("gelet op")), None
    )
    if grondslag is None:
        grondslag = GRONDSLAG_INVULLEN
        meldingen.append(
            Melding(
                "de bron noemt geen wettelijke grondslag ('gelet op ...')",
                plek,
                hint=f"vul 'wettelijke_grondslag' in regeling.yaml in, of geef --grondslag; nu staat er {GRONDSLAG_INVULLEN}",
                ernst="waarschuwing",
            )
        )
    versie_id = opties.versie_id or str(inwerkingtreding.year)
    kop: dict = {
        "citeertitel": opbouw.titel,
        "officiele_titel": opbouw.titel,
        "soort": soort,
        "wettelijke_grondslag": grondslag,
    }
    if centrum:
        kop["centrumgemeente"] = centrum
    kop["publicerende_gemeente"] = publicerend
    versie: dict = {"id": versie_id, "betreft": "nieuwe regeling", "inwerkingtreding": inwerkingtreding}
    for sleutel, bronsleutel in (
        ("bekendmaking", "bekendmaking"),
        ("vastgesteld_door", "vastgesteld_door"),
        ("kenmerk_voorstel", "kenmerk"),
    ):
        if g.get(bronsleutel):
            versie[sleutel] = g[bronsleutel]
    kop["versie"] = versie
    kop["deelnemers"] = [{**d, "sinds": inwerkingtreding} for d in deelnemers]
    return kop, meldingen


def _kies(waarde: str | None, gemeenten: list[str], optie: str) -> str | None:
    if waarde is None:
        return None
    kandidaat = slug(waarde, 60)
    if kandidaat not in gemeenten:
        raise GebruiksFout(f"{optie} '{waarde}' is geen van de gemeenten die deelnemen: {', '.join(gemeenten)}")
    return kandidaat


def _soort_uit_titel(titel: str) -> str:
    t = titel.lower()
    for woord, soort in (
        ("centrumgemeente", "centrumregeling"),
        ("centrumregeling", "centrumregeling"),
        ("bedrijfsvoering", "bedrijfsvoeringsorganisatie"),
    ):
        if woord in t:
            return soort
    return "regeling zonder meer"


def _voorwerk(opbouw: Opbouw) -> dict:
    """aanhef, considerans, afkondiging and ondertekening as the source has them, in that order."""
    uit: dict = {"aanhef": opbouw.aanhef[0] if opbouw.aanhef else GEEN}
    if opbouw.aanhef[1:]:
        uit["considerans"] = list(opbouw.aanhef[1:])
    uit["afkondiging"] = opbouw.afkondiging or GEEN
    return uit


def _bestanden(kop: dict, opbouw: Opbouw, kinderen: tuple, bron: Brontekst, meldingen: list[Melding]) -> dict[str, bytes]:
    """regeling.yaml and one file per hoofdstuk; regeling.yaml opens with what to check."""
    bestanden: dict[str, bytes] = {}
    namen = []
    for i, h in enumerate(kinderen, start=1):
        naam = hoofdstukbestand(i, h)
        namen.append(naam)
        bestanden[naam] = als_yaml(element_kaart(h))
    regeling = {**kop, **_voorwerk(opbouw), "hoofdstukken": namen}
    if opbouw.ondertekening:
        regeling["ondertekening"] = yaml_tekst(opbouw.ondertekening, 2)
    if opbouw.reconstructie:
        regeling["reconstructie"] = opbouw.reconstructie
    if opbouw.bijlagen:
        regeling["bijlagen"] = [bijlage_kaart(b) for b in opbouw.bijlagen]
    regels = [f"Geïmporteerd door 'grgen importeer' uit {bron.naam}."]
    if bron.gegevens.get("identifier"):
        regels.append(f"CVDR: {bron.gegevens['identifier']}" + (f" ({bron.gegevens['betreft']})" if bron.gegevens.get("betreft") else ""))
    if meldingen:
        regels.append(f"LET OP: de import meldde {len(meldingen)} afwijking(en); controleer deze plaatsen in de bron:")
        regels += [f"- {m.bron}: {m.tekst}" for m in meldingen]
    bestanden["regeling.yaml"] = als_yaml(regeling, "\n".join(regels))
    return bestanden
