"""Split front matter (YAML ``---``, TOML ``+++``, JSON ``{}``) off a post and parse it with positions.

python-frontmatter's handlers split on the same delimiters but drop the offsets that every
diagnostic needs, so the split is done here and parsing goes to PyYAML, tomllib and json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, Union

PathKey = Union[str, int]
KeyPath = tuple[PathKey, ...]
Format = Literal["yaml", "toml", "json"]

_OPENERS: tuple[tuple[re.Pattern[str], re.Pattern[str], Format], ...] = (
    (re.compile(r"---[ \t]*(?:\r\n|\r|\n)"), re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)"), "yaml"),
    (re.compile(r"\+\+\+[ \t]*(?:\r\n|\r|\n)"), re.compile(r"(?<=[\r\n])\+\+\+[ \t]*(?=[\r\n]|\Z)"), "toml"),
    (re.compile(r"(?=\{[ \t]*(?:\r\n|\r|\n))"), re.compile(r"(?<=[\r\n])\}[ \t]*(?=[\r\n]|\Z)"), "json"),
)
_LINE_END = re.compile(r"\r\n|\r|\n|$")


class FrontMatterSyntaxError(Exception):
    """A parse error at a character offset of the front matter content."""

    def __init__(self, message: str, offset: int, context: str | None = None, context_offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        # What the parser was reading when it failed, e.g. "while parsing a flow sequence", and where that began.
        self.context = context
        self.context_offset = context_offset


@dataclass(frozen=True)
class Node:
    """Where one value (and the key naming it) stands, as offsets into the front matter content."""

    start: int
    end: int
    kind: Literal["scalar", "sequence", "mapping"]
    key_start: int | None = None
    key_end: int | None = None
    # The quote of a quoted scalar, "[" for a flow list, "{" for a flow mapping; None when plain or block.
    style: str | None = None
    # YAML only: the scalar was plain and so typed by YAML's implicit rules.
    plain: bool = False


@dataclass
class FrontMatter:
    """The front matter block at the top of a document; offsets are into the document text."""

    format: Format
    content_start: int
    content_end: int
    end: int
    terminated: bool
    content: str
    data: Any = None
    error: FrontMatterSyntaxError | None = None
    nodes: dict[KeyPath, Node] = field(default_factory=dict)
    duplicates: list[tuple[KeyPath, Node, Node]] = field(default_factory=list)

    @property
    def mapping(self) -> dict[str, Any] | None:
        """The parsed data when it is a mapping, else None."""
        return self.data if isinstance(self.data, dict) else None

    def node(self, path: KeyPath) -> Node | None:
        return self.nodes.get(path)

    def absolute(self, offset: int) -> int:
        """A document offset from an offset into the front matter content."""
        return self.content_start + offset

    def source(self, node: Node) -> str:
        return self.content[node.start : node.end]


def split(text: str) -> FrontMatter | None:
    """Find the front matter block at the very top of ``text``; None when there is none."""
    for opener, closer, fmt in _OPENERS:
        opened = opener.match(text)
        if not opened:
            continue
        content_start = opened.end()
        closed = closer.search(text, content_start)
        if fmt == "json":
            if not closed:
                return _unterminated(text, fmt, content_start)
            content_end = closed.start() + 1
            end = _after_line(text, closed.end())
            return FrontMatter(fmt, 0, content_end, end, True, text[:content_end])
        if not closed:
            return _unterminated(text, fmt, content_start)
        end = _after_line(text, closed.end())
        content = text[content_start : closed.start()]
        return FrontMatter(fmt, content_start, closed.start(), end, True, content)
    return None


def _unterminated(text: str, fmt: Format, content_start: int) -> FrontMatter:
    return FrontMatter(fmt, content_start, len(text), len(text), False, text[content_start:])


def _after_line(text: str, offset: int) -> int:
    match = _LINE_END.search(text, offset)
    assert match is not None
    return match.end()


def parse(front_matter: FrontMatter) -> None:
    """Parse the content of a terminated block in place, recording data, nodes or the error."""
    if not front_matter.terminated:
        return
    from tripreport_lint.frontmatter import toml_reader as toml_source  # noqa: PLC0415 - parsers load on first use
    from tripreport_lint.frontmatter import yaml_reader as yaml_source  # noqa: PLC0415 - parsers load on first use

    parsers = {"yaml": yaml_source.parse, "toml": toml_source.parse, "json": yaml_source.parse_json}
    try:
        data, nodes, duplicates = parsers[front_matter.format](front_matter.content)
    except FrontMatterSyntaxError as error:
        front_matter.error = error
        return
    front_matter.data, front_matter.nodes, front_matter.duplicates = data, nodes, duplicates
