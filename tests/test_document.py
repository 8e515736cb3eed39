"""The document model: decoding, front matter split and positions, body tokens, odd input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Site
from tripreport_lint.document.body import blank, inline_text, plain_text
from tripreport_lint.document.document import Document
from tripreport_lint.document.lines import LineIndex
from tripreport_lint.document.markdown import inline_tokens


def test_body_tokens_carry_file_line_numbers() -> None:
    doc = Document.from_text("---\ntitle: Notes\ndate: 2024-01-01\n---\n\n# Notes\n\nText.\n")
    heading = next(t for t in doc.tokens if t.type == "heading_open")
    assert heading.map == [5, 6]  # 0-based: line 6 of the file
    assert doc.body_text.count("\n") == doc.text.count("\n")


def test_blanking_keeps_every_line_break_and_offset() -> None:
    text = "keep ```\r\ncode\rmore\n\nlast``` keep `x`"
    assert blank(text, [(5, 28), (34, 37)]) == "keep " + " " * 3 + "\r\n" + " " * 4 + "\r" + " " * 4 + "\n\n" + " " * 7 + \
        " keep " + " " * 3
    doc = Document.from_text("---\r\ntitle: N\r\n---\r\nBody\n")
    assert doc.body_text == "\r\n\r\n\r\nBody\n"


def test_toml_positions_of_keys_tables_and_items() -> None:
    doc = Document.from_text('+++\ntitle = "N"\ntags = [\n  "a",\n  "b",\n]\n[params]\nauthor = "kim"\n+++\n')
    fm = doc.front_matter
    assert fm is not None and fm.format == "toml"
    tags_b = fm.node(("tags", 1))
    author = fm.node(("params", "author"))
    assert tags_b is not None and author is not None
    assert doc.span(fm.absolute(tags_b.start)).line == 5
    assert fm.source(author) == '"kim"' and doc.span(fm.absolute(author.start)).line == 8


def test_toml_dates_are_the_text_written() -> None:
    doc = Document.from_text("+++\ndate = 2024-05-19T10:00:00+02:00\n+++\n")
    assert doc.front_matter is not None and doc.front_matter.data == {"date": "2024-05-19T10:00:00+02:00"}


def test_toml_escaped_quotes_in_a_multi_line_string_do_not_move_later_dates() -> None:
    text = (
        '+++\ndate = 2024-05-19\nsummary = """\nShe said \\""" twice.\ndate = 1999-01-01\n"""\n'
        "lastmod = 2024-06-01 08:00:00Z\nquote = '''it''''\nupdated = 2024-07-01\n+++\n"
    )
    fm = Document.from_text(text).front_matter
    assert fm is not None and fm.error is None
    assert fm.data["date"] == "2024-05-19" and fm.data["summary"] == 'She said """ twice.\ndate = 1999-01-01\n'
    assert fm.data["lastmod"] == "2024-06-01 08:00:00Z" and fm.data["updated"] == "2024-07-01"
    summary, quote = fm.node(("summary",)), fm.node(("quote",))
    assert summary is not None and fm.source(summary).endswith('01\n"""')
    assert quote is not None and fm.source(quote) == "'''it''''"


def test_yaml_dates_are_the_text_written() -> None:
    doc = Document.from_text("---\ndate: 2024-05-19 10:00:00\nlastmod: 2025-02-30\n---\n")
    assert doc.front_matter is not None
    assert doc.front_matter.data == {"date": "2024-05-19 10:00:00", "lastmod": "2025-02-30"}


def test_python_tags_are_never_constructed(site: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "pwned"
    text = f'---\ntitle: x\nx: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    assert [c for c, _, _ in site.findings(text)] == ["FM004"]
    assert not marker.exists()


def test_empty_file_and_front_matter_only(site: Site) -> None:
    assert site.findings("") == [("FM001", 1, 1)]
    assert site.findings("---\ntitle: N\ndate: 2024-01-01\n---", select="ALL") == [("ENC007", 4, 4)]


@pytest.mark.parametrize("source", ["Upgrading to v2.1: what changed (and why) #1", "50% faster + {less} memory @scale",
                                    "Tabs\tand\u00a0spaces ", "", "The `kubectl` *plugin*", "A [link](/x) & more",
                                    "Escaped \\# hash", "Line\nbreak", "Strike ~~out~~", "<span>HTML</span> text"])
def test_heading_text_without_markup_is_read_as_written_and_with_markup_as_parsed(source: str) -> None:
    assert inline_text(source) == plain_text(inline_tokens(source))


def test_front_matter_read_without_positions_gives_the_same_values() -> None:
    from tripreport_lint.frontmatter.split import parse, split  # noqa: PLC0415

    text = "---\ntitle: Notes\ntags: [a, b]\ntitle: Again\nwhen: 2024-01-01\n---\nBody\n"
    full, bare = split(text), split(text)
    assert full is not None and bare is not None
    parse(full)
    parse(bare, positions=False)
    assert bare.data == full.data == {"title": "Again", "tags": ["a", "b"], "when": "2024-01-01"}
    assert full.duplicates and full.nodes and not bare.nodes and not bare.duplicates


def test_body_holds_what_the_body_text_holds() -> None:
    doc = Document.from_text("---\ntitle: a | b # c\n---\nA * body\n")
    for needle in ("|", "#", "* ", " *", "A", "title"):
        assert doc.body_holds(needle) == (needle in doc.body_text), needle
    assert doc.body_holds("* ") and not doc.body_holds("|")


@given(st.lists(st.sampled_from(["a", "é", "\n", "\r\n", "\r", " "]), max_size=12).map("".join))
def test_line_starts_are_those_after_every_line_break(text: str) -> None:
    assert LineIndex(text).starts == [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
