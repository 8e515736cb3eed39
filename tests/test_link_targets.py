"""LNK004-LNK006: local targets, fragments and Jekyll link tags."""

from __future__ import annotations

from pathlib import Path

from conftest import Site
from tripreport_lint.site import anchors

HEAD = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"


def test_bundle_images_static_files_and_other_posts(site: Site) -> None:
    site.write("content/blog/kcd/booth photo.jpg", "jpg")
    site.write("static/images/logo.png", "png")
    site.write("content/blog/older.md", HEAD + "## Setup\n")
    body = (
        "![Booth](booth%20photo.jpg?w=300) ![Logo](/images/logo.png) [older](../older.md)\n"
        "![Gone](missing.png) <img src=\"/images/nope.png\" alt=\"x\"> [page](../older/)\n"
    )
    found = site.diagnostics(HEAD + body, select="LNK004", relative="content/blog/kcd/index.md")
    assert [(d.span.line, d.span.column) for d in found] == [(7, 1), (7, 32)]
    assert "'missing.png' resolves to /blog/kcd/missing.png, which no page or file of the site serves" in found[0].message


def test_html_targets_are_read_as_a_browser_reads_them(site: Site) -> None:
    site.write("content/blog/a&b.png", "png")
    body = '<img src=pic.png alt=Booth> <img src="a&amp;b.png" alt="x">\n<img data-src="lazy.png" src="a&amp;b.png" alt="y">\n'
    assert site.findings(HEAD + body, select="LNK004") == [("LNK004", 6, 10)]


def test_site_absolute_page_links(site: Site) -> None:
    site.write("content/blog/2023/edge-roundup/index.md", HEAD.replace("title: Notes", "title: Edge Roundup"))
    site.write("content/blog/2022-05-01-may-news.md", "---\ntitle: May news\naliases: [/old/may/]\n---\n")
    body = "[a](/blog/2023/edge-roundup/) [b](/blog/2022-05-01-may-news/) [c](/old/may/) [d](/blog/)\n"
    body += "[e](/blog/no-such-post/) [f](/docs/not-in-this-repo/) [g](/)\n"
    # Hugo publishes no page at a URL made of a page's last segment: no permalinks here, no :filename dates.
    body += "[h](/blog/2023/06/edge-roundup/) [i](/blog/may-news/)\n"
    assert site.findings(HEAD + body, select="LNK004") == [("LNK004", 7, 1), ("LNK004", 8, 1), ("LNK004", 8, 34)]


def test_translations_share_bundle_resources(site: Site) -> None:
    site.write("content/en/blog/talk/diagram.png", "png")
    site.write("content/en/blog/talk/index.md", HEAD)
    assert site.findings(HEAD + "![d](diagram.png)\n", select="LNK004", relative="content/ja/blog/talk/index.md") == []


def test_domain_without_scheme_gets_a_hint(site: Site) -> None:
    [finding] = site.diagnostics(HEAD + "See [the docs](docs.cilium.io).\n", select="LNK004")
    assert "needs https://" in finding.message


def test_hugo_ref_shortcodes(site: Site) -> None:
    site.write("content/blog/intro.md", HEAD)
    body = '[a]({{< ref "intro.md" >}}) [b]({{< relref "/blog/intro" >}}) [c]({{< ref "missing.md" >}})\n'
    assert site.findings(HEAD + body, select="LNK004") == [("LNK004", 6, 67)]


def test_fragments_follow_the_renderer(site: Site) -> None:
    site.write("content/blog/other.md", HEAD + "## Getting started\n")
    body = (
        "## Why? Because: reasons\n\n## Setup\n\n## Setup\n\n## 🔒 Security\n\n### Custom {#my-id}\n\n"
        '<a id="html-anchor"></a>\n\n'
        "[a](#why-because-reasons) [b](#setup-1) [c](#-security) [d](#my-id) [e](#html-anchor) [f](#top)\n"
        "[g](#setup-2) [h](other.md#getting-started) [i](other.md#nope)\n"
    )
    found = site.findings(HEAD + body, select="LNK005")
    assert found == [("LNK005", 19, 1), ("LNK005", 19, 45)]


def test_a_missing_fragment_names_the_nearest_anchor_of_its_page(site: Site) -> None:
    site.write("content/blog/other.md", HEAD + "## Running the exporter\n")
    body = (
        "## Plugin main.go\n\n## Wrapping up\n\n"
        "[a](#plugin-main) [b](#questions) [c](other.md#running-the-exporters)\n"
    )
    found = site.diagnostics(HEAD + body, select="LNK005")
    assert [d.message for d in found] == [
        "'#plugin-main' matches no heading or id of this page: did you mean '#plugin-maingo'?",
        "'#questions' matches no heading or id of this page: fix the fragment",
        "'#running-the-exporters' matches no heading or id of 'other.md': did you mean '#running-the-exporter'?",
    ]


def test_html_anchors_are_id_and_name_attributes(site: Site) -> None:
    body = '<a href="#x" data-name="y"></a> <a name=top></a> <span title="id=z" ID="Upper"></span>\n\n'
    body += "[a](#y) [b](#top) [c](#z) [d](#Upper)\n"
    assert site.findings(HEAD + body, select="LNK005") == [("LNK005", 6, 10), ("LNK005", 8, 1), ("LNK005", 8, 19)]


