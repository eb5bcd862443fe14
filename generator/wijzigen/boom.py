"""Pure operations on the element tree: replace a parent's children, renumber, give ids.

The tree is frozen; every function returns a new `Regeling` that shares unchanged subtrees with
the old one (so keeping every version costs little).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import GENUMMERD_OP_POSITIE, Element, Plek, Regeling
from generator.model.ids import NIEUW_ID


def zet_kinderen(regeling: Regeling, ouder: Plek | None, kinderen: Iterable[Element]) -> Regeling:
    """`regeling` with the children of `ouder` (None: the regeling itself) replaced.

    Leden, onderdelen and subonderdelen are renumbered by position (Ar 6.18).
    """
    kinderen = hernummer(tuple(kinderen))
    if ouder is None:
        return regeling.met(kinderen=kinderen)
    return vervang(regeling, ouder, ouder.element.met(kinderen=kinderen))


def vervang(regeling: Regeling, plek: Plek, nieuw: Element) -> Regeling:
    """`regeling` with the element at `plek` replaced by `nieuw` (its path rebuilt upwards)."""
    vervanging, oud = nieuw, plek.element
    for ouder in reversed(plek.ouders):
        vervanging, oud = ouder.met_kind(oud, vervanging), ouder
    return regeling.met_hoofdelement(oud.id, vervanging)


def kinderen_van(regeling: Regeling, ouder: Plek | None) -> tuple[Element, ...]:
    return regeling.kinderen if ouder is None else ouder.element.kinderen


def hernummer(kinderen: tuple[Element, ...]) -> tuple[Element, ...]:
    """Number leden and onderdelen by their position; artikelen keep their numbers (Ar 6.16)."""
    uit = []
    for i, kind in enumerate(kinderen, start=1):
        if kind.soort in GENUMMERD_OP_POSITIE and not kind.opsommingsteken:
            nummer = kind.nummer_op_positie(i)
            if nummer != kind.nummer:
                kind = kind.met(nummer=nummer)
        uit.append(kind)
    return tuple(uit)


def ids_in(element: Element) -> set[str]:
    """The ids of an element and all its descendants, as a set of one's own to extend."""
    return set(element.ids_in)


def is_nieuw_id(element_id: str) -> bool:
    return element_id == NIEUW_ID or element_id.startswith(NIEUW_ID + ".")


def geef_ids(element: Element, eigen_id: str, nummer: str, bezet: set[str]) -> Element:
    """Give new text its ids: `eigen_id` for the element, derived ids for its children.

    Children written without an id get `<parent id>.<number>`; an id that is taken (or ever
    was, since ids are never reused) gets a suffix `-2`, `-3`.
    """
    bezet.add(eigen_id)
    kinderen = []
    for i, kind in enumerate(hernummer(element.kinderen), start=1):
        kind_nummer = kind.nummer if kind.soort not in GENUMMERD_OP_POSITIE or kind.opsommingsteken else kind.nummer_op_positie(i)
        id_nummer = kind.nummer_op_positie(i) if kind.opsommingsteken else kind_nummer
        kind_id = vrij_id(f"{eigen_id}.{id_nummer}", bezet) if is_nieuw_id(kind.id) else kind.id
        kinderen.append(geef_ids(kind, kind_id, kind_nummer, bezet))
    return element.met(id=eigen_id, nummer=nummer, kinderen=tuple(kinderen))


def vrij_id(gewenst: str, bezet: set[str]) -> str:
    """`gewenst`, or with the first free suffix.

    >>> vrij_id("taken.3", {"taken.3", "taken.3-2"})
    'taken.3-3'
    """
    if gewenst not in bezet:
        return gewenst
    n = 2
    while f"{gewenst}-{n}" in bezet:
        n += 1
    return f"{gewenst}-{n}"


def volgende_in_documentvolgorde(regeling: Regeling, soort: str, na_id: str | None) -> Element | None:
    """The first element of `soort` after the element `na_id` (or its subtree) in document order."""
    plekken = regeling.index.values() if na_id is None else regeling.index.na(na_id)
    return next((p.element for p in plekken if p.element.soort == soort), None)


def vorige_in_documentvolgorde(regeling: Regeling, soort: str, voor_id: str) -> Element | None:
    plekken = list(regeling.index.values())
    eind = next(i for i, p in enumerate(plekken) if p.element.id == voor_id)
    return next((p.element for p in reversed(plekken[:eind]) if p.element.soort == soort), None)
