"""MKP003: a table that text touches. kramdown (Jekyll) shows such a table as text; Goldmark (Hugo) takes a line of
text right after the last row for a row. Checked against the real engines, before and after the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
T = "| Setting | Default |\n|---|---|\n| cache | on |\n"
JEKYLL_POST = "_posts/2024-05-19-notes.md"
# (body, the line reported, what --fix makes of it): on kramdown every one, on Goldmark those marked so.
KRAMDOWN = [
    ("The settings:\n" + T, 7, "The settings:\n\n" + T),
    ("## Settings\n" + T, 7, "## Settings\n\n" + T),
    (T + "The cache is shared.\n", 9, T + "\nThe cache is shared.\n"),
    (T + "## Next\n", 9, T + "\n## Next\n"),
]
GOLDMARK = [(T + "The cache is shared.\n", 9, T + "\nThe cache is shared.\n")]
# Tables that nothing breaks.
NEGATIVE = (T + "\n{: .wide}\n" + T + "{: .wide}\n\n{% raw %}\n" + T + "{% endraw %}\n\n"
            "```\n" + T + "text\n```\n")


def _jekyll(tmp_path: Path) -> Site:
    site = Site(tmp_path / "jekyll")
    site.write("_config.yml", "title: Notes\n")
    return site


def _hugo(tmp_path: Path) -> Site:
    site = Site(tmp_path / "hugo")
    site.write("hugo.toml", "title = 'Notes'\n")
    return site


@pytest.mark.parametrize(("body", "line", "fixed"), KRAMDOWN)
def test_on_kramdown_text_touching_a_table_is_reported_and_fixed(tmp_path: Path, body: str, line: int,
                                                                  fixed: str) -> None:
    site = _jekyll(tmp_path)
    assert site.findings(HEAD + body, "MKP003", JEKYLL_POST) == [("MKP003", line, 1)]
    after = site.fixed(HEAD + body, "MKP003", JEKYLL_POST)
    assert after == HEAD + fixed
    assert site.findings(after, "MKP003", JEKYLL_POST) == []


def test_on_hugo_only_a_line_taken_for_a_row_is_reported(tmp_path: Path) -> None:
    site = _hugo(tmp_path)
    assert [site.findings(HEAD + body, "MKP003") for body, _, _ in KRAMDOWN] == [[], [], [("MKP003", 9, 1)], []]
    assert site.fixed(HEAD + GOLDMARK[0][0], "MKP003") == HEAD + GOLDMARK[0][2]


def test_the_messages_name_the_engine(tmp_path: Path) -> None:
    body = "The settings:\n" + T + "After.\n"
    [before, after] = _jekyll(tmp_path).diagnostics(HEAD + body, "MKP003", JEKYLL_POST)
    assert after.message == ("a table needs a blank line after it on kramdown: the page shows its rows as text; "
                             "add a blank line")
    [row] = _hugo(tmp_path).diagnostics(HEAD + body, "MKP003")
    assert before.message == ("a table needs a blank line before it on kramdown: the page shows its rows as text; "
                              "add a blank line")
    assert row.message == ("the line after the table has no blank line before it: the page shows it as a row of "
                           "the table; add a blank line")


def test_attribute_lists_liquid_code_and_pipes_in_text_are_left_alone(tmp_path: Path) -> None:
    assert _jekyll(tmp_path).findings(HEAD + NEGATIVE, "MKP003", JEKYLL_POST) == []
    hugo = _hugo(tmp_path)
    assert hugo.findings(HEAD + T + "{{< /tab >}}\n", "MKP003") == []
    hugo.write("hugo.toml", "title = 'Notes'\n[markup.goldmark.parser.attribute]\nblock = true\n")
    assert hugo.findings(HEAD + T + "{.wide}\n", "MKP003") == []


def _tables(page: str) -> list[int]:
    """The number of body rows of each table of a page."""
    return [len(re.findall(r"<tr>", body)) for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.S)]


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_shows_each_case_as_text_and_its_fix_as_a_table() -> None:
    before = render_kramdown({}, {body: body for body, _, _ in KRAMDOWN})
    after = render_kramdown({}, {fixed: fixed for _, _, fixed in KRAMDOWN})
    for body, _, fixed in KRAMDOWN:
        assert _tables(before[body]) == [] and "| cache | on |" in before[body], body
        assert _tables(after[fixed]) == [1], fixed
    negative = render_kramdown({}, {"n": NEGATIVE.replace("{% raw %}\n", "").replace("{% endraw %}\n", "")})["n"]
    assert _tables(negative) == [1, 1, 1]


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_takes_the_line_for_a_row_and_the_fix_ends_the_table() -> None:
    bodies = [body for body, _, _ in KRAMDOWN]
    before = render_hugo({}, dict(zip(bodies, bodies, strict=True)))
    assert [_tables(before[body]) for body in bodies] == [[1], [1], [2], [1]]
    after = render_hugo({}, {GOLDMARK[0][2]: GOLDMARK[0][2]})[GOLDMARK[0][2]]
    assert _tables(after) == [1] and "<p>The cache is shared.</p>" in after


H2 = "| Pattern | Matches |\n|---|---|\n"
# (row, column of the finding, the fixed row or None)
ROWS = [
    ("| `a|b` | a or b |\n", 4, "| `a\\|b` | a or b |\n"),
    ("| `x|y|z` | three |\n", 4, "| `x\\|y\\|z` | three |\n"),
    ("| one | two | three |\n", 1, None),
    ("one | two | three\n", 1, None),
]


@pytest.mark.parametrize(("row", "column", "fixed"), ROWS)
def test_a_row_with_more_cells_than_columns_on_goldmark(tmp_path: Path, row: str, column: int,
                                                        fixed: str | None) -> None:
    site = _hugo(tmp_path)
    assert site.findings(HEAD + H2 + row, "MKP004") == [("MKP004", 8, column)]
    after = site.fixed(HEAD + H2 + row, "MKP004")
    assert after == HEAD + H2 + (fixed or row)
    if fixed:
        assert site.findings(after, "MKP004") == []


def test_rows_that_fit_escaped_pipes_and_kramdown_are_left_alone(tmp_path: Path) -> None:
    rows = "| `a\\|b` | x |\n| a | b | |\n| `code` | y |\n| a |\n"
    assert _hugo(tmp_path).findings(HEAD + H2 + rows, "MKP004") == []
    assert _jekyll(tmp_path).findings(HEAD + H2 + ROWS[0][0], "MKP004", JEKYLL_POST) == []


def test_the_cell_messages(tmp_path: Path) -> None:
    found = _hugo(tmp_path).diagnostics(HEAD + H2 + ROWS[0][0] + ROWS[2][0], "MKP004")
    assert [d.message for d in found] == [
        "a '|' inside inline code splits the table cell: the page shows the code in two cells (and drops the "
        "row's last ones); escape it as '\\|'",
        "this row has 3 cells and the table 2 columns: the page leaves out 'three' and what follows; move it into a "
        "column or add one"]


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_drops_the_extra_cells_and_shows_the_escaped_code_whole() -> None:
    pages = render_hugo({}, {row: H2 + row for row, _, _ in ROWS} | {fixed: H2 + fixed for _, _, fixed in ROWS if fixed})
    for row, _, fixed in ROWS:
        cells = re.findall(r"<td>(.*?)</td>", pages[row])
        assert len(cells) == 2 and "three" not in "".join(cells) and "a or b" not in "".join(cells), row
        if fixed:
            assert re.findall(r"<td>(.*?)</td>", pages[fixed])[0].startswith("<code>"), fixed


PIPES = [  # (paragraph, column of the first '|', the fixed paragraph)
    ("Pick the fast path | the safe path.\n", 20, "Pick the fast path \\| the safe path.\n"),
    ("- An item with a | pipe\n", 18, "- An item with a \\| pipe\n"),
    ("See [one|two](https://example.org) here.\n", 9, "See [one\\|two](https://example.org) here.\n"),
]
PIPES_NEGATIVE = ("Run `ls | grep x` now, {{ page.title | escape }} and \\| escaped.\n\nFirst line\nsecond | line\n\n"
                  "| headerless | table |\n| c | d |\n\na | b\nc | d\n\nMath $|x|$ here.\n\n<span title=\"a|b\">x</span>\n")


@pytest.mark.parametrize(("body", "column", "fixed"), PIPES)
def test_on_kramdown_a_pipe_in_a_first_line_is_reported_and_escaped(tmp_path: Path, body: str, column: int,
                                                                     fixed: str) -> None:
    site = _jekyll(tmp_path)
    assert site.findings(HEAD + body, "MKP005", JEKYLL_POST) == [("MKP005", 6, column)]
    after = site.fixed(HEAD + body, "MKP005", JEKYLL_POST)
    assert after == HEAD + fixed
    assert site.findings(after, "MKP005", JEKYLL_POST) == []
    assert _hugo(tmp_path).findings(HEAD + body, "MKP005") == []


def test_pipes_in_code_liquid_tables_math_and_later_lines_are_left_alone(tmp_path: Path) -> None:
    assert _jekyll(tmp_path).findings(HEAD + PIPES_NEGATIVE, "MKP005", JEKYLL_POST) == []


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_makes_a_table_of_each_line_and_a_paragraph_of_its_fix() -> None:
    before = render_kramdown({}, {body: body for body, _, _ in PIPES})
    after = render_kramdown({}, {fixed: fixed for _, _, fixed in PIPES})
    for body, _, fixed in PIPES:
        assert "<table>" in before[body], body
        assert "<table>" not in after[fixed] and "|" in re.sub(r"<[^>]+>", "", after[fixed]), fixed
