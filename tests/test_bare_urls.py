"""LNK009 reports what the site renders: on a Hugo site with Goldmark's linkify (Hugo's default), only
the URLs linkify links wrongly or not at all; where nothing links bare URLs (linkify off, kramdown,
plain CommonMark), every one.

CASES is what Hugo 0.168's Goldmark made of each paragraph (the text of the link it made, None for
none), beside the URL the author meant (None where LNK009 looks at nothing: no scheme). The last
tests check the table, and that the fix links what was meant, with the real Hugo and kramdown when
they are installed (the test extra has Hugo).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
A = "https://conf.dev/a"
WIKI = "https://en.wikipedia.org/wiki/Go_(game)"

CASES: list[tuple[str, str | None, str | None]] = [
    # Sentence punctuation after the URL: linkify leaves it out, as the author meant.
    (f"see {A}.", A, A), (f"see {A},", A, A), (f"see {A}:", A, A), (f"see {A}!", A, A), (f"see {A}?", A, A),
    (f"see {A}... then", A, A), (f"see {A}_", A, A), (f"see *{A}*", A, A), (f"see {A})", A, A),
    (f"see {A}).", A, A), (f"see ({A}).", A, A), (f"see {A}.b.", A + ".b", A + ".b"),
    (f"see {A}?q=1&r=2.", A + "?q=1&r=2", A + "?q=1&r=2"), (f"see {A}#part.", A + "#part", A + "#part"),
    ("see https://conf.dev:8080/a.", "https://conf.dev:8080/a", "https://conf.dev:8080/a"),
    ("see https://Conf.dev/x", "https://Conf.dev/x", "https://Conf.dev/x"),
    (f"see {A}|b", A, A), (f"see {A}/it's", A + "/it's", A + "/it's"),
    # Balanced parentheses stay in the link (Wikipedia style); unbalanced ones go.
    (f"see {WIKI}", WIKI, WIKI), (f"see {WIKI}.", WIKI, WIKI), (f"see ({WIKI}).", WIKI, WIKI),
    (f"see {WIKI}),", WIKI, WIKI),
    # What linkify takes into the link: a ';', quotes, '>' and ']', code right after the URL.
    (f"see {A};", A + ";", A), (f"see {WIKI};", WIKI + ";", WIKI), (f"see {A}'", A + "'", A),
    (f"see '{A}'", A + "'", A), (f'see "{A}"', A + '"', A), (f'see ("{A}")', A + '"', A),
    (f"see {A}>", A + ">", A), (f"see {A}]", A + "]", A), (f"see {A}`b`", A + "`b`", A),
    # Where it links nothing: hosts without a lower-case top-level label, after a letter, ':' or a tab.
    ("see http://intranet:8080/x", None, "http://intranet:8080/x"),
    ("see http://8.8.8.8:8080/x.", None, "http://8.8.8.8:8080/x"),
    ("see http://CONF.DEV/x", None, "http://CONF.DEV/x"),
    (f"see:{A}", None, A), (f"see\u2014{A}", None, A), (f"see\t{A}", None, A),
    # An escaped '*' starts nothing; a space after a backslash still does.
    (f"see \\*{A}", None, A), (f"see \\ {A}", A, A),
    # Right after a link, linkify tries again; a non-ASCII letter ends its link.
    (f"see [x](https://conf.dev/y){A}", A, A),
    ("see https://conf.dev/caf\u00e9.", "https://conf.dev/caf", "https://conf.dev/caf\u00e9"),
    # Chinese and Japanese text: full-width punctuation ends the URL; no link right after a letter.
    (f"\u8bf7\u770b {A}\u3002\u8c22\u8c22", A, A), (f"\u8bf7\u770b {A}\uff0c\u8c22\u8c22", A, A),
    (f"\u89c1 {A}\uff09", A, A), (f"\u8bf7\u770b{A}\u3002", None, A),
    # A '\' hard break is never part of the URL.
    (f"line {A}\\\nnext", A, A),
    # Not looked at: no scheme, or a scheme after a letter.
    ("see www.conf.dev", "www.conf.dev", None), ("see www.conf.dev/x,", "www.conf.dev/x", None),
    ("see localhost:8080", None, None), ("see jane@conf.dev.", "jane@conf.dev", None),
    (f"see x{A}", None, None), ("see HTTPS://conf.dev/a", None, None),
]


def post(lines: list[str]) -> str:
    return HEAD + "\n\n".join(lines) + "\n"


def wrapped(line: str, url: str) -> str:
    at = line.index(url)
    return line[:at] + f"<{url}>" + line[at + len(url) :]


def reported(site: Site, lines: list[str]) -> dict[int, str]:
    """The message of each case's finding, by case number."""
    text = post(lines)
    starts = [text.index(line) for line in lines]
    found = {}
    for finding in site.diagnostics(text, "LNK009"):
        offset = sum(len(line) + 1 for line in text.split("\n")[: finding.span.line - 1])
        found[max(i for i, start in enumerate(starts) if start <= offset)] = finding.message
    return found


