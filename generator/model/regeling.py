"""A regeling, its deelnemers, its versions and the timeline of versions.

A `Versie` is one expression of the regeling: its text and metadata as in force from a date, in
the shape CVDR keeps. A `Tijdlijn` is the base version followed by every amended version; it
answers "what was in force on this date?" (`versie_op`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from itertools import pairwise

from generator.errors import GEEN_BRON, Bron
from generator.model.bijlage import Bijlage
from generator.model.elementen import Element, kopie
from generator.model.organen import LICHAMEN, ORGANEN, Orgaan


def _indexeer(element: Element, ouders: tuple[Element, ...], uit: dict[str, Plek]) -> None:
    uit[element.id] = Plek(element, ouders)
    if element.kinderen:
        eigen = (*ouders, element)  # one tuple shared by all children
        for kind in element.kinderen:
            _indexeer(kind, eigen, uit)


@dataclasses.dataclass(frozen=True)
class Deelnemer:
    """A party to the regeling: a gemeente, provincie, waterschap or openbaar lichaam, with the
    bestuursorganen that take part for it (Wgr art. 1, eerste lid: each for its own powers).

    >>> d = Deelnemer("swb", "SWB Midden Twente", "openbaar lichaam", "dagelijks bestuur",
    ...               "algemeen bestuur", dt.date(2017, 1, 1))
    >>> d.lichaam, d.is_gemeente, d.partij
    ('openbaar lichaam SWB Midden Twente', False, 'het dagelijks bestuur van het openbaar lichaam SWB Midden Twente')
    >>> d = Deelnemer("x", "Dinkelland", "gemeente", "raad", None, dt.date(2017, 1, 1),
    ...               organen=("raad", "college van burgemeester en wethouders", "burgemeester"))
    >>> d.partij, d.vervoeg("treedt", "treden"), d.toestemming_nodig
    ('de raad, het college van burgemeester en wethouders en de burgemeester van Dinkelland', 'treden', False)
    """

    id: str
    naam: str
    soort: str  # a key of LICHAMEN: "gemeente", "provincie", "waterschap", "openbaar lichaam"
    bestuursorgaan: str  # the first organ that takes part: "college van burgemeester en wethouders"
    toestemmingsorgaan: str | None  # consents (Wgr art. 1, vierde lid): "raad"; None when it takes part itself
    sinds: dt.date
    tot: dt.date | None = None
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    organen: tuple[str, ...] = ()  # every organ that takes part, in table order; () = (bestuursorgaan,)
    opgegaan_in: str | None = None  # herindeling: id of the gemeente that took its place on `tot`

    def __post_init__(self) -> None:
        if not self.organen:
            object.__setattr__(self, "organen", (self.bestuursorgaan,))

    @property
    def lichaam(self) -> str:
        return f"{self.soort} {self.naam}"

    @property
    def het_lichaam(self) -> str:
        """With its article: "de gemeente Borne", "het openbaar lichaam SWB Midden Twente"."""
        soort = LICHAMEN.get(self.soort)
        return f"{soort.lidwoord if soort else 'de'} {self.lichaam}"

    @property
    def van(self) -> str:
        """What follows an organ's name: "Hengelo", "het openbaar lichaam SWB Midden Twente"."""
        soort = LICHAMEN.get(self.soort)
        return self.naam if soort is None or soort.naam_na_orgaan else self.het_lichaam

    @property
    def is_gemeente(self) -> bool:
        return self.soort == "gemeente"

    @property
    def blad(self) -> str:
        """Where the body announces its own besluiten: "het provinciaal blad van Overijssel"."""
        soort = LICHAMEN.get(self.soort)
        return f"het {soort.blad if soort else 'Blad gemeenschappelijke regeling'} van {self.van}"

    @property
    def orgaanrijen(self) -> tuple[Orgaan, ...]:
        """The organs that take part, as rows of the organ table."""
        return tuple(ORGANEN[o] for o in self.organen if o in ORGANEN)

    @property
    def partij(self) -> str:
        """The organs that take part, with the body: "het college van burgemeester en wethouders van Borne"."""
        return f"{opsom([o.met_lidwoord for o in self.orgaanrijen] or [self.bestuursorgaan])} van {self.van}"

    @property
    def partij_meervoudig(self) -> bool:
        return len(self.organen) > 1 or any(o.meervoudig for o in self.orgaanrijen)

    def vervoeg(self, enkelvoud: str, meervoud: str) -> str:
        """The verb agreeing with `partij` as subject: "treedt" or "treden"."""
        return meervoud if self.partij_meervoudig else enkelvoud

    @property
    def toestemming_nodig(self) -> bool:
        """Whether an organ must consent first (and may give a zienswijze): Wgr art. 1, tweede tot en met vierde lid."""
        return self.toestemmingsorgaan is not None

    @property
    def toestemmingsrij(self) -> Orgaan | None:
        return ORGANEN.get(self.toestemmingsorgaan or "")

    @property
    def raad_is_partij(self) -> bool:
        """The representative organ (raad, provinciale staten, algemeen bestuur) takes part itself."""
        return any(o.voorstel for o in self.orgaanrijen)

    def neemt_deel_op(self, datum: dt.date) -> bool:
        return self.sinds <= datum and (self.tot is None or datum < self.tot)


