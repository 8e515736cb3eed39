"""Posts of a Jekyll site go through Liquid before kramdown: template tags in link targets, reference
definitions a Liquid loop writes, and ``{% raw %}`` / ``{% highlight %}`` blocks, which are code; kramdown's
``{::nomarkdown}`` and ``{::comment}`` extensions hold no Markdown either."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Site

HEAD = "---\ntitle: Release notes\ndate: 2024-05-19\n---\n\n"
POST = "_posts/2024-05-19-release.md"


@pytest.fixture
def jekyll(tmp_path: Path) -> Site:
    site = Site(tmp_path / "jekyll")
    site.write("_config.yml", "title: Notes\nrepository: https://github.com/example/notes\n")
    return site


def test_a_link_target_made_of_liquid_may_run_over_a_line_break(jekyll: Site, site: Site) -> None:
    body = ("The fix for the cache ([#412]({{ site.repository\n}}/issues/412)) and [the guide]({% link\n"
            "_docs/caching.md %}) and [both]({{ site.url }}{% link\n_docs/a.md %}#top).\n\n"
            "Not closed: [the notes]({{ site.repository }}/notes\nand more.\n")
    [finding] = jekyll.diagnostics(HEAD + body, "LNK001", POST)
    assert (finding.span.line, finding.span.column) == (11, 24) and finding.fix is None
    assert "'{{ site.repository }}/notes' is never closed" in finding.message
    # Hugo does not run Liquid: there such a target is broken (a shortcode would not be).
    assert [line for _, line, _ in site.findings(HEAD + body, "LNK001")] == [6, 7, 8, 11]
    hugo = "See [the guide]({{< ref\n\"guide.md\" >}}).\n"
    assert site.findings(HEAD + hugo, "LNK001") == []


def test_definitions_a_liquid_loop_writes_define_the_references_of_their_shape(jekyll: Site, site: Site) -> None:
    body = (
        "Fixed: the feed ([#1081][]) and the sitemap ([#1084][]); the [`where`][where-filter] filter; "
        "not [#2000 below][issue-2000] nor [the docs][docs].\n\n"
        "{% assign issues = \"1081|1084\" | split: \"|\" %}\n{% for issue in issues %}\n"
        "[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}\n{% endfor %}\n\n"
        "{% for filter in page.filters %}\n[{{ filter }}-filter]: /docs/filters/#{{ filter }}\n{% endfor %}\n"
    )
    assert jekyll.findings(HEAD + body, "LNK007,LNK008", POST) == [("LNK007", 6, 98), ("LNK007", 6, 128)]
    # Without Liquid the loop writes nothing: the references are undefined and the definitions unused.
    codes = [code for code, _, _ in site.findings(HEAD + body, "LNK007,LNK008")]
    assert codes == ["LNK007"] * 5 + ["LNK008"] * 2


RAW = (
    "Write the title as below.\n\n"
    "{% raw %}\n"
    "# {{ page.title }}\n\n"
    "See [the layout](layouts/{{ page.layout }}.html and recieve it. TODO: fill in\n"
    "{% endraw %}\n\n"
    "{% highlight bash %}\n# build the site\njekyll build --teh  # TODO: the flags\n{% endhighlight %}\n\n"
    "Inline: {% raw %}`{{ site.url }}`{% endraw %} and {% raw %}{% link teh/post.md %}{% endraw %}.\n"
)


@pytest.mark.parametrize("relative", ["_posts/2024-05-19-release.md", "content/blog/release.md"])
def test_raw_and_highlight_blocks_are_code_for_every_rule(jekyll: Site, site: Site, relative: str) -> None:
    blog = jekyll if relative.startswith("_") else site
    found = blog.findings(HEAD + RAW, None, relative)
    # Hugo has no raw blocks: there `# {{ page.title }}` is a body H1 below the title the layout prints.
    assert found == ([] if blog is jekyll else [("HDG006", 9, 1)])


def test_the_same_text_outside_a_raw_block_is_reported(jekyll: Site) -> None:
    outside = RAW.replace("{% raw %}\n", "").replace("{% endraw %}\n", "")
    codes = {code for code, _, _ in jekyll.findings(HEAD + outside, None, POST)}
    assert {"LNK001", "SPL001", "CMT002"} <= codes


KRAMDOWN_RAW = (
    "Slides below.\n\n{::nomarkdown}\n<section data-markdown><textarea data-template>\n# Agenda\n\n"
    "See https://example.net/demo and teh repo.\n\n<!-- hidden note -->\n\n## Part\n---\n## Part\n"
    "</textarea></section>\n{:/nomarkdown}\n\n{::comment}\nTODO: add the video\n{:/comment}\n\n"
    "Done {::comment}teh aside{:/} here.\n"
)


def test_kramdown_s_nomarkdown_and_comment_extensions_are_no_markdown(jekyll: Site) -> None:
    # kramdown passes a nomarkdown block to the page as it is (here to reveal.js, which reads it), and leaves
    # a comment out: no heading, link, typo or note of theirs is the post's Markdown.
    assert jekyll.findings(HEAD + KRAMDOWN_RAW, None, POST) == []
    outside = KRAMDOWN_RAW.replace("{::nomarkdown}\n", "").replace("{:/nomarkdown}\n", "")
    codes = {code for code, _, _ in jekyll.findings(HEAD + outside, None, POST)}
    assert {"HDG002", "SPL001", "CMT001"} <= codes
