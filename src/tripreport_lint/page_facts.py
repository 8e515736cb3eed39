"""What each page of a site tells the rules of other pages: its words, the hosts it links to and the
slugs it declares. Read once, kept between runs in the cache folder (one JSON file per site), and
read again only for the pages whose size or modification time changed, so a one-file pre-commit run
does not reread the whole blog. Bounded in files and time so a huge tree cannot stall a commit.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .files import write_cache_data
from .vocabulary import Vocabulary, words_of

MAX_FILES = 5000
MAX_SECONDS = 3.0
HEAD = 2048  # where slugs, titles and aliases are looked for
_SLUG_LINE = re.compile(r"^(?:slug|url)\s*[:=]\s*[\"']?([^\"'\n]+?)[\"']?\s*$", re.M)
_TITLE_LINE = re.compile(r"^title\s*[:=]\s*[\"']?([^\"'\n]+?)[\"']?\s*$", re.M)
_ALIASES = re.compile(r"^aliases\s*[:=]\s*\[([^\]]*)\]|^aliases\s*:\s*\n((?:[ \t]*-[^\n]*\n)+)", re.M)

CHUNK = 64  # pages a worker reads at a time
# A stored page: [size, mtime_ns, "its words", "its host parts", [its declared keys]].
Entry = list[Any]
MapChunks = Callable[[Callable[[list[tuple[str, int, int]]], list["Entry | None"]], list[list[tuple[str, int, int]]]],
                     Iterable[list["Entry | None"]]]


@dataclass(frozen=True)
class SiteFacts:
    vocabulary: Vocabulary
    keys: dict[str, tuple[str, ...]]  # page path -> the last URL segments it declares


def declared_keys(head: str) -> list[str]:
    """The URL segments a page's front matter gives it: slug or url, title (Hugo's :slug falls back
    to it) and aliases (extra URLs of the page)."""
    keys = [m.group(1).strip("/").rsplit("/", 1)[-1] for m in _SLUG_LINE.finditer(head)]
    keys += [re.sub(r"[^\w]+", "-", m.group(1).lower()).strip("-") for m in _TITLE_LINE.finditer(head)]
    for aliases in _ALIASES.finditer(head):
        entries = re.split(r"[,\n]", aliases.group(1) or aliases.group(2))
        keys += [e.strip(" \t-\"'").rstrip("/").rsplit("/", 1)[-1] for e in entries if e.strip(" \t-")]
    return keys


def store_path(cache_dir: Path, root: Path) -> Path:
    """Where the facts of the site at ``root`` are kept in a cache folder."""
    name = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir / __version__ / "sites" / f"{name}.json"


def read(pages: list[tuple[str, int, int]], store: Path | None, map_chunks: MapChunks | None = None) -> SiteFacts:
    """The facts of ``pages`` (path, size, mtime_ns), from ``store`` where still true; with
    ``map_chunks`` (a process pool's map), the pages to read are read in parallel."""
    saved = _load(store)
    before: dict[str, Entry] = saved.get("files", {})
    complete = len(pages) <= MAX_FILES
    pages = pages[:MAX_FILES]
    stale = [page for page in pages if (e := before.get(page[0])) is None or e[0] != page[1] or e[1] != page[2]]
    read_now: dict[str, Entry | None] = {}
    if map_chunks is not None and len(stale) > CHUNK:
        chunks = [stale[i : i + CHUNK] for i in range(0, len(stale), CHUNK)]
        for chunk, entries in zip(chunks, map_chunks(read_chunk, chunks)):
            read_now.update(zip((path for path, _, _ in chunk), entries))
    else:
        deadline = time.monotonic() + MAX_SECONDS
        for path, size, mtime in stale:
            if time.monotonic() > deadline:
                complete = False
                break
            read_now[path] = _read(path, size, mtime)
    unread = {path for path, _, _ in stale} - read_now.keys()  # past the deadline: known neither way
    files: dict[str, Entry] = {}
    for path, _, _ in pages:
        entry = read_now[path] if path in read_now else None if path in unread else before[path]
        if entry is not None:
            files[path] = entry
    renewed = list(read_now)
    gone = [path for path in before if path not in files]
    if "posts" in saved:  # update the stored counts by what changed
        posts, domains = Counter(saved["posts"]), Counter(saved["domains"])
        for path in {*renewed, *gone}:
            if path in before:
                posts.subtract(before[path][2].split())
                domains.subtract(before[path][3].split())
        for path in renewed:
            if path in files:
                posts.update(files[path][2].split())
                domains.update(files[path][3].split())
        posts, domains = +posts, +domains  # without the words no page uses any more
    else:
        posts, domains = Counter(), Counter()
        for entry in files.values():
            posts.update(entry[2].split())
            domains.update(entry[3].split())
    if store is not None and (renewed or gone or not saved):
        write_cache_data(store, json.dumps({"files": files, "posts": posts, "domains": domains},
                                           ensure_ascii=False, separators=(",", ":")))
    return SiteFacts(Vocabulary(posts, domains, len(files), complete),
                     {path: tuple(entry[4]) for path, entry in files.items()})


def read_chunk(pages: list[tuple[str, int, int]]) -> list[Entry | None]:
    """The facts of some pages (in a worker process)."""
    return [_read(path, size, mtime) for path, size, mtime in pages]


def _read(path: str, size: int, mtime: int) -> Entry | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return None
    words, hosts = words_of(text)
    return [size, mtime, " ".join(sorted(words)), " ".join(sorted(hosts)), declared_keys(text[:HEAD])]


def _load(store: Path | None) -> dict[str, Any]:
    """The stored facts, or nothing when absent or not what this module writes (never trusted blindly)."""
    if store is None:
        return {}
    try:
        data = json.loads(store.read_bytes())
        files, posts, domains = data["files"], data["posts"], data["domains"]
        valid = (isinstance(files, dict) and isinstance(posts, dict) and isinstance(domains, dict)
                 and all(isinstance(e, list) and len(e) == 5 and isinstance(e[0], int) and isinstance(e[1], int)
                         and isinstance(e[2], str) and isinstance(e[3], str) and isinstance(e[4], list)
                         and all(isinstance(k, str) for k in e[4]) for e in files.values())
                 and all(isinstance(n, int) for n in posts.values()) and all(isinstance(n, int) for n in domains.values()))
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return data if valid else {}