def hugo_site(root: Path, *extra: str) -> Site:
    site = Site(root)
    site.write("hugo.toml", "\n".join(['title = "Notes"', *extra]) + "\n")
    return site


@pytest.fixture
def jekyll(tmp_path: Path) -> Site:
    site = Site(tmp_path / "jekyll")
    site.write("_config.yml", "title: Notes\nplugins:\n  - jekyll-mentions\n")
    return site


def test_on_a_linkify_site_only_urls_linked_otherwise_than_meant_are_reported(tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    lines = [line for line, _, _ in CASES]
    found = reported(site, lines)
    expected = {i for i, (_, page, meant) in enumerate(CASES) if meant is not None and page != meant}
    assert set(found) == expected
    for i in expected:
        line, page, meant = CASES[i]
        assert (f"links '{page}' instead" if page else "is not a link on the page") in found[i], line
    assert "right after ':'" in found[lines.index(f"see:{A}")]
    assert "does not link this address" in found[lines.index("see http://intranet:8080/x")]
    fixed = site.fixed(post(lines), "LNK009")
    assert fixed == post([wrapped(line, meant) if i in expected and meant else line
                          for i, (line, _, meant) in enumerate(CASES)])


def test_where_nothing_links_bare_urls_every_one_is_reported(tmp_path: Path, jekyll: Site) -> None:
    # Not after a letter or a quote: as on a plain CommonMark site. In parentheses too: `(https://...)` is text.
    cases = [(line, meant) for line, _, meant in CASES if meant and not re.search(r"[\w\"']https?://", line)]
    lines = [line for line, _ in cases]
    for site, relative in ((hugo_site(tmp_path / "off", "[markup.goldmark.extensions]", "linkify = false"),
                            "content/blog/post.md"), (jekyll, "_posts/2024-05-19-notes.md")):
        messages = [d.message for d in site.diagnostics(post(lines), "LNK009", relative)]
        assert messages == [f"bare URL {meant}: wrap it in <...> to make it a link" for _, meant in cases]
    fixed = jekyll.fixed(post(lines), "LNK009", "_posts/2024-05-19-notes.md")
    assert fixed == post([wrapped(line, meant) for line, meant in cases])
    assert f"<{A}>\\\nnext" in fixed  # the hard break stays outside the autolink


def test_where_the_renderer_is_not_known_only_urls_gfm_autolinks_miss_or_cut_are_reported(tmp_path: Path) -> None:
    site = Site(tmp_path / "posts")  # no generator's configuration: GitHub, remark-gfm... may link bare URLs
    text = HEAD + f"see {A} and {A};\n\nsee:{A}\n\nsee\u00a0{A}\n"
    assert [(d.span.line, d.message) for d in site.diagnostics(text, "LNK009", "notes.md")] == [
        (6, f"bare URL {A}: the page links '{A};' instead (GFM's autolinks): wrap it in <...>"),
        (8, f"bare URL {A} is not a link on the page (GFM's autolinks link nothing right after ':'): "
            "wrap it in <...> to make it one"),
        (10, f"bare URL {A} is not a link on the page (GFM's autolinks link nothing right after U+00A0): "
             "wrap it in <...> to make it one")]


def test_without_typographer_no_link_after_a_quote(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, "[markup.goldmark.extensions.typographer]", "disable = true")
    found = site.diagnostics(HEAD + f'see "{A}" and ...{A} and {A}\n', "LNK009")
    assert [(d.span.column, "right after '\"'" in d.message) for d in found] == [(6, True), (33, False)]


def test_a_url_built_with_a_template_tag(tmp_path: Path, jekyll: Site) -> None:
    body = "The code is at https://github.com/{{ site.owner }}/notes and {{< param repo >}}.\n"
    [finding] = jekyll.diagnostics(HEAD + body, "LNK009", "_posts/2024-05-19-notes.md")
    assert finding.fix is None
    hugo = hugo_site(tmp_path / "hugo")
    assert hugo.diagnostics(HEAD + "At https://github.com/{{< param owner >}}/notes.\n", "LNK009") == []


def test_mentions_are_not_reported(jekyll: Site) -> None:
    body = "Thanks to @parkr and @jekyll/core, and to @benbalter for the review.\n"
    assert jekyll.findings(HEAD + body, relative="_posts/2024-05-19-notes.md") == []


def _link_texts(page: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r"<a href=\"[^\"]*\">(.*?)</a>", page, re.S)]


