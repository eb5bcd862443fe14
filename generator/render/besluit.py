"""The wijzigingsbesluit's ARTIKEL I, from the steps of an applied amendment (Ar 6.15).

One onderdeel (A, B, ... Z, AA) per artikel of the regeling, in the order of the regeling; when an
artikel changes in several ways, "Artikel 4 wordt als volgt gewijzigd:" with sub-changes 1., 2.
Every sentence comes from the formula table in `formules.py`; this module only decides which
formula applies and fills in addresses, in the numbering of the moment the change is made.
"""

from __future__ import annotations

import dataclasses

from generator.adressen import los_op
from generator.blokken import Blok, element_blokken
from generator.model import Element, Regeling
from generator.nummering import rangtelwoord, reeks_tekst
from generator.render.formules import FORMULES, SLOTTEKENS, VERNUMMERING_WOORD
from generator.render.omgeving import vul_in
from generator.wijzigen.motor import Stap, Toepassing, woordtreffers
from generator.wijzigen.onderdelen import groepen


@dataclasses.dataclass(frozen=True)
class Wijzigingszin:
    """One instruction, optionally followed by the new text it introduces ("luidende:")."""

    zin: str
    nieuwe_tekst: tuple[Blok, ...] = ()
    element_id: str | None = None


@dataclasses.dataclass(frozen=True)
class BesluitOnderdeel:
    """A lettered onderdeel of ARTIKEL I: "B", optionally "Artikel 4 wordt als volgt gewijzigd:"."""

    letter: str
    aanhef: str | None
    zinnen: tuple[Wijzigingszin, ...]
    groep: str | None = None  # the artikel (or hoofdstuk) id the steps were grouped by; None for the citeertitel

    @property
    def genummerd(self) -> bool:
        return self.aanhef is not None


def besluitonderdelen(toepassing: Toepassing) -> list[BesluitOnderdeel]:
    """The lettered onderdelen of ARTIKEL I, in the order of the regeling, worded (Ar 6.15).

    Metadata changes (toetreding, uittreding) are not text changes and have their own article in
    the besluit; a citeertitel change comes last.
    """
    uit: list[BesluitOnderdeel] = []
    for groep in groepen(toepassing):
        if groep.groep_id is None:
            zin = vul_in(FORMULES["citeertitel"], "citeertitel", tekst=groep.stappen[0].operatie.tekst)
            uit.append(BesluitOnderdeel(groep.letter, None, (Wijzigingszin(zin),)))
            continue
        relatief = [z for s in groep.stappen for z in _zinnen(s, groep.groep_id)]
        if len(relatief) == 1:
            uit.append(BesluitOnderdeel(groep.letter, None, tuple(_zinnen(groep.stappen[0], None)), groep.groep_id))
        else:
            groep_adres = groep.stappen[0].voor.index[groep.groep_id].adres
            aanhef = vul_in(FORMULES["groep_aanhef"], "groep_aanhef", adres=groep_adres)
            uit.append(BesluitOnderdeel(groep.letter, aanhef, tuple(relatief), groep.groep_id))
    return uit


def relatief_adres(regeling: Regeling, element_id: str, groep_id: str | None) -> str:
    """The address of an element as a sentence under "Artikel 4 wordt als volgt gewijzigd:" names it.

    Relative to the group's artikel: "het tweede lid, onderdeel b"; "" for the artikel itself.
    Without a group: the full address ("artikel 4, tweede lid, onderdeel b").
    """
    plek = regeling.index[element_id]
    if groep_id is None or not any(o.id == groep_id for o in (*plek.ouders, plek.element)):
        return plek.adres
    if element_id == groep_id:
        return ""
    keten = [*plek.ouders, plek.element]
    keten = keten[[e.id for e in keten].index(groep_id) + 1 :]
    delen = [e.verwijzing for e in keten]
    if keten[0].soort == "lid":
        delen[0] = "het " + delen[0]
    return ", ".join(delen)


def vernummering(soort: str, paren: tuple[tuple[str, str], ...]) -> str:
    """The Ar 6.18 phrase for shifted leden or onderdelen.

    >>> vernummering("lid", (("2", "3"),))
    'het tweede lid tot derde lid'
    >>> vernummering("lid", (("2", "3"), ("3", "4"), ("4", "5")))
    'het tweede tot en met vierde lid tot derde tot en met vijfde lid'
    >>> vernummering("onderdeel", (("c", "d"), ("d", "e")))
    'de onderdelen c en d tot d en e'
    >>> vernummering("onderdeel", (("d", "c"),))
    'onderdeel d tot onderdeel c'
    """
    oud = [o for o, _ in paren]
    nieuw = [n for _, n in paren]
    if soort == "lid":
        return f"het {reeks_tekst([rangtelwoord(int(x)) for x in oud])} lid tot {reeks_tekst([rangtelwoord(int(x)) for x in nieuw])} lid"
    teken = "°" if soort == "subonderdeel" else ""
    if len(paren) == 1:
        return f"{soort} {oud[0]}{teken} tot {soort} {nieuw[0]}{teken}"
    meervoud = {"onderdeel": "onderdelen", "subonderdeel": "subonderdelen"}[soort]
    return f"de {meervoud} {reeks_tekst([x + teken for x in oud])} tot {reeks_tekst([x + teken for x in nieuw])}"


