"""The second bundled example: an openbaar lichaam with raden, colleges and burgemeesters as parties.

`voorbeelden/belastingsamenwerking-twente-oost/` (fictional, marked as such) has three amendments:
an uittreding, a herindeling and a content change in the stage ontwerp. The package of every one is
built with `bouw --alle --strict`; golden Markdown of the documents that show the party model is in
tests/golden/twente-oost/ (read before committing; regenerate with `python -m tests.test_twente_oost`).
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import grgen
from generator.loader.bestanden import lees_bestand
from generator.pipeline import laad
from generator.render.pakket import render_pakket

PROJECT = Path(__file__).resolve().parent.parent
VOORBEELD = PROJECT / "voorbeelden" / "belastingsamenwerking-twente-oost"
GOLDEN = Path(__file__).resolve().parent / "golden" / "twente-oost"
GOLDEN_DOCUMENTEN = {
    "2026-uittreding-wierden": [
        "wijzigingsbesluit.md",
        "kennisgeving.md",
        "wierden/raadsvoorstel.md",
        "oldenzaal/raadsbesluit.md",
        "regeling-organen/besluit-algemeen-bestuur-voorwaarden.md",
    ],
    "2027-herindeling-noordoost-twente": [
        "wijzigingsbesluit.md",
        "kennisgeving.md",
        "noordoost-twente/raadsbesluit.md",
        "noordoost-twente/besluit-burgemeester.md",
        "oldenzaal/collegebesluit.md",
    ],
    "2027-informatiebeveiliging": ["wijzigingsbesluit.md", "oldenzaal/zienswijzebrief.md", "losser/raadsvoorstel.md"],
}


@pytest.fixture(scope="module")
def pakketten():
    _, g = laad(VOORBEELD).geschiedenis()
    return {w: render_pakket(VOORBEELD, g, g.toepassing(w), lezer=lees_bestand) for w in GOLDEN_DOCUMENTEN}


def _tekst(naam: str, inhoud: bytes) -> str:
    if not naam.endswith(".docx"):
        return inhoud.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Path:
    """Both bundled examples built as a user does: `bouw --alle --strict` (copies, not the repository)."""
    doel = tmp_path_factory.mktemp("voorbeelden")
    hengelo = doel / "hengelo"
    for map_ in ("regeling", "wijzigingen"):
        shutil.copytree(PROJECT / map_, hengelo / map_)
    twente = doel / "twente-oost"
    shutil.copytree(VOORBEELD, twente, ignore=shutil.ignore_patterns("output"))
    for project in (hengelo, twente):
        r = CliRunner().invoke(grgen, ["-C", str(project), "bouw", "--alle", "--strict"])
        assert r.exit_code == 0, r.output
    return doel


def test_beide_voorbeelden_bouwen_strikt(gebouwd) -> None:
    pakketten = sorted(p.name for p in (gebouwd / "twente-oost" / "output" / "belastingsamenwerking-twente-oost").iterdir())
    assert pakketten == sorted(GOLDEN_DOCUMENTEN)


def test_geen_centrumgemeente_buiten_een_centrumregeling(gebouwd) -> None:
    """Wgr art. 8: only a centrumregeling has a centrumgemeente; every output (Markdown and the
    XML parts of every Word document) of the openbaar lichaam is free of it."""
    bestanden = [p for p in (gebouwd / "twente-oost" / "output").rglob("*") if p.is_file()]
    assert len(bestanden) > 100
    for pad in bestanden:
        assert "centrumgemeente" not in _tekst(pad.name, pad.read_bytes()).lower(), pad
    # The centrumregeling still says what it is (the test can fail).
    hengelo = (gebouwd / "hengelo" / "output").rglob("*.md")
    assert any("centrumgemeente" in p.read_text(encoding="utf-8") for p in hengelo)


@pytest.mark.parametrize(("wijziging", "naam"), [(w, n) for w, namen in GOLDEN_DOCUMENTEN.items() for n in namen])
def test_golden(wijziging: str, naam: str, pakketten) -> None:
    verwacht = (GOLDEN / wijziging / naam).read_text(encoding="utf-8")
    assert pakketten[wijziging].bestanden[naam].decode("utf-8") == verwacht


def test_stukken_per_orgaan(pakketten) -> None:
    """Where the raad is a party it adopts (no zienswijze, no toestemming); Oldenzaal's college
    needs the toestemming of its raad and, in the stage ontwerp, asks its zienswijze."""
    ontwerp = set(pakketten["2027-informatiebeveiliging"].bestanden)
    assert "oldenzaal/zienswijzebrief.md" in ontwerp
    assert not {"losser/zienswijzebrief.md", "noordoost-twente/zienswijzebrief.md"} & ontwerp
    assert {"losser/raadsvoorstel.md", "losser/raadsbesluit.md", "losser/collegebesluit.md", "losser/besluit-burgemeester.md"} <= ontwerp
    losser = pakketten["2027-informatiebeveiliging"].bestanden["losser/raadsbesluit.md"].decode()
    assert "toestemming" not in losser
    oldenzaal = pakketten["2027-informatiebeveiliging"].bestanden["oldenzaal/raadsbesluit.md"].decode()
    assert "toestemming te verlenen" in oldenzaal


def test_herindeling_stukken_naar_de_nieuwe_gemeente(pakketten) -> None:
    """No document for a gemeente after it ceased to exist; the new gemeente decides."""
    namen = set(pakketten["2027-herindeling-noordoost-twente"].bestanden)
    assert not [n for n in namen if n.startswith(("dinkelland/", "tubbergen/", "wierden/"))]
    assert "noordoost-twente/raadsbesluit.md" in namen
    besluit = pakketten["2027-herindeling-noordoost-twente"].bestanden["wijzigingsbesluit.md"].decode()
    assert 'In de artikelen 2 en 20 wordt "Dinkelland" telkens vervangen door "Noordoost-Twente".' in besluit
    assert not re.search(r"treedt .*(toe tot|uit de)", besluit)  # nobody joins or leaves: the law replaces


def test_rollen_van_het_algemeen_bestuur(pakketten) -> None:
    uittreding = set(pakketten["2026-uittreding-wierden"].bestanden)
    assert {"regeling-organen/besluit-algemeen-bestuur-voorwaarden.md", "regeling-organen/besluit-algemeen-bestuur-advies.md"} <= uittreding
    inhoud = set(pakketten["2027-informatiebeveiliging"].bestanden)
    assert "regeling-organen/besluit-algemeen-bestuur-voorwaarden.md" not in inhoud


def test_deelnemers_op_datum() -> None:
    """Wet arhi art. 41, derde lid: the deelnemer list changes on the date of herindeling."""
    _, g = laad(VOORBEELD).geschiedenis()
    import datetime as dt

    laatste = g.tijdlijn.laatste
    assert [d.id for d in laatste.deelnemers_op(dt.date(2026, 12, 31))] == ["dinkelland", "losser", "oldenzaal", "tubbergen"]
    assert [d.id for d in laatste.deelnemers_op(dt.date(2027, 1, 1))] == ["losser", "oldenzaal", "noordoost-twente"]


def schrijf_goldens() -> None:  # pragma: no cover - run by hand, then read every changed line
    _, g = laad(VOORBEELD).geschiedenis()
    for wijziging, namen in GOLDEN_DOCUMENTEN.items():
        pakket = render_pakket(VOORBEELD, g, g.toepassing(wijziging), lezer=lees_bestand)
        for naam in namen:
            pad = GOLDEN / wijziging / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(pakket.bestanden[naam])


if __name__ == "__main__":  # pragma: no cover
    schrijf_goldens()
    sys.exit(0)
