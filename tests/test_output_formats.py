"""Output formats, each checked against its schema or read back by a consumer."""

from __future__ import annotations

import email.message
import importlib.metadata
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import JUnitXml

from conftest import DATA, SHARED, Site, run_cli
from tripreport_lint.cli.arguments import FORMATS
from tripreport_lint.diagnostics import Diagnostic, Severity, Span
from tripreport_lint.reporters import REPORTERS, RunSummary
from tripreport_lint.reporters.base import RuleInfo
from tripreport_lint.reporters.github import job_summary, split_annotated

SCHEMAS = Path(__file__).resolve().parent / "schemas"
POST = "---\ntitle: Notes\ndate: 2024-01-01\ndraft: \"false\"\n---\n\nSee http://8.8.8.8:8080/x and StÃ©phane.\n"


def test_every_format_has_a_reporter() -> None:
    assert set(FORMATS) == set(REPORTERS)


@pytest.mark.parametrize("posts", [DATA, SHARED / "seed-posts"], ids=["tests-data", "seed-posts"])
def test_sarif_validates_against_the_oasis_schema(posts: Path) -> None:
    if not posts.is_dir():
        pytest.skip(f"{posts} is not beside this checkout")
    result = run_cli("--no-cache", "--output-format", "sarif", str(posts), cwd=posts.parent)
    assert result.returncode == 1 and result.stderr == "", result.stderr
    sarif = json.loads(result.stdout)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())  # OASIS SARIF 2.1.0 (errata 01)
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
    assert {issue["check_name"] for issue in json.loads((site.root / "gl.json").read_text())} >= {"FM010", "ENC002"}
    assert {d["code"]["value"] for d in json.loads((site.root / "rd.json").read_text())["diagnostics"]} >= {"FM010"}
    assert JUnitXml.fromfile(str(site.root / "report.xml")).failures >= 3


def test_junit_is_read_by_a_junit_consumer(site: Site) -> None:
    site.write("content/blog/a.md", POST)
    site.write("content/blog/clean.md", "---\ntitle: Clean\ndate: 2024-01-01\n---\n\nNothing to say.\n")
    result = run_cli("--output-format", "junit", ".", cwd=site.root)
    report = JUnitXml.fromstring(result.stdout.encode())
    suites = {suite.name: suite for suite in report}
    assert set(suites) == {"content/blog/a.md", "content/blog/clean.md"}
    failing = suites["content/blog/a.md"]
    cases = list(failing)
    assert failing.failures == len(cases) == report.failures >= 3
    draft = next(case for case in cases if case.name.startswith("FM010"))
    assert draft.result[0].type == "FM010" and "'draft' must be true or false" in draft.result[0].message
    assert draft.classname == "content/blog/a.md" and draft.name.endswith("at 4:8")
    clean = suites["content/blog/clean.md"]
    assert clean.tests == 1 and clean.failures == 0 and all(case.is_passed for case in clean)
    assert report.tests == len(cases) + 1


