"""The documents of one amendment's package, rendered in memory (nothing is written here)."""

from __future__ import annotations

from pathlib import Path

from generator.render.context import besluit_context
from generator.render.omgeving import maak_omgeving, render_sjabloon, sjabloonmappen
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


def render_pakket(project: Path, geschiedenis: Geschiedenis, toepassing: Toepassing) -> dict[str, bytes]:
    """File name -> content for every document of the package of `toepassing`."""
    omgeving = maak_omgeving(sjabloonmappen(project))
    besluit = render_sjabloon(omgeving, "wijzigingsbesluit.md.j2", besluit_context(geschiedenis, toepassing))
    return {"wijzigingsbesluit.md": _netjes(besluit).encode("utf-8")}


def _netjes(markdown: str) -> str:
    """At most one blank line between paragraphs and one newline at the end."""
    regels: list[str] = []
    for regel in markdown.splitlines():
        regel = regel.rstrip()
        if not regel and (not regels or not regels[-1]):
            continue
        regels.append(regel)
    return "\n".join(regels).strip() + "\n"
