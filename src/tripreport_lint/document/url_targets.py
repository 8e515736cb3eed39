"""The http(s) addresses a post links to, with where each stands: Markdown links and images,
reference definitions, autolinks, HTML ``src``/``href``, and front matter values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from tripreport_lint.document.document import Document

_WEB = re.compile(r"https?://[^\s/?#<>\"'`]+[^\s<>\"'`]*", re.I)
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>", re.I)


class UrlUse(NamedTuple):
    """An address as written, and its offsets in the file."""

    url: str
    start: int
    end: int

    @property
    def checked(self) -> str:
        """What is asked of the server: the address without its fragment, which browsers keep to themselves."""
        return self.url.split("#", 1)[0]


def url_uses(doc: Document) -> list[UrlUse]:
    """Every http(s) address of the post that a reader can follow, in file order."""
    if doc.decode_error is not None:
        return []
    found = [*_front_matter(doc), *_body(doc)]
    seen: set[tuple[int, int]] = set()
    unique = []
    for use in sorted(found, key=lambda u: u.start):
        if (use.start, use.end) not in seen and "{{" not in use.url and "{%" not in use.url:
            seen.add((use.start, use.end))
            unique.append(use)
    return unique


def _body(doc: Document) -> Iterator[UrlUse]:
    body = doc.body
    for link in body.links:
        target = link.target
        if target and _WEB.fullmatch(target):
            start = doc.text.find(target, link.target_start, link.end)
            if start >= 0:
                yield UrlUse(target, start, start + len(target))
    for definition in body.definitions:  # [label]: https://... serves every [text][label]
        if _WEB.fullmatch(definition.target):
            start = doc.text.find(definition.target, definition.start, definition.end)
            if start >= 0:
                yield UrlUse(definition.target, start, start + len(definition.target))
    for value, start, end in body.html_targets:
        if _WEB.fullmatch(value):
            yield UrlUse(value, start, end)
    for match in _AUTOLINK.finditer(body.comments_blanked, doc.body_start):
        yield UrlUse(match.group(1), match.start(1), match.end(1))


def _front_matter(doc: Document) -> Iterator[UrlUse]:
    fm = doc.front_matter
    if fm is None or fm.mapping is None:
        return
    for path, value in _strings(fm.mapping, ()):
        node = fm.node(path)
        if node is None or not _WEB.fullmatch(value.strip()):
            continue
        written = doc.text.find(value.strip(), fm.absolute(node.start), fm.absolute(node.end))
        if written >= 0:
            yield UrlUse(value.strip(), written, written + len(value.strip()))


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
