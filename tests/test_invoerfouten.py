"""Bad-input corpus: every case in tests/invoer/<geval>/ is run through the real CLI.

Each case is the valid mini-project tests/invoer/basis/ with one defect laid over it (see
tests/invoer/README.md). The test checks the exit code, that every expected fragment of the
Dutch message appears, that there is no traceback, and that grgen changed nothing in the
project (no file touched, no output/ written; with `vooraf_bouwen`, the package built before
the defect was laid over is left byte for byte as it was).
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import resource
import shutil
import time
from collections import Counter
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
VERWACHT_SLEUTELS = {
    "exitcode", "fragmenten", "afwezig", "eenmaal", "args", "bekend_probleem", "vooraf_bouwen", "genereer",
    "koppelingen", "pijpen", "in_uitvoer", "max_seconden",
}  # fmt: skip
GENEREER_SLEUTELS = {"bestand", "voor", "herhaal", "keer", "na"}
# In `args`, this is replaced by the path of the case's project (for cases that pass their own -C).
PROJECT = "{project}"
# In `koppelingen`, this is replaced by a folder outside the project holding a secret (`GEHEIM`):
# grgen may neither change that folder nor show the secret.
BUITEN = "{buiten}"
NUMMER = "{n}"
GEHEIM = "GEHEIM-buiten-het-project-7f3a9c"
# Every case must answer within this many seconds (unless `max_seconden` says less) and grow the
# test process's peak memory by less than this many bytes. A case that hangs is killed (with a
# traceback of where it hung) after MAX_HANG seconds rather than hang the suite.
MAX_SECONDEN = 20
MAX_GEHEUGEN = 500 * 1024 * 1024
MAX_HANG = 120

GEVALLEN = sorted(p.name for p in INVOER.iterdir() if p.is_dir() and p.name != "basis")


def kopieer_basis(doel: Path) -> Path:
    """Copy the basis project to `doel`; return the project folder."""
    project = doel / "project"
    shutil.copytree(BASIS, project)
    return project


def leg_over(geval: str, project: Path) -> None:
    """Lay case `geval` over a copy of basis: delete, copy (Latin-1 re-encoded) and generate files."""
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
    verwacht = lees_verwacht(geval)
    for recept in verwacht.get("genereer", []):
        genereer(project, recept)
    for naam, inhoud in verwacht.get("in_uitvoer", {}).items():
        pad = project / "output" / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(inhoud, encoding="utf-8")
    for naam in verwacht.get("pijpen", []):
        (project / naam).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(project / naam)
    for naam, doel in verwacht.get("koppelingen", {}).items():
        pad = project / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        if pad.is_dir() and not pad.is_symlink():
            shutil.rmtree(pad)
        elif pad.exists() or pad.is_symlink():
            pad.unlink()
        pad.symlink_to(doel.replace(BUITEN, str(buiten_map(project))))


def buiten_map(project: Path) -> Path:
    """A folder next to the project, outside it, with a secret in a text, a YAML and a template file."""
    buiten = project.parent / "buiten"
    if not buiten.exists():
        buiten.mkdir()
        (buiten / "geheim.txt").write_text(f"{GEHEIM}\n", encoding="utf-8")
        (buiten / "geheim.yaml").write_text(f"id: geheim\ntitel: {GEHEIM}\n", encoding="utf-8")
        (buiten / "kennisgeving.md.j2").write_text(f"{GEHEIM}\n", encoding="utf-8")
        (buiten / "referentie.docx").write_text(f"{GEHEIM}\n", encoding="utf-8")
    return buiten


def genereer(project: Path, recept: dict) -> None:
    """Write a large file from a small recipe: `voor`, then `herhaal` `keer` times, then `na`."""
    pad = project / recept["bestand"]
    pad.parent.mkdir(parents=True, exist_ok=True)
    herhaal = recept["herhaal"]
    # "{n}" in `herhaal` becomes the number of the repetition (for distinct keys, say).
    midden = "".join(herhaal.replace(NUMMER, str(i)) for i in range(1, recept["keer"] + 1)) if NUMMER in herhaal else herhaal * recept["keer"]
    pad.write_bytes((recept.get("voor", "") + midden + recept.get("na", "")).encode("utf-8"))


def bouw_project(geval: str | None, doel: Path) -> Path:
    """Copy the basis project to `doel` and lay case `geval` over it; return the project folder."""
    project = kopieer_basis(doel)
    if geval is not None:
        leg_over(geval, project)
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
    assert isinstance(data.get("vooraf_bouwen", False), bool), f"{geval}/verwacht.yaml: 'vooraf_bouwen' moet true of false zijn"
    for sleutel in ("koppelingen", "in_uitvoer"):
        waarden = data.get(sleutel, {})
        assert isinstance(waarden, dict) and all(isinstance(k, str) and isinstance(w, str) for k, w in waarden.items()), (
            f"{geval}/verwacht.yaml: '{sleutel}' moet pad: tekst zijn"
        )
    assert isinstance(data.get("pijpen", []), list), f"{geval}/verwacht.yaml: 'pijpen' is een lijst van paden"
    assert isinstance(data.get("max_seconden", MAX_SECONDEN), int | float), f"{geval}/verwacht.yaml: 'max_seconden' is een getal"
    if isinstance(data.get("genereer"), dict):
        data["genereer"] = [data["genereer"]]
    for recept in data.get("genereer", []):
        assert isinstance(recept, dict) and not set(recept) - GENEREER_SLEUTELS, (
            f"{geval}/verwacht.yaml: 'genereer' heeft per bestand de sleutels {sorted(GENEREER_SLEUTELS)}"
        )
        assert isinstance(recept.get("bestand"), str) and isinstance(recept.get("herhaal"), str), (
            f"{geval}/verwacht.yaml: 'genereer' vraagt 'bestand' en 'herhaal' (tekst)"
        )
        assert isinstance(recept.get("keer"), int) and recept["keer"] > 0, f"{geval}/verwacht.yaml: 'genereer' vraagt 'keer' (getal)"
        assert all(isinstance(recept.get(k, ""), str) for k in ("voor", "na")), f"{geval}/verwacht.yaml: 'voor' en 'na' zijn tekst"
    return data


def boomhash(map_: Path) -> dict[str, str]:
    """Every entry under `map_` without following symbolic links: files by content, links by target,
    folders and pipes by kind."""
    uit = {}
    for p in sorted(map_.rglob("*")):
        naam = p.relative_to(map_).as_posix()
        if p.is_symlink():
            uit[naam] = "koppeling naar " + os.readlink(p)
        elif p.is_file():
            uit[naam] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            uit[naam] = "map" if p.is_dir() else "bijzonder bestand"
    return uit


def voer_uit(project: Path, args: list[str]):
    """Run grgen on `project`; a case that passes its own -C gets `{project}` in it filled in."""
    args = [a.replace(PROJECT, str(project)) for a in args]
    return CliRunner().invoke(grgen, args if "-C" in args else ["-C", str(project), *args])


def tijdelijke_resten(uitvoer: Path) -> list[str]:
    """Hidden files or folders the writer leaves behind when it fails (`.grgen-tmp-*`, `.grgen-oud-*`)."""
    return sorted(p.relative_to(uitvoer).as_posix() for p in uitvoer.rglob(".*"))


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
    assert len(GEVALLEN) >= 80  # issue 9: at least 80 distinct cases
    for geval in GEVALLEN:
        assert (INVOER / geval / "verwacht.yaml").is_file(), geval


def controleer_geval(geval: str, tmp_path: Path) -> tuple[list[str], object]:
    """Run one case; return what is wrong with grgen's answer (empty when all is well) and the result."""
    verwacht = lees_verwacht(geval)
    project = kopieer_basis(tmp_path)
    uitvoer = project / "output"
    pakket_voor = None
    if verwacht.get("vooraf_bouwen"):
        # A good package built from the valid basis: the failing command must leave it untouched.
        vooraf = voer_uit(project, ["bouw", "--alle"])
        assert vooraf.exit_code == 0 and vooraf.exception is None, f"bouw --alle op basis/ mislukt:\n{vooraf.stderr}"
        pakket_voor = boomhash(uitvoer)
        assert pakket_voor, "bouw --alle op basis/ schreef niets in output/"
    leg_over(geval, project)
    voor = boomhash(project)
    buiten = project.parent / "buiten"
    buiten_voor = boomhash(buiten) if buiten.exists() else None
    uitvoer_voor = boomhash(uitvoer) if uitvoer.is_dir() and not uitvoer.is_symlink() else None
    geheugen_voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    faulthandler.dump_traceback_later(MAX_HANG, exit=True)
    begin = time.monotonic()
    try:
        result = voer_uit(project, verwacht.get("args", ["check"]))
    finally:
        duur = time.monotonic() - begin
        faulthandler.cancel_dump_traceback_later()
    geheugen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - geheugen_voor

    tekst = result.stderr + result.stdout
    problemen = []
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # Under `main()` this would be exit code 3, "interne fout in grgen".
        problemen.append(f"grgen crasht: {type(result.exception).__name__}: {result.exception}")
    if result.exit_code != verwacht["exitcode"]:
        problemen.append(f"exitcode {result.exit_code}, verwacht {verwacht['exitcode']}")
    problemen += [f"fragment ontbreekt: {f!r}" for f in verwacht["fragmenten"] if f not in tekst]
    problemen += [f"fragment hoort er niet te staan: {f!r}" for f in verwacht.get("afwezig", []) if f in tekst]
    problemen += [
        f"fragment staat {tekst.count(f)} keer in de uitvoer, verwacht één keer: {f!r}"
        for f in verwacht.get("eenmaal", [])
        if tekst.count(f) != 1
    ]
    regels = [r.strip() for r in tekst.splitlines() if r.strip()]
    problemen += [f"melding staat {n} keer in de uitvoer: {r!r}" for r, n in Counter(regels).items() if n > 1]
    if "Traceback" in tekst:
        problemen.append("traceback in de uitvoer")
    if duur > verwacht.get("max_seconden", MAX_SECONDEN):
        problemen.append(f"grgen deed er {duur:.1f} s over, toegestaan {verwacht.get('max_seconden', MAX_SECONDEN)} s")
    if geheugen > MAX_GEHEUGEN:
        problemen.append(f"grgen gebruikte {geheugen // 2**20} MB extra geheugen, toegestaan {MAX_GEHEUGEN // 2**20} MB")
    if buiten_voor is not None and boomhash(buiten) != buiten_voor:
        problemen.append("grgen heeft de map buiten het project gewijzigd")
    uitvoerbestanden = [] if uitvoer.is_symlink() else [p for p in uitvoer.rglob("*") if p.is_file() and not p.is_symlink()]
    if GEHEIM in tekst or any(GEHEIM.encode() in p.read_bytes() for p in uitvoerbestanden):
        problemen.append("de inhoud van een bestand buiten het project staat in de uitvoer of in een melding")
    na = boomhash(project)
    if {k: v for k, v in na.items() if not k.startswith("output/")} != {k: v for k, v in voor.items() if not k.startswith("output/")}:
        problemen.append("grgen heeft bestanden in het project gewijzigd")
    if uitvoer_voor is not None and pakket_voor is None:
        if boomhash(uitvoer) != uitvoer_voor:
            problemen.append("grgen heeft output/ gewijzigd")
        if resten := [r for r in tijdelijke_resten(uitvoer) if r not in uitvoer_voor]:
            problemen.append(f"tijdelijke bestanden in output/ achtergebleven: {', '.join(resten)}")
    elif pakket_voor is None:
        if uitvoer.exists() and not uitvoer.is_symlink() and "output" not in voor:
            problemen.append("grgen heeft output/ gemaakt")
    else:
        if not uitvoer.is_dir() or boomhash(uitvoer) != (uitvoer_voor or pakket_voor):
            problemen.append("grgen heeft het eerder gebouwde pakket in output/ gewijzigd")
        if uitvoer.is_dir() and (resten := [r for r in tijdelijke_resten(uitvoer) if r not in (uitvoer_voor or {})]):
            problemen.append(f"tijdelijke bestanden in output/ achtergebleven: {', '.join(resten)}")
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
