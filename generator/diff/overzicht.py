"""What changed between two versions, element by element, and which amendment did it.

Pure core of `grgen diff` and `grgen geschiedenis` (choosing and loading the versions is the
use case's job: `generator/verschil.py`). The block diff (`versies.vergelijk`) says
*what* changed; replaying the same diff per applied amendment says *who*: every changed block is
attributed to the amendments whose own diff changed it, and to the lettered onderdeel (A, B, ...)
of their ARTIKEL I whose step touched the element (`wijzigen.onderdelen`). A text that only
changed because a referenced element was renumbered is attributed to the onderdeel that
renumbered it (`via_verwijzing`).

Element events, as the renderers name them: nieuw, vervallen, gewijzigd (text or opschrift, with
or without a new number) and vernummerd (only the number changed).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from generator.adressen import parse_adres, verwijzingen, zoek
from generator.blokken import BIJLAGE, Blok, element_blokken
from generator.diff.versies import GEWIJZIGD, BlokVerschil, gewijzigd, gewijzigde_blokken, vergelijk, vergelijk_blokken
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD
from generator.errors import DiffFout, GrgenFout
from generator.model import Element, Regeling, Versie
from generator.model.wijziging import Wijziging
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.onderdelen import onderdeelletters
from generator.wijzigen.tijdlijn import Geschiedenis

NIEUW = "nieuw"
VERVALLEN = "vervallen"
VERNUMMERD = "vernummerd"
GEBEURTENISSEN = (NIEUW, VERVALLEN, GEWIJZIGD, VERNUMMERD)

TOEGETREDEN = "toegetreden"
UITGETREDEN = "uitgetreden"

# The part of an element a block shows, as the summary names it.
_DEEL = {"kop": "opschrift", "tekst": "tekst", "slot": "slottekst"}

Sleutel = tuple[str, str]


# -- model ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Oorzaak:
    """The amendment, and the onderdeel of its ARTIKEL I, that changed an element."""

    wijziging: Wijziging
    onderdeel: str | None  # "C"; None when no lettered onderdeel names it (integraal, or unknown)
    via_verwijzing: bool = False  # only a reference changed, because its target was renumbered

    @property
    def id(self) -> str:
        return self.wijziging.id


@dataclasses.dataclass(frozen=True)
class Aanraking:
    """One amendment's change to one block: its cause and what it did to the block."""

    oorzaak: Oorzaak
    status: str  # INGEVOEGD, VERWIJDERD or GEWIJZIGD in that amendment's own diff


@dataclasses.dataclass(frozen=True)
class ElementWijziging:
    """One line of the summary: an element with its event and causes."""

    element_id: str
    soort: str  # "artikel", "lid", ...
    gebeurtenis: str  # NIEUW, VERVALLEN, GEWIJZIGD or VERNUMMERD
    adres: str  # in version B; for a vervallen element its address in A
    adres_oud: str | None  # in version A; None for a new element
    delen: tuple[str, ...]  # "nummer", "opschrift", "tekst", "slottekst"
    oorzaken: tuple[Oorzaak, ...]


@dataclasses.dataclass(frozen=True)
class DeelnemerWijziging:
    id: str
    naam: str
    gebeurtenis: str  # TOEGETREDEN or UITGETREDEN
    oorzaken: tuple[Oorzaak, ...]


@dataclasses.dataclass(frozen=True)
class Kant:
    """One side of a comparison: a version, and the project (folder) it was read from."""

    versie: Versie
    geschiedenis: Geschiedenis
    map: Path | None = None  # another copy of the data; None for the project itself

    @property
    def positie(self) -> int:
        return next(i for i, v in enumerate(self.geschiedenis.tijdlijn.versies) if v is self.versie)

    @property
    def naam(self) -> str:
        return f"{self.versie.id} (uit {self.map})" if self.map is not None else self.versie.id


