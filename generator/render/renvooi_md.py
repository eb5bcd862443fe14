"""The renvooi and the was-wordt table in Markdown.

Insertions and deletions are marked with `<ins>`/`<del>` (shown by GitHub and GitLab) or, as an
option, CriticMarkup `{++ ++}`/`{-- --}`, through the tables of `render.segmenten`.
"""

from __future__ import annotations

from generator.blokken import KOP
from generator.diff.versies import BlokVerschil
from generator.diff.waswordt import Rij
from generator.diff.woorden import Segment
from generator.render.segmenten import MARKDOWN, segmenten
from generator.render.tekstweergave import md_escape


def segmenten_md(segs: tuple[Segment, ...], stijl: str = "html") -> str:
    """Segments as Markdown text with change marks (`stijl`: "html" or "critic").

    >>> segmenten_md((Segment("gelijk", "de raad van "), Segment("verwijderd", "Hengelo"), Segment("ingevoegd", "Borne")))
    'de raad van <del>Hengelo</del><ins>Borne</ins>'
    """
    return segmenten(segs, MARKDOWN[stijl])


def blok_md(v: BlokVerschil, stijl: str = "html") -> str:
    blok = v.blok
    label = segmenten_md(v.label, stijl)
    tekst = segmenten_md(v.tekst, stijl)
    if blok.soort == KOP:
        return f"{'#' * (blok.niveau + 1)} {' '.join(d for d in (label, tekst) if d)}".rstrip()  # a bijlage's heading has no label
    regel = f"{label} {tekst}".strip() if label else tekst
    return "\u00a0" * (4 * blok.niveau) + regel


def renvooi_md(verschillen: list[BlokVerschil], kop: list[str], stijl: str = "html") -> str:
    """The whole regeling with every change marked; `kop` are the opening paragraphs."""
    delen = [*kop, *(blok_md(v, stijl) for v in verschillen)]
    return "\n\n".join(delen) + "\n"


def _cel(rij: Rij, nieuw: bool) -> str:
    """One side of a row, its changes marked as in the renvooi."""
    kant = rij.kant(nieuw)
    if not kant:
        return "—"
    return "<br>".join(segmenten_md(segs) for _, segs in kant)


def waswordt_md(rijen: list[Rij]) -> str:
    """The was-wordt table as a Markdown (GFM) table."""
    regels = ["| Plaats | Huidige tekst | Nieuwe tekst | Toelichting |", "| --- | --- | --- | --- |"]
    for r in rijen:
        toelichting = "<br>".join(md_escape(t) for t in r.toelichting) or "—"
        regels.append(f"| {md_escape(r.plaats)} | {_cel(r, False)} | {_cel(r, True)} | {toelichting} |")
    return "\n".join(regels) + "\n"
