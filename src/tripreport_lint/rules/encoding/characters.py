"""ENC004-ENC005: control characters, and invisible ones (zero-width, stray no-break spaces)."""

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
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]+|^\u00a0+|\u00a0+$", re.M)
_NAMES = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "zero-width no-break space",
          "\u00a0": "no-break space"}


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
    Reports zero-width spaces, word joiners and stray zero-width no-break spaces anywhere, and
    no-break spaces at the start or end of a line.

    ## Why is this bad?
    They are invisible but break search, links, copy-paste of commands and word counts; they
    come from copying out of web pages and chat tools.

    ## Example
    `Run kubectl apply` where a zero-width space (U+200B) hides after `kubectl`.

    ## Use instead
    The same line without it.

    ## Fix safety
    Safe for the zero-width characters, which are removed. No-break spaces at a line edge are
    replaced by ordinary spaces only with `--unsafe-fixes`: someone may have used them to indent.

    ## Options
    None.

    ## Known problems
    Zero-width joiners and non-joiners are left alone: emoji and several scripts need them.
    """

    code = "ENC005"
    name = "invisible-character"
    summary = "An invisible character (zero-width or stray no-break space)."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if not any(char in doc.text for char in _NAMES):
            return  # the common case, answered by substring searches in C
        start = 1 if doc.text.startswith("\ufeff") else 0
        for match in _INVISIBLE.finditer(doc.text, start):
            char = match.group()[0]
            if char == "\u00a0":
                # A no-break space at a line edge may be someone's indentation: replacing it moves text.
                fix = Fix((Edit(match.start(), match.end(), " " * len(match.group())),), Applicability.UNSAFE,
                          "replace with ordinary spaces")
                advice = "replace it with an ordinary space or remove it"
            else:
                fix = Fix((Edit(match.start(), match.end()),), description="remove it")
                advice = "remove it"
            yield Violation(f"invisible {_NAMES[char]} (U+{ord(char):04X}): {advice}",
                            doc.span(match.start(), match.end()), fix)
