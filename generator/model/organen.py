"""Bestuursorganen that can take part in a gemeenschappelijke regeling, as data (Wgr art. 1, 8).

One row per organ: its name, article, plural and who signs its besluiten. Templates and the
besluit wording take names and agreement from here, never from string fixes.

>>> ORGANEN["algemeen bestuur"].met_lidwoord
'het algemeen bestuur'
>>> ORGANEN["raad"].meervoud
'raden'
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Orgaan:
    """A bestuursorgaan: "het college van burgemeester en wethouders", signed by two officers."""

    naam: str  # "college van burgemeester en wethouders"
    lidwoord: str  # "het" or "de"
    meervoud: str  # "colleges van burgemeester en wethouders"
    ondertekenaars: tuple[str, ...]  # who signs its besluiten, in signing order

    @property
    def met_lidwoord(self) -> str:
        return f"{self.lidwoord} {self.naam}"


ORGANEN: dict[str, Orgaan] = {
    "raad": Orgaan("raad", "de", "raden", ("griffier", "voorzitter")),
    "college van burgemeester en wethouders": Orgaan(
        "college van burgemeester en wethouders", "het", "colleges van burgemeester en wethouders", ("secretaris", "burgemeester")
    ),
    "burgemeester": Orgaan("burgemeester", "de", "burgemeesters", ("burgemeester",)),
    "algemeen bestuur": Orgaan("algemeen bestuur", "het", "algemene besturen", ("secretaris", "voorzitter")),
    "dagelijks bestuur": Orgaan("dagelijks bestuur", "het", "dagelijkse besturen", ("secretaris", "voorzitter")),
}
