"""Lint many files: answers from the cache first, the rest on every core, results in input order."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engine import Engine, FileResult

if TYPE_CHECKING:
    from .cache import Cache

# Below this many files to lint, starting worker processes costs more than it saves.
MIN_FILES_PER_PROCESS = 8
# Files are shipped to workers in chunks: big enough to keep messages few, small enough that one
# slow chunk at the end does not leave the other cores idle.
MAX_CHUNK = 16


@dataclass(frozen=True)
class Task:
    """What to do with each file: lint, or compute its fixes."""

    fix: bool = False
    unsafe_fixes: bool = False


def default_jobs() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def lint_files(engine: Engine, paths: Sequence[Path], task: Task, *, jobs: int, cache: Cache | None = None,
               progress: Callable[[int], object] | None = None) -> Iterator[FileResult]:
    """A result per path, in the order of ``paths``, whatever order the work finishes in."""
    results: dict[int, FileResult] = {}
    pending: list[int] = []
    for index, path in enumerate(paths):
        hit = cache.load(engine, path, task.fix, task.unsafe_fixes) if cache else None
        if hit is None:
            pending.append(index)
        else:
            results[index] = hit
    fresh = _check_all(engine, [paths[i] for i in pending], task, jobs)
    next_out = 0
    for index, result in zip(pending, fresh):
        if cache is not None:
            cache.store(engine, result)
        results[index] = result
        while next_out in results:  # hand results on as soon as those before them are known
            if progress:
                progress(1)
            yield results.pop(next_out)
            next_out += 1
    while next_out in results:
        if progress:
            progress(1)
        yield results.pop(next_out)
        next_out += 1


def _check_all(engine: Engine, paths: list[Path], task: Task, jobs: int) -> Iterator[FileResult]:
    processes = min(jobs, len(paths) // MIN_FILES_PER_PROCESS)
    if processes <= 1:
        for path in paths:
            yield engine.check(path, fix=task.fix, unsafe_fixes=task.unsafe_fixes)
        return
    size = max(1, min(MAX_CHUNK, len(paths) // (processes * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    global _ENGINE  # noqa: PLW0603 - forked workers inherit the engine, with what it has loaded
    _ENGINE = engine
    with ProcessPoolExecutor(processes, mp_context=_context(), initializer=_start_worker,
                             initargs=(engine.arguments, task)) as pool:
        for chunk_results in pool.map(_check_chunk, chunks):
            yield from chunk_results


_ENGINE: Engine | None = None
_TASK = Task()


def _context() -> multiprocessing.context.BaseContext:
    # fork shares what the parent loaded (rules, dictionaries, site indexes) at no cost; where it is
    # unavailable or unsafe (Windows, macOS), workers start fresh and build their own engine.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start_worker(arguments: dict[str, Any], task: Task) -> None:
    global _ENGINE, _TASK  # noqa: PLW0603 - per-process state of a worker
    if _ENGINE is None:
        _ENGINE = Engine(**arguments)
    _TASK = task


def _check_chunk(paths: list[Path]) -> list[FileResult]:
    assert _ENGINE is not None
    return [_ENGINE.check(path, fix=_TASK.fix, unsafe_fixes=_TASK.unsafe_fixes) for path in paths]
