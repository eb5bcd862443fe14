"""Word-diff segments as text: one function, and a table per view of what each kind becomes.

The renvooi in Markdown (`<ins>`/`<del>` or CriticMarkup), the HTML of `grgen diff` and the
terminal (colours, or the markers of wdiff in a pipe) differ only in their table.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import click

from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, Segment
from generator.render.tekstweergave import md_escape

SegmentWeergave = dict[str, Callable[[str], str]]


def segmenten(segs: tuple[Segment, ...], weergave: SegmentWeergave) -> str:
    """Segments through one table.

    >>> segs = (Segment("gelijk", "de raad van "), Segment("verwijderd", "Hengelo"), Segment("ingevoegd", "Borne"))
    >>> segmenten(segs, TEKST_PLAT)
    'de raad van [-Hengelo-]{+Borne+}'
    >>> segmenten(segs, MARKDOWN["html"])
    'de raad van <del>Hengelo</del><ins>Borne</ins>'
    >>> segmenten((Segment("ingevoegd", "nieuw "),), MARKDOWN["critic"])
    '{++nieuw++} '
    """
    return "".join(weergave[s.soort](s.tekst) for s in segs if s.tekst)


def _markeer(begin: str, eind: str) -> Callable[[str], str]:
    """Escaped Markdown between marks that hug the words: spaces stay outside, so Markdown
    sees the tags as inline."""

    def markeer(tekst: str) -> str:
        tekst = md_escape(tekst)
        kern = tekst.strip()
        if not kern:
            return tekst
        voor, na = tekst[: len(tekst) - len(tekst.lstrip())], tekst[len(tekst.rstrip()) :]
        return f"{voor}{begin}{kern}{eind}{na}"

    return markeer


# The renvooi in Markdown: `<ins>`/`<del>` (shown by GitHub and GitLab) or CriticMarkup.
MARKDOWN: dict[str, SegmentWeergave] = {
    "html": {GELIJK: md_escape, INGEVOEGD: _markeer("<ins>", "</ins>"), VERWIJDERD: _markeer("<del>", "</del>")},
    "critic": {GELIJK: md_escape, INGEVOEGD: _markeer("{++", "++}"), VERWIJDERD: _markeer("{--", "--}")},
}
HTML: SegmentWeergave = {
    GELIJK: escape,
    INGEVOEGD: lambda t: f"<ins>{escape(t)}</ins>",
    VERWIJDERD: lambda t: f"<del>{escape(t)}</del>",
}
TEKST_KLEUR: SegmentWeergave = {
    GELIJK: lambda t: t,
    INGEVOEGD: lambda t: click.style(t, fg="green", underline=True),
    VERWIJDERD: lambda t: click.style(t, fg="red", strikethrough=True),
}
# Without colours (a pipe, a file): the markers of wdiff.
TEKST_PLAT: SegmentWeergave = {
    GELIJK: lambda t: t,
    INGEVOEGD: lambda t: f"{{+{t}+}}",
    VERWIJDERD: lambda t: f"[-{t}-]",
}
