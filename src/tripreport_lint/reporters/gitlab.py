"""GitLab Code Quality report: a JSON array of Code Climate issues with stable fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from tripreport_lint.diagnostics import Diagnostic, Severity
from tripreport_lint.reporters.base import Reporter, RunSummary

# Code Climate categories by rule family.
CATEGORIES = {"ENC": "Bug Risk", "MKP": "Bug Risk", "FM": "Bug Risk", "LNK": "Bug Risk", "CMT": "Clarity", "SPL": "Clarity",
              "HDG": "Style", "FMT": "Style"}


class GitlabReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        issues = []
        seen: Counter[tuple[str, str, str]] = Counter()
        for d in diagnostics:
            # GitLab compares fingerprints of the base and the merge request to tell new findings from
            # fixed ones, so a fingerprint leaves out the line: an edit above a finding must not renew it.
            seen[d.path, d.code, d.message] += 1
            key = "\0".join((d.path, d.code, d.message, str(seen[d.path, d.code, d.message])))
            issues.append({
                "type": "issue",
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "categories": [CATEGORIES.get(d.code.rstrip("0123456789"), "Bug Risk")],
                "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {"path": d.path, "lines": {"begin": d.span.line, "end": d.span.end_line}},
            })
        json.dump(issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
