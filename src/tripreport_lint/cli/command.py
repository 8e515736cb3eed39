"""The command line: ``run(argv) -> exit code``; argument parsing and nothing else of substance."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tripreport_lint import __version__
from tripreport_lint.errors import InputError

if TYPE_CHECKING:
    from tripreport_lint.config.settings import Config
    from tripreport_lint.diagnostics import Diagnostic
    from tripreport_lint.engine.engine import Engine
    from tripreport_lint.remote.settings import UrlStatus
    from tripreport_lint.reporters import RuleInfo

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_FILES = 100
FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab", "rdjson", "grouped")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _codes(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tripreport-lint", description="Lint and fix the Markdown posts of a blog.")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: .)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print the diff --fix would apply; change nothing")
    parser.add_argument("--select", type=_codes, help="comma-separated rule codes, prefixes or names to run")
    parser.add_argument("--extend-select", type=_codes, default=(), help="rules to add to the selection")
    parser.add_argument("--ignore", type=_codes, default=(), help="rules to turn off")
    parser.add_argument("--config", type=Path, help="config file to use instead of searching for one")
    parser.add_argument("--output-format", choices=FORMATS,
                        help="text (default), github (default under GitHub Actions), json, sarif, junit, "
                             "gitlab, rdjson or grouped")
    parser.add_argument("--output-file", action="append", default=[], metavar="FORMAT=PATH",
                        help="also write the findings in FORMAT to PATH (repeatable), from the same run")
    parser.add_argument("--diff-base", metavar="REF",
                        help="report only findings on lines changed since the git revision REF")
    parser.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                        help="lint on N processes (default: one per core; 1 for none)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    parser.add_argument("--cache-dir", type=Path, metavar="DIR",
                        help="folder of the results cache (default: .tripreport-lint-cache, or the config's cache-dir)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    parser.add_argument("--check-urls", action="store_true",
                        help="check external links over the network (LNK011, LNK012; also under pre-commit)")
    parser.add_argument("--offline", action="store_true", help="skip remote link checks, even when the config asks")
    parser.add_argument("--allow-private-urls", action="store_true",
                        help="let remote link checks reach private, loopback and link-local addresses")
    parser.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    parser.add_argument("--show-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--add-words", action="store_true",
                        help="add the words of the spelling (SPL) findings to the project's words file")
    parser.add_argument("--version", action="version", version=f"tripreport-lint {__version__}")
    return parser


def run(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the linter as the command line would and return the exit code."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as error:
        err.write(f"tripreport-lint: error: {error}\n")
        return EXIT_ERROR
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    if args.show_rules:
        from tripreport_lint.rules.docs import rules_table  # noqa: PLC0415

        out.write(rules_table())
        return EXIT_OK
    try:
        return _lint(args, out, err)
    except InputError as error:
        err.write(f"tripreport-lint: error: {error}\n")
        return EXIT_ERROR


def _lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from tripreport_lint.engine.engine import Engine, Selection, write  # noqa: PLC0415
    from tripreport_lint.engine.runner import Task, default_jobs, lint_files  # noqa: PLC0415
    from tripreport_lint.paths import unique, walk  # noqa: PLC0415
    from tripreport_lint.reporters import REPORTERS, RunSummary  # noqa: PLC0415
    from tripreport_lint.rules import resolve  # noqa: PLC0415

    for spec in args.output_file:
        name, equals, target = spec.partition("=")
        if not equals or name not in FORMATS or not target:
            raise InputError(f"--output-file takes FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}, got {spec!r}")
    if args.add_words and args.select is None:
        args.select = ("SPL",)
    for option in ("select", "extend_select", "ignore"):
        for word in getattr(args, option) or ():
            if not resolve(word):
                flag = "--" + option.replace("_", "-")
                raise InputError(f"unknown rule code or name '{word}' in {flag} (see tripreport-lint --show-rules)")
    selection = Selection(args.select, args.ignore, args.extend_select)
    engine = Engine(config_path=args.config, selection=selection)
    errors: list[str] = []
    files: list[Path] = []
    for path in args.paths or [Path(".")]:
        if path.is_dir():
            files += [f for f in walk(path) if engine.wanted(f)]
        elif path.is_file():
            files += [path] if engine.wanted(path, explicit=True) else []
        else:
            errors.append(f"{path}: no such file or directory")
    if args.add_words:
        return _add_words(engine, unique(files), out, err, errors)
    files = unique(files)
    if not args.no_cache:
        engine.cache_dir = _cache_dir(args, engine)
        from tripreport_lint.store.results import Cache  # noqa: PLC0415

        Cache(engine.cache_dir).prepare()
    if _remote_checks_wanted(args, engine, err):
        engine.selection = Selection(args.select, args.ignore, (*args.extend_select, "LNK011", "LNK012"))
        engine.url_statuses = _check_urls(args, engine, files)
    task = Task(args.fix or args.diff, args.unsafe_fixes)
    diagnostics, fixed, changed = [], 0, 0
    with _progress(len(files), err, enabled=not args.no_progress and err.isatty()) as advance:
        results = list(lint_files(engine, files, task, jobs=args.jobs or default_jobs(), progress=advance))
    unchecked = sum(1 for result in results if result.error and not result.diagnostics)
    for path, result in zip(files, results):
        if result.error and result.error not in errors:
            errors.append(result.error)
        diagnostics += result.diagnostics
        fixed += result.fixed
        if result.changed:
            changed += 1
            if args.diff:
                out.write(_diff(result.display_path, path.read_bytes(), result.new_bytes or b""))
            else:
                problem = write(result)
                if problem:
                    errors.append(problem)
    fmt = args.output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    changed_spots = _changed(args.diff_base, fmt, diagnostics)
    if args.diff_base:
        diagnostics = [d for d in diagnostics if (d.path, d.span.line) in changed_spots]
    if args.diff:
        err.write(f"Would fix {fixed} problem{'s' if fixed != 1 else ''} in {changed} file{'s' if changed != 1 else ''}.\n")
        for message in errors:
            err.write(f"tripreport-lint: error: {message}\n")
        return EXIT_ERROR if errors else (EXIT_FINDINGS if changed else EXIT_OK)
    color = fmt == "text" and out.isatty() and not os.environ.get("NO_COLOR")
    diagnostics.sort(key=lambda d: d.sort_key)
    formats = [fmt] + [spec.partition("=")[0] for spec in args.output_file]
    summary = RunSummary(tuple(r.display_path for r in results), fixed, args.fix, _rule_infos() if "sarif" in formats else {},
                         changed_spots, unchecked)
    REPORTERS[fmt](out, color=color, statistics=args.statistics, quiet=args.quiet).report(diagnostics, summary)
    for spec in args.output_file:
        name, _, target = spec.partition("=")
        try:
            with open(target, "w", encoding="utf-8") as stream:
                REPORTERS[name](stream).report(diagnostics, summary)
        except OSError as error:
            errors.append(f"--output-file {spec}: cannot write: {error.strerror or error}")
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from tripreport_lint.reporters.github import job_summary  # noqa: PLC0415

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
            stream.write(job_summary(diagnostics, len(files)))
    for message in errors:
        err.write(f"tripreport-lint: error: {message}\n")
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if diagnostics or changed else EXIT_OK


def _here(engine: Engine) -> Config:
    """The config that applies at the working directory: run-wide settings (cache folder, URL checks) come from it."""
    from tripreport_lint.paths import absolute  # noqa: PLC0415

    return engine.folder_settings(absolute(Path.cwd())).config


def _remote_checks_wanted(args: argparse.Namespace, engine: Engine, err: TextIO) -> bool:
    """--check-urls, or the config's check-urls except under pre-commit (commits stay fast and offline)."""
    config = _here(engine)
    wanted = args.check_urls or (config.check_urls and not os.environ.get("PRE_COMMIT"))
    if wanted and args.offline:
        err.write("tripreport-lint: remote link checks skipped (--offline)\n")
        return False
    return bool(wanted)


