"""Test sources for `grgen importeer`, built in code so every structure is visible in the test.

`word_document` writes a .docx with python-docx and lxml in which each paragraph says how it is
numbered: by the paragraph style (the style carries numPr), by the paragraph itself (direct
numPr), or as literal text; lists may restart (a new w:num with a startOverride) or continue
(the same w:num across artikelen). The numbers Word would show are therefore not in the text.
"""

from __future__ import annotations

import dataclasses
import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclasses.dataclass(frozen=True)
class P:
    """One paragraph: its text and how it is numbered.

    nummering: None (literal or plain text), "stijl" (style Lid/Onderdeel carries the numbering),
    "direct" (numPr on the paragraph); lijst: which w:num (a new one restarts at 1); niveau: ilvl.
    """

    tekst: str
    stijl: str | None = None  # "Title", "Heading 1", "Heading 2", or None
    nummering: str | None = None
    lijst: int = 0
    niveau: int = 0
    vet: bool = False


def _abstract(numbering: etree._Element, abstract_id: int) -> None:
    """A two-level list: 1. 2. 3. and under it a. b. c. (as Dutch regelingen number leden and onderdelen)."""
    a = etree.SubElement(numbering, qn("w:abstractNum"))
    a.set(qn("w:abstractNumId"), str(abstract_id))
    etree.SubElement(a, qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
    for ilvl, (fmt, tekst) in enumerate((("decimal", "%1."), ("lowerLetter", "%2."), ("decimal", "%3°"))):
        lvl = etree.SubElement(a, qn("w:lvl"))
        lvl.set(qn("w:ilvl"), str(ilvl))
        etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), "1")
        etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), fmt)
        etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), tekst)
        ppr = etree.SubElement(lvl, qn("w:pPr"))
        ind = etree.SubElement(ppr, qn("w:ind"))
        ind.set(qn("w:left"), str(360 * (ilvl + 1)))
        ind.set(qn("w:hanging"), "360")
    # abstractNum elements must precede num elements
    eerste_num = numbering.find(qn("w:num"))
    if eerste_num is not None:
        eerste_num.addprevious(a)


def _num(numbering: etree._Element, num_id: int, abstract_id: int, herstart: bool) -> None:
    n = etree.SubElement(numbering, qn("w:num"))
    n.set(qn("w:numId"), str(num_id))
    etree.SubElement(n, qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    if herstart:
        for ilvl in range(3):
            o = etree.SubElement(n, qn("w:lvlOverride"))
            o.set(qn("w:ilvl"), str(ilvl))
            etree.SubElement(o, qn("w:startOverride")).set(qn("w:val"), "1")


def _numpr(ppr: etree._Element, num_id: int, ilvl: int) -> None:
    numpr = etree.SubElement(ppr, qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), str(ilvl))
    etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), str(num_id))


def word_document(alineas: list[P]) -> bytes:
    """A .docx with these paragraphs; numbered ones get their number from numbering.xml."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract_id, basis = 90, 900
    _abstract(numbering, abstract_id)
    lijsten = sorted({p.lijst for p in alineas if p.nummering})
    for lijst in lijsten:
        _num(numbering, basis + lijst, abstract_id, herstart=lijst > 0)
    # Style-based numbering: the styles Lid and Onderdeel carry numPr to list 0.
    for naam, ilvl in (("Lid", 0), ("Onderdeel", 1), ("Subonderdeel", 2)):
        stijl = d.styles.add_style(naam, WD_STYLE_TYPE.PARAGRAPH)
        stijl.base_style = d.styles["Normal"]
        _numpr(stijl.element.get_or_add_pPr(), basis, ilvl)
    for p in alineas:
        if p.nummering == "stijl":
            stijlnaam = ("Lid", "Onderdeel", "Subonderdeel")[p.niveau]
            alinea = d.add_paragraph(style=stijlnaam)
            if p.lijst:
                # a restarted list in a styled paragraph: the paragraph names its own w:num
                _numpr(alinea._p.get_or_add_pPr(), basis + p.lijst, p.niveau)
        else:
            alinea = d.add_paragraph(style=p.stijl) if p.stijl else d.add_paragraph()
            if p.nummering == "direct":
                _numpr(alinea._p.get_or_add_pPr(), basis + p.lijst, p.niveau)
        run = alinea.add_run(p.tekst)
        run.bold = p.vet or None
    uit = io.BytesIO()
    d.save(uit)
    return uit.getvalue()


def word_alle_structuren(teksten: list[str], nummering: str | None) -> list[P]:
    """The paragraphs of a regeling typed as text ("1. ...", "a. ...", "1° ...") as Word paragraphs:
    title in style Title, hoofdstukken Heading 1, paragrafen and artikelen Heading 2; leden,
    onderdelen and subonderdelen numbered by their style, by numPr on each paragraph ("direct")
    or typed as text (None). Each artikel's list restarts (its own w:num with startOverride)."""
    alineas: list[P] = []
    lijst = 0
    for t in teksten:
        kop = "Title" if t == teksten[0] else ("Heading 1" if t.startswith("Hoofdstuk") else None)
        if t.startswith(("§", "Artikel ")) and len(t) < 40:
            kop = "Heading 2"
        label, _, rest = t.partition(" ")
        niveau = {"1.": 0, "2.": 0, "3.": 0, "a.": 1, "b.": 1, "1°": 2, "2°": 2}.get(label)
        if t.startswith("Artikel "):
            lijst += 1  # each artikel's leden and onderdelen are one list, restarting at 1
        if niveau is None or kop or nummering is None:
            alineas.append(P(t, kop))
            continue
        alineas.append(P(rest, nummering=nummering, lijst=lijst, niveau=niveau))
    return alineas


_INHOUDSTYPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
    'Target="https://example.org/" TargetMode="External"/>'
    "</Relationships>"
)
_KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def docx_van_xml(lichaam: str, nummering: str = "", stijlen: str = "", *, document: str | None = None) -> bytes:
    """A minimal .docx written by hand: `lichaam` is the content of w:body, `nummering` of
    w:numbering, `stijlen` of w:styles (prefix w:, hyperlink relationship rId3 exists).
    `document` replaces the whole document.xml (for malformed XML)."""
    import zipfile

    if document is None:
        document = f"{_KOP}<w:document {_NS}><w:body>{lichaam}</w:body></w:document>"
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _INHOUDSTYPEN)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", f"{_KOP}<w:styles {_NS}>{stijlen}</w:styles>")
        z.writestr("word/numbering.xml", f"{_KOP}<w:numbering {_NS}>{nummering}</w:numbering>")
    return uit.getvalue()
