"""The grgen benchmark: grgen against pandoc and python-redlines, side by side in one run.

    python benchmarks/run.py --runs 5

Workloads (see benchmarks/README.md): W1 the bundled Hengelo project (full `grgen bouw --alle`),
W2 a synthetic regeling of 1,000 artikelen with 200 amendments, W3 the same with 10,000
artikelen. Per workload and per run the tools take turns, each in a child process of its own
(the order rotates from run to run, so a noisy neighbour hurts all alike):

- grgen: apply every amendment, then the renvooi .docx of the last amendment and of 0 -> N;
- pandoc: the consolidated Markdown of version N to .docx (the cost of a plain document);
- python-redlines (Docxodus): compare the clean .docx of the old and new version, per pair.

Reported: medians (and min-max) over the runs, ratios, peak RSS per tool (`os.wait4`), the
number of revision marks per renvooi, and W3/W2. The report goes to docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
REPO = HIER.parent
KIND = HIER / "kind.py"

# Targets of issue 8, each checked in the report.
DOEL_REDLINES = 10.0  # grgen at least this many times faster than python-redlines on W2
DOEL_PANDOC = 1.0  # grgen at most this ratio of pandoc's plain conversion on W2
DOEL_SCHAAL = 12.0  # W3 time / W2 time at most (10x the artikelen: linear)
DOEL_GEHEUGEN_MB = 500.0  # peak RSS of grgen on W3
DOEL_TOEPASSEN = 0.10  # applying all amendments on W2, as a share of the renvooi time
# Targets of issue 21 (the commands a user runs, on projects written as YAML files).
DOEL_HULP = 1.3  # `grgen --help` at most this many times the bare interpreter with the dependencies imported
DOEL_OPDRACHT = 2.0  # `grgen toon` / `grgen check` on W1, same floor
DOEL_LADEN = 2.0  # loading W2 from YAML at most this many times a plain ruamel.yaml safe load of its files
DOEL_BOUW_ALLE = 1.0  # seconds, `grgen bouw --alle` on W1
DOEL_ZIPVLOER = 4.0  # W2 renvooi at most this many times writing its parts with zipfile alone
DOEL_OPDRACHT_GEHEUGEN_MB = 500.0  # any command on W3
# `grgen toon` on W2 (it replays all 200 amendments) at most this many times the floor (replaces
# DOEL_TOEPASSEN, and the later "applying <= 20 % of toon": both were shares of another cost, so
# every speed-up of the renvooi or of reading made them harder; see docs/benchmark.md)
DOEL_TOON_W2 = 2.0
TRAAG = 20.0  # seconds: a command slower than this in its first run is not repeated
AFHANKELIJKHEDEN = ("click", "jinja2", "docx", "ruamel.yaml", "markdown_it", "fast_diff_match_patch")  # pyproject dependencies


def main(argv: list[str] | None = None) -> int:
    args = opties().parse_args(argv)
    werk = Path(args.werkmap) if args.werkmap else Path(tempfile.mkdtemp(prefix="grgen-benchmark-"))
    werk.mkdir(parents=True, exist_ok=True)
    peers = {} if args.zonder_peers else beschikbare_peers()
    log(f"werkmap {werk}; peers: {', '.join(p for p in peers if p in ('pandoc', 'redlines')) or 'geen'}")
    resultaten = {}
    for naam in [w.strip().upper() for w in args.werklasten.split(",") if w.strip()]:
        spec = werklast(naam, args)
        runs = args.runs_w3 if naam == "W3" and args.runs_w3 else args.runs
        resultaten[naam] = meet_werklast(naam, spec, runs, werk / naam, peers, args.tijdslimiet)
    keuze = args.werklasten if args.opdrachten is None else args.opdrachten
    projecten = [w.strip().upper() for w in keuze.split(",") if w.strip()]
    opdrachten = meet_opdrachten(projecten, args, werk / "opdrachten") if projecten else None
    uitvoer = {
        "machine": machine(),
        "opdracht": opdracht(argv),
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
        "peers": peers,
        "werklasten": resultaten,
        "opdrachten": opdrachten,
    }
    (werk / "resultaten.json").write_text(json.dumps(uitvoer, indent=2), encoding="utf-8")
    rapport = Path(args.uit)
    rapport.parent.mkdir(parents=True, exist_ok=True)
    rapport.write_text(verslag(uitvoer), encoding="utf-8")
    log(f"verslag: {rapport}; ruwe cijfers: {werk / 'resultaten.json'}")
    return 0


def opties() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5, help="runs per workload (default 5)")
    p.add_argument("--runs-w3", type=int, default=0, help="runs for W3 if not --runs (it is slow)")
    p.add_argument("--werklasten", default="W1,W2,W3", help="comma-separated: W1,W2,W3 (default all)")
    p.add_argument("--w2-artikelen", type=int, default=1000)
    p.add_argument("--w3-artikelen", type=int, default=10000)
    p.add_argument("--wijzigingen", type=int, default=200, help="amendments in W2 and W3 (default 200)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--project", default=str(REPO), help="the project of W1 (default: this repository)")
    p.add_argument("--zonder-peers", action="store_true", help="measure grgen only")
    p.add_argument(
        "--opdrachten",
        help="projects (written as YAML files) on which every grgen command is run: W1,W2,W3 (default: as --werklasten; '' for none)",
    )
    p.add_argument("--runs-opdrachten", type=int, default=0, help="runs of the command measurements if not --runs")
    p.add_argument("--zonder-bouw-alle", default="W3", help="projects without `bouw --alle` (default W3)")
    p.add_argument(
        "--tijdslimiet-opdracht",
        type=float,
        default=0,
        help="seconds per command on a project before it is stopped (default: --tijdslimiet)",
    )
    p.add_argument("--tijdslimiet", type=float, default=3600, help="seconds per measured child (default 3600)")
    p.add_argument("--werkmap", help="where inputs and outputs go (default: a new temporary folder)")
    p.add_argument("--uit", default=str(REPO / "docs" / "benchmark.md"), help="the report (default docs/benchmark.md)")
    return p


def werklast(naam: str, args: argparse.Namespace) -> dict:
    if naam == "W1":
        return {"soort": "project", "map": str(Path(args.project).resolve())}
    if naam in ("W2", "W3"):
        artikelen = args.w2_artikelen if naam == "W2" else args.w3_artikelen
        return {"soort": "synth", "seed": args.seed, "artikelen": artikelen, "wijzigingen": args.wijzigingen}
    raise SystemExit(f"onbekende werklast {naam}; kies uit W1, W2, W3")


def log(tekst: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {tekst}", file=sys.stderr, flush=True)


# -- peers -----------------------------------------------------------------------------------


def beschikbare_peers() -> dict[str, str]:
    """The peers that can run here, with their version."""
    peers = {}
    try:
        import pypandoc

        pad = pypandoc.get_pandoc_path()
        versie = subprocess.run([pad, "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
        peers["pandoc"] = pad
        peers["pandoc_versie"] = versie
    except Exception as e:  # noqa: BLE001 - any failure means: not available
        log(f"pandoc niet beschikbaar: {e}")
    if importlib.util.find_spec("python_redlines") is not None:
        try:
            from importlib.metadata import version

            from python_redlines import DocxodusEngine

            DocxodusEngine()  # extracts the binary once, before anything is measured
            peers["redlines"] = f"python-redlines {version('python-redlines')} (Docxodus {version('python-redlines-docxodus')})"
        except Exception as e:  # noqa: BLE001
            log(f"python-redlines niet bruikbaar: {e}")
    else:
        log('python-redlines niet geïnstalleerd (pip install "python-redlines[docxodus]")')
    return peers


# -- measuring ---------------------------------------------------------------------------------


def _draai(cmd: list[str], cwd: Path, tijdslimiet: float, env: dict | None = None) -> tuple[float, int, os.struct_rusage, str, str]:
    """Run one child to its end (killed after `tijdslimiet`): wall time, exit code, its resource
    usage (the child and its own children), stdout and stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env)
        wekker = threading.Timer(tijdslimiet, p.kill)
        wekker.start()
        try:
            _, status, gebruik = os.wait4(p.pid, 0)
        finally:
            wekker.cancel()
        wand = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        return wand, os.waitstatus_to_exitcode(status), gebruik, out.read().decode(errors="replace"), err.read().decode(errors="replace")


