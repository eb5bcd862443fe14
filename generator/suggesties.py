"""Near-miss suggestions for "bedoelde u ...?" in messages, shared by every layer."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Bounds on the search: a near miss is a short word among a modest list; per mapping or file only
# the first unknown words get one (100,000 unknown keys must not take minutes).
MAX_SUGGESTIE_LENGTE = 100
MAX_SUGGESTIE_OPTIES = 100_000
MAX_SUGGESTIES = 20


def suggestie(woord: str, opties: Iterable[str]) -> str | None:
    """A near miss among the allowed words, for "bedoelde u ...?".

    >>> suggestie("opschrfit", ["opschrift", "tekst"])
    'opschrift'

    A word much longer than any option is no near miss (and comparing it would cost time
    proportional to its length for every option).
    """
    opties = list(opties)
    if len(woord) > MAX_SUGGESTIE_LENGTE or len(opties) > MAX_SUGGESTIE_OPTIES:
        return None
    gevonden = difflib.get_close_matches(woord, list(opties), n=1, cutoff=0.7)
    return gevonden[0] if gevonden else None