@dataclasses.dataclass(frozen=True)
class Eenheid:
    """An artikel (or a hoofdstuk heading) as shown: all its blocks, changed or not."""

    element_id: str
    adres: str
    blokken: tuple[BlokVerschil, ...]


@dataclasses.dataclass(frozen=True)
class Verschil:
    """Everything `grgen diff` shows: summary, causes and the blocks with their changes."""

    a: Kant
    b: Kant
    omgekeerd: bool  # A is the newer version: the diff shows the amendments in between undone
    wijzigingen: tuple[Wijziging, ...]  # the amendments between A and B, in order of application
    elementen: tuple[ElementWijziging, ...]
    deelnemers: tuple[DeelnemerWijziging, ...]
    citeertitel: tuple[str, str, tuple[Oorzaak, ...]] | None
    eenheden: tuple[Eenheid, ...]
    aanrakingen: dict[Sleutel, tuple[Aanraking, ...]]
    artikel: str | None = None

    @property
    def gelijk(self) -> bool:
        return not (self.elementen or self.deelnemers or self.citeertitel)

    @property
    def betrokken(self) -> frozenset[str]:
        """Ids of the amendments that caused at least one of the changes shown."""
        oorzaken = [o for e in self.elementen for o in e.oorzaken] + [o for d in self.deelnemers for o in d.oorzaken]
        oorzaken += list(self.citeertitel[2]) if self.citeertitel else []
        return frozenset(o.id for o in oorzaken)

    def telling(self) -> dict[str, int]:
        """Number of elements per event, in the fixed order nieuw, vervallen, gewijzigd, vernummerd."""
        return {g: sum(1 for e in self.elementen if e.gebeurtenis == g) for g in GEBEURTENISSEN}

    def revisie_oorzaak(self, v: BlokVerschil) -> Oorzaak | None:
        """The amendment a changed block's revisions are attributed to.

        A new block: the amendment that inserted it (a later renumbering does not make it the
        author); otherwise the amendment that last touched it.
        """
        aanrakingen = self.aanrakingen.get(v.blok.sleutel, ())
        if not aanrakingen:
            return None
        if v.status == INGEVOEGD and not self.omgekeerd:
            return next((a.oorzaak for a in aanrakingen if a.status == INGEVOEGD), aanrakingen[0].oorzaak)
        return aanrakingen[-1].oorzaak


# -- attribution -----------------------------------------------------------------------------------


def _oorzaak(toepassing: Toepassing, element_id: str, letters: dict[str, str]) -> Oorzaak:
    """The onderdeel that changed an element: its own step, else the step that renumbered an
    element its text refers to, else the step that touched one of its ancestors."""
    w = toepassing.wijziging
    if element_id in letters:
        return Oorzaak(w, letters[element_id])
    for regeling in (toepassing.na.regeling, toepassing.voor.regeling):
        plek = regeling.index.get(element_id)
        if plek is None:
            continue
        for doel in (d for tekst in plek.element.teksten() for d in verwijzingen(tekst)):
            for kandidaat in _met_ouders(regeling, doel):
                if kandidaat in letters:
                    return Oorzaak(w, letters[kandidaat], via_verwijzing=True)
        for ouder in reversed(plek.ouders):
            if ouder.id in letters:
                return Oorzaak(w, letters[ouder.id])
    return Oorzaak(w, None)


def _met_ouders(regeling: Regeling, element_id: str) -> list[str]:
    plek = regeling.index.get(element_id)
    return [element_id] if plek is None else [element_id, *(o.id for o in reversed(plek.ouders))]


