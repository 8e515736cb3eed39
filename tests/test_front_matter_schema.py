"""FM010: schema violations, where they stand and in plain words, with their fixes."""

from __future__ import annotations

import json

from conftest import Site


def post(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\nA day of talks.\n"


def test_string_draft_is_reported_at_the_value_and_fixed(site: Site) -> None:
    text = post("title: Notes from KCD Munich", "date: 2024-07-01", 'draft: "false"')
    [finding] = site.diagnostics(text)
    assert (finding.code, finding.span.line, finding.span.column) == ("FM010", 4, 8)
    assert finding.message == "'draft' must be true or false, got the string \"false\": write false without quotes"
    assert site.fixed(text) == text.replace('draft: "false"', "draft: false")


def test_numeric_draft_becomes_a_boolean(site: Site) -> None:
    text = post("title: Notes", "date: 2024-07-01", "draft: 0")
    assert site.fixed(text) == text.replace("draft: 0", "draft: false")


def test_unquoted_number_title_is_explained_and_quoted(site: Site) -> None:
    text = post("title: 2024", "date: 2024-07-01")
    [finding] = site.diagnostics(text)
    assert (finding.span.line, finding.span.column) == (2, 8)
    assert "YAML reads the unquoted 2024 as number: put it in quotes" in finding.message
    assert site.fixed(text) == text.replace("title: 2024", 'title: "2024"')


def test_unquoted_date_stays_a_valid_string(site: Site) -> None:
    assert site.findings(post("title: Notes", "date: 2024-05-19", "lastmod: 2024-05-20 10:00:00")) == []


def test_missing_required_keys_are_reported_at_the_opening_line(site: Site) -> None:
    findings = site.diagnostics(post("draft: false"))
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM010", 1, 1), ("FM010", 1, 1)]
    assert {d.message for d in findings} == {
        "required key 'title' is missing: add it",
        "required key 'date' is missing: add it",
    }


def test_date_from_an_alias_counts_and_from_the_file_name_only_where_hugo_reads_it(site: Site) -> None:
    assert site.findings(post("title: Notes", "publishDate: 2024-05-19")) == []
    bundle = "content/blog/2024-05-19-notes/index.md"
    assert site.findings(post("title: Bundle"), relative=bundle) == [("FM010", 1, 1)]  # Hugo's default: no date
    site.write("hugo.toml", '[frontmatter]\ndate = [":filename", ":default"]\n')
    assert site.findings(post("title: Bundle"), relative=bundle) == []


def test_list_item_of_wrong_type_is_reported_at_the_item(site: Site) -> None:
    text = post("title: Notes", "date: 2024-07-01", "tags:", "  - kcd", "  - 2024", "  - munich")
    [finding] = site.diagnostics(text)
    assert (finding.span.line, finding.span.column) == (6, 5)
    assert finding.message.startswith("'tags[1]' must be a string, got the number 2024")


def test_tags_as_a_single_string(site: Site) -> None:
    [finding] = site.diagnostics(post("title: Notes", "date: 2024-07-01", "tags: kcd"))
    assert finding.message == "'tags' must be a list of strings, got the string \"kcd\""


def test_author_in_the_shapes_themes_read(site: Site) -> None:
    for shape in ("author: kim", "author: [kim, lee]", "author:\n  name: kim\n  url: https://kim.example",
                  "authors:\n  - name: kim\n  - lee"):
        assert site.findings(post("title: N", "date: 2024-07-01", shape)) == [], shape
    [finding] = site.diagnostics(post("title: N", "date: 2024-07-01", "author: 42"))
    assert finding.message.startswith("'author' must be a string")
    assert (finding.span.line, finding.span.column) == (4, 9)


def test_empty_title(site: Site) -> None:
    [finding] = site.diagnostics(post('title: ""', "date: 2024-07-01"))
    assert finding.message == "'title' is empty: give it a value or remove the key"


def test_toml_violation_reported_at_the_value(site: Site) -> None:
    text = '+++\ntitle = "KCD Munich"\ndate = 2024-07-01\ndraft = "true"\ntags = ["kcd", 7]\n+++\n'
    findings = site.diagnostics(text)
    assert [(d.span.line, d.span.column) for d in findings] == [(4, 9), (5, 16)]
    assert site.fixed(text).splitlines()[3] == "draft = true"


def test_section_pages_use_the_section_schema(site: Site) -> None:
    assert site.findings("---\ntitle: 2019\n---\n", relative="content/blog/2019/_index.md") == []


def test_user_schema_with_additional_properties(site: Site) -> None:
    schema = {
        "type": "object",
        "required": ["title"],
        "properties": {"title": {"type": "string"}, "level": {"enum": ["beginner", "advanced"]}},
        "additionalProperties": False,
    }
    site.write("blog-schema.json", json.dumps(schema))
    site.write(".tripreport-lint.toml", 'schema = "blog-schema.json"\n')
    findings = site.diagnostics(post("title: Notes", "level: expert", "ttile: typo"))
    assert [(d.span.line, d.message) for d in findings] == [
        (3, "'level' must be one of \"beginner\", \"advanced\", got the string \"expert\""),
        (4, "key 'ttile' is not allowed by the schema: remove it or check its spelling"),
    ]


def test_date_time_format_of_a_user_schema_is_checked(site: Site) -> None:
    schema = {"type": "object", "properties": {"date": {"type": "string", "format": "date-time"}}}
    site.write("s.json", json.dumps(schema))
    site.write(".tripreport-lint.toml", 'schema = "s.json"\n')
    [finding] = site.diagnostics(post("date: 2024-07-01T25:00:00Z"), select="FM010")
    assert finding.message == "'date' is not a valid date-time: got the string \"2024-07-01T25:00:00Z\""


def test_json_types_follow_the_schemas_draft(site: Site) -> None:
    """0.0 is an integer from draft 6 on: what is wrong is the value, not its type; draft 4 says otherwise."""
    weight = {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "integer", "maximum": -1}]}  # Hugo ignores 0
    schema = {"type": "object", "properties": {"weight": weight}}
    site.write("s.json", json.dumps(schema))
    site.write("s4.json", json.dumps({**schema, "$schema": "http://json-schema.org/draft-04/schema#"}))
    site.write(".tripreport-lint.toml", 'schema = "s.json"\n[schemas]\n"content/old/**" = "s4.json"\n')
    [finding] = site.diagnostics(post("weight: 0.0"), select="FM010")
    assert finding.message == "'weight': 0.0 is less than the minimum of 1"
    [finding] = site.diagnostics(post("weight: 0.0"), select="FM010", relative="content/old/post.md")
    assert finding.message == "'weight' must be a whole number, got the number 0.0"


