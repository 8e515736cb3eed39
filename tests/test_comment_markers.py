"""CMT001 and the comments tools read: markers are never reported nor removed; hidden drafts are, and
deleting them is an unsafe fix."""

from __future__ import annotations

import pytest

from conftest import Site, run_cli
from tripreport_lint.document.lines import LineIndex
from tripreport_lint.engine import suppressions
from tripreport_lint.rules.tool_markers import is_tool_marker

HEAD = "---\ntitle: Cloud Native Days Lyon\ndate: 2024-06-12\n---\n\n"
JEKYLL_POST = "_posts/2024-06-12-cloud-native-days.md"
HUGO_POST = "content/posts/cloud-native-days.md"

MARKERS = {
    "doctoc": [
        "<!-- START doctoc generated TOC please keep comment here to allow auto update -->",
        "<!-- DON'T EDIT THIS SECTION, INSTEAD RE-RUN doctoc TO UPDATE -->",
        "<!-- END doctoc generated TOC please keep comment here to allow auto update -->",
    ],
    "summary divider": ["<!--more-->", "<!-- more -->", "<!--  MORE -->"],
    "docusaurus": ["<!-- truncate -->"],
    "table of contents": ["<!-- toc -->", "<!-- tocstop -->", "<!-- /toc -->", "<!-- TOC depthFrom:2 -->",
                          "<!-- /TOC -->"],
    "prettier": ["<!-- prettier-ignore -->", "<!-- prettier-ignore-start -->", "<!-- prettier-ignore-end -->"],
    "markdownlint": [
        "<!-- markdownlint-disable -->", "<!-- markdownlint-enable MD033 no-inline-html -->",
        "<!-- markdownlint-disable-line MD013 -->", "<!-- markdownlint-disable-next-line -->",
        "<!-- markdownlint-capture -->", "<!-- markdownlint-restore -->", "<!-- markdownlint-disable-file MD041 -->",
        "<!-- markdownlint-enable-file -->",
        '<!-- markdownlint-configure-file {\n  "line-length": { "line_length": 120 }\n} -->',
    ],
    "vale": ["<!-- vale off -->", "<!-- vale on -->", "<!-- vale Google.Headings = NO -->",
             "<!-- vale Google.Headings = YES -->", '<!-- vale Vale.Terms["kubectl"] = NO -->'],
    "cspell": ["<!-- cspell:disable -->", "<!-- cspell:enable -->", "<!-- cspell:ignore kubectl etcd -->",
               "<!-- cspell:words Karpenter -->", "<!-- spell-checker: disable -->", "<!-- cSpell:ignore Cilium -->"],
    "codespell": ["<!-- codespell:ignore ro -->"],
    "textlint": ["<!-- textlint-disable -->", "<!-- textlint-enable ja-spacing -->"],
    "remark-lint": ["<!--lint disable no-html-->", "<!-- lint ignore maximum-line-length -->"],
    "rumdl": ["<!-- rumdl-disable MD013 -->", "<!-- rumdl-disable-next-line -->"],
    "reveal.js": ['<!-- .element: class="fragment" -->', '<!-- .slide: data-background="#ff0000" -->'],
    # Codes other than CMT001, so it is the rule that leaves them alone, not the suppression.
    "tripreport-lint": ["<!-- tripreport-lint-disable-next-line FM040 -->", "<!-- tripreport-lint-disable SPL002 -->",
                        "<!-- tripreport-lint-enable SPL002 -->", "<!-- tripreport-lint-disable-file FM040 -->"],
}
ALL_MARKERS = [marker for family in MARKERS.values() for marker in family]
DRAFT = "<!-- Second day: add the panel once the video is out. -->"


def _post(site: Site, flavour: str) -> str:
    if flavour == "jekyll":
        (site.root / "hugo.toml").unlink()
        site.write("_config.yml", "title: Meetups\n")
        return JEKYLL_POST
    return HUGO_POST


@pytest.mark.parametrize("flavour", ["hugo", "jekyll"])
@pytest.mark.parametrize("family", sorted(MARKERS))
def test_tool_markers_are_not_reported_and_a_draft_still_is(site: Site, flavour: str, family: str) -> None:
    relative = _post(site, flavour)
    blocks = "\n\n".join(MARKERS[family])
    text = HEAD + "The keynote filled the hall.\n\n" + blocks + "\n\nLunch was local.\n\n" + DRAFT + "\n"
    draft_line = text[: text.index(DRAFT)].count("\n") + 1
    assert site.findings(text, "CMT001", relative) == [("CMT001", draft_line, 1)]


@pytest.mark.parametrize("flavour", ["hugo", "jekyll"])
def test_markers_on_a_line_of_text_are_not_reported(site: Site, flavour: str) -> None:
    relative = _post(site, flavour)
    body = (
        "## Speakers <!-- omit from toc -->\n\n"
        "A very long line that the linter may flag. <!-- markdownlint-disable-line MD013 -->\n\n"
        "The ro flag <!-- codespell:ignore ro --> mounts it read-only.\n\n"
        "Coffee ran out <!-- ask the venue about this --> by ten.\n"
    )
    assert site.findings(HEAD + body, "CMT001", relative) == [("CMT001", 12, 16)]


@pytest.mark.parametrize("comment", [
    "<!-- toc: shorten this list -->",
    "<!-- vale would complain about this paragraph -->",
    "<!-- more photos from the second day -->",
    "<!-- prettier-ignore this table later? -->",
    "<!-- cspell is not installed here -->",
    "<!-- START of the old agenda -->",
    "<!-- .element is the next slide -->",
])
def test_a_comment_that_mentions_a_tool_is_still_a_comment(site: Site, comment: str) -> None:
    assert site.findings(HEAD + "Intro.\n\n" + comment + "\n", "CMT001") == [("CMT001", 8, 1)]