def aanrakingen(toepassingen: Iterable[Toepassing]) -> dict[Sleutel, tuple[Aanraking, ...]]:
    """Block key -> every amendment (in order) whose own diff changed that block."""
    uit: dict[Sleutel, list[Aanraking]] = {}
    zonder: list[Regeling] = []  # versions whose index this made: dropped when done with them
    for t in toepassingen:
        voor, na = t.voor.regeling, t.na.regeling
        zonder += [r for r in (voor, na) if "index" not in r.__dict__]
        letters = onderdeelletters(t)
        for v in gewijzigde_blokken(voor, na):
            uit.setdefault(v.blok.sleutel, []).append(Aanraking(_oorzaak(t, v.element_id, letters), v.status))
        # A superseded version keeps no index (`bouw_geschiedenis`): not one per amendment here
        # either; the version after this amendment is the one before the next.
        for r in [r for r in zonder if r is not na]:
            r.zonder_index()
        zonder = [r for r in zonder if r is na]
    for r in zonder:
        r.zonder_index()
    return {k: tuple(v) for k, v in uit.items()}


def _uniek(oorzaken: Iterable[Oorzaak]) -> tuple[Oorzaak, ...]:
    return tuple(dict.fromkeys(oorzaken))


# -- the comparison ----------------------------------------------------------------------------


def tussenliggend(a: Kant, b: Kant) -> tuple[tuple[Toepassing, ...], bool]:
    """The applied amendments between two versions, and whether A is the newer one.

    Versions from different copies of the data share no applications: nothing is attributed.
    """
    if a.geschiedenis is not b.geschiedenis:
        return (), a.versie.info.inwerkingtreding > b.versie.info.inwerkingtreding
    i, j = a.positie, b.positie
    return a.geschiedenis.toepassingen[min(i, j) : max(i, j)], i > j


def vergelijk_versies(a: Kant, b: Kant, artikel: str | None = None, volledig: bool = False) -> Verschil:
    """The difference from version A to version B, with a cause for every change.

    `artikel` (a number, e.g. "5") limits everything to that artikel; `volledig` shows every
    block of the regeling instead of only the artikelen that changed.
    """
    oud, nieuw = a.versie.regeling, b.versie.regeling
    toepassingen, omgekeerd = tussenliggend(a, b)
    geraakt = aanrakingen(toepassingen)
    artikel_id = _artikel_id(artikel, a, b) if artikel is not None else None

    def hoort_erbij(v: BlokVerschil) -> bool:
        return artikel_id is None or _eenheid_id(v.blok, oud, nieuw) == artikel_id

    verschillen = [v for v in vergelijk(oud, nieuw) if hoort_erbij(v)]
    elementen = _elementen(verschillen, oud, nieuw, geraakt)
    return Verschil(
        a=a,
        b=b,
        omgekeerd=omgekeerd,
        wijzigingen=tuple(t.wijziging for t in toepassingen),
        elementen=elementen,
        deelnemers=() if artikel_id else _deelnemers(oud, nieuw, toepassingen),
        citeertitel=None if artikel_id else _citeertitel(oud, nieuw, toepassingen),
        eenheden=_eenheden(verschillen, oud, nieuw, volledig or artikel_id is not None),
        aanrakingen=geraakt,
        artikel=artikel,
    )


def _artikel_id(nummer: str, a: Kant, b: Kant) -> str:
    for regeling in (b.versie.regeling, a.versie.regeling):
        gevonden = next((e.id for e in regeling.artikelen() if e.nummer.lower() == nummer.lower()), None)
        if gevonden is not None:
            return gevonden
    nummers = [e.nummer for e in b.versie.regeling.artikelen()]
    raise DiffFout(
        f"artikel {nummer} bestaat niet in versie {a.versie.id} of {b.versie.id}; "
        f"versie {b.versie.id} heeft de artikelen {nummers[0]} tot en met {nummers[-1]}"
    )


def _plek(element_id: str, oud: Regeling, nieuw: Regeling):  # noqa: ANN202
    return nieuw.index.get(element_id) or oud.index[element_id]


def _bijlage_adres(element_id: str, oud: Regeling, nieuw: Regeling) -> str | None:
    """ "bijlage 1" when `element_id` is a bijlage of either version (no element of the tree)."""
    b = nieuw.bijlage(element_id) if element_id not in nieuw.index else None
    b = b or (oud.bijlage(element_id) if element_id not in oud.index else None)
    return b.verwijzing if b is not None else None


