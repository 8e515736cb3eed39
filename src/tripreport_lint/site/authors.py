"""The authors a site keeps data for: Jekyll's `_data/authors.yml`, Hugo's `data/authors.yml`, `data/authors/`
or author pages (`content/authors/<name>/`), read once per site index."""

from __future__ import annotations

import json
import os
import re
import weakref

import yaml

from tripreport_lint.site.index import SiteIndex

MIN_KNOWN = 2  # authors a folder of author pages or data files must hold to count as the site's author data
_DATA_SUFFIXES = (".yml", ".yaml", ".json")


def urlized(name: str) -> str:
    """A name as Hugo makes a taxonomy term's path of it (``Jane Doe`` -> ``jane-doe``)."""
    return re.sub(r"\s+", "-", name.strip().lower())


class Authors:
    """The authors a site keeps data for, and where."""

    def __init__(self, names: set[str], where: str) -> None:
        self.names = names
        self.where = where
        self.folded = {urlized(name): name for name in names}

    def resolves(self, name: str) -> bool:
        return name in self.names or urlized(name) in self.folded


def _mapping_keys(path: str) -> set[str] | None:
    """The top-level keys of a YAML or JSON data file, or None when it is no mapping."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            text = stream.read(1_000_000)
    except OSError:
        return None
    try:
        data = json.loads(text) if path.endswith(".json") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        return None
    return {str(key) for key in data} if isinstance(data, dict) and data else None


def _read_authors(site: SiteIndex) -> Authors | None:
    model = site.model
    root = str(site.root)
    if model.generator == "jekyll":
        for suffix in _DATA_SUFFIXES[:3]:
            path = os.path.join(root, "_data", "authors" + suffix)
            if site.is_file(path) and (names := _mapping_keys(path)):
                return Authors(names, f"_data/authors{suffix}")
        return None
    if model.generator != "hugo":
        return None
    for suffix in _DATA_SUFFIXES:
        path = os.path.join(root, "data", "authors" + suffix)
        if site.is_file(path) and (names := _mapping_keys(path)):
            return Authors(names, f"data/authors{suffix}")
    folders = [(os.path.join(root, "data", "authors", ""), "data/authors/")]
    folders += [(os.path.join(str(content), "authors", ""), f"{os.path.relpath(content, root)}/authors/")
                for content in site.content_roots]
    for folder, shown in folders:
        names = set()
        for path, _, _ in site.files:
            if path.startswith(folder):
                rest = path[len(folder):].split(os.sep)
                stem, dot, _ = rest[0].rpartition(".")
                name = rest[0] if len(rest) > 1 else stem if dot else ""
                if name and name != "_index":
                    names.add(name)
        if len(names) >= MIN_KNOWN:
            return Authors(names, shown)
    return None


_CACHE: weakref.WeakKeyDictionary[SiteIndex, list[Authors | None]] = weakref.WeakKeyDictionary()


def site_authors(site: SiteIndex) -> Authors | None:
    """The authors the site keeps data for, read once per site index."""
    if site not in _CACHE:
        _CACHE[site] = [_read_authors(site)]
    return _CACHE[site][0]
