"""The command line: click commands that parse options and call one core function each."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import sys
import traceback
from pathlib import Path

import click

from generator import __version__, proces
from generator.errors import WAARSCHUWING, GrgenFout, UitvoerFout, reden
from generator.loader.regeling import SOORTEN_REGELING  # a click.Choice of `importeer` needs it at start-up
from generator.uitvoer import schrijf_bestand

# Each command imports what it needs (the pipeline, the renderers) in its own body: `grgen --help`
# and a usage error then cost the interpreter and click only, and `toon` does not load Word or
# Jinja. benchmarks/run.py measures this start-up against the bare interpreter.


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun in the right number.

    >>> aantal(1, "wijziging", "wijzigingen"), aantal(0, "wijziging", "wijzigingen")
    ('1 wijziging', '0 wijzigingen')
    """
    return f"{n} {enkelvoud if n == 1 else meervoud}"


class Datum(click.ParamType):
    name = "datum"

    def convert(self, value, param, ctx):  # noqa: ANN001
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is geen datum; schrijf JJJJ-MM-DD, bijv. 2025-07-01", param, ctx)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# click marks every text it shows for gettext (`_` and `ngettext` in its modules). These are the
# ones a grgen user can meet, keyed by click's own English; where click 8.1 and 8.5 word a message
# differently, both are listed. A text not listed stays English rather than breaking.
_CLICK_TEKSTEN = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie van grgen en stop.",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "No such option: {name}": "onbekende optie '{name}'.",
    "No such option {name!r}.": "onbekende optie {name!r}.",
    "No such command {name!r}.": "onbekende opdracht {name!r}.",
    "Missing command.": "opdracht ontbreekt.",
    "Missing argument": "ontbrekend argument",
    "Missing option": "ontbrekende optie",
    "Missing parameter": "ontbrekende parameter",
    "Invalid value for {param_hint}: {message}": "ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "optie {name!r} heeft geen waarde.",
    "Argument {name!r} takes {nargs} values.": "argument {name!r} heeft {nargs} waarden.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
}
# (singular, plural) -> (singular, plural)
_CLICK_MEERVOUDEN = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "onverwacht extra argument: {args}",
        "onverwachte extra argumenten: {args}",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "optie {name!r} heeft een waarde nodig.",
        "optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is geen van {choices}.",
    ),
}


def _gettext(tekst: str) -> str:
    return _CLICK_TEKSTEN.get(tekst, tekst)


def _ngettext(enkelvoud: str, meervoud: str, aantal: int) -> str:
    vertaald = _CLICK_MEERVOUDEN.get((enkelvoud, meervoud), (enkelvoud, meervoud))
    return vertaald[0] if aantal == 1 else vertaald[1]


def _vertaal_click() -> None:
    """Dutch texts from click: give its gettext hooks (module globals `_`, `ngettext`) our tables."""
    for module in (click.core, click.exceptions, click.parser, click.types, click.formatting, click.decorators):
        module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


_vertaal_click()


