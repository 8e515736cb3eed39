"""Where things stand in a post's body: code, HTML, headings and reference definitions, as offsets.

markdown-it gives block tokens line ranges but inline tokens no positions; this module maps what the
rules need back to character offsets of the file, once per document.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from tripreport_lint.document import templates
from tripreport_lint.document.html_tags import StartTag, start_tags
from tripreport_lint.document.markdown import inline_tokens
from tripreport_lint.document.scanning import Span, code_spans, line_matches, paired

if TYPE_CHECKING:
    from markdown_it.token import Token

    from tripreport_lint.document.lines import LineIndex

_COMMENT_OPEN = re.compile(r"<!--")
_COMMENT_CLOSE = re.compile(r"-->")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_TARGET_TAGS = frozenset({"img", "a", "source", "video", "audio"})
# Elements whose content a browser does not show as prose: scripts, styles, code and drawings.
_RAW_ELEMENTS = tuple((re.compile(rf"<{name}\b", re.I), re.compile(rf"</{name}\s*>", re.I))
                      for name in ("script", "style", "pre", "code", "kbd", "samp", "svg", "math", "textarea", "template"))
# A comment in code: after `#` or `//` (`//` with a space after it, so not `//host`), or `/* */`.
_CODE_COMMENT = re.compile(r"(?:(?<=\s)|^)(?:#[ \t]*|//[ \t]+)(\S[^\n]*)|/\*[ \t]*([^\n]{0,200}?)\*/", re.M)
# Code blocks whose `#` lines are prompts, output or Markdown, not comments.
_NO_COMMENTS = frozenset(("console", "shell-session", "terminal", "text", "txt", "plaintext", "output", "log",
                          "diff", "markdown", "md"))
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)", re.M)
# Link text: up to 999 pieces (CommonMark's limit for labels), so a scan that finds no ']' ends soon.
_TEXT = r"(?:[^\[\]\\\n]|\\.|\n(?![ \t]*\n)|\[(?:[^\[\]\\\n]|\\.){0,999}\]){0,999}"
_DEST = r"<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*"
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?"
# Both start with '[' (an unescaped one: the look-behind stands after it), so the regex engine skips
# to the next '[' in C; a '!' before it, itself unescaped, makes an image (see ``_opening``).
_UNESCAPED = r"\[(?<!\\\[)"
_INLINE_LINK = re.compile(rf"{_UNESCAPED}({_TEXT})\]\([ \t]*(?:\n[ \t]*)?({_DEST}){_TITLE}[ \t]*(?:\n[ \t]*)?\)")
_REFERENCE_LINK = re.compile(rf"{_UNESCAPED}({_TEXT})\]\[((?:[^\[\]\\]|\\.){{0,999}})\]")
_HEADING_ID = re.compile(r"\s*\{\s*#([\w:.-]+)[^}]*\}\s*$")
# kramdown's block attribute list on the line right after a heading: `{: #install .wide}`.
_IAL_ID = re.compile(r"\{:\s*(?:[^}#]*\s)?#([\w:.-]+)[^}]*\}[ \t]*(?:\r?\n|$)")


class Heading(NamedTuple):
    level: int
    text: str  # as rendered, without markup
    source: str  # the heading's inline Markdown
    line: int  # 1-based
    start: int  # offset of the line
    end: int  # offset of the end of the heading's last line
    explicit_id: str | None


class Link(NamedTuple):
    """An inline link or image ``[text](target)``, or a reference link ``[text][label]`` (target None)."""

    image: bool
    text: str
    target: str | None
    label: str | None
    start: int
    end: int
    target_start: int


class Definition(NamedTuple):
    label: str
    target: str
    start: int
    end: int


_NOT_BREAKS = re.compile(r"[^\r\n]+")


def _spaces(found: re.Match[str]) -> str:
    return " " * (found.end() - found.start())


def html_comments(text: str, start: int = 0) -> list[Span]:
    """``<!-- ... -->`` comments, opening to closing mark."""
    return paired(text, _COMMENT_OPEN, _COMMENT_CLOSE, start)


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with each range replaced by spaces, keeping line breaks (so offsets do not move)."""
    if not ranges:
        return text
    parts, cursor = [], 0
    for start, end in sorted(ranges):
        start = max(start, cursor)
        if start >= end:
            continue
        hidden = text[start:end]
        # Most ranges (code spans, tags, URLs) hold no line break: spaces without a regex; the others (code
        # blocks, comments) are blanked a line at a time, not a character.
        parts += [text[cursor:start], _NOT_BREAKS.sub(_spaces, hidden) if "\n" in hidden or "\r" in hidden else " " * len(hidden)]
        cursor = end
    return "".join(parts) + text[cursor:]


