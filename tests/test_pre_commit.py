"""The pre-commit hooks for real: ``pre-commit try-repo`` on this checkout, in a temporary git repository.

pre-commit builds the hook's environment with pip from the package index; where pre-commit or git is
missing, or pip reaches no index (offline), the tests are skipped. `.ci/run` installs pre-commit with
the test extra, so there they run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import console_script

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = console_script("pre-commit")
pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.is_file() or shutil.which("git") is None, reason="pre-commit or git is not installed"
)
POST = (
    "---\ntitle: Meetup recap\ndate: 2024-03-05\ndraft: \"false\"\n---\n\n"
    "Pizza and talks.   \n\n* one\n* two\n"
)
# What pip says when the index it was given cannot be reached or lacks a package.
NO_INDEX = ("Could not find a version that satisfies", "No matching distribution found")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, shared by the tests; skips them at once where pip reaches no package index
    (probed once, with pip's own configuration and a short timeout, by fetching the build backend)."""
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir", "--retries", "0", "--timeout", "5",
         "--dest", str(tmp_path_factory.mktemp("pip-probe")), "hatchling"],
        capture_output=True, text=True, timeout=120, check=False)
    if probe.returncode != 0:
        said = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"pip reaches no package index (offline?): {said}")
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook: str, repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    result = subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), hook, "--all-files"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    if result.returncode == 3 and any(text in result.stdout + result.stderr for text in NO_INDEX):
        pytest.skip("pip could not fetch the hook's dependencies: pre-commit cannot build its environment here")
    return result


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    (tmp_path / "content/blog").mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text('title = "blog"\n')
    (tmp_path / "content/blog/meetup.md").write_text(POST)
    (tmp_path / "notes.txt").write_text("not markdown: draft: \"false\"\n")
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    return tmp_path


def test_check_hook_fails_on_findings_and_changes_nothing(blog: Path, pre_commit_home: Path) -> None:
    result = try_repo("tripreport-lint", blog, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/blog/meetup.md:4:8: FM010" in result.stdout
    assert (blog / "content/blog/meetup.md").read_text() == POST


def test_fix_hook_rewrites_then_passes(blog: Path, pre_commit_home: Path) -> None:
    first = try_repo("tripreport-lint-fix", blog, pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    fixed = (blog / "content/blog/meetup.md").read_text()
    assert 'draft: false' in fixed and "* one" in fixed and "talks.   " in fixed  # formatting is format's
    git("add", ".", cwd=blog)
    second = try_repo("tripreport-lint-fix", blog, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_format_hook_normalises_then_passes(blog: Path, pre_commit_home: Path) -> None:
    first = try_repo("tripreport-lint-format", blog, pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr  # pre-commit fails a hook that changed a file
    formatted = (blog / "content/blog/meetup.md").read_text()
    assert formatted == POST.replace("talks.   ", "talks.").replace("* ", "- ")  # the quoted draft is check's
    git("add", ".", cwd=blog)
    second = try_repo("tripreport-lint-format", blog, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr
