"""The form of ids: of elements, versions, regelingen and deelnemers (also used as file names)."""

from __future__ import annotations

import re

# A stable id as users write it; also safe as a file or folder name.
ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")

# The id of new text in an amendment before the engine gives it its own (never a valid id).
NIEUW_ID = "_nieuw"
