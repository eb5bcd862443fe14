"""A version as a flat list of blocks: the headings and paragraphs a reader sees, in order.

Every renderer (text, Markdown, Word, renvooi) starts from these blocks, so numbering, labels and
references are decided in one place. Each block has a `sleutel` (element id + part) so that two
versions can be aligned block by block for the renvooi.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from generator.adressen import los_op
from generator.model import ALINEAGRENS, Element, Plek, Regeling, alineas

KOP = "kop"
ALINEA = "alinea"
BIJLAGE = "bijlage"  # the element_soort of the blocks of a bijlage (no element of the tree)


class Blok(NamedTuple):
    """One heading or paragraph of the consolidated text.

    `niveau` is the heading level (1 hoofdstuk, 2 artikel; paragrafen shift artikelen to 3) or
    the indentation depth of a paragraph (0 for artikel and lid text, 1 for onderdelen, ...).
    A named tuple rather than a frozen dataclass: a version of 1,000 artikelen has 4,600 blocks,
    drawn for every view of it, and a tuple is made in a third of the time.
    """

    soort: str  # KOP or ALINEA
    element_id: str
    deel: str  # "kop", "tekst" or "slot"
    niveau: int
    label: str  # "Artikel 5", "2.", "b." or "" for unlabelled text
    tekst: str  # with references resolved; for headings the opschrift
    element_soort: str = ""  # "artikel", "lid", "onderdeel", ...
    alinea: int = 0  # 0 for the (labelled) first alinea of a text, 1, 2, ... for the next ones

    @property
    def sleutel(self) -> tuple[str, str]:
        return (self.element_id, self.deel if not self.alinea else f"{self.deel}.{self.alinea + 1}")

    @property
    def volledig(self) -> str:
        """Label and text as one line: "Artikel 5 Taken", "2. De raad ...".

        >>> Blok(ALINEA, "x", "tekst", 0, "2.", "De raad besluit.").volledig
        '2. De raad besluit.'
        """
        return f"{self.label} {self.tekst}".strip() if self.label else self.tekst


def sleutels(blokken: Iterable[Blok]) -> list[tuple[str, str]]:
    """The `sleutel` of each block, made in one pass: a comparison asks it of every block it
    aligns, and the property costs half as much again.

    >>> bl = [Blok(ALINEA, "a.1", "tekst", 0, "1.", "Een."), Blok(ALINEA, "a.1", "tekst", 0, "", "Twee.", "lid", 1)]
    >>> sleutels(bl) == [b.sleutel for b in bl] == [("a.1", "tekst"), ("a.1", "tekst.2")]
    True
    """
    return [(b[1], b[2]) if not b[7] else (b[1], f"{b[2]}.{b[7] + 1}") for b in blokken]


def blokken(regeling: Regeling, kinderen: Iterable[Element] | None = None) -> list[Blok]:
    """The blocks of a version's body (hoofdstukken, artikelen, leden, onderdelen); with
    `kinderen`, of those top-level elements of it only."""
    uit: list[Blok] = []
    for kind in regeling.kinderen if kinderen is None else kinderen:
        voeg_element_toe(regeling, kind, (), uit)
    return uit


def element_blokken(regeling: Regeling, element_id: str) -> list[Blok]:
    """The blocks of one element and its children (the new text after "luidende:")."""
    plek = regeling.index[element_id]
    uit: list[Blok] = []
    voeg_element_toe(regeling, plek.element, plek.ouders, uit, sum(1 for o in plek.ouders if o.soort in _INGESPRONGEN))
    return uit


# Heading level per kind; an artikel in a paragraaf goes one deeper.
_KOPNIVEAU = {"hoofdstuk": 1, "paragraaf": 2, "artikel": 2}
_GELABELD = ("lid", "onderdeel", "subonderdeel")
_INGESPRONGEN = ("onderdeel", "subonderdeel")  # one step per list level: a. under a lid, 1° under a.
# Per kind, looked up once per element: (heading level or 0, labelled, list levels it adds).
_PER_SOORT = {
    s: (_KOPNIVEAU.get(s, 0), s in _GELABELD, int(s in _INGESPRONGEN))
    for s in ("hoofdstuk", "paragraaf", "artikel", "lid", "onderdeel", "subonderdeel")
}
_ANDERS = (0, False, 0)


def voeg_element_toe(regeling: Regeling, e: Element, ouders: tuple[Element, ...], uit: list[Blok], boven: int = 0) -> None:
    """Append the blocks of `e` (at its place under `ouders`) to `uit`; `boven` is the number
    of list levels above it."""
    inspringing = voeg_kop_en_tekst_toe(regeling, e, ouders, uit, boven)
    if e.kinderen:
        eigen = (*ouders, e)
        for kind in e.kinderen:
            if kind.kinderen or kind.slottekst is not None:
                voeg_element_toe(regeling, kind, eigen, uit, inspringing)
            else:  # most children (leden, onderdelen) have a heading and a text only
                voeg_kop_en_tekst_toe(regeling, kind, eigen, uit, inspringing)
    if e.slottekst is not None:
        voeg_slot_toe(regeling, e, ouders, uit, inspringing)


def voeg_kop_en_tekst_toe(regeling: Regeling, e: Element, ouders: tuple[Element, ...], uit: list[Blok], boven: int) -> int:
    """Append the blocks `e` has before its children (heading, text); return the list levels
    its children and its slottekst stand under."""
    # Made for every block of every view (a version of 1,000 artikelen has 4,600): the blocks
    # are made with tuple.__new__ (every field given), without the named tuple's own __new__.
    soort = e.soort
    kopniveau, gelabeld, ingesprongen = _PER_SOORT.get(soort, _ANDERS)
    if kopniveau and e.kopvorm != "geen":  # `kop: geen`: the element prints no heading
        # A paragraaf holds artikelen only, so an artikel in one has it as its parent.
        niveau = 3 if soort == "artikel" and ouders and ouders[-1].soort == "paragraaf" else kopniveau
        uit.append(_blok(Blok, (KOP, e.id, "kop", niveau, e.kop, e.opschrift or "", soort, 0)))
    inspringing = boven + ingesprongen
    tekst = e.tekst
    if tekst is not None:
        label = e.kop if gelabeld else ""
        if "[[" in tekst:  # `_opgelost`
            tekst = los_op(tekst, regeling, Plek(e, ouders))
        if ALINEAGRENS in tekst:
            _alineas(uit, e.id, "tekst", inspringing, label, tekst, soort)
        else:  # most texts: one block
            uit.append(_blok(Blok, (ALINEA, e.id, "tekst", inspringing, label, tekst, soort, 0)))
    return inspringing


_blok = tuple.__new__


def voeg_slot_toe(regeling: Regeling, e: Element, ouders: tuple[Element, ...], uit: list[Blok], inspringing: int) -> None:
    """Append the blocks of the slottekst of `e` (after its children), if it has one."""
    if e.slottekst is not None:
        _alineas(uit, e.id, "slot", inspringing, "", _opgelost(e.slottekst, regeling, e, ouders), e.soort)


def _opgelost(tekst: str, regeling: Regeling, e: Element, ouders: tuple[Element, ...]) -> str:
    """`los_op` from the element's place, made only for a text that refers (most do not)."""
    return los_op(tekst, regeling, Plek(e, ouders)) if "[[" in tekst else tekst


