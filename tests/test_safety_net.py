"""--fix over every post of ../shared/corpus (copied): idempotent, meaning-preserving, and limited to
the files that had findings. Skipped where the corpus is not beside the checkout."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from tripreport_lint.document.document import Document
from tripreport_lint.document.markdown import markdown_parser

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
# Fixes whose purpose is not to change content: normalisation and whitespace.
LAYOUT_RULES = "FMT,ENC006,ENC007,ENC008"


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def rendered_body(data: bytes) -> tuple[str, str]:
    doc = Document(Path("x.md"), "x.md", data)
    head = doc.text[: doc.body_start].rstrip("\r\n")  # ENC007 may add the final newline after it
    body = doc.text[doc.body_start :].replace("\r\n", "\n")
    return head, markdown_parser(block_only=False).render(body)


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, copy)
    for path in copy.rglob("*"):  # the shared corpus is read-only; its copy is ours to fix
        path.chmod(path.stat().st_mode | 0o200)
    return copy


def test_layout_fixes_keep_every_page_and_touch_only_files_with_findings(corpus_copy: Path) -> None:
    before = snapshot(corpus_copy)
    report = run_cli("--select", LAYOUT_RULES, "--output-format", "json", ".", cwd=corpus_copy)
    with_findings = {Path(row["path"]) for row in json.loads(report.stdout) if row["fixable"]}
    fixed = run_cli("--fix", "--select", LAYOUT_RULES, "-q", ".", cwd=corpus_copy)
    assert fixed.returncode in (0, 1), fixed.stderr
    after = snapshot(corpus_copy)
    changed = [p for p in before if before[p] != after[p]]
    assert changed and set(changed) <= with_findings
    for path in changed:
        assert rendered_body(before[path]) == rendered_body(after[path]), path
    again = run_cli("--fix", "--select", LAYOUT_RULES, "-q", ".", cwd=corpus_copy)
    assert snapshot(corpus_copy) == after, again.stdout
    print(f"layout fixes changed {len(changed)} of {len(before)} files")


def test_all_fixes_settle_in_one_run_and_keep_each_file_s_form(corpus_copy: Path) -> None:
    before, modes = snapshot(corpus_copy), {p: (corpus_copy / p).stat().st_mode for p in snapshot(corpus_copy)}
    report = run_cli("--output-format", "rdjson", ".", cwd=corpus_copy)
    fixes: dict[Path, list[tuple[str, int, int]]] = {}  # (code, first line, last line) of every edit offered
    for found in json.loads(report.stdout)["diagnostics"]:
        for suggestion in found.get("suggestions", []):
            where = suggestion["range"]
            fixes.setdefault(Path(found["location"]["path"]), []).append(
                (found["code"]["value"], where["start"]["line"], where["end"]["line"]))
    first = run_cli("--fix", "-q", ".", cwd=corpus_copy)
    assert first.returncode in (0, 1) and "Traceback" not in first.stderr, first.stderr
    after = snapshot(corpus_copy)
    second = run_cli("--fix", "-q", ".", cwd=corpus_copy)
    assert snapshot(corpus_copy) == after, second.stdout
    changed = [p for p in before if before[p] != after[p]]
    for path in changed:
        codes = {code for code, _, _ in fixes.get(path, [])}
        old, new = before[path], after[path]
        assert (corpus_copy / path).stat().st_mode == modes[path], path
        if "ENC008" not in codes:  # line endings change only through the line-ending rule
            assert (b"\r\n" in old, old.replace(b"\r\n", b"").count(b"\n") > 0) == (
                b"\r\n" in new, new.replace(b"\r\n", b"").count(b"\n") > 0), path
        if "ENC003" not in codes:
            assert old.startswith(b"\xef\xbb\xbf") == new.startswith(b"\xef\xbb\xbf"), path
        if "ENC007" not in codes:
            assert old.endswith((b"\n", b"\r")) == new.endswith((b"\n", b"\r")), path
        _assert_changed_lines_are_fixed_lines(path, old, new, fixes.get(path, []))
    print(f"all fixes changed {len(changed)} of {len(before)} files")


def _assert_changed_lines_are_fixed_lines(path: Path, old: bytes, new: bytes, fixes: list[tuple[str, int, int]]) -> None:
    """No text outside the lines the first lint offered to edit changed (a later pass may only
    finish those edits: normalisation's edit covers the whole body)."""
    allowed = {line for _, first, last in fixes for line in range(first, last + 1)}
    old_lines, new_lines = old.splitlines(), new.splitlines()
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
