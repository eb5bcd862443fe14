"""Pausing Python's cyclic garbage collector while a pure, allocation-heavy step runs.

A loaded history holds every version's elements (W2: 200 versions of 1,000 artikelen), and the
collector walks them again and again while a comparison or a Word document makes its tens of
thousands of short-lived tuples and strings: a quarter of the renvooi's time on W2 was the
collector finding nothing. Those steps make no reference cycles (named tuples, strings, lists of
them), so nothing waits on the collector; reference counting frees their garbage as before. The
collector is switched back on when the step ends, also on an error, and a nested pause leaves it
to the outermost one.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


@contextlib.contextmanager
def collector_gepauzeerd() -> Iterator[None]:
    """The cyclic collector off inside the block, as it was after it.

    >>> import gc
    >>> with collector_gepauzeerd():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_aan:
            gc.enable()


def zonder_collector(functie: Callable[P, T]) -> Callable[P, T]:
    """`functie` run with the cyclic collector paused (see `collector_gepauzeerd`).

    >>> import gc
    >>> zonder_collector(gc.isenabled)(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(functie)
    def gepauzeerd(*args: P.args, **kwargs: P.kwargs) -> T:
        with collector_gepauzeerd():
            return functie(*args, **kwargs)

    return gepauzeerd
