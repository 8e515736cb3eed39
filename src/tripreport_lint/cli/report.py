"""Report a run's outcome: the findings in the chosen format, the extra output files, GitHub's job
summary, the errors met; and the exit code."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from tripreport_lint.reporters import REPORTERS, RuleInfo, RunSummary

if TYPE_CHECKING:
    from tripreport_lint.cli.arguments import RunOptions
    from tripreport_lint.cli.session import Outcome

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def report(options: RunOptions, outcome: Outcome, out: TextIO, err: TextIO) -> int:
    """Write what the run found and return its exit code."""
    errors = list(outcome.errors)
    if options.diff:
        out.writelines(outcome.diffs)
        fixed, changed = outcome.fixed, outcome.changed
        if not options.quiet:
            err.write(f"Would fix {fixed} problem{'s' if fixed != 1 else ''} in {changed} "
                      f"file{'s' if changed != 1 else ''}.\n")
        return _errors(errors, err) or (EXIT_FINDINGS if changed else EXIT_OK)
    fmt = options.output_format
    color = fmt == "text" and out.isatty() and not os.environ.get("NO_COLOR")
    formats = [fmt, *(name for name, _ in options.output_files)]
    summary = RunSummary(tuple(r.display_path for r in outcome.results), outcome.fixed, options.fix,
                         _rule_infos() if "sarif" in formats else {}, outcome.changed_spots, outcome.unchecked,
                         options.unsafe_fixes, outcome.missing)
    diagnostics = outcome.diagnostics
    REPORTERS[fmt](out, color=color, statistics=options.statistics, quiet=options.quiet).report(diagnostics, summary)
    for name, target in options.output_files:
        try:
            with open(target, "w", encoding="utf-8") as stream:
                REPORTERS[name](stream).report(diagnostics, summary)
        except OSError as error:
            errors.append(f"--output-file {name}={target}: cannot write: {error.strerror or error}")
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from tripreport_lint.reporters.github import job_summary  # noqa: PLC0415

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
            stream.write(job_summary(diagnostics, summary))
    if code := _errors(errors, err):
        return code
    if options.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if diagnostics else EXIT_OK  # as ruff: a file --fix rewrote is no failure of ours


def _errors(errors: list[str], err: TextIO) -> int:
    for message in errors:
        err.write(f"tripreport-lint: error: {message}\n")
    return EXIT_ERROR if errors else EXIT_OK


def _rule_infos() -> dict[str, RuleInfo]:
    from tripreport_lint.rules import ALL_RULES  # noqa: PLC0415
    from tripreport_lint.rules.docs import doc_sections  # noqa: PLC0415

    return {r.code: RuleInfo(r.name, r.summary, doc_sections(r).get("What it does", "").strip()) for r in ALL_RULES}
