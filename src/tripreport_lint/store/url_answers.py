"""What servers answered to the remote link checks, by address (the checker decides how long an
answer stays true)."""

from __future__ import annotations

import sqlite3

from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.store.database import Store


class UrlAnswers:
    """The last answer for each address, as ``remote.checker`` asks for them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, url: str) -> UrlStatus | None:
        connection = self.store.connection()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT ok, status, reason, moved_to, checked_at FROM url_answers WHERE url = ?",
                                     (url,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        ok, status, reason, moved_to, checked_at = row
        if not (isinstance(status, int) or status is None) or not isinstance(checked_at, (int, float)):
            return None  # not what this module writes
        return UrlStatus(bool(ok), status, str(reason), None if moved_to is None else str(moved_to), float(checked_at))

    def put(self, url: str, status: UrlStatus) -> None:
        connection = self.store.connection()
        if connection is None:
            return
        try:
            connection.execute("INSERT OR REPLACE INTO url_answers (url, ok, status, reason, moved_to, checked_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (url, int(status.ok), status.status, status.reason, status.moved_to, status.checked_at))
        except sqlite3.Error:
            pass
