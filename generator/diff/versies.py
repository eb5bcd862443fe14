"""The difference between two versions, block by block, aligned by stable id.

Blocks (headings and paragraphs, see `generator/blokken.py`) are matched by element id and part,
never by position, so a renumbered lid shows only its number change, an inserted artikel shows
as a whole new block and everything the amendment did not touch carries no marks. Where ids do
not say it (the leden and onderdelen of a replaced element get ids by position), blocks are
aligned by content.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable

from generator.blokken import KOP, Blok, blokken
from generator.diff.woorden import GELIJK, INGEVOEGD, MINIMAAL_GELIJK, VERWIJDERD, Segment, woorddiff
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
    """Align two block lists: by id where the text stayed, by content in between.

    Blocks with the same id whose text is unchanged (and all headings with the same id) are
    fixed points. Between two fixed points the remaining blocks are aligned by content, as Word's
    Compare does: a replaced artikel gives its leden and onderdelen new ids by position, so an
    onderdeel that moved from b to c would otherwise show as deleted and inserted again.
    """
    oud_positie = {b.sleutel: i for i, b in enumerate(oude)}
    vast: list[tuple[int, int]] = []
    for j, nb in enumerate(nieuwe):
        i = oud_positie.get(nb.sleutel)
        if i is not None and (not vast or i > vast[-1][0]) and (nb.soort == KOP or oude[i].tekst == nb.tekst):
            vast.append((i, j))
    uit: list[BlokVerschil] = []
    vorige_i, vorige_j = -1, -1
    for i, j in [*vast, (len(oude), len(nieuwe))]:
        uit.extend(_tussen(oude[vorige_i + 1 : i], nieuwe[vorige_j + 1 : j]))
        if i < len(oude):
            uit.append(_paar(oude[i], nieuwe[j]))
        vorige_i, vorige_j = i, j
    return uit


# Aligning by content costs len(old) x len(new) comparisons; beyond this only ids count.
MAXIMAAL_TE_VERGELIJKEN = 40_000


def _tussen(oude: list[Blok], nieuwe: list[Blok]) -> list[BlokVerschil]:
    """The blocks between two fixed points: paired by content, deletions before insertions."""
    if not oude or not nieuwe:
        return [*(_heel(b, VERWIJDERD) for b in oude), *(_heel(b, INGEVOEGD) for b in nieuwe)]
    paren = _uitlijning(oude, nieuwe) if len(oude) * len(nieuwe) <= MAXIMAAL_TE_VERGELIJKEN else _op_id(oude, nieuwe)
    uit: list[BlokVerschil] = []
    i = j = 0
    for pi, pj in [*paren, (len(oude), len(nieuwe))]:
        uit.extend(_heel(b, VERWIJDERD) for b in oude[i:pi])
        uit.extend(_heel(b, INGEVOEGD) for b in nieuwe[j:pj])
        if pi < len(oude):
            uit.append(_paar(oude[pi], nieuwe[pj]))
        i, j = pi + 1, pj + 1
    return uit


def _op_id(oude: list[Blok], nieuwe: list[Blok]) -> list[tuple[int, int]]:
    positie = {b.sleutel: i for i, b in enumerate(oude)}
    paren: list[tuple[int, int]] = []
    for j, nb in enumerate(nieuwe):
        i = positie.get(nb.sleutel)
        if i is not None and (not paren or i > paren[-1][0]):
            paren.append((i, j))
    return paren


def _uitlijning(oude: list[Blok], nieuwe: list[Blok]) -> list[tuple[int, int]]:
    """The order-keeping pairing with the greatest total similarity (dynamic programming).

    A pair needs at least half of the words of the longer text in common (the share below which
    `woorddiff` shows a text as replaced whole anyway); two blocks with the same id may always
    pair, but count for almost nothing, so content wins over position.
    """
    woorden_oud = [_woorden(b) for b in oude]
    woorden_nieuw = [_woorden(b) for b in nieuwe]
    n, m = len(oude), len(nieuwe)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            beste = max(score[i + 1][j], score[i][j + 1])
            w = _gewicht(oude[i], nieuwe[j], woorden_oud[i], woorden_nieuw[j])
            if w is not None:
                beste = max(beste, w + score[i + 1][j + 1])
            score[i][j] = beste
    paren: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        w = _gewicht(oude[i], nieuwe[j], woorden_oud[i], woorden_nieuw[j])
        if w is not None and score[i][j] == w + score[i + 1][j + 1]:
            paren.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return paren


_WOORD = re.compile(r"\w+")


def _woorden(blok: Blok) -> list[str]:
    return _WOORD.findall(blok.tekst)


def _gewicht(oud: Blok, nieuw: Blok, a: list[str], b: list[str]) -> float | None:
    """How well two blocks pair (None: not at all)."""
    if oud.soort != nieuw.soort or (oud.soort == KOP and oud.element_soort != nieuw.element_soort):
        return None
    zelfde = oud.sleutel == nieuw.sleutel
    langste = max(len(a), len(b))
    if langste == 0:
        return 1.0 if zelfde or oud.tekst == nieuw.tekst else None
    gemeen = sum(blok.size for blok in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    if gemeen >= MINIMAAL_GELIJK * langste:
        return gemeen / langste + (0.001 if zelfde else 0.0)
    return 0.001 if zelfde else None


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
