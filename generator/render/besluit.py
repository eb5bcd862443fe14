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
from generator.model import Bijlage, Element, Regeling
from generator.model.wijziging import GEVOLG
from generator.nummering import letterreeks, rangtelwoord, reeks_tekst
from generator.render.formules import FORMULES, SLOTNAMEN, SLOTTEKENS, VERNUMMERING_WOORD
from generator.render.omgeving import vul_in
from generator.wijzigen.gevolgen import aangehaalde_woorden
from generator.wijzigen.motor import Stap, Toepassing
from generator.wijzigen.onderdelen import groepen
from generator.wijzigen.woorden import LEESTEKEN_AAN_SLOT, woordtreffers


@dataclasses.dataclass(frozen=True)
class Wijzigingszin:
    """One instruction, optionally followed by the new text it introduces ("luidende:")."""

    zin: str
    nieuwe_tekst: tuple[Blok, ...] = ()
    element_id: str | None = None  # the element the instruction names (for insertions: the new one)
    # "Het zesde lid wordt als volgt gewijzigd:" with its own changes a., b. (Ar 6.15)
    onderdelen: tuple[Wijzigingszin, ...] = ()
    label: str | None = None  # "a", "b" for a change under such a lid

    def alle(self) -> list[Wijzigingszin]:
        """This sentence and those nested under it, in order."""
        return [self, *(z for o in self.onderdelen for z in o.alle())]


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


def besluitbijlagen(toepassing: Toepassing) -> list[tuple[str, Bijlage]]:
    """The bijlagen of the besluit itself: the new text of each bijlage it replaces or adds, in
    the order of its onderdelen, with the name the besluit gives it ("de bijlage", or "bijlage 2"
    when it carries more than one).

    >>> # see tests/test_bijlagen.py
    """
    nieuw = [s for s in toepassing.stappen if s.operatie.actie == "bijlage" and s.operatie.positie != "vervalt"]
    if len(nieuw) == 1:
        return [("de bijlage", _nieuwe_bijlage(nieuw[0]))]
    return [(f"bijlage {i}", _nieuwe_bijlage(s)) for i, s in enumerate(nieuw, start=1)]


def _nieuwe_bijlage(stap: Stap) -> Bijlage:
    """The bijlage as the step left it in the regeling (with its id and number)."""
    ids = {b.id for b in stap.voor.bijlagen}
    veranderd = [b for b in stap.na.bijlagen if b.id in stap.raakt]
    return veranderd[0] if veranderd else next(b for b in stap.na.bijlagen if b.id not in ids)


def bijlage_zin(stap: Stap, toepassing: Toepassing) -> str:
    """ "Bijlage 1 komt te luiden zoals opgenomen in de bijlage bij dit besluit." and the like."""
    op = stap.operatie
    if op.positie == "vervalt":
        oud = next(b for b in stap.voor.bijlagen if b.id in stap.raakt)
        return vul_in(FORMULES["bijlage_vervalt"], "bijlage_vervalt", bijlage=oud.verwijzing)
    nieuw = _nieuwe_bijlage(stap)
    naam = next(n for n, b in besluitbijlagen(toepassing) if b.id == nieuw.id)
    if op.positie == "toevoegen":
        return vul_in(FORMULES["bijlage_toevoegen"], "bijlage_toevoegen", besluitbijlage=naam)
    oud = next(b for b in stap.voor.bijlagen if b.id == nieuw.id)
    return vul_in(FORMULES["bijlage_komt_te_luiden"], "bijlage_komt_te_luiden", bijlage=oud.verwijzing, besluitbijlage=naam)