def _check_urls(args: argparse.Namespace, engine: Engine, files: list[Path]) -> dict[str, UrlStatus]:
    """The status of every external address of the files, with the settings of the config that applies here."""
    import dataclasses  # noqa: PLC0415

    from tripreport_lint.document.document import Document  # noqa: PLC0415
    from tripreport_lint.document.url_targets import url_uses  # noqa: PLC0415
    from tripreport_lint.paths import absolute, display  # noqa: PLC0415
    from tripreport_lint.remote.checker import check_urls  # noqa: PLC0415
    from tripreport_lint.remote.settings import UrlSettings  # noqa: PLC0415

    config = _here(engine)
    settings = config.rule_options.get("LNK011") or UrlSettings()
    if args.allow_private_urls or config.allow_private_urls:
        settings = dataclasses.replace(settings, allow_private=True)
    problem = settings.problem()
    if problem:
        raise InputError(f"{config.source or 'configuration'}: {problem}")
    urls: list[str] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # reported when the file is linted
        urls += [use.checked for use in url_uses(Document(absolute(path), display(path), raw))]
    return check_urls(urls, settings, engine.cache_dir)


def _cache_dir(args: argparse.Namespace, engine: Engine) -> Path:
    """--cache-dir, else the cache-dir of the config that applies here, relative to its folder."""
    if args.cache_dir is not None:
        return Path(args.cache_dir)
    config = _here(engine)
    return config.root / config.cache_dir


