"""`bouw --alle` in worker processes (generator.werkers): the same bytes, warnings and errors as
one process, whatever the number of workers."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import werkers
from generator.errors import Bron, GebruiksFout, GrgenFout, Melding, SjabloonFout, WerkprocesFout
from generator.werkers import aantal_processen, verdeeld

PROJECT = Path(__file__).resolve().parent.parent


def _kopie(doel: Path) -> Path:
    for deel in ("regeling", "wijzigingen", "sjablonen"):
        shutil.copytree(PROJECT / deel, doel / deel)
    return doel


def _bouw(map_: Path, processen: int) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    omgeving = {**os.environ, "PYTHONPATH": str(PROJECT), "GRGEN_PROCESSEN": str(processen), "GRGEN_CACHE": "uit"}
    r = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(map_), "bouw", "--alle"], capture_output=True, text=True, env=omgeving, check=False
    )
    uit = map_ / "output"
    bestanden = {str(p.relative_to(uit)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(uit.rglob("*")) if p.is_file()}
    return r, bestanden


def _zonder_briefgegevens(bestand: Path) -> None:
    """Drop the letter data (`procedure:`, `deelnemers:`) of an amendment: every document then
    shows placeholders, and the same warning comes from several parts of the package."""
    regels, weg = [], False
    for regel in bestand.read_text(encoding="utf-8").splitlines(keepends=True):
        if regel[:1].isalpha():
            weg = regel.startswith(("procedure:", "deelnemers:"))
        if not weg:
            regels.append(regel)
    bestand.write_text("".join(regels), encoding="utf-8")


def test_zelfde_bytes_en_meldingen_bij_elk_aantal_processen(tmp_path: Path) -> None:
    """One, two or three processes: the same files, the same warnings in the same order (each
    once, although several workers meet it), the same progress lines."""
    uitkomsten = {}
    for n in (1, 2, 3):
        map_ = _kopie(tmp_path / str(n))
        _zonder_briefgegevens(map_ / "wijzigingen" / "2025-toetreding-borne.yaml")
        uitkomsten[n] = _bouw(map_, n)
    r1, b1 = uitkomsten[1]
    assert r1.returncode == 0, r1.stderr
    assert len(b1) == 121
    waarschuwingen = [r for r in r1.stderr.splitlines() if ": waarschuwing:" in r]
    assert any("plaatshouder" in r for r in waarschuwingen)
    assert len(waarschuwingen) == len(set(waarschuwingen))
    for n in (2, 3):
        r, b = uitkomsten[n]
        assert (r.returncode, r.stdout.replace(str(tmp_path / str(n)), ""), r.stderr) == (
            r1.returncode,
            r1.stdout.replace(str(tmp_path / "1"), ""),
            r1.stderr,
        )
        assert b == b1


@pytest.mark.parametrize("processen", [1, 2])
@pytest.mark.parametrize(
    ("sjabloon", "verwacht"),
    [("# Besluit\n\n{{ deelnemer.bestaat_niet }}\n", "bestaat_niet"), ("# Besluit\n\n{% if deelnemer %}\n", "niet afgesloten")],
)
def test_sjabloonfout_in_een_werker_is_dezelfde_melding(tmp_path: Path, processen: int, sjabloon: str, verwacht: str) -> None:
    """A template error in a deelnemer's document (made in a worker; a syntax error is met first
    when the templates are loaded ahead) stops the build with the message of one process, exit
    1, no traceback, and nothing written."""
    map_ = _kopie(tmp_path / "p")
    (map_ / "sjablonen" / "borne").mkdir(exist_ok=True)
    (map_ / "sjablonen" / "borne" / "raadsbesluit.md.j2").write_text(sjabloon, encoding="utf-8")
    r, bestanden = _bouw(map_, processen)
    assert r.returncode == 1, r.stderr
    assert "sjablonen/borne/raadsbesluit.md.j2:" in r.stderr and verwacht in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert bestanden == {}


def test_verdeeld_houdt_de_volgorde_en_werkt_in_andere_processen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(werkers.OMGEVING, "2")
    with verdeeld(lambda i: (i * i, os.getpid()), list(range(40))) as uit:
        resultaten = list(uit)
    assert [k for k, _ in resultaten] == [i * i for i in range(40)]
    assert os.getpid() not in {p for _, p in resultaten}
    monkeypatch.setenv(werkers.OMGEVING, "1")
    with verdeeld(lambda i: (i * i, os.getpid()), list(range(5))) as uit:
        assert {p for _, p in uit} == {os.getpid()}


def test_een_proces_werkt_pas_als_om_het_resultaat_wordt_gevraagd(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller runs the checks first; with one process no task has run before it asks."""
    monkeypatch.setenv(werkers.OMGEVING, "1")
    gedaan: list[int] = []
    with verdeeld(gedaan.append, [1, 2]) as uit:
        assert gedaan == []
        next(uit)
        assert gedaan == [1]


def _faalt(i: int) -> int:
    if i == 3:
        raise SjabloonFout("Sjabloon kan niet worden gerenderd", [Melding("onbekende variabele 'x'", Bron("sjablonen/a.md.j2", 2, 4))])
    if i == 5:
        raise RuntimeError("kapot")
    return i


