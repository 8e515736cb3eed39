"""Configuration discovery, rule selection, and inline suppression comments (errors: test_config_errors.py)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Site, run_cli
from tripreport_lint.document.lines import LineIndex
from tripreport_lint.engine import suppressions

STRING_DRAFT = "---\ntitle: Notes\ndate: 2024-01-01\ndraft: \"true\"\ntags: [a, a]\n---\n\nBody.\n"


def test_pyproject_table_is_found_walking_up(site: Site) -> None:
    site.write("pyproject.toml", '[project]\nname = "blog"\n\n[tool.tripreport-lint]\nignore = ["FM031"]\n')
    assert [c for c, _, _ in site.findings(STRING_DRAFT, relative="content/blog/2024/post.md")] == ["FM010"]


def test_pyproject_without_our_table_is_skipped(site: Site, tmp_path: Path) -> None:
    site.write(".tripreport-lint.toml", 'ignore = ["schema-violation"]\n')
    site.write("content/pyproject.toml", '[project]\nname = "x"\n')
    assert [c for c, _, _ in site.findings(STRING_DRAFT)] == ["FM031"]


def test_select_by_prefix_and_name_and_extend(site: Site) -> None:
    site.write(".tripreport-lint.toml", 'select = ["FM03"]\nextend-select = ["date-without-timezone"]\n')
    text = STRING_DRAFT.replace("date: 2024-01-01", "date: 2024-01-01T10:00:00")
    assert [c for c, _, _ in site.findings(text)] == ["FM023", "FM031"]


def test_per_file_ignores(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[per-file-ignores]\n"content/blog/legacy/**" = ["FM010"]\n')
    assert [c for c, _, _ in site.findings(STRING_DRAFT, relative="content/blog/legacy/2019/x.md")] == ["FM031"]
    assert [c for c, _, _ in site.findings(STRING_DRAFT)] == ["FM010", "FM031"]


def test_disable_next_line_and_ranges(site: Site) -> None:
    text = (
        "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"
        "<!-- tripreport-lint-disable-next-line -->\nline six\n"
        "<!-- tripreport-lint-disable FM010 -->\nx\n<!-- tripreport-lint-enable FM010 -->\n"
    )
    found = suppressions.parse(text, LineIndex(text), lambda word: [word])
    assert found.suppresses("FM031", 7) and not found.suppresses("FM031", 8)
    assert found.suppresses("FM010", 9) and not found.suppresses("FM010", 11) and not found.suppresses("FM031", 9)


def test_disable_file_by_name_silences_front_matter_findings(site: Site) -> None:
    text = STRING_DRAFT + "\n<!-- tripreport-lint-disable-file schema-violation -->\n"
    assert [c for c, _, _ in site.findings(text)] == ["FM031"]
    assert site.findings(STRING_DRAFT + "<!-- tripreport-lint-disable-file -->\n") == []


def test_include_globs_choose_files_and_folders_named_like_posts_are_not_files(site: Site) -> None:
    site.write("content/blog/a.md", STRING_DRAFT)
    site.write("content/blog/b.mdx", STRING_DRAFT)
    site.write("content/blog/odd.md/picture.png", "png")
    only_md = run_cli("--statistics", ".", cwd=site.root)
    assert "in 1 file" in only_md.stdout
    site.write(".tripreport-lint.toml", 'include = ["*.md", "content/**/*.mdx"]\n')
    both = run_cli("--statistics", ".", cwd=site.root)
    assert "in 2 files" in both.stdout


def _linted(site: Site) -> list[str]:
    result = run_cli("--output-format", "json", ".", cwd=site.root)
    return sorted({row["path"] for row in json.loads(result.stdout)})


def test_exclude_globs_read_as_in_a_gitignore(site: Site) -> None:
    for relative in ("content/drafts/idea.md", "content/drafts/keep.md", "content/blog/2023/a.md",
                     "content/blog/2024/b.md", "content/blog/2025/c.md", "content/notes/*.md", "content/notes/todo.md"):
        site.write(relative, STRING_DRAFT)
    # A class, a path taken back out with '!', and an escaped '*' that only matches a '*'.
    site.write(".tripreport-lint.toml", 'exclude = ["content/drafts/**", "!content/drafts/keep.md", '
                                        r"""'content/blog/202[34]', 'content/notes/\*.md']""" "\n")
    assert _linted(site) == ["content/blog/2025/c.md", "content/drafts/keep.md", "content/notes/todo.md"]


def test_per_file_ignores_and_schemas_take_classes(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[per-file-ignores]\n"content/blog/201[0-9]/**" = ["FM010"]\n'
                                        '[schemas]\n"content/blog/202[0-3]/**" = "none"\n')
    assert [c for c, _, _ in site.findings(STRING_DRAFT, relative="content/blog/2019/x.md")] == ["FM031"]
    assert [c for c, _, _ in site.findings(STRING_DRAFT, relative="content/blog/2023/x.md")] == ["FM031"]
    assert [c for c, _, _ in site.findings(STRING_DRAFT, relative="content/blog/2024/x.md")] == ["FM010", "FM031"]


def test_include_globs_with_a_folder_match_only_files_themselves(site: Site) -> None:
    site.write("content/blog/a.mdx", STRING_DRAFT)
    site.write("content/blog/b.md", STRING_DRAFT)
    site.write("content/blog/old.mdx/picture.png", "png")
    site.write(".tripreport-lint.toml", 'include = ["content/**/*.mdx"]\n')
    assert _linted(site) == ["content/blog/a.mdx"]


def test_a_directive_naming_no_rule_is_reported_with_the_nearest(site: Site) -> None:
    body = ("<!-- tripreport-lint-disable-next-line LNK05, NOPE9 -->\nSee [the agenda](#agenda).\n\n"
            "<!-- tripreport-lint-disable missing-fragmnt -->\n\n```markdown\n<!-- tripreport-lint-disable XYZ1 -->\n```\n")
    found = site.diagnostics("---\ntitle: Notes\ndate: 2024-05-19\n---\n\n" + body)
    assert [(d.code, d.span.line, d.span.column) for d in found] == [
        ("CMT003", 6, 40), ("CMT003", 6, 47), ("LNK005", 7, 5), ("CMT003", 9, 30)]
    assert found[0].message == ("'LNK05' in a tripreport-lint-disable-next-line comment names no rule, so it silences "
                                "nothing (did you mean 'LNK005' (missing-fragment)?)")
    assert "(see tripreport-lint --show-rules)" in found[1].message
    assert "did you mean 'missing-fragment' (LNK005)?" in found[3].message