class NederlandseOpdracht(click.Command):
    """A subcommand whose usage errors name it ("Zie 'grgen toon --help'"), also where click's
    parser raises them without a context."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as e:
            if e.ctx is None:
                e.ctx = ctx
            raise


class NederlandseGroep(click.Group):
    """A click group whose usage lines and errors are Dutch; usage errors exit with code 2."""

    command_class = NederlandseOpdracht

    def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.options_metavar = "[OPTIES]"
        super().add_command(cmd, name)

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.UsageError as e:
            opdracht = e.ctx.command_path if e.ctx else "grgen"
            click.echo(f"fout: {e.format_message()}\nZie '{opdracht} --help'.", err=True)
            sys.exit(2)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("afgebroken", err=True)
            sys.exit(1)


@click.group(cls=NederlandseGroep, context_settings=CONTEXT)
@click.option(
    "-C",
    "map_",
    type=click.Path(path_type=Path),  # existence is checked by the loader, with a Dutch message
    metavar="MAP",
    default=".",
    show_default=True,
    help="De projectmap (met regeling/, wijzigingen/, sjablonen/); standaard de huidige map.",
)
@click.version_option(__version__, "--versie-grgen", message="grgen %(version)s")
@click.pass_context
def grgen(ctx: click.Context, map_: Path) -> None:
    """grgen: een gemeenschappelijke regeling als versiebeheerde tekst.

    grgen leest de regeling uit regeling/ en de wijzigingen uit wijzigingen/, past de
    wijzigingen toe volgens de Aanwijzingen voor de regelgeving en maakt de stukken voor raad
    en college in output/.

    \b
    Exitcodes: 0 gelukt, 1 ongeldige invoer of wijziging, 2 verkeerd gebruik van de opdracht.
    """
    ctx.obj = map_


@grgen.command()
@click.option("--strict", is_flag=True, help="Behandel waarschuwingen als fouten.")
@click.option("--json", "als_json", is_flag=True, help="Schrijf samenvatting en bevindingen als JSON naar stdout, voor CI.")
@click.option(
    "--negeer",
    multiple=True,
    metavar="CONTROLE",
    help="Sla een juridische controle over: een id of het begin ervan (bijv. 'wgr' of 'ar-3.59-leestekens'); herhaalbaar.",
)
@click.option("--controles", "toon_controles", is_flag=True, help="Toon alle juridische controles met hun bron en ernst, en stop.")
@click.pass_obj
def check(map_: Path, strict: bool, als_json: bool, negeer: tuple[str, ...], toon_controles: bool) -> None:
    """Controleer de regeling en alle wijzigingen, en toon een samenvatting.

    Leest alle bestanden, meldt alle fouten tegelijk (met bestand:regel:kolom) en past alle
    wijzigingen toe. Daarna volgen de juridische controles op elke versie: wat de Wet
    gemeenschappelijke regelingen vraagt (wijziging, toetreding, uittreding, belang,
    evaluatie, ...), de vorm volgens de Aanwijzingen voor de regelgeving, verwijzingen in de
    tekst en de samenhang van elke wijziging. Elke bevinding noemt bestand:regel, ernst,
    controle en rechtsbron, de versie(s) en een suggestie. Exitcode 0 als er geen fouten zijn,
    anders 1.
    """
    from generator.controles import REGELS, fout_als_json, kies_regels
    from generator.pipeline import controleer_stand, laad

    if toon_controles:
        for regel in REGELS:
            click.echo(f"{regel.id:<38} {regel.ernst:<12} {regel.bron:<32} {regel.omschrijving}")
        return
    onbekend = [n for n in negeer if len(kies_regels(REGELS, [n])) == len(REGELS)]
    if onbekend:
        raise click.UsageError(f"onbekende controle '{onbekend[0]}' bij --negeer; zie 'grgen check --controles'")
    try:
        stand = laad(map_)
    except GrgenFout as e:
        if not als_json:
            raise
        click.echo(fout_als_json(e))
        sys.exit(1)
    resultaat = controleer_stand(stand, negeer)
    if strict:
        resultaat = resultaat.streng()
    if als_json:
        click.echo(resultaat.als_json())
        if resultaat.aantal_fouten:
            sys.exit(1)
        return
    meldingen = resultaat.meldingen()
    for melding in meldingen:
        click.echo(str(melding), err=True)
    for slug, geschiedenis in stand.geschiedenissen.items():
        tijdlijn = geschiedenis.tijdlijn
        basis, laatste = tijdlijn.basis.regeling, tijdlijn.laatste
        artikelen = sum(1 for _ in laatste.regeling.artikelen())
        # the hoofdstukken a reader sees: one printed without heading (`kop: geen`) is not counted
        hoofdstukken = sum(1 for h in laatste.regeling.kinderen if h.soort == "hoofdstuk" and h.kop_getoond)
        click.echo(f"{basis.citeertitel} ({slug})")
        click.echo(
            f"  versies: {len(tijdlijn.versies)} (basis {tijdlijn.basis.id}, {aantal(len(geschiedenis.toepassingen), 'wijziging', 'wijzigingen')} toegepast)"
        )
        click.echo(
            f"  geldende versie vanaf {laatste.info.inwerkingtreding:%d-%m-%Y}: {laatste.id}, "
            f"{aantal(artikelen, 'artikel', 'artikelen')}"
            + (f" in {aantal(hoofdstukken, 'hoofdstuk', 'hoofdstukken')}" if hoofdstukken else "")
            + ", "
            f"{aantal(len(laatste.deelnemers_op()), 'deelnemer', 'deelnemers')}"
        )
    waarschuwingen = sum(1 for m in meldingen if m.ernst == WAARSCHUWING)
    fouten = len(meldingen) - waarschuwingen
    if fouten:
        wat = f"{fouten} {'fout' if fouten == 1 else 'fouten'}"
        if waarschuwingen:
            wat += f" en {waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}"
        raise GrgenFout(f"{wat} gevonden" + (" (--strict: waarschuwingen tellen als fouten)" if strict else ""))
    if waarschuwingen:
        click.echo(f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'} (zie hierboven).")
    click.echo("Geen fouten gevonden.")


@grgen.command()
@click.option("--versie", "versie_id", metavar="ID", help="Toon deze versie (zie 'grgen versies').")
@click.option("--op", "op", type=Datum(), metavar="DATUM", help="Toon de versie die op deze datum gold (JJJJ-MM-DD).")
@click.option("--formaat", type=click.Choice(["tekst", "md"]), default="tekst", show_default=True, help="Platte tekst of Markdown.")
@click.option("--ids", is_flag=True, help="Zet achter elk element zijn vaste id, voor verwijzingen [[id]] en wijzigingen.")
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def toon(map_: Path, versie_id: str | None, op: dt.date | None, formaat: str, ids: bool, regeling: str | None) -> None:
    """Toon de geconsolideerde tekst van een versie (standaard de laatste)."""
    from generator.pipeline import kies_versie, laad
    from generator.render.tekstweergave import als_markdown, als_tekst

    if versie_id and op:
        raise click.UsageError("gebruik --versie of --op, niet beide")
    _, geschiedenis = laad(map_).geschiedenis(regeling)
    versie = kies_versie(geschiedenis, versie_id, op)
    click.echo(als_markdown(versie, ids) if formaat == "md" else als_tekst(versie, ids), nl=False)


def _inwerking(geschiedenis, versie) -> str:  # noqa: ANN001
    """The date of entry into force as the besluit states it; with terugwerkende kracht also the
    date from which the version applies (the same words as `grgen diff`)."""
    toepassing = geschiedenis.toepassing(versie.id)
    if toepassing is None or not toepassing.wijziging.terugwerkende_kracht:
        return f"{versie.info.inwerkingtreding:%d-%m-%Y}"
    w = toepassing.wijziging
    return f"{w.inwerkingtreding:%d-%m-%Y} (terugwerkend tot en met {w.terugwerkende_kracht:%d-%m-%Y})"


@grgen.command()
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def versies(map_: Path, regeling: str | None) -> None:
    """Toon alle versies: basis en wijzigingen, met besluit, inwerkingtreding en bron."""
    from generator.pipeline import laad

    _, geschiedenis = laad(map_).geschiedenis(regeling)
    rijen = [("versie", "betreft", "besluit", "inwerkingtreding", "bron")]
    for v in geschiedenis.tijdlijn.versies:
        i = v.info
        rijen.append(
            (
                v.id,
                i.betreft,
                f"{i.datum_ondertekening:%d-%m-%Y}" if i.datum_ondertekening else "-",
                _inwerking(geschiedenis, v),
                i.bekendmaking or "-",
            )
        )
    breedtes = [max(len(r[k]) for r in rijen) for k in range(len(rijen[0]))]
    for n, rij in enumerate(rijen):
        click.echo("  ".join(c.ljust(b) for c, b in zip(rij, breedtes, strict=True)).rstrip())
        if n == 0:
            click.echo("  ".join("-" * b for b in breedtes))


@grgen.command(name="bouw")
@click.argument("wijziging", required=False)
@click.option("--alle", is_flag=True, help="Bouw het pakket van elke wijziging.")
@click.option(
    "--vorm",
    type=click.Choice(["artikelsgewijs", "integraal"]),
    help="Vorm van het wijzigingsbesluit; standaard zoals in het wijzigingsbestand (artikelsgewijs: ARTIKEL I met onderdelen A, B, ...; integraal: de hele nieuwe tekst).",
)
@click.option(
    "--markering",
    type=click.Choice(["html", "critic"]),
    default="html",
    show_default=True,
    help="Markering in renvooi.md: <ins>/<del> (GitHub, GitLab) of CriticMarkup {++ ++}/{-- --}.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Behandel waarschuwingen (van de controles, of ontbrekende gegevens zoals zaaknummers) als fouten; er wordt dan niets geschreven.",
)
@click.option(
    "--negeer",
    multiple=True,
    metavar="CONTROLE",
    help="Sla een juridische controle over, zoals bij 'grgen check'; herhaalbaar.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Maak naast elk Word-document een PDF (PDF/A-2b, de renvooi met zichtbare wijzigingen); vraagt LibreOffice.",
)
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def bouw_cmd(
    map_: Path,
    wijziging: str | None,
    alle: bool,
    vorm: str | None,
    markering: str,
    strict: bool,
    negeer: tuple[str, ...],
    pdf: bool,
    regeling: str | None,
) -> None:
    """Maak de stukken van een wijziging in output/<regeling>/<wijziging>/.

    WIJZIGING is de id van een wijziging (zie 'grgen versies'); standaard de laatste. Het pakket
    bevat het wijzigingsbesluit, de renvooi (Word met wijzigingen bijhouden), de was-wordt-tabel,
    de geconsolideerde tekst, de kennisgeving en per deelnemer raadsvoorstel, raadsbesluit en
    collegebesluit (met een zienswijzebrief zolang de wijziging een ontwerp is), elk in Markdown
    en Word, en index.md. Met --pdf komt naast elk Word-document een PDF (LibreOffice nodig).

    Eerst lopen de juridische controles van 'grgen check': een fout houdt de bouw tegen, een
    waarschuwing wordt gemeld (en is met --strict een fout). Alles wordt daarna in het geheugen
    gemaakt; pas als elk document gelukt is, wordt het pakket in één keer op zijn plaats gezet.
    Een fout laat het vorige pakket ongemoeid.
    """
    from generator.controles import REGELS, kies_regels
    from generator.pipeline import bouw
    from generator.render.pakket import Instellingen

    if wijziging and alle:
        raise click.UsageError("geef een wijziging of --alle, niet beide")
    onbekend = [n for n in negeer if len(kies_regels(REGELS, [n])) == len(REGELS)]
    if onbekend:
        raise click.UsageError(f"onbekende controle '{onbekend[0]}' bij --negeer; zie 'grgen check --controles'")
    gemaakt, meldingen = bouw(
        map_,
        wijziging,
        alle,
        regeling,
        Instellingen(markering=markering, vorm=vorm),
        strict,
        voortgang=lambda t: click.echo(t, err=True),
        negeer=negeer,
        pdf=pdf,
    )
    for melding in meldingen:
        click.echo(str(melding), err=True)
    for pad in gemaakt:
        click.echo(f"Geschreven: {pad}")


@grgen.command(name="diff")
@click.argument("a", metavar="A")
@click.argument("b", metavar="[B]", required=False)
@click.option(
    "--formaat",
    type=click.Choice(["tekst", "md", "html", "json", "docx"]),
    default="tekst",
    show_default=True,
    help="tekst: voor de terminal (ingevoegd groen en onderstreept, geschrapt rood en doorgehaald; zonder terminal {+ +} en [- -]); "
    "md: Markdown met <ins>/<del>; html: één zelfstandig bestand, in de tekst en naast elkaar; json: voor scripts; "
    "docx: Word met wijzigingen bijhouden, op naam van elk wijzigingsbesluit (vraagt -o).",
)
@click.option(
    "-o",
    "--uitvoer",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="BESTAND",
    help="Schrijf naar BESTAND in plaats van naar het scherm.",
)
@click.option("--artikel", metavar="NUMMER", help="Alleen dit artikel, bijv. --artikel 5 of --artikel 4a.")
@click.option("--alleen-samenvatting", is_flag=True, help="Alleen de samenvatting, zonder de tekst.")
@click.option("--volledig", is_flag=True, help="De hele regeling tonen, niet alleen de artikelen die verschillen.")
@click.option("--kleur/--geen-kleur", default=None, help="Kleur in de terminal; standaard alleen als de uitvoer een terminal is.")
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def diff_cmd(
    map_: Path,
    a: str,
    b: str | None,
    formaat: str,
    uitvoer: Path | None,
    artikel: str | None,
    alleen_samenvatting: bool,
    volledig: bool,
    kleur: bool | None,
    regeling: str | None,
) -> None:
    """Toon wat er verschilt tussen versie A en versie B, en welk besluit dat veranderde.

    A en B zijn elk een versie-id (zie 'grgen versies'), een datum JJJJ-MM-DD (de versie die op die
    dag gold), een andere map met de gegevens (bijv. de branch van een collega, elders
    uitgecheckt: de laatste versie daarin) of MAP@VERSIE. Zonder B: de laatste versie.

    Eerst komt de samenvatting: per element nieuw, vervallen, gewijzigd of vernummerd, met het
    wijzigingsbesluit en het onderdeel van zijn ARTIKEL I (A, B, ...) dat de wijziging aanbracht.
    Daarna volgen de artikelen die verschillen, met de gewijzigde woorden gemarkeerd. Is A nieuwer
    dan B, dan wordt het verschil omgekeerd getoond en staat dat erbij.

    \b
    Voorbeelden:
      grgen diff 2017 2025-toetreding-borne
      grgen diff 2017 --artikel 5                  (artikel 5 sinds 2017)
      grgen diff 2022-06-01 2026-01-01 --alleen-samenvatting
      grgen diff 2022-toetreding-haaksbergen 2025-toetreding-borne --formaat docx -o verschil.docx
      grgen diff 2017 ../collega --formaat html -o verschil.html
      grgen diff ../collega@2017 2017

    \b
    Exitcodes, zoals diff: 0 geen verschil, 1 wel verschil, 2 fout (onbekende versie,
    onbruikbare map, verkeerd gebruik).
    """
    from generator.errors import DiffFout
    from generator.pipeline import laad
    from generator.render.diff_weergave import DIFF_FORMATEN, diff_tekst
    from generator.verschil import verschil_tussen

    if formaat == "docx" and uitvoer is None:
        raise click.UsageError("--formaat docx maakt een Word-bestand; geef een bestandsnaam met -o, bijv. -o verschil.docx")
    verschil = verschil_tussen(map_, a, b, regeling, laad, artikel, volledig)
    if formaat == "tekst":
        gekleurd = kleur if kleur is not None else (uitvoer is None and sys.stdout.isatty())
        inhoud: str | bytes = diff_tekst(verschil, gekleurd, alleen_samenvatting)
    else:
        inhoud = DIFF_FORMATEN[formaat](verschil, alleen_samenvatting=alleen_samenvatting)
    if uitvoer is not None:
        try:
            schrijf_bestand(uitvoer, inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"), map_)
        except UitvoerFout as e:
            raise DiffFout(e.message) from e
        click.echo(f"Geschreven: {uitvoer}", err=True)
    else:
        click.echo(inhoud, nl=False, color=kleur)
    sys.exit(0 if verschil.gelijk else 1)


@grgen.command(name="geschiedenis")
@click.argument("adres", required=False)
@click.option("--id", "element_id", metavar="ID", help="Het element met deze vaste id (zie 'grgen toon --ids'), in plaats van een adres.")
@click.option(
    "--versie", "versie_id", metavar="ID", help="Lees het adres in deze versie (standaard de laatste), bijv. voor een vervallen lid."
)
@click.option("--op", "op", type=Datum(), metavar="DATUM", help="Lees het adres in de versie die op deze datum gold (JJJJ-MM-DD).")
@click.option(
    "--formaat", type=click.Choice(["tekst", "md", "json"]), default="tekst", show_default=True, help="Terminal, Markdown of JSON."
)
@click.option("--kleur/--geen-kleur", default=None, help="Kleur in de terminal; standaard alleen als de uitvoer een terminal is.")
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def geschiedenis_cmd(
    map_: Path,
    adres: str | None,
    element_id: str | None,
    versie_id: str | None,
    op: dt.date | None,
    formaat: str,
    kleur: bool | None,
    regeling: str | None,
) -> None:
    """Toon elke versie van één element: wanneer het ontstond, veranderde of verviel, door welk besluit.

    ADRES is het adres zoals in een verwijzing, in de laatste versie (of in de versie van --versie
    of --op). Per versie waarin het element veranderde: het wijzigingsbesluit en het onderdeel van
    ARTIKEL I, de datum van inwerkingtreding, de gebeurtenis (nieuw, gewijzigd, vernummerd,
    vervallen) en de tekst met de gewijzigde woorden gemarkeerd.

    \b
    Voorbeelden:
      grgen geschiedenis "artikel 5"
      grgen geschiedenis "artikel 1, onderdeel e"
      grgen geschiedenis "artikel 13, vierde lid" --versie 2017
      grgen geschiedenis --id begrippen.e --formaat json
    """
    from generator.diff.overzicht import element_geschiedenis, zoek_element
    from generator.pipeline import kies_versie, laad
    from generator.render.diff_weergave import GESCHIEDENIS_FORMATEN, geschiedenis_tekst

    if (adres is None) == (element_id is None):
        raise click.UsageError('geef een ADRES (bijv. "artikel 5, tweede lid") of --id, niet beide en niet geen van beide')
    if versie_id and op:
        raise click.UsageError("gebruik --versie of --op, niet beide")
    _, geschiedenis = laad(map_).geschiedenis(regeling)
    versie = kies_versie(geschiedenis, versie_id, op)
    verloop = element_geschiedenis(geschiedenis, zoek_element(geschiedenis, versie, adres, element_id))
    if formaat == "tekst":
        gekleurd = kleur if kleur is not None else sys.stdout.isatty()
        click.echo(geschiedenis_tekst(verloop, gekleurd), nl=False, color=kleur)
    else:
        click.echo(GESCHIEDENIS_FORMATEN[formaat](verloop), nl=False)


@grgen.command(name="ontwerp")
@click.argument("versie", required=False)
@click.option(
    "-o",
    "--uitvoer",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="BESTAND",
    help="Word (.docx) of Markdown (.md); standaard ontwerp-<versie>.docx.",
)
@click.option(
    "--auteur",
    default="grgen",
    show_default=True,
    metavar="NAAM",
    help="De auteur van het document (Word toont wijzigingen onder de naam van wie ze maakt).",
)
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def ontwerp_cmd(map_: Path, versie: str | None, uitvoer: Path | None, auteur: str, regeling: str | None) -> None:
    """Schrijf de tekst van een versie (standaard de laatste) als document om in te bewerken.

    Elk element draagt onzichtbaar zijn vaste id (in Word een bladwijzer), en Word opent het met
    wijzigingen bijhouden aan. Bewerk de tekst en maak er met 'grgen afleiden' een wijziging van.
    """
    from generator.ontwerp import maak_ontwerp
    from generator.pipeline import kies_versie, laad

    stand = laad(map_)
    if uitvoer is None:
        _, geschiedenis = stand.geschiedenis(regeling)
        uitvoer = Path(f"ontwerp-{kies_versie(geschiedenis, versie).id}.docx")
    click.echo(f"Geschreven: {maak_ontwerp(stand, versie, uitvoer, auteur, regeling)}")


@grgen.command(name="afleiden")
@click.argument("bewerkt", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--basis", "basis_id", required=True, metavar="VERSIE", help="De versie waarvan het ontwerp is gemaakt.")
@click.option("--id", "wijziging_id", metavar="ID", help="De id van de nieuwe wijziging; standaard de bestandsnaam.")
@click.option(
    "--datum",
    type=Datum(),
    metavar="DATUM",
    help="Datum van besluit en inwerkingtreding (JJJJ-MM-DD); standaard de dag na de laatste versie.",
)
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def afleiden_cmd(map_: Path, bewerkt: Path, basis_id: str, wijziging_id: str | None, datum: dt.date | None, regeling: str | None) -> None:
    """Maak van een bewerkt ontwerp (Word of Markdown) een wijziging in wijzigingen/<id>.yaml.

    Bijgehouden wijzigingen in Word tellen zoals na 'alles accepteren'; opmerkingen worden de
    toelichting. Wat niet als wijziging te schrijven is, wordt gemeld met de plaats; dan wordt
    niets geschreven. Een bestaand bestand wordt nooit overschreven.
    """
    from generator.ontwerp import leid_wijziging_af
    from generator.pipeline import laad

    pad, n = leid_wijziging_af(laad(map_), bewerkt, basis_id, wijziging_id, datum, regeling)
    click.echo(f"Geschreven: {pad} ({aantal(n, 'wijziging', 'wijzigingen')}); controleer met 'grgen check'")


_SOORTEN_REGELING = list(SOORTEN_REGELING)


def _vraag(waarde, vraag: str, optie: str, **kwargs):  # noqa: ANN001, ANN003, ANN202
    """An option's value, or ask for it at a terminal; without a terminal a missing option is an error."""
    if waarde not in (None, ()):
        return waarde
    if not sys.stdin.isatty():
        raise click.UsageError(f"geef {optie} (of start de opdracht in een terminal, dan vraagt grgen erom)")
    return click.prompt(vraag, **kwargs)