@contextmanager
def _progress(total: int, err: TextIO, *, enabled: bool) -> Iterator[Callable[[int], object] | None]:
    """A progress bar on the error stream for runs long enough to want one."""
    if not enabled or total < PROGRESS_MIN_FILES:
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal, for long runs

    with tqdm(total=total, unit="file", leave=False, file=err) as bar:
        yield bar.update


def _changed(base: str | None, fmt: str, diagnostics: list[Diagnostic]) -> frozenset[tuple[str, int]]:
    """(path, line) of the findings on changed lines: since ``base``, or on a GitHub pull request since
    its base branch (for ranking annotations only; a failing git then just means no ranking)."""
    from tripreport_lint.cli.git_changes import changed_lines  # noqa: PLC0415
    from tripreport_lint.paths import absolute  # noqa: PLC0415

    pull_base = os.environ.get("GITHUB_BASE_REF")
    if base is None and not (fmt == "github" and pull_base):
        return frozenset()
    try:
        lines = changed_lines(base or f"origin/{pull_base}", Path.cwd())
    except InputError:
        if base is not None:
            raise
        return frozenset()
    return frozenset((d.path, d.span.line) for d in diagnostics
                     if d.span.line in lines.get(absolute(Path(d.path)), set()))


def _rule_infos() -> dict[str, RuleInfo]:
    from tripreport_lint.reporters import RuleInfo  # noqa: PLC0415
    from tripreport_lint.rules import ALL_RULES  # noqa: PLC0415
    from tripreport_lint.rules.docs import doc_sections  # noqa: PLC0415

    return {r.code: RuleInfo(r.name, r.summary, doc_sections(r).get("What it does", "").strip()) for r in ALL_RULES}


def _add_words(engine: Engine, files: list[Path], out: TextIO, err: TextIO, errors: list[str]) -> int:
    """Collect the words of the SPL findings and add them to each config's words file."""
    from tripreport_lint.config.words import add_words  # noqa: PLC0415
    from tripreport_lint.document.lines import LineIndex  # noqa: PLC0415
    from tripreport_lint.paths import absolute  # noqa: PLC0415

    by_file: dict[Path, set[str]] = {}
    for path in files:
        result = engine.check(path)
        if result.error:
            errors.append(result.error)
        spelling = [d for d in result.diagnostics if d.code.startswith("SPL")]
        if not spelling:
            continue
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        index = LineIndex(text)
        settings = engine.folder_settings(absolute(path).parent)
        config = settings.config
        base = config.root if config.source else settings.site_root
        words = by_file.setdefault(base / config.spelling.words_file, set())
        for d in spelling:
            words.add(text[index.offset(d.span.line, d.span.column) : index.offset(d.span.end_line, d.span.end_column)])
    for words_path, words in sorted(by_file.items()):
        added = add_words(words_path, words)
        out.write(f"Added {len(added)} word{'s' if len(added) != 1 else ''} to {words_path}: {', '.join(added)}\n")
    for message in errors:
        err.write(f"tripreport-lint: error: {message}\n")
    return EXIT_ERROR if errors else EXIT_OK


def _diff(shown: str, before: bytes, after: bytes) -> str:
    """A unified diff that ``git apply`` and ``patch -p1`` apply, missing final newlines included."""
    old = before.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"):
        lines.append(line)
        if not line.endswith(("\n", "\r")):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def main() -> None:
    """The console script: a bug of ours is one line and exit 2, an interrupt exit 130, never a traceback."""
    try:
        code = run()
    except KeyboardInterrupt:
        sys.stderr.write("tripreport-lint: interrupted\n")
        code = 130
    except Exception as error:  # noqa: BLE001 - the last line of defence; rules are already wrapped
        sys.stderr.write(f"tripreport-lint: internal error: {error!r}; please report it\n")
        code = EXIT_ERROR
    sys.exit(code)
