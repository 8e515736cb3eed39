"""MKP002, MKP006: two list markers at the start of one item (`- - item`), which the page shows as two bullets;
`1)` list items, which kramdown runs together into one paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# The outer marker, then the inner bullet, then the item's text.
_DOUBLED = re.compile(r"[ \t>]*((?:[-*+]|\d{1,9}[.)])[ \t]+)([-*+])[ \t]+\S")


class DoubledListMarker(Rule):
    """## What it does
    Reports a list item whose text starts with a second bullet (`- - item`, `1. * item`), outside
    code: Markdown reads it as a list inside the item, on the same line.

    ## Why is this bad?
    The page shows an empty item with a second bullet beside it, and the lines indented under the
    item become siblings of the inner item instead of its sub-items. It comes from pasting a list
    into a list item or from a slip while editing.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    - - Pull request: faster builds
      - the cache is shared
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    - Pull request: faster builds
      - the cache is shared
    ```

    ## Fix safety
    Unsafe: the first marker goes, and the lines indented under the item become its sub-items;
    whether that is the outline the author meant is theirs to say.

    ## Options
    None.

    ## Known problems
    An item that is a list on purpose (a nested list written on one line) is reported.
    """

    code = "MKP002"
    name = "doubled-list-marker"
    summary = "A list item starting with a second bullet ('- - item') shows two bullets."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        tokens, lines = doc.tokens, doc.lines
        reported = set()  # `- - - item` nests three lists on one line: one finding
        for item, inner in pairwise(tokens):
            if item.type != "list_item_open" or inner.type != "bullet_list_open" or item.map is None \
                    or inner.map is None or inner.map[0] != item.map[0] or item.map[0] in reported:
                continue
            reported.add(item.map[0])
            number = item.map[0] + 1
            found = _DOUBLED.match(doc.text, lines.offset(number), lines.line_end(number))
            if found is None:
                continue
            outer, bullet = found.span(1), found.start(2)
            yield Violation(f"two list markers ('{found[1].rstrip()} {found[2]}') start this item: the page shows an "
                            "empty item with a second list in it; remove one", doc.span(bullet, bullet + 1),
                            Fix((Edit(*outer),), Applicability.UNSAFE, "remove the first marker"))


_PAREN_MARKER = re.compile(r"[ \t>]*\d{1,9}(\))")


class ParenthesisListMarker(Rule):
    """## What it does
    Reports, on a kramdown site (Jekyll), an ordered list whose items are numbered `1)`, `2)` with no
    blank line between them: kramdown knows only `1.` for ordered lists.

    ## Why is this bad?
    The page shows no list: the items run together into one paragraph (`1) Install 2) Configure`).

    ## Example
    `_posts/2024-05-19-notes.md` on a Jekyll site:
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    1) Install the agent
    2) Start it
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    1. Install the agent
    2. Start it
    ```

    ## Fix safety
    Safe: each `)` after an item's number becomes `.`, and the lines become the list the author wrote;
    that change of the page is the rule's purpose.

    ## Options
    None.

    ## Known problems
    Items with blank lines between them are left alone: kramdown shows each as a paragraph of its own,
    which reads as a list.
    """

    code = "MKP006"
    name = "parenthesis-list-marker"
    summary = "On kramdown '1)' items are no list: they run together into one paragraph."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if ctx.site.model.renderer != "kramdown" or not doc.body_holds(")"):
            return
        lines, text = doc.lines, doc.text
        for at, token in enumerate(doc.tokens):
            if token.type != "ordered_list_open" or token.markup != ")":
                continue
            items = []  # the lines its items start on
            for item in doc.tokens[at + 1 :]:
                if item.level <= token.level:
                    break
                if item.type == "list_item_open" and item.level == token.level + 1 and item.map:
                    items.append(item.map[0] + 1)
            markers = [found.start(1) for number in items
                       if (found := _PAREN_MARKER.match(text, lines.offset(number), lines.line_end(number)))]
            if len(markers) < 2 or not any(second == first + 1 for first, second in pairwise(items)):
                continue
            yield Violation("kramdown has no '1)' lists: these items run together into one paragraph; number them "
                            "'1.', '2.'", doc.span(markers[0] - 1, markers[0] + 1),
                            Fix(tuple(Edit(m, m + 1, ".") for m in markers), description="write '.' after the numbers"))
