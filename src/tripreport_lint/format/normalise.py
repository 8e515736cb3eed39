"""Normalise a post's body with mdformat, accepting the result only when it provably changes no meaning.

mdformat checks that the HTML stays the same, but that check is blind to what blog authors care
about: it deletes unused link definitions (every ``[//]: # (...)`` comment), moves the others to the
end, escapes Hugo shortcodes, and loses text its own parser cannot see. So shortcodes and Liquid tags
are swapped for placeholders before formatting and must come back byte for byte, definitions must
stay where they were, no word may be lost, bare URLs must come back unchanged, and the HTML rendered
as the site renders it must be equal: with its typographer, and with placeholders standing for the
tags its generator replaces with their output (Hugo's shortcodes, Jekyll's Liquid), whose braces are
never Markdown text to it.
Two rewrites of mdformat's are undone first:
the backslash hard break right after a bare URL, and the blank line it puts between a line and the
comment or attribute line attached to it (see ``urls`` and ``attached``).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tripreport_lint.document import templates
from tripreport_lint.format.attached import reattach
from tripreport_lint.format.rendering import Rendering, blocks, render
from tripreport_lint.format.urls import bare_urls, keep_breaks_after_urls

MAX_CHARS = 1_000_000
MAX_NESTING = 15
# mdformat's renderer looks up each inline node among its siblings: time grows with the square of a
# paragraph's length. Real paragraphs stay far below this.
MAX_PARAGRAPH = 20_000
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\n?[ \t]*(\S*)", re.M)
_RAW = re.compile(r"\{%-?\s*raw\b")
_SPACES = re.compile(r"\s+")
_PRE = re.compile(r"<pre>.*?</pre>", re.S)
_PRE_SPLIT = re.compile(r"(<pre\b.*?</pre>)", re.S | re.I)
_LINE_START = re.compile(r"^[ \t>*+\-0-9.)]+", re.M)
_CONTAINERS = {"bullet_list_open": 1, "ordered_list_open": 1, "blockquote_open": 1,
               "bullet_list_close": -1, "ordered_list_close": -1, "blockquote_close": -1}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORDS = re.compile(r"[^\W\d_]+", re.U)


@dataclass(frozen=True)
class Normalised:
    """mdformat's body, or why it was not accepted."""

    text: str | None
    reason: str | None = None


@dataclass(frozen=True)
class FormatOptions:
    wrap: str | int = "keep"
    number: bool = False
    extensions: tuple[str, ...] = ("gfm",)


def _protect(body: str) -> tuple[str, dict[str, str]]:
    """The body with shortcodes and Liquid tags replaced by placeholder words mdformat leaves alone."""
    table: dict[str, str] = {}

    for spans_of in (templates.highlights, templates.comments, templates.raws, templates.tags):
        parts, cursor = [], 0
        for start, end in spans_of(body):
            token = f"tripreportlintph{len(table)}x"
            table[token] = body[start:end]
            parts += [body[cursor:start], token]
            cursor = end
        body = "".join(parts) + body[cursor:]
    return body, table


def _restore(text: str, table: dict[str, str]) -> str | None:
    for token, original in reversed(table.items()):
        if text.count(token) != 1:
            return None
        text = text.replace(token, original)
    return text


def _as_rendered(text: str, table: dict[str, str], rendering: Rendering) -> str:
    """The text as the site's Markdown renderer reads it: the tags its generator replaces with their output
    (Hugo's shortcodes; Jekyll's Liquid, which runs first) stay placeholders, for their braces are never
    Markdown text; the others (and what a Liquid ``raw`` block holds) are put back."""
    literal = {token: original for token, original in table.items()
               if not original.startswith(rendering.templates) or _RAW.match(original)}
    return _restore(text, literal) or text


def _definitions(text: str) -> list[tuple[str, str, str]]:
    """Each definition (label, target) with the last line of other text before it (its words, so that
    mdformat's rewriting of that line in place, `* a` to `- a`, is no move), so a moved or deleted
    definition shows; how a definition is wrapped does not matter."""
    found, context, read_to = [], "", 0
    for match in _DEFINITION.finditer(text):
        for line in text[read_to : match.start()].splitlines():  # definitions start lines: whole lines here
            if line.strip() and not _DEFINITION.match(line.strip()):
                context = " ".join(_WORDS.findall(line)) or line.strip()
        read_to = match.start()
        found.append((context, match.group(1), match.group(2).strip("<>")))
    return found


