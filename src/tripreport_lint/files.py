"""Atomic writes: a post only when its bytes change, keeping its mode; cache data, quietly."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
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


def write_cache_data(path: Path, data: str | bytes | Iterator[str]) -> None:
    """Replace a file of a cache folder through a temporary file, so concurrent runs never see half
    of one; a read-only or full disk only means nothing is kept (a crash loses at most a cache entry,
    so no fsync)."""
    try:
        handle, temporary = _in_folder(path, lambda: tempfile.mkstemp(dir=path.parent, suffix=".tmp"))
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, (str, bytes)):
                stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:  # written as it is made: a large store never stands in memory as one string
                for chunk in data:
                    stream.write(chunk.encode("utf-8"))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: no half-written file left behind


def _in_folder(path: Path, create: Callable[[], T]) -> T:
    """``create()`` a file in ``path``'s folder, making the folder only when it is missing: a cache
    folder exists but on a first run, and a mkdir for each entry costs two system calls."""
    try:
        return create()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return create()
