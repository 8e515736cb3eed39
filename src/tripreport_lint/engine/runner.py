"""Lint many files: answers from the cache first, the rest on every core, results in input order."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tripreport_lint import rules as registry
from tripreport_lint.diagnostics import Applicability
from tripreport_lint.engine.engine import KEPT_SITES, Engine, FileResult
from tripreport_lint.errors import InputError
from tripreport_lint.paths import absolute, display
from tripreport_lint.site.page_facts import Entry, MapChunks
from tripreport_lint.store.results import CleanResults, FixResults, Results, entry_key

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many files a process, starting workers costs more than it saves.
MIN_FILES_PER_PROCESS = 8
# Files go to workers in chunks: big enough to keep messages few, small enough that one slow chunk
# at the end does not leave the other cores idle.
MAX_CHUNK = 16
# New objects between two collections of the youngest generation in a run over many files and in its workers
# (Python's default: 700). Linting makes many objects and few cycles (~1,200 freed over the corpus).
GC_THRESHOLD = 10_000
# Sites whose pages are read before workers fork, and kept for them (each holds its file list and words).
MAX_SITES_READ = 16


class Task(NamedTuple):
    """What to do with each file: lint it or compute its fixes (the engine knows whether to store results)."""

    fix: bool = False
    unsafe_fixes: bool = False


def default_jobs() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def lint_files(engine: Engine, paths: Sequence[Path], task: Task, *, jobs: int,
               progress: Callable[[int], object] | None = None) -> Iterator[FileResult]:
    """A result per path, in the order of ``paths``, whatever order the work finishes in.

    Stored results are looked up here (none on a first run, when nothing is stored); only the files
    they miss go to the workers, which store what they find.
    """
    found: dict[int, FileResult] = {}
    missed: list[int] = []
    stored = Results(engine.store) if engine.store is not None else None
    lookup = stored if stored is not None and not stored.empty() else None
    for index, path in enumerate(paths):
        hit = _stored(engine, lookup, path, task) if lookup else None
        if hit is None:
            missed.append(index)
        else:
            found[index] = hit
    fresh = _check_all(engine, [paths[i] for i in missed], task, jobs)
    done = 0
    for index, result in zip(missed, fresh, strict=True):
        found[index] = result
        while done in found:  # hand results on as soon as all before them are known
            if progress:
                progress(1)
            yield found.pop(done)
            done += 1
    while done in found:
        if progress:
            progress(1)
        yield found.pop(done)
        done += 1


def _stored(engine: Engine, results: Results, path: Path, task: Task) -> FileResult | None:
    """The stored result for the file as it is now; in fix mode, one that leaves nothing to fix, or what
    an earlier ``--fix`` or ``--diff`` made of these bytes (a --diff before a --fix costs one run, not two)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # reported when the file is linted
    shown = display(path)
    fingerprint = engine.fingerprint(absolute(path).parent)
    diagnostics = results.get(entry_key(fingerprint, path, raw), shown)
    if diagnostics is None:
        return None
    if task.fix and any(d.fix is not None and (task.unsafe_fixes or d.fix.applicability is Applicability.SAFE)
                        for d in diagnostics):
        fixed = FixResults(results.store).get(FixResults.key(fingerprint, path, raw, unsafe=task.unsafe_fixes), shown)
        if fixed is None:
            return None
        new_bytes, count, remaining, found = fixed
        return FileResult(path, shown, remaining, count, True, new_bytes, raw=raw, unfixed=found)
    return FileResult(path, shown, diagnostics)