def opsom(items: list[str], laatste: str = "en") -> str:
    """Join words the Dutch way.

    >>> opsom(["a", "b", "c"]), opsom(["a"])
    ('a, b en c', 'a')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {laatste} {items[-1]}"


@dataclasses.dataclass(frozen=True)
class Rol:
    """A task the regeling gives one of its own organs in an amendment, e.g. the algemeen bestuur
    sets the conditions of an uittreding (Wgr art. 9, eerste lid)."""

    orgaan: str  # a key of ORGANEN: "algemeen bestuur"
    bij: tuple[str, ...]  # "wijziging", "toetreding", "uittreding", "herindeling"
    taak: str  # a key of TAKEN: "advies" or "voorwaarden"
    artikel: str | None  # id of the artikel that gives the role
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)

    @property
    def orgaanrij(self) -> Orgaan:
        return ORGANEN[self.orgaan]


@dataclasses.dataclass(frozen=True)
class SoortRegeling:
    """A kind of regeling (Wgr art. 8) and the body it sets up, if any."""

    soort: str  # "openbaar lichaam"
    grondslag: str  # "artikel 8, eerste lid"
    lichaam: str | None  # the body: "openbaar lichaam"; None for a centrumregeling or a regeling zonder meer
    lidwoord: str = "het"
    organen: tuple[str, ...] = ()  # its own organs (Wgr art. 12-14 for an openbaar lichaam)


SOORTEN_REGELING: dict[str, SoortRegeling] = {
    "openbaar lichaam": SoortRegeling(
        "openbaar lichaam", "artikel 8, eerste lid", "openbaar lichaam", "het", ("algemeen bestuur", "dagelijks bestuur", "voorzitter")
    ),
    "gemeenschappelijk orgaan": SoortRegeling("gemeenschappelijk orgaan", "artikel 8, tweede lid", "gemeenschappelijk orgaan", "het"),
    "bedrijfsvoeringsorganisatie": SoortRegeling(
        "bedrijfsvoeringsorganisatie", "artikel 8, derde lid", "bedrijfsvoeringsorganisatie", "de"
    ),
    "centrumregeling": SoortRegeling("centrumregeling", "artikel 8, vierde lid", None),
    "regeling zonder meer": SoortRegeling("regeling zonder meer", "artikel 1", None),
}
# What an own organ can be asked to do in an amendment (the wording is in the template).
TAKEN = {
    "advies": "brengt advies uit aan de deelnemers over de wijziging",
    "voorwaarden": "stelt de voorwaarden en de (financiële) gevolgen van de toetreding of uittreding vast",
}


@dataclasses.dataclass(frozen=True)
class VersieInfo:
    """Version metadata as CVDR keeps it per version."""

    id: str
    betreft: str  # "nieuwe regeling", "wijziging", "intrekking"
    inwerkingtreding: dt.date
    datum_ondertekening: dt.date | None = None
    bekendmaking: str | None = None
    terugwerkende_kracht: dt.date | None = None
    vastgesteld_door: str | None = None
    kenmerk_voorstel: str | None = None
    wijziging: str | None = None  # id of the amendment that produced this version
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)


@dataclasses.dataclass(frozen=True)
class Plek:
    """An element with its ancestors, outermost first: where it stands in the regeling."""

    element: Element
    ouders: tuple[Element, ...]

    @property
    def artikel(self) -> Element | None:
        return next((o for o in (*self.ouders, self.element) if o.soort == "artikel"), None)

    @property
    def ouder(self) -> Element | None:
        return self.ouders[-1] if self.ouders else None

    @property
    def adres(self) -> str:
        """The element's address in Ar 3.29 form: "artikel 5, tweede lid, onderdeel b"."""
        keten = (*self.ouders, self.element)
        start = next((i for i, e in enumerate(keten) if e.soort == "artikel"), None)
        if start is None:  # hoofdstuk or paragraaf; a hoofdstuk the text shows without heading is not named
            return ", ".join(e.verwijzing for e in keten if e.kop_getoond or e is self.element)
        return ", ".join(e.verwijzing for e in keten[start:])


