"""CMT001-CMT002 and ENC002-ENC008: leftovers, mojibake and whitespace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import Site

HEAD = "---\ntitle: Notes from FOSDEM\ndate: 2024-02-05\n---\n\n"


def test_comment_idiom_lines_are_one_block_removed_only_by_unsafe_fixes(site: Site) -> None:
    body = (
        "## Saturday\n\nThe Rust devroom was packed.\n\n"
        "[//]: # (### Nix talk)\n[//]: # ()\n[comment]: <> (ask about the slides)\n\n"
        "## Sunday\n"
    )
    [finding] = site.diagnostics(HEAD + body, select="CMT001")
    assert (finding.span.line, finding.span.end_line) == (10, 12)
    assert finding.message == "3 commented-out lines hiding '### Nix talk': delete it, or publish what it hides"
    assert finding.fix is not None and not finding.fixable  # it deletes the author's hidden text
    assert site.fixed(HEAD + body, select="CMT001") == HEAD + body
    assert site.fixed(HEAD + body, select="CMT001", unsafe=True) == (
        HEAD + "## Saturday\n\nThe Rust devroom was packed.\n\n## Sunday\n")


def test_html_comment_blocks_and_directives(site: Site) -> None:
    body = (
        "Intro paragraph.\n\n<!--more-->\n\n<!--\nDraft: a section about the\nhallway track\n-->\n\n"
        "<!-- markdownlint-disable MD033 -->\n\nText with <!-- inline note --> inside.\n"
    )
    found = site.diagnostics(HEAD + body, select="CMT001")
    assert [(d.span.line, d.fix is not None) for d in found] == [(10, True), (17, False)]
    assert "hiding 'Draft: a section about the hallway track'" in found[0].message
    fixed = site.fixed(HEAD + body, select="CMT001", unsafe=True)
    assert "Draft" not in fixed and "\n\n\n" not in fixed and "<!--more-->" in fixed and "inline note" in fixed


def test_comment_at_end_of_file(site: Site) -> None:
    body = "Last words.\n\n[//]: # (unfinished)\n"
    assert site.fixed(HEAD + body, select="CMT001", unsafe=True) == HEAD + "Last words.\n"


def test_drafting_notes_only_as_markers_in_published_prose(site: Site) -> None:
    body = (
        "TODO: add the recording.\n\nOur TODO list is long. The venue is TBD.\n\n"
        "* [kcp](https://github.com/kcp-dev/kcp) (check)\n\n`TODO: in code`\n\n<!-- FIXME: hidden -->\n"
    )
    assert site.findings(HEAD + body, select="CMT002") == [("CMT002", 6, 1), ("CMT002", 10, 41)]
    draft = HEAD.replace("---\n\n", "draft: true\n---\n\n", 1)
    assert site.findings(draft.replace("\n---\ndraft", "\ndraft") + body, select="CMT002") == []


def test_a_draft_s_hidden_text_and_notes_are_work_in_progress(site: Site) -> None:
    body = "Keynote notes.\n\n<!-- TODO: the workshop part -->\n\nTODO: add the slides.\n"
    draft = "---\ntitle: Notes from FOSDEM\ndate: 2024-02-05\ndraft: true\n---\n\n"
    assert site.findings(HEAD + body, select="CMT") == [("CMT001", 8, 1), ("CMT002", 10, 1)]
    assert site.findings(draft + body, select="CMT") == []
    # Jekyll publishes a post that says `draft: true`, and not one that says `published: false`.
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: Blog\n")
    post = "_posts/2024-02-05-fosdem.md"
    assert [code for code, _, _ in site.findings(draft + body, select="CMT", relative=post)] == ["CMT001", "CMT002"]
    hidden = draft.replace("draft: true", "published: false")
    assert site.findings(hidden + body, select="CMT", relative=post) == []
    assert site.findings(HEAD + body, select="CMT", relative="_drafts/fosdem.md") == []


def test_mojibake_is_repaired_without_touching_curly_quotes(site: Site) -> None:
    body = "A chat with StÃ©phane and St√©phane about “inclusion”. Photo Â© CNCF. Itâ€™s fine.\n"
    found = site.diagnostics(HEAD + body, select="ENC002")
    assert [(d.span.line, d.span.column) for d in found] == [(6, 15), (6, 29), (6, 62), (6, 73)]
    assert found[0].message == "'StÃ©phane' is mojibake for 'Stéphane': repair the encoding"
    assert site.fixed(HEAD + body, select="ENC002") == HEAD + (
        "A chat with Stéphane and Stéphane about “inclusion”. Photo © CNCF. It’s fine.\n"
    )


def test_mojibake_in_front_matter_author(site: Site) -> None:
    text = "---\ntitle: Notes\ndate: 2024-02-05\nauthor: JoÃ£o Silva\n---\n"
    assert site.findings(text, select="ENC002") == [("ENC002", 4, 11)]


def test_trailing_whitespace_keeps_hard_breaks(site: Site) -> None:
    body = "Line with a hard break  \ncontinues here.\nEnds with two spaces  \n\nTab\t\n   \n```\ncode  \n```\n"
    assert site.findings(HEAD + body, select="ENC006") == [("ENC006", 8, 21), ("ENC006", 10, 4), ("ENC006", 11, 1)]
    fixed = site.fixed(HEAD + body, select="ENC006")
    assert fixed == HEAD + "Line with a hard break  \ncontinues here.\nEnds with two spaces\n\nTab\n\n```\ncode  \n```\n"


def test_trailing_whitespace_inside_raw_html_is_left_alone(site: Site) -> None:
    # An HTML block reaches the page byte for byte: a space removed there changes the rendered page.
    body = "<table>\n  <tr>\n    <td>Room 2 </td> \n  </tr>\n</table>\n\nAfter the table. \n"
    assert site.findings(HEAD + body, select="ENC006") == [("ENC006", 12, 17)]


def test_invisible_and_control_characters(site: Site) -> None:
    body = "Run kubectl\u200b apply.\n\u00a0\u00a0indented\nBell\x07 here.\n"
    assert site.findings(HEAD + body, select="ENC004,ENC005,ENC009") == [
        ("ENC005", 6, 12), ("ENC009", 7, 1), ("ENC004", 8, 5),
    ]
    assert site.findings(HEAD + body) == [("ENC005", 6, 12), ("ENC004", 8, 5)]  # edge no-break spaces: opt-in
    assert site.fixed(HEAD + body, select="ENC005,ENC009") == HEAD + body.replace("\u200b", "")
    assert site.fixed(HEAD + body, select="ENC005,ENC009", unsafe=True) == HEAD + body.replace(
        "\u200b", "").replace("\u00a0\u00a0", "  ")


def test_final_newline_and_mixed_line_endings(site: Site) -> None:
    path = site.root / "content/blog/mixed.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"---\r\ntitle: N\r\ndate: 2024-01-01\r\n---\r\nOne\nTwo\r\nThree")
    result = site.lint("content/blog/mixed.md", select="ENC007,ENC008")
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("ENC008", 5), ("ENC007", 7)]
    fixed = site.lint("content/blog/mixed.md", select="ENC007,ENC008", fix=True)
    assert fixed.new_bytes == b"---\r\ntitle: N\r\ndate: 2024-01-01\r\n---\r\nOne\r\nTwo\r\nThree\r\n"


def test_seed_like_post_fix_is_idempotent(site: Site, tmp_path: Path) -> None:
    body = (
        "Talk notes with[Copa](https://example.com/copa) by StÃ©phane.\n\n"
        "[//]: # (### Hidden talk)\n[//]: # (more)\n\n"
        "Links: https://fosdem.org/a;\n"
    )
    once = site.fixed(HEAD + body, unsafe=True)
    assert "with [Copa]" in once and "Stéphane" in once and "Hidden" not in once and "<https://fosdem.org/a>" in once
    site.write("content/blog/again.md", once)
    assert site.fixed(once, relative="content/blog/again.md", unsafe=True) == once


def test_comments_inside_hugo_comment_shortcodes_are_deliberate(site: Site) -> None:
    body = "{{< comment >}}\n\n<!-- Sessions for next year:\n- one\n-->\n\n{{< /comment >}}\n\n<!-- leftover -->\n"
    assert site.findings(HEAD + body, select="CMT001") == [("CMT001", 14, 1)]


def test_mojibake_search_window_covers_ftfy_s_pattern() -> None:
    """ENC002 searches only around ftfy's mojibake characters but its common ones: ftfy's pattern must stay
    short, and each of its alternatives must need one of those characters, or the window would miss what
    ftfy finds."""
    import itertools

    try:
        import re._constants as constants  # the stdlib's own reading of a pattern: its widths and parts
        import re._parser as parser
    except ImportError:  # Python 3.10
        import sre_constants as constants  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    from ftfy.badness import BADNESS_RE, is_bad

    from tripreport_lint.rules.encoding.mojibake import MOJIBAKE_REACH, _may_hold_mojibake, mojibake_run

    tree = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert tree.getwidth()[1] <= MOJIBAKE_REACH
    [(branch, (_, alternatives))] = tree.data
    assert branch is constants.BRANCH

    def characters(op: Any, value: Any) -> list[int]:
        """The characters a single-character part of a pattern matches; none when it is another part."""
        if op is constants.LITERAL:
            return [value]
        if op is not constants.IN:
            return []
        items = list(value)
        if any(kind not in (constants.LITERAL, constants.RANGE) for kind, _ in items):
            return []  # a category or a negated set: not only mojibake characters
        return [c for kind, v in items for c in ([v] if kind is constants.LITERAL else range(v[0], v[1] + 1))]

    for alternative in alternatives:  # each needs a part that matches only uncommon mojibake characters
        assert any((chars := characters(op, value)) and all(mojibake_run().fullmatch(chr(c)) for c in chars)
                   for op, value in alternative.data), alternative
    printable = [chr(c) for c in range(32, 127)] + ["\n", "\t"]
    assert not any(is_bad(a + b) for a, b in itertools.product(printable, repeat=2))
    for text in ["Bonjour StÃ©phane", "Itâ€™s here", "plain ascii", "Ã©" + "x" * 500 + "â€™", "Ã", "cafÃ© " * 3,
                 "It’s here — and there…", "日本語のテキスト。", "Â\u00a0x", "â€”"]:
        assert _may_hold_mojibake(text) == is_bad(text), text


def test_trailing_whitespace_inside_a_highlight_block_is_code(site: Site) -> None:
    text = ("---\ntitle: N\ndate: 2024-01-01\n---\n\n{% highlight bash %}\ngit pull \n{% endhighlight %}\n\n"
            "{{< highlight go >}}\nfmt.Println() \n{{< /highlight >}}\n\nProse. \n")
    assert site.findings(text, select="ENC006") == [("ENC006", 14, 7)]


def test_trailing_whitespace_after_an_inline_raw_span_is_reported(site: Site) -> None:
    text = "---\ntitle: N\ndate: 2024-01-01\n---\n\nFor example, {% raw %}`{{ page.title }}`{% endraw %} shows it. \n"
    assert site.findings(text, select="ENC006") == [("ENC006", 6, 63)]


def test_a_no_break_space_after_a_marker_is_fixed_to_a_space(site: Site) -> None:
    body = "##\u00a0Agenda\n\n-\u00a0keynote\n1.\u00a0workshops\n> *\u00a0quoted\n\nA\u00a0word and #\u00a0not a heading.\n\n```\n-\u00a0code\n```\n"
    assert site.findings(HEAD + body, select="ENC010") == [("ENC010", 6, 3), ("ENC010", 8, 2), ("ENC010", 9, 3),
                                                           ("ENC010", 10, 4)]
    fixed = site.fixed(HEAD + body, select="ENC010")
    assert fixed == HEAD + body.replace("##\u00a0", "## ").replace("-\u00a0k", "- k").replace(
        "1.\u00a0", "1. ").replace("*\u00a0", "* ")
    site.write("_config.yml", "kramdown:\n  input: kramdown\n")  # kramdown's own input needs no space after '#'
    (site.root / "hugo.toml").unlink()
    assert site.findings(HEAD + body, select="ENC010", relative="_posts/2024-05-19-notes.md") == [
        ("ENC010", 8, 2), ("ENC010", 9, 3), ("ENC010", 10, 4)]
