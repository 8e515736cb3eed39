"""The GitHub Action: action.yml is valid, and its run script annotates, summarises and fails as told."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import Site, console_script

ROOT = Path(__file__).resolve().parents[1]
POST = "---\ntitle: Notes\ndate: 2024-01-01\ndraft: \"false\"\n---\n\nText.\n"


def test_action_yml_validates_against_the_github_action_schema() -> None:
    checker = console_script("check-jsonschema")
    if not checker.is_file():
        pytest.fail(f"no check-jsonschema at {checker}: pip install '.[test]'")
    result = subprocess.run([checker, "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def run_action(root: Path, tmp_path: Path, *, lint: Path | None = None, base_ref: str | None = None,
               **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run action/run.sh in ``root`` as the action's step would, on a pull request into ``base_ref`` if given."""
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    if lint is None:
        lint = console_script("tripreport-lint")
        assert lint.is_file(), f"no tripreport-lint console script at {lint}; install the package first"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))},
           "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
           "TRIPREPORT_LINT": str(lint), **({"GITHUB_BASE_REF": base_ref} if base_ref else {}),
           **{f"INPUT_{k.upper()}": v for k, v in inputs.items()}}
    result = subprocess.run(["bash", str(ROOT / "action/run.sh")], cwd=root, env=env, capture_output=True,
                            text=True, check=False)
    return result, summary, output


