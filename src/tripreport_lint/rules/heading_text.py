"""Headings as the heading rules compare and report them."""

from __future__ import annotations

import unicodedata

from tripreport_lint.document.body import Heading
from tripreport_lint.document.document import Document


def normalized(text: str) -> str:
    """Text compared without case, punctuation or extra whitespace."""
    kept = "".join(c if not unicodedata.category(c).startswith(("P", "S")) else " " for c in text.casefold())
    return " ".join(kept.split())


def heading_span(doc: Document, heading: Heading) -> tuple[int, int]:
    """Where a heading stands, less the indentation before its marker."""
    start = heading.start + len(doc.text[heading.start : heading.end]) - len(doc.text[heading.start : heading.end].lstrip())
    return start, heading.end
