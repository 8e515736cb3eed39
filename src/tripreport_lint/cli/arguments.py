"""The command line's arguments, and the options of a run they give (checked before anything runs)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from tripreport_lint import __version__
from tripreport_lint.errors import InputError

FORMATS = ("text", "full", "json", "github", "sarif", "junit", "gitlab", "rdjson", "grouped")
# What ``format`` runs: the normalisation rules, whose fixes it applies; FMT002 says why a body was left alone.
FORMAT_RULES = ("FMT001", "FMT002", "ENC006", "ENC007", "ENC008")
SUBCOMMANDS = ("check", "format", "rule")


class UsageError(Exception):
    """Arguments argparse refused; the message says which."""


class RunOptions(NamedTuple):
    """What one run is asked to do."""

    paths: tuple[Path, ...] = (Path("."),)
    command: str = "check"  # or "format"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    list_changed: bool = False  # format --check: list the files that would change, not their diff
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    output_format: str = "text"
    output_files: tuple[tuple[str, str], ...] = ()  # (format, path as given)
    diff_base: str | None = None
    jobs: int | None = None
    cache: bool = True
    cache_dir: Path | None = None
    progress: bool = True
    check_urls: bool = False
    offline: bool = False
    allow_private_urls: bool = False
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False
    add_words: bool = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter at every add_argument, each asking shutil (~1.5 ms to import) for the width.
        return argparse.HelpFormatter(prog=self.prog, width=_terminal_columns() - 2)


@cache
def _terminal_columns() -> int:
    """The terminal's width as shutil.get_terminal_size finds it: $COLUMNS, else standard output's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _codes(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``check``, which ``tripreport-lint [PATHS]`` means too."""
    parser = _Parser(prog="tripreport-lint", description="Lint and fix the Markdown posts of a blog.",
                     epilog="Commands: 'tripreport-lint [check] [PATHS]' reports defects (this help); "
                            "'tripreport-lint format [PATHS]' normalises the posts (format --help); "
                            "'tripreport-lint rule CODE-OR-NAME' prints one rule's documentation. A folder named "
                            "like a command is given as ./check, ./format or ./rule.")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: .)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print the diff --fix would apply; change nothing")
    parser.add_argument("--select", type=_codes, help="comma-separated rule codes, prefixes or names to run")
    parser.add_argument("--extend-select", type=_codes, default=(), help="rules to add to the selection")
    parser.add_argument("--ignore", type=_codes, default=(), help="rules to turn off")
    parser.add_argument("--config", type=Path, help="config file to use instead of searching for one")
    parser.add_argument("--output-format", choices=FORMATS,
                        help="text (default), full (each finding with its source line and fix), github "
                             "(default under GitHub Actions), json, sarif, junit, gitlab, rdjson or grouped")
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
    parser.add_argument("--show-site", action="store_true",
                        help="print, for each site the paths reach, how it renders its posts (the generator, the "
                             "settings read and from which file, what they change in the rules) and exit")
    parser.add_argument("--add-words", action="store_true",
                        help="add the words of the possible-typo (SPL002) findings to the project's words file, "
                             "never a known misspelling (SPL001)")
    parser.add_argument("--version", action="version", version=f"tripreport-lint {__version__}")
    return parser


def build_format_parser() -> argparse.ArgumentParser:
    """The parser of ``format``: normalise in place, or say what would change."""
    parser = _Parser(prog="tripreport-lint format",
                     description="Normalise the Markdown posts of a blog in place: the body as mdformat writes it "
                                 "(only where the page renders the same), no trailing whitespace, a final newline, "
                                 "one line ending style. Front matter is never reformatted.")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to format (default: .)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; list the files that would change and exit 1 if there are any")
    mode.add_argument("--diff", action="store_true", help="change nothing; print the diff formatting would apply")
    parser.add_argument("--config", type=Path, help="config file to use instead of searching for one")
    parser.add_argument("--output-format", choices=("text", "github"),
                        help="text (default), or github (annotations; default under GitHub Actions)")
    parser.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                        help="format on N processes (default: one per core; 1 for none)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    parser.add_argument("--cache-dir", type=Path, metavar="DIR", help="folder of the results cache")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print only the files that would change (--check) or the diff (--diff)")
    return parser


def format_options(args: argparse.Namespace) -> RunOptions:
    """The options of a ``format`` run: the normalisation rules' fixes, applied or (--check, --diff) previewed."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    return RunOptions(
        paths=tuple(args.paths) or (Path("."),), command="format", fix=not (args.check or args.diff),
        diff=args.check or args.diff, select=FORMAT_RULES, config=args.config,
        output_format=args.output_format or ("github" if github else "text"), jobs=args.jobs,
        cache=not args.no_cache, cache_dir=args.cache_dir, progress=not args.no_progress, quiet=args.quiet,
        list_changed=args.check,
    )


def run_options(args: argparse.Namespace) -> RunOptions:
    """The options of a run from parsed arguments; InputError for a value no run can use."""
    from tripreport_lint.rules import did_you_mean, resolve  # noqa: PLC0415 - the registry imports every rule

    outputs = []
    for spec in args.output_file:
        name, equals, target = spec.partition("=")
        if not equals or name not in FORMATS or not target:
            raise InputError(f"--output-file takes FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}, got {spec!r}")
        outputs.append((name, target))
    for option in ("select", "extend_select", "ignore"):
        for word in getattr(args, option) or ():
            if not resolve(word):
                flag = "--" + option.replace("_", "-")
                hint = did_you_mean(word) or "see tripreport-lint --show-rules"
                raise InputError(f"unknown rule code or name '{word}' in {flag} ({hint})")
    default_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return RunOptions(
        paths=tuple(args.paths) or (Path("."),), fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff,
        # --add-words collects the words of the spelling findings: the spelling rules, unless told otherwise.
        select=args.select if args.select is not None or not args.add_words else ("SPL",),
        extend_select=args.extend_select, ignore=args.ignore, config=args.config,
        output_format=args.output_format or default_format, output_files=tuple(outputs), diff_base=args.diff_base,
        jobs=args.jobs, cache=not args.no_cache, cache_dir=args.cache_dir, progress=not args.no_progress,
        check_urls=args.check_urls, offline=args.offline, allow_private_urls=args.allow_private_urls,
        statistics=args.statistics, exit_zero=args.exit_zero, quiet=args.quiet, add_words=args.add_words,
    )


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parsed arguments; UsageError for arguments argparse refuses, SystemExit for --help and --version."""
    return build_parser().parse_args(argv)
