"""A package the griffie can send as it is (issue 16): the procedure schedule and its checks, no
placeholders, `bouw` behind the legal checks, the inwerkingtreding formulas, ondertekening and
toelichting in the besluit.

Each schedule rule is tested by putting one date of the bundled Borne amendment out of order in a
copy of the project: the message must name the file, the line and the key that holds the date.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import grgen
from generator.controles.procedure import REGELS as PROCEDUREREGELS
from generator.controles.procedure import geen_werkdag

PROJECT = Path(__file__).resolve().parent.parent
BORNE = "wijzigingen/2025-toetreding-borne.yaml"


def kopie(tmp_path: Path, *vervangingen: tuple[str, str], bestand: str = BORNE) -> Path:
    """The bundled project in tmp_path, with text replaced in one file (each must occur once)."""
    for naam in ("regeling", "wijzigingen"):
        shutil.copytree(PROJECT / naam, tmp_path / naam)
    pad = tmp_path / bestand
    tekst = pad.read_text(encoding="utf-8")
    for oud, nieuw in vervangingen:
        assert tekst.count(oud) == 1, oud
        tekst = tekst.replace(oud, nieuw)
    pad.write_text(tekst, encoding="utf-8")
    return tmp_path


def grgen_in(project: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, ["-C", str(project), *args])


def regel_van(project: Path, sleutelregel: str, bestand: str = BORNE) -> int:
    """The 1-based line of the first line that starts (after indentation) with `sleutelregel`."""
    for i, regel in enumerate((project / bestand).read_text(encoding="utf-8").splitlines(), start=1):
        if regel.strip().startswith(sleutelregel):
            return i
    raise AssertionError(sleutelregel)


# rule id -> (the change to the Borne file, the key the message must name, the line that holds it)
GEVALLEN = {
    "wgr-1-2-brief-na-college": (("datum_brief: 2025-09-17", "datum_brief: 2025-09-15"), "procedure.datum_brief", "datum_brief:"),
    "wgr-1-3-zienswijzetermijn": (
        ("datum_zienswijze: 2025-11-12", "datum_zienswijze: 2025-11-05"),
        "procedure.datum_zienswijze",
        "datum_zienswijze:",
    ),
    "wgr-1-3-zienswijze-voor-toestemming": (
        ("datum_raad: 2025-12-08", "datum_raad: 2025-11-12"),
        "deelnemers.oldenzaal.datum_raad",
        "datum_raad: 2025-11-12",
    ),
    "wgr-1-3-voorstel-na-zienswijze": (
        ("datum_college: 2025-11-20", "datum_college: 2025-11-06"),
        "deelnemers.swb-midden-twente.datum_college",
        "datum_college: 2025-11-06",
    ),
    "wgr-1-4-toestemming-voor-besluit": (
        ("datum_raad: 2025-12-11", "datum_raad: 2025-12-17"),
        "deelnemers.swb-midden-twente.datum_raad",
        "datum_raad: 2025-12-17",
    ),
    "wgr-26-bekendmaking-na-besluit": (
        ("datum_bekendmaking: 2025-12-18", "datum_bekendmaking: 2025-12-15"),
        "procedure.datum_bekendmaking",
        "datum_bekendmaking:",
    ),
    "procedure-werkdag": (
        ("datum_college_ontwerp: 2025-09-16", "datum_college_ontwerp: 2025-09-14"),
        "procedure.datum_college_ontwerp",
        "datum_college_ontwerp:",
    ),
}


@pytest.mark.parametrize("regel", sorted(GEVALLEN))
def test_datum_buiten_volgorde_geeft_een_melding_met_plaats(regel: str, tmp_path: Path) -> None:
    vervanging, sleutel, regeltekst = GEVALLEN[regel]
    project = kopie(tmp_path, vervanging)
    r = grgen_in(project, "check", "--strict")
    assert r.exit_code == 1
    regelnummer = regel_van(project, regeltekst)
    gevonden = [m for m in r.output.splitlines() if f"[{regel} (" in m]
    assert gevonden, r.output
    assert any(m.startswith(f"{BORNE}:{regelnummer}:") and f"'{sleutel}'" in m for m in gevonden), gevonden
    # the bundled data itself is in order: no other procedure rule speaks
    anderen = {r.id for r in PROCEDUREREGELS} - {regel}
    assert not any(f"[{a} (" in r.output for a in anderen), r.output


def test_inwerkingtreding_voor_bekendmaking_zonder_terugval(tmp_path: Path) -> None:
    """Awb 3:40: with a fixed date and no fallback, a bekendmaking after that date is an error."""
    project = kopie(
        tmp_path,
        ("inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: datum"),
        ("datum_bekendmaking: 2025-12-18", "datum_bekendmaking: 2026-01-05"),
    )
    r = grgen_in(project, "check")
    assert r.exit_code == 1
    regelnummer = regel_van(project, "inwerkingtreding: 2026-01-01")
    melding = next(m for m in r.output.splitlines() if "[awb-3.40-inwerkingtreding-na-bekendmaking (" in m)
    assert melding.startswith(f"{BORNE}:{regelnummer}:") and "'inwerkingtreding'" in melding
    assert "datum_of_later" in melding  # the suggestion names the fallback formula
    # With the fallback formula the same dates are fine: the wording covers a late bekendmaking.
    project2 = kopie(tmp_path / "b", ("datum_bekendmaking: 2025-12-18", "datum_bekendmaking: 2026-01-05"))
    assert "awb-3.40" not in grgen_in(project2, "check").output


def test_elke_procedureregel_heeft_een_test() -> None:
    assert {r.id for r in PROCEDUREREGELS} == set(GEVALLEN) | {"awb-3.40-inwerkingtreding-na-bekendmaking"}


def test_feestdagen_uit_de_bibliotheek() -> None:
    assert geen_werkdag(__import__("datetime").date(2026, 4, 27)) == "Koningsdag"
    assert geen_werkdag(__import__("datetime").date(2025, 11, 12)) is None


@pytest.fixture
def feestdagen_opslag(monkeypatch):  # noqa: ANN201
    """An in-memory store handed to the working-day check, and an empty per-process memo."""
    from generator.controles import procedure

    bewaard: dict[str, bytes] = {}
    monkeypatch.setattr(procedure, "_opslag", [(bewaard.get, bewaard.__setitem__)])
    procedure._feestdagen.cache_clear()  # noqa: SLF001
    yield bewaard
    procedure._feestdagen.cache_clear()  # noqa: SLF001


def test_feestdagen_bewaard_zoals_de_bibliotheek_ze_geeft(feestdagen_opslag: dict[str, bytes], monkeypatch) -> None:
    """Each year's table is stored once and read back as the library gives it; an entry that is
    not a table is asked again and stored over; another release of the library is another entry."""
    import datetime as dt
    import json

    from generator.controles import procedure

    jaren = range(2020, 2031)
    verwacht = {jaar: procedure._uit_de_bibliotheek(jaar) for jaar in jaren}  # noqa: SLF001
    assert [procedure._feestdagen(jaar) for jaar in jaren] == list(verwacht.values())  # noqa: SLF001
    assert len(feestdagen_opslag) == len(jaren)
    naam = next(n for n in feestdagen_opslag if n.endswith("-2026.json"))
    assert json.loads(feestdagen_opslag[naam])["2026-04-27"] == "Koningsdag"

    procedure._feestdagen.cache_clear()  # noqa: SLF001  # a next process: from the store, not from the library
    monkeypatch.setattr(procedure, "_uit_de_bibliotheek", lambda jaar: pytest.fail(f"{jaar} niet uit de opslag"))
    assert {jaar: procedure._feestdagen(jaar) for jaar in jaren} == verwacht  # noqa: SLF001
    assert geen_werkdag(dt.date(2026, 5, 5)) == "Bevrijdingsdag"

    monkeypatch.undo()
    monkeypatch.setattr(procedure, "_opslag", [(feestdagen_opslag.get, feestdagen_opslag.__setitem__)])
    feestdagen_opslag[naam] = b'["geen tabel"]'
    procedure._feestdagen.cache_clear()  # noqa: SLF001
    assert procedure._feestdagen(2026) == verwacht[2026]  # noqa: SLF001
    assert json.loads(feestdagen_opslag[naam])["2026-12-25"] == "Eerste kerstdag"

    monkeypatch.setattr(procedure, "_bibliotheekversie", lambda: "andere-release")
    procedure._feestdagen.cache_clear()  # noqa: SLF001
    procedure._feestdagen(2026)  # noqa: SLF001
    assert "andere-release-2026.json" in feestdagen_opslag


def test_check_met_cachemap_laadt_holidays_niet_opnieuw(tmp_path: Path) -> None:
    """With GRGEN_CACHE, `grgen check` stores the feestdagen it needed; the next `check` of the
    project finds them there and does not import the holidays library at all."""
    import os
    import subprocess
    import sys

    project = kopie(tmp_path / "p")
    code = (
        "import sys; from generator.cli import main\n"
        "sys.argv = ['grgen', '-C', sys.argv[1], 'check']\n"
        "main()\n"
        "print('holidays' in sys.modules)"
    )
    omgeving = {**os.environ, "GRGEN_CACHE": str(tmp_path / "cache")}
    uit = [
        subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, env=omgeving, check=True).stdout
        for _ in range(2)
    ]
    assert "Geen fouten gevonden." in uit[0] and uit[0].splitlines()[-1] == "True", uit[0]
    assert "Geen fouten gevonden." in uit[1] and uit[1].splitlines()[-1] == "False", uit[1]
    assert list((tmp_path / "cache" / "feestdagen").glob("*.json"))


def test_gebundeld_voorbeeld_streng_schoon_en_zonder_plaatshouders(tmp_path: Path) -> None:
    project = kopie(tmp_path)
    assert grgen_in(project, "check", "--strict").exit_code == 0
    r = grgen_in(project, "bouw", "--alle", "--strict")
    assert r.exit_code == 0, r.output
    bestanden = list((project / "output").rglob("*.md"))
    assert len(bestanden) > 50
    for pad in bestanden:
        tekst = pad.read_text(encoding="utf-8")
        # a "[" is only allowed as the start of a Markdown link (the index)
        assert not re.search(r"\\?\[(?!\S[^\]]*\]\(<)", tekst), (pad, re.search(r".{0,40}\\?\[.{0,60}", tekst))
    for pad in (project / "output").rglob("*.docx"):
        xml = zipfile.ZipFile(pad).read("word/document.xml").decode("utf-8")
        assert "[" not in re.sub(r"<[^>]+>", "", xml), pad


def test_een_leeg_veld_faalt_streng_met_bestand_en_sleutel(tmp_path: Path) -> None:
    """Remove one filled field: --strict names the file and the key, and writes nothing; without
    --strict the document shows the placeholder, highlighted in yellow in Word."""
    project = kopie(tmp_path, ("  datum_bekendmaking: 2025-12-18\n", ""))
    r = grgen_in(project, "bouw", "--strict")
    assert r.exit_code == 1
    assert not (project / "output").exists()
    melding = next(m for m in r.output.splitlines() if "'datum_bekendmaking'" in m)
    assert melding.strip().startswith(f"{BORNE}:{regel_van(project, 'procedure:')}:")
    assert "onder 'procedure:'" in melding and BORNE in melding
    r = grgen_in(project, "bouw")
    assert r.exit_code == 0
    pakket = project / "output" / "centrumgemeenteregeling-samenwerking-ict-hengelo" / "2025-toetreding-borne"
    assert "[in te vullen: datum bekendmaking]" in (pakket / "kennisgeving.md").read_text(encoding="utf-8").replace("\\", "")
    xml = zipfile.ZipFile(pakket / "kennisgeving.docx").read("word/document.xml").decode("utf-8")
    assert re.search(r'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">\[in te vullen: datum bekendmaking\]', xml)


def test_een_deelnemersveld_noemt_de_deelnemer(tmp_path: Path) -> None:
    project = kopie(tmp_path, ("    secretaris: mr. G. Vos\n", ""))
    r = grgen_in(project, "bouw", "--strict")
    assert r.exit_code == 1
    melding = next(m for m in r.output.splitlines() if "'secretaris'" in m)
    assert f"{BORNE}:{regel_van(project, 'borne:')}:" in melding and "'deelnemers: borne:'" in melding


def test_onderdeel_zonder_toelichting_is_een_waarschuwing(tmp_path: Path) -> None:
    project = kopie(
        tmp_path,
        (
            "    toelichting: >-\n      Borne krijgt, net als de andere deelnemers, een zetel in het bestuurlijk overleg. De\n"
            "      onderdelen b tot en met d worden verletterd tot c tot en met e.\n",
            "",
        ),
    )
    r = grgen_in(project, "bouw", "--strict")
    assert r.exit_code == 1
    assert "onderdeel B van ARTIKEL I heeft geen toelichting" in r.output


def test_bouw_stopt_bij_een_fout_van_de_controles(tmp_path: Path) -> None:
    project = kopie(tmp_path, ("datum_brief: 2025-09-17", "datum_brief: 2025-09-15"))
    r = grgen_in(project, "bouw", "--alle")
    assert r.exit_code == 1
    assert "wgr-1-2-brief-na-college" in r.output and "niets geschreven" in r.output
    assert not (project / "output").exists()


def test_waarschuwing_van_de_controles_faalt_bouw_streng(tmp_path: Path) -> None:
    project = kopie(tmp_path, ("datum_college_ontwerp: 2025-09-16", "datum_college_ontwerp: 2025-09-14"))
    assert grgen_in(project, "bouw").exit_code == 0
    r = grgen_in(project, "bouw", "--strict")
    assert r.exit_code == 1 and "procedure-werkdag" in r.output


def _besluit(project: Path) -> str:
    r = grgen_in(project, "bouw", "2025-toetreding-borne")
    assert r.exit_code == 0, r.output
    pad = project / "output" / "centrumgemeenteregeling-samenwerking-ict-hengelo" / "2025-toetreding-borne" / "wijzigingsbesluit.md"
    return pad.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("vervangingen", "artikel"),
    [
        (
            (),
            "met ingang van 1 januari 2026 of, indien de bekendmaking later plaatsvindt, met ingang van de dag na die van de bekendmaking.",
        ),
        ((("inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: datum"),), "met ingang van 1 januari 2026."),
        (
            (("inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: dag_na_bekendmaking"),),
            "met ingang van de dag na die van de bekendmaking.",
        ),
        (
            (("inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: terugwerkend\nterugwerkende_kracht: 2025-12-01"),),
            "met ingang van de dag na die van de bekendmaking en werkt terug tot en met 1 december 2025.",
        ),
    ],
)
def test_inwerkingtreding_uit_de_formuletabel(vervangingen, artikel: str, tmp_path: Path) -> None:  # noqa: ANN001
    besluit = _besluit(kopie(tmp_path, *vervangingen))
    assert f"## ARTIKEL III\n\nDit besluit treedt in werking {artikel}\n" in besluit


def test_terugwerkend_zonder_datum_is_een_fout(tmp_path: Path) -> None:
    project = kopie(tmp_path, ("inwerkingtreding_vorm: datum_of_later", "inwerkingtreding_vorm: terugwerkend"))
    r = grgen_in(project, "check")
    assert r.exit_code != 0 and "terugwerkende_kracht" in r.output


def test_besluit_heeft_ondertekening_per_partij_en_toelichting_per_onderdeel(tmp_path: Path) -> None:
    besluit = _besluit(kopie(tmp_path))
    assert besluit.count("Aldus vastgesteld in de vergadering van") == 5
    assert "Het dagelijks bestuur van het openbaar lichaam SWB Midden Twente,\n\nDe secretaris,\\\n\\\n\\\n\\\ndrs. B. Postma" in besluit
    assert "De burgemeester,\\\n\\\n\\\n\\\ndrs. F. Hendriks" in besluit
    toelichting = besluit[besluit.index("## TOELICHTING") :]
    assert "**Artikel I, onderdeel A**" in toelichting and "**Artikel I, onderdeel B**" in toelichting
    assert besluit.index("Aldus vastgesteld") < besluit.index("## TOELICHTING")
    assert "gelet op artikel 1, vierde en vijfde lid, en artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen" in besluit
