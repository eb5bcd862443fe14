"""The structural elements of a regeling: Hoofdstuk > (Paragraaf) > Artikel > Lid > Onderdeel.

One frozen tree. Each element has a stable `id` (like STOP's wId: never reused, survives
renumbering) and its displayed `nummer`. The classes differ only in what they may contain and how
they are numbered and named; the algorithms (amendments, diff, rendering) walk them generically.

An element's text lives in `tekst` (the whole text, or the words before its list) and
`slottekst` (words after its list); its list items are `kinderen`.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cached_property
from typing import ClassVar

from generator.errors import GEEN_BRON, Bron
from generator.nummering import letterreeks, rangtelwoord

_VERWIJZING = re.compile(r"\[\[([^\[\]\s|]+)\]\]")  # as adressen.VERWIJZING

# A text may hold more than one alinea (STOP: several <Al> in one Lid or Inhoud); they are kept
# in one string, separated by a line feed, so amendments and references see one text.
ALINEAGRENS = "\n"
# Markers of a list that the source did not number (STOP's Li allows any LiNummer). Kept as typed;
# `grgen check` warns, since the Ar numbers lists with letters and 1°, 2° (Ar 3.59).
OPSOMMINGSTEKENS = ("•", "-", "–", "▪", "·", "*")
# An onderdeel numbered "1.", "2)" as the source typed it (a definition list after "wordt verstaan
# onder:" is often numbered so). Kept as typed like a bullet; it has no Ar 3.29 address either, since
# "onderdeel 1" would be read as the first subonderdeel's degree number.
_CIJFERTEKEN = re.compile(r"[0-9]{1,3}[.)]")
# How the heading of a hoofdstuk, paragraaf or artikel is printed (`kop:` in the YAML). None is
# the Ar form, "Artikel 5 Taken"; "kort" the label without the word ("B. Mandatering", as many
# beleidsregels print their tussenkoppen); "geen" no heading at all (text the source prints
# outside any artikel, or a regeling without hoofdstukken). The element keeps its number: the
# besluit and references name it by its address (Ar 3.29). `grgen check` warns for both.
KOPVORMEN = ("volledig", "kort", "geen")


def is_opsommingsteken(nummer: str | None, soort: str) -> bool:
    """Is `nummer` a mark kept as typed rather than a number grgen keeps by position?

    >>> is_opsommingsteken("•", "subonderdeel"), is_opsommingsteken("2.", "onderdeel"), is_opsommingsteken("2.", "subonderdeel")
    (True, True, False)
    """
    if nummer is None or soort == "lid":
        return False
    return nummer in OPSOMMINGSTEKENS or (soort == "onderdeel" and _CIJFERTEKEN.fullmatch(nummer) is not None)


def alineas(tekst: str) -> list[str]:
    """The alineas of a text.

    >>> alineas("Eerste alinea.\\nTweede alinea.")
    ['Eerste alinea.', 'Tweede alinea.']
    """
    return tekst.split(ALINEAGRENS)


@dataclasses.dataclass(frozen=True)
class Element:
    id: str
    nummer: str
    tekst: str | None = None
    kinderen: tuple[Element, ...] = ()
    slottekst: str | None = None
    opschrift: str | None = None
    onderwerpen: tuple[str, ...] = ()
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    kopvorm: str | None = None  # None (the Ar form), "kort" or "geen"; see KOPVORMEN

    soort: ClassVar[str] = "element"
    meervoud: ClassVar[str] = "elementen"
    # Which kinds may be children, in order of preference.
    kindsoorten: ClassVar[tuple[str, ...]] = ()
    # Ar 6.16: artikelen and hoofdstukken keep their numbers; leden and onderdelen renumber.
    vast_nummer: ClassVar[bool] = False
    heeft_opschrift: ClassVar[bool] = False

    @property
    def kop(self) -> str:
        """The label as printed before the element: "Artikel 5a", "2.", "b.", "1°."."""
        raise NotImplementedError

    @property
    def verwijzing(self) -> str:
        """How a reference names this element in Ar 3.29 form: "tweede lid", "onderdeel b"."""
        raise NotImplementedError

    @property
    def kop_getoond(self) -> bool:
        """False for a hoofdstuk, paragraaf or artikel printed without a heading (`kop: geen`)."""
        return self.kopvorm != "geen"

    def _koplabel(self, woord: str) -> str:
        """The printed label of a heading in the element's kopvorm.

        >>> Artikel("a", "5").kop, Paragraaf("p", "B", kopvorm="kort").kop, Artikel("a", "5", kopvorm="geen").kop
        ('Artikel 5', 'B.', '')
        """
        if self.kopvorm == "geen":
            return ""
        if self.kopvorm == "kort":
            return f"{self.nummer}."
        return f"{woord} {self.nummer}"

    @property
    def opsommingsteken(self) -> bool:
        """True for a list item marked "•", "-", "–", "▪", "·" or "*" instead of a letter or number,
        or an onderdeel numbered "1." as the source typed it.

        >>> Onderdeel("a.b", "•", "Tekst;").kop, Onderdeel("a.a", "1.", "Tekst;").kop
        ('•', '1.')
        """
        return is_opsommingsteken(self.nummer, self.soort)

    def met(self, **wijzigingen: object) -> Element:
        """A copy with some fields changed (the tree is never mutated).

        >>> Lid("x.1", "1", "Tekst.").met(nummer="2").nummer
        '2'
        """
        return kopie(self, _VELDEN, wijzigingen)

    def met_kind(self, oud: Element, nieuw: Element) -> Element:
        """A copy in which the child `oud` (this very object) is replaced by `nieuw`.

        The cached sets that are unions over the children carry over: unchanged when the new
        child's equal the old child's, else (for ids and artikel numbers, which are unique in a
        regeling) with the old child's taken out and the new child's put in. So rebuilding the
        path to a change costs the path, not the breadth of every parent on it.

        >>> a = Artikel("a", "1", kinderen=(Lid("a.1", "1", "X."),))
        >>> b = a.met_kind(a.kinderen[0], Lid("a.1", "1", "Y."))
        >>> b.kinderen[0].tekst, b.ids_in == a.ids_in
        ('Y.', True)
        """
        i = next(i for i, k in enumerate(self.kinderen) if k is oud)
        kopie = self.met(kinderen=(*self.kinderen[:i], nieuw, *self.kinderen[i + 1 :]))
        for naam in _VERZAMELINGEN:
            waarde, oude = self.__dict__.get(naam), oud.__dict__.get(naam)
            if waarde is None or oude is None:
                continue
            nieuwe = getattr(nieuw, naam)
            if nieuwe == oude:
                kopie.__dict__[naam] = waarde
            elif naam in _UNIEK:
                kopie.__dict__[naam] = (waarde - oude) | nieuwe
        return kopie

    @classmethod
    def nummer_op_positie(cls, positie: int) -> str:
        """The number a lid or onderdeel has at 1-based `positie` (they renumber, Ar 6.18)."""
        raise TypeError(f"een {cls.soort} wordt niet op positie genummerd")

    def teksten(self) -> tuple[str, ...]:
        """The element's own texts (not its children's), for checks and search."""
        return tuple(t for t in (self.tekst, self.slottekst) if t)

    # Cached on the frozen element object, which versions share: computed once per element,
    # so a new version computes them only for what an amendment replaced.
    @cached_property
    def ids_in(self) -> frozenset[str]:
        """The ids of this element and all its descendants.

        >>> sorted(Artikel("a", "1", kinderen=(Lid("a.1", "1", "X."), Lid("a.2", "2", "Y."))).ids_in)
        ['a', 'a.1', 'a.2']
        """
        return frozenset((self.id,)).union(*(k.ids_in for k in self.kinderen))

    @cached_property
    def verwijzingen_in(self) -> frozenset[str]:
        """The ids referred to anywhere in this element and its descendants.

        Hoofdstukken and paragrafen unite their children's (cached) sets; below that one pass
        over the joined texts is cheaper than a cached set per lid and onderdeel.

        >>> sorted(Artikel("a", "1", kinderen=(Lid("a.1", "1", "Zie [[b]]."), Lid("a.2", "2", "En [[c]]."))).verwijzingen_in)
        ['b', 'c']
        """
        if self.soort in ("hoofdstuk", "paragraaf"):
            eigen = frozenset(d for t in self.teksten() for d in _VERWIJZING.findall(t))
            return eigen.union(*(k.verwijzingen_in for k in self.kinderen))
        tekst = "\n".join(self.alle_teksten())
        return frozenset(_VERWIJZING.findall(tekst)) if "[[" in tekst else frozenset()

    def alle_teksten(self) -> list[str]:
        """The texts (`teksten`) of this element and all its descendants, in document order."""
        uit = [self.tekst] if self.tekst else []
        for kind in self.kinderen:
            uit += kind.alle_teksten()
        if self.slottekst:
            uit.append(self.slottekst)
        return uit

    @cached_property
    def artikelnummers_in(self) -> frozenset[str]:
        """The numbers of the artikelen in this element (itself included)."""
        if self.soort == "artikel":
            return frozenset((self.nummer,))
        return frozenset().union(*(k.artikelnummers_in for k in self.kinderen))


@dataclasses.dataclass(frozen=True)
class Hoofdstuk(Element):
    soort: ClassVar[str] = "hoofdstuk"
    meervoud: ClassVar[str] = "hoofdstukken"
    kindsoorten: ClassVar[tuple[str, ...]] = ("artikel", "paragraaf")
    vast_nummer: ClassVar[bool] = True
    heeft_opschrift: ClassVar[bool] = True

    @property
    def kop(self) -> str:
        return self._koplabel("Hoofdstuk")

    @property
    def verwijzing(self) -> str:
        return f"hoofdstuk {self.nummer}"


@dataclasses.dataclass(frozen=True)
class Paragraaf(Element):
    soort: ClassVar[str] = "paragraaf"
    meervoud: ClassVar[str] = "paragrafen"
    kindsoorten: ClassVar[tuple[str, ...]] = ("artikel",)
    vast_nummer: ClassVar[bool] = True
    heeft_opschrift: ClassVar[bool] = True

    @property
    def kop(self) -> str:
        return self._koplabel("Paragraaf")

    @property
    def verwijzing(self) -> str:
        return f"paragraaf {self.nummer}"


@dataclasses.dataclass(frozen=True)
class Artikel(Element):
    soort: ClassVar[str] = "artikel"
    meervoud: ClassVar[str] = "artikelen"
    kindsoorten: ClassVar[tuple[str, ...]] = ("lid", "onderdeel")
    vast_nummer: ClassVar[bool] = True
    heeft_opschrift: ClassVar[bool] = True

    @property
    def kop(self) -> str:
        return self._koplabel("Artikel")

    @property
    def verwijzing(self) -> str:
        return f"artikel {self.nummer}"

    @property
    def heeft_leden(self) -> bool:
        return bool(self.kinderen) and self.kinderen[0].soort == "lid"


@dataclasses.dataclass(frozen=True)
class Lid(Element):
    soort: ClassVar[str] = "lid"
    meervoud: ClassVar[str] = "leden"
    kindsoorten: ClassVar[tuple[str, ...]] = ("onderdeel",)

    @classmethod
    def nummer_op_positie(cls, positie: int) -> str:
        return str(positie)

    @property
    def kop(self) -> str:
        return f"{self.nummer}."

    @property
    def verwijzing(self) -> str:
        return f"{rangtelwoord(int(self.nummer))} lid"


@dataclasses.dataclass(frozen=True)
class Onderdeel(Element):
    soort: ClassVar[str] = "onderdeel"
    meervoud: ClassVar[str] = "onderdelen"
    kindsoorten: ClassVar[tuple[str, ...]] = ("subonderdeel",)

    @classmethod
    def nummer_op_positie(cls, positie: int) -> str:
        return letterreeks(positie)

    @property
    def kop(self) -> str:
        nummer = self.nummer
        if nummer.isalpha() and nummer.islower() and nummer.isascii():  # "a", "aa": most onderdelen, no mark
            return f"{nummer}."
        return nummer if self.opsommingsteken else f"{nummer}."

    @property
    def verwijzing(self) -> str:
        """ "onderdeel b"; a typed "3." is named without its dot, which would end the sentence.

        >>> Onderdeel("a.c", "3.", "x").verwijzing, Onderdeel("a.c", "•", "x").verwijzing
        ('onderdeel 3', 'onderdeel •')
        """
        return f"onderdeel {self.nummer.rstrip('.)') if self.opsommingsteken else self.nummer}"


@dataclasses.dataclass(frozen=True)
class Subonderdeel(Element):
    soort: ClassVar[str] = "subonderdeel"
    meervoud: ClassVar[str] = "subonderdelen"

    @classmethod
    def nummer_op_positie(cls, positie: int) -> str:
        return str(positie)

    @property
    def kop(self) -> str:
        return self.nummer if self.opsommingsteken else f"{self.nummer}°."

    @property
    def verwijzing(self) -> str:
        return f"onder {self.nummer}°"


_VELDEN = frozenset(f.name for f in dataclasses.fields(Element))
# The cached sets that are unions over an element's children (see Element.met_kind).
_VERZAMELINGEN = ("ids_in", "verwijzingen_in", "artikelnummers_in")
_UNIEK = ("ids_in", "artikelnummers_in")  # no two elements share one


def kopie(obj, velden: frozenset[str], wijzigingen: dict[str, object]):  # noqa: ANN001, ANN201 - any frozen dataclass
    """A frozen dataclass with some fields changed: as `dataclasses.replace`, without its
    per-call field walk (the engine makes thousands of copies). Only the `velden` are copied,
    never the caches a cached_property left in the instance dict.

    >>> kopie(Lid("x.1", "1", "Tekst."), _VELDEN, {"tekst": "Nieuw."}).tekst
    'Nieuw.'
    """
    onbekend = wijzigingen.keys() - velden
    if onbekend:
        raise TypeError(f"{type(obj).__name__} has no field {', '.join(sorted(onbekend))}")
    nieuw = object.__new__(type(obj))
    eigen = obj.__dict__
    nieuw.__dict__.update({veld: eigen[veld] for veld in velden}, **wijzigingen)
    return nieuw


SOORTEN: dict[str, type[Element]] = {cls.soort: cls for cls in (Hoofdstuk, Paragraaf, Artikel, Lid, Onderdeel, Subonderdeel)}
# Leden and onderdelen are numbered by their position; these give the label of position n.
GENUMMERD_OP_POSITIE = ("lid", "onderdeel", "subonderdeel")
