"""Benchmark of `grgen afleiden`: derive the amendment from an edited text, beside python-redlines.

    python benchmarks/afleiden.py [--artikelen 1000] [--bewerkingen 50] [--runs 5]

W2 (synth.py, seed 1: 1,000 artikelen) is edited in 50 places: the operations of the first
synthetic amendments (word changes, komt te luiden, inserted and deleted leden and artikelen),
applied as one amendment to the base. Measured: `leid_af` (basis + edited version -> operations,
including its proof by applying them), and the same two texts as clean Word files (grgen's
ontwerp without bookmarks' influence on the text) compared by python-redlines (Docxodus), if
installed. python-redlines only marks the changes; grgen also words them as operations.
Target: afleiden under 1 second. Prints one line per measurement and exits 1 if the target is missed.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import maak_werklast  # noqa: E402

from generator.diff.afleiden import leid_af  # noqa: E402
from generator.model import Versie  # noqa: E402
from generator.render.ontwerp import ontwerp_docx  # noqa: E402
from generator.wijzigen.motor import pas_toe  # noqa: E402

DOEL = 1.0  # seconds for afleiden on W2 with 50 edits


def bewerkt(artikelen: int, bewerkingen: int) -> tuple[Versie, Versie, int]:
    """The base version and the base edited in `bewerkingen` places (one amendment)."""
    werklast = maak_werklast(1, artikelen, max(bewerkingen, 1))
    basis = Versie(werklast.info, werklast.regeling)
    operaties = [op for w in werklast.wijzigingen for op in w.operaties][:bewerkingen]
    operaties = [dataclasses.replace(op, volgnummer=i) for i, op in enumerate(operaties, start=1)]
    w = dataclasses.replace(werklast.wijzigingen[0], operaties=tuple(operaties), basis=basis.id)
    return basis, pas_toe(basis, w, basis).na, len(operaties)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--artikelen", type=int, default=1000)
    p.add_argument("--bewerkingen", type=int, default=50)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--zonder-peers", action="store_true", help="grgen only, without python-redlines")
    args = p.parse_args(argv)
    basis, nieuw, aantal = bewerkt(args.artikelen, args.bewerkingen)
    tijden = []
    for _ in range(args.runs):
        t = time.perf_counter()
        afleiding = leid_af(basis, nieuw.regeling)
        tijden.append(time.perf_counter() - t)
    if afleiding.meldingen:
        print("afleiden meldt:", *afleiding.meldingen[:5], sep="\n  ")
        return 1
    print(f"W{args.artikelen} met {aantal} bewerkingen: {len(afleiding.operaties)} operaties afgeleid")
    print(f"grgen afleiden: mediaan {statistics.median(tijden):.3f} s, min {min(tijden):.3f} s ({args.runs} runs; doel < {DOEL} s)")
    try:
        from python_redlines import DocxodusEngine
    except ImportError:
        print('python-redlines: niet geïnstalleerd (pip install "python-redlines[docxodus]")')
    else:
        if args.zonder_peers:
            return 0 if statistics.median(tijden) < DOEL else 1
        with tempfile.TemporaryDirectory() as werk:
            oud, na = Path(werk) / "oud.docx", Path(werk) / "na.docx"
            oud.write_bytes(ontwerp_docx(basis, "bench"))
            na.write_bytes(ontwerp_docx(nieuw, "bench"))
            engine = DocxodusEngine()
            rtijden = []
            for _ in range(max(1, args.runs // 2)):
                t = time.perf_counter()
                engine.run_redline("bench", oud, na)
                rtijden.append(time.perf_counter() - t)
            print(f"python-redlines (Docxodus), dezelfde twee teksten: mediaan {statistics.median(rtijden):.3f} s (markeert alleen)")
    return 0 if statistics.median(tijden) < DOEL else 1


if __name__ == "__main__":
    sys.exit(main())
