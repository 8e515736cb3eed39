"""FM001-FM006 and ENC001: the front matter block itself, and the file's encoding."""

from __future__ import annotations

from conftest import Site

GOOD = """\
---
title: Notes from DevOpsDays Amsterdam
date: 2024-06-20
tags: [devopsdays, culture]
---

Two days of open spaces and ignite talks.
"""


def test_clean_post_has_no_findings(site: Site) -> None:
    assert site.findings(GOOD) == []


def test_missing_front_matter_names_required_keys(site: Site) -> None:
    findings = site.diagnostics("# Notes from DevOpsDays\n\nTwo days of talks.\n")
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM001", 1, 1)]
    assert findings[0].message == "no front matter: add a '---' (YAML) or '+++' (TOML) block at the top of the file " \
                                  "with the required keys (title, date)"


def test_missing_front_matter_is_fine_where_schema_is_none(site: Site) -> None:
    assert site.findings("# How to write for this blog\n", relative="content/blog/README.md") == []


def test_missing_front_matter_is_fine_in_a_file_named_as_a_repository_document(site: Site) -> None:
    for name in ("CHANGELOG.md", "SOURCES.md", "CODE_OF_CONDUCT.md"):
        assert site.findings("# Changes\n", select="FM001", relative=f"content/blog/{name}") == []
    assert site.findings("# Changes\n", select="FM001", relative="content/blog/Changelog.md") == [("FM001", 1, 1)]


def test_hugo_reads_front_matter_after_blank_lines_and_spaces(site: Site) -> None:
    # Hugo 0.168 built each of these with its title and date (leading blank lines, spaces, a tab, TOML).
    for lead in ("\n", "\n\n  \n", "   ", "\t\n"):
        assert site.findings(lead + GOOD) == [], repr(lead)
    toml = '\n+++\ntitle = "Notes from SREcon"\ndate = 2024-03-18\ndraft = "false"\n+++\nOn-call stories.\n'
    assert site.findings(toml) == [("FM010", 5, 9)]  # read and checked where it stands


def test_a_block_after_blank_lines_that_holds_no_pairs_is_markdown(site: Site) -> None:
    text = "\n---\n\nA rule, then a paragraph.\n\n---\n"
    assert site.findings(text, select="FM") == [("FM001", 1, 1)]


