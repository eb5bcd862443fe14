"""The table of legal checks that `grgen check` runs: add a rule by adding a `Regel` here."""

from __future__ import annotations

from generator.controles import procedure, verwijzingen, vorm, wgr, wijzigingen
from generator.controles.motor import Regel

REGELS: tuple[Regel, ...] = (
    *wgr.REGELS,
    *vorm.REGELS,
    *verwijzingen.REGELS,
    *wijzigingen.REGELS,
    *procedure.REGELS,
)

_dubbel = {r.id for r in REGELS if sum(1 for x in REGELS if x.id == r.id) > 1}
assert not _dubbel, f"regel-id's komen dubbel voor: {sorted(_dubbel)}"
