"""Hugo shortcodes, Jekyll Liquid tags and kramdown's extensions as they stand in Markdown source.

Each function gives the (start, end) spans of one kind, found in linear time (see ``scanning``).
"""

from __future__ import annotations

import re

from tripreport_lint.document.scanning import NextMatch, Span, paired

_TAG_START = re.compile(r"\{[{%]")
_SHORTCODE_END = re.compile(r"[%>]\}\}")
_LIQUID_END = re.compile(r"%\}")
_OUTPUT_END = re.compile(r"\}\}")
# Blocks whose content is not Markdown: highlight (Hugo and Jekyll) and Jekyll's raw are code.
_HIGHLIGHT = (
    (re.compile(r"\{\{[<%]\s*highlight\b"), re.compile(r"\{\{[<%]\s*/\s*highlight\s*[%>]\}\}")),
    (re.compile(r"\{%-?\s*highlight\b"), re.compile(r"\{%-?\s*endhighlight\s*-?%\}")),
)
# Hugo's comment shortcode: content the author hid on purpose.
_COMMENT = (re.compile(r"\{\{[<%]\s*comment\s*[%>]\}\}"), re.compile(r"\{\{[<%]\s*/\s*comment\s*[%>]\}\}"))
_RAW = (re.compile(r"\{%-?\s*raw\s*-?%\}"), re.compile(r"\{%-?\s*endraw\s*-?%\}"))
# kramdown's extensions whose content is no Markdown: `{::nomarkdown}` passes it to the page as it is, `{::comment}`
# leaves it out; each is closed by `{:/nomarkdown}`, `{:/comment}` or `{:/}` (`{::comment /}` holds nothing).
_KRAMDOWN = (re.compile(r"\{::(?:nomarkdown|comment)\b[^}\n]*(?<!/)\}"), re.compile(r"\{:/(?:nomarkdown|comment)?\}"))
# A highlight block's opening tag, with its language: `{{< highlight go "linenos=table" >}}`, `{% highlight ruby %}`.
_HIGHLIGHT_OPENING = re.compile(r"\{[{%][<%]?-?\s*highlight\s+[\"']?([\w+#.-]*)[^\n]*?[%>]?\}\}?")
_FIGURE = re.compile(r"\{\{[<%]\s*figure\b[^\n]*?\ssrc=([\"'`])([^\"'`\s]+)\1")


def tags(text: str, start: int = 0) -> list[Span]:
    """Every single tag: ``{{< x >}}``, ``{{% x %}}``, ``{% x %}``, ``{{ x }}``."""
    shortcode_end, liquid_end, output_end = (NextMatch(p, text) for p in (_SHORTCODE_END, _LIQUID_END, _OUTPUT_END))
    found: list[Span] = []
    at = start
    while (opened := _TAG_START.search(text, at)) is not None:
        first = opened.start()
        closed = None
        if text.startswith(("{{<", "{{%"), first):
            closed = shortcode_end.at_or_after(first + 3)
        if closed is None and text.startswith("{%", first):
            closed = liquid_end.at_or_after(first + 2)
        if closed is None and text.startswith("{{", first):
            closed = output_end.at_or_after(first + 2)
        if closed is None:
            at = first + 1
            continue
        found.append((first, closed.end()))
        at = closed.end()
    return found


def highlights(text: str, start: int = 0) -> list[Span]:
    """Hugo ``highlight`` shortcodes and Jekyll ``highlight`` blocks, from opening to closing tag."""
    found = sorted(span for opener, closer in _HIGHLIGHT for span in paired(text, opener, closer, start))
    kept: list[Span] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def comments(text: str, start: int = 0) -> list[Span]:
    """Hugo ``comment`` shortcodes, from opening to closing tag."""
    return paired(text, *_COMMENT, start)


def raws(text: str, start: int = 0) -> list[Span]:
    """Jekyll ``raw`` blocks, from opening to closing tag."""
    return paired(text, *_RAW, start)


def kramdown_raw(text: str, start: int = 0) -> list[Span]:
    """kramdown's ``nomarkdown`` and ``comment`` extensions, from opening to closing tag."""
    return paired(text, *_KRAMDOWN, start) if "{::" in text else []


def highlight_code(text: str, span: Span) -> tuple[str, int, int] | None:
    """The language and the (start, end) of the code between a highlight block's tags (``highlights``)."""
    start, end = span
    opening = _HIGHLIGHT_OPENING.match(text, start, end)
    close = max(text.rfind("{{", start, end), text.rfind("{%", start, end))
    if opening is None or close <= opening.end():
        return None
    return opening[1] or "", opening.end(), close


def figure_sources(text: str, start: int = 0) -> list[tuple[str, int, Span]]:
    """The ``src`` of each Hugo ``figure`` shortcode: (value, its offset, the shortcode's span)."""
    found = []
    for first, last in tags(text, start):
        if (figure := _FIGURE.match(text, first, last)) is not None:
            found.append((figure[2], figure.start(2), (first, last)))
    return found
