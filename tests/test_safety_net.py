"""--fix over every post of ../shared/corpus (copied): idempotent, meaning-preserving, and limited to
the files that had findings. Skipped where the corpus is not beside the checkout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from tripreport_lint.document import Document, markdown_parser

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


def test_all_fixes_settle_in_one_run(corpus_copy: Path) -> None:
    first = run_cli("--fix", "-q", ".", cwd=corpus_copy)
    assert first.returncode in (0, 1) and "Traceback" not in first.stderr, first.stderr
    after = snapshot(corpus_copy)
    second = run_cli("--fix", "-q", ".", cwd=corpus_copy)
    assert snapshot(corpus_copy) == after, second.stdout
