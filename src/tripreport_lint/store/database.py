"""The one SQLite database of a cache folder, ``<cache>/<version>/store.sqlite3``: a table per kind of
fact, one schema version, a connection per process, and the oldest rows pruned.

Rows hold JSON and plain values, never code: a cache folder committed by someone else cannot run
anything. WAL mode lets runs read while another writes; each write is one statement or one
transaction, so no run ever sees half of one. A file that is not a database, or one of another
schema version, is made again: a cache may forget, never mislead.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tripreport_lint import __version__
from tripreport_lint.files import write_cache_data
from tripreport_lint.paths import absolute

FILE = "store.sqlite3"
SCHEMA_VERSION = 8  # 3: page facts keep path, pubdate, published and unpublishdate; 4: their keys, author,
# redirect_from and how their prose writes names; 5: site_files; 6: site counts of name forms, casings, site_derived;
# 7: every page's size, time and facts in one value of site_counts (one row a page cost a one-file run ~10 ms);
# 8: site_counts.recent, what changed since they were last written whole (rewriting them cost every edit ~30 ms)
TABLES = {
    "results": "key TEXT PRIMARY KEY, entry TEXT NOT NULL",
    "clean_results": "key TEXT PRIMARY KEY",
    "fix_results": "key TEXT PRIMARY KEY, fixed BLOB NOT NULL, entry TEXT NOT NULL",
    "site_pages": "site TEXT NOT NULL, path TEXT NOT NULL, words TEXT NOT NULL, hosts TEXT NOT NULL, "
                  "PRIMARY KEY (site, path)",
    "site_counts": "site TEXT PRIMARY KEY, pages TEXT NOT NULL, posts TEXT NOT NULL, domains TEXT NOT NULL, "
                   "forms TEXT NOT NULL, casings TEXT NOT NULL, recent TEXT NOT NULL, generation INTEGER NOT NULL",
    "site_files": "site TEXT PRIMARY KEY, listing TEXT NOT NULL",
    "site_derived": "site TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, generation INTEGER NOT NULL, "
                    "value TEXT NOT NULL, PRIMARY KEY (site, name)",
    "url_answers": "url TEXT PRIMARY KEY, ok INTEGER NOT NULL, status INTEGER, reason TEXT NOT NULL, moved_to TEXT, "
                   "checked_at REAL NOT NULL",
}
# Rows kept of the tables that grow with every edit; the oldest go when a run starts with more.
LIMITS = {"results": 50_000, "clean_results": 60_000, "fix_results": 5_000, "url_answers": 50_000}
# Files and folders of earlier layouts of the same version folder, removed when a run prepares it.
_EARLIER = ("results.sqlite3", "results.sqlite3-wal", "results.sqlite3-shm", "accepted-front-matter.txt", "sites", "urls")
# How long a statement waits while another run writes, before it gives up (a result is then not kept).
_BUSY_SECONDS = 10.0

# Each process opens its own connection (a forked worker must not use its parent's: it finds it
# under the parent's pid and never closes it, as workers leave by os._exit).
_CONNECTIONS: dict[tuple[int, Path], sqlite3.Connection | None] = {}


class Store:
    """The database of one cache folder; every method is quietly nothing when it cannot be had
    (a read-only folder, a full disk, a lock held too long)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = absolute(folder) / __version__ / FILE  # absolute: connections are kept by it
        self._pending: list[tuple[str, list[tuple[Any, ...]]]] | None = None  # the writes of a batch

    def note(self, name: str) -> str | None:
        """A short text kept beside the database by ``keep_note``; None when there is none."""
        try:
            return (self.path.parent / f"{name}.txt").read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def keep_note(self, name: str, text: str) -> None:
        write_cache_data(self.path.parent / f"{name}.txt", text.encode("utf-8"))

    def write(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        """Run a statement for each row: now, or inside ``batch`` at its end."""
        if self._pending is not None:
            self._pending.append((statement, rows))
            return
        connection = self.connection()
        if connection is None:
            return
        try:
            connection.executemany(statement, rows)
        except sqlite3.Error:
            pass  # locked too long by another run, a full disk: the rows are only not kept

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes made inside wait for its end and go in one transaction: one commit, and one turn of the
        lock that parallel workers share, for a chunk of results rather than each row."""
        if self._pending is not None:
            yield
            return
        self._pending = []
        try:
            yield
            pending = self._pending
        finally:
            self._pending = None
        connection = self.connection()
        if connection is None or not pending:
            return
        try:
            with write_transaction(connection):
                for statement, rows in pending:
                    connection.executemany(statement, rows)
        except sqlite3.Error:
            pass

    def connection(self) -> sqlite3.Connection | None:
        """This process's connection, opened (and the schema made) on first use."""
        slot = (os.getpid(), self.path)
        if slot not in _CONNECTIONS:
            _CONNECTIONS[slot] = _open(self.path)
        return _CONNECTIONS[slot]

    def shrink(self) -> None:
        """Free the memory this process's connection caches (before forking workers, which inherit it)."""
        connection = _CONNECTIONS.get((os.getpid(), self.path))
        if connection is not None:
            with suppress(sqlite3.Error):
                connection.execute("PRAGMA shrink_memory")

    def prepare(self) -> None:
        """Make the folder, with a .gitignore that keeps it out of commits, drop the files of earlier
        layouts, and prune each growing table to its limit: what a run does once, first."""
        ignore = self.folder / ".gitignore"
        try:
            if not ignore.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore.write_text("# Written by tripreport-lint: its cache is never committed.\n*\n", encoding="utf-8")
            for name in _EARLIER:
                earlier = self.path.parent / name
                if earlier.is_dir():
                    import shutil  # noqa: PLC0415 - ~5 ms, for a folder that is rarely there

                    shutil.rmtree(earlier, ignore_errors=True)
                else:
                    earlier.unlink(missing_ok=True)
        except OSError:
            pass
        connection = self.connection()
        if connection is None:
            return
        try:
            for table, limit in LIMITS.items():
                connection.execute(f"DELETE FROM {table} WHERE rowid <= (SELECT max(rowid) FROM {table}) - ?", (limit,))
        except sqlite3.Error:
            pass


def _open(path: Path) -> sqlite3.Connection | None:
    for attempt in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error):
            return None
        try:
            connection.execute("PRAGMA trusted_schema = OFF")  # the file is data: nothing in it runs
            connection.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
            connection.execute("PRAGMA synchronous = NORMAL")  # a crash may lose the last rows, never the file
            _migrate(connection)
            return connection
        except sqlite3.OperationalError:
            connection.close()
            return None  # locked for too long, or read-only: nothing is kept
        except sqlite3.DatabaseError:
            connection.close()
            if attempt:
                return None
            try:  # not a database: start again
                for suffix in ("", "-wal", "-shm"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
            except OSError:
                return None
    return None


def _migrate(connection: sqlite3.Connection) -> None:
    """Make the tables of this schema version; a database of another version starts empty. Done in
    one immediate transaction, so that concurrent runs opening a new database make it once."""
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    with write_transaction(connection):
        if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
            for name in names:
                connection.execute(f'DROP TABLE "{name}"')
            for table, columns in TABLES.items():
                connection.execute(f"CREATE TABLE {table} ({columns})")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write-locked (immediate) transaction: committed at the end, rolled back on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):  # a failed rollback must not hide why it was needed
            connection.execute("ROLLBACK")
        raise
