"""grgen's Word reader (lxml over document.xml, styles.xml and numbering.xml) against pandoc.

pandoc (`tests/pandoc_word.py`) is the independent second reader: for every Word source built
here and in tests/importbronnen.py, both readers must give the same title, paragraphs, numbers
and headings. Where Word and pandoc 3.9 differ (pandoc counts lists per w:num, Word per abstract
definition; pandoc drops heading numbers and cannot show "%1.%2"), LibreOffice is the third
reader. Random lists (hypothesis; GRGEN_VOORBEELDEN=250 for more) go through both readers too.
Then the hostile files: broken numbering, style cycles, a zip bomb, malformed XML.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import zipfile

import pypandoc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import InvoerFout
from generator.importeer import lezen, word
from generator.importeer.alineas import normaliseer
from generator.importeer.word import lees_docx
from generator.pipeline import laad
from generator.render.md_docx import markdown_naar_docx
from generator.render.tekstweergave import als_markdown
from tests.importbronnen import P, docx_van_xml, word_alle_structuren, word_document
from tests.pandoc_word import lees_docx_met_pandoc
from tests.test_importeer import ALLE_STRUCTUREN, ROOT, _voeg_revisies_toe

# -- a hand-written document with every kind of run content and numbering pandoc can show -----


def r(tekst: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{tekst}</w:t></w:r>'


def p(inhoud: str, stijl: str | None = None, num: tuple[int, int] | None = None, rpr: str = "") -> str:
    ppr = f'<w:pStyle w:val="{stijl}"/>' if stijl else ""
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if rpr:
        ppr += f"<w:rPr>{rpr}</w:rPr>"
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inhoud}</w:p>"


def lvl(ilvl: int, fmt: str, tekst: str | None, start: int = 1, extra: str = "") -> str:
    lvltekst = f'<w:lvlText w:val="{tekst}"/>' if tekst is not None else ""
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{lvltekst}{extra}</w:lvl>'


def abstract(aid: int, *niveaus: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(niveaus)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def stijl(sid: str, naam: str, basis: str | None = None, ppr: str = "", rpr: str = "", soort: str = "paragraph") -> str:
    b = f'<w:basedOn w:val="{basis}"/>' if basis else ""
    return (
        f'<w:style w:type="{soort}" w:styleId="{sid}"><w:name w:val="{naam}"/>{b}'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>"
    )


TEKENS_NUMMERING = (
    abstract(
        1,
        lvl(0, "decimal", "%1."),
        lvl(1, "lowerLetter", "%2)"),
        lvl(2, "upperRoman", "(%3)"),
        lvl(3, "lowerRoman", "%4."),
        lvl(4, "upperLetter", "%5."),
    )
    + abstract(2, lvl(0, "decimal", "%1.", start=3))
    + abstract(3, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", None))
    + abstract(4, lvl(0, "decimal", "%1."))
    + abstract(5, lvl(0, "bullet", "\uf0b7"))  # Symbol's bullet, as Word writes it
    + num(1, 1)
    + num(2, 4, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    + num(3, 2)
    + num(4, 99)  # its abstract definition is missing
    + num(5, 3)
    + num(6, 5)
)
TEKENS_STIJLEN = (
    stijl("Normal", "Normal").replace('w:styleId="Normal"', 'w:default="1" w:styleId="Normal"')
    + stijl("Title", "Title", "Normal")
    + stijl("Kop2", "heading 2", "Normal", ppr='<w:outlineLvl w:val="1"/>')
    + stijl("Artikelkop", "Artikelkop", "Kop2")
    + stijl("Lid", "Lid", "Normal", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
    + stijl("LidAfgeleid", "Lid afgeleid", "Lid")
    + stijl("Strong", "Strong", rpr="<w:b/>", soort="character")
)
VELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("artikel 2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
TEKENS_LICHAAM = "".join(
    [
        p(r("Regeling tekens"), "Title"),
        p(r("De raad;")),
        p(r("besluit:")),
        p(r("Artikel 1 Velden"), "Kop2"),
        p(r("Zie ") + VELD + r(" en ") + '<w:hyperlink r:id="rId3">' + r("de website") + "</w:hyperlink>" + r("."), "Lid"),
        p('<w:r><w:t xml:space="preserve">Met</w:t><w:tab/><w:t>tab en</w:t><w:br/><w:t>regeleinde.</w:t></w:r>', "LidAfgeleid"),
        p("<w:r><w:t>zacht</w:t><w:softHyphen/><w:t>afbreekstreepje en vast</w:t><w:noBreakHyphen/><w:t>streepje;</w:t></w:r>", num=(1, 1)),
        p(
            r("een ")
            + "<w:smartTag w:uri='urn:x' w:element='plaats'>"
            + r("Hengelo")
            + "</w:smartTag>"
            + r(" en ")
            + "<w:sdt><w:sdtPr/><w:sdtContent>"
            + r("een invulveld")
            + "</w:sdtContent></w:sdt>"
            + r(";"),
            num=(1, 2),
        ),
        p(r("dieper;"), num=(1, 3)),
        p(r("diepst;"), num=(1, 4)),
        p(r("terug op niveau twee;"), num=(1, 1)),
        p(r("Tweede lid."), "Lid"),
        p(r("Vervolg zonder nummer: numId 0 zet de nummering van de stijl uit."), "Lid", num=(0, 0)),
        p(r("Derde lid."), "Lid"),
        p(r("Artikel 2 Wijzigingen"), "Artikelkop"),
        p(
            r("Tekst")
            + '<w:ins w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z">'
            + r(" erbij")
            + "</w:ins>"
            + '<w:del w:id="2" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> weg</w:delText></w:r></w:del>'
            + r("."),
            num=(2, 0),
        ),
        p(
            '<w:moveFrom w:id="3" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:t>oud </w:t></w:r></w:moveFrom>'
            + r("Verplaatst ")
            + '<w:moveTo w:id="4" w:author="x" w:date="2026-01-01T00:00:00Z">'
            + r("hierheen")
            + "</w:moveTo>"
            + r("."),
            num=(2, 0),
        ),
        p(r("Deze alinea "), rpr='<w:del w:id="5" w:author="x" w:date="2026-01-01T00:00:00Z"/>'),
        p(r("loopt door.")),
        p(r("Begint bij drie."), num=(3, 0)),
        p(r("Vier."), num=(3, 0)),
        p(r("Geen nummer: de lijstdefinitie ontbreekt."), num=(4, 0)),
        p(r("Een."), num=(5, 0)),
        p(r("Geen nummer: het niveau heeft geen lvlText."), num=(5, 1)),
        p(r("Hoofdstuk 9 ", '<w:rStyle w:val="Strong"/>') + r("Slot", '<w:rStyle w:val="Strong"/>')),
        p(r("Niet ") + r("geheel", "<w:b/>") + r(" vet.")),
        p(r("Artikel 3 Slot"), "Artikelkop"),
        "<w:tbl><w:tr><w:tc><w:p>" + r("cel") + "</w:p></w:tc></w:tr></w:tbl>",
        p(r("Slottekst.")),
        p(r("Opsomming."), num=(6, 0)),
    ]
)
TEKENS_VERWACHT = [
    ("De raad;", False),
    ("besluit:", False),
    ("Artikel 1 Velden", True),
    ("1. Zie artikel 2 en de website.", False),
    ("2. Met tab en regeleinde.", False),
    ("a) zachtafbreekstreepje en vast-streepje;", False),
    ("(I) een Hengelo en een invulveld;", False),
    ("i. dieper;", False),
    ("A. diepst;", False),
    ("b) terug op niveau twee;", False),
    ("3. Tweede lid.", False),
    ("Vervolg zonder nummer: numId 0 zet de nummering van de stijl uit.", False),
    ("4. Derde lid.", False),
    ("Artikel 2 Wijzigingen", True),
    ("1. Tekst erbij.", False),
    ("2. Verplaatst hierheen.", False),
    ("Deze alinea loopt door.", False),
    ("3. Begint bij drie.", False),
    ("4. Vier.", False),
    ("Geen nummer: de lijstdefinitie ontbreekt.", False),
    ("1. Een.", False),
    ("Geen nummer: het niveau heeft geen lvlText.", False),
    ("Hoofdstuk 9 Slot", True),
    ("Niet geheel vet.", False),
    ("Artikel 3 Slot", True),
    ("| cel |", False),  # a table row, with its cells: the structure keeps it only in a bijlage
    ("Slottekst.", False),
    ("• Opsomming.", False),
]


def _tekens() -> bytes:
    return docx_van_xml(TEKENS_LICHAAM, TEKENS_NUMMERING, TEKENS_STIJLEN)


def test_word_tekens_velden_revisies_en_nummering() -> None:
    b = lees_docx(_tekens(), "tekens.docx")
    assert b.titel == "Regeling tekens"
    assert [(a.tekst, a.kop) for a in b.alineas] == TEKENS_VERWACHT
    meldingen = [str(m) for m in b.meldingen]
    assert meldingen == [
        "tekens.docx: waarschuwing: het document bevat bijgehouden wijzigingen; grgen neemt de tekst alsof alle wijzigingen zijn "
        "geaccepteerd; accepteer of weiger de wijzigingen in Word en importeer opnieuw als dat niet de bedoeling is",
        "tekens.docx:22: waarschuwing: de lijstdefinitie 99 (numId 4) ontbreekt in numbering.xml; de alinea's krijgen geen nummer; "
        "controleer de nummering in Word",
        "tekens.docx:24: waarschuwing: niveau 2 van de nummering met numId 5 heeft geen nummertekst (lvlText); Word toont geen nummer; "
        "controleer de nummering in Word",
        # The table is read as rows; the structure reports it outside a bijlage (test_importeer.py).
    ]
    # the paragraph number counts every body paragraph: "Artikel 3 Slot" is the 27th
    assert b.alineas[-4].bron.regel == 27 and b.alineas[-3].bron.regel == 28  # the table: 28


# -- the cross-check with pandoc --------------------------------------------------------------------


def _hengelo_markdown() -> tuple[str, str]:
    versie = laad(ROOT).geschiedenis()[1].tijdlijn.laatste
    return als_markdown(versie), versie.regeling.citeertitel


def _bron(soort: str, tmp_path) -> bytes:  # noqa: ANN001
    if soort in ("stijl", "direct", "letterlijk"):
        return word_document(word_alle_structuren(ALLE_STRUCTUREN, None if soort == "letterlijk" else soort))
    if soort == "doorlopend":
        return word_document(
            [
                P("Regeling doorlopend", "Title"), P("De raad;"), P("besluit:"),
                P("Artikel 1 Een", "Heading 2"), P("Eerste.", nummering="direct", lijst=1), P("Tweede.", nummering="direct", lijst=1),
                P("Artikel 2 Twee", "Heading 2"), P("Derde.", nummering="direct", lijst=1), P("Vierde.", nummering="direct", lijst=1),
                P("Onder.", nummering="stijl", niveau=1), P("Vet", vet=True),
            ]
        )  # fmt: skip
    if soort == "tekens":
        return _tekens()
    if soort == "revisies":  # test_importeer's source: footnote, table, w:ins and w:del in a pandoc .docx
        md, doel = tmp_path / "b.md", tmp_path / "b.docx"
        md.write_text(
            "# Regeling W\n\nDe raad;\n\n## Artikel 1 Doel\n\nDe tekst.[^1]\n\n[^1]: Een noot.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        )
        pypandoc.convert_file(str(md), "docx", format="markdown", outputfile=str(doel))
        _voeg_revisies_toe(doel)
        return doel.read_bytes()
    if soort == "pandoc-lijsten":  # pandoc's own lists: one w:num each, a start of 3, bullets
        md, doel = tmp_path / "l.md", tmp_path / "l.docx"
        md.write_text("Regeling L\n\n1. een\n2. twee\n\nTekst.\n\n1. drie\n    a. onder\n2. vier\n\nOok.\n\n3. vijf\n\n- bol\n- bol2\n")
        pypandoc.convert_file(str(md), "docx", format="markdown", outputfile=str(doel))
        return doel.read_bytes()
    md, titel = _hengelo_markdown()
    if soort == "hengelo-grgen":
        return markdown_naar_docx(md, titel=titel, koptekst=titel, datum=dt.date(2025, 1, 1), auteur="grgen")
    bron, doel = tmp_path / "h.md", tmp_path / "h.docx"
    bron.write_text(md, encoding="utf-8")
    pypandoc.convert_file(str(bron), "docx", format="markdown-smart", outputfile=str(doel))
    return doel.read_bytes()


def _zoals_pandoc(tekst: str) -> str:
    """pandoc keeps a soft hyphen (U+00AD) and writes a non-breaking hyphen as U+2011; Word shows neither."""
    return normaliseer(tekst.replace("\u00ad", "").replace("\u2011", "-"))


def _zonder_graden(tekst: str) -> str:
    """pandoc knows three delimiters ("1.", "1)", "(1)"): it shows lvlText "%3°" as "1.", Word as "1°"."""
    return re.sub(r"^(\d+)° ", r"\1. ", tekst)


@pytest.mark.parametrize(
    "soort", ["stijl", "direct", "letterlijk", "doorlopend", "tekens", "revisies", "pandoc-lijsten", "hengelo-grgen", "hengelo-pandoc"]
)
def test_lxml_lezer_leest_als_pandoc(soort: str, tmp_path) -> None:  # noqa: ANN001
    inhoud = _bron(soort, tmp_path)
    eigen, pandoc = lees_docx(inhoud, "bron.docx"), lees_docx_met_pandoc(inhoud, "bron.docx")
    assert eigen.titel == pandoc.titel
    # built with lvlText "%3°" (not typed): pandoc shows "1.", Word and grgen "1°"
    graden = _zonder_graden if soort in ("stijl", "direct") else str
    assert [
        (graden(a.tekst), a.kop) for a in eigen.alineas if a.cellen is None
    ]  # pandoc_word skips tables == [(_zoals_pandoc(a.tekst), a.kop) for a in pandoc.alineas]
    assert len(eigen.alineas) >= 3


# -- where pandoc 3.9 is not Word: LibreOffice decides --------------------------------------------

WORD_LIJSTEN = [
    # (text, numId, ilvl): numIds 11 and 12 share abstract definition 7 and continue each other's
    # count; 13 (also on 7) restarts at 5 where it is first used; 21 numbers "%1.%2" with isLgl
    # over upper-roman chapters; 31's second level never restarts (lvlRestart 0).
    ("A1", 11, 0), ("A2", 11, 0), ("B1", 12, 0), ("B2", 12, 0), ("A3", 11, 0), ("C1", 13, 0), ("C2", 13, 0), ("A4", 11, 0),
    ("Csub", 13, 1), ("C3", 13, 0), ("B3", 12, 0),
    ("H1", 21, 0), ("H1.1", 21, 1), ("H1.2", 21, 1), ("H2", 21, 0), ("H2.1", 21, 1),
    ("R1", 31, 0), ("Ra", 31, 1), ("R2", 31, 0), ("Rb", 31, 1),
]  # fmt: skip
WORD_LIJSTEN_VERWACHT = [
    "1. A1", "2. A2", "3. B1", "4. B2", "5. A3", "5. C1", "6. C2", "7. A4", "a. Csub", "8. C3", "9. B3",
    "I. H1", "1.1 H1.1", "1.2 H1.2", "II. H2", "2.1 H2.1",
    "1. R1", "a. Ra", "2. R2", "b. Rb",
]  # fmt: skip


def _word_lijsten() -> bytes:
    nummering = (
        abstract(7, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2."))
        + abstract(8, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
        + abstract(9, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.", extra='<w:lvlRestart w:val="0"/>'))
        + num(11, 7)
        + num(12, 7)
        + num(13, 7, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')
        + num(21, 8)
        + num(31, 9)
    )
    return docx_van_xml("".join(p(r(t), num=(n, i)) for t, n, i in WORD_LIJSTEN), nummering, TEKENS_STIJLEN)


def test_word_lijsten_als_word_ze_toont() -> None:
    assert [a.tekst for a in lees_docx(_word_lijsten(), "l.docx").alineas] == WORD_LIJSTEN_VERWACHT


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd; zie README")
def test_word_lijsten_zoals_libreoffice_ze_leest() -> None:
    # LibreOffice counts as Word does: per abstract definition, a startOverride restarting where its
    # w:num is first used (pandoc 3.9 counts per w:num: "1. B1", and "1. A4" after C's restart).
    # LibreOffice 7.4 (this machine) ignores isLgl ("I.1") and lvlRestart ("a. Rb"), so those
    # lists are compared with the expectation only. The built sources with style-based and direct
    # numbering: LibreOffice reads every paragraph as grgen does.
    from tests.docxhulp import libreoffice_teksten

    bronnen = {soort: _bron(soort, None) for soort in ("stijl", "direct")}
    teksten = libreoffice_teksten({"l": _word_lijsten(), **bronnen}, modi=("accept",))
    for soort, inhoud in bronnen.items():  # "1°" from lvlText "%3°", where pandoc shows "1."
        b = lees_docx(inhoud, "bron.docx")
        assert [t for t in teksten[(soort, "accept")] if t] == [b.titel, *(a.tekst for a in b.alineas)]
    gedeeld = len([t for t, n, _ in WORD_LIJSTEN if n in (11, 12, 13)])
    assert [t for t in teksten[("l", "accept")] if t][:gedeeld] == WORD_LIJSTEN_VERWACHT[:gedeeld]
    pandoc = [a.tekst for a in lees_docx_met_pandoc(_word_lijsten(), "l.docx").alineas][:gedeeld]
    assert pandoc[2] == "1. B1" and pandoc != WORD_LIJSTEN_VERWACHT[:gedeeld]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd; zie README")
def test_door_libreoffice_geschreven_word(tmp_path) -> None:  # noqa: ANN001
    # Another producer: LibreOffice rewrites the built sources as .docx with its own numbering.xml.
    # It continues a list by pointing a new w:num at the same abstract definition (Word's way of
    # counting), so pandoc 3.9 restarts there ("a. taken" for b.) and grgen must not.
    from generator.render.libreoffice import draai
    from tests.docxhulp import libreoffice_teksten

    namen = {"stijl": _bron("stijl", tmp_path), "lijsten": _word_lijsten()}
    for naam, inhoud in namen.items():
        (tmp_path / f"{naam}.docx").write_bytes(inhoud)
    uit = tmp_path / "uit"
    draai(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(uit), *(f"{n}.docx" for n in namen)], tmp_path / "profiel", tmp_path)
    herschreven = {naam: (uit / f"{naam}.docx").read_bytes() for naam in namen}
    teksten = libreoffice_teksten(herschreven, modi=("accept",))
    for naam, inhoud in herschreven.items():
        b = lees_docx(inhoud, f"{naam}.docx")
        eigen = [b.titel] if b.titel else []
        assert [t for t in teksten[(naam, "accept")] if t] == [*eigen, *(a.tekst for a in b.alineas)]
    stijl = [a.tekst for a in lees_docx(herschreven["stijl"], "s.docx").alineas]
    assert [a.tekst for a in lees_docx(namen["stijl"], "s.docx").alineas] == stijl  # what the source said
    assert stijl != [a.tekst for a in lees_docx_met_pandoc(herschreven["stijl"], "s.docx").alineas]


# -- hostile files ------------------------------------------------------------------------------


def test_stijlkring_en_lange_basedon_keten_hangen_niet() -> None:
    # A basedOn cycle (A -> B -> A) and a chain of 5,000 styles: each resolves within MAX_BASIS steps.
    keten = "".join(stijl(f"S{i}", f"s{i}", f"S{i + 1}") for i in range(5000)) + stijl("S5000", "heading 1")
    stijlen = stijl("A", "a", "B", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>') + stijl("B", "heading 3", "A") + keten
    lichaam = p(r("Kring"), "A") + p(r("Keten"), "S0") + p(r("Kort"), f"S{5000 - word.MAX_BASIS + 1}")
    b = lees_docx(docx_van_xml(lichaam, num(1, 1) + abstract(1, lvl(0, "decimal", "%1.")), stijlen), "k.docx")
    # the cycle's heading name and numbering are found; the far end of the long chain is not
    assert [(a.tekst, a.kop) for a in b.alineas] == [("1. Kring", True), ("Keten", False), ("Kort", True)]


def test_numstylelink_in_een_kring_hangt_niet() -> None:
    nummering = (
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L2"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="L1"/></w:abstractNum>' + num(1, 1) + num(2, 2)
    )
    stijlen = stijl("L1", "l1", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>', soort="numbering") + stijl(
        "L2", "l2", ppr='<w:numPr><w:numId w:val="2"/></w:numPr>', soort="numbering"
    )
    b = lees_docx(docx_van_xml(p(r("Tekst."), num=(1, 0)), nummering, stijlen), "n.docx")
    assert [a.tekst for a in b.alineas] == ["Tekst."]
    assert "verwijst in een kring naar zichzelf" in str(b.meldingen[0])


def test_numstylelink_naar_een_lijststijl() -> None:
    # Word's list styles: the abstract definition the paragraph's num points at only links to a
    # numbering style, whose num carries the levels.
    nummering = (
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Artikellijst"/></w:abstractNum>'
        + abstract(2, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2."))
        + num(1, 1)
        + num(2, 2)
    )
    stijlen = stijl("Artikellijst", "Artikellijst", ppr='<w:numPr><w:numId w:val="2"/></w:numPr>', soort="numbering")
    lichaam = p(r("een"), num=(1, 0)) + p(r("onder"), num=(1, 1)) + p(r("twee"), num=(2, 0))
    assert [a.tekst for a in lees_docx(docx_van_xml(lichaam, nummering, stijlen), "n.docx").alineas] == ["1. een", "a. onder", "2. twee"]


def test_zip_bom_wordt_begrensd_voor_het_lezen(monkeypatch) -> None:  # noqa: ANN001
    # 64 MB of spaces compress to some 64 KB; the bound stops the reading, not the parser.
    monkeypatch.setattr(word, "MAX_DOCUMENT", 4 * 1024 * 1024)
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as f:
            f.write(b"<w:document>")
            blok = b" " * (1024 * 1024)
            for _ in range(64):
                f.write(blok)
    with pytest.raises(InvoerFout, match=r"b\.docx: word/document\.xml is uitgepakt groter dan 4 MB; dat is geen regeling"):
        lees_docx(uit.getvalue(), "b.docx")


def test_geen_word_document_en_kapotte_zip() -> None:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("iets.txt", "geen document")
    with pytest.raises(InvoerFout, match=r"z\.docx is geen Word-document \(\.docx\)"):
        lees_docx(uit.getvalue(), "z.docx")
    heel = _tekens()
    with pytest.raises(InvoerFout, match=r"z\.docx (is geen Word-document|: het Word-document is beschadigd)"):
        lees_docx(heel[: len(heel) // 2], "z.docx")


@pytest.mark.parametrize(
    "deel, inhoud, melding",
    [
        ("document", '<?xml version="1.0"?>\n<w:document xmlns:w="x">\n<w:body><w:p></w:body>', r"word/document\.xml:3: ongeldige XML"),
        ("numbering", "<w:abstractNum", r"word/numbering\.xml:1: ongeldige XML"),
        ("document", "<a>" * 10_000 + "</a>" * 10_000, r"word/document\.xml:1: ongeldige XML"),  # deeper than libxml2 allows
        ("document", '<?xml version="1.0"?><document xmlns="urn:ander"/>', r"word/document\.xml is geen WordprocessingML"),
    ],
)
def test_ongeldige_xml_met_plaats(deel: str, inhoud: str, melding: str) -> None:
    if deel == "document":
        bron = docx_van_xml("", document=inhoud)
    else:
        bron = docx_van_xml(p(r("x")))
        delen = {n: zipfile.ZipFile(io.BytesIO(bron)).read(n) for n in zipfile.ZipFile(io.BytesIO(bron)).namelist()}
        delen["word/numbering.xml"] = inhoud.encode()
        uit = io.BytesIO()
        with zipfile.ZipFile(uit, "w") as z:
            for n, d in delen.items():
                z.writestr(n, d)
        bron = uit.getvalue()
    with pytest.raises(InvoerFout, match=r"^x\.docx: " + melding):
        lees_docx(bron, "x.docx")


def test_entiteiten_worden_niet_uitgevouwen() -> None:
    doc = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>Voor &b; na</w:t></w:r></w:p></w:body></w:document>"
    )
    assert [a.tekst for a in lees_docx(docx_van_xml("", document=doc), "e.docx").alineas] == ["Voor na"]


def test_verborgen_tekst_en_vet_door_alineastijl() -> None:
    stijlen = TEKENS_STIJLEN + stijl("Vetkop", "Vetkop", "Normal", rpr="<w:b/>")
    lichaam = p(r("Zichtbaar") + r(" verborgen", "<w:vanish/>") + r(".")) + p(r("Artikel 4 Vet door de stijl"), "Vetkop")
    b = lees_docx(docx_van_xml(lichaam, "", stijlen), "v.docx")
    assert [(a.tekst, a.kop) for a in b.alineas] == [("Zichtbaar.", False), ("Artikel 4 Vet door de stijl", True)]


def test_overzichtsniveau_en_onbekende_stijl() -> None:
    # outlineLvl 0-8 on the paragraph makes a heading, 9 is body text; a style styles.xml lacks
    # falls back to the default paragraph style (here numbered, so the paragraph gets its number).
    stijlen = TEKENS_STIJLEN.replace('w:styleId="Normal"><w:name w:val="Normal"/>', 'w:styleId="Normal"><w:name w:val="Normal"/>'
                                     '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>')  # fmt: skip
    kop = '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="{}"/></w:pPr>{}</w:p>'
    # An outline level in a style counts as the nearest one in its basedOn chain says.
    stijlen += stijl("Overzicht", "Overzicht", ppr='<w:outlineLvl w:val="2"/>') + stijl(
        "Romp", "Romp", "Overzicht", ppr='<w:outlineLvl w:val="9"/>'
    )
    lichaam = (
        kop.format(0, r("Artikel 1 Kop")) + kop.format(9, r("Geen kop.")) + p(r("Onbekende stijl."), "Bestaatniet")
        + p(r("Artikel 2 Kop"), "Overzicht") + p(r("Romptekst."), "Romp")
    )  # fmt: skip
    b = lees_docx(docx_van_xml(lichaam, TEKENS_NUMMERING, stijlen), "o.docx")
    assert [(a.tekst, a.kop) for a in b.alineas] == [
        ("Artikel 1 Kop", True), ("Geen kop.", False), ("1. Onbekende stijl.", False), ("Artikel 2 Kop", True), ("Romptekst.", False),
    ]  # fmt: skip


def test_enorm_document_wordt_geweigerd(tmp_path) -> None:  # noqa: ANN001
    # A text node over libxml2's 10 MB (huge_tree stays off, as for XML sources): a located message.
    bron = docx_van_xml("<w:p><w:r><w:t>" + "x" * (11 * 1024 * 1024) + "</w:t></w:r></w:p>")
    with pytest.raises(InvoerFout, match=r"^h\.docx: word/document\.xml:1: ongeldige XML in het Word-document: .*Text node too long"):
        lees_docx(bron, "h.docx")
    # A .docx over the bound on source files is refused before it is read (a sparse file here).
    groot = tmp_path / "groot.docx"
    with open(groot, "wb") as f:
        f.truncate(lezen.MAX_BRON + 1)
    with pytest.raises(InvoerFout, match=r"groot\.docx is te groot"):
        lezen.lees_bestand(groot)


def test_genummerde_koppen_via_de_stijl() -> None:
    # Heading 1 and 2 linked to one list (numPr in the style without ilvl; the levels name their
    # style with w:pStyle; a style based on Heading 2 takes its level), as Word's "Hoofdstuk 1" /
    # "Artikel 1.1" headings are made. Word shows the numbers; pandoc drops them. A bullet in an
    # ordinary font keeps its character.
    nummering = (
        abstract(1, lvl(0, "decimal", "Hoofdstuk %1", extra='<w:pStyle w:val="Kop1"/>'),
                 lvl(1, "decimal", "Artikel %1.%2", extra='<w:pStyle w:val="Kop2"/>'))
        + abstract(2, lvl(0, "bullet", "–"))
        + num(1, 1) + num(2, 2)
    )  # fmt: skip
    lijst = '<w:numPr><w:numId w:val="1"/></w:numPr>'
    stijlen = stijl("Kop1", "heading 1", ppr=lijst) + stijl("Kop2", "heading 2", ppr=lijst) + stijl("Artikelkop", "Artikelkop", "Kop2")
    lichaam = (
        p(r("Algemeen"), "Kop1") + p(r("Begrippen"), "Kop2") + p(r("Tekst."), num=(2, 0)) + p(r("Doel"), "Kop2")
        + p(r("Taken"), "Kop1") + p(r("Omvang"), "Kop2") + p(r("Slot"), "Artikelkop")
    )  # fmt: skip
    b = lees_docx(docx_van_xml(lichaam, nummering, stijlen), "k.docx")
    assert [(a.tekst, a.kop) for a in b.alineas] == [
        ("Hoofdstuk 1 Algemeen", True), ("Artikel 1.1 Begrippen", True), ("– Tekst.", False), ("Artikel 1.2 Doel", True),
        ("Hoofdstuk 2 Taken", True), ("Artikel 2.1 Omvang", True), ("Artikel 2.2 Slot", True),
    ]  # fmt: skip


def test_tekstvak_en_altchunk_worden_gemeld() -> None:
    tekstvak = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        "<w:txbxContent><w:p>" + r("In het vak.") + "</w:p></w:txbxContent></wp:inline></w:drawing></w:r>"
    )
    lichaam = p(r("Voor het vak. ") + tekstvak) + '<w:altChunk r:id="rId9"/>' + p(r("Daarna."))
    b = lees_docx(docx_van_xml(lichaam), "v.docx")
    assert [a.tekst for a in b.alineas] == ["Voor het vak.", "Daarna."]
    assert [str(m) for m in b.meldingen] == [
        "v.docx:1: waarschuwing: tekstvak niet overgenomen; zet de tekst van het tekstvak in gewone alinea's",
        "v.docx:2: waarschuwing: ingevoegd document (altChunk) niet gelezen; sla het document in Word opnieuw op, zodat de "
        "ingevoegde tekst gewone alinea's wordt",
    ]


def test_inhoudsopgave_wordt_overgeslagen_en_gemeld() -> None:
    stijlen = TEKENS_STIJLEN + stijl("Inhoudsopgave1", "toc 1") + stijl("Kopinhoud", "TOC Heading", "Kop2")
    lichaam = (
        p(r("Inhoud"), "Kopinhoud") + p(r("Artikel 1 Doel\t3"), "Inhoudsopgave1") + p(r("Artikel 2 Taken\t4"), "Inhoudsopgave1")
        + p(r("Artikel 1 Doel"), "Kop2") + p(r("Tekst."))
    )  # fmt: skip
    b = lees_docx(docx_van_xml(lichaam, "", stijlen), "i.docx")
    assert [a.tekst for a in b.alineas] == ["Artikel 1 Doel", "Tekst."]
    assert [str(m) for m in b.meldingen] == [
        "i.docx:1: waarschuwing: inhoudsopgave niet overgenomen; grgen maakt de inhoudsopgave zelf; de regels ervan zijn overgeslagen"
    ]


def test_delen_gevonden_via_de_relaties() -> None:
    # The main document need not be word/document.xml: _rels/.rels names it, and its own .rels
    # name the styles and the numbering (here inhoud/hoofd.xml, opmaak.xml, lijsten.xml).
    bron = zipfile.ZipFile(io.BytesIO(_tekens()))
    delen = {n: bron.read(n) for n in bron.namelist()}
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    nieuw = {
        "_rels/.rels": delen["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="/inhoud/hoofd.xml"'),
        "inhoud/hoofd.xml": delen["word/document.xml"],
        "inhoud/opmaak.xml": delen["word/styles.xml"],
        "inhoud/lijsten.xml": delen["word/numbering.xml"],
        "inhoud/_rels/hoofd.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rels}/styles" Target="opmaak.xml"/>'
            f'<Relationship Id="rId2" Type="{rels}/numbering" Target="lijsten.xml"/></Relationships>'
        ).encode(),
    }
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for n, d in nieuw.items():
            z.writestr(n, d)
    assert [(a.tekst, a.kop) for a in lees_docx(uit.getvalue(), "r.docx").alineas] == TEKENS_VERWACHT


# -- random lists, read by both readers -------------------------------------------------------------

VOORBEELDEN = int(os.environ.get("GRGEN_VOORBEELDEN", "8"))
_FORMATEN = ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman"]
_lijst = st.fixed_dictionaries(
    {
        "niveaus": st.lists(
            st.tuples(st.sampled_from(_FORMATEN), st.sampled_from(["%.", "%)", "(%)"]), st.integers(1, 5)), min_size=3, max_size=3
        ),
        "herstart": st.none() | st.integers(1, 9),
        "items": st.lists(st.tuples(st.integers(0, 2), st.booleans()), min_size=1, max_size=14),
    }
)


@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_lijst, min_size=1, max_size=5))
def test_willekeurige_lijsten_zoals_pandoc(lijsten: list[dict]) -> None:
    # Each list has its own definition and w:num (there Word and pandoc 3.9 count alike); items at
    # levels 0-2 in any order, sometimes interrupted by a plain paragraph, with start values, all
    # formats and delimiters pandoc knows, and sometimes a startOverride.
    nummering, lichaam = "", ""
    for k, lijst in enumerate(lijsten, start=1):
        niveaus = [lvl(i, fmt, scheiding.replace("%", f"%{i + 1}"), start) for i, (fmt, scheiding, start) in enumerate(lijst["niveaus"])]
        nummering = abstract(k, *niveaus) + nummering  # abstractNum elements before num elements
        herstart = lijst["herstart"]
        nummering += num(k, k, f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{herstart}"/></w:lvlOverride>' if herstart else "")
        for i, (niveau, onderbroken) in enumerate(lijst["items"]):
            lichaam += p(r(f"lijst {k} item {i}"), num=(k, niveau)) + (p(r("Tussentekst.")) if onderbroken else "")
        lichaam += p(r("Einde van de lijst."))
    inhoud = docx_van_xml(lichaam, nummering, TEKENS_STIJLEN)
    eigen, pandoc = lees_docx(inhoud, "w.docx"), lees_docx_met_pandoc(inhoud, "w.docx")
    assert [a.tekst for a in eigen.alineas if a.cellen is None] == [a.tekst for a in pandoc.alineas]
