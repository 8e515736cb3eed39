"""LNK001-LNK003, LNK007-LNK010, LNK013-LNK015, LNK017: link syntax and images in the body."""

from __future__ import annotations

from pathlib import Path

from conftest import Site

HEAD = "---\ntitle: Notes from KubeCon\ndate: 2024-04-02\n---\n\n"


def findings(site: Site, body: str, select: str = "LNK") -> list[tuple[str, int, int]]:
    return site.findings(HEAD + body, select=select)


def test_unclosed_link_at_line_end_is_closed(site: Site) -> None:
    body = "* [Observability engineering](https://example.com/books/observability/\n* next item\n"
    assert findings(site, body) == [("LNK001", 6, 30)]
    assert site.fixed(HEAD + body, select="LNK") == HEAD + body.replace("observability/\n", "observability/)\n")


def test_unclosed_link_mid_sentence_is_reported_without_fix(site: Site) -> None:
    [finding] = site.diagnostics(HEAD + "See [docs](https://example.com/docs and more.\n", select="LNK")
    assert finding.code == "LNK001" and finding.fix is None


def test_space_between_bracket_and_parenthesis(site: Site) -> None:
    body = "See [the slides] (https://example.com/slides.pdf) for details.\n"
    assert findings(site, body) == [("LNK013", 6, 5)]
    assert site.fixed(HEAD + body, select="LNK") == HEAD + body.replace("] (", "](")


def test_parenthesis_glued_after_link_and_lone_domain(site: Site) -> None:
    body = "* [A book](https://example.com/book)( publisher )\n\nBackups with [kanister.io] and [1] and [x] done.\n"
    found = site.diagnostics(HEAD + body, select="LNK")
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("LNK014", 6, 37), ("LNK015", 8, 14)]
    assert "'( publisher )' is glued" in found[0].message


def test_a_changelog_tag_opening_an_item_is_no_link_word(site: Site) -> None:
    body = "- [Docs] Fix the example in the guide\n- Read the [docs] first\n\n[Slides]\n"
    assert findings(site, body, "LNK015") == [("LNK015", 7, 12), ("LNK015", 9, 1)]


def test_each_shape_of_broken_link_has_a_code_of_its_own(site: Site) -> None:
    body = ("Read [the book](https://example.com/book\nand [the slides] (https://example.com/s.pdf),\n"
            "[Flux](https://fluxcd.io/)(CNCF) and [kanister.io].\n")
    codes = ["LNK001", "LNK013", "LNK014", "LNK015"]
    assert sorted({code for code, _, _ in findings(site, body)}) == codes
    for code in codes:  # so that a team can turn one off and keep the others
        others = [other for other in codes if other != code]
        assert sorted({found for found, _, _ in findings(site, body, select=",".join(others))}) == others


def test_well_formed_links_are_quiet(site: Site) -> None:
    body = (
        "A [link](https://example.com/a_(b)) and [titled](https://example.com \"T\") and\n"
        "[a link split\nover lines](https://example.com) and ![alt](pic.png) and [ref][r] and [r].\n\n"
        "Task list:\n\n- [ ] todo\n- [x] done\n\n```\n[not](a link\n```\n\n[r]: https://example.com/r\n"
    )
    assert findings(site, body, select="LNK001,LNK002,LNK003,LNK007,LNK008,LNK009,LNK013,LNK014,LNK015") == []


def test_link_glued_to_word_gets_a_space(site: Site) -> None:
    body = "Data protection with[Kanister](https://kanister.io/) and 使用[中文](https://example.cn).\n"
    assert findings(site, body, "LNK002") == [("LNK002", 6, 21)]
    assert site.fixed(HEAD + body, select="LNK002") == HEAD + body.replace("with[", "with [")


def test_placeholder_targets_and_prose_placeholders(site: Site) -> None:
    body = "[a]() [b](#) [c](TODO) [d](link) [e](https://example.com)\nThe book on asset management (link).\n"
    assert findings(site, body, "LNK003") == [
        ("LNK003", 6, 1), ("LNK003", 6, 7), ("LNK003", 6, 14), ("LNK003", 6, 24), ("LNK003", 7, 30),
    ]


def test_bare_urls_are_wrapped(site: Site) -> None:
    body = "Schedule: http://8.8.8.8:1313/schedule.\n\n<https://example.com/ok> `https://example.com/code`\n"
    assert findings(site, body, "LNK009") == [("LNK009", 6, 11)]
    fixed = site.fixed(HEAD + body, select="LNK009")
    assert fixed == HEAD + body.replace("http://8.8.8.8:1313/schedule.", "<http://8.8.8.8:1313/schedule>.")


def test_example_and_local_addresses_are_shown_not_followed(site: Site, tmp_path: Path) -> None:
    body = ("Run it and open http://localhost:1313/ or http://127.0.0.1:8080/x, then call http://example.com/api "
            "(or http://192.168.1.10/, http://[::1]:80/, http://api.example.org/v1, https://blog.test/).\n")
    assert findings(site, body, "LNK009") == []
    jekyll = Site(tmp_path / "jekyll")  # kramdown links no bare URL: each other one is reported
    jekyll.write("_config.yml", "title: Notes\n")
    text = HEAD + body + "\nThe code is at https://codeberg.org/notes/demo.\n"
    assert [d.message for d in jekyll.diagnostics(text, "LNK009", "_posts/2024-05-19-notes.md")] == [
        "bare URL https://codeberg.org/notes/demo: wrap it in <...> to make it a link"]


