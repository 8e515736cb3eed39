"""MKP001: spaces inside emphasis markers (`** bold **`), which CommonMark and kramdown show as text; checked
against the real Hugo and kramdown, before and after the fix."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
# (line, column of the finding, what --fix makes of the line or None: no fix)
POSITIVE: list[tuple[str, int, str | None]] = [
    ("The upgrade is ** not optional ** for anyone.", 16, "The upgrade is **not optional** for anyone."),
    ("A **strong word ** here.", 3, "A **strong word** here."),
    ("A ** strong word** here.", 3, "A **strong word** here."),
    ("**Note: **back up the data first.", 1, "**Note:** back up the data first."),
    ("Some *slanted text * here.", 6, "Some *slanted text* here."),
    ("Some __ strong words __ here.", 6, "Some __strong words__ here."),
    ("## ** Release notes **", 4, "## **Release notes**"),
    ("- ** Item in a list **", 3, "- **Item in a list**"),
    ("Read **the `config` file ** now.", 6, "Read **the `config` file** now."),
    ("** Update: ** the patch was merged.", 1, "**Update:** the patch was merged."),
    ("Talks: _ first talk title _ second talk title", 8, None),
]
NEGATIVE = """Plain **bold**, *italic*, __strong__ and _slanted_ text.

**One.** and **two.** side by side, *one* and *two*.

Globs: *.md and *.txt files, or **/*.md and ** to glob everything.

Arithmetic: a * b * c, 2 ** 8 ** 2, and x _ y.

* a list item *
* another item

Code `** not bold **` and snake_case_name, __init__, *args and **kwargs.

An escaped \\* star * and $a * b * c$ in math.

**`score-go`**, **`score-compose`** and **`score-k8s`**.

```
** in a code block **
```

<div>
** in an HTML block **
</div>
"""


def _first_line_col(found: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    return [(line, column) for _, line, column in found]


@pytest.mark.parametrize(("line", "column", "fixed"), POSITIVE)
def test_each_case_is_reported_and_fixed(site: Site, line: str, column: int, fixed: str | None) -> None:
    text = HEAD + line + "\n"
    assert _first_line_col(site.findings(text, "MKP001")) == [(6, column)]
    after = site.fixed(text, "MKP001")
    assert after == HEAD + (fixed or line) + "\n"
    if fixed is not None:
        assert site.findings(after, "MKP001") == []


def test_the_messages_say_what_to_write(site: Site) -> None:
    text = HEAD + POSITIVE[0][0] + "\n\n" + POSITIVE[-1][0] + "\n"
    assert [d.message for d in site.diagnostics(text, "MKP001")] == [
        "spaces inside '**': the page shows the '**'s as text; write '**not optional**'",
        "spaces inside '_': the page shows the '_'s as text; write '_first talk title_' for emphasis, or remove "
        "the '_'s",
    ]


def test_emphasis_that_works_code_math_globs_and_lists_are_left_alone(site: Site) -> None:
    assert site.findings(HEAD + NEGATIVE, "MKP001") == []


def _emphasis(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"<(?:em|strong)>(.*?)</(?:em|strong)>", page)]


def _check_engine(render: Callable[[dict[str, str]], dict[str, str]]) -> None:
    before = render({line: line + "\n" for line, _, _ in POSITIVE})
    after = render({fixed: fixed + "\n" for _, _, fixed in POSITIVE if fixed})
    for line, _, fixed in POSITIVE:
        shown = re.sub(r"<[^>]+>", "", before[line])
        assert _emphasis(before[line]) == [] and re.search(r"[*_]{1,2}", shown), line
        if fixed:
            assert len(_emphasis(after[fixed])) == 1, fixed
            assert not re.search(r"(?<![\w/])[*_]", re.sub(r"<[^>]+>", "", after[fixed])), fixed
    negative = render({"negative": NEGATIVE})["negative"]
    assert "** in a code block **" in negative and "Arithmetic: a * b * c" in negative


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_shows_the_markers_and_the_fix_makes_emphasis() -> None:
    _check_engine(lambda bodies: render_hugo({}, bodies))


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_shows_the_markers_and_the_fix_makes_emphasis() -> None:
    _check_engine(lambda bodies: render_kramdown({}, bodies))


def test_a_triple_run_makes_bold_italic(site: Site) -> None:
    # Goldmark shows `***Note: ***` as text; kramdown as '**Note: **' in italics: both show markers.
    text = HEAD + "***Note: *** back up the data first.\n"
    assert site.findings(text, "MKP001") == [("MKP001", 6, 1)]
    assert site.fixed(text, "MKP001") == HEAD + "***Note:*** back up the data first.\n"