@grgen.command(name="nieuw")
@click.option("--citeertitel", metavar="TITEL", help="De citeertitel van de regeling, bijv. 'Regeling samenwerking belastingen Aastad'.")
@click.option("--soort", type=click.Choice(_SOORTEN_REGELING), help="De soort gemeenschappelijke regeling (Wgr).")
@click.option(
    "--deelnemer",
    "deelnemers",
    multiple=True,
    metavar="NAAM",
    help="Een deelnemer: de naam van een gemeente, of 'openbaar lichaam NAAM'; herhaal de optie voor elke deelnemer.",
)
@click.option("--centrumgemeente", metavar="NAAM", help="Bij een centrumregeling: de centrumgemeente (standaard de eerste gemeente).")
@click.option("--inwerkingtreding", type=Datum(), metavar="DATUM", help="De datum van inwerkingtreding (JJJJ-MM-DD).")
@click.pass_obj
def nieuw_cmd(
    map_: Path, citeertitel: str | None, soort: str | None, deelnemers: tuple[str, ...], centrumgemeente: str | None, inwerkingtreding
) -> None:  # noqa: ANN001
    """Begin een nieuw project: een eerste, geldige regeling om aan te vullen.

    Maakt in de projectmap (standaard de huidige map, of -C MAP) regeling/<naam>/ met
    regeling.yaml en twee hoofdstukken met een artikel voor elk onderwerp dat de Wet
    gemeenschappelijke regelingen en de Aanwijzingen vragen (teksten tussen [ ] vult u zelf in),
    wijzigingen/, sjablonen/ met uitleg over eigen sjablonen, en een .gitignore voor output/.
    Wat u niet als optie geeft, vraagt grgen. Een bestaand bestand wordt nooit overschreven.

    \b
    Voorbeeld:
      grgen -C mijn-regeling nieuw --citeertitel "Regeling samenwerking belastingen Aastad" \\
        --soort centrumregeling --deelnemer Aastad --deelnemer Bedorp --inwerkingtreding 2026-01-01
    Daarna: grgen -C mijn-regeling check
    """
    from generator.nieuw import Deelnemer, bestanden_nieuw, maak_project

    citeertitel = _vraag(citeertitel, "Citeertitel", "--citeertitel")
    soort = _vraag(soort, "Soort regeling", "--soort", type=click.Choice(_SOORTEN_REGELING), default="centrumregeling")
    if not deelnemers:
        deelnemers = tuple(d.strip() for d in _vraag(None, "Deelnemers (gescheiden door komma's)", "--deelnemer").split(",") if d.strip())
    inwerkingtreding = _vraag(inwerkingtreding, "Datum van inwerkingtreding (JJJJ-MM-DD)", "--inwerkingtreding", type=Datum())
    bestanden = bestanden_nieuw(citeertitel, soort, [Deelnemer.uit_tekst(d) for d in deelnemers], inwerkingtreding, centrumgemeente)
    geschreven, bestaand = maak_project(map_, bestanden)
    for pad in geschreven:
        click.echo(f"Geschreven: {pad}")
    for pad in bestaand:
        click.echo(f"Bestond al, niet aangeraakt: {pad}")
    click.echo(f"Controleer de regeling met: grgen -C {map_} check")


