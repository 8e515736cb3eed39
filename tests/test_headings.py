"""HDG001-HDG005: headings."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from conftest import Site
from tripreport_lint.rules.heading_text import normalized


def post(body: str, title: str = "KubeCon EU 2025: our notes") -> str:
    return f'---\ntitle: "{title}"\ndate: 2025-04-05\n---\n\n{body}'


def test_first_heading_repeating_the_title_is_removed(site: Site) -> None:
    text = post("# KubeCon EU 2025 - Our Notes\n\nThree days in London.\n")
    [finding] = site.diagnostics(text, select="HDG001")
    assert (finding.span.line, finding.span.column) == (6, 1) and finding.fixable
    assert site.fixed(text, select="HDG001") == post("Three days in London.\n")


def test_title_heading_after_text_has_no_fix(site: Site) -> None:
    text = post("Intro first.\n\n## KubeCon EU 2025: our notes\n")
    [finding] = site.diagnostics(text, select="HDG001")
    assert finding.span.line == 8 and finding.fix is None


def test_different_first_heading_is_fine(site: Site) -> None:
    assert site.findings(post("## Day one\n\nText.\n"), select="HDG001") == []


def test_duplicate_headings_among_siblings(site: Site) -> None:
    body = "## Talk A\n\n### Slides\n\n## Talk B\n\n### Slides\n\n### slides!\n"
    found = site.diagnostics(post(body), select="HDG002")
    assert [(d.span.line, d.message) for d in found] == [
        (14, "heading 'slides!' repeats the heading on line 12: rename one")]
    site.write(".tripreport-lint.toml", '[duplicate-heading]\nscope = "document"\n')
    assert [d.span.line for d in site.diagnostics(post(body), select="HDG002")] == [12, 14]


def test_multiple_h1_level_skips_and_empty_headings(site: Site) -> None:
    (site.root / "hugo.toml").unlink()  # no layout prints the title: HDG006 would take the H1s
    body = "# One\n\n#### Deep\n\n# Two\n\n##\n\n## Fine {#custom-id}\n"
    assert site.findings(post(body), select="HDG003,HDG004,HDG005") == [
        ("HDG004", 8, 1), ("HDG003", 10, 1), ("HDG005", 12, 1),
    ]


def test_headings_in_code_are_not_headings(site: Site) -> None:
    body = "```\n# One\n# One\n```\n\n    # Two\n"
    assert site.findings(post(body), select="HDG") == []


@given(st.text())
def test_headings_are_compared_without_case_punctuation_symbols_or_extra_spaces(text: str) -> None:
    marks = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text.casefold())
    assert normalized(text) == " ".join(marks.split())
