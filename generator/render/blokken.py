"""A version as a flat list of blocks: the headings and paragraphs a reader sees, in order.

Every renderer (text, Markdown, Word, renvooi) starts from these blocks, so numbering, labels and
references are decided in one place. Each block has a `sleutel` (element id + part) so that two
versions can be aligned block by block for the renvooi.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

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
    return list(_blokken(regeling))


def element_blokken(regeling: Regeling, element_id: str) -> list[Blok]:
    """The blocks of one element and its children (the new text after "luidende:")."""
    plek = regeling.index[element_id]
    return list(_element(regeling, plek.element, plek.ouders))


def _blokken(regeling: Regeling) -> Iterator[Blok]:
    for kind in regeling.kinderen:
        yield from _element(regeling, kind, ())


def _element(regeling: Regeling, e: Element, ouders: tuple[Element, ...]) -> Iterator[Blok]:
    plek = Plek(e, ouders)  # where references in its text are resolved from
    if e.soort in ("hoofdstuk", "paragraaf", "artikel"):
        niveau = {"hoofdstuk": 1, "paragraaf": 2, "artikel": 2}[e.soort]
        if e.soort == "artikel" and any(o.soort == "paragraaf" for o in ouders):
            niveau = 3
        yield Blok(KOP, e.id, "kop", niveau, e.kop, e.opschrift or "", e.soort)
    inspringing = _inspringing(e, ouders)
    if e.tekst is not None:
        label = e.kop if e.soort in ("lid", "onderdeel", "subonderdeel") else ""
        yield Blok(ALINEA, e.id, "tekst", inspringing, label, los_op(e.tekst, regeling, plek), e.soort)
    for kind in e.kinderen:
        yield from _element(regeling, kind, (*ouders, e))
    if e.slottekst is not None:
        yield Blok(ALINEA, e.id, "slot", inspringing, "", los_op(e.slottekst, regeling, plek), e.soort)


def _inspringing(e: Element, ouders: tuple[Element, ...]) -> int:
    """Onderdelen are indented one step per list level: a. under a lid, 1° under a."""
    return sum(1 for o in (*ouders, e) if o.soort in ("onderdeel", "subonderdeel"))
