"""Table column widths from the content, as a careful Word user sets them.

Every column is at least as wide as its longest word (so no word breaks mid-word); the rest of
the text width goes to the columns in proportion to how much more room their text would take.
Only when the longest words of all columns together do not fit is a word hyphenated, at the
points the Dutch hyphenation patterns allow (pyphen, the patterns of LibreOffice/Hunspell),
with soft hyphens: Word and LibreOffice break there and show the hyphen.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import pyphen

from generator.render.docx.maten import breedte_cm

# Left and right cell margins of "Table Grid" (108 twips each, basis.docx) and a little slack
# for rounding in the layout engines.
CELMARGE_CM = 2 * 108 / 567 + 0.1
ZACHT_AFBREEKSTREEPJE = "\u00ad"
# Words longer than this may be hyphenated when their column is narrower ("dienstverlenings-
# overeenkomsten"); shorter ones ("onderdeel") stay whole as long as the columns fit.
LANG_WOORD_CM = 3.0
# Word and LibreOffice break lines at spaces and after a hyphen or slash.
_WOORD = re.compile(r"[^\s]+?(?:[-/]|(?=\s)|$)")


@functools.cache
def _afbreker() -> pyphen.Pyphen:
    pad = pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")]
    if pad not in pyphen.hdcache:  # pyphen's own cache of read pattern files, keyed by path
        pyphen.hdcache[pad] = _LuiePatronen.woordenboek(pad)
    return pyphen.Pyphen(lang="nl_NL")


class _LuiePatronen:
    """The patterns of a pyphen dictionary, each parsed when a word first needs it.

    pyphen parses all 16,000 Dutch patterns when it opens the file (about 0.1 s, as long as the
    rest of the tables of a package); a package hyphenates a few dozen words. Lookup and
    hyphenation stay pyphen's (`HyphDict.positions`); only the parsing of a pattern into its
    values is deferred, with pyphen's own expressions and the same result: the last pattern
    of a letter sequence wins, one of only zeros counts as none (tests/test_tabellen.py
    compares every word of the bundled regeling with pyphen's eager reading).
    """

    def __init__(self, regels: dict[str, list[str]]) -> None:
        self.regels = regels  # letters of a pattern -> its lines, in file order
        self.klaar: dict[str, tuple[int, tuple[int, ...]] | None] = {}

    @classmethod
    def woordenboek(cls, pad) -> pyphen.HyphDict:  # noqa: ANN001 - a path or importlib resource
        """A pyphen HyphDict for `pad` with lazily parsed patterns; pyphen's own reading when the
        file uses what this does not handle (hex escapes, nonstandard hyphenation)."""
        with pad.open("rb") as f:
            codering = f.readline().decode().strip()
        tekst = pad.read_text("cp1251" if codering.lower() == "microsoft-cp1251" else codering)
        if "^^" in tekst or "/" in tekst:
            return pyphen.HyphDict(pad)
        regels: dict[str, list[str]] = {}
        for regel in tekst.split("\n")[1:]:
            regel = regel.strip()
            if regel and not regel.startswith(pyphen.ignored):
                regels.setdefault(regel.translate(_ZONDER_CIJFERS), []).append(regel)
        woordenboek = pyphen.HyphDict.__new__(pyphen.HyphDict)
        woordenboek.patterns = cls(regels)
        woordenboek.cache = {}
        woordenboek.maxlen = max(map(len, regels), default=0)
        return woordenboek

    def get(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        waarde = self.klaar.get(letters, _ONBEKEND)
        if waarde is _ONBEKEND:
            waarde = self.klaar[letters] = self._lees(letters)
        return waarde  # type: ignore[return-value]

    def _lees(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        for regel in reversed(self.regels.get(letters, ())):
            waarden = tuple(int(i or "0") for i, _ in pyphen.parse(regel))
            if max(waarden) == 0:
                continue
            begin, eind = 0, len(waarden)
            while not waarden[begin]:
                begin += 1
            while not waarden[eind - 1]:
                eind -= 1
            return begin, waarden[begin:eind]
        return None


_ONBEKEND = object()
_ZONDER_CIJFERS = str.maketrans("", "", "0123456789")


def woorden(tekst: str) -> list[str]:
    """The pieces a line cannot be broken inside: "IT-omgeving" breaks after the hyphen.

    >>> woorden("een IT-omgeving tot stand")
    ['een', 'IT-', 'omgeving', 'tot', 'stand']
    """
    return _WOORD.findall(tekst)


def stukken(woord: str) -> list[str]:
    """The pieces of a word with soft hyphens, each as it is printed (with its hyphen)."""
    delen = woord.split(ZACHT_AFBREEKSTREEPJE)
    return [d + "-" for d in delen[:-1]] + delen[-1:]


@functools.lru_cache(maxsize=65536)  # the same words come back in every table of a package
def woordbreedte(woord: str, vet: bool = False) -> float:
    """The width a word needs on a line: its widest piece when it has soft hyphens."""
    return max(breedte_cm(s, vet=vet) for s in stukken(woord))


@functools.lru_cache(maxsize=65536)
def _kleinste_stuk(woord: str, vet: bool) -> float:
    """The width of the widest piece when the word is hyphenated wherever pyphen allows."""
    return woordbreedte(afgebroken(woord), vet)


def afgebroken(woord: str) -> str:
    """`woord` with soft hyphens at every Dutch hyphenation point.

    >>> afgebroken("Inwerkingtreding").replace(ZACHT_AFBREEKSTREEPJE, "|")
    'In|wer|king|tre|ding'
    """
    return _afbreker().inserted(woord, hyphen=ZACHT_AFBREEKSTREEPJE)


Cel = Sequence[tuple[str, bool]]  # the paragraphs of a cell: (text, bold)


def kolombreedtes(kolommen: Sequence[Sequence[Cel]], totaal_cm: float) -> tuple[list[float], list[bool]]:
    """Widths in cm that add up to `totaal_cm`, and per column whether its words must be
    hyphenated (only when the longest words of all columns do not fit side by side).

    >>> b, afbreken = kolombreedtes([[[("artikel 1", False)]], [[("een heel lange tekst " * 8, False)]]], 16.0)
    >>> [round(x, 2) for x in b], afbreken
    ([3.21, 12.79], [False, False])
    """
    minimum = [max((woordbreedte(w, v) for cel in k for t, v in cel for w in woorden(t)), default=0.0) + CELMARGE_CM for k in kolommen]
    natuurlijk = [max((breedte_cm(t, vet=v) for cel in k for t, v in cel), default=0.0) + CELMARGE_CM for k in kolommen]
    natuurlijk = [max(n, m) for n, m in zip(natuurlijk, minimum, strict=True)]
    if sum(natuurlijk) <= totaal_cm:
        return [n * totaal_cm / sum(natuurlijk) for n in natuurlijk], [False] * len(kolommen)
    # The room beyond the minimums goes by the amount of text (its square root: a column with
    # twice the text is not made twice as wide, it gets longer too).
    hoeveelheid = [(sum(breedte_cm(t, vet=v) for cel in k for t, v in cel) + CELMARGE_CM) ** 0.5 for k in kolommen]
    ideaal = [totaal_cm * h / sum(hoeveelheid) for h in hoeveelheid]
    # A column is hyphenated only when its longest word is long and wider than the column's
    # fair share (Word would have to break a word there too), the worst first; short words
    # ("onderdeel") only when the columns cannot fit otherwise.
    afbreken = [False] * len(kolommen)
    while True:
        kandidaten = [
            j
            for j in range(len(kolommen))
            if not afbreken[j] and minimum[j] > ideaal[j] and (minimum[j] - CELMARGE_CM > LANG_WOORD_CM or sum(minimum) > totaal_cm)
        ]
        if not kandidaten:
            return _verdeel(hoeveelheid, minimum, totaal_cm), afbreken
        j = max(kandidaten, key=lambda i: minimum[i] - ideaal[i])
        afbreken[j] = True
        minimum[j] = _breedste_stuk(kolommen[j]) + CELMARGE_CM


def _breedste_stuk(kolom: Sequence[Cel]) -> float:
    """The widest piece of the words of a column when each is hyphenated wherever pyphen allows.

    Only the widest words are hyphenated: a piece of a word is some of its letters and perhaps a
    hyphen, so a word that with a hyphen added is no wider than the widest piece found so far
    cannot have a wider one (the widths are sums of the letters' widths).
    """
    breedste = 0.0
    for w, v in sorted({(w, v) for cel in kolom for t, v in cel for w in woorden(t)}, key=_met_streepje, reverse=True):
        if _met_streepje((w, v)) <= breedste:
            break
        breedste = max(breedste, _kleinste_stuk(w, v))
    return breedste


def _met_streepje(woord: tuple[str, bool]) -> float:
    return breedte_cm(woord[0] + "-", vet=woord[1])


def _verdeel(natuurlijk: list[float], minimum: list[float], totaal_cm: float) -> list[float]:
    """Share `totaal_cm` in proportion to the natural widths, no column below its minimum
    (water-filling: columns held at their minimum leave the rest to the others)."""
    vast: dict[int, float] = {}
    while True:
        rest = totaal_cm - sum(vast.values())
        vrij = [j for j in range(len(natuurlijk)) if j not in vast]
        som = sum(natuurlijk[j] for j in vrij)
        breedtes = {j: rest * natuurlijk[j] / som if som else 0.0 for j in vrij}
        te_smal = [j for j in vrij if breedtes[j] < minimum[j]]
        if not te_smal or len(te_smal) == len(vrij):
            uit = [vast.get(j, breedtes.get(j, 0.0)) for j in range(len(natuurlijk))]
            if te_smal:  # nothing fits: every column at its minimum, scaled to the text width
                schaal = totaal_cm / sum(minimum)
                uit = [m * schaal for m in minimum]
            return uit
        for j in te_smal:
            vast[j] = minimum[j]


def breek_af(tekst: str, binnen_cm: float, vet: bool = False) -> str:
    """`tekst` with soft hyphens in the words that are wider than `binnen_cm`."""
    return re.sub(r"\S+", lambda m: afgebroken(m[0]) if woordbreedte(m[0], vet) > binnen_cm else m[0], tekst)
