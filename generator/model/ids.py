"""The form of ids: of elements, versions, regelingen and deelnemers (also used as file names)."""

from __future__ import annotations

import re
import unicodedata

# A stable id as users write it; also safe as a file or folder name.
ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")

# The id of new text in an amendment before the engine gives it its own (never a valid id).
NIEUW_ID = "_nieuw"


def slug(tekst: str, maximum: int = 40) -> str:
    """A readable id part from a heading: lower case ASCII words joined by hyphens.

    >>> slug("Taken op het gebied van IT"), slug("Financiën & kosten"), slug("   ")
    ('taken-op-het-gebied-van-it', 'financien-kosten', '')
    """
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    woorden = re.findall(r"[a-z0-9]+", ascii_.lower())
    uit = ""
    for w in woorden:
        if len(uit) + len(w) + 1 > maximum:
            break
        uit = f"{uit}-{w}" if uit else w
    return uit
