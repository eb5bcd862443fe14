"""Benchmark of `grgen importeer` on Word documents of the synthetic regeling (issue 19).

    python benchmarks/importeer.py [--artikelen 1000 10000] [--runs 3]

The synthetic regeling of W2/W3 (`synth.maak_regeling`, seed 1) is written to Word twice: by
grgen's own consolidated-text renderer (`als_markdown` -> `markdown_naar_docx`, as `grgen bouw`
writes geconsolideerd.docx) and by pandoc from the same Markdown (`-f markdown-smart`). Timed,
per document, is the whole use case `importeer()`: reading the .docx (grgen's lxml reader of
document.xml, styles.xml and numbering.xml), the structure heuristics, the reference conversion,
the YAML, loading it again with the loader and comparing `toon` with the source, and writing
`regeling/<naam>/`. Also timed apart: reading the .docx alone (`lees`). Prints a Markdown table (medians over the runs, min-max beside them) and
the round-trip figures; the section in docs/benchmark.md is copied from it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pypandoc  # noqa: E402
import synth  # noqa: E402

from generator import proces  # noqa: E402
from generator.importeer.importeren import Opties, importeer, lees  # noqa: E402
from generator.model import Versie  # noqa: E402
from generator.render.md_docx import markdown_naar_docx  # noqa: E402
from generator.render.tekstweergave import als_markdown  # noqa: E402


def documenten(artikelen: int, map_: Path) -> dict[str, Path]:
    """The synthetic regeling as .docx, by grgen's renderer and by pandoc."""
    regeling = synth.maak_regeling(random.Random(1), artikelen)
    versie = Versie(synth.VersieInfo("v0", "nieuwe regeling", synth.BASISDATUM), regeling)
    md = als_markdown(versie)
    (map_ / "regeling.md").write_text(md, encoding="utf-8")
    grgen = map_ / f"grgen-{artikelen}.docx"
    grgen.write_bytes(
        markdown_naar_docx(md, titel=regeling.citeertitel, koptekst=regeling.citeertitel, datum=synth.BASISDATUM, auteur="grgen")
    )
    pandoc = map_ / f"pandoc-{artikelen}.docx"
    subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", "markdown-smart", "-t", "docx", "-o", str(pandoc), str(map_ / "regeling.md")], check=True
    )
    return {"grgen": grgen, "pandoc": pandoc}


def cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    zelf, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return zelf.ru_utime + zelf.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def meet(bron: Path, runs: int, werk: Path) -> dict:
    opties = Opties(naam="synthetisch", deelnemers=("Aastad", "Beedorp"), inwerkingtreding=dt.date(2021, 1, 4), overschrijf=True)
    heel, lezen, processor = [], [], []
    resultaat = None
    for _ in range(runs):
        t0 = time.perf_counter()
        lees(str(bron))
        lezen.append(time.perf_counter() - t0)
        t0, c0 = time.perf_counter(), cpu()
        resultaat = importeer(str(bron), werk, opties)
        heel.append(time.perf_counter() - t0)
        processor.append(cpu() - c0)
    assert resultaat is not None
    v = resultaat.vergelijking
    return {
        "heel": heel,
        "cpu": processor,
        "lezen": lezen,
        "gevonden": v.gevonden,
        "totaal": v.totaal,
        "omgezet": resultaat.omgezet,
        "meldingen": len(resultaat.meldingen),
    }


def _s(waarden: list[float]) -> str:
    return f"{statistics.median(waarden):.2f} ({min(waarden):.2f}–{max(waarden):.2f})"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--artikelen", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args(argv)
    proces.stel_in()
    rijen = []
    with tempfile.TemporaryDirectory(prefix="grgen-bench-importeer-") as tijdelijk:
        for n in args.artikelen:
            map_ = Path(tijdelijk) / str(n)
            map_.mkdir()
            for wie, bron in documenten(n, map_).items():
                r = meet(bron, args.runs, map_ / f"project-{wie}")
                rijen.append((n, wie, bron.stat().st_size, r))
                print(f"{n} {wie}: {_s(r['heel'])} s", file=sys.stderr)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)\n")
    print(
        "| artikelen | .docx by | size | import, wall (s) | import, CPU (s) | reading the .docx alone, wall (s) | paragraphs back in `toon` | references converted | messages |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n, wie, grootte, r in rijen:
        print(
            f"| {n:,} | {wie} | {grootte / 1e6:.1f} MB | {_s(r['heel'])} | {_s(r['cpu'])} | {_s(r['lezen'])} | {r['gevonden']:,} / {r['totaal']:,} | {r['omgezet']:,} | {r['meldingen']} |"
        )
    for veld in ("heel", "cpu"):
        m = {(n, wie): statistics.median(r[veld]) for n, wie, _, r in rijen}
        for wie in ("grgen", "pandoc"):
            if (1000, wie) in m and (10000, wie) in m:
                print(f"\n10,000 / 1,000 artikelen ({wie}, {'wall' if veld == 'heel' else 'CPU'}): {m[(10000, wie)] / m[(1000, wie)]:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
