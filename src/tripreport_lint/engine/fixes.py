"""Apply fixes: non-overlapping edits in one pass, repeated until the text is stable (bounded)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tripreport_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from tripreport_lint.document.document import Document

MAX_PASSES = 10


class FixesDoNotConverge(Exception):
    """The text kept changing for MAX_PASSES passes; the codes are the rules still fixing."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        # An insertion conflicts with an edit whose range holds or touches its point.
        return max(a.start, b.start) <= min(a.end, b.end)
    return max(a.start, b.start) < min(a.end, b.end)


def _meets_taken(edit: Edit, taken: list[Edit]) -> bool:
    """Whether an edit overlaps one already taken: only those starting at or before its end can, and of
    those only the last few, back to the first that ends before it starts (a lookup, not a scan: a file
    with 100,000 fixes took minutes)."""
    at = bisect.bisect_right(taken, edit.end, key=lambda other: other.start) - 1
    while at >= 0 and taken[at].end >= edit.start:
        if _overlaps(edit, taken[at]):
            return True
        at -= 1
    return False


def apply(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """The text with every fix applied whose edits overlap no earlier fix's; and how many were."""
    taken: list[Edit] = []  # in order, and apart: their ends rise with their starts (a fix's own edits never overlap)
    applied = 0
    for fix in sorted(fixes, key=lambda f: min(f.edits)):
        if any(_meets_taken(edit, taken) for edit in fix.edits):
            continue
        for edit in fix.edits:
            bisect.insort(taken, edit)
        applied += 1
    parts, cursor = [], 0
    for edit in taken:
        parts += [text[cursor : edit.start], edit.content]
        cursor = edit.end
    return "".join(parts) + text[cursor:], applied


@dataclass
class FixOutcome:
    document: Document
    remaining: list[Diagnostic]
    fixed: int
    found: list[Diagnostic]  # the findings of the text before any fix


def fix_until_stable(
    doc: Document, lint: Callable[[Document], list[Diagnostic]], *, unsafe: bool = False
) -> FixOutcome:
    """Lint, apply the applicable fixes, and repeat until nothing more changes."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    fixed = 0
    found = diagnostics = lint(doc)
    for _ in range(MAX_PASSES):
        fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]
        new_text, count = apply(doc.text, fixes) if fixes else (doc.text, 0)
        if new_text == doc.text:
            return FixOutcome(doc, diagnostics, fixed, found)
        fixed += count
        doc = Document(doc.path, doc.display_path, doc.encode(new_text))
        diagnostics = lint(doc)
    raise FixesDoNotConverge(sorted({d.code for d in diagnostics if d.fix is not None}))
