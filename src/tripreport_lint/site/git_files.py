"""The files git does not ignore (tracked, or untracked and not ignored): one ``git ls-files`` per work tree
per run, which follows every rule git does (nested ``.gitignore``, ``info/exclude``, ``core.excludesFile``)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from functools import cached_property

# Variables that point git at another repository or index than the work tree's own: set in git hooks
# (pre-commit runs under ``git commit``), they would answer for the wrong tree.
_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
              "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX")


class Listing:
    """What git lists in one work tree: the real paths of its files, and of the folders holding any."""

    def __init__(self, top: str, names: list[str]) -> None:
        self.top = top
        self._names = names  # relative, '/'-separated, as git prints them
        prefix = os.path.join(top, "")
        # A submodule (tracked) or a nested repository (untracked: with a trailing '/') is listed as one
        # entry, whose files its own work tree lists; a file deleted from the work tree stays listed, but a
        # walk never meets it.
        self.files = frozenset(prefix + name.rstrip("/").replace("/", os.sep) for name in names)

    @cached_property
    def folders(self) -> frozenset[str]:
        """The folders holding listed files: a walk enters no other (only walks ask, not site indexes)."""
        found: set[str] = set()
        for name in self._names:
            cut = name.rstrip("/").rfind("/")
            while cut > 0 and name[:cut] not in found:
                found.add(name[:cut])
                cut = name.rfind("/", 0, cut)
        prefix = os.path.join(self.top, "")
        return frozenset({self.top, *(prefix + folder.replace("/", os.sep) for folder in found)})


def list_work_tree(top: str) -> Listing | None:
    """The files git does not ignore in the work tree at ``top``; None when git cannot say (not installed,
    not a repository, a repository it refuses as unsafe)."""
    env = {key: value for key, value in os.environ.items() if key not in _REDIRECTS}
    try:
        # A work tree's own config may name a command git runs to list changed files (core.fsmonitor): a
        # folder someone else packed, .git included, must run nothing. Nothing else ls-files reads runs code.
        listed = subprocess.run(["git", "-c", "core.fsmonitor=false", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=top, env=env, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return Listing(top, [name for name in os.fsdecode(listed).split("\0") if name])


class GitFiles:
    """Asks git which files it ignores, once per work tree per run; outside a work tree, or where git
    cannot answer, nothing is ignored. Folders are named by their real paths, as git lists them."""

    def __init__(self) -> None:
        self._tops: dict[str, str | None] = {}  # real folder -> the top of its work tree
        self._listings: dict[str, Listing | None] = {}

    def considers(self, real_folder: str, name: str) -> bool:
        """Whether git does not ignore the file ``name`` of a folder."""
        listed = self.files_beside(real_folder)
        return listed is None or os.path.join(real_folder, name) in listed

    def files_beside(self, real_folder: str) -> frozenset[str] | None:
        """The real paths of the files git does not ignore in the work tree of a folder; None: any file."""
        listing = self._listing(real_folder)
        return None if listing is None else listing.files

    def may_hold(self, real_folder: str) -> bool:
        """Whether a folder may hold files git does not ignore (else a walk need not enter it)."""
        if self.top(real_folder) == real_folder:  # a work tree of its own: the one around it says if it is ignored
            outer = self._listing(os.path.dirname(real_folder))
            return outer is None or real_folder in outer.files
        listing = self._listing(real_folder)
        return listing is None or real_folder in listing.folders

    def meet(self, real_folder: str, names: Iterable[str]) -> None:
        """Note the names of a folder's entries, as a walk lists them: whether it holds ``.git`` is known then."""
        if real_folder not in self._tops:
            self._tops[real_folder] = real_folder if ".git" in names else self._top_above(real_folder)

    def top(self, real_folder: str) -> str | None:
        """The top of the work tree a real folder is in (the nearest folder holding ``.git``), or None."""
        if real_folder not in self._tops:
            # A folder, or a file in linked worktrees and submodules.
            here = os.path.lexists(os.path.join(real_folder, ".git"))
            self._tops[real_folder] = real_folder if here else self._top_above(real_folder)
        return self._tops[real_folder]

    def _top_above(self, real_folder: str) -> str | None:
        parent = os.path.dirname(real_folder)
        if parent == real_folder or os.path.basename(real_folder) == ".git":
            return None  # the root, or a repository itself (not a work tree)
        return self.top(parent)

    def _listing(self, real_folder: str) -> Listing | None:
        top = self.top(real_folder)
        if top is None:
            return None
        if top not in self._listings:
            self._listings[top] = list_work_tree(top)
        return self._listings[top]
