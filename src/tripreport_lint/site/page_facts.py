"""What each page of a site tells the rules of other pages: its words, the hosts it links to and the
slugs it declares. Read once, kept between runs in the cache folder (one JSON file per site), and
read again only for the pages whose size or modification time changed, so a one-file pre-commit run
does not reread the whole blog. Bounded in files and time so a huge tree cannot stall a commit.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tripreport_lint import __version__
from tripreport_lint.files import write_cache_data
from tripreport_lint.frontmatter.split import parse, split
from tripreport_lint.site.anchors import github
from tripreport_lint.site.vocabulary import Vocabulary, words_of

MAX_FILES = 5000
MAX_SECONDS = 3.0
# What the stored keys were made by: a summary of another version is read again in full.
KEYS_VERSION = 2

CHUNK = 64  # pages a worker reads at a time
# What is read of a page: [size, mtime_ns, "its words", "its host parts", [its declared keys]].
Entry = list[Any]
MapChunks = Callable[[Callable[[list[tuple[str, int, int]]], list["Entry | None"]], list[list[tuple[str, int, int]]]],
                     Iterable[list["Entry | None"]]]


@dataclass(frozen=True)
class SiteFacts:
    vocabulary: Vocabulary
    keys: dict[str, tuple[str, ...]]  # page path -> the last URL segments it declares


def front_matter(text: str) -> dict[str, Any] | None:
    """A page's front matter as parsed (YAML, TOML or JSON); None when it has none, or none that parses."""
    found = split(text)
    if found is None:
        return None
    try:
        parse(found)
    except RecursionError:
        return None  # json and tomllib recurse per nesting level: that page's own lint reports it
    return found.mapping


def last_segment(url: object) -> str | None:
    """The last segment of a URL path given in front matter (``/blog/my-post/`` -> ``my-post``)."""
    if not isinstance(url, str):
        return None
    return url.strip().rstrip("/").rsplit("/", 1)[-1] or None


def declared_keys(text: str) -> list[str]:
    """The URL segments a page's front matter gives it: slug or url, title (Hugo's :slug falls back
    to it, made a slug as Hugo's urlize does) and aliases (extra URLs of the page, one or a list)."""
    data = front_matter(text)
    if data is None:
        return []
    keys = [segment for segment in (last_segment(data.get("slug")), last_segment(data.get("url"))) if segment]
    title = data.get("title")
    if isinstance(title, (str, int)) and not isinstance(title, bool) and (slug := github(str(title).strip())):
        keys.append(slug)
    aliases = data.get("aliases")
    for alias in [aliases] if isinstance(aliases, str) else aliases if isinstance(aliases, list) else []:
        if segment := last_segment(alias):
            keys.append(segment)
    return keys


def store_path(cache_dir: Path, root: Path) -> Path:
    """Where the facts of the site at ``root`` are kept in a cache folder."""
    name = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir / __version__ / "sites" / f"{name}.json"


