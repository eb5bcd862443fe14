"""Raw OOXML builders: paragraphs with tracked changes, fields and table-row marks.

This is the ONLY module in grgen that builds raw WordprocessingML (python-docx
has no revision API). Everything else (renderers, ``document.Docx``) calls
these small named functions and never touches XML. Paragraphs are written as
XML text (``alinea_xml``) and parsed in batches (``voeg_alineas_toe``): lxml
then makes no Python object for their runs, which made the Word half of a
renvooi twice as fast. The element functions (``voeg_run_toe`` and the like)
parse the same text, so there is one serializer.

Revision model used here:

* inline insertion: ``<w:ins w:id w:author w:date><w:r><w:t>..</w:t></w:r></w:ins>``
* inline deletion: ``<w:del w:id w:author w:date><w:r><w:delText>..</w:delText></w:r></w:del>``
* a wholly deleted paragraph additionally carries a revision mark on its
  paragraph mark (``w:pPr/w:rPr/w:del``), so that "accept all" removes it
  completely instead of leaving an empty paragraph behind;
* wholly inserted paragraphs N1..Nk after a paragraph P follow Word's own
  convention (what Word writes when you press Enter at the end of P): the
  marks of P and N1..N(k-1) are inserted, Nk keeps the old mark and records
  P's style in ``w:pPrChange``. LibreOffice merges P into the next paragraph on
  "reject all" when P ends in an insertion and N1's own mark is the inserted
  one; this way all readers agree. Where P is deleted, or a heading takes part
  (pandoc's reader mishandles a moved mark next to a heading) and P does not
  end in an insertion, each inserted paragraph carries the revision on its own
  mark instead (see ``document.Docx._sluit_run``).

All revision ids come from one :class:`RevisieTeller` per document, so ids are
unique and deterministic; dates come from the data (:class:`Revisie`), never
from the clock.

Example::

    >>> import datetime, docx
    >>> doc = docx.Document()
    >>> rev = Revisie("Griffie", datetime.date(2024, 5, 1))
    >>> teller = RevisieTeller()
    >>> p = doc.add_paragraph()
    >>> voeg_run_toe(p, "De raad ")
    >>> voeg_verwijderd_toe(p, "besluit", rev, teller)
    >>> voeg_ingevoegd_toe(p, "beslist", rev, teller)
    >>> teller.laatste
    2
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser, parse_xml

_TAGS: dict[str, tuple[str, dict[str, str]]] = {}


def OxmlElement(tag: str):  # noqa: ANN201, N802 - python-docx's name and result
    """python-docx's ``OxmlElement`` with the tag's Clark name and namespace looked up once.

    A renvooi makes several elements per run; parsing "w:r" anew each time was its largest
    single cost once paragraphs were added in constant time.
    """
    bekend = _TAGS.get(tag)
    if bekend is None:
        ns = NamespacePrefixedTag(tag)
        bekend = _TAGS[tag] = (ns.clark_name, ns.nsmap)
    return oxml_parser.makeelement(bekend[0], nsmap=bekend[1])


__all__ = [
    "Revisie",
    "RevisieTeller",
    "alinea_xml",
    "alineateken_xml",
    "markeer_alinea_ingevoegd",
    "markeer_alinea_verwijderd",
    "markeer_kopregel",
    "revisie_xml",
    "run_xml",
    "uit_xml",
    "voeg_alineas_toe",
    "voeg_ingevoegd_toe",
    "voeg_run_toe",
    "voeg_veld_toe",
    "voeg_verwijderd_toe",
    "wis_alinea_inhoud",
]

# Text is split on tabs and line breaks: each becomes its own run child
# (w:tab / w:br), everything else goes into w:t (or w:delText).
_SPLITSER = re.compile(r"(\t|\r\n|\n|\r)")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Children of w:pPr that must come AFTER w:rPr (ECMA-376 CT_PPr sequence).
_NA_PPR_RPR = ("w:sectPr", "w:pPrChange")

# Children of the paragraph-mark w:rPr (CT_ParaRPr) that must come AFTER
# w:ins / w:del: the revision marks are the first four children of the
# sequence (ins, del, moveFrom, moveTo).
_REVISIE_IN_RPR = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))


@dataclass(frozen=True)
class Revisie:
    """Author and date of a tracked change (from the data, never the clock).

    >>> Revisie("Griffie", datetime.date(2024, 5, 1)).w_date
    '2024-05-01T00:00:00Z'
    """

    auteur: str
    datum: datetime.date

    def __post_init__(self) -> None:
        if not isinstance(self.auteur, str) or not self.auteur.strip():
            raise ValueError("Revisie.auteur moet een niet-lege tekst zijn")
        # datetime.datetime is a subclass of date; only the date part is used.
        if not isinstance(self.datum, datetime.date):
            raise TypeError("Revisie.datum moet een datetime.date zijn")

    @property
    def w_date(self) -> str:
        """The ``w:date`` attribute value: ``YYYY-MM-DDT00:00:00Z``."""
        d = self.datum
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}T00:00:00Z"


@dataclass
class RevisieTeller:
    """Deterministic revision-id counter: one per document, ids start at 1.

    >>> t = RevisieTeller()
    >>> t.volgende(), t.volgende()
    (1, 2)
    """

    laatste: int = field(default=0)

    def volgende(self) -> int:
        """Return the next unused revision id."""
        self.laatste += 1
        return self.laatste


def _p_element(paragraph):
    """Accept a python-docx Paragraph or a raw ``w:p`` element."""
    p = getattr(paragraph, "_p", paragraph)
    if p.tag != qn("w:p"):
        raise TypeError(f"verwacht een w:p-alinea, kreeg {p.tag!r}")
    return p


def escape(tekst: str, extra: dict[str, str] | None = None) -> str:
    """Text as XML character data: ``&``, ``<`` and ``>`` escaped (and *extra*), as
    ``xml.sax.saxutils.escape`` does; that module imports urllib.request, http and email (40 ms
    of every `grgen bouw`) for a function of three replacements.

    >>> escape("a < b & c > d")
    'a &lt; b &amp; c &gt; d'
    """
    tekst = _tekens(tekst)
    for teken, entiteit in (extra or {}).items():
        tekst = tekst.replace(teken, entiteit)
    return tekst


def _tekens(tekst: str) -> str:
    return tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribuut(tekst: str) -> str:
    """Text as an XML attribute value (between double quotes).

    >>> attribuut('a "b" & c')
    'a &quot;b&quot; &amp; c'
    """
    return escape(tekst, _AANHALINGSTEKEN)


_attr = attribuut


_AANHALINGSTEKEN = {'"': "&quot;"}


def uit_xml(xml: str) -> list:
    """The elements of an XML fragment written with the ``w:`` prefix, parsed by python-docx's
    parser (so they are its element classes).

    Building a paragraph as text and parsing it is several times faster than making its
    elements one by one: lxml makes no Python object for an element nobody asks for.

    >>> [e.tag.split("}")[1] for e in uit_xml("<w:r><w:t>a</w:t></w:r><w:r/>")]
    ['r', 'r']
    """
    return list(parse_xml(f'<w:body xmlns:w="{_W}">{xml}</w:body>'))


def run_xml(  # noqa: PLR0913 - the formatting of one run
    tekst: str,
    *,
    verwijderd: bool = False,
    stijl: str | None = None,
    vet: bool = False,
    cursief: bool = False,
    markering: bool = False,
    doorgehaald: bool = False,
    onderstreept: bool = False,
) -> str:
    """One ``w:r`` holding *tekst* (w:t, or w:delText when deleted), as XML text.

    Tabs become ``w:tab``, line breaks ``w:br``; all text elements carry
    ``xml:space="preserve"`` so leading/trailing spaces survive.

    >>> run_xml("1.\\tDe raad", vet=True)
    '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">1.</w:t><w:tab/><w:t xml:space="preserve">De raad</w:t></w:r>'
    """
    rpr = (
        _rpr(stijl, vet, cursief, markering, doorgehaald, onderstreept)
        if stijl or vet or cursief or markering or doorgehaald or onderstreept
        else ""
    )
    tag = "w:delText" if verwijderd else "w:t"
    if "\n" not in tekst and "\r" not in tekst:
        if not tekst:
            return f"<w:r>{rpr}</w:r>" if rpr else "<w:r/>"
        return f"<w:r>{rpr}{_regel_xml(tekst, tag)}</w:r>"
    delen = []
    for stuk in _SPLITSER.split(tekst):
        if not stuk:
            continue
        if stuk == "\t":
            delen.append("<w:tab/>")
        elif stuk in ("\n", "\r\n", "\r"):
            delen.append("<w:br/>")
        else:
            delen.append(f'<{tag} xml:space="preserve">{escape(stuk)}</{tag}>')
    return f"<w:r>{rpr}{''.join(delen)}</w:r>" if rpr or delen else "<w:r/>"


def _regel_xml(tekst: str, tag: str = "w:t") -> str:
    """The inside of a run of a non-empty text without line breaks: its pieces between tabs
    (none for an empty piece), escaped in one go.

    >>> _regel_xml("1.\\tDe raad")
    '<w:t xml:space="preserve">1.</w:t><w:tab/><w:t xml:space="preserve">De raad</w:t>'
    """
    tekst = _tekens(tekst)
    if "\t" not in tekst:
        return f'<{tag} xml:space="preserve">{tekst}</{tag}>'
    return "<w:tab/>".join([f'<{tag} xml:space="preserve">{stuk}</{tag}>' if stuk else "" for stuk in tekst.split("\t")])


@functools.lru_cache(maxsize=256)
def _rpr(stijl: str | None, vet: bool, cursief: bool, markering: bool, doorgehaald: bool, onderstreept: bool) -> str:
    """The ``w:rPr`` of a run (a handful of combinations, made once each)."""
    # CT_RPr order: rStyle ... b, bCs, i, iCs, caps, smallCaps, strike ... highlight, u ...
    return (
        "<w:rPr>"
        + (f'<w:rStyle w:val="{_attr(stijl)}"/>' if stijl else "")
        + ("<w:b/><w:bCs/>" if vet else "")
        + ("<w:i/><w:iCs/>" if cursief else "")
        + ("<w:strike/>" if doorgehaald else "")
        + ('<w:highlight w:val="yellow"/>' if markering else "")
        + ('<w:u w:val="single"/>' if onderstreept else "")
        + "</w:rPr>"
    )


def revisie_xml(tag: str, tekst: str, revisie: Revisie, teller: RevisieTeller, *, vet: bool = False, cursief: bool = False) -> str:
    """*tekst* as one run wrapped in ``w:ins`` or ``w:del`` (*tag*), as XML text; empty text
    gives "" and consumes no id."""
    if not tekst:
        return ""
    run = run_xml(tekst, verwijderd=tag == "w:del", vet=vet, cursief=cursief)
    return f"<{tag} {_revisie_attributen(revisie, teller)}>{run}</{tag}>"


def _revisie_attributen(revisie: Revisie, teller: RevisieTeller) -> str:
    return f'w:id="{teller.volgende()}" {_auteur_datum(revisie.auteur, revisie.datum)}'


@functools.lru_cache(maxsize=64)
def _auteur_datum(auteur: str, datum: datetime.date) -> str:
    return f'w:author="{_attr(auteur)}" w:date="{datum.year:04d}-{datum.month:02d}-{datum.day:02d}T00:00:00Z"'


def _revisieteken_xml(tag: str, revisie: Revisie, teller: RevisieTeller) -> str:
    """An empty ``w:ins`` / ``w:del``: the revision mark of a paragraph mark."""
    return f"<{tag} {_revisie_attributen(revisie, teller)}/>"


def alinea_xml(  # noqa: PLR0913 - the parts of one paragraph
    segmenten,  # noqa: ANN001
    stijl_id: str | None,
    alinea_status: str,
    revisie: Revisie | None,
    teller: RevisieTeller,
    *,
    teken: tuple[str, Revisie] | None | bool = True,
    oude_stijl: tuple[str | None, Revisie] | None = None,
    opmerking: int | None = None,
) -> str:
    """One ``w:p`` as XML text: style, runs and revisions.

    *segmenten* have ``soort`` ("gelijk", "ingevoegd", "verwijderd"), ``tekst``, ``vet`` and
    ``cursief`` (see ``document.Segment``). The paragraph mark carries *teken* (a status and
    the revision), its id taken before those of the runs; ``True`` means: the mark of a wholly
    inserted or deleted paragraph carries that revision itself. *oude_stijl* (style id, None
    for Normal) records a style change of the paragraph (``w:pPrChange``): the paragraph whose
    mark Word's convention moved keeps its own style on reject.
    """
    if teken is True:
        teken = (alinea_status, revisie) if alinea_status in _REVISIETAG else None  # type: ignore[assignment]
    tekenxml = alineateken_xml(teken[0], teken[1], teller) if teken else ""  # type: ignore[index]
    if not isinstance(segmenten, list):
        segmenten = list(segmenten)
    delen = []
    regels = False  # whether a segment has a line break
    for seg in segmenten:
        soort, tekst = seg.soort, seg.tekst
        if not tekst:  # no run; an empty revision takes no id (`revisie_xml`)
            if soort != "gelijk":
                delen.append("")
            continue
        vet, cursief = seg.vet, seg.cursief
        # Most runs of a renvooi: plain text on one line, made here without run_xml's checks.
        plat = "\n" not in tekst and "\r" not in tekst
        regels = regels or not plat
        if soort == "gelijk":
            opmaak = (getattr(seg, "markering", False), getattr(seg, "doorgehaald", False), getattr(seg, "onderstreept", False))
            if plat and not (vet or cursief or opmaak[0] or opmaak[1] or opmaak[2]):
                delen.append(f"<w:r>{_regel_xml(tekst)}</w:r>")
            else:
                delen.append(run_xml(tekst, vet=vet, cursief=cursief, markering=opmaak[0], doorgehaald=opmaak[1], onderstreept=opmaak[2]))
        elif plat and not (vet or cursief):
            tag = _REVISIETAG[soort]
            run = f"<w:r>{_regel_xml(tekst, 'w:delText' if tag == 'w:del' else 'w:t')}</w:r>"
            delen.append(f"<{tag} {_revisie_attributen(revisie, teller)}>{run}</{tag}>")  # type: ignore[arg-type]
        else:
            delen.append(revisie_xml(_REVISIETAG[soort], tekst, revisie, teller, vet=vet, cursief=cursief))  # type: ignore[arg-type]
    stijl = _pstijl(stijl_id) if stijl_id else ""
    wijziging = ""
    if oude_stijl is not None:
        oud = f'<w:pStyle w:val="{_attr(oude_stijl[0])}"/>' if oude_stijl[0] else ""
        wijziging = (
            f"<w:pPrChange {_revisie_attributen(oude_stijl[1], teller)}>{f'<w:pPr>{oud}</w:pPr>' if oud else '<w:pPr/>'}</w:pPrChange>"
        )
    # A paragraph with line breaks is a block (a signature with room to sign, an address): Word
    # and LibreOffice keep its lines on one page rather than leave a name alone on the next.
    bijeen = "<w:keepLines/>" if regels and any("\n" in seg.tekst for seg in segmenten) else ""
    ppr = f"<w:pPr>{stijl}{bijeen}{tekenxml}{wijziging}</w:pPr>" if stijl or bijeen or tekenxml or wijziging else ""
    if opmerking is not None:
        delen.insert(0, f'<w:commentRangeStart w:id="{opmerking}"/>')
        delen.append(f'<w:commentRangeEnd w:id="{opmerking}"/><w:r><w:commentReference w:id="{opmerking}"/></w:r>')
    # Empty elements as lxml writes them (`<w:p/>`): the text is spliced into the part unparsed.
    return f"<w:p>{ppr}{''.join(delen)}</w:p>" if ppr or delen else "<w:p/>"


def platte_alinea_xml(tekst: str, stijl_id: str | None) -> str:
    """`alinea_xml` of one unchanged run without formatting (an unchanged paragraph of a renvooi),
    made without segments.

    >>> platte_alinea_xml("1.\\tDe raad", "Lid")
    '<w:p><w:pPr><w:pStyle w:val="Lid"/></w:pPr><w:r><w:t xml:space="preserve">1.</w:t><w:tab/><w:t xml:space="preserve">De raad</w:t></w:r></w:p>'
    """
    if tekst and "\n" not in tekst and "\r" not in tekst:  # most paragraphs: the style and one run
        return f"<w:p>{_ppr(stijl_id)}<w:r>{_regel_xml(tekst)}</w:r></w:p>"
    stijl = _pstijl(stijl_id) if stijl_id else ""
    bijeen = "<w:keepLines/>" if "\n" in tekst else ""  # as in `alinea_xml`
    ppr = f"<w:pPr>{stijl}{bijeen}</w:pPr>" if stijl or bijeen else ""
    run = run_xml(tekst) if tekst else ""
    return f"<w:p>{ppr}{run}</w:p>" if ppr or run else "<w:p/>"


def platte_alineas_xml(alineas: Iterable[tuple[str, str]], stijl_id: Callable[[str], str | None]) -> list[str]:
    """`platte_alinea_xml` of each (text, style name), the style's id given by `stijl_id`: in
    one loop, for the thousands of unchanged paragraphs of a renvooi (most: one run of text, or
    a label, a tab and a text).

    >>> platte_alineas_xml([("1.\tDe raad", "Lid"), ("a & b", "Normal")], lambda s: None if s == "Normal" else s)[1]
    '<w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>'
    """
    pprs: dict[str, str] = {}
    uit: list[str] = []
    for tekst, stijl in alineas:
        ppr = pprs.get(stijl)
        if ppr is None:
            ppr = pprs[stijl] = _ppr(stijl_id(stijl))
        if not tekst or "\n" in tekst or "\r" in tekst:
            uit.append(platte_alinea_xml(tekst, stijl_id(stijl)))
            continue
        t = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        voor, tab, na = t.partition("\t")
        if not tab:
            uit.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>')
        elif voor and na and "\t" not in na:
            uit.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{voor}</w:t><w:tab/><w:t xml:space="preserve">{na}</w:t></w:r></w:p>')
        else:
            uit.append(f"<w:p>{ppr}<w:r>{_regel_xml(tekst)}</w:r></w:p>")
    return uit


@functools.lru_cache(maxsize=64)
def _ppr(stijl_id: str | None) -> str:
    """The ``w:pPr`` of a paragraph that only names its style (none for Normal)."""
    return f"<w:pPr>{_pstijl(stijl_id)}</w:pPr>" if stijl_id else ""


@functools.lru_cache(maxsize=64)
def _pstijl(stijl_id: str) -> str:
    return f'<w:pStyle w:val="{_attr(stijl_id)}"/>'


def alineateken_xml(alinea_status: str, revisie: Revisie, teller: RevisieTeller) -> str:
    """The revision on the paragraph mark of a wholly inserted or deleted paragraph, as the
    ``w:rPr`` of its ``w:pPr``: so accept-all and reject-all both remove the paragraph instead
    of leaving it empty.

    >>> alineateken_xml("ingevoegd", Revisie("Griffie", datetime.date(2024, 5, 1)), RevisieTeller())
    '<w:rPr><w:ins w:id="1" w:author="Griffie" w:date="2024-05-01T00:00:00Z"/></w:rPr>'
    """
    return f"<w:rPr>{_revisieteken_xml(_REVISIETAG[alinea_status], revisie, teller)}</w:rPr>"


_REVISIETAG = {"ingevoegd": "w:ins", "verwijderd": "w:del"}


def voeg_alineas_toe(body, xml: str) -> None:  # noqa: ANN001
    """Parse paragraphs (``alinea_xml``) and put them at the end of *body*, before its final
    ``w:sectPr``, in one go.

    python-docx's ``add_paragraph`` finds the ``w:sectPr`` by scanning all body children, which
    made a long document (a regeling of 10,000 artikelen) quadratic to build; the last child is
    looked at here, in constant time.

    >>> import docx
    >>> d = docx.Document()
    >>> voeg_alineas_toe(d.element.body, "<w:p/><w:p/>")
    >>> [c.tag.split("}")[1] for c in d.element.body[-3:]]
    ['p', 'p', 'sectPr']
    """
    for element in uit_xml(xml):
        voeg_toe_aan_body(body, element)


def voeg_toe_aan_body(body, element) -> None:  # noqa: ANN001
    """Put *element* at the end of *body*, before its final ``w:sectPr`` (found in constant time)."""
    laatste = body[-1] if len(body) else None
    if laatste is not None and laatste.tag == qn("w:sectPr"):
        laatste.addprevious(element)
    else:
        body.append(element)


def voeg_run_toe(
    paragraph,
    tekst: str,
    stijl: str | None = None,
    *,
    vet: bool = False,
    cursief: bool = False,
) -> None:
    """Append a plain (unchanged) run to *paragraph*.

    *stijl* is a character style id (``w:rStyle``), optional.

    >>> import docx
    >>> p = docx.Document().add_paragraph()
    >>> voeg_run_toe(p, "Artikel 1 ", vet=True)
    >>> p.text
    'Artikel 1 '
    """
    if not tekst:
        return
    _p_element(paragraph).extend(uit_xml(run_xml(tekst, stijl=stijl, vet=vet, cursief=cursief)))


def voeg_ingevoegd_toe(
    paragraph,
    tekst: str,
    revisie: Revisie,
    teller: RevisieTeller,
    *,
    vet: bool = False,
    cursief: bool = False,
) -> None:
    """Append *tekst* as a tracked insertion.

    Produces ``<w:ins w:id w:author w:date><w:r><w:t xml:space="preserve">``.
    Empty text adds nothing (and consumes no id).

    >>> import docx
    >>> p = docx.Document().add_paragraph()
    >>> voeg_ingevoegd_toe(p, "nieuw", Revisie("Griffie", datetime.date(2024, 5, 1)), RevisieTeller())
    >>> p._p.xpath("string(w:ins/w:r/w:t)"), p._p.xpath("string(w:ins/@w:date)")
    ('nieuw', '2024-05-01T00:00:00Z')
    """
    _voeg_revisie_toe(paragraph, "w:ins", tekst, revisie, teller, vet, cursief)


def voeg_verwijderd_toe(
    paragraph,
    tekst: str,
    revisie: Revisie,
    teller: RevisieTeller,
    *,
    vet: bool = False,
    cursief: bool = False,
) -> None:
    """Append *tekst* as a tracked deletion.

    Produces ``<w:del w:id w:author w:date><w:r><w:delText xml:space="preserve">``.
    Empty text adds nothing (and consumes no id).

    >>> import docx
    >>> p = docx.Document().add_paragraph()
    >>> voeg_verwijderd_toe(p, "oud", Revisie("Griffie", datetime.date(2024, 5, 1)), RevisieTeller())
    >>> p._p.xpath("string(w:del/w:r/w:delText)"), p._p.xpath("string(w:del/@w:id)")
    ('oud', '1')
    """
    _voeg_revisie_toe(paragraph, "w:del", tekst, revisie, teller, vet, cursief)


def _voeg_revisie_toe(paragraph, tag: str, tekst: str, revisie: Revisie, teller: RevisieTeller, vet: bool, cursief: bool) -> None:
    """One run wrapped in w:ins or w:del (deleted text goes in w:delText)."""
    xml = revisie_xml(tag, tekst, revisie, teller, vet=vet, cursief=cursief)
    if xml:
        _p_element(paragraph).extend(uit_xml(xml))


def _markeer_alineateken(paragraph, tag: str, revisie: Revisie, teller: RevisieTeller) -> None:
    p = _p_element(paragraph)
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        # w:rPr is the last child of w:pPr, before w:sectPr / w:pPrChange.
        ppr.insert_element_before(rpr, *_NA_PPR_RPR)
    if any(child.tag in _REVISIE_IN_RPR for child in rpr):
        raise ValueError("het alineateken heeft al een revisiemarkering")
    # w:ins / w:del are the first children of the paragraph-mark w:rPr.
    rpr.insert(0, uit_xml(_revisieteken_xml(tag, revisie, teller))[0])


def markeer_alinea_ingevoegd(paragraph, revisie: Revisie, teller: RevisieTeller) -> None:
    """Mark the paragraph mark of a wholly inserted paragraph (``w:pPr/w:rPr/w:ins``).

    Use together with :func:`voeg_ingevoegd_toe` for all of the paragraph's
    text, so "reject all" removes the paragraph without leaving it empty.

    >>> import docx
    >>> rev, teller = Revisie("Griffie", datetime.date(2024, 5, 1)), RevisieTeller()
    >>> p = docx.Document().add_paragraph(style="Heading 1")
    >>> markeer_alinea_ingevoegd(p, rev, teller)
    >>> voeg_ingevoegd_toe(p, "Nieuw artikel", rev, teller)
    >>> [child.tag.split("}")[1] for child in p._p.pPr]
    ['pStyle', 'rPr']
    """
    _markeer_alineateken(paragraph, "w:ins", revisie, teller)


def markeer_alinea_verwijderd(paragraph, revisie: Revisie, teller: RevisieTeller) -> None:
    """Mark the paragraph mark of a wholly deleted paragraph (``w:pPr/w:rPr/w:del``).

    Use together with :func:`voeg_verwijderd_toe` for all of the paragraph's
    text, so "accept all" removes the paragraph without leaving it empty.

    >>> import docx
    >>> rev, teller = Revisie("Griffie", datetime.date(2024, 5, 1)), RevisieTeller()
    >>> p = docx.Document().add_paragraph()
    >>> markeer_alinea_verwijderd(p, rev, teller)
    >>> voeg_verwijderd_toe(p, "Vervallen lid.", rev, teller)
    >>> p._p.xpath("count(w:pPr/w:rPr/w:del)"), p._p.xpath("string(w:del/@w:id)")
    (1.0, '2')
    """
    _markeer_alineateken(paragraph, "w:del", revisie, teller)


def voeg_veld_toe(paragraph, instructie: str, voorbeeld: str = "1") -> None:
    """Append a complex field (e.g. ``PAGE`` or ``NUMPAGES``) to *paragraph*.

    *voorbeeld* is the cached result shown until the application updates the
    field (Word and LibreOffice update PAGE/NUMPAGES when paginating).

    >>> import docx
    >>> p = docx.Document().add_paragraph()
    >>> voeg_veld_toe(p, "PAGE")
    >>> p._p.xpath("string(w:r/w:instrText)")
    ' PAGE '
    """
    veld = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instructie.strip())} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run_xml(voorbeeld)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    _p_element(paragraph).extend(uit_xml(veld))


def markeer_kopregel(rij) -> None:
    """Mark a table row as header row, repeated on every page (``w:trPr/w:tblHeader``).

    Accepts a python-docx ``_Row`` or a raw ``w:tr`` element.

    >>> import docx
    >>> tabel = docx.Document().add_table(rows=2, cols=2)
    >>> markeer_kopregel(tabel.rows[0])
    >>> tabel.rows[0]._tr.xpath("count(w:trPr/w:tblHeader)")
    1.0
    """
    tr = getattr(rij, "_tr", rij)
    if tr.tag != qn("w:tr"):
        raise TypeError(f"verwacht een w:tr-rij, kreeg {tr.tag!r}")
    trpr = tr.get_or_add_trPr()
    if trpr.find(qn("w:tblHeader")) is not None:
        return
    kop = OxmlElement("w:tblHeader")
    # Row-property elements are a choice group; revision marks on the row
    # (w:ins, w:del, w:trPrChange) must follow them.
    volgende = next(
        (c for c in trpr if c.tag in (qn("w:ins"), qn("w:del"), qn("w:trPrChange"))),
        None,
    )
    if volgende is None:
        trpr.append(kop)
    else:
        volgende.addprevious(kop)


def markeer_rij_heel(rij) -> None:  # noqa: ANN001
    """Keep a table row on one page (``w:trPr/w:cantSplit``), as "Rij mag over pagina's
    afbreken" switched off in Word.

    >>> import docx
    >>> tabel = docx.Document().add_table(rows=1, cols=1)
    >>> markeer_rij_heel(tabel.rows[0])
    >>> tabel.rows[0]._tr.xpath("count(w:trPr/w:cantSplit)")
    1.0
    """
    trpr = rij._tr.get_or_add_trPr()
    # cantSplit comes before tblHeader and the revision marks in CT_TrPr; it is written first.
    trpr.insert(0, OxmlElement("w:cantSplit"))


def wis_alinea_inhoud(paragraph) -> None:
    """Remove all content (runs, revisions, fields) of *paragraph*, keeping ``w:pPr``.

    >>> import docx
    >>> p = docx.Document().add_paragraph("weg", style="Heading 1")
    >>> wis_alinea_inhoud(p)
    >>> p.text, p.style.name
    ('', 'Heading 1')
    """
    p = _p_element(paragraph)
    for kind in list(p):
        if kind.tag != qn("w:pPr"):
            p.remove(kind)


def bladwijzer_alinea_xml(delen, stijl_id: str | None, bladwijzer_id: int, naam: str) -> str:  # noqa: ANN001
    """One ``w:p`` whose whole text is a bookmark named *naam*: the invisible mark of an ontwerp
    paragraph. *delen* are (text, anchor): text with an anchor becomes an internal hyperlink to
    that bookmark (a reference to another element).

    >>> bladwijzer_alinea_xml([("Zie ", None), ("artikel 2", "g3_b")], None, 5, "g2_a")  # doctest: +NORMALIZE_WHITESPACE
    '<w:p><w:bookmarkStart w:id="5" w:name="g2_a"/><w:r><w:t xml:space="preserve">Zie </w:t></w:r><w:hyperlink w:anchor="g3_b"><w:r><w:t xml:space="preserve">artikel 2</w:t></w:r></w:hyperlink><w:bookmarkEnd w:id="5"/></w:p>'
    """
    runs = []
    for tekst, anker in delen:
        if not tekst:
            continue
        run = run_xml(tekst)
        runs.append(f'<w:hyperlink w:anchor="{_attr(anker)}">{run}</w:hyperlink>' if anker else run)
    stijl = f'<w:pPr><w:pStyle w:val="{_attr(stijl_id)}"/></w:pPr>' if stijl_id else ""
    return f'<w:p>{stijl}<w:bookmarkStart w:id="{bladwijzer_id}" w:name="{_attr(naam)}"/>{"".join(runs)}<w:bookmarkEnd w:id="{bladwijzer_id}"/></w:p>'


# CT_Settings elements that come after w:trackRevisions (the schema fixes the order).
_NA_TRACKREVISIONS = (
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
    "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "compat",
    "themeFontLang", "decimalSymbol", "listSeparator",
)  # fmt: skip


def zet_wijzigingen_bijhouden(settings) -> None:  # noqa: ANN001
    """Switch on "wijzigingen bijhouden" (w:trackRevisions) in a document's settings element."""
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    teken = OxmlElement("w:trackRevisions")
    na = next((k for k in settings if k.tag in {qn(f"w:{n}") for n in _NA_TRACKREVISIONS}), None)
    if na is not None:
        na.addprevious(teken)
    else:
        settings.append(teken)
