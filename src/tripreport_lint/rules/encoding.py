"""Rules on how the file is encoded."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..diagnostics import Span, Violation
from ..document import Document
from .base import Rule


class InvalidUtf8(Rule):
    """## What it does
    Reports a file that is not valid UTF-8, at the first bad byte.

    ## Why is this bad?
    Hugo and Jekyll read posts as UTF-8; other bytes show up as replacement characters or
    stop the build. Nothing else in the file is checked until it decodes.

    ## Example
    A post saved as Latin-1 by an old editor, where `é` is the single byte `0xE9`.

    ## Use instead
    The same post saved as UTF-8.

    ## Fix safety
    No fix: the original encoding is a guess.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "ENC001"
    name = "invalid-utf8"
    summary = "The file is not valid UTF-8."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        error = doc.decode_error
        if error is None:
            return
        byte = doc.raw[error.offset]
        yield Violation(
            f"byte 0x{byte:02X} at offset {error.offset} is not valid UTF-8 ({error.reason}): "
            "save the file as UTF-8",
            Span(error.line, error.column, error.line, error.column + 1),
        )
