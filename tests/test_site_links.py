"""LNK005 across pages (site URLs, ref shortcodes, Jekyll tags) and LNK016 (links to unpublished pages)."""

from __future__ import annotations

from pathlib import Path

from conftest import Site

HEAD = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"
HUGO = 'title = "Blog"\n[permalinks]\n  blog = "/:section/:year/:month/:slug/"\n'


def page(title: str, date: str = "2024-05-02", extra: str = "", body: str = "## Setup\n\nText.\n") -> str:
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n\n{body}"


def hugo_site(tmp_path: Path, config: str = HUGO) -> Site:
    site = Site(tmp_path)
    site.write("hugo.toml", config)
    (tmp_path / "static").mkdir()
    return site


def jekyll_site(tmp_path: Path, config: str = "title: Blog\n") -> Site:
    site = Site(tmp_path)
    site.write("_config.yml", config + "collections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n")
    return site


def test_site_urls_after_permalinks_slug_and_url_lead_to_their_page(tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    site.write("content/blog/2024-05-02-spring.md", page('"Spring: Cleanup!"'))
    site.write("content/blog/winter/index.md", page("Winter", "2023-12-01", "slug: cold days\n"))
    site.write("content/blog/old.md", page("Old", extra="url: /archive/old-post/\n"))
    body = ("[a](/blog/2024/05/spring-cleanup/#setup) [b](/blog/2024/05/spring-cleanup/#set-up)\n"
            "[c](/blog/2023/12/cold-days/#setup) [d](/blog/2023/12/cold-days#setp)\n"
            "[e](/archive/old-post/#setup) [f](/archive/old-post/#nope) [g](/blog/2024/05/unknown/#x)\n")
    diagnostics = site.diagnostics(HEAD + body, select="LNK005")
    assert [(d.span.line, d.span.column) for d in diagnostics] == [(6, 42), (7, 37), (8, 31)]
    assert diagnostics[0].message == ("'#set-up' matches no heading or id of '/blog/2024/05/spring-cleanup/' "
                                      "(content/blog/2024-05-02-spring.md): did you mean '#setup'?")


def test_two_pages_at_one_url_are_not_guessed_between(tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    site.write("content/blog/a.md", page("Twin"))
    site.write("content/blog/b.md", page("Twin"))
    assert site.findings(HEAD + "[x](/blog/2024/05/twin/#nothing)\n", select="LNK005") == []


def test_relative_page_urls_are_resolved_from_the_page_url(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, 'title = "Blog"\n')
    site.write("content/blog/2024/other.md", page("Other"))
    body = "[a](../other/#setup) [b](../other/#missing) [c](../../2024/other/#missing)\n"
    assert site.findings(HEAD + body, select="LNK005", relative="content/blog/2024/post.md") == [
        ("LNK005", 6, 22), ("LNK005", 6, 45)]


def test_hugo_ref_shortcodes_carry_fragments_to_their_page(tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    site.write("content/blog/other.md", page("Other"))
    body = ('[a]({{< ref "other.md#setup" >}}) [b]({{< ref "other.md#missing" >}})\n'
            '[c]({{< relref "/blog/other" >}}#missing) [d]({{< ref "#here" >}}) [e]({{< ref "#gone" >}})\n\n## Here\n')
    assert site.findings(HEAD + body, select="LNK005") == [("LNK005", 6, 39), ("LNK005", 7, 5), ("LNK005", 7, 72)]


def test_jekyll_link_and_post_url_tags_and_permalinks(tmp_path: Path) -> None:
    site = jekyll_site(tmp_path)
    site.write("_docs/history.md", page("History", extra='permalink: "/docs/changes/"\n', body="## 1.0\n{: #v1-0}\n"))
    site.write("_docs/setup/install.md", page("Install"))
    site.write("_posts/2024-01-01-hello.md", page("Hello", "2024-01-01"))
    body = ("{% link _docs/history.md %}#v1-0 {% link _docs/history.md %}#v2-0\n"
            "[a]({% post_url 2024-01-01-hello %}#setup) [b]({% post_url 2024-01-01-hello %}#gone)\n"
            "[c](/docs/changes/#v9) [d](/docs/setup/install/#nope) [e](/2024/01/01/hello.html#nope)\n")
    found = site.findings(HEAD + body, select="LNK005", relative="_posts/2024-02-01-new.md")
    assert found == [("LNK005", 6, 34), ("LNK005", 7, 48), ("LNK005", 8, 1), ("LNK005", 8, 24), ("LNK005", 8, 55)]


def test_a_link_to_an_emoji_heading_made_the_old_way_says_so(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, 'title = "Blog"\nenableEmoji = true\n')
    site.write("content/blog/other.md", page("Other", body="## :tada: Released\n"))
    found = site.diagnostics(HEAD + "[a](../other/#-released) [b](../other/#tada-released)\n", select="LNK005")
    assert [d.span.column for d in found] == [1]
    assert "Hugo before 0.120 made this id" in found[0].message and "'#tada-released'" in found[0].message


def test_hugo_links_to_drafts_future_and_expired_pages(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, 'title = "Blog"\n')
    site.write("content/blog/draft.md", page("Draft", extra="draft: true\n"))
    site.write("content/blog/later.md", page("Later", "2027-03-01"))
    site.write("content/blog/scheduled.md", page("Scheduled", extra="publishDate: 2026-12-01T09:00:00Z\n"))
    site.write("content/blog/gone.md", page("Gone", extra="expiryDate: 2025-01-01\n"))
    site.write("content/blog/live.md", page("Live", extra="draft: false\nexpiryDate: 2030-01-01\n"))
    body = ("[a](../draft/) [b](/blog/later/) [c]({{< ref \"scheduled.md\" >}}) [d](../gone.md#setup)\n"
            "[e](../live/) [f](/blog/today/)\n")
    site.write("content/blog/today.md", page("Today", "2026-11-22"))
    found = site.diagnostics(HEAD + body, select="LNK016")
    assert [(d.code, d.span.line, d.span.column) for d in found] == [
        ("LNK016", 6, 1), ("LNK016", 6, 16), ("LNK016", 6, 38), ("LNK016", 6, 66)]
    assert found[0].message == ("'../draft/' links to 'content/blog/draft.md', a draft (draft: true): a 404 on the "
                                "live site until that page is published: publish it first, or drop the link until then")
    assert "until the first build after 2027-03-01" in found[1].message
    assert "(publishdate 2026-12-01T09:00:00Z)" in found[2].message and "2026-12-01T09:00:00+00:00" in found[2].message
    assert "which has expired (expirydate 2025-01-01)" in found[3].message


def test_unpublished_posts_and_built_drafts_are_not_checked(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, 'title = "Blog"\n')
    site.write("content/blog/draft.md", page("Draft", extra="draft: true\n"))
    link = "[a](../draft/)\n"
    assert site.findings(page("Mine", extra="draft: true\n", body=link), select="LNK016") == []
    assert site.findings(page("Mine", "2027-01-01", body=link), select="LNK016") == []
    assert site.findings(page("Mine", body=link), select="LNK016") == [("LNK016", 6, 1)]
    site.write("hugo.toml", 'title = "Blog"\nbuildDrafts = true\n')
    assert site.findings(page("Mine", body=link), select="LNK016") == []


def test_jekyll_links_to_drafts_unpublished_and_future_posts(tmp_path: Path) -> None:
    site = jekyll_site(tmp_path)
    site.write("_drafts/idea.md", page("Idea"))
    site.write("_posts/2024-03-01-hidden.md", page("Hidden", "2024-03-01", "published: false\n"))
    site.write("_posts/2027-01-05-soon.md", page("Soon", "2027-01-05"))
    site.write("_posts/2024-01-01-hello.md", page("Hello", "2024-01-01"))
    body = ("[a]({% link _drafts/idea.md %}) [b]({% post_url 2024-03-01-hidden %}) "
            "[c](/2027/01/05/soon.html) [d]({% post_url 2024-01-01-hello %})\n")
    found = site.findings(HEAD + body, select="LNK016", relative="_posts/2024-02-01-new.md")
    assert found == [("LNK016", 6, 5), ("LNK016", 6, 37), ("LNK016", 6, 71)]
    site.write("_config.yml", "future: true\nunpublished: true\nshow_drafts: true\n")
    assert site.findings(HEAD + body, select="LNK016", relative="_posts/2024-02-01-new.md") == []


def test_a_site_without_configuration_finds_pages_by_the_path_they_declare(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write(".tripreport-lint.toml", "")  # the site's root, for a site no generator configures
    site.write("posts/a/index.md", page("A", extra="path: '/blog/a-post'\n"))
    site.write("other/hugo.toml", 'title = "Other"\n')
    site.write("other/content/b.md", page("B", extra="url: /blog/b-post/\n"))  # another site's page
    body = "[x](/blog/a-post#setup) [y](/blog/a-post/#nope) [z](/blog/b-post/#nope)\n"
    assert site.findings(HEAD + body, select="LNK005", relative="posts/new/index.md") == [("LNK005", 6, 25)]
