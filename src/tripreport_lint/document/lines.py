"""Map character offsets of a text to 1-based lines and columns, and back."""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NEXT = (1).__add__


class LineIndex:
    """Line starts of a text; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # the common case, in C: each line's length and its break, added up
            self.starts = list(accumulate(map(_NEXT, map(len, text.split("\n")[:-1])), initial=0))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Character offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_end(self, line: int) -> int:
        """Offset of the end of a 1-based line, before its line break (constant time: rules ask per finding)."""
        line = max(1, min(line, len(self.starts)))
        if line == len(self.starts):
            return len(self.text)
        end = self.starts[line]
        return end - 2 if self.text.startswith("\r\n", end - 2) else end - 1


def detect_newline(text: str) -> str:
    """The first line break of the text, ``\\n`` when it has none."""
    match = _LINE_BREAK.search(text)
    return match.group() if match else "\n"
