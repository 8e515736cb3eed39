"""Inline suppression comments: ``<!-- tripreport-lint-disable[-next-line|-file] [CODES] -->`` and ``-enable``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tripreport_lint.document.directives import directives
from tripreport_lint.document.lines import LineIndex

ALL = "*"


@dataclass
class Suppressions:
    """Which codes are off on which lines; ``*`` stands for every code."""

    file_codes: set[str] = field(default_factory=set)
    line_codes: dict[int, set[str]] = field(default_factory=dict)
    # (code, first line, last line or None for end of file)
    ranges: list[tuple[str, int, int | None]] = field(default_factory=list)

    def suppresses(self, code: str, line: int) -> bool:
        def hit(codes: Iterable[str]) -> bool:
            return code in codes or ALL in codes

        if hit(self.file_codes) or hit(self.line_codes.get(line, ())):
            return True
        return any(c in (code, ALL) and first <= line and (last is None or line <= last)
                   for c, first, last in self.ranges)


def parse(text: str, lines: LineIndex, to_codes: Callable[[str], list[str]]) -> Suppressions:
    """Read the suppression comments of a text; ``to_codes`` maps a code, prefix or name to codes."""
    result = Suppressions()
    open_ranges: dict[str, int] = {}
    for directive in directives(text):
        kind = directive.kind
        codes = {code for word, _, _ in directive.words for code in to_codes(word)} if directive.words else {ALL}
        line = lines.position(directive.start)[0]
        if kind == "disable-file":
            result.file_codes |= codes
        elif kind == "disable-next-line":
            result.line_codes.setdefault(lines.position(directive.end)[0] + 1, set()).update(codes)
        elif kind == "disable":
            for code in codes:
                open_ranges.setdefault(code, line)
        else:
            closing = set(open_ranges) if ALL in codes else codes
            for code in closing:
                if code in open_ranges:
                    result.ranges.append((code, open_ranges.pop(code), line))
    result.ranges += [(code, first, None) for code, first in open_ranges.items()]
    return result
