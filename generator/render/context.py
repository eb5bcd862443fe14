"""What templates may see: one explicit context, built in one place.

Templates run with StrictUndefined, so everything they use must be here; the keys are
documented in `docs/sjablonen.md`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.blokken import blokken
from generator.errors import WAARSCHUWING, Melding
from generator.model import Deelnemer, Regeling, Versie
from generator.model.organen import LICHAMEN, ORGANEN, Orgaan
from generator.model.partijen import Opsomming, partijen, toestemmingsorganen
from generator.model.wijziging import BRIEF_SLEUTELS, Wijziging
from generator.procedure import Stuk, rollen_bij
from generator.procedure import betrokken as betrokken_deelnemers
from generator.render import inwerkingtreding
from generator.render.besluit import besluitbijlagen, besluitonderdelen
from generator.render.omgeving import hoofdletter, lidwoord, opsomming
from generator.render.plaatshouders import plaatshouder
from generator.render.versienamen import omschrijving, versienaam
from generator.wijzigen.motor import Stap, Toepassing
from generator.wijzigen.onderdelen import groepen
from generator.wijzigen.tijdlijn import Geschiedenis

WGR_2022 = dt.date(2022, 7, 1)  # the Wgr renumbered article 1 (toestemming: tweede -> vierde lid)


def versie_context(versie: Versie, geschiedenis: Geschiedenis | None = None) -> dict[str, Any]:
    r = versie.regeling
    return {
        "id": versie.id,
        "naam": versienaam(versie.info, maker(geschiedenis, versie)),
        "info": versie.info,
        "citeertitel": r.citeertitel,
        "officiele_titel": r.officiele_titel,
        "regeling": r,
        "deelnemers": list(versie.deelnemers_op()),
        "blokken": blokken(r),
    }


def maker(geschiedenis: Geschiedenis | None, versie: Versie) -> Wijziging | None:
    """The amendment that made `versie` (None for the base version or when unknown)."""
    if geschiedenis is None or versie.info.wijziging is None:
        return None
    toepassing = geschiedenis.toepassing(versie.info.wijziging)
    return toepassing.wijziging if toepassing is not None else None


def versietabel(geschiedenis: Geschiedenis, tot_en_met: str) -> list[dict[str, Any]]:
    """The versions up to and including one, as CVDR lists them: id, metadata, in force until."""
    uit = []
    for v in geschiedenis.tijdlijn.versies:
        volgende = geschiedenis.tijdlijn.uitwerkingtreding(v) if v.id != tot_en_met else None
        w = maker(geschiedenis, v)
        uit.append(
            {
                "id": v.id,
                "naam": versienaam(v.info, w),
                "omschrijving": omschrijving(w),
                "info": v.info,
                "uitwerkingtreding": volgende,
                "vastgesteld": w is None or w.stadium == "vastgesteld",
            }
        )
        if v.id == tot_en_met:
            break
    return uit


def besluit_context(geschiedenis: Geschiedenis, toepassing: Toepassing, meldingen: list[Melding] | None = None) -> dict[str, Any]:
    """Everything the wijzigingsbesluit template uses; placeholders shown are recorded in `meldingen`."""
    meldingen = [] if meldingen is None else meldingen
    w = toepassing.wijziging
    na = toepassing.na
    r = na.regeling
    deelnemers = list(na.deelnemers_op(w.inwerkingtreding))
    toetredingen = [s.operatie.deelnemer.id for s in toepassing.stappen if s.operatie.actie == "toetreding"]
    uittredingen = [s.operatie.deelnemer_id for s in toepassing.stappen if s.operatie.actie == "uittreding"]
    herindelingen = [herindeling_context(s, r) for s in toepassing.stappen if s.operatie.actie == "herindeling"]
    betrokken = betrokken_deelnemers(r, w.inwerkingtreding, w.datum_besluit, set(uittredingen))
    gebeurtenissen = {"wijziging"} | ({"toetreding"} if toetredingen else set()) | ({"uittreding"} if uittredingen else set())
    gebeurtenissen |= {"herindeling"} if herindelingen else set()
    return {
        "wijziging": w,
        "citeertitel": toepassing.voor.regeling.citeertitel,
        "lidwoord_citeertitel": toepassing.voor.regeling.lidwoord_citeertitel,
        "nieuwe_citeertitel": na.regeling.citeertitel,
        "voor": versie_context(toepassing.voor, geschiedenis),
        "basis": versie_context(geschiedenis.tijdlijn.versie(w.basis) or toepassing.voor, geschiedenis),
        "na": versie_context(na, geschiedenis),
        "partijen": partijen(betrokken),
        "toestemming": toestemmingsorganen(betrokken),
        "zienswijze_gevraagd": any(d.toestemming_nodig for d in betrokken),
        "raden_partij": [d for d in betrokken if d.raad_is_partij],
        "betrokken": list(betrokken),
        "deelnemers": deelnemers,
        "toetredingen": [r.deelnemer(i) for i in toetredingen],
        "uittredingen": [r.deelnemer(i) for i in uittredingen],
        "herindelingen": herindelingen,
        "onderdelen": besluitonderdelen(toepassing),
        "besluitbijlagen": [{"naam": n, "bijlage": b} for n, b in besluitbijlagen(toepassing)],
        "integraal": w.vorm == "integraal",
        "soort": r.soortrij,
        "het_gr_lichaam": r.het_lichaam,
        "rollen": rollen_bij(r, gebeurtenissen),
        "centrumgemeente": r.zoek_deelnemer(r.centrumgemeente or "") if r.soort == "centrumregeling" else None,
        "publicerende_gemeente": r.deelnemer(r.publicerende_gemeente),
        "publiceert": f"{ORGANEN['college van burgemeester en wethouders'].met_lidwoord} van {r.deelnemer(r.publicerende_gemeente).naam}",
        "versies": versietabel(geschiedenis, na.id),
        "stadium": w.stadium,
        "gewijzigde_onderwerpen": gewijzigde_onderwerpen(toepassing),
        "procedure": Briefgegevens(w, None, meldingen),
        "grondslag_wgr": grondslag_wgr(toepassing),
        "grondslag_regeling": grondslag_regeling(toepassing),
        "algemene_toelichting": w.toelichting or _ontbrekende_toelichting(w, meldingen),
        "parallel": parallelle_wijzigingen(geschiedenis, toepassing),
        "ondertekeningen": [
            ondertekening(d, o, Briefgegevens(w, d, meldingen)) for d in sorted(betrokken, key=_partijvolgorde) for o in d.organen
        ],
        "ondertekening_publicatie": ondertekening(
            r.deelnemer(r.publicerende_gemeente),
            "college van burgemeester en wethouders",
            Briefgegevens(w, r.deelnemer(r.publicerende_gemeente), meldingen),
        ),
        "toelichting_onderdelen": [] if w.vorm == "integraal" else toelichting_per_onderdeel(toepassing, meldingen),
        "inwerkingtreding": inwerkingtreding.bepaling(w),
        "inwerkingtreding_toelichting": inwerkingtreding.toelichting(w),
    }


def grondslag_wgr(toepassing: Toepassing, deelnemer: Deelnemer | None = None) -> str:
    """The provisions of the Wgr a besluit rests on, in the numbering of its date: toestemming and
    "treffen" including wijzigen, toetreden and uittreden (art. 1, vierde en vijfde lid; before 1
    July 2022 tweede en derde lid), and the article of the kind of regeling (art. 8, vierde lid,
    for a centrumgemeente).

    For the 2025 Hengelo amendments: "artikel 1, vierde en vijfde lid, en artikel 8, vierde lid, van de Wet
    gemeenschappelijke regelingen".
    """
    w = toepassing.wijziging
    leden = ("tweede", "derde") if w.datum_besluit < WGR_2022 else ("vierde", "vijfde")
    regeling = toepassing.na.regeling
    nodig = deelnemer.toestemming_nodig if deelnemer else any(d.toestemming_nodig for d in regeling.deelnemers if d.tot is None)
    if not nodig:
        leden = ("eerste", leden[1])  # the raad takes part itself: no toestemming (Wgr art. 1, tweede lid)
    delen = [f"artikel 1, {leden[0]} en {leden[1]} lid"]
    if regeling.soortrij.grondslag.startswith("artikel 8"):
        delen.append(regeling.soortrij.grondslag)
    return ", en ".join(delen) + ", van de Wet gemeenschappelijke regelingen"


def grondslag_regeling(toepassing: Toepassing) -> str | None:
    """The regeling's own articles on wijziging and, where they apply, toetreding and uittreding:
    "de artikelen 17 en 20 van de Centrumgemeenteregeling samenwerking ICT Hengelo"."""
    acties = {s.operatie.actie for s in toepassing.stappen}
    onderwerpen = {"wijziging"} | ({"toetreding"} & acties) | ({"uittreding", "uittreding-gevolgen"} if "uittreding" in acties else set())
    regeling = toepassing.voor.regeling
    nummers = [a.nummer for a in regeling.artikelen() if onderwerpen & set(a.onderwerpen)]
    if not nummers:
        return None
    artikelen = f"artikel {nummers[0]}" if len(nummers) == 1 else f"de artikelen {opsomming(nummers)}"
    return f"{artikelen} van de {regeling.citeertitel}"


def parallelle_wijzigingen(geschiedenis: Geschiedenis, toepassing: Toepassing) -> list[dict[str, Any]]:
    """The other amendments prepared on the same basis (as Borne's toetreding beside the
    informatiemanagement amendment): each document says how they relate, by their titles."""
    w = toepassing.wijziging
    uit = []
    for ander in geschiedenis.toepassingen:
        if ander.wijziging.id == w.id or ander.wijziging.basis != w.basis:
            continue
        eerder = geschiedenis.toepassingen.index(ander) < geschiedenis.toepassingen.index(toepassing)
        toetredingen = [ander.na.regeling.deelnemer(s.operatie.deelnemer.id) for s in ander.stappen if s.operatie.actie == "toetreding"]
        uittredingen = [ander.na.regeling.deelnemer(s.operatie.deelnemer_id) for s in ander.stappen if s.operatie.actie == "uittreding"]
        uit.append(
            {
                "wijziging": ander.wijziging,
                "eerder": eerder,  # applied before this one in the timeline
                "toetredingen": toetredingen,
                "uittredingen": uittredingen,
                "zelfde_dag": ander.wijziging.inwerkingtreding == w.inwerkingtreding,
            }
        )
    return uit


def _ontbrekende_toelichting(w: Wijziging, meldingen: list[Melding]) -> str:
    meldingen.append(
        Melding(
            "de algemene toelichting ontbreekt; het besluit toont een plaatshouder",
            w.bron,
            f"wijziging {w.id}",
            f"vul 'toelichting' in bovenaan {w.bestand}",
            ernst=WAARSCHUWING,
        )
    )
    return plaatshouder("algemene toelichting")


def _partijvolgorde(d: Deelnemer) -> tuple:
    """Gemeenten first, alphabetically, then the other bodies: the order of the aanhef."""
    return (not d.is_gemeente, d.naam)


def gewijzigde_onderwerpen(toepassing: Toepassing) -> list[str]:
    """The topics (onderwerpen) of the artikelen this amendment touches, e.g. ["belang", "taken"]:
    a raadsvoorstel argues differently when the belang changes (Wgr art. 10)."""
    uit: set[str] = set()
    for stap in toepassing.stappen:
        for regeling in (stap.voor, stap.na):
            plek = regeling.index.get(stap.element_id) if stap.element_id else None
            if plek is not None and plek.artikel is not None:
                uit |= set(plek.artikel.onderwerpen)
    return sorted(uit)


# Fields that are one value for the whole amendment: a missing one is asked for under `procedure:`.
GEMEENSCHAPPELIJK = ("datum_bekendmaking", "datum_eigen_orgaan")


class Briefgegevens(dict):
    """Letter data of one deelnemer (zaaknummer, portefeuillehouder, ...), or the common data of
    the amendment (`deelnemer` None), as templates see it: the deelnemer's own value, else the one
    under `procedure:`.

    A known field that the amendment file does not fill in renders as a visible placeholder
    ("[in te vullen: zaaknummer]") and is recorded as a warning naming the file and the key where
    the value goes (an error with --strict); a field that does not exist is a template error, so a
    typo in a template is never silently empty.
    """

    def __init__(self, wijziging: Wijziging, deelnemer: Deelnemer | None, meldingen: list[Melding]) -> None:
        eigen = wijziging.deelnemers.get(deelnemer.id, {}) if deelnemer else {}
        super().__init__({k: v for k, v in {**wijziging.procedure, **eigen}.items() if v is not None})
        self.wijziging = wijziging
        self.deelnemer = deelnemer
        self.meldingen = meldingen

    def __missing__(self, sleutel: str) -> str:
        if sleutel not in BRIEF_SLEUTELS:
            raise KeyError(sleutel)
        w = self.wijziging
        wat = sleutel.replace("_", " ")
        if self.deelnemer is not None and sleutel not in GEMEENSCHAPPELIJK:
            bron = w.bronnen.get(f"deelnemers.{self.deelnemer.id}", w.bronnen.get("deelnemers", w.bron))
            adres = f"deelnemer {self.deelnemer.id}"
            hint = (
                f"vul '{sleutel}' in onder 'deelnemers: {self.deelnemer.id}:' in {w.bestand} (of voor alle deelnemers onder 'procedure:')"
            )
        else:
            bron = w.bronnen.get("procedure", w.bron)
            adres = f"wijziging {w.id}"
            hint = f"vul '{sleutel}' in onder 'procedure:' in {w.bestand}"
        melding = Melding(f"gegeven '{sleutel}' ontbreekt; het document toont een plaatshouder", bron, adres, hint, ernst=WAARSCHUWING)
        if melding not in self.meldingen:
            self.meldingen.append(melding)
        return plaatshouder(wat)


def ondertekening(deelnemer: Deelnemer, orgaan_naam: str, gegevens: Briefgegevens) -> dict[str, Any]:
    """The signature block of one bestuursorgaan of a deelnemer: who signs it, from `ORGANEN`,
    and their names, from the letter data.

    {"aanhef": "Burgemeester en wethouders van Borne", "vergadering": "het college van ... van Borne",
     "ondertekenaars": [{"functie": "de secretaris", "naam": "mr. G. Vos"}, ...]}
    """
    orgaan = orgaan_van(orgaan_naam)
    lichaam = deelnemer.van
    if orgaan.naam == "college van burgemeester en wethouders":
        aanhef = f"Burgemeester en wethouders van {deelnemer.naam}"
    else:
        aanhef = hoofdletter(f"{orgaan.met_lidwoord} van {lichaam if orgaan.naam != 'raad' else deelnemer.het_lichaam}")
    return {
        "deelnemer": deelnemer,
        "orgaan": orgaan,
        "datum": gegevens["datum_raad"] if orgaan.voorstel else None,  # the raad adopts in its own meeting
        "aanhef": aanhef,
        "vergadering": f"{orgaan.met_lidwoord} van {lichaam if orgaan.naam != 'raad' else deelnemer.het_lichaam}",
        "ondertekenaars": [{"functie": f"de {rol}", "naam": gegevens[rol]} for rol in orgaan.ondertekenaars],
    }


def _als_zin(tekst: str) -> str:
    """A toelichting as a sentence in the besluit: the engine's own notes on consequential
    changes ("verwijzing aangepast aan ...") get a capital and a full stop.

    >>> _als_zin("verwijzing aangepast aan de vernummering van artikel 11")
    'Verwijzing aangepast aan de vernummering van artikel 11.'
    """
    tekst = hoofdletter(tekst.strip())
    return tekst if tekst.endswith((".", "!", "?", ":")) else f"{tekst}."


def orgaan_van(naam: str) -> Orgaan:
    """The organ from the table; an organ the table does not know is signed by its secretaris
    and voorzitter."""
    return ORGANEN.get(naam) or Orgaan(naam, lidwoord(naam), naam, ("secretaris", "voorzitter"))


def toelichting_per_onderdeel(toepassing: Toepassing, meldingen: list[Melding]) -> list[dict[str, Any]]:
    """The artikelsgewijze toelichting of ARTIKEL I: per lettered onderdeel the toelichtingen of
    its operations; an onderdeel without one is a warning that points at its first operation."""
    w = toepassing.wijziging
    uit = []
    for groep in groepen(toepassing):
        teksten = list(dict.fromkeys(_als_zin(s.operatie.toelichting) for s in groep.stappen if s.operatie.toelichting))
        if not teksten:
            eerste = groep.stappen[0].operatie
            meldingen.append(
                Melding(
                    f"onderdeel {groep.letter} van ARTIKEL I heeft geen toelichting; het besluit toont een plaatshouder",
                    eerste.bron,
                    f"wijziging {eerste.volgnummer} ({eerste.actie})",
                    f"vul 'toelichting' in bij deze wijziging in {w.bestand}",
                    ernst=WAARSCHUWING,
                )
            )
            teksten = [plaatshouder(f"toelichting bij onderdeel {groep.letter}")]
        uit.append({"letter": groep.letter, "teksten": teksten})
    return uit


def deelnemer_context(basis: dict[str, Any], toepassing: Toepassing, deelnemer: Deelnemer, meldingen: list[Melding]) -> dict[str, Any]:
    """The besluit context plus one deelnemer: its organs, its role in this amendment and its letter data."""
    w = toepassing.wijziging
    r = toepassing.na.regeling
    gegevens = Briefgegevens(w, deelnemer, meldingen)
    return {
        **basis,
        "deelnemer": deelnemer,
        "gegevens": gegevens,
        "ondertekening_bestuur": ondertekening(deelnemer, _voorsteller(deelnemer), gegevens),
        "ondertekening_toestemming": ondertekening(deelnemer, _vertegenwoordiging(deelnemer), gegevens),
        "toetreder": deelnemer.id in {d.id for d in basis["toetredingen"]},
        "uittreder": deelnemer.id in {d.id for d in basis["uittredingen"]},
        "is_centrumgemeente": r.soort == "centrumregeling" and deelnemer.id == r.centrumgemeente,
        "grondslag_wgr": grondslag_wgr(toepassing, deelnemer),  # for this deelnemer's own besluiten
    }


def _voorsteller(deelnemer: Deelnemer) -> str:
    """The organ that proposes and writes the letters: the first deciding organ that is not the raad,
    else the college (dagelijks bestuur, gedeputeerde staten) of the body."""
    return next((o.naam for o in deelnemer.orgaanrijen if not o.voorstel), LICHAMEN[deelnemer.soort].standaard[0])


def _vertegenwoordiging(deelnemer: Deelnemer) -> str:
    """The representative organ (raad, provinciale staten, algemeen bestuur): the one that consents,
    or the one that takes part itself."""
    if deelnemer.toestemmingsorgaan:
        return deelnemer.toestemmingsorgaan
    return next((o.naam for o in deelnemer.orgaanrijen if o.voorstel), deelnemer.bestuursorgaan)


def herindeling_context(stap: Stap, regeling: Regeling) -> dict[str, Any]:
    """One municipal merger: the gemeenten that ceased to exist, the one that took their place, the date."""
    op = stap.operatie
    return {
        "opgeheven": [regeling.deelnemer(i) for i in op.opgeheven],
        "nieuw": regeling.deelnemer(op.deelnemer.id if op.deelnemer else op.deelnemer_id),
        "datum": op.datum,
    }


def stuk_context(stuk: Stuk, deelnemer: Deelnemer, gegevens: Briefgegevens) -> dict[str, Any]:
    """What one document of a deelnemer adds: the organ it is for (`orgaan`) and its role in the
    procedure (`rol`); `raad`, the representative organ that consents or adopts; `college`, the organ
    that proposes to it; `besluitende`, the organs that decide after toestemming; `hoofdbesluit`,
    whether this besluit is the one that arranges publication and the register."""
    besluitend = [o for o in deelnemer.orgaanrijen if not o.voorstel]
    uit = {
        "orgaan": stuk.orgaan,
        "rol": stuk.rol,
        "raad": deelnemer.toestemmingsrij or next((o for o in deelnemer.orgaanrijen if o.voorstel), stuk.orgaan),
        "college": ORGANEN[LICHAMEN[deelnemer.soort].standaard[0]],
        "besluitende": Opsomming(
            opsomming([o.met_lidwoord for o in besluitend]), len(besluitend) > 1 or any(o.meervoudig for o in besluitend)
        ),
        "besluitende_kort": Opsomming(
            opsomming([o.het_kort for o in besluitend]), len(besluitend) > 1 or any(o.meervoudig for o in besluitend)
        ),
        "hoofdbesluit": stuk.rol != "besluit" or (bool(besluitend) and stuk.orgaan == besluitend[0]),
    }
    if stuk.rol == "besluit":
        uit["ondertekening_bestuur"] = ondertekening(deelnemer, stuk.orgaan.naam, gegevens)
    return uit
