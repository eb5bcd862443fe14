"""The consolidated text of a version as plain text or Markdown, as a lawyer reads it.

"Artikel 5 Taken", then "1. ...", "a. ...;": numbers are literal text, never list markup, so
what a reader sees is exactly the numbering of the regeling.
"""

from __future__ import annotations

import re

from generator.blokken import KOP, Blok, blokken
from generator.model import Bijlage, Tabel, Versie, alineas

_MD_SPECIAAL = re.compile(r"([\\`*_\[\]<>|&])")
_MD_REGELSTART = re.compile(r"^(\d+)([.)])(\s|$)")


def md_escape(tekst: str) -> str:
    r"""Escape text so Markdown shows it literally (CommonMark allows a backslash before any
    ASCII punctuation): no emphasis, links, HTML, entities, lists, headings, rules or fences.

    >>> md_escape("1. zie *noot* <b> & co")
    '1\\. zie \\*noot\\* \\<b\\> \\& co'
    >>> md_escape("-"), md_escape("1) x"), md_escape("~~~")
    ('\\-', '1\\) x', '\\~~~')
    """
    if _MD_SPECIAAL.search(tekst):  # most texts hold none: a search is cheaper than a substitution
        tekst = _MD_SPECIAAL.sub(r"\\\1", tekst)
    if tekst[:1].isdigit():
        tekst = _MD_REGELSTART.sub(r"\1\\\2\3", tekst)
    if tekst[:1] in ("#", "+", "-", ">", "=", "~"):
        tekst = "\\" + tekst
    return tekst


def kopregels(versie: Versie) -> list[str]:
    """The opening of the regeling: aanhef, considerans and afkondiging, one paragraph each; a
    part the regeling has not (`aanhef: geen`, `afkondiging: geen`) is left out, never invented."""
    r = versie.regeling
    return [t for t in (r.aanhef, *r.considerans, r.afkondiging) if t]


def als_tekst(versie: Versie, ids: bool = False) -> str:
    """Plain text, onderdelen indented three spaces per level; `ids` shows each element's id."""
    r = versie.regeling
    regels = [r.citeertitel, "=" * len(r.citeertitel), ""]
    if r.reconstructie:
        regels += [f"[{r.reconstructie}]", ""]
    regels += [*(f"{t}\n" for t in kopregels(versie))]
    alle = blokken(r)
    eerste = _eerste_blokken(alle) if ids else set()
    for i, blok in enumerate(alle):
        id_ = f"  [{blok.element_id}]" if i in eerste else ""
        if blok.soort == KOP:
            regels += ["", (blok.volledig.upper() if blok.niveau == 1 else blok.volledig) + id_, ""]
        else:
            regels.append("   " * blok.niveau + blok.volledig + id_)
    if r.ondertekening:
        regels += ["", *alineas(r.ondertekening)]
    for bijlage in r.bijlagen:
        regels += ["", bijlage.kop + (f"  [{bijlage.id}]" if ids else ""), "", *bijlage.regels()]
    tekst = re.sub(r"\n{3,}", "\n\n", "\n".join(regels))
    return tekst.rstrip() + "\n"


def _eerste_blokken(alle: list[Blok]) -> set[int]:
    """The positions of the blocks that carry an element's id: the first block of each element,
    its heading, or its text when it has none (a lid, or an artikel with `kop: geen`)."""
    gezien: set[str] = set()
    uit: set[int] = set()
    for i, blok in enumerate(alle):
        if blok.element_id not in gezien:
            gezien.add(blok.element_id)
            uit.add(i)
    return uit


def als_markdown(versie: Versie, ids: bool = False) -> str:
    """Markdown: H1 title, H2 hoofdstukken, H3 artikelen, one paragraph per lid or onderdeel."""
    r = versie.regeling
    delen = [f"# {md_escape(r.citeertitel)}"]
    if r.reconstructie:
        delen.append(f"> {md_escape(r.reconstructie)}")
    delen += [md_escape(t) for t in kopregels(versie)]
    alle = blokken(r)
    eerste = _eerste_blokken(alle) if ids else set()
    delen += [md_blok(b) + (f" `[{b.element_id}]`" if i in eerste else "") for i, b in enumerate(alle)]
    if r.ondertekening:
        delen += [md_escape(a) for a in alineas(r.ondertekening)]
    for bijlage in r.bijlagen:
        delen += md_bijlage(bijlage, ids)
    return "\n\n".join(delen) + "\n"


def md_bijlage(bijlage: Bijlage, ids: bool = False) -> list[str]:
    """A bijlage as Markdown paragraphs: its heading (H2), each alinea, each table as a pipe table.

    >>> md_bijlage(Bijlage("b", None, "Bijlage", ("Lijst.", Tabel((("Zaak", "Aan"), ("a|b", ""))))))
    ['## Bijlage', 'Lijst.', '| Zaak | Aan |\\n| --- | --- |\\n| a\\\\|b |  |']
    """
    delen = [f"## {md_escape(bijlage.kop)}" + (f" `[{bijlage.id}]`" if ids else "")]
    for deel in bijlage.inhoud:
        delen.append(md_tabel(deel) if isinstance(deel, Tabel) else md_escape(deel))
    return delen


def md_tabel(tabel: Tabel) -> str:
    """A table as a GFM pipe table (the first row is the header row); `md_docx` makes it a Word table."""
    breedte = tabel.kolommen

    def rij(cellen: tuple[str, ...]) -> str:
        volledig = [*cellen, *("",) * (breedte - len(cellen))]
        return "| " + " | ".join(md_escape(c) for c in volledig) + " |"

    return "\n".join([rij(tabel.kop), "| " + " | ".join(["---"] * breedte) + " |", *(rij(r) for r in tabel.rijen[1:])])


def md_blok(blok: Blok, tekst: str | None = None) -> str:
    """One block as Markdown; `tekst` replaces the block's own (escaped) text, e.g. with marks."""
    inhoud = md_escape(blok.tekst) if tekst is None else tekst
    if blok.soort == KOP:
        return f"{'#' * (blok.niveau + 1)} {md_escape(blok.label) + ' ' if blok.label else ''}{inhoud}".rstrip()
    label = md_escape(blok.label) if blok.label else ""
    if label and _MD_REGELSTART.match(blok.label + " "):
        label = blok.label[:-1] + "\\."
    regel = f"{label} {inhoud}".strip() if label else inhoud
    # Onderdelen are indented with non-breaking spaces: Markdown keeps them, a code block it would not.
    return "\u00a0" * (4 * blok.niveau) + regel
