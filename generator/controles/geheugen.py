"""What the rules of `grgen check` compute once and reuse: per top-level element, per version.

The versions of a regeling share every element an amendment did not touch: an unchanged
hoofdstuk is the very same object in each version (`Regeling.met_hoofdelement`). A rule that
judges each element on its own therefore computes its findings once per top-level element
object (`per_top`), and a version costs only what its amendment replaced. What a rule needs of
a whole version (every artikel of a kind, the first element with a number) is put together
from those per-element parts (`soort_lijst`, `eerste_plek`); what it needs of every earlier
version (numbers ever given) grows version by version in a memo that one run of the engine
shares across the versions of one timeline (`Zicht.geheugen`).

Everything is keyed by object identity and stored on the frozen objects themselves (as the
model caches `ids_in` and the places of a top-level element), so no result is ever served for
another element, and nothing outlives the objects it describes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from generator.model import Element, Plek, Regeling, Versie
from generator.model.regeling import plekken_van

T = TypeVar("T")
_SLEUTEL = "_controles"  # the memo in an element's instance dict


def top_memo(top: Element, sleutel: object, bereken: Callable[[Element], T]) -> T:
    """`bereken(top)`, computed once per top-level element object.

    `sleutel` names the computation (a function, or a tuple with its parameters); the result
    must depend on the element and its descendants alone.
    """
    memo = top.__dict__.get(_SLEUTEL)
    if memo is None:
        memo = top.__dict__[_SLEUTEL] = {}
    if sleutel in memo:
        return memo[sleutel]
    uit = memo[sleutel] = bereken(top)
    return uit


def per_top(regeling: Regeling, sleutel: object, bereken: Callable[[Element], Sequence[T]]) -> list[T]:
    """The results of `bereken` for every top-level element, in document order, as one list.

    For a rule that yields its findings place by place in document order, this is the same
    list as walking every place of the version, at the cost of the top-level elements that
    are new in this version.
    """
    uit: list[T] = []
    for top in regeling.kinderen:
        memo = top.__dict__.get(_SLEUTEL)  # `top_memo`, inlined: this runs per rule, version and top
        uit.extend(memo[sleutel] if memo is not None and sleutel in memo else top_memo(top, sleutel, bereken))
    return uit


def plekken(top: Element) -> Iterable[Plek]:
    """Every place of a top-level element and its descendants, in document order."""
    return plekken_van(top).values()


def _soorten(top: Element) -> dict[str, list[Element]]:
    uit: dict[str, list[Element]] = {}
    for p in plekken(top):
        uit.setdefault(p.element.soort, []).append(p.element)
    return uit


def soort_lijst_van(top: Element, soort: str) -> list[Element]:
    """The elements of a kind in a top-level element (itself included), in document order."""
    return top_memo(top, _soorten, _soorten).get(soort, [])


def soort_lijst(regeling: Regeling, soort: str) -> list[Element]:
    """Every element of a kind ("artikel", "hoofdstuk"), in document order.

    >>> from generator.model import Artikel, Hoofdstuk
    >>> r = Regeling("x", "X", "X", "s", "g", None, "p", (), "a", (), "b",
    ...              (Hoofdstuk("h", "1", kinderen=(Artikel("a", "1", "A."), Artikel("b", "2", "B."))),))
    >>> [e.id for e in soort_lijst(r, "artikel")], [e.id for e in soort_lijst(r, "hoofdstuk")]
    (['a', 'b'], ['h'])
    """
    uit: list[Element] = []
    for top in regeling.kinderen:
        uit.extend(top_memo(top, _soorten, _soorten).get(soort, ()))
    return uit


def _onderwerpen(top: Element) -> dict[str, list[Element]]:
    uit: dict[str, list[Element]] = {}
    for e in top_memo(top, _soorten, _soorten).get("artikel", ()):
        for onderwerp in e.onderwerpen:
            lijst = uit.setdefault(onderwerp, [])
            if not lijst or lijst[-1] is not e:  # an onderwerp named twice counts once, as `in` does
                lijst.append(e)
    return uit


def artikelen_over(regeling: Regeling, onderwerp: str) -> list[Element]:
    """The artikelen that declare `onderwerp` in their `onderwerpen`, in document order."""
    uit: list[Element] = []
    for top in regeling.kinderen:
        uit.extend(top_memo(top, _onderwerpen, _onderwerpen).get(onderwerp, ()))
    return uit


def onder(regeling: Regeling, element: Element) -> list[Plek]:
    """The places of the descendants of `element` (an element of `regeling`), in document order.

    The same as every place of the version with `element` among its ancestors, since ids are
    unique in a version; found in the top-level element that holds it.
    """
    top = regeling.index.top(element.id)
    return [p for p in plekken(top) if any(o.id == element.id for o in p.ouders)]


def _eerste(top: Element) -> dict[tuple[str, str], Plek]:
    uit: dict[tuple[str, str], Plek] = {}
    for p in plekken(top):
        uit.setdefault((p.element.soort, p.element.nummer), p)
    return uit


class Versiegeheugen:
    """What the rules ask of one version, made once for the version the engine is at.

    Only the last version asked for is kept: the engine runs every rule on a version before the
    next one, and a map of every element number per version would grow with the chain.
    """

    def __init__(self) -> None:
        self._regeling: Regeling | None = None
        self._eerste: dict[tuple[str, str], Plek] | None = None
        self._onderwerpen: dict[str, list[Element]] | None = None

    def _bij(self, regeling: Regeling) -> None:
        if self._regeling is not regeling:
            self._regeling, self._eerste, self._onderwerpen = regeling, None, None

    def artikelen_over(self, regeling: Regeling, onderwerp: str) -> list[Element]:
        """As `artikelen_over`, every onderwerp of the version gathered in one pass."""
        self._bij(regeling)
        if self._onderwerpen is None:
            alle: dict[str, list[Element]] = {}
            for top in regeling.kinderen:
                for o, artikelen in top_memo(top, _onderwerpen, _onderwerpen).items():
                    alle.setdefault(o, []).extend(artikelen)
            self._onderwerpen = alle
        return list(self._onderwerpen.get(onderwerp, ()))

    def eerste_plek(self, regeling: Regeling, soort: str, nummer: str) -> Plek | None:
        """The first place in document order whose element has this kind and number."""
        self._bij(regeling)
        if self._eerste is None:
            eerste: dict[tuple[str, str], Plek] = {}
            for top in reversed(regeling.kinderen):  # the first in document order wins
                eerste.update(top_memo(top, _eerste, _eerste))
            self._eerste = eerste
        return self._eerste.get((soort, nummer))


class Verleden:
    """What the versions seen so far held, grown version by version; each top-level element
    object is read once, however many versions share it.

    `nummers(soort)`: number -> the ids that had it; `laatst(soort, nummer)`: the last version
    with an element of that kind and number.
    """

    def __init__(self) -> None:
        self.versies: list[Versie] = []
        self._nummers: dict[str, dict[str, set[str]]] = {}  # soort -> nummer -> ids
        self._tops_met: dict[tuple[str, str], list[Element]] = {}  # (soort, nummer) -> top-level elements
        self._laatst: dict[int, int] = {}  # id() of a top-level element -> last version index holding it
        self._gelezen: dict[int, Element] = {}  # id() -> the element, kept alive so the id stays its own

    def tot(self, eerdere: Sequence[Versie]) -> Verleden:
        """This record over exactly the versions `eerdere` (a timeline's versions before one)."""
        k = len(self.versies)
        if k > len(eerdere) or any(a is not b for a, b in zip(self.versies, eerdere, strict=False)):
            self.__init__()  # another chain, or an earlier point: start again
            k = 0
        for j in range(k, len(eerdere)):
            for top in eerdere[j].regeling.kinderen:
                if self._gelezen.get(id(top)) is not top:
                    self._lees(top)
                self._laatst[id(top)] = j
            self.versies.append(eerdere[j])
        return self

    def _lees(self, top: Element) -> None:
        self._gelezen[id(top)] = top
        for soort, elementen in top_memo(top, _soorten, _soorten).items():
            per_nummer = self._nummers.setdefault(soort, {})
            for e in elementen:
                per_nummer.setdefault(e.nummer, set()).add(e.id)
        for sleutel in top_memo(top, _eerste, _eerste):
            self._tops_met.setdefault(sleutel, []).append(top)

    def nummers(self, soort: str) -> dict[str, set[str]]:
        """Number -> ids of every element of `soort` in these versions (read it, do not change it)."""
        return self._nummers.get(soort, {})

    def laatst(self, soort: str, nummer: str) -> Versie | None:
        """The last of these versions with an element of this kind and number, or None."""
        tops = self._tops_met.get((soort, nummer))
        if not tops:
            return None
        return self.versies[max(self._laatst[id(t)] for t in tops)]


def verleden(geheugen: dict[Any, Any], eerdere: Sequence[Versie]) -> Verleden:
    """The record of the versions `eerdere` (see `Verleden`), kept in a run's `geheugen`."""
    if Verleden not in geheugen:
        geheugen[Verleden] = Verleden()
    return geheugen[Verleden].tot(eerdere)


def versiegeheugen(geheugen: dict[Any, Any]) -> Versiegeheugen:
    if Versiegeheugen not in geheugen:
        geheugen[Versiegeheugen] = Versiegeheugen()
    return geheugen[Versiegeheugen]
