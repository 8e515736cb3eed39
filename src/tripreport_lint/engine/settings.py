"""What every file of a folder shares: its configuration, site, rules and project words, resolved once."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from tripreport_lint.config.settings import Config
from tripreport_lint.rules.base import Rule


class Selection(NamedTuple):
    """Rule selections given on the command line; they override the config file's."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    def extended(self, *codes: str) -> Selection:
        return Selection(self.select, self.ignore, (*self.extend_select, *codes))


class FolderSettings(NamedTuple):
    """The settings of the files of one folder; folders of one site with one config share one."""

    config: Config
    site_root: Path
    static_dirs: tuple[Path, ...]
    project_words: frozenset[str]
    rules: tuple[Rule, ...]

    @property
    def key(self) -> tuple[Path | None, Path, Path]:
        """What makes two folders' settings the same: the config file (or the defaults' root) and the site."""
        return (self.config.source, self.config.root, self.site_root)

    @property
    def reads_site_pages(self) -> bool:
        """Whether a rule run here reads what the site's other pages say."""
        return any(rule.reads_site_pages for rule in self.rules)
