"""The files of a site, as a walk of its folders finds them; with a store, the walk's outcome is kept and used
again while nothing it depended on has moved. A one-file pre-commit run lists the whole blog: a stat of each
folder and of each file but an image costs a fraction of listing every folder and reading the configuration
of every site met below (whose output folders the walk skips).

What the walk depended on, and is asked again: the stamp (modification and change time, inode) of every
folder listed and of the configuration folders of each site met at or below the root (a site's output
folders are inside it), which moves when an entry is added, removed or renamed; the size and time of every
configuration file read; and what each link leads to (a folder, a file, nothing). Which folders listed hold
``.git`` is kept too: git is told, and need not look for it in each folder again.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Protocol

from tripreport_lint.site.config_files import HUGO_FOLDERS
from tripreport_lint.site.discovery import Discovery

# Files whose content no rule reads (only whether they are there): the walk does not stat them.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".ico")
# A folder changed this shortly before it was listed may change again within the same tick of the file
# system's clock, its stamp unmoved (git's "racy" entries): such a walk is not kept. FAT's clock ticks in 2 s.
RACY_NS = 3_000_000_000
FORMAT = 3  # of what is kept


class ListingStore(Protocol):
    """Where the outcome of a site's walk is kept between runs."""

    def listing(self, site: str) -> dict[str, Any] | None: ...

    def save_listing(self, site: str, listing: dict[str, Any]) -> None: ...


def site_files(root: str, real_root: str, discovery: Discovery,
               store: ListingStore | None) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every file below ``root`` outside hidden, dependency and output folders, in
    path order (a folder's files, then its folders); links to folders are not followed. An image (not a
    link) has size and mtime -1: no rule reads one, only whether it is there."""
    if store is not None:
        kept = _kept(store.listing(root))
        if kept is not None:
            found, listed, work_trees = kept
            git = discovery.git
            for folder in listed:  # a folder before those inside it: each asks its parent
                git.meet(real_root + folder[len(root):], (".git",) if folder in work_trees else ())
            return found
    started = time.time_ns()
    walk = _Walk(root, real_root, discovery)
    found = walk.files()
    if store is not None:
        kept_form = walk.kept(started)
        if kept_form is not None:
            store.save_listing(root, kept_form)
    return found


class _Walk:
    """One walk of a site's folders, noting what its outcome depends on."""

    def __init__(self, root: str, real_root: str, discovery: Discovery) -> None:
        self.root, self.real_root, self.discovery = root, real_root, discovery
        self.stamps: dict[str, list[int] | None] = {}
        self.unread: list[str] = []  # folders that could not be listed
        self.work_trees: list[str] = []  # folders holding ``.git``
        self.links: list[tuple[str, str]] = []  # (path, what it leads to: see _leads_to)
        self.groups: list[list[Any]] = []  # [folder, names, kinds ('i' an image, 'f' another file)]
        self.whole = True  # every entry could be asked what it is

    def files(self) -> list[tuple[str, int, int]]:
        found = []
        discovery = self.discovery
        discovery.meet_above(Path(self.root))
        pending = [self.root]
        while pending:
            folder = pending.pop()
            self.stamps[folder] = _stamp(folder)  # before the listing: a change after it moves the stamp kept
            entries = discovery.listing(folder, self.real_root + folder[len(self.root):])
            if entries is None:
                self.unread.append(folder)
                continue
            if any(entry.name == ".git" for entry in entries):
                self.work_trees.append(folder)
            names, kinds, inner = [], [], []
            for entry in entries:
                link = False
                try:
                    if entry.is_symlink():
                        link = True
                        self.links.append((entry.path, _leads_to(entry.path)))
                    if entry.is_dir():
                        if not (entry.is_symlink() or discovery.skips(folder, entry.name)):
                            inner.append(entry.path)
                        continue
                    if entry.name.lower().endswith(IMAGE_SUFFIXES) and not entry.is_symlink():
                        found.append((entry.path, -1, -1))
                        names.append(entry.name)
                        kinds.append("i")
                        continue
                    info = entry.stat()
                except OSError:
                    self.whole = self.whole and link  # what a broken link leads to is asked again
                    continue  # a broken link, or gone meanwhile
                found.append((entry.path, info.st_size, info.st_mtime_ns))
                names.append(entry.name)
                kinds.append("f")
            if names:
                self.groups.append([folder, names, "".join(kinds)])
            pending += reversed(inner)  # the first folder is read next: depth first, in order
        return found

    def kept(self, started: int) -> dict[str, Any] | None:
        """What to keep of the walk; None when it cannot be trusted later (an entry that could not be asked,
        a folder changed just before it was listed)."""
        configs: list[list[Any]] = []
        config_folders: dict[str, list[int] | None] = {}
        inside = Path(self.root)
        for site in self.discovery.sites_met():  # whose output folders the walk skipped (each inside its site)
            if not site.is_relative_to(inside):
                continue
            for folder in (site, *(os.path.join(site, *name.split("/")) for name in HUGO_FOLDERS)):
                if str(folder) not in self.stamps:
                    config_folders.setdefault(str(folder), _stamp(str(folder)))
            for name in self.discovery.site_config(site).table.files:
                path = os.path.join(site, *name.split("/"))
                try:
                    info = os.stat(path)
                except OSError:
                    return None
                configs.append([path, info.st_size, info.st_mtime_ns])
        stamps = [*self.stamps.values(), *config_folders.values()]
        if not self.whole or any(stamp is not None and stamp[1] >= started - RACY_NS for stamp in stamps):
            return None
        return {"format": FORMAT, "folders": self.stamps, "config_folders": config_folders, "configs": configs,
                "links": self.links, "files": self.groups, "unread": self.unread, "work_trees": self.work_trees}


def _leads_to(link: str) -> str:
    """What a link leads to now: "d" a folder, "f" anything else, "" nothing."""
    return "d" if os.path.isdir(link) else "f" if os.path.exists(link) else ""


def _stamp(folder: str) -> list[int] | None:
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _kept(kept: dict[str, Any] | None) -> tuple[list[tuple[str, int, int]], list[str], set[str]] | None:
    """The files a kept walk found, with their sizes and times now, the folders it listed (in the walk's order) and
    those of them holding ``.git``, if nothing it depended on has moved."""
    if kept is None or kept.get("format") != FORMAT:
        return None
    try:
        folders = kept["folders"]
        if any(_stamp(folder) != stamp for folder, stamp in (*folders.items(), *kept["config_folders"].items())):
            return None
        for path, size, mtime in kept["configs"]:
            info = os.stat(path)
            if (info.st_size, info.st_mtime_ns) != (size, mtime):
                return None
        if any(_leads_to(path) != kind for path, kind in kept["links"]):
            return None
        unread, work_trees = set(kept["unread"]), set(kept["work_trees"])
        listed = [folder for folder in folders if folder not in unread]
        found = []
        for folder, names, kinds in kept["files"]:
            prefix = os.path.join(folder, "")
            for name, kind in zip(names, kinds, strict=True):
                path = prefix + name
                if kind == "i":
                    found.append((path, -1, -1))
                else:
                    info = os.stat(path)
                    found.append((path, info.st_size, info.st_mtime_ns))
    except (OSError, TypeError, ValueError, AttributeError, KeyError):
        return None  # a file gone meanwhile, or not what this module keeps
    return found, listed, work_trees
