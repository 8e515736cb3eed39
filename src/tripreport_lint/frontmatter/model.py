"""Front matter as parsed: where each value stands, the data, and why parsing failed (a leaf module)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

PathKey = str | int
KeyPath = tuple[PathKey, ...]
Format = Literal["yaml", "toml", "json"]
# What a reader gives: the data, the node of every key path, and the duplicated keys.
Parsed = tuple[Any, dict[KeyPath, "Node"], list[tuple[KeyPath, "Node", "Node"]]]


class FrontMatterSyntaxError(Exception):
    """A parse error at a character offset of the front matter content."""

    def __init__(self, message: str, offset: int, context: str | None = None, context_offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        # What the parser was reading when it failed, e.g. "while parsing a flow sequence", and where that began.
        self.context = context
        self.context_offset = context_offset


class Node(NamedTuple):
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
    start: int = 0  # where its opening delimiter stands: after blank lines or spaces, which Hugo alone reads past

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
