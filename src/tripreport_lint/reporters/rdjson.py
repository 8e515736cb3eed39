"""reviewdog's rdjson, with fixes as suggestions reviewdog can post on a pull request.

Columns are counted in UTF-8 bytes and ranges end before their end column, as reviewdog's format says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tripreport_lint.diagnostics import Diagnostic, Severity, Span
from tripreport_lint.reporters.base import Reporter, RunSummary
from tripreport_lint.reporters.sarif import project_url


def _range(span: Span) -> dict[str, object]:
    return {"start": {"line": span.line, "column": span.column}, "end": {"line": span.end_line, "column": span.end_column}}


class RdjsonReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        found = []
        for d in diagnostics:
            span, *edit_spans = d.utf8_spans or (d.span, *d.edit_spans)
            entry: dict[str, object] = {
                "message": d.message,
                "location": {"path": d.path, "range": _range(span)},
                "severity": "ERROR" if d.severity is Severity.ERROR else "WARNING",
                "code": {"value": d.code},
            }
            if d.fix is not None and edit_spans:
                entry["suggestions"] = [{"range": _range(a), "text": e.content} for e, a in zip(d.fix.edits, edit_spans, strict=True)]
            found.append(entry)
        home = project_url()
        source = {"name": "tripreport-lint", **({"url": home} if home else {})}
        json.dump({"source": source, "severity": "WARNING", "diagnostics": found}, self.stream, indent=2,
                  ensure_ascii=False)
        self.stream.write("\n")
