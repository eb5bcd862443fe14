"""A regeling, its deelnemers, its versions and the timeline of versions.

A `Versie` is one expression of the regeling: its text and metadata as in force from a date, in
the shape CVDR keeps. A `Tijdlijn` is the base version followed by every amended version; it
answers "what was in force on this date?" (`versie_op`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from functools import cached_property

from generator.errors import GEEN_BRON, Bron
from generator.model.elementen import Element


def _indexeer(element: Element, ouders: tuple[Element, ...], uit: dict[str, Plek]) -> None:
    uit[element.id] = Plek(element, ouders)
    if element.kinderen:
        eigen = (*ouders, element)  # one tuple shared by all children
        for kind in element.kinderen:
            _indexeer(kind, eigen, uit)


# The Dutch article of each kind of deelnemer.
LIDWOORDEN = {"gemeente": "de", "openbaar lichaam": "het"}


@dataclasses.dataclass(frozen=True)
class Deelnemer:
    """A party to the regeling: a gemeente or an openbaar lichaam, with its organs.

    >>> d = Deelnemer("swb", "SWB Midden Twente", "openbaar lichaam", "dagelijks bestuur",
    ...               "algemeen bestuur", dt.date(2017, 1, 1))
    >>> d.lichaam, d.is_gemeente
    ('openbaar lichaam SWB Midden Twente', False)
    """

    id: str
    naam: str
    soort: str  # "gemeente" or "openbaar lichaam"
    bestuursorgaan: str  # the party: "college van burgemeester en wethouders" / "dagelijks bestuur"
    toestemmingsorgaan: str  # gives toestemming (Wgr art. 1, vierde lid): "raad" / "algemeen bestuur"
    sinds: dt.date
    tot: dt.date | None = None
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)

    @property
    def lichaam(self) -> str:
        return f"{self.soort} {self.naam}"

    @property
    def het_lichaam(self) -> str:
        """With its article: "de gemeente Borne", "het openbaar lichaam SWB Midden Twente"."""
        return f"{LIDWOORDEN.get(self.soort, 'de')} {self.lichaam}"

    @property
    def is_gemeente(self) -> bool:
        return self.soort == "gemeente"

    def neemt_deel_op(self, datum: dt.date) -> bool:
        return self.sinds <= datum and (self.tot is None or datum < self.tot)


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
        if start is None:  # hoofdstuk or paragraaf
            return ", ".join(e.verwijzing for e in keten)
        return ", ".join(e.verwijzing for e in keten[start:])


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
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)

    def met(self, **wijzigingen: object) -> Regeling:
        """A copy with some fields changed; the index carries over when the text did not change."""
        nieuw = dataclasses.replace(self, **wijzigingen)
        if "kinderen" not in wijzigingen and "index" in self.__dict__:
            nieuw.__dict__["index"] = self.__dict__["index"]
        return nieuw

    def met_hoofdelement(self, oud_id: str, nieuw: Element) -> Regeling:
        """A copy in which one top-level element (a hoofdstuk) is replaced.

        The index is derived from this version's: only the replaced subtree is walked again,
        so applying an operation costs the size of one hoofdstuk, not of the whole regeling.
        """
        uit = dataclasses.replace(self, kinderen=tuple(nieuw if k.id == oud_id else k for k in self.kinderen))
        if "index" in self.__dict__:
            oud = self.__dict__["index"]
            deel: dict[str, Plek] = {}
            _indexeer(nieuw, (), deel)
            oude_ids: dict[str, Plek] = {}
            _indexeer(oud[oud_id].element, (), oude_ids)
            if deel.keys() <= oude_ids.keys():
                # No new ids (words changed, text rewritten or deleted): same order, so a copy
                # with the subtree's entries updated is the new index.
                index = oud.copy()
                for weg in oude_ids.keys() - deel.keys():
                    del index[weg]
                index.update(deel)
            else:  # an insertion: rebuild the order around the subtree
                sleutels = list(oud)
                begin = sleutels.index(oud_id)
                items = list(oud.items())
                index = dict(items[:begin]) | deel | dict(items[begin + len(oude_ids) :])
            uit.__dict__["index"] = index
        return uit

    @cached_property
    def index(self) -> dict[str, Plek]:
        """Every element by id, in document order."""
        uit: dict[str, Plek] = {}
        for kind in self.kinderen:
            _indexeer(kind, (), uit)
        return uit

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
