"""Where a site starts and what kind it is: the configuration files of Hugo, Jekyll and Gatsby."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json")
HUGO_CONFIG_FOLDER = "config/_default"
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
GATSBY_CONFIGS = ("gatsby-config.js", "gatsby-config.ts")
SITE_MARKERS = (*HUGO_CONFIGS, HUGO_CONFIG_FOLDER, *JEKYLL_CONFIGS, *GATSBY_CONFIGS)
SITE_MARKER_NAMES = frozenset(marker.split("/")[0] for marker in SITE_MARKERS)  # what a folder's listing shows


def find_site_root(folder: Path, known: dict[Path, Path | None]) -> Path | None:
    """The nearest folder at or above ``folder`` holding a Hugo, Jekyll or Gatsby site configuration.

    ``known`` remembers the answer for every folder asked about, so a run walks each folder once.
    """
    if folder not in known:
        try:
            names = os.listdir(folder)  # one read of the folder instead of a stat per marker
        except OSError:
            names = []
        if holds_site_config(folder, names):
            known[folder] = folder
        else:
            known[folder] = None if folder.parent == folder else find_site_root(folder.parent, known)
    return known[folder]


def holds_site_config(folder: Path, names: Iterable[str]) -> bool:
    """Whether a folder whose entries have these names is a site root."""
    present = set(names)
    return not present.isdisjoint(SITE_MARKER_NAMES) and \
        any(marker.split("/")[0] in present and (folder / marker).exists() for marker in SITE_MARKERS)


def hugo_configs(site_root: Path) -> list[Path]:
    """The Hugo configuration files of a site that exist, the root's first, then ``config/_default``'s."""
    found = [site_root / name for name in HUGO_CONFIGS if (site_root / name).is_file()]
    folder = site_root / HUGO_CONFIG_FOLDER
    return found + (sorted(p for p in folder.glob("*.*") if p.is_file()) if folder.is_dir() else [])
