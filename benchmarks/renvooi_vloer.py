"""grgen's renvooi against its zipfile floor, in one process, on processor time (issue 21).

    python benchmarks/renvooi_vloer.py --artikelen 1000 --herhalingen 9

The renvooi is what run.py times (`kind.renvooi`: `vergelijk_per_deel` + `renvooi_docx` of two versions
in memory) for the two pairs of the synthetic workload (the last amendment; version 0 -> N);
the floor is what run.py's floor is (`kind.zipvloer`): the same parts, the same
word/document.xml bytes, written into a .docx with zipfile alone at grgen's deflate level. Both
are timed with the process's processor time (medians), so a busy machine changes the ratio
less than it changes wall times; `vergelijk_per_deel` alone is shown beside them.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kind  # noqa: E402
from synth import maak_werklast  # noqa: E402


def vloer(docx: bytes, herhalingen: int) -> float:
    """`kind.zipvloer` on processor time."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        delen = [(info.filename, zf.read(info)) for info in zf.infolist()]
    tijden = []
    for _ in range(herhalingen):
        t = time.process_time()
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as uit:
            for naam, data in delen:
                uit.writestr(naam, data, compresslevel=6)
        tijden.append(time.process_time() - t)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artikelen", type=int, default=1000)
    parser.add_argument("--wijzigingen", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--herhalingen", type=int, default=9)
    args = parser.parse_args()
    from generator.diff.versies import vergelijk_per_deel
    from generator.wijzigen.tijdlijn import bouw_geschiedenis

    wl = maak_werklast(args.seed, args.artikelen, args.wijzigingen)
    versies = list(bouw_geschiedenis(wl.regeling, wl.info, wl.wijzigingen).tijdlijn.versies)
    kind._warm()  # noqa: SLF001 - as run.py: the renderer imported, the base document opened once
    for naam, (voor, na) in kind.paren(versies).items():
        renvooi, diff = [], []
        for _ in range(args.herhalingen):
            t = time.process_time()
            data = kind.renvooi(voor, na)
            renvooi.append(time.process_time() - t)
            t = time.process_time()
            vergelijk_per_deel(voor.regeling, na.regeling)
            diff.append(time.process_time() - t)
        r, z = statistics.median(renvooi), vloer(data, 3 * args.herhalingen)
        print(
            f"{naam}: renvooi {r:.3f} s (of which vergelijk_per_deel {statistics.median(diff):.3f} s), "
            f"zipfile floor {z:.4f} s, renvooi = {r / z:.1f}x the floor"
        )


if __name__ == "__main__":
    main()
