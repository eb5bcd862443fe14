"""The approval package: which documents, per deelnemer, templates, overrides, warnings.

Golden Markdown of each document type for the Borne amendment is in tests/golden/pakket-borne/
(read before committing; regenerate with `python -m tests.test_pakket` and read the diff).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.cli import grgen
from generator.loader.bestanden import lees_bestand
from generator.pipeline import laad
from generator.render.pakket import render_pakket

PROJECT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "pakket-borne"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BORNE = "2025-toetreding-borne"
# The documents whose wording the golden files fix: shared ones and those of two deelnemers
# (a gemeente joining and the openbaar lichaam, whose algemeen bestuur acts as the raad).
GOLDEN_DOCUMENTEN = [
    "kennisgeving.md",
    "borne/zienswijzebrief.md",
    "borne/raadsvoorstel.md",
    "borne/raadsbesluit.md",
    "borne/collegebesluit.md",
    "swb-midden-twente/voorstel-algemeen-bestuur.md",
    "swb-midden-twente/besluit-algemeen-bestuur.md",
    "swb-midden-twente/besluit-dagelijks-bestuur.md",
]


@pytest.fixture(scope="module")
def borne():
    _, g = laad(PROJECT).geschiedenis()
    return render_pakket(PROJECT, g, g.toepassing(BORNE), lezer=lees_bestand)


def test_pakket_bevat_alle_documenten_per_deelnemer(borne) -> None:
    namen = set(borne.bestanden)
    for gedeeld in ("wijzigingsbesluit", "renvooi", "was-wordt", "geconsolideerd", "kennisgeving"):
        assert {f"{gedeeld}.md", f"{gedeeld}.docx"} <= namen
    for gemeente in ("borne", "haaksbergen", "hengelo", "oldenzaal"):
        for doc in ("raadsvoorstel", "raadsbesluit", "collegebesluit", "zienswijzebrief"):
            assert {f"{gemeente}/{doc}.md", f"{gemeente}/{doc}.docx"} <= namen
    for doc in ("voorstel-algemeen-bestuur", "besluit-algemeen-bestuur", "besluit-dagelijks-bestuur"):
        assert f"swb-midden-twente/{doc}.docx" in namen
    assert "index.md" in namen


def test_index_noemt_elk_document_met_sha256(borne) -> None:
    import hashlib

    index = borne.bestanden["index.md"].decode()
    for naam, inhoud in borne.bestanden.items():
        if naam != "index.md":
            assert naam in index
            assert hashlib.sha256(inhoud).hexdigest() in index


def test_zienswijzebrief_alleen_bij_ontwerp() -> None:
    _, g = laad(PROJECT).geschiedenis()
    vastgesteld = render_pakket(PROJECT, g, g.toepassing("2022-toetreding-haaksbergen"), lezer=lees_bestand)
    assert not [n for n in vastgesteld.bestanden if "zienswijzebrief" in n]


def test_raadsbesluit_volgt_de_indeling_van_hengelo(borne) -> None:
    md = borne.bestanden["hengelo/raadsbesluit.md"].decode()
    for kop in (
        "RAADSBESLUIT",
        "ZAAKNUMMER",
        "BEHANDELEND AMBTENAAR",
        "SECTOR",
        "PORT. HOUDER",
        "ONDERWERP",
        "DE RAAD VAN DE GEMEENTE HENGELO BESLUIT:",
        "PUBLIEKSVRIENDELIJKE SAMENVATTING",
    ):
        assert kop in md, kop
    assert "artikel 1, vierde lid, van de Wet gemeenschappelijke regelingen" in md
    ab = borne.bestanden["swb-midden-twente/besluit-algemeen-bestuur.md"].decode()
    assert "HET ALGEMEEN BESTUUR VAN HET OPENBAAR LICHAAM SWB MIDDEN TWENTE BESLUIT:" in ab
    assert "raad" not in ab.lower().replace("raden", "")


def _stijlen_en_teksten(docx: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(__import__("io").BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    uit = []
    for p in root.iter(f"{W}p"):
        stijl = p.find(f"{W}pPr/{W}pStyle")
        tekst = "".join("\t" if e.tag == f"{W}tab" else e.text or "" for e in p.iter(f"{W}t", f"{W}tab"))
        uit.append((stijl.get(f"{W}val") if stijl is not None else "Normal", tekst))
    return uit


def test_word_documenten_hebben_koppen_stijlen_en_tabellen(borne) -> None:
    alineas = _stijlen_en_teksten(borne.bestanden["hengelo/raadsbesluit.docx"])
    assert alineas[0] == ("Title", "RAADSBESLUIT")
    assert ("Heading1", "PUBLIEKSVRIENDELIJKE SAMENVATTING") in alineas
    assert any(s == "Lid" and t.startswith("1.\t") for s, t in alineas), "beslispunten met letterlijk nummer en tab"
    with zipfile.ZipFile(__import__("io").BytesIO(borne.bestanden["hengelo/raadsbesluit.docx"])) as z:
        document = z.read("word/document.xml").decode()
        assert "<w:tbl>" in document and "w:numPr" not in document
        assert "Centrumgemeenteregeling samenwerking ICT Hengelo" in z.read("word/header1.xml").decode()
        assert "PAGE" in z.read("word/footer1.xml").decode()
    geconsolideerd = _stijlen_en_teksten(borne.bestanden["geconsolideerd.docx"])
    assert ("Heading2", "Artikel 4a Taken op het gebied van informatiemanagement") in geconsolideerd
    assert ("Onderdeel", "a.\tambtelijk overleg: het overleg, bedoeld in artikel 10;") in geconsolideerd


@pytest.mark.parametrize("naam", GOLDEN_DOCUMENTEN)
def test_golden(naam: str, borne) -> None:
    verwacht = (GOLDEN / naam).read_text(encoding="utf-8")
    assert borne.bestanden[naam].decode("utf-8") == verwacht


def _kopie(tmp_path: Path) -> Path:
    for map_ in ("regeling", "wijzigingen"):
        shutil.copytree(PROJECT / map_, tmp_path / map_)
    return tmp_path


def test_sjabloon_per_deelnemer_overschrijven(tmp_path: Path) -> None:
    project = _kopie(tmp_path)
    (project / "sjablonen" / "oldenzaal").mkdir(parents=True)
    (project / "sjablonen" / "oldenzaal" / "raadsbesluit.md.j2").write_text(
        "# RAADSBESLUIT OLDENZAAL\n\nDe raad van {{ deelnemer.naam }} besluit over de {{ citeertitel }}.\n", encoding="utf-8"
    )
    _, g = laad(project).geschiedenis()
    pakket = render_pakket(project, g, g.toepassing(BORNE), lezer=lees_bestand)
    assert pakket.bestanden["oldenzaal/raadsbesluit.md"].decode() == (
        "# RAADSBESLUIT OLDENZAAL\n\nDe raad van Oldenzaal besluit over de Centrumgemeenteregeling samenwerking ICT Hengelo.\n"
    )
    assert pakket.bestanden["hengelo/raadsbesluit.md"].decode().startswith("# RAADSBESLUIT\n")


def test_eigen_referentiedocument_per_deelnemer(tmp_path: Path) -> None:
    """An organisation's house style: its reference document's fonts end up in its documents."""
    project = _kopie(tmp_path)
    basis = PROJECT / "generator" / "render" / "docx" / "basis.docx"
    (project / "sjablonen" / "hengelo").mkdir(parents=True)
    with zipfile.ZipFile(basis) as bron, zipfile.ZipFile(project / "sjablonen" / "hengelo" / "referentie.docx", "w") as doel:
        for item in bron.infolist():
            inhoud = bron.read(item.filename)
            if item.filename == "word/styles.xml":
                inhoud = inhoud.replace(b"Arial", b"Verdana")
            doel.writestr(item, inhoud)
    _, g = laad(project).geschiedenis()
    pakket = render_pakket(project, g, g.toepassing(BORNE), lezer=lees_bestand)
    with zipfile.ZipFile(__import__("io").BytesIO(pakket.bestanden["hengelo/raadsbesluit.docx"])) as z:
        assert b"Verdana" in z.read("word/styles.xml")
    with zipfile.ZipFile(__import__("io").BytesIO(pakket.bestanden["oldenzaal/raadsbesluit.docx"])) as z:
        assert b"Verdana" not in z.read("word/styles.xml")


def test_ontbrekende_gegevens_zichtbaar_en_strict(tmp_path: Path) -> None:
    project = _kopie(tmp_path)
    pad = project / "wijzigingen" / f"{BORNE}.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = re.sub(r"(\n  oldenzaal:\n(?:    .*\n)*?)    zaaknummer: .*\n", r"\1", tekst)
    pad.write_text(tekst, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(grgen, ["-C", str(project), "bouw", BORNE])
    assert r.exit_code == 0, r.stderr
    assert "deelnemer oldenzaal: gegeven 'zaaknummer' ontbreekt" in r.stderr
    md = next((project / "output").rglob("oldenzaal/raadsbesluit.md")).read_text(encoding="utf-8")
    assert "zaaknummer invullen" in md
    shutil.rmtree(project / "output")
    r = runner.invoke(grgen, ["-C", str(project), "bouw", BORNE, "--strict"])
    assert r.exit_code == 1
    assert "fout: deelnemer oldenzaal: gegeven 'zaaknummer' ontbreekt" in r.stderr
    assert not (project / "output").exists()


def test_tikfout_in_sjabloon_noemt_sjabloon_en_regel(tmp_path: Path) -> None:
    project = _kopie(tmp_path)
    (project / "sjablonen").mkdir()
    bron = (PROJECT / "sjablonen" / "raadsbesluit.md.j2").read_text(encoding="utf-8")
    (project / "sjablonen" / "raadsbesluit.md.j2").write_text(
        bron.replace("gegevens.zaaknummer", "gegevens.zaaknumer", 1), encoding="utf-8"
    )
    r = CliRunner().invoke(grgen, ["-C", str(project), "bouw", BORNE])
    assert r.exit_code == 1
    regel = next(i for i, t in enumerate(bron.splitlines(), start=1) if "gegevens.zaaknummer" in t)
    assert f"raadsbesluit.md.j2:{regel}" in r.stderr
    assert "zaaknumer" in r.stderr


if __name__ == "__main__":  # regenerate the golden files (read the diff before committing!)
    _, g = laad(PROJECT).geschiedenis()
    pakket = render_pakket(PROJECT, g, g.toepassing(BORNE), lezer=lees_bestand)
    for naam in GOLDEN_DOCUMENTEN:
        (GOLDEN / naam).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / naam).write_bytes(pakket.bestanden[naam])
