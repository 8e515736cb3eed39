"""Glob matching: plain-name and name-ending globs are answered without pathspec, exactly as pathspec answers
them; a file reached by two names is linted once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pathspec import GitIgnoreSpec

from tripreport_lint.paths import glob_match, unique

PARTS = ["README.md", "_index.md", "a", "b.md", ".x", "x.", "...", "-", "index.md", "readme.md", "", ".", ".."]
PLAIN_GLOBS = ["README.md", "**/_index.md", "a", ".x", "x.", "...", "-", "**/a", "b.md", "index.md", "_"]


@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=4), st.sampled_from(["", "/"]),
       st.sampled_from(["", "/"]), st.lists(st.sampled_from(PLAIN_GLOBS), min_size=1, max_size=3))
def test_plain_name_globs_match_as_pathspec_reads_them(parts: list[str], before: str, after: str,
                                                       globs: list[str]) -> None:
    relative = before + "/".join(parts) + after
    assert glob_match(tuple(globs), relative) == GitIgnoreSpec.from_lines(globs).match_file(relative)


def test_a_plain_name_matches_a_file_or_folder_of_that_name_at_any_depth() -> None:
    assert glob_match(("README.md",), "docs/README.md") and glob_match(("**/_index.md",), "_index.md")
    assert glob_match(("drafts",), "content/drafts/a.md") and not glob_match(("drafts",), "content/drafts.md")
    assert not glob_match(("README.md",), "docs/readme.md")


NAMES = ["a.md", ".md", "md", "a.markdown", "a.md.txt", "b.MD", "x.tar.gz", "gz", "a.md ", "", ".", ".."]
ENDING_GLOBS = ["*.md", "!*.md", "*.markdown", "!*.markdown", "*.gz", "*.tar.gz", "!*.tar.gz", "*.MD"]


def _whole_path_by_pathspec(globs: list[str], relative: str) -> bool:
    """What pathspec's patterns say of the file itself: the last that matches it, not a folder above it."""
    chosen = False
    for pattern in GitIgnoreSpec.from_lines(globs).patterns:
        found = pattern.match_file(relative) if pattern.include is not None else None
        if found is not None and not any(found.match.groupdict().values()):
            chosen = bool(pattern.include)
    return chosen


@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), st.sampled_from(["", "/", "./"]),
       st.sampled_from(["", "/"]), st.lists(st.sampled_from(ENDING_GLOBS), min_size=1, max_size=4))
def test_name_ending_globs_match_a_file_as_pathspec_reads_them(parts: list[str], before: str, after: str,
                                                               globs: list[str]) -> None:
    relative = before + "/".join(parts) + after
    assert glob_match(tuple(globs), relative, whole_path=True) == _whole_path_by_pathspec(globs, relative)


def test_a_name_ending_glob_matches_files_not_folders() -> None:
    assert glob_match(("*.md", "*.markdown"), "blog/2024/post.markdown", whole_path=True)
    assert not glob_match(("*.md",), "notes.md/image.png", whole_path=True)
    assert not glob_match(("*.md", "!*.md"), "post.md", whole_path=True)


def test_unique_reads_each_file_once_by_its_real_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog/post.md").write_text("x\n")
    (tmp_path / "blog/other.md").write_text("x\n")
    (tmp_path / "mirror").symlink_to("blog")  # a folder link
    (tmp_path / "blog/alias.md").symlink_to("post.md")  # a file link
    (tmp_path / "blog/loop.md").symlink_to("loop.md")
    monkeypatch.chdir(tmp_path)
    written = [Path(p) for p in ("blog/post.md", "mirror/post.md", "blog/alias.md", "mirror/other.md",
                                 "blog/../blog/other.md", "blog/loop.md", "mirror/loop.md", "post.md")]
    assert unique(written) == [Path(p) for p in ("blog/post.md", "mirror/other.md", "blog/loop.md", "post.md")]
    by_real_path: dict[str, Path] = {}
    for path in written:
        by_real_path.setdefault(os.path.realpath(path), path)
    assert unique(written) == list(by_real_path.values())
