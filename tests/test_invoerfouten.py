"""Bad-input corpus: every case in tests/invoer/<geval>/ is run through the real CLI.

Each case is the valid mini-project tests/invoer/basis/ with one defect laid over it (see
tests/invoer/README.md). The test checks the exit code, that every expected fragment of the
Dutch message appears, that there is no traceback, and that grgen changed nothing in the
project (no file touched, no output/ written).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import grgen

INVOER = Path(__file__).parent / "invoer"
BASIS = INVOER / "basis"
# Files in a case folder that describe the case and are not copied into the project.
BESCHRIJVING = {"verwacht.yaml", "verwijder.txt"}
# A case file ending in this is written with its suffix removed and its text encoded as Latin-1,
# so that the repository holds only UTF-8 text while a test still gets a non-UTF-8 file.
LATIN1 = ".latin1"
VERWACHT_SLEUTELS = {"exitcode", "fragmenten", "afwezig", "eenmaal", "args", "bekend_probleem"}

GEVALLEN = sorted(p.name for p in INVOER.iterdir() if p.is_dir() and p.name != "basis")


def bouw_project(geval: str | None, doel: Path) -> Path:
    """Copy the basis project to `doel` and lay case `geval` over it; return the project folder."""
    project = doel / "project"
    shutil.copytree(BASIS, project)
    if geval is None:
        return project
    map_ = INVOER / geval
    verwijder = map_ / "verwijder.txt"
    if verwijder.exists():
        for regel in verwijder.read_text(encoding="utf-8").splitlines():
            if regel.strip() and not regel.lstrip().startswith("#"):
                pad = project / regel.strip()
                assert pad.is_file(), f"{geval}/verwijder.txt noemt {regel.strip()}, dat niet in basis/ staat"
                pad.unlink()
    for bron in sorted(map_.rglob("*")):
        if not bron.is_file() or bron.relative_to(map_).as_posix() in BESCHRIJVING:
            continue
        relatief = bron.relative_to(map_)
        if bron.name.endswith(LATIN1):
            doelpad = project / relatief.parent / bron.name[: -len(LATIN1)]
            doelpad.parent.mkdir(parents=True, exist_ok=True)
            doelpad.write_bytes(bron.read_text(encoding="utf-8").encode("latin-1"))
        else:
            doelpad = project / relatief
            doelpad.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(bron, doelpad)
    return project


def lees_verwacht(geval: str) -> dict:
    data = YAML(typ="safe").load((INVOER / geval / "verwacht.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{geval}/verwacht.yaml bevat geen sleutels"
    onbekend = set(data) - VERWACHT_SLEUTELS
    assert not onbekend, f"{geval}/verwacht.yaml: onbekende sleutels {sorted(onbekend)}"
    assert data.get("exitcode") in (1, 2), f"{geval}/verwacht.yaml: exitcode moet 1 of 2 zijn"
    assert data.get("fragmenten"), f"{geval}/verwacht.yaml: 'fragmenten' ontbreekt"
    for sleutel in ("fragmenten", "afwezig", "eenmaal", "args"):
        waarden = data.get(sleutel, [])
        assert isinstance(waarden, list) and all(isinstance(w, str) for w in waarden), (
            f"{geval}/verwacht.yaml: '{sleutel}' moet een lijst van teksten zijn (zet datums tussen aanhalingstekens)"
        )
    return data


def boomhash(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.rglob("*")) if p.is_file()}


def voer_uit(project: Path, args: list[str]):
    return CliRunner().invoke(grgen, ["-C", str(project), *args])


def test_basis_is_geldig(tmp_path: Path) -> None:
    project = bouw_project(None, tmp_path)
    voor = boomhash(project)
    # The base project is a minimal input-validation fixture, not a complete GR: skip the
    # content rules of the Wgr and Ar 4.14 (tests/test_controles.py covers those).
    result = voer_uit(project, ["check", "--negeer", "wgr", "--negeer", "ar-4.14"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # not even a warning
    assert "Geen fouten gevonden." in result.stdout
    assert "2 (basis 2017, 1 wijzigingen toegepast)" in result.stdout
    assert boomhash(project) == voor


def test_elk_geval_heeft_verwacht_yaml() -> None:
    assert len(GEVALLEN) >= 50
    for geval in GEVALLEN:
        assert (INVOER / geval / "verwacht.yaml").is_file(), geval


def controleer_geval(geval: str, tmp_path: Path) -> tuple[list[str], object]:
    """Run one case; return what is wrong with grgen's answer (empty when all is well) and the result."""
    verwacht = lees_verwacht(geval)
    project = bouw_project(geval, tmp_path)
    voor = boomhash(project)
    result = voer_uit(project, verwacht.get("args", ["check"]))

    uitvoer = result.stderr + result.stdout
    problemen = []
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # Under `main()` this would be exit code 3, "interne fout in grgen".
        problemen.append(f"grgen crasht: {type(result.exception).__name__}: {result.exception}")
    if result.exit_code != verwacht["exitcode"]:
        problemen.append(f"exitcode {result.exit_code}, verwacht {verwacht['exitcode']}")
    problemen += [f"fragment ontbreekt: {f!r}" for f in verwacht["fragmenten"] if f not in uitvoer]
    problemen += [f"fragment hoort er niet te staan: {f!r}" for f in verwacht.get("afwezig", []) if f in uitvoer]
    problemen += [
        f"fragment staat {uitvoer.count(f)} keer in de uitvoer, verwacht één keer: {f!r}"
        for f in verwacht.get("eenmaal", [])
        if uitvoer.count(f) != 1
    ]
    regels = [r.strip() for r in uitvoer.splitlines() if r.strip()]
    problemen += [f"melding staat {regels.count(r)} keer in de uitvoer: {r!r}" for r in dict.fromkeys(regels) if regels.count(r) > 1]
    if "Traceback" in uitvoer:
        problemen.append("traceback in de uitvoer")
    if boomhash(project) != voor:
        problemen.append("grgen heeft bestanden in het project gewijzigd")
    if (project / "output").exists():
        problemen.append("grgen heeft output/ gemaakt")
    return problemen, result


@pytest.mark.parametrize("geval", GEVALLEN)
def test_invoerfout(geval: str, tmp_path: Path) -> None:
    problemen, result = controleer_geval(geval, tmp_path)
    bekend = lees_verwacht(geval).get("bekend_probleem")
    if bekend and not problemen:
        pytest.fail(f"{geval} is gemarkeerd als bekend_probleem maar slaagt nu; haal 'bekend_probleem' weg uit verwacht.yaml")
    if bekend:
        pytest.xfail(f"bekend probleem: {bekend}")  # a no-op under --runxfail: then the details below show
    assert not problemen, f"{geval}:\n  " + "\n  ".join(problemen) + f"\n--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout}"
