"""Markdown -> Word (generator/render/md_docx.py), checked on the produced XML and with pandoc.

The structure is read with zipfile + lxml (style ids and texts in document order, tabs as "\\t",
line breaks as "\\n", page breaks as "\\f"); pandoc reads the texts back independently.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

from generator.render.docx.document import Docx
from generator.render.docx.maak_basis import BASIS_PAD
from generator.render.md_docx import MarkdownDocx, MarkdownWordFout, maak_parser, markdown_naar_docx
from tests.docxhulp import NS, pandoc_tekst

GOLDEN = Path(__file__).resolve().parent / "golden"
WIJZIGINGSBESLUITEN = sorted(GOLDEN.glob("wijzigingsbesluit-*.md"))
DATUM = datetime.date(2025, 3, 4)
W = NS["w"]
NBSP = "\u00a0"


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def maak(markdown: str, **kw) -> bytes:
    args = {"titel": "Raadsbesluit", "koptekst": "Gemeente Hengelo – Raadsbesluit", "datum": DATUM, "auteur": "Griffie Hengelo"}
    return markdown_naar_docx(markdown, **(args | kw))


def deel(data: bytes, naam: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(naam))


def alinea_tekst(p: etree._Element) -> str:
    uit = []
    for el in p.iter(_w("t"), _w("tab"), _w("br")):
        if el.tag == _w("t"):
            uit.append(el.text or "")
        elif el.tag == _w("tab"):
            uit.append("\t")
        else:
            uit.append("\f" if el.get(_w("type")) == "page" else "\n")
    return "".join(uit)


def structuur(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph of the body, table cells included, in order."""
    uit = []
    for p in deel(data, "word/document.xml").iter(_w("p")):
        stijl = p.find("w:pPr/w:pStyle", NS)
        uit.append((stijl.get(_w("val")) if stijl is not None else "Normal", alinea_tekst(p)))
    return uit


def opgemaakt(data: bytes, eigenschap: str) -> list[str]:
    """Texts of the runs with direct bold ("b") or italic ("i") formatting, in order."""
    doc = deel(data, "word/document.xml")
    return ["".join(r.itertext()) for r in doc.iter(_w("r")) if r.find(f"w:rPr/w:{eigenschap}", NS) is not None]


# Every construct the templates use, with the expected structure checked by hand below.
ALLES = f"""# Raadsbesluit *Hengelo*

| ZAAKNUMMER | ONDERWERP |
| --- | --- |
| Z-2025-001 | Wijziging **GR**<br>ICT Hengelo |

## Beslispunten

De raad **besluit**, *gelet op* `artikel 1`:

1. in te stemmen met de wijziging;
2. kennis te nemen van:
   - het advies;
   - de zienswijze.

### Artikel I

1\\. Het eerste lid.

{NBSP * 4}a. een onderdeel;

{NBSP * 8}1°. een subonderdeel.

{NBSP * 4}slottekst.

#### Artikel 2 Belang

> Een citaat.

regel een{"  "}
regel twee\\
regel drie
zacht

---

Na de pagina.
"""

ALLES_STRUCTUUR = [
    ("Title", "Raadsbesluit Hengelo"),
    ("Normal", "ZAAKNUMMER"),
    ("Normal", "ONDERWERP"),
    ("Normal", "Z-2025-001"),
    ("Normal", "Wijziging GR"),
    ("Normal", "ICT Hengelo"),
    ("Normal", ""),  # the blank line after a table
    ("Heading1", "Beslispunten"),
    ("Normal", "De raad besluit, gelet op artikel 1:"),
    ("Lid", "1.\tin te stemmen met de wijziging;"),
    ("Lid", "2.\tkennis te nemen van:"),
    ("Onderdeel", "–\thet advies;"),
    ("Onderdeel", "–\tde zienswijze."),
    ("Heading2", "Artikel I"),
    ("Lid", "1.\tHet eerste lid."),
    ("Onderdeel", "a.\teen onderdeel;"),
    ("Subonderdeel", "1°.\teen subonderdeel."),
    ("Vervolg2", "slottekst."),
    ("Heading3", "Artikel 2 Belang"),
    ("Normal", "Een citaat."),
    ("Normal", "regel een\nregel twee\nregel drie zacht"),
    ("Normal", "\f"),
    ("Normal", "Na de pagina."),
]


