"""Which configuration applies to each folder, and whether a file is linted: looked up once per folder."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from tripreport_lint.config.settings import Config, find, load
from tripreport_lint.paths import absolute, relative_to


class ConfigLookup:
    """The config of each folder: the one named on the command line, else the nearest file at or above
    the folder, else the defaults rooted at the working directory (``cwd``)."""

    def __init__(self, forced: Path | None = None, cwd: Path | None = None) -> None:
        self.cwd = absolute(cwd or Path.cwd())
        self.forced = load(absolute(forced)) if forced else None
        self._files: dict[Path, Path | None] = {}  # folder -> nearest config file, for find()
        self._folders: dict[str, tuple[Config, str]] = {}  # folder -> its config, and its path relative to it

    def config(self, folder: Path) -> Config:
        """The config of an absolute folder."""
        if self.forced is not None:
            return self.forced
        found = find(folder, self._files)
        return load(found) if found else _defaults(self.cwd)

    def wanted(self, path: Path | str, *, explicit: bool = False) -> bool:
        """Whether a file is linted: its config does not exclude it, and includes it unless named explicitly."""
        folder, name = os.path.split(path)
        if folder not in self._folders:  # strings, per folder: this runs for every file of the tree
            absolute_folder = absolute(Path(folder))
            config = self.config(absolute_folder)
            self._folders[folder] = (config, relative_to(absolute_folder, config.root))
        config, relative = self._folders[folder]
        return config.wanted(name if relative == "." else f"{relative}/{name}", explicit=explicit)


@cache
def _defaults(root: Path) -> Config:
    return Config(root=root)
