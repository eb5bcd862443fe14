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
import struct
import threading
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


def deterministische_zip(onderdelen: list[tuple[str, bytes]]) -> bytes:
    """Write zip entries in the given order with fixed metadata (1980-01-01), deflated.

    The bytes are exactly those of ``zipfile`` writing each entry with ``writestr`` at level 6
    (tests/test_docx_revisies.py compares them), except for a part over 512 KB, which is deflated
    in blocks on two threads (`_in_blokken`); written here in one pass: most parts of a
    package (styles, theme, settings, ...) are the same in every document of a build, and their
    deflated form is made once per process (`_gedeflateerd`). Shared by this script and
    ``document.Docx.bewaar_bytes``.
    """
    lokaal: list[bytes] = []
    centraal: list[bytes] = []
    positie = 0
    for naam, data in onderdelen:
        crc, ingepakt = _gedeflateerd(data)
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
# the interpreter lock, so a second thread deflates half of the blocks while this one does the
# other half: the zip of a large renvooi takes half the time. The bytes depend on the part only,
# never on the threads or the processors (tests/test_docx_revisies.py).
BLOKKEN_VANAF = 512 * 1024
_BLOK = 256 * 1024
_VENSTER = 32 * 1024  # deflate's window


def _in_blokken(data: bytes, draden: int | None = None) -> tuple[int, bytes]:
    """CRC-32 and raw deflate (level 6) of a large part, block by block, on `draden` threads
    (default: two when the process may use two processors).

    >>> data = b"".join(b"<w:p>alinea %d</w:p>" % i for i in range(60_000))
    >>> crc, ingepakt = _in_blokken(data)
    >>> zlib.decompress(ingepakt, -15) == data, crc == zlib.crc32(data), _in_blokken(data, draden=1) == (crc, ingepakt)
    (True, True, True)
    """
    grenzen = [*range(0, len(data), _BLOK), len(data)]
    if len(grenzen) > 2 and grenzen[-1] - grenzen[-2] < _BLOK // 2:
        del grenzen[-2]  # no short last block: it would compress worse on its own
    aantal = len(grenzen) - 1
    blokken: list[bytes] = [b""] * aantal
    fouten: list[BaseException] = []

    def deflate(nummers: range) -> None:
        try:
            for i in nummers:
                begin, eind = grenzen[i], grenzen[i + 1]
                voorraad = data[max(0, begin - _VENSTER) : begin]
                inpakker = (
                    zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, voorraad)
                    if voorraad
                    else zlib.compressobj(6, zlib.DEFLATED, -15)
                )
                blokken[i] = inpakker.compress(data[begin:eind]) + inpakker.flush(zlib.Z_FINISH if i == aantal - 1 else zlib.Z_SYNC_FLUSH)
        except BaseException as fout:  # noqa: BLE001 - raised again by the thread that waits
            fouten.append(fout)

    if draden is None:
        draden = 2 if (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1) > 1 else 1
    helft = (aantal + 1) // 2
    if draden > 1:
        tweede = threading.Thread(target=deflate, args=(range(helft, aantal),), name="grgen-deflate")
        tweede.start()
        deflate(range(helft))
        crc = zlib.crc32(data)
        tweede.join()
    else:
        deflate(range(aantal))
        crc = zlib.crc32(data)
    if fouten:
        raise fouten[0]
    return crc, b"".join(blokken)


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