@pytest.fixture(scope="module")
def alles() -> bytes:
    return maak(ALLES)


# -- structure ------------------------------------------------------------------


def test_structuur_van_alle_onderdelen(alles):
    assert structuur(alles) == ALLES_STRUCTUUR


def test_vet_en_cursief_als_runs(alles):
    # The header row of a table is bold; headings get their weight from the style, not from runs.
    assert opgemaakt(alles, "b") == ["ZAAKNUMMER", "ONDERWERP", "GR", "besluit"]
    assert opgemaakt(alles, "i") == ["Hengelo", "gelet op", "Een citaat."]


def test_tabel_met_kopregel_en_br_als_alinea(alles):
    doc = deel(alles, "word/document.xml")
    (tabel,) = doc.iter(_w("tbl"))
    assert tabel.find("w:tblPr/w:tblStyle", NS).get(_w("val")) == "TableGrid"
    rijen = tabel.findall("w:tr", NS)
    assert rijen[0].find("w:trPr/w:tblHeader", NS) is not None
    cellen = [[[alinea_tekst(p) for p in tc.findall("w:p", NS)] for tc in tr.findall("w:tc", NS)] for tr in rijen]
    assert cellen == [[["ZAAKNUMMER"], ["ONDERWERP"]], [["Z-2025-001"], ["Wijziging GR", "ICT Hengelo"]]]


def test_pandoc_leest_dezelfde_teksten(alles):
    # The page-break paragraph has no text: pandoc reads it as an empty paragraph.
    verwacht = [" ".join(tekst.replace("\f", "").split()) for _stijl, tekst in ALLES_STRUCTUUR]
    assert pandoc_tekst(alles) == verwacht


def test_koppen_voor_navigatie_en_geen_autonummering(alles):
    stijlen = deel(alles, "word/styles.xml")
    for niveau in (1, 2, 3):
        stijl = stijlen.find(f"w:style[@w:styleId='Heading{niveau}']", NS)
        assert stijl.find("w:pPr/w:outlineLvl", NS).get(_w("val")) == str(niveau - 1)
    doc = deel(alles, "word/document.xml")
    assert not list(doc.iter(_w("numPr")))
    with zipfile.ZipFile(io.BytesIO(alles)) as zf:
        assert "word/numbering.xml" not in zf.namelist()