# The lidwoord of a citeertitel by its first word (regeling.yaml may give `lidwoord` instead):
# "het Besluit ...", "de Verordening ...". A citeertitel starting otherwise gets "de".
LIDWOORD_PER_EERSTE_WOORD = {
    "besluit": "het",
    "reglement": "het",
    "statuut": "het",
    "regeling": "de",
    "verordening": "de",
    "centrumgemeenteregeling": "de",
    "gemeenschappelijke": "de",
}


@dataclasses.dataclass(frozen=True)
class Regeling:
    """The text of a regeling in one version, with its metadata and deelnemers."""

    slug: str
    citeertitel: str
    officiele_titel: str
    soort: str
    wettelijke_grondslag: str
    centrumgemeente: str | None
    publicerende_gemeente: str
    deelnemers: tuple[Deelnemer, ...]
    aanhef: str
    considerans: tuple[str, ...]
    afkondiging: str
    kinderen: tuple[Element, ...]
    reconstructie: str | None = None
    ondertekening: str | None = None
    lidwoord: str | None = None  # of the citeertitel, "de" or "het"; None: from its first word
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    lichaam: str | None = None  # name of the body the regeling sets up: "Belastingsamenwerking Twente-Oost"
    rollen: tuple[Rol, ...] = ()  # what the GR's own organs do in an amendment
    bijlagen: tuple[Bijlage, ...] = ()  # after the artikelen and the ondertekening

    def bijlage(self, sleutel: str | None) -> Bijlage | None:
        """The bijlage with this number or id; with None, the only bijlage (None when there are more)."""
        if sleutel is None:
            return self.bijlagen[0] if len(self.bijlagen) == 1 else None
        return next((b for b in self.bijlagen if sleutel in (b.nummer, b.id)), None)

    @property
    def soortrij(self) -> SoortRegeling:
        """The kind of regeling (Wgr art. 8) as a row of `SOORTEN_REGELING`."""
        return SOORTEN_REGELING.get(self.soort, SOORTEN_REGELING["regeling zonder meer"])

    @property
    def het_lichaam(self) -> str | None:
        """ "het openbaar lichaam Belastingsamenwerking Twente-Oost", or None when the regeling sets up no body."""
        rij = self.soortrij
        if not rij.lichaam or not self.lichaam:
            return None
        return f"{rij.lidwoord} {rij.lichaam} {self.lichaam}"

    @property
    def lidwoord_citeertitel(self) -> str:
        """The lidwoord of the citeertitel ("Het Besluit ... wordt als volgt gewijzigd", Ar 6.15):
        as given in the data, else from the first word of the citeertitel.

        >>> Regeling("x", "Reglement van orde", "", "", "", None, "", (), "", (), "", ()).lidwoord_citeertitel
        'het'
        """
        if self.lidwoord:
            return self.lidwoord
        eerste = self.citeertitel.split(" ", 1)[0].lower()
        return LIDWOORD_PER_EERSTE_WOORD.get(eerste, "de")

    def met(self, **wijzigingen: object) -> Regeling:
        """A copy with some fields changed; the index carries over when the text did not change."""
        nieuw = kopie(self, _REGELINGVELDEN, wijzigingen)
        if "kinderen" not in wijzigingen and "index" in self.__dict__:
            nieuw.__dict__["index"] = self.__dict__["index"]
        return nieuw

    def met_hoofdelement(self, oud_id: str, nieuw: Element) -> Regeling:
        """A copy in which one top-level element (a hoofdstuk) is replaced.

        The index is derived from this version's (see `Index`), so an operation costs the path
        to the change, not the size of the regeling.
        """
        kinderen, index = self.index.met_vervangen(self.index.top(oud_id), nieuw)
        uit = kopie(self, _REGELINGVELDEN, {"kinderen": kinderen})
        uit.__dict__["index"] = index
        return uit

    @cached_property
    def index(self) -> Index:
        """Every element by id, in document order."""
        return Index.bouw(self.kinderen)

    def zonder_index(self) -> None:
        """Forget the cached index (it is rebuilt when asked for): frees memory of states kept
        only for the wording of a besluit."""
        self.__dict__.pop("index", None)

    def plek(self, element_id: str) -> Plek:
        return self.index[element_id]

    def elementen(self) -> Iterator[Plek]:
        return iter(self.index.values())

    def artikelen(self) -> Iterator[Element]:
        return (p.element for p in self.index.values() if p.element.soort == "artikel")

    def deelnemer(self, deelnemer_id: str) -> Deelnemer:
        return next(d for d in self.deelnemers if d.id == deelnemer_id)

    def zoek_deelnemer(self, deelnemer_id: str) -> Deelnemer | None:
        return next((d for d in self.deelnemers if d.id == deelnemer_id), None)


