"""The GitHub Action: action.yml is valid, and its run script annotates, summarises and fails as told."""

from __future__ import annotations

import os
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


def run_action(site: Site, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    lint = console_script("tripreport-lint")
    assert lint.is_file(), f"no tripreport-lint console script at {lint}; install the package first"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
           "TRIPREPORT_LINT": str(lint), **{f"INPUT_{k.upper()}": v for k, v in inputs.items()}}
    result = subprocess.run(["bash", str(ROOT / "action/run.sh")], cwd=site.root, env=env, capture_output=True,
                            text=True, check=False)
    return result, summary, output


def test_run_script_annotates_summarises_and_writes_sarif(site: Site, tmp_path: Path) -> None:
    site.write("content/blog/a.md", POST)
    result, summary, output = run_action(site, tmp_path, paths="content", sarif_file="out.sarif")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/blog/a.md,line=4,col=8,")
    assert "| FM010 | schema-violation | 1 |" in summary.read_text()
    assert output.read_text() == "exit-code=1\n"
    assert '"ruleId": "FM010"' in (site.root / "out.sarif").read_text()


def test_fail_on_error_passes_with_findings_and_fix_applies(site: Site, tmp_path: Path) -> None:
    path = site.write("content/blog/a.md", POST)
    result, _, output = run_action(site, tmp_path, fail_on="error", args="--select FM010")
    assert result.returncode == 0 and output.read_text() == "exit-code=1\n"
    result, _, output = run_action(site, tmp_path, fail_on="error", fix="true", args="--select FM010")
    assert result.returncode == 0 and output.read_text() == "exit-code=1\nexit-code=0\n"  # all fixed: 0, as ruff
    assert "draft: false" in path.read_text()