def test_bare_urls_in_definitions_comments_and_html_are_not_prose(site: Site) -> None:
    body = "[x]:\n  https://example.com/x\n\n<!-- https://example.com/hidden -->\n\n<a href=\"https://example.com\">a</a>\n"
    assert findings(site, body, "LNK009") == []


def test_images_without_alt(site: Site) -> None:
    body = "![](booth.jpg)\n\n![Booth](booth.jpg)\n\n<img src=\"a.png\">\n<img src=\"b.png\" alt=\"\">\n"
    assert findings(site, body, "LNK010") == [("LNK010", 6, 1), ("LNK010", 10, 1)]


def test_an_image_inside_a_link_needs_alt_text_too(site: Site) -> None:
    body = "[![](badge.svg)](https://ci.example.com) and [![Build](badge.svg)](https://ci.example.com)\n"
    assert findings(site, body, "LNK010") == [("LNK010", 6, 2)]


GH = "https://github.com/example/tools"


def test_images_whose_source_is_a_github_page(site: Site) -> None:
    body = (f"![Dashboard]({GH}/blob/main/docs/dash.png) and [the source]({GH}/blob/main/docs/dash.png)\n\n"
            f"[![Badge]({GH}/blob/v1.2/badge.svg)](https://ci.example.com) ![Folder]({GH}/tree/main/docs)\n\n"
            f"![Raw]({GH}/blob/main/a.png?raw=true) ![Plain]({GH}/blob/main/a.png?plain=1) ![Ref][shot]\n\n"
            f'<img src="{GH}/blob/main/b.png" alt="B"> <!-- <img src="{GH}/blob/main/c.png"> -->\n\n'
            f"`![Code]({GH}/blob/main/a.png)`\n\n[shot]: {GH}/blob/feature/x/shot.png\n")
    found = site.diagnostics(HEAD + body, "LNK017")
    assert [(d.span.line, d.span.column, d.fix is not None) for d in found] == [
        (6, 1, True), (8, 2, True), (8, 90, False), (10, 67, False), (10, 134, True), (12, 1, True)]
    assert "a folder's page on GitHub" in found[2].message
    fixed = site.fixed(HEAD + body, "LNK017")
    raw = "https://raw.githubusercontent.com/example/tools"
    for address in ("main/docs/dash.png)", "v1.2/badge.svg)", "feature/x/shot.png\n", 'main/b.png" alt'):
        assert f"{raw}/{address}" in fixed
    assert f"[the source]({GH}/blob/main/docs/dash.png)" in fixed  # a link to the page is fine
    assert [d.span.line for d in site.diagnostics(fixed, "LNK017")] == [8, 10]  # the folder, the query: no fix


def test_a_hugo_figure_whose_source_is_a_github_page(site: Site) -> None:
    body = (f'{{{{< figure src="{GH}/blob/main/f.png" link="{GH}/blob/main/f.png" >}}}}\n\n'
            f'<!-- {{{{< figure src="{GH}/blob/main/g.png" >}}}} -->\n')
    assert findings(site, body, "LNK017") == [("LNK017", 6, 1)]
    assert site.fixed(HEAD + body, "LNK017").count("raw.githubusercontent.com") == 1


def test_img_alt_is_an_attribute_of_its_own(site: Site) -> None:
    """data-alt is another attribute; an unquoted alt, or a '>' inside a quoted value, is still read right."""
    body = '<img data-alt="Booth" src="a.png">\n\n<img src=b.png alt=Booth>\n\n<img title="a > b" src="c.png">\n'
    assert findings(site, body, "LNK010") == [("LNK010", 6, 1), ("LNK010", 10, 1)]


def test_references(site: Site) -> None:
    body = "See [flux][Flux  Site] and [argo][argo].\n\n[flux site]: https://fluxcd.io/\n[unused]: https://x.io/\n"
    assert findings(site, body, "LNK007,LNK008") == [("LNK007", 6, 28), ("LNK008", 9, 1)]


def test_brackets_that_write_a_command_s_syntax_are_no_reference(site: Site) -> None:
    body = "Use chmod [u|g|o|a][=|+|-] [r|w|x] file, or tar [-][-]. A [typo][missing] is still reported.\n"
    assert findings(site, body, "LNK007") == [("LNK007", 6, 59)]


def test_a_label_broken_over_lines_is_quoted_on_one_line(site: Site) -> None:
    body = "Read the [Basics\ntutorial][] first.\n"
    [finding] = site.diagnostics("---\ntitle: Notes\ndate: 2024-05-19\n---\n\n" + body, "LNK007")
    assert finding.message == "reference '[Basics tutorial]' is not defined: add a line '[Basics tutorial]: <url>'"
