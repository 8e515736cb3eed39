"""FM050-FM051 on whole sites: two pages on one URL (as Hugo and Jekyll make URLs), two posts with one title."""

from __future__ import annotations

from conftest import Site


def post(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n\nNotes from the day.\n"


def _jekyll(site: Site, config: str = "title: Blog\n") -> None:
    (site.root / "hugo.toml").unlink(missing_ok=True)
    site.write("_config.yml", config)


def test_two_hugo_posts_with_one_url_name_each_other(site: Site) -> None:
    site.write("content/blog/march.md", post("title: March meetup", "date: 2024-03-05", "url: /blog/meetup/"))
    [finding] = site.diagnostics(post("title: April meetup", "date: 2024-04-02", "url: /blog/meetup"), "FM050",
                                 "content/blog/april.md")
    assert (finding.span.line, finding.span.column) == (4, 6)
    assert finding.message == ("this page is published at /blog/meetup/, and so is content/blog/march.md: the "
                               "generator writes one over the other; give one of them another URL (url, slug or file "
                               "name)")
    assert site.findings(post("title: April meetup", "date: 2024-04-02"), "FM050", "content/blog/april.md") == []


def test_hugo_permalinks_slugs_and_bundles_make_urls(site: Site) -> None:
    site.write("hugo.toml", 'title = "Blog"\n[permalinks]\nposts = "/:year/:slug/"\n')
    site.write("content/posts/day-one/index.md", post("title: Day One", "date: 2024-03-05"))
    text = post("title: Day one", "date: 2024-09-01")
    assert site.findings(text, "FM050", "content/posts/other.md") == [("FM050", 2, 8)]  # /2024/day-one/ twice
    assert site.findings(post("title: Day one", "date: 2023-09-01"), "FM050", "content/posts/other.md") == []
    assert site.findings(post("title: Day one", "date: 2024-09-01", "slug: day-one-again"), "FM050",
                         "content/posts/other.md") == []
    # Without a pattern, the folder and the file (or bundle) name make the URL; the title does not.
    assert site.findings(post("title: Day One", "date: 2024-09-01"), "FM050", "content/notes/other.md") == []
    site.write("content/notes/day-one.md", post("title: Anything", "date: 2024-01-01"))
    assert site.findings(post("title: Other", "date: 2024-02-01"), "FM050", "content/notes/day-one/index.md") == [
        ("FM050", 2, 8)]


def test_an_alias_that_is_another_page_s_url(site: Site) -> None:
    site.write("content/blog/kubecon.md", post("title: KubeCon", "date: 2024-03-20"))
    text = post("title: KubeCon again", "date: 2024-11-12", "aliases:", "  - /blog/kubecon/")
    [finding] = site.diagnostics(text, "FM050", "content/blog/kubecon-na.md")
    assert finding.span.line == 5 and "its alias /blog/kubecon/, and so is content/blog/kubecon.md" in finding.message


def test_drafts_and_pages_in_other_languages_collide_with_nothing(site: Site) -> None:
    site.write("hugo.toml", 'title = "Blog"\n[languages.en]\nweight = 1\n[languages.pt]\nweight = 2\n')
    site.write("content/blog/recap.md", post("title: Recap", "date: 2024-03-05", "url: /recap/"))
    assert site.findings(post("title: Resumo", "date: 2024-03-05", "url: /recap/"), "FM050",
                         "content/blog/recap.pt.md") == []
    assert site.findings(post("title: Recap 2", "date: 2024-03-06", "url: /recap/", "draft: true"), "FM050",
                         "content/blog/recap-2.md") == []


def test_jekyll_posts_collide_by_date_slug_and_permalink(site: Site) -> None:
    _jekyll(site)
    site.write("_posts/2024-03-05-recap.md", post("title: Recap"))
    # The default style puts a post's categories in its URL: another category, another URL.
    assert site.findings(post("title: Recap"), "FM050", "events/_posts/2024-03-05-recap.md") == []
    assert site.findings(post("title: Recap", "date: 2024-03-05 10:00"), "FM050", "_posts/2024-03-05-recap-2.md") == []
    _jekyll(site, "title: Blog\npermalink: /:year/:month/:day/:title/\n")
    assert site.findings(post("title: Recap"), "FM050", "events/_posts/2024-03-05-recap.md") == [("FM050", 1, 1)]
    # A post's own slug or date moves it.
    assert site.findings(post("title: Recap", "slug: recap-events"), "FM050", "events/_posts/2024-03-05-recap.md") == []
    assert site.findings(post("title: Recap", "date: 2024-03-06"), "FM050", "events/_posts/2024-03-05-recap.md") == []


def test_jekyll_redirect_from_and_the_posts_collection_permalink(site: Site) -> None:
    _jekyll(site, "title: Blog\ncollections:\n  posts:\n    permalink: /news/:title/\n")
    site.write("_posts/2024-03-05-recap.md", post("title: Recap"))
    text = post("title: Old recap", "redirect_from:", "  - /news/recap/")
    assert site.findings(text, "FM050", "about.md") == [("FM050", 4, 5)]


def test_two_posts_with_one_title(site: Site) -> None:
    site.write("content/blog/march.md", post("title: Meetup recap", "date: 2024-03-05"))
    [finding] = site.diagnostics(post("title: 'meetup recap '", "date: 2024-04-02"), "FM051", "content/blog/april.md")
    assert (finding.span.line, finding.span.column) == (2, 8)
    assert finding.message == ("'title' 'meetup recap ' is also the title of content/blog/march.md: give this post "
                               "a title of its own")
    assert site.findings(post("title: Meetup recap, April", "date: 2024-04-02"), "FM051", "content/blog/april.md") == []
    # A page outside the blog's sections may share a post's title.
    site.write("content/blog/x.md", post("title: X", "date: 2024-01-01"))
    site.write("content/blog/y.md", post("title: Y", "date: 2024-01-02"))
    assert site.findings(post("title: Meetup recap"), "FM051", "content/about/meetups.md") == []