def test_a_url_in_parentheses_that_is_a_link_target_is_left_to_the_link_rules(jekyll: Site) -> None:
    lines = [f"see [the notes] ({A}) here", f"see ({A})[the notes] here", f"see [x]({A})({A}/b) here",
             f"Jekyll Talk ({A}) helps."]
    found = jekyll.diagnostics(post(lines), "LNK009", "_posts/2024-05-19-notes.md")
    assert [(d.span.line, d.span.column) for d in found] == [(12, 14)]


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_the_cases_are_what_hugo_makes_of_them() -> None:
    linkify = {"goldmark": {"extensions": {"linkify": True}}}
    pages = render_hugo(linkify, {line: line + "\n" for line, _, _ in CASES})
    made = {line: _link_texts(page) for line, page in pages.items()}
    assert {line: links[-1] if links else None for line, links in made.items()} == \
        {line: page for line, page, _ in CASES}
    # What LNK009's fix writes links what the author meant.
    fixed = {wrapped(line, meant): meant for line, page, meant in CASES if meant is not None and page != meant}
    after = render_hugo(linkify, {line: line + "\n" for line in fixed})
    assert {line: _link_texts(page)[-1] for line, page in after.items()} == fixed


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_links_no_bare_url_and_every_wrapped_one() -> None:
    cases = {line: meant for line, _, meant in CASES if meant is not None}
    before = render_kramdown({}, {line: line + "\n" for line in cases})
    assert not any("://" in text for page in before.values() for text in _link_texts(page))
    after = render_kramdown({}, {wrapped(line, meant): wrapped(line, meant) + "\n" for line, meant in cases.items()})
    assert [_link_texts(after[wrapped(line, meant)])[-1] for line, meant in cases.items()] == list(cases.values())


def test_the_wrap_never_takes_a_hard_break_or_punctuation_whatever_fmt001_does(tmp_path: Path) -> None:
    site = hugo_site(tmp_path, "[markup.goldmark.extensions]", "linkify = false")
    body = (f"The slides: {A}/slides.  \nThe video: {A}/video\\\nThe code: http://intranet:8080/x;  \n"
            f"The talk: {A}/talk\\.\nend\n")
    fixed = site.fixed(HEAD + body, "LNK009,FMT001")
    for url in (f"{A}/slides", f"{A}/video", "http://intranet:8080/x", f"{A}/talk"):
        assert f"<{url}>" in fixed
    assert not re.search(r"[\\.;]>", fixed)
    assert site.findings(fixed, "LNK009,FMT001") == []
