"""LNK004: relative and site-absolute targets followed to the URL the site serves, as a browser follows them."""

from __future__ import annotations

from pathlib import Path

from conftest import Site

HEAD = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"
PAGE = "---\ntitle: A page\n---\n\nText.\n"


def messages(site: Site, text: str, relative: str) -> list[str]:
    return [d.message for d in site.diagnostics(text, select="LNK004", relative=relative)]


def test_a_section_page_resolves_links_from_its_own_url(site: Site) -> None:
    # content/docs/_index.md is served at /docs/: `../guides` is /guides, which nothing serves.
    site.write("content/docs/guides/_index.md", PAGE)
    site.write("content/docs/guides/start.md", PAGE)
    found = messages(site, HEAD + "[g](../guides) [h](guides/) [s](guides/start/)\n", "content/docs/_index.md")
    assert found == ["'../guides' resolves to /guides, which no page or file of the site serves: did you mean 'guides/'?"]


def test_a_leaf_page_resolves_links_from_its_url_as_a_folder(site: Site) -> None:
    # content/docs/setup/install.md is served at /docs/setup/install/: `../config/` is /docs/setup/config/.
    site.write("layouts/_default/single.html", "{{ .Content }}")  # and no link hook: links are URLs
    site.write("content/docs/setup/config.md", PAGE)
    text = HEAD + "[c](../config/) [d](../../setup/config/) [e](config/) [f](../configs/)\n"
    found = site.diagnostics(text, select="LNK004", relative="content/docs/setup/install.md")
    assert [(d.span.column, d.message) for d in found] == [
        (42, "'config/' resolves to /docs/setup/install/config/, which no page or file of the site serves: "
             "did you mean '../config/'?"),
        (55, "'../configs/' resolves to /docs/setup/configs/, which no page or file of the site serves: "
             "fix the path or add the file"),
    ]
    bundle = site.diagnostics(text, select="LNK004", relative="content/docs/setup/install/index.md")
    assert [d.span.column for d in bundle] == [42, 55]


def test_a_page_file_link_into_a_missing_folder_is_broken(site: Site) -> None:
    site.write("content/docs/metrics.md", PAGE)
    found = messages(site, HEAD + "[metrics](v2/metrics.md) [ok](metrics.md)\n", "content/docs/overview.md")
    assert found == ["'v2/metrics.md' names no file (content/docs/v2/metrics.md is not there) and resolves to "
                     "/docs/overview/v2/metrics.md, which no page or file of the site serves: did you mean 'metrics.md'?"]


def test_site_absolute_links_outside_the_checkout_are_not_judged_relative_ones_are(site: Site) -> None:
    site.write("content/blog/other.md", PAGE)
    text = HEAD + "[a](/docs/elsewhere/) [b](/blog/missing/) [c](../../docs/elsewhere/) [d](/tags/x/) [e](/blog/index.xml)\n"
    assert site.findings(text, select="LNK004") == [("LNK004", 6, 23), ("LNK004", 6, 43)]


def test_no_page_is_guessed_from_a_last_segment(site: Site) -> None:
    site.write("content/blog/2023/roundup/index.md", PAGE)
    site.write("content/news/roundup.md", PAGE)
    text = HEAD + "[a](roundup/) [b](../2023/roundup/) [c](2023/roundup/)\n"
    assert site.findings(text, select="LNK004", relative="content/blog/post.md") == [("LNK004", 6, 1)]


