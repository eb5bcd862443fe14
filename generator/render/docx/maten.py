"""Text widths in the base document's font, for table column widths.

Arial is the font of grgen's documents (basis.docx); Liberation Sans has the same advance widths
(it is metric-compatible by design). The widths were read from LiberationSans-Regular.ttf and
-Bold.ttf of Debian's fonts-liberation2 with fontTools by `python -m generator.render.docx.maten`
and are kept as data (maten.json), so a build needs no font files and gives the same bytes on
every machine.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
from pathlib import Path

MATEN_PAD = Path(__file__).with_name("maten.json")
FONTMAP = Path("/usr/share/fonts/truetype/liberation2")
PUNT_PER_CM = 72 / 2.54


@functools.cache
def _maten() -> dict[str, dict[str, int]]:
    return json.loads(MATEN_PAD.read_text(encoding="utf-8"))


def breedte_cm(tekst: str, *, vet: bool = False, punt: float = 11.0) -> float:
    """The width of `tekst` on one line, in cm.

    >>> round(breedte_cm("informatiemanagement"), 2)
    3.97
    """
    tabel, standaard, eenheden = _tabel(vet)
    som = sum(map(tabel.get, tekst, itertools.repeat(standaard, len(tekst))))  # C-level: every word of every table cell
    return som / eenheden * punt / PUNT_PER_CM


@functools.cache
def _tabel(vet: bool) -> tuple[dict[str, int], int, int]:
    """The widths of one weight, the width of an unknown character (as wide as the widest
    letter, "M") and the units per em."""
    maten = _maten()
    tabel = maten["vet" if vet else "normaal"]
    return tabel, tabel["M"], maten["eenheden_per_em"]["waarde"]


def maak(uit: Path = MATEN_PAD, map_: Path = FONTMAP) -> None:
    """Read the advance widths of Latin text from the Liberation Sans font files (fontTools)."""
    from fontTools.ttLib import TTFont  # a tool only this generator needs

    maten: dict[str, dict[str, int]] = {}
    for soort, bestand in (("normaal", "LiberationSans-Regular.ttf"), ("vet", "LiberationSans-Bold.ttf")):
        font = TTFont(map_ / bestand)
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        tekens = [*range(0x20, 0x250), *range(0x2000, 0x2070), 0x20AC]
        maten[soort] = {chr(c): hmtx[cmap[c]][0] for c in tekens if c in cmap}
        maten["eenheden_per_em"] = {"waarde": font["head"].unitsPerEm}
    uit.write_text(json.dumps(maten, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    argparse.ArgumentParser(description=maak.__doc__).parse_args()
    maak()
