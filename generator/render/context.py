"""What templates may see: one explicit context, built in one place.

Templates run with StrictUndefined, so everything they use must be here; the keys are
documented in `docs/sjablonen.md`.
"""

from __future__ import annotations

from typing import Any

from generator.blokken import blokken
from generator.errors import WAARSCHUWING, Bron, Melding
from generator.model import Deelnemer, Regeling, Versie
from generator.model.partijen import partijen, toestemmingsorganen
from generator.model.wijziging import BRIEF_SLEUTELS
from generator.procedure import Stuk, rollen_bij
from generator.procedure import betrokken as betrokken_deelnemers
from generator.render.besluit import besluitonderdelen
from generator.wijzigen.motor import Stap, Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


def versie_context(versie: Versie) -> dict[str, Any]:
    r = versie.regeling
    return {
        "id": versie.id,
        "info": versie.info,
        "citeertitel": r.citeertitel,
        "officiele_titel": r.officiele_titel,
        "regeling": r,
        "deelnemers": versie.deelnemers_op(),
        "blokken": blokken(r),
    }


def versietabel(geschiedenis: Geschiedenis, tot_en_met: str) -> list[dict[str, Any]]:
    """The versions up to and including one, as CVDR lists them: id, metadata, in force until."""
    uit = []
    for v in geschiedenis.tijdlijn.versies:
        volgende = geschiedenis.tijdlijn.uitwerkingtreding(v) if v.id != tot_en_met else None
        uit.append({"id": v.id, "info": v.info, "uitwerkingtreding": volgende})
        if v.id == tot_en_met:
            break
    return uit


def besluit_context(geschiedenis: Geschiedenis, toepassing: Toepassing) -> dict[str, Any]:
    """Everything the wijzigingsbesluit template uses."""
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
        "nieuwe_citeertitel": r.citeertitel,
        "voor": versie_context(toepassing.voor),
        "na": versie_context(na),
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
        "integraal": w.vorm == "integraal",
        "soort": r.soortrij,
        "het_gr_lichaam": r.het_lichaam,
        "rollen": rollen_bij(r, gebeurtenissen),
        "centrumgemeente": r.zoek_deelnemer(r.centrumgemeente or "") if r.soort == "centrumregeling" else None,
        "publicerende_gemeente": r.deelnemer(r.publicerende_gemeente),
        "versies": versietabel(geschiedenis, na.id),
        "stadium": w.stadium,
        "gewijzigde_onderwerpen": gewijzigde_onderwerpen(toepassing),
    }


def herindeling_context(stap: Stap, regeling: Regeling) -> dict[str, Any]:
    """One municipal merger: the gemeenten that ceased to exist, the one that took their place, the date."""
    op = stap.operatie
    return {
        "opgeheven": [regeling.deelnemer(i) for i in op.opgeheven],
        "nieuw": regeling.deelnemer(op.deelnemer.id if op.deelnemer else op.deelnemer_id),
        "datum": op.datum,
    }


def stuk_context(stuk: Stuk, deelnemer: Deelnemer) -> dict[str, Any]:
    """What one document of a deelnemer adds: the organ it is for and its role in the procedure."""
    return {"orgaan": stuk.orgaan, "rol": stuk.rol, "raad": deelnemer.toestemmingsrij or stuk.orgaan}


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


class Briefgegevens(dict):
    """Letter data of one deelnemer (zaaknummer, portefeuillehouder, ...), as templates see it.

    A known field that the amendment file does not fill in renders as a visible placeholder
    ("[zaaknummer invullen]") and is recorded as a warning (an error with --strict); a field that
    does not exist is a template error, so a typo in a template is never silently empty.
    """

    def __init__(self, waarden: dict[str, Any], deelnemer: Deelnemer, bron: Bron, meldingen: list[Melding]) -> None:
        super().__init__({k: v for k, v in waarden.items() if v is not None})
        self.deelnemer = deelnemer
        self.bron = bron
        self.meldingen = meldingen

    def __missing__(self, sleutel: str) -> str:
        if sleutel not in BRIEF_SLEUTELS:
            raise KeyError(sleutel)
        melding = Melding(
            f"gegeven '{sleutel}' ontbreekt; het document toont een plaatshouder",
            self.bron,
            f"deelnemer {self.deelnemer.id}",
            f"vul het in onder 'deelnemers: {self.deelnemer.id}:' in het wijzigingsbestand",
            ernst=WAARSCHUWING,
        )
        if melding not in self.meldingen:
            self.meldingen.append(melding)
        return f"[{sleutel.replace('_', ' ')} invullen]"


def deelnemer_context(basis: dict[str, Any], toepassing: Toepassing, deelnemer: Deelnemer, meldingen: list[Melding]) -> dict[str, Any]:
    """The besluit context plus one deelnemer: its organs, its role in this amendment and its letter data."""
    w = toepassing.wijziging
    r = toepassing.na.regeling
    return {
        **basis,
        "deelnemer": deelnemer,
        "gegevens": Briefgegevens(
            w.deelnemers.get(deelnemer.id, {}), deelnemer, w.bronnen.get(f"deelnemers.{deelnemer.id}", w.bron), meldingen
        ),
        "toetreder": deelnemer.id in {d.id for d in basis["toetredingen"]},
        "uittreder": deelnemer.id in {d.id for d in basis["uittredingen"]},
        "is_centrumgemeente": deelnemer.id == r.centrumgemeente,
    }