def test_consecutive_idiom_lines_are_one_finding(site: Site) -> None:
    body = "Intro.\n\n[//]: # (## Workshops)\n[//]: # (Two rooms, both full.)\n[//]: # (Slides to come)\n\nEnd.\n"
    [finding] = site.diagnostics(HEAD + body, "CMT001")
    assert (finding.span.line, finding.span.end_line) == (8, 10)
    assert finding.message == "3 commented-out lines hiding '## Workshops': delete it, or publish what it hides"
    assert site.fixed(HEAD + body, "CMT001", unsafe=True) == HEAD + "Intro.\n\nEnd.\n"


def test_consecutive_html_comment_lines_are_one_finding(site: Site) -> None:
    body = "Intro.\n\n<!-- ## Workshops -->\n<!-- Two rooms, both full. -->\n[//]: # (Slides to come)\n\nEnd.\n"
    [finding] = site.diagnostics(HEAD + body, "CMT001")
    assert (finding.span.line, finding.span.end_line) == (8, 10)
    assert site.fixed(HEAD + body, "CMT001", unsafe=True) == HEAD + "Intro.\n\nEnd.\n"


def test_a_marker_inside_a_run_stays_and_the_rest_is_judged_without_it(site: Site) -> None:
    body = (
        "Intro.\n\n"
        "[//]: # (Old intro)\n[//]: # (cspell:ignore Karpenter)\n[//]: # (Old outro)\n\n"
        "Middle.\n\n"
        "<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
        "<!-- a note on the sponsors -->\n"
        "<!-- END doctoc generated TOC please keep comment here to allow auto update -->\n\n"
        "End.\n"
    )
    found = site.diagnostics(HEAD + body, "CMT001")
    assert [(d.span.line, d.span.end_line) for d in found] == [(8, 8), (10, 10), (15, 15)]
    assert site.fixed(HEAD + body, "CMT001", unsafe=True) == HEAD + (
        "Intro.\n\n[//]: # (cspell:ignore Karpenter)\n\nMiddle.\n\n"
        "<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
        "<!-- END doctoc generated TOC please keep comment here to allow auto update -->\n\nEnd.\n"
    )


def test_a_draft_sharing_its_line_with_a_marker_has_no_fix(site: Site) -> None:
    body = "Intro.\n\n<!-- prettier-ignore --> <!-- old table below -->\n\nEnd.\n"
    [finding] = site.diagnostics(HEAD + body, "CMT001")
    assert "hiding 'old table below'" in finding.message and finding.fix is None


def test_no_fix_removes_a_marker(site: Site) -> None:
    """Every rule's fixes, unsafe ones too, on a post holding every marker and things to fix."""
    body = "Intro with a  double space and teh typo. TODO: finish\n\n" + "\n\n".join(ALL_MARKERS) + (
        "\n\n[//]: # (old paragraph)\n\n* a list\n+ another\n\nEnd. \n")
    fixed = site.fixed(HEAD + body, unsafe=True)
    assert "old paragraph" not in fixed and "teh" not in fixed  # the fixes ran
    assert [marker for marker in ALL_MARKERS if marker not in fixed] == []


def test_our_own_suppressions_are_markers() -> None:
    for kind in ("disable-next-line", "disable-file", "disable", "enable"):
        comment = f"<!-- tripreport-lint-{kind} FM040 -->"
        parsed = suppressions.parse(comment + "\n", LineIndex(comment + "\n"), lambda word: [word])
        assert parsed != suppressions.Suppressions() or kind == "enable", kind  # the engine reads it
        assert is_tool_marker(comment[4:-3]), kind


def test_more_directives_can_be_allowed(site: Site) -> None:
    site.write(".tripreport-lint.toml", '[commented-out-block]\nallow = ["editor: .*"]\n')
    body = "Intro.\n\n<!-- editor: Alice -->\n\n<!--more-->\n\n<!-- a leftover -->\n"
    assert site.findings(HEAD + body, "CMT001") == [("CMT001", 12, 1)]


def test_the_fix_needs_unsafe_fixes_on_the_command_line(site: Site) -> None:
    text = HEAD + "Intro.\n\n<!-- Panel: who moderated? -->\n\n<!--more-->\n\nEnd.\n"
    path = site.write("content/posts/panel.md", text)
    result = run_cli("--select", "CMT001", "content", cwd=site.root)
    assert "CMT001 a commented-out line hiding 'Panel: who moderated?'" in result.stdout
    assert "[*]" not in result.stdout
    assert result.stdout.splitlines()[-1] == "Found 1 problem in 1 file; 1 fixable with --fix --unsafe-fixes."
    result = run_cli("--select", "CMT001", "--fix", "content", cwd=site.root)
    assert result.returncode == 1 and path.read_text(encoding="utf-8") == text
    assert result.stdout.splitlines()[-1] == (
        "Fixed 0 problems; Found 1 remaining problem in 1 file; 1 fixable with --unsafe-fixes.")
    result = run_cli("--select", "CMT001", "--fix", "--unsafe-fixes", "content", cwd=site.root)
    assert path.read_text(encoding="utf-8") == HEAD + "Intro.\n\n<!--more-->\n\nEnd.\n"
    assert result.stdout.startswith("Fixed 1 problem")
