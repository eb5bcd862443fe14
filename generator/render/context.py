"""What templates may see: one explicit context, built in one place.

Templates run with StrictUndefined, so everything they use must be here; the keys are
documented in `docs/sjablonen.md`.
"""

from __future__ import annotations

from typing import Any

from generator.model import Deelnemer, Versie
from generator.render.blokken import blokken
from generator.render.omgeving import opsomming
from generator.wijzigen.besluit import besluitonderdelen
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
        delen.append(f"{_lidwoord(orgaan(eerste))} {orgaan(eerste)} van {eerste.naam}")
    for d in sorted((d for d in deelnemers if not d.is_gemeente), key=lambda d: d.naam):
        delen.append(f"{_lidwoord(orgaan(d))} {orgaan(d)} van {d.het_lichaam}")
    return " en ".join(delen)


def _lidwoord(orgaan: str) -> str:
    return "het" if orgaan.startswith(("college", "dagelijks", "algemeen")) else "de"


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
    }
