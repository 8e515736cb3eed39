"""FMT001-FMT002 and the guard around mdformat; diff output; how fixed files are written."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from typing import Any

import mdformat
import pytest

from conftest import Site, run_cli
from tripreport_lint.engine.engine import FileResult
from tripreport_lint.engine.writer import write
from tripreport_lint.format.normalise import FormatOptions, Normalised, normalise

HEAD = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"
OPTIONS = FormatOptions()


def test_body_is_normalised_and_front_matter_left_alone(site: Site) -> None:
    text = "---\ntitle:   Notes   # spaced\ndate: 2024-01-01\n---\n\nDay one\n=======\n\n* keynotes\n* talks\n"
    assert site.findings(text, select="FMT") == [("FMT001", 6, 1)]
    assert site.fixed(text, select="FMT") == (
        "---\ntitle:   Notes   # spaced\ndate: 2024-01-01\n---\n\n# Day one\n\n- keynotes\n- talks\n"
    )


def test_crlf_and_missing_final_newline_are_kept(site: Site) -> None:
    text = (HEAD + "* a\n* b").replace("\n", "\r\n")
    assert site.fixed(text, select="FMT") == (HEAD + "- a\n- b").replace("\n", "\r\n")


def test_shortcodes_and_liquid_come_back_byte_for_byte() -> None:
    body = '* See {{< ref "post.md" >}} and {% link about.md %}\n\n{{< highlight go >}}\n*x* _y_\n{{< /highlight >}}\n'
    result = normalise(body, OPTIONS)
    assert result.text == '- See {{< ref "post.md" >}} and {% link about.md %}\n\n{{< highlight go >}}\n*x* _y_\n{{< /highlight >}}\n'


def test_definitions_and_comment_idiom_block_normalisation() -> None:
    body = "Text [a][x].\n\n[x]: https://example.com\n\nMore.\n"
    assert normalise(body, OPTIONS).reason == "mdformat would move or delete link definitions, footnotes or [//]: # comments"
    assert normalise("Text.\n\n[//]: # (hidden)\n", OPTIONS).text is None


def test_control_characters_mdformat_drops_are_kept() -> None:
    # CommonMark turns NUL into U+FFFD, so mdformat's output renders the same: only the guard sees it.
    assert normalise("* Day one\x00 notes\n", OPTIONS).reason == "mdformat would drop control characters"
    result = normalise("* a\x1c b\n", OPTIONS)  # mdformat keeps this one; refused should a release drop it
    assert result.text == "- a\x1c b\n" or result.reason == "mdformat would drop control characters"


def test_guard_refuses_mdformat_output_that_drops_a_control_character(monkeypatch: pytest.MonkeyPatch) -> None:
    real = mdformat.text

    def dropping(text: str, **kwargs: Any) -> str:
        return real(text, **kwargs).replace("\x1c", "")

    monkeypatch.setattr(mdformat, "text", dropping)
    normalise.cache_clear()
    result = normalise("* Keynotes\x1c and *workshops*\n", OPTIONS)
    normalise.cache_clear()
    assert result == Normalised(None, "mdformat would drop control characters")


def test_deep_nesting_and_size_limits() -> None:
    assert "nest deeper" in (normalise("> " * 30 + "deep\n", OPTIONS).reason or "")
    assert "larger than" in (normalise("word " * 250_000, OPTIONS).reason or "")


@pytest.mark.parametrize(
    ("mdformat_output", "reason"),
    [
        ("Keynotes and *talks* tripreportlintph0x.\n", "mdformat would lose or change words"),
        ("Keynotes and `workshops` tripreportlintph0x.\n", "mdformat would change what the page renders to"),
        ("Keynotes and *workshops*.\n", "mdformat would change a Hugo shortcode or a Liquid tag"),
        ("", "mdformat failed (RecursionError)"),
    ],
)
def test_guard_refuses_what_mdformat_gets_wrong(monkeypatch: pytest.MonkeyPatch, mdformat_output: str,
                                                reason: str) -> None:
    def fake(text: str, **kwargs: object) -> str:
        if not mdformat_output:
            raise RecursionError
        return mdformat_output

    monkeypatch.setattr(mdformat, "text", fake)
    normalise.cache_clear()
    assert normalise("Keynotes and *workshops* {{< ref x >}}.\n", FormatOptions(wrap=99)).reason == reason
    normalise.cache_clear()


def test_skipped_file_says_why(site: Site) -> None:
    text = HEAD + "Agenda.\n\n[//]: # (add the workshops)\n"
    [finding] = site.diagnostics(text, select="FMT")
    assert finding.code == "FMT002" and "link definitions" in finding.message


def test_diff_applies_with_git_apply(site: Site, tmp_path_factory: pytest.TempPathFactory) -> None:
    site.write("content/blog/a.md", HEAD + "* one\n* two")
    site.write("content/blog/b.md", HEAD + "Title\n=====\n\ndraft: no\n")
    copy = tmp_path_factory.mktemp("copy")
    shutil.copytree(site.root, copy, dirs_exist_ok=True)
    diff = run_cli("--diff", "--select", "FMT", ".", cwd=site.root)
    assert diff.returncode == 1 and "\\ No newline at end of file" in diff.stdout
    applied = subprocess.run(["git", "apply", "-"], input=diff.stdout, cwd=copy, text=True,
                             capture_output=True, check=False)
    assert applied.returncode == 0, applied.stderr
    assert run_cli("--fix", "--select", "FMT", ".", cwd=site.root).returncode == 0
    for name in ("a.md", "b.md"):
        assert (copy / "content/blog" / name).read_bytes() == (site.root / "content/blog" / name).read_bytes()


def test_executable_bit_and_symlinks_survive(site: Site) -> None:
    target = site.write("content/blog/real.md", HEAD + "* a\n")
    os.chmod(target, 0o755)
    link = site.root / "content/blog/link.md"
    link.symlink_to(target)
    assert run_cli("--fix", "--select", "FMT", "content/blog/link.md", cwd=site.root).returncode == 0
    assert link.is_symlink() and target.read_text() == HEAD + "- a\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_changed_on_disk_and_read_only_files_are_not_written(site: Site) -> None:
    path = site.write("content/blog/a.md", HEAD + "* a\n")
    result = FileResult(path, "content/blog/a.md", changed=True, new_bytes=b"new", raw=b"old")
    assert "changed on disk" in (write(result, [site.root]) or "")
    assert path.read_text() == HEAD + "* a\n"
    os.chmod(path, 0o444)
    result = FileResult(path, "content/blog/a.md", changed=True, new_bytes=b"new", raw=path.read_bytes())
    assert "read-only" in (write(result, [site.root]) or "")


def test_symlink_inside_the_tree_is_written_from_anywhere(site: Site, tmp_path_factory: pytest.TempPathFactory) -> None:
    # The linted tree is what the command names, not the folder the command runs in.
    target = site.write("shared/real.md", HEAD + "* a\n")
    (site.root / "content/blog").mkdir(parents=True, exist_ok=True)
    (site.root / "content/blog/link.md").symlink_to(target)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_cli("--fix", "--select", "FMT", str(site.root), cwd=elsewhere)
    assert result.returncode == 0 and result.stderr == ""
    assert target.read_text() == HEAD + "- a\n"
    assert "Fixed 1 problem" in result.stdout  # one file under two names is linted once


def test_symlink_out_of_the_tree_is_not_written(site: Site, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "post.md"
    outside.write_text(HEAD + "* a\n")
    (site.root / "content/blog").mkdir(parents=True, exist_ok=True)
    (site.root / "content/blog/link.md").symlink_to(outside)
    result = run_cli("--fix", "--select", "FMT", ".", cwd=site.root)
    assert result.returncode == 2 and "outside the linted tree; not written" in result.stderr
    assert outside.read_text() == HEAD + "* a\n"
    assert "Fixed 0 problems" in result.stdout  # a refused write fixed nothing
