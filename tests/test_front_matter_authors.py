"""FM035: authors the site's author data does not know."""

from __future__ import annotations

from conftest import Site


def post(author: str) -> str:
    return f"---\ntitle: Notes\ndate: 2024-05-19\n{author}\n---\n\nText.\n"


def jekyll(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: blog\n")
    site.write("_data/authors.yml", "jdoe:\n  name: Jane Doe\nmsmith:\n  name: Max Smith\n")
    for index, author in enumerate(("jdoe", "msmith", "jdoe", "[jdoe, msmith]")):
        site.write(f"_posts/2024-01-0{index + 1}-p.md", post(f"author: {author}"))


def test_jekyll_author_key_missing_from_data(site: Site) -> None:
    jekyll(site)
    relative = "_posts/2024-05-19-notes.md"
    [finding] = site.diagnostics(post("author: jdoee"), select="FM035", relative=relative)
    assert finding.span.line == 4 and finding.message == (
        "author 'jdoee' is not in _data/authors.yml, where 4 of the site's other 4 pages naming authors find "
        "theirs: did you mean 'jdoe'?")
    found = site.findings(post("authors:\n  - msmith\n  - nobody"), select="FM035", relative=relative)
    assert found == [("FM035", 6, 5)]
    assert site.findings(post("author: msmith"), select="FM035", relative=relative) == []
    assert site.findings(post("author: Jane Dough"), select="FM035", relative=relative) == []  # a name


def test_jekyll_name_spelling_out_a_key_is_reported(site: Site) -> None:
    # `Max Smith` is shown as a name by jekyll-seo-tag, but `M Smith` spells out the key `msmith`, which
    # the layouts look the author up by: the author box would be missing.
    jekyll(site)
    relative = "_posts/2024-05-19-notes.md"
    assert [d.message for d in site.diagnostics(post("author: M Smith"), select="FM035", relative=relative)] == [
        "author 'M Smith' is not in _data/authors.yml, where 4 of the site's other 4 pages naming authors find "
        "theirs: did you mean 'msmith'?"]
    assert site.findings(post("author: Max Smith"), select="FM035", relative=relative) == []


def test_not_reported_where_other_posts_do_not_resolve(site: Site) -> None:
    jekyll(site)
    for index in range(3):
        site.write(f"_posts/2024-02-0{index + 1}-q.md", post(f"author: Guest {index}"))
    assert site.findings(post("author: jdoee"), select="FM035", relative="_posts/2024-05-19-notes.md") == []


def test_hugo_author_pages_matched_as_urlized_terms(site: Site) -> None:
    for name in ("jane-doe", "max-smith"):
        site.write(f"content/authors/{name}/_index.md", "---\ntitle: x\n---\n")
    for index, author in enumerate(("Jane Doe", "max-smith", "jane-doe")):
        site.write(f"content/blog/p{index}.md", post(f"author: {author}"))
    assert site.findings(post("author: Max Smith"), select="FM035") == []
    [finding] = site.diagnostics(post("author: Jane Do"), select="FM035")
    assert "not in content/authors/" in finding.message and "did you mean 'jane-doe'" in finding.message


def test_no_author_data_no_report(site: Site) -> None:
    for index in range(4):
        site.write(f"content/blog/p{index}.md", post("author: Someone"))
    assert site.findings(post("author: Nobody"), select="FM035") == []