def _check_all(engine: Engine, paths: list[Path], task: Task, jobs: int) -> Iterator[FileResult]:
    processes = min(jobs, len(paths) // MIN_FILES_PER_PROCESS)
    if processes <= 1:
        _prepare_sites(engine, paths)
        for start in range(0, len(paths), MAX_CHUNK):
            yield from _check_many(engine, paths[start : start + MAX_CHUNK], task)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - a one-file run never needs it

    context = _context()
    if engine.store is not None or context.get_start_method() == "fork":
        # The pages of the sites are read first, in parallel, by workers that then leave; the workers that
        # lint are forked after, from this process, holding what was read (else each would load it again,
        # or, with nothing stored, read every page again).
        with ProcessPoolExecutor(processes, mp_context=context) as readers, _collection_paused():
            _prepare_sites(engine, paths, readers.map, keep_all=True)
    # This process lints the first file, which loads the parser, the schemas and the word tables once for
    # every forked worker.
    yield from _check_many(engine, paths[:1], task)
    rest = paths[1:]
    size = max(1, min(MAX_CHUNK, len(rest) // (processes * 4)))
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    global _ENGINE  # noqa: PLW0603 - forked workers inherit the engine, with what it has loaded
    _ENGINE = engine
    _shed_memory(engine)
    # What the workers inherit (modules, tables, the sites' facts) lives as long as they do: their garbage
    # collections need not walk it again and again.
    gc.freeze()
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker,
                                 initargs=(engine.arguments, task)) as pool:
            for results in pool.map(_check_chunk, chunks):
                yield from results
    finally:
        gc.unfreeze()
        engine.kept_sites = KEPT_SITES


def _shed_memory(engine: Engine) -> None:
    """Free what this process no longer needs before workers fork from it (each worker's peak memory counts
    what it inherits): garbage, SQLite's page cache, and the pages the C heap holds free (glibc only)."""
    gc.collect()
    if engine.store is not None:
        engine.store.shrink()
    if sys.platform == "linux":
        try:
            import ctypes  # noqa: PLC0415 - parallel runs only

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass  # not glibc (musl has no malloc_trim)


def _prepare_sites(engine: Engine, paths: list[Path], map_chunks: MapChunks | None = None, *,
                   keep_all: bool = False) -> None:
    """Read what the pages of the sites of ``paths`` say before any file is linted (in parallel with
    ``map_chunks``, a process pool's map), each page once however many sites hold it: a blog's folder
    may hold other sites' folders, whose pages are its pages too. With ``keep_all``, the engine keeps
    every site read (up to MAX_SITES_READ), for workers forked next."""
    roots = set()
    for folder in {absolute(path).parent for path in paths}:
        try:
            settings = engine.folder_settings(folder)
        except InputError:
            continue  # a broken words file: each of its files says so when linted
        if settings.reads_site_pages:
            roots.add(settings.site_root)
    if keep_all:
        engine.kept_sites = max(KEPT_SITES, min(len(roots), MAX_SITES_READ))
    if len(roots) > engine.kept_sites and engine.store is None:
        return  # the first would be forgotten before its files are linted, and read again then
    known: dict[str, Entry] = {}
    for root in sorted(roots):  # a folder before the sites inside it
        engine.site(root).prepare(map_chunks, known)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: merging what the readers found makes many objects and next
    to no cycles (over the corpus, ~165 collections of this process freed ~300 objects in ~35 ms, while the
    rest of the run waited; what is left is collected before workers fork)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_many(engine: Engine, paths: list[Path], task: Task) -> list[FileResult]:
    """Lint some files; what is kept of them is written at the end, in one transaction (workers writing a
    row at a time wait for each other's commits)."""
    if engine.store is None:
        return [_check(engine, path, task) for path in paths]
    with engine.store.batch():
        return [_check(engine, path, task) for path in paths]


def _check(engine: Engine, path: Path, task: Task) -> FileResult:
    result = engine.check(path, fix=task.fix, unsafe_fixes=task.unsafe_fixes)
    if engine.store is not None:
        _keep(engine, result, task)
    if not result.changed:
        result.raw = b""  # only writing fixes needs the bytes read; a run holds every result at once
    return result


def _keep(engine: Engine, result: FileResult, task: Task) -> None:
    """Store a result for the file's current bytes (and, when fixes changed them, what they made of them),
    unless it cannot be trusted later: an error, or a finding that depends on the clock."""
    assert engine.store is not None
    if result.clean_keys:
        CleanResults(engine.store).add(result.clean_keys)
    if result.error or any(registry.BY_CODE[d.code].reads_clock for d in (*result.diagnostics, *result.unfixed)):
        return
    fingerprint = engine.fingerprint(absolute(result.path).parent)
    if not result.changed:
        Results(engine.store).put(entry_key(fingerprint, result.path, result.raw), result.diagnostics)
    elif result.new_bytes is not None:
        # The findings of the bytes before, too: the next run (a --fix after a --diff) looks them up first.
        Results(engine.store).put(entry_key(fingerprint, result.path, result.raw), result.unfixed)
        FixResults(engine.store).put(FixResults.key(fingerprint, result.path, result.raw, unsafe=task.unsafe_fixes),
                                     result.new_bytes, result.fixed, result.diagnostics, result.unfixed)


_ENGINE: Engine | None = None
_TASK = Task()


def _context() -> BaseContext:
    import multiprocessing  # noqa: PLC0415 - a one-file run never needs it

    # fork shares what the parent loaded (rules, dictionaries, site signatures) at no cost; where it
    # is unavailable or unsafe (Windows, macOS), workers start fresh and build their own engine.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start_worker(arguments: dict[str, Any], task: Task) -> None:
    global _ENGINE, _TASK  # noqa: PLW0603 - per-process state of a worker
    if _ENGINE is None:
        _ENGINE = Engine(**arguments)
    _TASK = task
    # Collections every 700 new objects cost each worker ~90 ms of its ~4 s, every GC_THRESHOLD ~25 ms. A forked
    # worker has it from the run (``cli.session``); a spawned one (macOS, Windows) starts with Python's 700.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _check_chunk(paths: list[Path]) -> list[FileResult]:
    assert _ENGINE is not None
    return _check_many(_ENGINE, paths, _TASK)
