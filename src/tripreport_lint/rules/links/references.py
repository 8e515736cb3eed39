"""LNK007-LNK008: reference links whose label is undefined, and definitions no link uses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_USED_LABEL = re.compile(r"\[(?<!\\\[)((?:[^\[\]\\]|\\.){1,999})\](?![(:])")


def normal_label(text: str) -> str:
    return " ".join(text.split()).casefold()


def defined_labels(doc: Document) -> set[str]:
    return {normal_label(d.label) for d in doc.body.definitions}


class UndefinedReference(Rule):
    """## What it does
    Finds reference links `[text][label]` (and `[label][]`) whose label has no definition.

    ## Why is this bad?
    Without a definition the brackets show as plain text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].

    [flux]: https://fluxcd.io/
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    Labels compare without regard to case and runs of whitespace, as CommonMark does.
    """

    code = "LNK007"
    name = "undefined-reference"
    summary = "A reference link whose label is not defined."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        labels = defined_labels(doc)
        for link in doc.body.links:
            if link.label is not None and normal_label(link.label) not in labels and not link.label.startswith("^"):
                yield Violation(f"reference '[{link.label}]' is not defined: add a line '[{link.label}]: <url>'",
                                doc.span(link.start, link.end))


class UnusedDefinition(Rule):
    """## What it does
    Finds link reference definitions (`[label]: url`) that no link uses. The `[//]: # (...)`
    comment idiom is left to CMT001.

    ## Why is this bad?
    Usually the link that should use it was removed or misspelt, so a link is missing.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the project page.

    [flux]: https://fluxcd.io/
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].

    [flux]: https://fluxcd.io/
    ```

    ## Fix safety
    No fix: the definition may be meant for a link still to be written.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK008"
    name = "unused-definition"
    summary = "A link definition that no link uses."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.body.comments_blanked
        used = {normal_label(link.label) for link in doc.body.links if link.label is not None}
        used |= {normal_label(m.group(1)) for m in _USED_LABEL.finditer(text)}
        for definition in doc.body.definitions:
            if definition.target in ("#", "<>", "") or definition.label.startswith("^") or normal_label(definition.label) in used:
                continue
            yield Violation(f"definition '[{definition.label}]' is never used: use it in a link or remove it",
                            doc.span(definition.start, definition.end))
