"""Findings under each file, as people read them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from tripreport_lint.diagnostics import Diagnostic
from tripreport_lint.reporters.base import Reporter, RunSummary
from tripreport_lint.reporters.text import TextReporter


class GroupedReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            self.stream.write(f"{path}:\n")
            for d in group:
                mark = " [*]" if d.fixable else ""
                self.stream.write(f"  {d.span.line:>4}:{d.span.column:<4} {d.code}{mark} {d.message}\n")
            self.stream.write("\n")
        if not self.quiet:
            self.stream.write(TextReporter.summary_line(diagnostics, summary) + "\n")
