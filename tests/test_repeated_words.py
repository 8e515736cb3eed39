"""SPL003: a word written twice in a row, in prose only."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import Site
from tripreport_lint.rules import repeated_words

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"


def test_a_word_twice_is_reported_and_the_fix_removes_one(site: Site) -> None:
    body = "We met the the speakers, and\nand then left.\n"
    [first, second] = site.diagnostics(HEAD + body, "SPL003")
    assert (first.span.line, first.span.column, first.span.end_column) == (6, 8, 15)
    assert first.message == "'the the': the word 'the' is written twice; remove one"
    assert (second.span.line, second.span.column) == (6, 26)  # across a line break inside a paragraph
    assert site.fixed(HEAD + body, "SPL003") == HEAD + "We met the speakers, and then left.\n"


def test_grammar_names_code_and_separate_blocks_are_left_alone(site: Site) -> None:
    body = ("He said that that talk had had its moment. Duran Duran played. Bye bye. Something something, cloud.\n\n"
            "Run `ls` ls and <b>bold</b> bold, see https://example.com/a a, ii) and Yoyo.\n\n"
            "## Introducing dhmon\ndhmon collects metrics.\n\n- one\n- one more\n\n"
            "```\nthe the\n```\n")
    assert site.findings(HEAD + body, "SPL003") == []


def test_a_word_three_times_or_more_is_meant(site: Site) -> None:
    body = "The phone went **ring ring ring**, then clap clap clap clap. A test test testing day.\n"
    assert site.findings(HEAD + body, "SPL003") == [("SPL003", 6, 64)]
    assert site.fixed(HEAD + body, "SPL003") == HEAD + body.replace("test test testing", "test testing")


@given(st.text(alphabet="aAbé1_ \t\n.'-/"), st.integers(0, 3))
def test_the_pattern_finds_what_its_backtracking_form_finds(text: str, start: int) -> None:
    """The word and the space after it are never given back (fast); the plain form finds the same."""
    plain = re.compile(r"(?<![\w'’/.:@#-])([^\W\d_]+)([ \t]*\n[ \t]*|[ \t]+)(\1)(?![\w'’/-])", re.IGNORECASE)
    spans = [m.span(1) + m.span(2) + m.span(3) for m in repeated_words._TWICE.finditer(text, start)]
    assert spans == [m.span(1) + m.span(2) + m.span(3) for m in plain.finditer(text, start)]
