"""The approval package of one amendment, rendered in memory (nothing is written here).

Which documents a package holds is data (`GEDEELD`, `PER_DEELNEMER`); their wording lives in
the Jinja templates in `sjablonen/`. Markdown documents are converted to Word through
markdown-it tokens (`md_docx`); the renvooi and the was-wordt table are written directly with
native revisions (`word`).

Per deelnemer, templates in `sjablonen/<deelnemer-id>/` and a reference document
`sjablonen/<deelnemer-id>/referentie.docx` (the organisation's house style) take precedence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path
from typing import Any

from generator.diff.versies import vergelijk
from generator.diff.waswordt import rijen
from generator.errors import Bron, InvoerFout, Melding, SjabloonFout, relatief
from generator.model import Deelnemer
from generator.render.context import besluit_context, deelnemer_context
from generator.render.docx.document import Docx
from generator.render.docx.oxml import Revisie
from generator.render.md_docx import markdown_naar_docx
from generator.render.omgeving import Lezer, maak_omgeving, render_sjabloon, sjabloonmappen
from generator.render.renvooi_md import renvooi_md, waswordt_md
from generator.render.word import renvooi_docx, waswordt_docx
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis

ZIENSWIJZE_STADIA = ("ontwerp", "zienswijze")


@dataclasses.dataclass(frozen=True)
class Document:
    """One document of the package: its file name, template, purpose and addressee."""

    naam: str
    sjabloon: str
    doel: str
    geadresseerde: str  # may name {toestemmingsorgaan}, {bestuursorgaan}, {naam}, {het_lichaam}
    naam_openbaar_lichaam: str | None = None  # file name when the deelnemer is an openbaar lichaam
    stadia: tuple[str, ...] | None = None  # only at these stages of the procedure


GEDEELD = (
    Document(
        "wijzigingsbesluit",
        "wijzigingsbesluit.md.j2",
        "het besluit tot wijziging, in de vorm van de Aanwijzingen voor de regelgeving",
        "de colleges en het dagelijks bestuur van de deelnemers",
    ),
    Document(
        "renvooi",
        "renvooi.md.j2",
        "de hele regeling met elke wijziging zichtbaar (in Word als wijzigingen bijhouden)",
        "raden, colleges en ambtelijke lezers",
    ),
    Document(
        "was-wordt",
        "was-wordt.md.j2",
        "per gewijzigd artikel of lid de huidige en de nieuwe tekst, met toelichting",
        "raden, colleges en ambtelijke lezers",
    ),
    Document(
        "geconsolideerd",
        "geconsolideerd.md.j2",
        "de doorlopende tekst na de wijziging, met de versies die erin zijn verwerkt",
        "iedereen; basis voor CVDR",
    ),
    Document("kennisgeving", "kennisgeving.md.j2", "de bekendmaking in het Gemeenteblad (Wgr art. 26)", "de publicerende gemeente"),
)
PER_DEELNEMER = (
    Document(
        "zienswijzebrief",
        "zienswijzebrief.md.j2",
        "aanbieding van het ontwerp voor een zienswijze binnen acht weken (Wgr art. 1, tweede en derde lid)",
        "de {toestemmingsorgaan} van {naam}",
        stadia=ZIENSWIJZE_STADIA,
    ),
    Document(
        "raadsvoorstel",
        "raadsvoorstel.md.j2",
        "voorstel om toestemming te verlenen (Wgr art. 1, vierde lid)",
        "de {toestemmingsorgaan} van {naam}",
        "voorstel-algemeen-bestuur",
    ),
    Document(
        "raadsbesluit",
        "raadsbesluit.md.j2",
        "besluit tot het verlenen van toestemming (Wgr art. 1, vierde lid)",
        "de {toestemmingsorgaan} van {naam}",
        "besluit-algemeen-bestuur",
    ),
    Document(
        "collegebesluit",
        "collegebesluit.md.j2",
        "besluit tot wijziging van de regeling",
        "het {bestuursorgaan} van {naam}",
        "besluit-dagelijks-bestuur",
    ),
)


@dataclasses.dataclass(frozen=True)
class Instellingen:
    """Choices for one build, from the command line."""

    markering: str = "html"  # "html" (<ins>/<del>) or "critic" (CriticMarkup) in renvooi.md
    vorm: str | None = None  # overrides the amendment's vorm: "artikelsgewijs" or "integraal"


STANDAARD = Instellingen()


@dataclasses.dataclass(frozen=True)
class Pakket:
    bestanden: dict[str, bytes]
    meldingen: tuple[Melding, ...]  # warnings, e.g. letter data still to fill in


def render_pakket(
    project: Path, geschiedenis: Geschiedenis, toepassing: Toepassing, instellingen: Instellingen | None = None, *, lezer: Lezer
) -> Pakket:
    """Every document of the package of `toepassing`, as file name -> content.

    Templates and reference documents of the project are read with `lezer`, the loader's reader
    (`generator.loader.bestanden.lees_bestand`): this layer renders, it does not open files.
    """
    instellingen = instellingen or STANDAARD
    w = toepassing.wijziging
    if instellingen.vorm:
        w = dataclasses.replace(w, vorm=instellingen.vorm)
        toepassing = dataclasses.replace(toepassing, wijziging=w)
    voor, na = toepassing.voor.regeling, toepassing.na.regeling
    verschillen = vergelijk(voor, na)
    tabelrijen = rijen(verschillen, voor, na, toepassing.toelichting_per_element())
    context = besluit_context(geschiedenis, toepassing)
    context["renvooi"] = renvooi_md(verschillen, [], instellingen.markering)
    context["tabel"] = waswordt_md(tabelrijen)
    meldingen: list[Melding] = []
    bestanden: dict[str, bytes] = {}
    beschrijving: dict[str, tuple[str, str]] = {}
    omgeving = maak_omgeving(sjabloonmappen(project), project, lezer=lezer)
    citeertitel = voor.citeertitel
    centrum = na.zoek_deelnemer(na.centrumgemeente or "") or na.deelnemer(na.publicerende_gemeente)
    auteur = f"{centrum.het_lichaam[:1].upper()}{centrum.het_lichaam[1:]}"
    referentie = _referentie(project, None, lezer)

    for doc in GEDEELD:
        markdown = _netjes(render_sjabloon(omgeving, doc.sjabloon, context))
        bestanden[f"{doc.naam}.md"] = markdown.encode("utf-8")
        beschrijving[f"{doc.naam}.md"] = (doc.doel, doc.geadresseerde)
    revisie = Revisie(w.kort, w.datum_besluit)
    inleiding = [
        f"Versie {toepassing.voor.id} – versie {toepassing.na.id}: {w.titel}.",
        "Leeswijzer: doorgehaalde tekst vervalt, onderstreepte tekst wordt ingevoegd. Elke wijziging is een "
        "Word-revisie (Wijzigingen bijhouden) en kan worden aanvaard of geweigerd.",
    ]
    bestanden["renvooi.docx"] = renvooi_docx(verschillen, citeertitel, toepassing.voor.id, toepassing.na.id, revisie, inleiding)
    bestanden["was-wordt.docx"] = waswordt_docx(
        tabelrijen,
        f"Was-wordt-tabel {citeertitel}",
        f"{citeertitel} – Was-wordt versie {toepassing.voor.id} - versie {toepassing.na.id}",
        w.datum_besluit,
        w.kort,
        [f"{w.titel}."],
    )
    for naam in ("renvooi.docx", "was-wordt.docx"):
        beschrijving[naam] = beschrijving[naam.replace(".docx", ".md")]
    for doc in GEDEELD:
        if doc.naam in ("renvooi", "was-wordt"):
            continue
        naam = f"{doc.naam}.docx"
        bestanden[naam] = _als_docx(bestanden[f"{doc.naam}.md"].decode("utf-8"), citeertitel, w.datum_besluit, auteur, referentie)
        beschrijving[naam] = (doc.doel, doc.geadresseerde)

    betrokken = [d for d in na.deelnemers if d.neemt_deel_op(w.inwerkingtreding) or d.id in {u.id for u in context["uittredingen"]}]
    _controleer_mapnamen(betrokken, {*bestanden, "index.md"})
    for deelnemer in betrokken:
        eigen = maak_omgeving(sjabloonmappen(project, deelnemer.id), project, lezer=lezer)
        dcontext = deelnemer_context(context, toepassing, deelnemer, meldingen)
        eigen_referentie = _referentie(project, deelnemer.id, lezer)
        for doc in PER_DEELNEMER:
            if doc.stadia is not None and w.stadium not in doc.stadia:
                continue
            stam = doc.naam_openbaar_lichaam if doc.naam_openbaar_lichaam and not deelnemer.is_gemeente else doc.naam
            markdown = _netjes(render_sjabloon(eigen, doc.sjabloon, dcontext))
            geadresseerde = doc.geadresseerde.format(**_organen(deelnemer))
            for naam, inhoud in (
                (f"{deelnemer.id}/{stam}.md", markdown.encode("utf-8")),
                (
                    f"{deelnemer.id}/{stam}.docx",
                    _als_docx(markdown, citeertitel, w.datum_besluit, f"{deelnemer.bestuursorgaan} van {deelnemer.naam}", eigen_referentie),
                ),
            ):
                bestanden[naam] = inhoud
                beschrijving[naam] = (doc.doel, geadresseerde)

    documenten = [
        {"pad": naam, "doel": beschrijving[naam][0], "geadresseerde": beschrijving[naam][1], "sha256": hashlib.sha256(inhoud).hexdigest()}
        for naam, inhoud in sorted(bestanden.items(), key=lambda kv: (kv[0].count("/"), kv[0]))
    ]
    index = render_sjabloon(omgeving, "index.md.j2", {**context, "documenten": documenten})
    bestanden["index.md"] = _netjes(index).encode("utf-8")
    return Pakket(bestanden, tuple(meldingen))


def _controleer_mapnamen(deelnemers: list[Deelnemer], bestanden: set[str]) -> None:
    """A deelnemer's documents go into a folder named after its id: that name must not be a file of the package."""
    botsend = [
        Melding(
            f"de id '{d.id}' van deelnemer {d.naam} is ook de naam van het bestand {d.id} in het pakket, "
            "terwijl de documenten van de deelnemer in een map met die naam komen",
            d.bron,
            f"deelnemer {d.id}",
            "kies een id zonder bestandsextensie, bijv. de naam van de gemeente in kleine letters",
        )
        for d in deelnemers
        if d.id in bestanden
    ]
    if botsend:
        raise InvoerFout("Het pakket kan niet worden samengesteld", botsend)