def kind(cmd: list[str], tijdslimiet: float) -> dict:
    """Run one child; its wall time, peak RSS (MB; the child and its own children) and JSON output."""
    wand, code, gebruik, uitvoer, fouten = _draai(cmd, REPO, tijdslimiet)
    if code != 0:
        reden = f"na {tijdslimiet:.0f} s afgebroken" if code < 0 else f"exit {code}"
        raise RuntimeError(f"{shlex.join(cmd)}: {reden}\n{fouten[-3000:]}")
    regels = [r for r in uitvoer.splitlines() if r.startswith("{")]
    return {"wand": wand, "rss_mb": gebruik.ru_maxrss / 1024, "uit": json.loads(regels[-1]) if regels else {}}


def taak(naam: str, spec: dict, tijdslimiet: float) -> dict:
    pad = Path(spec["werk"]) / f"spec-{naam}.json"
    pad.write_text(json.dumps(spec), encoding="utf-8")
    return kind([sys.executable, str(KIND), naam, str(pad)], tijdslimiet)


def meet_werklast(naam: str, spec: dict, runs: int, werk: Path, peers: dict, tijdslimiet: float) -> dict:
    werk.mkdir(parents=True, exist_ok=True)
    spec = {**spec, "werk": str(werk)}
    log(f"{naam}: voorbereiden")
    voorbereid = taak("voorbereiden", {**spec, "pandoc": peers.get("pandoc")}, tijdslimiet)
    log(f"{naam}: {voorbereid['uit']}")
    metingen: list[tuple[str, dict]] = []

    def grgen() -> None:
        r = taak("grgen", spec, tijdslimiet)
        metingen.append(("grgen", {**r["uit"], "rss_mb": r["rss_mb"], "wand": r["wand"]}))

    def pandoc() -> None:
        r = kind([peers["pandoc"], "-f", "markdown", "-t", "docx", "-o", str(werk / "pandoc.docx"), str(werk / "na.md")], tijdslimiet)
        metingen.append(("pandoc", {"pandoc": r["wand"], "rss_mb": r["rss_mb"], "wand": r["wand"]}))

    def redlines(paar: str):
        def meet() -> None:
            r = taak("redlines", {**spec, "paar": paar}, tijdslimiet)
            metingen.append((f"redlines_{paar}", {**r["uit"], "rss_mb": r["rss_mb"], "wand": r["wand"]}))

        return meet

    deelnemers = [("grgen", grgen)]
    if "pandoc" in peers:
        deelnemers.append(("pandoc", pandoc))
    if "redlines" in peers:
        deelnemers += [("redlines_laatste", redlines("laatste")), ("redlines_volledig", redlines("volledig"))]
    for run in range(runs):
        beurt = deelnemers[run % len(deelnemers) :] + deelnemers[: run % len(deelnemers)]
        for wie, meet in beurt:
            try:
                meet()
            except RuntimeError as e:
                log(f"{naam} run {run + 1}: {wie} mislukt: {e}")
                metingen.append((wie, {"fout": str(e).splitlines()[0]}))
                continue
            log(f"{naam} run {run + 1}/{runs}: {wie} {json.dumps({k: round(v, 3) for k, v in metingen[-1][1].items()})}")
    log(f"{naam}: revisietekens tellen en accept/reject controleren")
    controle = taak("controle", {**spec, "pandoc": peers.get("pandoc")}, tijdslimiet)["uit"]
    return {"spec": spec, "runs": runs, "invoer": voorbereid["uit"], "metingen": metingen, "controle": controle}


