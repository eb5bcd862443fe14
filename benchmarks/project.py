"""A synthetic workload (synth.py) written as a real grgen project: YAML files a user could have.

    python benchmarks/project.py MAP --artikelen 1000 --wijzigingen 200 [--seed 1]

writes MAP/regeling/synthetisch/regeling.yaml, one file per hoofdstuk in its hoofdstukken/ and one
file per amendment in MAP/wijzigingen/, in the format of docs/formaat.md, and copies the bundled
sjablonen/ (a package needs them). Reading the project back gives the drawn sources:
`schrijf_project` checks that (the same regeling, the same versions after every amendment), so the benchmark's commands work
on the regeling synth.py describes. The files are made by the benchmark, not kept in the repository.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import Werklast, maak_werklast  # noqa: E402

from generator.loader.regeling import NIEUW_ID  # noqa: E402
from generator.model import Element  # noqa: E402
from generator.model.wijziging import Operatie, Wijziging  # noqa: E402

# The key under which the children of an element are listed (docs/formaat.md).
KINDSLEUTEL = {"hoofdstuk": "artikelen", "artikel": None, "lid": "onderdelen", "onderdeel": "onderdelen"}


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.sort_base_mapping_type_on_output = False  # keep the documented key order
    return yaml


def element_data(e: Element, ouder_id: str | None) -> dict[str, Any]:
    """An element as the YAML mapping the loader reads; ids and numbers a reader derives are left out."""
    uit: dict[str, Any] = {}
    afgeleid = ouder_id is not None and e.id == f"{ouder_id}.{e.nummer}"
    if e.id != NIEUW_ID and not (e.soort in ("lid", "onderdeel", "subonderdeel") and afgeleid):
        uit["id"] = e.id
    if e.soort in ("hoofdstuk", "paragraaf", "artikel") and e.nummer:
        uit["nummer"] = int(e.nummer) if e.nummer.isdigit() else e.nummer
    if e.opschrift:
        uit["opschrift"] = e.opschrift
    if e.tekst is not None:
        uit["tekst"] = e.tekst
    if e.kinderen:
        sleutel = KINDSLEUTEL[e.soort] or ("leden" if e.kinderen[0].soort == "lid" else "onderdelen")
        eigen = None if e.id == NIEUW_ID else e.id
        uit[sleutel] = [element_data(k, eigen) for k in e.kinderen]
    if e.slottekst:
        uit["slottekst"] = e.slottekst
    return uit


def operatie_data(op: Operatie) -> dict[str, Any]:
    uit: dict[str, Any] = {"actie": op.actie}
    adres = op.doel.tekst if op.doel is not None else None
    if op.actie == "invoegen":
        uit[op.positie] = adres
    elif op.actie == "toevoegen":
        uit["aan"] = adres
    else:
        uit["doel"] = adres
    if op.actie == "woorden_invoegen":
        uit[op.positie] = op.wat
        uit["tekst"] = op.tekst
    elif op.actie == "opschrift":
        uit["nieuw"] = op.tekst
    else:
        for veld in ("wat", "door", "tekst"):
            if getattr(op, veld) is not None:
                uit[veld] = getattr(op, veld)
    if op.nieuw is not None:
        uit["nieuw"] = element_data(op.nieuw, None)
    return uit


def wijziging_data(w: Wijziging) -> dict[str, Any]:
    return {
        "id": w.id,
        "titel": w.titel,
        "kort": w.kort,
        "basis": w.basis,
        "betreft": w.betreft,
        "vorm": w.vorm,
        "stadium": w.stadium,
        "datum_besluit": w.datum_besluit,
        "inwerkingtreding": w.inwerkingtreding,
        "wijzigingen": [operatie_data(op) for op in w.operaties],
    }


def regeling_data(wl: Werklast, hoofdstukbestanden: list[str]) -> dict[str, Any]:
    r, i = wl.regeling, wl.info
    return {
        "citeertitel": r.citeertitel,
        "officiele_titel": r.officiele_titel,
        "soort": r.soort,
        "wettelijke_grondslag": r.wettelijke_grondslag,
        "centrumgemeente": r.centrumgemeente,
        "publicerende_gemeente": r.publicerende_gemeente,
        "versie": {"id": i.id, "betreft": i.betreft, "datum_ondertekening": i.datum_ondertekening, "inwerkingtreding": i.inwerkingtreding},
        "deelnemers": [
            {
                "id": d.id,
                "naam": d.naam,
                "soort": d.soort,
                "bestuursorgaan": d.bestuursorgaan,
                "toestemmingsorgaan": d.toestemmingsorgaan,
                "sinds": d.sinds,
            }
            for d in r.deelnemers
        ],
        "aanhef": r.aanhef,
        "considerans": list(r.considerans),
        "afkondiging": r.afkondiging,
        "hoofdstukken": hoofdstukbestanden,
    }


def schrijf_project(map_: Path, seed: int, artikelen: int, wijzigingen: int, controleer: bool = True) -> Werklast:
    """Draw the workload and write it as a project in `map_` (which must not hold one yet)."""
    wl = maak_werklast(seed, artikelen, wijzigingen)
    yaml = _yaml()
    regelingmap = map_ / "regeling" / wl.regeling.slug
    (regelingmap / "hoofdstukken").mkdir(parents=True)
    bestanden = []
    for h in wl.regeling.kinderen:
        naam = f"hoofdstukken/{int(h.nummer):04d}.yaml"
        with (regelingmap / naam).open("w", encoding="utf-8") as f:
            yaml.dump(element_data(h, None), f)
        bestanden.append(naam)
    with (regelingmap / "regeling.yaml").open("w", encoding="utf-8") as f:
        yaml.dump(regeling_data(wl, bestanden), f)
    (map_ / "wijzigingen").mkdir()
    for w in wl.wijzigingen:
        with (map_ / "wijzigingen" / f"{w.id}.yaml").open("w", encoding="utf-8") as f:
            yaml.dump(wijziging_data(w), f)
    shutil.copytree(REPO / "sjablonen", map_ / "sjablonen")
    if controleer:
        _controleer(map_, wl)
    return wl


def _controleer(map_: Path, wl: Werklast) -> None:
    """Reading the files back and applying every amendment gives the drawn versions, element for element."""
    from generator.loader import lees_project
    from generator.wijzigen.tijdlijn import bouw_geschiedenis

    project = lees_project(map_)
    regeling, info = project.regeling(wl.regeling.slug)
    if regeling.kinderen != wl.regeling.kinderen:
        raise AssertionError("project.py: the regeling read back differs from the drawn one")
    gelezen = bouw_geschiedenis(regeling, info, project.wijzigingen).tijdlijn.versies
    getrokken = bouw_geschiedenis(wl.regeling, wl.info, wl.wijzigingen).tijdlijn.versies
    if [v.regeling.kinderen for v in gelezen] != [v.regeling.kinderen for v in getrokken]:
        raise AssertionError("project.py: the versions built from the files differ from those of the drawn amendments")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("map", type=Path)
    p.add_argument("--artikelen", type=int, default=1000)
    p.add_argument("--wijzigingen", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    schrijf_project(args.map, args.seed, args.artikelen, args.wijzigingen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
