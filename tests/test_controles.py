"""The legal checks of `grgen check` (generator/controles): one fixture per rule, and the bundled case.

Project fixtures live in tests/controles/<geval>/: like tests/invoer/, each is the legally
complete mini-project tests/controles/basis/ with one defect laid over it, and a verwacht.yaml:

    # what is wrong (one line)
    controles: [wgr-9-1-toetreding]    # exactly the checks that must report something
    exitcode: 1                        # 1 when a finding is an error, 0 for warnings only
    args: [check, --strict]            # optional, default [check]
    fragmenten:                        # lines that must appear in the output
      - "regeling/proef/...yaml:1:1: fout: [wgr-9-1-toetreding (Wgr art. 9, eerste lid)] ..."

Rules that are simpler to trigger on model objects (punctuation variants, numbering the
amendment engine already refuses, dates before 1 July 2022) are tested in memory below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import grgen
from generator.controles import REGELS, Zicht, controleer
from generator.controles.motor import kies_regels
from generator.controles.procedure import REGELS as PROCEDUREREGELS
from generator.controles.tekst import vind_verwijzingen
from generator.controles.wgr import ALLEEN_CENTRUMREGELING, regel_id
from generator.loader import lees_project
from generator.model import Artikel, Deelnemer, Hoofdstuk, Lid, Onderdeel, Subonderdeel, Versie
from generator.model.wijziging import Wijziging
from generator.onderwerpen import ALLEEN_BIJ, ONDERWERPEN
from generator.pipeline import controleer_stand, laad
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import bouw_geschiedenis

MAP = Path(__file__).parent / "controles"
BASIS = MAP / "basis"
REPO = Path(__file__).resolve().parent.parent
GEVALLEN = sorted(p.name for p in MAP.iterdir() if p.is_dir() and p.name != "basis")
REGEL = {r.id: r for r in REGELS}


# -- helpers ------------------------------------------------------------------------------------


def bouw_project(geval: str | None, doel: Path) -> Path:
    """Copy the basis project to `doel` and lay case `geval` over it."""
    project = doel / "project"
    shutil.copytree(BASIS, project)
    if geval is not None:
        for bron in sorted((MAP / geval).rglob("*")):
            if bron.is_file() and bron.name != "verwacht.yaml":
                pad = project / bron.relative_to(MAP / geval)
                pad.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(bron, pad)
    return project


def voer_uit(project: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, ["-C", str(project), *args])


def geschiedenis_van(map_: Path):  # noqa: ANN201
    project = lees_project(map_)
    (slug, (regeling, info)), *_ = project.regelingen.items()
    return bouw_geschiedenis(regeling, info, project.wijzigingen_van(slug))


@pytest.fixture(scope="module")
def basis():
    return geschiedenis_van(BASIS)


@pytest.fixture(scope="module")
def bundel():
    return geschiedenis_van(REPO)


def vondsten(regel_id_: str, zicht: Zicht) -> list:
    return list(REGEL[regel_id_].controle(zicht))


def met_versie(versie: Versie, **regeling: object) -> Versie:
    return Versie(versie.info, versie.regeling.met(**regeling))


def met_datum(versie: Versie, datum: dt.date) -> Versie:
    return Versie(dataclasses.replace(versie.info, inwerkingtreding=datum), versie.regeling)


def artikel(nummer: str, *kinderen, tekst: str | None = None, onderwerpen: tuple[str, ...] = ()) -> Artikel:
    return Artikel(f"art-{nummer}", nummer, tekst=tekst, kinderen=tuple(kinderen), opschrift=f"Artikel {nummer}", onderwerpen=onderwerpen)


def lijst(*items: str | tuple, soort=Onderdeel, prefix: str = "x") -> tuple:
    """Items of a list: a string is a leaf, a tuple (tekst, items...) an item with a sublist."""
    uit = []
    for i, item in enumerate(items, start=1):
        nummer = soort.nummer_op_positie(i)
        if isinstance(item, tuple):
            uit.append(
                soort(
                    f"{prefix}.{nummer}", nummer, tekst=item[0], kinderen=lijst(*item[1:], soort=Subonderdeel, prefix=f"{prefix}.{nummer}")
                )
            )
        else:
            uit.append(soort(f"{prefix}.{nummer}", nummer, tekst=item))
    return tuple(uit)


def met_artikelen(versie: Versie, *artikelen: Artikel) -> Versie:
    hoofdstuk = Hoofdstuk("hfd", "1", kinderen=tuple(artikelen), opschrift="Proef")
    return met_versie(versie, kinderen=(hoofdstuk,))


# -- project fixtures, through the real CLI ----------------------------------------------------


def test_basis_is_schoon(tmp_path: Path) -> None:
    r = voer_uit(bouw_project(None, tmp_path), "check")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""  # no finding at all, not even a warning
    assert r.stdout.rstrip().endswith("Geen fouten gevonden.")


def test_elk_geval_heeft_verwacht_yaml() -> None:
    for geval in GEVALLEN:
        assert (MAP / geval / "verwacht.yaml").is_file(), geval


@pytest.mark.parametrize("geval", GEVALLEN)
def test_geval(geval: str, tmp_path: Path) -> None:
    verwacht = YAML(typ="safe").load((MAP / geval / "verwacht.yaml").read_text(encoding="utf-8"))
    assert set(verwacht) <= {"controles", "exitcode", "args", "fragmenten"}, geval
    project = bouw_project(geval, tmp_path)
    args = verwacht.get("args", ["check"])
    r = voer_uit(project, *args)
    uitvoer = r.stderr + r.stdout
    assert "Traceback" not in uitvoer and (r.exception is None or isinstance(r.exception, SystemExit)), uitvoer
    assert r.exit_code == verwacht["exitcode"], uitvoer
    for fragment in verwacht["fragmenten"]:
        assert fragment in uitvoer, f"{geval}: ontbreekt {fragment!r}\n--- uitvoer ---\n{uitvoer}"

    # Exactly the expected checks report, and every finding names its rule's legal source.
    j = voer_uit(project, *args, "--json")
    assert j.exit_code == verwacht["exitcode"]
    document = json.loads(j.stdout)
    gevonden = {m["controle"] for m in document["meldingen"]}
    assert gevonden == set(verwacht["controles"]), f"{geval}: {sorted(gevonden)}"
    for m in document["meldingen"]:
        regel = REGEL[m["controle"]]
        assert m["rechtsbron"] == regel.bron
        assert m["ernst"] == ("fout" if "--strict" in args else regel.ernst)
        assert m["bestand"] and m["regelnummer"], m
        assert f"[{regel.id} ({regel.bron})]" in r.stderr
    assert document["geslaagd"] == (verwacht["exitcode"] == 0)


# -- the bundled case ---------------------------------------------------------------------------


def test_bundel_zonder_fouten(bundel) -> None:
    bevindingen = controleer(bundel, REGELS)
    assert [b for b in bevindingen if b.ernst == "fout"] == []
    # The adopted 2022 version (in force from 01-01-2022) still names the Staatscourant, but that
    # text is history: the 2025 amendment moves publication to the gemeenteblad, so nothing is left
    # to fix (generator/controles/wgr.py, gemeenteblad).
    assert bevindingen == []


def test_bundel_wgr_citaat(bundel) -> None:
    """2017 legitimately cites art. 1, tweede lid (before 1 July 2022); 2026 cites the vierde lid."""
    versies = {v.id: v for v in bundel.tijdlijn.versies}
    tekst = {i: " ".join(t for p in v.regeling.elementen() for t in p.element.teksten()) for i, v in versies.items()}
    assert "artikel 1, tweede lid, van de Wet gemeenschappelijke regelingen" in tekst["2017"]
    for nieuw in ("2025-uitbreiding-informatiemanagement", "2025-toetreding-borne"):
        assert versies[nieuw].info.inwerkingtreding >= dt.date(2022, 7, 1)
        assert "artikel 1, tweede lid, van de Wet" not in tekst[nieuw]
        assert "artikel 1, vierde lid, van de Wet gemeenschappelijke regelingen" in tekst[nieuw]
    assert not [b for b in controleer(bundel, REGELS) if b.regel.id == "wgr-1-4-citaat"]
    # The same 2017 text, had it taken effect after 1 July 2022, would be warned about.
    laat = met_datum(versies["2017"], dt.date(2022, 7, 1))
    adressen = [v.adres for v in vondsten("wgr-1-4-citaat", Zicht(laat))]
    assert adressen == ["artikel 16, tweede lid", "artikel 19, eerste lid"]


def test_bundel_cli_check() -> None:
    r = voer_uit(REPO, "check")
    assert r.exit_code == 0, r.output
    assert "versies: 4 (basis 2017, 3 wijzigingen toegepast)" in r.stdout
    assert r.stdout.rstrip().endswith("Geen fouten gevonden.")
    assert r.stderr == ""
    assert voer_uit(REPO, "check", "--strict").exit_code == 0
    assert ": fout:" not in r.stderr


# -- Wgr content, in memory ---------------------------------------------------------------------

TWENTE_OOST = Path(__file__).resolve().parent.parent / "voorbeelden" / "belastingsamenwerking-twente-oost"
WGR_ONDERWERPEN = [o for o, (_, bron) in ONDERWERPEN.items() if bron and bron.startswith("Wgr")]


@pytest.mark.parametrize("onderwerp", WGR_ONDERWERPEN)
def test_wgr_onderwerp_ontbreekt(onderwerp: str, basis) -> None:
    versie = basis.tijdlijn.basis
    if "centrumregeling" not in ALLEEN_BIJ.get(onderwerp, {"centrumregeling"}):
        # bestuur, begroting, vereffening: only an openbaar lichaam (or bvo) needs them; the
        # bundled openbaar lichaam has them, the centrumregeling of basis/ must not be asked for them.
        assert vondsten(regel_id(onderwerp, ONDERWERPEN[onderwerp][1]), Zicht(versie)) == []
        versie = laad(TWENTE_OOST).geschiedenis()[1].tijdlijn.basis
    zonder = tuple(p.element for p in versie.regeling.elementen() if onderwerp in p.element.onderwerpen)
    assert zonder, f"basis mist al een artikel met onderwerp {onderwerp}"
    from generator.wijzigen.boom import vervang

    regeling = versie.regeling
    for a in zonder:
        regeling = vervang(regeling, regeling.plek(a.id), a.met(onderwerpen=tuple(o for o in a.onderwerpen if o != onderwerp)))
    zicht = Zicht(Versie(versie.info, regeling))
    bron = ONDERWERPEN[onderwerp][1]
    gevonden = vondsten(regel_id(onderwerp, bron), zicht)
    assert len(gevonden) == 1
    assert f"(onderwerp '{onderwerp}'), vereist door {bron}" in gevonden[0].tekst
    if onderwerp in ALLEEN_CENTRUMREGELING:  # a regeling that is no centrumregeling needs no centrumgemeente
        assert vondsten(regel_id(onderwerp, bron), Zicht(Versie(versie.info, regeling.met(soort="openbaar lichaam")))) == []


def test_toestemmingsorgaan_leeg(basis) -> None:
    versie = basis.tijdlijn.basis
    deelnemers = (*versie.regeling.deelnemers[:2], dataclasses.replace(versie.regeling.deelnemers[2], toestemmingsorgaan=""))
    gevonden = vondsten("wgr-1-4-toestemmingsorgaan", Zicht(met_versie(versie, deelnemers=deelnemers)))
    assert [v.adres for v in gevonden] == ["deelnemer gamma"]
    assert "geen orgaan dat toestemming geeft" in gevonden[0].tekst


def test_toestemmingsorgaan_verkeerd_en_raad_als_partij(basis) -> None:
    versie = basis.tijdlijn.basis
    eerste = versie.regeling.deelnemers[0]
    verkeerd = dataclasses.replace(eerste, toestemmingsorgaan="algemeen bestuur")
    gevonden = vondsten("wgr-1-4-toestemmingsorgaan", Zicht(met_versie(versie, deelnemers=(verkeerd, *versie.regeling.deelnemers[1:]))))
    assert [v.tekst for v in gevonden] == [f"bij {eerste.het_lichaam} geeft de raad toestemming aan het college, niet 'algemeen bestuur'"]
    # Wgr art. 1, tweede lid: where the raad takes part itself, no organ consents.
    raad = dataclasses.replace(eerste, organen=("raad", "college van burgemeester en wethouders"), toestemmingsorgaan=None)
    assert vondsten("wgr-1-4-toestemmingsorgaan", Zicht(met_versie(versie, deelnemers=(raad, *versie.regeling.deelnemers[1:])))) == []


@pytest.mark.parametrize(
    ("tekst", "datum", "aantal"),
    [
        ("na toestemming overeenkomstig artikel 1, tweede lid, van de Wet gemeenschappelijke regelingen.", dt.date(2022, 7, 1), 1),
        ("na toestemming overeenkomstig artikel 1, tweede lid, van de Wet gemeenschappelijke regelingen.", dt.date(2022, 6, 30), 0),
        ("na toestemming overeenkomstig artikel 1, vierde lid, van de Wet gemeenschappelijke regelingen.", dt.date(2026, 1, 1), 0),
        ("zoals bedoeld in artikel 1, tweede lid, van de Wet gemeenschappelijke regelingen.", dt.date(2026, 1, 1), 0),
        ("na toestemming van de raad (artikel 1, tweede lid, Wgr).", dt.date(2026, 1, 1), 1),
    ],
)
def test_wgr_citaat(tekst: str, datum: dt.date, aantal: int, basis) -> None:
    versie = met_datum(met_artikelen(basis.tijdlijn.basis, artikel("1", tekst=tekst)), datum)
    assert len(vondsten("wgr-1-4-citaat", Zicht(versie))) == aantal


# -- Ar form, in memory -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elementen", "fragment"),
    [
        ((artikel("1", *lijst("a;", "b."), tekst="Het volgende"),), "de tekst vóór de opsomming eindigt op een dubbele punt"),
        ((artikel("1", *lijst("a,", "b."), tekst="Het volgende:"),), "een onderdeel dat niet het laatste is, eindigt op een puntkomma"),
        ((artikel("1", *lijst("a;", "b;"), tekst="Het volgende:"),), "het laatste onderdeel van een opsomming eindigt op een punt"),
        ((artikel("1", *lijst("a;", "b"), tekst="Het volgende:"),), "eindigt zonder leesteken"),
        (
            (artikel("1", *lijst("a;", ("b:", "1;", "2;")), tekst="Het volgende:"),),
            "het laatste subonderdeel van een opsomming eindigt op een punt",
        ),
        ((artikel("1", *lijst(("a", "1;", "2;"), "b."), tekst="Het volgende:"),), "de tekst vóór de opsomming eindigt op een dubbele punt"),
        ((artikel("1", Lid("l1", "1", "Eerst."), Lid("l2", "2", "Het volgende;", lijst("a;", "b."))),), "dubbele punt"),
    ],
)
def test_leestekens_fout(elementen, fragment: str, basis) -> None:
    gevonden = vondsten("ar-3.59-leestekens", Zicht(met_artikelen(basis.tijdlijn.basis, *elementen)))
    assert len(gevonden) == 1 and fragment in gevonden[0].tekst, gevonden


@pytest.mark.parametrize(
    "elementen",
    [
        (artikel("1", *lijst("a;", ("b:", "1;", "2;"), "c."), tekst="Het volgende:"),),
        (artikel("1", *lijst("a;", ("b:", "1;", "2.")), tekst="Het volgende:"),),
        (artikel("1", *lijst("a;", "b."), tekst="Het volgende:").met(slottekst="Dat geldt ook voor c."),),
    ],
)
def test_leestekens_goed(elementen, basis) -> None:
    assert vondsten("ar-3.59-leestekens", Zicht(met_artikelen(basis.tijdlijn.basis, *elementen))) == []


def test_nummer_dubbel(basis) -> None:
    versie = met_artikelen(
        basis.tijdlijn.basis, artikel("1", tekst="Een."), artikel("2", tekst="Twee."), artikel("2", tekst="Nog twee.").met(id="x")
    )
    gevonden = vondsten("ar-3.54-nummer-dubbel", Zicht(versie))
    assert [v.tekst for v in gevonden] == ["artikelnummer 2 komt 2 keer voor"]


def test_nummer_letter_gat(basis) -> None:
    versie = met_artikelen(
        basis.tijdlijn.basis, artikel("1", tekst="Een."), artikel("1a", tekst="x."), artikel("1c", tekst="y."), artikel("2", tekst="z.")
    )
    assert [v.tekst for v in vondsten("ar-3.54-nummer-gat", Zicht(versie))] == ["artikel 1b ontbreekt in de nummering"]


def _toepassing(voor: Versie, na: Versie) -> Toepassing:
    w = Wijziging("w", "Wijziging", "W", voor.id, "wijziging", "artikelsgewijs", "ontwerp", dt.date(2024, 6, 1), dt.date(2024, 7, 1), ())
    return Toepassing(w, voor, Versie(dataclasses.replace(na.info, id="w"), na.regeling), ())


@pytest.mark.parametrize(
    ("na", "fragment"),
    [
        (("1", "2", "5", "3"), "ingevoegd artikel 5 tussen artikel 2 en artikel 3 krijgt een letter achter het nummer ervoor"),
        (("1", "2", "2a", "3"), None),
        (("1", "2", "3", "3a"), None),
        (("1", "2", "3", "4"), None),
        (("1", "2", "3", "7"), "artikel 7 aan het eind volgt niet op artikel 3"),
    ],
)
def test_ingevoegd_nummer(na: tuple[str, ...], fragment: str | None, basis) -> None:
    basisversie = basis.tijdlijn.basis
    voor = met_artikelen(basisversie, *(artikel(n, tekst="T.") for n in ("1", "2", "3")))
    nieuw = met_artikelen(basisversie, *(artikel(n, tekst="T.") for n in na))
    t = _toepassing(voor, nieuw)
    gevonden = vondsten("ar-6.16-nummer-ingevoegd", Zicht(t.na, (voor,), t))
    assert [v.tekst for v in gevonden] == ([fragment] if fragment else [])


def test_bestaand_artikel_vernummerd_en_nummer_hergebruikt(basis) -> None:
    basisversie = basis.tijdlijn.basis
    oud = met_artikelen(basisversie, *(artikel(n, tekst="T.") for n in ("1", "2", "3")))
    voor = met_artikelen(basisversie, artikel("1", tekst="T."), artikel("3", tekst="T."))  # artikel 2 vervallen
    na = met_artikelen(
        basisversie, artikel("1", tekst="T."), artikel("2", tekst="Nieuw.").met(id="nieuw"), artikel("3", tekst="T.").met(nummer="4")
    )
    t = _toepassing(voor, na)
    teksten = [v.tekst for v in vondsten("ar-6.16-nummer-ingevoegd", Zicht(t.na, (oud, voor), t))]
    assert teksten == [
        "nummer 2 was het nummer van een vervallen artikel; een nummer wordt niet opnieuw gegeven",
        "bestaand artikel 3 is vernummerd tot 4; bestaande nummers blijven ongewijzigd",
    ]


# -- references, in memory ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "tekst",
    [
        "verwerkingsverantwoordelijke als bedoeld in artikel 4, onderdeel 7, van de Algemene verordening gegevensbescherming.",
        "aangewezen als bedoeld in artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen.",
        "gelet op artikel 1 en artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen.",
        "overeenkomstig artikel 28 van de Wet gemeenschappelijke regelingen.",
        "het register, bedoeld in artikel 27 van die wet.",
        "overeenkomstig artikel 2:3 Awb en artikel 3 Archiefwet 1995.",
    ],
)
def test_externe_verwijzing_wordt_niet_gemeld(tekst: str, basis) -> None:
    versie = met_artikelen(basis.tijdlijn.basis, *(artikel(str(n), tekst=tekst if n == 1 else "T.") for n in range(1, 30)))
    for regel_id_ in ("ar-3.29-verwijzing-bestaat", "ar-6.18-verwijzing-als-id"):
        assert vondsten(regel_id_, Zicht(versie)) == [], (regel_id_, [v.extern for v in vind_verwijzingen(tekst)])


def test_relatieve_verwijzing_naar_onderdeel(basis) -> None:
    a = artikel(
        "1",
        Lid("a1.1", "1", "Het volgende:", lijst("x;", "y.", prefix="a1.1")),
        Lid("a1.2", "2", "Zoals bedoeld in het eerste lid, onderdeel b."),
        Lid("a1.3", "3", "Zie onderdeel c van het eerste lid en onderdeel a van het eerste lid."),
    )
    gevonden = vondsten("ar-3.29-verwijzing-bestaat", Zicht(met_artikelen(basis.tijdlijn.basis, a)))
    assert [(v.adres, v.tekst) for v in gevonden] == [
        ("artikel 1, derde lid", 'verwijst naar "onderdeel c van het eerste lid", dat niet bestaat')
    ]
    als_id = vondsten("ar-6.18-verwijzing-als-id", Zicht(met_artikelen(basis.tijdlijn.basis, a)))
    assert [v.hint for v in als_id] == ["schrijf [[a1.1.b]]", "schrijf [[a1.1.a]]"]


# -- the engine and the CLI ---------------------------------------------------------------------


def test_regeltabel() -> None:
    assert len(REGEL) == len(REGELS)
    for r in REGELS:
        assert r.bron.startswith(("Wgr art.", "Ar ", "Awb art.", "Algemene termijnenwet", "Wet arhi art.")), r.id
        assert r.ernst in ("fout", "waarschuwing")
        assert r.id.split("-")[0] in ("wgr", "ar", "awb", "procedure", "arhi")


def test_elke_regel_heeft_een_fixture() -> None:
    """Every rule is caught by a project fixture or by an in-memory test in this file."""
    in_geheugen = {
        *(regel_id(o, ONDERWERPEN[o][1]) for o in WGR_ONDERWERPEN),
        "ar-3.54-nummer-dubbel",
        "ar-6.16-nummer-ingevoegd",
        "wgr-1-4-toestemmingsorgaan",  # the loader refuses such data; see test_toestemmingsorgaan_*
        "arhi-41-4-termijn",  # tests/test_partijen.py: test_herindeling_later_dan_zes_maanden_waarschuwt
        "arhi-41-3-namen",  # tests/test_partijen.py: test_herindeling_noemt_geen_opgeheven_gemeente
        # headings as a source prints them, and no aanhef: each asserted with its message in
        # tests/test_koppen.py: test_koppen_aanhef_en_afkondiging_zoals_de_bron_ze_afdrukt
        "ar-3.54-kop",
        "ar-3.56-kop",
        "ar-3.56-indeling",
        "wgr-1-aanhef",
        # the procedure schedule: one test per rule on the bundled data in tests/test_procedure.py
        *(r.id for r in PROCEDUREREGELS),
    }
    gedekt = set(in_geheugen)
    for geval in GEVALLEN:
        gedekt |= set(YAML(typ="safe").load((MAP / geval / "verwacht.yaml").read_text(encoding="utf-8"))["controles"])
    assert set(REGEL) - gedekt == set()


def test_dezelfde_bevinding_over_versies_eenmaal(tmp_path: Path) -> None:
    project = bouw_project("verwijzing-als-tekst", tmp_path)
    bevindingen = controleer_stand(_stand(project)).alle()
    assert len(bevindingen) == 1 and bevindingen[0].versies == ("2023", "2024-toetreding-delta")


def _stand(map_: Path):  # noqa: ANN202
    from generator.pipeline import laad

    return laad(map_)


def test_negeer(tmp_path: Path) -> None:
    project = bouw_project("toetreding-zonder-onderwerp", tmp_path)
    assert voer_uit(project, "check", "--negeer", "wgr-9").exit_code == 0
    assert voer_uit(project, "check", "--negeer", "wgr").exit_code == 0
    assert voer_uit(project, "check", "--negeer", "ar").exit_code == 1
    r = voer_uit(project, "check", "--negeer", "wgr-99")
    assert r.exit_code == 2 and "onbekende controle 'wgr-99'" in r.stderr
    assert [x.id for x in kies_regels(REGELS, ["ar-3.59"])] == [x.id for x in REGELS if not x.id.startswith("ar-3.59-")]


def test_controles_tonen() -> None:
    r = voer_uit(REPO, "check", "--controles")
    assert r.exit_code == 0
    regels = r.stdout.splitlines()
    assert len(regels) == len(REGELS)
    assert any(r.startswith("wgr-9-1-toetreding ") and "Wgr art. 9, eerste lid" in r for r in regels)


def test_json_bij_ongeldige_invoer(tmp_path: Path) -> None:
    project = bouw_project(None, tmp_path)
    (project / "wijzigingen" / "2024-toetreding-delta.yaml").write_text("id: [\n", encoding="utf-8")
    r = voer_uit(project, "check", "--json")
    assert r.exit_code == 1
    document = json.loads(r.stdout)
    assert document["geslaagd"] is False and document["meldingen"][0]["bestand"] == "wijzigingen/2024-toetreding-delta.yaml"


def test_deelnemer_naam_als_heel_woord() -> None:
    from generator.controles.tekst import noemt

    d = Deelnemer("b", "Borne", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2026, 1, 1))
    assert noemt("de gemeenten Borne, Haaksbergen", d.naam) and not noemt("Bornerbroek", d.naam)


def test_dezelfde_vondst_twee_keer_in_een_versie_noemt_de_versie_een_keer(basis) -> None:
    # A text that names a missing "artikel 5.19" twice gives one message for its version, not
    # "versies 2019, 2019" (seen on an imported CVDR text).
    from generator.controles.motor import Regel, Vondst
    from generator.errors import FOUT

    dubbel = Regel("proef-dubbel", "Ar 3.29", FOUT, "proef", lambda zicht: [Vondst("twee keer", element_id="x")] * 2)
    (bevinding,) = controleer(basis, [dubbel])
    assert len(bevinding.versies) == len(basis.tijdlijn.versies)
    assert len(set(bevinding.versies)) == len(bevinding.versies)
