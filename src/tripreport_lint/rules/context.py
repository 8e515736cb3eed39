"""What the engine tells a rule about the file's surroundings: the site, its schema, the time."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from tripreport_lint.frontmatter.schema import Schema
from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.site.index import SiteIndex


class Context(NamedTuple):
    """Per-file facts a rule may use; rules read files only through these."""

    site_root: Path
    static_dirs: tuple[Path, ...]
    schema: Schema | None
    now: datetime.datetime
    site: SiteIndex
    # Words the project accepts (lower case), and the codespell dictionaries to use.
    project_words: frozenset[str] = frozenset()
    codespell_dictionaries: tuple[str, ...] = ("clear",)
    # What checking the run's external addresses found (empty unless --check-urls).
    url_statuses: Mapping[str, UrlStatus] = MappingProxyType({})
    # None when a word of a directive comment names rules; else a hint at the nearest rule ("" if none is near).
    unknown_rule: Callable[[str], str | None] = lambda word: None

    def key_as_written(self, data: Mapping[Any, Any] | None, name: str) -> Any:
        """The key of ``data`` the site reads as ``name``: on Hugo, which reads keys without regard to
        case, ``Title`` for ``title``; elsewhere ``name`` itself."""
        if data is None or name in data or not self.site.model.keys_ignore_case:
            return name
        return next((key for key in data if str(key).lower() == name.lower()), name)

    def find_static(self, relative: str) -> Path | None:
        """The file a site-absolute path such as ``images/x.png`` names in a static dir, if any."""
        for folder in self.static_dirs:
            candidate = folder / relative
            if self.site.is_file(candidate):
                return candidate
        return None

    def covers(self, site_path: str) -> bool:
        """Whether a site-absolute path falls in a folder the site's files hold, so a miss is a real one."""
        first = site_path.strip("/").split("/", 1)[0]
        return self.site.knows(site_path) or any((folder / first).exists() for folder in self.static_dirs if first)

    def find_site_file(self, target: str, post: Path) -> Path | None:
        """The file a local path of a post names: beside the post, in a static dir, or in a page bundle."""
        if not target.startswith("/") and self.site.is_file(post.parent / target):
            return post.parent / target
        return self.find_static(target.lstrip("/")) or (self.site.page_resource(target) if target.startswith("/") else None)
