"""Build grgen's clean base document ``basis.docx`` (reproducible).

Run with::

    python -m generator.render.docx.maak_basis            # writes basis.docx next to this file
    python -m generator.render.docx.maak_basis --uit x.docx

The package is assembled by hand (zipfile + XML strings) instead of from
python-docx's default template: that template carries a stale
``stylesWithEffects.xml`` and Letter-size settings, which openxml-audit flags
as Word app-compat problems. The output is byte-for-byte deterministic (fixed
part order, fixed zip timestamps, no rsids, no clock).

Contents: A4 portrait with 2.5 cm margins, Dutch (nl-NL) language defaults,
Arial 11 pt, styles Normal, Title, Heading 1-3 (with outline levels for
Word's navigation pane), Header, Footer, Table Grid, and a section ready for a
header and footer (python-docx adds those parts on demand).
"""

from __future__ import annotations

import argparse
import os
import queue
import struct
import sys
import threading
import weakref
import zipfile
import zlib
from pathlib import Path

BASIS_PAD = Path(__file__).with_name("basis.docx")

FONT = "Arial"
TAAL = "nl-NL"

# Fixed zip metadata for reproducible output.
ZIP_DATUM = (1980, 1, 1, 0, 0, 0)

_XML_KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = f"""{_XML_KOP}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

PAKKET_RELS = f"""{_XML_KOP}<Relationships xmlns="{PKG_REL_NS}">\
<Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{REL_TYPE}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

DOCUMENT_RELS = f"""{_XML_KOP}<Relationships xmlns="{PKG_REL_NS}">\
<Relationship Id="rId1" Type="{REL_TYPE}/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{REL_TYPE}/settings" Target="settings.xml"/>\
<Relationship Id="rId3" Type="{REL_TYPE}/fontTable" Target="fontTable.xml"/>\
<Relationship Id="rId4" Type="{REL_TYPE}/theme" Target="theme/theme1.xml"/>\
</Relationships>"""

# A4 portrait: 210 x 297 mm = 11906 x 16838 twips; margins 2.5 cm = 1417 twips;
# header/footer distance 1.25 cm = 708 twips.
SECTIE = (
    "<w:sectPr>"
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"'
    ' w:header="708" w:footer="708" w:gutter="0"/>'
    '<w:cols w:space="708"/>'
    '<w:docGrid w:linePitch="360"/>'
    "</w:sectPr>"
)

# The body holds only the section properties: python-docx inserts new
# paragraphs before w:sectPr, so generated documents start clean.
DOCUMENT = f"""{_XML_KOP}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">\
<w:body>{SECTIE}</w:body>\
</w:document>"""

_RFONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def _kop_stijl(nummer: int, grootte: int, voor: int, na: int, cursief: bool = False) -> str:
    """Heading N paragraph style with outline level N-1 (navigation pane)."""
    i = "<w:i/><w:iCs/>" if cursief else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{nummer}">'
        f'<w:name w:val="heading {nummer}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
        f'<w:uiPriority w:val="9"/>{"" if nummer == 1 else "<w:unhideWhenUsed/>"}<w:qFormat/>'
        "<w:pPr><w:keepNext/><w:keepLines/>"
        f'<w:spacing w:before="{voor}" w:after="{na}"/>'
        f'<w:outlineLvl w:val="{nummer - 1}"/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/>{i}<w:sz w:val="{grootte}"/><w:szCs w:val="{grootte}"/></w:rPr>'
        "</w:style>"
    )


def _inspring_stijl(style_id: str, naam: str, links: int, hangend: int) -> str:
    """A paragraph style for leden and onderdelen: the literal number ("2.", "b.") then a tab,
    with a hanging indent so the text lines up (numbers are text, never Word auto-numbering)."""
    inspringing = f'<w:ind w:left="{links}" w:hanging="{hangend}"/>' if hangend else f'<w:ind w:left="{links}"/>'
    tab = f'<w:tabs><w:tab w:val="left" w:pos="{links}"/></w:tabs>' if hangend else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{naam}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{tab}{inspringing}</w:pPr>"
        "</w:style>"
    )


