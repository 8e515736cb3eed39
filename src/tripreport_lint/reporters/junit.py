"""JUnit XML for CI dashboards: a test suite per file, a failing test case per finding, and one
passing test case for a file without findings (so dashboards count clean files too)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from xml.etree import ElementTree

from tripreport_lint.diagnostics import Diagnostic
from tripreport_lint.reporters.base import Reporter, RunSummary


class JunitReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        by_path = {path: list(group) for path, group in groupby(diagnostics, key=lambda d: d.path)}
        root = ElementTree.Element("testsuites", name="tripreport-lint", tests="0", failures=str(len(diagnostics)))
        cases = 0
        for path in sorted(set(summary.paths) | set(by_path)):
            findings = by_path.get(path, [])
            suite = ElementTree.SubElement(root, "testsuite", name=path, tests=str(max(len(findings), 1)),
                                           failures=str(len(findings)), errors="0", skipped="0")
            for d in findings:
                case = ElementTree.SubElement(suite, "testcase", name=f"{d.code} ({d.name}) at {d.span.line}:{d.span.column}",
                                              classname=path, file=path, line=str(d.span.line))
                failure = ElementTree.SubElement(case, "failure", type=d.code, message=d.message)
                failure.text = f"{path}:{d.span.line}:{d.span.column}: {d.code} {d.message}"
            if not findings:
                ElementTree.SubElement(suite, "testcase", name="tripreport-lint", classname=path, file=path)
            cases += max(len(findings), 1)
        root.set("tests", str(cases))
        self.stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
