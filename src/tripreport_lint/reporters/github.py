"""GitHub Actions workflow commands, which the runner turns into pull request annotations."""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Diagnostic, Severity
from .base import Reporter, RunSummary


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        for d in diagnostics:
            level = "error" if d.severity is Severity.ERROR else "warning"
            s = d.span
            props = (
                f"file={_escape_property(d.path)},line={s.line},col={s.column},"
                f"endLine={s.end_line},endColumn={s.end_column},title={_escape_property(d.code)}"
            )
            self.stream.write(f"::{level} {props}::{_escape_data(d.message)}\n")
