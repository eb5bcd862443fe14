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

from generator.adressen import los_op
from generator.blokken import KOP, Blok, bijlage_blokken, blokken, element_blokken
from generator.diff.woorden import GELIJK, INGEVOEGD, MINIMAAL_GELIJK, VERWIJDERD, Segment, woorddiff
from generator.model import Element, Regeling
from generator.model.regeling import plekken_van

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
    return vergelijk_blokken(blokken(oud), blokken(nieuw)) + bijlage_verschillen(oud, nieuw)


def bijlage_verschillen(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """The blocks of the bijlagen of both versions, each with its change (none when they are the same)."""
    if not oud.bijlagen and not nieuw.bijlagen:
        return []
    return vergelijk_blokken(bijlage_blokken(oud), bijlage_blokken(nieuw))


def gewijzigde_blokken(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """The changed blocks between two versions: `gewijzigd(vergelijk(oud, nieuw))`, at the cost
    of what differs.

    Versions share every top-level element an amendment left alone (the same object in both).
    One that prints the same blocks in both versions (its references still name the same
    places) splits the comparison in two: its blocks keep their text and, keys being unique in
    a version, can only pair with themselves; and when no element stands before it in the new
    version and after it in the old one, no block before it can pair with one after it. So the
    full comparison pairs it unchanged and compares what lies before and after it on their own.
    Only the top-level elements between such splits are compared, block by block.

    >>> # see tests/test_schaal.py: equal to the full comparison on generated chains
    """
    a, b = oud.kinderen, nieuw.kinderen
    positie_oud = {id(t): i for i, t in enumerate(a)}
    splitsingen: list[tuple[int, int]] = []  # (position in a, position in b) of the shared, unchanged ones
    vorige = -1
    gedeeld = set()
    for top in b:
        i = positie_oud.get(id(top))
        if i is None:
            continue
        if i < vorige:  # shared top-level elements changed order: compare everything
            return gewijzigd(vergelijk(oud, nieuw))
        vorige = i
        gedeeld.add(i)
    # The ids in a top-level element only one version has: a reference to one of them may print
    # differently; one to an id in a shared element, or to an id in neither version, does not.
    anders: frozenset[str] = frozenset().union(
        *(t.ids_in for i, t in enumerate(a) if i not in gedeeld), *(t.ids_in for t in b if id(t) not in positie_oud)
    )
    for j, top in enumerate(b):
        i = positie_oud.get(id(top))
        if i is not None and _zelfde_blokken(top, oud, nieuw, anders):
            splitsingen.append((i, j))
    if not splitsingen:
        return gewijzigd(vergelijk(oud, nieuw))
    delen = []  # (tops of a, tops of b) between two splits
    vi, vj = -1, -1
    for i, j in [*splitsingen, (len(a), len(b))]:
        if i > vi + 1 or j > vj + 1:
            delen.append((a[vi + 1 : i], b[vj + 1 : j]))
        vi, vj = i, j
    deel_oud = {e: k for k, (oude, _) in enumerate(delen) for top in oude for e in top.ids_in}
    if any(deel_oud.get(e, -1) > k for k, (_, nieuwe) in enumerate(delen) for top in nieuwe for e in top.ids_in):
        return gewijzigd(vergelijk(oud, nieuw))  # an element moved back across a split
    uit: list[BlokVerschil] = []
    for oude, nieuwe in delen:
        blokken_oud = [blok for top in oude for blok in element_blokken(oud, top.id)]
        blokken_nieuw = [blok for top in nieuwe for blok in element_blokken(nieuw, top.id)]
        uit.extend(gewijzigd(vergelijk_blokken(blokken_oud, blokken_nieuw)))
    if oud.bijlagen != nieuw.bijlagen:
        uit.extend(gewijzigd(bijlage_verschillen(oud, nieuw)))
    return uit


def _zelfde_blokken(top: Element, oud: Regeling, nieuw: Regeling, anders: frozenset[str]) -> bool:
    """Whether a top-level element that both versions share prints the same blocks in both.

    Its headings are its own; a text prints differently only through a `[[id]]` whose target
    lies in a top-level element only one of the versions has (`anders`).
    """
    verhuisd = [doel for doel in top.verwijzingen_in if doel in anders]
    if not verhuisd:
        return True
    for plek in plekken_van(top).values():
        for tekst in (plek.element.tekst, plek.element.slottekst):
            if tekst and any(f"[[{doel}]]" in tekst for doel in verhuisd) and los_op(tekst, oud, plek) != los_op(tekst, nieuw, plek):
                return False
    return True


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
