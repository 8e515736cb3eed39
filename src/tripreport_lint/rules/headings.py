"""HDG001-HDG005: headings that repeat the title or each other, skip levels, or are empty (HDG006-HDG007, the\noutline below a title the layout prints: rules/outline.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.body import Heading
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.heading_text import heading_span, normalized
from tripreport_lint.rules.page_title import titled_page, toc_gaps


class TitleRepeated(Rule):
    """## What it does
    Reports a first heading that repeats the front matter `title` (compared without case,
    punctuation and extra whitespace).

    ## Why is this bad?
    Hugo and Jekyll themes already show the title above the post, so readers see it twice.

    ## Example
    ```markdown
    ---
    title: "KubeCon EU 2025: our notes"
    date: 2025-04-05
    ---
    # KubeCon EU 2025 - our notes

    Three days in London.
    ```

    ## Use instead
    ```markdown
    ---
    title: "KubeCon EU 2025: our notes"
    date: 2025-04-05
    ---
    Three days in London.
    ```

    ## Fix safety
    Safe when the heading is the first thing in the body: the line (and the blank line after it)
    is removed. Elsewhere the finding has no fix.

    ## Options
    None.

    ## Known problems
    Themes that do not render the title (rare) need this heading; turn the rule off there.
    """

    code = "HDG001"
    name = "title-repeated"
    summary = "The first heading repeats the front matter title."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        data = doc.front_matter.mapping if doc.front_matter else None
        title = data.get(ctx.key_as_written(data, "title")) if data else None
        headings = doc.body.headings
        if not isinstance(title, str) or not headings or normalized(headings[0].text) != normalized(title):
            return
        first = headings[0]
        start, end = heading_span(doc, first)
        fix = None
        if not doc.text[doc.body_start : first.start].strip():
            line_after = first.line + 1
            removal_end = doc.lines.offset(line_after + 1) if line_after < doc.lines.line_count else len(doc.text)
            if doc.text[doc.lines.offset(line_after) : removal_end].strip():
                removal_end = doc.lines.offset(line_after)
            fix = Fix((Edit(first.start, removal_end),), description="remove the heading")
        yield Violation(f"heading '{first.text}' repeats the title, which the theme already shows: remove it",
                        doc.span(start, end), fix)


@dataclass(frozen=True)
class DuplicateOptions:
    scope: Literal["siblings", "document"] = field(default="siblings", metadata={
        "help": "Where a repeat counts: `siblings`, among the headings under the same parent heading; "
                "`document`, anywhere in the post."})


class DuplicateHeading(Rule[DuplicateOptions]):
    """## What it does
    Reports a heading with the same text as an earlier one: by default among siblings (under the
    same parent heading), or anywhere in the document with `scope = "document"`.

    ## Why is this bad?
    Readers cannot tell the sections apart, and both get the same anchor, so links to the second
    one land on the first.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Keynotes

    Morning.

    ## Keynotes

    Afternoon.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Morning keynotes

    Morning.

    ## Afternoon keynotes

    Afternoon.
    ```

    ## Fix safety
    No fix: the sections need names the author chooses.

    ## Known problems
    Repeated subheadings under different parents (`### Slides` under each talk) are fine by default.
    """

    code = "HDG002"
    name = "duplicate-heading"
    summary = "Two headings with the same text."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        seen: dict[tuple[object, str], Heading] = {}
        parents: list[Heading] = []
        for heading in doc.body.headings:
            while parents and parents[-1].level >= heading.level:
                parents.pop()
            parent = id(parents[-1]) if parents and self.options.scope == "siblings" else None
            key = (parent, normalized(heading.text))
            if key[1] and key in seen:
                first = seen[key]
                yield Violation(f"heading '{heading.text}' repeats the heading on line {first.line}: rename one",
                                doc.span(*heading_span(doc, heading)))
            else:
                seen[key] = heading
            parents.append(heading)


class MultipleH1(Rule):
    """## What it does
    Reports every level-one heading after the first in the body.

    ## Why is this bad?
    A page has one main heading; several `#` headings break the outline that screen readers and
    tables of contents build.

    ## Example
    A page, `about.md`, whose layout prints no title (a Jekyll page without one):
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    # Day one

    # Day two
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Day one

    ## Day two
    ```

    ## Fix safety
    No fix: demoting headings changes the whole outline.

    ## Options
    None.

    ## Known problems
    On a Hugo or Jekyll page whose layout prints the title as the page's H1, HDG006 (on by default)
    reports every body H1 instead, and this rule none.
    """

    code = "HDG003"
    default_enabled = False
    name = "multiple-h1"
    summary = "More than one level-one heading."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if titled_page(doc, ctx) is not None:
            return  # HDG006's page: every body H1 is a second one
        h1 = [h for h in doc.body.headings if h.level == 1]
        for heading in h1[1:]:
            yield Violation(f"second level-one heading '{heading.text}' (the first is on line {h1[0].line}): "
                            "make it '##'", doc.span(*heading_span(doc, heading)))


class HeadingLevelSkip(Rule):
    """## What it does
    Reports a heading more than one level deeper than the heading before it (`##` then `####`).

    ## Why is this bad?
    The outline has a hole: tables of contents indent wrongly and screen reader users lose their place.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Day one

    #### Keynote
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Day one

    ### Keynote
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    The first heading may start at any level. A skip that leaves an empty bullet in the table of
    contents a Hugo layout shows is HDG008's (on by default), and not reported here.
    """

    code = "HDG004"
    default_enabled = False
    name = "heading-level-skip"
    summary = "A heading skips a level."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        headings = doc.body.headings
        in_toc = {id(heading) for heading, _ in toc_gaps(doc, ctx)}  # HDG008's
        for before, heading in pairwise(headings):
            if heading.level > before.level + 1 and id(heading) not in in_toc:
                yield Violation(
                    f"level-{heading.level} heading after a level-{before.level} one (line {before.line}): "
                    f"use {'#' * (before.level + 1)}",
                    doc.span(*heading_span(doc, heading)),
                )


class EmptyHeading(Rule):
    """## What it does
    Reports a heading with no text.

    ## Why is this bad?
    It renders as an empty gap with an empty anchor, usually a heading whose text was deleted.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ###

    Some text.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Some text.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "HDG005"
    name = "empty-heading"
    summary = "A heading with no text."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for heading in doc.body.headings:
            if not re.sub(r"[\s#*_`~]", "", heading.text) and heading.explicit_id is None:
                yield Violation("empty heading: give it text or remove it", doc.span(*heading_span(doc, heading)))
