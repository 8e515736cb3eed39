"""What the engine tells a rule about the file's surroundings: the site, its schema, the time."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tripreport_lint.frontmatter.schema import AcceptedFrontMatter, Schema
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.remote.settings import UrlStatus


@dataclass(frozen=True)
class Context:
    """Per-file facts a rule may use; rules read files only through these."""

    site_root: Path
    static_dirs: tuple[Path, ...]
    schema: Schema | None
    now: datetime.datetime
    site: SiteIndex
    # Words the project accepts (lower case), and the codespell dictionaries to use.
    project_words: frozenset[str] = frozenset()
    codespell_dictionaries: tuple[str, ...] = ("clear", "rare")
    # What checking the run's external addresses found (empty unless --check-urls).
    url_statuses: Mapping[str, UrlStatus] = field(default_factory=dict)
    # Front matter the schema accepted in earlier runs (None without a cache folder).
    accepted_front_matter: AcceptedFrontMatter | None = None

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


SITE_MARKERS = (
    "hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json",
    "config/_default", "_config.yml", "_config.yaml", "_config.toml", "gatsby-config.js", "gatsby-config.ts",
)
JEKYLL_MARKERS = ("_config.yml", "_config.yaml", "_config.toml")


def find_site_root(folder: Path, known: dict[Path, Path | None]) -> Path | None:
    """The nearest folder at or above ``folder`` holding a Hugo, Jekyll or Gatsby site configuration.

    ``known`` remembers the answer for every folder asked about, so a run walks each folder once.
    """
    if folder not in known:
        try:
            names = set(os.listdir(folder))  # one read of the folder instead of a stat per marker
        except OSError:
            names = set()
        if any(marker.split("/")[0] in names and (folder / marker).exists() for marker in SITE_MARKERS):
            known[folder] = folder
        else:
            known[folder] = None if folder.parent == folder else find_site_root(folder.parent, known)
    return known[folder]


def default_static_dirs(site_root: Path) -> tuple[str, ...]:
    """Hugo and Gatsby serve ``static/``; Jekyll serves the site folder itself."""
    if any((site_root / marker).is_file() for marker in JEKYLL_MARKERS):
        return (".",)
    return ("static",)
