"""The party model (Wgr art. 1, eerste lid), herindeling (Wet arhi art. 41) and the input errors
around them, through the command line on copies of the openbaar-lichaam example.

Every case asserts the Dutch message and an exit code of 0 or 1: never 3 (an internal error).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import grgen
from generator.model import Deelnemer
from generator.model.partijen import partijen, toestemmingsorganen
from generator.pipeline import laad
from generator.render.context import besluit_context

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "belastingsamenwerking-twente-oost"
REGELING = Path("regeling/belastingsamenwerking-twente-oost/regeling.yaml")
HERINDELING = Path("wijzigingen/2027-herindeling-noordoost-twente.yaml")
UITTREDING = Path("wijzigingen/2026-uittreding-wierden.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(VOORBEELD, tmp_path / "p", ignore=shutil.ignore_patterns("output"))
    return tmp_path / "p"


def vervang(project: Path, bestand: Path, oud: str, nieuw: str) -> None:
    pad = project / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def grgen_in(project: Path, *args: str):
    r = CliRunner().invoke(grgen, ["-C", str(project), *args])
    assert r.exit_code in (0, 1), r.output  # never 3: an internal error
    assert "Traceback" not in r.output
    return r


# -- the aanhef and the kennisgeving sentence ----------------------------------------------------


def test_aanhef_met_raden_colleges_en_burgemeesters() -> None:
    d = dt.date(2024, 1, 1)
    drie = ("raad", "college van burgemeester en wethouders", "burgemeester")
    deelnemers = [
        Deelnemer("a", "Dinkelland", "gemeente", "raad", None, d, organen=drie),
        Deelnemer("b", "Losser", "gemeente", "raad", None, d, organen=drie),
        Deelnemer("c", "Oldenzaal", "gemeente", "college van burgemeester en wethouders", "raad", d),
        Deelnemer("e", "Twents Waterschap", "openbaar lichaam", "dagelijks bestuur", "algemeen bestuur", d),
    ]
    assert partijen(deelnemers) == (
        "de raden van Dinkelland en Losser, de colleges van burgemeester en wethouders van Dinkelland, Losser en Oldenzaal, "
        "de burgemeesters van Dinkelland en Losser en het dagelijks bestuur van het openbaar lichaam Twents Waterschap"
    )
    toestemming = toestemmingsorganen(deelnemers)
    assert toestemming == "de raad van Oldenzaal en het algemeen bestuur van het openbaar lichaam Twents Waterschap"
    assert toestemming.vervoeg("heeft", "hebben") == "hebben"
    assert toestemmingsorganen(deelnemers[:3]).vervoeg("heeft", "hebben") == "heeft"
    assert deelnemers[0].partij == "de raad, het college van burgemeester en wethouders en de burgemeester van Dinkelland"
    assert deelnemers[0].vervoeg("treedt", "treden") == "treden" and deelnemers[2].vervoeg("treedt", "treden") == "treedt"


def test_provincie_en_waterschap() -> None:
    d = dt.date(2024, 1, 1)
    gs = Deelnemer("o", "Overijssel", "provincie", "gedeputeerde staten", "provinciale staten", d)
    ws = Deelnemer("v", "Vechtstromen", "waterschap", "dagelijks bestuur", "algemeen bestuur", d)
    assert partijen([gs, ws]) == "gedeputeerde staten van Overijssel en het dagelijks bestuur van het waterschap Vechtstromen"
    assert gs.partij == "gedeputeerde staten van Overijssel" and gs.vervoeg("treedt", "treden") == "treden"


def test_kennisgeving_zonder_toestemming_waar_alle_raden_deelnemen(project: Path) -> None:
    vervang(
        project,
        REGELING,
        "  - id: oldenzaal\n    naam: Oldenzaal\n    soort: gemeente\n",
        "  - id: oldenzaal\n    naam: Oldenzaal\n    soort: gemeente\n    organen: [raad, college van burgemeester en wethouders]\n",
    )
    _, g = laad(project).geschiedenis()
    context = besluit_context(g, g.toepassing("2026-uittreding-wierden"))
    assert context["toestemming"] == "" and not context["zienswijze_gevraagd"]
    assert "artikel 1, eerste en vijfde lid" in context["grondslag_wgr"]
    assert isinstance(context["deelnemers"], list) and isinstance(context["uittredingen"], list)
    assert [d.naam for d in context["deelnemers"] + context["uittredingen"]]  # both lists (issue 15, point 6)


# -- input errors on organs ----------------------------------------------------------------------


def test_meer_organen_in_bestuursorgaan(project: Path) -> None:
    vervang(
        project,
        REGELING,
        "    organen: [raad, college van burgemeester en wethouders, burgemeester]\n",
        "    bestuursorgaan: raad, college van burgemeester en wethouders\n",
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "'raad, college van burgemeester en wethouders' is geen orgaan van een gemeente" in r.output
    assert "organen: [raad, college van burgemeester en wethouders]" in r.output


def test_onbekend_orgaan_en_toestemming_van_een_deelnemend_orgaan(project: Path) -> None:
    vervang(project, REGELING, "organen: [raad, college van burgemeester en wethouders, burgemeester]", "organen: [raad, wethouders]")
    vervang(
        project,
        REGELING,
        "    organen: [raad, college van burgemeester en wethouders, burgemeester]\n    sinds: 2024-01-01\n  - id: oldenzaal",
        "    organen: [raad, college van burgemeester en wethouders, burgemeester]\n    toestemmingsorgaan: raad\n    sinds: 2024-01-01\n  - id: oldenzaal",
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "'wethouders' is geen orgaan van een gemeente" in r.output
    assert "toegestaan: raad, college van burgemeester en wethouders, burgemeester" in r.output
    assert "'raad' neemt zelf deel aan de regeling en geeft dus geen toestemming" in r.output


# -- herindeling ---------------------------------------------------------------------------------


def test_herindeling_van_alle_deelnemers_laat_de_regeling_vervallen(project: Path) -> None:
    vervang(project, HERINDELING, "opgeheven: [dinkelland, tubbergen]", "opgeheven: [dinkelland, losser, oldenzaal, tubbergen]")
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "alle deelnemers gaan op in Noordoost-Twente: de regeling vervalt van rechtswege op 01-01-2027" in r.output
    assert "artikel 41, eerste lid, van de Wet algemene regels herindeling" in r.output


def test_herindeling_treedt_niet_in_werking_voor_de_herindeling(project: Path) -> None:
    vervang(project, HERINDELING, "datum: 2027-01-01", "datum: 2027-06-01")
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "de wijziging treedt in werking (01-04-2027) vóór de herindeling (01-06-2027)" in r.output


def test_herindeling_meldt_een_tekst_met_beide_namen(project: Path) -> None:
    vervang(
        project,
        HERINDELING,
        "  - actie: komt_te_luiden\n    doel: artikel 1, onderdeel c\n",
        "  - actie: komt_te_luiden\n    doel: artikel 3\n",
    )
    vervang(
        project,
        HERINDELING,
        'tekst: "deelnemers: de gemeenten Losser, Noordoost-Twente en Oldenzaal;"',
        "tekst: Het openbaar lichaam behartigt de belastingen.",
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "artikel 1, onderdeel c, noemt Dinkelland en Tubbergen" in r.output
    assert "herschrijf artikel 1, onderdeel c, in deze wijziging zelf" in r.output


def test_herindeling_later_dan_zes_maanden_waarschuwt(project: Path) -> None:
    vervang(project, HERINDELING, "inwerkingtreding: 2027-04-01", "inwerkingtreding: 2027-08-01")
    vervang(
        project,
        Path("wijzigingen/2027-informatiebeveiliging.yaml"),
        "basis: 2027-herindeling-noordoost-twente",
        "basis: 2027-herindeling-noordoost-twente",
    )
    r = grgen_in(project, "check")
    assert "[arhi-41-4-termijn (Wet arhi art. 41, vierde lid)]" in r.output
    assert "meer dan zes maanden na de herindeling van 01-01-2027 (uiterlijk 01-07-2027)" in r.output


def test_terugwerkende_kracht_in_versies_en_diff_gelijk(project: Path) -> None:
    vervang(project, HERINDELING, "inwerkingtreding: 2027-04-01\n", "inwerkingtreding: 2027-04-15\nterugwerkende_kracht: 2027-01-01\n")
    vervang(project, HERINDELING, "inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: terugwerkend")
    versies = grgen_in(project, "versies").output
    diff = CliRunner().invoke(grgen, ["-C", str(project), "diff", "2026-uittreding-wierden", "2027-herindeling-noordoost-twente"]).output
    assert "15-04-2027 (terugwerkend tot en met 01-01-2027)" in versies
    assert "in werking 15-04-2027, terugwerkend tot en met 01-01-2027" in diff


def test_uittreding_met_eigen_datum(project: Path) -> None:
    vervang(project, UITTREDING, "    deelnemer: wierden\n", "    deelnemer: wierden\n    tot: 2025-12-31\n")
    _, g = laad(project).geschiedenis()
    wierden = g.toepassing("2026-uittreding-wierden").na.regeling.deelnemer("wierden")
    assert wierden.tot == dt.date(2025, 12, 31)


# -- two amendments on one basis (issue 15, "What was seen" 1) -----------------------------------

PARALLEL = """id: 2026-stemmen
titel: Wijziging van de stemverhouding
basis: "2024"
datum_besluit: 2026-02-10
inwerkingtreding: 2026-03-01
wijzigingen:
  - actie: vervangen
    doel: artikel 8, tweede lid
    wat: "meerderheid"
    door: "gewone meerderheid"
  - actie: {actie}
    doel: artikel {doel}
{rest}
"""


def test_doel_vervallen_door_een_eerdere_wijziging_op_dezelfde_basis(project: Path) -> None:
    (project / "wijzigingen" / "2026-stemmen.yaml").write_text(
        PARALLEL.format(actie="vervangen", doel="8, eerste lid, onderdeel e", rest='    wat: "drie"\n    door: "twee"'), encoding="utf-8"
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1  # was: interne fout (KeyError), exit 3
    assert "artikel 8, eerste lid, onderdeel e bestaat in versie 2024, maar niet meer in versie 2026-uittreding-wierden" in r.output
    assert "'basis: 2026-uittreding-wierden'" in r.output


def test_woorden_die_een_eerdere_wijziging_veranderde(project: Path) -> None:
    (project / "wijzigingen" / "2026-stemmen.yaml").write_text(
        PARALLEL.format(actie="vervangen", doel="1, onderdeel c", rest='    wat: "Tubbergen en Wierden"\n    door: "Tubbergen, Wierden"'),
        encoding="utf-8",
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert (
        'de woorden "Tubbergen en Wierden" staan in artikel 1, onderdeel c, van versie 2024, maar niet meer in versie '
        "2026-uittreding-wierden" in r.output
    )
    assert 'daar luidt de tekst: "deelnemers: de gemeenten Dinkelland, Losser, Oldenzaal en Tubbergen;"' in r.output
    assert "'basis: 2026-uittreding-wierden'" in r.output


def test_een_onbekend_onderwerp_geeft_geen_valse_verwijzingsfouten(project: Path) -> None:
    vervang(
        project,
        Path("regeling/belastingsamenwerking-twente-oost/hoofdstukken/04-financien.yaml"),
        "onderwerpen: [financien]",
        "onderwerpen: [financiën]",
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    assert "onbekend onderwerp 'financiën'" in r.output
    assert "verwijzing naar onbekende id" not in r.output


def test_herindeling_noemt_geen_opgeheven_gemeente(project: Path) -> None:
    """With `namen: false` the engine leaves the names alone; `check` then points at each of them."""
    vervang(project, HERINDELING, "    datum: 2027-01-01\n", "    datum: 2027-01-01\n    namen: false\n")
    r = grgen_in(project, "check")
    assert "[arhi-41-3-namen (Wet arhi art. 41, derde lid)]" in r.output
    assert "artikel 2, derde lid: noemt nog de gemeente Dinkelland, die bij de herindeling is opgeheven" in r.output


def test_herindeling_in_een_bestaande_deelnemer(project: Path) -> None:
    """Lichte samenvoeging: Dinkelland goes up in Losser, which already takes part."""
    vervang(project, HERINDELING, "opgeheven: [dinkelland, tubbergen]", "opgeheven: [dinkelland]")
    vervang(project, HERINDELING, "nieuw: {id: noordoost-twente, naam: Noordoost-Twente}", "nieuw: losser")
    (project / "wijzigingen" / "2027-informatiebeveiliging.yaml").unlink()
    vervang(project, HERINDELING, "  noordoost-twente:", "  tubbergen:")
    _, g = laad(project).geschiedenis()
    toepassing = g.toepassing("2027-herindeling-noordoost-twente")
    assert [d.id for d in toepassing.na.deelnemers_op(dt.date(2027, 1, 1))] == ["losser", "oldenzaal", "tubbergen"]
    context = besluit_context(g, toepassing)
    assert context["onderdelen"][0].zinnen[0].zin == 'In de artikelen 2 en 20 wordt "Dinkelland" telkens vervangen door "Losser".'
    r = grgen_in(project, "bouw", "2027-herindeling-noordoost-twente")
    assert r.exit_code == 0, r.output
    besluit = next((project / "output").rglob("wijzigingsbesluit.md")).read_text(encoding="utf-8")
    assert "overwegende dat de gemeente Dinkelland met ingang van 1 januari 2027 is opgegaan in de gemeente Losser" in besluit


def test_provincie_als_deelnemer(project: Path) -> None:
    """Provinciale staten consent to gedeputeerde staten taking part; both names are plural."""
    vervang(
        project,
        REGELING,
        "  - id: tubbergen\n",
        "  - id: overijssel\n    naam: Overijssel\n    soort: provincie\n    sinds: 2024-01-01\n  - id: tubbergen\n",
    )
    r = grgen_in(project, "bouw", "2026-uittreding-wierden")
    assert r.exit_code == 0, r.output
    pakket = next((project / "output").rglob("2026-uittreding-wierden"))
    besluit = (pakket / "overijssel" / "statenbesluit.md").read_text(encoding="utf-8")
    assert "PROVINCIALE STATEN VAN DE PROVINCIE OVERIJSSEL BESLUITEN:" in besluit
    assert "Gedeputeerde staten toestemming te verlenen" in besluit
    gs = (pakket / "overijssel" / "besluit-gedeputeerde-staten.md").read_text(encoding="utf-8")
    assert "BESLUITEN:" in gs and "de verkregen toestemming van provinciale staten van Overijssel" in gs
    assert "kennis te geven in het provinciaal blad van Overijssel" in gs
    kennisgeving = (pakket / "kennisgeving.md").read_text(encoding="utf-8")
    assert "De raad van Oldenzaal en provinciale staten van Overijssel hebben daartoe vooraf toestemming verleend." in kennisgeving