def besluitonderdelen(toepassing: Toepassing) -> list[BesluitOnderdeel]:
    """The lettered onderdelen of ARTIKEL I, in the order of the regeling, worded (Ar 6.15).

    Metadata changes (toetreding, uittreding) are not text changes and have their own article in
    the besluit; a citeertitel change comes last.
    """
    uit: list[BesluitOnderdeel] = []
    for groep in groepen(toepassing):
        if groep.groep_id is None and groep.stappen[0].operatie.actie == "herindeling":
            uit.append(BesluitOnderdeel(groep.letter, None, (Wijzigingszin(herindeling_zin(groep.stappen[0])),)))
            continue
        if groep.groep_id is None and groep.stappen[0].operatie.actie == "bijlage":
            stap = groep.stappen[0]
            uit.append(BesluitOnderdeel(groep.letter, None, (Wijzigingszin(bijlage_zin(stap, toepassing), element_id=min(stap.raakt)),)))
            continue
        if groep.groep_id is None:
            zin = vul_in(FORMULES["citeertitel"], "citeertitel", tekst=groep.stappen[0].operatie.tekst)
            uit.append(BesluitOnderdeel(groep.letter, None, (Wijzigingszin(zin),)))
            continue
        relatief = _per_lid(groep.stappen, groep.groep_id)
        if len(relatief) == 1 and not relatief[0].onderdelen:
            uit.append(BesluitOnderdeel(groep.letter, None, tuple(_groepzinnen(groep.stappen, None)), groep.groep_id))
        elif len(relatief) == 1:
            # every change is in one lid: "Artikel 8, zesde lid, wordt als volgt gewijzigd:"
            lid_id = _lid_van(groep.stappen[0])
            aanhef = vul_in(FORMULES["groep_aanhef"], "groep_aanhef", adres=groep.stappen[0].voor.index[lid_id].adres)
            zinnen = tuple(dataclasses.replace(z, label=None) for z in relatief[0].onderdelen)
            uit.append(BesluitOnderdeel(groep.letter, aanhef, zinnen, groep.groep_id))
        else:
            groep_adres = groep.stappen[0].voor.index[groep.groep_id].adres
            aanhef = vul_in(FORMULES["groep_aanhef"], "groep_aanhef", adres=groep_adres)
            uit.append(BesluitOnderdeel(groep.letter, aanhef, tuple(relatief), groep.groep_id))
    return uit


def herindeling_zin(stap: Stap) -> str:
    """One Ar sentence replacing the old names of merged gemeenten in every artikel that names them:
    'In de artikelen 1, 4 en 20 wordt "Dinkelland" telkens vervangen door "Noordoost-Twente".'"""
    per_naam: dict[tuple[str, str], list[str]] = {}
    aantal: dict[tuple[str, str], int] = {}
    for element_id, oud, nieuw in stap.namen:
        plek = stap.voor.index[element_id]
        artikel = plek.artikel or plek.element
        lijst = per_naam.setdefault((oud, nieuw), [])
        if artikel.nummer not in lijst:
            lijst.append(artikel.nummer)
        aantal[(oud, nieuw)] = aantal.get((oud, nieuw), 0) + sum(len(woordtreffers(oud, t)) for t in plek.element.teksten())
    delen = [
        {"artikelen": nummers, "oud": oud, "nieuw": nieuw, "telkens": aantal[(oud, nieuw)] > 1}
        for (oud, nieuw), nummers in per_naam.items()
    ]
    return vul_in(FORMULES["herindeling_namen"], "herindeling_namen", delen=delen)


# Word changes that share one sentence when they concern the same element (Ar 6.15 example:
# "In artikel 3, tweede lid, onderdeel b, vervalt "..." en wordt "..." vervangen door "..."."),
# with the formula of each part.
SAMEN = {"vervangen": "deel_vervangen", "woorden_vervallen": "deel_vervallen", "woorden_invoegen": "deel_invoegen"}


def _per_lid(stappen: tuple[Stap, ...], groep_id: str | None) -> list[Wijzigingszin]:
    """The sentences under "Artikel 8 wordt als volgt gewijzigd:"; several changes inside one
    lid are grouped under "Het zesde lid wordt als volgt gewijzigd:" and lettered a., b. (Ar 6.15)."""
    uit: list[Wijzigingszin] = []
    i = 0
    while i < len(stappen):
        lid_id = _lid_van(stappen[i])
        j = i + 1
        while j < len(stappen) and _lid_van(stappen[j]) == lid_id:  # a run in one lid, or outside any
            j += 1
        binnen = _groepzinnen(stappen[i:j], lid_id) if lid_id is not None and j - i > 1 else []
        if len(binnen) > 1:
            eerste = stappen[i]
            aanhef = vul_in(FORMULES["groep_aanhef"], "groep_aanhef", adres=relatief_adres(eerste.voor, lid_id, groep_id))
            gelabeld = tuple(dataclasses.replace(z, label=letterreeks(n)) for n, z in enumerate(binnen, start=1))
            uit.append(Wijzigingszin(aanhef, (), lid_id, gelabeld))
        else:
            uit.extend(_groepzinnen(stappen[i:j], groep_id))
        i = j
    return uit