@grgen.command(name="importeer")
@click.argument("bron", metavar="BRON")
@click.option("--naam", metavar="NAAM", help="De mapnaam regeling/NAAM/ (standaard afgeleid van de titel).")
@click.option(
    "--soort",
    type=click.Choice(_SOORTEN_REGELING),
    help="De soort regeling (standaard afgeleid van de titel, anders 'regeling zonder meer').",
)
@click.option(
    "--deelnemer", "deelnemers", multiple=True, metavar="NAAM", help="Een deelnemer (gemeente, of 'openbaar lichaam NAAM'); herhaalbaar."
)
@click.option("--centrumgemeente", metavar="NAAM", help="Bij een centrumregeling: de centrumgemeente.")
@click.option("--publicerende-gemeente", metavar="NAAM", help="De gemeente die de regeling bekendmaakt (standaard de eerste gemeente).")
@click.option("--inwerkingtreding", type=Datum(), metavar="DATUM", help="De datum van inwerkingtreding, als de bron die niet noemt.")
@click.option("--versie", "versie_id", metavar="ID", help="De id van de basisversie (standaard het jaar van inwerkingtreding).")
@click.option("--grondslag", metavar="TEKST", help="De wettelijke grondslag, als de bron geen 'gelet op ...' heeft.")
@click.option("--overschrijf", is_flag=True, help="Vervang een bestaande map regeling/NAAM/ (anders weigert grgen).")
@click.option("--strict", "strikt", is_flag=True, help="Schrijf niets als de import afwijkingen meldt.")
@click.option(
    "--cvdr-adres",
    metavar="URL",
    envvar="GRGEN_CVDR_ADRES",
    show_envvar=True,
    help="Het adres van de zoekdienst (SRU) van lokaleregelgeving.overheid.nl, voor BRON = CVDR-nummer.",
)
@click.pass_obj
def importeer_cmd(map_: Path, bron: str, versie_id: str | None, strikt: bool, cvdr_adres: str | None, **opties) -> None:  # noqa: ANN003
    """Lees een bestaande regeling in: Word, CVDR-XML, XML van een officiële publicatie of tekst.

    BRON is een bestand (.docx, .xml, .txt of .md, zoals gekopieerd van overheid.nl) of een
    CVDR-nummer (bijv. CVDR100394): dan haalt grgen de geldende versie op bij
    lokaleregelgeving.overheid.nl. grgen herkent hoofdstukken, paragrafen, artikelen, leden en
    onderdelen (ook de automatische nummering van Word), zet verwijzingen als "artikel 5, tweede
    lid" om in [[id]] waar dat precies dezelfde tekst geeft, en schrijft regeling/NAAM/.

    Afwijkingen in de bron (gaten in de nummering, tekst tussen artikelen, meer alinea's in één
    lid, ...) worden gemeld met hun plaats, niet stil hersteld; verwijzingen die tekst blijven
    worden opgesomd. Tot slot vergelijkt grgen de tekst van de import ('grgen toon') alinea voor
    alinea met de bron.

    \b
    Voorbeelden:
      grgen importeer regeling.docx --deelnemer Hengelo --deelnemer Oldenzaal --inwerkingtreding 2017-08-31
      grgen importeer CVDR100394
      grgen importeer bgr-2024-715.xml --deelnemer Winterswijk --inwerkingtreding 2024-03-01
    """
    from generator.importeer.importeren import Opties, importeer
    from generator.importeer.vergelijk import splits_kader

    resultaat = importeer(
        bron,
        map_,
        Opties(
            naam=opties["naam"],
            soort=opties["soort"],
            deelnemers=opties["deelnemers"],
            centrumgemeente=opties["centrumgemeente"],
            publicerende_gemeente=opties["publicerende_gemeente"],
            inwerkingtreding=opties["inwerkingtreding"],
            versie_id=versie_id,
            grondslag=opties["grondslag"],
            overschrijf=opties["overschrijf"],
            strikt=strikt,
            sru_adres=cvdr_adres,
        ),
    )
    for melding in resultaat.meldingen:
        click.echo(str(melding), err=True)
    for blijft in resultaat.blijft:
        click.echo(str(blijft), err=True)
    v = resultaat.vergelijking
    click.echo(f"Geschreven: {resultaat.map}/ ({len(resultaat.bestanden)} bestanden)")
    click.echo(f"Verwijzingen omgezet in [[id]]: {resultaat.omgezet}; als tekst gelaten: {len(resultaat.blijft)}")
    click.echo(f"Alinea's van de bron terug in 'grgen toon': {v.gevonden} van {v.totaal}")
    for tekst in v.ontbreekt:
        click.echo(f"  anders of niet overgenomen: {tekst}")
    vereist, overig = splits_kader(v.extra, resultaat.kader)
    for tekst in vereist:
        click.echo(f"  toegevoegd door grgen, vereist door het formaat (gemeld): {tekst}")
    for tekst in overig:
        click.echo(f"  toegevoegd door grgen: {tekst}")
    if resultaat.andere_regelingen:
        click.echo(
            f"Het project heeft nu meer regelingen ({', '.join(resultaat.andere_regelingen)}); een wijziging noemt dan met "
            "'regeling:' de regeling waar zij bij hoort"
        )
    if resultaat.meldingen:
        click.echo(f"{len(resultaat.meldingen)} afwijkingen (zie hierboven en bovenaan regeling.yaml). Controleer daarna met: grgen check")


