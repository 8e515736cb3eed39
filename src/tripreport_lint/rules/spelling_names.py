"""Signs that a word of a post is a name, which the spelling rules must never "correct".

Strong signs (no finding): the word is a word of what the page links to or shows (a link's or an
image's host or path: ``[Rouge](https://github.com/rouge-ruby/rouge)``, ``/img/rouge-logo.png``) or
the start of one (``Cristian`` of ``github.com/cristiangreco``), of a host the site links to, or one
that several of the site's posts use. A word is not the author's at one place when it stands in the
subject of a patch e-mail quoted as a link's text (``[[PATCH net-next 1/2] bpf: ...](...)``) or alone
in quotes on a line that speaks of a typo (``fixed the "bellow" typo``). Weak signs, one place of the
word at a time (a finding, never a safe fix): it stands in an image's alt text or alone in quotes,
or is capitalised in the middle of a sentence. A word split by inline code or emphasis
(`` `s`econds ``, ``**C**ontainer``) is no word at all (``document.prose_words``).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from tripreport_lint.document.document import Document
from tripreport_lint.site.vocabulary import Vocabulary
from tripreport_lint.spelling import dictionaries

# How many of the site's pages must use a word for it to be the site's own (a product, a person):
# three, or one page in PAGES_PER_USE of a larger site, where a common misspelling recurs more often.
SEVERAL_POSTS = 3
PAGES_PER_USE = 100
# A word in lower case that is a typo of an English word needs more: a typo copied into a second or third
# post is still a typo (a name is capitalised, jargon no slip of a common word).
COPIED_TYPO_POSTS = 4
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
_TOKEN = re.compile(r"[A-Za-z]{3,}")
# What may stand between a line's start and its first word: indentation, quote and table marks,
# list markers and heading hashes.
_BLOCK_MARKS = re.compile(r"[ \t]*(?:(?:>|\||[-*+]|\d{1,9}[.)]|#{1,6})[ \t]*)+")
_OPENERS = "*_[(\"'“‘~"
_CLOSERS = "*_])\"'”’~"
# After these a capitalised word starts something (a sentence, a cell, a line after a tag).
_BOUNDARIES = ".!?:…|>}"
# Words of any alphabet (``Švácha``) right before or after a word, on its line or across the line
# break of a paragraph; an initial after it (``Dimitry B.``).
_WORD_BEFORE = re.compile(r"([^\W\d_]+)([ \t]+|[ \t]*\n[ \t]*)$")
_WORD_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:van|von|de|den|der|du|da|di|del|le|la|ten|ter|bin)[ \t]+)?"
                         r"([^\W\d_]+)")
# An initial (`Dimitry B.`), or a company's legal form (`Invision AG`), after a name.
_INITIAL_AFTER = re.compile(r"[ \t]+(?:[A-Z]\.|(?:AG|SA|NV|BV|SE|LLC|LLP|PLC|Inc|Ltd|Corp)\b)")
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}  # a word alone in quotes is mentioned (`the "bellow" typo`)
_SPEAKS_OF_TYPOS = re.compile(r"typo|misspel|spelling", re.I)
# A patch e-mail's subject as a link's text: `[PATCH net-next 1/2] ...`, `[RFC] ...`, `[iproute PATCH] ...`.
_PATCH_SUBJECT = re.compile(r"\[?(?:[^\]\n]*\s)?(?:PATCH|RFC)\b")
# A name's start in a handle or host needs this many letters after it (`cristian` + `greco`), so that a
# word with a letter dropped at its end (`Tetrago` for `tetragon`) is no name.
HANDLE_REST = 3
_BLOCK_LINES = ("#", "|", "<", "{", "```", "~~~", "---")


class NameSigns:
    """What tells, for one post, that a word is a name."""

    def __init__(self, doc: Document, vocabulary: Vocabulary) -> None:
        self.doc = doc
        self.vocabulary = vocabulary

    @cached_property
    def target_words(self) -> frozenset[str]:
        """The lower-case words (whole runs of letters) of the hosts and paths of what the post links to
        or shows: link and image targets, reference definitions, HTML ``src``/``href`` and every URL
        of its text. Not fragments or queries: ``#a-heading`` is made of a heading's words."""
        body = self.doc.body
        targets = [link.target for link in body.links if link.target]
        targets += [definition.target for definition in body.definitions]
        targets += [value for value, _, _ in body.html_targets]
        targets += _URL.findall(self.doc.text)
        return frozenset(word.lower() for target in targets
                         for word in _TOKEN.findall(re.split(r"[#?]", target, maxsplit=1)[0]))

    def linked(self, lower: str) -> bool:
        """Whether the word is a word of what the post links to or shows, or starts one (a handle such as
        ``cristiangreco``, a host such as ``hashicorp``) with at least ``HANDLE_REST`` letters to spare."""
        return lower in self.target_words or (len(lower) > HANDLE_REST and any(
            target.startswith(lower) and len(target) - len(lower) >= HANDLE_REST for target in self.target_words))

    def named(self, lower: str, *, typo: bool = False) -> bool:
        """Strong signs: a word of what the post links to, of a host the site links to, or of several posts
        (``COPIED_TYPO_POSTS`` for a ``typo`` of an English word written in lower case)."""
        vocabulary = self.vocabulary
        several = max(COPIED_TYPO_POSTS if typo else SEVERAL_POSTS, vocabulary.files // PAGES_PER_USE)
        return self.linked(lower) or lower in vocabulary.domains or vocabulary.posts.get(lower, 0) >= several

    @cached_property
    def _patch_subjects(self) -> tuple[list[int], list[int]]:
        subjects = [link for link in self.doc.body.links if not link.image and _PATCH_SUBJECT.match(link.text)]
        return [link.start + 1 for link in subjects], [link.start + 1 + len(link.text) for link in subjects]

    def quoted(self, word: str, start: int) -> bool:
        """Whether the word at ``start`` is someone else's or mentioned rather than meant: it stands in a
        patch e-mail's subject that a link quotes, or alone in quotes on a line that speaks of a typo."""
        if _within(self._patch_subjects, start):
            return True
        text = self.doc.text
        closing = _QUOTES.get(text[start - 1 : start])
        if closing is None or text[start + len(word) : start + len(word) + 1] != closing:
            return False
        line_end = text.find("\n", start)
        line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
        return _SPEAKS_OF_TYPOS.search(line) is not None

    @cached_property
    def _headings(self) -> tuple[list[int], list[int]]:
        headings = self.doc.body.headings
        return [h.start for h in headings], [h.end for h in headings]

    @cached_property
    def _alt_texts(self) -> tuple[list[int], list[int]]:
        images = [link for link in self.doc.body.links if link.image]
        return [i.start + 2 for i in images], [i.start + 2 + len(i.text) for i in images]

    def unsafe(self, word: str, start: int) -> str | None:
        """Why a fix of the word at ``start`` is not safe, if it is not: it stands in a heading (the
        heading's anchor would change), in an image's alt text, alone in quotes, or is capitalised
        mid-sentence."""
        if _within(self._headings, start):
            return "the heading's anchor changes"
        if _within(self._alt_texts, start):
            return "alt text may name what the picture shows"
        text = self.doc.text
        if _QUOTES.get(text[start - 1 : start], "") == text[start + len(word) : start + len(word) + 1] != "":
            return "quoted, it may be mentioned, not meant"
        if word[:1].isupper() and capitalised_mid_sentence(text, start, self.doc.body_start):
            return "capitalised mid-sentence, it may be a name"
        return None


def _within(spans: tuple[list[int], list[int]], offset: int) -> bool:
    starts, ends = spans
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


def capitalised_mid_sentence(text: str, start: int, body_start: int) -> bool:
    """Whether the word at ``start`` stands inside a sentence of the body: not first in a paragraph,
    a line of a list, a quote, a table cell or a comment in code, nor after a sentence's end. Front matter values are
    written in Title Case: no place there counts."""
    if start < body_start:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, body_start) : start].rstrip(_OPENERS)
    if not before.strip():  # first on its line: a paragraph's line goes on from the line above
        if line_start <= body_start:
            return False
        before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip()
        if not before or before.startswith(_BLOCK_LINES):
            return False
    elif _BLOCK_MARKS.fullmatch(before):
        return False
    before = before.rstrip()
    if re.search(r"(?:^|\s)(?:#|//|/\*)$", before):
        return False  # the first word of a comment in code
    before = before.rstrip(_CLOSERS)
    return bool(before) and before[-1] not in _BOUNDARIES


