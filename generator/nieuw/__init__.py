"""The use case `grgen nieuw`: a new project with a minimal regeling that `grgen check` accepts.

The files come from the templates in `sjablonen/` next to this module (data, not code): a
regeling.yaml with the metadata asked for, two hoofdstukken with one artikel for every topic the
Wgr and the Aanwijzingen ask for (texts with [ ] to fill in), a README on overriding templates,
and a .gitignore for output/. Existing files are never overwritten.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import jinja2

from generator.errors import GebruiksFout
from generator.loader.regeling import SOORTEN_REGELING as SOORTEN
from generator.model.ids import slug
from generator.uitvoer import schrijf_nieuw

_SJABLONEN = Path(__file__).parent / "sjablonen"


@dataclasses.dataclass(frozen=True)
class Deelnemer:
    id: str
    naam: str
    soort: str

    @classmethod
    def uit_tekst(cls, tekst: str) -> Deelnemer:
        """A deelnemer as a user types it: "Hengelo" or "openbaar lichaam SWB Midden Twente".

        >>> Deelnemer.uit_tekst("openbaar lichaam SWB Midden Twente")
        Deelnemer(id='swb-midden-twente', naam='SWB Midden Twente', soort='openbaar lichaam')
        """
        naam, soort = " ".join(tekst.split()), "gemeente"
        for voorvoegsel, s in (("openbaar lichaam ", "openbaar lichaam"), ("gemeente ", "gemeente")):
            if naam.lower().startswith(voorvoegsel):
                naam, soort = naam[len(voorvoegsel) :].strip(), s
        if not slug(naam, 60):
            raise GebruiksFout(f"'{tekst}' is geen naam van een deelnemer")
        return cls(slug(naam, 60), naam, soort)


def _opsomming(namen: list[str]) -> str:
    """ "A", "A en B", "A, B en C"."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def bestanden_nieuw(
    citeertitel: str,
    soort: str,
    deelnemers: list[Deelnemer],
    inwerkingtreding: dt.date,
    centrumgemeente: str | None = None,
    grondslag: str | None = None,
) -> dict[str, bytes]:
    """The files of a new project, relative to its folder."""
    if soort not in SOORTEN:
        raise GebruiksFout(f"onbekende soort '{soort}'; toegestaan: {', '.join(SOORTEN)}")
    if len({d.id for d in deelnemers}) != len(deelnemers):
        raise GebruiksFout("twee deelnemers hebben dezelfde naam")
    gemeenten = [d for d in deelnemers if d.soort == "gemeente"]
    if not gemeenten:
        raise GebruiksFout("noem ten minste één gemeente als deelnemer: zij maakt de regeling bekend (Wgr art. 26)")
    centrum = gemeenten[0]
    if centrumgemeente:
        centrum = next((g for g in gemeenten if g.id == slug(centrumgemeente, 60)), None)  # type: ignore[assignment]
        if centrum is None:
            raise GebruiksFout(f"centrumgemeente '{centrumgemeente}' is geen van de gemeenten: {', '.join(g.naam for g in gemeenten)}")
    naam = slug(citeertitel, 60)
    if not naam:
        raise GebruiksFout("geef een citeertitel met letters of cijfers")
    if grondslag is None:
        grondslag = (
            "artikel 1, eerste lid, en artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen"
            if soort == "centrumregeling"
            else "artikel 1, eerste lid, van de Wet gemeenschappelijke regelingen"
        )
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(_SJABLONEN), undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    omgeving.filters["opsomming"] = _opsomming
    context = {
        "citeertitel": citeertitel,
        "soort": soort,
        "grondslag": grondslag,
        "centrumgemeente": centrum.id if soort == "centrumregeling" else None,
        "centrumgemeente_naam": centrum.naam,
        "publicerende_gemeente": centrum.id,
        "publicerende_gemeente_naam": centrum.naam,
        "versie_id": str(inwerkingtreding.year),
        "inwerkingtreding": inwerkingtreding.isoformat(),
        "deelnemers": deelnemers,
        "gemeenten": [g.naam for g in gemeenten],
        "lichamen": [d.naam for d in deelnemers if d.soort != "gemeente"],
        "deelnemers_zin": _deelnemers_zin(deelnemers),
        "voorbeeld": gemeenten[0].id,
    }
    map_ = f"regeling/{naam}"
    sjablonen = {
        f"{map_}/regeling.yaml": "regeling.yaml.j2",
        f"{map_}/hoofdstukken/01-algemene-bepalingen.yaml": "01-algemene-bepalingen.yaml.j2",
        f"{map_}/hoofdstukken/02-slotbepalingen.yaml": "02-slotbepalingen.yaml.j2",
        "sjablonen/README.md": "sjablonen-README.md.j2",
        "wijzigingen/README.md": "wijzigingen-README.md",
        ".gitignore": "gitignore",
    }
    return {pad: omgeving.get_template(s).render(context).encode("utf-8") for pad, s in sjablonen.items()}


def _deelnemers_zin(deelnemers: list[Deelnemer]) -> str:
    gemeenten = [d.naam for d in deelnemers if d.soort == "gemeente"]
    lichamen = [d.naam for d in deelnemers if d.soort != "gemeente"]
    delen = [f"de colleges van burgemeester en wethouders van de gemeente{'n' if len(gemeenten) > 1 else ''} {_opsomming(gemeenten)}"]
    if lichamen:
        delen.append(f"het dagelijks bestuur van het openbaar lichaam {_opsomming(lichamen)}")
    return " en ".join(delen)


def maak_project(map_: Path, bestanden: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """Write the new project; returns (written, already there and left alone).

    The regeling itself must be new: if its folder exists, nothing is written at all."""
    regeling = next(p for p in bestanden if p.endswith("regeling.yaml"))
    if (map_ / regeling).parent.exists():
        raise GebruiksFout(f"De map {(map_ / regeling).parent} bestaat al; er is niets geschreven. Kies een andere citeertitel")
    return schrijf_nieuw(map_, bestanden)
