"""ENC001, ENC003: a file that is not UTF-8, and one that starts with a byte order mark."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import (
    Severity,
    Span,
    Violation,
)
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context


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


class ByteOrderMark(Rule):
    """## What it does
    Reports a UTF-8 byte order mark at the start of the file.

    ## Why is this bad?
    UTF-8 needs no byte order mark; some tools (older Jekyll versions, shell scripts, `cat`-ing
    files together) treat it as text, so the front matter delimiter is no longer the first line.

    ## Example
    A file saved by an editor set to "UTF-8 with BOM".

    ## Use instead
    The same file saved as plain UTF-8.

    ## Fix safety
    No fix: tripreport-lint keeps each file's encoding as it found it.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "ENC003"
    name = "byte-order-mark"
    summary = "The file starts with a UTF-8 byte order mark."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if doc.bom:
            yield Violation("the file starts with a byte order mark: save it as UTF-8 without BOM", doc.span(0, 0))