def test_gitlab_report_has_the_documented_fields_and_stable_fingerprints(site: Site) -> None:
    site.write("content/blog/a.md", POST + "\nAlso StÃ©phane.\n")
    before = json.loads(run_cli("--output-format", "gitlab", ".", cwd=site.root).stdout)
    schema = json.loads((Path(__file__).parent / "schemas/gitlab-code-quality.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(before)
    assert len({issue["fingerprint"] for issue in before}) == len(before)
    assert [issue["location"]["lines"]["begin"] for issue in before if issue["check_name"] == "ENC002"] == [7, 9]
    # A paragraph added above every finding moves them down but keeps what they are: GitLab must not
    # show them as fixed and found again.
    site.write("content/blog/a.md", POST.replace("\n\nSee", "\n\nA new opening paragraph.\n\nSee") + "\nAlso StÃ©phane.\n")
    after = json.loads(run_cli("--output-format", "gitlab", ".", cwd=site.root).stdout)
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in after if i["check_name"] == "ENC002"}
    assert moved == {i["fingerprint"]: i["location"]["lines"]["begin"] + 2 for i in before if i["check_name"] == "ENC002"}


@pytest.mark.skipif(shutil.which("rdformat-validator") is None,
                    reason="reviewdog format validator not installed (npm install @umbrelladocs/rdformat-validator)")
def test_rdjson_passes_the_reviewdog_format_validator(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", POST)
    report = tmp_path / "report.rdjson"
    report.write_text(run_cli("--output-format", "rdjson", ".", cwd=site.root).stdout)
    assert json.loads(report.read_text())["diagnostics"]
    checked = subprocess.run(["rdformat-validator", "--strict", "--no-extra-fields", "--format", "json", str(report)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and json.loads(checked.stdout)["totalErrors"] == 0, checked.stdout


def _apply_suggestions(raw: bytes, diagnostics: list[dict[str, Any]]) -> bytes:
    """Apply rdjson suggestions as reviewdog does: columns are UTF-8 bytes, ends exclusive."""
    starts = [0] + [i + 1 for i, byte in enumerate(raw) if byte == ord("\n")]
    edits = []
    for diagnostic in diagnostics:
        for s in diagnostic.get("suggestions", []):
            start, end = s["range"]["start"], s["range"]["end"]
            edits.append((starts[start["line"] - 1] + start["column"] - 1, starts[end["line"] - 1] + end["column"] - 1,
                          s["text"].encode()))
    for begin, end, text in sorted(edits, reverse=True):
        raw = raw[:begin] + text + raw[end:]
    return raw


def test_rdjson_suggestions_land_on_the_right_bytes_after_non_ascii_text(site: Site) -> None:
    site.write("content/blog/a.md", "---\ntitle: Café talk\ndate: 2024-01-01\n---\n\n"
                                    "Un café über alles with StÃ©phane and FranÃ§ois.\n")
    report = json.loads(run_cli("--output-format", "rdjson", "--select", "ENC002", ".", cwd=site.root).stdout)
    assert [d["location"]["range"]["start"] for d in report["diagnostics"]] == [
        {"line": 6, "column": 29}, {"line": 6, "column": 47}]
    suggested = _apply_suggestions((site.root / "content/blog/a.md").read_bytes(), report["diagnostics"])
    assert run_cli("--fix", "--select", "ENC002", ".", cwd=site.root).stdout.startswith("Fixed 2 problems")
    assert suggested == (site.root / "content/blog/a.md").read_bytes()
    assert "Stéphane and François".encode() in suggested


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
    REPORTERS["github"](stream).report(findings, RunSummary(("post.md",), 0, False))
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
    three = RunSummary(("a.md", "b.md", "c.md"), 0, False)
    assert job_summary([], three) == "### tripreport-lint\n\nAll checks passed (3 files).\n"


def test_job_summary_says_what_could_not_be_checked() -> None:
    assert job_summary([], RunSummary((), 0, False, missing=1)) == \
        "### tripreport-lint\n\nNothing checked: 1 path not found (see the errors below).\n"
    two = RunSummary(("a.md", "b.md"), 0, False, unchecked=1)
    assert job_summary([], two) == \
        "### tripreport-lint\n\nNo problems found in 1 file, but 1 file could not be checked (see the errors below).\n"
    found = [Diagnostic("a.md", "LNK010", "image-alt", "an image without alt text", Span(3, 1, 3, 9), Severity.WARNING)]
    assert job_summary(found, two).startswith(
        "### tripreport-lint: 1 finding in 1 file\n\n1 file could not be checked (see the errors below).\n\n| rule |")


def test_job_summary_shows_messages_and_paths_as_written() -> None:
    span = Span(3, 1, 3, 9)
    found = [Diagnostic("posts/a|b.md", "LNK010", "image-alt", "an <img> without alt & *no* [text]", span,
                        Severity.WARNING),
             Diagnostic("posts/`odd`.md", "LNK010", "image-alt", "a line\nbreak", span, Severity.WARNING)]
    text = job_summary(found, RunSummary(tuple(f"{n}.md" for n in range(120)), 0, False))
    assert text.startswith("### tripreport-lint: 2 findings in 2 files (120 checked)\n")
    assert "| `posts/a\\|b.md` | 1 |" in text
    assert "- `posts/a|b.md:3:1` LNK010 an &lt;img&gt; without alt &amp; \\*no\\* \\[text\\]\n" in text
    assert "- `` posts/`odd`.md:3:1 `` LNK010 a line break\n" in text


def _metadata(*project_urls: str) -> email.message.Message:
    found = email.message.Message()
    found["Name"] = "tripreport-lint"
    for url in project_urls:
        found["Project-URL"] = url
    return found


def _sarif_and_rdjson() -> tuple[dict[str, Any], dict[str, Any]]:
    summary = RunSummary(("posts/a.md",), 0, False, {"FM010": RuleInfo("schema-violation", "Front matter breaks the schema.", "h")})
    reports = []
    for name in ("sarif", "rdjson"):
        stream = io.StringIO()
        REPORTERS[name](stream).report([finding(3, Severity.ERROR)], summary)
        reports.append(json.loads(stream.getvalue()))
    return reports[0], reports[1]


def test_sarif_and_rdjson_link_to_the_project_its_metadata_names(monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[str] = []

    def metadata(name: str) -> email.message.Message:
        lookups.append(name)
        return _metadata("Changelog, https://github.com/acme/tripreport-lint/releases",
                         "Source, https://github.com/acme/tripreport-lint")

    monkeypatch.setattr(importlib.metadata, "metadata", metadata)
    sarif, rdjson = _sarif_and_rdjson()
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://github.com/acme/tripreport-lint"
    assert driver["rules"][0]["helpUri"] == (
        "https://github.com/acme/tripreport-lint/blob/main/docs/rules.md#fm010-schema-violation")
    assert rdjson["source"] == {"name": "tripreport-lint", "url": "https://github.com/acme/tripreport-lint"}
    assert lookups and set(lookups) == {"tripreport-lint"}


def test_sarif_and_rdjson_leave_the_links_out_when_the_metadata_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: _metadata())
    sarif, rdjson = _sarif_and_rdjson()
    driver = sarif["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and "helpUri" not in driver["rules"][0]
    assert rdjson["source"] == {"name": "tripreport-lint"}
    assert "OWNER" not in json.dumps(sarif) + json.dumps(rdjson)


def test_other_formats_do_not_look_the_project_up(monkeypatch: pytest.MonkeyPatch) -> None:
    def metadata(name: str) -> email.message.Message:
        raise AssertionError("package metadata read for a format that does not show it")

    monkeypatch.setattr(importlib.metadata, "metadata", metadata)
    for name in ("text", "json", "github", "junit", "gitlab", "grouped"):
        REPORTERS[name](io.StringIO()).report([finding(3, Severity.ERROR)], RunSummary(("posts/a.md",), 0, False))


def test_full_shows_the_source_line_a_marker_and_the_fix(site: Site) -> None:
    site.write("content/blog/post.md", POST)
    result = run_cli("--no-cache", "--output-format", "full", "--select", "FM010,ENC002", ".", cwd=site.root)
    assert result.returncode == 1, result.stderr
    assert (
        "content/blog/post.md:4:8: FM010 schema-violation [*] 'draft' must be true or false, got the string "
        "\"false\": write false without quotes\n"
        "  |\n"
        "4 | draft: \"false\"\n"
        "  |        ^^^^^^^\n"
        "  = fix (safe): write false\n"
        "  - draft: \"false\"\n"
        "  + draft: false\n"
    ) in result.stdout
    assert "7 | See http://8.8.8.8:8080/x and StÃ©phane.\n  |" + " " * 33 + "^^\n" in result.stdout
    assert "  - See http://8.8.8.8:8080/x and StÃ©phane.\n  + See http://8.8.8.8:8080/x and Stéphane.\n" in result.stdout
    assert result.stdout.rstrip().endswith("2 fixable with --fix ([*]).")


def test_full_shows_a_long_line_around_the_finding_only(site: Site) -> None:
    words = " ".join(f"word{n}" for n in range(40))
    site.write("content/blog/post.md", f"---\ntitle: Long\ndate: 2024-03-05\n---\n\n{words} Teh {words}\n")
    result = run_cli("--no-cache", "--output-format", "full", "--select", "SPL001", ".", cwd=site.root)
    before, after = "…rd34 word35 word36 word37 word38 word39 ", " word0 word1 word2 word3 word4 word5 wor…"  # 40 a side
    assert f"6 | {before}Teh{after}\n  | {' ' * 41}^^^\n" in result.stdout
    assert f"  - {before}Teh{after}\n  + {before}The{after}\n" in result.stdout


def test_full_shows_the_lines_a_fix_deletes(site: Site) -> None:
    site.write("content/blog/post.md", "---\ntitle: Booth notes\ndate: 2024-03-05\n---\n\n# Booth notes\n\nA long day.\n")
    site.write("content/blog/last.md", "---\ntitle: Last day\ndate: 2024-03-06\n---\n\nGoodbye.")
    result = run_cli("--no-cache", "--output-format", "full", "--select", "HDG001,ENC007", ".", cwd=site.root)
    assert "  = fix (safe): remove the heading\n  - # Booth notes\n  -\n\n" in result.stdout
    assert "  = fix (safe): add a line break\n\n" in result.stdout  # no line of the file is deleted: no diff
