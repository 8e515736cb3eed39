"""Lines that belong to the line beside them, and that mdformat would part with a blank line: a
``disable-next-line`` comment (ours or markdownlint's) governs the line after it; a ``{.class #id}``
attribute line (Goldmark's block attributes, kramdown's IAL) belongs to the block right before it.

mdformat ends an HTML block and a heading with a blank line; such a blank line is taken out again.
Any other change to these lines (a quote marker, an indentation, a table row made of one) refuses the
normalisation: it would move the line into another block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from tripreport_lint.format.rendering import blocks

_DIRECTIVE = re.compile(r"<!--\s*(?:tripreport-lint|markdownlint)-disable-next-line\b.*-->\s*\Z", re.S)
_ATTRIBUTES = re.compile(r"[ \t>]*\{(?!\{)[^{}\n]*\}[ \t]*")
# A line that may be one of them, found without parsing (with attribute lines, or without).
_CANDIDATE = {True: re.compile(r"-disable-next-line|^[ \t>]*\{(?!\{)", re.M), False: re.compile(r"-disable-next-line")}
_BLANK = re.compile(r"[ \t>]*")
_VERBATIM = ("fence", "code_block", "html_block")
_MOVED = {True: "mdformat would part a disable-next-line comment from the line it governs",
          False: "mdformat would move a `{...}` attribute line away from the block it belongs to"}


@dataclass(frozen=True)
class _Attached:
    """A line (``key``: how it must come back) and its neighbour: the line before it (``after`` False) or after."""

    key: str
    line: int  # 0-based
    after: bool  # the neighbour is the line after (a directive's), not the line before (an attribute line's)


def _attached(text: str, lines: list[str], attributes: bool) -> list[_Attached]:
    """The attached lines of a text, in order; directives are whole HTML blocks, their key the comment."""
    found: list[_Attached] = []
    verbatim: set[int] = set()
    for token in blocks(text):
        if token.type not in _VERBATIM or token.map is None:
            continue
        first, last = token.map
        verbatim.update(range(first, last))
        if token.type == "html_block" and _DIRECTIVE.match(token.content.strip()):
            found.append(_Attached(token.content.strip(), last - 1, after=True))
    if attributes:
        found += [_Attached(line.rstrip(), number, after=False) for number, line in enumerate(lines)
                  if number not in verbatim and _ATTRIBUTES.fullmatch(line)]
    return sorted(found, key=lambda a: a.line)


def _neighbour(lines: list[str], item: _Attached) -> int | None:
    """The line next to an attached line on its side, past blank lines (None: there is none)."""
    step = 1 if item.after else -1
    at = item.line + step
    while 0 <= at < len(lines) and _BLANK.fullmatch(lines[at]):
        at += step
    return at if 0 <= at < len(lines) else None


def _is_glued(lines: list[str], item: _Attached) -> bool:
    neighbour = _neighbour(lines, item)
    return neighbour is not None and abs(neighbour - item.line) == 1


def reattach(before: str, after: str, *, attributes: bool) -> tuple[str, str | None]:
    """``after`` (mdformat's version of ``before``) with the blank lines it put beside attached lines
    taken out; or the reason it cannot be."""
    candidate = _CANDIDATE[attributes]
    if not candidate.search(before) and not candidate.search(after):
        return after, None  # nothing attached: spare the parses
    old_lines, new_lines = before.split("\n"), after.split("\n")
    old, new = _attached(before, old_lines, attributes), _attached(after, new_lines, attributes)
    for was, now in zip_longest(old, new):
        if was is None or now is None or (was.key, was.after) != (now.key, now.after):
            return after, _MOVED[(was or now).after]
    drop: set[int] = set()
    for was, now in zip(old, new, strict=True):
        if _is_glued(old_lines, was) and not _is_glued(new_lines, now):
            neighbour = _neighbour(new_lines, now)
            if neighbour is None:
                return after, _MOVED[now.after]
            drop.update(range(min(neighbour, now.line) + 1, max(neighbour, now.line)))
    return "\n".join(line for number, line in enumerate(new_lines) if number not in drop), None