def test_run_script_annotates_summarises_and_writes_sarif(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", POST)
    result, summary, output = run_action(site.root, tmp_path, paths="content", sarif_file="out.sarif")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/blog/a.md,line=4,col=8,")
    assert "| FM010 | schema-violation | 1 |" in summary.read_text()
    assert output.read_text() == "exit-code=1\n"
    assert '"ruleId": "FM010"' in (site.root / "out.sarif").read_text()


def test_fail_on_error_passes_with_findings_and_fix_applies(site: Site, tmp_path: Path) -> None:
    path = site.write("content/blog/a.md", POST)
    result, _, output = run_action(site.root, tmp_path, fail_on="error", args="--select FM010")
    assert result.returncode == 0 and output.read_text() == "exit-code=1\n"
    result, _, output = run_action(site.root, tmp_path, fail_on="error", fix="true", args="--select FM010")
    assert result.returncode == 0 and output.read_text() == "exit-code=1\nexit-code=0\n"  # all fixed: 0, as ruff
    assert "draft: false" in path.read_text()


def annotated(stdout: str) -> list[tuple[str, int, str]]:
    """(path, line, code) of each annotation the linter wrote."""
    return [(m[1], int(m[2]), m[3]) for m in re.finditer(r"^::\w+ file=([^,]+),line=(\d+),.*?title=(\w+)::", stdout, re.M)]


def fake_linter(tmp_path: Path, then: str = "exit 0") -> tuple[Path, Path]:
    """A stand-in for tripreport-lint that records each call's arguments (NUL-separated, a line a call), then
    runs the shell code ``then``."""
    calls = tmp_path / "calls"
    script = tmp_path / "fake-lint"
    script.write_text(f'#!/bin/sh\nprintf "%s\\0" "$@" >> "{calls}"\necho >> "{calls}"\n{then}\n')
    script.chmod(0o755)
    return script, calls


def recorded(calls: Path) -> list[list[str]]:
    return [line.split("\0")[:-1] for line in calls.read_text().splitlines()] if calls.exists() else []


def test_args_and_paths_are_split_as_a_shell_would_without_evaluating_them(site: Site, tmp_path: Path) -> None:
    script, calls = fake_linter(tmp_path)
    result, _, _ = run_action(site.root, tmp_path, lint=script, args="""--select "LNK, SPL" --x '$(touch pwned)' `touch pwned` a\\ b ''""",
                              paths='"my posts" other')
    assert result.returncode == 0, result.stdout + result.stderr
    assert recorded(calls) == [["--output-format", "github", "--select", "LNK, SPL", "--x", "$(touch pwned)",
                                "`touch", "pwned`", "a b", "", "my posts", "other"]]
    assert not (site.root / "pwned").exists()


def test_quoted_args_reach_the_linter_as_one_word(site: Site, tmp_path: Path) -> None:
    site.write("content/my posts/a.md", POST.replace("Text.", "Text with a bare http://8.8.8.8:8080/x link."))
    result, _, _ = run_action(site.root, tmp_path, args='--select "FM010,LNK009"', paths='"content/my posts"')
    assert result.returncode == 1, result.stdout + result.stderr
    assert annotated(result.stdout) == [("content/my posts/a.md", 4, "FM010"), ("content/my posts/a.md", 7, "LNK009")]


@pytest.mark.parametrize(("inputs", "message"), [
    ({"fail_on": "warnings"}, "fail-on must be one of: findings error; got 'warnings'"),
    ({"format": "fix"}, "format must be one of: check off; got 'fix'"),
    ({"fix": "yes"}, "fix must be one of: true false; got 'yes'"),
    ({"args": '--select "LNK'}, "args: cannot split '--select \"LNK' into words: No closing quotation"),
])
def test_bad_inputs_stop_the_step_before_linting(site: Site, tmp_path: Path, inputs: dict[str, str],
                                                 message: str) -> None:
    script, calls = fake_linter(tmp_path)
    result, _, _ = run_action(site.root, tmp_path, lint=script, **inputs)
    assert (result.returncode, result.stdout) == (2, f"::error title=tripreport-lint::{message}\n")
    assert recorded(calls) == []  # the linter never ran


@pytest.mark.parametrize("fail_on", ["findings", "error"])
def test_an_error_of_the_linter_is_annotated_and_summarised(site: Site, tmp_path: Path, fail_on: str) -> None:
    result, summary, output = run_action(site.root, tmp_path, paths="content/missing", fail_on=fail_on)
    assert result.returncode == 2 and output.read_text() == "exit-code=2\n"
    error = "tripreport-lint: error: content/missing: no such file or directory"
    assert f"::error title=tripreport-lint failed::{error}\n" in result.stdout
    assert error in result.stderr  # the log keeps what the linter said
    assert f"## tripreport-lint failed (exit code 2)\n\n<pre>{error}</pre>" in summary.read_text()
    assert summary.read_text().startswith("### tripreport-lint\n\nNothing checked: 1 path not found (see the errors below).")


def test_each_error_of_the_linter_is_annotated(site: Site, tmp_path: Path) -> None:
    result, summary, _ = run_action(site.root, tmp_path, paths="content/missing content/gone")
    errors = [f"tripreport-lint: error: content/{name}: no such file or directory" for name in ("missing", "gone")]
    assert [line for line in result.stdout.splitlines() if line.startswith("::error title=")] == \
        [f"::error title=tripreport-lint failed::{error}" for error in errors]
    assert f"<pre>{errors[0]}\n{errors[1]}</pre>" in summary.read_text()


def test_a_linter_that_dies_without_a_word_is_still_explained(site: Site, tmp_path: Path) -> None:
    script, _ = fake_linter(tmp_path, "exit 3")
    result, summary, _ = run_action(site.root, tmp_path, lint=script, fail_on="error")
    assert result.returncode == 3
    assert "::error title=tripreport-lint failed::exit code 3, with no error message\n" in result.stdout
    assert "<pre>exit code 3, with no error message</pre>" in summary.read_text()


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "protocol.file.allow=always",
                           *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


OLD_POST = POST.replace("Text.", "Text.\n\nAn old line, http://8.8.8.8:9090/old, still unlinked.")


CLEAN = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\nText.\n"
UNFORMATTED = CLEAN.replace("Text.", "Talks:\n\n* one\n* two").replace("Notes", "Talks")


@pytest.mark.parametrize("fail_on", ["findings", "error"])
def test_format_check_fails_the_step_on_a_file_to_reformat(site: Site, tmp_path: Path, fail_on: str) -> None:
    site.write("content/blog/a.md", CLEAN)
    path = site.write("content/blog/b, c.md", UNFORMATTED)
    result, summary, output = run_action(site.root, tmp_path, format="check", fail_on=fail_on, paths="content")
    assert (result.returncode, output.read_text()) == (1, "exit-code=0\n"), result.stdout + result.stderr
    assert result.stdout.startswith("::error file=content/blog/b%2C c.md,title=tripreport-lint format::would be "
                                    "reformatted: run tripreport-lint format\n")
    assert ("## tripreport-lint format: 1 file would be reformatted, 1 file already formatted.\n\n"
            "Run `tripreport-lint format` on these files and commit the result:\n\n<pre>content/blog/b, c.md\n</pre>"
            ) in summary.read_text()
    assert path.read_text() == UNFORMATTED


def test_format_check_passes_when_nothing_would_change(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", CLEAN)
    result, summary, _ = run_action(site.root, tmp_path, format="check", paths="content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "0 files would be reformatted, 1 file already formatted.\n"
    assert "tripreport-lint format" not in summary.read_text()


def test_format_check_runs_on_the_same_paths_after_the_lint_and_its_errors_are_explained(site: Site,
                                                                                       tmp_path: Path) -> None:
    script, calls = fake_linter(tmp_path, '[ "$1" = format ] && { echo "tripreport-lint: error: bad" >&2; exit 2; }; exit 0')
    result, summary, _ = run_action(site.root, tmp_path, lint=script, format="check", fail_on="error",
                                    config="blog.toml", paths='"content/my posts"')
    assert recorded(calls) == [["--output-format", "github", "--config", "blog.toml", "content/my posts"],
                               ["format", "--check", "--output-format", "github", "--config", "blog.toml",
                                "content/my posts"]]
    assert result.returncode == 2
    assert result.stdout == "::error title=tripreport-lint format failed::tripreport-lint: error: bad\n"
    assert "## tripreport-lint format failed (exit code 2)" in summary.read_text()


@pytest.fixture
def origin(tmp_path: Path) -> str:
    """A bare repository holding ``main`` and a pull request branch ``talk`` that left it one commit ago: the
    branch adds a bare URL on line 7; ``main`` then edited line 9, which the branch never touched. As on GitHub,
    ``refs/pull/1/merge`` is the branch merged into ``main``."""
    work = Site(tmp_path / "work")
    work.write("hugo.toml", 'title = "Test blog"\n')
    work.write("content/blog/a.md", OLD_POST)
    git("init", "-q", "-b", "main", cwd=work.root)
    for n in range(3):  # some history, so that a shallow clone has something to leave out
        work.write("content/blog/older.md", f"---\ntitle: Older {n}\ndate: 2023-01-01\n---\n\nText.\n")
        git("add", ".", cwd=work.root)
        git("commit", "-qm", f"post {n}", cwd=work.root)
    git("checkout", "-qb", "talk", cwd=work.root)
    work.write("content/blog/a.md", OLD_POST.replace("Text.", "Text with http://8.8.8.8:8080/new in it."))
    git("commit", "-qam", "a link", cwd=work.root)
    git("checkout", "-q", "main", cwd=work.root)
    work.write("content/blog/a.md", OLD_POST.replace("An old line", "An edited old line"))
    git("commit", "-qam", "edit on main", cwd=work.root)
    git("checkout", "-q", "--detach", cwd=work.root)
    git("merge", "-q", "--no-ff", "-m", "merge talk into main", "talk", cwd=work.root)
    git("update-ref", "refs/pull/1/merge", "HEAD", cwd=work.root)
    git("clone", "-q", "--mirror", str(work.root), str(tmp_path / "origin.git"), cwd=tmp_path)
    return f"file://{tmp_path / 'origin.git'}"


def test_a_full_clone_gets_the_base_branch_and_stays_full(origin: str, tmp_path: Path) -> None:
    # Only the pull request's branch is cloned, so the base branch must be fetched; without a depth.
    git("clone", "-q", "--single-branch", "--branch", "talk", origin, "clone", cwd=tmp_path)
    clone = tmp_path / "clone"
    result, _, _ = run_action(clone, tmp_path, base_ref="main", paths="content")
    assert result.returncode == 1, result.stdout + result.stderr
    # Line 9 differs from main's tip too, but the branch never changed it: compared with the merge base.
    assert annotated(result.stdout) == [("content/blog/a.md", 7, "LNK009")]
    assert "::warning title=tripreport-lint" not in result.stdout
    assert git("rev-parse", "--is-shallow-repository", cwd=clone) == "false"
    assert git("merge-base", "HEAD", "origin/main", cwd=clone) == git("rev-parse", "HEAD~1", cwd=clone)


def test_a_full_clone_that_has_the_base_branch_is_not_fetched_into(origin: str, tmp_path: Path) -> None:
    git("clone", "-q", "--branch", "talk", origin, "clone", cwd=tmp_path)
    clone = tmp_path / "clone"
    git("remote", "set-url", "origin", f"file://{tmp_path / 'gone.git'}", cwd=clone)  # a fetch would fail
    result, _, _ = run_action(clone, tmp_path, base_ref="main", paths="content")
    assert result.returncode == 1, result.stdout + result.stderr
    assert annotated(result.stdout) == [("content/blog/a.md", 7, "LNK009")]
    assert "::warning title=tripreport-lint" not in result.stdout


@pytest.mark.parametrize("ref", ["refs/heads/talk", "refs/pull/1/merge"])
def test_a_shallow_clone_is_deepened_until_it_meets_the_base_branch(origin: str, tmp_path: Path, ref: str) -> None:
    # As actions/checkout does by default: the one commit to check out, fetched with depth 1.
    clone = tmp_path / "clone"
    clone.mkdir()
    git("init", "-q", cwd=clone)
    git("remote", "add", "origin", origin, cwd=clone)
    git("fetch", "-q", "--depth=1", "origin", f"+{ref}:refs/remotes/checkout", cwd=clone)
    git("checkout", "-q", "--detach", "refs/remotes/checkout", cwd=clone)
    result, _, _ = run_action(clone, tmp_path, base_ref="main", paths="content")
    assert result.returncode == 1, result.stdout + result.stderr
    assert annotated(result.stdout) == [("content/blog/a.md", 7, "LNK009")]
    assert "::warning title=tripreport-lint" not in result.stdout


def test_without_the_base_branch_every_line_is_reported_and_the_warning_says_why(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", POST)
    git("init", "-q", cwd=site.root)
    result, _, _ = run_action(site.root, tmp_path, base_ref="main", paths="content")
    assert result.returncode == 1, result.stdout + result.stderr
    assert annotated(result.stdout) == [("content/blog/a.md", 4, "FM010")]
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning")]
    assert warnings[0].startswith("::warning title=tripreport-lint::cannot fetch the base branch 'main' from origin: ")
    assert warnings[1:] == ["::warning title=tripreport-lint::reporting findings on every line, not only on those "
                            "the pull request changed"]


def test_every_version_of_this_repository_the_docs_pin_exists() -> None:
    # `uses: OWNER/tripreport-lint@REF` and pre-commit's `rev:` under its repo: copied as shown, they must work.
    pattern = re.compile(r"tripreport-lint@([\w./-]+)|/tripreport-lint\n\s*rev: (\S+)")
    refs = {(path.name, m[1] or m[2]) for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
            for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    assert {name for name, _ in refs} >= {"README.md", "github-actions.md"}
    missing = [(name, ref) for name, ref in sorted(refs) if ref != "main" and subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=ROOT, capture_output=True,
        check=False).returncode != 0]
    assert missing == [], "pinned versions that name no tag or commit of this repository"
