"""Write a fixed file: only when its bytes changed, only inside the linted tree, and never over a
change made meanwhile or a file marked read-only."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from tripreport_lint.engine.engine import FileResult
from tripreport_lint.files import write_atomic
from tripreport_lint.paths import absolute


def linted_tree(paths: Sequence[Path]) -> tuple[Path, ...]:
    """The folders a run lints, resolved: each folder named, and the folder of each file named (so a
    file named explicitly may link within its own folder)."""
    return tuple(dict.fromkeys(path.resolve() if path.is_dir() else absolute(path).parent.resolve() for path in paths))


def write(result: FileResult, tree: Sequence[Path]) -> str | None:
    """Write a fixed file, only when its bytes changed; the reason when it must not be written.

    A symlink is written through to the file it names when that file lies in ``tree`` (see
    ``linted_tree``), wherever the run was started.
    """
    if not result.changed or result.new_bytes is None:
        return None
    target = result.path.resolve()  # through a symlink, to the file it names
    if result.path.is_symlink() and not any(target.is_relative_to(root) for root in tree):
        return f"{result.display_path}: a link to {target}, outside the linted tree; not written"
    try:
        if target.read_bytes() != result.raw:
            return f"{result.display_path}: changed on disk while it was being fixed; not written, run again"
        # The mode bits, not os.access: root may write anything, but a read-only file says "keep out".
        if not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            return f"{result.display_path}: read-only; fixes not written"
        write_atomic(target, result.new_bytes)
    except OSError as error:
        return f"{result.display_path}: cannot write: {error.strerror or error}"
    return None
