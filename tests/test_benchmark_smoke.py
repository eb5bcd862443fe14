"""The benchmark script works (benchmarks/run.py at a tiny size); its timings are not checked here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_benchmark_klein(tmp_path: Path) -> None:
    rapport = tmp_path / "benchmark.md"
    proces = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--werklasten",
            "W2",
            "--w2-artikelen",
            "20",
            "--wijzigingen",
            "5",
            "--runs",
            "1",
            "--werkmap",
            str(tmp_path / "werk"),
            "--uit",
            str(rapport),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=240,  # about 15 s on an idle 2-core machine; timing itself is not checked
    )
    assert proces.returncode == 0, proces.stderr

    tekst = rapport.read_text(encoding="utf-8")
    assert "## Targets" in tekst
    assert "## W2: synthetic, 20 artikelen, 5 amendments" in tekst
    assert "| grgen renvooi, last amendment |" in tekst
    assert "python benchmarks/run.py --werklasten W2" in tekst
    # The commands of issue 21 ran on W2 written as YAML files, next to both floors.
    assert "## Targets of issue 21" in tekst
    for rij in (
        "| `grgen toon` |",
        "| `grgen bouw --alle` |",
        "| `grgen bouw --alle` in one process (`GRGEN_PROCESSEN=1`) |",
        "| floor: bare interpreter importing every dependency",
    ):
        assert rij in tekst, rij
    assert "(pure Python" in tekst or "(C loader)" in tekst

    resultaten = json.loads((tmp_path / "werk" / "resultaten.json").read_text(encoding="utf-8"))
    w2 = resultaten["werklasten"]["W2"]
    grgen = [m for wie, m in w2["metingen"] if wie == "grgen"]
    assert len(grgen) == 1 and {"toepassen", "renvooi_laatste", "renvooi_volledig", "zipvloer_laatste", "rss_mb"} <= grgen[0].keys()
    opdrachten = resultaten["opdrachten"]["metingen"]
    assert not [m for m in opdrachten if "fout" in m], opdrachten
    laden = [m["uit"] for m in opdrachten if m["opdracht"] == "laden"]
    assert len(laden) == 1 and laden[0]["laden"] > 0
    assert w2["invoer"]["wijzigingen"] == 5
    # Every renvooi grgen wrote has revision marks; with pandoc here, accept/reject gives both versions.
    assert w2["controle"]["tekens_grgen_laatste"] > 0
    for sleutel, juist in w2["controle"].items():
        if sleutel.startswith("juist_"):
            assert juist, sleutel


def test_synthetische_werklast_is_deterministisch() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from synth import maak_werklast
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    a, b = maak_werklast(3, 40, 10), maak_werklast(3, 40, 10)
    assert a == b
    assert a != maak_werklast(4, 40, 10)
    assert a.tellingen()["artikel"] == 40 and a.tellingen()["wijzigingen"] == 10


def test_afleiden_klein() -> None:
    """benchmarks/afleiden.py works at a tiny size: every edit is derived (timing not checked)."""
    proces = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "afleiden.py"),
            "--artikelen",
            "20",
            "--bewerkingen",
            "5",
            "--runs",
            "1",
            "--zonder-peers",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proces.returncode == 0, proces.stdout + proces.stderr
    assert "met 5 bewerkingen: 5 operaties afgeleid" in proces.stdout