def test_front_matter_after_blank_lines_is_not_read_by_jekyll(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: Example blog\n")
    relative = "_posts/2024-06-20-devopsdays.md"
    findings = site.diagnostics("\n\n" + GOOD, relative=relative)
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM006", 3, 1)]
    assert "Jekyll reads none there" in findings[0].message
    assert site.fixed("\n\n" + GOOD, relative=relative) == GOOD
    assert site.findings("  " + GOOD, relative=relative) == [("FM006", 1, 3)]


def test_front_matter_after_blank_lines_on_a_gatsby_site(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("gatsby-config.js", "module.exports = {}\n")
    findings = site.diagnostics("\n" + GOOD, relative="content/blog/devopsdays/index.md")
    assert [(d.code, d.span.line) for d in findings] == [("FM006", 2)]
    assert "only Hugo reads one there" in findings[0].message


def test_a_page_bundle_s_other_markdown_files_are_its_resources(site: Site) -> None:
    # Hugo 0.168 renders content/posts/deep-dive/index.md alone: the Markdown files beside and below it are
    # resources the page may use, not pages, and need no front matter.
    site.write("content/posts/deep-dive/index.md", GOOD)
    snippet = "# Reference table\n\nRows.\n"
    assert site.findings(snippet, select="FM", relative="content/posts/deep-dive/reference.md") == []
    assert site.findings(snippet, select="FM", relative="content/posts/deep-dive/notes/more.md") == []
    # A branch bundle (_index.md) holds pages.
    site.write("content/posts/_index.md", "---\ntitle: Posts\n---\n")
    assert site.findings(snippet, select="FM", relative="content/posts/other.md") == [("FM001", 1, 1)]


def test_unterminated_front_matter(site: Site) -> None:
    text = "---\ntitle: Notes from SREcon\ndate: 2024-03-18\n\nWe met the on-call crowd.\n"
    assert site.findings(text) == [("FM002", 1, 1)]


def test_unterminated_json_names_its_delimiter(site: Site) -> None:
    findings = site.diagnostics('{\n"title": "SREcon",\n"date": "2024-03-18"\n\nOn-call stories.\n')
    assert [d.code for d in findings] == ["FM002"]
    assert "'}'" in findings[0].message


def test_unterminated_toml_names_its_delimiter(site: Site) -> None:
    findings = site.diagnostics('+++\ntitle = "SREcon"\ndate = 2024-03-18\n')
    assert [d.code for d in findings] == ["FM002"]
    assert "'+++'" in findings[0].message


def test_yaml_syntax_error_at_its_line_with_the_list_that_was_open(site: Site) -> None:
    text = "---\ntitle: Notes\ndate: 2024-03-18\ntags: [sre, oncall\n---\n\nBody.\n"
    findings = site.diagnostics(text)
    assert [(d.code, d.span.line) for d in findings] == [("FM004", 5)]
    assert "starts on line 4" in findings[0].message


def test_colon_in_plain_title_is_a_syntax_error(site: Site) -> None:
    assert site.findings("---\ntitle: Day one: keynotes\ndate: 2024-03-18\n---\n") == [("FM004", 2, 15)]


def test_toml_syntax_error_position(site: Site) -> None:
    assert site.findings('+++\ntitle = "SREcon"\ndate = 2024-03-18\ntags = ["sre",\n+++\n') == [("FM004", 5, 1)]


def test_json_front_matter_is_parsed_and_checked(site: Site) -> None:
    text = '{\n  "title": "Container Days",\n  "date": "2024-09-10",\n  "draft": "no"\n}\n\nHamburg in September.\n'
    assert site.findings(text) == [("FM010", 4, 12)]


def test_json_syntax_error(site: Site) -> None:
    text = '{\n  "title": "Container Days",\n  "date": "2024-09-10",\n}\n\nBody.\n'
    assert [code for code, _, _ in site.findings(text)] == ["FM004"]


def test_front_matter_that_is_a_list(site: Site) -> None:
    assert site.findings("---\n- title: Notes\n- date: 2024-03-18\n---\n") == [("FM003", 2, 1)]


def test_front_matter_that_is_a_scalar(site: Site) -> None:
    assert site.findings("---\njust some words\n---\n") == [("FM003", 2, 1)]


def test_duplicate_key_reported_at_the_second_key(site: Site) -> None:
    text = "---\ntitle: Notes from SREcon\ndate: 2024-03-18\ntitle: SREcon Americas\n---\n"
    findings = site.diagnostics(text)
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM005", 4, 1)]
    assert "first on line 2" in findings[0].message


def test_duplicate_nested_key(site: Site) -> None:
    text = "---\ntitle: Notes\ndate: 2024-03-18\nparams:\n  author: kim\n  author: lee\n---\n"
    findings = site.diagnostics(text)
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM005", 6, 3)]
    assert "'params.author'" in findings[0].message


def test_invalid_utf8_reports_the_byte_and_stops_other_rules(site: Site) -> None:
    path = site.root / "content/blog/latin1.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"---\ntitle: Caf\xe9 talk\n---\n")
    result = site.lint("content/blog/latin1.md")
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [("ENC001", 2, 11)]
    assert "0xE9 at offset 14" in result.diagnostics[0].message


def test_bom_before_front_matter_is_accepted(site: Site) -> None:
    path = site.root / "content/blog/bom.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert [d.code for d in site.lint("content/blog/bom.md").diagnostics] == ["ENC003"]


def test_crlf_and_cr_only_line_endings(site: Site) -> None:
    crlf = GOOD.replace("\n", "\r\n")
    assert site.findings(crlf) == []
    cr_only = "---\rtitle: Notes\rdate: 2024-03-18\rdraft: \"no\"\r---\rBody.\r"
    assert site.findings(cr_only) == [("FM010", 4, 8)]


def test_empty_front_matter_is_a_mapping_missing_keys(site: Site) -> None:
    assert site.findings("---\n---\nBody.\n") == [("FM010", 1, 1), ("FM010", 1, 1)]


def test_unclosed_quote_is_reported_where_it_opens(site: Site) -> None:
    text = '---\ntitle: "Notes from SREcon\ndate: 2024-03-18\ntags: [sre, oncall]\n---\n\nBody.\n'
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.span.column) == ("FM004", 2, 8)
    assert "never closed" in finding.message
    assert site.findings("---\ndate: 2024-03-18\ntitle: 'Notes\n---\n\nBody.\n") == [("FM004", 3, 8)]


def test_front_matter_closed_only_by_a_thematic_break_in_the_body(site: Site) -> None:
    # The `---` of the body is taken as the closer; the "front matter" then holds body text.
    text = ("---\ntitle: Notes from SREcon\ndate: 2024-03-18\n\nWe met the on-call crowd at the hallway track.\n\n"
            "---\n\n## Day two\n\nMore notes.\n")
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.span.column) == ("FM002", 1, 1)
    assert "never closed" in finding.message
    heading = "---\ntitle: Notes from SREcon\ndate: 2024-03-18\n\n# Day one\n\nTalks: [keynote, panel\n\n---\n\nEnd.\n"
    assert site.findings(heading) == [("FM002", 1, 1)]


def test_a_blank_line_inside_front_matter_that_does_not_parse_is_still_a_syntax_error(site: Site) -> None:
    text = "---\ntitle: Notes from SREcon\n\ndate: 2024-03-18: day one\n---\n\nBody.\n"
    assert site.findings(text) == [("FM004", 4, 17)]
    block = "---\ntitle: Notes\ndate: 2024-03-18\ndescription: |\n  Intro.\n\n  # Not a heading\n---\n\nBody.\n"
    assert site.findings(block) == []
