"""LibreOffice as a reader and as the PDF maker (issue 17, scopes 2 and 5).

Three independent readers must give the same accept and reject view of every renvooi: pandoc,
LibreOffice (headless, accept/reject all by a Basic macro in a private profile) and an lxml
reader with Word's rules. LibreOffice also makes the PDFs of `grgen bouw --pdf`; their pages are
rendered to PNG (pdftoppm) to count pages and find empty ones.

LibreOffice is slow to start, so every document goes through one soffice call per fixture.
"""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.blokken import blokken
from generator.cli import grgen
from generator.loader.bestanden import lees_bestand
from generator.pipeline import laad
from generator.render.docx.document import Docx
from generator.render.docx.oxml import Revisie
from generator.render.pakket import render_pakket
from tests.docxhulp import libreoffice_teksten, lint_revisies, lxml_tekst, pandoc_tekst

PROJECT = Path(__file__).resolve().parent.parent
WIJZIGINGEN = ["2022-toetreding-haaksbergen", "2025-uitbreiding-informatiemanagement", "2025-toetreding-borne"]
REV = Revisie("Griffie", datetime.date(2025, 12, 16))

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd; zie README")


_VIJANDIG = [
    ([("gelijk", "Een "), ("ingevoegd", "nieuw slot")], "gelijk", "Normal"),
    ([("gelijk", "Nieuw één.")], "ingevoegd", "Lid"),
    ([("gelijk", "Blijft.")], "gelijk", "Normal"),
    ([("gelijk", "Artikel 2 Kop")], "gelijk", "Heading 2"),
    ([("gelijk", "Nieuw na kop.")], "ingevoegd", "Normal"),
    ([("gelijk", "Vervalt.")], "verwijderd", "Lid"),
    ([("gelijk", "Nieuw na vervallen.")], "ingevoegd", "Lid"),
    ([("gelijk", "Tekst "), ("verwijderd", "oud"), ("ingevoegd", "nieuw")], "gelijk", "Lid"),
    ([("gelijk", "Run a.")], "ingevoegd", "Onderdeel"),
    ([("gelijk", "Run b.")], "ingevoegd", "Onderdeel"),
    ([("gelijk", "Run c.")], "ingevoegd", "Lid"),
    ([("gelijk", "Voor kop "), ("ingevoegd", "erbij")], "gelijk", "Normal"),
    ([("gelijk", "Artikel 3 Nieuw")], "ingevoegd", "Heading 2"),
    ([("gelijk", "Lid van nieuw artikel.")], "ingevoegd", "Lid"),
    ([("gelijk", "Slot "), ("verwijderd", "weg")], "gelijk", "Normal"),
    ([("gelijk", "Artikel 4 Nieuw zonder leden")], "ingevoegd", "Heading 2"),
    ([("gelijk", "Laatste "), ("ingevoegd", "tekst")], "gelijk", "Normal"),
    ([("gelijk", "Nieuw aan het eind.")], "ingevoegd", "Normal"),
]
# Where pandoc's reader cannot follow (a moved paragraph mark next to a heading) and an own
# mark would make LibreOffice merge paragraphs: Word and LibreOffice are right, pandoc not.
_VIJANDIG_KOP = [
    ([("gelijk", "Artikel 2 "), ("ingevoegd", "Kop")], "gelijk", "Heading 2"),
    ([("gelijk", "Nieuw na gewijzigde kop.")], "ingevoegd", "Normal"),
    ([("gelijk", "Voor "), ("ingevoegd", "erbij")], "gelijk", "Normal"),
    ([("gelijk", "Artikel 3 Alleen een kop")], "ingevoegd", "Heading 2"),
    ([("gelijk", "Daarna.")], "gelijk", "Normal"),
]


# A body of 1.8 MB: its document.xml is deflated in blocks on two threads (maak_basis._in_blokken).
_GROOT = [([(s, f"{t} {n}") for s, t in seg], status, stijl) for n in range(400) for seg, status, stijl in _VIJANDIG]


def _docx(alineas) -> bytes:  # noqa: ANN001
    doc = Docx(revisie=REV)
    for segmenten, status, stijl in alineas:
        doc.alinea(segmenten, stijl=stijl, alinea_status=status)
    return doc.bewaar_bytes()


