"""An index of a site's files, built once per site per process, for rules that resolve paths."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cached_property, lru_cache
from pathlib import Path

from .paths import SKIPPED_DIRS

_BUNDLE_INDEXES = ("index.md", "_index.md", "index.markdown")


class SiteIndex:
    """Every file below a site root, by name."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @cached_property
    def by_name(self) -> dict[str, list[Path]]:
        found: dict[str, list[Path]] = defaultdict(list)
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
            for name in files:
                found[name].append(Path(folder) / name)
        return dict(found)

    def page_resource(self, url_path: str) -> Path | None:
        """The page-bundle file a site-absolute URL such as ``/2023/06/21/my-post/cover.jpg`` names.

        Permalink patterns differ per site, but nearly all end in the page's slug or folder name,
        so a bundle holding a file of that name whose folder or ``slug``/``url`` matches the last
        URL segment is taken as the target.
        """
        parts = [p for p in url_path.split("/") if p]
        if len(parts) < 2:
            return None
        name, segment = parts[-1], parts[-2]
        for candidate in self.by_name.get(name, []):
            bundle = candidate.parent
            if bundle.name == segment or bundle.name.endswith("-" + segment) or _declares(bundle, segment):
                return candidate
        return None


def _declares(bundle: Path, segment: str) -> bool:
    pattern = re.compile(rf"^(?:slug|url)\s*[:=]\s*[\"']?(?:.*/)?{re.escape(segment)}/?[\"']?\s*$", re.M)
    for name in _BUNDLE_INDEXES:
        index = bundle / name
        if index.is_file():
            head = index.read_text("utf-8", errors="replace")[:4096]
            return bool(pattern.search(head))
    return False


@lru_cache(maxsize=None)
def site_index(root: Path) -> SiteIndex:
    return SiteIndex(root)
