"""Which lines of which files changed since a git revision, for ``--diff-base``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tripreport_lint.errors import InputError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_FILE = re.compile(r"^\+\+\+ (.+)$", re.M)
_C_ESCAPE = re.compile(rb'\\([0-7]{3}|[abtnvfr"\\])')
_C_ESCAPES = {b"a": b"\a", b"b": b"\b", b"t": b"\t", b"n": b"\n", b"v": b"\v", b"f": b"\f", b"r": b"\r",
              b'"': b'"', b"\\": b"\\"}
# git prints paths as the file system's bytes: decoded as UTF-8, any other byte kept as a surrogate.
_ENCODING, _ERRORS = "utf-8", "surrogateescape"
# A work tree's own config may name a command git runs to list changed files (core.fsmonitor): never run it.
_GIT = ("git", "-c", "core.fsmonitor=false")


def changed_lines(base: str, cwd: Path) -> dict[Path, set[int]]:
    """Absolute path -> 1-based line numbers added or changed since ``base`` (working tree included)."""
    try:
        top = subprocess.run([*_GIT, "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True,
                             encoding=_ENCODING, errors=_ERRORS, check=True).stdout.strip()
        # Non-ASCII names unquoted, and the prefixes fixed whatever the user's diff settings.
        diff = subprocess.run([*_GIT, "-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                               "--src-prefix=a/", "--dst-prefix=b/", base, "--"],
                              cwd=cwd, capture_output=True, encoding=_ENCODING, errors=_ERRORS, check=True).stdout
    except FileNotFoundError as error:
        raise InputError("--diff-base needs git, which is not installed") from error
    except subprocess.CalledProcessError as error:
        raise InputError(f"--diff-base {base}: {error.stderr.strip() or 'git diff failed'}") from error
    changed: dict[Path, set[int]] = {}
    for section in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        header = _FILE.search(section)
        name = _unquote(header.group(1).removesuffix("\t")) if header else ""  # a tab follows a name with a space
        if not name.startswith("b/"):
            continue  # a deleted file (+++ /dev/null), or one with no text change
        lines = changed.setdefault(Path(top) / name[2:], set())
        for hunk in _HUNK.finditer(section):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
    untracked = subprocess.run([*_GIT, "ls-files", "-z", "--others", "--exclude-standard"], cwd=top,
                               capture_output=True, encoding=_ENCODING, errors=_ERRORS, check=False).stdout
    for name in filter(None, untracked.split("\0")):
        path = Path(top) / name
        changed[path] = set(range(1, sum(1 for _ in path.open("rb")) + 2)) if path.is_file() else set()
    return changed


def _unquote(name: str) -> str:
    """A path as git prints it in a diff header: C-quoted when it holds '"', '\\' or control characters."""
    if len(name) < 2 or not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("utf-8", "surrogateescape")
    raw = _C_ESCAPE.sub(lambda m: bytes([int(m[1], 8)]) if len(m[1]) == 3 else _C_ESCAPES[m[1]], raw)
    return raw.decode("utf-8", "surrogateescape")
