"""Output formats, each checked against its schema or read back by a consumer."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from conftest import Site, run_cli

from tripreport_lint.cli import FORMATS
from tripreport_lint.diagnostics import Diagnostic, Severity, Span
from tripreport_lint.reporters import REPORTERS, RunSummary
from tripreport_lint.reporters.github import job_summary, split_annotated

SHARED = Path(__file__).resolve().parents[2] / "shared"
POST = "---\ntitle: Notes\ndate: 2024-01-01\ndraft: \"false\"\n---\n\nSee https://example.com/x and StÃ©phane.\n"


def test_every_format_has_a_reporter() -> None:
    assert set(FORMATS) == set(REPORTERS)


@pytest.mark.skipif(not (SHARED / "seed-posts").is_dir(), reason="../shared is not beside this checkout")
def test_sarif_of_the_seed_posts_validates_against_the_schema() -> None:
    result = run_cli("--output-format", "sarif", str(SHARED / "seed-posts"), cwd=SHARED)
    sarif = json.loads(result.stdout)
    schema = json.loads((SHARED / "schemas/sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["results"] and all(r["ruleId"] == run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"]
                                  for r in run["results"])
    assert any("fixes" in r for r in run["results"])


def test_several_outputs_from_one_run(site: Site) -> None:
    site.write("content/blog/a.md", POST)
    result = run_cli("--output-format", "grouped", "--output-file", "junit=report.xml",
                     "--output-file", "gitlab=gl.json", "--output-file", "rdjson=rd.json", ".", cwd=site.root)
    assert result.returncode == 1
    assert result.stdout.startswith("content/blog/a.md:\n     4:8    FM010 [*] 'draft' must be true or false")
    suite = ElementTree.parse(site.root / "report.xml").getroot().find("testsuite")
    assert suite is not None and int(suite.get("failures", "0")) == len(suite.findall("testcase/failure")) >= 3
    gitlab = json.loads((site.root / "gl.json").read_text())
    assert {issue["check_name"] for issue in gitlab} >= {"FM010", "ENC002", "LNK009"}
    assert len({issue["fingerprint"] for issue in gitlab}) == len(gitlab)
    rdjson = json.loads((site.root / "rd.json").read_text())
    mojibake = next(d for d in rdjson["diagnostics"] if d["code"]["value"] == "ENC002")
    assert mojibake["suggestions"][0]["text"] == "é" and mojibake["location"]["range"]["start"]["line"] == 7


def test_bad_output_file_spec_is_a_usage_error(site: Site) -> None:
    result = run_cli("--output-file", "xml:out", ".", cwd=site.root)
    assert result.returncode == 2 and "FORMAT=PATH" in result.stderr


def finding(line: int, severity: Severity) -> Diagnostic:
    return Diagnostic("posts/a.md", "FM010", "schema-violation", "m", Span(line, 1, line, 2), severity)


def test_github_annotates_ten_per_level_errors_first() -> None:
    findings = [finding(i, Severity.WARNING) for i in range(1, 16)] + [finding(i, Severity.ERROR) for i in range(1, 13)]
    shown, rest = split_annotated(findings)
    assert [d.severity for d in shown] == [Severity.ERROR] * 10 + [Severity.WARNING] * 10
    assert len(rest) == 7
    stream = io.StringIO()
    REPORTERS["github"](stream).report(findings, RunSummary(1, 0, False))
    lines = stream.getvalue().splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert lines[-1].startswith("::notice title=tripreport-lint::7 more findings are not annotated")


def test_changed_lines_are_annotated_first() -> None:
    findings = [finding(i, Severity.ERROR) for i in range(1, 13)] + [finding(40, Severity.WARNING)]
    shown, rest = split_annotated(findings, frozenset({("posts/a.md", 12)}))
    assert [d.span.line for d in shown] == [12, *range(1, 10), 40]
    assert [d.span.line for d in rest] == [10, 11]


def test_job_summary_is_written_under_actions(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", POST)
    summary_file = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)}
    result = run_cli(".", cwd=site.root, env=env)
    assert result.stdout.startswith("::error file=content/blog/a.md,line=4,col=8")
    text = summary_file.read_text()
    assert text.startswith("### tripreport-lint: ") and "| FM010 | schema-violation | 1 |" in text
    assert job_summary([], 3) == "### tripreport-lint\n\nNo findings in 3 files.\n"
