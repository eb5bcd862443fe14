"""The timeline: the base version followed by every amendment, applied in order.

Amendments are applied in order of the date they take effect (then besluit date, then id). Each
names its `basis`. When that is the version just before it, all is simple. When it is an earlier
version (two amendments prepared in parallel on the same base, as with the 2025 Hengelo
amendments), it is applied on top of the other only if the two touch no common element;
otherwise the two files are reported as a conflict, naming the element.
"""

from __future__ import annotations

import dataclasses

from generator.errors import Melding, WijzigingFout
from generator.model import Regeling, Tijdlijn, Versie, VersieInfo
from generator.model.wijziging import Wijziging
from generator.suggesties import suggestie
from generator.wijzigen.motor import Toepassing, pas_toe


@dataclasses.dataclass(frozen=True)
class Geschiedenis:
    """A timeline together with the applications that produced each amended version."""

    tijdlijn: Tijdlijn
    toepassingen: tuple[Toepassing, ...]

    def toepassing(self, wijziging_id: str) -> Toepassing | None:
        return next((t for t in self.toepassingen if t.wijziging.id == wijziging_id), None)


def volgorde(wijzigingen: tuple[Wijziging, ...]) -> list[Wijziging]:
    """Order of application: date of effect, then date of the besluit, then id."""
    return sorted(wijzigingen, key=lambda w: (w.terugwerkende_kracht or w.inwerkingtreding, w.datum_besluit, w.id))


def bouw_geschiedenis(regeling: Regeling, basisinfo: VersieInfo, wijzigingen: tuple[Wijziging, ...]) -> Geschiedenis:
    """Replay every amendment from the base version.

    >>> # see tests/test_tijdlijn.py
    """
    versies = [Versie(basisinfo, regeling)]
    toepassingen: list[Toepassing] = []
    ooit_ids = set().union(*(k.ids_in for k in regeling.kinderen))
    ooit_nummers = {a.nummer for a in regeling.artikelen()}
    bekend = {basisinfo.id: 0}  # version id -> position in versies
    for w in volgorde(wijzigingen):
        if w.basis not in bekend:
            raise WijzigingFout(f"Wijziging {w.id} kan niet worden toegepast", [_basis_fout(w, versies, wijzigingen)])
        basisindex = bekend[w.basis]
        # The sets are only read by pas_toe (no copy of every id for every amendment).
        toepassing = pas_toe(versies[-1], w, versies[basisindex], ooit_ids, ooit_nummers)  # type: ignore[arg-type]
        conflicten = [
            _conflict(w, ander, gedeeld, versies[basisindex])
            for ander in toepassingen[basisindex:]
            if (gedeeld := toepassing.raakt & ander.raakt)
        ]
        if conflicten:
            raise WijzigingFout(f"Wijziging {w.id} botst met een andere wijziging", conflicten)
        onbekend = _onbekende_deelnemers(w, toepassing)
        if onbekend:
            raise WijzigingFout(f"Wijziging {w.id} bevat gegevens voor onbekende deelnemers", onbekend)
        versies[-1].regeling.zonder_index()  # superseded: rebuilt on demand (toon, diff, bouw)
        bekend[toepassing.na.id] = len(versies)
        versies.append(toepassing.na)
        toepassingen.append(toepassing)
        ooit_ids |= toepassing.raakt  # every id an amendment adds is among those its steps touch
        ooit_nummers |= toepassing.nieuwe_artikelnummers
    return Geschiedenis(Tijdlijn(tuple(versies)), tuple(toepassingen))


def _onbekende_deelnemers(w: Wijziging, toepassing: Toepassing) -> list[Melding]:
    """Letter data under `deelnemers:` must belong to a deelnemer before or after the amendment."""
    bekend = {d.id for d in toepassing.voor.regeling.deelnemers} | {d.id for d in toepassing.na.regeling.deelnemers}
    uit = []
    for deelnemer_id in w.deelnemers:
        if deelnemer_id not in bekend:
            naast = suggestie(deelnemer_id, sorted(bekend))
            hint = f"bedoelde u '{naast}'?" if naast else f"toegestaan: {', '.join(sorted(bekend))}"
            bron = w.bronnen.get(f"deelnemers.{deelnemer_id}", w.bron)
            uit.append(Melding(f"'{deelnemer_id}' onder 'deelnemers' is geen deelnemer", bron, f"wijziging {w.id}", hint))
    return uit


def _basis_fout(w: Wijziging, versies: list[Versie], alle: tuple[Wijziging, ...]) -> Melding:
    later = next((x for x in alle if x.id == w.basis), None)
    if later is not None:
        tekst = (
            f"basis '{w.basis}' treedt pas later in werking ({later.inwerkingtreding:%d-%m-%Y}) dan deze wijziging "
            f"({w.inwerkingtreding:%d-%m-%Y})"
        )
        hint = "een wijziging bouwt voort op een versie die eerder in werking treedt; controleer de data of de basis"
    elif w.basis == w.id:
        tekst, hint = "een wijziging kan niet op zichzelf voortbouwen", None
    else:
        tekst = f"basis '{w.basis}' is geen bekende versie"
        hint = f"toegestaan: {', '.join(v.id for v in versies)}"
    return Melding(tekst, w.basis_bron, f"wijziging {w.id}", hint)


def _conflict(w: Wijziging, ander: Toepassing, gedeeld: frozenset[str], basis: Versie) -> Melding:
    namen = []
    for element_id in sorted(gedeeld):
        if element_id.startswith("deelnemer:"):
            namen.append(f"deelnemer {element_id.split(':', 1)[1]}")
        elif element_id == "citeertitel":
            namen.append("de citeertitel")
        elif element_id in basis.regeling.index:
            namen.append(basis.regeling.index[element_id].adres)
        else:
            namen.append(element_id)
    return Melding(
        f"{w.bestand} en {ander.wijziging.bestand} wijzigen allebei {', '.join(dict.fromkeys(namen))} "
        f"(beide gebaseerd op versie {w.basis})",
        w.basis_bron,
        f"wijziging {w.id}",
        f"laat {w.id} voortbouwen op versie {ander.wijziging.id} ('basis: {ander.wijziging.id}') en pas de adressen daarop aan",
    )
