"""How the site reads Markdown, as far as the normalisation guard needs to know it; and rendering with
markdown-it configured that way."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Rendering:
    """The settings of the site's renderer that mdformat's rewrites can run into."""

    typographer: bool = False  # `--` is a dash, "quotes" curly: an escape added or removed shows
    block_attributes: bool = False  # a `{.class}` line right after a block belongs to that block
    linkify: bool = False  # bare URLs and email addresses become links
    hard_wraps: bool = False  # a line break inside a paragraph is a <br>, not a space
    templates: tuple[str, ...] = ()  # how the tags open that the generator replaces with their output


@lru_cache(maxsize=4)
def _parser(typographer: bool, hard_wraps: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - heavy, only normalisation needs it

    parser = MarkdownIt("commonmark", {"typographer": typographer, "breaks": hard_wraps})
    parser.enable(["table", "strikethrough"])
    return parser.enable(["replacements", "smartquotes"]) if typographer else parser


def render(text: str, rendering: Rendering) -> str:
    """The HTML of a body, with the typographer's dashes, ellipses and curly quotes when the site has them,
    and a ``<br>`` for each line break inside a paragraph when it has hard wraps."""
    return str(_parser(rendering.typographer, rendering.hard_wraps).render(text))


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415

    # markdown-it stops reading blocks nested deeper than `maxNesting` (20: ten lists); mdformat then loses
    # their text. Reading deeper shows how deep a body nests; there is no recursion to fear below 100.
    return MarkdownIt("commonmark", {"maxNesting": 100}).enable(["table"]).disable("inline")


def blocks(text: str) -> list[Token]:
    """The block tokens of a body (no inline parsing)."""
    return _block_parser().parse(text)