class Body:
    """Offsets of the parts of a document's body; built once per document from its text, lines and
    block tokens (``body_start``: where the front matter ends)."""

    def __init__(self, text: str, lines: LineIndex, tokens: list[Token], body_start: int) -> None:
        self.text = text
        self.lines = lines
        self.tokens = tokens
        self.body_start = body_start

    def _line_range(self, token: Token) -> tuple[int, int]:
        assert token.map is not None
        first, last = token.map
        lines = self.lines
        end = lines.offset(last + 1) if last < lines.line_count else len(self.text)
        return lines.offset(first + 1), end

    @cached_property
    def code_blocks(self) -> list[tuple[int, int]]:
        """Fenced and indented code blocks."""
        return [self._line_range(t) for t in self.tokens if t.type in ("fence", "code_block") and t.map]

    @cached_property
    def html_blocks(self) -> list[tuple[int, int]]:
        """HTML blocks, but those inside template code that is not Markdown (a highlight block's HTML is code)."""
        hidden = [span for span in self.template_code if span not in self.raw_blocks]
        blocks = [self._line_range(t) for t in self.tokens if t.type == "html_block" and t.map]
        return [block for block in blocks if not any(first <= block[0] < last for first, last in hidden)] \
            if hidden else blocks

    @property
    def template_code(self) -> list[Span]:
        """Jekyll ``raw`` blocks, and Hugo and Jekyll ``highlight`` blocks and kramdown's ``nomarkdown`` and
        ``comment`` extensions outside them: code, whatever they hold.

        Found before code spans, as Liquid reads them before Markdown does: a ``{% raw %}`` inside backticks
        still opens a block.
        """
        return self._code[3]

    @property
    def raw_blocks(self) -> list[Span]:
        """Jekyll ``raw`` blocks, from opening to closing tag (outside Markdown code blocks)."""
        return self._code[2]

    @property
    def code_spans(self) -> list[Span]:
        """Inline code spans, backticks included, outside code blocks and template code blocks."""
        return self._code[1]

    @property
    def without_code(self) -> str:
        """The text with front matter, code blocks, template code blocks and code spans blanked; HTML kept."""
        return self._code[0]

    @cached_property
    def _code(self) -> tuple[str, list[Span], list[Span], list[Span]]:
        # Made together so that the text with only code blocks blanked need not be kept.
        blocks_blanked = blank(self.text, [(0, self.body_start), *self.code_blocks])
        raws = templates.raws(blocks_blanked, self.body_start)
        outside_raws = blank(blocks_blanked, raws)
        highlights = templates.highlights(outside_raws, self.body_start)
        kramdown = templates.kramdown_raw(blank(outside_raws, highlights) if highlights else outside_raws, self.body_start)
        template_code = sorted(raws + highlights + kramdown)
        blocked = blank(blocks_blanked, template_code)
        spans = code_spans(blocked, self.body_start)
        return blank(blocked, spans), spans, raws, template_code

    @cached_property
    def prose(self) -> str:
        """Only prose left: comments, definitions, HTML blocks and tags, autolinks and shortcodes blanked too."""
        text = blank(self.comments_blanked, self.html_blocks)
        hidden = [(m.start(), m.end()) for pattern in (_HTML_TAG, _AUTOLINK) for m in pattern.finditer(text)]
        return blank(text, hidden + templates.tags(text))

    @cached_property
    def html_text(self) -> str:
        """The text a browser shows of the HTML blocks (``<figcaption>A caption</figcaption>``), with
        everything else blanked: tags, entities, template tags, comments and the content of scripts,
        styles, code and drawings, and all that is not an HTML block."""
        source, blocks = self.comments_blanked, self.html_blocks
        outside = [(end, start) for (_, end), (start, _) in zip([(0, 0), *blocks], [*blocks, (len(source), 0)],
                                                                strict=True)]
        text = blank(source, [span for span in outside if span[0] < span[1]])
        hidden = [(m.start(), m.end()) for pattern in (_HTML_TAG, _AUTOLINK, _ENTITY)
                  for block_start, block_end in blocks for m in pattern.finditer(text, block_start, block_end)]
        hidden += [span for opener, closer in _RAW_ELEMENTS for span in paired(text, opener, closer, blocks[0][0])] \
            if blocks else []
        return blank(text, hidden + templates.tags(text, blocks[0][0] if blocks else 0))

    @cached_property
    def code_comments(self) -> list[Span]:
        """The text of the comments of the body's code blocks and highlight blocks (``# Install the agent``,
        ``// the port``): their spans, in order; not in blocks of console sessions, output or Markdown."""
        kept: list[Span] = []
        for token in self.tokens:
            if token.type not in ("fence", "code_block") or not token.map:
                continue
            if token.info.split(maxsplit=1)[:1] and token.info.split(maxsplit=1)[0].lower() in _NO_COMMENTS:
                continue
            start, end = self._line_range(token)
            kept += [found.span(1) if found[1] is not None else found.span(2)
                     for found in _CODE_COMMENT.finditer(self.text, start, end)]
        raws = self.raw_blocks
        for span in (span for span in self.template_code if span not in raws):  # highlight blocks
            inside = templates.highlight_code(self.text, span)
            if inside is not None and inside[0].lower() not in _NO_COMMENTS:
                kept += [found.span(1) if found[1] is not None else found.span(2)
                         for found in _CODE_COMMENT.finditer(self.text, inside[1], inside[2])]
        return sorted(kept)

    @cached_property
    def definitions(self) -> list[Definition]:
        """Link reference definitions (``[label]: target``) outside code."""
        return [
            Definition(m.group(1), m.group(2).strip("<>"), m.start(), m.end())
            for m in line_matches(_DEFINITION, self.without_code, "]:", self.body_start)
        ]

    @cached_property
    def comment_shortcodes(self) -> list[tuple[int, int]]:
        """Hugo ``{{< comment >}}`` blocks: content the author hid on purpose, with the site's own tool."""
        return templates.comments(self.without_code, self.body_start)

    @cached_property
    def comments_blanked(self) -> str:
        """``without_code`` with HTML comments, ``comment`` shortcodes and whole definition lines blanked."""
        text = self.without_code
        lines = self.lines
        hidden = html_comments(text) + templates.comments(text)
        for definition in self.definitions:
            line = lines.position(definition.end)[0]  # the target may stand on the next line
            hidden.append((definition.start, lines.line_end(line)))
        return blank(text, hidden)

    @cached_property
    def html_tags(self) -> list[StartTag]:
        """HTML start tags outside code (those in comments too), with their attributes."""
        return start_tags(self.without_code, self.body_start)

    @cached_property
    def html_targets(self) -> list[tuple[str, int, int]]:
        """(value, start, end) of the first ``src``/``href`` of HTML images, links and media, outside code and
        comments: the value as a browser reads it (entities decoded), the offsets of the value as written."""
        found = []
        for tag in start_tags(self.comments_blanked, self.body_start, _TARGET_TAGS):
            target = next((a for a in tag.attributes if a.name in ("src", "href") and a.value is not None), None)
            if target is not None and target.start >= 0:
                found.append((target.value or "", target.start, target.end))
        return found

    @cached_property
    def links(self) -> list[Link]:
        """Inline and reference links and images outside code, in order."""
        text, start = self.comments_blanked, self.body_start
        found = []
        for m in _INLINE_LINK.finditer(text, start):
            image, at = _opening(text, m.start())
            target = m.group(2).strip("<>") if m.group(2).startswith("<") else m.group(2)
            found.append(Link(image, m.group(1), target, None, at, m.end(), m.start(2)))
        taken = [(link.start, link.end) for link in found]
        for m in _REFERENCE_LINK.finditer(text, start):
            image, at = _opening(text, m.start())
            if not any(s <= at < e for s, e in taken):
                found.append(Link(image, m.group(1), None, m.group(2) or m.group(1), at, m.end(), m.start(2)))
        return sorted(found, key=lambda link: link.start)

    @cached_property
    def images(self) -> list[Link]:
        """Inline and reference images outside code, those inside a link's text too (``[![badge](src)](link)``)."""
        text, found = self.comments_blanked, []
        for link in self.links:
            if link.image:
                found.append(link)
            elif "![" in link.text:
                inner, end = link.start + 1, link.start + 1 + len(link.text)
                for pattern in (_INLINE_LINK, _REFERENCE_LINK):
                    for m in pattern.finditer(text, inner, end):
                        image, at = _opening(text, m.start())
                        target = m.group(2) if pattern is _INLINE_LINK else None
                        if image and at >= inner:
                            label = None if target is not None else m.group(2) or m.group(1)
                            target = target.strip("<>") if target and target.startswith("<") else target
                            found.append(Link(True, m.group(1), target, label, at, m.end(), m.start(2)))
        return sorted(found, key=lambda link: link.start)

    @cached_property
    def _link_starts(self) -> list[int]:
        return [link.start for link in self.links]

    def in_link(self, offset: int) -> bool:
        """Whether an offset lies inside a link (links do not overlap, so one look suffices)."""
        index = bisect.bisect_right(self._link_starts, offset) - 1
        return index >= 0 and offset < self.links[index].end

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        tokens = self.tokens
        # A `raw` block's Markdown still renders (Liquid only leaves its tags alone): its headings are
        # headings. A highlight block's '#' comment lines are not.
        code = [span for span in self.template_code if span not in self.raw_blocks]
        for index, token in enumerate(tokens):
            if token.type != "heading_open" or not token.map:
                continue
            start, end = self._line_range(token)
            if code and any(first <= start < last for first, last in code):
                continue
            inline = tokens[index + 1]
            source = inline.content
            explicit = _HEADING_ID.search(source)
            if explicit:
                source = source[: explicit.start()]
            text = _HEADING_ID.sub("", inline_text(inline.content))
            attributes = _IAL_ID.match(self.text, end) if not explicit else None
            while end > 0 and self.text[end - 1] in "\r\n":  # the line breaks after it, without a copy of the text
                end -= 1
            found.append(Heading(int(token.tag[1]), text, source, token.map[0] + 1, start, end,
                                 explicit.group(1) if explicit else attributes.group(1) if attributes else None))
        return found


def _opening(text: str, bracket: int) -> tuple[bool, int]:
    """Whether the link whose '[' stands at ``bracket`` is an image (an unescaped '!' before it), and
    where it starts."""
    image = text[bracket - 1 : bracket] == "!" and text[bracket - 2 : bracket - 1] != "\\"
    return image, bracket - 1 if image else bracket


# What starts an inline rule of the parser (escapes, code, emphasis, links, images, autolinks, HTML,
# entities, strikethrough, line breaks), and what its normalising changes: text without them is read as written.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!<&~\n\r\x00]")


def inline_text(source: str) -> str:
    """What a snippet of inline Markdown (a heading's) reads as: ``plain_text`` of its inline tokens, parsed
    only when it holds markup (most headings hold none)."""
    return plain_text(inline_tokens(source)) if _INLINE_MARKUP.search(source) else source


def plain_text(children: list[Token]) -> str:
    """What an inline token list reads as: text and code, without markup."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content if child.type != "html_inline" else "")
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain_text(child.children or []))
    return "".join(parts)
