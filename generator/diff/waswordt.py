"""The was-wordt table: one row per changed artikel or lid, old text beside new text.

Reviewers read it next to the renvooi: Plaats | Huidige tekst | Nieuwe tekst | Toelichting, the
toelichting coming from the amendment's operations.
"""

from __future__ import annotations

import dataclasses

from generator.blokken import BIJLAGE, Blok
from generator.diff.versies import BlokVerschil
from generator.diff.woorden import GELIJK, INGEVOEGD, VERWIJDERD, Segment
from generator.model import Plek, Regeling


@dataclasses.dataclass(frozen=True)
class Rij:
    plaats: str  # "artikel 4, tweede lid" (in the new numbering; the old one for vervallen text)
    oud: tuple[Blok, ...]
    nieuw: tuple[Blok, ...]
    toelichting: tuple[str, ...]
    verschillen: tuple[BlokVerschil, ...] = ()  # the blocks of the row with their word changes

    def kant(self, nieuw: bool) -> list[tuple[BlokVerschil, tuple[Segment, ...]]]:
        """Each block of the old (or new) side with the segments that side shows: a change
        keeps its kind (VERWIJDERD in the old, INGEVOEGD in the new text), the other side's
        changes are left out.

        >>> from generator.blokken import ALINEA
        >>> b = Blok(ALINEA, "x", "tekst", 0, "1.", "de raad van Hengelo")
        >>> v = BlokVerschil("gewijzigd", b, b, (Segment(GELIJK, "1."),),
        ...     (Segment(GELIJK, "de raad van "), Segment(VERWIJDERD, "Hengelo"), Segment(INGEVOEGD, "Borne")))
        >>> [(s.soort, s.tekst) for s in Rij("x", (b,), (b,), (), (v,)).kant(nieuw=True)[0][1]]
        [('gelijk', '1.'), ('gelijk', ' '), ('gelijk', 'de raad van '), ('ingevoegd', 'Borne')]
        """
        weg = VERWIJDERD if nieuw else INGEVOEGD
        uit = []
        for v in self.verschillen:
            blok = v.nieuw if nieuw else v.oud
            if blok is None:
                continue
            label = tuple(s for s in v.label if s.soort != weg)
            tekst = tuple(s for s in v.tekst if s.soort != weg)
            tussen = (Segment(GELIJK, " "),) if label and tekst else ()
            uit.append((v, (*label, *tussen, *tekst)))
        return uit


def eenheid(plek: Plek, heel: set[str]) -> Plek:
    """The row an element belongs to: its lid; in an artikel without leden, its onderdeel (a
    changed definition is one row, not the whole list); else the artikel. A whole new or
    vervallen artikel, and one that gained or lost its leden (`heel`), is one row."""
    keten = [*plek.ouders, plek.element]
    artikel = next((e for e in keten if e.soort == "artikel"), None)
    if artikel is not None and artikel.id in heel:
        return _plek_van(plek, artikel.id)
    lid = next((e for e in reversed(keten) if e.soort == "lid"), None)
    if lid is not None:
        return _plek_van(plek, lid.id)
    onderdeel = next((e for e in keten if e.soort == "onderdeel"), None)
    if onderdeel is not None:
        return _plek_van(plek, onderdeel.id)
    return _plek_van(plek, artikel.id) if artikel is not None else plek


def _plek_van(plek: Plek, element_id: str) -> Plek:
    keten = [*plek.ouders, plek.element]
    i = [e.id for e in keten].index(element_id)
    return Plek(keten[i], tuple(keten[:i]))


