"""How a site writes names: the case forms of name-like words in each page's prose and link paths, and
the casing that a clear majority of the site's pages use for a name (``GitHub``, ``OpenTelemetry``).

Other pages are read cheaply, without parsing their Markdown: code, comments, templates, HTML tags,
URLs and link targets are cut out with patterns, which is close enough to count how posts write a word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import compress
from typing import Any, NamedTuple

from tripreport_lint.spelling import dictionaries

# A word of prose: letters between spaces or punctuation, not part of an identifier, path, URL, query,
# file name, handle, hashtag or variable (`opentelemetry-collector`, `github_token`, `Github.com`, `@github`,
# `#github`, `https://github.com/x`, `?v=x`): so URLs need no pass of their own. The character before the
# word is matched, not looked behind at (not `\w@#$/.\'’=?&%~-`, nor the second `:` of `::`): a pattern that
# starts with a set of characters lets the regex engine skip the letters of words in C, a third faster.
_WORD = re.compile(r"(?:[^\w@#$/.\\'’=?&%~:-]|:(?<!::))([A-Za-z]{3,40})(?![\w/@=&%-]|\.\w|::|:/)")
# A fenced code block with the line break before it (one is put before the text): the regex engine finds line
# breaks in C, and tries a pattern that starts at a line's start (``^``) at every character.
_FENCE = re.compile(r"\n[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
# Parts of a page that are no prose: comments, templates, code, tags, link targets. Each starts with one
# of four characters, and the alternatives are grouped by it, so the regex engine finds those characters
# in C before it tries any (a code span's run of backticks is its first one and the rest, the same run).
_NOT_PROSE = re.compile(
    r"<(?:(?s:!--.*?(?:-->|\Z))|(?s:(?P<tag>code|kbd|samp|var|tt|pre)\b[^>]*>.*?</(?P=tag)\s*>)|[^<>\n]*>)"
    r"|\{(?s:\{.*?\}\}|%.*?%\})"
    r"|`(?P<ticks>`*)[^`\n].*?`(?P=ticks)"
    r"|\]\([^)\n]*\)?"
)
# HTML elements whose text is code, in a post's prose.
CODE_ELEMENTS = re.compile(r"<(?P<tag>code|kbd|samp|var|tt|pre)\b[^>]*>.*?</(?P=tag)\s*>", re.S | re.I)
_URL_PATH = re.compile(r"://[^/\s]*(/[^\s)<>\]\"'`#?]*)")
_PATH_WORD = re.compile(r"[A-Za-z]{3,}")
# Front matter values shown on the page as prose.
SHOWN_KEYS = ("title", "description", "summary")
# A path form is kept with this mark before it: a repository's or a page's own spelling of its name
# (`github.com/PowerShell/PowerShell`) tells how it is written, but is not the site's prose.
PATH_MARK = "/"


def capitals(word: str) -> bool:
    """``GITHUB``, ``API``, ``URLs``: capitals only (emphasis, an acronym), or an acronym's plural."""
    return word == word.upper() or (word[-1] == "s" and word[:-1].isupper())


def mixed_case(word: str) -> bool:
    """``GitHub``, ``macOS``, ``iOS``: a capital after the first letter, and not ``capitals``."""
    return word[1:] != word[1:].lower() and not capitals(word)


def forms_of(text: str, body_start: int, data: Mapping[str, Any] | None) -> str:
    """The distinct forms of a page's words that may be names, as the page writes them: those with a
    capital after the first letter (``GitHub``), and any other form of a word that is not English
    (``github``, ``Github``), from its prose and shown front matter values (``data``); and, marked
    with ``PATH_MARK``, mixed-case words of the paths it links to (``/PowerShell``); between spaces
    (one string is kept and read faster than a list of many)."""
    body = text[body_start:]
    if "```" in body or "~~~" in body:
        body = _FENCE.sub("\n ", "\n" + body)[1:]
    paths = {PATH_MARK + word for word in path_forms(body)}
    words = set(_words(_NOT_PROSE.sub(" ", body)))
    for key, value in (data or {}).items():
        if str(key).lower() in SHOWN_KEYS and isinstance(value, str):
            words.update(_words(value))
    written = list(words)
    lowered = " ".join(written).lower().split()  # one call, not one a word
    english = dictionaries.english().answers(set(lowered))
    # Mixed case (a capital after the first letter), or no English word; not capitals only.
    kept = {word for word, lower in zip(written, lowered, strict=True) if word[1:] != lower[1:] or lower not in english}
    kept = {word for word in kept if not capitals(word)}
    return " ".join(sorted(kept | {path for path in paths if path[1:] not in kept}))  # a page has one say


def path_forms(text: str) -> set[str]:
    """The mixed-case words of the paths of the URLs in a text (``PowerShell`` of
    ``github.com/PowerShell/PowerShell``): how a repository or a page writes its own name."""
    return {word for path in _URL_PATH.findall(text) for word in _PATH_WORD.findall(path) if mixed_case(word)}


def _words(text: str) -> list[str]:
    """The words of prose in a text (``_WORD``), in order."""
    return _WORD.findall(" " + text)  # a space before the first


# A name's casing is the site's when this many pages write it so (in prose or in a path they link to, of
# which at least MIN_PROSE_PAGES in prose), and at least this share of the word's uses (the pages that
# write it in each casing but capitals only, added up).
MIN_PAGES = 5
MIN_PROSE_PAGES = 2
MIN_SHARE = 0.85


class Casing(NamedTuple):
    """The form most of the site's pages write a word in, with how many do and how many write it otherwise
    (a page counted once for each other casing it uses)."""

    form: str
    pages: int
    others: int


def form_counts(page_forms: Iterable[str]) -> Counter[str]:
    """How many pages write each form, from the forms each page writes (``forms_of``)."""
    return Counter(" ".join(page_forms).split())


def site_casings(counts: Mapping[str, int]) -> dict[str, Casing]:
    """The words (in lower case) that the site writes in one clear majority form with a capital in it,
    from how many pages write each form (``form_counts``)."""
    lowered = Counter[str]()  # the uses of each word in any casing
    for form, pages in counts.items():
        lowered[form.lower()] += pages
    found = {}
    # The forms at least two pages write, sifted in C (most forms are one page's); a majority is the
    # largest form, so the forms need no comparing.
    for form in compress(counts, map(MIN_PROSE_PAGES.__le__, counts.values())):
        if form.islower() or form.startswith(PATH_MARK):
            continue
        lower = form.lower()
        pages = counts[form] + counts.get(PATH_MARK + form, 0)
        uses = lowered[lower] + lowered.get(PATH_MARK + lower, 0)
        if pages >= MIN_PAGES and pages >= MIN_SHARE * uses:
            found[lower] = Casing(form, pages, uses - pages)
    return found
