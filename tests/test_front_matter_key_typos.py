"""FM013: front matter keys one edit from a key the site reads."""

from __future__ import annotations

from conftest import Site


def post(keys: str) -> str:
    return f"---\ntitle: Notes\ndate: 2024-05-19\n{keys}---\n\nText.\n"


def test_misspelt_generator_keys_are_renamed_unsafely(site: Site) -> None:
    text = post("catagories: [observability]\ndescription:  kept as is\n")
    [finding] = site.diagnostics(text, select="FM013")
    assert (finding.span.line, finding.span.column) == (4, 1)
    assert "did you mean 'categories' (a key Hugo reads)?" in finding.message
    assert site.fixed(text, select="FM013") == text
    assert site.fixed(text, select="FM013", unsafe=True) == post("categories: [observability]\ndescription:  kept as is\n")


def test_edits_singulars_and_floors(site: Site) -> None:
    text = "---\ntittle: Notes\ndat: 2024-05-19\nalias: [/old/]\npublishdat: 2024-05-20\nuri: /x/\ntop: 1\n---\n"
    found = site.diagnostics(text, select="FM013")
    assert [(d.span.line, d.message.split("mean ")[1].split(" ")[0]) for d in found] == [
        (2, "'title'"), (3, "'date'"), (4, "'aliases'"), (5, "'publishDate'")]


def test_keys_the_post_or_the_site_already_writes(site: Site) -> None:
    assert site.findings(post("data: {a: 1}\ntittle: Other\n"), select="FM013") == []  # date and title are there
    assert site.findings("---\ntitle: x\ntittle: y\n---\n", select="FM013") == []
    site.write("content/blog/other.md", post("catagories: [a]\n"))
    assert site.findings(post("catagories: [b]\n"), select="FM013") == []  # the site's own key


def test_a_key_other_pages_use_is_a_target(site: Site) -> None:
    for name in ("a", "b"):
        site.write(f"content/blog/{name}.md", post("featured_image: x.png\n"))
    [finding] = site.diagnostics(post("featured_imge: y.png\n"), select="FM013")
    assert "did you mean 'featured_image' (a key 2 other pages write)?" in finding.message


def test_case_and_hugo_taxonomy_keys_are_other_rules(site: Site) -> None:
    site.write("content/blog/a.md", post("categories: [a]\n"))
    assert site.findings(post("Title: x\ncategory: [a]\n"), select="FM013") == []


def test_jekyll_keys(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: blog\n")
    found = site.findings(post("permalnk: /x/\nexcerpt_seperator: <!--more-->\n"), select="FM013",
                          relative="_posts/2024-05-19-notes.md")
    assert found == [("FM013", 4, 1), ("FM013", 5, 1)]


def test_a_closed_schema_leaves_unknown_keys_to_fm010(site: Site) -> None:
    schema = '{"type": "object", "properties": {"title": {}, "date": {}, "categories": {}}%s}'
    site.write("open.schema.json", schema % "")
    site.write(".tripreport-lint.toml", 'schema = "open.schema.json"\n')
    assert site.findings(post("catagories: [a]\n"), select="FM010,FM013") == [("FM013", 4, 1)]
    site.write("closed.schema.json", schema % ', "additionalProperties": false')
    site.write(".tripreport-lint.toml", 'schema = "closed.schema.json"\n')
    assert site.findings(post("catagories: [a]\n"), select="FM010,FM013") == [("FM010", 4, 1)]
