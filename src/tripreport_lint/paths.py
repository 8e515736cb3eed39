"""Find the Markdown files to lint and match paths against the globs of the configuration."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

# Folders no one wants linted: version control, dependencies, build output of Jekyll.
SKIPPED_DIRS = frozenset({"node_modules", "_site", "__pycache__"})


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern.strip("/"))
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(table.get(part, re.escape(part)) for part in parts))


def glob_match(pattern: str, relative: str, *, whole_path: bool = False) -> bool:
    """gitignore-like matching of a POSIX relative path.

    A pattern matches the path or any folder above it, and one without '/' matches any single name.
    With ``whole_path`` it must match the file itself: the whole path, or its name.
    """
    regex = _glob_regex(pattern)
    parts = relative.split("/")
    if whole_path:
        return bool(regex.fullmatch(relative if "/" in pattern.strip("/") else parts[-1]))
    if "/" not in pattern.strip("/"):
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(len(parts), 0, -1))


def absolute(path: Path) -> Path:
    """An absolute, normalised path, without resolving links (no file system access)."""
    return Path(os.path.abspath(path))


def relative_to(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, or its absolute form when outside; both absolute."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def display(path: Path) -> str:
    """How a path is shown: relative to the working directory when below it, in POSIX form."""
    full, here = os.path.abspath(path), os.getcwd().rstrip(os.sep)  # strings: this runs for every file
    if full == here:
        return "."
    if full.startswith(here + os.sep):
        full = full[len(here) + 1 :]
    return full.replace(os.sep, "/")


def walk(root: Path) -> Iterator[Path]:
    """Files below ``root`` in a stable order, skipping hidden and dependency folders and link loops."""
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(folder) / name


def unique(paths: Iterable[Path]) -> list[Path]:
    """Paths without repeats, in first-seen order: two names of one file (a symlink and its target)
    are one, or a run would lint it twice and its second fix would find the file changed."""
    seen: dict[str, Path] = {}
    for path in paths:
        seen.setdefault(os.path.realpath(path), path)
    return list(seen.values())
