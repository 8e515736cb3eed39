"""Machine-readable output: a JSON array of diagnostics."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

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
                "fix": _fix(d),
            }
            for d in diagnostics
        ]
        json.dump(rows, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


def _fix(d: Diagnostic) -> dict[str, Any] | None:
    """The fix a finding offers, as ruff's JSON gives it: whether ``--fix`` applies it (``safe``) or only
    ``--unsafe-fixes`` does, what it does, and its edits (the text that replaces each range)."""
    if d.fix is None:
        return None
    edits = [{"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column,
              "content": edit.content} for span, edit in zip(d.edit_spans, d.fix.edits, strict=False)]
    return {"applicability": d.fix.applicability.value, "message": d.fix.description, "edits": edits}
