"""Parse TOML front matter with tomllib and find where each key and list item stands.

tomllib gives no positions, so a small scanner walks the text for keys, tables and array items.
Dates and times are handed on as the text the author wrote, as they are for YAML.
"""

from __future__ import annotations

import datetime
import re
import sys
from typing import Any

from tripreport_lint.frontmatter.model import FrontMatterSyntaxError, KeyPath, Node, Parsed

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEY = re.compile(rf"[ \t]*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*)[ \t]*=[ \t]*")
_TABLE = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*)[ \t]*\]\]?")
_SPLIT_KEY = re.compile(_KEY_PART)
_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
# The rest of a multi-line string after its opening quotes: escapes (basic strings only) and runs of one or
# two quotes are content; up to two more quotes of content may stand just before the closing three.
_MULTILINE_REST = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""(?:"{1,2})?', re.S),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''(?:'{1,2})?"),
}


def read(content: str) -> Parsed:
    try:
        data = tomllib.loads(content.replace("\r\n", "\n"))
    except tomllib.TOMLDecodeError as error:
        raise FrontMatterSyntaxError(f"TOML syntax error: {_ERROR_AT.sub('', str(error)).strip()}",
                                     _error_offset(content, str(error))) from error
    nodes = _Scanner(content).scan()
    return _dates_as_text(data, (), nodes, content), nodes, []


def _error_offset(content: str, message: str) -> int:
    match = _ERROR_AT.search(message)
    if not match:
        return 0
    if match.group(1) is None:
        return len(content)
    line, column = int(match.group(1)), int(match.group(2))
    starts = [m.start() for m in _LINE.finditer(content)]
    return starts[min(line, len(starts)) - 1] + column - 1


def _dates_as_text(value: Any, path: KeyPath, nodes: dict[KeyPath, Node], content: str) -> Any:
    if isinstance(value, (datetime.date, datetime.time)):
        node = nodes.get(path)
        written = content[node.start : node.end] if node else None
        # The scanner only places nodes: their text is kept only when it reads back as this very date.
        return written if written is not None and _is_written(written, value) else value.isoformat()
    if isinstance(value, dict):
        return {k: _dates_as_text(v, path + (k,), nodes, content) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v, path + (i,), nodes, content) for i, v in enumerate(value)]
    return value


def _is_written(text: str, value: datetime.date | datetime.time) -> bool:
    """Whether ``text`` is a TOML date or time of the same type, value and offset as ``value``."""
    try:
        parsed = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return False
    # Aware datetimes compare by instant: the offset written must match too.
    return (type(parsed) is type(value) and parsed == value
            and getattr(parsed, "tzinfo", None) == getattr(value, "tzinfo", None))


def _key_parts(key: str) -> KeyPath:
    return tuple(part.strip("\"'") for part in _SPLIT_KEY.findall(key))


class _Scanner:
    """Walks TOML text, recording the Node of every key path it can place."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nodes: dict[KeyPath, Node] = {}
        self.table_counts: dict[KeyPath, int] = {}

    def scan(self) -> dict[KeyPath, Node]:
        table: KeyPath = ()
        pos = 0
        while pos < len(self.text):
            line = _LINE.match(self.text, pos)
            assert line is not None
            if not line.group():
                break
            header = _TABLE.match(self.text, pos)
            key = _KEY.match(self.text, pos)
            if header and header.end() <= line.end():
                table = _key_parts(header.group(2))
                if header.group(1) == "[[":
                    index = self.table_counts.get(table, 0)
                    self.table_counts[table] = index + 1
                    table = table + (index,)
                pos = line.end()
            elif key:
                path = table + _key_parts(key.group(1))
                end = self._value(key.end(), path, key.start(1), key.end(1))
                pos = _LINE.match(self.text, end).end()  # type: ignore[union-attr]
            else:
                pos = line.end()
        return self.nodes

    def _value(self, start: int, path: KeyPath, key_start: int | None, key_end: int | None) -> int:
        text = self.text
        first = text[start : start + 1]
        style: str | None = None
        if text.startswith(('"""', "'''"), start):
            rest = _MULTILINE_REST[text[start : start + 3]].match(text, start + 3)
            end, kind, style = (rest.end() if rest else len(text)), "scalar", first
        elif first in ('"', "'"):
            end, kind, style = self._string_end(start), "scalar", first
        elif first in ("[", "{"):
            end, kind, style = self._container(start, path), ("sequence" if first == "[" else "mapping"), first
        else:
            stop = re.compile(r"[ \t]*(?:#|,|\]|\}|\r|\n|$)").search(text, start)
            end, kind = (stop.start() if stop else len(text)), "scalar"
        self.nodes[path] = Node(start, end, kind, key_start, key_end, style)  # type: ignore[arg-type]
        return end

    def _string_end(self, start: int) -> int:
        quote, pos = self.text[start], start + 1
        while pos < len(self.text) and self.text[pos] not in (quote, "\n"):
            pos += 2 if quote == '"' and self.text[pos] == "\\" else 1
        return min(pos + 1, len(self.text))

    def _container(self, start: int, path: KeyPath) -> int:
        """Scan an array or inline table from its opening bracket; the offset after its close."""
        closing = "]" if self.text[start] == "[" else "}"
        pos, index = start + 1, 0
        skip = re.compile(r"(?:[ \t\r\n,]|#[^\r\n]*)*")
        while pos < len(self.text):
            pos = skip.match(self.text, pos).end()  # type: ignore[union-attr]
            if pos >= len(self.text) or self.text[pos] == closing:
                return min(pos + 1, len(self.text))
            if closing == "}":
                key = _KEY.match(self.text, pos)
                if not key:
                    return pos
                pos = self._value(key.end(), path + _key_parts(key.group(1)), key.start(1), key.end(1))
            else:
                before = pos
                pos = max(self._value(pos, path + (index,), None, None), before + 1)
                index += 1
        return pos
