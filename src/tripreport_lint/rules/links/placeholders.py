"""LNK003: links whose target is a placeholder, and placeholders where a link should be."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_PLACEHOLDER_TARGETS = {"", "#", "todo", "tbd", "fixme", "link", "url", "...", "xxx", "http://", "https://"}
# `(here)[https://...]` is a reversed link, LNK018's.
_PROSE_PLACEHOLDER = re.compile(r"\((?:link|url|source|here)\)(?!\[)|\[(?:link|url|source)\](?![\[(:])", re.I)


class PlaceholderLink(Rule):
    """## What it does
    Finds links whose target is a placeholder (`[x]()`, `[x](#)`, `[x](TODO)`, `[x](link)`), and
    placeholders in the prose where a link should be: `(link)`, `[link]`.

    ## Why is this bad?
    The author meant to add the address later and forgot: readers get a dead or missing link.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is [on YouTube](TODO). The slides are here (link).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is [on YouTube](https://youtu.be/example). The slides are not online yet.
    ```

    ## Fix safety
    No fix: the real address is unknown.

    ## Options
    None.

    ## Known problems
    A deliberate `[top](#)` link to the top of the page is reported too; suppress it inline.
    """

    code = "LNK003"
    name = "placeholder-link"
    summary = "A link whose target is a placeholder."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.links:
            if link.target is not None and link.target.strip().casefold() in _PLACEHOLDER_TARGETS:
                shown = link.target or "empty"
                yield Violation(f"link '[{link.text}]' has a placeholder target ({shown}): add the real address",
                                doc.span(link.start, link.end))
        for match in _PROSE_PLACEHOLDER.finditer(doc.body.prose, doc.body_start):
            if not doc.body.in_link(match.start()):
                yield Violation(f"placeholder '{match.group()}' where a link should be: add the link or remove it",
                                doc.span(match.start(), match.end()))
