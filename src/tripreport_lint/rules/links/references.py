"""LNK007-LNK008: reference links whose label is undefined, and definitions no link uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_USED_LABEL = re.compile(r"\[(?<!\\\[)((?:[^\[\]\\]|\\.){1,999})\](?![(:])")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def normal_label(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Labels:
    """The labels a post defines (normalised): written out, or made by Liquid, as a definition
    ``[#{{ issue }}]: ...`` in a ``{% for %}`` loop makes ``[#1081]``, ``[#1084]``, ... (a pattern)."""

    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = ()

    def __contains__(self, label: object) -> bool:
        return label in self.exact or any(p.fullmatch(str(label)) for p in self.patterns)


def templated(label: str, ctx: Context) -> bool:
    """Whether Liquid makes (part of) a label, on a site that runs posts through Liquid."""
    return ctx.site.model.liquid and _LIQUID.search(label) is not None


def defined_labels(doc: Document, ctx: Context) -> Labels:
    labels = {normal_label(d.label) for d in doc.body.definitions}
    made = [label for label in labels if templated(label, ctx)]
    patterns = (re.compile(".+".join(re.escape(part) for part in _LIQUID.split(label)), re.S) for label in made)
    return Labels(frozenset(labels), tuple(patterns))


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
    Labels compare without regard to case and runs of whitespace, as CommonMark does. Where posts go
    through Liquid (Jekyll), a definition whose label Liquid makes (`[#{{ issue }}]: ...` in a
    `{% for %}` loop) defines every label of its shape (`[#1081]`), and a reference whose label
    Liquid makes is not checked. Brackets that write a command's syntax (`chmod [u|g|o][=|+|-]`: a label
    with bars, or with no letter or digit) are text, and not reported.
    """

    code = "LNK007"
    name = "undefined-reference"
    summary = "A reference link whose label is not defined."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        labels = defined_labels(doc, ctx)
        for link in doc.body.links:
            label = link.label
            if label is not None and normal_label(label) not in labels and not label.startswith("^") \
                    and not templated(label, ctx) and not _notation(label):
                label = " ".join(label.split())  # as CommonMark matches labels: runs of spaces and breaks as one
                yield Violation(f"reference '[{label}]' is not defined: add a line '[{label}]: <url>'",
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
    Where posts go through Liquid (Jekyll), a definition whose label Liquid makes
    (`[#{{ issue }}]: ...` in a `{% for %}` loop) may define any label, so it is never reported.
    """

    code = "LNK008"
    default_enabled = False
    name = "unused-definition"
    summary = "A link definition that no link uses."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.body.comments_blanked
        used = {normal_label(link.label) for link in doc.body.links if link.label is not None}
        used |= {normal_label(m.group(1)) for m in _USED_LABEL.finditer(text)}
        for definition in doc.body.definitions:
            label = definition.label
            if definition.target in ("#", "<>", "") or label.startswith("^") or normal_label(label) in used \
                    or templated(label, ctx):
                continue  # a label Liquid makes may be any of the labels used
            yield Violation(f"definition '[{' '.join(definition.label.split())}]' is never used: use it in a link or "
                            "remove it",
                            doc.span(definition.start, definition.end))


def _notation(label: str) -> bool:
    """Whether a label is a command's syntax, not a link's (`chmod [u|g|o][=|+|-]`): no letter or digit, or
    alternatives between bars. The page shows such brackets as text, as the author meant."""
    return "|" in label or not any(char.isalnum() for char in label)
