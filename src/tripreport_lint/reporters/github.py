"""GitHub Actions: workflow commands the runner turns into pull request annotations, and a job summary.

GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently, so
findings are ranked (errors first), the first ones annotated, the rest printed as plain log lines and
counted in a notice and in the job summary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tripreport_lint.diagnostics import Diagnostic, Severity
from tripreport_lint.reporters.base import Reporter, RunSummary
from tripreport_lint.reporters.text import TextReporter, unchecked_note

PER_LEVEL = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _markdown(text: str) -> str:
    """Text shown as written in GitHub Markdown: HTML as entities, Markdown punctuation escaped, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)
    return " ".join(text.splitlines())


def _code(text: str, *, cell: bool = False) -> str:
    """A code span showing ``text`` as written, backticks included; in a table ``cell``, pipes escaped."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if "`" in text else ""
    span = f"{fence}{pad}{' '.join(text.splitlines())}{pad}{fence}"
    return span.replace("|", "\\|") if cell else span


def ranked(diagnostics: Sequence[Diagnostic], changed: frozenset[tuple[str, int]] = frozenset()) -> list[Diagnostic]:
    """Findings on changed lines first, then errors before warnings, then by file and line."""
    return sorted(diagnostics, key=lambda d: ((d.path, d.span.line) not in changed,
                                              d.severity is not Severity.ERROR, d.sort_key))


def split_annotated(diagnostics: Sequence[Diagnostic],
                    changed: frozenset[tuple[str, int]] = frozenset()) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The findings GitHub will show as annotations, and the ones it would drop."""
    shown, rest, used = [], [], Counter[Severity]()
    for d in ranked(diagnostics, changed):
        if used[d.severity] < PER_LEVEL:
            used[d.severity] += 1
            shown.append(d)
        else:
            rest.append(d)
    return shown, rest


class GithubReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        shown, rest = split_annotated(diagnostics, summary.changed)
        for d in shown:
            level = "error" if d.severity is Severity.ERROR else "warning"
            s = d.span
            props = (
                f"file={escape_property(d.path)},line={s.line},col={s.column},"
                f"endLine={s.end_line},endColumn={s.end_column},title={escape_property(d.code)}"
            )
            self.stream.write(f"::{level} {props}::{escape_data(d.message)}\n")
        for d in rest:
            self.stream.write(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} {d.message}\n")
        if rest:
            self.stream.write(
                f"::notice title=tripreport-lint::{len(rest)} more findings are not annotated (GitHub shows "
                f"{PER_LEVEL} per level and step): they are listed in this log and in the job summary\n"
            )


def job_summary(diagnostics: Sequence[Diagnostic], summary: RunSummary, first: int = 20) -> str:
    """A Markdown job summary: findings per rule and per file, the first findings, what was not annotated;
    what could not be checked (the Action adds the errors after it)."""
    if not diagnostics:
        return f"### tripreport-lint\n\n{_markdown(TextReporter.summary_line([], summary))}\n"
    checked = summary.files - summary.unchecked
    flagged = len({d.path for d in diagnostics})
    where = f"{flagged} file{'s' if flagged != 1 else ''}" + (f" ({checked} checked)" if flagged != checked else "")
    count = len(diagnostics)
    lines = [f"### tripreport-lint: {count} finding{'s' if count != 1 else ''} in {where}", ""]
    if unchecked := unchecked_note(summary):
        lines += [_markdown(unchecked[0].upper() + unchecked[1:] + "."), ""]
    lines += ["| rule | name | findings |", "| --- | --- | ---: |"]
    by_rule = Counter((d.code, d.name) for d in diagnostics)
    lines += [f"| {code} | {name} | {count} |" for (code, name), count in sorted(by_rule.items())]
    lines += ["", "| file | findings |", "| --- | ---: |"]
    lines += [f"| {_code(path, cell=True)} | {count} |" for path, count in Counter(d.path for d in diagnostics).most_common(first)]
    lines += ["", f"First {min(first, len(diagnostics))} findings:", ""]
    lines += [f"- {_code(f'{d.path}:{d.span.line}:{d.span.column}')} {d.code} {_markdown(d.message)}"
              for d in ranked(diagnostics)[:first]]
    rest = split_annotated(diagnostics)[1]
    if rest:
        lines += ["", f"{len(rest)} findings were not annotated: GitHub shows {PER_LEVEL} per level and step."]
    return "\n".join(lines) + "\n"
