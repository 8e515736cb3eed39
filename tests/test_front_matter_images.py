"""FM040: front matter images that name no file."""

from __future__ import annotations

from conftest import Site


def post(image: str) -> str:
    return f"---\ntitle: Notes\ndate: 2024-01-01\n{image}\n---\n\nBody.\n"


def test_image_beside_the_post_in_a_bundle(site: Site) -> None:
    site.write("content/blog/kcd/cover.png", "png")
    assert site.findings(post("image: cover.png"), relative="content/blog/kcd/index.md") == []
    findings = site.diagnostics(post("image: covr.png"), relative="content/blog/kcd/index.md")
    assert [(d.code, d.span.line, d.span.column) for d in findings] == [("FM040", 4, 8)]
    assert "'covr.png'" in findings[0].message and "static/" in findings[0].message


def test_site_absolute_image_in_static(site: Site) -> None:
    site.write("static/images/kcd team.jpg", "jpg")
    assert site.findings(post('images: ["/images/kcd%20team.jpg?v=2"]')) == []
    assert site.findings(post('images: ["/images/a.jpg", "/images/kcd team.jpg"]')) == [("FM040", 4, 10)]


def test_urls_and_templates_are_not_checked(site: Site) -> None:
    assert site.findings(post("image: https://cdn.example.com/x.png")) == []
    assert site.findings(post("image: //cdn.example.com/x.png")) == []
    assert site.findings(post('image: "{{ .Site.Params.logo }}"')) == []


def test_page_resource_of_another_post_by_its_slug(site: Site) -> None:
    site.write("content/blog/2023/0621-roundup/index.md", "---\ntitle: R\ndate: 2023-06-21\nslug: edge-roundup\n---\n")
    site.write("content/blog/2023/0621-roundup/cover.jpg", "jpg")
    assert site.findings(post("images: [/2023/06/21/edge-roundup/cover.jpg]")) == []
    assert site.findings(post("images: [/2023/06/21/other-post/cover.jpg]")) == [("FM040", 4, 10)]


def test_jekyll_site_serves_its_own_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import Site as JekyllSite

    site = JekyllSite(tmp_path)
    site.write("_config.yml", "title: blog\n")
    site.write("assets/img/talk.png", "png")
    assert site.findings(post("image: /assets/img/talk.png"), relative="_posts/2024-01-01-talk.md") == []


def test_theme_keys_by_option(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[image-missing]\nkeys = ["ogImage", "cover.image"]\n')
    text = "---\ntitle: N\ndate: 2024-01-01\nogImage: og.png\ncover:\n  image: missing.png\n---\n"
    site.write("content/blog/og.png", "png")
    assert site.findings(text) == [("FM040", 6, 10)]


def test_page_resource_of_a_post_whose_slug_is_in_json_or_toml_front_matter(site: Site) -> None:
    site.write("content/blog/2023/0621-roundup/index.md", '{\n  "title": "R",\n  "slug": "edge-roundup"\n}\n')
    site.write("content/blog/2023/0621-roundup/cover.jpg", "jpg")
    site.write("content/blog/2023/0705-summit/index.md", '+++\ntitle = "S"\nurl = "/2023/summit-notes/"\n+++\n'
                                                         "\n```toml\nslug = 'in-a-code-block'\n```\n")
    site.write("content/blog/2023/0705-summit/cover.jpg", "jpg")
    assert site.findings(post("images: [/2023/06/21/edge-roundup/cover.jpg, /2023/summit-notes/cover.jpg]")) == []
    assert site.findings(post("images: [/2023/07/05/in-a-code-block/cover.jpg]")) == [("FM040", 4, 10)]


def test_an_image_given_as_jekyll_seo_tag_s_mapping_is_checked_by_its_path(site: Site) -> None:
    text = "---\ntitle: Battery map\ndate: 2022-10-07\nimage:\n  path: /images/map.png\n  width: 800\n---\n\nText.\n"
    assert site.findings(text) == [("FM040", 5, 9)]  # a mapping is no schema violation; its path is looked for
    site.write("static/images/map.png", "png")
    assert site.findings(text) == []