# -- the commands on projects as files (issue 21) --------------------------------------------------


def schrijf_projecten(projecten: list[str], args: argparse.Namespace, werk: Path) -> dict[str, Path]:
    """W1: a copy of the bundled project; W2, W3: the synthetic workloads written as YAML (project.py)."""
    uit = {}
    for naam in projecten:
        doel = werk / naam
        if doel.exists():
            shutil.rmtree(doel)
        if naam == "W1":
            for deel in ("regeling", "wijzigingen", "sjablonen"):
                shutil.copytree(Path(args.project) / deel, doel / deel)
        else:
            artikelen = args.w2_artikelen if naam == "W2" else args.w3_artikelen
            log(f"{naam}: project schrijven ({artikelen} artikelen, {args.wijzigingen} wijzigingen)")
            subprocess.run(
                [sys.executable, str(HIER / "project.py"), str(doel), "--artikelen", str(artikelen)]
                + ["--wijzigingen", str(args.wijzigingen), "--seed", str(args.seed)],
                check=True,
                cwd=REPO,
            )
        uit[naam] = doel
    return uit


def _met_bytecode(omgeving: os._Environ | dict) -> dict:
    """The environment of a user command: with Python's compiled modules, as an installed grgen
    has them. Some shells set PYTHONDONTWRITEBYTECODE; grgen's modules (imported from the
    repository) would then be compiled from source at every command, 0.15 s of a `bouw` that
    no user pays. The compiled files go to a folder of the benchmark (PYTHONPYCACHEPREFIX, set
    by `meet_opdrachten`), not into the repository."""
    return {k: v for k, v in omgeving.items() if k != "PYTHONDONTWRITEBYTECODE"}


def opdracht_kind(cmd: list[str], cwd: Path, tijdslimiet: float, exitcodes: tuple[int, ...] = (0,), env: dict | None = None) -> dict:
    """One command as a user runs it: wall time of the whole process and its peak RSS (MB)."""
    omgeving = {**_met_bytecode(os.environ), "PYTHONPATH": str(REPO), **(env or {})}
    wand, code, gebruik, uitvoer, fouten = _draai(cmd, cwd, tijdslimiet, omgeving)
    # CPU seconds of the process (user + system): on a loaded machine closer to what it costs unloaded.
    uit = {"wand": wand, "rss_mb": gebruik.ru_maxrss / 1024, "cpu": gebruik.ru_utime + gebruik.ru_stime}
    pakketten = sum(1 for r in fouten.splitlines() if r.endswith(": documenten maken"))  # `bouw` reports each package
    if pakketten:
        uit["pakketten"] = pakketten
    if code < 0:
        uit["fout"] = f"stopped after {tijdslimiet:.0f} s" + (f" (at package {pakketten})" if pakketten else "")
    elif code not in exitcodes:
        uit["fout"] = f"exit {code}: {fouten.strip().splitlines()[-1] if fouten.strip() else ''}"
    regels = [r for r in uitvoer.splitlines() if r.startswith("{")]
    if regels and cmd[1] == str(KIND):
        uit["uit"] = json.loads(regels[-1])
    return uit


def opdrachtenlijst(projecten: dict[str, Path], args: argparse.Namespace, werk: Path) -> list[tuple]:
    """(key, project, command, folder, accepted exit codes, environment) of every measured command.

    The commands use grgen's project cache (generator/loader/cache.py) in a folder of the
    benchmark, filled before the first run: what a user meets from the second command on. How long
    the first command after an edit takes is `toon_koud` (the cache off: the YAML is read).
    """
    cache = {"GRGEN_CACHE": str(werk / "cache")}
    py = sys.executable
    grgen = [py, "-m", "generator"]
    zonder_alle = {w.strip().upper() for w in args.zonder_bouw_alle.split(",")}
    lijst = [
        ("python", "", [py, "-c", "pass"], REPO, (0,), cache),
        ("vloer", "", [py, "-c", "import " + ", ".join(AFHANKELIJKHEDEN)], REPO, (0,), cache),
        ("help", "", [*grgen, "--help"], REPO, (0,), cache),
    ]
    for naam, map_ in projecten.items():
        spec = werk / f"spec-{naam}.json"
        spec.write_text(json.dumps({"map": str(map_), "werk": str(werk)}), encoding="utf-8")
        # A synthetic text holds none of the topics the Wgr asks of a regeling: `bouw` (which runs
        # the legal checks first) builds it past those rules; W1 is built as a user builds it.
        negeer = [] if naam == "W1" else ["--negeer", "wgr", "--negeer", "ar-4.14", "--negeer", "ar-4.24"]
        basis = "2017" if naam == "W1" else "v0"
        lijst += [
            ("yamlvloer", naam, [py, str(KIND), "yamlvloer", str(spec)], REPO, (0,), cache),
            ("laden", naam, [py, str(KIND), "laden", str(spec)], REPO, (0,), cache),
            ("laden_cache", naam, [py, str(KIND), "laden_cache", str(spec)], REPO, (0,), cache),
            ("toon_koud", naam, [*grgen, "toon"], map_, (0,), {"GRGEN_CACHE": "uit"}),
            ("check", naam, [*grgen, "check"], map_, (0, 1), cache),
            ("toon", naam, [*grgen, "toon"], map_, (0,), cache),
            ("versies", naam, [*grgen, "versies"], map_, (0,), cache),
            ("diff", naam, [*grgen, "diff", basis], map_, (0, 1), cache),
            ("bouw", naam, [*grgen, "bouw", *negeer], map_, (0,), cache),
        ]
        if naam not in zonder_alle:
            lijst.append(("bouw_alle", naam, [*grgen, "bouw", "--alle", *negeer], map_, (0,), cache))
            # The same in one process: what the worker processes (generator/werkers.py) save.
            lijst.append(("bouw_alle_1", naam, [*grgen, "bouw", "--alle", *negeer], map_, (0,), {**cache, "GRGEN_PROCESSEN": "1"}))
    return lijst


