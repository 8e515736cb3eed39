"""One run of the linter as a function of its options: find the files, check their external links when
asked, lint them (on every core, answers from the store first), write fixes or diffs, and keep the
findings on changed lines; the outcome says what happened, the caller reports it."""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tripreport_lint import rules as registry
from tripreport_lint.cli.arguments import RunOptions
from tripreport_lint.config.lookup import ConfigLookup
from tripreport_lint.config.settings import Config
from tripreport_lint.diagnostics import Diagnostic
from tripreport_lint.document.document import Document
from tripreport_lint.engine.engine import Engine, FileResult
from tripreport_lint.engine.runner import GC_THRESHOLD, Task, default_jobs, lint_files
from tripreport_lint.engine.settings import Selection
from tripreport_lint.engine.writer import linted_tree, write
from tripreport_lint.errors import InputError
from tripreport_lint.paths import absolute, display, unique
from tripreport_lint.remote.settings import UrlSettings, UrlStatus
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.store.database import Store

PROGRESS_MIN_FILES = 100
# Above this many files, a run collects its cyclic garbage (the console script starts without: ``cli.script``).
GC_MIN_FILES = 32
REMOTE_RULES = ("LNK011", "LNK012")


@dataclass
class Outcome:
    """What a run found and did."""

    files: list[Path]
    results: list[FileResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # sorted; on changed lines only with --diff-base
    fixed: int = 0  # problems fixed in the files written (or that --diff would write)
    changed: int = 0  # files written (or that --diff would change)
    unwritten: int = 0  # files whose fixes could not be written (each one of the errors)
    diffs: list[str] = field(default_factory=list)
    changed_paths: list[str] = field(default_factory=list)  # as shown, of the files written (or that would be)
    errors: list[str] = field(default_factory=list)
    missing: int = 0  # paths named that do not exist (each one of the errors)
    # (path, line) of the findings on lines changed since --diff-base, or since a pull request's base.
    changed_spots: frozenset[tuple[str, int]] = frozenset()

    @property
    def unchecked(self) -> int:
        """Files that could not be checked at all."""
        return sum(1 for result in self.results if result.error and not result.diagnostics)


def lint(options: RunOptions, err: TextIO) -> Outcome:
    """Run the linter over the options' paths; ``err`` shows progress and notices."""
    configs = ConfigLookup(options.config)
    here = configs.config(absolute(Path.cwd()))  # run-wide settings (cache folder, URL checks) come from here
    discovery = Discovery(options.paths, configs.cwd)
    files, errors = discover(options.paths, configs, discovery)
    _collect_garbage_for(files)
    cache_dir = (options.cache_dir or here.root / here.cache_dir) if options.cache else None
    store = Store(cache_dir) if cache_dir is not None else None
    if store is not None:
        store.prepare()
    selection = Selection(options.select, options.ignore, options.extend_select)
    statuses: dict[str, UrlStatus] = {}
    if _remote_checks_wanted(options, here, err):
        selection = selection.extended(*REMOTE_RULES)
        statuses = _check_urls(options, here, files, store)
    engine = Engine(selection=selection, cache_dir=cache_dir, url_statuses=statuses, configs=configs,
                    config_path=options.config, discovery=discovery)
    outcome = Outcome(files, errors=errors, missing=len(errors))
    task = Task(options.fix or options.diff, options.unsafe_fixes)
    with _progress(len(files), err, enabled=options.progress and err.isatty()) as advance:
        for result in lint_files(engine, files, task, jobs=options.jobs or default_jobs(), progress=advance):
            if options.diff and result.changed:
                # Each diff as its result comes: the bytes before and after need not wait for the others.
                if not options.list_changed:
                    outcome.diffs.append(unified_diff(result.display_path, result.raw, result.new_bytes or b""))
                result.raw, result.new_bytes = b"", None
            outcome.results.append(result)
    tree = linted_tree(options.paths)
    for result in outcome.results:
        if result.error and result.error not in outcome.errors:
            outcome.errors.append(result.error)
        problem = None if options.diff else write(result, tree)
        if problem:
            outcome.errors.append(problem)
            outcome.unwritten += 1
            outcome.diagnostics += result.unfixed  # not written: nothing was fixed, all it had is still there
            continue
        outcome.diagnostics += result.diagnostics
        if not result.changed:
            continue
        outcome.changed_paths.append(result.display_path)
        outcome.fixed += result.fixed
        outcome.changed += 1
    outcome.diagnostics.sort(key=lambda d: d.sort_key)
    outcome.changed_spots = _changed(options, outcome.diagnostics)
    if options.diff_base:
        outcome.diagnostics = [d for d in outcome.diagnostics if (d.path, d.span.line) in outcome.changed_spots
                               and registry.BY_CODE[d.code].reported_with_diff_base]
    return outcome


def discover(paths: tuple[Path, ...], configs: ConfigLookup, discovery: Discovery) -> tuple[list[Path], list[str]]:
    """The files to lint below ``paths`` (each once, in order), and the paths that do not exist. A file named
    is linted unless the configuration excludes it, whether git ignores it or not (as ruff does)."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files += [Path(f) for f in discovery.walk(path) if configs.wanted(f)]
        elif path.is_file():
            files += [path] if configs.wanted(path, explicit=True) else []
        else:
            errors.append(f"{path}: no such file or directory")
    return unique(files), errors


def _collect_garbage_for(files: list[Path]) -> None:
    """Collect cyclic garbage in a run over many files (the console script starts without: ``cli.script``)."""
    if len(files) >= GC_MIN_FILES:
        gc.enable()
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def add_words(options: RunOptions, out: TextIO) -> list[str]:
    """Add the words of the possible-typo (SPL002) findings to each config's words file, printing them and
    the known misspellings (SPL001) left out; the errors met."""
    from tripreport_lint.config.words import add_words as add_to_file  # noqa: PLC0415
    from tripreport_lint.document.lines import LineIndex  # noqa: PLC0415

    configs = ConfigLookup(options.config)
    discovery = Discovery(options.paths, configs.cwd)
    files, errors = discover(options.paths, configs, discovery)
    _collect_garbage_for(files)
    engine = Engine(selection=Selection(options.select, options.ignore, options.extend_select), configs=configs,
                    config_path=options.config, discovery=discovery)
    by_file: dict[Path, set[str]] = {}
    misspelt: set[str] = set()
    for path in files:
        result = engine.check(path)
        if result.error:
            errors.append(result.error)
        spelling = [d for d in result.diagnostics if d.code in ("SPL001", "SPL002")]
        if not spelling:
            continue
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        index = LineIndex(text)
        settings = engine.folder_settings(absolute(path).parent)
        config = settings.config
        base = config.root if config.source else settings.site_root
        words = by_file.setdefault(base / config.spelling.words_file, set())
        for d in spelling:
            word = text[index.offset(d.span.line, d.span.column) : index.offset(d.span.end_line, d.span.end_column)]
            # A word codespell lists as a misspelling is never accepted wholesale: it is a typo far more often.
            (words if d.code == "SPL002" else misspelt).add(word)
    for words_path, words in sorted((path, words) for path, words in by_file.items() if words):
        added = add_to_file(words_path, words)
        out.write(f"Added {len(added)} word{'s' if len(added) != 1 else ''} to {words_path}: {', '.join(added)}\n")
    if misspelt:
        listed = ", ".join(sorted(misspelt, key=str.lower))
        out.write(f"Left out {len(misspelt)} known misspelling{'s' if len(misspelt) != 1 else ''} (SPL001; fix "
                  f"them, or add a name to the words file by hand): {listed}\n")
    return errors


def _remote_checks_wanted(options: RunOptions, here: Config, err: TextIO) -> bool:
    """--check-urls, or the config's check-urls except under pre-commit (commits stay fast and offline)."""
    wanted = options.check_urls or (here.check_urls and not os.environ.get("PRE_COMMIT"))
    if wanted and options.offline:
        err.write("tripreport-lint: remote link checks skipped (--offline)\n")
        return False
    return bool(wanted)


def _check_urls(options: RunOptions, here: Config, files: list[Path], store: Store | None) -> dict[str, UrlStatus]:
    """The status of every external address of the files, with the settings of the config that applies here."""
    from tripreport_lint.document.url_targets import url_uses  # noqa: PLC0415
    from tripreport_lint.remote.checker import check_urls  # noqa: PLC0415
    from tripreport_lint.store.url_answers import UrlAnswers  # noqa: PLC0415

    settings = here.rule_options.get("LNK011") or UrlSettings()
    if options.allow_private_urls or here.allow_private_urls:
        settings = dataclasses.replace(settings, allow_private=True)
    problem = settings.problem()
    if problem:
        raise InputError(f"{here.source or 'configuration'}: {problem}")
    urls: list[str] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # reported when the file is linted
        urls += [use.checked for use in url_uses(Document(absolute(path), display(path), raw))]
    return check_urls(urls, settings, UrlAnswers(store) if store is not None else None)


@contextmanager
def _progress(total: int, err: TextIO, *, enabled: bool) -> Iterator[Callable[[int], object] | None]:
    """A progress bar on the error stream for runs long enough to want one."""
    if not enabled or total < PROGRESS_MIN_FILES:
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal, for long runs

    with tqdm(total=total, unit="file", leave=False, file=err) as bar:
        yield bar.update


def _changed(options: RunOptions, diagnostics: list[Diagnostic]) -> frozenset[tuple[str, int]]:
    """(path, line) of the findings on changed lines: since --diff-base, or on a GitHub pull request since
    its base branch (for ranking annotations only; a failing git then just means no ranking)."""
    base = options.diff_base
    pull_base = os.environ.get("GITHUB_BASE_REF")
    if base is None and not (options.command == "check" and options.output_format == "github" and pull_base):
        return frozenset()
    from tripreport_lint.cli.git_changes import changed_lines  # noqa: PLC0415 - only with a base to compare to

    try:
        lines = changed_lines(base or f"origin/{pull_base}", Path.cwd())
    except InputError:
        if base is not None:
            raise
        return frozenset()
    return frozenset((d.path, d.span.line) for d in diagnostics
                     if d.span.line in lines.get(absolute(Path(d.path)), set()))


def unified_diff(shown: str, before: bytes, after: bytes) -> str:
    """A unified diff that ``git apply`` and ``patch -p1`` apply, missing final newlines included."""
    import difflib  # noqa: PLC0415 - only --diff needs it

    old = before.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"):
        lines.append(line)
        if not line.endswith(("\n", "\r")):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)
