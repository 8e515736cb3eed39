"""Our own directive comments: ``<!-- tripreport-lint-disable[-next-line|-file] [CODES] -->`` and ``-enable``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_COMMENT = re.compile(r"<!--\s*tripreport-lint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
_WORD = re.compile(r"[^\s,]+")


class Directive(NamedTuple):
    """One directive comment: its kind, where it stands, and the words naming rules, each with its offsets."""

    kind: str  # disable-next-line, disable-file, disable or enable
    start: int
    end: int
    words: tuple[tuple[str, int, int], ...]  # (word, start, end); none: every rule


def directives(text: str) -> Iterator[Directive]:
    """The directive comments of a text, in order."""
    for match in _COMMENT.finditer(text):
        at = match.start(2)
        words = tuple((word.group(), at + word.start(), at + word.end()) for word in _WORD.finditer(match.group(2)))
        yield Directive(match.group(1), match.start(), match.end(), words)
