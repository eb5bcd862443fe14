"""One applied operation (`Stap`) and one quoted replacement (`Vervanging`): what the wording
of the besluit needs to know about each change."""

from __future__ import annotations

import dataclasses

from generator.model import Regeling
from generator.model.wijziging import Operatie


@dataclasses.dataclass(frozen=True)
class Vervanging:
    """One quoted replacement: `oud` by `nieuw`, `telkens` when it occurs more than once."""

    oud: str
    nieuw: str
    telkens: bool = False


@dataclasses.dataclass(frozen=True)
class Stap:
    """One applied operation, with what its wording in the besluit needs to know."""

    operatie: Operatie
    groep: str | None  # id of the artikel (or hoofdstuk) under whose letter the besluit lists it
    voor: Regeling
    na: Regeling
    element_id: str | None  # the element concerned; for insertions the new element
    raakt: frozenset[str]  # ids (and "deelnemer:x", "citeertitel") this change touches
    hernummerd: tuple[tuple[str, str], ...] = ()  # (old, new) numbers of shifted siblings
    leesteken: str | None = None  # number of the sibling whose closing punctuation changed
    aanduiding: str | None = None  # "geplaatst": text became lid 1; "vervallen": the only lid lost its number
    # a consequential step (actie GEVOLG): the printed words it replaces, see wijzigen/gevolgen.py
    vervangingen: tuple[Vervanging, ...] = ()
    # Ar 6.18 in a list joined by "; of": (number, old ending, new ending) of existing items
    slotwijzigingen: tuple[tuple[str, str, str], ...] = ()
