"""The command line: click commands that parse options and call one core function each."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import traceback
from pathlib import Path

import click

from generator import __version__
from generator.errors import WAARSCHUWING, GrgenFout
from generator.pipeline import bouw, kies_versie, laad
from generator.render.tekstweergave import als_markdown, als_tekst


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

# click's own English usage messages, as patterns, in Dutch.
_CLICK_NL = (
    (r"No such option: (\S+)", r"onbekende optie \1"),
    (r"No such command '([^']+)'\.", r"onbekende opdracht '\1'"),
    (r"Missing argument '([^']+)'\.", r"argument \1 ontbreekt"),
    (r"Missing option '([^']+)'\.", r"optie \1 ontbreekt"),
    (r"Got unexpected extra arguments? \(([^)]*)\)", r"onverwacht extra argument: \1"),
    (r"Option '([^']+)' requires an argument\.", r"optie \1 heeft een waarde nodig"),
    (r"Invalid value for '([^']+)':", r"ongeldige waarde voor \1:"),
    (r"Invalid value for ([^:]+):", r"ongeldige waarde voor \1:"),
    (r"is not one of", "is geen van"),
    (r"Did you mean", "Bedoelde u"),
)


def _nederlands(bericht: str) -> str:
    for patroon, vervanging in _CLICK_NL:
        bericht = re.sub(patroon, vervanging, bericht)
    return bericht


class NederlandseGroep(click.Group):
    """A click group whose usage errors are Dutch and exit with code 2."""

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.UsageError as e:
            opdracht = e.ctx.command_path if e.ctx else "grgen"
            click.echo(f"fout: {_nederlands(e.format_message())}\nZie '{opdracht} --help'.", err=True)
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
    type=click.Path(file_okay=False, path_type=Path),
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
@click.pass_obj
def check(map_: Path, strict: bool) -> None:
    """Controleer de regeling en alle wijzigingen, en toon een samenvatting.

    Leest alle bestanden, meldt alle fouten tegelijk (met bestand:regel:kolom) en past alle
    wijzigingen toe. Exitcode 0 als alles klopt, anders 1.
    """
    stand = laad(map_)
    for melding in stand.project.waarschuwingen:
        click.echo(str(melding), err=True)
    for slug, geschiedenis in stand.geschiedenissen.items():
        tijdlijn = geschiedenis.tijdlijn
        basis, laatste = tijdlijn.basis.regeling, tijdlijn.laatste
        artikelen = sum(1 for _ in laatste.regeling.artikelen())
        hoofdstukken = sum(1 for p in laatste.regeling.elementen() if p.element.soort == "hoofdstuk")
        click.echo(f"{basis.citeertitel} ({slug})")
        click.echo(
            f"  versies: {len(tijdlijn.versies)} (basis {tijdlijn.basis.id}, {len(geschiedenis.toepassingen)} wijzigingen toegepast)"
        )
        click.echo(
            f"  geldende versie vanaf {laatste.info.inwerkingtreding:%d-%m-%Y}: {laatste.id}, "
            f"{artikelen} artikelen in {hoofdstukken} hoofdstukken, {len(laatste.deelnemers_op())} deelnemers"
        )
    waarschuwingen = [m for m in stand.project.waarschuwingen if m.ernst == WAARSCHUWING]
    if strict and waarschuwingen:
        raise GrgenFout(f"{len(waarschuwingen)} waarschuwingen (--strict)")
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
    if versie_id and op:
        raise click.UsageError("gebruik --versie of --op, niet beide")
    _, geschiedenis = laad(map_).geschiedenis(regeling)
    versie = kies_versie(geschiedenis, versie_id, op)
    click.echo(als_markdown(versie, ids) if formaat == "md" else als_tekst(versie, ids), nl=False)


@grgen.command()
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def versies(map_: Path, regeling: str | None) -> None:
    """Toon alle versies: basis en wijzigingen, met besluit, inwerkingtreding en bron."""
    _, geschiedenis = laad(map_).geschiedenis(regeling)
    rijen = [("versie", "betreft", "besluit", "inwerkingtreding", "bron")]
    for v in geschiedenis.tijdlijn.versies:
        i = v.info
        rijen.append(
            (
                v.id,
                i.betreft,
                f"{i.datum_ondertekening:%d-%m-%Y}" if i.datum_ondertekening else "-",
                f"{i.inwerkingtreding:%d-%m-%Y}",
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
@click.option("--regeling", metavar="NAAM", help="De regeling (alleen nodig als het project er meer heeft).")
@click.pass_obj
def bouw_cmd(map_: Path, wijziging: str | None, alle: bool, regeling: str | None) -> None:
    """Maak de stukken van een wijziging in output/<regeling>/<wijziging>/.

    WIJZIGING is de id van een wijziging (zie 'grgen versies'); standaard de laatste. Alles wordt
    eerst in het geheugen gemaakt; pas als elk document gelukt is, wordt het pakket in één keer
    op zijn plaats gezet. Een fout laat het vorige pakket ongemoeid.
    """
    if wijziging and alle:
        raise click.UsageError("geef een wijziging of --alle, niet beide")
    gemaakt = bouw(map_, wijziging, alle, regeling, voortgang=lambda t: click.echo(t, err=True))
    for pad in gemaakt:
        click.echo(f"Geschreven: {pad}")


def main() -> None:
    """Entry point: domain errors exit 1 with a Dutch message, never a traceback."""
    try:
        grgen(prog_name="grgen")
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - last line of defence: a bug, not bad input
        if os.environ.get("GRGEN_DEBUG"):
            traceback.print_exc()
        click.echo(f"interne fout in grgen ({type(e).__name__}: {e}); zet GRGEN_DEBUG=1 voor details en meld dit", err=True)
        sys.exit(3)