_RAND = '<w:{k} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_RANDEN = "".join(_RAND.format(k=k) for k in ("top", "left", "bottom", "right", "insideH", "insideV"))

STYLES = f"""{_XML_KOP}<w:styles xmlns:w="{W_NS}">\
<w:docDefaults>\
<w:rPrDefault><w:rPr>{_RFONTS}<w:sz w:val="22"/><w:szCs w:val="22"/>\
<w:lang w:val="{TAAL}" w:eastAsia="{TAAL}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
</w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">\
<w:name w:val="Normal"/><w:qFormat/>\
</w:style>\
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">\
<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>\
</w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal">\
<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>\
</w:style>\
<w:style w:type="numbering" w:default="1" w:styleId="NoList">\
<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>\
</w:style>\
<w:style w:type="paragraph" w:styleId="Title">\
<w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
<w:uiPriority w:val="10"/><w:qFormat/>\
<w:pPr><w:spacing w:after="240"/><w:contextualSpacing/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:kern w:val="28"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>\
</w:style>\
{_kop_stijl(1, 28, 360, 120)}\
{_kop_stijl(2, 24, 240, 120)}\
{_kop_stijl(3, 22, 240, 60, cursief=True)}\
{_inspring_stijl("Lid", "Lid", 567, 567)}\
{_inspring_stijl("Onderdeel", "Onderdeel", 1134, 567)}\
{_inspring_stijl("Subonderdeel", "Subonderdeel", 1701, 567)}\
{_inspring_stijl("Vervolg", "Vervolg", 567, 0)}\
{_inspring_stijl("Vervolg2", "Vervolg 2", 1134, 0)}\
<w:style w:type="paragraph" w:styleId="Header">\
<w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>\
<w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>\
<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>\
</w:style>\
<w:style w:type="paragraph" w:styleId="Footer">\
<w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>\
<w:pPr><w:tabs><w:tab w:val="right" w:pos="9072"/></w:tabs>\
<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>\
</w:style>\
<w:style w:type="table" w:styleId="TableGrid">\
<w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>\
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
<w:tblPr><w:tblBorders>{_RANDEN}</w:tblBorders></w:tblPr>\
</w:style>\
</w:styles>"""

SETTINGS = f"""{_XML_KOP}<w:settings xmlns:w="{W_NS}">\
<w:zoom w:percent="100"/>\
<w:defaultTabStop w:val="708"/>\
<w:hyphenationZone w:val="425"/>\
<w:characterSpacingControl w:val="doNotCompress"/>\
<w:compat>\
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>\
<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>\
<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>\
</w:compat>\
<w:themeFontLang w:val="{TAAL}"/>\
<w:decimalSymbol w:val=","/>\
<w:listSeparator w:val=";"/>\
</w:settings>"""

FONT_TABLE = f"""{_XML_KOP}<w:fonts xmlns:w="{W_NS}">\
<w:font w:name="{FONT}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>\
<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>\
</w:fonts>"""

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _vulling(kleur: str = "phClr") -> str:
    return f'<a:solidFill><a:schemeClr val="{kleur}"/></a:solidFill>'


def _lijn(breedte: int) -> str:
    return f'<a:ln w="{breedte}" cap="flat" cmpd="sng" algn="ctr">{_vulling()}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'


