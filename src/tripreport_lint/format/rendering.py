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


@lru_cache(maxsize=2)
def _parser(typographer: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - heavy, only normalisation needs it

    parser = MarkdownIt("commonmark", {"typographer": typographer}).enable(["table", "strikethrough"])
    return parser.enable(["replacements", "smartquotes"]) if typographer else parser


def render(text: str, rendering: Rendering) -> str:
    """The HTML of a body, with the typographer's dashes, ellipses and curly quotes when the site has them."""
    return str(_parser(rendering.typographer).render(text))


def blocks(text: str) -> list[Token]:
    """The block tokens of a body (no inline parsing)."""
    from tripreport_lint.document.markdown import markdown_parser  # noqa: PLC0415

    return markdown_parser(block_only=True).parse(text)