def test_anchor_styles() -> None:
    assert anchors.github("Café & Co. 2.0") == "café--co-20"
    assert anchors.github_ascii("Café & Co. 2.0") == "cafe--co-20"
    assert anchors.blackfriday("Café & Co. 2.0") == "café-co-2-0"
    assert anchors.kramdown("1. Café & Co") == "caf--co"


def test_jekyll_site_uses_kramdown_gfm_anchors_and_link_tags(tmp_path: Path) -> None:
    """kramdown's GFM input (Jekyll's default) keeps the leading digits GitHub keeps: `2024-plans`."""
    site = Site(tmp_path)
    site.write("_config.yml", "title: blog\n")
    site.write("_posts/2024-01-01-hello.md", HEAD)
    site.write("about.md", HEAD)
    body = (
        "## 2024 Plans\n\n[a](#plans) [b](#2024-plans)\n\n"
        "[c]({% post_url 2024-01-01-hello %}) [d]({% link about.md %}) [e]({% post_url 2023-01-01-gone %})\n"
    )
    found = site.findings(HEAD + body, select="LNK005,LNK006", relative="_posts/2024-02-01-new.md")
    assert found == [("LNK005", 8, 1), ("LNK006", 10, 67)]


def test_an_empty_alias_list_on_one_page_breaks_no_other_post(site: Site) -> None:
    # Hugo archetypes often leave `aliases: []`; the other posts of the site must still be checked.
    site.write("content/blog/draft.md", "---\ntitle: Draft\naliases: []\n---\n\nSoon.\n")
    site.write("content/blog/toml-draft.md", '+++\ntitle = "Second draft"\naliases = []\n+++\n\nSoon.\n')
    body = "Notes from the meetup, with [the draft](/blog/draft/) and [the other](/blog/toml-draft/).\n"
    assert site.findings(HEAD + body, select="SPL002,LNK004") == []


def test_pages_are_served_at_their_url_slug_and_aliases_in_every_front_matter_format(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")  # templates, and no link hook: links are URLs
    site.write("content/blog/numbers.md", "---\ntitle: 2024\naliases: /blog/old/year-in-review/\n---\n")
    site.write("content/blog/mesh.md", '+++\ntitle = "Edge & Mesh"\nslug = "edge-mesh-day"\n'
                                       'aliases = ["/blog/x/one/", "/blog/x/two"]\n+++\n')
    site.write("content/blog/from-json.md", '{\n  "title": "From JSON",\n  "url": "/blog/2023/json-page/"\n}\n')
    site.write("content/blog/broken.md", "---\ntitle: Broken page\nslug: [unclosed\n---\n")
    site.write("content/blog/code.md", "---\ntitle: Code\n---\n\n```yaml\nslug: from-a-code-block\n```\n")
    found = [
        "[a](/blog/numbers/) [b](/blog/old/year-in-review/) [c](/blog/x/one/) [d](/blog/x/two) [e](/blog/2023/json-page/)",
        "[f](/blog/edge-mesh-day/) [g](/blog/broken/) [h](/blog/code/)",
    ]
    # A title, an alias's last segment, a slug in a code block, a file name a slug or url replaces: no URL.
    missing = "[i](/blog/2024/) [j](/blog/year-in-review/) [k](/blog/from-a-code-block/) [l](/blog/mesh/) [m](/blog/from-json/)\n"
    assert site.findings(HEAD + "\n".join(found) + "\n" + missing, select="LNK004") == [
        ("LNK004", 8, 1), ("LNK004", 8, 18), ("LNK004", 8, 45), ("LNK004", 8, 75), ("LNK004", 8, 92)]


def test_a_hugo_section_without_an_index_page_still_has_its_list_page(site: Site) -> None:
    site.write("content/posts/first.md", HEAD + "Hello.\n")
    text = HEAD + "All [our posts](/posts/) but [a lost one](/posts/gone/).\n"
    assert site.findings(text, select="LNK004", relative="content/posts/second.md") == [("LNK004", 6, 30)]


def test_bundle_images_named_by_a_permalink_are_found_and_a_broken_link_to_one_is_not(site: Site) -> None:
    # The site's file list does not stat images (no rule reads them), but a link to one still has to lead somewhere.
    site.write("hugo.toml", '[permalinks]\nblog = "/blog/:year/:month/:day/:slug/"\n')
    site.write("content/blog/2024-05-19-notes/index.md", "---\ntitle: Notes\ndate: 2024-05-19\n---\n\nText.\n")
    site.write("content/blog/2024-05-19-notes/cover.png", "png")
    (site.root / "content/blog/2024-05-19-notes/gone.png").symlink_to(site.root / "nowhere.png")
    body = "![Cover](/blog/2024/05/19/notes/cover.png) ![Gone](/blog/2024/05/19/notes/gone.png)\n"
    assert site.findings(HEAD + body, select="LNK004") == [("LNK004", 6, 44)]