def _lid_van(stap: Stap) -> str | None:
    """The lid a change works inside (not on the lid as a whole), or None."""
    op = stap.operatie
    if stap.aanduiding or stap.element_id is None:
        return None
    if op.actie in ("invoegen", "toevoegen"):
        plek = stap.na.index.get(stap.element_id)
        if plek is None or plek.element.soort == "lid":
            return None
        keten = plek.ouders
    else:
        plek = stap.voor.index.get(stap.element_id)
        if plek is None:
            return None
        if plek.element.soort == "lid" and op.actie in ("komt_te_luiden", "vervalt") and _zin(stap) is None:
            return None
        keten = (*plek.ouders, plek.element)
    return next((e.id for e in keten if e.soort == "lid"), None)


def _groepzinnen(stappen: tuple[Stap, ...], groep_id: str | None) -> list[Wijzigingszin]:
    """The sentences of one lettered onderdeel: one per step, except that consecutive word
    changes of one element (and one sentence of it) are joined into one sentence with "en"."""
    uit: list[Wijzigingszin] = []
    reeks: list[Stap] = []

    def sluit() -> None:
        if len(reeks) > 1:
            uit.append(_woordzin(reeks, groep_id))
        elif reeks:
            uit.extend(_zinnen(reeks[0], groep_id))
        reeks.clear()

    i = 0
    while i < len(stappen):
        stap = stappen[i]
        if reeks and not (_samen(stap) and _zelfde_plek(stap, reeks[-1])):
            sluit()
        if _samen(stap):
            reeks.append(stap)
        elif stap.operatie.deel:
            # "vervallen de subonderdelen 2° en 5°": the steps of one operation, one sentence
            delen = [s for s in stappen[i:] if s.operatie.volgnummer == stap.operatie.volgnummer]
            uit.append(_vervallen_samen(delen, groep_id))
            i += len(delen)
            continue
        else:
            uit.extend(_zinnen(stap, groep_id))
        i += 1
    sluit()
    return uit


def _vervallen_samen(stappen: list[Stap], groep_id: str | None) -> Wijzigingszin:
    """Several siblings deleted in one sentence, with the renumbering of the rest (Ar 3.29:
    "In artikel 10, onderdeel a, vervallen de subonderdelen 2° en 5°, onder vernummering van ...")."""
    eerste = stappen[0]
    plek = eerste.voor.index[eerste.element_id]
    soort = plek.element.soort
    kinderen = plek.ouder.kinderen if plek.ouder else ()
    weg = {s.element_id for s in stappen}
    nummers = [k.nummer for k in kinderen if k.id in weg]
    blijft = [k for k in kinderen if k.id not in weg]
    paren = tuple((k.nummer, k.nummer_op_positie(i)) for i, k in enumerate(blijft, start=1) if k.nummer != k.nummer_op_positie(i))
    posities = [i for i, k in enumerate(kinderen) if any(k.nummer == o for o, _ in paren)]
    aaneengesloten = posities == list(range(posities[0], posities[0] + len(posities))) if posities else True
    ouder = relatief_adres(eerste.voor, plek.ouder.id, groep_id) if plek.ouder else ""
    tekst = vul_in(
        FORMULES["vervallen_samen"],
        "vervallen_samen",
        ouder=ouder,
        wat=meervoudig(soort, nummers),
        vernummering_woord=VERNUMMERING_WOORD[soort],
        vernummering=vernummering(soort, paren, aaneengesloten) if paren else "",
    )
    return Wijzigingszin(tekst, (), eerste.element_id)


def meervoudig(soort: str, nummers: list[str]) -> str:
    """Several leden, onderdelen or subonderdelen by name (Ar 3.29).

    >>> meervoudig("lid", ["2", "4"]), meervoudig("onderdeel", ["b", "d"]), meervoudig("subonderdeel", ["2", "5"])
    ('het tweede en vierde lid', 'de onderdelen b en d', 'de subonderdelen 2° en 5°')
    """
    if soort == "lid":
        return f"het {reeks_tekst([rangtelwoord(int(n)) for n in nummers])} lid"
    teken = "°" if soort == "subonderdeel" else ""
    meervoud = {"onderdeel": "onderdelen", "subonderdeel": "subonderdelen"}[soort]
    return f"de {meervoud} {reeks_tekst([n + teken for n in nummers])}"