# Minimal but complete DrawingML theme (Word requires a theme part): standard
# Office colours, Arial as major and minor font, plain format scheme.
_KLEUREN = (
    ("dk2", "44546A"),
    ("lt2", "E7E6E6"),
    ("accent1", "4472C4"),
    ("accent2", "ED7D31"),
    ("accent3", "A5A5A5"),
    ("accent4", "FFC000"),
    ("accent5", "5B9BD5"),
    ("accent6", "70AD47"),
    ("hlink", "0563C1"),
    ("folHlink", "954F72"),
)
THEMA = (
    f'{_XML_KOP}<a:theme xmlns:a="{A_NS}" name="grgen">'
    "<a:themeElements>"
    '<a:clrScheme name="grgen">'
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
    + "".join(f'<a:{n}><a:srgbClr val="{c}"/></a:{n}>' for n, c in _KLEUREN)
    + "</a:clrScheme>"
    '<a:fontScheme name="grgen">'
    f'<a:majorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
    f'<a:minorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
    "</a:fontScheme>"
    '<a:fmtScheme name="grgen">'
    f"<a:fillStyleLst>{_vulling() * 3}</a:fillStyleLst>"
    f"<a:lnStyleLst>{_lijn(6350)}{_lijn(12700)}{_lijn(19050)}</a:lnStyleLst>"
    f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_vulling() * 3}</a:bgFillStyleLst>"
    "</a:fmtScheme>"
    "</a:themeElements>"
    "<a:objectDefaults/><a:extraClrSchemeLst/>"
    "</a:theme>"
)

CORE = f"""{_XML_KOP}<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title></dc:title>\
<dc:creator>grgen</dc:creator>\
<cp:lastModifiedBy>grgen</cp:lastModifiedBy>\
<cp:revision>1</cp:revision>\
<dc:language>{TAAL}</dc:language>\
<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>\
</cp:coreProperties>"""

APP = f"""{_XML_KOP}<Properties \
xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Template>Normal.dotm</Template>\
<Application>grgen</Application>\
<DocSecurity>0</DocSecurity>\
</Properties>"""

# Part order in the zip: [Content_Types].xml first (required by some readers).
ONDERDELEN: tuple[tuple[str, str], ...] = (
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", PAKKET_RELS),
    ("docProps/app.xml", APP),
    ("docProps/core.xml", CORE),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("word/fontTable.xml", FONT_TABLE),
    ("word/settings.xml", SETTINGS),
    ("word/styles.xml", STYLES),
    ("word/theme/theme1.xml", THEMA),
)


def deterministische_zip(onderdelen: list[tuple[str, bytes]], pakkers: dict[str, Blokpakker] | None = None) -> bytes:
    """Write zip entries in the given order with fixed metadata (1980-01-01), deflated.

    The bytes are exactly those of ``zipfile`` writing each entry with ``writestr`` at level 6
    (tests/test_docx_revisies.py compares them), except for a part over 512 KB, which is deflated
    in blocks on two threads (`_in_blokken`); written here in one pass: most parts of a
    package (styles, theme, settings, ...) are the same in every document of a build, and their
    deflated form is made once per process (`_gedeflateerd`). Shared by this script and
    ``document.Docx.bewaar_bytes``. `pakkers` holds, per part, the `Blokpakker` that deflated its
    blocks ahead while it was written.
    """
    lokaal: list[bytes] = []
    centraal: list[bytes] = []
    positie = 0
    for naam, data in onderdelen:
        crc, ingepakt = pakkers[naam].af(data) if pakkers and naam in pakkers else _gedeflateerd(data)
        try:
            naam_bytes, vlaggen = naam.encode("ascii"), 0
        except UnicodeEncodeError:
            naam_bytes, vlaggen = naam.encode("utf-8"), 0x800  # zipfile's UTF-8 name flag
        velden = (20, 0, vlaggen, zipfile.ZIP_DEFLATED, _DOSTIJD, _DOSDATUM, crc, len(ingepakt), len(data), len(naam_bytes))
        lokaal += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", *velden, 0), naam_bytes, ingepakt]
        # zipfile gives an entry without attributes the mode 0600 (external_attr 0o600 << 16).
        centraal += [struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, *velden, 0, 0, 0, 0, 0o600 << 16, positie), naam_bytes]
        positie += 30 + len(naam_bytes) + len(ingepakt)
    map_ = b"".join(centraal)
    einde = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(onderdelen), len(onderdelen), len(map_), positie, 0)
    return b"".join(lokaal) + map_ + einde