@pytest.mark.parametrize("processen", ["1", "2"])
def test_fout_in_een_taak_komt_ongewijzigd_en_in_volgorde_terug(monkeypatch: pytest.MonkeyPatch, processen: str) -> None:
    """The first failing task in order raises its own error, as in one process: a domain error
    with its Dutch message, meldingen and exit code."""
    monkeypatch.setenv(werkers.OMGEVING, processen)
    with pytest.raises(SjabloonFout) as fout, verdeeld(_faalt, list(range(8))) as uit:
        assert [next(uit) for _ in range(3)] == [0, 1, 2]
        next(uit)
    assert fout.value.format_message() == (
        "Sjabloon kan niet worden gerenderd (1 fout):\n  sjablonen/a.md.j2:2:4: fout: onbekende variabele 'x'"
    )
    assert fout.value.exit_code == 1
    with pytest.raises(RuntimeError, match="kapot"), verdeeld(_faalt, [4, 5]) as uit:
        list(uit)


def test_aantal_processen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(werkers.OMGEVING, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert aantal_processen(3) == 1  # one processor: no workers
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert (aantal_processen(3), aantal_processen(1)) == (2, 1)
    for fout in ("0", "twee", "-1"):
        monkeypatch.setenv(werkers.OMGEVING, fout)
        with pytest.raises(GebruiksFout, match="GRGEN_PROCESSEN"):
            aantal_processen(3)


def _uitvoer(map_: Path) -> dict[str, bytes]:
    uit = map_ / "output"
    return {str(p.relative_to(uit)): p.read_bytes() for p in sorted(uit.rglob("*")) if p.is_file()}


def test_pakketten_in_rondes_geven_dezelfde_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Packages are set up a few at a time (`PAKKETTEN_PER_RONDE`); one per round gives the
    same packages, warnings and progress as all in one round."""
    from generator import pipeline

    monkeypatch.setenv(werkers.OMGEVING, "2")
    uitkomsten = []
    for per_ronde in (1, pipeline.PAKKETTEN_PER_RONDE):
        monkeypatch.setattr(pipeline, "PAKKETTEN_PER_RONDE", per_ronde)
        map_ = _kopie(tmp_path / str(per_ronde))
        _zonder_briefgegevens(map_ / "wijzigingen" / "2022-toetreding-haaksbergen.yaml")
        voortgang: list[str] = []
        _, meldingen = pipeline.bouw(map_, alle=True, voortgang=voortgang.append)
        uitkomsten.append((_uitvoer(map_), meldingen, voortgang))
    assert len(uitkomsten[0][0]) == 121 and uitkomsten[0][1]
    assert uitkomsten[0] == uitkomsten[1]


@pytest.mark.parametrize("processen", ["1", "2"])
def test_fout_bij_het_opzetten_komt_na_de_controles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processen: str) -> None:
    """A package that cannot be set up (a broken reference document) is reported as one
    process reports it: after the errors of the checks, which come first."""
    from generator import pipeline

    monkeypatch.setenv(werkers.OMGEVING, processen)
    map_ = _kopie(tmp_path / "p")
    (map_ / "sjablonen" / "referentie.docx").write_bytes(b"geen docx")
    with pytest.raises(SjabloonFout, match="Referentiedocument kan niet worden gebruikt"):
        pipeline.bouw(map_, alle=True)
    borne = map_ / "wijzigingen" / "2025-toetreding-borne.yaml"
    borne.write_text(borne.read_text(encoding="utf-8").replace("datum_brief: 2025-09-17", "datum_brief: 2025-09-15"), encoding="utf-8")
    with pytest.raises(GrgenFout, match="De controles vinden fouten") as fout:
        pipeline.bouw(map_, alle=True)
    assert "wgr-1-2-brief-na-college" in fout.value.format_message()
    assert not (map_ / "output").exists()


def _sterft(i: int) -> int:
    if i == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
    return i


def test_een_gestorven_werker_is_een_nederlandse_fout_geen_wachten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(werkers.OMGEVING, "2")
    with pytest.raises(WerkprocesFout, match="onverwacht gestopt") as fout, verdeeld(_sterft, list(range(6))) as uit:
        list(uit)
    assert fout.value.exit_code == 3


def test_een_pakket_wordt_in_dit_proces_gemaakt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`grgen bouw` of one amendment starts no workers: its parts are too little work."""
    from generator import pipeline

    monkeypatch.setenv(werkers.OMGEVING, "2")

    def geen_werkers(*_args: object) -> None:
        raise AssertionError("workers started for one package")

    monkeypatch.setattr(werkers, "_start", geen_werkers)
    map_ = _kopie(tmp_path / "p")
    gemaakt, _ = pipeline.bouw(map_)
    assert [p.name for p in gemaakt] == ["2025-toetreding-borne"]
    with pytest.raises(AssertionError, match="one package"):
        pipeline.bouw(map_, alle=True)


@pytest.mark.parametrize(
    "fout", [OSError(38, "Function not implemented"), ImportError("This platform lacks a functioning sem_open implementation")]
)
def test_zonder_semaforen_doet_dit_proces_alles(monkeypatch: pytest.MonkeyPatch, fout: Exception) -> None:
    # A container without /dev/shm: the pool's queues cannot be made; one process does the work.
    import concurrent.futures

    def geweigerd(*args: object, **kwargs: object) -> None:
        raise fout

    monkeypatch.setenv(werkers.OMGEVING, "2")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", geweigerd)
    with verdeeld(lambda i: (i * i, os.getpid()), list(range(6))) as uit:
        assert list(uit) == [(i * i, os.getpid()) for i in range(6)]
