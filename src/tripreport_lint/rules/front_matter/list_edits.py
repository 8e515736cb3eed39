"""Text edits that add or remove items of a front matter list, keeping its style (block or flow)."""

from __future__ import annotations

import json
import re

from tripreport_lint.diagnostics import Edit
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import FrontMatter, KeyPath, Node

_FLOW_UNSAFE = re.compile(r"[,\[\]{}#]")


def items(fm: FrontMatter, path: KeyPath) -> list[Node] | None:
    """The item nodes of the list at ``path``; None unless every item is located."""
    node = fm.node(path)
    if node is None or node.kind != "sequence":
        return None
    found: list[Node] = []
    while (item := fm.node(path + (len(found),))) is not None:
        found.append(item)
    data = fm.mapping or {}
    value: object = data
    for part in path:
        value = value[part] if isinstance(value, (dict, list)) else None  # type: ignore[index]
    return found if isinstance(value, list) and len(value) == len(found) else None


def append(doc: Document, fm: FrontMatter, path: KeyPath, new_items: list[str]) -> Edit | None:
    """An edit that appends items (given as source text) to the list at ``path``."""
    node, existing = fm.node(path), items(fm, path)
    if node is None or existing is None or not new_items:
        return None
    if node.style == "[":
        close = fm.content.rfind("]", node.start, node.end)
        if close < 0:
            return None
        texts = [_flow_text(text) for text in new_items]
        prefix = ", " if existing else ""
        at = fm.absolute(existing[-1].end if existing else close)
        return Edit(at, at, prefix + ", ".join(texts))
    if not existing:
        return None
    last = existing[-1]
    line_start = doc.lines.offset(doc.lines.position(fm.absolute(last.start))[0])
    marker = doc.text[line_start : fm.absolute(last.start)]
    if not re.fullmatch(r"[ \t]*-[ \t]+", marker):
        return None
    end_line = doc.lines.position(fm.absolute(last.end))[0]
    at = doc.lines.line_end(end_line)
    return Edit(at, at, "".join(doc.newline + marker + text for text in new_items))


def remove(doc: Document, fm: FrontMatter, path: KeyPath, index: int) -> Edit | None:
    """An edit that removes item ``index`` (never the first) of the list at ``path``."""
    node, existing = fm.node(path), items(fm, path)
    if node is None or existing is None or index < 1:
        return None
    item = existing[index]
    if node.style == "[":
        if index + 1 < len(existing):
            return Edit(fm.absolute(item.start), fm.absolute(existing[index + 1].start))
        return Edit(fm.absolute(existing[index - 1].end), fm.absolute(item.end))
    line, _ = doc.lines.position(fm.absolute(item.start))
    line_start = doc.lines.offset(line)
    if not re.fullmatch(r"[ \t]*-[ \t]+", doc.text[line_start : fm.absolute(item.start)]):
        return None
    end_line = doc.lines.position(fm.absolute(item.end))[0]
    next_start = doc.lines.offset(end_line + 1) if end_line < doc.lines.line_count else len(doc.text)
    return Edit(line_start, next_start)


def _flow_text(text: str) -> str:
    """Source text of a scalar made safe inside ``[...]``."""
    if text[:1] in ("'", '"') or not _FLOW_UNSAFE.search(text):
        return text
    return json.dumps(text, ensure_ascii=False)
