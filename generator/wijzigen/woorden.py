"""Quoted words in a text: finding them as whole words, replacing them, tidying the spaces a
removal leaves. Shared by the engine and the reader's text of consequential changes."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import ALINEAGRENS

# The closing punctuation of a text, before which added words go ("; of" / "; en" of the item
# before the last of a list included: words are added before it).
LEESTEKEN_AAN_SLOT = re.compile(r"(;\s+(?:of|en)|[.;:])$")


def woordtreffers(woorden: str, tekst: str) -> list[tuple[int, int]]:
    """Start and end of each occurrence of quoted words as whole words ("IT" not inside "ITEM"),
    left to right and not overlapping, as a regular expression with \\w boundaries would find them.

    A plain search, because compiling a pattern per operation cost more than applying it.

    >>> woordtreffers("IT", "IT en ITEM en IT.")
    [(0, 2), (14, 16)]
    >>> woordtreffers("art. 5", "zie art. 5a en art. 5.")
    [(15, 21)]
    """
    grens_voor = woorden[:1].isalnum()
    grens_na = woorden[-1:].isalnum()
    uit: list[tuple[int, int]] = []
    i = tekst.find(woorden) if woorden else -1
    while i != -1:
        j = i + len(woorden)
        if (not grens_voor or i == 0 or not _woordteken(tekst[i - 1])) and (not grens_na or j == len(tekst) or not _woordteken(tekst[j])):
            uit.append((i, j))
            i = tekst.find(woorden, j)
        else:
            i = tekst.find(woorden, i + 1)
    return uit


def _woordteken(teken: str) -> bool:
    return teken.isalnum() or teken == "_"  # what \w matches in a str pattern


def vervang_treffers(tekst: str, treffers: list[tuple[int, int]], nieuw: Callable[[str], str]) -> str:
    """`tekst` with each (start, end) span replaced by `nieuw(the words found there)`."""
    delen, vorige = [], 0
    for begin, eind in treffers:
        delen += [tekst[vorige:begin], nieuw(tekst[begin:eind])]
        vorige = eind
    delen.append(tekst[vorige:])
    return "".join(delen)


def netjes(tekst: str) -> str:
    """Fold the spaces a removal leaves behind: "a  b" -> "a b", "a ," -> "a,"; an alinea break
    (model.ALINEAGRENS) stays one, and an alinea a removal emptied goes.

    >>> netjes("a  b ,c"), netjes("Eerste. \\nDerde."), netjes("Eerste.\\n\\nDerde.\\n")
    ('a b,c', 'Eerste.\\nDerde.', 'Eerste.\\nDerde.')
    """
    tekst = re.sub(r"\s{2,}", lambda m: ALINEAGRENS if ALINEAGRENS in m[0] else " ", tekst)
    tekst = re.sub(r" +([,.;:)])", r"\1", tekst)
    return tekst.strip()


# A sentence ends at a full stop, question or exclamation mark followed by a space and a capital
# (or a reference, which opens a sentence with a capital); "art. 5" and "o.a. de" do not end one.
_ZINSEINDE = re.compile(r"[.!?](?=\s+(?:[A-ZÀ-Ý]|\[\[))")


def zinspannen(tekst: str) -> list[tuple[int, int]]:
    """Start and end of each sentence of a text (the end includes its closing punctuation).

    >>> t = "Het college beslist. Het bestuur wordt gehoord, zie art. 5 van de wet."
    >>> [t[b:e] for b, e in zinspannen(t)]
    ['Het college beslist.', 'Het bestuur wordt gehoord, zie art. 5 van de wet.']
    """
    uit, begin = [], 0
    for m in _ZINSEINDE.finditer(tekst):
        uit.append((begin, m.end()))
        begin = m.end() + (len(tekst[m.end() :]) - len(tekst[m.end() :].lstrip()))
    if begin < len(tekst):
        uit.append((begin, len(tekst)))
    return uit
