"""The Document every rule reads: decoded text, newline style, front matter and body tokens."""

from __future__ import annotations

import bisect
import codecs
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tripreport_lint.diagnostics import Span
from tripreport_lint.document.body import Body
from tripreport_lint.document.lines import LineIndex, detect_newline
from tripreport_lint.document.markdown import markdown_parser
from tripreport_lint.frontmatter import split as frontmatter
from tripreport_lint.frontmatter.model import FrontMatter

if TYPE_CHECKING:
    from markdown_it.token import Token


NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_BREAKS = re.compile(r"[^\r\n]+")  # a line at a time, not a character


class DecodeError(NamedTuple):
    """The first byte that is not UTF-8, with where it stands."""

    offset: int
    line: int
    column: int
    reason: str


class Document:
    """One file, read once and decoded; every rule reads this same object."""

    def __init__(self, path: Path, display_path: str, raw: bytes) -> None:
        self.path = path
        self.display_path = display_path
        self.raw = raw
        self.bom = raw.startswith(codecs.BOM_UTF8)
        self.decode_error: DecodeError | None = None
        try:
            self.text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.decode_error = _decode_error(raw, error)
            self.text = raw.decode("utf-8-sig", errors="replace")
        self.newline = detect_newline(self.text)
        self.lines = LineIndex(self.text)
        # What rules derive from this text and share with each other, by name (e.g. its words).
        self.derived: dict[str, object] = {}
        self.front_matter: FrontMatter | None = None
        if self.decode_error is None:
            self.front_matter = frontmatter.split(self.text)
            if self.front_matter is not None:
                frontmatter.parse(self.front_matter)

    @classmethod
    def from_text(cls, text: str, path: Path | str = "post.md") -> Document:
        """A document from text, as it would be read from a UTF-8 file."""
        return cls(Path(path), str(path), text.encode("utf-8"))

    def encode(self, text: str) -> bytes:
        """Bytes for new text in this file's encoding (keeping its BOM)."""
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def span(self, start: int, end: int | None = None) -> Span:
        """The line/column span of text[start:end] (a point when end is None)."""
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(start if end is None else end)
        return Span(line, column, end_line, end_column)

    def utf8_span(self, span: Span) -> Span:
        """The same span with columns counted in UTF-8 bytes instead of characters."""
        offsets, extra = self._wide_characters

        def column(line: int, column: int) -> int:
            start = self.lines.offset(line)
            first, last = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, start + column - 1)
            return column + extra[last] - extra[first]

        return Span(span.line, column(span.line, span.column), span.end_line, column(span.end_line, span.end_column))

    @cached_property
    def _wide_characters(self) -> tuple[list[int], list[int]]:
        """Offsets of the non-ASCII characters, and the UTF-8 bytes beyond one per character before each
        (so a span's byte columns cost a lookup, not an encoding of its line)."""
        offsets, extra, total = [], [0], 0
        for match in NON_ASCII.finditer(self.text):
            offsets.append(match.start())
            total += len(match.group().encode("utf-8", "surrogatepass")) - 1
            extra.append(total)
        return offsets, extra

    @property
    def body_start(self) -> int:
        return self.front_matter.end if self.front_matter else 0

    @property
    def body_text(self) -> str:
        """The text with the front matter blanked out, so body line numbers are file line numbers (made
        for the parse, not kept: a copy of a 300 KB post is 1.2 MB when one character needs four bytes)."""
        start = self.body_start
        blank = _NOT_BREAKS.sub("", self.text[:start])
        return blank + self.text[start:]

    def body_holds(self, needle: str) -> bool:
        """Whether the body holds ``needle`` (a text without line breaks): searched in place, with no copy."""
        return self.text.find(needle, self.body_start) >= 0

    @cached_property
    def tokens(self) -> list[Token]:
        """markdown-it block tokens of the body; their ``map`` lines are 0-based file lines.

        Inline parsing is skipped (it is most of markdown-it's time and the rules find inline
        syntax in the source, where positions are); ``inline_tokens`` parses one snippet on demand.
        """
        return markdown_parser(block_only=True).parse(self.body_text)

    @cached_property
    def body(self) -> Body:
        """Offsets of code, HTML, headings and definitions in the body."""
        return Body(self.text, self.lines, self.tokens, self.body_start)


def _decode_error(raw: bytes, error: UnicodeDecodeError) -> DecodeError:
    offset = error.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
    before = raw[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return DecodeError(offset, line, column, error.reason)
