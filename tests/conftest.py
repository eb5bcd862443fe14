"""Test-wide settings: the suite never writes into the user's own cache folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# grgen's project cache (generator/loader/cache.py) goes to a folder of this test run; child
# processes (the CLI run as a subprocess, the benchmark) inherit it.
os.environ["GRGEN_CACHE"] = _CACHE = tempfile.mkdtemp(prefix="grgen-cache-test-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
