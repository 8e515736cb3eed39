"""Bare URLs through normalisation: mdformat must not change the text of one, nor end one with a ``\\``;
where the site links bare email addresses, it must not make or change one either.

Goldmark's linkify and GFM's autolinks take a URL to the next space, and LNK009 wraps it in ``<...>``
as far as that: an escape mdformat adds inside it (``a\\_b``) or the ``\\`` it writes for a hard line
break right after it (``https://example.com/pull/1\\``) would change or break the link.
"""

from __future__ import annotations

import re

from tripreport_lint.format.rendering import blocks

# A URL as far as a renderer that links bare URLs could take it (to the next space, `<`, `>`, bracket or
# table cell border, where mdformat pads cells); group 1 is set for a link's target, which is no bare URL.
_URL_RUN = re.compile(r"(\]\(\s*)?(?<![<\w/.@-])(?:https?://|ftp://|www\.)[^\s<>|\[\]]*")
# An address Goldmark's linkify makes a mailto: link (mdformat writes `&#64;` as `@`).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The text of an inline or reference link: no renderer links a URL in it.
_LINK_TEXT = re.compile(r"\[[^\[\]\n]*\](?=[(\[])")
# The last word of a line that ends in a hard break written as `\` right after a bare URL (one not in
# `<...>` or a link's `(...)`); matched as a whole word, so a long line costs linear time.
_BREAK_AFTER_URL = re.compile(r"[(*_~\"']*(?:https?://|ftp://|www\.)[^<>]*(?<![\\>])\\")
_VERBATIM = ("fence", "code_block", "html_block")


def bare_urls(text: str, *, emails: bool) -> list[str]:
    """Every run of text that starts like a URL (or, with ``emails``, is an email address), in order,
    outside links (their text and target)."""
    outside = _LINK_TEXT.sub(lambda found: "[" + " " * (len(found.group()) - 2) + "]", text)
    found = [match.group() for match in _URL_RUN.finditer(outside) if match.group(1) is None]
    return found + _EMAIL.findall(outside) if emails else found


def keep_breaks_after_urls(text: str) -> str:
    """mdformat's text with each hard break it wrote as ``\\`` right after a bare URL written as two
    spaces instead (outside code and HTML blocks, whose lines are not Markdown)."""
    if "\\\n" not in text:
        return text
    verbatim = {line for token in blocks(text) if token.type in _VERBATIM and token.map
                for line in range(*token.map)}
    lines = text.split("\n")
    for number, line in enumerate(lines):
        words = line.rsplit(maxsplit=1)
        if number not in verbatim and number + 1 < len(lines) and words and _BREAK_AFTER_URL.fullmatch(words[-1]):
            lines[number] = line[:-1] + "  "
    return "\n".join(lines)