def _organen(d: Deelnemer) -> dict[str, Any]:
    return {"toestemmingsorgaan": d.toestemmingsorgaan, "bestuursorgaan": d.bestuursorgaan, "naam": d.naam, "het_lichaam": d.het_lichaam}


def _referentie(project: Path, deelnemer: str | None, lezer: Lezer) -> bytes | None:
    """The reference document (house style): the deelnemer's own, the project's, or grgen's
    (None). Read by the loader's reader: a regular file inside the project."""
    kandidaten = ([project / "sjablonen" / deelnemer / "referentie.docx"] if deelnemer else []) + [
        project / "sjablonen" / "referentie.docx"
    ]
    pad = next((p for p in kandidaten if p.is_symlink() or p.exists()), None)
    if pad is None:
        return None
    ruw, meldingen = lezer(pad, relatief(pad, project), project)
    if ruw is None:
        raise SjabloonFout("Referentiedocument kan niet worden gelezen", meldingen)
    _controleer_referentie(ruw, pad, project)
    return ruw


def _controleer_referentie(ruw: bytes, pad: Path, project: Path) -> None:
    """A house-style document must be a Word document with the styles grgen writes with."""
    bron = Bron(relatief(pad, project))
    try:
        doc = Docx(basis=ruw)
    except Exception as e:  # noqa: BLE001 - python-docx raises several kinds for a broken package
        raise SjabloonFout(
            "Referentiedocument kan niet worden gebruikt",
            [
                Melding(
                    f"geen geldig Word-document (.docx): {type(e).__name__}", bron, hint="sla de huisstijl in Word op als .docx-document"
                )
            ],
        ) from e
    ontbrekend = [s for s in VEREISTE_STIJLEN if not doc.heeft_stijl(s)]
    if ontbrekend:
        raise SjabloonFout(
            "Referentiedocument mist stijlen",
            [
                Melding(
                    f"de stijlen {', '.join(ontbrekend)} ontbreken",
                    bron,
                    hint="begin met een kopie van grgen's basisdocument (generator/render/docx/basis.docx)",
                )
            ],
        )


# The paragraph styles grgen's documents use; a reference document must define them all.
VEREISTE_STIJLEN = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Lid", "Onderdeel", "Subonderdeel", "Vervolg", "Vervolg 2")

_TITEL = re.compile(r"^# (.+)$", re.M)


def _als_docx(markdown: str, citeertitel: str, datum, auteur: str, referentie: bytes | None) -> bytes:  # noqa: ANN001
    titel_m = _TITEL.search(markdown)
    titel = titel_m[1].replace("\\", "") if titel_m else citeertitel
    # The running header names regeling and document in one line: a title that holds the
    # citeertitel ("Wijziging van de X in verband met ...") is cut after it.
    koptekst = titel[: titel.index(citeertitel) + len(citeertitel)] if citeertitel in titel else f"{citeertitel} – {titel}"
    return markdown_naar_docx(markdown, titel=titel, koptekst=koptekst, datum=datum, auteur=auteur, basis=referentie)


def _netjes(markdown: str) -> str:
    """At most one blank line between paragraphs and one newline at the end."""
    regels: list[str] = []
    for regel in markdown.splitlines():
        regel = regel.rstrip()
        if not regel and (not regels or not regels[-1]):
            continue
        regels.append(regel)
    return "\n".join(regels).strip() + "\n"
