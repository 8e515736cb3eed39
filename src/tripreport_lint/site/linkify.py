"""What Goldmark's linkify extension (on by default in Hugo) makes a link of, and where it stops.

Follows the extension's own scan, as Hugo 0.168 runs it: tests/test_bare_urls.py holds the cases and
checks them against a real Hugo when one is installed.
"""

from __future__ import annotations

import re

# Only these schemes, a host whose last label is lower-case letters, an optional port, then a path of
# ASCII characters (quotes, brackets, braces and backticks included; '<', '\\', '|' and spaces end it).
_URL = re.compile(r"(?:https?|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::[0-9]+)?"
                  r"(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{}\[\]`]*)?")
_TRAILING = "?!.,:*_~"
# A line's own markers before its inline text: indentation, block quotes, list items, ATX headings.
_LINE_HEAD = re.compile(r"[ \t]*(?:(?:>|[-+*][ \t]|[0-9]{1,9}[.)][ \t]|#{1,6}[ \t])[ \t]*)*")


def tried(text: str, line_start: int, at: int, *, typographer: bool, after_node: bool = False) -> bool:
    """Whether linkify looks for a URL at ``text[at]``, the line holding it starting at ``line_start``.

    Goldmark tries at the start of a line's inline text, after a space (not a tab), after one of
    ``*_~(`` (unescaped), and right after anything another inline parser took: code, HTML, a link
    (``after_node``), and with the typographer an opening quote, ``...``, ``--``, ``<<`` or ``>>``.
    """
    if after_node or _LINE_HEAD.fullmatch(text, line_start, at):
        return True
    last = text[at - 1]
    if last == " ":
        return True
    if last in "*_~(":
        window = text[max(line_start, at - 64) : at - 1]
        return (len(window) - len(window.rstrip("\\"))) % 2 == 0  # not escaped
    if typographer and last in "\"'":
        return _LINE_HEAD.fullmatch(text, line_start, at - 1) is not None or text[at - 2] in " ("
    return typographer and text.endswith(("...", "--", "<<", ">>"), line_start, at)


def linked(text: str, start: int) -> str | None:
    """The text linkify makes a link of when it tries at ``text[start]``, or None when it links nothing."""
    match = _URL.match(text, start)
    if match is None:
        return None
    url = match.group()
    end = len(url)
    while url[end - 1] in _TRAILING:
        end -= 1
    if url[end - 1] == ")":
        # Each ')' more than '(' takes one character off the end, whatever it is.
        end -= max(0, url.count(")", 0, end) - url.count("(", 0, end))
    elif url[end - 1] == ";":
        entity = re.search(r"&[A-Za-z0-9]+;\Z", url[:end])  # an entity such as &amp; is not the link's
        end = entity.start() if entity else end
    return url[:end]
