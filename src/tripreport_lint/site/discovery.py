"""Which files a run reads, decided once per run for the walk of the folders named on the command line and
for the site indexes alike: what git does not ignore, less the folders of ``site.outputs``' table."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tripreport_lint.paths import absolute
from tripreport_lint.site.git_files import GitFiles
from tripreport_lint.site.model import SiteConfig, read_config
from tripreport_lint.site.outputs import skipped_anywhere
from tripreport_lint.site.root import SITE_MARKER_NAMES, find_site_root, holds_site_config


class Discovery:
    """What a run walks, with the answers it needs kept for the run: git's listing of each work tree,
    the site root of each folder, each site's configuration and the output folders of the sites met."""

    def __init__(self, paths: Iterable[Path] = (), cwd: Path | None = None) -> None:
        self.paths = tuple(absolute(path) for path in paths)  # what the command line named
        self.cwd = absolute(cwd or Path.cwd())
        self.git = GitFiles()
        self._site_roots: dict[Path, Path | None] = {}
        self._configs: dict[Path, SiteConfig] = {}
        self._outputs: set[str] = set()  # absolute paths of the output folders of the site roots met
        self._met: set[Path] = set()

    def __reduce__(self) -> tuple[type[Discovery], tuple[tuple[Path, ...], Path]]:
        return Discovery, (self.paths, self.cwd)  # a worker process asks git again rather than receive its lists

    def site_config(self, root: Path) -> SiteConfig:
        """The configuration of a site root, read once per run."""
        if root not in self._configs:
            self._configs[root] = read_config(root)
        return self._configs[root]

    def site_root(self, folder: Path, config_root: Path | None = None) -> Path:
        """The root of the site an absolute folder belongs to: the nearest folder with a site configuration,
        else ``config_root`` (the folder of the tool's configuration file, if any), else the top of its git
        work tree, else the working directory when the folder is in it, else the outermost folder named on
        the command line that holds it, else the folder itself."""
        found = find_site_root(folder, self._site_roots) or config_root
        top = self.git.top(os.path.realpath(folder)) if found is None else None
        if top is not None:  # as the folder is reached, when that is through a link
            found = next((above for above in (folder, *folder.parents) if os.path.realpath(above) == top), Path(top))
        if found is None and (folder == self.cwd or folder.is_relative_to(self.cwd)):
            found = self.cwd
        if found is None:
            named = [path for path in self.paths if folder.is_relative_to(path)]
            found = min(named, key=lambda path: len(path.parts)) if named else folder
        return found

    def meet(self, folder: str, names: Iterable[str]) -> None:
        """Note a folder and the names of its entries, as a walk lists them: a site root's output folders are
        skipped from then on."""
        if not SITE_MARKER_NAMES.isdisjoint(names) and holds_site_config(Path(folder), names):
            self._add_outputs(Path(os.path.abspath(folder)))

    def meet_above(self, folder: Path) -> None:
        """Note the site roots at and above an absolute folder, where a walk starts."""
        root = find_site_root(folder, self._site_roots)
        while root is not None:
            self._add_outputs(root)
            root = None if root.parent == root else find_site_root(root.parent, self._site_roots)

    def sites_met(self) -> list[Path]:
        """The site roots noted so far, whose output folders walks skip."""
        return sorted(self._met)

    def skips(self, folder: str, name: str) -> bool:
        """Whether a walk skips the sub-folder ``name`` of ``folder``: a hidden, dependency or output folder."""
        return skipped_anywhere(folder, name) or os.path.abspath(os.path.join(folder, name)) in self._outputs

    def listing(self, folder: str, real: str) -> list[os.DirEntry[str]] | None:
        """A folder's entries in name order, met as every walk meets a folder (its site markers and git's
        files noted); None when it cannot be read. ``real`` is the folder's real path."""
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            return None
        names = [entry.name for entry in entries]
        self.meet(folder, names)
        self.git.meet(real, names)
        return entries

    def walk(self, root: Path) -> Iterator[str]:
        """The files below a folder named on the command line that a run lints, in a stable order (a folder's
        files, then its folders); links to folders are followed, once. A folder named in which git lists no
        file (ignored as a whole) is walked without git's rules, as a file named is linted though ignored.
        Paths are strings: most files of a tree are no post, and a Path each would cost more than the walk."""
        self.meet_above(absolute(root))
        start = os.path.realpath(root)
        with_git = self.git.may_hold(start)
        seen = {start}
        pending = [(os.fspath(root), start)]
        while pending:
            folder, real = pending.pop()
            entries = self.listing(folder, real)
            if entries is None:
                continue
            listed = self.git.files_beside(real) if with_git else None
            inside = os.path.join(real, "")
            folders = []
            for entry in entries:
                try:
                    is_dir, is_link = entry.is_dir(), entry.is_symlink()
                except OSError:
                    continue
                if not is_dir:
                    if listed is None or inside + entry.name in listed:
                        yield entry.path
                    continue
                if self.skips(folder, entry.name):
                    continue
                inner = os.path.realpath(entry.path) if is_link else os.path.join(real, entry.name)
                if inner not in seen and (not with_git or self.git.may_hold(inner)):
                    seen.add(inner)
                    folders.append((entry.path, inner))
            pending += reversed(folders)  # the first folder is read next: depth first, in order

    def _add_outputs(self, root: Path) -> None:
        if root not in self._met:
            self._met.add(root)
            self._outputs.update(os.path.join(root, relative) for relative in self.site_config(root).output_dirs)
