"""The lettered onderdelen of ARTIKEL I as structure: which steps each one holds (Ar 6.15).

One onderdeel (A, B, ... Z, AA) per artikel (or hoofdstuk) of the regeling, in the order of the
regeling, then one per citeertitel change. The wording of each onderdeel is a view
(`render/besluit.py`); the diff attributes changes to these letters (`diff/overzicht.py`).
"""

from __future__ import annotations

import dataclasses

from generator.nummering import letterreeks
from generator.wijzigen.motor import Stap, Toepassing


@dataclasses.dataclass(frozen=True)
class Groep:
    """One lettered onderdeel: its letter, the artikel (or hoofdstuk) id it groups, its steps."""

    letter: str
    groep_id: str | None  # None for a citeertitel change
    stappen: tuple[Stap, ...]


def groepen(toepassing: Toepassing) -> list[Groep]:
    """The onderdelen of ARTIKEL I in order; metadata changes (toetreding, uittreding) have none.

    Metadata changes have their own article in the besluit; a citeertitel change comes last.
    """
    per_groep: dict[str, list[Stap]] = {}
    for stap in toepassing.stappen:
        if stap.groep is not None:
            per_groep.setdefault(stap.groep, []).append(stap)
    # A herindeling replaces the old names throughout the regeling in one change, first.
    uit = [Groep("", None, (s,)) for s in toepassing.stappen if s.operatie.actie == "herindeling" and s.namen]
    uit += [Groep("", g, tuple(s)) for g, s in per_groep.items()]
    uit += [Groep("", None, (s,)) for s in toepassing.stappen if s.operatie.actie == "bijlage"]
    for stap in (s for s in toepassing.stappen if s.operatie.actie == "citeertitel"):
        uit.append(Groep("", None, (stap,)))
    return [dataclasses.replace(g, letter=letterreeks(i, hoofdletters=True)) for i, g in enumerate(uit, start=1)]


def onderdeelletters(toepassing: Toepassing) -> dict[str, str]:
    """Element id (or "citeertitel") -> the letter of the onderdeel of ARTIKEL I that changes it.

    An integraal besluit has no lettered onderdelen.
    """
    if toepassing.wijziging.vorm == "integraal":
        return {}
    uit: dict[str, str] = {}
    for groep in groepen(toepassing):
        if groep.groep_id is None and groep.stappen[0].operatie.actie == "citeertitel":
            uit["citeertitel"] = groep.letter
            continue
        for stap in groep.stappen:
            for element_id in sorted(stap.raakt):
                uit.setdefault(element_id, groep.letter)
    return uit
