"""The difference between two versions, block by block, aligned by stable id.

Blocks (headings and paragraphs, see `generator/blokken.py`) are matched by element id and part,
never by position, so a renumbered lid shows only its number change, an inserted artikel shows
as a whole new block and everything the amendment did not touch carries no marks. Where ids do
not say it (the leden and onderdelen of a replaced element get ids by position), blocks are
aligned by content.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from generator.adressen import los_op
from generator.blokken import KOP, Blok, bijlage_blokken, blokken, sleutels, voeg_element_toe, voeg_kop_en_tekst_toe, voeg_slot_toe
from generator.diff.woorden import GELIJK, INGEVOEGD, MINIMAAL_GELIJK, VERWIJDERD, Segment, geheel_vervangen, woorddiff
from generator.gcpauze import zonder_collector
from generator.model import Element, Plek, Regeling
from generator.model.regeling import plekken_van

GEWIJZIGD = "gewijzigd"


class BlokVerschil(NamedTuple):
    """One block of the renvooi: unchanged, inserted, deleted or changed (with word segments).

    An unchanged block's segments are its own label and text, each whole.

    A named tuple rather than a frozen dataclass: a renvooi of 1,000 artikelen makes 4,600 of
    them, and a tuple is made in a third of the time.
    """

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


class Gedeeld:
    """An element both versions share and print alike, unchanged as a whole: a run of
    `vergelijk_per_deel` that stands for all its blocks, drawn when a view asks for them.

    A view that writes unchanged text as it is (the Word renvooi) takes the blocks without
    making a `BlokVerschil` for each: on W2, 3,600 of the 4,700 blocks of version 0 -> N.
    """

    __slots__ = ("_blokken", "boven", "element", "ouders", "regeling")

    def __init__(self, regeling: Regeling, element: Element, ouders: tuple[Element, ...], boven: int) -> None:
        self.regeling, self.element, self.ouders, self.boven = regeling, element, ouders, boven
        self._blokken: list[Blok] | None = None

    def blokken(self) -> list[Blok]:
        """The blocks of the element (in the new version, where it prints as in the old one);
        drawn again for each view, unless `verschillen` kept them."""
        if self._blokken is not None:
            return self._blokken
        uit: list[Blok] = []
        voeg_element_toe(self.regeling, self.element, self.ouders, uit, self.boven)
        return uit

    def verschillen(self) -> list[BlokVerschil]:
        """Its blocks, each unchanged; the blocks are kept for a view after this one (a package
        writes the Markdown renvooi from these, the Word renvooi from the blocks)."""
        self._blokken = self.blokken()
        return list(map(_ongewijzigd, self._blokken))


@zonder_collector
def vergelijk(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """Every block of both versions in reading order, each with its change.

    Equal to `vergelijk_blokken(blokken(oud), blokken(nieuw))`, at the cost of what differs:
    an element both versions share and print alike is unchanged as a whole, drawn once and not
    compared (see `_delen`).

    >>> # see tests/test_diff.py; tests/test_schaal.py: equal to the full comparison
    """
    return uitgevouwen(vergelijk_per_deel(oud, nieuw))


@zonder_collector
def vergelijk_per_deel(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil | Gedeeld]:
    """`vergelijk`, with each element both versions share and print alike as one `Gedeeld`
    instead of its unchanged blocks (`uitgevouwen` gives `vergelijk`'s list)."""
    delen = _delen(oud, nieuw)
    if delen is None:
        return [*vergelijk_blokken(blokken(oud), blokken(nieuw)), *bijlage_verschillen(oud, nieuw)]
    uit: list[BlokVerschil | Gedeeld] = []
    for deel in delen:
        if deel.gedeeld is None:
            uit.extend(vergelijk_blokken(deel.oude, deel.nieuwe))
        else:
            uit.append(Gedeeld(nieuw, *deel.gedeeld))
    uit.extend(bijlage_verschillen(oud, nieuw))
    return uit


@zonder_collector
def uitgevouwen(verschillen: Iterable[BlokVerschil | Gedeeld]) -> list[BlokVerschil]:
    """Every block of `vergelijk_per_deel`'s runs, a shared element's blocks each unchanged."""
    uit: list[BlokVerschil] = []
    for v in verschillen:
        if type(v) is Gedeeld:
            uit.extend(v.verschillen())
        else:
            uit.append(v)  # type: ignore[arg-type]
    return uit


def bijlage_verschillen(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """The blocks of the bijlagen of both versions (after the artikelen), each with its change."""
    if not oud.bijlagen and not nieuw.bijlagen:
        return []
    return vergelijk_blokken(bijlage_blokken(oud), bijlage_blokken(nieuw))


@zonder_collector
def gewijzigde_blokken(oud: Regeling, nieuw: Regeling) -> list[BlokVerschil]:
    """The changed blocks between two versions: `gewijzigd(vergelijk(oud, nieuw))`, without
    drawing the shared, unchanged elements at all.

    >>> # see tests/test_schaal.py: equal to the full comparison on generated chains
    """
    bijlagen = gewijzigd(bijlage_verschillen(oud, nieuw)) if oud.bijlagen != nieuw.bijlagen else []
    delen = _delen(oud, nieuw)
    if delen is None:
        return gewijzigd(vergelijk_blokken(blokken(oud), blokken(nieuw))) + bijlagen
    return [v for deel in delen if deel.gedeeld is None for v in gewijzigd(vergelijk_blokken(deel.oude, deel.nieuwe))] + bijlagen


class _Deel(NamedTuple):
    """A run of the comparison that can be made on its own: the old and new blocks between two
    shared elements, or one shared element (`gedeeld`: element, ancestors, list levels above
    it), unchanged as a whole."""

    oude: list[Blok]
    nieuwe: list[Blok]
    gedeeld: tuple[Element, tuple[Element, ...], int] | None = None


def _delen(oud: Regeling, nieuw: Regeling) -> list[_Deel] | None:
    """The two versions as a row of runs that give the full comparison's result when each is
    compared on its own (None: they would not; compare everything).

    Versions share every element an amendment left alone (the same object in both). Where two
    elements with the same id differ, their children are looked at, down to the changed ones.
    A shared element that prints the same blocks in both versions (its references still name
    the same places) splits the comparison: its blocks keep their text and, keys being unique
    in a version, can only pair with themselves; and when no block before it in the new
    version has its key after it in the old one, no block before it can pair with one after it
    (checked last, over the keys of the runs in between).
    """
    splitser = _Splitser(oud, nieuw)
    splitser.splits(oud.kinderen, nieuw.kinderen, (), (), 0)
    delen = splitser.delen
    vergeleken = [(k, deel) for k, deel in enumerate(delen) if deel.gedeeld is None]  # a shared run has no blocks of its own here
    deel_oud = {s: k for k, deel in vergeleken for s in sleutels(deel.oude)}
    if any(deel_oud.get(s, -1) > k for k, deel in vergeleken for s in sleutels(deel.nieuwe)):
        return None  # an element moved back across a shared one
    return delen


class _Splitser:
    """Builds the runs of `_delen`, walking both trees at once."""

    def __init__(self, oud: Regeling, nieuw: Regeling) -> None:
        self.oud, self.nieuw = oud, nieuw
        self.delen: list[_Deel] = []
        # The ids a reference may name differently in the two versions (`anders_genoemd`); one
        # to any other id, or to an id in neither version, prints the same words in both.
        self.anders: set[str] = set()
        anders_genoemd(oud.kinderen, nieuw.kinderen, self.anders)

    def splits(
        self, a: tuple[Element, ...], b: tuple[Element, ...], ouders_a: tuple[Element, ...], ouders_b: tuple[Element, ...], boven: int
    ) -> None:
        """The runs of sibling lists `a` (old) and `b` (new), under ancestors with the same ids."""
        positie = {id(e): i for i, e in enumerate(a)}
        paren = [(i, j) for j, e in enumerate(b) if (i := positie.get(id(e))) is not None]
        if any(p[0] > q[0] for p, q in zip(paren, paren[1:], strict=False)):
            paren = []  # shared elements changed order: these siblings are compared whole
        vi, vj = -1, -1
        for i, j in [*(p for p in paren if self._zelfde_blokken(b[p[1]], ouders_a, ouders_b)), (len(a), len(b))]:
            if i > vi + 1 or j > vj + 1:  # most shared siblings follow each other
                self._tussen(a[vi + 1 : i], b[vj + 1 : j], ouders_a, ouders_b, boven)
            if j < len(b):
                self.delen.append(_Deel([], [], (b[j], ouders_b, boven)))
            vi, vj = i, j

    def _tussen(
        self,
        oude: tuple[Element, ...],
        nieuwe: tuple[Element, ...],
        ouders_a: tuple[Element, ...],
        ouders_b: tuple[Element, ...],
        boven: int,
    ) -> None:
        """The siblings between two shared ones: each changed element (the same id and kind in
        both, with children) is looked into; the others are drawn and compared whole."""
        positie = {e.id: i for i, e in enumerate(oude)}
        paren: list[tuple[int, int]] = []
        for j, y in enumerate(nieuwe):
            i = positie.get(y.id)
            if i is not None and (not paren or i > paren[-1][0]) and type(oude[i]) is type(y) and oude[i].kinderen and y.kinderen:
                paren.append((i, j))
        vi, vj = -1, -1
        for i, j in [*paren, (len(oude), len(nieuwe))]:
            if i > vi + 1 or j > vj + 1:
                self._heel(oude[vi + 1 : i], nieuwe[vj + 1 : j], ouders_a, ouders_b, boven)
            if j < len(nieuwe):
                self._binnen(oude[i], nieuwe[j], ouders_a, ouders_b, boven)
            vi, vj = i, j

    def _binnen(self, x: Element, y: Element, ouders_a: tuple[Element, ...], ouders_b: tuple[Element, ...], boven: int) -> None:
        """A changed element: its own heading and text, the runs of its children, its slottekst."""
        kop_oud: list[Blok] = []
        kop_nieuw: list[Blok] = []
        voeg_kop_en_tekst_toe(self.oud, x, ouders_a, kop_oud, boven)
        inspringing = voeg_kop_en_tekst_toe(self.nieuw, y, ouders_b, kop_nieuw, boven)
        self._te_vergelijken(kop_oud, kop_nieuw)
        self.splits(x.kinderen, y.kinderen, (*ouders_a, x), (*ouders_b, y), inspringing)
        slot_oud: list[Blok] = []
        slot_nieuw: list[Blok] = []
        voeg_slot_toe(self.oud, x, ouders_a, slot_oud, inspringing)
        voeg_slot_toe(self.nieuw, y, ouders_b, slot_nieuw, inspringing)
        self._te_vergelijken(slot_oud, slot_nieuw)

    def _heel(
        self,
        oude: tuple[Element, ...],
        nieuwe: tuple[Element, ...],
        ouders_a: tuple[Element, ...],
        ouders_b: tuple[Element, ...],
        boven: int,
    ) -> None:
        """Elements drawn and compared whole."""
        blokken_oud: list[Blok] = []
        blokken_nieuw: list[Blok] = []
        for e in oude:
            voeg_element_toe(self.oud, e, ouders_a, blokken_oud, boven)
        for e in nieuwe:
            voeg_element_toe(self.nieuw, e, ouders_b, blokken_nieuw, boven)
        self._te_vergelijken(blokken_oud, blokken_nieuw)

    def _te_vergelijken(self, oude: list[Blok], nieuwe: list[Blok]) -> None:
        """Blocks to compare: joined to the run before them when that is compared too."""
        if not oude and not nieuwe:
            return
        if self.delen and self.delen[-1].gedeeld is None:
            self.delen[-1].oude.extend(oude)
            self.delen[-1].nieuwe.extend(nieuwe)
        else:
            self.delen.append(_Deel(oude, nieuwe))

    def _zelfde_blokken(self, e: Element, ouders_a: tuple[Element, ...], ouders_b: tuple[Element, ...]) -> bool:
        """Whether an element both versions share prints the same blocks in both.

        Its headings are its own and its ancestors have the same kinds; a text prints
        differently only through a `[[id]]` whose target lies in a top-level element only one
        of the versions has (`anders`).
        """
        if not e.verwijzingen_in:  # most elements refer to nothing
            return True
        verhuisd = [doel for doel in e.verwijzingen_in if doel in self.anders]
        if not verhuisd:
            return True
        for plek in plekken_van(e).values():
            for tekst in (plek.element.tekst, plek.element.slottekst):
                if tekst and any(f"[[{doel}]]" in tekst for doel in verhuisd):
                    oud = los_op(tekst, self.oud, Plek(plek.element, (*ouders_a, *plek.ouders)))
                    if oud != los_op(tekst, self.nieuw, Plek(plek.element, (*ouders_b, *plek.ouders))):
                        return False
        return True


def anders_genoemd(a: tuple[Element, ...], b: tuple[Element, ...], uit: set[str]) -> None:
    """Add to `uit` the ids among siblings `a` (old) and `b` (new), and below them, that a
    reference may name differently in the two versions; their ancestors have the same ids and
    are named alike in both.

    An address (Ar 3.29, `Plek.adres` and `adressen.verwijs`) is made of the names (`verwijzing`,
    and whether the heading shows) of the element and its ancestors, and of their ids. So an
    element both versions share (the same object) under ancestors named alike is named alike,
    and so is everything in it; an element with the same id, kind and name is looked into; an
    element one version lacks at this place, or named otherwise, is not (all its ids count).

    >>> from generator.model import Artikel, Lid
    >>> l1, l2 = Lid("a.1", "1", "Een."), Lid("a.2", "2", "Twee.")
    >>> oud = (Artikel("a", "1", kinderen=(l1, l2)), Artikel("b", "2", "B."))
    >>> nieuw = (Artikel("a", "1", kinderen=(l1, Lid("a.n", "2", "Nieuw."), l2.met(nummer="3"))), oud[1])
    >>> uit = set(); anders_genoemd(oud, nieuw, uit); sorted(uit)
    ['a.2', 'a.n']
    """
    in_b = {e.id: e for e in b}
    for x in a:
        y = in_b.pop(x.id, None)
        if x is y:
            continue
        if y is None:
            uit.update(x.ids_in)
        # How an element is named depends on its kind and number (`verwijzing`), whether its heading
        # shows on its kopvorm (`kop_getoond`): each compared only where what it depends on differs
        # (most elements with the same id keep both; `verwijzing` spells out an ordinal).
        elif (
            type(x) is not type(y)
            or (x.nummer != y.nummer and x.verwijzing != y.verwijzing)
            or (x.kopvorm != y.kopvorm and x.kop_getoond != y.kop_getoond)
        ):
            uit.update(x.ids_in)
            uit.update(y.ids_in)
        elif x.kinderen or y.kinderen:
            anders_genoemd(x.kinderen, y.kinderen, uit)
    for y in in_b.values():  # only in the new version here
        uit.update(y.ids_in)


def vergelijk_blokken(oude: list[Blok], nieuwe: list[Blok]) -> list[BlokVerschil]:
    """Align two block lists: by id where the text stayed, by content in between.

    Blocks with the same id whose text is unchanged (and all headings with the same id) are
    fixed points. Between two fixed points the remaining blocks are aligned by content, as Word's
    Compare does: a replaced artikel gives its leden and onderdelen new ids by position, so an
    onderdeel that moved from b to c would otherwise show as deleted and inserted again.
    """
    oud_positie = {s: i for i, s in enumerate(sleutels(oude))}
    vast: list[tuple[int, int]] = []
    for j, (nb, sleutel) in enumerate(zip(nieuwe, sleutels(nieuwe), strict=True)):
        i = oud_positie.get(sleutel)
        if i is not None and (not vast or i > vast[-1][0]) and (nb.soort == KOP or oude[i].tekst == nb.tekst):
            vast.append((i, j))
    uit: list[BlokVerschil] = []
    vorige_i, vorige_j = -1, -1
    for i, j in [*vast, (len(oude), len(nieuwe))]:
        if i > vorige_i + 1 or j > vorige_j + 1:  # most fixed points follow each other
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
    if len(oude) == len(nieuwe) == 1 and oude[0].sleutel == nieuwe[0].sleutel:
        # One changed block with its id kept (most gaps): it pairs whenever it may, however alike.
        return [(0, 0)] if _kunnen_paren(oude[0], nieuwe[0]) else []
    woorden_oud = [_Woorden(b) for b in oude]
    woorden_nieuw = [_Woorden(b) for b in nieuwe]
    n, m = len(oude), len(nieuwe)
    # Each pair weighed once: the walk back below asks again for the pairs on its path.
    gewicht = [[_gewicht(oude[i], nieuwe[j], woorden_oud[i], woorden_nieuw[j]) for j in range(m)] for i in range(n)]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            beste = max(score[i + 1][j], score[i][j + 1])
            w = gewicht[i][j]
            if w is not None:
                beste = max(beste, w + score[i + 1][j + 1])
            score[i][j] = beste
    paren: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        w = gewicht[i][j]
        if w is not None and score[i][j] == w + score[i + 1][j + 1]:
            paren.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return paren


_WOORD = re.compile(r"\w+")


class _Woorden:
    """The words of a block, and how often each occurs."""

    def __init__(self, blok: Blok) -> None:
        self.lijst = _WOORD.findall(blok.tekst)
        self.aantallen = Counter(self.lijst)


def _kunnen_paren(oud: Blok, nieuw: Blok) -> bool:
    """Whether two blocks are of a kind to pair at all: paragraphs, or headings of one kind."""
    return oud.soort == nieuw.soort and (oud.soort != KOP or oud.element_soort == nieuw.element_soort)


def _gewicht(oud: Blok, nieuw: Blok, a: _Woorden, b: _Woorden) -> float | None:
    """How well two blocks pair (None: not at all); never None for two with the same id that
    `_kunnen_paren`."""
    if not _kunnen_paren(oud, nieuw):
        return None
    zelfde = oud.sleutel == nieuw.sleutel
    langste = max(len(a.lijst), len(b.lijst))
    if langste == 0:
        return 1.0 if zelfde or oud.tekst == nieuw.tekst else None
    # The words both have, counted with their multiplicity, bound the matching blocks' total:
    # most pairs fall short of that bound already, without a SequenceMatcher.
    if a.aantallen.keys().isdisjoint(b.aantallen) or (a.aantallen & b.aantallen).total() < MINIMAAL_GELIJK * langste:
        return 0.001 if zelfde else None
    gemeen = sum(blok.size for blok in difflib.SequenceMatcher(None, a.lijst, b.lijst, autojunk=False).get_matching_blocks())
    if gemeen >= MINIMAAL_GELIJK * langste:
        return gemeen / langste + (0.001 if zelfde else 0.0)
    return 0.001 if zelfde else None


def _ongewijzigd(oud: Blok, nieuw: Blok | None = None) -> BlokVerschil:
    """A block both versions print alike (`nieuw`: the new version's own copy of it)."""
    nieuw = oud if nieuw is None else nieuw
    tekst = (_segment(Segment, (GELIJK, nieuw.tekst)),) if nieuw.tekst else ()
    return _verschil(BlokVerschil, (GELIJK, oud, nieuw, _ongewijzigd_label(nieuw.label), tekst))


# A comparison makes thousands of these named tuples: made with tuple.__new__ (every field
# given), without the named tuple's own __new__, as `blokken` makes its blocks.
_verschil = _segment = tuple.__new__


@functools.lru_cache(maxsize=1024)
def _ongewijzigd_label(label: str) -> tuple[Segment, ...]:
    """The segments of an unchanged label, made once per label: "1.", "a." and "Artikel 3"
    recur on most blocks (immutable, so shared)."""
    return (Segment(GELIJK, label),) if label else ()


def _heel(blok: Blok, status: str) -> BlokVerschil:
    label = (_segment(Segment, (status, blok.label)),) if blok.label else ()
    tekst = (_segment(Segment, (status, blok.tekst)),) if blok.tekst else ()
    return _verschil(BlokVerschil, (status, blok if status == VERWIJDERD else None, blok if status == INGEVOEGD else None, label, tekst))


def _paar(oud: Blok, nieuw: Blok) -> BlokVerschil:
    if oud.label == nieuw.label and oud.tekst == nieuw.tekst:
        return _ongewijzigd(oud, nieuw)
    if oud.label == nieuw.label:
        label = _ongewijzigd_label(nieuw.label)
    else:  # a number is replaced whole: "<del>3.</del><ins>2.</ins>", never letter by letter
        label = geheel_vervangen(oud.label, nieuw.label)
    return _verschil(BlokVerschil, (GEWIJZIGD, oud, nieuw, label, woorddiff(oud.tekst, nieuw.tekst)))


def gewijzigd(verschillen: Iterable[BlokVerschil]) -> list[BlokVerschil]:
    return [v for v in verschillen if v.status != GELIJK]