@dataclasses.dataclass(frozen=True)
class Versie:
    """One expression of the regeling: the text and its version metadata."""

    info: VersieInfo
    regeling: Regeling

    @property
    def id(self) -> str:
        return self.info.id

    def deelnemers_op(self, datum: dt.date | None = None) -> tuple[Deelnemer, ...]:
        datum = datum or self.info.inwerkingtreding
        return tuple(d for d in self.regeling.deelnemers if d.neemt_deel_op(datum))


@dataclasses.dataclass(frozen=True)
class Tijdlijn:
    """The base version and every amended version, in order of application.

    >>> # see tests/test_tijdlijn.py for examples with real data
    """

    versies: tuple[Versie, ...]

    def versie(self, versie_id: str) -> Versie | None:
        return next((v for v in self.versies if v.id == versie_id), None)

    def versie_op(self, datum: dt.date) -> Versie | None:
        """The version in force on `datum`: the last one whose inwerkingtreding is not later."""
        geldig = [v for v in self.versies if v.info.inwerkingtreding <= datum]
        return geldig[-1] if geldig else None

    def uitwerkingtreding(self, versie: Versie) -> dt.date | None:
        """The day the version stopped being in force: the last day before its successor."""
        i = self.versies.index(versie)
        if i + 1 >= len(self.versies):
            return None
        return self.versies[i + 1].info.inwerkingtreding - dt.timedelta(days=1)

    @property
    def laatste(self) -> Versie:
        return self.versies[-1]

    @property
    def basis(self) -> Versie:
        return self.versies[0]


