"""Work spread over forked processes: the one rule for when a stage may fork, and the map it then runs. The
loader (document files) and the citations (full texts) share it."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fork_workers(jobs: int, items: int, per_worker: int) -> int:
    """How many processes to fork for `items` pieces of work: `jobs` (0: every core), one per `per_worker` items
    at most; 0 where it is not worth it (fewer than two) or not safe. Only a process that runs no other thread
    forks: a child of one that does (serve's server, a test's browser driver) may inherit a lock held for ever
    and hang the build."""
    workers = min(jobs or os.cpu_count() or 1, items // per_worker)
    if workers < 2 or threading.active_count() != 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return workers


def forked_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """function over items on `workers` forked processes (fork_workers), results in the order of the items. The
    processes share what this one holds as it is: only the items go out, only the results come back."""
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(function, items, chunksize=max(1, len(items) // (workers * 8)))
