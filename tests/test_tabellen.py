"""Tables as a careful Word user makes them (issue 17, scope 3).

Measured with the font metrics of the reference document's font: Arial, whose advance widths
Liberation Sans (Debian fonts-liberation2) shares; read here with fontTools, independently of
the width data grgen keeps.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.loader.bestanden import lees_bestand
from generator.pipeline import laad
from generator.render.pakket import render_pakket

PROJECT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONTS = Path("/usr/share/fonts/truetype/liberation2")
CELMARGE_TWIPS = 2 * 108  # tblCellMar of "Table Grid" in basis.docx


@pytest.fixture(scope="module")
def documenten() -> dict[str, bytes]:
    _, g = laad(PROJECT).geschiedenis()
    uit = {}
    for t in g.toepassingen:
        for naam, inhoud in render_pakket(PROJECT, g, t, lezer=lees_bestand).bestanden.items():
            if naam.endswith(".docx"):
                uit[f"{t.wijziging.id}/{naam}"] = inhoud
    return uit


@pytest.fixture(scope="module")
def breedte():
    fonttools = pytest.importorskip("fontTools.ttLib")
    if not (FONTS / "LiberationSans-Regular.ttf").is_file():
        pytest.skip("Liberation Sans (fonts-liberation2) is niet geïnstalleerd")
    fonts = {vet: fonttools.TTFont(FONTS / f"LiberationSans-{'Bold' if vet else 'Regular'}.ttf") for vet in (False, True)}

    def meet(tekst: str, vet: bool, punt: float) -> float:
        """Width in twips."""
        font = fonts[vet]
        cmap, hmtx, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        return sum(hmtx[cmap[ord(c)]][0] for c in tekst) / em * punt * 20

    return meet


def _woorden(tekst: str) -> list[str]:
    """What a line cannot break inside: split at spaces, after "-" and "/", and at soft hyphens
    (the piece before one is printed with a hyphen)."""
    uit = []
    for woord in re.findall(r"[^\s]+?(?:[-/]|(?=\s)|$)", tekst):
        delen = woord.split("\u00ad")
        uit += [d + "-" for d in delen[:-1]] + delen[-1:]
    return [w for w in uit if w]


def test_geen_woord_breder_dan_zijn_kolom(documenten, breedte) -> None:
    te_breed = []
    tabellen = 0
    for naam, inhoud in documenten.items():
        with zipfile.ZipFile(io.BytesIO(inhoud)) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
        for tbl in root.iter(f"{W}tbl"):
            tabellen += 1
            for tc in tbl.iter(f"{W}tc"):
                binnen = int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) - CELMARGE_TWIPS
                for r in tc.iter(f"{W}r"):
                    vet = r.find(f"{W}rPr/{W}b") is not None
                    tekst = "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))
                    for woord in _woorden(tekst):
                        if breedte(woord, vet, 11) > binnen:
                            te_breed.append(f"{naam}: {woord!r} ({breedte(woord, vet, 11):.0f} > {binnen} twips)")
    assert tabellen >= 20
    assert te_breed == []


def test_geen_kopregel_veld_waarde_en_rijen_blijven_heel(documenten) -> None:
    """No "Veld | Waarde" header; a row may split across pages only when it is about a page
    long (more than 35 lines of some 0.2 cm per character in its fullest cell)."""
    for naam, inhoud in documenten.items():
        with zipfile.ZipFile(io.BytesIO(inhoud)) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
        tekst = "".join(root.itertext())
        assert "Veld" not in tekst and "Waarde" not in tekst, naam
        for tr in root.iter(f"{W}tr"):
            if tr.find(f"{W}trPr/{W}cantSplit") is None:
                regels = max(
                    len("".join(tc.itertext())) * 0.2 / ((int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) - CELMARGE_TWIPS) / 567)
                    for tc in tr.iter(f"{W}tc")
                )
                assert regels > 35, f"{naam}: rij van {regels:.0f} regels zonder cantSplit"


def test_toelichting_eenmaal_per_artikel(documenten) -> None:
    """A "komt te luiden" artikel has one toelichting, not one per row."""
    from tests.docxhulp import pandoc_tekst

    cellen = pandoc_tekst(documenten["2025-uitbreiding-informatiemanagement/was-wordt.docx"])
    belang = [c for c in cellen if c.startswith("Artikel 10 van de Wet gemeenschappelijke regelingen vraagt")]
    assert len(belang) == 1


def test_lazily_read_hyphenation_patterns_hyphenate_as_pyphen_does() -> None:
    """kolommen reads pyphen's Dutch patterns lazily; every word of the bundled project (and
    hostile ones: capitals, diacritics, one letter, none) is hyphenated as pyphen's own eager
    reading of the same file does."""
    import pyphen

    from generator.render.docx import kolommen

    lui = kolommen._afbreker()  # noqa: SLF001
    assert isinstance(lui.hd.patterns, kolommen._LuiePatronen)  # noqa: SLF001
    gretig = pyphen.Pyphen(filename=pyphen.LANGUAGES["nl_NL"], cache=False)
    woorden = {"dienstverleningsovereenkomsten", "INWERKINGTREDING", "ĳsselmonde", "café", "x", "", "coördinatie"}
    for pad in [*(PROJECT / "regeling").rglob("*.yaml"), *(PROJECT / "sjablonen").rglob("*.j2")]:
        woorden |= set(re.findall(r"\w+", pad.read_text(encoding="utf-8")))
    assert len(woorden) > 1000
    verschillend = [w for w in sorted(woorden) if lui.inserted(w, "|") != gretig.inserted(w, "|")]
    assert not verschillend
    assert sum("|" in lui.inserted(w, "|") for w in woorden) > 500  # the comparison is not vacuous


def test_breedste_stuk_hyphenates_only_the_widest_words_with_the_same_result() -> None:
    """A hyphenated column's minimum width is the widest piece of any of its words; grgen
    hyphenates only the words that could hold it. Compared with hyphenating every word, on the
    words of the bundled project and hostile ones (soft hyphens already in a word, narrow
    letters, bold, a column of one-letter words, an empty column)."""
    import random

    from generator.render.docx import kolommen

    woorden = ["dienstverleningsovereenkomsten", "ill\u00adlll", "iiiiiiii", "WWWW", "a", "Inwerkingtreding", "café-restaurant"]
    for pad in (PROJECT / "regeling").rglob("*.yaml"):
        woorden += re.findall(r"\w+", pad.read_text(encoding="utf-8"))
    kans = random.Random(21)
    kolommen_ = [[], [[("a i l", False)]]]
    for _ in range(300):
        cellen = [[(" ".join(kans.choices(woorden, k=kans.randint(1, 12))), kans.random() < 0.3)] for _ in range(kans.randint(1, 4))]
        kolommen_.append(cellen)
    for kolom in kolommen_:
        alle = max((kolommen._kleinste_stuk(w, v) for cel in kolom for t, v in cel for w in kolommen.woorden(t)), default=0.0)  # noqa: SLF001
        assert kolommen._breedste_stuk(kolom) == alle  # noqa: SLF001