def meet_opdrachten(projecten: list[str], args: argparse.Namespace, werk: Path) -> dict:
    """Every command in a child process of its own, the order rotating per run; a command slower
    than TRAAG seconds in the first run is measured once."""
    werk.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHONPYCACHEPREFIX"] = str(werk / "pyc")  # see _met_bytecode
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "generator")], check=True, env=_met_bytecode(os.environ))
    mappen = schrijf_projecten(projecten, args, werk)
    lijst = opdrachtenlijst(mappen, args, werk)
    for map_ in mappen.values():  # fill the cache: every timed command after this finds it
        opdracht_kind([sys.executable, "-m", "generator", "versies"], map_, args.tijdslimiet, env={"GRGEN_CACHE": str(werk / "cache")})
    runs = args.runs_opdrachten or args.runs
    metingen: list[dict] = []
    eenmaal: set[tuple[str, str]] = set()
    for run in range(runs):
        beurt = lijst[run % len(lijst) :] + lijst[: run % len(lijst)]
        for sleutel, project, cmd, cwd, codes, env in beurt:
            if (sleutel, project) in eenmaal:
                continue
            r = opdracht_kind(cmd, cwd, args.tijdslimiet_opdracht or args.tijdslimiet, codes, env)
            metingen.append({"opdracht": sleutel, "project": project, "run": run + 1, **r})
            log(f"opdrachten run {run + 1}/{runs}: {project or '-'} {sleutel} {r['wand']:.3f} s {r['rss_mb']:.0f} MB {r.get('fout', '')}")
            if "fout" in r or r["wand"] > TRAAG:
                eenmaal.add((sleutel, project))
    return {
        "runs": runs,
        "projecten": {n: str(m) for n, m in mappen.items()},
        "metingen": metingen,
        "opdrachten": [
            {"opdracht": s, "project": p, "cmd": shlex.join(["python", *c[1:]] if c[0] == sys.executable else c)} for s, p, c, *_ in lijst
        ],
    }


# -- the report ----------------------------------------------------------------------------------