def test_a_theme_s_toc_mapping_is_accepted(site: Site) -> None:
    assert site.findings(post("title: Notes", "date: 2024-07-01", "toc:", "  enable: true", "  auto: false")) == []
    assert site.findings(post("title: Notes", "date: 2024-07-01", "toc: 3")) == [("FM010", 4, 6)]


def test_an_empty_taxonomy_key_sets_no_terms(site: Site) -> None:
    # `tags:` with nothing after it is null: Hugo and Jekyll read it as no tags.
    assert site.findings(post("title: Notes", "date: 2024-07-01", "tags:", "categories:")) == []


def test_an_empty_optional_key_is_as_if_left_out(site: Site) -> None:
    # `description:` with no value is nil to Jekyll and Hugo, which show nothing for it (blog templates leave
    # such keys for the author to fill in); an empty title shows an empty heading.
    empty = ["description:", "summary:", "image:", "images:", "author:", "draft:", "lastmod:", "slug:", "weight:", "toc:"]
    assert site.findings(post("title: Notes from KCD Munich", "date: 2024-07-01", *empty)) == []
    [finding] = site.diagnostics(post("title:", "date: 2024-07-01"))
    assert (finding.code, finding.message) == ("FM010", "'title' must be a string, got an empty value")
    assert site.findings("---\ntitle: Blog\ndescription:\nweight:\n---\n", relative="content/blog/_index.md") == []


def test_images_may_be_paths_or_the_mappings_a_theme_reads(site: Site) -> None:
    # A project layout of a Jekyll site reads `images:` as a list of {type, src}; Hugo's a list of paths.
    text = post("title: Kallo", "date: 2013-09-05", "images:", "  - type: desktop", "    src: kallo.png", "  - kallo-2.png")
    assert site.findings(text, "FM010") == []
    [finding] = site.diagnostics(post("title: Kallo", "date: 2013-09-05", "images: [7]"), "FM010")
    assert finding.message.startswith("'images[0]' must be a string or a mapping, got the number 7")
