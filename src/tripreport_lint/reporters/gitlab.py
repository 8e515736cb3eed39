"""GitLab Code Quality report (a JSON array of issues with stable fingerprints)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..diagnostics import Diagnostic, Severity
from .base import Reporter, RunSummary


class GitlabReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        issues = []
        for d in diagnostics:
            key = f"{d.path}:{d.code}:{d.span.line}:{d.span.column}:{d.message}"
            issues.append({
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {"path": d.path, "lines": {"begin": d.span.line, "end": d.span.end_line}},
            })
        json.dump(issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
