"""A site's own vocabulary: how many posts use each word, and the words of the domains it links to.

Made from every Markdown page of the site (so a one-file pre-commit run still sees the words the
other posts use), from what ``page_facts`` read of each page.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)")
# Every byte but an ASCII letter becomes a space: a page's words are then what ``split`` finds.
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ONE_LETTER = frozenset(string.ascii_lowercase)


def words_of(text: str) -> tuple[set[str], set[str]]:
    """The distinct lower-case words of a page (runs of two or more ASCII letters), and the parts of the
    host names it links to."""
    hosts = {part.lower() for host in _HOST.findall(text) for part in re.split(r"[.-]", host) if len(part) > 2}
    # Lower case first (one call, not one a word; a few letters outside ASCII lower into it), then any other
    # character is a space: a third faster than a regular expression's findall, and the same words.
    runs = set(text.lower().encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii").split())
    return runs - _ONE_LETTER, hosts  # runs of lower-case letters only: those of one are single letters


@dataclass
class Vocabulary:
    """Document frequencies of lower-case words, and words taken from linked host names."""

    posts: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    files: int = 0

    @classmethod
    def of(cls, pages: Iterable[tuple[Iterable[str], Iterable[str]]]) -> Vocabulary:
        """The vocabulary of pages given as (words, host parts), each distinct within its page."""
        vocabulary = cls()
        for words, hosts in pages:
            vocabulary.files += 1
            vocabulary.posts.update(words)
            vocabulary.domains.update(hosts)
        return vocabulary
