"""--fix over a copy of whole blogs: idempotent, meaning-preserving, and limited to the files and lines
that had findings, keeping each file's mode, line endings, BOM and final newline.

The same checks run on the posts of tests/data (written for this, with the defects the layout and
safe fixes touch) always, and on every post of ../shared/corpus where it is beside the checkout.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from conftest import CORPUS, DATA, run_cli, writable_copy
from tripreport_lint.document import templates
from tripreport_lint.document.document import Document
from tripreport_lint.document.markdown import markdown_parser

# Fixes whose purpose is not to change content: normalisation and whitespace.
LAYOUT_RULES = "FMT,ENC006,ENC007,ENC008"
# Given to the copies' posts in turn, so that a fix that wrote a file with its own mode would show.
MODES = (0o644, 0o600, 0o755, 0o664)


def posts(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".markdown"))


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in posts(root)}


def rendered_body(data: bytes) -> tuple[str, str]:
    doc = Document(Path("x.md"), "x.md", data)
    head = doc.text[: doc.body_start].rstrip("\r\n")  # ENC007 may add the final newline after it
    body = doc.text[doc.body_start :].replace("\r\n", "\n")
    # Hugo puts a shortcode's output in, never its braces (FMT001's guard reads them so on Hugo sites; the
    # other sites here have none): each renders as one word.
    for start, end in reversed(templates.tags(body)):
        if body.startswith(("{{<", "{{%"), start):
            body = body[:start] + "shortcode" + body[end:]
    return head, markdown_parser(block_only=False).render(body)


@pytest.fixture(params=["data", "corpus"])
def blogs(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A fresh copy of tests/data or of the corpus, ours to fix."""
    source = {"data": DATA, "corpus": CORPUS}[request.param]
    if not source.is_dir():
        pytest.skip(f"{source} is not beside this checkout")
    copy = writable_copy(source, tmp_path / request.param)
    for index, path in enumerate(posts(copy)):
        path.chmod(MODES[index % len(MODES)])
    return copy


def test_layout_fixes_keep_every_page_and_touch_only_files_with_findings(blogs: Path) -> None:
    before = snapshot(blogs)
    report = run_cli("--select", LAYOUT_RULES, "--output-format", "json", ".", cwd=blogs)
    with_findings = {Path(row["path"]) for row in json.loads(report.stdout) if row["fixable"]}
    fixed = run_cli("--fix", "--select", LAYOUT_RULES, "-q", ".", cwd=blogs)
    assert fixed.returncode == 1 and fixed.stderr == "", fixed.stderr  # 1: files were rewritten
    after = snapshot(blogs)
    changed = [p for p in before if before[p] != after[p]]
    assert changed and set(changed) <= with_findings
    for path in changed:
        assert rendered_body(before[path]) == rendered_body(after[path]), path
    again = run_cli("--fix", "--select", LAYOUT_RULES, "-q", ".", cwd=blogs)
    assert snapshot(blogs) == after, again.stdout
    print(f"layout fixes changed {len(changed)} of {len(before)} files")


def test_all_fixes_settle_in_one_run_and_keep_each_file_s_form(blogs: Path) -> None:
    before, modes = snapshot(blogs), {p: (blogs / p).stat().st_mode for p in snapshot(blogs)}
    report = run_cli("--output-format", "rdjson", ".", cwd=blogs)
    fixes: dict[Path, list[tuple[str, int, int]]] = {}  # (code, first line, last line) of every edit offered
    blocked: dict[Path, int] = {}  # FMT002's line: the body normalisation may rewrite once a fix removes the cause
    for found in json.loads(report.stdout)["diagnostics"]:
        if found["code"]["value"] == "FMT002":
            blocked[Path(found["location"]["path"])] = found["location"]["range"]["start"]["line"]
        for suggestion in found.get("suggestions", []):
            where = suggestion["range"]
            fixes.setdefault(Path(found["location"]["path"]), []).append(
                (found["code"]["value"], where["start"]["line"], where["end"]["line"]))
    first = run_cli("--fix", "-q", ".", cwd=blogs)
    assert first.returncode == 1 and first.stderr == "", first.stderr  # 1: files were rewritten
    after = snapshot(blogs)
    second = run_cli("--fix", "-q", ".", cwd=blogs)
    assert snapshot(blogs) == after, second.stdout
    changed = [p for p in before if before[p] != after[p]]
    assert changed and set(changed) <= set(fixes)
    for path in changed:
        codes = {code for code, _, _ in fixes[path]}
        old, new = before[path], after[path]
        assert (blogs / path).stat().st_mode == modes[path], path
        if "ENC008" not in codes:  # line endings change only through the line-ending rule
            assert (b"\r\n" in old, old.replace(b"\r\n", b"").count(b"\n") > 0) == (
                b"\r\n" in new, new.replace(b"\r\n", b"").count(b"\n") > 0), path
        if "ENC003" not in codes:
            assert old.startswith(b"\xef\xbb\xbf") == new.startswith(b"\xef\xbb\xbf"), path
        if "ENC007" not in codes:
            assert old.endswith((b"\n", b"\r")) == new.endswith((b"\n", b"\r")), path
        _assert_changed_lines_are_fixed_lines(path, old, new, fixes[path], blocked.get(path))
    print(f"all fixes changed {len(changed)} of {len(before)} files")


def _assert_changed_lines_are_fixed_lines(path: Path, old: bytes, new: bytes, fixes: list[tuple[str, int, int]],
                                          blocked: int | None) -> None:
    """No text outside the lines the first lint offered to edit changed (a later pass may only
    finish those edits: normalisation's edit runs from its first change to the end; and where
    FMT002 said what kept normalisation off, a fix that removes it lets a later pass normalise the
    body from FMT002's line on)."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    allowed = {line for _, first, last in fixes for line in range(first, last + 1)}
    if blocked is not None:
        allowed |= set(range(blocked, len(old_lines) + 1))
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 == i1:  # an insertion: beside a line a fix offered to edit
            assert {i1, i1 + 1} & allowed, (path, tag, i1, sorted(allowed)[:20])
            continue
        # Of blank lines around an edit, which one went is the diff's guess, not the fix's choice.
        outside = {n for n in range(i1 + 1, i2 + 1) if n not in allowed
                   and not (not old_lines[n - 1].strip() and {n - 1, n + 1} & allowed)}
        assert not outside, (path, tag, i1 + 1, i2, sorted(allowed)[:20])
