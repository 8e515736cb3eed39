"""LNK009: URLs in the prose that are not links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_BARE_URL = re.compile(r"http(?<![\w/<(\[\"'=]http)s?://[A-Za-z0-9\[][^\s<>\[\]\"'`]*")


class BareUrl(Rule):
    """## What it does
    Finds URLs written as plain text in the prose, outside links, autolinks and code.

    ## Why is this bad?
    Plain CommonMark renders them as text, not links; renderers that do link them (GitHub,
    Hugo's default Goldmark) guess where the URL ends, and trailing punctuation often ends up in it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at https://example.com/schedule.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at <https://example.com/schedule>.
    ```

    ## Fix safety
    Safe: the URL, without trailing sentence punctuation, is wrapped in `<...>`, an autolink that
    every Markdown renderer links the same way.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK009"
    name = "bare-url"
    summary = "A URL in the prose that is not a link."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for match in _BARE_URL.finditer(doc.body.prose, doc.body_start):
            url = match.group()
            while url and (url[-1] in ".,;:!?*_~" or (url[-1] == ")" and url.count("(") < url.count(")"))):
                url = url[:-1]
            start, end = match.start(), match.start() + len(url)
            if doc.body.in_link(start):
                continue
            yield Violation(f"bare URL {url}: wrap it in <...> to make it a link", doc.span(start, end),
                            Fix((Edit(start, start, "<"), Edit(end, end, ">")), description="wrap it in <...>"))
