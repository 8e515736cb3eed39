"""The command line end to end, in a subprocess: exit codes, output formats, errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import Site, console_script, run_cli
from tripreport_lint import __version__
from tripreport_lint.cli.command import run
from tripreport_lint.diagnostics import Diagnostic, Severity, Span
from tripreport_lint.reporters import REPORTERS, RunSummary
from tripreport_lint.rules.front_matter.dates import InvalidDate

BAD = "---\ntitle: Meetup recap\ndate: 2024-03-05\ndraft: \"false\"\n---\n\nPizza and talks.\n"
GOOD = "---\ntitle: Booth notes\ndate: 2024-03-05\n---\n\nPizza and talks.\n"


def test_exit_codes(site: Site) -> None:
    site.write("content/blog/good.md", GOOD)
    assert run_cli("content", cwd=site.root).returncode == 0
    site.write("content/blog/bad.md", BAD)
    result = run_cli("content", cwd=site.root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "content/blog/bad.md:4:8: FM010 [*] 'draft' must be true or false, got the string \"false\": "
        "write false without quotes"
    )
    assert result.stdout.splitlines()[-1] == "Found 1 problem in 1 file (2 checked); 1 fixable with --fix ([*])."
    assert run_cli("--exit-zero", "content", cwd=site.root).returncode == 0
    # As ruff: a --fix that leaves nothing to report exits 0 (pre-commit still fails a hook that changed a file).
    fixed = run_cli("--fix", "content", cwd=site.root)
    assert (fixed.returncode, fixed.stdout) == (0, "Fixed 1 problem; All checks passed (2 files).\n")


def test_findings_in_several_files_are_counted_by_file(site: Site) -> None:
    site.write("content/blog/a.md", BAD)
    site.write("content/blog/b.md", BAD.replace("draft", "toc").replace("Meetup recap", "Speaker dinner"))
    site.write("content/blog/good.md", GOOD)
    result = run_cli("content/blog/a.md", "content/blog/b.md", cwd=site.root)
    assert result.stdout.splitlines()[-1] == "Found 2 problems in 2 files; 2 fixable with --fix ([*])."
    result = run_cli("content", cwd=site.root)
    assert result.stdout.splitlines()[-1] == "Found 2 problems in 2 files (3 checked); 2 fixable with --fix ([*])."


def test_json_output(site: Site) -> None:
    site.write("content/blog/bad.md", BAD)
    rows = json.loads(run_cli("--output-format", "json", ".", cwd=site.root).stdout)
    assert rows == [{
        "path": "content/blog/bad.md", "line": 4, "column": 8, "end_line": 4, "end_column": 15,
        "code": "FM010", "name": "schema-violation",
        "message": "'draft' must be true or false, got the string \"false\": write false without quotes",
        "severity": "error", "fixable": True,
        "fix": {"applicability": "safe", "message": "write false",
                "edits": [{"line": 4, "column": 8, "end_line": 4, "end_column": 15, "content": "false"}]},
    }]
    site.write("content/blog/other.md", "---\ntitle: Other\ndate: 2024-03-06\n---\n\nMore notes.\n\n<!-- draft: cut -->\n")
    [row] = json.loads(run_cli("--output-format", "json", "content/blog/other.md", cwd=site.root).stdout)
    assert (row["code"], row["fixable"], row["fix"]["applicability"]) == ("CMT001", False, "unsafe")


def test_github_output_is_the_default_under_actions(site: Site) -> None:
    site.write("content/blog/bad.md", BAD.replace("title: Meetup recap", "title: Meetup, recap: 50% pizza"))
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = run_cli(".", cwd=site.root, env=env)
    assert result.stdout.splitlines() == [
        "::error file=content/blog/bad.md,line=2,col=21,endLine=2,endColumn=21,title=FM004::"
        "YAML syntax error: mapping values are not allowed in this context: fix the front matter so it parses"
    ]


def test_statistics_and_quiet(site: Site) -> None:
    site.write("content/blog/a.md", BAD)
    site.write("content/blog/b.md", BAD.replace("draft", "toc").replace("Meetup recap", "Speaker dinner"))
    result = run_cli("--statistics", ".", cwd=site.root)
    assert result.stdout.splitlines()[0] == "     2  FM010   schema-violation [*]"
    quiet = run_cli("-q", ".", cwd=site.root)
    assert len(quiet.stdout.splitlines()) == 2


def test_select_and_ignore_on_the_command_line(site: Site) -> None:
    site.write("content/blog/a.md", BAD)
    assert run_cli("--ignore", "FM010", ".", cwd=site.root).returncode == 0
    assert run_cli("--select", "FM02,FM03", ".", cwd=site.root).returncode == 0
    bad = run_cli("--select", "NOPE", ".", cwd=site.root)
    assert bad.returncode == 2
    assert bad.stderr == (
        "tripreport-lint: error: unknown rule code or name 'NOPE' in --select (see tripreport-lint --show-rules)\n"
    )


def test_missing_path_and_unreadable_input_exit_2(site: Site) -> None:
    site.write("content/blog/a.md", GOOD)
    result = run_cli("content", "no/such/post.md", cwd=site.root)
    assert result.returncode == 2
    assert result.stderr == "tripreport-lint: error: no/such/post.md: no such file or directory\n"
    assert result.stdout == "No problems found in 1 file, but 1 path not found (see the errors below).\n"
    alone = run_cli("no/such/post.md", cwd=site.root)
    assert alone.returncode == 2 and "no/such/post.md: no such file or directory" in alone.stderr
    assert alone.stdout == "Nothing checked: 1 path not found (see the errors below).\n"
    site.write("content/blog/b.md", BAD)
    result = run_cli("content", "gone", cwd=site.root)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == (
        "1 path not found (see the errors below); Found 1 problem in 1 file (2 checked); 1 fixable with --fix ([*]).")


def test_files_that_could_not_be_checked_are_not_counted_as_checked(site: Site) -> None:
    site.write("content/blog/a.md", GOOD)
    site.write("content/notes/.tripreport-lint.toml", 'schema = "nosuch"\n')
    site.write("content/notes/b.md", GOOD.replace("Booth notes", "Hallway track"))
    site.write("content/notes/c.md", GOOD.replace("Booth notes", "Closing keynote"))
    result = run_cli("content", cwd=site.root)
    assert result.returncode == 2 and "nosuch" in result.stderr
    assert result.stdout == "No problems found in 1 file, but 2 files could not be checked (see the errors below).\n"
    alone = run_cli("content/notes", cwd=site.root)
    assert alone.returncode == 2
    assert alone.stdout == "Nothing checked: 2 files could not be checked (see the errors below).\n"
    site.write("content/blog/d.md", BAD)
    found = run_cli("content", cwd=site.root)
    assert found.stdout.splitlines()[-1] == ("2 files could not be checked (see the errors below); "
                                             "Found 1 problem in 1 file (2 checked); 1 fixable with --fix ([*]).")


def test_a_read_only_file_is_reported_as_it_stands(site: Site) -> None:
    path = site.write("content/blog/a.md", BAD)
    path.chmod(0o444)
    result = run_cli("--fix", "content", cwd=site.root)
    assert result.returncode == 2 and path.read_text() == BAD
    assert result.stderr == "tripreport-lint: error: content/blog/a.md: read-only; fixes not written\n"
    assert result.stdout.splitlines() == [
        "content/blog/a.md:4:8: FM010 [*] 'draft' must be true or false, got the string \"false\": "
        "write false without quotes",
        "Fixed 0 problems; Found 1 remaining problem in 1 file.",
    ]


def test_diff_quiet_prints_only_the_patch(site: Site) -> None:
    site.write("content/blog/good.md", GOOD)
    clean = run_cli("--diff", "-q", "content", cwd=site.root)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    site.write("content/blog/bad.md", BAD)
    result = run_cli("--diff", "-q", "content", cwd=site.root)
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.startswith("--- a/content/blog/bad.md\n+++ b/content/blog/bad.md\n")
    assert "Would fix 1 problem in 1 file." in run_cli("--diff", "content", cwd=site.root).stderr


def test_explicit_config_and_exclude(site: Site) -> None:
    site.write("content/blog/a.md", BAD)
    site.write("content/drafts/b.md", BAD)
    site.write("lint.toml", 'exclude = ["content/drafts"]\n')
    result = run_cli("--config", "lint.toml", "--output-format", "json", ".", cwd=site.root)
    assert [row["path"] for row in json.loads(result.stdout)] == ["content/blog/a.md"]
    # pre-commit passes files one by one: the exclude still applies.
    assert run_cli("--config", "lint.toml", "content/drafts/b.md", cwd=site.root).returncode == 0


def test_show_rules_version_and_usage() -> None:
    out = run_cli("--show-rules", cwd=Path.cwd())
    assert out.returncode == 0 and "FM030   taxonomy-mismatch" in out.stdout
    assert run_cli("--version", cwd=Path.cwd()).stdout == f"tripreport-lint {__version__}\n"
    usage = run_cli("--output-format", "xml", cwd=Path.cwd())
    assert usage.returncode == 2 and "invalid choice: 'xml'" in usage.stderr


def test_console_script_is_installed(site: Site) -> None:
    script = console_script("tripreport-lint")
    if not script.is_file():
        pytest.fail(f"no tripreport-lint console script at {script}; install the package first")
    site.write("content/blog/a.md", GOOD)
    assert subprocess.run([script, "."], cwd=site.root, capture_output=True, check=False).returncode == 0
    site.write("content/blog/b.md", BAD)
    assert subprocess.run([script, "."], cwd=site.root, capture_output=True, check=False).returncode == 1


def test_run_is_callable_in_process(site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("content/blog/a.md", BAD)
    monkeypatch.chdir(site.root)
    assert run(["--output-format", "json", "content"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["code"] == "FM010"


def test_github_escapes_properties_and_data() -> None:
    stream = io.StringIO()
    finding = Diagnostic("posts/a,b:c.md", "FM021", "future-date", "50% done\nnext", Span(3, 1, 3, 5), Severity.WARNING)
    REPORTERS["github"](stream).report([finding], RunSummary(("post.md",), 0, False))
    assert stream.getvalue() == (
        "::warning file=posts/a%2Cb%3Ac.md,line=3,col=1,endLine=3,endColumn=5,title=FM021::50%25 done%0Anext\n"
    )


def test_a_crashing_rule_is_an_error_naming_it(site: Site, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    def broken(self: object, doc: object, ctx: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(InvalidDate, "check", broken)
    site.write("content/blog/a.md", GOOD)
    monkeypatch.chdir(site.root)
    assert run(["content"]) == 2
    assert capsys.readouterr().err == (
        "tripreport-lint: error: content/blog/a.md: internal error in rule FM020 (invalid-date): "
        "KeyError('boom'); please report it\n"
    )


def test_rule_prints_one_rule_s_documentation_by_code_or_name() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["rule", "missing-fragment"], out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert text.startswith("# LNK005 missing-fragment\n\nA #fragment link matches no anchor of its page. Severity: warning")
    assert "\n## Example\n" in text and "\n## Fix safety\n" in text and "`anchor-style`" in text
    assert run(["rule", "LNK0005"], io.StringIO(), err) == 2
    assert err.getvalue() == "tripreport-lint: error: unknown rule code or name 'LNK0005' (did you mean 'LNK005' " \
                             "(missing-fragment)?)\n"
    assert run(["rule", "XYZ123"], io.StringIO(), err := io.StringIO()) == 2
    assert err.getvalue().endswith("'XYZ123' (see tripreport-lint --show-rules)\n")
    assert run(["rule"], io.StringIO(), io.StringIO()) == 2


def test_a_reader_that_stops_early_is_no_error(site: Site) -> None:
    site.write("content/blog/long.md", GOOD + "A line. \n" * 3000)  # more findings than a pipe holds
    process = subprocess.Popen([str(console_script("tripreport-lint")), "--select", "ENC006", "content"],
                               cwd=site.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    assert "ENC006" in process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == ""
    process.stderr.close()
