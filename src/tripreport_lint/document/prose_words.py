"""The words of a post that readers see, found once per document and shared by the spelling rules.

A post has thousands of words but a few hundred distinct ones, and a rule decides about a word,
not about each place it stands: rules ask ``distinct`` first and ``offsets`` only for the words
they report, so the common case never loops over words in Python.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from tripreport_lint.document.body import blank

if TYPE_CHECKING:
    from tripreport_lint.document.document import Document

# A word right before an apostrophe (one written as an HTML entity too: `theres&rsquo;`) is a dropped letter
# (`playin'`) or a plural's possessive, and one right before `()` a function's name (`readline()`): not judged.
# The word's first letter is matched before the look-behind at what stands before it: the regex engine then
# skips in C what is no letter (the spaces of blanked code, punctuation).
WORD = re.compile(r"[A-Za-z](?<![\w/@.\\'’-][A-Za-z])[A-Za-z]*(?:['’][A-Za-z]+)?"
                  r"(?![\w/@]|\.\w|['’]|\(\)|&(?:rsquo|apos|#0*39|#0*8217|#[xX]0*27|#[xX]0*2019);)")
# What is not prose although it looks like words: URLs, www. hosts, e-mail addresses and handles.
# Each is found from a marker ('://', 'www.', '@') that C code finds fast, then widened over its run
# of characters (at most _REACH of them to the left), so a long line costs linear time.
_MARKERS = re.compile(r"://|www\.|@")
_UP_TO_SCHEME = re.compile(r".*[^\w+.-]", re.S)  # everything before a scheme's run of characters
_UP_TO_TOKEN = re.compile(r".*\s", re.S)
_REST = re.compile(r"\S*")
_REACH = 256
# Asterisks between letters (`**C**ontainer`). The pattern starts with a `*`, which the regex engine finds
# in C: one that starts by looking behind is tried at every character of the post (~25 times slower).
_INTRAWORD_EMPHASIS = re.compile(r"\*(?<=[^\W\d_]\*)\**(?=[^\W\d_])")
READER_KEYS = ("title", "description", "summary", "tags", "categories")
# Other keys whose values a listing, a social card or the page shows: Hugo's `linkTitle`, Jekyll's
# `excerpt`, a theme's `subtitle` or `ogSummary`, `meta_description` (not `title_image`, `description_url`).
_READER_KEY = re.compile(r"(?i)(?:[a-z]+[_-]?)?(?:title|summary|description|excerpt|abstract|teaser|caption)|lead")


def reader_key(key: object) -> bool:
    """Whether a top-level front matter key holds text readers see (``READER_KEYS``, ``linkTitle``, ``ogSummary``)."""
    return key in READER_KEYS or isinstance(key, str) and _READER_KEY.fullmatch(key) is not None


class ProseWords:
    """Words of prose, headings, link and alt text, and the front matter values meant for readers
    (``reader_key``); never code, URLs, link targets, e-mail addresses or HTML tags (with ``html``, the
    text HTML blocks show; with ``comments``, the comments of code blocks)."""

    def __init__(self, doc: Document, *, html: bool = False, comments: bool = False) -> None:
        self._prose = _prose(doc)
        # (text, start, end, shift): words between start and end of text stand at their offset + shift in the file.
        self._chunks = [(*self._prose.chunk, 0)]
        if html and doc.body.html_blocks:
            shown = doc.body.html_text
            self._chunks.append((blank(shown, _not_words(shown)), doc.body_start, len(shown), 0))
        if comments and (doc.body.code_blocks or doc.body.template_code):
            for start, end in doc.body.code_comments:
                said = doc.text[start:end]
                self._chunks.append((blank(said, _not_words(said)), 0, len(said), start))
        fm = doc.front_matter
        if fm is not None and fm.mapping is not None:
            for path, node in fm.nodes.items():
                if path and reader_key(path[0]) and node.kind == "scalar" and len(path) <= 2:
                    self._chunks.append((doc.text, fm.absolute(node.start), fm.absolute(node.end), 0))

    @cached_property
    def distinct(self) -> frozenset[str]:
        return self._prose.distinct.union(*(WORD.findall(text, start, end) for text, start, end, _ in self._chunks[1:]))

    def offsets(self, word: str) -> list[int]:
        """Where the word stands as a whole word, in order of the file."""
        found = []
        for text, start, end, shift in self._chunks:
            at = text.find(word, start, end)
            while at != -1:
                whole = WORD.match(text, at, end)
                if whole is not None and whole.end() == at + len(word):
                    found.append(at + shift)
                at = text.find(word, at + 1, end)
        return sorted(found)


class _Prose:
    """The body's prose with what is no word blanked, and its distinct words: what every variant of
    ``ProseWords`` starts from, made once per document."""

    def __init__(self, doc: Document) -> None:
        prose = doc.body.prose
        hidden = [(link.target_start, link.end) for link in doc.body.links]
        hidden += _not_words(prose)
        hidden += _split_by_markup(prose, doc.body.code_spans)
        # Blanking keeps offsets; hidden text ends at a space, ')' or a code span, so no other word changes.
        self.chunk = (blank(prose, hidden), doc.body_start, len(prose))

    @cached_property
    def distinct(self) -> frozenset[str]:
        return frozenset(WORD.findall(*self.chunk))


def _prose(doc: Document) -> _Prose:
    found = doc.derived.get("prose")
    if not isinstance(found, _Prose):
        found = doc.derived["prose"] = _Prose(doc)
    return found


def prose_words(doc: Document, *, html: bool = False, comments: bool = False) -> ProseWords:
    """The document's words, found once and shared by the rules that read them; with ``html``, the text of
    its HTML blocks too, with ``comments`` that of the comments of its code blocks."""
    key = f"words{'+html' if html else ''}{'+comments' if comments else ''}"
    if key not in doc.derived:
        doc.derived[key] = ProseWords(doc, html=html, comments=comments)
    found = doc.derived[key]
    assert isinstance(found, ProseWords)
    return found


def _split_by_markup(text: str, code_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of words that markup splits: the letters right before and after a code span join the
    code's text (`` `s`econds ``, `` kube`ctl` ``), and asterisks between letters emphasise part of a
    word (``**C**ontainer``). No piece is a word to judge."""
    found = []
    for start, end in [*code_spans, *((m.start(), m.end()) for m in _INTRAWORD_EMPHASIS.finditer(text))]:
        before = start
        while before > 0 and text[before - 1].isalpha():
            before -= 1
        after = end
        while after < len(text) and text[after].isalpha():
            after += 1
        found += [(before, start), (end, after)]
    return found


def _not_words(text: str) -> list[tuple[int, int]]:
    """Ranges of URLs (``scheme://...``), ``www.`` hosts and e-mail addresses or handles with a dot."""
    found = []
    for marker in _MARKERS.finditer(text):
        at, kind = marker.start(), marker.group()
        lower = max(0, at - _REACH)
        if kind == "://":
            before = _UP_TO_SCHEME.match(text, lower, at)
            start = before.end() if before else lower
            if start == at or not ("a" <= text[start].lower() <= "z"):
                continue
        elif kind == "www.":
            start = at
            if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
                continue
        else:
            before = _UP_TO_TOKEN.match(text, lower, at)
            start = before.end() if before else lower
            if start == at or "@" in text[start:at]:
                continue
        end = _REST.match(text, marker.end()).end()  # type: ignore[union-attr]
        if kind == "@" and not re.search(r"\.\w", text[marker.end():end]):
            continue
        found.append((start, end))
    return found
