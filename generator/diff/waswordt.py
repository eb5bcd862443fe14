"""The was-wordt table: one row per changed artikel or lid, old text beside new text.

Reviewers read it next to the renvooi: Plaats | Huidige tekst | Nieuwe tekst | Toelichting, the
toelichting coming from the amendment's operations.
"""

from __future__ import annotations

import dataclasses

from generator.blokken import Blok
from generator.diff.versies import BlokVerschil
from generator.diff.woorden import GELIJK
from generator.model import Plek, Regeling


@dataclasses.dataclass(frozen=True)
class Rij:
    plaats: str  # "artikel 4, tweede lid" (in the new numbering; the old one for vervallen text)
    oud: tuple[Blok, ...]
    nieuw: tuple[Blok, ...]
    toelichting: tuple[str, ...]


def eenheid(plek: Plek, nieuw_of_vervallen: set[str]) -> Plek:
    """The row an element belongs to: its lid; in an artikel without leden, its onderdeel (a
    changed definition is one row, not the whole list); else the artikel. A whole new or
    vervallen artikel is one row."""
    keten = [*plek.ouders, plek.element]
    artikel = next((e for e in keten if e.soort == "artikel"), None)
    if artikel is not None and artikel.id in nieuw_of_vervallen:
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
    """The rows of the was-wordt table, in reading order."""
    nieuw_of_vervallen = oud.index.keys() ^ nieuw.index.keys()

    def eenheid_van(blok: Blok) -> Plek:
        regeling = nieuw if blok.element_id in nieuw.index else oud
        return eenheid(regeling.index[blok.element_id], nieuw_of_vervallen)

    volgorde: list[str] = []
    plekken: dict[str, Plek] = {}
    for v in verschillen:
        if v.status == GELIJK:
            continue
        e = eenheid_van(v.blok)
        if e.element.id not in plekken:
            volgorde.append(e.element.id)
            plekken[e.element.id] = e
    # Each block to its row in one pass (a row per changed lid, each looking through every block
    # of a regeling of 10,000 onderdelen, would be rows times blocks).
    oud_per: dict[str, list[Blok]] = {}
    nieuw_per: dict[str, list[Blok]] = {}
    for v in verschillen:
        for blok, per in ((v.oud, oud_per), (v.nieuw, nieuw_per)):
            if blok is not None:
                per.setdefault(eenheid_van(blok).element.id, []).append(blok)
    uit = []
    for eenheid_id in volgorde:
        oude = tuple(oud_per.get(eenheid_id, ()))
        nieuwe = tuple(nieuw_per.get(eenheid_id, ()))
        ids = {b.element_id for b in (*oude, *nieuwe)} | {eenheid_id}
        teksten = tuple(dict.fromkeys(t for i in sorted(ids) for t in toelichting.get(i, ())))
        uit.append(Rij(plekken[eenheid_id].adres, oude, nieuwe, teksten))
    return uit