def test_eigenschappen_koptekst_en_paginanummers(alles):
    kern = deel(alles, "docProps/core.xml")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}
    assert kern.findtext("dc:title", namespaces=ns) == "Raadsbesluit"
    assert kern.findtext("dc:creator", namespaces=ns) == "Griffie Hengelo"
    assert kern.findtext("dcterms:created", namespaces=ns) == "2025-03-04T00:00:00Z"
    with zipfile.ZipFile(io.BytesIO(alles)) as zf:
        namen = zf.namelist()
    (kop,) = [n for n in namen if re.fullmatch(r"word/header\d*\.xml", n)]
    (voet,) = [n for n in namen if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert "".join(deel(alles, kop).itertext()) == "Gemeente Hengelo – Raadsbesluit"
    voettekst = deel(alles, voet)
    assert [i.text.strip() for i in voettekst.iter(_w("instrText"))] == ["PAGE", "NUMPAGES"]
    assert "Pagina " in "".join(t.text for t in voettekst.iter(_w("t")))


def test_deterministisch(alles):
    assert maak(ALLES) == alles
    assert maak(ALLES, datum=datetime.date(2025, 3, 5)) != alles


def test_openxml_audit_schoon(alles, tmp_path):
    exe = shutil.which("openxml-audit")
    if exe is None:
        pytest.skip("openxml-audit is niet geïnstalleerd (pip install openxml-audit)")
    pad = tmp_path / "alles.docx"
    pad.write_bytes(alles)
    res = subprocess.run([exe, "-f", "microsoft365", "-m", "0", "-o", "json", str(pad)], capture_output=True, text=True)
    (rapport,) = json.loads(res.stdout)
    assert rapport["error_count"] == 0 and rapport["warning_count"] == 0 and rapport["errors"] == [], rapport
    assert rapport["valid"] and res.returncode == 0


# -- details of the mapping ---------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "verwacht"),
    [
        # lists: the start number and the ")" delimiter are kept, numbers are literal text
        ("3. drie\n4. vier\n", [("Lid", "3.\tdrie"), ("Lid", "4.\tvier")]),
        ("1) een\n1) twee\n", [("Lid", "1)\teen"), ("Lid", "2)\ttwee")]),
        # a loose item with two paragraphs: the second one lines up with the text
        ("1. een\n\n   verder\n", [("Lid", "1.\teen"), ("Vervolg", "verder")]),
        ("- a\n  - b\n\n    verder\n", [("Lid", "–\ta"), ("Onderdeel", "–\tb"), ("Vervolg2", "verder")]),
        ("- a\n  - b\n    - c\n      - d\n", [("Lid", "–\ta"), ("Onderdeel", "–\tb"), ("Subonderdeel", "–\tc"), ("Subonderdeel", "–\td")]),
        # an item without a first paragraph still shows its number
        ("1.\n2. twee\n", [("Lid", "1."), ("Lid", "2.\ttwee")]),
        ("1. - binnen\n", [("Lid", "1."), ("Onderdeel", "–\tbinnen")]),
        # labels: numbers, letters, 1°, 2a; prose that only looks like one stays Normal
        ("2a\\. Ingevoegd lid.", [("Lid", "2a.\tIngevoegd lid.")]),
        ("aa. dubbele letter", [("Lid", "aa.\tdubbele letter")]),
        ("nl. geen label", [("Normal", "nl. geen label")]),
        ("A\n\nArtikel 1 wordt gewijzigd.", [("Normal", "A"), ("Normal", "Artikel 1 wordt gewijzigd.")]),
        ("1\\.", [("Normal", "1.")]),
        (f"{NBSP * 12}1°. diep", [("Subonderdeel", "1°.\tdiep")]),
        (f"{NBSP * 2}a. minder dan een niveau", [("Lid", "a.\tminder dan een niveau")]),
        (f"> {NBSP * 4}a. geciteerd onderdeel", [("Onderdeel", "a.\tgeciteerd onderdeel")]),
        ("**1.** vet label", [("Lid", "1.\tvet label")]),
        # headings: setext, and deeper than #### stays Heading 3
        ("Titel\n=====\n\nKop\n---\n", [("Title", "Titel"), ("Heading1", "Kop")]),
        ("###### Zes", [("Heading3", "Zes")]),
        # literal text: escapes, entities, code, <br> as a line break outside tables
        ("a \\<br\\> b &amp; `<br>` **c**", [("Normal", "a <br> b & <br> c")]),
        ("een<br>twee<BR/>drie", [("Normal", "een\ntwee\ndrie")]),
        ("```\nregel 1\n  regel 2\n```\n", [("Normal", "regel 1\n  regel 2")]),
        ("    ingesprongen code\n", [("Normal", "ingesprongen code")]),
        # links show their address, images their alt text
        ("[de regeling](https://example.nl/gr)", [("Normal", "de regeling (https://example.nl/gr)")]),
        ("<https://example.nl> <info@example.nl>", [("Normal", "https://example.nl info@example.nl")]),
        ("![Logo *Hengelo*](logo.png)", [("Normal", "Logo Hengelo")]),
    ],
)
def test_toewijzing(markdown, verwacht):
    assert structuur(maak(markdown)) == verwacht


