"""``tripreport-lint format``: normalises in place, or says what it would change (--check, --diff), and why a body
was left as written; ``check`` (the default command) reports defects only."""

from __future__ import annotations

import os

from conftest import Site, run_cli

# A post with a defect (a quoted boolean) and only formatting to normalise: `*` bullets, trailing spaces.
POST = "---\ntitle: Meetup recap\ndate: 2024-03-05\ndraft: \"false\"\n---\n\nPizza and talks.   \n\n* one\n* two\n"
FORMATTED = "---\ntitle: Meetup recap\ndate: 2024-03-05\ndraft: \"false\"\n---\n\nPizza and talks.\n\n- one\n- two\n"
# mdformat would gather the definition at the end, away from the paragraph it belongs to.
KEPT = "---\ntitle: Booth duty\ndate: 2024-03-06\n---\n\n[site]: https://example.com\n\nSee [the site][site].  \n"


def test_check_reports_defects_and_no_formatting(site: Site) -> None:
    site.write("content/blog/recap.md", POST)
    for command in ([], ["check"]):
        result = run_cli(*command, "--output-format", "json", "content", cwd=site.root)
        assert result.returncode == 1, result.stderr
        assert [row["code"] for row in __import__("json").loads(result.stdout)] == ["FM010"]
    # Style rules stay selectable by code or name.
    chosen = run_cli("check", "--select", "trailing-whitespace,FMT001", "content", cwd=site.root)
    assert "ENC006" in chosen.stdout and "FMT001" in chosen.stdout


def test_format_check_lists_the_files_and_changes_nothing(site: Site) -> None:
    path = site.write("content/blog/recap.md", POST)
    site.write("content/blog/clean.md", FORMATTED.replace("Meetup", "Clean"))
    result = run_cli("format", "--check", "content", cwd=site.root)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ("Would reformat: content/blog/recap.md\n"
                             "1 file would be reformatted, 1 file already formatted.\n")
    assert path.read_text() == POST


def test_format_diff_prints_the_patch_and_changes_nothing(site: Site) -> None:
    path = site.write("content/blog/recap.md", POST)
    result = run_cli("format", "--diff", "content", cwd=site.root)
    assert result.returncode == 1
    assert "-* one\n-* two\n+- one\n+- two\n" in result.stdout and "-Pizza and talks.   \n+Pizza and talks.\n" in result.stdout
    assert result.stderr == "1 file would be reformatted, 0 files already formatted.\n"
    assert path.read_text() == POST


def test_format_writes_only_formatting_and_a_second_run_changes_nothing(site: Site) -> None:
    path = site.write("content/blog/recap.md", POST)
    result = run_cli("format", "content", cwd=site.root)
    assert (result.returncode, result.stdout) == (0, "1 file reformatted, 0 files left unchanged.\n")
    assert path.read_text() == FORMATTED  # the quoted boolean is check's to fix, not format's
    mtime = path.stat().st_mtime_ns
    again = run_cli("format", "--check", "content", cwd=site.root)
    assert (again.returncode, again.stdout) == (0, "0 files would be reformatted, 1 file already formatted.\n")
    assert run_cli("format", "content", cwd=site.root).returncode == 0 and path.stat().st_mtime_ns == mtime


def test_format_says_why_a_body_was_kept_as_written(site: Site) -> None:
    path = site.write("content/blog/booth.md", KEPT)
    result = run_cli("format", "content", cwd=site.root)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "content/blog/booth.md: not normalised: mdformat would move or delete link definitions, footnotes or "
        "[//]: # comments",
        "1 file reformatted, 0 files left unchanged; 1 file kept its body as written (why above).",
    ]
    assert path.read_text() == KEPT.replace(".  \n", ".\n")  # whitespace is still normalised


def test_format_under_github_actions_points_to_the_notices(site: Site) -> None:
    site.write("content/blog/booth.md", KEPT)
    result = run_cli("format", "content", cwd=site.root, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.stdout.splitlines()[0].startswith("::notice file=content/blog/booth.md,")
    assert result.stdout.splitlines()[-1] == \
        "1 file reformatted, 0 files left unchanged; 1 file kept its body as written (see the notices)."


def test_format_counts_a_read_only_file_as_not_written(site: Site) -> None:
    path = site.write("content/blog/recap.md", POST)
    site.write("content/blog/done.md", FORMATTED.replace("Meetup recap", "Closing day"))
    path.chmod(0o444)
    result = run_cli("format", "content", cwd=site.root)
    assert result.returncode == 2 and path.read_text() == POST
    assert result.stdout == "0 files reformatted, 1 file could not be written (see the errors below), " \
                            "1 file left unchanged.\n"
    assert result.stderr == "tripreport-lint: error: content/blog/recap.md: read-only; fixes not written\n"


def test_format_options_come_from_the_config_and_explain_with_them(site: Site) -> None:
    site.write(".tripreport-lint.toml", "[not-normalised]\nwrap = 30\n")
    path = site.write("content/blog/long.md", "---\ntitle: Long\ndate: 2024-03-07\n---\n\n"
                      "A paragraph that is longer than thirty characters.\n")
    assert run_cli("format", "content", cwd=site.root).returncode == 0
    assert "A paragraph that is longer\nthan thirty characters.\n" in path.read_text()


def test_format_under_github_actions_annotates(site: Site) -> None:
    site.write("content/blog/recap.md", POST)
    result = run_cli("format", "--check", "content", cwd=site.root, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == ("::error file=content/blog/recap.md,title=tripreport-lint format::"
                                             "would be reformatted: run tripreport-lint format")


def test_format_usage_errors_and_missing_paths_exit_2(site: Site) -> None:
    both = run_cli("format", "--check", "--diff", ".", cwd=site.root)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    assert run_cli("format", "--select", "FMT", ".", cwd=site.root).returncode == 2
    missing = run_cli("format", "nowhere", cwd=site.root)
    assert missing.returncode == 2 and "nowhere: no such file or directory" in missing.stderr


def test_a_folder_named_like_a_command_is_reached_with_dot_slash(site: Site) -> None:
    site.write("format/notes.md", "# Notes\n\nTeh agenda.\n")
    result = run_cli("./format", cwd=site.root)
    assert result.returncode == 1 and "format/notes.md:3:1: SPL001" in result.stdout


def test_rewrapping_is_refused_where_a_line_break_is_a_br(site: Site) -> None:
    site.write(".tripreport-lint.toml", "[not-normalised]\nwrap = \"no\"\n")
    text = "---\ntitle: Two lines\ndate: 2024-03-08\n---\n\nFirst line\nsecond line.\n"
    path = site.write("content/blog/lines.md", text)
    site.write("hugo.toml", 'title = "Test blog"\n[markup.goldmark.renderer]\nhardWraps = true\n')
    result = run_cli("format", "content", cwd=site.root)
    assert "not normalised: mdformat would change what the page renders to" in result.stdout
    assert path.read_text() == text
    site.write("hugo.toml", 'title = "Test blog"\n')  # Goldmark's default: the break is a space
    assert run_cli("format", "content", cwd=site.root).returncode == 0  # the cache knows the setting changed
    assert path.read_text() == text.replace("First line\nsecond", "First line second")