def read(pages: list[tuple[str, int, int]], store: Path | None, map_chunks: MapChunks | None = None) -> SiteFacts:
    """The facts of ``pages`` (path, size, mtime_ns), from ``store`` where still true; with
    ``map_chunks`` (a process pool's map), the pages to read are read in parallel.

    The store is two files: a summary (each page's size, time and keys, and the word counts) that
    every run reads, and each page's words, read only when pages changed, to update the counts.
    """
    summary = _load(store)
    before: dict[str, list[Any]] = summary.get("pages", {})
    complete = len(pages) <= MAX_FILES
    pages = pages[:MAX_FILES]
    stale = [page for page in pages if (e := before.get(page[0])) is None or e[0] != page[1] or e[1] != page[2]]
    current = {path for path, _, _ in pages}
    gone = [path for path in before if path not in current]
    if summary and not stale and not gone:
        return SiteFacts(Vocabulary(Counter(summary["posts"]), Counter(summary["domains"]), len(before),
                                    complete and summary["complete"]),
                         {path: tuple(entry[2]) for path, entry in before.items()})
    words_before = _load_words(store) if summary else None
    if words_before is None or any(path not in words_before for path in before):
        before, words_before, summary = {}, {}, {}  # counts cannot be updated: start again
        stale, gone = list(pages), []
    read_now = _read_all(stale, map_chunks)
    complete = complete and len(read_now) == len(stale)
    posts, domains = Counter(summary.get("posts", {})), Counter(summary.get("domains", {}))
    for path in [*gone, *(path for path, _, _ in stale if path in before)]:  # what changed no longer counts
        old_words, old_hosts = words_before.pop(path)
        posts.subtract(old_words.split())
        domains.subtract(old_hosts.split())
        del before[path]
    for path, entry in read_now.items():
        if entry is not None:
            before[path] = [entry[0], entry[1], entry[4]]
            words_before[path] = [entry[2], entry[3]]
            posts.update(entry[2].split())
            domains.update(entry[3].split())
    posts, domains = +posts, +domains  # without the words no page uses any more
    if store is not None:
        # Words first: a summary is only ever beside the words it was counted from.
        write_cache_data(_words_path(store), json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).iterencode(words_before))
        write_cache_data(store, json.dumps({"pages": before, "posts": posts, "domains": domains, "complete": complete,
                                            "keys": KEYS_VERSION}, ensure_ascii=False, separators=(",", ":")))
    return SiteFacts(Vocabulary(posts, domains, len(before), complete),
                     {path: tuple(entry[2]) for path, entry in before.items()})


def _read_all(stale: list[tuple[str, int, int]], map_chunks: MapChunks | None) -> dict[str, Entry | None]:
    """The facts of the stale pages: in parallel with ``map_chunks``, else here, within MAX_SECONDS."""
    found: dict[str, Entry | None] = {}
    if map_chunks is not None and len(stale) > CHUNK:
        chunks = [stale[i : i + CHUNK] for i in range(0, len(stale), CHUNK)]
        for chunk, entries in zip(chunks, map_chunks(read_chunk, chunks)):
            found.update(zip((path for path, _, _ in chunk), entries))
        return found
    deadline = time.monotonic() + MAX_SECONDS
    for path, size, mtime in stale:
        if time.monotonic() > deadline:
            break  # past the deadline: these pages are known neither way
        found[path] = _read(path, size, mtime)
    return found


def read_chunk(pages: list[tuple[str, int, int]]) -> list[Entry | None]:
    """The facts of some pages (in a worker process)."""
    return [_read(path, size, mtime) for path, size, mtime in pages]


def _read(path: str, size: int, mtime: int) -> Entry | None:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return None
    words, hosts = words_of(text)
    return [size, mtime, " ".join(sorted(words)), " ".join(sorted(hosts)), declared_keys(text)]


def _words_path(store: Path) -> Path:
    return store.with_name(store.stem + ".words.json")


def _load(store: Path | None) -> dict[str, Any]:
    """The stored summary, or nothing when absent or not what this module writes (never trusted blindly)."""
    if store is None:
        return {}
    try:
        data = json.loads(store.read_bytes())
        pages, posts, domains = data["pages"], data["posts"], data["domains"]
        valid = (isinstance(pages, dict) and isinstance(posts, dict) and isinstance(domains, dict)
                 and isinstance(data["complete"], bool) and data.get("keys") == KEYS_VERSION
                 and all(isinstance(e, list) and len(e) == 3 and isinstance(e[0], int) and isinstance(e[1], int)
                         and isinstance(e[2], list) and all(isinstance(k, str) for k in e[2]) for e in pages.values())
                 and all(isinstance(n, int) for n in posts.values()) and all(isinstance(n, int) for n in domains.values()))
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return data if valid else {}


def _load_words(store: Path | None) -> dict[str, list[str]] | None:
    """Each stored page's words and hosts, or None when absent or damaged."""
    if store is None:
        return None
    try:
        data = json.loads(_words_path(store).read_bytes())
    except (OSError, ValueError):
        return None
    valid = isinstance(data, dict) and all(
        isinstance(e, list) and len(e) == 2 and isinstance(e[0], str) and isinstance(e[1], str) for e in data.values())
    return data if valid else None