def _nests_too_deep(body: str) -> bool:
    """Whether lists and block quotes nest deeper than ``MAX_NESTING`` (as parsed: indentation in a code
    block is not nesting). Each container takes at least one character before the text of the line that
    opens it, so only a body with such a long line start needs parsing."""
    if max((len(found.expandtabs(4)) for found in _LINE_START.findall(body)), default=0) <= MAX_NESTING:
        return False
    depth = 0
    for token in blocks(body):
        depth += _CONTAINERS.get(token.type, 0)
        if depth > MAX_NESTING:
            return True
    return False


def _flowed(page: str) -> str:
    """HTML as a browser lays out its words: outside ``<pre>``, a line break is a space (with hard wraps,
    the renderer already made each break inside a paragraph a ``<br>``)."""
    parts = _PRE_SPLIT.split(page)
    return "".join(part if index % 2 else part.replace("\n", " ") for index, part in enumerate(parts))


def _render_change(before: str, after: str, rendering: Rendering) -> str | None:
    """How the HTML of ``after`` differs from that of ``before``, in words; None if it does not."""
    old, new = render(before, rendering), render(after, rendering)
    if new == old or _flowed(new) == _flowed(old):
        return None
    plain = Rendering(typographer=False)
    if rendering.typographer and render(after, plain) == render(before, plain):
        return ("mdformat would change how the site's typographer renders a quote, dash or ellipsis (by adding or "
                "removing a backslash)")
    if _SPACES.sub(" ", new) == _SPACES.sub(" ", old) and _PRE.findall(new) == _PRE.findall(old):
        return "mdformat would change the spaces between words in the page's HTML (runs of spaces made one)"
    return "mdformat would change what the page renders to"


@lru_cache(maxsize=32)
def normalise(body: str, options: FormatOptions, rendering: Rendering = Rendering()) -> Normalised:  # noqa: B008
    """mdformat's version of a body (``\\n`` line breaks), or the reason it must not be used."""
    if len(body) > MAX_CHARS:
        return Normalised(None, f"the body is larger than {MAX_CHARS:,} characters")
    if _nests_too_deep(body):
        return Normalised(None, f"lists or block quotes nest deeper than {MAX_NESTING} levels")
    import mdformat  # noqa: PLC0415 - heavy, only this rule needs it

    protected, table = _protect(body)
    settings = {"wrap": options.wrap, "number": options.number, "end_of_line": "lf"}
    try:
        formatted = mdformat.text(protected, options=settings, extensions=options.extensions)
    except Exception as error:  # noqa: BLE001 - mdformat raises RecursionError and others on odd input
        return Normalised(None, f"mdformat failed ({type(error).__name__})")
    formatted, moved = reattach(protected, keep_breaks_after_urls(formatted),
                                attributes=rendering.block_attributes)
    if moved is not None:
        return Normalised(None, moved)
    restored = _restore(formatted, table)
    if restored is None:
        return Normalised(None, "mdformat would change a Hugo shortcode or a Liquid tag")
    if formatted.strip("\n") == protected.strip("\n"):
        return Normalised(restored)  # as mdformat writes it but for blank lines at the ends: nothing to prove
    if _definitions(restored) != _definitions(body):
        return Normalised(None, "mdformat would move or delete link definitions, footnotes or [//]: # comments")
    if _CONTROL.findall(restored) != _CONTROL.findall(body):
        return Normalised(None, "mdformat would drop control characters")
    if Counter(_WORDS.findall(html.unescape(restored))) != Counter(_WORDS.findall(html.unescape(body))):
        return Normalised(None, "mdformat would lose or change words")
    changed = _render_change(_as_rendered(protected, table, rendering), _as_rendered(formatted, table, rendering),
                             rendering)
    if changed is not None:
        return Normalised(None, changed)
    if bare_urls(restored, emails=rendering.linkify) != bare_urls(body, emails=rendering.linkify):
        return Normalised(None, "mdformat would change the text of a bare URL or email address")
    return Normalised(restored)
