"""The pipeline: load -> validate -> timeline -> render -> write, top to bottom.

`laad` gives the validated state of a project (every version of every regeling); `bouw`
renders the approval packages in memory and only then writes them, each atomically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from generator.controles import Resultaat, controleer_project
from generator.controles.procedure import bewaar_feestdagen_in
from generator.errors import FOUT, GrgenFout, Melding, WijzigingFout
from generator.loader import Project
from generator.loader.bestanden import lees_bestand
from generator.loader.cache import code_opslag, lees_project_bewaard
from generator.model import Versie
from generator.uitvoer import pakketmap, schrijf_pakketten
from generator.werkers import verdeeld
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis, bouw_geschiedenis

if TYPE_CHECKING:  # the renderers (Word, Jinja, Markdown) are imported by `bouw` alone
    from generator.render.pakket import Instellingen, Opzet, Pakket


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
    that amendment (later ones build on it). The sources are read through the cache
    (`loader.cache`): the YAML is parsed again only when a file or grgen itself changed.
    """
    project = lees_project_bewaard(map_)
    geschiedenissen = {}
    for slug, (regeling, info) in project.regelingen.items():
        geschiedenissen[slug] = bouw_geschiedenis(regeling, info, project.wijzigingen_van(slug))
    return Stand(project, geschiedenissen)


def controleer_stand(stand: Stand, negeer: Iterable[str] = ()) -> Resultaat:
    """`grgen check`: the legal checks over every regeling of a loaded project, with the
    loader's warnings; `negeer` holds rule ids or prefixes to skip."""
    # The working-day check's feestdagen in grgen's cache folder when the user named one.
    bewaar_feestdagen_in(code_opslag("feestdagen"))
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


def _voeg_pdf_toe(pakketten: dict[Path, dict[str, bytes]]) -> None:
    """Put a PDF beside every .docx of every package (one conversion for all)."""
    from generator.render.libreoffice import naar_pdf

    mappen = list(pakketten)
    word = {f"{i}/{naam}": inhoud for i, doel in enumerate(mappen) for naam, inhoud in pakketten[doel].items() if naam.endswith(".docx")}
    for naam, inhoud in naar_pdf(word).items():
        i, _, binnen = naam.partition("/")
        pakketten[mappen[int(i)]][binnen] = inhoud


PAKKETTEN_PER_RONDE = 8  # set up together: their parts keep the workers busy, and few set-ups are held at once


def _gemaakt(
    map_: Path,
    geschiedenis: Geschiedenis,
    toepassingen: list[Toepassing],
    instellingen: Instellingen,
    intussen: Callable[[], None],
    voortgang: Callable[[str], None],
) -> Iterator[tuple[Toepassing, Pakket]]:
    """The package of every amendment, in order.

    A few packages at a time are set up here (their context), and their parts (the shared
    documents, each deelnemer's) are made in worker processes (`werkers`) when there is more
    than one package; `intussen` (the checks) runs in this process while the workers make the
    first ones, and no package is given before it is done. An error setting up a package is raised where one process raises it:
    after `intussen` and the packages before it.
    """
    from generator.render.pakket import stel_samen, zet_op

    omgevingen: dict = {}  # the template environments, shared by the packages of this build
    for begin in range(0, max(len(toepassingen), 1), PAKKETTEN_PER_RONDE):
        ronde = toepassingen[begin : begin + PAKKETTEN_PER_RONDE]
        opzetten: list[Opzet] = []
        uitgesteld: GrgenFout | None = None
        try:
            for toepassing in ronde:
                opzetten.append(zet_op(map_, geschiedenis, toepassing, instellingen, lezer=lees_bestand, omgevingen=omgevingen))
        except GrgenFout as e:
            uitgesteld = e
        delen = [deel for opzet in opzetten for deel in opzet.delen]
        # The parts of one package are too little work to pay for starting workers (W1's
        # largest package: 0.85 s with them, 0.77 s without, on a loaded machine).
        with verdeeld(lambda deel: deel(), delen, hoogstens=1 if len(toepassingen) == 1 else None) as gemaakt:
            if begin == 0:
                intussen()
            for toepassing, opzet in zip(ronde, opzetten, strict=False):  # shorter after an error
                voortgang(f"{toepassing.wijziging.id}: documenten maken")
                yield toepassing, stel_samen(opzet, [next(gemaakt) for _ in opzet.delen])
        if uitgesteld is not None:
            raise uitgesteld


def bouw(
    map_: Path,
    wijziging_id: str | None = None,
    alle: bool = False,
    regeling: str | None = None,
    instellingen: Instellingen | None = None,
    strikt: bool = False,
    voortgang: Callable[[str], None] = lambda _: None,
    negeer: Iterable[str] = (),
    pdf: bool = False,
) -> tuple[list[Path], list[Melding]]:
    """Build the package of one amendment (default the latest) or of all, into `output/`.

    The legal checks of `grgen check` come first: an error stops the build before anything is
    written (what the worker processes made of the first packages meanwhile is dropped). Every
    document of every package is rendered in memory; warnings (the checks', and placeholders
    for data still to fill in) are returned, or with `strikt` stop the build before anything
    is written. `instellingen` default to `render.pakket.STANDAARD`. With
    `pdf` every .docx gets a PDF beside it, all made in one LibreOffice call.
    """
    from generator.render.libreoffice import soffice
    from generator.render.omgeving import Opslag, bewaar_code_in
    from generator.render.pakket import STANDAARD

    if pdf:
        soffice()  # a missing LibreOffice is said before minutes of work, not after
    instellingen = instellingen or STANDAARD
    # Compiled templates in grgen's cache folder when the user named one (GRGEN_CACHE).
    bewaar_code_in(Opslag(*opslag) if (opslag := code_opslag("sjablonen")) else None)
    stand = laad(map_)
    slug, geschiedenis = stand.geschiedenis(regeling)
    toepassingen = kies_toepassingen(geschiedenis, wijziging_id, alle)

    meldingen: list[Melding] = []

    def controleer() -> None:  # while the workers make the first packages
        resultaat = controleer_stand(stand, negeer)
        if resultaat.aantal_fouten:
            fouten = [m for m in resultaat.meldingen() if m.ernst == FOUT]
            raise GrgenFout("De controles vinden fouten; er is niets geschreven (zie grgen check)", fouten)
        meldingen.extend(resultaat.meldingen())

    pakketten = {}
    for toepassing, pakket in _gemaakt(map_, geschiedenis, toepassingen, instellingen, controleer, voortgang):
        pakketten[pakketmap(map_ / "output", slug, toepassing.wijziging.id)] = pakket.bestanden
        meldingen += pakket.meldingen
    if strikt and meldingen:
        raise GrgenFout("Waarschuwingen bij --strict; er is niets geschreven", [dataclasses.replace(m, ernst=FOUT) for m in meldingen])
    if pdf:
        voortgang("PDF-bestanden maken met LibreOffice")
        _voeg_pdf_toe(pakketten)
    for doel, bestanden in pakketten.items():
        voortgang(f"{doel.name}: {len(bestanden)} bestanden schrijven")
    schrijf_pakketten(map_, pakketten)
    return list(pakketten), meldingen
