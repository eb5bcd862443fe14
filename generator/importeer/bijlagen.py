"""The bijlagen at the end of a source: a heading "Bijlage 1 bij ..." (or "Bijlage"), then its
alineas and tables, up to the next such heading.

A table row comes from the reader with its cells (XML, Word) or as a line "| cel | cel |" (text,
Markdown; the rule under a Markdown header row is skipped). Consecutive rows form one table; a
row with another number of cells than the first is padded, and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.errors import Bron
from generator.importeer.alineas import Alinea
from generator.model.bijlage import Bijlage, Tabel, leesrij
from generator.model.ids import slug

_BIJ = re.compile(r"^bijlage\s+\S+\s+(bij|behorende)\b", re.IGNORECASE)
_KOP = re.compile(r"^bijlage(?:\s+(?P<nr>[0-9]+[a-z]?|[IVXLC]+))?\b", re.IGNORECASE)


def lees_bijlagen(alineas: list[Alinea], meld: Callable[[str, Bron, str | None], None]) -> tuple[Bijlage, ...]:
    """The bijlagen from their paragraphs; the first paragraph is a bijlage heading.

    >>> from generator.importeer.tekst import lees_tekst
    >>> a = lees_tekst("Titel\\nBijlage 1 bij de regeling\\nLijst.\\n| Zaak | Aan |\\n| --- | --- |\\n| aangifte | secretaris |\\n", "b.txt").alineas
    >>> b = lees_bijlagen(list(a), lambda *x: None)[0]
    >>> b.id, b.nummer, b.kop, b.inhoud
    ('bijlage-1', '1', 'Bijlage 1 bij de regeling', ('Lijst.', Tabel(rijen=(('Zaak', 'Aan'), ('aangifte', 'secretaris')))))
    """
    koppen = [i for i, a in enumerate(alineas) if _KOP.match(a.tekst) and a.cellen is None and (i == 0 or a.kop or _BIJ.match(a.tekst))]
    uit: list[Bijlage] = []
    for n, begin in enumerate(koppen):
        eind = koppen[n + 1] if n + 1 < len(koppen) else len(alineas)
        kop = alineas[begin]
        m = _KOP.match(kop.tekst)
        nummer = m["nr"] if m and m["nr"] else None
        inhoud: list[str | Tabel] = []
        rijen: list[tuple[str, ...]] = []
        for a in alineas[begin + 1 : eind]:
            cellen = a.cellen if a.cellen is not None else leesrij(a.tekst)
            if cellen is not None:
                if cellen:  # () is the rule under a Markdown header row
                    rijen.append(cellen)
                continue
            if rijen:
                inhoud.append(_tabel(rijen, a.bron, meld))
                rijen = []
            inhoud.append(a.tekst)
        if rijen:
            inhoud.append(_tabel(rijen, alineas[eind - 1].bron, meld))
        if not inhoud:
            meld(f'bijlage zonder inhoud: "{kop.tekst[:60]}"', kop.bron, "controleer de bron op deze plaats")
        basis = f"bijlage-{slug(nummer, 10) if nummer else n + 1}"
        uit.append(Bijlage(basis, nummer, kop.tekst, tuple(inhoud), kop.bron))
    if len(uit) > 1 and any(b.nummer is None for b in uit):
        meld("meer bijlagen, niet alle met een nummer", uit[0].bron, "geef elke bijlage in regeling.yaml een 'nummer'")
    return tuple(uit)


def _tabel(rijen: list[tuple[str, ...]], bron: Bron, meld: Callable[[str, Bron, str | None], None]) -> Tabel:
    breedte = max(len(r) for r in rijen)
    if any(len(r) != breedte for r in rijen):
        meld(f"tabelrijen met ongelijk aantal cellen aangevuld tot {breedte} cellen", bron, "controleer de tabel in regeling.yaml")
    return Tabel(tuple(r + ("",) * (breedte - len(r)) for r in rijen))