def machine() -> dict:
    model = (
        next(
            (r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines() if r.startswith("model name")),
            platform.processor() or "?",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    geheugen = (
        next((r.split()[1] for r in Path("/proc/meminfo").read_text().splitlines() if r.startswith("MemTotal")), None)
        if Path("/proc/meminfo").exists()
        else None
    )
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    vuil = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "generator"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model,
        "geheugen_gib": round(int(geheugen) / 1024**2, 1) if geheugen else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "grgen": f"{commit}{' + local changes in generator/' if vuil else ''}" if commit else "?",
    }


def opdracht(argv: list[str] | None) -> str:
    return shlex.join(["python", "benchmarks/run.py", *(sys.argv[1:] if argv is None else argv)])


def waarden(metingen: list, wie: str, veld: str) -> list[float]:
    return [m[veld] for w, m in metingen if w == wie and veld in m]


def mediaan(metingen: list, wie: str, veld: str) -> float | None:
    v = waarden(metingen, wie, veld)
    return statistics.median(v) if v else None


def _s(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def _spreiding(metingen: list, wie: str, veld: str) -> str:
    v = waarden(metingen, wie, veld)
    return f"{_s(min(v))}–{_s(max(v))}" if len(v) > 1 else "–"


def _x(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"


def _deel(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def kerncijfers(r: dict) -> dict:
    """The medians the targets and ratios are about, per workload."""
    m = r["metingen"]
    k = {
        "toepassen": mediaan(m, "grgen", "toepassen"),
        "laden": mediaan(m, "grgen", "laden"),
        "bouw_alle": mediaan(m, "grgen", "bouw_alle"),
        "pandoc": mediaan(m, "pandoc", "pandoc"),
        "rss_grgen": max(waarden(m, "grgen", "rss_mb"), default=None),
        "rss_pandoc": max(waarden(m, "pandoc", "rss_mb"), default=None),
        "wijzigingen": r["invoer"]["wijzigingen"],
    }
    for paar in ("laatste", "volledig"):
        k[f"grgen_{paar}"] = mediaan(m, "grgen", f"renvooi_{paar}")
        k[f"zipvloer_{paar}"] = mediaan(m, "grgen", f"zipvloer_{paar}")
        k[f"redlines_{paar}"] = mediaan(m, f"redlines_{paar}", f"redlines_{paar}")
        k[f"rss_redlines_{paar}"] = max(waarden(m, f"redlines_{paar}", "rss_mb"), default=None)
    return k


def verslag(uitvoer: dict) -> str:
    mach, wl = uitvoer["machine"], uitvoer["werklasten"]
    kern = {naam: kerncijfers(r) for naam, r in wl.items()}
    regels = [
        "# Benchmark: grgen against pandoc and python-redlines",
        "",
        "Generated by `benchmarks/run.py` (see `benchmarks/README.md`); a section written by hand may follow.",
        "",
        "## Command and machine",
        "",
        "```",
        uitvoer["opdracht"],
        "```",
        "",
        f"- date: {uitvoer['datum']}; grgen: {mach['grgen']}",
        f"- machine: {mach['nproc']} cores ({mach['cpu']}), {mach['geheugen_gib']} GiB RAM, {mach['platform']}; a shared, noisy machine",
        f"- Python {mach['python']}; {uitvoer['peers'].get('pandoc_versie', 'pandoc: not available')}; "
        f"{uitvoer['peers'].get('redlines', 'python-redlines: not available')}",
        "",
        "Every tool runs in a child process of its own; the tools take turns within each run (the order",
        "rotates per run). Times are medians over the runs (min–max beside them), in seconds. grgen's",
        "renvooi time is `vergelijk_per_deel` + `renvooi_docx` on two versions in memory; pandoc's is its whole",
        "process (Markdown of the new version to .docx); python-redlines' is its `run_redline` call",
        "(Docxodus comparing the clean .docx of the old and the new version, made by pandoc from",
        "grgen's consolidated Markdown). Peak memory is the child's peak RSS (`ru_maxrss` from `os.wait4`, which covers",
        "the engine binary python-redlines starts); grgen's covers loading, applying every amendment",
        "and both renvooien.",
        "",
    ]
    regels += _doelen(kern)
    if uitvoer.get("opdrachten"):
        regels += _opdrachten(uitvoer["opdrachten"], kern)
    for naam, r in wl.items():
        regels += _werklast(naam, r, kern[naam])
    if "W2" in kern and "W3" in kern:
        regels += _schaal(kern)
    return "\n".join(regels).rstrip() + "\n"


def _doelen(kern: dict) -> list[str]:
    """The targets of issue 8: met or not, with the measured figure."""
    uit = ["## Targets", "", "| target | measured | met |", "| --- | --- | --- |"]

    def rij(tekst: str, waarde: float | None, goed: bool | None, eenheid: str = "×") -> None:
        gemeten = "–" if waarde is None else (f"{waarde:.2f}{eenheid}" if eenheid != " MB" else f"{waarde:.0f} MB")
        uit.append(f"| {tekst} | {gemeten} | {'–' if goed is None or waarde is None else ('yes' if goed else '**no**')} |")

    w2, w3 = kern.get("W2"), kern.get("W3")
    if w2:
        for paar in ("laatste", "volledig"):
            v = _deel(w2[f"redlines_{paar}"], w2[f"grgen_{paar}"])
            rij(
                f"W2 ({_paarnaam(paar)}): grgen ≥ {DOEL_REDLINES:.0f}× faster than python-redlines", v, v is not None and v >= DOEL_REDLINES
            )
        for paar in ("laatste", "volledig"):
            v = _deel(w2[f"grgen_{paar}"], w2["pandoc"])
            rij(f"W2 ({_paarnaam(paar)}): grgen time ≤ {DOEL_PANDOC:.1f}× pandoc", v, v is not None and v <= DOEL_PANDOC)
        for paar in ("laatste", "volledig"):
            v = _deel(w2["toepassen"], w2[f"grgen_{paar}"])
            rij(
                f"W2: applying {w2['wijzigingen']} amendments < {DOEL_TOEPASSEN:.0%} of the renvooi time ({_paarnaam(paar)}); "
                "replaced by the `grgen toon` target of issue 21 below",
                None if v is None else 100 * v,
                None,  # shown for comparison with earlier reports, no longer judged
                " %",
            )
    if w2 and w3:
        for paar in ("laatste", "volledig"):
            v = _deel(w3[f"grgen_{paar}"], w2[f"grgen_{paar}"])
            rij(f"W3/W2 grgen renvooi time ({_paarnaam(paar)}) ≤ {DOEL_SCHAAL:.0f}", v, v is not None and v <= DOEL_SCHAAL)
        v = _deel(w3["toepassen"], w2["toepassen"])
        rij(f"W3/W2 applying the amendments ≤ {DOEL_SCHAAL:.0f}", v, v is not None and v <= DOEL_SCHAAL)
    if w3:
        rij(
            f"W3: grgen peak memory < {DOEL_GEHEUGEN_MB:.0f} MB",
            w3["rss_grgen"],
            w3["rss_grgen"] is not None and w3["rss_grgen"] < DOEL_GEHEUGEN_MB,
            " MB",
        )
    uit.append("")
    return uit


def _paarnaam(paar: str) -> str:
    return "last amendment" if paar == "laatste" else "version 0 → N"


def _werklast(naam: str, r: dict, k: dict) -> list[str]:
    inv, m, c = r["invoer"], r["metingen"], r["controle"]
    spec = r["spec"]
    if spec["soort"] == "project":
        titel = f"## {naam}: the bundled project ({Path(spec['map']).name}), `grgen bouw --alle`"
    else:
        titel = f"## {naam}: synthetic, {spec['artikelen']:,} artikelen, {spec['wijzigingen']} amendments (seed {spec['seed']})"
    soorten = ", ".join(f"{v:,} {s}" for s, v in inv["elementen_v0"].items())
    ops = ", ".join(f"{v} {a}" for a, v in sorted(inv["operaties"].items(), key=lambda x: -x[1]))
    uit = [
        titel,
        "",
        f"Version 0: {soorten}; version N: {inv['elementen_na']:,} elements; Markdown of version N: "
        f"{inv['markdown_bytes'] / 1024:,.0f} KiB. {inv['wijzigingen']} amendments, operations: {ops}. Runs: {r['runs']}.",
        "",
        "| tool and task | median s | min–max s | vs grgen | peak RSS MB | revision marks | accept/reject correct |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for paar in ("laatste", "volledig"):
        g = k[f"grgen_{paar}"]
        uit.append(
            f"| grgen renvooi, {_paarnaam(paar)} | {_s(g)} | {_spreiding(m, 'grgen', f'renvooi_{paar}')} | 1.00× | "
            f"{_mb(k['rss_grgen'])} | {c.get(f'tekens_grgen_{paar}', '–')} | {_ja(c.get(f'juist_grgen_{paar}'))} |"
        )
        if k[f"zipvloer_{paar}"] is not None:
            uit.append(
                f"| zipfile floor: the same parts (same word/document.xml) written with zipfile alone, {_paarnaam(paar)} | "
                f"{_s(k[f'zipvloer_{paar}'])} | {_spreiding(m, 'grgen', f'zipvloer_{paar}')} | "
                f"grgen = {_x(_deel(g, k[f'zipvloer_{paar}']))} this | | | |"
            )
        if k[f"redlines_{paar}"] is not None:
            uit.append(
                f"| python-redlines, {_paarnaam(paar)} | {_s(k[f'redlines_{paar}'])} | {_spreiding(m, f'redlines_{paar}', f'redlines_{paar}')} | "
                f"{_x(_deel(k[f'redlines_{paar}'], g))} | {_mb(k[f'rss_redlines_{paar}'])} | {c.get(f'tekens_redlines_{paar}', '–')} | "
                f"{_ja(c.get(f'juist_redlines_{paar}'))} |"
            )
    if k["pandoc"] is not None:
        uit.append(
            f"| pandoc, Markdown of version N → .docx (no marks) | {_s(k['pandoc'])} | {_spreiding(m, 'pandoc', 'pandoc')} | "
            f"{_x(_deel(k['pandoc'], k['grgen_laatste']))} (last), {_x(_deel(k['pandoc'], k['grgen_volledig']))} (0 → N) | {_mb(k['rss_pandoc'])} | 0 | – |"
        )
    uit.append(
        f"| grgen, applying all {inv['wijzigingen']} amendments | {_s(k['toepassen'])} | {_spreiding(m, 'grgen', 'toepassen')} | "
        f"{_x(_deel(k['toepassen'], k['grgen_laatste']))} of renvooi (last) | | | |"
    )
    laden = (
        "reading the YAML project"
        if spec["soort"] == "project"
        else "drawing the synthetic sources and the loader's reference check (stands in for loading)"
    )
    uit.append(f"| {laden} | {_s(k['laden'])} | {_spreiding(m, 'grgen', 'laden')} | | | | |")
    if k["bouw_alle"] is not None:
        uit.append(
            f"| grgen bouw --alle (load, apply, every package, write) | {_s(k['bouw_alle'])} | {_spreiding(m, 'grgen', 'bouw_alle')} | | | | |"
        )
    fouten = [f"{w}: {x['fout']}" for w, x in m if "fout" in x]
    uit.append("")
    uit.append(
        "\"vs grgen\" is the tool's time divided by grgen's renvooi time for the same versions (above 1: grgen is faster). "
        "Revision marks: `w:ins` + `w:del` elements in word/document.xml (paragraph marks included). "
        '"accept/reject correct": pandoc\'s `--track-changes=accept` view contains the whole text of the new version and its '
        "`reject` view that of the old version."
    )
    if fouten:
        uit += ["", "Failed measurements: " + "; ".join(fouten)]
    uit.append("")
    return uit


def _schaal(kern: dict) -> list[str]:
    w2, w3 = kern["W2"], kern["W3"]
    uit = ["## Scaling: W3 / W2 (10× the artikelen)", "", "| measure | W2 s | W3 s | W3/W2 |", "| --- | --- | --- | --- |"]
    for naam, sleutel in (
        ("grgen applying all amendments", "toepassen"),
        ("grgen renvooi, last amendment", "grgen_laatste"),
        ("grgen renvooi, version 0 → N", "grgen_volledig"),
        ("pandoc", "pandoc"),
        ("python-redlines, last amendment", "redlines_laatste"),
        ("python-redlines, version 0 → N", "redlines_volledig"),
    ):
        uit.append(f"| {naam} | {_s(w2[sleutel])} | {_s(w3[sleutel])} | {_x(_deel(w3[sleutel], w2[sleutel]))} |")
    uit.append(f"| grgen peak RSS (MB) | {_mb(w2['rss_grgen'])} | {_mb(w3['rss_grgen'])} | {_x(_deel(w3['rss_grgen'], w2['rss_grgen']))} |")
    uit.append("")
    return uit


# -- the report of the commands (issue 21) -----------------------------------------------------------

_OPDRACHTNAMEN = {
    "python": "bare interpreter (`python -c pass`)",
    "vloer": "floor: bare interpreter importing every dependency (" + ", ".join(AFHANKELIJKHEDEN) + ")",
    "help": "`grgen --help`",
    "check": "`grgen check`",
    "toon": "`grgen toon`",
    "toon_koud": "`grgen toon` right after an edit (`GRGEN_CACHE=uit`: the YAML is read)",
    "versies": "`grgen versies`",
    "diff": "`grgen diff <base version>` (base → latest)",
    "bouw": "`grgen bouw` (package of the last amendment)",
    "bouw_alle": "`grgen bouw --alle`",
    "bouw_alle_1": "`grgen bouw --alle` in one process (`GRGEN_PROCESSEN=1`)",
}


def _op(metingen: list[dict], opdracht: str, project: str, veld: str = "wand") -> list[float]:
    return [m[veld] for m in metingen if m["opdracht"] == opdracht and m["project"] == project and "fout" not in m]


def _op_uit(metingen: list[dict], opdracht: str, project: str, veld: str) -> list[float]:
    return [m["uit"][veld] for m in metingen if m["opdracht"] == opdracht and m["project"] == project and veld in m.get("uit", {})]


def _med(v: list[float]) -> float | None:
    return statistics.median(v) if v else None


def _cel(v: list[float], rss: list[float], fout: str | None, rss_fout: float | None = None, cpu: list[float] = ()) -> str:
    if not v:
        return (f"**{fout}**" + (f", {rss_fout:.0f} MB by then" if rss_fout else "")) if fout else "–"
    tekst = f"{_s(_med(v))} ({_s(min(v))}–{_s(max(v))}, n={len(v)})" if len(v) > 1 else f"{_s(v[0])} (n=1)"
    return f"{tekst}, CPU {_s(_med(list(cpu)))}, {max(rss):.0f} MB" if cpu else f"{tekst}, {max(rss):.0f} MB"


def opdrachtcijfers(o: dict) -> dict:
    m = o["metingen"]
    c = {
        "vloer": _med(_op(m, "vloer", "")),
        "python": _med(_op(m, "python", "")),
        "help": _med(_op(m, "help", "")),
        "rss_max": {},
    }
    for project in o["projecten"]:
        for opdracht in ("check", "toon", "toon_koud", "versies", "diff", "bouw", "bouw_alle", "bouw_alle_1"):
            c[(opdracht, project)] = _med(_op(m, opdracht, project))
        c[("laden", project)] = _med(_op_uit(m, "laden", project, "laden"))
        c[("laden_cache", project)] = _med(_op_uit(m, "laden_cache", project, "laden_cache"))
        c[("yaml", project)] = _med(_op_uit(m, "yamlvloer", project, "yaml_ruamel"))
        c[("libyaml", project)] = _med(_op_uit(m, "yamlvloer", project, "yaml_libyaml"))
        c["rss_max"][project] = max(
            (x["rss_mb"] for x in m if x["project"] == project and x["opdracht"] not in ("yamlvloer", "laden", "laden_cache")),
            default=None,
        )
    return c


def _opdrachten(o: dict, kern: dict) -> list[str]:
    m, projecten = o["metingen"], list(o["projecten"])
    c = opdrachtcijfers(o)
    uit = ["## Targets of issue 21: the commands a user runs", "", "| target | measured | met |", "| --- | --- | --- |"]

    def rij(tekst: str, waarde: float | None, goed: bool | None, opmaak: str) -> None:
        gemeten = "–" if waarde is None else opmaak.format(waarde)
        uit.append(f"| {tekst} | {gemeten} | {'–' if goed is None or waarde is None else ('yes' if goed else '**no**')} |")

    vloer = c["vloer"]
    v = _deel(c["help"], vloer)
    rij(f"`grgen --help` ≤ {DOEL_HULP}× the floor (interpreter + dependencies imported)", v, v is not None and v <= DOEL_HULP, "{:.2f}×")
    if "W1" in projecten:
        for opdracht in ("toon", "check"):
            v = _deel(c[(opdracht, "W1")], vloer)
            rij(f"`grgen {opdracht}` on W1 ≤ {DOEL_OPDRACHT:.0f}× the floor", v, v is not None and v <= DOEL_OPDRACHT, "{:.2f}×")
    if "W2" in projecten:
        v = _deel(c[("laden", "W2")], c[("yaml", "W2")])
        rij(
            f"loading W2 from YAML ≤ {DOEL_LADEN:.0f}× a plain ruamel.yaml safe load of its files",
            v,
            v is not None and v <= DOEL_LADEN,
            "{:.2f}×",
        )
    if "W2" in projecten and "W3" in projecten:
        v = _deel(c[("laden", "W3")], c[("laden", "W2")])
        rij(f"loading W3/W2 ≤ {DOEL_SCHAAL:.0f}", v, v is not None and v <= DOEL_SCHAAL, "{:.2f}×")
    if "W1" in projecten:
        v = c[("bouw_alle", "W1")]
        rij(
            f"`grgen bouw --alle` on W1 ≤ {DOEL_BOUW_ALLE:.1f} s unloaded: wall time on this machine as loaded as it was",
            v,
            v is not None and v <= DOEL_BOUW_ALLE,
            "{:.2f} s",
        )
        v = _med(_op(m, "bouw_alle", "W1", "cpu"))
        rij(
            "the same, CPU seconds of grgen and its worker processes (user + system: the work of all "
            "processes, more than the unloaded wall time when two processors are free)",
            v,
            None,
            "{:.2f} s",
        )
        v = c[("bouw_alle_1", "W1")]
        rij("the same in one process (`GRGEN_PROCESSEN=1`), wall time", v, None, "{:.2f} s")
    w2 = kern.get("W2")
    if w2:
        for paar in ("laatste", "volledig"):
            v = _deel(w2[f"grgen_{paar}"], w2[f"zipvloer_{paar}"])
            rij(
                f"W2 renvooi ({_paarnaam(paar)}) ≤ {DOEL_ZIPVLOER:.0f}× its zipfile floor",
                v,
                v is not None and v <= DOEL_ZIPVLOER,
                "{:.2f}×",
            )
    if "W2" in projecten:
        v = _deel(c[("toon", "W2")], vloer)
        aantal = f"all {w2['wijzigingen']} " if w2 else "all "
        rij(
            f"`grgen toon` on W2, which replays {aantal}amendments, ≤ {DOEL_TOON_W2:.0f}× the floor (replaces the targets "
            "'applying < 10 % of the renvooi' and 'applying ≤ 20 % of toon'; see the note by hand)",
            v,
            v is not None and v <= DOEL_TOON_W2,
            "{:.2f}×",
        )
    if "W3" in projecten:
        v = c["rss_max"].get("W3")
        gestopt = [x["opdracht"] for x in m if x["project"] == "W3" and "fout" in x]
        tekst = f"peak memory of every command on W3 < {DOEL_OPDRACHT_GEHEUGEN_MB:.0f} MB"
        if gestopt:
            tekst += f" (stopped: {', '.join(sorted(set(gestopt)))}; their peak up to then counts)"
        rij(tekst, v, v is not None and v < DOEL_OPDRACHT_GEHEUGEN_MB, "{:.0f} MB")
    uit += ["", "## The commands, each a process of its own, on projects written as YAML files", ""]
    uit.append(
        f"Runs: {o['runs']} (a command slower than {TRAAG:.0f} s in its first run, or failing, is not repeated). "
        "Cells: median wall seconds (min–max, runs), median CPU seconds (user + system, less sensitive to a loaded "
        "machine), peak RSS. The commands find grgen's project cache filled "
        "(an untimed `grgen versies` ran first), except the row 'right after an edit'. W1 is a copy of the bundled project; W2 and W3 are "
        "the synthetic workloads below, written by `benchmarks/project.py` as `regeling.yaml`, one file per hoofdstuk "
        "and one file per amendment. Commands as run, in the project folder:"
    )
    uit.append("")
    for naam in projecten:
        cmds = [x for x in o["opdrachten"] if x["project"] == naam]
        uit.append(
            f"- {naam} (`{o['projecten'][naam]}`): "
            + "; ".join(f"`{x['cmd']}`" for x in cmds if x["opdracht"] not in ("laden", "laden_cache", "yamlvloer", "toon_koud"))
        )
    uit += ["", "| command | " + " | ".join(projecten) + " |", "| --- |" + " --- |" * len(projecten)]
    for opdracht in ("python", "vloer", "help"):
        v = _op(m, opdracht, "")
        cel = _cel(v, _op(m, opdracht, "", "rss_mb"), None, cpu=_op(m, opdracht, "", "cpu"))
        uit.append(f"| {_OPDRACHTNAMEN[opdracht]} | {cel} |" + " |" * (len(projecten) - 1))
    for opdracht in ("toon_koud", "check", "toon", "versies", "diff", "bouw", "bouw_alle", "bouw_alle_1"):
        cellen = []
        for p in projecten:
            mislukt = next((x for x in m if x["opdracht"] == opdracht and x["project"] == p and "fout" in x), None)
            gemeten = any(x["opdracht"] == opdracht and x["project"] == p for x in m)
            cel = _cel(
                _op(m, opdracht, p),
                _op(m, opdracht, p, "rss_mb"),
                mislukt and mislukt["fout"],
                mislukt and mislukt["rss_mb"],
                _op(m, opdracht, p, "cpu"),
            )
            cellen.append(cel if gemeten else "not run")
        uit.append(f"| {_OPDRACHTNAMEN[opdracht]} | " + " | ".join(cellen) + " |")
    uit += ["", "Reading the project (in process, after the imports; medians in seconds):", ""]
    uit += ["| | " + " | ".join(projecten) + " |", "| --- |" + " --- |" * len(projecten)]
    eerste = next((x["uit"] for x in m if x["opdracht"] == "yamlvloer" and "uit" in x), {})
    c_of_niet = "C loader" if eerste.get("ruamel_c") else "pure Python: no ruamel.yaml C extension is installed"
    for naam, sleutel in (
        ("files / bytes", None),
        (f"floor: ruamel.yaml `YAML(typ='safe')` load of the same files ({c_of_niet})", "yaml"),
        ("for comparison: PyYAML with libyaml (`CSafeLoader`)", "libyaml"),
        ("grgen `lees_project` (YAML with positions, every check, the model)", "laden"),
        ("grgen through its cache, nothing changed (`lees_project_bewaard`: hash every file, load the pickle)", "laden_cache"),
    ):
        if sleutel is None:
            cellen = []
            for p in projecten:
                x = next((x["uit"] for x in m if x["opdracht"] == "yamlvloer" and x["project"] == p and "uit" in x), {})
                cellen.append(f"{x.get('bestanden', '–')} / {x.get('bytes', 0) / 1024:,.0f} KiB")
        else:
            cellen = [_s(c[(sleutel, p)]) for p in projecten]
        uit.append(f"| {naam} | " + " | ".join(cellen) + " |")
    uit.append("| grgen ÷ ruamel floor | " + " | ".join(_x(_deel(c[("laden", p)], c[("yaml", p)])) for p in projecten) + " |")
    fouten = [f"{x['project'] or '-'} {x['opdracht']}: {x['fout']}" for x in m if "fout" in x]
    if fouten:
        uit += ["", "Failed or stopped: " + "; ".join(fouten)]
    uit.append("")
    return uit


def _mb(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f}"


def _ja(x: object) -> str:
    return "–" if x is None else ("yes" if x else "**no**")


if __name__ == "__main__":
    raise SystemExit(main())
