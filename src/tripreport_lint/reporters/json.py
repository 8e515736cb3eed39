"""Machine-readable output: a JSON array of diagnostics."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tripreport_lint.diagnostics import Diagnostic
from tripreport_lint.reporters.base import Reporter, RunSummary


class JsonReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        rows = [
            {
                "path": d.path,
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "code": d.code,
                "name": d.name,
                "message": d.message,
                "severity": d.severity.value,
                "fixable": d.fixable,
            }
            for d in diagnostics
        ]
        json.dump(rows, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