def _eenheid_id(blok: Blok, oud: Regeling, nieuw: Regeling) -> str:
    """The artikel a block belongs to; a hoofdstuk or paragraaf heading, or a bijlage, stands on its own."""
    if blok.element_soort == BIJLAGE:
        return blok.element_id
    plek = _plek(blok.element_id, oud, nieuw)
    return plek.artikel.id if plek.artikel is not None else plek.element.id


def _eenheden(verschillen: list[BlokVerschil], oud: Regeling, nieuw: Regeling, alles: bool) -> tuple[Eenheid, ...]:
    groepen: dict[str, list[BlokVerschil]] = {}
    for v in verschillen:
        groepen.setdefault(_eenheid_id(v.blok, oud, nieuw), []).append(v)
    return tuple(
        Eenheid(eenheid_id, _bijlage_adres(eenheid_id, oud, nieuw) or _plek(eenheid_id, oud, nieuw).adres, tuple(vs))
        for eenheid_id, vs in groepen.items()
        if alles or any(v.status != GELIJK for v in vs)
    )


def _delen(verschillen: list[BlokVerschil]) -> tuple[str, ...]:
    delen: list[str] = []
    for v in verschillen:
        if v.status == GEWIJZIGD and v.vernummerd:
            delen.append("nummer")
        if v.status != GEWIJZIGD or any(s.soort != GELIJK for s in v.tekst):
            delen.append(_DEEL[v.blok.deel])
    return tuple(dict.fromkeys(delen))


def _elementen(
    verschillen: list[BlokVerschil], oud: Regeling, nieuw: Regeling, geraakt: dict[Sleutel, tuple[Aanraking, ...]]
) -> tuple[ElementWijziging, ...]:
    per_element: dict[str, list[BlokVerschil]] = {}
    for v in gewijzigd(verschillen):
        per_element.setdefault(v.element_id, []).append(v)
    oorzaken_van: dict[str, list[Oorzaak]] = {}
    for v in gewijzigd(verschillen):
        oorzaken_van.setdefault(v.element_id, []).extend(a.oorzaak for a in geraakt.get(v.blok.sleutel, ()))
    uit: list[ElementWijziging] = []
    for element_id, vs in per_element.items():
        if vs[0].blok.element_soort == BIJLAGE:
            uit.append(_bijlagewijziging(element_id, vs, oud, nieuw, oorzaken_van))
            continue
        plek_oud, plek_nieuw = oud.index.get(element_id), nieuw.index.get(element_id)
        if plek_oud is None:
            ouder = plek_nieuw.ouder
            if ouder is not None and ouder.id not in oud.index:
                continue  # shown with its new parent
            gebeurtenis, delen = NIEUW, ()
            oorzaken = _onder(element_id, nieuw, oorzaken_van)
        elif plek_nieuw is None:
            ouder = plek_oud.ouder
            if ouder is not None and ouder.id not in nieuw.index:
                continue  # shown with its vervallen parent
            gebeurtenis, delen = VERVALLEN, ()
            oorzaken = _onder(element_id, oud, oorzaken_van)
        else:
            delen = _delen(vs)
            gebeurtenis = VERNUMMERD if delen == ("nummer",) else GEWIJZIGD
            oorzaken = _uniek(oorzaken_van.get(element_id, ()))
        plek = plek_nieuw or plek_oud
        uit.append(
            ElementWijziging(
                element_id,
                plek.element.soort,
                gebeurtenis,
                plek.adres,
                plek_oud.adres if plek_oud is not None else None,
                delen,
                oorzaken,
            )
        )
    return tuple(uit)


