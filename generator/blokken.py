"""A version as a flat list of blocks: the headings and paragraphs a reader sees, in order.

Every renderer (text, Markdown, Word, renvooi) starts from these blocks, so numbering, labels and
references are decided in one place. Each block has a `sleutel` (element id + part) so that two
versions can be aligned block by block for the renvooi.
"""

from __future__ import annotations

import dataclasses

from generator.adressen import los_op
from generator.model import Element, Plek, Regeling

KOP = "kop"
ALINEA = "alinea"


@dataclasses.dataclass(frozen=True)
class Blok:
    """One heading or paragraph of the consolidated text.

    `niveau` is the heading level (1 hoofdstuk, 2 artikel; paragrafen shift artikelen to 3) or
    the indentation depth of a paragraph (0 for artikel and lid text, 1 for onderdelen, ...).
    """

    soort: str  # KOP or ALINEA
    element_id: str
    deel: str  # "kop", "tekst" or "slot"
    niveau: int
    label: str  # "Artikel 5", "2.", "b." or "" for unlabelled text
    tekst: str  # with references resolved; for headings the opschrift
    element_soort: str = ""  # "artikel", "lid", "onderdeel", ...

    @property
    def sleutel(self) -> tuple[str, str]:
        return (self.element_id, self.deel)

    @property
    def volledig(self) -> str:
        """Label and text as one line: "Artikel 5 Taken", "2. De raad ...".

        >>> Blok(ALINEA, "x", "tekst", 0, "2.", "De raad besluit.").volledig
        '2. De raad besluit.'
        """
        return f"{self.label} {self.tekst}".strip() if self.label else self.tekst


def blokken(regeling: Regeling) -> list[Blok]:
    """The blocks of a version's body (hoofdstukken, artikelen, leden, onderdelen)."""
    uit: list[Blok] = []
    for kind in regeling.kinderen:
        _element(regeling, kind, (), uit)
    return uit


def element_blokken(regeling: Regeling, element_id: str) -> list[Blok]:
    """The blocks of one element and its children (the new text after "luidende:")."""
    plek = regeling.index[element_id]
    uit: list[Blok] = []
    _element(regeling, plek.element, plek.ouders, uit, sum(1 for o in plek.ouders if o.soort in _INGESPRONGEN))
    return uit


# Heading level per kind; an artikel in a paragraaf goes one deeper.
_KOPNIVEAU = {"hoofdstuk": 1, "paragraaf": 2, "artikel": 2}
_GELABELD = ("lid", "onderdeel", "subonderdeel")
_INGESPRONGEN = ("onderdeel", "subonderdeel")  # one step per list level: a. under a lid, 1° under a.


def _element(regeling: Regeling, e: Element, ouders: tuple[Element, ...], uit: list[Blok], boven: int = 0) -> None:
    """Append the blocks of `e` to `uit`; `boven` is the number of list levels above it."""
    soort = e.soort
    if soort in _KOPNIVEAU:
        niveau = 3 if soort == "artikel" and any(o.soort == "paragraaf" for o in ouders) else _KOPNIVEAU[soort]
        uit.append(Blok(KOP, e.id, "kop", niveau, e.kop, e.opschrift or "", soort))
    inspringing = boven + (soort in _INGESPRONGEN)
    if e.tekst is not None:
        label = e.kop if soort in _GELABELD else ""
        uit.append(Blok(ALINEA, e.id, "tekst", inspringing, label, los_op(e.tekst, regeling, Plek(e, ouders)), soort))
    if e.kinderen:
        eigen = (*ouders, e)
        for kind in e.kinderen:
            _element(regeling, kind, eigen, uit, inspringing)
    if e.slottekst is not None:
        uit.append(Blok(ALINEA, e.id, "slot", inspringing, "", los_op(e.slottekst, regeling, Plek(e, ouders)), soort))
