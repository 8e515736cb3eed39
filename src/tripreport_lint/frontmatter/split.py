"""Split front matter (YAML ``---``, TOML ``+++``, JSON ``{}``) off a post and parse it with positions.

python-frontmatter's handlers split on the same delimiters but drop the offsets that every
diagnostic needs, so the split is done here and parsing goes to PyYAML, tomllib and json.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from tripreport_lint.frontmatter.model import Format, FrontMatter, FrontMatterSyntaxError, Parsed

_OPENERS: tuple[tuple[re.Pattern[str], re.Pattern[str], Format], ...] = (
    (re.compile(r"---[ \t]*(?:\r\n|\r|\n)"), re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)"), "yaml"),
    (re.compile(r"\+\+\+[ \t]*(?:\r\n|\r|\n)"), re.compile(r"(?<=[\r\n])\+\+\+[ \t]*(?=[\r\n]|\Z)"), "toml"),
    (re.compile(r"(?=\{[ \t]*(?:\r\n|\r|\n))"), re.compile(r"(?<=[\r\n])\}[ \t]*(?=[\r\n]|\Z)"), "json"),
)
_LINE_END = re.compile(r"\r\n|\r|\n|$")
# After a blank line, a line at the margin that opens Markdown body text and is no YAML: a heading, fence,
# quote, list item (other than YAML's "- "), link or image, template tag, HTML, or words with no "key:".
_BODY_AFTER_BLANK = re.compile(
    r"^[ \t]*\r?\n(?:[ \t]*\r?\n)*"
    r"(?:#{1,6}[ \t]+\S|```|~~~|>|[*+][ \t]|\d+[.)][ \t]|!?\[|\{\{|\{%|<[A-Za-z!/]"
    r"|(?![^\r\n:]*:(?:[ \t]|\r|\n|$))[^\W\d_][^\r\n]*?[ \t][^\r\n]*\w)",
    re.M,
)


def split(text: str) -> FrontMatter | None:
    """Find the front matter block at the very top of ``text``; None when there is none.

    A YAML block that does not parse and runs past a blank line into Markdown body text was closed
    by a thematic break of the body, not by its own closer: it is returned as unterminated.

    Hugo reads a block after blank lines or spaces too (Jekyll and gray-matter's sites read none):
    one there is returned, with its ``start``, when it is closed and holds ``key: value`` pairs.
    """
    found = _split_at(text, 0)
    if found is not None or text[:1] not in (" ", "\t", "\r", "\n"):
        return found
    later = _split_at(text, len(text) - len(text.lstrip(" \t\r\n")))
    return later if later is not None and later.terminated and _mapping(later) else None


def _split_at(text: str, start: int) -> FrontMatter | None:
    for opener, closer, fmt in _OPENERS:
        opened = opener.match(text, start)
        if not opened:
            continue
        content_start = opened.end()
        closed = closer.search(text, content_start)
        if fmt == "json":
            if not closed:
                return _unterminated(text, fmt, content_start, start)
            content_end = closed.start() + 1
            end = _after_line(text, closed.end())
            return FrontMatter(fmt, start, content_end, end, True, text[start:content_end], start=start)
        if not closed:
            return _unterminated(text, fmt, content_start, start)
        content = text[content_start : closed.start()]
        if fmt == "yaml" and _BODY_AFTER_BLANK.search(content) and not _parses(fmt, content):
            # The closer found is a thematic break ('---') in the body: the front matter was never closed.
            return _unterminated(text, fmt, content_start, start)
        end = _after_line(text, closed.end())
        return FrontMatter(fmt, content_start, closed.start(), end, True, content, start=start)
    return None


def _unterminated(text: str, fmt: Format, content_start: int, start: int) -> FrontMatter:
    return FrontMatter(fmt, content_start, len(text), len(text), False, text[content_start:], start=start)


def _parses(fmt: Format, content: str) -> bool:
    try:
        _reader(fmt, positions=False)(content)
    except FrontMatterSyntaxError:
        return False
    return True


def _mapping(front_matter: FrontMatter) -> bool:
    try:
        return isinstance(_reader(front_matter.format, positions=False)(front_matter.content)[0], dict)
    except (FrontMatterSyntaxError, RecursionError):
        return False


def _after_line(text: str, offset: int) -> int:
    match = _LINE_END.search(text, offset)
    assert match is not None
    return match.end()


def parse(front_matter: FrontMatter, *, positions: bool = True) -> None:
    """Parse the content of a terminated block in place, recording data, nodes or the error; without
    ``positions``, the data may come without the nodes and duplicates that say where it stands."""
    if not front_matter.terminated:
        return
    try:
        data, nodes, duplicates = _reader(front_matter.format, positions=positions)(front_matter.content)
    except FrontMatterSyntaxError as error:
        front_matter.error = error
        return
    front_matter.data, front_matter.nodes, front_matter.duplicates = data, nodes, duplicates


def _reader(fmt: Format, *, positions: bool = True) -> Callable[[str], Parsed]:
    """The reader of one format, imported on first use (PyYAML and tomllib cost time to load); without
    ``positions``, YAML's reader indexes no nodes (TOML's needs them to keep dates as written)."""
    if fmt == "yaml":
        from tripreport_lint.frontmatter import yaml_reader  # noqa: PLC0415

        return yaml_reader.read if positions else partial(yaml_reader.read, positions=False)
    if fmt == "toml":
        from tripreport_lint.frontmatter.toml_reader import read  # noqa: PLC0415
    else:
        from tripreport_lint.frontmatter.json_reader import read  # noqa: PLC0415
    return read
