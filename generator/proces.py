"""Settings for a whole grgen process (the command line, and the benchmark that measures it).

grgen builds large trees of small objects (a version of 10,000 artikelen, its blocks, the
paragraphs of a renvooi) that hold no reference cycles: reference counting frees them. Python's
cyclic collector, at its default young-generation threshold of 700 allocations, still walks them
again and again while they grow: a third of the time of a renvooi of 10,000 artikelen. A larger
threshold keeps the collector (python-docx's packages do have cycles) at a fraction of the cost.
"""

from __future__ import annotations

import gc

GC_DREMPEL = 10_000  # allocations before a young-generation collection (Python's default: 700)


def stel_in() -> None:
    """Tune the process for grgen's work: call once at start-up.

    >>> stel_in(); gc.get_threshold()[0]
    10000
    """
    eerste, tweede, derde = gc.get_threshold()
    gc.set_threshold(max(eerste, GC_DREMPEL), tweede, derde)
