"""grgen's Markdown documents (wijzigingsbesluit, raadsbesluit, ...) as Word documents.

Markdown is parsed with markdown-it-py (CommonMark + GFM tables, raw HTML off, no linkify or
typographer) and the tokens drive :class:`~generator.render.docx.document.Docx`, one method per
token type like markdown-it-py's own ``RendererHTML``. No XML is built here.

==============================================  ==============================================
Markdown                                        Word
==============================================  ==============================================
``# titel``                                     "Title" (the document title)
``##`` / ``###`` / ``####`` and deeper          "Heading 1" / "Heading 2" / "Heading 3"
paragraph                                       "Normal"; ``**vet**``, ``*cursief*`` as runs
``1\\. tekst``, ``a. tekst``, ``1°. tekst``     "Lid": the label, a tab, the text
4 / 8 NBSPs + label + text                      "Onderdeel" / "Subonderdeel" (label, tab, text)
NBSP-indented text without a label              "Vervolg 2" (text under an onderdeel)
``1. item`` (list; start respected)             "Lid": "1." + tab; nested lists "Onderdeel",
                                                then "Subonderdeel"; bullets "–" + tab
further paragraphs of a list item               "Vervolg" (top level), "Vervolg 2" (nested)
GFM table                                       "Table Grid" table, bold header row; ``<br>``
                                                in a cell starts a new paragraph in the cell
``> citaat``                                    the same styles, every run italic
``---``                                         page break
code block, fenced code                         "Normal", literal text, lines as line breaks
image                                           its alt text
link                                            its text, then " (url)" unless they are equal
==============================================  ==============================================

Numbers are always literal text followed by a tab, never Word auto-numbering. A hard line break
(two spaces or a backslash at the end of a line, or ``<br>`` in text) is a line break in the same
paragraph; a soft break is a space. Escaped text (``\\<br\\>``) and code are never markup.

Example::

    >>> import datetime, io, zipfile
    >>> data = markdown_naar_docx(
    ...     "# Raadsbesluit\\n\\n1\\\\. De raad **besluit**.",
    ...     titel="Raadsbesluit", koptekst="Gemeente Hengelo", datum=datetime.date(2025, 3, 1), auteur="Griffie")
    >>> b"Raadsbesluit" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    True
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.errors import GrgenFout
from generator.render.docx.document import Alinea, Docx, Segment
from generator.render.plaatshouders import PLAATSHOUDER

__all__ = ["MarkdownDocx", "MarkdownWordFout", "maak_parser", "markdown_naar_docx"]

NBSP = "\u00a0"
# Non-breaking spaces per indentation level (see tekstweergave.md_blok).
NBSP_PER_NIVEAU = 4

# Paragraph style of a labelled paragraph per indentation / list depth (as word.stijl does).
_STIJL_MET_LABEL = {0: "Lid", 1: "Onderdeel", 2: "Subonderdeel"}
_STIJL_VERVOLG = "Vervolg"
_STIJL_VERVOLG_DIEP = "Vervolg 2"  # the style's UI name; its id is "Vervolg2"
_TABELSTIJL = "Table Grid"
_OPSOMTEKEN = "–"

# A literal label at the start of a paragraph: "1.", "12.", "2a.", "1°.", "a.", "aa.", followed
# by spaces and text. Single or doubled lowercase letters only, so "nl. " or "ca. " stay prose.
_LABEL = re.compile(r"(\d+[a-z]{0,2}\.|\d+°\.|(?P<letter>[a-z])(?P=letter)?\.)[ \t]+(?=\S)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# The NBSPs after a line's block markers (indentation, blockquote ">").
_BRON_NBSP = re.compile(r"[ \t>]*(\u00a0*)")


class MarkdownWordFout(GrgenFout):
    """Markdown that cannot be turned into Word: an unknown token type or a style the base lacks."""


def maak_parser() -> MarkdownIt:
    """The Markdown parser: CommonMark + GFM tables, raw HTML off, no linkify or typographer.

    ``text_join`` is off so backslash escapes and entities stay ``text_special`` tokens: an
    escaped ``\\<br\\>`` is then text, while a bare ``<br>`` in a cell is a paragraph break.

    >>> [t.type for t in maak_parser().parse("1\\\\. tekst")[1].children]
    ['text', 'text_special', 'text']
    """
    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("text_join")


@functools.cache
def _parser() -> MarkdownIt:
    """One parser per process: building one (its rule chains) costs more than parsing a letter,
    and parsing keeps no state in it."""
    return maak_parser()


def markdown_naar_docx(
    markdown: str,
    *,
    titel: str,
    koptekst: str,
    datum: datetime.date,
    auteur: str,
    basis: Path | bytes | None = None,
) -> bytes:
    """The .docx bytes of *markdown*: byte-identical for identical input.

    *titel*, *auteur* and *datum* go into the document properties (the visible title is the
    Markdown's ``# heading``), *koptekst* is the running header, the footer shows "Pagina X van
    Y". *basis* is an optional reference document (an organisation's huisstijl) that must define
    the styles the Markdown needs; grgen's own ``basis.docx`` is used otherwise.
    """
    doc = Docx(basis=basis, kop_en_voet=True)
    doc.eigenschappen(titel=titel, auteur=auteur, datum=datum)
    doc.koptekst(koptekst)
    doc.voettekst()
    MarkdownDocx(doc).render(_parser().parse(markdown), markdown)
    return doc.bewaar_bytes()


# -- inline text --------------------------------------------------------------


@dataclass(frozen=True)
class _Stuk:
    """A piece of inline text; *letterlijk* pieces (escapes, code) are never read as markup."""

    tekst: str
    vet: bool = False
    cursief: bool = False
    letterlijk: bool = False


def _tekst(stukken: Sequence[_Stuk]) -> str:
    return "".join(s.tekst for s in stukken)


def _knip(stukken: Sequence[_Stuk], begin: int, eind: int | None = None) -> list[_Stuk]:
    """The pieces covering characters ``begin:eind`` of their joined text.

    >>> _knip([_Stuk("ab"), _Stuk("cd", vet=True)], 1, 3)
    [_Stuk(tekst='b', vet=False, cursief=False, letterlijk=False), _Stuk(tekst='c', vet=True, cursief=False, letterlijk=False)]
    """
    uit: list[_Stuk] = []
    positie = 0
    for s in stukken:
        van, tot = positie, positie + len(s.tekst)
        positie = tot
        a = max(begin, van)
        b = tot if eind is None else min(eind, tot)
        if a < b:
            uit.append(_Stuk(s.tekst[a - van : b - van], s.vet, s.cursief, s.letterlijk))
    return uit


def _splits_br(stukken: Sequence[_Stuk]) -> list[list[_Stuk]]:
    """Split on ``<br>`` in text that is not literal.

    >>> [_tekst(r) for r in _splits_br([_Stuk("a<br>b"), _Stuk("<br>", letterlijk=True)])]
    ['a', 'b<br>']
    """
    regels: list[list[_Stuk]] = [[]]
    for s in stukken:
        if s.letterlijk or "<" not in s.tekst:  # no <br> possible: the piece as it is
            if s.tekst or s.letterlijk:
                regels[-1].append(s)
            continue
        for i, deel in enumerate(_BR.split(s.tekst)):
            if i:
                regels.append([])
            if deel:
                regels[-1].append(_Stuk(deel, s.vet, s.cursief))
    return regels


def _indeel(stukken: list[_Stuk], nbsp: int = 0) -> tuple[str, list[_Stuk]]:
    """Style and pieces of a body paragraph from its indentation and a literal label.

    *nbsp* counts the NBSPs that start the paragraph's source line: markdown-it strips them from
    the text (Python's ``str.strip``), so they are read from the source; any left in the text
    count too.

    >>> stijl, stukken = _indeel([_Stuk("a. tekst")], nbsp=4)
    >>> stijl, _tekst(stukken)
    ('Onderdeel', 'a.\\ttekst')
    """
    tekst = _tekst(stukken)
    niveau = (nbsp + len(tekst) - len(tekst.lstrip(NBSP))) // NBSP_PER_NIVEAU
    begin = len(tekst) - len(tekst.lstrip(NBSP + " "))
    stukken, tekst = _knip(stukken, begin), tekst[begin:]
    m = _LABEL.match(tekst)
    if m is None:
        return ("Normal" if niveau == 0 else _STIJL_VERVOLG_DIEP), stukken
    stijl = _STIJL_MET_LABEL.get(niveau, "Subonderdeel")
    return stijl, [*_knip(stukken, 0, m.end(1)), _Stuk("\t"), *_knip(stukken, m.end())]


# -- the renderer ---------------------------------------------------------------


@dataclass
class _Lijst:
    geordend: bool
    volgende: int = 1
    teken: str = "."
    label: str | None = None  # the label of the current item until its first paragraph


@dataclass
class _Tabel:
    kop: list[str] = field(default_factory=list)
    rijen: list[list[list[Alinea]]] = field(default_factory=list)
    rij: list = field(default_factory=list)
    in_kop: bool = False


class MarkdownDocx:
    """Writes markdown-it tokens into a :class:`Docx`: one method per token type.

    Every public method except :meth:`render` handles the token type of the same name (the
    ``behandelaars`` table, like ``RendererHTML.rules``), called as ``methode(tokens, idx)``; a
    token type without a method is an error, never dropped.
    """

    def __init__(self, doc: Docx) -> None:
        self.doc = doc
        self.behandelaars = {
            naam: getattr(self, naam)
            for naam in dir(type(self))
            if not naam.startswith("_") and callable(getattr(self, naam)) and naam != "render"
        }
        self._stukken: list[_Stuk] = []  # inline collector
        self._inhoud: list[_Stuk] = []  # the last inline token's pieces
        self._vet = 0
        self._cursief = 0
        self._citaat = 0
        self._kopniveau = 0
        self._links: list[tuple[str, int]] = []
        self._lijsten: list[_Lijst] = []
        self._tabel: _Tabel | None = None
        self._laatste: str | None = None  # "alinea" once the body holds a paragraph
        self._regel = 0  # source line of the current block, for error messages
        self._stijlen_gezien: set[str] = set()
        self._bronregels: list[str] = []
        self._nbsp = 0  # leading NBSPs of the current paragraph's source line

    def render(self, tokens: Sequence[Token], bron: str = "") -> None:
        """Write all *tokens* parsed from *bron*; the body always ends with a paragraph.

        *bron* (the Markdown) is only read for the NBSP indentation of paragraphs, which
        markdown-it strips from the token text; without it onderdelen are not recognised.
        """
        self._bronregels = re.split(r"\r\n|\r|\n", bron)
        self._render(tokens)
        if self._laatste != "alinea":
            self._alinea([], "Normal")

    # -- dispatch and helpers ---------------------------------------------

    def _render(self, tokens: Sequence[Token]) -> None:
        for idx, token in enumerate(tokens):
            if token.map:
                self._regel = token.map[0] + 1
            behandelaar = self.behandelaars.get(token.type)
            if behandelaar is None:
                raise MarkdownWordFout(f"Markdown-element {token.type!r} (regel {self._regel}) kan niet naar Word worden omgezet")
            behandelaar(tokens, idx)

    def _inline_stukken(self, kinderen: Sequence[Token]) -> list[_Stuk]:
        buiten, self._stukken = self._stukken, []
        self._render(kinderen)
        stukken, self._stukken = self._stukken, buiten
        return stukken

    def _neem_inhoud(self) -> list[_Stuk]:
        inhoud, self._inhoud = self._inhoud, []
        return inhoud

    def _voeg(self, tekst: str, letterlijk: bool = False) -> None:
        self._stukken.append(_Stuk(tekst, self._vet > 0, self._cursief > 0, letterlijk))

    def _segmenten(self, stukken: Sequence[_Stuk]) -> list[Segment]:
        """The pieces as Word runs; a placeholder still to fill in is highlighted in yellow (it
        may span pieces: markdown-it gives an escaped bracket a piece of its own)."""
        citaat = self._citaat > 0
        vakken = [(m.start(), m.end()) for m in PLAATSHOUDER.finditer(_tekst(stukken))]
        if not vakken:  # no placeholder: one run per piece
            return [Segment("gelijk", s.tekst, s.vet, s.cursief or citaat) for s in stukken if s.tekst]
        uit = []
        positie = 0
        for s in stukken:
            grenzen = {0, len(s.tekst)}
            for begin, eind in vakken:
                grenzen |= {min(max(g - positie, 0), len(s.tekst)) for g in (begin, eind)}
            punten = sorted(grenzen)
            for a, b in zip(punten, punten[1:], strict=False):
                gemarkeerd = any(begin <= positie + a and positie + b <= eind for begin, eind in vakken)
                uit.append(Segment("gelijk", s.tekst[a:b], s.vet, s.cursief or citaat, markering=gemarkeerd))
            positie += len(s.tekst)
        return [s for s in uit if s.tekst]

    def _eis_stijl(self, naam: str) -> None:
        if naam in self._stijlen_gezien:
            return
        if not self.doc.heeft_stijl(naam):
            raise MarkdownWordFout(
                f"het basisdocument heeft geen stijl {naam!r} (nodig voor regel {self._regel} van de Markdown); "
                "voeg die stijl toe aan het basisdocument of laat het basisdocument weg"
            )
        self._stijlen_gezien.add(naam)

    def _alinea(self, stukken: Sequence[_Stuk], stijl: str) -> None:
        """A body paragraph; ``<br>`` in text becomes a line break."""
        self._eis_stijl(stijl)
        regels = _splits_br(stukken)
        samen: list[_Stuk] = []
        for i, regel in enumerate(regels):
            if i:
                samen.append(_Stuk("\n"))
            samen.extend(regel)
        self.doc.alinea(self._segmenten(samen), stijl=stijl)
        self._laatste = "alinea"

    def _spoel_label(self) -> None:
        """A list item that does not start with a paragraph gets its label on a line of its own."""
        if self._lijsten and (lijst := self._lijsten[-1]).label is not None:
            label, lijst.label = lijst.label, None
            self._alinea([_Stuk(label)], self._lijststijl())

    def _lijststijl(self) -> str:
        return _STIJL_MET_LABEL.get(len(self._lijsten) - 1, "Subonderdeel")

    # -- blocks -------------------------------------------------------------

    def heading_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()
        # "#" is the document title (Title), "##".."####" Heading 1..3, deeper stays Heading 3.
        self._kopniveau = min(int(tokens[idx].tag[1:]) - 1, 3)

    def heading_close(self, tokens: Sequence[Token], idx: int) -> None:
        niveau = self._kopniveau
        self._eis_stijl("Title" if niveau == 0 else f"Heading {niveau}")
        self.doc.kop(self._segmenten(self._neem_inhoud()), niveau=niveau)
        self._laatste = "alinea"

    def paragraph_open(self, tokens: Sequence[Token], idx: int) -> None:
        kaart = tokens[idx].map
        regel = self._bronregels[kaart[0]] if kaart and kaart[0] < len(self._bronregels) else ""
        self._nbsp = len(_BRON_NBSP.match(regel).group(1))

    def paragraph_close(self, tokens: Sequence[Token], idx: int) -> None:
        stukken = self._neem_inhoud()
        if not self._lijsten:
            stijl, stukken = _indeel(stukken, self._nbsp)
        elif (lijst := self._lijsten[-1]).label is not None:
            stijl = self._lijststijl()
            stukken = [_Stuk(lijst.label), _Stuk("\t"), *stukken]
            lijst.label = None
        else:
            stijl = _STIJL_VERVOLG if len(self._lijsten) == 1 else _STIJL_VERVOLG_DIEP
        self._alinea(stukken, stijl)

    def inline(self, tokens: Sequence[Token], idx: int) -> None:
        self._inhoud = self._inline_stukken(tokens[idx].children or [])

    def blockquote_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()
        self._citaat += 1

    def blockquote_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._citaat -= 1

    def hr(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()
        self.doc.pagina_einde()
        self._laatste = "alinea"

    def code_block(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()
        self._alinea([_Stuk(tokens[idx].content.rstrip("\n"), letterlijk=True)], "Normal")

    def fence(self, tokens: Sequence[Token], idx: int) -> None:
        self.code_block(tokens, idx)

    def html_block(self, tokens: Sequence[Token], idx: int) -> None:
        # Only with html enabled; shown as the literal source text.
        self.code_block(tokens, idx)

    # -- lists: literal labels, never Word numbering ----------------------------

    def _lijst_open(self, lijst: _Lijst) -> None:
        self._spoel_label()
        self._lijsten.append(lijst)

    def ordered_list_open(self, tokens: Sequence[Token], idx: int) -> None:
        token = tokens[idx]
        self._lijst_open(_Lijst(True, int(token.attrGet("start") or 1), token.markup or "."))

    def ordered_list_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._lijsten.pop()

    def bullet_list_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._lijst_open(_Lijst(False))

    def bullet_list_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._lijsten.pop()

    def list_item_open(self, tokens: Sequence[Token], idx: int) -> None:
        lijst = self._lijsten[-1]
        if lijst.geordend:
            lijst.label = f"{lijst.volgende}{lijst.teken}"
            lijst.volgende += 1
        else:
            lijst.label = _OPSOMTEKEN

    def list_item_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()  # an empty item still shows its number

    # -- tables -----------------------------------------------------------------

    def table_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._spoel_label()
        self._tabel = _Tabel()

    def table_close(self, tokens: Sequence[Token], idx: int) -> None:
        tabel, self._tabel = self._tabel, None
        assert tabel is not None
        self._eis_stijl(_TABELSTIJL)
        # Column widths come from the content (Docx.tabel); an all-empty header row is none.
        self.doc.tabel(tabel.kop, tabel.rijen)
        # An empty paragraph after a table: Word puts no space between a table and the next
        # paragraph, and a griffie's documents have a blank line there.
        self._alinea([], "Normal")

    def thead_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._huidige_tabel().in_kop = True

    def thead_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._huidige_tabel().in_kop = False

    def tbody_open(self, tokens: Sequence[Token], idx: int) -> None:
        pass

    def tbody_close(self, tokens: Sequence[Token], idx: int) -> None:
        pass

    def tr_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._huidige_tabel().rij = []

    def tr_close(self, tokens: Sequence[Token], idx: int) -> None:
        tabel = self._huidige_tabel()
        if tabel.in_kop:
            tabel.kop = tabel.rij
        else:
            tabel.rijen.append(tabel.rij)

    def th_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._inhoud = []

    def th_close(self, tokens: Sequence[Token], idx: int) -> None:
        # Docx.tabel writes the header row bold from plain text; <br> is a line break there.
        self._huidige_tabel().rij.append("\n".join(_tekst(r) for r in _splits_br(self._neem_inhoud())))

    def td_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._inhoud = []

    def td_close(self, tokens: Sequence[Token], idx: int) -> None:
        regels = _splits_br(self._neem_inhoud())
        self._huidige_tabel().rij.append([Alinea(self._segmenten(r)) for r in regels])

    def _huidige_tabel(self) -> _Tabel:
        if self._tabel is None:
            raise MarkdownWordFout(f"tabelonderdeel buiten een tabel (regel {self._regel})")
        return self._tabel

    # -- inline -------------------------------------------------------------------

    def text(self, tokens: Sequence[Token], idx: int) -> None:
        self._voeg(tokens[idx].content)

    def text_special(self, tokens: Sequence[Token], idx: int) -> None:
        # A backslash escape or an entity: always literal text.
        self._voeg(tokens[idx].content, letterlijk=True)

    def code_inline(self, tokens: Sequence[Token], idx: int) -> None:
        self._voeg(tokens[idx].content, letterlijk=True)

    def softbreak(self, tokens: Sequence[Token], idx: int) -> None:
        self._voeg(" ")

    def hardbreak(self, tokens: Sequence[Token], idx: int) -> None:
        # The oxml layer writes "\n" as w:br: a line break within the paragraph.
        self._voeg("\n", letterlijk=True)

    def strong_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._vet += 1

    def strong_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._vet -= 1

    def em_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._cursief += 1

    def em_close(self, tokens: Sequence[Token], idx: int) -> None:
        self._cursief -= 1

    def link_open(self, tokens: Sequence[Token], idx: int) -> None:
        self._links.append((str(tokens[idx].attrGet("href") or ""), len(self._stukken)))

    def link_close(self, tokens: Sequence[Token], idx: int) -> None:
        href, begin = self._links.pop()
        tekst = _tekst(self._stukken[begin:])
        if href and href not in (tekst, "mailto:" + tekst):
            self._voeg(f" ({href})", letterlijk=True)

    def image(self, tokens: Sequence[Token], idx: int) -> None:
        self._stukken.extend(self._inline_stukken(tokens[idx].children or []))

    def html_inline(self, tokens: Sequence[Token], idx: int) -> None:
        # Only with html enabled: the tag as text (a <br> is then a line break).
        self._voeg(tokens[idx].content)