def _samen(stap: Stap) -> bool:
    return stap.operatie.actie in SAMEN or stap.operatie.actie == GEVOLG


def _zelfde_plek(a: Stap, b: Stap) -> bool:
    return a.element_id == b.element_id and _zin(a) == _zin(b)


def _zin(stap: Stap) -> int | None:
    doel = stap.operatie.doel
    return doel.zin if doel is not None else None


def _woordwijzigingen(stap: Stap) -> list[tuple[str, dict[str, object]]]:
    """(formula, context) for each quoted change of a word step. Quoted words are shown as the
    reader sees them: references resolved (old words in the old numbering, new words in the
    new), "telkens" only when they occur more than once."""
    op = stap.operatie
    if op.actie == GEVOLG:
        return [("vervangen", {"wat": v.oud, "door": v.nieuw, "telkens": v.telkens}) for v in stap.vervangingen]
    wat, door, tekst = aangehaalde_woorden(stap)
    element = stap.voor.index[stap.element_id].element
    telkens = op.telkens and op.wat is not None and _aantal(element, op.wat) > 1
    if op.actie == "vervangen":
        return [("vervangen", {"wat": wat, "door": door, "telkens": telkens})]
    if op.actie == "woorden_invoegen":
        return [("woorden_invoegen", {"positie": op.positie, "wat": wat, "tekst": tekst, "telkens": telkens})]
    return [("woorden_vervallen", {"wat": wat, "telkens": telkens})]


def _woordzin(stappen: list[Stap], groep_id: str | None) -> Wijzigingszin:
    """One sentence for one or more word changes of one element, joined by "en"."""
    eerste = stappen[0]
    adres = _adres_met_zin(relatief_adres(eerste.voor, eerste.element_id, groep_id), _zin(eerste))
    delen = [d for s in stappen for d in _woordwijzigingen(s)]
    if len(delen) == 1:
        naam, context = delen[0]
        return Wijzigingszin(vul_in(FORMULES[naam], naam, adres=adres, **context), (), eerste.element_id)
    teksten = [vul_in(FORMULES[SAMEN[naam]], SAMEN[naam], adres=adres, **context) for naam, context in delen]
    return Wijzigingszin(vul_in(FORMULES["woorden_samen"], "woorden_samen", adres=adres, delen=teksten), (), eerste.element_id)


def _adres_met_zin(adres: str, zin: int | None) -> str:
    """ "het vijfde lid" with sentence 2: "het vijfde lid, tweede zin" (Ar 3.29); alone "de tweede zin"."""
    if zin is None:
        return adres
    return f"{adres}, {rangtelwoord(zin)} zin" if adres else f"de {rangtelwoord(zin)} zin"


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


def vernummering(soort: str, paren: tuple[tuple[str, str], ...], aaneengesloten: bool = True) -> str:
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
    a = aaneengesloten
    if soort == "lid":
        return (
            f"het {reeks_tekst([rangtelwoord(int(x)) for x in oud], a)} lid tot {reeks_tekst([rangtelwoord(int(x)) for x in nieuw], a)} lid"
        )
    teken = "°" if soort == "subonderdeel" else ""
    if len(paren) == 1:
        return f"{soort} {oud[0]}{teken} tot {soort} {nieuw[0]}{teken}"
    meervoud = {"onderdeel": "onderdelen", "subonderdeel": "subonderdelen"}[soort]
    return f"de {meervoud} {reeks_tekst([x + teken for x in oud], a)} tot {reeks_tekst([x + teken for x in nieuw], a)}"


