"""What each page of a site says (``site.page_facts``): the facts of every page in one value, the words of each
page in a row of its own (read only for the pages that changed), and the word counts of a site. A run that
changed a few pages writes only what changed (``recent``), read with the whole each time: writing the whole
again (a large blog's facts and counts are some MB of JSON) would cost every pre-commit run after an edit."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tripreport_lint.site.name_forms import Casing
from tripreport_lint.site.page_facts import Delta, Entry, PageFacts, Summary
from tripreport_lint.store.database import Store, write_transaction

_CHUNK = 500  # paths asked in one statement (SQLite's limit on parameters is 32,766 or less)
# What changed since the facts and counts were written whole is kept apart up to this many pages and counts
# moved; past that, the whole is written again.
RECENT_PAGES = 100
RECENT_COUNTS = 10_000
# What reading a value of the store may raise when the value is not what this module writes (JSON nested deep
# enough raises RecursionError).
_UNREADABLE = (sqlite3.Error, ValueError, TypeError, RecursionError)


class SiteFacts:
    """The facts of sites, as ``site.page_facts`` asks for them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def summary(self, site: str) -> Summary | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            counts = connection.execute("SELECT pages, posts, domains, generation, casings, recent FROM site_counts "
                                        "WHERE site = ?", (site,)).fetchone()
            if counts is None:
                return None
            pages = _pages(json.loads(counts[0]))
            posts, domains = _counter(json.loads(counts[1])), _counter(json.loads(counts[2]))
            casings = _casings(json.loads(counts[4]))
            recent = _delta(counts[5])
        except _UNREADABLE:
            return None
        if (pages is None or posts is None or domains is None or casings is None or recent is None
                or not isinstance(counts[3], int)):
            return None  # not what this module writes: never trusted blindly
        for path, page in recent.pages.items():
            if page is None:
                pages.pop(path, None)
            else:
                pages[path] = page
        if not (_add(posts, recent.posts) and _add(domains, recent.domains)):
            return None  # more pages counted out of a word than use it: not what this module writes
        return Summary(pages, posts, domains, counts[3], casings, None)

    def words(self, site: str, paths: list[str], generation: int) -> dict[str, tuple[str, str]] | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            with _snapshot(connection):
                row = connection.execute("SELECT generation FROM site_counts WHERE site = ?", (site,)).fetchone()
                if row is None or row[0] != generation:
                    return None  # saved by another run since its summary was read: not the words counted
                found = {path: (words, hosts) for start in range(0, len(paths), _CHUNK)
                         for path, words, hosts in _words_of(connection, site, paths[start : start + _CHUNK])
                         if isinstance(words, str) and isinstance(hosts, str)}
        except sqlite3.Error:
            return None
        return found if len(found) == len(set(paths)) else None

    def forms(self, site: str, generation: int) -> Counter[str] | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT forms, generation FROM site_counts WHERE site = ?", (site,)).fetchone()
            return _counter(json.loads(row[0])) if row is not None and row[1] == generation else None
        except _UNREADABLE:
            return None

    def save(self, site: str, summary: Summary, read: dict[str, Entry], gone: list[str], delta: Delta, *,
             start_over: bool, expected_generation: int | None) -> int | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            with write_transaction(connection):
                row = connection.execute("SELECT generation, recent FROM site_counts WHERE site = ?",
                                         (site,)).fetchone()
                generation = row[0] if row and isinstance(row[0], int) else 0
                if expected_generation is not None and generation != expected_generation:
                    return None  # another run saved meanwhile: its counts are the newer (nothing was written)
                if start_over:
                    connection.execute("DELETE FROM site_pages WHERE site = ?", (site,))
                    connection.execute("DELETE FROM site_derived WHERE site = ?", (site,))
                connection.executemany("DELETE FROM site_pages WHERE site = ? AND path = ?", [(site, p) for p in gone])
                connection.executemany("INSERT OR REPLACE INTO site_pages (site, path, words, hosts) VALUES (?, ?, ?, ?)",
                                       [(site, path, e[2], e[3]) for path, e in read.items()])
                recent = _merged(_delta(row[1]), delta) if row and not start_over and expected_generation is not None \
                    else None
                if recent is not None:  # the whole as written, and what changed since (the forms, if any moved)
                    forms = ", forms = ?, casings = ?" if delta.forms_moved else ""
                    connection.execute(f"UPDATE site_counts SET recent = ?, generation = ?{forms} WHERE site = ?",
                                       (_delta_json(recent), generation + 1,
                                        *((_json(summary.forms or Counter()), _casings_json(summary)) if forms else ()),
                                        site))
                    return generation + 1
                pages = {path: [size, mtime, facts.to_json()] for path, (size, mtime, facts) in summary.pages.items()}
                connection.execute(
                    "INSERT OR REPLACE INTO site_counts (site, pages, posts, domains, forms, casings, recent, generation) "
                    "VALUES (?, ?, ?, ?, ?, ?, '{}', ?)",
                    (site, json.dumps(pages, ensure_ascii=False, separators=(",", ":")), _json(summary.posts),
                     _json(summary.domains), _json(summary.forms or Counter()), _casings_json(summary), generation + 1))
        except sqlite3.Error:
            return None  # locked too long, a full disk: the next run reads the pages again
        return generation + 1

    def derived(self, site: str, name: str) -> tuple[str, int, str] | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT key, generation, value FROM site_derived WHERE site = ? AND name = ?",
                                     (site, name)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not (isinstance(row[0], str) and isinstance(row[1], int) and isinstance(row[2], str)):
            return None
        return row[0], row[1], row[2]

    def save_derived(self, site: str, name: str, key: str, generation: int, value: str) -> None:
        self.store.write("INSERT OR REPLACE INTO site_derived (site, name, key, generation, value) VALUES (?, ?, ?, ?, ?)",
                         [(site, name, key, generation, value)])


    def listing(self, site: str) -> dict[str, Any] | None:
        """The entries kept of the site's folders (``site.listing``), as saved."""
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT listing FROM site_files WHERE site = ?", (site,)).fetchone()
            found = json.loads(row[0]) if row is not None else None
        except _UNREADABLE:
            return None
        return found if isinstance(found, dict) else None

    def save_listing(self, site: str, listing: dict[str, Any]) -> None:
        self.store.write("INSERT OR REPLACE INTO site_files (site, listing) VALUES (?, ?)",
                         [(site, json.dumps(listing, separators=(",", ":")))])


