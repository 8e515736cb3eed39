"""Errors that end a run with exit code 2: bad usage, configuration or input; and the hint of a near name."""

from __future__ import annotations

from collections.abc import Iterable


class InputError(Exception):
    """A problem the user must fix (a config key, a schema, a path); its text names the file."""


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest to a mistyped ``word``, or None when none is close."""
    import difflib  # noqa: PLC0415 - only a name that names nothing needs it

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None
