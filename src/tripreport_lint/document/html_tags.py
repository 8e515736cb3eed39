"""Start tags of raw HTML in a post: found where CommonMark sees one (markdown-it's pattern), their
attributes read by the standard library's ``html.parser``, with the offsets of each value as written."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from html.parser import HTMLParser
from typing import NamedTuple

_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """CommonMark's open tag, and one attribute of such a tag (where its value is written)."""
    from markdown_it.common import html_re  # noqa: PLC0415 - markdown-it loads whole (~20 ms): not for cached runs

    return (re.compile(html_re.open_tag),
            re.compile(rf"\s+({html_re.attr_name})(?:\s*=\s*({html_re.attr_value}))?"))


class Attribute(NamedTuple):
    """An attribute: its name in lower case, its value as a browser reads it (entities decoded; None
    when it has none), and the offsets of the value as written, inside any quotes."""

    name: str
    value: str | None
    start: int
    end: int


class StartTag(NamedTuple):
    name: str  # lower case
    start: int
    end: int
    attributes: tuple[Attribute, ...]

    def get(self, name: str) -> Attribute | None:
        """The first attribute of that name (browsers ignore repeats)."""
        return next((a for a in self.attributes if a.name == name), None)


class _Reader(HTMLParser):
    """Reads the attributes of one start tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def read(self, tag: str) -> list[tuple[str, str | None]]:
        self.reset()
        self.attrs = []
        self.feed(tag)
        self.close()
        return self.attrs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = attrs


def start_tags(text: str, start: int = 0, names: Collection[str] | None = None) -> list[StartTag]:
    """The start tags from ``start`` on, or only those of the given (lower-case) ``names``."""
    found = []
    reader = _Reader()
    open_tag, attribute = _grammar()
    for match in open_tag.finditer(text, start):
        name_match = _TAG_NAME.match(match.group())
        assert name_match is not None  # an open tag starts with its name
        name = name_match.group(1).lower()
        if names is not None and name not in names:
            continue
        written = list(attribute.finditer(match.group(), name_match.end()))
        attributes = []
        for index, (attr_name, value) in enumerate(reader.read(match.group())):
            at = written[index] if index < len(written) and written[index].group(1).lower() == attr_name else None
            if at is None or at.group(2) is None:
                attributes.append(Attribute(attr_name, value, -1, -1))
                continue
            raw_start, raw_end = at.span(2)
            if at.group(2)[0] in "\"'":
                raw_start, raw_end = raw_start + 1, raw_end - 1
            attributes.append(Attribute(attr_name, value, match.start() + raw_start, match.start() + raw_end))
        found.append(StartTag(name, match.start(), match.end(), tuple(attributes)))
    return found
