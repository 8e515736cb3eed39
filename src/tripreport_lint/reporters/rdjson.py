"""reviewdog's rdjson, with fixes as suggestions reviewdog can post on a pull request."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..diagnostics import Diagnostic, Severity
from .base import Reporter, RunSummary


class RdjsonReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        found = []
        for d in diagnostics:
            s = d.span
            entry: dict[str, object] = {
                "message": d.message,
                "location": {"path": d.path, "range": {"start": {"line": s.line, "column": s.column},
                                                       "end": {"line": s.end_line, "column": s.end_column}}},
                "severity": "ERROR" if d.severity is Severity.ERROR else "WARNING",
                "code": {"value": d.code},
            }
            if d.fix is not None and d.fix.edits and d.edit_spans:
                entry["suggestions"] = [{"range": {"start": {"line": a.line, "column": a.column},
                                                   "end": {"line": a.end_line, "column": a.end_column}},
                                         "text": e.content} for e, a in zip(d.fix.edits, d.edit_spans)]
            found.append(entry)
        source = {"name": "tripreport-lint", "url": "https://github.com/OWNER/tripreport-lint"}
        json.dump({"source": source, "severity": "WARNING", "diagnostics": found}, self.stream, indent=2,
                  ensure_ascii=False)
        self.stream.write("\n")
