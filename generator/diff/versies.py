"""The difference between two versions, block by block, aligned by stable id.

Blocks (headings and paragraphs, see `generator/blokken.py`) are matched by element id and part,
never by position, so a renumbered lid shows only its number change, an inserted artikel shows
as a whole new block and everything the amendment did not touch carries no marks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from generator.blokken import Blok, blokken
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, Segment, woorddiff
from generator.model import Regeling

GEWIJZIGD = "gewijzigd"


@dataclasses.dataclass(frozen=True)
class BlokVerschil:
    """One block of the renvooi: unchanged, inserted, deleted or changed (with word segments)."""

    status: str  # GELIJK, INGEVOEGD, VERWIJDERD or GEWIJZIGD
    oud: Blok | None
    nieuw: Blok | None
    label: tuple[Segment, ...]
    tekst: tuple[Segment, ...]

    @property
    def blok(self) -> Blok:
        """The block that gives layout (level, kind): the new one, else the old one."""
        return self.nieuw or self.oud  # type: ignore[return-value]

    @property
    def element_id(self) -> str:
        return self.blok.element_id

    @property
    def vernummerd(self) -> bool:
        return self.status == GEWIJZIGD and self.oud.label != self.nieuw.label


def vergelijk(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """Every block of both versions in reading order, each with its change.

    >>> # see tests/test_diff.py
    """
    return vergelijk_blokken(blokken(oud), blokken(nieuw))


def vergelijk_blokken(oude: list[Blok], nieuwe: list[Blok]) -> list[BlokVerschil]:
    oud_positie = {b.sleutel: i for i, b in enumerate(oude)}
    gemeen = oud_positie.keys() & {b.sleutel for b in nieuwe}
    uit: list[BlokVerschil] = []
    i = 0
    for nb in nieuwe:
        if nb.sleutel not in gemeen:
            uit.append(_heel(nb, INGEVOEGD))
            continue
        j = oud_positie[nb.sleutel]
        # Deleted old blocks stand where they stood: before the next block both versions share.
        while i <= j:
            if oude[i].sleutel not in gemeen:
                uit.append(_heel(oude[i], VERWIJDERD))
            i += 1
        uit.append(_paar(oude[j], nb))
    uit.extend(_heel(b, VERWIJDERD) for b in oude[i:] if b.sleutel not in gemeen)
    return uit


def _heel(blok: Blok, status: str) -> BlokVerschil:
    label = (Segment(status, blok.label),) if blok.label else ()
    tekst = (Segment(status, blok.tekst),) if blok.tekst else ()
    return BlokVerschil(status, blok if status == VERWIJDERD else None, blok if status == INGEVOEGD else None, label, tekst)


def _paar(oud: Blok, nieuw: Blok) -> BlokVerschil:
    if oud.label == nieuw.label and oud.tekst == nieuw.tekst:
        label = (Segment(GELIJK, nieuw.label),) if nieuw.label else ()
        tekst = (Segment(GELIJK, nieuw.tekst),) if nieuw.tekst else ()
        return BlokVerschil(GELIJK, oud, nieuw, label, tekst)
    if oud.label == nieuw.label:
        label = (Segment(GELIJK, nieuw.label),) if nieuw.label else ()
    else:  # a number is replaced whole: "<del>3.</del><ins>2.</ins>", never letter by letter
        label = tuple(s for s in (Segment(VERWIJDERD, oud.label), Segment(INGEVOEGD, nieuw.label)) if s.tekst)
    return BlokVerschil(GEWIJZIGD, oud, nieuw, label, woorddiff(oud.tekst, nieuw.tekst))


def gewijzigd(verschillen: Iterable[BlokVerschil]) -> list[BlokVerschil]:
    return [v for v in verschillen if v.status != GELIJK]
