"""Lint results by what they depend on, what --fix made of a file, and the rule results that can be
remembered as clean.

A result's key hashes the file's bytes and path with the fingerprint of its settings (tool version,
configuration and rule selection, project words, and a signature of every file of the site: what
rules read beyond the file itself). A row that does not read back whole is a miss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tripreport_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from tripreport_lint.paths import absolute
from tripreport_lint.store.database import Store


def entry_key(fingerprint: str, path: Path, raw: bytes) -> str:
    """The key of a file's result: its settings' fingerprint, its absolute path and its bytes."""
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(str(absolute(path)).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


class Results:
    """The findings of earlier runs, by key."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, shown: str) -> list[Diagnostic] | None:
        """The stored findings (with ``shown`` as their path), or None when missing or damaged."""
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT entry FROM results WHERE key = ?", (key,)).fetchone()
            return None if row is None else [_diagnostic(shown, item) for item in json.loads(row[0])]
        except (ValueError, KeyError, TypeError, IndexError, RecursionError, sqlite3.Error):
            return None  # damaged: lint the file again

    def put(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        entry = json.dumps([_entry(d) for d in diagnostics], ensure_ascii=False, separators=(",", ":"))
        self.store.write("INSERT OR REPLACE INTO results (key, entry) VALUES (?, ?)", [(key, entry)])

    def empty(self) -> bool:
        """Whether nothing is stored (a first run): then no file needs to be looked up."""
        connection = self.store.connection()
        try:
            return connection is None or connection.execute("SELECT 1 FROM results LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True


class FixResults:
    """What ``--fix`` (or ``--diff``) made of a file's bytes: the fixed bytes, the fixes applied, the findings
    left and those of the bytes before; by the key of those bytes with what the fixes allowed were."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def key(fingerprint: str, path: Path, raw: bytes, *, unsafe: bool) -> str:
        return entry_key(f"{fingerprint}\0fix{'-unsafe' if unsafe else ''}", path, raw)

    def get(self, key: str, shown: str) -> tuple[bytes, int, list[Diagnostic], list[Diagnostic]] | None:
        """(fixed bytes, fixes applied, findings left, findings before), or None when missing or damaged."""
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT fixed, entry FROM fix_results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            entry = json.loads(row[1])
            return (bytes(row[0]), int(entry["fixed"]), [_diagnostic(shown, item) for item in entry["remaining"]],
                    [_diagnostic(shown, item) for item in entry["found"]])
        except (ValueError, KeyError, TypeError, IndexError, RecursionError, sqlite3.Error):
            return None

    def put(self, key: str, fixed_bytes: bytes, fixed: int, remaining: Sequence[Diagnostic],
            found: Sequence[Diagnostic]) -> None:
        entry = json.dumps({"fixed": fixed, "remaining": [_entry(d) for d in remaining],
                            "found": [_entry(d) for d in found]}, ensure_ascii=False, separators=(",", ":"))
        self.store.write("INSERT OR REPLACE INTO fix_results (key, fixed, entry) VALUES (?, ?, ?)",
                         [(key, fixed_bytes, entry)])


class CleanResults:
    """Keys of rule results that found nothing (see ``Rule.clean_key``): a rule whose key is here
    need not run again. Asked one key at a time, so a run never loads them all."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __contains__(self, key: object) -> bool:
        connection = self.store.connection()
        try:
            return connection is not None and connection.execute(
                "SELECT 1 FROM clean_results WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.Error:
            return False

    def add(self, keys: Iterable[str]) -> None:
        self.store.write("INSERT OR IGNORE INTO clean_results (key) VALUES (?)", [(key,) for key in keys])


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
