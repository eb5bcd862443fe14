"""The bundled case (Centrumgemeenteregeling samenwerking ICT Hengelo) end to end.

Golden files in tests/golden/ were read line by line before they were committed; regenerate one
with `grgen toon --versie 2017 --formaat md > tests/golden/geconsolideerd-2017.md` and read the
diff before committing it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.blokken import blokken
from generator.cli import grgen
from generator.loader.bestanden import lees_bestand
from generator.pipeline import laad
from generator.render.pakket import render_pakket
from tests.docxhulp import lint_revisies, pandoc_tekst

PROJECT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
WIJZIGINGEN = ["2022-toetreding-haaksbergen", "2025-uitbreiding-informatiemanagement", "2025-toetreding-borne"]


@pytest.fixture(scope="module")
def geschiedenis():
    return laad(PROJECT).geschiedenis()[1]


@pytest.fixture(scope="module")
def pakketten(geschiedenis):
    return {t.wijziging.id: render_pakket(PROJECT, geschiedenis, t, lezer=lees_bestand).bestanden for t in geschiedenis.toepassingen}


def cli(*args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, ["-C", str(PROJECT), *args])


def test_check_slaagt_met_samenvatting() -> None:
    r = cli("check")
    assert r.exit_code == 0, r.output
    assert "versies: 4 (basis 2017, 3 wijzigingen toegepast)" in r.stdout
    assert "28 artikelen in 7 hoofdstukken, 5 deelnemers" in r.stdout
    assert "Geen fouten gevonden." in r.stdout


def test_versies() -> None:
    regels = cli("versies").stdout.splitlines()
    assert [r.split()[0] for r in regels[2:]] == ["2017", *WIJZIGINGEN]
    assert "31-08-2017" in regels[2] and "Stcrt. 2017, 48763" in regels[2]
    assert "01-01-2022" in regels[3]


def test_geconsolideerde_tekst_2017_golden() -> None:
    r = cli("toon", "--versie", "2017", "--formaat", "md")
    assert r.exit_code == 0
    assert r.stdout == (GOLDEN / "geconsolideerd-2017.md").read_text(encoding="utf-8")


def test_toon_op_datum() -> None:
    in_2022 = cli("toon", "--op", "2022-06-01").stdout
    assert "gemeenten Haaksbergen, Hengelo en Oldenzaal" in in_2022
    assert "Borne" not in in_2022
    in_2026 = cli("toon", "--op", "2026-01-01").stdout
    assert "gemeenten Borne, Haaksbergen, Hengelo en Oldenzaal" in in_2026
    assert "Artikel 4a Taken op het gebied van informatiemanagement" in in_2026
    # Wgr citations follow the 2022 numbering after the 2025 revision.
    assert "artikel 1, tweede lid, van de Wet" in in_2022 and "artikel 1, tweede lid, van de Wet" not in in_2026


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_wijzigingsbesluit_golden(wijziging: str, pakketten) -> None:
    golden = (GOLDEN / f"wijzigingsbesluit-{wijziging}.md").read_text(encoding="utf-8")
    assert pakketten[wijziging]["wijzigingsbesluit.md"].decode("utf-8") == golden


def _normaal(regels: list[str]) -> list[str]:
    return [" ".join(r.split()) for r in regels if r.strip()]


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_renvooi_aanvaard_is_nieuw_en_geweigerd_is_oud(wijziging: str, geschiedenis, pakketten) -> None:
    """pandoc, not our own code, reads the tracked changes."""
    t = geschiedenis.toepassing(wijziging)
    docx = pakketten[wijziging]["renvooi.docx"]
    nieuw = _normaal([b.volledig for b in blokken(t.na.regeling)])
    oud = _normaal([b.volledig for b in blokken(t.voor.regeling)])
    aanvaard = _normaal(pandoc_tekst(docx, "accept"))
    geweigerd = _normaal(pandoc_tekst(docx, "reject"))
    # Title and two introductory paragraphs first, a closing line last.
    assert aanvaard[3:-1] == nieuw
    assert geweigerd[3:-1] == oud
    assert lint_revisies(docx) == []


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_alleen_geraakte_elementen_hebben_revisies(wijziging: str, geschiedenis, pakketten) -> None:
    md = pakketten[wijziging]["renvooi.md"].decode("utf-8")
    gemarkeerd = [r for r in md.splitlines() if "<ins>" in r or "<del>" in r][1:]  # [0] is the legend
    t = geschiedenis.toepassing(wijziging)
    assert 0 < len(gemarkeerd) <= sum(len(s.raakt) for s in t.stappen) + 5
    assert not any("Artikel 27 Citeertitel" in r for r in gemarkeerd)


def test_docx_schoon_volgens_openxml_audit(pakketten, tmp_path: Path) -> None:
    audit = shutil.which("openxml-audit")
    if audit is None:
        pytest.skip("openxml-audit is niet geïnstalleerd (pip install openxml-audit)")
    for wijziging, bestanden in pakketten.items():
        for naam, inhoud in bestanden.items():
            if naam.endswith(".docx"):
                pad = tmp_path / f"{wijziging}-{naam.replace('/', '-')}"
                pad.write_bytes(inhoud)
                r = subprocess.run([audit, "-f", "microsoft365", str(pad)], capture_output=True, text=True)
                assert "Errors: 0" in r.stdout and "no findings" in r.stdout, f"{naam}: {r.stdout}"


def _bouw_in(map_: Path, omgeving: dict[str, str]) -> dict[str, str]:
    shutil.copytree(PROJECT / "regeling", map_ / "regeling")
    shutil.copytree(PROJECT / "wijzigingen", map_ / "wijzigingen")
    r = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "-C", ".", "bouw", "--alle"],
        cwd=map_,
        env={**os.environ, **omgeving},
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    return {
        str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((map_ / "output").rglob("*")) if p.is_file()
    }


def test_twee_bouwsels_zijn_byte_gelijk(tmp_path: Path) -> None:
    """Same input, same bytes: also in another time zone, locale and working directory."""
    a = _bouw_in(tmp_path / "a", {"TZ": "UTC", "LC_ALL": "C"})
    b = _bouw_in(tmp_path / "b" / "dieper", {"TZ": "Pacific/Kiritimati", "LC_ALL": "nl_NL.UTF-8", "LANG": "nl_NL.UTF-8"})
    assert a and a == b


def test_bouw_is_alles_of_niets(tmp_path: Path) -> None:
    """A failing build leaves the previous package untouched and no temporary folders behind."""
    shutil.copytree(PROJECT / "regeling", tmp_path / "regeling")
    shutil.copytree(PROJECT / "wijzigingen", tmp_path / "wijzigingen")
    runner = CliRunner()
    assert runner.invoke(grgen, ["-C", str(tmp_path), "bouw", "--alle"]).exit_code == 0
    voor = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    (tmp_path / "sjablonen").mkdir()
    (tmp_path / "sjablonen" / "renvooi.md.j2").write_text("{{ bestaat_niet }}\n", encoding="utf-8")
    r = runner.invoke(grgen, ["-C", str(tmp_path), "bouw", "--alle"])
    assert r.exit_code == 1
    assert "sjablonen/renvooi.md.j2:1" in r.stderr and "bestaat_niet" in r.stderr
    na = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert na == voor
    assert not [p for p in (tmp_path / "output").rglob(".*")]
