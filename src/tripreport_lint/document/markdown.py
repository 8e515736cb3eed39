"""The Markdown parser every module shares, built once per process (a leaf: it imports nothing of ours)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=2)
def markdown_parser(*, block_only: bool) -> MarkdownIt:
    """The CommonMark parser (with GFM tables and strikethrough), built once per process."""
    from markdown_it import MarkdownIt  # noqa: PLC0415 - heavy, loaded only by body rules

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return parser.disable("inline") if block_only else parser


def inline_tokens(source: str) -> list[Token]:
    """The inline tokens of a snippet of Markdown, such as a heading's text."""
    parsed = markdown_parser(block_only=False).parseInline(source)
    return parsed[0].children or [] if parsed else []