class _Toewijzing:
    """Key -> id of the top-level element that holds it: a base dict shared by later versions,
    plus a small dict of the keys added since. Entries may be stale (a key removed); the caller
    checks the element it gets.

    >>> t = _Toewijzing({"a": "h1"}).met({"b"}, "h2")
    >>> t.get("a"), t.get("b"), t.get("c")
    ('h1', 'h2', None)
    """

    __slots__ = ("basis", "nieuw")

    def __init__(self, basis: dict[str, str], nieuw: dict[str, str] | None = None):
        self.basis = basis
        self.nieuw = nieuw or {}

    @classmethod
    def van(cls, kinderen: tuple[Element, ...], sleutels: Callable[[Element], frozenset[str]]) -> _Toewijzing:
        basis: dict[str, str] = {}
        for k in reversed(kinderen):  # should a key occur twice, the first in document order wins
            basis.update(dict.fromkeys(sleutels(k), k.id))
        return cls(basis)

    def get(self, sleutel: object) -> str | None:
        return self.nieuw.get(sleutel) or self.basis.get(sleutel)  # type: ignore[call-overload]

    def met(self, erbij: frozenset[str] | set[str], top_id: str) -> _Toewijzing:
        """With the keys `erbij` now in the top-level element `top_id`."""
        if not erbij:
            return self
        if len(self.nieuw) + len(erbij) > 64 + len(self.basis) // 8:
            # Fold the additions into a new base now and then, so `nieuw` stays small to copy.
            return _Toewijzing({**self.basis, **self.nieuw, **dict.fromkeys(erbij, top_id)})
        return _Toewijzing(self.basis, {**self.nieuw, **dict.fromkeys(erbij, top_id)})


