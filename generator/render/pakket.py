"""The approval package of one amendment, rendered in memory (nothing is written here).

Which documents a package holds is data (`GEDEELD`, and per deelnemer `generator.procedure.stukken`); their wording lives in
the Jinja templates in `sjablonen/`. Markdown documents are converted to Word through
markdown-it tokens (`md_docx`); the renvooi and the was-wordt table are written directly with
native revisions (`word`).

Per deelnemer, templates in `sjablonen/<deelnemer-id>/` and a reference document
`sjablonen/<deelnemer-id>/referentie.docx` (the organisation's house style) take precedence.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from generator.diff.versies import uitgevouwen, vergelijk_per_deel
from generator.diff.waswordt import rijen
from generator.errors import Bron, InvoerFout, Melding, SjabloonFout, relatief
from generator.model import Deelnemer
from generator.model.regeling import TAKEN
from generator.procedure import stukken
from generator.render.context import besluit_context, deelnemer_context, stuk_context
from generator.render.docx.document import Docx
from generator.render.docx.oxml import Revisie
from generator.render.md_docx import markdown_naar_docx
from generator.render.omgeving import Lezer, hoofdletter, maak_omgeving, render_sjabloon, sjabloonmappen
from generator.render.renvooi_md import renvooi_md, waswordt_md
from generator.render.versienamen import koptekst
from generator.render.word import renvooi_docx, waswordt_docx
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


@dataclasses.dataclass(frozen=True)
class Document:
    """One document of the package: its file name, template, purpose and addressee."""

    naam: str
    sjabloon: str
    doel: str
    geadresseerde: str
    soort: str  # what a reader calls it, for the header and the document title: "Raadsbesluit"


GEDEELD = (
    Document(
        "wijzigingsbesluit",
        "wijzigingsbesluit.md.j2",
        "het besluit tot wijziging, in de vorm van de Aanwijzingen voor de regelgeving",
        "de colleges en het dagelijks bestuur van de deelnemers",
        "Wijzigingsbesluit",
    ),
    Document(
        "renvooi",
        "renvooi.md.j2",
        "de hele regeling met elke wijziging zichtbaar (in Word als wijzigingen bijhouden)",
        "raden, colleges en ambtelijke lezers",
        "Renvooi",
    ),
    Document(
        "was-wordt",
        "was-wordt.md.j2",
        "per gewijzigd artikel of lid de huidige en de nieuwe tekst, met toelichting",
        "raden, colleges en ambtelijke lezers",
        "Was-wordt-tabel",
    ),
    Document(
        "geconsolideerd",
        "geconsolideerd.md.j2",
        "de doorlopende tekst na de wijziging, met de versies die erin zijn verwerkt",
        "iedereen; basis voor CVDR",
        "Geconsolideerde tekst",
    ),
    Document(
        "kennisgeving",
        "kennisgeving.md.j2",
        "de bekendmaking in het gemeenteblad (artikel 26 van de Wet gemeenschappelijke regelingen)",
        "de publicerende gemeente",
        "Kennisgeving",
    ),
)
# Per deelnemer: the documents of the procedure (`generator.procedure.stukken`), one template
# per kind of document and role, and what it is for.
SJABLONEN = {
    ("zienswijzebrief", "zienswijze"): "zienswijzebrief.md.j2",
    ("voorstel", "toestemming"): "raadsvoorstel.md.j2",
    ("voorstel", "vaststelling"): "raadsvoorstel.md.j2",
    ("besluit", "toestemming"): "raadsbesluit.md.j2",
    ("besluit", "vaststelling"): "raadsbesluit.md.j2",
    ("besluit", "besluit"): "collegebesluit.md.j2",
}
WGR = "van de Wet gemeenschappelijke regelingen"
DOELEN = {
    (
        "zienswijzebrief",
        "zienswijze",
    ): f"aanbieding van het ontwerp voor een zienswijze binnen acht weken (artikel 1, tweede en derde lid, {WGR})",
    ("voorstel", "toestemming"): f"voorstel om toestemming te verlenen (artikel 1, vierde lid, {WGR})",
    ("voorstel", "vaststelling"): f"voorstel om de wijziging zelf vast te stellen (artikel 1, eerste lid, {WGR})",
    ("besluit", "toestemming"): f"besluit tot het verlenen van toestemming (artikel 1, vierde lid, {WGR})",
    ("besluit", "vaststelling"): f"besluit tot wijziging van de regeling (artikel 1, eerste lid, {WGR})",
    ("besluit", "besluit"): "besluit tot wijziging van de regeling",
}
EIGEN_ORGAAN = "besluit-eigen-orgaan.md.j2"  # a document for an organ of the GR itself (Regeling.rollen)
EIGEN_MAP = "regeling-organen"  # the folder of those documents in the package


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


@dataclasses.dataclass(frozen=True)
class Deel:
    """The documents one part of a package made, and the warnings it added."""

    bestanden: dict[str, bytes]
    beschrijving: dict[str, tuple[str, str]]  # file name -> (purpose, addressee), for index.md
    meldingen: tuple[Melding, ...]


@dataclasses.dataclass(frozen=True)
class Opzet:
    """A package before its documents are made: the parts that make them (the shared documents,
    each deelnemer's, those of the regeling's own organs), independent of each other, so they
    can be made in any process (`generator.werkers`), and `stel_samen` to put them together."""

    delen: tuple[Callable[[], Deel], ...]
    index: Callable[[list[dict[str, str]]], Deel]  # index.md from the list of documents
    meldingen: tuple[Melding, ...]  # the warnings of setting it up


def render_pakket(
    project: Path, geschiedenis: Geschiedenis, toepassing: Toepassing, instellingen: Instellingen | None = None, *, lezer: Lezer
) -> Pakket:
    """Every document of the package of `toepassing`, as file name -> content.

    Templates and reference documents of the project are read with `lezer`, the loader's reader
    (`generator.loader.bestanden.lees_bestand`): this layer renders, it does not open files.
    """
    opzet = zet_op(project, geschiedenis, toepassing, instellingen, lezer=lezer)
    return stel_samen(opzet, [deel() for deel in opzet.delen])


def stel_samen(opzet: Opzet, delen: Iterable[Deel]) -> Pakket:
    """The package from its parts, in the order of `opzet.delen`, with index.md. A warning
    that several parts give (each in its own process) is kept once, where it first came."""
    bestanden: dict[str, bytes] = {}
    beschrijving: dict[str, tuple[str, str]] = {}
    meldingen = list(opzet.meldingen)

    def voeg_toe(deel: Deel) -> None:
        bestanden.update(deel.bestanden)
        beschrijving.update(deel.beschrijving)
        meldingen.extend(m for m in deel.meldingen if m not in meldingen)

    for deel in delen:
        voeg_toe(deel)
    documenten = [
        {"pad": naam, "doel": beschrijving[naam][0], "geadresseerde": beschrijving[naam][1], "sha256": hashlib.sha256(inhoud).hexdigest()}
        for naam, inhoud in sorted(bestanden.items(), key=lambda kv: (kv[0].count("/"), kv[0]))
    ]
    voeg_toe(opzet.index(documenten))
    return Pakket(bestanden, tuple(meldingen))


def zet_op(
    project: Path,
    geschiedenis: Geschiedenis,
    toepassing: Toepassing,
    instellingen: Instellingen | None = None,
    *,
    lezer: Lezer,
    omgevingen: dict[tuple[Path, ...], SandboxedEnvironment] | None = None,
) -> Opzet:
    """The package of `toepassing` set up: its context, its reference document, and its parts.

    `omgevingen` holds the template environments of one build, by their folders, for the next
    package to use (the templates do not change during a build)."""
    instellingen = instellingen or STANDAARD
    w = toepassing.wijziging
    if instellingen.vorm:
        w = dataclasses.replace(w, vorm=instellingen.vorm)
        toepassing = dataclasses.replace(toepassing, wijziging=w)
    voor, na = toepassing.voor.regeling, toepassing.na.regeling
    # The Word renvooi writes a shared element straight from its blocks; the other views take
    # every block (the blocks are drawn once, for both).
    per_deel = vergelijk_per_deel(voor, na)
    verschillen = uitgevouwen(per_deel)
    tabelrijen = rijen(verschillen, voor, na, toepassing.toelichting_per_element())
    # Every warning goes into this list, also those a template adds while it renders (a letter
    # field still to fill in, `context.Briefgegevens`); a part reports what it added.
    meldingen: list[Melding] = []
    context = besluit_context(geschiedenis, toepassing, meldingen)
    context["renvooi"] = renvooi_md(verschillen, [], instellingen.markering)
    context["tabel"] = waswordt_md(tabelrijen)
    omgevingen = {} if omgevingen is None else omgevingen

    def omgeving_van(mappen: list[Path]) -> SandboxedEnvironment:
        """The template environment of these folders, made once per build (its templates are
        then loaded once, not again for every package and deelnemer)."""
        if (sleutel := tuple(mappen)) not in omgevingen:
            omgevingen[sleutel] = maak_omgeving(mappen, project, lezer=lezer)
        return omgevingen[sleutel]

    omgeving = omgeving_van(sjabloonmappen(project))
    citeertitel = voor.citeertitel
    centrum = na.zoek_deelnemer(na.centrumgemeente or "") or na.deelnemer(na.publicerende_gemeente)
    auteur = organisatie(centrum)
    referentie = _referentie(project, None, lezer)
    betrokken = context["betrokken"]
    # The templates are loaded here, before the parts go to worker processes: every worker (of
    # every round of packages) inherits them instead of loading, or compiling, them again.
    _laad(omgeving, [doc.sjabloon for doc in GEDEELD] + ["index.md.j2"] + ([EIGEN_ORGAAN] if context["rollen"] else []))
    for deelnemer in betrokken:
        namen = [SJABLONEN.get((stuk.soort, stuk.rol)) for stuk in stukken(deelnemer, w.stadium)]
        _laad(omgeving_van(sjabloonmappen(project, deelnemer.id)), [n for n in namen if n])

    def deel(maak: Callable[[dict[str, bytes], dict[str, tuple[str, str]]], None]) -> Callable[[], Deel]:
        """A part of the package: `maak` fills in its files and their descriptions."""

        def gemaakt() -> Deel:
            eerder = len(meldingen)
            bestanden: dict[str, bytes] = {}
            beschrijving: dict[str, tuple[str, str]] = {}
            maak(bestanden, beschrijving)
            return Deel(bestanden, beschrijving, tuple(meldingen[eerder:]))

        return gemaakt

    def gedeeld(bestanden: dict[str, bytes], beschrijving: dict[str, tuple[str, str]]) -> None:
        for doc in GEDEELD:
            markdown = _netjes(render_sjabloon(omgeving, doc.sjabloon, context))
            bestanden[f"{doc.naam}.md"] = markdown.encode("utf-8")
            beschrijving[f"{doc.naam}.md"] = (doc.doel, doc.geadresseerde)
        revisie = Revisie(w.kort, w.datum_besluit)
        voor_naam, na_naam = context["voor"]["naam"], context["na"]["naam"]
        inleiding = [
            f"{w.titel}. Huidige tekst: {voor_naam}. Nieuwe tekst: {na_naam}.",
            "Leeswijzer: doorgehaalde tekst vervalt, onderstreepte tekst wordt ingevoegd. Elke wijziging is een "
            "Word-revisie (Wijzigingen bijhouden) en kan worden aanvaard of geweigerd.",
        ]
        bestanden["renvooi.docx"] = renvooi_docx(
            per_deel,
            f"Renvooi {citeertitel}",
            koptekst(citeertitel, "Renvooi", w),
            auteur,
            revisie,
            inleiding,
            toepassing.toelichting_per_element(),
        )
        bestanden["was-wordt.docx"] = waswordt_docx(
            tabelrijen,
            f"Was-wordt-tabel {citeertitel}",
            koptekst(citeertitel, "Was-wordt-tabel", w),
            w.datum_besluit,
            auteur,
            [f"{w.titel}. Huidige tekst: {voor_naam}. Nieuwe tekst: {na_naam}."],
        )
        for naam in ("renvooi.docx", "was-wordt.docx"):
            beschrijving[naam] = beschrijving[naam.replace(".docx", ".md")]
        for doc in GEDEELD:
            if doc.naam in ("renvooi", "was-wordt"):
                continue
            naam = f"{doc.naam}.docx"
            titel = w.titel if doc.naam == "wijzigingsbesluit" else f"{doc.soort} {citeertitel} – {w.kort}"
            bestanden[naam] = markdown_naar_docx(
                bestanden[f"{doc.naam}.md"].decode("utf-8"),
                titel=titel,
                koptekst=koptekst(citeertitel, doc.soort, w),
                datum=w.datum_besluit,
                auteur=auteur,
                basis=referentie,
            )
            beschrijving[naam] = (doc.doel, doc.geadresseerde)
        _controleer_mapnamen(betrokken, {*bestanden, "index.md", EIGEN_MAP})

    def van(deelnemer: Deelnemer) -> Callable[[dict[str, bytes], dict[str, tuple[str, str]]], None]:
        def maak(bestanden: dict[str, bytes], beschrijving: dict[str, tuple[str, str]]) -> None:
            eigen = omgeving_van(sjabloonmappen(project, deelnemer.id))
            dcontext = deelnemer_context(context, toepassing, deelnemer, meldingen)
            eigen_referentie = _referentie(project, deelnemer.id, lezer)
            for stuk in stukken(deelnemer, w.stadium):
                sleutel = (stuk.soort, stuk.rol)
                markdown = _netjes(
                    render_sjabloon(eigen, SJABLONEN[sleutel], {**dcontext, **stuk_context(stuk, deelnemer, dcontext["gegevens"])})
                )
                soort = hoofdletter(stuk.bestand.replace("-", " "))  # "Raadsbesluit", "Besluit dagelijks bestuur"
                for naam, inhoud in (
                    (f"{deelnemer.id}/{stuk.bestand}.md", markdown.encode("utf-8")),
                    (
                        f"{deelnemer.id}/{stuk.bestand}.docx",
                        markdown_naar_docx(
                            markdown,
                            titel=f"{soort} {deelnemer.naam}: {w.titel}",
                            koptekst=koptekst(citeertitel, soort, w),
                            datum=w.datum_besluit,
                            auteur=organisatie(deelnemer),
                            basis=eigen_referentie,
                        ),
                    ),
                ):
                    bestanden[naam] = inhoud
                    beschrijving[naam] = (DOELEN[sleutel], f"{stuk.orgaan.met_lidwoord} van {deelnemer.van}")

        return maak

    def van_organen(bestanden: dict[str, bytes], beschrijving: dict[str, tuple[str, str]]) -> None:
        for rol in context["rollen"]:
            markdown = _netjes(render_sjabloon(omgeving, EIGEN_ORGAAN, {**context, "rol": rol, "orgaan": rol.orgaanrij}))
            stam = f"{EIGEN_MAP}/{rol.orgaanrij.besluit}-{rol.taak}"
            soort = hoofdletter(f"{rol.orgaanrij.besluit.replace('-', ' ')} ({rol.taak})")
            bestanden[f"{stam}.md"] = markdown.encode("utf-8")
            bestanden[f"{stam}.docx"] = markdown_naar_docx(
                markdown,
                titel=f"{soort}: {w.titel}",
                koptekst=koptekst(citeertitel, soort, w),
                datum=w.datum_besluit,
                auteur=hoofdletter(context["het_gr_lichaam"] or citeertitel),
                basis=referentie,
            )
            doel = f"besluit van {rol.orgaanrij.met_lidwoord} van de regeling, dat {TAKEN[rol.taak]}"
            for naam in (f"{stam}.md", f"{stam}.docx"):
                beschrijving[naam] = (doel, f"{rol.orgaanrij.met_lidwoord} van {context['het_gr_lichaam']}")

    def index(documenten: list[dict[str, str]]) -> Deel:
        def maak(bestanden: dict[str, bytes], _beschrijving: dict[str, tuple[str, str]]) -> None:
            bestanden["index.md"] = _netjes(render_sjabloon(omgeving, "index.md.j2", {**context, "documenten": documenten})).encode("utf-8")

        return deel(maak)()

    delen = (deel(gedeeld), *(deel(van(d)) for d in betrokken), deel(van_organen))
    return Opzet(delen, index, tuple(meldingen))


def _laad(omgeving: SandboxedEnvironment, namen: list[str]) -> None:
    """Load templates into the environment ahead of rendering. One that cannot be loaded (a
    syntax error, a file that cannot be read) is left to the part that renders it, which reports
    it with its file and line."""
    for naam in namen:
        try:
            omgeving.get_template(naam)
        except Exception:  # noqa: BLE001, S110 - reported where the template is rendered
            pass


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


def organisatie(d: Deelnemer) -> str:
    """The organisation as a document's creator: "Gemeente Hengelo", "Openbaar lichaam SWB Midden Twente"."""
    naam = d.het_lichaam.removeprefix("de ").removeprefix("het ")
    return naam[:1].upper() + naam[1:]


def _netjes(markdown: str) -> str:
    """At most one blank line between paragraphs and one newline at the end."""
    regels: list[str] = []
    for regel in markdown.splitlines():
        regel = regel.rstrip()
        if not regel and (not regels or not regels[-1]):
            continue
        regels.append(regel)
    return "\n".join(regels).strip() + "\n"
