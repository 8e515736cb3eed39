"""A site's own vocabulary: how many posts use each word, and the words of the domains it links to.

Made from every Markdown page of the site (so a one-file pre-commit run still sees the words the
other posts use), from what ``page_facts`` read of each page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[A-Za-z]{2,}")
_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)")


def words_of(text: str) -> tuple[set[str], set[str]]:
    """The distinct lower-case words of a page, and the parts of the host names it links to."""
    hosts = {part.lower() for host in _HOST.findall(text) for part in re.split(r"[.-]", host) if len(part) > 2}
    return set(_WORD.findall(text.lower())), hosts  # lower first: one call, not one a word


@dataclass
class Vocabulary:
    """Document frequencies of lower-case words, and words taken from linked host names."""

    posts: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    files: int = 0
    # Every page was read (of the first MAX_FILES): false when the reading deadline cut it short.
    complete: bool = True

    @classmethod
    def of(cls, pages: Iterable[tuple[Iterable[str], Iterable[str]]], *, complete: bool = True) -> Vocabulary:
        """The vocabulary of pages given as (words, host parts), each distinct within its page."""
        vocabulary = cls(complete=complete)
        for words, hosts in pages:
            vocabulary.files += 1
            vocabulary.posts.update(words)
            vocabulary.domains.update(hosts)
        return vocabulary