def _zinnen(stap: Stap, groep_id: str | None) -> list[Wijzigingszin]:
    op = stap.operatie
    voor, na = stap.voor, stap.na
    actie = op.actie

    def zin(formule: str, element_id: str | None = None, nieuw: bool = False, **context: object) -> Wijzigingszin:
        tekst = vul_in(FORMULES[formule], formule, **context)
        blokken = tuple(element_blokken(na, element_id)) if nieuw and element_id else ()
        return Wijzigingszin(tekst, blokken, element_id or stap.element_id)

    if _zin(stap) is not None and actie in ("komt_te_luiden", "vervalt"):
        adres = _adres_met_zin(relatief_adres(voor, stap.element_id, groep_id), _zin(stap))
        if actie == "vervalt":
            return [zin("vervalt", adres=adres)]
        nieuwe_zin = los_op(op.tekst or "", na, na.index[stap.element_id])
        return [zin("zin_komt_te_luiden", adres=adres, tekst=nieuwe_zin)]

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
                zin("aanduiding_geplaatst", ouder_id, ouder=ouder),
                zin("lid_toegevoegd_na_aanduiding", stap.element_id, nieuw=True),
            ]
        if element.vast_nummer and actie == "invoegen":
            buur_plek = voor.index[_doel_id(stap)]
            if (
                op.positie == "voor"
                and buur_plek.ouder is not None
                and buur_plek.ouder.kop_getoond  # a hoofdstuk printed without heading (`kop: geen`) is not named
                and buur_plek.ouder.kinderen[0].id == buur_plek.element.id
            ):
                # Ar 6.11 toelichting: at the start of a hoofdstuk the hoofdstuk is named
                return [zin("invoegen_begin", stap.element_id, nieuw=True, ouder=buur_plek.ouder.verwijzing, soort=element.soort)]
            buur = buur_plek.adres
            return [zin("invoegen_vast", stap.element_id, nieuw=True, positie=op.positie, buur=buur, soort=element.soort)]
        if stap.slotwijzigingen:  # a list joined by "; of" (Ar 6.18)
            formule = "invoegen_slot" if stap.hernummerd else "toevoegen_slot"
            vernummerd = vernummering(element.soort, stap.hernummerd) if stap.hernummerd else ""
            return [
                zin(
                    formule,
                    stap.element_id,
                    nieuw=True,
                    ouder=ouder,
                    soort=element.soort,
                    slot=_slotzin(stap, element.soort),
                    vernummering_woord=VERNUMMERING_WOORD[element.soort],
                    vernummering=vernummerd,
                )
            ]
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
        if stap.slotwijzigingen:  # a list joined by "; of" (Ar 6.18)
            ouder = relatief_adres(voor, plek.ouder.id, groep_id) if plek.ouder else ""
            soort = plek.element.soort
            return [
                zin(
                    "vervalt_slot",
                    ouder=ouder,
                    eigen=plek.element.verwijzing,
                    slot=_slotzin(stap, soort),
                    vernummering_woord=VERNUMMERING_WOORD[soort],
                    vernummering=vernummering(soort, stap.hernummerd) if stap.hernummerd else "",
                )
            ]
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

    adres = _adres_met_zin(relatief_adres(voor, stap.element_id, groep_id), _zin(stap))
    if _samen(stap):
        return [_woordzin([stap], groep_id)]
    plek_voor = voor.index[stap.element_id]
    _, _, tekst = aangehaalde_woorden(stap)
    if actie == "woorden_toevoegen":
        element = plek_voor.element
        oud = element.slottekst or element.tekst or ""
        voegwoord = LEESTEKEN_AAN_SLOT.search(oud)
        if voegwoord and len(voegwoord[0]) > 1:  # before "; of" at the end of a list item
            return [zin("woorden_toevoegen_voegwoord", adres=adres, tekst=tekst, voegwoord=" ".join(voegwoord[0].split()))]
        return [zin("woorden_toevoegen", adres=adres, tekst=tekst, slotteken=SLOTTEKENS.get(oud[-1:], ""))]
    if actie == "opschrift":
        return [zin("opschrift", adres=adres, tekst=op.tekst)]
    raise ValueError(f"geen formule voor {actie}")


def _slotzin(stap: Stap, soort: str) -> str:
    """ "onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder
    vervanging van de punt aan het slot van onderdeel d door "; of"" (Ar 6.18)."""
    teken = "°" if soort == "subonderdeel" else ""
    delen = [
        vul_in(
            FORMULES["slot_deel"],
            "slot_deel",
            oud=SLOTNAMEN[oud][0],
            nieuw=SLOTNAMEN[nieuw][1],
            van=f"onder {nummer}{teken}" if soort == "subonderdeel" else f"{soort} {nummer}",
        )
        for nummer, oud, nieuw in stap.slotwijzigingen
    ]
    return " en ".join(delen)


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
