"""``--output-format full``: each finding with its code and name, the source line, a marker under the
columns it covers, and the fix it would apply as a one-line diff (as ruff's ``full`` format shows them)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from tripreport_lint.diagnostics import Diagnostic, Span
from tripreport_lint.reporters.base import RunSummary
from tripreport_lint.reporters.text import TextReporter


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...]:
    """The lines of a file as the linter read it (UTF-8, a BOM dropped); empty when it cannot be read."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return ()
    return tuple(text.splitlines())


class FullReporter(TextReporter):
    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        if self.statistics:
            super().report(diagnostics, summary)
            return
        _lines.cache_clear()  # read files as they are now, after --fix wrote them
        for d in diagnostics:
            self.stream.write(self._finding(d) + "\n")
        if not self.quiet:
            self.stream.write(self.summary_line(diagnostics, summary) + "\n")

    def _finding(self, d: Diagnostic) -> str:
        mark = " [*]" if d.fixable else ""
        head = f"{d.path}:{d.span.line}:{d.span.column}: {d.code} {d.name}{mark} {d.message}"
        lines = _lines(d.path)
        if not 0 < d.span.line <= len(lines):
            return head
        source = lines[d.span.line - 1]
        number = str(d.span.line)
        gutter = " " * len(number)
        end = d.span.end_column if d.span.end_line == d.span.line else len(source) + 1
        first, last = _window(source, d.span.column - 1, end - 1)
        shown = _cut(source, first, last)
        lead = _width(shown[: d.span.column - 1 - first + (1 if first else 0)])
        marker = " " * lead + "^" * max(1, _width(source[d.span.column - 1 : min(end - 1, last)]))
        parts = [head, f"{gutter} |", f"{number} | {shown.expandtabs(4)}", f"{gutter} | {marker}"]
        if d.fix is not None:
            parts += [f"{gutter} = fix ({d.fix.applicability.value}): {d.fix.description}", *self._diff(d, lines)]
        return "\n".join(parts) + "\n"

    @staticmethod
    def _diff(d: Diagnostic, lines: tuple[str, ...]) -> list[str]:
        """``- old`` / ``+ new`` for a fix whose edits all stand on one line, ``- old`` for each line of one that
        deletes whole lines (a heading and the blank line after it); nothing for others."""
        if d.fix is None or not d.edit_spans:
            return []
        if not any(e.content for e in d.fix.edits) and \
                all(s.column == 1 and s.end_column == 1 and s.end_line > s.line for s in d.edit_spans):
            removed = sorted({n for s in d.edit_spans for n in range(s.line, s.end_line)})
            if removed[-1] > len(lines) or len(removed) > MAX_REMOVED:
                return []
            return [f"  - {_cut(lines[n - 1], *_window(lines[n - 1], 0, 0)).expandtabs(4)}".rstrip() for n in removed]
        if len({s.line for s in d.edit_spans} | {s.end_line for s in d.edit_spans}) != 1:
            return []
        line = d.edit_spans[0].line
        if not 0 < line <= len(lines):
            return []
        old = new = lines[line - 1]
        pairs: list[tuple[Span, str]] = sorted(zip(d.edit_spans, (e.content for e in d.fix.edits), strict=True),
                                               key=lambda pair: pair[0].column, reverse=True)
        for span, content in pairs:
            if "\n" in content or "\r" in content:
                return []
            new = new[: span.column - 1] + content + new[span.end_column - 1 :]
        first, last = _window(old, pairs[-1][0].column - 1, pairs[0][0].end_column - 1)
        grown = len(new) - len(old)
        return [f"  - {_cut(old, first, last).expandtabs(4)}", f"  + {_cut(new, first, last + grown).expandtabs(4)}"]


def _width(text: str) -> int:
    return len(text.expandtabs(4))


MAX_REMOVED = 5  # lines a fix deletes that are shown; a longer block goes by its fix's description
ROOM = 40  # characters shown on each side of a finding in a line too long to show whole
LONG = 120


def _window(line: str, start: int, end: int) -> tuple[int, int]:
    """The part of a line to show around the characters start:end: all of a short line, else ROOM
    characters on each side."""
    if len(line) <= LONG:
        return 0, len(line)
    return max(0, start - ROOM), min(len(line), end + ROOM)


def _cut(line: str, first: int, last: int) -> str:
    """line[first:last], with an ellipsis where it was cut."""
    return ("…" if first > 0 else "") + line[first:last] + ("…" if last < len(line) else "")
