"""Find spans that open and close (comments, template tags, code spans) in linear time.

A regex such as ``<!--.*?-->`` rescans the rest of the text from every opener that is never
closed: ten thousand unclosed ``<!--`` take minutes. These scans search each stretch of text for
a closer once, however many openers precede it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator

Span = tuple[int, int]


class NextMatch:
    """The first match of a pattern at or after a position, for positions asked in increasing order."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self._from: int | None = None  # where the last search started
        self._found: re.Match[str] | None = None

    def at_or_after(self, position: int) -> re.Match[str] | None:
        stale = self._found is not None and self._found.start() < position
        if self._from is None or position < self._from or stale:
            self._found = self.pattern.search(self.text, position)
            self._from = position
        return self._found


def paired(text: str, opener: re.Pattern[str], closer: re.Pattern[str], start: int = 0) -> list[Span]:
    """Spans from each opener to the first closer after it, left to right, not overlapping."""
    found: list[Span] = []
    closers = NextMatch(closer, text)
    at = start
    while (opened := opener.search(text, at)) is not None:
        closed = closers.at_or_after(opened.end())
        if closed is None:
            break  # no closer after this opener, so none after any later one
        found.append((opened.start(), closed.end()))
        at = closed.end()
    return found


_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")


def code_spans(text: str, start: int = 0) -> list[Span]:
    """Inline code spans: a run of backticks to the next run of the same length in the same paragraph."""
    runs = []
    at = text.find("`", start)  # found by a search for one character, faster than the regex engine's scan
    while at != -1:
        end = _TICKS.match(text, at).end()  # type: ignore[union-attr]
        runs.append((at, end))
        at = text.find("`", end)
    by_length: dict[int, list[int]] = defaultdict(list)  # run length -> indexes into runs
    for index, (first, last) in enumerate(runs):
        by_length[last - first].append(index)
    breaks = NextMatch(_BLANK_LINE, text)  # blank lines looked for only after the runs, in order
    found: list[Span] = []
    index = 0
    while index < len(runs):
        first, last = runs[index]
        same = by_length[last - first]
        following = bisect.bisect_right(same, index)
        if following < len(same):
            close_first, close_last = runs[same[following]]
            blank = breaks.at_or_after(last)
            if blank is None or blank.start() >= close_first:
                found.append((first, close_last))
                index = same[following] + 1
                continue
        index += 1
    return found


def line_matches(pattern: re.Pattern[str], text: str, needle: str, start: int = 0) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start)`` for a pattern that matches only at the start of a line (``^`` with
    ``re.M``) and holds ``needle`` on that line: tried only at the lines holding it, found in C (the regex
    engine tries a line-start pattern at every character)."""
    resume = start  # a line that starts before the end of the last match is not tried again, as finditer does
    at = text.find(needle, start)
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        if line >= resume and (found := pattern.match(text, line)) is not None:
            yield found
            resume = found.end()
        line_end = text.find("\n", at)
        if line_end == -1:
            return
        at = text.find(needle, max(line_end + 1, resume))
