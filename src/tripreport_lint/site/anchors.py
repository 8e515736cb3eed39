"""Heading anchors as each site renderer makes them: GitHub/Goldmark, Goldmark's ASCII and
Blackfriday variants, and Jekyll's kramdown; and the anchors of a whole document."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from tripreport_lint.document.markdown import inline_tokens

if TYPE_CHECKING:
    from tripreport_lint.document.document import Document

def github(text: str) -> str:
    """GitHub's and Hugo/Goldmark's default: lower case, keep letters, digits, '-' and '_', spaces to '-'."""
    kept = "".join(c for c in text.lower() if c.isalnum() or c in "-_ " or unicodedata.category(c) == "Mn")
    return kept.replace(" ", "-")


def github_ascii(text: str) -> str:
    """Goldmark's ``github-ascii``: as ``github``, with accents dropped and other non-ASCII removed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return github(folded)


def blackfriday(text: str) -> str:
    """Hugo's ``blackfriday``: runs of anything but letters and digits become one '-'."""
    return re.sub(r"[^\w]+|_+", "-", text.lower()).strip("-")


def kramdown(text: str) -> str:
    """Jekyll's kramdown: ASCII letters, digits, spaces and '-' kept, leading non-letters dropped."""
    kept = re.sub(r"[^a-zA-Z0-9 -]", "", text)
    kept = re.sub(r"^[^a-zA-Z]+", "", kept)
    return kept.replace(" ", "-").lower() or "section"


STYLES: dict[str, Callable[[str], str]] = {
    "github": github,
    "github-ascii": github_ascii,
    "blackfriday": blackfriday,
    "kramdown": kramdown,
}


# What Goldmark's typographer replaces: its nodes add nothing to a heading's id.
_TYPOGRAPHER = re.compile(r"---|--|\.\.\.|<<|>>|['\"]")


def goldmark_text(source: str, typographer: bool) -> str:
    """The text Goldmark gives a heading's id (Hugo 0.168, checked case by case): text and code at the
    top level, without what the typographer replaces; of an emphasis, strong text or link only its first
    text node, which ends at the first typographer replacement or after the first '_' or '*'."""
    parts: list[str] = []
    depth, taken = 0, False
    for token in inline_tokens(source):
        if token.nesting:
            taken = taken if depth else False
            depth += token.nesting
            continue
        if token.type not in ("text", "code_inline", "softbreak") or (token.type == "text" and not token.content):
            continue
        piece = " " if token.type == "softbreak" else token.content
        if token.type == "text" and depth == 0 and typographer:
            piece = _TYPOGRAPHER.sub("", piece)
        elif depth and not taken:
            taken = True
            if token.type == "text":
                ends = [found.start() for found in (_TYPOGRAPHER.search(piece),) if found and typographer]
                ends += [piece.index(mark) + 1 for mark in "_*" if mark in piece]
                piece = piece[: min(ends)] if ends else piece
        elif depth:
            continue
        parts.append(piece)
    return "".join(parts)


def document_anchors(doc: Document, style: str, prefix: str = "", goldmark: bool | None = None) -> set[str]:
    """Every anchor a page made from ``doc`` has: heading ids (with -1, -2 for repeats, and kramdown's
    ``auto_id_prefix`` before them), explicit ``{#id}`` attributes, and HTML ``id``/``name`` attributes.
    ``goldmark`` (whether its typographer is on) takes heading text as Goldmark does, for Hugo sites."""
    slug = STYLES[style]
    anchors: set[str] = set()
    counts: dict[str, int] = {}
    for heading in doc.body.headings:
        if heading.explicit_id:
            anchors.add(heading.explicit_id)
            continue
        text = heading.text if goldmark is None else goldmark_text(heading.source, goldmark)
        base = slug(text.strip())
        count = counts.get(base, 0)
        counts[base] = count + 1
        anchors.add(prefix + (base if count == 0 else f"{base}-{count}"))
    anchors.update(a.value for tag in doc.body.html_tags for a in tag.attributes if a.name in ("id", "name") and a.value)
    return anchors


# An emoji shortcode (`:lock:`), which Hugo's enableEmoji renders as an emoji.
_EMOJI = re.compile(r":[a-z0-9_+-]+:")


def pre_emoji_ids(doc: Document, style: str, goldmark: bool) -> dict[str, str]:
    """The ids Hugo before 0.120 gave headings with emoji shortcodes (it put the emoji in before Goldmark
    made ids, and the id lost it: `:lock: Setup` became `-setup`), each with the id Hugo gives it now."""
    slug = STYLES[style]
    found: dict[str, str] = {}
    counts: dict[str, int] = {}
    for heading in doc.body.headings:
        if heading.explicit_id:
            continue
        text = goldmark_text(heading.source, goldmark).strip()
        base = slug(text)
        count = counts.get(base, 0)
        counts[base] = count + 1
        if _EMOJI.search(text) and count == 0:
            found[slug(_EMOJI.sub("", text))] = base
    return found