def test_leeg_document_heeft_een_alinea():
    data = maak("")
    body = deel(data, "word/document.xml").find("w:body", NS)
    assert [etree.QName(el).localname for el in body] == ["p", "sectPr"]
    assert structuur(data) == [("Normal", "")]


def test_document_eindigt_met_een_alinea_na_een_tabel():
    data = maak("| a |\n| --- |\n| b |\n")
    body = deel(data, "word/document.xml").find("w:body", NS)
    assert [etree.QName(el).localname for el in body] == ["tbl", "p", "sectPr"]


def test_tabelcellen_met_opmaak_lege_cel_en_escapes():
    data = maak("| *Plaats* | Tekst |\n| --- | --- |\n| **artikel 1** | 1\\. lid<br>a. \\<br\\> blijft |\n| | x \\| y |\n")
    assert structuur(data) == [
        ("Normal", "Plaats"),
        ("Normal", "Tekst"),
        ("Normal", "artikel 1"),
        # numbers in cells stay as written (no hanging indent in a narrow cell)
        ("Normal", "1. lid"),
        ("Normal", "a. <br> blijft"),
        ("Normal", ""),
        ("Normal", "x | y"),
        ("Normal", ""),  # a document never ends with a table
    ]
    assert opgemaakt(data, "b") == ["Plaats", "Tekst", "artikel 1"]


def test_html_tokens_als_tekst_wanneer_html_aan_staat():
    # grgen's parser has html off, but the renderer still has a rule for these tokens.
    doc = Docx()
    tokens = MarkdownIt("commonmark").parse("<div>blok</div>\n\nregel<br>twee <b>vet</b>\n")
    MarkdownDocx(doc).render(tokens)
    assert structuur(doc.bewaar_bytes()) == [("Normal", "<div>blok</div>"), ("Normal", "regel\ntwee <b>vet</b>")]


def test_onbekend_token_is_een_fout():
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse("tekst\n\n~~weg~~\n")
    with pytest.raises(MarkdownWordFout, match=r"'s_open' \(regel 3\)"):
        MarkdownDocx(Docx()).render(tokens)


def test_parser_zonder_linkify_typographer_en_html():
    parser = maak_parser()
    assert parser.options["html"] is False
    assert parser.options["typographer"] is False and parser.options["linkify"] is False
    assert structuur(maak('"aanhalingstekens" -- (c) www.example.nl <b>')) == [
        ("Normal", '"aanhalingstekens" -- (c) www.example.nl <b>'),
    ]


def test_huisstijl_als_basis(tmp_path):
    eigen = tmp_path / "huisstijl.docx"
    eigen.write_bytes(BASIS_PAD.read_bytes())
    assert maak(ALLES, basis=eigen) == maak(ALLES)
    # python-docx's own template knows Title and Heading 1-3, but not grgen's Lid style
    standaard = tmp_path / "standaard.docx"
    docx.Document().save(str(standaard))
    assert structuur(maak("# T\n\n## Kop\n\nTekst.", basis=standaard)) == [("Title", "T"), ("Heading1", "Kop"), ("Normal", "Tekst.")]
    with pytest.raises(MarkdownWordFout, match="geen stijl 'Lid'"):
        maak("1\\. Eerste lid.", basis=standaard)


# -- grgen's real documents -----------------------------------------------------------


def md_alineas(markdown: str) -> list[str]:
    """The paragraph texts a reader sees in grgen's Markdown: marks, escapes and NBSPs removed."""
    uit = []
    for blok in re.split(r"\n[ \t]*\n", markdown.strip()):
        tekst = re.sub(r"^#+ ", "", blok).replace("**", "")
        tekst = re.sub(r"\\(.)", r"\1", tekst)
        uit.append(" ".join(tekst.split()))
    return uit