def _zinnen(stap: Stap, groep_id: str | None) -> list[Wijzigingszin]:
    op = stap.operatie
    voor, na = stap.voor, stap.na
    actie = op.actie

    def zin(formule: str, element_id: str | None = None, nieuw: bool = False, **context: object) -> Wijzigingszin:
        tekst = vul_in(FORMULES[formule], formule, **context)
        blokken = tuple(element_blokken(na, element_id)) if nieuw and element_id else ()
        return Wijzigingszin(tekst, blokken, element_id)

    if actie == "komt_te_luiden":
        adres = relatief_adres(voor, stap.element_id, groep_id) or voor.index[stap.element_id].adres
        return [zin("komt_te_luiden", stap.element_id, nieuw=True, adres=adres)]

    if actie in ("invoegen", "toevoegen"):
        nieuw_plek = na.index[stap.element_id]
        element = nieuw_plek.element
        ouder_id = nieuw_plek.ouder.id if nieuw_plek.ouder else None
        ouder = relatief_adres(voor, ouder_id, groep_id) if ouder_id and ouder_id in voor.index else ""
        if stap.aanduiding == "geplaatst":
            return [
                zin("aanduiding_geplaatst", ouder=ouder),
                zin("lid_toegevoegd_na_aanduiding", stap.element_id, nieuw=True),
            ]
        if element.vast_nummer and actie == "invoegen":
            buur = voor.index[_doel_id(stap)].adres
            return [zin("invoegen_vast", stap.element_id, nieuw=True, positie=op.positie, buur=buur, soort=element.soort)]
        if stap.hernummerd:
            return [
                zin(
                    "invoegen_hernummerd",
                    stap.element_id,
                    nieuw=True,
                    ouder=ouder,
                    soort=element.soort,
                    vernummering_woord=VERNUMMERING_WOORD[element.soort],
                    vernummering=vernummering(element.soort, stap.hernummerd),
                )
            ]
        if stap.leesteken:
            vorige = voor.index[ouder_id].element.kinderen[-1] if ouder_id else None
            return [
                zin("toevoegen_leesteken", stap.element_id, nieuw=True, ouder=ouder, soort=element.soort, leesteken_van=vorige.verwijzing)
            ]
        return [zin("toevoegen", stap.element_id, nieuw=True, ouder=ouder, soort=element.soort)]

    if actie == "vervalt":
        plek = voor.index[stap.element_id]
        adres = relatief_adres(voor, stap.element_id, groep_id) or plek.adres
        if stap.aanduiding == "vervallen":
            overblijvend = next(k.nummer for k in plek.ouder.kinderen if k.id != stap.element_id)
            return [zin("vervalt_aanduiding", adres=adres, overblijvend=overblijvend, overblijvend_woord=rangtelwoord(int(overblijvend)))]
        if stap.leesteken:
            ouder = relatief_adres(voor, plek.ouder.id, groep_id) if plek.ouder else ""
            vorige = next(k for k in plek.ouder.kinderen if k.nummer == stap.leesteken)
            return [zin("vervalt_leesteken", ouder=ouder, leesteken_van=vorige.verwijzing, eigen=plek.element.verwijzing)]
        if stap.hernummerd:
            soort = plek.element.soort
            return [
                zin(
                    "vervalt_hernummerd",
                    adres=adres,
                    vernummering_woord=VERNUMMERING_WOORD[soort],
                    vernummering=vernummering(soort, stap.hernummerd),
                )
            ]
        return [zin("vervalt", adres=adres)]

    adres = relatief_adres(voor, stap.element_id, groep_id)
    # Quoted words are shown as the reader sees them: references resolved (old words in the old
    # numbering, new words in the new), "telkens" only when they occur more than once.
    plek_voor, plek_na = voor.index[stap.element_id], na.index.get(stap.element_id)
    wat = los_op(op.wat, voor, plek_voor) if op.wat else op.wat
    door = los_op(op.door, na, plek_na) if op.door is not None and plek_na else op.door
    tekst = los_op(op.tekst, na, plek_na) if op.tekst and plek_na else op.tekst
    telkens = op.telkens and op.wat is not None and _aantal(plek_voor.element, op.wat) > 1
    if actie == "vervangen":
        return [zin("vervangen", adres=adres, wat=wat, door=door, telkens=telkens)]
    if actie == "woorden_invoegen":
        return [zin("woorden_invoegen", adres=adres, positie=op.positie, wat=wat, tekst=tekst, telkens=telkens)]
    if actie == "woorden_vervallen":
        return [zin("woorden_vervallen", adres=adres, wat=wat, telkens=telkens)]
    if actie == "woorden_toevoegen":
        element = plek_voor.element
        oud = element.slottekst or element.tekst or ""
        return [zin("woorden_toevoegen", adres=adres, tekst=tekst, slotteken=SLOTTEKENS.get(oud[-1:], ""))]
    if actie == "opschrift":
        return [zin("opschrift", adres=adres, tekst=op.tekst)]
    raise ValueError(f"geen formule voor {actie}")


def _aantal(element: Element, woorden: str) -> int:
    return sum(len(woordtreffers(woorden, t)) for t in element.teksten())


def _doel_id(stap: Stap) -> str:
    """The neighbour an artikel was inserted next to (resolved earlier by the engine)."""
    plek = stap.na.index[stap.element_id]
    soort = plek.element.soort
    volgorde = [p.element.id for p in stap.na.elementen() if p.element.soort == soort]
    i = volgorde.index(stap.element_id)
    buren = volgorde[i - 1 :: -1] if stap.operatie.positie == "na" else volgorde[i + 1 :]
    return next(b for b in buren if b in stap.voor.index)
