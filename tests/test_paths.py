"""Glob matching: plain-name globs are answered without pathspec, exactly as pathspec answers them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pathspec import GitIgnoreSpec

from tripreport_lint.paths import glob_match

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