_DOSDATUM = (ZIP_DATUM[0] - 1980) << 9 | ZIP_DATUM[1] << 5 | ZIP_DATUM[2]
_DOSTIJD = ZIP_DATUM[3] << 11 | ZIP_DATUM[4] << 5 | ZIP_DATUM[5] // 2
_INGEPAKT: dict[bytes, tuple[int, bytes]] = {}
_HERHAALD = 64 * 1024  # parts up to this size are remembered: a body is not the same twice


def _gedeflateerd(data: bytes) -> tuple[int, bytes]:
    """CRC-32 and raw deflate at level 6 (as zipfile makes them) of one part; a large part in
    blocks (`_in_blokken`)."""
    bekend = _INGEPAKT.get(data)
    if bekend is not None:
        return bekend
    if len(data) > BLOKKEN_VANAF:
        return _in_blokken(data)
    inpakker = zlib.compressobj(6, zlib.DEFLATED, -15)
    uit = zlib.crc32(data), inpakker.compress(data) + inpakker.flush()
    if len(data) <= _HERHAALD:
        if len(_INGEPAKT) >= 512:
            _INGEPAKT.clear()
        _INGEPAKT[data] = uit
    return uit


# A part larger than this (the body of a renvooi of 1,000 artikelen is 1.1 MB) is deflated in
# blocks of _BLOK bytes, as pigz does: each block is a deflate stream of its own, primed with the
# 32 KB before it (its matches reach back as far as in one stream) and ended by a sync flush, the
# last one by the final block; together they are one valid deflate stream. zlib works without
# the interpreter lock, so a second thread deflates blocks while this one does others, and while
# a document is still being written (`Blokpakker`). The bytes depend on the part only, never on
# the threads, the processors or what was made ahead (tests/test_docx_revisies.py).
BLOKKEN_VANAF = 512 * 1024
_BLOK = 128 * 1024
_VENSTER = 32 * 1024  # deflate's window


def _in_blokken(data: bytes, draden: int | None = None) -> tuple[int, bytes]:
    """CRC-32 and raw deflate (level 6) of a large part, block by block, on `draden` threads
    (default: two when the process may use two processors).

    >>> data = b"".join(b"<w:p>alinea %d</w:p>" % i for i in range(60_000))
    >>> crc, ingepakt = _in_blokken(data)
    >>> zlib.decompress(ingepakt, -15) == data, crc == zlib.crc32(data), _in_blokken(data, draden=1) == (crc, ingepakt)
    (True, True, True)
    """
    return Blokpakker(draden).af(data)


def _blokgrenzen(lengte: int) -> list[int]:
    """Where the blocks of a part of `lengte` bytes begin, and its end: every _BLOK bytes, the
    last block at least half as long (a short one would compress worse on its own).

    >>> [g // 1024 for g in _blokgrenzen(600 * 1024)], [g // 1024 for g in _blokgrenzen(540 * 1024)]
    ([0, 128, 256, 384, 512, 600], [0, 128, 256, 384, 540])
    """
    grenzen = [*range(0, lengte, _BLOK), lengte]
    if len(grenzen) > 2 and grenzen[-1] - grenzen[-2] < _BLOK // 2:
        del grenzen[-2]
    return grenzen


def _deflate_blok(voorraad: bytes, blok: bytes, laatste: bool) -> bytes:
    """One block: primed with the (up to 32 KB of) bytes before it, ended by a sync flush, or
    for the last block by the final one."""
    inpakker = (
        zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, voorraad)
        if voorraad
        else zlib.compressobj(6, zlib.DEFLATED, -15)
    )
    return inpakker.compress(blok) + inpakker.flush(zlib.Z_FINISH if laatste else zlib.Z_SYNC_FLUSH)


