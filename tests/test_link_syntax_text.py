"""LNK018-LNK020: link syntax that renders as text (reversed, one bracket too many, full-width), and LNK009's
URLs beside Chinese, Japanese and Korean text.

Each positive case is a paragraph, the code it gets, what --fix makes of it (None: no safe fix) and the
link the author meant; the last tests check with the real Hugo and kramdown that the paragraph shows no
such link before the fix and shows it after.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

# The link rules that read syntax (not LNK004/LNK005, which look for the files the fixed links name).
SYNTAX = "LNK001,LNK002,LNK003,LNK007,LNK009,LNK013,LNK014,LNK015,LNK017,LNK018,LNK019,LNK020"
HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
U = "https://example.org/guide"

# (paragraph, code, fixed paragraph or None, (href, text) of the link meant)
POSITIVE: list[tuple[str, str, str | None, tuple[str, str]]] = [
    (f"Read (the guide)[{U}] first.", "LNK018", f"Read [the guide]({U}) first.", (U, "the guide")),
    (f"Read ({U})[the guide] first.", "LNK018", f"Read [the guide]({U}) first.", (U, "the guide")),
    ("See (the setup notes)[../setup/] too.", "LNK018", "See [the setup notes](../setup/) too.",
     ("../setup/", "the setup notes")),
    ("See (the notes)[notes.md#setup] too.", "LNK018", "See [the notes](notes.md#setup) too.",
     ("notes.md#setup", "the notes")),
    (f"Fixed (see (#159)[{U}/159]).", "LNK018", f"Fixed (see [#159]({U}/159)).", (f"{U}/159", "#159")),
    (f"The slides are (here)[{U}].", "LNK018", f"The slides are [here]({U}).", (U, "here")),
    (f"中文说明(指南)[{U}]。", "LNK018", f"中文说明[指南]({U})。", (U, "指南")),
    ("Our (site)[www.example.org] again.", "LNK018", None, ("https://www.example.org", "site")),
    ("Read (the manual)[manual page] again.", "LNK018", None, ("", "")),
    (f"Read [the guide]]({U}) first.", "LNK019", f"Read [the guide]({U}) first.", (U, "the guide")),
    (f"Read [[the guide]({U}) first.", "LNK019", f"Read [the guide]({U}) first.", (U, "the guide")),
    (f"请看[指南]（{U}）。", "LNK020", f"请看[指南]({U})。", (U, "指南")),
    (f"请看[指南]（{U})。", "LNK020", f"请看[指南]({U})。", (U, "指南")),
    (f"请看[指南]({U}）。", "LNK020", f"请看[指南]({U})。", (U, "指南")),
    (f"请看［指南］({U})。", "LNK020", f"请看[指南]({U})。", (U, "指南")),
    (f"请看［指南］（{U}）。", "LNK020", f"请看[指南]({U})。", (U, "指南")),
    (f"请看【指南】({U})。", "LNK020", None, (U, "指南")),
    ("请看[安装](/docs/guide/＃install)。", "LNK020", "请看[安装](/docs/guide/#install)。",
     ("/docs/guide/#install", "安装")),
    ("请看[站点]（example.org/docs）。", "LNK020", None, ("https://example.org/docs", "站点")),
]
# Deliberate text, links that work, and what other rules own.
NEGATIVE = [
    "f(x)[i] and (a)[b] in a formula, (see above)[1] and (example)[^1], $(a,b)[i,j]$ in math.",
    "A defined label: (the docs)[r] renders a reference link, (as written)[sic] an editor's mark.",
    f"Code: `(the guide)[{U}]` and `[x]]({U})` and `[指南]（{U}）`.",
    f"Brackets that pair up: [[1]]({U}), [[the guide]({U}) and more], [a [b]]({U}).",
    f"A wiki-link [[Page]] and an image in a link [![logo](logo.png)]({U}).",
    f"Fine: [link]({U}) and ![alt](pic.png) and [ref][r] and [x]({U}).",
    "注释：[注]（见下文），第＃3 号，（括号里的话）。",
    f"A link then a note: [指南]({U})（英文）。",
    "{{< figure src=\"/a.png\" caption=\"(see)[https://example.org/a]\" >}}",
    "<div>\n(the guide)[https://example.org/a] in an HTML block is the block's raw text\n</div>",
    f"Badges: [![Run it][run_badge]]({U}) and [Firmware 1.2 [2024-03]]({U}) and [\\[2\\]]({U}).",
    f"Aside: [[up](#top)] [[{U}]({U})]].",
    f"Two articles\n[[1]({U}/one),\n[2]({U}/two)] tell more.",
    f"维基（[example.org](https://example.org)）和（见：[指南]({U}#part)）。",
]
TAIL = "\n\n- [ ] a task\n- [x] a done task\n\n```\n(x)[https://example.org/a]\n[y]](https://example.org/b)\n```\n\n[r]: https://example.org/r\n[run_badge]: https://example.org/badge.svg\n"


def post(lines: list[str]) -> str:
    return HEAD + "\n\n".join(lines) + TAIL


@pytest.mark.parametrize(("line", "code", "fixed"), [case[:3] for case in POSITIVE])
def test_each_kind_is_its_own_finding_with_its_fix(site: Site, line: str, code: str, fixed: str | None) -> None:
    found = site.diagnostics(HEAD + line + "\n", "LNK")
    assert [d.code for d in found] == [code], [d.message for d in found]
    assert found[0].span.line == 6
    after = site.fixed(HEAD + line + "\n", "LNK")
    assert after == HEAD + (fixed or line) + "\n"
    assert site.fixed(after, "LNK") == after  # idempotent
    if fixed is not None:
        assert site.findings(after, SYNTAX) == []


def test_no_finding_on_deliberate_text_code_and_working_links(site: Site) -> None:
    assert site.findings(post(NEGATIVE), SYNTAX) == []


def test_every_case_in_one_post_at_its_own_place(site: Site) -> None:
    lines = [line for line, _, _, _ in POSITIVE]
    found = site.findings(post(lines), SYNTAX)
    assert [(code, line) for code, line, _ in found] == [(code, 6 + 2 * i) for i, (_, code, _, _) in enumerate(POSITIVE)]


def test_the_messages_say_what_to_write(site: Site) -> None:
    messages = [d.message for d in site.diagnostics(post([next(line for line, code, _, _ in POSITIVE if code == wanted) for wanted in ("LNK018", "LNK019", "LNK020")]), SYNTAX)]
    assert messages == [
        f"reversed link syntax shows as text: write it as '[the guide]({U})'",
        "the extra ']' after '[the guide]' breaks the link and shows as text: remove it",
        "full-width '（' '）' in link syntax: the page shows it as text; write '(' ')'",
    ]


def test_lenticular_brackets_get_an_unsafe_fix(site: Site) -> None:
    text = HEAD + f"请看【指南】（{U}）。\n"
    assert site.fixed(text, "LNK020", unsafe=True) == HEAD + f"请看[指南]({U})。\n"


def test_liquid_in_a_reversed_link_target_is_kept(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Notes\n")
    text = HEAD + "See (the archive)[{{ site.baseurl }}/archive/] page.\n"
    fixed = site.fixed(text, "LNK018", "_posts/2024-05-19-notes.md")
    assert fixed == HEAD + "See [the archive]({{ site.baseurl }}/archive/) page.\n"


def test_a_full_width_image_inside_a_link(site: Site) -> None:
    text = HEAD + "捐赠 [![按钮]（https://example.org/button.png）](https://example.org/donate)\n"
    assert site.findings(text, SYNTAX) == [("LNK020", 6, 6)]
    fixed = site.fixed(text, SYNTAX)
    assert fixed == HEAD + "捐赠 [![按钮](https://example.org/button.png)](https://example.org/donate)\n"
    assert site.findings(fixed, SYNTAX) == []


def test_an_address_without_scheme_gets_https_as_an_unsafe_fix(site: Site) -> None:
    text = HEAD + "Our (site)[www.example.org] again.\n"
    assert site.fixed(text, "LNK018", unsafe=True) == HEAD + "Our [site](https://www.example.org) again.\n"


def test_a_reversed_image_and_a_defined_label_after_a_stray_bracket(site: Site) -> None:
    text = HEAD + "!(the logo)[img/logo.png] and [r]](https://example.org/x)\n\n[r]: https://example.org/r\n"
    found = site.diagnostics(text, "LNK018,LNK019")
    assert [(d.code, d.span.column, d.fix is not None) for d in found] == [("LNK018", 1, True), ("LNK019", 31, False)]
    assert "![the logo](img/logo.png)" in site.fixed(text, "LNK018")


def test_a_full_width_hash_in_a_bare_address_and_a_definition(site: Site) -> None:
    text = HEAD + f"详见 {U}＃install 。\n\n[ref]: /docs/p＃sec\n"
    found = site.diagnostics(text, "LNK009,LNK020")
    assert [(d.code, d.span.line) for d in found] == [("LNK020", 6), ("LNK020", 8)]
    assert found[0].message == f"full-width '＃' after the address {U}: the link stops before it; write '#'"
    assert site.fixed(text, "LNK009,LNK020") == HEAD + f"详见 {U}#install 。\n\n[ref]: /docs/p#sec\n"


def test_other_link_rules_leave_these_shapes_alone(site: Site) -> None:
    """LNK001 would close a target at the line's end, LNK009 wrap the address, LNK015 call a domain a bare word."""
    lines = [f"请看[指南]({U}）和[更多]({U}/more)。", f"请看[指南]（{U}）。", "See (kanister)[kanister.io/docs] and [here]](/x)."]
    assert {code for code, _, _ in site.findings(post(lines), SYNTAX)} == {"LNK018", "LNK019", "LNK020"}


