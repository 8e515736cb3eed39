"""ENC012: two list markers at the start of one item (`- - item`), which the page shows as two bullets."""

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

    code = "ENC012"
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
