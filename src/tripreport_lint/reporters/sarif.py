"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import quote

from tripreport_lint import __version__
from tripreport_lint.diagnostics import Diagnostic, Severity
from tripreport_lint.reporters.base import Reporter, RunSummary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS = "https://github.com/OWNER/tripreport-lint/blob/main/docs/rules.md"


class SarifReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        codes = sorted({d.code for d in diagnostics} | set(summary.rules))
        index = {code: i for i, code in enumerate(codes)}
        rules = []
        for code in codes:
            info = summary.rules.get(code)
            rule: dict[str, object] = {"id": code, "name": info.name if info else code, "helpUri": f"{DOCS}#{code.lower()}"}
            if info:
                rule["shortDescription"] = {"text": info.summary}
                rule["help"] = {"text": info.help, "markdown": info.help}
            rules.append(rule)
        results = [self._result(d, index[d.code]) for d in diagnostics]
        run = {
            "tool": {"driver": {"name": "tripreport-lint", "version": __version__, "informationUri": DOCS,
                                "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }
        json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, self.stream, indent=2)
        self.stream.write("\n")

    @staticmethod
    def _result(d: Diagnostic, rule_index: int) -> dict[str, object]:
        region = {"startLine": d.span.line, "startColumn": d.span.column,
                  "endLine": d.span.end_line, "endColumn": max(d.span.end_column, d.span.column)}
        result: dict[str, object] = {
            "ruleId": d.code,
            "ruleIndex": rule_index,
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(d.path)}, "region": region}}],
        }
        if d.fix is not None and d.edit_spans:
            result["fixes"] = [{
                "description": {"text": d.fix.description or "fix"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": quote(d.path)},
                    "replacements": [{"deletedRegion": {"startLine": a.line, "startColumn": a.column,
                                                        "endLine": a.end_line, "endColumn": a.end_column},
                                      "insertedContent": {"text": e.content}}
                                     for e, a in zip(d.fix.edits, d.edit_spans)],
                }],
            }]
        return result
