"""The use case behind `grgen diff`: choose the two versions a user names and compare them.

Arguments name a version of this project, a date, another copy of the data (a folder) or
`MAP@VERSIE`; each folder is read once through the `laad` passed in. The comparison itself is
the pure core in `diff/overzicht.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.diff.overzicht import Kant, Verschil, vergelijk_versies
from generator.errors import DiffFout, GrgenFout
from generator.model import Versie
from generator.pipeline import Stand
from generator.wijzigen.tijdlijn import Geschiedenis

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def verschil_tussen(
    map_: Path,
    a: str,
    b: str | None,
    regeling: str | None,
    laad: Callable[[Path], Stand],
    artikel: str | None = None,
    volledig: bool = False,
) -> Verschil:
    """`grgen diff A B`: choose both versions (B default the latest) and compare them.

    Every error is a `DiffFout` (exit code 2).
    """
    try:
        kant_a, kant_b = kies_kanten([a, b], map_, regeling, laad)
        return vergelijk_versies(kant_a, kant_b, artikel, volledig)
    except DiffFout:
        raise
    except GrgenFout as e:
        raise DiffFout(e.message, e.meldingen) from e


def kies_kanten(specs: Iterable[str | None], map_: Path, regeling: str | None, laad: Callable[[Path], Stand]) -> list[Kant]:
    """The versions several arguments name; each folder is read once, so two versions of one
    project share its history (and the amendments between them can be named)."""
    gelezen: dict[Path, Stand] = {}

    def lees(pad: Path) -> Stand:
        sleutel = pad.resolve()
        if sleutel not in gelezen:
            gelezen[sleutel] = laad(pad)
        return gelezen[sleutel]

    return [kies_kant(spec, map_, regeling, lees) for spec in specs]


def kies_kant(spec: str | None, map_: Path, regeling: str | None, laad: Callable[[Path], Stand]) -> Kant:
    """The version a command-line argument names.

    In order: None (the latest version of the project); `MAP@VERSIE` (VERSIE an id or a date,
    empty for the latest); a path with a slash (another copy of the data: its latest version); a
    version id of the project; a date JJJJ-MM-DD (the version in force that day); a folder name.
    """
    if spec is None:
        _, geschiedenis = laad(map_).geschiedenis(regeling)
        return Kant(geschiedenis.tijdlijn.laatste, geschiedenis)
    if "@" in spec:
        pad, _, versie = spec.rpartition("@")
        return _uit_map(Path(pad), versie or None, regeling, laad, spec)
    if ("/" in spec or "\\" in spec or spec in (".", "..")) and Path(spec).is_dir():
        return _uit_map(Path(spec), None, regeling, laad, spec)
    _, geschiedenis = laad(map_).geschiedenis(regeling)
    versie = _versie(geschiedenis, spec)
    if versie is not None:
        return Kant(versie, geschiedenis)
    if Path(spec).is_dir() and Path(spec).resolve() != map_.resolve():
        return _uit_map(Path(spec), None, regeling, laad, spec)
    bekend = ", ".join(v.id for v in geschiedenis.tijdlijn.versies)
    raise DiffFout(f"'{spec}' is geen versie, datum of map; kies een versie-id ({bekend}), een datum JJJJ-MM-DD, een map of MAP@VERSIE")


def _versie(geschiedenis: Geschiedenis, spec: str) -> Versie | None:
    tijdlijn = geschiedenis.tijdlijn
    if (versie := tijdlijn.versie(spec)) is not None:
        return versie
    if not _DATUM.match(spec):
        return None
    try:
        datum = dt.date.fromisoformat(spec)
    except ValueError:
        raise DiffFout(f"'{spec}' is geen geldige datum; schrijf JJJJ-MM-DD, bijv. 2022-06-01") from None
    versie = tijdlijn.versie_op(datum)
    if versie is None:
        eerste = tijdlijn.basis.info.inwerkingtreding
        raise DiffFout(f"Op {datum:%d-%m-%Y} was de regeling nog niet in werking (eerste versie: {eerste:%d-%m-%Y})")
    return versie


def _uit_map(pad: Path, versie: str | None, regeling: str | None, laad: Callable[[Path], Stand], spec: str) -> Kant:
    if not pad.is_dir():
        raise DiffFout(f"'{spec}': map {pad} bestaat niet")
    try:
        _, geschiedenis = laad(pad).geschiedenis(regeling)
    except GrgenFout as e:
        raise DiffFout(f"'{spec}': de gegevens in {pad} zijn niet te gebruiken: {e.message}", e.meldingen) from e
    gekozen = geschiedenis.tijdlijn.laatste if versie is None else _versie(geschiedenis, versie)
    if gekozen is None:
        bekend = ", ".join(v.id for v in geschiedenis.tijdlijn.versies)
        raise DiffFout(f"'{spec}': onbekende versie '{versie}' in {pad}; bekend: {bekend}")
    return Kant(gekozen, geschiedenis, pad)