@contextmanager
def _snapshot(connection: sqlite3.Connection) -> Iterator[None]:
    """Reads that see one state of the database (a read transaction: in WAL mode, a snapshot)."""
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("COMMIT")


def _words_of(connection: sqlite3.Connection, site: str, paths: list[str]) -> list[tuple[Any, Any, Any]]:
    marks = ", ".join("?" * len(paths))
    return connection.execute(f"SELECT path, words, hosts FROM site_pages WHERE site = ? AND path IN ({marks})",
                              (site, *paths)).fetchall()


def _pages(data: Any) -> dict[str, tuple[int, int, PageFacts]] | None:
    """Every page's size, time and facts, as ``save`` writes them."""
    if not isinstance(data, dict):
        return None
    pages = {}
    for path, value in data.items():
        if not (type(value) is list and len(value) == 3 and type(value[0]) is int and type(value[1]) is int):
            return None
        facts = PageFacts.from_json(value[2])
        if facts is None:
            return None
        pages[path] = (value[0], value[1], facts)
    return pages


def _delta(text: Any) -> Delta | None:
    """What changed since the facts and counts were written whole, as ``save`` writes it (``{}``: nothing)."""
    try:
        data = json.loads(text)
    except _UNREADABLE:
        return None
    if not isinstance(data, dict):
        return None
    pages = _pages({path: page for path, page in data.get("pages", {}).items() if page is not None}) \
        if isinstance(data.get("pages", {}), dict) else None
    posts, domains = data.get("posts", {}), data.get("domains", {})
    if pages is None or not all(isinstance(moved, dict) and _ints(moved.values()) for moved in (posts, domains)):
        return None
    return Delta({path: pages.get(path) for path in data.get("pages", {})}, posts, domains, False)


def _merged(recent: Delta | None, delta: Delta) -> Delta | None:
    """What changed since the whole was written, with ``delta`` too; None when it is unreadable or too much
    (the whole is written again)."""
    if recent is None:
        return None
    posts, domains = dict(recent.posts), dict(recent.domains)
    _add(posts, delta.posts)
    _add(domains, delta.domains)
    merged = Delta({**recent.pages, **delta.pages}, posts, domains, False)
    if len(merged.pages) > RECENT_PAGES or len(posts) + len(domains) > RECENT_COUNTS:
        return None
    return merged


def _add(counts: dict[str, int], more: dict[str, int]) -> bool:
    """Add ``more`` (what moved) to ``counts``, dropping what comes to zero; whether none of the counts it
    touched is below zero. Site counts below zero only a damaged store holds; what moved since the whole was
    written may be (fewer pages)."""
    for word, by in more.items():
        total = counts.get(word, 0) + by
        if total:
            counts[word] = total
        else:
            counts.pop(word, None)
    return all(counts.get(word, 0) >= 0 for word in more)


def _delta_json(delta: Delta) -> str:
    pages = {path: None if page is None else [page[0], page[1], page[2].to_json()] for path, page in delta.pages.items()}
    return json.dumps({"pages": pages, "posts": delta.posts, "domains": delta.domains}, ensure_ascii=False,
                      separators=(",", ":"))


def _casings_json(summary: Summary) -> str:
    return json.dumps({word: [c.form, c.pages, c.others] for word, c in summary.casings.items()}, ensure_ascii=False,
                      separators=(",", ":"))


def _json(counts: Counter[str]) -> str:
    return json.dumps(counts, ensure_ascii=False, separators=(",", ":"))


def _casings(data: Any) -> dict[str, Casing] | None:
    if not isinstance(data, dict):
        return None
    found = {}
    for word, value in data.items():
        if not (isinstance(value, list) and len(value) == 3 and isinstance(value[0], str) and _ints(value[1:])):
            return None
        found[word] = Casing(*value)
    return found


def _ints(values: Iterable[Any]) -> bool:
    """Whether all the values are integers (not booleans), checked in C: a site has tens of thousands."""
    return {*map(type, values)} <= {int}


def _counter(data: Any) -> Counter[str] | None:
    if not isinstance(data, dict) or not _ints(data.values()) or (data and min(data.values()) <= 0):
        return None
    return Counter(data)
