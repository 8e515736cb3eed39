"""MKP001: spaces inside emphasis markers (`** bold **`), which make the page show the markers as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.document.markdown import inline_tokens
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context


def _pair(marker: str) -> re.Pattern[str]:
    """A run of one to three ``marker``s, text on one line without that marker, and the same run again; the
    opening run not inside a word or escaped, the closing one not glued to another marker."""
    m = re.escape(marker)
    return re.compile(
        rf"(?P<run>{m}(?<![\\\w*_]{m}){m}{{0,2}})(?!{m})(?P<lead>[ \t]*)(?P<body>[^\s{m}](?:[^{m}\n]*?[^\s{m}\\])?)"
        rf"(?P<trail>[ \t]*)(?<![*_\\])(?P=run)(?![*_])")


_PAIRS = (_pair("*"), _pair("_"))
_WORD = re.compile(r"[^\W\d_]{2}")
# What may stand glued to the inner side of a marker in emphasis the author meant.
_GLUED_START = re.compile(r"[\w\[(`\"'“‘]")
_GLUED_END = re.compile(r"[\w\])`\"'”’.:!?]")
_LIST_ITEM = re.compile(r"[ \t>]*$")


class _Pair(NamedTuple):
    """Two runs of markers, read in the file's text (the prose the pair was found in blanks code and tags)."""

    run: str
    start: int  # of the opening run
    lead: tuple[int, int]  # the spaces after it
    trail: tuple[int, int]  # the spaces before the closing run
    end: int  # of the closing run

    @classmethod
    def of(cls, found: re.Match[str], text: str) -> _Pair:
        opened, closing = found.end("run"), found.start("trail") + len(found["trail"])
        lead_end = opened + len(text[opened:closing]) - len(text[opened:closing].lstrip(" \t"))
        trail_start = max(lead_end, closing - len(text[opened:closing]) + len(text[opened:closing].rstrip(" \t")))
        return cls(found["run"], found.start(), (opened, lead_end), (trail_start, closing), found.end())

    def body(self, text: str) -> str:
        return text[self.lead[1] : self.trail[0]]

    def edits(self, text: str) -> list[Edit]:
        """Remove the spaces inside the markers; a word glued to the closing run gets one after it."""
        edits = [Edit(*self.lead), Edit(*self.trail)]
        if self.trail[0] < self.trail[1] and text[self.end : self.end + 1].isalnum():
            edits.append(Edit(self.end, self.end, " "))
        return [edit for edit in edits if edit.start != edit.end or edit.content]


def _literal(pair: _Pair, text: str) -> tuple[bool, bool]:
    """Whether a pair of runs with spaces inside is emphasis the author meant that the page shows as text,
    and whether removing the spaces is the one reading of it."""
    run, body, after = pair.run, pair.body(text), text[pair.end : pair.end + 1]
    lead, trail = pair.lead[0] < pair.lead[1], pair.trail[0] < pair.trail[1]
    if not (lead or trail) or not _WORD.search(body) or "$" in body:
        return False, False
    if not lead and not _GLUED_START.match(body) or not trail and not _GLUED_END.match(body[-1]):
        return False, False  # `*.md and *`: a glob, not emphasis
    if after.isalnum() and (lead or not trail):
        return False, False  # `** to glob and **recursive`
    if lead and trail and len(run) == 1:
        # `a * b * c` is arithmetic; `_ one _ two` may be bullets run together.
        return run == "_", False
    if run == "*" and lead and _LIST_ITEM.match(text, text.rfind("\n", 0, pair.start) + 1, pair.start):
        return False, False  # `* item *`: a list item
    return True, True


_CONTEXT = 120


def _space_after(text: str, at: int) -> int:
    found = text.find(" ", at)
    return len(text) if found < 0 else found


def _emphasis(line: str) -> int:
    return sum(token.type in ("em_open", "strong_open") for token in inline_tokens(line))


def _makes_emphasis(text: str, edits: list[Edit], start: int, end: int, run: str) -> bool:
    """Whether the line from ``start`` to ``end`` has the run's emphasis more with the edits made (one, two for
    `***`): the runs are literal now, and not the closing run of one emphasis and the opening run of the next
    (`**A.** and **B**`)."""
    fixed = text[start:end]
    for edit in reversed(edits):
        fixed = fixed[: edit.start - start] + edit.content + fixed[edit.end - start :]
    return _emphasis(fixed) == _emphasis(text[start:end]) + (2 if len(run) == 3 else 1)


class SpacedEmphasis(Rule):
    """## What it does
    Reports emphasis markers with spaces inside them (`** bold **`, `**Note: **`, `_ aside _`) in
    prose, headings and tables, outside code, HTML, math, shortcodes and Liquid. CommonMark (Hugo's
    Goldmark) and kramdown both read a `*` or `_` as emphasis only when it touches the text it
    marks. Markers on one line are looked at; a single `*` with spaces on both sides (`a * b * c`)
    is arithmetic and is not reported.

    ## Why is this bad?
    The text is not bold or italic: the page shows the asterisks or underscores around it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    This is ** important ** to know.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    This is **important** to know.
    ```

    ## Fix safety
    Safe: the spaces inside the markers go (a space a word needs moves outside them), and the text
    becomes the emphasis the author wrote; that change of the page is the rule's purpose. No fix for
    a single `_` with spaces on both sides (`_ one _ two`): it may be list items run together.

    ## Options
    None.

    ## Known problems
    Markers across a line break are not looked at.
    """

    code = "MKP001"
    name = "spaced-emphasis"
    summary = "Spaces inside emphasis markers ('** bold **') make the page show the markers as text."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if not any(map(doc.body_holds, ("* ", " *", "_ ", " _"))):
            return
        prose, text, lines = doc.body.prose, doc.text, doc.lines
        for pattern in _PAIRS:
            for found in pattern.finditer(prose, doc.body_start):
                pair = _Pair.of(found, text)
                literal, fixable = _literal(pair, text)
                if not literal:
                    continue
                # The line around the pair, at most _CONTEXT characters each side (a long line costs no more).
                start = max(text.rfind("\n", 0, pair.start) + 1, text.rfind(" ", 0, max(pair.start - _CONTEXT, 0)) + 1)
                end = min(lines.line_end(lines.position(pair.end)[0]), _space_after(text, pair.end + _CONTEXT))
                edits = pair.edits(text)
                if not _makes_emphasis(text, edits, start, end, pair.run):
                    continue
                run, body = pair.run, pair.body(text)
                meant = f"{run}{body if len(body) <= 40 else body[:40].rsplit(' ', 1)[0] + '…'}{run}"
                fix = Fix(tuple(edits), description="remove the spaces inside the markers") if fixable else None
                advice = f"write '{meant}'" if fixable else f"write '{meant}' for emphasis, or remove the '{run}'s"
                yield Violation(f"spaces inside '{run}': the page shows the '{run}'s as text; {advice}",
                                doc.span(pair.start, pair.end), fix)