@pytest.mark.parametrize("pad", WIJZIGINGSBESLUITEN, ids=lambda p: p.stem)
def test_echt_wijzigingsbesluit(pad):
    markdown = pad.read_text(encoding="utf-8")
    data = maak(markdown)
    assert pandoc_tekst(data) == md_alineas(markdown)
    stijlen = structuur(data)
    # every "1\\." line of the besluit is a Lid; quoted new text is set one level apart (issue 14):
    # a quoted lid ("    2\\.") an Onderdeel, a quoted onderdeel a Subonderdeel, all with a tab
    regels = [r for r in re.split(r"\n[ \t]*\n", markdown.strip())]
    assert len(regels) == len(stijlen)
    for regel, (stijl, tekst) in zip(regels, stijlen, strict=True):
        if re.match(r"\d+\\\. ", regel):
            assert stijl == "Lid" and re.match(r"\d+\.\t", tekst), (regel, stijl, tekst)
        elif regel.startswith(NBSP * 8):
            assert stijl == "Subonderdeel" and re.match(r"[a-z]+\.\t", tekst), (regel, stijl, tekst)
        elif re.match(NBSP * 4 + r"\d+\\\. ", regel):
            assert stijl == "Onderdeel" and re.match(r"\d+\.\t", tekst), (regel, stijl, tekst)


def test_wijzigingsbesluiten_aanwezig():
    assert len(WIJZIGINGSBESLUITEN) >= 3


WASWORDT = """# Was-wordt-tabel Centrumgemeenteregeling samenwerking ICT Hengelo

Wijziging: versie 2022-toetreding-haaksbergen – versie 2025-uitbreiding-informatiemanagement.

| Plaats | Huidige tekst | Nieuwe tekst | Toelichting |
| --- | --- | --- | --- |
| artikel 1, onderdeel h | — | h. informatiemanagement: het sturen op de informatievoorziening; | Nieuwe begripsbepaling. |
| artikel 2, tweede lid | 2\\. De samenwerking is erop gericht:<br>a. de kosten van ICT te beheersen;<br>b. de kwaliteit te waarborgen. | 2\\. De samenwerking is erop gericht:<br>a. een veilige IT-omgeving;<br>b. de kosten te beheersen. | Artikel 10 Wgr.<br>Tweede toelichting. |
"""


def test_was_wordt_tabel():
    data = maak(WASWORDT)
    teksten = pandoc_tekst(data)
    assert teksten[:2] == [
        "Was-wordt-tabel Centrumgemeenteregeling samenwerking ICT Hengelo",
        "Wijziging: versie 2022-toetreding-haaksbergen – versie 2025-uitbreiding-informatiemanagement.",
    ]
    assert teksten[2:6] == ["Plaats", "Huidige tekst", "Nieuwe tekst", "Toelichting"]
    assert teksten[10:] == [
        "artikel 2, tweede lid",
        "2. De samenwerking is erop gericht:",
        "a. de kosten van ICT te beheersen;",
        "b. de kwaliteit te waarborgen.",
        "2. De samenwerking is erop gericht:",
        "a. een veilige IT-omgeving;",
        "b. de kosten te beheersen.",
        "Artikel 10 Wgr.",
        "Tweede toelichting.",
        "",  # the closing paragraph after the table
    ]


# -- properties -------------------------------------------------------------------------

_WOORD = st.text(alphabet="abcdeéëxyz", min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(
    woorden=st.lists(_WOORD, min_size=1, max_size=6),
    niveau=st.integers(0, 3),
    label=st.sampled_from(["", "1.", "12.", "b.", "3°."]),
    vet=st.booleans(),
)
def test_alinea_eigenschap(woorden, niveau, label, vet):
    """Any indented paragraph keeps its words; a label gets a tab and the style of its level."""
    tekst = " ".join(woorden)
    inhoud = f"**{tekst}**" if vet else tekst
    bron = NBSP * (4 * niveau) + (label.replace(".", "\\.") + " " if label else "") + inhoud
    ((stijl, gelezen),) = structuur(maak(bron))
    if label:
        assert stijl == {0: "Lid", 1: "Onderdeel"}.get(niveau, "Subonderdeel")
        assert gelezen == f"{label}\t{tekst}"
    else:
        assert stijl == ("Normal" if niveau == 0 else "Vervolg2")
        assert gelezen == tekst
