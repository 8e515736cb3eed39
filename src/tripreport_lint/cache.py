"""The results cache: one JSON file per linted file content, in ``.tripreport-lint-cache/``
(``page_facts`` keeps what each site's pages say in the same folder).

An entry's key hashes the file's bytes and path, the tool's version, the configuration and rule
selection, the project's words, and a signature of every file of the site (path, size, modification
time), which stands for what rules read beyond the file itself: the spelling vocabulary, the link
targets and their anchors, the images. One file per entry, written by an atomic rename, so runs in
parallel never corrupt each other's entries; an entry that does not read back whole is a miss.
Entries are data (JSON), never code: a cache folder committed by someone else cannot run anything.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from .engine import Engine, FileResult
from .files import write_cache_data
from .paths import absolute, display

# Findings that depend on the clock, not only on the files: a result holding one is not stored.
CLOCK_RULES = frozenset({"FM021"})


class Cache:
    """Results of earlier runs, looked up by what they depend on."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries = folder / __version__

    def load(self, engine: Engine, path: Path, fix: bool, unsafe_fixes: bool) -> FileResult | None:
        """The stored result for the file as it is now, or None; in fix mode, only a result that
        leaves nothing to fix."""
        try:
            raw = path.read_bytes()
            entry = json.loads((self.entries / (key := self._key(engine, path, raw))[:2] / f"{key}.json").read_bytes())
            if entry["key"] != key:
                return None
            shown = display(path)
            diagnostics = [_diagnostic(shown, item) for item in entry["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # missing, unreadable or damaged: lint the file again
        if fix and any(d.fix is not None and (unsafe_fixes or d.fix.applicability is Applicability.SAFE)
                       for d in diagnostics):
            return None
        return FileResult(path, shown, diagnostics, raw=raw if fix else b"")

    def store(self, engine: Engine, result: FileResult) -> None:
        """Keep a result for the file's current bytes, unless it cannot be trusted later."""
        if result.error or result.changed or any(d.code in CLOCK_RULES for d in result.diagnostics):
            return
        key = self._key(engine, result.path, result.raw)
        entry = {"key": key, "diagnostics": [_entry(d) for d in result.diagnostics]}
        write_cache_data(self.entries / key[:2] / f"{key}.json", json.dumps(entry, ensure_ascii=False, separators=(",", ":")))

    def prepare(self) -> None:
        """Make the folder, with a .gitignore that keeps it out of commits; quietly nothing when read-only."""
        ignore = self.folder / ".gitignore"
        try:
            if not ignore.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore.write_text("# Written by tripreport-lint: its cache is never committed.\n*\n", encoding="utf-8")
        except OSError:
            pass

    @staticmethod
    def _key(engine: Engine, path: Path, raw: bytes) -> str:
        path = absolute(path)
        digest = hashlib.sha256(engine.fingerprint(path.parent).encode())
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()


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