def rijen(verschillen: list[BlokVerschil], oud: Regeling, nieuw: Regeling, toelichting: dict[str, tuple[str, ...]]) -> list[Rij]:
    """The rows of the was-wordt table, in reading order.

    Blocks that the diff paired by content (an onderdeel that moved from b to c in a replaced
    lid) stand in one row even when their ids belong to different leden; a toelichting is given
    once per artikel, in its first row.
    """
    bijlagen = [v for v in verschillen if v.blok.element_soort == BIJLAGE]
    if bijlagen:
        verschillen = [v for v in verschillen if v.blok.element_soort != BIJLAGE]
    heel = (oud.index.keys() ^ nieuw.index.keys()) | _anders_ingedeeld(oud, nieuw)

    def eenheid_van(regeling: Regeling, blok: Blok) -> Plek:
        return eenheid(regeling.index[blok.element_id], heel)

    # Each changed block's row, by the unit of its old and its new side; paired sides join.
    samen: dict[str, str] = {}

    def wortel(x: str) -> str:
        while samen.get(x, x) != x:
            x = samen[x]
        return x

    plekken: dict[str, Plek] = {}
    volgorde: list[str] = []
    per_verschil: list[tuple[BlokVerschil, str | None, str | None]] = []
    for v in verschillen:
        a = eenheid_van(oud, v.oud) if v.oud is not None else None
        b = eenheid_van(nieuw, v.nieuw) if v.nieuw is not None else None
        # Unchanged blocks stand in a row for context (the whole lid) but make no row themselves.
        per_verschil.append((v, a.element.id if a else None, b.element.id if b else None))
        if v.status == GELIJK:
            continue
        for e in (b, a):
            if e is not None and e.element.id not in plekken:
                plekken[e.element.id] = e
                volgorde.append(e.element.id)
        if a is not None and b is not None and wortel(a.element.id) != wortel(b.element.id):
            samen[wortel(b.element.id)] = wortel(a.element.id)
    groepen: dict[str, list[str]] = {}
    for e in volgorde:
        groepen.setdefault(wortel(e), []).append(e)
    # Each block to its row in one pass (a row per changed lid, each looking through every block
    # of a regeling of 10,000 onderdelen, would be rows times blocks).
    oud_per: dict[str, list[Blok]] = {}
    nieuw_per: dict[str, list[Blok]] = {}
    paren_per: dict[str, list[BlokVerschil]] = {}
    for v, a, b in per_verschil:
        rijen_van_v = {wortel(x) for x in (a, b) if x is not None} & groepen.keys()
        for r in rijen_van_v:
            paren_per.setdefault(r, []).append(v)
        if a is not None and wortel(a) in groepen:
            oud_per.setdefault(wortel(a), []).append(v.oud)  # type: ignore[arg-type]
        if b is not None and wortel(b) in groepen:
            nieuw_per.setdefault(wortel(b), []).append(v.nieuw)  # type: ignore[arg-type]
    uit = []
    gehad: set[tuple[str, str]] = set()  # (artikel id, toelichting): once per artikel
    for wortel_id, leden in groepen.items():
        rij = set(leden)
        oude = tuple(oud_per.get(wortel_id, ()))
        nieuwe = tuple(nieuw_per.get(wortel_id, ()))
        ids = {b.element_id for b in (*oude, *nieuwe)} | rij
        # The row is named after its first unit in the new text (the old one for vervallen text).
        naam = next((plekken[e] for e in leden if e in nieuw.index), plekken[leden[0]])
        artikel = (naam.artikel or naam.element).id
        teksten = tuple(t for t in dict.fromkeys(t for i in sorted(ids) for t in toelichting.get(i, ())) if (artikel, t) not in gehad)
        gehad.update((artikel, t) for t in teksten)
        uit.append(Rij(_plaats(naam, oud, nieuw), oude, nieuwe, teksten, tuple(paren_per.get(wortel_id, ()))))
    return uit + _bijlagerijen(bijlagen, oud, nieuw, toelichting)


def _bijlagerijen(verschillen: list[BlokVerschil], oud: Regeling, nieuw: Regeling, toelichting: dict[str, tuple[str, ...]]) -> list[Rij]:
    """One row per changed bijlage, its whole old text beside its whole new text."""
    uit = []
    for bijlage_id in dict.fromkeys(v.element_id for v in verschillen if v.status != GELIJK):
        eigen = tuple(v for v in verschillen if v.element_id == bijlage_id)
        b = nieuw.bijlage(bijlage_id) or oud.bijlage(bijlage_id)
        plaats = b.verwijzing if b is not None else bijlage_id
        if nieuw.bijlage(bijlage_id) is None:
            plaats += " (vervalt)"
        oude = tuple(v.oud for v in eigen if v.oud is not None)
        nieuwe = tuple(v.nieuw for v in eigen if v.nieuw is not None)
        uit.append(Rij(plaats, oude, nieuwe, toelichting.get(bijlage_id, ()), eigen))
    return uit


def _plaats(naam: Plek, oud: Regeling, nieuw: Regeling) -> str:
    """The Plaats column: the address in the new numbering, "(vervalt)" for text that goes and the
    old address beside a renumbered element, so no two rows carry the same label."""
    element_id = naam.element.id
    if element_id not in nieuw.index:
        return f"{naam.adres} (vervalt)"
    adres = nieuw.index[element_id].adres
    was = oud.index.get(element_id)
    return f"{adres} (was {was.adres})" if was is not None and was.adres != adres else adres


def _anders_ingedeeld(oud: Regeling, nieuw: Regeling) -> set[str]:
    """Artikelen that gained or lost their leden: their old text belongs beside all new leden."""
    uit = set()
    for a in oud.artikelen():
        n = nieuw.index.get(a.id)
        if n is not None and any(k.soort == "lid" for k in a.kinderen) != any(k.soort == "lid" for k in n.element.kinderen):
            uit.add(a.id)
    return uit
