"""The round-trip measure: does `grgen toon` of the import show the source's paragraphs?

Both sides are compared paragraph by paragraph after normalisation: whitespace collapsed, case
ignored (`toon` prints hoofdstuk headings in capitals), and the punctuation of a number label
dropped ("Artikel 1." = "Artikel 1", "a)" = "a.", "§ 2" = "Paragraaf 2"). A subonderdeel's
degree sign is typography too: Word's numbering often shows "1." where `toon` prints "1°." (Ar
3.59), so "1°" = "1.".
"""

from __future__ import annotations

import dataclasses
import difflib
import re

from generator.importeer.alineas import Brontekst

_KOPLABEL = re.compile(r"^(§|paragraaf|artikel|hoofdstuk)\s*([0-9ivxlc]+[a-z]*|[a-z](?=[.:\-–—]|\s|$))\s*[.:\-–—]*\s*")
_LABEL = re.compile(r"^([0-9]+)°?[.)]?\s+|^([a-z]{1,3})[.)]\s*")


def vergelijkbaar(tekst: str) -> str:
    """A paragraph as the comparison sees it.

    >>> vergelijkbaar("Artikel 1. Begrippen"), vergelijkbaar("ARTIKEL 1 BEGRIPPEN"), vergelijkbaar("a)  zie  hier")
    ('artikel 1 begrippen', 'artikel 1 begrippen', 'a zie hier')
    >>> vergelijkbaar("§ 2 Bestuur") == vergelijkbaar("Paragraaf 2 Bestuur"), vergelijkbaar("1°. x") == vergelijkbaar("1. x")
    (True, True)
    >>> vergelijkbaar("Paragraaf A. Toets") == vergelijkbaar("Paragraaf A Toets")
    True
    """
    t = " ".join(tekst.split()).casefold()
    if m := _KOPLABEL.match(t):
        soort = "paragraaf" if m[1] == "§" else m[1]
        t = f"{soort} {m[2]} {t[m.end() :]}".strip()
    elif m := _LABEL.match(t):
        t = f"{m[1] or m[2]} {t[m.end() :]}".strip()
    return t


@dataclasses.dataclass(frozen=True)
class Vergelijking:
    """Source paragraphs found back in the import's text, and the paragraphs only in one of them."""

    totaal: int
    gevonden: int
    ontbreekt: tuple[str, ...]  # source paragraphs not shown (or shown differently) by `toon`
    extra: tuple[str, ...]  # paragraphs `toon` shows that the source does not have

    @property
    def gelijk(self) -> bool:
        return not self.ontbreekt and not self.extra


def bronalineas(bron: Brontekst) -> list[str]:
    """The source's paragraphs in reading order: title, then every paragraph."""
    return ([bron.titel] if bron.titel else []) + [a.tekst for a in bron.alineas if a.getoond]


def toonalineas(tekst: str) -> list[str]:
    """The paragraphs of `grgen toon --formaat tekst`: non-empty lines, without the underline of
    the title."""
    return [r.strip() for r in tekst.splitlines() if r.strip() and not re.fullmatch(r"=+", r.strip())]


def vergelijk(bron: list[str], getoond: list[str]) -> Vergelijking:
    """Match the two paragraph lists in order.

    >>> v = vergelijk(["Titel", "Artikel 1.", "a) x"], ["TITEL", "HOOFDSTUK 1 BEPALINGEN", "Artikel 1", "a. x"])
    >>> v.gevonden, v.totaal, v.extra
    (3, 3, ('HOOFDSTUK 1 BEPALINGEN',))
    """
    a = [vergelijkbaar(t) for t in bron]
    b = [vergelijkbaar(t) for t in getoond]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ontbreekt: list[str] = []
    extra: list[str] = []
    gevonden = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            gevonden += i2 - i1
            continue
        ontbreekt += bron[i1:i2]
        extra += getoond[j1:j2]
    return Vergelijking(len(bron), gevonden, tuple(ontbreekt), tuple(extra))


def splits_kader(extra: tuple[str, ...], kader: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the paragraphs only `toon` shows into grgen's own frame parts and the rest.

    The frame parts are what the format requires and the import added and reported (a heading for
    an artikel the source prints without one, "Hoofdstuk 1 Bepalingen", the afkondiging, the aanhef
    placeholder); each is counted once, so a second "Artikel 3" stays a difference.

    >>> splits_kader(("Artikel 1", "HOOFDSTUK 1 BEPALINGEN", "Artikel 1", "x"), ("Hoofdstuk 1 Bepalingen", "Artikel 1"))
    (('Artikel 1', 'HOOFDSTUK 1 BEPALINGEN'), ('Artikel 1', 'x'))
    """
    over = [vergelijkbaar(k) for k in kader]
    vereist: list[str] = []
    overig: list[str] = []
    for tekst in extra:
        if (v := vergelijkbaar(tekst)) in over:
            over.remove(v)
            vereist.append(tekst)
        else:
            overig.append(tekst)
    return tuple(vereist), tuple(overig)
