"""Headings as the heading rules compare and report them."""

from __future__ import annotations

import string
import unicodedata

from tripreport_lint.document.body import Heading
from tripreport_lint.document.document import Document

# ASCII's punctuation and symbols (Unicode categories P and S) as spaces: most headings are ASCII, and a
# translation table does in C what a look at each character's category does in Python.
_ASCII_MARKS = str.maketrans(string.punctuation, " " * len(string.punctuation))


def normalized(text: str) -> str:
    """Text compared without case, punctuation or extra whitespace."""
    folded = text.casefold()
    if folded.isascii():
        kept = folded.translate(_ASCII_MARKS)
    else:
        kept = "".join(c if not unicodedata.category(c).startswith(("P", "S")) else " " for c in folded)
    return " ".join(kept.split())


def heading_span(doc: Document, heading: Heading) -> tuple[int, int]:
    """Where a heading stands, less the indentation before its marker."""
    start = heading.start + len(doc.text[heading.start : heading.end]) - len(doc.text[heading.start : heading.end].lstrip())
    return start, heading.end
