"""The results cache: what linting each file found, in one SQLite database,
``.tripreport-lint-cache/<version>/results.sqlite3`` (``page_facts`` keeps what each site's pages
say in the same folder).

An entry's key hashes the file's bytes and path, the tool's version, the configuration and rule
selection, the project's words, and a signature of every file of the site (path, size, modification
time), which stands for what rules read beyond the file itself: the spelling vocabulary, the link
targets and their anchors, the images. Each entry is one row written by one statement, so workers
and concurrent runs never see half of one (SQLite locks the file; in WAL mode reads go on while a
run writes); a row that does not read back whole is a miss, and a database that is not one is made
again. Rows hold JSON, never code: a cache folder committed by someone else cannot run anything.
One database instead of a file an entry: creating a file costs more than linting a small post.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from tripreport_lint import __version__
from tripreport_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from tripreport_lint.engine.engine import Engine, FileResult
from tripreport_lint.paths import absolute, display

# Findings that depend on the clock, not only on the files: a result holding one is not stored.
CLOCK_RULES = frozenset({"FM021"})
DATABASE = "results.sqlite3"
# Rows kept: every edit of a post adds one, so the oldest go when a run starts with more than this.
MAX_ENTRIES = 50_000
# How long a write waits while another run writes, before it gives up keeping that result.
_BUSY_SECONDS = 10.0


class Cache:
    """Results of earlier runs, looked up by what they depend on."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.database = absolute(folder) / __version__ / DATABASE  # absolute: connections are kept by it

    def load(self, engine: Engine, path: Path, fix: bool, unsafe_fixes: bool) -> FileResult | None:
        """The stored result for the file as it is now, or None; in fix mode, only a result that
        leaves nothing to fix."""
        connection = _connection(self.database)
        if connection is None:
            return None
        try:
            raw = path.read_bytes()
            row = connection.execute("SELECT entry FROM results WHERE key = ?", (self._key(engine, path, raw),)).fetchone()
            if row is None:
                return None
            shown = display(path)
            diagnostics = [_diagnostic(shown, item) for item in json.loads(row[0])]
        except (OSError, ValueError, KeyError, TypeError, IndexError, sqlite3.Error):
            return None  # missing, unreadable or damaged: lint the file again
        if fix and any(d.fix is not None and (unsafe_fixes or d.fix.applicability is Applicability.SAFE)
                       for d in diagnostics):
            return None
        return FileResult(path, shown, diagnostics, raw=raw if fix else b"")

    def empty(self) -> bool:
        """Whether nothing is stored (a first run): then no file needs to be looked up."""
        connection = _connection(self.database)
        try:
            return connection is None or connection.execute("SELECT 1 FROM results LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True

    def store(self, engine: Engine, result: FileResult) -> None:
        """Keep a result for the file's current bytes, unless it cannot be trusted later."""
        if result.error or result.changed or any(d.code in CLOCK_RULES for d in result.diagnostics):
            return
        connection = _connection(self.database)
        if connection is None:
            return
        entry = json.dumps([_entry(d) for d in result.diagnostics], ensure_ascii=False, separators=(",", ":"))
        try:
            connection.execute("INSERT OR REPLACE INTO results (key, entry) VALUES (?, ?)",
                               (self._key(engine, result.path, result.raw), entry))
        except sqlite3.Error:
            pass  # locked too long by another run, a full disk: the result is only not kept

    def prepare(self) -> None:
        """Make the folder, with a .gitignore that keeps it out of commits, and the database, with
        its oldest rows dropped; quietly nothing when read-only."""
        ignore = self.folder / ".gitignore"
        try:
            if not ignore.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore.write_text("# Written by tripreport-lint: its cache is never committed.\n*\n", encoding="utf-8")
        except OSError:
            pass
        connection = _connection(self.database)
        try:
            if connection is not None:
                connection.execute("DELETE FROM results WHERE rowid <= (SELECT max(rowid) FROM results) - ?",
                                   (MAX_ENTRIES,))
        except sqlite3.Error:
            pass

    @staticmethod
    def _key(engine: Engine, path: Path, raw: bytes) -> str:
        path = absolute(path)
        digest = hashlib.sha256(engine.fingerprint(path.parent).encode())
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()


# Each process opens its own connection (a forked worker must not use its parent's: it finds it
# under the parent's pid and never closes it, as workers leave by os._exit).
_CONNECTIONS: dict[tuple[int, Path], sqlite3.Connection | None] = {}


def _connection(database: Path) -> sqlite3.Connection | None:
    """This process's connection to the results database, or None when it cannot be had."""
    slot = (os.getpid(), database)
    if slot not in _CONNECTIONS:
        _CONNECTIONS[slot] = _open(database)
    return _CONNECTIONS[slot]


def _open(database: Path) -> sqlite3.Connection | None:
    for attempt in range(2):
        try:
            database.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(database, timeout=_BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error):
            return None  # a read-only folder: nothing is kept
        try:
            connection.execute("PRAGMA trusted_schema = OFF")  # the file is data: nothing in it runs
            connection.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
            connection.execute("PRAGMA synchronous = NORMAL")  # a crash may lose the last rows, never the file
            connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, entry TEXT NOT NULL)")
            return connection
        except sqlite3.OperationalError:
            connection.close()
            return None  # locked for too long, or read-only: nothing is kept
        except sqlite3.DatabaseError:
            connection.close()
            if attempt:
                return None
            try:  # not a database: start again
                for name in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm"):
                    (database.parent / name).unlink(missing_ok=True)
            except OSError:
                return None
    return None


def _span(span: Span) -> list[int]:
    return [span.line, span.column, span.end_line, span.end_column]


def _entry(d: Diagnostic) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": d.code, "name": d.name, "message": d.message, "span": _span(d.span),
                             "severity": d.severity.value, "edit_spans": [_span(s) for s in d.edit_spans],
                             "utf8_spans": [_span(s) for s in d.utf8_spans]}
    if d.fix is not None:
        entry["fix"] = {"edits": [[e.start, e.end, e.content] for e in d.fix.edits],
                        "applicability": d.fix.applicability.value, "description": d.fix.description}
    return entry


def _diagnostic(path: str, entry: dict[str, Any]) -> Diagnostic:
    fix = None
    if "fix" in entry:
        data = entry["fix"]
        fix = Fix(tuple(Edit(int(start), int(end), str(content)) for start, end, content in data["edits"]),
                  Applicability(data["applicability"]), str(data["description"]))
    return Diagnostic(path, str(entry["code"]), str(entry["name"]), str(entry["message"]), Span(*map(int, entry["span"])),
                      Severity(entry["severity"]), fix, tuple(Span(*map(int, s)) for s in entry["edit_spans"]),
                      tuple(Span(*map(int, s)) for s in entry["utf8_spans"]))
