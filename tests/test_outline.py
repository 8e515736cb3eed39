"""HDG006-HDG007: the outline below a title the layout prints as the page's H1."""

from __future__ import annotations

from conftest import Site

TITLE_H1 = '<article><h1 class="post-title">\n  {{ .Title }}\n</h1>{{ .Content }}</article>\n'


def post(body: str, title: str = "Notes from the conference", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2024-05-19\n{extra}---\n\n{body}"


def test_body_h1_is_a_second_h1_when_the_layout_is_not_in_the_checkout(site: Site) -> None:
    text = post("# Day one\n\nKeynotes.\n\n## Morning\n\n# Day two\n")
    found = site.diagnostics(text, select="HDG006,HDG007,HDG003")
    assert [(d.code, d.span.line) for d in found] == [("HDG006", 6), ("HDG006", 12)]
    assert "not in this checkout" in found[0].message and found[0].fix is None


def test_first_heading_repeating_the_title_is_left_to_hdg001(site: Site) -> None:
    text = post("# Notes from the conference\n\n### Day one\n")
    assert site.findings(text, select="HDG001,HDG006,HDG007") == [("HDG001", 6, 1)]


def test_deep_first_heading_is_reported_only_when_the_layout_is_known(site: Site) -> None:
    text = post("### Day one\n\nKeynotes.\n\n## Day two\n")
    assert site.findings(text, select="HDG006,HDG007") == []
    site.write("layouts/_default/single.html", TITLE_H1)
    [finding] = site.diagnostics(text, select="HDG006,HDG007")
    assert (finding.code, finding.span.line) == ("HDG007", 6)
    assert "layouts/_default/single.html" in finding.message and "empty bullet" in finding.message


def test_a_layout_printing_a_subtitle_h2_takes_the_first_level_three(site: Site) -> None:
    site.write("layouts/_default/single.html", "<h1>{{ .Title }}</h1><h2>{{ .Params.subtitle }}</h2>{{ .Content }}\n")
    assert site.findings(post("### Day one\n\n# Day two\n"), select="HDG006,HDG007") == [("HDG006", 8, 1)]


def test_title_in_a_partial_of_a_theme(site: Site) -> None:
    site.write("hugo.toml", 'title = "Test blog"\ntheme = "plain"\n')
    site.write("themes/plain/layouts/_default/baseof.html", "<body>{{ block \"main\" . }}{{ end }}</body>\n")
    site.write("themes/plain/layouts/blog/single.html", '{{ define "main" }}{{ partial "post/header" . }}{{ end }}\n')
    site.write("themes/plain/layouts/partials/post/header.html", "<h1>{{ .Title | markdownify }}</h1>\n")
    assert site.findings(post("#### Deep\n"), select="HDG006,HDG007") == [("HDG007", 6, 1)]


def test_layout_printing_the_title_as_h2_or_not_at_all(site: Site) -> None:
    site.write("layouts/_default/single.html", "<h2>{{ .Title }}</h2>{{ .Content }}\n")
    assert site.findings(post("# Day one\n\n### Deep\n"), select="HDG006,HDG007") == []
    site.write("layouts/blog/single.html", "{{ .Content }}\n")  # the section's own layout wins
    assert site.findings(post("# Day one\n"), select="HDG006,HDG007,HDG003") == []


def test_known_theme_module_and_home_page(site: Site) -> None:
    site.write("hugo.yaml", "module:\n  imports:\n    - path: github.com/google/docsy\n")
    (site.root / "hugo.toml").unlink()
    assert site.findings(post("### Deep\n"), select="HDG007") == [("HDG007", 6, 1)]
    assert site.findings(post("# Welcome\n"), select="HDG006", relative="content/_index.md") == []


def test_docsy_pages_render_the_sites_own_content_view(site: Site) -> None:
    # Docsy's single pages call `.Render "content"`: the site's own <type>/content.html decides.
    site.write("hugo.yaml", "module:\n  imports:\n    - path: github.com/google/docsy\n")
    (site.root / "hugo.toml").unlink()
    site.write("layouts/tutorials/content.html", "<div>{{ .Content }}</div>\n")
    site.write("layouts/guides/content.html", '<h1 class="title">{{ .Title }}</h1>{{ .Content }}\n')
    assert site.findings(post("# Step one\n"), select="HDG006", relative="content/tutorials/a.md") == []
    [finding] = site.diagnostics(post("# Step one\n"), select="HDG006", relative="content/guides/a.md")
    assert "the layout (layouts/guides/content.html) prints the title" in finding.message


def test_jekyll_layout_chain_and_defaults(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "defaults:\n  - scope:\n      path: ''\n    values:\n      layout: post\n")
    site.write("_layouts/post.html", "---\nlayout: default\n---\n{% include title.html %}{{ content }}\n")
    site.write("_includes/title.html", "<h1 class='t'>{{ page.title | escape }}</h1>\n")
    site.write("_layouts/default.html", "<html>{{ content }}</html>\n")
    relative = "_posts/2024-05-19-notes.md"
    assert site.findings(post("# Day one\n\n### Deep\n"), select="HDG006,HDG007", relative=relative) == [
        ("HDG006", 6, 1)]
    assert site.findings(post("### Deep\n"), select="HDG006,HDG007", relative=relative) == [("HDG007", 6, 1)]
    bare = post("# Day one\n", extra="layout: none\n")
    assert site.findings(bare, select="HDG006,HDG007", relative=relative) == []


def test_jekyll_page_without_layout_is_bare(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: blog\n")
    assert site.findings(post("# Day one\n"), select="HDG006", relative="about.md") == []
    site.write("_config.yml", "theme: minima\n")
    assert site.findings(post("# Day one\n### Deep\n", extra="layout: page\n"), select="HDG006,HDG007",
                         relative="about.md") == [("HDG006", 7, 1)]


def test_hdg003_still_reports_on_a_site_without_a_generator(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    assert site.findings(post("# One\n\n# Two\n"), select="HDG003,HDG006") == [("HDG003", 8, 1)]


TOC = "<h1>{{ .Title }}</h1>{{ if not .Params.notoc }}{{ .TableOfContents }}{{ end }}{{ .Content }}\n"


def test_skips_hugo_lists_in_its_table_of_contents(site: Site) -> None:
    site.write("layouts/_default/single.html", TOC)
    body = "## Day one\n\n#### Keynote\n\n## Day two\n\n### Talks\n\n##### Slides\n"
    found = site.diagnostics(post(body), select="HDG004,HDG007,HDG008")
    # Level 3 (listed, as endLevel is 3) is skipped; level 4 after a `###` is not listed: HDG004's.
    assert [(d.code, d.span.line) for d in found] == [("HDG008", 8), ("HDG004", 14)]
    assert "skips level 3" in found[0].message
    assert site.findings(post(body, extra="notoc: true\n"), select="HDG008") == []
    site.write("hugo.toml", 'title = "Test blog"\n[markup.tableOfContents]\nendLevel = 2\n')
    assert site.findings(post(body), select="HDG008") == []


def test_first_deep_heading_is_hdg007s_and_no_toc_no_report(site: Site) -> None:
    site.write("layouts/_default/single.html", TOC)
    assert site.findings(post("### Deep\n\n## Two\n"), select="HDG007,HDG008") == [("HDG007", 6, 1)]
    site.write("layouts/_default/single.html", "{{ .Content }}{{ if .Params.toc }}{{ .TableOfContents }}{{ end }}\n")
    assert site.findings(post("### Deep\n\n## Two\n"), select="HDG007,HDG008") == []
    assert site.findings(post("### Deep\n\n## Two\n", extra="toc: true\n"), select="HDG008") == [("HDG008", 7, 1)]


def test_docsy_shows_only_a_long_enough_table_of_contents(site: Site) -> None:
    site.write("hugo.yaml", "module:\n  imports:\n    - path: github.com/google/docsy\n")
    (site.root / "hugo.toml").unlink()
    assert site.findings(post("## One\n\n#### Deep\n"), select="HDG008") == []
    long = "## The first day of the conference\n\n#### Deep\n\n## The second day of the conference\n"
    assert site.findings(post(long), select="HDG008") == [("HDG008", 8, 1)]