def _verwacht(alineas, modus: str) -> list[str]:  # noqa: ANN001
    houden, weg = ("ingevoegd", "verwijderd") if modus == "accept" else ("verwijderd", "ingevoegd")
    return [" ".join("".join(t for s, t in seg if s in ("gelijk", houden)).split()) for seg, status, _ in alineas if status != weg]


@pytest.fixture(scope="module")
def pakketten():
    _, g = laad(PROJECT).geschiedenis()
    return {t.wijziging.id: (t, render_pakket(PROJECT, g, t, lezer=lees_bestand).bestanden) for t in g.toepassingen}


@pytest.fixture(scope="module")
def weergaven(pakketten):
    documenten = {f"{w}/renvooi": b["renvooi.docx"] for w, (_, b) in pakketten.items()}
    documenten |= {f"{w}/was-wordt": b["was-wordt.docx"] for w, (_, b) in pakketten.items()}
    documenten["vijandig"] = _docx(_VIJANDIG)
    documenten["vijandig-kop"] = _docx(_VIJANDIG_KOP)
    documenten["groot"] = _docx(_GROOT)
    return libreoffice_teksten(documenten)


def _normaal(regels) -> list[str]:  # noqa: ANN001
    return [" ".join(r.split()) for r in regels if r.strip()]


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
@pytest.mark.parametrize("modus", ["accept", "reject"])
def test_renvooi_drie_lezers_eens(wijziging: str, modus: str, pakketten, weergaven) -> None:
    """LibreOffice, pandoc and the lxml reader give the same view, and it is the version."""
    t, bestanden = pakketten[wijziging]
    docx = bestanden["renvooi.docx"]
    lo = weergaven[(f"{wijziging}/renvooi", modus)]
    assert "" not in lo  # no paragraph left empty, none merged away
    assert lo == pandoc_tekst(docx, modus) == lxml_tekst(docx, modus)
    versie = t.na.regeling if modus == "accept" else t.voor.regeling
    assert _normaal(lo)[3:-1] == _normaal(b.volledig for b in blokken(versie))
    assert lint_revisies(docx) == []


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
@pytest.mark.parametrize("modus", ["accept", "reject"])
def test_waswordt_drie_lezers_eens(wijziging: str, modus: str, pakketten, weergaven) -> None:
    docx = pakketten[wijziging][1]["was-wordt.docx"]
    lo = _normaal(weergaven[(f"{wijziging}/was-wordt", modus)])
    assert lo == _normaal(pandoc_tekst(docx, modus)) == _normaal(lxml_tekst(docx, modus))


@pytest.mark.parametrize("modus", ["accept", "reject"])
def test_vijandige_buren_van_nieuwe_alineas(modus: str, weergaven) -> None:
    """Every neighbourhood of a new paragraph: after a paragraph ending in an insertion (what
    made LibreOffice merge paragraphs), after a heading, after a deleted paragraph, a run of
    three, a new artikel, a heading alone, a new last paragraph."""
    data = _docx(_VIJANDIG)
    assert lint_revisies(data) == []
    verwacht = _verwacht(_VIJANDIG, modus)
    assert weergaven[("vijandig", modus)] == verwacht
    assert pandoc_tekst(data, modus) == verwacht
    assert lxml_tekst(data, modus) == verwacht


