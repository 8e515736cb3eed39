"""The real posts of ../shared/corpus: no crash anywhere, and injected defects found at their lines.

The corpus is read at test time, never copied into the project; the tests skip where it is absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CORPUS, NOW, run_cli
from tripreport_lint.engine.engine import Engine

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


def test_whole_corpus_lints_without_a_traceback() -> None:
    result = run_cli("--no-cache", "--statistics", str(CORPUS), cwd=CORPUS)
    assert result.returncode == 1, result.stderr  # real posts have findings
    assert result.stderr == ""


def sample_posts(per_site: int = 2) -> list[Path]:
    """Real posts with YAML front matter holding a title and a date, the same number from each site;
    none where the corpus is absent (the list is read at collection, before ``pytestmark`` skips)."""
    if not CORPUS.is_dir():
        return []
    chosen = []
    for site in sorted(p for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        posts = []
        for path in sorted(site.rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            head = re.match(r"---\n(.*?)\n---\n", text, re.S)
            if head and re.search(r"^title:", head.group(1), re.M) and re.search(r"^date:", head.group(1), re.M):
                posts.append(path)
        chosen += posts[:: max(1, len(posts) // per_site)][:per_site]
    return chosen


def end_of_front_matter(lines: list[str]) -> int:
    return lines.index("---", 1)


def with_line(lines: list[str], text: str) -> tuple[list[str], int]:
    """Insert a key line just before the closing delimiter; returns the lines and its 1-based line."""
    end = end_of_front_matter(lines)
    return lines[:end] + [text] + lines[end:], end + 1


def replace_key(lines: list[str], key: str, text: str) -> tuple[list[str], int]:
    end = end_of_front_matter(lines)
    for index in range(1, end):
        if lines[index].startswith(f"{key}:"):
            return lines[:index] + [text] + lines[index + 1 :], index + 1
    return with_line(lines, text)


def drop_keys(lines: list[str], *keys: str) -> list[str]:
    """Remove top-level keys (with their indented continuation lines) from the front matter."""
    end = end_of_front_matter(lines)
    kept, skipping = [lines[0]], False
    for line in lines[1:end]:
        if re.match(r"[A-Za-z_]", line):
            skipping = line.split(":")[0] in keys
        if not skipping:
            kept.append(line)
    return kept + lines[end:]


Mutation = Callable[[list[str]], tuple[list[str], int]]
MUTATIONS: dict[str, tuple[str, Mutation]] = {
    "string draft": ("FM010", lambda ls: replace_key(drop_keys(ls, "draft"), "draft", 'draft: "false"')),
    "impossible date": ("FM020", lambda ls: replace_key(ls, "date", "date: 2025-02-30")),
    "future date": ("FM021", lambda ls: replace_key(drop_keys(ls, "draft"), "date", "date: 2999-01-01")),
    "taxonomy drift": ("FM030", lambda ls: with_line(
        drop_keys(ls, "tags", "categories") + [], "tags: [kubecon, cncf, ebpf]\ncategories: [kubecon, cncf, wasm]")),
    "duplicate key": ("FM005", lambda ls: with_line(ls, "title: Another title")),
    "yaml syntax error": ("FM004", lambda ls: with_line(ls, "summary: [unclosed, list")),
    "schema type error": ("FM010", lambda ls: replace_key(drop_keys(ls, "weight"), "weight", "weight: heavy")),
}


@pytest.mark.parametrize("post", sample_posts(), ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_injected_defects_are_found_at_their_line(post: Path, tmp_path: Path) -> None:
    original = post.read_text(encoding="utf-8").split("\n")
    engine = Engine(now=NOW)
    for label, (code, mutate) in MUTATIONS.items():
        lines, line = mutate(drop_keys(original, "lastmod"))
        target = tmp_path / label.replace(" ", "-") / "index.md"
        target.parent.mkdir()
        target.write_text("\n".join(lines), encoding="utf-8")
        found = [(d.code, d.span.line) for d in engine.check(target).diagnostics]
        if label == "yaml syntax error":
            assert [c for c, _ in found if c.startswith("FM")] == ["FM004"], (label, found)
        else:
            assert (code, line) in found, (label, found)


def test_unterminated_front_matter_in_real_posts(tmp_path: Path) -> None:
    engine = Engine(now=NOW)
    for post in sample_posts(1):
        lines = post.read_text(encoding="utf-8").split("\n")
        end = end_of_front_matter(lines)
        target = tmp_path / f"{post.parent.name}-{post.stem}.md"
        target.write_text("\n".join(lines[:end] + lines[end + 1 :]), encoding="utf-8")
        found = [(d.code, d.span.line) for d in engine.check(target).diagnostics if d.code.startswith("FM")]
        assert found == [("FM002", 1)]
