"""The site model: each generator's settings read from its own files, and front matter judged as the site reads it."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from conftest import Site
from tripreport_lint.cli import run
from tripreport_lint.site.model import read_model


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_hugo_settings_merge_root_default_and_production_files_without_regard_to_case(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", """\
        [Markup.Goldmark.Extensions]
        Linkify = false
        [taxonomies]
        tag = "tags"
        series = "series"
        """)
    write(tmp_path, "config/_default/markup.yaml", """\
        goldmark:
          parser:
            autoHeadingIDType: github-ascii
            attribute:
              block: true
          renderer:
            unsafe: true
          extensions:
            typographer:
              disable: true
        """)
    write(tmp_path, "config/production/params.toml", 'mainSections = ["posts", "notes"]\n')
    model = read_model(tmp_path)
    assert (model.generator, model.renderer) == ("hugo", "goldmark")
    assert (model.linkify, model.typographer, model.block_attributes, model.raw_html) == (False, False, True, True)
    assert model.heading_ids == "github-ascii"
    assert model.taxonomies == ("tags", "series")
    assert model.main_sections == ("posts", "notes")
    assert model.keys_ignore_case
    shown = {s.key: s.source for s in model.settings}
    assert shown["markup.goldmark.extensions.linkify"] == "hugo.toml"
    assert shown["markup.goldmark.parser.autoHeadingIDType"] == "config/_default/markup.yaml"
    assert shown["params.mainSections"] == "config/production/params.toml"
    assert shown["markup.goldmark.renderer.unsafe"] == "config/_default/markup.yaml"


def test_hugo_defaults_when_the_config_says_nothing(tmp_path: Path) -> None:
    write(tmp_path, "config.yaml", "title: A blog\n")
    model = read_model(tmp_path)
    assert (model.linkify, model.typographer, model.block_attributes, model.raw_html) == (True, True, False, False)
    assert (model.heading_ids, model.date_from_filename, model.content_dirs) == ("github", False, ("content",))
    assert all(s.source is None for s in model.settings)


def test_an_unreadable_hugo_config_is_a_problem_shown_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", "[markup\nlinkify = true\n")
    model = read_model(tmp_path)
    assert model.generator == "hugo" and model.linkify
    [problem] = model.problems
    assert problem.startswith("hugo.toml: cannot be read")


def test_jekyll_settings_and_collections(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", """\
        kramdown:
          input: kramdown
          auto_id_prefix: h-
        collections:
          talks:
            output: true
        plugins: [jekyll-mentions]
        """)
    model = read_model(tmp_path)
    assert (model.generator, model.renderer) == ("jekyll", "kramdown")
    assert {s.key: s.value for s in model.settings}["kramdown.input"] == "kramdown"
    assert (model.heading_ids, model.auto_id_prefix, model.mentions, model.liquid) == ("kramdown", "h-", True, True)
    assert model.collections == ("talks",)
    assert model.normalisation_off_reason is not None
    assert model.page_kind(tmp_path / "_posts/2024-05-19-notes.md") == "post"
    assert model.page_kind(tmp_path / "_drafts/notes.md") == "post"
    assert model.page_kind(tmp_path / "_talks/keynote.md") == "page"
    assert model.page_kind(tmp_path / "about.md") == "page"


def test_hugo_posts_are_the_main_section_s_and_the_blog_sections_pages(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", "[languages.en]\n[languages.de]\n")
    pages = [str(tmp_path / "content" / page) for page in (
        "talks/a.md", "talks/b.md", "talks/c.md", "talks/_index.md", "de/news/x.md", "docs/setup.md", "docs/faq.md")]
    model = read_model(tmp_path, lambda: pages)
    assert model.main_sections == ("talks", "news")  # the largest section (as Hugo's default), and a blog-named one
    assert model.page_kind(tmp_path / "content/talks/kubecon.md") == "post"
    assert model.page_kind(tmp_path / "content/de/news/kubecon/index.md") == "post"
    assert model.page_kind(tmp_path / "content/docs/setup.md") == "page"
    assert model.page_kind(tmp_path / "content/about.md") == "page"
    assert model.page_kind(tmp_path / "archetypes/default.md") == "none"
    docs = [str(tmp_path / "content/docs" / f"{n}.md") for n in range(5)]
    assert read_model(tmp_path, lambda: docs).main_sections == ("docs",)  # a documentation site: Hugo's choice


POST = "---\n{}\n---\n\nA day of talks.\n"


def test_hugo_reads_capitalised_keys_as_the_schema_s(site: Site) -> None:
    text = POST.format("Title: Notes from the hallway track\nDate: 2024-05-19")
    assert site.findings(text) == []
    [finding] = site.diagnostics(POST.format("Title: 2024\nDate: 2024-05-19"))
    assert (finding.span.line, finding.span.column) == (2, 8)  # at the author's key, as written
    assert finding.message.startswith("'Title' must be a string")


def test_jekyll_keys_keep_their_case(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    write(tmp_path, "about.md", "---\nTitle: About\n---\n\nWho we are.\n")
    site = Site(tmp_path)
    assert site.findings(POST.format("Title: About\ndate: 2024-05-19"), relative="_posts/2024-05-19-about.md") == []
    # a key Jekyll reads as written: a user schema that wants `title` is not satisfied by `Title`
    write(tmp_path, "post.schema.json", '{"type": "object", "required": ["title"]}')
    write(tmp_path, ".tripreport-lint.toml", 'schema = "post.schema.json"\n')
    assert site.findings(POST.format("Title: About"), relative="about.md") == [("FM010", 1, 1)]


def test_jekyll_documents_need_no_date_and_posts_take_it_from_the_file_name(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", "collections:\n  docs:\n    output: true\n")
    site = Site(tmp_path)
    assert site.findings(POST.format("title: Installation"), relative="_docs/installation.md") == []
    assert site.findings(POST.format("permalink: /install/"), relative="_docs/installation.md") == []
    assert site.findings(POST.format("title: Release"), relative="_posts/2024-05-19-release.markdown") == []
    assert site.findings(POST.format("layout: post"), relative="_posts/2024-05-19-release.markdown") == []
    assert site.findings(POST.format("title: Undated"), relative="_posts/release.markdown") == [("FM010", 1, 1)]


def test_jekyll_defaults_supply_required_keys(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", """\
        defaults:
          - scope: {path: "_posts", type: posts}
            values: {author: Kim}
        """)
    write(tmp_path, "post.schema.json", '{"type": "object", "required": ["author"]}')
    write(tmp_path, ".tripreport-lint.toml", 'schema = "post.schema.json"\n')
    site = Site(tmp_path)
    assert site.findings(POST.format("title: Notes"), relative="_posts/2024-05-19-notes.md") == []
    assert site.findings(POST.format("title: Notes"), relative="notes.md") == [("FM010", 1, 1)]


def test_hugo_pages_outside_the_main_sections_need_no_date(site: Site) -> None:
    for name in ("one", "two"):
        site.write(f"content/posts/{name}.md", POST.format(f"title: {name}\ndate: 2024-05-19"))
    assert site.findings(POST.format("title: Install"), relative="content/docs/install.md") == []
    assert site.findings(POST.format("title: Notes"), relative="content/posts/notes.md") == [("FM010", 1, 1)]
    site.write("hugo.toml", '[params]\nmainSections = ["docs"]\n')
    assert site.findings(POST.format("title: Install"), relative="content/docs/install.md") == [("FM010", 1, 1)]
    assert site.findings(POST.format("title: Notes"), relative="content/posts/notes.md") == []


def test_hugo_date_from_the_file_modification_time(site: Site) -> None:
    site.write("hugo.toml", '[frontmatter]\ndate = [":default", ":fileModTime"]\n')
    assert site.findings(POST.format("title: Notes"), relative="content/posts/notes.md") == []


def test_show_site_names_each_site_its_settings_and_their_sources(tmp_path: Path) -> None:
    write(tmp_path, "blog/hugo.toml", "[markup.goldmark.extensions]\nlinkify = false\n")
    write(tmp_path, "blog/content/posts/a.md", POST.format("title: A\ndate: 2024-05-19"))
    write(tmp_path, "docs/_config.yml", "markdown: kramdown\n")
    write(tmp_path, "docs/_posts/2024-05-19-a.md", POST.format("title: A"))
    out, err = io.StringIO(), io.StringIO()
    assert run(["--show-site", str(tmp_path)], out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert f"{tmp_path / 'blog'}: Hugo site, rendered with Goldmark" in text
    assert "  markup.goldmark.extensions.linkify = false  (hugo.toml)" in text
    assert "  markup.goldmark.extensions.typographer = true  (default)" in text
    assert f"{tmp_path / 'docs'}: Jekyll site, rendered with kramdown" in text
    assert "body normalisation (format, FMT001): off by default: kramdown reads Markdown differently" in text
    # The Hugo blog has no templates here, the Jekyll site's page-file links are rewritten by jekyll-relative-links.
    blog, docs = text.split(f"{tmp_path / 'docs'}: ")
    assert "local links: the templates are not all here" in blog
    assert "local links: a link to a page's file (`../other.md`) reaches that page" in docs
    write(tmp_path, "blog/layouts/_default/single.html", "<h1>{{ .Title }}</h1>{{ .Content }}\n")
    out = io.StringIO()
    assert run(["--show-site", str(tmp_path / "blog")], out, err) == 0
    assert "local links: no link render hook: LNK004 follows every path from the URL the page is served at" \
        in out.getvalue()
    assert run(["--show-site", str(tmp_path / "nowhere")], io.StringIO(), err) == 2
    assert "nowhere: no such file or directory" in err.getvalue()


def test_key_case_is_opt_in_and_its_fix_safe_only_where_hugo_reads_both_alike(tmp_path: Path) -> None:
    text = POST.format("Title: Notes\ndate: 2024-05-19")
    hugo = Site(tmp_path / "hugo")
    hugo.write("hugo.toml", "")
    assert hugo.findings(text) == []
    [finding] = hugo.diagnostics(text, select="key-case")
    assert (finding.code, finding.span.line, finding.span.column) == ("FM012", 2, 1)
    assert finding.message == "key 'Title' is spelled 'title' in the schema (Hugo reads both the same): write 'title'"
    assert hugo.fixed(text, select="FM012") == POST.format("title: Notes\ndate: 2024-05-19")
    jekyll = Site(tmp_path / "jekyll")
    jekyll.write("_config.yml", "")
    relative = "_posts/2024-05-19-notes.md"
    assert jekyll.fixed(text, select="FM012", relative=relative) == text
    assert jekyll.fixed(text, select="FM012", relative=relative, unsafe=True).startswith("---\ntitle: Notes")


def test_keys_differing_only_in_case_are_one_key_to_hugo(tmp_path: Path) -> None:
    text = POST.format("title: Notes\ndate: 2024-05-19\nTitle: Notes from KubeCon")
    hugo = Site(tmp_path / "hugo")
    hugo.write("hugo.toml", "")
    [finding] = hugo.diagnostics(text, select="FM005")
    assert (finding.span.line, finding.span.column) == (4, 1)
    assert finding.message.startswith("key 'Title' is 'title' (line 2) to Hugo")
    jekyll = Site(tmp_path / "jekyll")
    jekyll.write("_config.yml", "")
    assert jekyll.findings(text, select="FM005", relative="_posts/2024-05-19-notes.md") == []


def test_every_front_matter_rule_reads_hugo_keys_without_regard_to_case(site: Site) -> None:
    text = ("---\nTitle: Day one\nDate: 2024-05-19\nLastMod: 2024-05-01\nDraft: false\nImage: /img/missing.png\n"
            "Tags: [kcd, kcd]\n---\n\n# Day one\n\nTalks.\n")
    codes = sorted(code for code, _, _ in site.findings(text))
    assert codes == ["FM022", "FM031", "FM040", "HDG001"]
    jekyll = Site(site.root / "jekyll")
    jekyll.write("_config.yml", "")
    assert sorted(code for code, _, _ in jekyll.findings(text, relative="_posts/2024-05-19-day-one.md")) == []


def test_kramdown_s_auto_id_prefix_is_part_of_every_heading_anchor(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", "kramdown:\n  auto_id_prefix: sec-\n")
    site = Site(tmp_path)
    text = POST.format("title: Notes") + "\n## Day one\n\nSee [day one](#sec-day-one) and [again](#day-one).\n"
    assert site.findings(text, select="LNK005", relative="_posts/2024-05-19-notes.md") == [("LNK005", 9, 33)]


def test_jekyll_anchors_follow_kramdown_s_parser(tmp_path: Path) -> None:
    # kramdown 2.4 makes `2024-recap--ünïcode` under GFM input, `recap--ncode` under its own input.
    text = POST.format("title: Notes") + "\n## 2024 Recap – Ünïcode\n\nSee [the recap](#2024-recap--ünïcode).\n"
    gfm = Site(tmp_path / "gfm")
    gfm.write("_config.yml", "markdown: kramdown\n")
    assert gfm.findings(text, select="LNK005", relative="_posts/2024-05-19-notes.md") == []
    own = Site(tmp_path / "own")
    own.write("_config.yml", "kramdown:\n  input: kramdown\n")
    assert own.findings(text, select="LNK005", relative="_posts/2024-05-19-notes.md") == [("LNK005", 9, 5)]
    assert own.findings(text.replace("#2024-recap--ünïcode", "#recap--ncode"), select="LNK005",
                        relative="_posts/2024-05-19-notes.md") == []


def test_hugo_anchors_take_heading_text_as_goldmark_does(site: Site) -> None:
    # Hugo 0.168 gives `## [Kim's talk](...)` the id `kim` with its typographer on (the default).
    text = (POST.format("title: Notes\ndate: 2024-05-19") + "\n## [Kim's talk](https://example.org)\n\n"
            "See [the talk](#kim) and [again](#kims-talk).\n")
    assert site.findings(text, select="LNK005") == [("LNK005", 10, 26)]
    site.write("hugo.toml", "[markup.goldmark.extensions.typographer]\ndisable = true\n")
    assert site.findings(text, select="LNK005") == [("LNK005", 10, 5)]


def test_jekyll_reads_unpadded_file_name_dates_and_tags_as_a_string(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "")
    assert site.findings(POST.format("title: The end"), relative="_posts/2021/2021-4-1-the-end.md") == []
    assert site.findings(POST.format("title: The start\ntags: mono .NET linux"),
                         relative="_posts/2021-04-01-the-start.md") == []
    hugo = Site(tmp_path / "hugo")
    hugo.write("hugo.toml", "")
    assert hugo.findings(POST.format("title: The end\ndate: 2021-04-01\ntags: mono .NET linux")) == [("FM010", 4, 7)]


def test_jekyll_reads_a_date_followed_by_words_ruby_skips(tmp_path: Path) -> None:
    text = POST.format("title: Release\ndate: 2023-01-29 18:30:22 2023 -0800")
    jekyll = Site(tmp_path / "jekyll")
    jekyll.write("_config.yml", "")
    assert jekyll.findings(text, select="FM020", relative="_posts/2023-01-29-release.md") == []
    assert jekyll.findings(text.replace("2023-01-29 18", "2023-02-30 18"), select="FM020",
                           relative="_posts/2023-01-29-release.md") == [("FM020", 3, 7)]
    hugo = Site(tmp_path / "hugo")
    hugo.write("hugo.toml", "")
    assert hugo.findings(text, select="FM020") == [("FM020", 3, 7)]


def test_jekyll_engines_other_than_commonmark_are_read_as_kramdown(tmp_path: Path) -> None:
    write(tmp_path / "red", "_config.yml", "markdown: redcarpet\n")
    write(tmp_path / "cm", "_config.yml", "markdown: CommonMarkGhPages\n")
    assert read_model(tmp_path / "red").renderer == "kramdown"  # as GitHub Pages builds it
    assert read_model(tmp_path / "red").normalisation_off_reason is not None
    assert read_model(tmp_path / "cm").renderer == "commonmark"


def test_an_img_tag_on_a_hugo_site_without_raw_html_is_said_to_vanish(site: Site) -> None:
    text = POST.format("title: Notes\ndate: 2024-05-19") + '\n<img src="/a.png">\n'
    [finding] = site.diagnostics(text, select="LNK010")
    assert "omits raw HTML" in finding.message and finding.message.endswith("write it as ![description](source)")
    site.write("hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n")
    [finding] = site.diagnostics(text, select="LNK010")
    assert finding.message == '<img> has no alt attribute: add alt="..." describing the picture'
