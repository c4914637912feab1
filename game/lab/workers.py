"""Worker processes for the balance lab: tasks run in order, safely stopped by Ctrl-C.

`ordered(work, tasks, workers, setup, args)` yields `work(task)` for each task, in task
order whatever the number of workers, so results never depend on them. With one
worker (or one task) everything runs here. Otherwise each worker runs `setup(*args)`
once and ignores Ctrl-C: the parent alone stops, and leaving the pool terminates the
workers, so none outlives the command or prints a traceback. While the workers start,
the parent holds Ctrl-C back rather than ignoring it, so a Ctrl-C in that moment
still stops the run once they are up.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any


def ordered(work: Callable[[Any], Any], tasks: Sequence, workers: int,
            setup: Callable[..., None] | None = None, args: tuple = ()) -> Iterator:
    """`work(task)` for each task, in order, on up to `workers` processes."""
    if workers == 1 or len(tasks) <= 1:
        if setup:
            setup(*args)
        yield from map(work, tasks)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                      else "spawn")
    restore = hold_ctrl_c()
    try:
        pool = ctx.Pool(min(workers, len(tasks)), _start, (setup, args))
    except BaseException:
        restore()
        raise
    with pool:
        restore()  # a Ctrl-C held back now stops the run, and leaving `with` ends the workers
        yield from pool.imap(work, tasks)


def _start(setup: Callable[..., None] | None, args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also under spawn, where SIG_IGN is not inherited
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held Ctrl-C back: let it through
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if setup:
        setup(*args)


def hold_ctrl_c() -> Callable[[], None]:
    """Hold SIGINT back (blocked, not ignored) while worker processes are forked; return
    the function that lets it through again. Where signals cannot be blocked, ignore them
    for that moment instead."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        return lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    return lambda: signal.signal(signal.SIGINT, previous)
