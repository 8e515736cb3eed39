"""Runs at the same time (pre-commit starts several processes): ``--fix`` runs over one tree leave
every file whole and as one run makes it, and a cache shared by concurrent writers stays whole."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from conftest import Site, run_cli

TOPICS = ["kubernetes", "observability", "gitops", "ebpf", "tracing", "storage"]


def _blog(root: Path, posts: int = 24) -> None:
    """Posts with safe fixes of several rules: mojibake, typos (in two posts: a word more posts use is
    the site's own), trailing spaces, final newline, layout."""
    for n in range(posts):
        topic = TOPICS[n % len(TOPICS)]
        article = "teh" if n < 2 else "the"
        (root / "content" / "blog").mkdir(parents=True, exist_ok=True)
        (root / "content" / "blog" / f"{n:02d}-{topic}.md").write_text(
            f"---\ntitle: Day {n} of the {topic} summit\ndate: 2024-04-{n % 28 + 1:02d}\ndraft: false\n---\n\n"
            f"Day {n}\n-----\n\nWe met StÃ©phane at the {topic} booth; {article} demo ran late.   \n\n"
            f"* first talk\n* second talk\n" + ("\n" if n % 2 else ""),
            encoding="utf-8", newline="")


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tripreport_lint", "--no-progress", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "content").rglob("*.md"))}


def test_two_fix_runs_at_once_leave_what_one_run_makes(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    _blog(reference)
    (reference / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
    assert run_cli("--fix", "--no-cache", "-q", ".", cwd=reference).returncode == 0  # every finding fixed
    expected = _snapshot(reference)
    for round_number in range(3):
        tree = tmp_path / f"round{round_number}"
        shutil.copytree(reference, tree, ignore=shutil.ignore_patterns("*.md"))
        _blog(tree)
        before = _snapshot(tree)
        runs = [_start("--fix", "--jobs", str(jobs), ".", cwd=tree) for jobs in (1, 2)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            # The one refusal allowed: a file the other run fixed first, which is then already right.
            assert all("changed on disk while it was being fixed" in line for line in err.splitlines()), err
            # Which run gets to a file first is chance: a run that met a refusal exits 2, the other 0
            # (whether it rewrote files or found them fixed already, fixed files lint clean).
            fixed = re.search(r"^Fixed (\d+) problems?;", out, re.M)
            assert fixed, out
            assert run.returncode == (2 if err else 0), (run.returncode, out, err)
        assert _snapshot(tree) == expected != before


def test_concurrent_writers_share_one_cache_and_every_entry_stays_whole(site: Site) -> None:
    _blog(site.root, posts=30)
    expected = run_cli("--output-format", "json", "--no-cache", ".", cwd=site.root).stdout
    runs = [_start("--output-format", "json", "--jobs", "1", ".", cwd=site.root) for _ in range(4)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 1 and err == "" and out == expected
    (database,) = (site.root / ".tripreport-lint-cache").glob("*/store.sqlite3")
    with closing(sqlite3.connect(database)) as connection:
        entries = dict(connection.execute("SELECT key, entry FROM results"))
    assert len(entries) == 30  # one per file, however many runs wrote it
    assert all(isinstance(json.loads(entry), list) for entry in entries.values())
    assert not [p for p in site.root.rglob("*.tmp")]  # no temporary file left behind
    assert run_cli("--output-format", "json", ".", cwd=site.root).stdout == expected
