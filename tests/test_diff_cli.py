"""`grgen diff` and `grgen geschiedenis` on the bundled case.

Between 2017 and the latest version lie three amendments: 2022-toetreding-haaksbergen (A: artikel
1, onderdeel e; B: artikel 9, tweede lid), 2025-uitbreiding-informatiemanagement (A-K, among them
D: new artikel 4a, E: artikel 11, F: artikel 13, derde lid vervalt and the vierde lid becomes the
derde) and 2025-toetreding-borne (A: artikel 1, onderdeel e again; B: artikel 9, tweede lid).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.blokken import blokken
from generator.cli import grgen
from generator.diff.overzicht import vergelijk_versies
from generator.pipeline import laad
from generator.verschil import kies_kanten
from tests.docxhulp import NS, lees_verhalen, lint_revisies, pandoc_tekst

PROJECT = Path(__file__).resolve().parent.parent
LAATSTE = "2025-toetreding-borne"
HAAKSBERGEN, UITBREIDING, BORNE = "2022-toetreding-haaksbergen", "2025-uitbreiding-informatiemanagement", LAATSTE
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True, scope="module")
def eenmaal_laden():
    """Read each project folder once for the whole module (the data is not changed by any test)."""
    gelezen: dict[Path, object] = {}

    def laad_eenmaal(map_: Path):  # noqa: ANN202
        sleutel = Path(map_).resolve()
        if sleutel not in gelezen:
            gelezen[sleutel] = laad(map_)
        return gelezen[sleutel]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("generator.pipeline.laad", laad_eenmaal)  # the commands import it when they run
        yield


def cli(*args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, ["-C", str(PROJECT), *args])


def als_json(*args: str) -> dict:
    r = cli(*args, "--formaat", "json")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def alles() -> dict:
    return als_json("diff", "2017", LAATSTE)


def element(uitvoer: dict, element_id: str) -> dict:
    return next(e for e in uitvoer["elementen"] if e["id"] == element_id)


def oorzaken(e: dict) -> list[tuple[str, str | None]]:
    return [(o["wijziging"], o["onderdeel"]) for o in e["oorzaken"]]


# -- attribution ---------------------------------------------------------------------------------


def test_elke_wijziging_op_naam_van_het_juiste_besluit_en_onderdeel(alles) -> None:
    assert [w["id"] for w in alles["wijzigingen"]] == [HAAKSBERGEN, UITBREIDING, BORNE]
    e = element(alles, "begrippen.e")
    assert (e["adres"], e["gebeurtenis"]) == ("artikel 1, onderdeel e", "gewijzigd")
    assert oorzaken(e) == [(HAAKSBERGEN, "A"), (BORNE, "A")]
    artikel_4a = element(alles, "informatiemanagement")
    assert (artikel_4a["adres"], artikel_4a["gebeurtenis"], oorzaken(artikel_4a)) == ("artikel 4a", "nieuw", [(UITBREIDING, "D")])
    # The leden of the new artikel are not listed separately.
    assert not any(x["id"].startswith("informatiemanagement.") for x in alles["elementen"])
    assert oorzaken(element(alles, "taken")) == [(UITBREIDING, "C")] and element(alles, "taken")["delen"] == ["opschrift"]
    assert oorzaken(element(alles, "publicatie.1")) == [(UITBREIDING, "L")]  # onderdeel L of the besluit (golden)
    # "artikel 11, tweede lid" became "derde lid" in a reference because onderdeel E renumbered it;
    # the besluit states that change in an onderdeel of its own, G (issue 14), which is the cause.
    verwijzing = element(alles, "begroting.4")
    assert oorzaken(verwijzing) == [(UITBREIDING, "G")] and verwijzing["oorzaken"][0]["via_verwijzing"] is False
    assert {(d["naam"], d["gebeurtenis"]) for d in alles["deelnemers"]} == {("Haaksbergen", "toegetreden"), ("Borne", "toegetreden")}
    # Onderdeel c of artikel 2, second lid, is the old b unchanged (aligned by content): renumbered only.
    assert alles["samenvatting"] == {"nieuw": 7, "vervallen": 1, "gewijzigd": 19, "vernummerd": 7}


def test_vernummering_toont_alleen_het_nummer(alles) -> None:
    vervallen, vernummerd = element(alles, "kostenverdeling.3"), element(alles, "kostenverdeling.4")
    assert (vervallen["gebeurtenis"], vervallen["adres"], oorzaken(vervallen)) == (
        "vervallen",
        "artikel 13, derde lid",
        [(UITBREIDING, "F")],
    )
    assert vernummerd["gebeurtenis"] == "vernummerd" and vernummerd["delen"] == ["nummer"]
    assert (vernummerd["adres_oud"], vernummerd["adres"]) == ("artikel 13, vierde lid", "artikel 13, derde lid")
    blok = next(b for b in alles["blokken"] if b["element_id"] == "kostenverdeling.4")
    assert blok["vernummerd"] and blok["label"] == [{"soort": "verwijderd", "tekst": "4."}, {"soort": "ingevoegd", "tekst": "3."}]
    assert [s["soort"] for s in blok["tekst"]] == ["gelijk"]
    tekst = cli("diff", "2017", LAATSTE, "--artikel", "13").stdout
    assert "vernummerd  artikel 13, derde lid (was vierde lid)" in tekst
    regel = next(r for r in tekst.splitlines() if "per kwartaal als voorschot" in r)
    assert regel.startswith("[-4.-]{+3.+} De centrumgemeente") and regel.count("{+") == 1 and regel.count("[-") == 1


def test_samenvatting_van_artikel_1_in_de_terminal() -> None:
    r = cli("diff", "2017", LAATSTE, "--artikel", "1", "--alleen-samenvatting")
    assert r.exit_code == 1
    assert "Samenvatting: 1 nieuw, 0 vervallen, 3 gewijzigd, 1 vernummerd" in r.stdout
    assert f"door {HAAKSBERGEN}, onderdeel A; {BORNE}, onderdeel A" in r.stdout
    assert "vernummerd  artikel 1, onderdeel j (was onderdeel i)" in r.stdout
    assert "Begripsbepalingen" not in r.stdout and "\x1b[" not in r.stdout


def test_omgekeerd_wordt_gemeld() -> None:
    uit = als_json("diff", LAATSTE, "2017", "--artikel", "4a")
    assert uit["omgekeerd"] is True
    assert [(e["gebeurtenis"], oorzaken(e)) for e in uit["elementen"]] == [("vervallen", [(UITBREIDING, "D")])]
    assert "Let op: versie 2025-toetreding-borne is nieuwer dan versie 2017" in cli("diff", LAATSTE, "2017").stdout


def test_versie_op_datum_en_zonder_b() -> None:
    uit = als_json("diff", "2022-06-01", "--alleen-samenvatting")
    assert (uit["a"]["versie"], uit["b"]["versie"]) == (HAAKSBERGEN, LAATSTE)
    assert [w["id"] for w in uit["wijzigingen"]] == [UITBREIDING, BORNE]
    assert "blokken" not in uit


def test_gelijke_versies_geven_niets() -> None:
    stand = laad(PROJECT)
    for v in stand.geschiedenis()[1].tijdlijn.versies:
        a, b = kies_kanten([v.id, v.id], PROJECT, None, lambda _: stand)
        verschil = vergelijk_versies(a, b, volledig=True)
        assert verschil.gelijk and not verschil.elementen and verschil.telling() == dict.fromkeys(verschil.telling(), 0)


# -- json ------------------------------------------------------------------------------------------


def test_json_schema(alles) -> None:
    assert list(alles) == [
        "schema",
        "a",
        "b",
        "omgekeerd",
        "gelijk",
        "artikel",
        "wijzigingen",
        "samenvatting",
        "elementen",
        "deelnemers",
        "citeertitel",
        "blokken",
    ]
    assert alles["schema"] == "grgen-diff/1" and alles["gelijk"] is False and alles["citeertitel"] is None
    assert alles["a"] == {"versie": "2017", "map": None, "inwerkingtreding": "2017-08-31"}
    assert set(alles["wijzigingen"][0]) == {"id", "titel", "kort", "datum_besluit", "inwerkingtreding"}
    assert set(alles["samenvatting"]) == {"nieuw", "vervallen", "gewijzigd", "vernummerd"}
    for e in alles["elementen"]:
        assert list(e) == ["id", "soort", "gebeurtenis", "adres", "adres_oud", "delen", "oorzaken"]
        assert e["gebeurtenis"] in alles["samenvatting"] and e["oorzaken"]
        assert all(list(o) == ["wijziging", "titel", "kort", "onderdeel", "via_verwijzing"] for o in e["oorzaken"])
    assert set(alles["deelnemers"][0]) == {"id", "naam", "gebeurtenis", "oorzaken"}
    for b in alles["blokken"]:
        assert list(b) == ["element_id", "deel", "artikel", "status", "vernummerd", "label", "tekst"]
        assert b["status"] in ("gelijk", "ingevoegd", "verwijderd", "gewijzigd")
        assert all(set(s) == {"soort", "tekst"} and s["soort"] in ("gelijk", "ingevoegd", "verwijderd") for s in b["label"] + b["tekst"])
    # Only artikelen that changed are shown, each whole.
    assert {b["artikel"] for b in alles["blokken"]} >= {"artikel 1", "artikel 4a", "artikel 13"}
    assert "artikel 5" not in {b["artikel"] for b in alles["blokken"]}


# -- exit codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "melding"),
    [
        (("diff", "2017", "2017"), 0, "Geen verschillen."),
        (("diff", HAAKSBERGEN, "2025-01-01"), 0, "Geen verschillen."),
        (("diff", "2017", HAAKSBERGEN), 1, "Samenvatting"),
        (("diff", "2017", "bestaat-niet"), 2, "'bestaat-niet' is geen versie, datum of map"),
        (("diff", "2016-01-01", LAATSTE), 2, "was de regeling nog niet in werking"),
        (("diff", "2017", "2022-13-01"), 2, "geen geldige datum"),
        (("diff", "2017", "--artikel", "99"), 2, "artikel 99 bestaat niet"),
        (("diff", "2017", "--formaat", "docx"), 2, "-o"),
        (("diff", "2017", "--formaat", "pdf"), 2, "ongeldige waarde"),
        (("diff",), 2, "ontbrekend argument 'A'."),
    ],
)
def test_exitcodes(args, code, melding) -> None:
    r = cli(*args)
    assert r.exit_code == code, r.output
    assert melding in r.output


def test_andere_map(tmp_path: Path) -> None:
    kopie = tmp_path / "collega"
    shutil.copytree(PROJECT / "regeling", kopie / "regeling")
    shutil.copytree(PROJECT / "wijzigingen", kopie / "wijzigingen")
    (kopie / "wijzigingen" / f"{BORNE}.yaml").unlink()
    uit = als_json("diff", str(kopie), LAATSTE)
    assert uit["a"] == {"versie": UITBREIDING, "map": str(kopie), "inwerkingtreding": "2026-01-01"}
    assert uit["wijzigingen"] == [] and all(e["oorzaken"] == [] for e in uit["elementen"])
    assert oorzaken(element(uit, "begrippen.e")) == [] and element(uit, "bestuurlijk-overleg.2.borne")["gebeurtenis"] == "nieuw"
    assert cli("diff", f"{kopie}@2017", "2017").exit_code == 0
    assert cli("diff", f"{kopie}@1999", "2017").exit_code == 2
    assert cli("diff", f"{tmp_path}/leeg", "2017").exit_code == 2
    (tmp_path / "leeg").mkdir()
    r = cli("diff", f"{tmp_path / 'leeg'}@", "2017")
    assert r.exit_code == 2 and "de map 'regeling/' ontbreekt" in r.output


# -- terminal, html, docx ------------------------------------------------------------------------


def test_kleuren_alleen_op_verzoek() -> None:
    plat = cli("diff", "2017", HAAKSBERGEN, "--artikel", "1").stdout
    assert "\x1b[" not in plat and "{+Haaksbergen, +}Hengelo" in plat
    kleur = cli("diff", "2017", HAAKSBERGEN, "--artikel", "1", "--kleur").stdout
    assert "\x1b[32m\x1b[4mHaaksbergen, \x1b[0m" in kleur  # green, underlined
    assert ANSI.sub("", kleur).count("{+") == 0
    gekleurd = cli("diff", HAAKSBERGEN, "2017", "--artikel", "1", "--kleur").stdout
    assert "\x1b[31m\x1b[9mHaaksbergen, \x1b[0m" in gekleurd  # red, struck through


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:  # noqa: ANN001
        self.tags.append((tag, dict(attrs)))


def test_html_is_welgevormd_en_zelfstandig(tmp_path: Path) -> None:
    pad = tmp_path / "verschil.html"
    r = cli("diff", "2017", LAATSTE, "--formaat", "html", "-o", str(pad))
    assert r.exit_code == 1 and r.stdout == ""
    html = pad.read_text(encoding="utf-8")
    boom = ET.fromstring(html.split("\n", 1)[1])  # well-formed XML after the doctype
    tekst = "".join(boom.itertext())
    assert "informatie- en communicatietechnologie" in tekst and "informatietechnologie, waaronder" in tekst
    assert boom.find(".//ins") is not None and boom.find(".//del") is not None
    assert boom.find(".//section[@class='inline']") is not None and boom.find(".//section[@class='naast']") is not None
    parser = _Tags()
    parser.feed(html)
    assert not [t for t, a in parser.tags if t in ("link", "script", "img", "iframe") or "src" in a or "href" in a]
    assert "http" not in html.lower().replace('lang="nl"', "")


def test_docx_accepteren_is_b_verwerpen_is_a_met_een_auteur_per_besluit(tmp_path: Path) -> None:
    pad = tmp_path / "verschil.docx"
    r = cli("diff", "2017", LAATSTE, "--formaat", "docx", "-o", str(pad), "--volledig")
    assert r.exit_code == 1, r.output
    data = pad.read_bytes()
    assert lint_revisies(data) == []
    stand = laad(PROJECT)
    tijdlijn = stand.geschiedenis()[1].tijdlijn

    def tekst(versie_id: str) -> list[str]:
        return [" ".join(b.volledig.split()) for b in blokken(tijdlijn.versie(versie_id).regeling)]

    for modus, versie_id in (("accept", LAATSTE), ("reject", "2017")):
        alineas = pandoc_tekst(data, modus)
        begin, eind = alineas.index("Tekst met wijzigingen") + 1, alineas.index("Einde van het overzicht.")
        assert alineas[begin:eind] == tekst(versie_id), modus
    doc = lees_verhalen(data)["word/document.xml"]
    w = NS["w"]
    revisies = list(doc.iter(f"{{{w}}}ins", f"{{{w}}}del"))
    assert {r.get(f"{{{w}}}author") for r in revisies} == {"Toetreding Haaksbergen", "Uitbreiding informatiemanagement", "Toetreding Borne"}

    def auteur_van(woorden: str) -> str:
        return next(r.get(f"{{{w}}}author") for r in revisies if woorden in "".join(r.itertext()))

    assert auteur_van("gemeente Haaksbergen dat belast") == "Toetreding Haaksbergen"  # inserted by it, renumbered later
    assert auteur_van("Borne, ") == "Toetreding Borne"
    assert auteur_van("informatiebeveiliging") == "Uitbreiding informatiemanagement"
    datums = {r.get(f"{{{w}}}author"): r.get(f"{{{w}}}date") for r in revisies}
    assert datums["Toetreding Haaksbergen"] == "2021-12-14T00:00:00Z" and datums["Toetreding Borne"] == "2025-12-16T00:00:00Z"


def test_markdown_en_hulp_in_het_nederlands() -> None:
    md = cli("diff", "2017", LAATSTE, "--formaat", "md", "--artikel", "4").stdout
    assert "| gewijzigd | artikel 4 (opschrift) | 2025-uitbreiding-informatiemanagement, onderdeel C |" in md
    assert "### Artikel 4 Taken op het gebied van <del>ICT</del><ins>IT</ins>" in md
    hulp = cli("diff", "--help").stdout
    assert "Voorbeelden:" in hulp and "grgen diff 2017 --artikel 5" in hulp and "Exitcodes, zoals diff" in hulp
    assert "Voorbeelden:" in cli("geschiedenis", "--help").stdout


# -- geschiedenis ------------------------------------------------------------------------------


def test_geschiedenis_van_een_onderdeel() -> None:
    uit = als_json("geschiedenis", "artikel 1, onderdeel e")
    assert uit["element"] == {"id": "begrippen.e", "soort": "onderdeel", "adres": "artikel 1, onderdeel e"}
    momenten = [(m["versie"], m["gebeurtenis"], [(o["wijziging"], o["onderdeel"]) for o in m["oorzaken"]]) for m in uit["momenten"]]
    assert momenten == [("2017", "nieuw", []), (HAAKSBERGEN, "gewijzigd", [(HAAKSBERGEN, "A")]), (BORNE, "gewijzigd", [(BORNE, "A")])]
    assert uit["momenten"][1]["inwerkingtreding"] == "2022-01-01"
    assert {"soort": "ingevoegd", "tekst": "Borne, "} in uit["momenten"][2]["blokken"][0]["tekst"]
    tekst = cli("geschiedenis", "artikel 1, onderdeel e").stdout
    assert "gewijzigd door 2025-toetreding-borne, onderdeel A (Toetreding Borne)" in tekst and "{+Borne, +}Haaksbergen" in tekst


def test_geschiedenis_vernummerd_vervallen_en_ongewijzigd() -> None:
    vernummerd = als_json("geschiedenis", "artikel 13, vierde lid", "--versie", "2017")
    assert [(m["gebeurtenis"], m["adres"]) for m in vernummerd["momenten"]] == [
        ("nieuw", "artikel 13, vierde lid"),
        ("vernummerd", "artikel 13, derde lid"),
    ]
    vervallen = als_json("geschiedenis", "--id", "kostenverdeling.3")
    assert [(m["gebeurtenis"], [o["onderdeel"] for o in m["oorzaken"]]) for m in vervallen["momenten"]] == [
        ("nieuw", []),
        ("vervallen", ["F"]),
    ]
    assert "Sindsdien niet gewijzigd, tot en met versie 2025-toetreding-borne." in cli("geschiedenis", "artikel 5").stdout
    assert "## 2025-uitbreiding-informatiemanagement" in cli("geschiedenis", "artikel 4", "--formaat", "md").stdout


@pytest.mark.parametrize(
    ("args", "code", "melding"),
    [
        (("geschiedenis", "artikel 13, vierde lid"), 1, "het bestaat wel in versie 2017, 2022-toetreding-haaksbergen; gebruik --versie"),
        (("geschiedenis", "het vijfde artikel"), 1, "is geen adres"),
        (("geschiedenis", "--id", "bestaat.niet"), 1, "onbekende id"),
        (("geschiedenis",), 2, "geef een ADRES"),
        (("geschiedenis", "artikel 5", "--versie", "1999"), 1, "Onbekende versie"),
    ],
)
def test_geschiedenis_fouten(args, code, melding) -> None:
    r = cli(*args)
    assert r.exit_code == code and melding in r.output, r.output