def _bijlagewijziging(
    element_id: str, vs: list[BlokVerschil], oud: Regeling, nieuw: Regeling, oorzaken_van: dict[str, list[Oorzaak]]
) -> ElementWijziging:
    """A bijlage replaced, removed or added: one entry under its own name ("bijlage 1")."""
    b_oud, b_nieuw = oud.bijlage(element_id), nieuw.bijlage(element_id)
    gebeurtenis = NIEUW if b_oud is None else VERVALLEN if b_nieuw is None else GEWIJZIGD
    adres = (b_nieuw or b_oud).verwijzing  # type: ignore[union-attr]
    delen = _delen(vs) if gebeurtenis == GEWIJZIGD else ()
    return ElementWijziging(
        element_id, BIJLAGE, gebeurtenis, adres, b_oud.verwijzing if b_oud else None, delen, _uniek(oorzaken_van.get(element_id, ()))
    )


def _onder(element_id: str, regeling: Regeling, oorzaken_van: dict[str, list[Oorzaak]]) -> tuple[Oorzaak, ...]:
    """The causes of an element and everything under it (a new artikel with its leden)."""
    ids: list[str] = []
    _ids_onder(regeling.index[element_id].element, ids)  # ids are unique: its descendants
    return _uniek(o for i in ids for o in oorzaken_van.get(i, ()))


def _ids_onder(element: Element, uit: list[str]) -> None:
    """The ids of an element and its descendants, in document order."""
    uit.append(element.id)
    for kind in element.kinderen:
        _ids_onder(kind, uit)


def _metadata_oorzaken(toepassingen: Iterable[Toepassing], sleutel: str) -> tuple[Oorzaak, ...]:
    return _uniek(
        Oorzaak(t.wijziging, onderdeelletters(t).get(sleutel) if sleutel == "citeertitel" else None)
        for t in toepassingen
        for s in t.stappen
        if sleutel in s.raakt
    )


def _deelnemers(oud: Regeling, nieuw: Regeling, toepassingen: tuple[Toepassing, ...]) -> tuple[DeelnemerWijziging, ...]:
    actief_oud = {d.id: d for d in oud.deelnemers if d.tot is None}
    actief_nieuw = {d.id: d for d in nieuw.deelnemers if d.tot is None}
    uit = [
        DeelnemerWijziging(d.id, d.naam, TOEGETREDEN, _metadata_oorzaken(toepassingen, f"deelnemer:{d.id}"))
        for d in actief_nieuw.values()
        if d.id not in actief_oud
    ]
    uit += [
        DeelnemerWijziging(d.id, d.naam, UITGETREDEN, _metadata_oorzaken(toepassingen, f"deelnemer:{d.id}"))
        for d in actief_oud.values()
        if d.id not in actief_nieuw
    ]
    return tuple(uit)


def _citeertitel(oud: Regeling, nieuw: Regeling, toepassingen: tuple[Toepassing, ...]) -> tuple[str, str, tuple[Oorzaak, ...]] | None:
    if oud.citeertitel == nieuw.citeertitel:
        return None
    return (oud.citeertitel, nieuw.citeertitel, _metadata_oorzaken(toepassingen, "citeertitel"))


# -- the history of one element ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Moment:
    """A version in which an element came into being or changed."""

    versie: Versie
    gebeurtenis: str
    adres: str  # in this version; for a vervallen element its last address
    adres_oud: str | None  # in the previous version
    oorzaken: tuple[Oorzaak, ...]  # empty for the base version
    verschillen: tuple[BlokVerschil, ...]  # from the previous version to this one


@dataclasses.dataclass(frozen=True)
class ElementGeschiedenis:
    element_id: str
    soort: str
    adres: str  # in the last version that has the element
    momenten: tuple[Moment, ...]
    laatste_versie: str  # the latest version of the regeling

    @property
    def ongewijzigd(self) -> bool:
        """Only the moment it came into being: the text is still as it was."""
        return len(self.momenten) == 1 and self.momenten[0].gebeurtenis == NIEUW


