"""ENC004, ENC005, ENC009, ENC010: control characters, zero-width characters, no-break spaces at a line edge or
after a list marker or heading '#'."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import (
    Applicability,
    Edit,
    Fix,
    FixAvailability,
    Severity,
    Violation,
)
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "zero-width no-break space"}
_ZERO_WIDTH_RUN = re.compile(r"[\u200b\u2060\ufeff]+")
_EDGE_NBSP = re.compile(r"^\u00a0+|\u00a0+$", re.M)


class ControlCharacter(Rule):
    """## What it does
    Reports control characters (other than tab and line breaks) anywhere in the file.

    ## Why is this bad?
    They are invisible in editors, break YAML parsing and feeds (XML forbids most of them), and
    usually arrive by copying from a terminal or a PDF.

    ## Example
    A line copied from a terminal that kept its colour codes: `done` followed by ESC `[0m`.

    ## Use instead
    The same line without the escape sequence.

    ## Fix safety
    No fix: what the character stood for is unknown.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "ENC004"
    name = "control-character"
    summary = "The file contains a control character."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for match in _CONTROL.finditer(doc.text):
            yield Violation(
                f"control character U+{ord(match.group()):04X}: remove it", doc.span(match.start(), match.end())
            )


class InvisibleCharacter(Rule):
    """## What it does
    Reports zero-width spaces, word joiners and stray zero-width no-break spaces anywhere.

    ## Why is this bad?
    They are invisible but split words for search and spelling, break links and copy-paste of
    commands, and come from copying out of web pages and chat tools.

    ## Example
    `Run kubectl apply` where a zero-width space (U+200B) hides after `kubectl`.

    ## Use instead
    The same line without it.

    ## Fix safety
    Safe: the character is removed, and a page shows nothing in its place.

    ## Options
    None.

    ## Known problems
    Zero-width joiners and non-joiners are left alone: emoji and several scripts need them.
    """

    code = "ENC005"
    name = "invisible-character"
    summary = "An invisible zero-width character."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if not any(char in doc.text for char in _ZERO_WIDTH):
            return  # the common case, answered by substring searches in C
        start = 1 if doc.text.startswith("\ufeff") else 0
        for match in _ZERO_WIDTH_RUN.finditer(doc.text, start):
            char = match.group()[0]
            yield Violation(f"invisible {_ZERO_WIDTH[char]} (U+{ord(char):04X}): remove it",
                            doc.span(match.start(), match.end()), Fix((Edit(match.start(), match.end()),),
                                                                      description="remove it"))


class EdgeNoBreakSpace(Rule):
    """## What it does
    Reports no-break spaces at the start or end of a line.

    ## Why is this bad?
    They look like ordinary spaces but are not whitespace to Markdown: a line that starts with
    one is not indented, and one at the end is not trailing whitespace. They usually come from
    pasting out of a word processor or a web page.

    ## Example
    A paragraph line that begins with a no-break space (U+00A0).

    ## Use instead
    The same line beginning with its first word.

    ## Fix safety
    Unsafe: the no-break spaces become ordinary spaces, and someone may have used them to indent
    or to space out the page.

    ## Options
    None.

    ## Known problems
    Off by default: a reader rarely sees the difference.
    """

    code = "ENC009"
    name = "edge-no-break-space"
    summary = "A no-break space at the start or end of a line."
    default_enabled = False
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if "\u00a0" not in doc.text:
            return
        for match in _EDGE_NBSP.finditer(doc.text):
            # A no-break space at a line edge may be someone's indentation: replacing it moves text.
            fix = Fix((Edit(match.start(), match.end(), " " * len(match.group())),), Applicability.UNSAFE,
                      "replace with ordinary spaces")
            yield Violation("no-break space (U+00A0) at a line edge: replace it with an ordinary space or remove it",
                            doc.span(match.start(), match.end()), fix)


# A list marker or a heading's '#'s, after any block quote markers, followed by a no-break space.
_MARKER_NBSP = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)*[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|#{1,6})(\u00a0)", re.M)


class NoBreakSpaceAfterMarker(Rule):
    """## What it does
    Reports a no-break space (U+00A0) right after a list marker (`-`, `*`, `+`, `1.`, `1)`) or a
    heading's `#`s at the start of a line, outside code.

    ## Why is this bad?
    Markdown wants an ordinary space or a tab there: with a no-break space the line is not a list
    item or a heading but a paragraph that shows the `#` or the `-`. It comes from pasting out of
    a word processor or a web page.

    ## Example
    A line `##` + U+00A0 + `Agenda`, which the page shows as the text `## Agenda`.

    ## Use instead
    `## Agenda` with an ordinary space.

    ## Fix safety
    Safe: the no-break space becomes an ordinary space, and the line becomes the heading or list
    item the author wrote; that change of the page is the rule's purpose.

    ## Options
    None.

    ## Known problems
    A marker indented four spaces or more (inside a list item) is not looked at. On Jekyll sites
    whose kramdown reads its own input (`input: kramdown`), a heading needs no space after its
    `#`s: only list markers are reported there.
    """

    code = "ENC010"
    name = "no-break-space-after-marker"
    summary = "A no-break space after a list marker or heading '#' makes the line plain text."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if "\u00a0" not in doc.text:
            return
        # kramdown's own input (not its default GFM one) takes a heading with no space after the '#'s.
        headings = not (ctx.site.model.renderer == "kramdown" and ctx.site.model.heading_ids == "kramdown")
        for match in _MARKER_NBSP.finditer(doc.body.without_code, doc.body_start):
            at = match.start(1)
            if not headings and doc.text[at - 1] == "#":
                continue
            yield Violation("a no-break space (U+00A0) after a list marker or heading '#': the line is plain text on "
                            "the page; use an ordinary space", doc.span(at, at + 1),
                            Fix((Edit(at, at + 1, " "),), description="replace with an ordinary space"))
