"""A site's own vocabulary: how many posts use each word, and the words of the domains it links to.

Built once per run from every Markdown file of the site (so a one-file pre-commit run still sees
the words the other posts use), bounded in files and time so a huge tree cannot stall a commit.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILES = 5000
MAX_SECONDS = 3.0
_WORD = re.compile(r"[A-Za-z]{2,}")
_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)")


@dataclass
class Vocabulary:
    """Document frequencies of lower-case words, and words taken from linked host names."""

    posts: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    files: int = 0
    complete: bool = True

    def add_text(self, text: str) -> None:
        self.files += 1
        self.posts.update(set(_WORD.findall(text.lower())))  # lower first: one call, not one a word
        for host in _HOST.findall(text):
            self.domains.update({part.lower() for part in re.split(r"[.-]", host) if len(part) > 2})


def build(paths: Iterable[Path]) -> Vocabulary:
    """The vocabulary of the given files, stopping at MAX_FILES files or MAX_SECONDS."""
    vocabulary = Vocabulary()
    deadline = time.monotonic() + MAX_SECONDS
    for path in paths:
        if vocabulary.files >= MAX_FILES or time.monotonic() > deadline:
            vocabulary.complete = False
            break
        try:
            vocabulary.add_text(path.read_text("utf-8", errors="replace"))
        except OSError:
            continue
    return vocabulary