def test_slugs_urls_aliases_and_bundle_resources_follow_the_page(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/blog/talk/index.md", "---\ntitle: Talk\nslug: the-talk\naliases: [/old/talk/]\n---\n")
    site.write("content/blog/talk/diagram.png", "png")
    site.write("content/blog/fixed.md", "---\ntitle: Fixed\nurl: /fixed/place/\n---\n")
    ok = "[a](../the-talk/) [b](/old/talk/) [c](/fixed/place/) [d](../the-talk/diagram.png) [e](/blog/)\n"
    broken = "[f](../talk/) [g](../talk/diagram.png) [h](../fixed/)\n"
    assert site.findings(HEAD + ok + broken, select="LNK004") == [("LNK004", 7, 1), ("LNK004", 7, 15), ("LNK004", 7, 40)]


def test_page_file_links_count_where_a_link_hook_resolves_them(site: Site) -> None:
    site.write("content/blog/other.md", "---\ntitle: Other\nslug: another\n---\n")
    text = HEAD + "[a](other.md) [b](../another/)\n"
    assert site.findings(text, select="LNK004") == []  # no templates here: the site's rendering is not known
    site.write("layouts/_default/single.html", "{{ .Content }}")
    [finding] = site.diagnostics(text, select="LNK004")
    assert finding.message == ("'other.md' resolves to /blog/post/other.md, which no page or file of the site serves "
                               "(Hugo publishes content/blog/other.md at its URL, not as a .md file, and no link render "
                               "hook here turns one into the other): did you mean '../another/'?")
    site.write("layouts/_default/_markup/render-link.html", "<a href=\"{{ .Destination }}\">{{ .Text }}</a>")
    assert Site(site.root).findings(text, select="LNK004") == []


def test_a_bundle_links_a_sibling_bundle_as_hugo_getpage_finds_it(site: Site) -> None:
    site.write("content/blog/2019/0518-bench/index.md", "---\ntitle: Bench\nslug: bench\n---\n")
    text = HEAD + "[a](0518-bench) [b](../0518-bench/) [c](0601-gone)\n"
    assert site.findings(text, select="LNK004", relative="content/blog/2019/0809-post/index.md") == [("LNK004", 6, 37)]


def test_jekyll_posts_resolve_from_their_permalink(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Blog\npermalink: pretty\n")
    site.write("_posts/2024-01-01-hello.md", HEAD)
    site.write("assets/pic.png", "png")
    site.write("about.md", PAGE)
    text = HEAD + "[a](../../../../about/) [b](/assets/pic.png) [c](2024-01-01-hello.md) [d](../hello/) [e](assets/pic.png)\n"
    assert site.findings(text, select="LNK004", relative="_posts/2024-02-01-new.md") == [("LNK004", 6, 86)]


def test_hugo_embedded_hook_finds_pages_by_file_not_other_files(site: Site) -> None:
    site.write("hugo.toml", '[markup.goldmark.renderHooks.link]\nuseEmbedded = "fallback"\n')
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/docs/setup/config.md", "---\ntitle: Config\nslug: configuration\n---\n")
    site.write("content/docs/setup/shot.png", "png")
    text = HEAD + "[a](config.md) [b](config/) [c](../configuration/) [d](../config.md) ![e](shot.png) ![f](../shot.png)\n"
    # GetPage finds config.md beside the page; `../config.md` is no file, and shot.png is served at /docs/setup/.
    assert site.findings(text, select="LNK004", relative="content/docs/setup/install.md") == [
        ("LNK004", 6, 52), ("LNK004", 6, 70)]


def test_ugly_urls_serve_pages_as_html_files(site: Site) -> None:
    site.write("hugo.toml", "uglyURLs = true\n")
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/blog/other.md", PAGE)
    site.write("content/blog/post/pic.png", "png")
    text = HEAD + "[a](other.html) [b](/blog/other.html) [c](../other/) [d](post/pic.png)\n"
    # /blog/post.html is the page: `../other/` climbs out of /blog/.
    assert site.findings(text, select="LNK004") == [("LNK004", 6, 39)]


def test_a_language_content_folder_gives_its_pages_the_language_prefix(site: Site) -> None:
    site.write("hugo.toml", '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
                            '[markup.goldmark.renderHooks.link]\nuseEmbedded = "never"\n')
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/fr/blog/deux.md", "---\ntitle: Deux\naliases: [/vieux/]\n---\n")
    site.write("content/en/blog/two.md", PAGE)
    text = HEAD + "[a](../deux/) [b](/fr/blog/deux/) [c](/fr/vieux/) [d](../two/) [e](/blog/deux/)\n"
    assert site.findings(text, select="LNK004", relative="content/fr/blog/un.md") == [("LNK004", 6, 51), ("LNK004", 6, 64)]


def test_jekyll_redirect_from_as_one_string(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Docs\ncollections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\n")
    site.write("_docs/liquid.md", "---\ntitle: Liquid\nredirect_from: /docs/templates/\n---\n")
    text = HEAD + "[a](/docs/templates/) [b](/docs/liquid/) [c](/docs/layouts/)\n"
    assert site.findings(text, select="LNK004", relative="_docs/usage.md") == [("LNK004", 6, 42)]


def test_a_page_url_with_a_dot_is_a_folder(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/blog/v2/cover.png", "png")
    text = "---\ntitle: Release\nurl: /blog/flux-v2.3.0/\n---\n\n![a](cover.png) [b](../flux-v2.3.0/) [c](../v2.3.1/)\n"
    assert site.findings(text, select="LNK004", relative="content/blog/v2/index.md") == [("LNK004", 6, 38)]


def test_a_languages_table_turns_on_hugos_embedded_hook_unless_a_module_may_hold_a_hook(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/docs/setup.md", PAGE)
    text = HEAD + "[a](setup.md)\n"
    assert site.findings(text, select="LNK004", relative="content/docs/intro.md") == [("LNK004", 6, 1)]
    site.write("hugo.toml", "[languages.en]\nweight = 1\n")
    assert Site(site.root).findings(text, select="LNK004", relative="content/docs/intro.md") == []
    site.write("hugo.toml", '[markup.goldmark.renderHooks.link]\nuseEmbedded = "never"\n[languages.en]\nweight = 1\n')
    assert Site(site.root).findings(text, select="LNK004", relative="content/docs/intro.md") == [("LNK004", 6, 1)]
    site.write("go.mod", "module example.com/site\n")
    assert Site(site.root).findings(text, select="LNK004", relative="content/docs/intro.md") == []


def test_jekyll_serves_a_folders_readme_as_its_index(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Docs\n")
    site.write("guides/README.md", PAGE)
    site.write("notes/README.md", PAGE)
    site.write("notes/index.md", PAGE)
    text = HEAD + "[a](/guides/) [b](guides/README.md) [c](/guides/README.html) [d](/notes/)\n"
    assert site.findings(text, select="LNK004", relative="about.md") == []


def test_where_file_paths_are_no_links_the_suggestion_is_the_pages_url(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("content/docs/metrics.md", PAGE)
    found = messages(site, HEAD + "[m](metrics.md) [n](../metrics.md)\n", "content/docs/overview.md")
    assert found == ["'metrics.md' resolves to /docs/overview/metrics.md, which no page or file of the site serves "
                     "(Hugo publishes content/docs/metrics.md at its URL, not as a .md file, and no link render hook "
                     "here turns one into the other): did you mean '../metrics/'?",
                     "'../metrics.md' resolves to /docs/metrics.md, which no page or file of the site serves: "
                     "did you mean '../metrics/'?"]


def test_a_base_element_makes_relative_links_start_from_the_site_root(site: Site) -> None:
    site.write("layouts/_default/single.html", "{{ .Content }}")
    site.write("static/images/logo.png", "png")
    text = HEAD + "![a](images/logo.png) ![b](../images/logo.png)\n"
    assert site.findings(text, select="LNK004") == [("LNK004", 6, 1), ("LNK004", 6, 23)]
    site.write("layouts/_default/baseof.html", '<head><base href="{{ .Site.BaseURL }}"></head>')
    assert Site(site.root).findings(text, select="LNK004") == []


def test_jekyll_targets_that_liquid_makes_site_absolute_are_followed(tmp_path: Path) -> None:
    # Liquid runs first: `{{ site.url }}/a/` and `{{ "/a/" | relative_url }}` are links to /a/; with a space
    # inside the tag the Markdown link exists only after Liquid, so it is found in the source as written.
    site = Site(tmp_path)
    site.write("_config.yml", "title: Blog\nurl: https://example.org\npermalink: /:year/:month/:day/:title/\n")
    site.write("_posts/2024-01-05-hello.md", "---\ntitle: Hello\ndate: 2024-01-05 10:00:00\n---\n")
    site.write("assets/pic.png", "png")
    text = (HEAD + "[a]({{ site.url }}/2024/01/05/hello/) [b]({{ site.url }}/2024/01/06/hello/)\n"
            "[c]({{site.baseurl}}/assets/pic.png) ![d]({{ site.url }}{{ site.baseurl }}/assets/gone.png \"Gone\")\n"
            "[e]({{ '/2024/01/05/hello/' | relative_url }}#top) [f]({{ \"/assets/lost.png\" | absolute_url }})\n"
            "[g]({{ site.baseurl }}{% post_url 2024-01-05-hello %}) [h]({{ site.url }}/{{ page.slug }}/)\n"
            "`[i]({{ site.url }}/2024/09/09/code/)`\n")
    found = site.diagnostics(text, select="LNK004", relative="_posts/2024-02-01-new.md")
    assert [(d.span.line, d.span.column, d.message) for d in found] == [
        (6, 43, "'{{ site.url }}/2024/01/06/hello/' resolves to /2024/01/06/hello/, which no page or file of the "
                "site serves: did you mean '/2024/01/05/hello/'?"),
        (7, 43, "'{{ site.url }}{{ site.baseurl }}/assets/gone.png' resolves to /assets/gone.png, which no page or "
                "file of the site serves: fix the path or add the file"),
        (8, 56, "'{{ \"/assets/lost.png\" | absolute_url }}' resolves to /assets/lost.png, which no page or file of "
                "the site serves: fix the path or add the file"),
    ]


def test_liquid_in_a_hugo_target_is_reported_as_such(site: Site) -> None:
    # Hugo runs no Liquid: with a space in the tag the link is text, without one it leads to '{{site.url}}/...'.
    site.write("static/images/a.png", "png")
    site.write("content/blog/other.md", PAGE)
    text = HEAD + "![a]({{ site.url }}/images/a.png) [b]({{site.baseurl}}/nowhere/) [c]({{< ref \"other\" >}})\n"
    found = site.diagnostics(text, select="LNK004")
    assert [(d.span.column, d.message) for d in found] == [
        (6, "'{{ site.url }}/images/a.png' is Jekyll's Liquid, which Hugo does not run (the page shows the link as "
            "text or leads to it as written): write '/images/a.png'"),
        (39, "'{{site.baseurl}}/nowhere/' is Jekyll's Liquid, which Hugo does not run (the page shows the link as "
             "text or leads to it as written): write '/nowhere/'"),
    ]


def test_hugo_figure_sources_are_followed_like_images(site: Site) -> None:
    site.write("static/images/tree.png", "png")
    site.write("content/blog/post/shot.png", "png")
    text = (HEAD + '{{< figure src="/images/tree.png" >}} {{< figure src="/images/leaf.png" caption="Leaf" >}}\n'
            '{{< figure src="shot.png" >}} {{< figure src="https://example.org/x.png" >}}\n')
    found = site.diagnostics(text, select="LNK004", relative="content/blog/post/index.md")
    assert [(d.span.line, d.span.column, d.message) for d in found] == [
        (6, 55, "'/images/leaf.png' resolves to /images/leaf.png, which no page or file of the site serves: "
                "fix the path or add the file")]


def test_a_url_two_sites_serve_differently_is_followed_on_each(tmp_path: Path) -> None:
    # One engine, two sites: what /blog/setup/ leads to is each site's own answer, however often it is asked.
    from tripreport_lint.engine.engine import Engine, Selection  # noqa: PLC0415

    for name, pages in (("one", ["content/blog/setup.md"]), ("two", [])):
        (tmp_path / name / "static").mkdir(parents=True)
        (tmp_path / name / "hugo.toml").write_text('title = "Blog"\n', encoding="utf-8")
        for page in pages:
            (tmp_path / name / page).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name / page).write_text(PAGE, encoding="utf-8")
        for post in ("a", "b"):
            (tmp_path / name / "content/blog").mkdir(parents=True, exist_ok=True)
            (tmp_path / name / f"content/blog/{post}.md").write_text(HEAD + "[s](/blog/setup/)\n", encoding="utf-8")
    engine = Engine(selection=Selection(select=("LNK004",)))
    found = {f"{path.parent.parent.parent.name}/{path.name}": [d.code for d in engine.check(path).diagnostics]
             for path in sorted(tmp_path.glob("*/content/blog/[ab].md"))}
    assert found == {"one/a.md": [], "one/b.md": [], "two/a.md": ["LNK004"], "two/b.md": ["LNK004"]}


def test_a_title_is_made_a_url_as_hugo_makes_it(site: Site) -> None:
    # Each URL as Hugo 0.168 published it under `:title` (`:slug` keeps a slash: a folder).
    site.write("hugo.toml", 'title = "Blog"\n[permalinks]\nposts = "/:year/:title/"\nnotes = "/:slug/"\n')
    for title in ("KubeCon - Observability", "CI/CD at scale", "C++ rocks", "Learning C#", "Tom's  post (part 2)",
                  "Q&A: the panel", "a - - b"):
        site.write(f"content/posts/{len(title)}-{title[:3].strip('/ ')}.md", f'---\ntitle: "{title}"\ndate: 2019-05-23\n---\n')
    site.write("content/notes/n.md", "---\ntitle: N\nslug: A - B/C++ x\n---\n")
    served = ["/2019/kubecon-observability/", "/2019/ci-cd-at-scale/", "/2019/c-rocks/", "/2019/learning-c/",
              "/2019/toms-post-part-2/", "/2019/qa-the-panel/", "/2019/a--b/", "/a-b/c-x/"]
    text = HEAD + " ".join(f"[{n}]({url})" for n, url in enumerate(served)) + " [old](/2019/kubecon---observability/)\n"
    found = messages(site, text, "content/posts/links.md")
    assert [message.split(",")[0] for message in found] == ["'/2019/kubecon---observability/' resolves to "
                                                            "/2019/kubecon---observability/"]
