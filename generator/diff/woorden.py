"""Word-level diff of two texts, with diff-match-patch over word tokens.

Each word, run of white space and punctuation mark is mapped to one character, so diff-match-
patch compares words, not letters (a lawyer reads "wordt vervangen door", not changed letters).
`Diff_Timeout = 0` makes the result independent of machine speed; semantic cleanup merges
fragments into readable changes.
"""

from __future__ import annotations

import dataclasses
import re

from diff_match_patch import diff_match_patch

GELIJK = "gelijk"
INGEVOEGD = "ingevoegd"
VERWIJDERD = "verwijderd"

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_SOORT = {0: GELIJK, 1: INGEVOEGD, -1: VERWIJDERD}


@dataclasses.dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text that is unchanged, inserted or deleted."""

    soort: str
    tekst: str


def woorddiff(oud: str, nieuw: str) -> tuple[Segment, ...]:
    """The changes from `oud` to `nieuw`, word by word.

    >>> [(s.soort[0], s.tekst) for s in woorddiff("het college van Hengelo", "het college van Borne")]
    [('g', 'het college van '), ('v', 'Hengelo'), ('i', 'Borne')]
    >>> woorddiff("gelijk", "gelijk")
    (Segment(soort='gelijk', tekst='gelijk'),)
    """
    if oud == nieuw:
        return (Segment(GELIJK, oud),) if oud else ()
    tekens: dict[str, str] = {}
    woorden: list[str] = []

    def codeer(tekst: str) -> str:
        uit = []
        for token in _TOKEN.findall(tekst):
            if token not in tekens:
                # Private use area and beyond: never collides with diff-match-patch internals.
                tekens[token] = chr(0xE000 + len(woorden)) if len(woorden) < 6400 else chr(0xF0000 + len(woorden))
                woorden.append(token)
            uit.append(tekens[token])
        return "".join(uit)

    a, b = codeer(oud), codeer(nieuw)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    verschillen = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(verschillen)
    if _te_versnipperd(verschillen, woorden, tekens):
        # Mostly new text: one deletion and one insertion read better than a patchwork.
        return tuple(s for s in (Segment(VERWIJDERD, oud), Segment(INGEVOEGD, nieuw)) if s.tekst)
    terug = {c: w for w, c in tekens.items()}
    segmenten: list[Segment] = []
    for op, gecodeerd in verschillen:
        tekst = "".join(terug[c] for c in gecodeerd)
        if not tekst:
            continue
        soort = _SOORT[op]
        if segmenten and segmenten[-1].soort == soort:
            segmenten[-1] = Segment(soort, segmenten[-1].tekst + tekst)
        else:
            segmenten.append(Segment(soort, tekst))
    return tuple(segmenten)


# Below this share of surviving words a changed text is shown as replaced whole.
MINIMAAL_GELIJK = 0.5


def _te_versnipperd(verschillen: list[tuple[int, str]], woorden: list[str], tekens: dict[str, str]) -> bool:
    """True when fewer than half of the words of the longer text are unchanged.

    >>> [(s.soort[0], s.tekst) for s in woorddiff("de kosten van ICT te beheersen", "een stabiele en veilige IT-omgeving te bieden")]
    [('v', 'de kosten van ICT te beheersen'), ('i', 'een stabiele en veilige IT-omgeving te bieden')]
    """
    terug = {c: w for w, c in tekens.items()}

    def telt(c: str) -> bool:
        return any(ch.isalnum() for ch in terug[c])

    gelijk = sum(1 for op, tekst in verschillen if op == 0 for c in tekst if telt(c))
    oud = sum(1 for op, tekst in verschillen if op <= 0 for c in tekst if telt(c))
    nieuw = sum(1 for op, tekst in verschillen if op >= 0 for c in tekst if telt(c))
    langste = max(oud, nieuw)
    return langste > 0 and gelijk < MINIMAAL_GELIJK * langste


def oude_tekst(segmenten: tuple[Segment, ...]) -> str:
    """What a reader sees after rejecting every change."""
    return "".join(s.tekst for s in segmenten if s.soort != INGEVOEGD)


def nieuwe_tekst(segmenten: tuple[Segment, ...]) -> str:
    """What a reader sees after accepting every change."""
    return "".join(s.tekst for s in segmenten if s.soort != VERWIJDERD)
