"""SPL003: a word written twice in a row, in prose only."""

from __future__ import annotations

from conftest import Site

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"


def test_a_word_twice_is_reported_and_the_fix_removes_one(site: Site) -> None:
    body = "We met the the speakers, and\nand then left.\n"
    [first, second] = site.diagnostics(HEAD + body, "SPL003")
    assert (first.span.line, first.span.column, first.span.end_column) == (6, 8, 15)
    assert first.message == "'the the': the word 'the' is written twice; remove one"
    assert (second.span.line, second.span.column) == (6, 26)  # across a line break inside a paragraph
    assert site.fixed(HEAD + body, "SPL003") == HEAD + "We met the speakers, and then left.\n"


def test_grammar_names_code_and_separate_blocks_are_left_alone(site: Site) -> None:
    body = ("He said that that talk had had its moment. Duran Duran played. Bye bye.\n\n"
            "Run `ls` ls and <b>bold</b> bold, see https://example.com/a a, ii) and Yoyo.\n\n"
            "## Introducing dhmon\ndhmon collects metrics.\n\n- one\n- one more\n\n"
            "```\nthe the\n```\n")
    assert site.findings(HEAD + body, "SPL003") == []
