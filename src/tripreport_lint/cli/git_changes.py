"""Which lines of which files changed since a git revision, for ``--diff-base``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tripreport_lint.errors import InputError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_FILE = re.compile(r"^\+\+\+ b/(.+)$", re.M)


def changed_lines(base: str, cwd: Path) -> dict[Path, set[int]]:
    """Absolute path -> 1-based line numbers added or changed since ``base`` (working tree included)."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True,
                             check=True).stdout.strip()
        diff = subprocess.run(["git", "diff", "--unified=0", "--no-color", "--no-ext-diff", base, "--"],
                              cwd=cwd, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError as error:
        raise InputError("--diff-base needs git, which is not installed") from error
    except subprocess.CalledProcessError as error:
        raise InputError(f"--diff-base {base}: {error.stderr.strip() or 'git diff failed'}") from error
    changed: dict[Path, set[int]] = {}
    for section in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        name = _FILE.search(section)
        if name is None:
            continue  # a deleted file
        lines = changed.setdefault(Path(top) / name.group(1), set())
        for hunk in _HUNK.finditer(section):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
    for untracked in subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=top,
                                    capture_output=True, text=True, check=False).stdout.splitlines():
        path = Path(top) / untracked
        changed[path] = set(range(1, sum(1 for _ in path.open("rb")) + 2)) if path.is_file() else set()
    return changed
