"""What templates may see: one explicit context, built in one place.

Templates run with StrictUndefined, so everything they use must be here; the keys are
documented in `docs/sjablonen.md`.
"""

from __future__ import annotations

from typing import Any

from generator.blokken import blokken
from generator.errors import WAARSCHUWING, Bron, Melding
from generator.model import Deelnemer, Versie
from generator.model.wijziging import BRIEF_SLEUTELS
from generator.render.besluit import besluitonderdelen
from generator.render.omgeving import lidwoord, opsomming
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


def partijen(deelnemers: tuple[Deelnemer, ...]) -> str:
    """The bestuursorganen that make the regeling, as its aanhef names them.

    >>> import datetime as dt
    >>> d = [Deelnemer("a", "Borne", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2026, 1, 1)),
    ...      Deelnemer("b", "Hengelo", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2017, 1, 1)),
    ...      Deelnemer("c", "SWB Midden Twente", "openbaar lichaam", "dagelijks bestuur", "algemeen bestuur", dt.date(2017, 1, 1))]
    >>> partijen(tuple(d))
    'de colleges van burgemeester en wethouders van Borne en Hengelo en het dagelijks bestuur van het openbaar lichaam SWB Midden Twente'
    """
    return _organen(deelnemers, lambda d: d.bestuursorgaan, "colleges van burgemeester en wethouders")


def toestemmingsorganen(deelnemers: tuple[Deelnemer, ...]) -> str:
    """The organs that give toestemming (Wgr art. 1, vierde lid): "de raden van ... en het algemeen bestuur van ..."."""
    return _organen(deelnemers, lambda d: d.toestemmingsorgaan, "raden")


def _organen(deelnemers: tuple[Deelnemer, ...], orgaan, meervoud_gemeenten: str) -> str:  # noqa: ANN001
    gemeenten = sorted(d.naam for d in deelnemers if d.is_gemeente)
    delen = []
    if len(gemeenten) > 1:
        delen.append(f"de {meervoud_gemeenten} van {opsomming(gemeenten)}")
    elif gemeenten:
        eerste = next(d for d in deelnemers if d.is_gemeente)
        delen.append(f"{lidwoord(orgaan(eerste))} {orgaan(eerste)} van {eerste.naam}")
    for d in sorted((d for d in deelnemers if not d.is_gemeente), key=lambda d: d.naam):
        delen.append(f"{lidwoord(orgaan(d))} {orgaan(d)} van {d.het_lichaam}")
    return " en ".join(delen)


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
    deelnemers = na.deelnemers_op(w.inwerkingtreding)
    toetredingen = [s.operatie.deelnemer.id for s in toepassing.stappen if s.operatie.actie == "toetreding"]
    uittredingen = [s.operatie.deelnemer_id for s in toepassing.stappen if s.operatie.actie == "uittreding"]
    betrokken = tuple(d for d in na.regeling.deelnemers if d.neemt_deel_op(w.inwerkingtreding) or d.id in uittredingen)
    return {
        "wijziging": w,
        "citeertitel": toepassing.voor.regeling.citeertitel,
        "lidwoord_citeertitel": toepassing.voor.regeling.lidwoord_citeertitel,
        "nieuwe_citeertitel": na.regeling.citeertitel,
        "voor": versie_context(toepassing.voor),
        "na": versie_context(na),
        "partijen": partijen(betrokken),
        "toestemming": toestemmingsorganen(betrokken),
        "deelnemers": deelnemers,
        "toetredingen": [na.regeling.deelnemer(i) for i in toetredingen],
        "uittredingen": [na.regeling.deelnemer(i) for i in uittredingen],
        "onderdelen": besluitonderdelen(toepassing),
        "integraal": w.vorm == "integraal",
        "centrumgemeente": na.regeling.zoek_deelnemer(na.regeling.centrumgemeente or ""),
        "publicerende_gemeente": na.regeling.deelnemer(na.regeling.publicerende_gemeente),
        "versies": versietabel(geschiedenis, na.id),
        "stadium": w.stadium,
        "gewijzigde_onderwerpen": gewijzigde_onderwerpen(toepassing),
    }


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
