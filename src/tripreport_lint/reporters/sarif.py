"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Sequence
from urllib.parse import quote

from tripreport_lint import __version__
from tripreport_lint.diagnostics import Diagnostic, Severity
from tripreport_lint.reporters.base import Reporter, RunSummary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_PREFERRED_LABELS = ("source", "repository", "homepage", "home")
_GITHUB_REPOSITORY = re.compile(r"https://github\.com/[^/\s]+/[^/\s]+")


def project_url() -> str | None:
    """The project's address from its package metadata (``[project.urls]``: the source or home page
    first), or None when it gives none."""
    try:
        entries = importlib.metadata.metadata("tripreport-lint").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in entries:
        label, _, url = entry.rpartition(",")
        if url.strip():
            urls.setdefault(label.strip().lower(), url.strip().rstrip("/"))
    return next((urls[label] for label in _PREFERRED_LABELS if label in urls), next(iter(urls.values()), None))


class SarifReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        codes = sorted({d.code for d in diagnostics} | set(summary.rules))
        index = {code: i for i, code in enumerate(codes)}
        home = project_url()
        # The rule reference is docs/rules.md of the repository: an address only a GitHub repository gives.
        docs = f"{home}/blob/main/docs/rules.md" if home and _GITHUB_REPOSITORY.fullmatch(home) else None
        rules = []
        for code in codes:
            info = summary.rules.get(code)
            rule: dict[str, object] = {"id": code, "name": info.name if info else code}
            if docs:
                rule["helpUri"] = f"{docs}#{code.lower()}-{info.name}" if info else docs
            if info:
                rule["shortDescription"] = {"text": info.summary}
                rule["help"] = {"text": info.help, "markdown": info.help}
            rules.append(rule)
        results = [self._result(d, index[d.code]) for d in diagnostics]
        driver: dict[str, object] = {"name": "tripreport-lint", "version": __version__}
        if home:
            driver["informationUri"] = home
        run = {
            "tool": {"driver": {**driver, "rules": rules}},
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
                                     for e, a in zip(d.fix.edits, d.edit_spans, strict=True)],
                }],
            }]
        return result
