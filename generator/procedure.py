"""Which documents the procedure of an amendment asks for, per deelnemer and per organ (Wgr art. 1).

Pure: from the deelnemers and their organs, never from wording. Per deelnemer:

- an organ that needs toestemming (a college, a burgemeester, a dagelijks bestuur) has the organ
  that consents (raad, algemeen bestuur) receive the ontwerp for a zienswijze (Wgr art. 1, tweede
  en derde lid; only in the stages ontwerp and zienswijze), a proposal and a besluit that consents
  (vierde lid); then the organ takes its own besluit;
- where the raad (provinciale staten, algemeen bestuur) takes part itself, the regeling is made
  "mede ... door de raden": no zienswijze, no toestemming; the raad gets a proposal and a besluit
  that adopts the amendment, and every other organ of that deelnemer its own besluit.

The GR's own organs (algemeen bestuur, dagelijks bestuur of an openbaar lichaam) get a document
where the regeling gives them a role in this kind of amendment (`Regeling.rollen`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.model import Deelnemer, Regeling
from generator.model.organen import Orgaan
from generator.model.regeling import Rol

ZIENSWIJZE_STADIA = ("ontwerp", "zienswijze")


@dataclasses.dataclass(frozen=True)
class Stuk:
    """One document for one organ of one deelnemer."""

    soort: str  # "zienswijzebrief", "voorstel" or "besluit"
    orgaan: Orgaan  # the organ it is addressed to, or whose besluit it is
    rol: str  # "zienswijze", "toestemming", "vaststelling" (the raad adopts) or "besluit" (an organ decides)
    bestand: str  # file name without extension


def stukken(deelnemer: Deelnemer, stadium: str) -> list[Stuk]:
    """The documents of one deelnemer, in the order of the procedure.

    >>> d = Deelnemer("a", "Aastad", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1))
    >>> [(s.bestand, s.rol) for s in stukken(d, "ontwerp")]
    [('zienswijzebrief', 'zienswijze'), ('raadsvoorstel', 'toestemming'), ('raadsbesluit', 'toestemming'), ('collegebesluit', 'besluit')]
    >>> d = Deelnemer("a", "Aastad", "gemeente", "raad", None, dt.date(2020, 1, 1), organen=("raad", "burgemeester"))
    >>> [(s.bestand, s.rol) for s in stukken(d, "ontwerp")]
    [('raadsvoorstel', 'vaststelling'), ('raadsbesluit', 'vaststelling'), ('besluit-burgemeester', 'besluit')]
    """
    uit: list[Stuk] = []
    toestemming = deelnemer.toestemmingsrij
    if toestemming is not None:
        if stadium in ZIENSWIJZE_STADIA:
            uit.append(Stuk("zienswijzebrief", toestemming, "zienswijze", "zienswijzebrief"))
        uit.append(Stuk("voorstel", toestemming, "toestemming", toestemming.voorstel))
        uit.append(Stuk("besluit", toestemming, "toestemming", toestemming.besluit))
    for orgaan in deelnemer.orgaanrijen:
        if orgaan.voorstel:  # the raad (staten, algemeen bestuur) takes part itself and adopts
            uit.append(Stuk("voorstel", orgaan, "vaststelling", orgaan.voorstel))
            uit.append(Stuk("besluit", orgaan, "vaststelling", orgaan.besluit))
        else:
            uit.append(Stuk("besluit", orgaan, "besluit", orgaan.besluit))
    return uit


def betrokken(regeling: Regeling, inwerkingtreding: dt.date, datum_besluit: dt.date, uittreders: set[str]) -> tuple[Deelnemer, ...]:
    """The deelnemers that decide on an amendment: those taking part when it takes effect, and those
    leaving by it; never a gemeente that ceased to exist (herindeling) on or before the besluit.

    >>> a = Deelnemer("a", "A", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1),
    ...               tot=dt.date(2027, 1, 1), opgegaan_in="n")
    >>> n = Deelnemer("n", "N", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2027, 1, 1))
    >>> r = Regeling("r", "R", "R", "openbaar lichaam", "", None, "n", (a, n), "", (), "", ())
    >>> [d.id for d in betrokken(r, dt.date(2027, 6, 1), dt.date(2027, 5, 1), set())]
    ['n']
    >>> [d.id for d in betrokken(r, dt.date(2027, 6, 1), dt.date(2026, 11, 1), set())]  # decided before the merger
    ['a']
    """
    # A gemeente formed by a herindeling after the besluit does not exist yet when it is taken.
    ontstaan = {d.opgegaan_in for d in regeling.deelnemers if d.opgegaan_in}
    return tuple(
        d
        for d in regeling.deelnemers
        if (d.neemt_deel_op(inwerkingtreding) or d.id in uittreders or _opgeheven_later(d, inwerkingtreding, datum_besluit))
        and not (d.opgegaan_in and d.tot is not None and d.tot <= datum_besluit)
        and not (d.id in ontstaan and d.sinds > datum_besluit)
    )


def _opgeheven_later(d: Deelnemer, inwerkingtreding: dt.date, datum_besluit: dt.date) -> bool:
    # A gemeente merged away after the besluit but before the amendment takes effect (with
    # terugwerkende kracht, or an early besluit) still decides.
    return bool(d.opgegaan_in and d.tot is not None and datum_besluit < d.tot and d.sinds <= datum_besluit)


def rollen_bij(regeling: Regeling, gebeurtenissen: set[str]) -> list[Rol]:
    """The roles of the GR's own organs this amendment calls on: "wijziging", "toetreding",
    "uittreding", "herindeling".

    >>> r = Regeling("r", "R", "R", "openbaar lichaam", "", None, "n", (), "", (), "", (),
    ...              rollen=(Rol("algemeen bestuur", ("uittreding",), "voorwaarden", None),))
    >>> [x.taak for x in rollen_bij(r, {"uittreding"})], rollen_bij(r, {"wijziging"})
    (['voorwaarden'], [])
    """
    return [r for r in regeling.rollen if gebeurtenissen & set(r.bij)]
