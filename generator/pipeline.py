"""The pipeline: load -> validate -> timeline -> render -> write, top to bottom.

`laad` gives the validated state of a project (every version of every regeling); `bouw`
renders the approval packages in memory and only then writes them, each atomically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.controles import Resultaat, controleer_project
from generator.errors import FOUT, GrgenFout, Melding, WijzigingFout
from generator.loader import Project, lees_project
from generator.loader.bestanden import lees_bestand
from generator.model import Versie
from generator.render.pakket import STANDAARD, Instellingen, render_pakket
from generator.uitvoer import pakketmap, schrijf_pakketten
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis, bouw_geschiedenis


@dataclasses.dataclass(frozen=True)
class Stand:
    """A loaded, validated project: the sources and every version built from them."""

    project: Project
    geschiedenissen: dict[str, Geschiedenis]

    def geschiedenis(self, slug: str | None = None) -> tuple[str, Geschiedenis]:
        """The timeline of one regeling; `slug` may be omitted when the project has only one."""
        if slug is None:
            if len(self.geschiedenissen) > 1:
                raise GrgenFout(f"Dit project heeft meerdere regelingen; kies er een met --regeling: {', '.join(self.geschiedenissen)}")
            slug = next(iter(self.geschiedenissen))
        if slug not in self.geschiedenissen:
            raise GrgenFout(f"Onbekende regeling '{slug}'; bekend: {', '.join(self.geschiedenissen)}")
        return slug, self.geschiedenissen[slug]


def laad(map_: Path) -> Stand:
    """Read and validate a project and replay every amendment.

    All problems in the sources are reported together; a problem applying an amendment stops at
    that amendment (later ones build on it).
    """
    project = lees_project(map_)
    geschiedenissen = {}
    for slug, (regeling, info) in project.regelingen.items():
        geschiedenissen[slug] = bouw_geschiedenis(regeling, info, project.wijzigingen_van(slug))
    return Stand(project, geschiedenissen)


def controleer_stand(stand: Stand, negeer: Iterable[str] = ()) -> Resultaat:
    """`grgen check`: the legal checks over every regeling of a loaded project, with the
    loader's warnings; `negeer` holds rule ids or prefixes to skip."""
    return controleer_project(stand.geschiedenissen, stand.project.waarschuwingen, negeer)


def kies_versie(geschiedenis: Geschiedenis, versie_id: str | None = None, op: dt.date | None = None) -> Versie:
    """The version asked for by id or by date (the one in force on that date); default the latest."""
    tijdlijn = geschiedenis.tijdlijn
    if versie_id is not None:
        versie = tijdlijn.versie(versie_id)
        if versie is None:
            raise GrgenFout(f"Onbekende versie '{versie_id}'; bekend: {', '.join(v.id for v in tijdlijn.versies)}")
        return versie
    if op is not None:
        versie = tijdlijn.versie_op(op)
        if versie is None:
            eerste = tijdlijn.basis.info.inwerkingtreding
            raise GrgenFout(f"Op {op:%d-%m-%Y} was de regeling nog niet in werking (eerste versie: {eerste:%d-%m-%Y})")
        return versie
    return tijdlijn.laatste


def kies_toepassingen(geschiedenis: Geschiedenis, wijziging_id: str | None, alle: bool) -> list[Toepassing]:
    if alle:
        return list(geschiedenis.toepassingen)
    if not geschiedenis.toepassingen:
        raise GrgenFout("Er zijn geen wijzigingen in wijzigingen/ om een pakket voor te bouwen")
    if wijziging_id is None:
        return [geschiedenis.toepassingen[-1]]
    toepassing = geschiedenis.toepassing(wijziging_id)
    if toepassing is None:
        bekend = ", ".join(t.wijziging.id for t in geschiedenis.toepassingen)
        raise WijzigingFout(f"Onbekende wijziging '{wijziging_id}'; bekend: {bekend}")
    return [toepassing]


def bouw(
    map_: Path,
    wijziging_id: str | None = None,
    alle: bool = False,
    regeling: str | None = None,
    instellingen: Instellingen = STANDAARD,
    strikt: bool = False,
    voortgang: Callable[[str], None] = lambda _: None,
) -> tuple[list[Path], list[Melding]]:
    """Build the package of one amendment (default the latest) or of all, into `output/`.

    Every document of every package is rendered in memory first; warnings (letter data still
    to fill in) are returned, or with `strikt` stop the build before anything is written.
    """
    stand = laad(map_)
    slug, geschiedenis = stand.geschiedenis(regeling)
    toepassingen = kies_toepassingen(geschiedenis, wijziging_id, alle)
    pakketten = {}
    meldingen: list[Melding] = list(stand.project.waarschuwingen)
    for toepassing in toepassingen:
        voortgang(f"{toepassing.wijziging.id}: documenten maken")
        pakket = render_pakket(map_, geschiedenis, toepassing, instellingen, lezer=lees_bestand)
        pakketten[pakketmap(map_ / "output", slug, toepassing.wijziging.id)] = pakket.bestanden
        meldingen += pakket.meldingen
    if strikt and meldingen:
        raise GrgenFout("Waarschuwingen bij --strict; er is niets geschreven", [dataclasses.replace(m, ernst=FOUT) for m in meldingen])
    for doel, bestanden in pakketten.items():
        voortgang(f"{doel.name}: {len(bestanden)} bestanden schrijven")
    schrijf_pakketten(map_, pakketten)
    return list(pakketten), meldingen
