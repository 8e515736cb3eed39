"""HDG009: a heading line with no space after its `#`s, which the page shows as a paragraph."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.document.scanning import line_matches
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# A line of a paragraph that starts, after block quote markers, indentation and a list marker, with one to six
# `#`s glued to what follows: a letter, a digit, or the start of emphasis, code or a link.
_GLUED = re.compile(r"^[ \t>]*(?P<item>(?:[-*+]|\d{1,9}[.)])[ \t]+)?(#{1,6})(?=[\w\[*`\"'])(\S*)(.*)$", re.M)
# C preprocessor lines and the like, in prose that quotes code without marking it as code.
_DIRECTIVES = frozenset(("include", "define", "undef", "if", "ifdef", "ifndef", "else", "elif", "endif", "pragma",
                         "error", "warning", "import", "region", "endregion"))


def _heading_like(hashes: str, word: str, rest: str, first_line: bool, item: bool) -> bool:
    """Whether a line that starts with `#`s glued to ``word`` reads as a heading the author meant: two or
    more `#`s always; one `#` only on a paragraph's first line, not in a list ``item`` (`1. #tasks + 1`: a
    count, a hashtag), and not before a number (`#123`, `#1st`), a preprocessor directive (`#include`) or a
    line of hashtags (`#kubecon #cloudnative`)."""
    if len(hashes) > 1:
        return True
    if not first_line or item or word[:1].isdigit() or word.lower() in _DIRECTIVES:
        return False
    tokens = rest.split()
    return not tokens or not all(token.startswith("#") for token in tokens)


class HeadingWithoutSpace(Rule):
    """## What it does
    Reports a line that starts with `#`s glued to its text (`##Setup`), outside code and HTML:
    CommonMark (Hugo's Goldmark) and kramdown's GFM input, Jekyll's default, want a space or a tab
    after the `#`s of a heading. The line may stand in a block quote or a list item. A single `#` is
    reported only at the start of a paragraph outside lists (`1. #tasks + 1` counts, or tags), and not
    before a number (`#123`), a preprocessor directive (`#include`) or on a line of hashtags
    (`#kubecon #cloudnative`).

    ## Why is this bad?
    The line is not a heading: the page shows it as a paragraph with the `#`s in it, it is missing
    from the table of contents, and it has no anchor for links to reach.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ##Setup

    Install the tool.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ## Setup

    Install the tool.
    ```

    ## Fix safety
    Safe for `##` and more: a space goes after the `#`s, and the line becomes the heading the author
    wrote; that change of the page is the rule's purpose. Unsafe for a single `#`, which may be a
    shell comment of a code block the post never marked as code (`#backup the volume`) or a hashtag:
    the fix would make it the page's H1, and the next such line would start a paragraph in turn.

    ## Options
    None.

    ## Known problems
    On Jekyll sites whose kramdown reads its own input (`kramdown: input: kramdown`), a heading needs no
    space after its `#`s, and nothing is reported. A line of prose that starts with `##` on purpose is
    reported.
    """

    code = "HDG009"
    name = "heading-without-space"
    summary = "A line of '#'s glued to text ('##Setup') is a paragraph on the page, not a heading."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        model = ctx.site.model
        if model.renderer == "kramdown" and model.heading_ids == "kramdown" or not doc.body_holds("#"):
            return
        prose, lines = doc.body.prose, doc.lines
        # The lines _GLUED may match, found in one pass over the lines with a '#': most paragraphs have none.
        glued = sorted({lines.position(found.start())[0] for found in line_matches(_GLUED, prose, "#", doc.body_start)})
        if not glued:
            return
        for token in doc.tokens:
            if token.type != "paragraph_open" or token.map is None:
                continue
            first, last = token.map
            for number in glued[bisect.bisect_left(glued, first + 1) : bisect.bisect_right(glued, last)]:
                start = lines.offset(number)
                found = _GLUED.match(prose, start, lines.line_end(number))
                if found is None or not _heading_like(found[2], found[3], found[4], number == first + 1,
                                                      found["item"] is not None):
                    continue
                at = found.end(2)
                text = (found[3] + found[4]).rstrip()
                text = text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0] + "…"
                yield Violation(f"no space after '{found[2]}': the line shows as text, not as a heading; "
                                f"write '{found[2]} {text}'", doc.span(found.start(2), at),
                                Fix((Edit(at, at, " "),), Applicability.UNSAFE if len(found[2]) == 1 else
                                    Applicability.SAFE, description="put a space after the '#'s"))
