"""Independent tasks in worker processes, their results in the order of the tasks.

`grgen bouw --alle` makes each package in parts (its shared documents, each deelnemer's, those
of the regeling's own organs) that do not depend on each other. On a machine with more than one
processor the parts are made in worker processes forked from grgen itself: a worker inherits the
loaded project and the set-up packages (nothing is sent to it but the number of a task) and sends
back what it made (bytes and warnings); the calling process alone writes.

The number of processes is the number of processors grgen may use, at most one per task;
`GRGEN_PROCESSEN=1` (or a system other than Linux, or one processor) does the tasks one after
another in this process. Either way the results are equal and in the same order, and an error in
a task is raised here as it was raised there: a domain error keeps its Dutch message and exit
code."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from generator.errors import GebruiksFout, WerkprocesFout

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

OMGEVING = "GRGEN_PROCESSEN"

# The work of the pool's processes: set just before they are forked, so they inherit it.
_werk: Callable[[int], object] | None = None


def aantal_processen(taken: int) -> int:
    """How many processes share `taken` tasks: GRGEN_PROCESSEN when set, else the processors
    this process may run on; never more than there are tasks, and 1 outside Linux.

    >>> os.environ[OMGEVING] = "4"; aantal_processen(3), aantal_processen(10)
    (3, 4)
    >>> os.environ[OMGEVING] = "1"; aantal_processen(10)
    1
    >>> del os.environ[OMGEVING]
    """
    keuze = os.environ.get(OMGEVING, "").strip()
    if keuze:
        if not keuze.isdigit() or int(keuze) < 1:
            raise GebruiksFout(f"{OMGEVING}={keuze!r} is geen aantal processen; geef een geheel getal vanaf 1, zoals {OMGEVING}=1")
        gewenst = int(keuze)
    else:
        gewenst = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if not sys.platform.startswith("linux"):
        return 1  # fork is safe on Linux; macOS's system libraries may not survive it, Windows has none
    return max(1, min(gewenst, taken))


@contextlib.contextmanager
def verdeeld(werk: Callable[[T], R], taken: Sequence[T], hoogstens: int | None = None) -> Iterator[Iterator[R]]:
    """`werk` of every task, in the order of `taken`, as an iterator; in at most `hoogstens`
    processes when given (1: in this one).

    The workers start when the block is entered, so the caller can do other work meanwhile;
    the results come as the iterator reaches them. Leaving the block (also after an error, or
    Ctrl+C) drops the tasks not begun and waits for the workers to finish the ones they are
    busy with. With one process the iterator calls `werk` itself, one
    task at a time, only when it is asked for the next result.

    >>> with verdeeld(len, ["a", "bb", "ccc"]) as lengtes:
    ...     list(lengtes)
    [1, 2, 3]
    """
    processen = min(aantal_processen(len(taken)), hoogstens or len(taken) or 1)
    uitvoerder = _start(werk, taken, processen) if processen > 1 else None
    if uitvoerder is None:
        yield (werk(t) for t in taken)
        return
    pool, resultaten = uitvoerder
    try:
        yield _bewaakt(resultaten)
    finally:
        _stop(pool)


def _bewaakt(resultaten: Iterator[R]) -> Iterator[R]:
    """The results; a worker killed before it was done is said in Dutch, not as a traceback."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield from resultaten
    except BrokenProcessPool as e:
        raise WerkprocesFout(
            "Een werkproces van grgen is onverwacht gestopt (te weinig geheugen, of van buitenaf beëindigd); "
            f"er is niets geschreven. Probeer het opnieuw, eventueel in één proces: {OMGEVING}=1"
        ) from e


def _start(werk: Callable[[T], R], taken: Sequence[T], processen: int) -> tuple[ProcessPoolExecutor, Iterator[R]] | None:
    """Fork the workers and hand them every task; None when no process can be started (a limit
    on their number): the tasks are then done in this process."""
    import multiprocessing  # only here: `grgen toon` and `check` do not pay for its import
    from concurrent.futures import ProcessPoolExecutor

    global _werk
    _werk = lambda i: werk(taken[i])  # noqa: E731 - inherited by the forked workers, never pickled
    # Objects alive now are shared with the workers; frozen, the collector in a worker does not
    # walk them (and touch their pages, which would copy them). The workers are forked at the
    # first task handed over.
    gc.freeze()
    pool = None
    try:
        # The pool's queues need POSIX semaphores: a container without /dev/shm refuses them
        # (OSError, or ImportError "lacks a functioning sem_open"); one process then does it all.
        pool = ProcessPoolExecutor(processen, mp_context=multiprocessing.get_context("fork"), initializer=_als_werker)
        return pool, pool.map(_doe, range(len(taken)))
    except (OSError, ImportError):
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _werk = None
        return None
    finally:
        gc.unfreeze()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers: tasks not begun are dropped; one a worker is busy with is finished first
    (a part of a package, a fraction of a second for most). A worker killed halfway through sending
    its result would leave the pool reading forever, and grgen with it when it exits."""
    global _werk
    pool.shutdown(wait=True, cancel_futures=True)
    _werk = None


def _als_werker() -> None:
    """A worker leaves Ctrl+C and SIGTERM to grgen itself, which stops the pool (`_stop`): no
    second message, no traceback from a worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _doe(i: int) -> object:
    assert _werk is not None, "a worker is forked after _werk is set"
    return _werk(i)
