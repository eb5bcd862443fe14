"""Near-miss suggestions for "bedoelde u ...?" in messages, shared by every layer."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggestie(woord: str, opties: Iterable[str]) -> str | None:
    """A near miss among the allowed words, for "bedoelde u ...?".

    >>> suggestie("opschrfit", ["opschrift", "tekst"])
    'opschrift'
    """
    gevonden = difflib.get_close_matches(woord, list(opties), n=1, cutoff=0.7)
    return gevonden[0] if gevonden else None
