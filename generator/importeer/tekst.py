"""Reader for plain text and Markdown, as copied from overheid.nl or written by `grgen toon`.

Plain text: every non-empty line is a paragraph; when lines are indented (as `grgen toon`
indents onderdelen, three spaces a level) the indentation gives the list depth. Markdown:
paragraphs are separated by blank lines, `#` lines and lines wholly in bold are headings, a line
starting with "|" is a table row of its own, and CommonMark's backslash escapes are undone.
"""

from __future__ import annotations

import re

from generator.errors import Bron
from generator.importeer.alineas import Alinea, Brontekst, normaliseer
from generator.model.bijlage import leesrij

_ONDERSTREPING = re.compile(r"^\s*(=+|-{3,})\s*$")
_MD_KOP = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_VET = re.compile(r"^\*\*(.+)\*\*$|^__(.+)__$")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_ESCAPE_BEHALVE_PIJP = re.compile(r"\\([!-/:-@\[-`{-{}~])")


def lees_tekst(tekst: str, naam: str, markdown: bool = False) -> Brontekst:
    """The paragraphs of a text or Markdown source.

    >>> b = lees_tekst("Regeling X\\n==========\\n\\nArtikel 1 Begrippen\\n\\nIn deze regeling:\\n   a. x;\\n", "x.txt")
    >>> [(a.tekst, a.niveau) for a in b.alineas]
    [('Artikel 1 Begrippen', 0), ('In deze regeling:', 0), ('a. x;', 1)]
    >>> b.titel
    'Regeling X'
    """
    regels = tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stukken = _md_stukken(regels) if markdown else _tekst_stukken(regels)
    ingesprongen = not markdown and any(r[:1] in (" ", "\t") and r.strip() for r in regels)
    alineas: list[Alinea] = []
    titel: str | None = None
    for regelnummer, ruw in stukken:
        kop = False
        inhoud = ruw
        if markdown:
            if m := _MD_KOP.match(inhoud):
                inhoud, kop = m[2], True
                if len(m[1]) == 1 and titel is None and not alineas:
                    titel = normaliseer(_MD_ESCAPE.sub(r"\1", inhoud))
                    continue
            elif m := _MD_VET.match(inhoud.strip()):
                inhoud, kop = m[1] or m[2], True
            # In a table row "\|" stays: it is a "|" inside a cell (model.bijlage.leesrij).
            inhoud = (_MD_ESCAPE_BEHALVE_PIJP if inhoud.lstrip().startswith("|") else _MD_ESCAPE).sub(r"\1", inhoud)
        diepte = len(inhoud) - len(inhoud.lstrip(" \u00a0\t"))
        niveau = diepte // (4 if markdown else 3) if (ingesprongen or markdown) else None
        schoon = normaliseer(inhoud)
        if not schoon or (markdown and leesrij(schoon) == ()):  # the rule under a table's header row is markup
            continue
        alineas.append(Alinea(schoon, Bron(naam, regelnummer), kop=kop, niveau=niveau))
    if titel is None and alineas:
        titel = alineas.pop(0).tekst
    return Brontekst(naam, tuple(alineas), titel)


def _tekst_stukken(regels: list[str]) -> list[tuple[int, str]]:
    """One paragraph per non-empty line; a line of = or - under the title is dropped."""
    return [(n, r.rstrip()) for n, r in enumerate(regels, start=1) if r.strip() and not _ONDERSTREPING.match(r)]


def _md_stukken(regels: list[str]) -> list[tuple[int, str]]:
    """Paragraphs separated by blank lines; a heading line is a paragraph of its own."""
    stukken: list[tuple[int, str]] = []
    huidig: list[str] = []
    start = 0
    for n, regel in enumerate(regels, start=1):
        if not regel.strip() or _MD_KOP.match(regel) or regel.lstrip().startswith("|"):  # a table row stands alone
            if huidig:
                stukken.append((start, " ".join(huidig)))
                huidig = []
            if regel.strip():
                stukken.append((n, regel))
            continue
        if not huidig:
            start = n
            huidig.append(regel.rstrip())
        else:
            huidig.append(regel.strip())
    if huidig:
        stukken.append((start, " ".join(huidig)))
    return stukken