def test_bare_urls_never_take_full_width_punctuation_or_korean_particles(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write("_config.yml", "title: Notes\n")
    lines = ["자세한 내용은 https://conf.dev/a를 참고하세요.", "見て「https://conf.dev/b」、それから（https://conf.dev/c）。",
             "위키 https://ko.wikipedia.org/wiki/서울 참고."]
    found = site.diagnostics(post(lines), "LNK009", "_posts/2024-05-19-notes.md")
    assert [d.message.split()[2].rstrip(":") for d in found] == [
        "https://conf.dev/a", "https://conf.dev/b", "https://conf.dev/c", "https://ko.wikipedia.org/wiki/"]
    assert [d.fix is not None for d in found] == [True, True, True, False]
    fixed = site.fixed(post(lines), "LNK009", "_posts/2024-05-19-notes.md")
    assert "<https://conf.dev/a>를" in fixed and "「<https://conf.dev/b>」" in fixed


def test_where_gfm_may_link_it_a_url_followed_by_cjk_text_is_reported(tmp_path: Path) -> None:
    """GitHub's cmark-gfm links `https://conf.dev/a。谢谢` whole: a folder of posts with no generator's
    configuration may be rendered so. Goldmark's linkify ends its link where the author meant."""
    lines = ["请看 https://conf.dev/a。谢谢", "자세한 https://conf.dev/b를 참고", "见 https://conf.dev/c 。",
             "위키 https://ko.wikipedia.org/wiki/서울 참고"]
    plain = Site(tmp_path / "plain")
    found = plain.diagnostics(post(lines), "LNK009", "post.md")
    assert [d.message for d in found] == [
        "bare URL https://conf.dev/a: the page links 'https://conf.dev/a。谢谢' instead (GFM's autolinks): "
        "wrap it in <...>",
        "bare URL https://conf.dev/b: the page links 'https://conf.dev/b를' instead (GFM's autolinks): "
        "wrap it in <...>"]
    assert "<https://conf.dev/a>。谢谢" in plain.fixed(post(lines), "LNK009", "post.md")
    hugo = Site(tmp_path / "hugo")
    hugo.write("hugo.toml", "title = 'Notes'\n")
    assert hugo.findings(post(lines), "LNK009") == []


def _links(page: str) -> list[tuple[str, str]]:
    """(href or src, text or alt) of every link and image of a page."""
    found = [(html.unescape(href), re.sub(r"<[^>]+>", "", text))
             for href, text in re.findall(r"<a href=\"([^\"]*)\"[^>]*>(.*?)</a>", page, re.S)]
    return found + [(html.unescape(src), alt) for src, alt in re.findall(r"<img src=\"([^\"]*)\" alt=\"([^\"]*)\"", page)]


_STRAY = re.compile(r"[\[\]（）［］【】＃]")


def _shown(page: str) -> str:
    return re.sub(r"<[^>]+>", "", page)


def _check_engine(render: Callable[[dict[str, str]], dict[str, str]]) -> None:
    cases = [(line, fixed, meant) for line, _, fixed, meant in POSITIVE if fixed is not None]
    before = render({line: line + "\n" for line, _, _, _ in POSITIVE})
    for line, _, fixed, _ in POSITIVE:  # what has no fix shows its brackets too
        assert fixed is not None or re.search(r"[\[［【]", _shown(before[line])), line
    after = render({fixed: fixed + "\n" for _, fixed, _ in cases})
    for line, fixed, meant in cases:
        # Before: no such link, or a bracket shows beside it; after: the link, and no bracket shows.
        assert meant not in _links(before[line]) or _STRAY.search(_shown(before[line])), line
        assert _links(after[fixed]) == [meant], fixed
        assert not _STRAY.search(_shown(after[fixed])), fixed


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_shows_each_case_as_text_and_its_fix_as_the_link() -> None:
    _check_engine(lambda bodies: render_hugo({}, bodies))


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_shows_each_case_as_text_and_its_fix_as_the_link() -> None:
    _check_engine(lambda bodies: render_kramdown({}, bodies))