@pytest.mark.parametrize("modus", ["accept", "reject"])
def test_groot_document_in_blokken_gedeflateerd(modus: str, weergaven) -> None:
    """A document whose body is deflated in blocks reads as any other in all three readers."""
    from generator.render.docx.maak_basis import BLOKKEN_VANAF

    data = _docx(_GROOT)
    assert len(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")) > 2 * BLOKKEN_VANAF
    verwacht = _verwacht(_GROOT, modus)
    assert weergaven[("groot", modus)] == verwacht
    assert pandoc_tekst(data, modus) == verwacht
    assert lxml_tekst(data, modus) == verwacht


@pytest.mark.parametrize("modus", ["accept", "reject"])
def test_vijandige_koppen_libreoffice_en_word_kloppen(modus: str, weergaven) -> None:
    data = _docx(_VIJANDIG_KOP)
    assert lint_revisies(data) == []
    verwacht = _verwacht(_VIJANDIG_KOP, modus)
    assert weergaven[("vijandig-kop", modus)] == verwacht
    assert lxml_tekst(data, modus) == verwacht


# Pages per document type of the Borne package (LibreOffice 7.4, Liberation fonts), as (fewest,
# most): Hengelo's raadsvoorstel holds one paragraph more (the centrumgemeente) than the others'.
PAGINAS = {
    "collegebesluit": (2, 2),  # six beslispunten and two signatures kept whole (keepLines)
    "raadsbesluit": (1, 1),
    "raadsvoorstel": (3, 4),
    "zienswijzebrief": (2, 2),
    "besluit-algemeen-bestuur": (2, 2),
    "besluit-dagelijks-bestuur": (2, 2),
    "voorstel-algemeen-bestuur": (3, 3),
    "geconsolideerd": (11, 11),
    "kennisgeving": (2, 2),  # with its signature block
    "renvooi": (10, 10),
    "was-wordt": (1, 1),
    "wijzigingsbesluit": (4, 4),  # ARTIKEL I to III, five signature blocks, the toelichting
}


@pytest.fixture(scope="module")
def pdf_bouw(tmp_path_factory):
    """`grgen bouw 2025-toetreding-borne --pdf` in a copy of the project."""
    map_ = tmp_path_factory.mktemp("pdf")
    shutil.copytree(PROJECT / "regeling", map_ / "regeling")
    shutil.copytree(PROJECT / "wijzigingen", map_ / "wijzigingen")
    r = CliRunner().invoke(grgen, ["-C", str(map_), "bouw", "2025-toetreding-borne", "--pdf"])
    assert r.exit_code == 0, r.output
    return next((map_ / "output").glob("*/2025-toetreding-borne"))


def _paginas(pdf: Path, stam: Path) -> list[tuple[int, int, bytes]]:
    """Each page as (width, height, grey values 0 black .. 255 white), rendered at 40 dpi (at 20
    dpi two short lines of text, a signature on a page of its own, stay lighter than 128)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(pdf), str(stam)], check=True, timeout=120)
    uit = []
    for png in sorted(stam.parent.glob(f"{stam.name}-*.png")):
        with Image.open(png) as beeld:
            uit.append((beeld.width, beeld.height, beeld.convert("L").tobytes()))
    return uit


def test_pdf_naast_elk_worddocument_zonder_lege_paginas(pdf_bouw: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is niet geïnstalleerd")
    word = sorted(p.relative_to(pdf_bouw).with_suffix("").as_posix() for p in pdf_bouw.rglob("*.docx"))
    assert word and word == sorted(p.relative_to(pdf_bouw).with_suffix("").as_posix() for p in pdf_bouw.rglob("*.pdf"))
    aantallen = {}
    for i, naam in enumerate(word):
        pdf = pdf_bouw / f"{naam}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        paginas = _paginas(pdf, tmp_path / f"d{i}")
        aantallen[naam] = len(paginas)
        for nummer, (breedte, hoogte, grijs) in enumerate(paginas, start=1):
            # The body: below the running header, above the page number.
            romp = grijs[int(hoogte * 0.10) * breedte : int(hoogte * 0.90) * breedte]
            assert min(romp) < 128, f"{naam}.pdf: pagina {nummer} is leeg"
    buiten = {
        naam: n for naam, n in aantallen.items() if not PAGINAS[naam.rsplit("/", 1)[-1]][0] <= n <= PAGINAS[naam.rsplit("/", 1)[-1]][1]
    }
    assert not buiten, f"paginatal buiten verwachting: {buiten}"
    assert {naam.rsplit("/", 1)[-1] for naam in aantallen} == set(PAGINAS)


def test_pdf_zonder_libreoffice_zegt_wat_te_doen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _naam: None)
    r = CliRunner().invoke(grgen, ["-C", str(PROJECT), "bouw", "--pdf"])
    assert r.exit_code == 1
    assert "LibreOffice" in r.stderr and "apt-get install libreoffice-writer-nogui" in r.stderr and "Traceback" not in r.output
