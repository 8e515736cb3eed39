"""MKP002: two list markers at the start of one item (`- - item`); checked against the real Hugo and kramdown,
which show an item holding a second list, and after the fix one item with its sub-items."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
# (body, column of the inner marker, what --unsafe-fixes makes of it)
POSITIVE = [
    ("- - Pull request: faster builds\n  - the cache is shared\n", 3,
     "- Pull request: faster builds\n  - the cache is shared\n"),
    ("* + Release notes\n", 3, "+ Release notes\n"),
    ("1. - Install the agent\n", 4, "- Install the agent\n"),
    ("> - * Quoted item\n", 5, "> * Quoted item\n"),
]
NEGATIVE = """- - -

* * *

- 1. a numbered list in a bullet is a choice

- --verbose is an option
- -1 is a number
- item
  - a sub-item

```
- - in code
```
"""


@pytest.mark.parametrize(("body", "column", "fixed"), POSITIVE)
def test_each_doubled_marker_is_reported_with_an_unsafe_fix(site: Site, body: str, column: int, fixed: str) -> None:
    assert site.findings(HEAD + body, "MKP002") == [("MKP002", 6, column)]
    assert site.fixed(HEAD + body, "MKP002") == HEAD + body  # no safe fix
    after = site.fixed(HEAD + body, "MKP002", unsafe=True)
    assert after == HEAD + fixed
    assert site.findings(after, "MKP002") == []


def test_the_message_names_the_markers(site: Site) -> None:
    [found] = site.diagnostics(HEAD + POSITIVE[0][0], "MKP002")
    assert found.message == ("two list markers ('- -') start this item: the page shows an empty item with a "
                             "second list in it; remove one")


def test_breaks_options_numbers_and_code_are_left_alone(site: Site) -> None:
    assert site.findings(HEAD + NEGATIVE, "MKP002") == []


def _depth(page: str) -> int:
    """How deep the lists of a page nest."""
    depth = deepest = 0
    for tag in re.findall(r"</?[uo]l>", page):
        depth += -1 if tag.startswith("</") else 1
        deepest = max(deepest, depth)
    return deepest


def _check_engine(render: Callable[[dict[str, str]], dict[str, str]]) -> None:
    before = render({body: body for body, _, _ in POSITIVE})
    after = render({fixed: fixed for _, _, fixed in POSITIVE})
    for body, _, fixed in POSITIVE:
        assert re.search(r"<li>\s*<[uo]l>", before[body]), body  # an item whose first content is a list
        assert not re.search(r"<li>\s*<[uo]l>", after[fixed]), fixed
    assert _depth(after[POSITIVE[0][2]]) == 2  # the indented line is the item's sub-item


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_shows_a_list_in_an_empty_item() -> None:
    _check_engine(lambda bodies: render_hugo({}, bodies))


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_shows_a_list_in_an_empty_item() -> None:
    _check_engine(lambda bodies: render_kramdown({}, bodies))


JEKYLL_POST = "_posts/2024-05-19-notes.md"
PAREN = "1) Install the agent\n2) Start it\n   1) the service\n   2) the timer\n3) Check the logs\n"
PAREN_FIXED = "1. Install the agent\n2. Start it\n   1. the service\n   2. the timer\n3. Check the logs\n"
PAREN_NEGATIVE = "1) first, with a blank line\n\n2) second\n\n1. dotted\n2. dotted\n\nText 1) inline and 2) more.\n"


def _jekyll(site: Site) -> Site:
    site.write("_config.yml", "title: Notes\n")
    return site


def test_on_kramdown_parenthesis_items_are_reported_and_dotted(site: Site) -> None:
    jekyll = _jekyll(site)
    assert jekyll.findings(HEAD + PAREN, "MKP006", JEKYLL_POST) == [("MKP006", 6, 1), ("MKP006", 8, 4)]
    after = jekyll.fixed(HEAD + PAREN, "MKP006", JEKYLL_POST)
    assert after == HEAD + PAREN_FIXED
    assert jekyll.findings(after + PAREN_NEGATIVE, "MKP006", JEKYLL_POST) == []


def test_commonmark_sites_read_parenthesis_lists(site: Site) -> None:
    assert site.findings(HEAD + PAREN, "MKP006") == []


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_runs_the_items_together_and_lists_the_fix() -> None:
    pages = render_kramdown({}, {"before": PAREN, "after": PAREN_FIXED})
    assert "<ol>" not in pages["before"] and "1) Install the agent" in pages["before"]
    assert pages["after"].count("<ol>") == 2 and pages["after"].count("<li>") == 5
