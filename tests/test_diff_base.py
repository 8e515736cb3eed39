"""--diff-base: only findings on lines changed since a git revision."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import Site, run_cli

OLD = "---\ntitle: Old\ndate: 2024-01-01\ndraft: \"no\"\n---\n\nText.\n"


def old(name: str) -> str:
    """The old post under a title of its own (two posts with one title would be a finding of their own)."""
    return OLD.replace("title: Old", f"title: {name}")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_only_changed_lines_are_reported(site: Site) -> None:
    site.write("content/blog/old.md", old("Old"))
    site.write("content/blog/edited.md", old("Edited"))
    git("init", "-q", cwd=site.root)
    git("add", ".", cwd=site.root)
    git("commit", "-qm", "posts", cwd=site.root)
    site.write("content/blog/edited.md", old("Edited").replace("Text.", "Text with a bare http://8.8.8.8:8080/x link."))
    site.write("content/blog/new.md", old("New"))
    result = run_cli("--diff-base", "HEAD", "--output-format", "json", "content", cwd=site.root)
    found = sorted((row["path"], row["line"], row["code"]) for row in json.loads(result.stdout))
    assert found == [("content/blog/edited.md", 7, "LNK009"), ("content/blog/new.md", 4, "FM010")]
    bad = run_cli("--diff-base", "no-such-ref", "content", cwd=site.root)
    assert bad.returncode == 2 and "--diff-base no-such-ref" in bad.stderr


def test_paths_git_would_quote_are_still_found(site: Site) -> None:
    # git quotes non-ASCII and '"' in diff headers and file lists, and puts a tab after a name with a space.
    names = ["café.md", "day two.md", 'the "best" talks.md']
    for name in names:
        site.write(f"content/blog/{name}", old(name))
    git("init", "-q", cwd=site.root)
    git("add", ".", cwd=site.root)
    git("commit", "-qm", "posts", cwd=site.root)
    for name in names:
        site.write(f"content/blog/{name}", old(name).replace("Text.", "Text with a bare http://8.8.8.8:8080/x link."))
    site.write("content/blog/naïve notes.md", old("Naive"))
    result = run_cli("--diff-base", "HEAD", "--output-format", "json", "content", cwd=site.root)
    found = sorted((row["path"], row["line"], row["code"]) for row in json.loads(result.stdout))
    assert found == sorted([*((f"content/blog/{name}", 7, "LNK009") for name in names),
                            ("content/blog/naïve notes.md", 4, "FM010")]), result.stderr
