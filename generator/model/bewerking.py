"""An edited ontwerp as the loader reads it: its paragraphs in order, before they are matched to
the elements of the version it was made from (generator/wijzigen/bewerking.py does that)."""

from __future__ import annotations

import dataclasses

from generator.errors import GEEN_BRON, Bron


@dataclasses.dataclass(frozen=True)
class GelezenAlinea:
    """One paragraph of an edited ontwerp, with the accepted text of any tracked changes.

    `sleutel` is the key of the paragraph's bookmark or marker (generator/ontwerpsleutels.py),
    None for a paragraph the drafter added. `soort` is what its style (Word) or heading level
    (Markdown) says: "titel", "hoofdstuk", "kop" (artikel or paragraaf), "lid", "onderdeel",
    "subonderdeel" or "tekst". References are `[[id]]` again.
    """

    sleutel: str | None
    soort: str
    tekst: str
    bron: Bron = GEEN_BRON
    opmerkingen: tuple[str, ...] = ()  # the Word comments anchored in the paragraph
    koppelingen: tuple[str, ...] = ()  # the shown text of each reference `[[id]]`, in order