def in_person_name(doc: Document, start: int, length: int, *, english: bool = True) -> bool:
    """Whether a capitalised word of a paragraph stands next to another one (after a particle such as
    ``den``) or before an initial or a legal form, as in a name (``Thilo Fromm``, ``Martijn den Hoedt``,
    ``Dimitry B.``, ``Invision AG``), also across the line break of a paragraph. Without ``english``, a
    neighbour that is a frequent English word is no sign (``Packet Filter Sytems`` is a title).

    Front matter and headings are often in Title Case, where every word is capitalised.
    """
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    if start < doc.body_start or text[line_start:start].lstrip().startswith("#"):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and "\n" in before.group(2) and text[text.rfind("\n", 0, before.start()) + 1:].lstrip()[:1] == "#":
        before = None  # the line above is a heading: another block
    after = _WORD_AFTER.match(text, start + length, start + length + 40)
    neighbours = [m.group(1) for m in (before, after) if m is not None and _capitalised(m.group(1))]
    if neighbours and not english:
        frequent = dictionaries.english().lookup({word.lower() for word in neighbours})
        neighbours = [word for word in neighbours if frequent.get(word.lower(), 0) < dictionaries.FREQUENT]
    return bool(neighbours) or _INITIAL_AFTER.match(text, start + length) is not None


def _capitalised(word: str) -> bool:
    """``Klein``, ``Švácha``, ``GitHub``: an initial capital and some lower case (not ``API``, not ``the``)."""
    return word[0].isupper() and any(c.islower() for c in word[1:])
