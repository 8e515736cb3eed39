"""JUnit XML: one test case per file, one failure per finding, for CI dashboards."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from xml.etree import ElementTree

from ..diagnostics import Diagnostic
from .base import Reporter, RunSummary


class JunitReporter(Reporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        root = ElementTree.Element("testsuites")
        suite = ElementTree.SubElement(root, "testsuite", name="tripreport-lint", tests=str(max(summary.files, 1)),
                                       failures=str(len(diagnostics)), errors="0")
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            findings = list(group)
            case = ElementTree.SubElement(suite, "testcase", name=path, classname="tripreport-lint")
            for d in findings:
                failure = ElementTree.SubElement(case, "failure", type=d.code,
                                                 message=f"{d.span.line}:{d.span.column} {d.message}")
                failure.text = f"{path}:{d.span.line}:{d.span.column}: {d.code} {d.message}"
        passed = summary.files - len({d.path for d in diagnostics})
        if passed > 0:
            ElementTree.SubElement(suite, "testcase", name=f"{passed} files without findings",
                                   classname="tripreport-lint")
        self.stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
