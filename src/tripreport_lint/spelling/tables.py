"""Word tables asked a few words at a time: a one-file run looks up some thousands of words, so it asks
a SQLite file of the cache folder for them (~1 us a word) instead of loading 160,000 into a dict
(~30 ms); a process that has asked many loads the whole table once, and then asks the dict."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Generic, TypeVar

V = TypeVar("V")

# Words asked of the files before the whole table is loaded: by then asking on would cost as much again.
LOAD_ALL_AFTER = 20_000
_CHUNK = 500  # words asked in one statement (SQLite's limit on parameters is 999 in old builds)


class WordTable(Generic[V]):
    """Words and their values, merged from one or more tables (a later table's value wins), each kept
    in a SQLite file (None: none could be written) and loadable whole with its ``load``."""

    def __init__(self, parts: Sequence[tuple[Path | None, Callable[[], dict[str, V]]]]) -> None:
        self._parts = tuple(parts)
        self._full: dict[str, V] | None = None
        self._found: dict[str, V] = {}
        self._missing: set[str] = set()
        self._connections: list[sqlite3.Connection] = []
        self._pid = 0
        if any(path is None for path, _ in self._parts):
            self._load_all()

    def lookup(self, words: Iterable[str]) -> dict[str, V]:
        """The words of ``words`` that the table holds, with their values."""
        asked = words if isinstance(words, (set, frozenset)) else set(words)
        known = self.answers(asked)
        if known is self._full:
            return {word: known[word] for word in known.keys() & asked}
        return {word: known[word] for word in asked if word in known}

    def answers(self, words: Iterable[str]) -> Mapping[str, V]:
        """A mapping that answers as the table does for each of ``words`` (``in``, ``get``, ``[]``), to be
        asked of those words only: it may hold others (once the whole table is loaded, it is that table,
        which saves copying the thousands of words a post asks)."""
        asked = words if isinstance(words, (set, frozenset)) else set(words)
        if self._full is None:
            # Set operations, in C, one at a time: ``difference(a, b)`` loops over all of ``b`` (thousands of
            # words missing) when it is a set under 8 times the size of what is left, one at a time over ``asked``.
            new = list(asked.difference(self._found).difference(self._missing))
            if len(self._found) + len(self._missing) + len(new) > LOAD_ALL_AFTER:
                self._load_all()
            elif new:
                try:
                    self._ask(new)
                except sqlite3.Error:  # a damaged file: the data it was made from answers, and makes it again next run
                    for path, _ in self._parts:
                        with suppress(OSError):
                            if path is not None:
                                path.unlink(missing_ok=True)
                    self._load_all()
        return self._full if self._full is not None else self._found

    def get(self, word: str, default: V | None = None) -> V | None:
        return self.answers((word,)).get(word, default)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.answers((word,))

    def __getitem__(self, word: str) -> V:
        return self.answers((word,))[word]

    def whole(self) -> dict[str, V]:
        """Every word and its value (loaded once)."""
        self._load_all()
        assert self._full is not None
        return self._full

    def _ask(self, words: list[str]) -> None:
        if self._pid != os.getpid():  # a forked worker never shares its parent's connections
            self._connections = [sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
                                 for path, _ in self._parts if path is not None]
            self._pid = os.getpid()
        found: dict[str, V] = {}
        for connection in self._connections:
            for start in range(0, len(words), _CHUNK):
                chunk = words[start : start + _CHUNK]
                marks = ", ".join("?" * len(chunk))
                found.update(connection.execute(f"SELECT word, value FROM words WHERE word IN ({marks})", chunk))
        self._found.update(found)
        self._missing.update(word for word in words if word not in found)

    def _load_all(self) -> None:
        if self._full is None:
            if len(self._parts) == 1:
                full = self._parts[0][1]()  # taken as loaded: a copy would hold the table twice for a while
            else:
                full = {}
                for _, load in self._parts:
                    full.update(load())
            self._full = full
            self._found, self._missing = {}, set()


def write_table(path: Path, table: dict[str, V]) -> bool:
    """Keep ``table`` in a SQLite file at ``path``, through a temporary file so that concurrent runs never
    see half of one; False when it cannot be written (a read-only or full disk)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")  # a crash leaves a temporary file, never this one
            connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, value) WITHOUT ROWID")
            connection.executemany("INSERT INTO words VALUES (?, ?)", sorted(table.items()))
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True