def _alineas(uit: list[Blok], element_id: str, deel: str, niveau: int, label: str, tekst: str, soort: str) -> None:
    """One block per alinea of a text: the label on the first, the next ones unlabelled (an
    alinea break is a paragraph mark in every view)."""
    if ALINEAGRENS not in tekst:
        uit.append(Blok(ALINEA, element_id, deel, niveau, label, tekst, soort))
        return
    for n, alinea in enumerate(alineas(tekst)):
        uit.append(Blok(ALINEA, element_id, deel, niveau, label if n == 0 else "", alinea, soort, n))


def bijlage_blokken(regeling: Regeling) -> list[Blok]:
    """The blocks of the bijlagen: each heading, then each alinea and table row (one line per row,
    as `grgen toon` prints it), keyed by the bijlage's id and their place in it, so that a
    replaced bijlage is compared row by row.

    >>> from generator.model import Bijlage, Tabel
    >>> r = Regeling("r", "R", "R", "", "", None, "", (), "", (), "", (), bijlagen=(Bijlage("b", "1", None, ("Lijst.", Tabel((("a", "b"),)))),))
    >>> [(b.sleutel, b.tekst) for b in bijlage_blokken(r)]
    [(('b', 'kop'), 'Bijlage 1'), (('b', 'tekst'), 'Lijst.'), (('b', 'tekst.2'), '| a | b |')]
    """
    uit: list[Blok] = []
    for bijlage in regeling.bijlagen:
        uit.append(Blok(KOP, bijlage.id, "kop", 1, "", bijlage.kop, BIJLAGE))
        uit += [Blok(ALINEA, bijlage.id, "tekst", 0, "", regel, BIJLAGE, n) for n, regel in enumerate(bijlage.regels())]
    return uit
