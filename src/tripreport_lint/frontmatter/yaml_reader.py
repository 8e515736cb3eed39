"""Read YAML front matter with PyYAML, keeping node positions.

Unquoted timestamps stay the text the author wrote: the timestamp resolver is removed, so a
valid date never fails a ``string`` schema and an impossible one never crashes the constructor.
"""

from __future__ import annotations

import re

import yaml

from tripreport_lint.frontmatter.model import FrontMatterSyntaxError, KeyPath, Node, Parsed

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Nesting deeper than this is no front matter; libyaml recurses per level and can overflow the C stack.
MAX_DEPTH = 200
MAX_NODES = 100_000
_OPENERS = re.compile(r"[\[{]|^[ \t]*- ", re.M)


class _TextDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that leaves timestamps as strings."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def read(content: str, *, positions: bool = True) -> Parsed:
    """Data, the node of every key path, and the duplicated keys of a YAML document (without ``positions``,
    the data alone: no nodes nor duplicates are indexed)."""
    loader = _TextDatesLoader(content)
    try:
        _check_depth(content)
        root = loader.get_single_node()
        if root is not None:
            _check_expansion(root, content)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        if (error.context == "while scanning a quoted scalar" and error.context_mark is not None
                and "end of stream" in str(error.problem)):
            # The parser gives up at the end of the block; the mistake is the quote that opened the value.
            raise FrontMatterSyntaxError("YAML syntax error: the quoted value that starts here is never closed",
                                         error.context_mark.index) from error
        mark = error.problem_mark or error.context_mark
        where = mark.index if mark is not None else 0
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.context_mark is not None and error.problem:
            raise FrontMatterSyntaxError(
                f"YAML syntax error: {problem}", where, error.context, error.context_mark.index
            ) from error
        raise FrontMatterSyntaxError(f"YAML syntax error: {problem}", where) from error
    except yaml.reader.ReaderError as error:
        raise FrontMatterSyntaxError(
            f"YAML error: character #x{error.character:04x} is not allowed ({error.reason})", error.position
        ) from error
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise FrontMatterSyntaxError("YAML error: a number with thousands of digits: quote it", 0) from error
        raise FrontMatterSyntaxError(f"YAML error: {error}", 0) from error
    except (yaml.YAMLError, OverflowError, RecursionError) as error:
        raise FrontMatterSyntaxError(f"YAML error: {' '.join(str(error).split())}", 0) from error
    finally:
        loader.dispose()
    nodes: dict[KeyPath, Node] = {}
    duplicates: list[tuple[KeyPath, Node, Node]] = []
    if root is not None and positions:
        _index(root, (), None, nodes, duplicates, set())
    return ({} if data is None else data), nodes, duplicates


def _check_depth(content: str) -> None:
    # Counting is cheap; the event walk only runs for front matter that could be that deep. The openers are
    # counted by substrings first (in C, a bound on what the pattern finds), by the pattern only past it.
    if content.count("\n") <= MAX_DEPTH and (
            content.count("[") + content.count("{") + content.count("- ") <= MAX_DEPTH
            or len(_OPENERS.findall(content)) <= MAX_DEPTH):
        return
    depth = 0
    too_deep = f"YAML nested more than {MAX_DEPTH} levels deep"
    try:
        for event in yaml.parse(content, Loader=_BaseLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterSyntaxError(too_deep, event.start_mark.index if event.start_mark else 0)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml 0.2.6 and later stop deep flow collections while scanning, before any event says so.
        if "nesting depth" not in str(error.problem):
            raise
        raise FrontMatterSyntaxError(too_deep, error.problem_mark.index if error.problem_mark else 0) from error


def _check_expansion(root: yaml.Node, content: str) -> None:
    """Refuse alias bombs: count the nodes the document expands to, each shared node once per use. Without
    an alias (``*``), a document has at most three nodes a character (`?` is a mapping, its key and value):
    a short one needs no count."""
    if "*" not in content and 3 * len(content) <= MAX_NODES:
        return
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        if id(node) not in sizes:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
            if isinstance(node, yaml.MappingNode):
                children = [child for pair in node.value for child in pair]
            sizes[id(node)] = 1 + sum(size(child) for child in children)
        return sizes[id(node)]

    if size(root) > MAX_NODES:
        raise FrontMatterSyntaxError(
            f"YAML aliases expand to more than {MAX_NODES} values (an alias bomb?)", root.start_mark.index
        )


def _node(node: yaml.Node, key: yaml.Node | None) -> Node:
    if isinstance(node, yaml.ScalarNode):
        kind, style = "scalar", node.style if node.style in ("'", '"') else None
    elif isinstance(node, yaml.SequenceNode):
        kind, style = "sequence", "[" if node.flow_style else None
    else:
        kind, style = "mapping", "{" if getattr(node, "flow_style", None) else None
    return Node(
        start=node.start_mark.index,
        end=node.end_mark.index,
        kind=kind,  # type: ignore[arg-type]
        key_start=key.start_mark.index if key is not None else None,
        key_end=key.end_mark.index if key is not None else None,
        style=style,
        # libyaml marks plain scalars with style '' and PyYAML with None.
        plain=isinstance(node, yaml.ScalarNode) and not node.style and node.tag == _implicit_tag(node),
    )


def _implicit_tag(node: yaml.ScalarNode) -> str:
    return str(_TextDatesLoader.resolve(_TextDatesLoader, yaml.ScalarNode, node.value, (True, False)))


def _index(
    node: yaml.Node,
    path: KeyPath,
    key: yaml.Node | None,
    nodes: dict[KeyPath, Node],
    duplicates: list[tuple[KeyPath, Node, Node]],
    visited: set[int],
) -> None:
    nodes[path] = _node(node, key)
    if id(node) in visited:
        return  # an alias: its children are indexed where the anchor stands
    visited.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, path + (index,), None, nodes, duplicates, visited)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, KeyPath] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            child = path + (key_node.value,)
            if key_node.value in seen:
                duplicates.append((child, nodes[seen[key_node.value]], _node(value, key_node)))
                continue
            seen[key_node.value] = child
            _index(value, child, key_node, nodes, duplicates, visited)
