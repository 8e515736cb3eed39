"""Report a ``format`` run: the files it changed (or would), why a body was left as written, and the exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tripreport_lint.cli.report import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from tripreport_lint.cli.arguments import RunOptions
    from tripreport_lint.cli.session import Outcome

LEFT_ALONE = "FMT002"  # the finding that says why mdformat's version of a body was not used


def report_format(options: RunOptions, outcome: Outcome, out: TextIO, err: TextIO) -> int:
    """Write what ``format`` did or would do; 1 when ``--check`` or ``--diff`` finds a file to change."""
    github = options.output_format == "github"
    previewing = options.diff
    # As ruff's: the summary goes with the listing on standard output, but beside a patch on standard error.
    info = err if previewing and not options.list_changed else out
    if options.list_changed:
        for path in outcome.changed_paths:
            out.write(_annotation(path, "would be reformatted: run tripreport-lint format") if github
                      else f"Would reformat: {path}\n")
    else:
        out.writelines(outcome.diffs)
    left_alone = [d for d in outcome.diagnostics if d.code == LEFT_ALONE]
    if not options.quiet:
        for d in left_alone:
            info.write(_annotation(d.path, d.message, "notice") if github else f"{d.path}: {d.message}\n")
        info.write(_summary(len(outcome.changed_paths), outcome.unwritten, len(outcome.results), len(left_alone),
                            previewing=previewing, github=github))
    for message in outcome.errors:
        err.write(f"tripreport-lint: error: {message}\n")
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if previewing and outcome.changed_paths else EXIT_OK


def _summary(changed: int, unwritten: int, checked: int, left_alone: int, *, previewing: bool, github: bool) -> str:
    """``2 files reformatted, 1 file could not be written (...), 5 files left unchanged; ...``: on a terminal the
    reasons a body was kept are printed above it, under GitHub Actions they are notices."""
    done = "would be reformatted" if previewing else "reformatted"
    same = "already formatted" if previewing else "left unchanged"
    failed = f", {_files(unwritten)} could not be written (see the errors below)" if unwritten else ""
    line = f"{_files(changed)} {done}{failed}, {_files(checked - changed - unwritten)} {same}"
    if left_alone:
        why = "see the notices" if github else "why above"
        line += f"; {_files(left_alone)} kept {'its' if left_alone == 1 else 'their'} body as written ({why})"
    return line + ".\n"


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _annotation(path: str, message: str, level: str = "error") -> str:
    from tripreport_lint.reporters.github import escape_data, escape_property  # noqa: PLC0415

    return f"::{level} file={escape_property(path)},title=tripreport-lint format::{escape_data(message)}\n"