class Index(Mapping[str, Plek]):
    """Every element of a version by id, in document order, read-only.

    A lookup finds the top-level element holding the id, then descends through the children
    whose `ids_in` (cached on each frozen element) holds it. Nothing per element is made for a
    new version: replacing one top-level element costs the path to the change, not the size of
    the regeling, which is what applying hundreds of amendments needs. Walking every place
    (`values`, `__iter__`) uses the places cached on each top-level element (`plekken_van`),
    shared by every version that holds that element.

    Which top-level element holds an id, or an artikel number, is a `_Toewijzing` checked
    against the element's cached sets on lookup, so a removal needs no bookkeeping.
    """

    __slots__ = ("_kinderen", "_ids", "_nummers", "_top", "_rang")

    def __init__(self, kinderen: tuple[Element, ...], ids: _Toewijzing, top: dict[str, Element], nummers: _Toewijzing | None = None):
        self._kinderen = kinderen
        self._ids = ids
        self._nummers = nummers  # made on the first artikel lookup, then carried forward
        self._top = top
        self._rang: dict[str, int] | None = None

    @classmethod
    def bouw(cls, kinderen: tuple[Element, ...]) -> Index:
        return cls(kinderen, _Toewijzing.van(kinderen, _ids_in), {k.id: k for k in kinderen})

    def met_vervangen(self, oud: Element, nieuw: Element) -> tuple[tuple[Element, ...], Index]:
        """The top-level elements and the index after `oud` is replaced by `nieuw`."""
        rang = self._rangen()[oud.id]
        kinderen = (*self._kinderen[:rang], nieuw, *self._kinderen[rang + 1 :])
        top = self._top.copy()  # at C speed; the ids map to elements of this version
        del top[oud.id]
        top[nieuw.id] = nieuw
        ids = self._ids.met(nieuw.ids_in - oud.ids_in, nieuw.id)
        nummers = None if self._nummers is None else self._nummers.met(nieuw.artikelnummers_in - oud.artikelnummers_in, nieuw.id)
        uit = Index(kinderen, ids, top, nummers)
        if oud.id == nieuw.id:
            uit._rang = self._rang  # same order of the same ids
        return kinderen, uit

    def artikel(self, nummer: str) -> Plek | None:
        """The artikel with this number (numbers are unique in a regeling), or None."""
        if self._nummers is None:
            self._nummers = _Toewijzing.van(self._kinderen, _artikelnummers_in)
        top = self._houder(self._nummers, nummer, _artikelnummers_in)
        if top is None:
            return None
        pad = [top]
        while pad[-1].soort != "artikel":
            pad.append(next(k for k in pad[-1].kinderen if nummer in k.artikelnummers_in))
        return Plek(pad[-1], tuple(pad[:-1]))

    def top(self, element_id: str) -> Element:
        """The top-level element holding `element_id` (KeyError when none does)."""
        top = self._top_van(element_id)
        if top is None:
            raise KeyError(element_id)
        return top

    def _top_van(self, element_id: object) -> Element | None:
        return self._houder(self._ids, element_id, _ids_in)

    def _houder(self, toewijzing: _Toewijzing, sleutel: object, sleutels: Callable[[Element], frozenset[str]]) -> Element | None:
        """The top-level element `toewijzing` names for `sleutel`, if it still holds it."""
        top_id = toewijzing.get(sleutel)
        top = self._top.get(top_id) if top_id is not None else None
        return top if top is not None and sleutel in sleutels(top) else None

    def _pad(self, element_id: str, top: Element | None = None) -> list[Element]:
        """The elements from the top-level one (`top`, if known) down to `element_id`."""
        e = self.top(element_id) if top is None else top
        pad = [e]
        while e.id != element_id:
            e = next(k for k in e.kinderen if element_id in k.ids_in)
            pad.append(e)
        return pad

    def positie(self, element_id: str) -> tuple[int, tuple[int, ...]]:
        """Where an element stands in document order, as a sortable pair: the rank of its
        top-level element and the child positions down to it (an ancestor sorts first)."""
        pad = self._pad(element_id)
        plaatsen = (next(i for i, k in enumerate(ouder.kinderen) if k is kind) for ouder, kind in pairwise(pad))
        return (self._rangen()[pad[0].id], tuple(plaatsen))

    def na(self, element_id: str) -> Iterator[Plek]:
        """The places after an element and its descendants, in document order (lazily: a
        caller that stops at the first match walks only that far)."""
        pad = self._pad(element_id)
        for diepte in range(len(pad) - 1, 0, -1):
            ouder, kind = pad[diepte - 1], pad[diepte]
            plaats = next(i for i, k in enumerate(ouder.kinderen) if k is kind)
            for volgende in ouder.kinderen[plaats + 1 :]:
                yield from _plekken_onder(volgende, tuple(pad[:diepte]))
        for k in self._kinderen[self._rangen()[pad[0].id] + 1 :]:
            yield from _plekken_onder(k, ())

    def _rangen(self) -> dict[str, int]:
        if self._rang is None:
            self._rang = {k.id: i for i, k in enumerate(self._kinderen)}
        return self._rang

    def __getitem__(self, element_id: str) -> Plek:
        plek = self.get(element_id)
        if plek is None:
            raise KeyError(element_id)
        return plek

    def get(self, element_id: str, default: Plek | None = None) -> Plek | None:  # type: ignore[override]
        """The place of `element_id`, or `default`: `Mapping.get` without its KeyError (every
        reference printed is looked up here)."""
        top = self._top_van(element_id)
        if top is None:
            return default
        plekken = top.__dict__.get("_plekken")  # walked before: every place is at hand
        if plekken is not None:
            return plekken[element_id]
        *ouders, element = self._pad(element_id, top)
        return Plek(element, tuple(ouders))

    def __contains__(self, element_id: object) -> bool:
        return isinstance(element_id, str) and self._top_van(element_id) is not None

    def __iter__(self) -> Iterator[str]:
        for k in self._kinderen:
            yield from plekken_van(k)

    def __len__(self) -> int:
        return sum(len(k.ids_in) for k in self._kinderen)

    def values(self):  # noqa: ANN201 - an iterator, not a view: every caller iterates once
        return (p for k in self._kinderen for p in plekken_van(k).values())


def _ids_in(element: Element) -> frozenset[str]:
    return element.ids_in


def _artikelnummers_in(element: Element) -> frozenset[str]:
    return element.artikelnummers_in


_REGELINGVELDEN = frozenset(f.name for f in dataclasses.fields(Regeling))


def _plekken_onder(element: Element, ouders: tuple[Element, ...]) -> Iterator[Plek]:
    """The places of an element and its descendants in document order, made as they are asked."""
    yield Plek(element, ouders)
    eigen = (*ouders, element)
    for kind in element.kinderen:
        yield from _plekken_onder(kind, eigen)


def plekken_van(top: Element) -> dict[str, Plek]:
    """The places of a top-level element and its descendants, cached on the (frozen) element."""
    plekken = top.__dict__.get("_plekken")
    if plekken is None:
        plekken = {}
        _indexeer(top, (), plekken)
        top.__dict__["_plekken"] = plekken
    return plekken