def zoek_element(geschiedenis: Geschiedenis, versie: Versie, adres: str | None, element_id: str | None) -> str:
    """The id of the element an address names in `versie`, or the id given."""
    if element_id is not None:
        if not any(element_id in v.regeling.index for v in geschiedenis.tijdlijn.versies):
            raise GrgenFout(f"onbekende id '{element_id}': geen enkele versie heeft een element met deze id; zie 'grgen toon --ids'")
        return element_id
    stappen = parse_adres(adres or "")
    if stappen is None:
        raise GrgenFout(
            f'\'{adres}\' is geen adres; schrijf het zoals in een verwijzing, bijv. "artikel 5, tweede lid" of "artikel 1, onderdeel e"'
        )
    plek = zoek(versie.regeling, stappen)
    if plek is None:
        eerder = [v.id for v in geschiedenis.tijdlijn.versies if zoek(v.regeling, stappen) is not None]
        hint = f"het bestaat wel in versie {', '.join(eerder)}; gebruik --versie" if eerder else "zie 'grgen toon'"
        raise GrgenFout(f"{adres} bestaat niet in versie {versie.id}; {hint}")
    return plek.element.id


def element_geschiedenis(geschiedenis: Geschiedenis, element_id: str) -> ElementGeschiedenis:
    """Every version in which the element (with everything under it) came, changed or went."""
    versies = geschiedenis.tijdlijn.versies
    momenten: list[Moment] = []
    vorige: Versie | None = None
    for k, versie in enumerate(versies):
        toepassing = geschiedenis.toepassingen[k - 1] if k > 0 else None
        moment = _moment(vorige, versie, toepassing, element_id)
        if moment is not None:
            momenten.append(moment)
            if moment.gebeurtenis == VERVALLEN:
                break  # ids are never reused
        vorige = versie
    laatste = next(v for v in reversed(versies) if element_id in v.regeling.index)
    plek = laatste.regeling.index[element_id]
    return ElementGeschiedenis(element_id, plek.element.soort, plek.adres, tuple(momenten), versies[-1].id)


def _moment(vorige: Versie | None, versie: Versie, toepassing: Toepassing | None, element_id: str) -> Moment | None:
    was = vorige.regeling.index.get(element_id) if vorige is not None else None
    is_ = versie.regeling.index.get(element_id)
    if was is None and is_ is None:
        return None
    oud = element_blokken(vorige.regeling, element_id) if was is not None else []
    nieuw = element_blokken(versie.regeling, element_id) if is_ is not None else []
    verschillen = tuple(vergelijk_blokken(oud, nieuw))
    veranderd = [v for v in verschillen if v.status != GELIJK]
    if was is None:
        gebeurtenis = NIEUW
    elif is_ is None:
        gebeurtenis = VERVALLEN
    elif not veranderd:
        if was.adres == is_.adres:
            return None
        gebeurtenis = VERNUMMERD  # an ancestor was renumbered
    elif all(v.status == GEWIJZIGD and all(s.soort == GELIJK for s in v.tekst) for v in veranderd):
        gebeurtenis = VERNUMMERD
    else:
        gebeurtenis = GEWIJZIGD
    oorzaken: tuple[Oorzaak, ...] = ()
    if toepassing is not None:
        geraakt = aanrakingen([toepassing])
        oorzaken = _uniek(a.oorzaak for v in veranderd for a in geraakt.get(v.blok.sleutel, ()))
        if not oorzaken:
            oorzaken = (_oorzaak(toepassing, element_id, onderdeelletters(toepassing)),)
    return Moment(
        versie,
        gebeurtenis,
        (is_ or was).adres,
        was.adres if was is not None else None,
        oorzaken,
        verschillen,
    )


__all__ = [
    "GEBEURTENISSEN",
    "GEWIJZIGD",
    "INGEVOEGD",
    "NIEUW",
    "VERNUMMERD",
    "VERVALLEN",
    "VERWIJDERD",
    "Aanraking",
    "DeelnemerWijziging",
    "Eenheid",
    "ElementGeschiedenis",
    "ElementWijziging",
    "Kant",
    "Moment",
    "Oorzaak",
    "Verschil",
    "aanrakingen",
    "element_geschiedenis",
    "vergelijk_versies",
    "zoek_element",
]
