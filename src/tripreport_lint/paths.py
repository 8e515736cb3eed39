"""Find the Markdown files to lint and match paths against the globs of the configuration."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

# A glob that is a plain name (``README.md``, ``**/_index.md``, as in the default ``schemas``) matches a
# path with a part of that name, file or folder, as in a .gitignore: no pathspec (~6 ms to import) needed.
_PLAIN_NAME = re.compile(r"(?:\*\*/)?[A-Za-z0-9_.-]*[A-Za-z0-9_-][A-Za-z0-9_.-]*")
# A glob of one name ending (``*.md``, ``!*.markdown``, as the default ``include``): a file's own match
# (``whole_path``) is its name's ending, found without pathspec's patterns (discovery asks for every file).
_ENDING = re.compile(r"!?\*(\.[A-Za-z0-9_-][A-Za-z0-9_.-]*)")


@lru_cache(maxsize=512)
def _spec(globs: tuple[str, ...]) -> GitIgnoreSpec:
    # Compiled once per list: discovery asks for every file of a tree. pathspec costs ~7 ms to import.
    from pathspec import GitIgnoreSpec  # noqa: PLC0415 - only runs that match paths need it

    return GitIgnoreSpec.from_lines(globs)


def glob_match(globs: tuple[str, ...], relative: str, *, whole_path: bool = False) -> bool:
    """Whether a POSIX relative path is matched by a list of gitignore globs (pathspec's reading of them).

    As in a .gitignore, a glob without '/' matches a name at any depth, one that matches a folder
    matches everything below it, ``[...]`` is a class, ``\\`` escapes, and a later ``!glob``
    takes a path back out. With ``whole_path`` a folder's match does not count: the glob must
    match the file itself (its name, or its whole path).
    """
    if not globs:
        return False
    if not whole_path and "//" not in relative and all(map(_PLAIN_NAME.fullmatch, globs)):
        names = {glob.removeprefix("**/") for glob in globs}
        return any(part in names for part in relative.split("/"))
    if whole_path and not relative.startswith("/") and (endings := _endings(globs)) is not None:
        name = relative.rpartition("/")[2]
        chosen = False
        for ending, include in endings:  # the last glob that matches decides, as in a .gitignore
            if name.endswith(ending):
                chosen = include
        return chosen
    spec = _spec(globs)
    if not whole_path:
        return spec.match_file(relative)
    chosen = False
    for pattern in spec.patterns:
        found = pattern.match_file(relative) if pattern.include is not None else None
        # pathspec marks a match that stops at a folder of the path with a named group.
        if found is not None and not any(found.match.groupdict().values()):
            chosen = bool(pattern.include)
    return chosen


@lru_cache(maxsize=64)
def _endings(globs: tuple[str, ...]) -> tuple[tuple[str, bool], ...] | None:
    """The name ending of each glob and whether it includes (not ``!``), if all are ``_ENDING`` globs."""
    found = [_ENDING.fullmatch(glob) for glob in globs]
    return tuple((match[1], not glob.startswith("!")) for glob, match in zip(globs, found, strict=True)
                 if match is not None) if all(found) else None


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


def unique(paths: Iterable[Path]) -> list[Path]:
    """Paths without repeats, in first-seen order: two names of one file (a symlink and its target)
    are one, or a run would lint it twice and its second fix would find the file changed."""
    seen: dict[str, Path] = {}
    folders: dict[str, str] = {}  # a folder as written -> its real path: resolved once, not for each file
    for path in paths:
        folder, name = os.path.split(path)
        if not name or name in (".", "..") or os.path.islink(path):
            real = os.path.realpath(path)
        else:
            if folder not in folders:
                folders[folder] = os.path.realpath(folder)
            real = os.path.join(folders[folder], name)
        seen.setdefault(real, path)
    return list(seen.values())
