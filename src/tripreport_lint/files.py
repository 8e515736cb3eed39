"""Atomic writes: a post only when its bytes change, keeping its mode; cache data, quietly."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    import tempfile  # noqa: PLC0415 - ~4 ms (it loads random): only a run that writes needs it

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_cache_data(path: Path, data: bytes) -> None:
    """Replace a file of a cache folder through a temporary file, so concurrent runs never see half
    of one; a read-only or full disk only means nothing is kept (a crash loses at most a cache entry,
    so no fsync)."""
    import tempfile  # noqa: PLC0415 - only a run that writes needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: no half-written file left behind
