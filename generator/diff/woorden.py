"""Word-level diff of two texts, with diff-match-patch over word tokens.

Each word, run of white space and punctuation mark is mapped to one character, so diff-match-
patch compares words, not letters (a lawyer reads "wordt vervangen door", not changed letters).
No time limit (`timelimit=0`) makes the result independent of machine speed; semantic cleanup
merges fragments into readable changes. The diff is the C++ port of diff-match-patch
(fast-diff-match-patch): the same algorithm and result as the Python port, at a fifth of its
time (tests/test_diff.py compares the two).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import fast_diff_match_patch

GELIJK = "gelijk"
INGEVOEGD = "ingevoegd"
VERWIJDERD = "verwijderd"

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_SOORT = {"=": GELIJK, "+": INGEVOEGD, "-": VERWIJDERD}


class Segment(NamedTuple):
    """A piece of text that is unchanged, inserted or deleted (a named tuple: a renvooi of
    1,000 artikelen makes 9,000 of them)."""

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
    woorden_oud, woorden_nieuw = _TOKEN.findall(oud), _TOKEN.findall(nieuw)
    if len(_TELT) > 100_000:  # a bound on the memory of the cache of `_TeltAlsWoord`
        _TELT.clear()
    telt = _TELT.__getitem__
    langste = max(sum(map(telt, woorden_oud)), sum(map(telt, woorden_nieuw)))
    if not _helft_kan_blijven(woorden_oud, woorden_nieuw, langste):
        return geheel_vervangen(oud, nieuw)  # a text written anew, the costliest diff, is not diffed at all
    tekens = codes([*woorden_oud, *woorden_nieuw])
    teken = tekens.__getitem__
    a, b = "".join(map(teken, woorden_oud)), "".join(map(teken, woorden_nieuw))
    # (op, number of tokens): "=" both, "-" the old text only, "+" the new one only
    stukken: list[tuple[str, list[str]]] = []  # (op, tokens)
    i = j = 0  # where the next piece starts in the old and the new tokens
    for op, n in fast_diff_match_patch.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True):
        if op == "+":
            stukken.append((op, woorden_nieuw[j : j + n]))
            j += n
        else:
            stukken.append((op, woorden_oud[i : i + n]))
            i += n
            if op == "=":
                j += n
    if _te_versnipperd(stukken, langste):
        return geheel_vervangen(oud, nieuw)
    segmenten: list[Segment] = []
    for op, woorden in stukken:
        tekst = "".join(woorden)
        if not tekst:
            continue
        soort = _SOORT[op]
        if segmenten and segmenten[-1].soort == soort:
            segmenten[-1] = Segment(soort, segmenten[-1].tekst + tekst)
        else:
            segmenten.append(Segment(soort, tekst))
    return tuple(segmenten)


def codes(woorden: list[str]) -> dict[str, str]:
    """One character per distinct token, in the order they first occur.

    >>> [hex(ord(c)) for c in codes(["de", " ", "raad", " ", "de"]).values()]
    ['0xe000', '0xe001', '0xe002']
    """
    uniek = dict.fromkeys(woorden)
    if len(uniek) <= len(_CODES):  # most texts: the characters made once, paired in C
        return dict(zip(uniek, _CODES, strict=False))  # more characters than tokens
    return {w: chr(0xE000 + i) if i < 6400 else chr(0xF0000 + i) for i, w in enumerate(uniek)}


# Private use area and beyond: never collides with diff-match-patch internals.
_CODES = tuple(chr(0xE000 + i) for i in range(6400))


# Below this share of surviving words a changed text is shown as replaced whole.
MINIMAAL_GELIJK = 0.5


def _te_versnipperd(stukken: list[tuple[str, list[str]]], langste: int) -> bool:
    """True when fewer than half of the words of the longer text (`langste` words) are unchanged.
    Here half of the old words are in the new text (`_helft_kan_blijven` lets it through), but
    the diff keeps only "de" and "en" of five; it would otherwise be a patchwork of six pieces:

    >>> [(s.soort[0], s.tekst) for s in woorddiff("de kosten en het bestuur", "bestuur de raad en")]
    [('v', 'de kosten en het bestuur'), ('i', 'bestuur de raad en')]
    """
    telt = _TELT.__getitem__
    gelijk = sum(sum(map(telt, woorden)) for op, woorden in stukken if op == "=")
    return langste > 0 and gelijk < MINIMAAL_GELIJK * langste


def _helft_kan_blijven(woorden_oud: list[str], woorden_nieuw: list[str], langste: int) -> bool:
    """False when the diff cannot keep half of the words of the longer text, so that
    `_te_versnipperd` is true whatever it says: the words it keeps are old words that also occur
    in the new text, and there are fewer than that (tests/test_eigenschappen.py compares).

    >>> _helft_kan_blijven(["de", " ", "raad"], ["het", " ", "college"], 2), _helft_kan_blijven(["de"], ["de"], 1)
    (False, True)
    >>> [(s.soort[0], s.tekst) for s in woorddiff("de kosten van ICT te beheersen", "een stabiele en veilige IT-omgeving te bieden")]
    [('v', 'de kosten van ICT te beheersen'), ('i', 'een stabiele en veilige IT-omgeving te bieden')]
    """
    in_nieuw = set(woorden_nieuw)
    return not langste or sum(map(_TELT.__getitem__, filter(in_nieuw.__contains__, woorden_oud))) >= MINIMAAL_GELIJK * langste


def geheel_vervangen(oud: str, nieuw: str) -> tuple[Segment, ...]:
    """`oud` deleted and `nieuw` inserted, each whole (an empty one left out): mostly new text,
    where one deletion and one insertion read better than a patchwork, or a replaced number.

    >>> [(s.soort, s.tekst) for s in geheel_vervangen("3.", "2.")], geheel_vervangen("", "b.")[0].soort
    ([('verwijderd', '3.'), ('ingevoegd', '2.')], 'ingevoegd')
    """
    return tuple(s for s in (Segment(VERWIJDERD, oud), Segment(INGEVOEGD, nieuw)) if s.tekst)


class _TeltAlsWoord(dict):
    """Whether a token counts as a word (a letter or digit in it), each token looked at once per
    process: a single character or white space counts only when it is alphanumeric itself.

    >>> [_TELT[w] for w in ("raad", " ", ",", "IT-omgeving", "3")]
    [True, False, False, True, True]
    """

    def __missing__(self, w: str) -> bool:
        telt = w.isalnum() or (len(w) > 1 and not w.isspace() and any(ch.isalnum() for ch in w))
        self[w] = telt
        return telt


_TELT = _TeltAlsWoord()


def oude_tekst(segmenten: tuple[Segment, ...]) -> str:
    """What a reader sees after rejecting every change."""
    return "".join(s.tekst for s in segmenten if s.soort != INGEVOEGD)


def nieuwe_tekst(segmenten: tuple[Segment, ...]) -> str:
    """What a reader sees after accepting every change."""
    return "".join(s.tekst for s in segmenten if s.soort != VERWIJDERD)
