"""Small wrapper over python-docx used by grgen's renderers.

Renderers build Word documents through :class:`Docx` only: they never touch
XML (tracked-change XML lives in :mod:`generator.render.docx.oxml`).

Text is passed as *segments*: pieces of a paragraph that are unchanged
(``"gelijk"``), tracked insertions (``"ingevoegd"``) or tracked deletions
(``"verwijderd"``). A segment is a :class:`Segment` or a plain tuple
``(soort, tekst)``, ``(soort, tekst, vet)`` or ``(soort, tekst, vet, cursief)``.
A whole paragraph can also be inserted or deleted (``alinea_status``); then its
paragraph mark carries the revision too, so accept-all and reject-all both
remove it completely.

Example::

    >>> import datetime
    >>> doc = Docx(revisie=Revisie("Griffie", datetime.date(2024, 5, 1)))
    >>> doc.eigenschappen("Wijziging GR", "Griffie", datetime.date(2024, 5, 1))
    >>> doc.kop("Artikel 1", 1)
    >>> doc.alinea([("gelijk", "De raad "), ("verwijderd", "besluit"), ("ingevoegd", "beslist"), ("gelijk", ".")])
    >>> doc.alinea("Nieuw lid.", alinea_status="ingevoegd")
    >>> doc.alinea("Overzicht:")
    >>> doc.tabel(["Huidige tekst", "Nieuwe tekst", "Toelichting"],
    ...           [["oud", [("ingevoegd", "nieuw", True)], "Redactioneel."]])
    >>> doc.koptekst("Gemeenschappelijke regeling")
    >>> doc.voettekst()
    >>> data = doc.bewaar_bytes()  # byte-identical for identical input

Known limitation: a wholly inserted/deleted paragraph disappears by merging
into the paragraph that follows it. The last paragraph of the body or of a
table cell has no follower, and LibreOffice (7.4) also does not merge a
paragraph into a following table: in those places an empty paragraph stays
behind after reject-all/accept-all. So end a document with an unchanged
paragraph and put an unchanged paragraph before a table;
:meth:`Docx.tabel` refuses a non-"gelijk" status for the last paragraph of a
cell. (tests/docxhulp.py: ``alineatekens_zonder_opvolger`` finds such cases.)
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.shared import Cm
from docx.styles import BabelFish
from lxml import etree

from generator.render.docx import oxml
from generator.render.docx.kolommen import CELMARGE_CM, breek_af, kolombreedtes
from generator.render.docx.maak_basis import BASIS_PAD, BLOKKEN_VANAF, Blokpakker, deterministische_zip
from generator.render.docx.maten import breedte_cm
from generator.render.docx.oxml import Revisie, RevisieTeller

__all__ = [
    "Alinea",
    "Docx",
    "GenormaliseerdeSegmenten",
    "Revisie",
    "RevisieTeller",
    "Segment",
    "kaal_segment",
    "normaliseer_segmenten",
]

Soort = Literal["gelijk", "ingevoegd", "verwijderd"]
SOORTEN: tuple[str, ...] = ("gelijk", "ingevoegd", "verwijderd")


@dataclass(frozen=True)
class Segment:
    """A piece of paragraph text with its revision kind and optional formatting.

    `markering` highlights a placeholder still to fill in (yellow); `doorgehaald` and
    `onderstreept` are formatting only, not revisions: a was-wordt cell shows what changes, struck
    through in the old text and underlined in the new, as the renvooi does.

    >>> Segment("ingevoegd", "nieuw", vet=True).vet
    True
    """

    soort: Soort
    tekst: str
    vet: bool = False
    cursief: bool = False
    markering: bool = False  # highlighted in yellow: a placeholder still to fill in
    doorgehaald: bool = False
    onderstreept: bool = False

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"onbekende segmentsoort {self.soort!r}; kies uit {SOORTEN}")
        if not isinstance(self.tekst, str):
            raise TypeError("Segment.tekst moet een tekst (str) zijn")


def kaal_segment(soort: Soort, tekst: str) -> Segment:
    """`Segment(soort, tekst)` without formatting, made without the dataclass's checks: for the
    thousands of segments of a renvooi, whose kinds come from the diff. The other fields are the
    class's defaults.

    >>> kaal_segment("ingevoegd", "nieuw") == Segment("ingevoegd", "nieuw"), kaal_segment("gelijk", "a").vet
    (True, False)
    """
    segment = object.__new__(Segment)
    segment.__dict__.update(soort=soort, tekst=tekst)  # frozen: no attribute may be set otherwise
    return segment


SegmentLike = Segment | tuple
Segmenten = str | Sequence[SegmentLike]


@dataclass(frozen=True)
class Alinea:
    """One paragraph inside a table cell (use a list of these for multi-paragraph cells)."""

    segmenten: Segmenten
    stijl: str = "Normal"
    alinea_status: Soort = "gelijk"


CelInhoud = str | Sequence[SegmentLike] | Sequence[Alinea]


def _opmaak(s: Segment) -> tuple:
    return (s.soort, s.vet, s.cursief, s.markering, s.doorgehaald, s.onderstreept)


class GenormaliseerdeSegmenten(list):
    """Segments as `normaliseer_segmenten` leaves them: no empty text, no two adjacent ones of
    the same kind and formatting. Given to it again, the list is returned as it is: a renvooi's
    changed paragraph arrives so (`word._samengevoegd`) and is not walked twice."""


def normaliseer_segmenten(segmenten: Segmenten) -> list[Segment]:
    """Turn a str, tuples or Segments into a list of :class:`Segment`.

    Empty texts are dropped; adjacent segments with the same kind and
    formatting are merged (fewer revisions, same result).

    >>> normaliseer_segmenten([("gelijk", "a"), ("gelijk", "b"), ("ingevoegd", "")])[0].tekst
    'ab'
    """
    if type(segmenten) is GenormaliseerdeSegmenten:
        return segmenten
    if isinstance(segmenten, str):
        return GenormaliseerdeSegmenten([Segment("gelijk", segmenten)] if segmenten else [])
    uit: list[Segment] = GenormaliseerdeSegmenten()
    teksten: list[list[str]] = []  # per segment of `uit`: the texts merged into it
    vorige = None
    for s in segmenten:
        if isinstance(s, Segment):
            seg = s
        elif isinstance(s, tuple) and 2 <= len(s) <= 4:
            seg = Segment(*s)
        else:
            raise TypeError(f"ongeldig segment {s!r}: verwacht Segment of (soort, tekst[, vet[, cursief]])")
        if not seg.tekst:
            continue
        opmaak = _opmaak(seg)
        if opmaak == vorige:
            teksten[-1].append(seg.tekst)
        else:
            uit.append(seg)
            teksten.append([seg.tekst])
            vorige = opmaak
    for i, delen in enumerate(teksten):
        if len(delen) > 1:  # one new Segment per merged run, not one per piece
            uit[i] = dataclasses.replace(uit[i], tekst="".join(delen))
    return uit


# Attributes that Word (or templates) add with random values; never emitted
# by grgen itself but stripped defensively for byte-identical output.
_RANDOM_ATTR = re.compile(rb'\s(?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"')
_RSIDS_ELEMENT = re.compile(rb"<w:rsids>.*?</w:rsids>|<w:rsids/>", re.S)
_RANDOM_TEKENS = (b"w:rsid", b"w14:paraId", b"w14:textId")  # what the two patterns can match

_PAGINA_LABELS = ("Pagina ", " van ")
_WACHTRIJ = 500  # paragraphs per batch, parsed or spliced; a spliced batch goes to the Blokpakker (small: its blocks start sooner)


@dataclass(slots=True)
class _Open:
    """A paragraph whose mark is not decided yet (see `Docx._sluit_run`)."""

    segs: list[Segment]
    stijl_id: str | None
    status: str
    revisie: Revisie | None
    kop: bool
    opmerking: int | None = None  # id of a comment on the paragraph
    # The paragraph's XML when its mark carries no revision, made up front for an unchanged one
    # (`Docx.ongewijzigde_alineas`): most paragraphs of a renvooi, written without segments.
    xml: str | None = None
    tekst: str = ""  # with `xml`: the text, for the segments (`segs` is then None)

    def segmenten(self) -> list[Segment]:
        return self.segs if self.segs is not None else normaliseer_segmenten(self.tekst)


_TABELSTIJL = "Table Grid"
TEKSTBREEDTE_CM = 16.0  # A4 with margins of 2.5 cm (basis.docx)
# A row higher than this may split across pages (Word and LibreOffice would cut it anyway).
MAX_RIJHOOGTE_CM = 18.0
_REGELHOOGTE_CM = 0.45  # Arial 11 pt with single line spacing
_ALINEA_WIT_CM = 0.15


def _als_alineas(inhoud: CelInhoud) -> list[Alinea]:
    if isinstance(inhoud, str) or not inhoud or not all(isinstance(a, Alinea) for a in inhoud):
        if not isinstance(inhoud, str) and any(isinstance(a, Alinea) for a in inhoud):
            raise TypeError("meng geen Alinea's en segmenten in één cel")
        return [Alinea(inhoud)]  # type: ignore[arg-type]
    return list(inhoud)  # type: ignore[arg-type]


def _zichtbaar(a: Alinea) -> str:
    """The text a cell paragraph shows (deleted text stays visible, struck through)."""
    return "".join(s.tekst for s in normaliseer_segmenten(a.segmenten))


def _vet(a: Alinea) -> bool:
    return any(s.vet for s in normaliseer_segmenten(a.segmenten))


def _afgebroken(a: Alinea, binnen_cm: float) -> Alinea:
    segmenten = [dataclasses.replace(s, tekst=breek_af(s.tekst, binnen_cm, s.vet)) for s in normaliseer_segmenten(a.segmenten)]
    return Alinea(segmenten, a.stijl, a.alinea_status)


def _hoogte_cm(cellen: list[list[Alinea]], breedtes: Sequence[float]) -> float:
    """A row's height, estimated from the lines its fullest cell takes."""
    hoogste = 0.0
    for alineas, breedte in zip(cellen, breedtes, strict=True):
        binnen = max(breedte - CELMARGE_CM, 0.5)
        regels = sum(max(1, -(-breedte_cm(_zichtbaar(a), vet=_vet(a)) // binnen)) for a in alineas)
        hoogste = max(hoogste, regels * _REGELHOOGTE_CM + len(alineas) * _ALINEA_WIT_CM)
    return hoogste


# The marker of spliced body text: an XML comment that text never produces (it escapes "<").
_MARKERING = "grgen-alineas-"
_MARKERINGEN = re.compile(rb"<!--" + _MARKERING.encode() + rb"(\d+)-->")
# The control characters XML 1.0 cannot hold: one byte each in UTF-8 (never part of another
# character's bytes); U+FFFE and U+FFFF are refused too, a surrogate cannot be encoded at all.
_STUURTEKENS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def _schoon(data: bytes) -> bytes:
    """An XML part without the attributes and elements with random values (a fast scan first)."""
    if any(t in data for t in _RANDOM_TEKENS):
        return _RSIDS_ELEMENT.sub(b"", _RANDOM_ATTR.sub(b"", data))
    return data


def _als_xml_tekst(xml: str) -> bytes | None:
    """`xml` as UTF-8, or None when it holds a character XML cannot (lxml's parser refuses it).

    >>> _als_xml_tekst("<w:t>é</w:t>"), _als_xml_tekst("a" + chr(0x0B)), _als_xml_tekst(chr(0xD800))
    (b'<w:t>\\xc3\\xa9</w:t>', None, None)
    """
    # Searched in the text, not in its UTF-8: one character there, three bytes here (0.05 ms
    # against 1.6 ms for 1 MB).
    if "\ufffe" in xml or "\uffff" in xml:
        return None
    try:
        data = xml.encode("utf-8")
    except UnicodeEncodeError:
        return None
    # bytes.translate runs in C: a regular expression over the text cost a third of the zip
    if len(data.translate(None, _STUURTEKENS)) != len(data):
        return None
    return data


def _zonder_markering(document: etree._Element) -> bool:
    """Whether the document holds no comment that looks like a marker (see `Docx.__init__`)."""
    return not any(str(c.text).startswith(_MARKERING) for c in document.iter(etree.Comment))


def _met_stukken(xml: bytes, stukken: list[bytes]) -> bytes:
    """document.xml with each marker replaced by its paragraphs (UTF-8, as the part)."""
    delen = _MARKERINGEN.split(xml)  # text, number, text, number, ..., text
    if len(delen) != 2 * len(stukken) + 1:
        raise AssertionError("document.xml heeft niet elke markering van de alinea's precies eenmaal")
    uit = [delen[0]]
    for i in range(1, len(delen), 2):
        uit += [stukken[int(delen[i])], delen[i + 1]]
    return b"".join(uit)


@dataclass
class _Prototype:
    """A base document opened once, with its style names and the style ids looked up so far."""

    document: docx.document.Document
    stijlnamen: frozenset[str]
    stijl_ids: dict[str, str]


_PROTOTYPEN: dict[tuple[bytes | None, bool], _Prototype] = {}


def _prototype(basis: bytes | None, kop_en_voet: bool = False) -> _Prototype:
    """The base document (grgen's, or a reference document's bytes) opened once per process: a
    copy of the opened tree costs a third of opening the package again, for every document.
    With `kop_en_voet` its first section has a header and footer of its own (python-docx reads
    and parses its template for each, for every document otherwise)."""
    sleutel = (basis, kop_en_voet)
    if sleutel not in _PROTOTYPEN:
        if len(_PROTOTYPEN) >= 16:  # a few reference documents per project at most
            _PROTOTYPEN.clear()
        document = docx.Document(io.BytesIO(basis) if basis is not None else str(BASIS_PAD))
        if kop_en_voet:
            document.sections[0].header.is_linked_to_previous = False
            document.sections[0].footer.is_linked_to_previous = False
        _PROTOTYPEN[sleutel] = _Prototype(document, _stijlnamen(document), {})
    return _PROTOTYPEN[sleutel]


def _stijlnamen(document: docx.document.Document) -> frozenset[str]:
    """The internal names of the styles of a document (python-docx compares those)."""
    return frozenset(s.name_val for s in document.styles.element.style_lst)


class _Onderdelen:
    """Stands in for python-docx's zip writer: collects each part's bytes by its name in the zip."""

    def __init__(self) -> None:
        self.delen: dict[str, bytes] = {}

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.delen[uri.membername] = blob


def _onderdelen(pakket: OpcPackage) -> dict[str, bytes]:
    """Every part of the package as python-docx would write it (what `Document.save` puts in its
    zip), without the zip: grgen writes the zip once itself, deterministically (deflating through
    python-docx's zip and reading it back cost as much again)."""
    for deel in pakket.parts:
        deel.before_marshal()
    uit = _Onderdelen()
    PackageWriter._write_content_types_stream(uit, pakket.parts)  # noqa: SLF001 - save() without the zip
    PackageWriter._write_pkg_rels(uit, pakket.rels)  # noqa: SLF001
    PackageWriter._write_parts(uit, pakket.parts)  # noqa: SLF001
    return uit.delen


class Docx:
    """A grgen Word document built on ``basis.docx``.

    *revisie* (author + date) is required as soon as tracked changes are
    written; revision ids come from one :class:`RevisieTeller` per document.
    """

    def __init__(self, revisie: Revisie | None = None, basis: str | Path | bytes | None = None, kop_en_voet: bool = False) -> None:
        """*kop_en_voet*: the document gets a header and footer of its own (`koptekst`,
        `voettekst`); their parts are then copied with the base instead of made anew."""
        # A reference document arrives as bytes, read by the loader's reader (inside the project).
        if basis is None or isinstance(basis, bytes):
            prototype = _prototype(basis, kop_en_voet)
            self._doc = copy.deepcopy(prototype.document)
            self._stijlnamen, self._stijl_ids = prototype.stijlnamen, prototype.stijl_ids  # grgen adds no styles
        else:
            self._doc = docx.Document(str(basis))
            self._stijlnamen, self._stijl_ids = _stijlnamen(self._doc), {}
        self.revisie = revisie
        self.teller = RevisieTeller()
        # Paragraphs as XML text, put into the body in one go (`_spoel`) before anything else
        # touches it: a regeling of 10,000 artikelen has some 40,000 paragraphs. Nothing reads
        # them back, so they are not parsed: the body gets a marker (an XML comment) where the
        # text is spliced into the serialised document.xml (`_onderdelen`). A body already
        # holding such a comment (a strange reference document) is built by parsing instead.
        self._wachtrij: list[str] = []
        self._stukken: list[bytes] | None = [] if _zonder_markering(self._doc.element) else None
        # A large body is deflated while it is still being written (`_vooruit`).
        self._pakker: Blokpakker | None = None
        self._gespoeld = 0  # bytes in `_stukken`
        # The last paragraph that is not wholly inserted, and the inserted ones after it: their
        # paragraph marks are decided when the run ends (Word's convention, see oxml).
        self._open: list[_Open] = []
        self._bladwijzers = 0

    # -- content -------------------------------------------------------

    def heeft_stijl(self, naam: str) -> bool:
        """Whether the base document defines a style with UI name *naam* ("Lid", "Vervolg 2", "Heading 1").

        >>> Docx().heeft_stijl("Lid"), Docx().heeft_stijl("Citaat")
        (True, False)
        """
        return BabelFish.ui2internal(naam) in self._stijlnamen  # as python-docx's `naam in styles`, without its scan

    @staticmethod
    def kopstijl(niveau: int) -> str:
        """The style of a heading: niveau 1-3 "Heading N", niveau 0 "Title".

        >>> Docx.kopstijl(2)
        'Heading 2'
        """
        if niveau == 0:
            return "Title"
        if 1 <= niveau <= 3:
            return f"Heading {niveau}"
        raise ValueError(f"kopniveau moet 0..3 zijn, kreeg {niveau}")

    def kop(
        self,
        tekst: Segmenten,
        niveau: int = 1,
        alinea_status: Soort = "gelijk",
        revisie: Revisie | None = None,
        opmerking: str | None = None,
    ) -> None:
        """Add a heading: niveau 1-3 uses "Heading N", niveau 0 the "Title" style.

        *tekst* may be a str or a segment list (e.g. a changed article title).
        """
        self.alinea(tekst, stijl=self.kopstijl(niveau), alinea_status=alinea_status, revisie=revisie, opmerking=opmerking)

    def alinea(
        self,
        segmenten: Segmenten,
        stijl: str = "Normal",
        alinea_status: Soort = "gelijk",
        revisie: Revisie | None = None,
        opmerking: str | None = None,
    ) -> None:
        """Add a paragraph built from *segmenten* (see module docstring).

        *opmerking* becomes a Word comment on the paragraph, by the revision's author and date
        (the toelichting beside the change it explains).

        *revisie* (author and date) overrides the document's own for this paragraph, so one
        document can hold the changes of several amendments, each under its own name.

        With ``alinea_status="ingevoegd"`` every segment is written as an
        insertion and the paragraph mark is marked inserted ("verwijderd"
        segments are then an error); ``"verwijderd"`` is the mirror image.
        """
        item = self._open_alinea(segmenten, stijl, alinea_status, revisie)
        if opmerking:
            item.opmerking = self._opmerking(opmerking, self._eis_revisie(revisie))
        if item.status != "ingevoegd":
            self._sluit_run()
        self._open.append(item)
        if len(self._wachtrij) >= _WACHTRIJ:
            self._leeg_wachtrij()

    def ongewijzigde_alineas(self, alineas: Sequence[tuple[str, str]]) -> None:
        """`alinea(tekst, stijl)` for each (tekst, stijl): paragraphs of one unchanged run without
        formatting or comment (most of a renvooi: 4,600 for 1,000 artikelen).

        The same XML, made without segments; only the last paragraph is held open, as it alone
        can start a run of wholly inserted paragraphs (see `_sluit_run`).
        """
        if not alineas:
            return
        self._sluit_run()
        *eerdere, (tekst, stijl) = alineas
        stijl_id = self._pstijl_id
        self._wachtrij.extend(oxml.platte_alineas_xml(eerdere, stijl_id))
        xml = oxml.platte_alinea_xml(tekst, stijl_id(stijl))
        self._open.append(
            _Open(None, stijl_id(stijl), "gelijk", None, stijl == "Title" or stijl.startswith("Heading"), xml=xml, tekst=tekst)
        )
        if len(self._wachtrij) >= _WACHTRIJ:
            self._leeg_wachtrij()

    def gemarkeerde_alinea(self, delen: Sequence[tuple[str, str | None]], naam: str, stijl: str = "Normal") -> None:
        """Add a paragraph marked by a bookmark named *naam* (an ontwerp paragraph); *delen* are
        (text, bookmark name or None): a part with a name links to that bookmark."""
        stijl_id = None if stijl == "Normal" else self._stijl_id(stijl)
        self._bladwijzers += 1
        self._wachtrij.append(oxml.bladwijzer_alinea_xml(delen, stijl_id, self._bladwijzers, naam))
        if len(self._wachtrij) >= _WACHTRIJ:
            self._spoel()

    def wijzigingen_bijhouden(self) -> None:
        """Open the document with "wijzigingen bijhouden" on: every edit becomes a tracked change."""
        oxml.zet_wijzigingen_bijhouden(self._doc.settings.element)

    def pagina_einde(self) -> None:
        """Start a new page."""
        self._spoel()
        self._doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def tabel(
        self,
        kopregel: Sequence[str],
        rijen: Sequence[Sequence[CelInhoud]],
        breedtes_cm: Sequence[float] | None = None,
    ) -> None:
        """Add a "Table Grid" table with a bold header row repeated on every page.

        A cell is a str, a segment list (one paragraph) or a list of :class:`Alinea` (several
        paragraphs). Used e.g. for a was-wordt table: ``tabel(["Huidige tekst", "Nieuwe tekst",
        "Toelichting"], rijen)``. A header of empty strings means no header row (a key/value
        table). Without *breedtes_cm* the columns are as wide as their longest word and share
        the rest of the text width by their content (``kolommen``); a row that fits on a page
        is not split across pages.
        """
        kolommen = len(kopregel)
        if kolommen == 0:
            raise ValueError("een tabel heeft minstens één kolom nodig")
        for i, rij in enumerate(rijen, start=1):
            if len(rij) != kolommen:
                raise ValueError(f"rij {i} heeft {len(rij)} cellen, verwacht {kolommen}")
        if breedtes_cm is not None and len(breedtes_cm) != kolommen:
            raise ValueError("breedtes_cm moet evenveel waarden hebben als er kolommen zijn")
        self._spoel()
        inhoud = [[_als_alineas(c) for c in rij] for rij in rijen]
        if any(kopregel):
            inhoud.insert(0, [[Alinea([Segment("gelijk", t, vet=True)])] for t in kopregel])
        if breedtes_cm is None:
            per_kolom = [[[(_zichtbaar(a), _vet(a)) for a in rij[j]] for rij in inhoud] for j in range(kolommen)]
            breedtes_cm, afbreken = kolombreedtes(per_kolom, TEKSTBREEDTE_CM)
            for j, breedte in enumerate(breedtes_cm):
                if afbreken[j]:
                    for rij in inhoud:
                        rij[j] = [_afgebroken(a, breedte - CELMARGE_CM) for a in rij[j]]
        # The table as XML text, as python-docx would build it (add_table, style, widths,
        # cells) and serialise it: queued with the paragraphs, never parsed (see `_spoel`).
        # Both the grid (read by LibreOffice) and every cell (read by Word) get the widths.
        stijl_id = self._doc.part.get_style_id(_TABELSTIJL, WD_STYLE_TYPE.TABLE)
        twips = [Cm(b).twips for b in breedtes_cm]
        delen = [
            "<w:tbl><w:tblPr>",
            f'<w:tblStyle w:val="{oxml.attribuut(stijl_id)}"/>' if stijl_id else "",
            '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>',
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>',
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{t}"/>' for t in twips),
            "</w:tblGrid>",
        ]
        for r, waarden in enumerate(inhoud):
            heel = "<w:cantSplit/>" if _hoogte_cm(waarden, breedtes_cm) < MAX_RIJHOOGTE_CM else ""
            kop = "<w:tblHeader/>" if r == 0 and any(kopregel) else ""
            delen.append(f"<w:tr><w:trPr>{heel}{kop}</w:trPr>" if heel or kop else "<w:tr>")
            for alineas, t in zip(waarden, twips, strict=True):
                delen.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{t}"/></w:tcPr>{self._cel_xml(alineas)}</w:tc>')
            delen.append("</w:tr>")
        delen.append("</w:tbl>")
        self._wachtrij.append("".join(delen))

    # -- header, footer, properties -----------------------------------

    def koptekst(self, tekst: str) -> None:
        """Set the page-header text (all pages of the section)."""
        kop = self._doc.sections[0].header
        kop.is_linked_to_previous = False
        p = kop.paragraphs[0]
        oxml.wis_alinea_inhoud(p)
        oxml.voeg_run_toe(p, tekst)

    def voettekst(self, tekst: str | None = None) -> None:
        """Footer: optional *tekst*, then right-aligned "Pagina X van Y" (PAGE/NUMPAGES fields)."""
        voet = self._doc.sections[0].footer
        voet.is_linked_to_previous = False
        p = voet.paragraphs[0]
        oxml.wis_alinea_inhoud(p)
        if tekst:
            oxml.voeg_run_toe(p, tekst)
        # The Footer style has one right tab stop at the text width.
        oxml.voeg_run_toe(p, "\t")
        oxml.voeg_run_toe(p, _PAGINA_LABELS[0])
        oxml.voeg_veld_toe(p, "PAGE", "1")
        oxml.voeg_run_toe(p, _PAGINA_LABELS[1])
        oxml.voeg_veld_toe(p, "NUMPAGES", "1")

    def eigenschappen(
        self,
        titel: str,
        auteur: str,
        datum: datetime.date,
        onderwerp: str | None = None,
    ) -> None:
        """Set core properties from data: created = modified = *datum* (never now)."""
        cp = self._doc.core_properties
        moment = datetime.datetime(datum.year, datum.month, datum.day)
        cp.title = titel
        cp.author = auteur
        cp.last_modified_by = auteur
        cp.created = moment
        cp.modified = moment
        cp.revision = 1
        cp.language = "nl-NL"
        if onderwerp is not None:
            cp.subject = onderwerp

    # -- output ----------------------------------------------------------

    def bewaar_bytes(self) -> bytes:
        """Return the .docx bytes; identical input gives byte-identical output."""
        self._spoel()
        onderdelen = _onderdelen(self._doc.part.package)
        for naam, data in onderdelen.items():
            if naam.endswith((".xml", ".rels")):
                onderdelen[naam] = _schoon(data)
        naam = self._doc.part.partname.membername
        if self._stukken:  # after the scan: grgen's paragraphs hold no random attributes
            onderdelen[naam] = _met_stukken(onderdelen[naam], self._stukken)
        voorop = ["[Content_Types].xml", "_rels/.rels"]
        volgorde = [n for n in voorop if n in onderdelen] + sorted(n for n in onderdelen if n not in voorop)
        return deterministische_zip([(n, onderdelen[n]) for n in volgorde], {naam: self._pakker} if self._pakker else None)

    def bewaar(self, pad: str | Path) -> None:
        """Write :meth:`bewaar_bytes` to *pad*."""
        Path(pad).write_bytes(self.bewaar_bytes())

    # -- internals ---------------------------------------------------------

    def _stijl_id(self, naam: str) -> str:
        """The style id of a paragraph style name, looked up once per document (python-docx
        scans every style on each lookup)."""
        if naam not in self._stijl_ids:
            self._stijl_ids[naam] = self._doc.styles[naam].style_id
        return self._stijl_ids[naam]

    def _pstijl_id(self, naam: str) -> str | None:
        """The style id a paragraph names: none for "Normal", the default style (no w:pStyle)."""
        return None if naam == "Normal" else self._stijl_id(naam)

    def _eis_revisie(self, revisie: Revisie | None = None) -> Revisie:
        revisie = revisie or self.revisie
        if revisie is None:
            raise ValueError("Docx heeft een Revisie (auteur, datum) nodig voor bijgehouden wijzigingen")
        return revisie

    def _spoel(self) -> None:
        """Put the queued paragraphs into the body."""
        self._sluit_run()
        self._leeg_wachtrij()

    def _leeg_wachtrij(self) -> None:
        """Move the queued paragraph XML to the body: as text behind a marker, or parsed."""
        if not self._wachtrij:
            return
        xml = "".join(self._wachtrij)
        self._wachtrij.clear()
        data = _als_xml_tekst(xml) if self._stukken is not None else None
        if data is None:
            oxml.voeg_alineas_toe(self._doc.element.body, xml)  # the parser refuses what XML cannot hold
            return
        oxml.voeg_toe_aan_body(self._doc.element.body, etree.Comment(f"{_MARKERING}{len(self._stukken)}"))
        self._stukken.append(data)
        self._vooruit(data)

    def _vooruit(self, data: bytes) -> None:
        """Give the body's bytes to a `Blokpakker` once document.xml is sure to be deflated in
        blocks: the second thread deflates its first blocks while the rest is written. It is
        given document.xml as far as it goes (up to the first marker, cleaned as `bewaar_bytes`
        cleans it) and the spliced bodies after it; `bewaar_bytes` hands it the part as it is in
        the end, and it keeps only what still holds."""
        if self._pakker is not None:
            self._pakker.voeg_toe(data)
            return
        self._gespoeld += len(data)
        if self._gespoeld <= BLOKKEN_VANAF:
            return
        begin = _schoon(self._doc.part.blob)
        eerste = _MARKERINGEN.search(begin)  # the markers are in the body in their order
        if eerste is None:
            return  # no body spliced as text: nothing to give
        self._pakker = Blokpakker()
        self._pakker.voeg_toe(begin[: eerste.start()])
        for stuk in self._stukken:
            self._pakker.voeg_toe(stuk)

    def _sluit_run(self) -> None:
        """Write the open paragraphs: P and the wholly inserted N1..Nk after it.

        Word's convention (P's and N1..N(k-1)'s marks inserted, Nk's style change recorded)
        when P exists and is not deleted, unless P or Nk is a heading and P does not end in an
        insertion; else each inserted paragraph carries its own mark revision. LibreOffice
        merges P into the next paragraph on "reject all" when P ends in an insertion and N1
        carries its own mark; pandoc misplaces text when P or Nk is a heading and the mark
        moved. Where the two conflict, Word's convention is kept (Word and LibreOffice are
        what councils use); `tests/test_libreoffice.py` holds every case.
        """
        open_, self._open = self._open, []
        if not open_:
            return
        p, run = (open_[0], open_[1:]) if open_[0].status != "ingevoegd" else (None, open_)
        if not (run and p is not None and p.status != "verwijderd"):
            word = False
        elif not p.kop and not run[-1].kop:
            word = True  # every reader agrees
        else:
            # pandoc misreads a moved mark next to a heading, LibreOffice an own mark after an
            # insertion: the users' readers (Word, LibreOffice) win.
            segs = p.segmenten()
            word = bool(segs) and segs[-1].soort == "ingevoegd"
        if not word:
            self._wachtrij.extend(
                a.xml if a.xml is not None else oxml.alinea_xml(a.segs, a.stijl_id, a.status, a.revisie, self.teller, opmerking=a.opmerking)
                for a in open_
            )
            return
        reeks = [p, *run]
        for a, volgende in zip(reeks, [*run, None], strict=True):
            teken = ("ingevoegd", volgende.revisie) if volgende is not None else None
            oude_stijl = (p.stijl_id, a.revisie) if volgende is None and a.stijl_id != p.stijl_id else None
            self._wachtrij.append(
                oxml.alinea_xml(
                    a.segmenten(), a.stijl_id, a.status, a.revisie, self.teller, teken=teken, oude_stijl=oude_stijl, opmerking=a.opmerking
                )
            )

    def _opmerking(self, tekst: str, revisie: Revisie) -> int:
        """A comment in the comments part (python-docx), dated from the data, never the clock."""
        opmerking = self._doc.comments.add_comment(tekst, author=revisie.auteur, initials=None)
        opmerking._comment_elm.date = datetime.datetime(revisie.datum.year, revisie.datum.month, revisie.datum.day, tzinfo=datetime.UTC)
        return opmerking.comment_id

    def _open_alinea(self, segmenten: Segmenten, stijl: str, alinea_status: str, revisie: Revisie | None = None) -> _Open:
        segs, stijl_id, revisie = self._voorbereid(segmenten, stijl, alinea_status, revisie)
        return _Open(segs, stijl_id, alinea_status, revisie, stijl == "Title" or stijl.startswith("Heading"))

    def _alinea_xml(self, segmenten: Segmenten, stijl: str, alinea_status: str, revisie: Revisie | None = None) -> str:
        segs, stijl_id, revisie = self._voorbereid(segmenten, stijl, alinea_status, revisie)
        return oxml.alinea_xml(segs, stijl_id, alinea_status, revisie, self.teller)

    def _voorbereid(
        self, segmenten: Segmenten, stijl: str, alinea_status: str, revisie: Revisie | None
    ) -> tuple[list[Segment], str | None, Revisie | None]:
        if alinea_status not in SOORTEN:
            raise ValueError(f"onbekende alinea_status {alinea_status!r}; kies uit {SOORTEN}")
        segs = normaliseer_segmenten(segmenten)
        if alinea_status != "gelijk":
            tegengesteld = "verwijderd" if alinea_status == "ingevoegd" else "ingevoegd"
            if any(seg.soort == tegengesteld for seg in segs):
                raise ValueError(f"segment {tegengesteld!r} past niet in een alinea met status {alinea_status!r}")
            # Every piece of a wholly inserted/deleted paragraph is itself a revision.
            if any(s.soort != alinea_status for s in segs):
                segs = normaliseer_segmenten([s if s.soort == alinea_status else dataclasses.replace(s, soort=alinea_status) for s in segs])
        if alinea_status != "gelijk" or any(seg.soort != "gelijk" for seg in segs):
            revisie = self._eis_revisie(revisie)
        return segs, self._pstijl_id(stijl), revisie

    def _cel_xml(self, inhoud: CelInhoud) -> str:
        alineas = _als_alineas(inhoud)
        if alineas[-1].alinea_status != "gelijk":
            raise ValueError(
                "de laatste alinea van een cel kan niet geheel ingevoegd/verwijderd zijn (Word laat dan een lege alinea achter)"
            )
        return "".join(self._alinea_xml(a.segmenten, a.stijl, a.alinea_status) for a in alineas)