def _processoren() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Blokpakker:
    """Deflates the blocks of one large part (`_in_blokken`), on a second thread while the part
    is still being written.

    The part's first bytes are given as they are made (`voeg_toe`); a block goes to the second
    thread as soon as its bytes are known and it cannot be the last one (only the last block's
    end depends on what follows). `af(data)` finishes with the whole part: the blocks still to do
    are shared by both threads, and the blocks made ahead are kept only when `data` begins with
    every byte given. So the result is always `_in_blokken(data)`, byte for
    byte, whatever was given before.

    >>> data = b"".join(b"<w:p>alinea %d</w:p>" % i for i in range(60_000))
    >>> pakker = Blokpakker(draden=2)
    >>> for begin in range(0, 900_000, 100_000):  # as a document is written
    ...     pakker.voeg_toe(data[begin : begin + 100_000])
    >>> pakker.af(data) == _in_blokken(data, draden=1)
    True
    >>> anders = Blokpakker(draden=2); anders.voeg_toe(b"<" * 900_000)  # not how the part begins
    >>> anders.af(data) == _in_blokken(data, draden=1)
    True
    """

    def __init__(self, draden: int | None = None) -> None:
        self._draden = _processoren() if draden is None else draden
        self._bekend = bytearray()  # the part's first bytes, as given
        self._gegeven = 0  # blocks 0 .. _gegeven - 1 are made ahead from them
        self._klaar: dict[int, bytes] = {}
        self._taken: queue.SimpleQueue[tuple[int, bytes, bytes, bool] | None] = queue.SimpleQueue()
        self._tweede: threading.Thread | None = None
        self._einde: weakref.finalize | None = None  # stops the thread: `_stop_werk`
        self._fouten: list[BaseException] = []

    def voeg_toe(self, stuk: bytes) -> None:
        """The next bytes of the part; blocks that are now certain go to the second thread."""
        if self._draden < 2:
            return  # one processor: everything in `af`
        self._bekend += stuk
        if len(self._bekend) <= BLOKKEN_VANAF:
            return  # the part may still be small enough for one stream
        # Block i ends at (i + 1) * _BLOK once at least half a block follows it (`_blokgrenzen`).
        zeker = (len(self._bekend) - _BLOK // 2) // _BLOK
        for i in range(self._gegeven, zeker):
            self._geef(
                i, bytes(self._bekend[max(0, i * _BLOK - _VENSTER) : i * _BLOK]), bytes(self._bekend[i * _BLOK : (i + 1) * _BLOK]), False
            )
        self._gegeven = max(self._gegeven, zeker)

    def af(self, data: bytes) -> tuple[int, bytes]:
        """CRC-32 and raw deflate of the whole part (`_gedeflateerd(data)`), with the blocks made
        ahead that still hold."""
        if len(data) <= BLOKKEN_VANAF:
            self._wacht()
            return _gedeflateerd(data)
        vooruit = self._gegeven * _BLOK
        # All bytes given must begin the part (compared in place: a copy cost half a millisecond).
        if self._gegeven and not (len(data) >= vooruit + _BLOK // 2 and data.startswith(self._bekend)):
            self._wacht()  # the part is not what was given: nothing made ahead is used
            self._klaar.clear()  # the same dict: the thread's, should a new one start
            self._fouten.clear()
            self._gegeven = 0
        grenzen = _blokgrenzen(len(data))
        aantal = len(grenzen) - 1
        bron = memoryview(data)

        def taak(i: int) -> tuple[int, bytes, bytes, bool]:
            begin, eind = grenzen[i], grenzen[i + 1]
            return i, bytes(bron[max(0, begin - _VENSTER) : begin]), bytes(bron[begin:eind]), i == aantal - 1

        for i in range(self._gegeven, aantal - 1):
            self._geef(*taak(i), starten=aantal - self._gegeven > 1)
        self._taken.put(None)  # the second thread stops when nothing is left
        # This thread begins with the last block (it ends the part, and is the longest), then
        # takes from the others the second thread has not begun.
        self._doe(taak(aantal - 1))
        while (volgende := self._taken.get()) is not None:
            self._doe(volgende)
        crc = zlib.crc32(data)
        self._wacht()
        if self._fouten:
            raise self._fouten[0]
        return crc, b"".join(self._klaar[i] for i in range(aantal))

    def _geef(self, i: int, voorraad: bytes, blok: bytes, laatste: bool, starten: bool = True) -> None:
        self._taken.put((i, voorraad, blok, laatste))
        if self._tweede is None and starten and self._draden > 1:
            # The thread holds the queue and the results, not the pakker: a pakker dropped before
            # `af` (an error while writing) is collected, and its finaliser stops the thread.
            self._tweede = threading.Thread(
                target=_deflatewerk, args=(self._taken, self._klaar, self._fouten), name="grgen-deflate", daemon=True
            )
            _snel_wisselen(True)
            self._tweede.start()
            self._einde = weakref.finalize(self, _stop_werk, self._taken)

    def _doe(self, taak: tuple[int, bytes, bytes, bool]) -> None:
        _doe(taak, self._klaar, self._fouten)

    def _wacht(self) -> None:
        """Until the second thread has stopped (it is told to by the None `af` puts)."""
        if self._tweede is not None:
            if self._tweede.is_alive():
                self._taken.put(None)
                self._tweede.join()
            self._tweede = None
            self._einde()  # the switch interval back (once; the thread has stopped)
        while True:  # leave the queue empty for a next use
            try:
                self._taken.get_nowait()
            except queue.Empty:
                break


def _stop_werk(taken: queue.SimpleQueue) -> None:
    """A pakker's thread is done with (`_wacht`, or the pakker dropped): told to stop, and the
    interpreter's switch interval back as it was when no thread deflates."""
    taken.put(None)
    _snel_wisselen(False)


# Between two zlib calls the second thread needs the interpreter lock for a moment, and the
# thread writing the document holds it for up to the switch interval (5 ms by default) before it
# lets go: at that pace a block of 128 KB, deflated in 2-3 ms, waited longer than it took, and the
# blocks made ahead were not ready when the document was. While a pakker's thread runs the
# interval is 0.2 ms (the writing thread only lets go when the other one asks), then as before.
_SCHAKELTIJD = 0.0002
_wisselen = threading.Lock()
_wisselend: list[float] = []  # per running thread, the interval before it (the first one counts)


def _snel_wisselen(aan: bool) -> None:
    with _wisselen:
        if aan:
            _wisselend.append(sys.getswitchinterval())
            sys.setswitchinterval(min(_SCHAKELTIJD, _wisselend[0]))
        elif _wisselend:
            oud = _wisselend[0]
            _wisselend.pop()
            if not _wisselend:
                sys.setswitchinterval(oud)


def _deflatewerk(taken: queue.SimpleQueue, klaar: dict[int, bytes], fouten: list[BaseException]) -> None:
    """The second thread of a `Blokpakker`: blocks until told to stop (a None, put back for the
    other thread)."""
    while (taak := taken.get()) is not None:
        _doe(taak, klaar, fouten)
    taken.put(None)


def _doe(taak: tuple[int, bytes, bytes, bool], klaar: dict[int, bytes], fouten: list[BaseException]) -> None:
    i, voorraad, blok, laatste = taak
    try:
        klaar[i] = _deflate_blok(voorraad, blok, laatste)
    except BaseException as fout:  # noqa: BLE001 - raised again by `Blokpakker.af`
        fouten.append(fout)


def maak_basis() -> bytes:
    """Return the bytes of the base document."""
    return deterministische_zip([(naam, xml.encode("utf-8")) for naam, xml in ONDERDELEN])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf het basisdocument basis.docx.")
    parser.add_argument("--uit", type=Path, default=BASIS_PAD, help="doelbestand (standaard: basis.docx)")
    args = parser.parse_args(argv)
    args.uit.write_bytes(maak_basis())
    print(f"Geschreven: {args.uit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