def _beeindigd(signaal: int, _frame) -> None:  # noqa: ANN001
    """SIGTERM (and SIGHUP) end grgen like Ctrl+C: the writer removes its temporary folder and the
    previous package stays as it was."""
    raise SystemExit(128 + signaal)


def _controleer_stdout() -> None:
    """A closed standard output is an error before any work, not a silent success."""
    try:
        if sys.stdout is None:
            raise OSError(errno.EBADF, "closed")
        os.fstat(sys.stdout.fileno())
    except (OSError, ValueError):
        click.echo(
            "fout: de standaarduitvoer is gesloten; grgen kan zijn uitvoer niet kwijt (stuur hem naar een bestand: > uitvoer.txt)", err=True
        )
        sys.exit(1)


def main() -> None:
    """Entry point: domain errors exit 1 with a Dutch message, never a traceback."""
    proces.stel_in()
    for naam in ("SIGTERM", "SIGHUP"):  # SIGHUP does not exist on Windows
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), _beeindigd)
    _controleer_stdout()
    try:
        grgen(prog_name="grgen")
        sys.stdout.flush()
    except SystemExit:
        raise
    except OSError as e:
        if e.filename is not None:
            _interne_fout(e)
        # Writing to standard output failed (a full disk, /dev/full, a closed pipe): say so; do
        # not let Python try to flush it again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        click.echo(f"fout: kan niet naar de standaarduitvoer schrijven: {reden(e)}", err=True)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - last line of defence: a bug, not bad input
        _interne_fout(e)


def _interne_fout(e: Exception) -> None:
    if os.environ.get("GRGEN_DEBUG"):
        traceback.print_exc()
    click.echo(f"interne fout in grgen ({type(e).__name__}: {e}); zet GRGEN_DEBUG=1 voor details en meld dit", err=True)
    sys.exit(3)
