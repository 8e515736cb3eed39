"""The folders no run reads, git or not: what site generators write and package managers install.

| folder | where | what fills it |
| --- | --- | --- |
| `.*` (`.git`, `.bundle`, `.jekyll-cache`, `.cache`) | any depth | version control, caches, Bundler's settings |
| `node_modules/` | any depth | npm |
| `vendor/bundle/` | any depth | Bundler (`bundle config set path vendor/bundle`), as Jekyll's docs advise |
| `_site/` | any depth | Jekyll's default destination |
| `__pycache__/` | any depth | Python |
| `publishDir` (`public/`), `resourceDir` (`resources/`), `_vendor/` | Hugo site root | Hugo's output, its generated resources, `hugo mod vendor` |
| `destination` (`_site/`) | Jekyll site root | Jekyll's output |
| `public/` | Gatsby site root | Gatsby's output (its sources are in `static/`) |

A `public/` folder anywhere else (the static folder of a Jekyll or Next.js site) is read as any other.
"""

from __future__ import annotations

import os
from pathlib import Path

from tripreport_lint.site.config_files import ConfigTable

ANY_DEPTH = frozenset({"node_modules", "_site", "__pycache__"})
# (parent, folder) names skipped together at any depth.
VENDORED = frozenset({("vendor", "bundle")})
# Per generator: (config key in lower case, or None for a fixed folder; default) of folders at the site root.
AT_SITE_ROOT: dict[str, tuple[tuple[str | None, str], ...]] = {
    "hugo": (("publishdir", "public"), ("resourcedir", "resources"), (None, "_vendor")),
    "jekyll": (("destination", "_site"),),
    "gatsby": ((None, "public"),),
}


def skipped_anywhere(parent: str, name: str) -> bool:
    """Whether a folder ``name`` in a folder named ``parent`` is skipped wherever it is."""
    return name.startswith(".") or name in ANY_DEPTH or (os.path.basename(parent), name) in VENDORED


def output_folders(root: Path, generator: str, table: ConfigTable) -> tuple[str, ...]:
    """The folders of a site root that its generator writes or fills, relative to the root in POSIX form
    (a configured one outside the root is left out)."""
    found = []
    for key, default in AT_SITE_ROOT.get(generator, ()):
        value = table.get(key, default) if key else default
        if not isinstance(value, str) or not value.strip():
            value = default
        folder = os.path.normpath(os.path.join(root, value))  # relative to the root, or absolute
        try:
            relative = os.path.relpath(folder, root)
        except ValueError:
            continue  # on another drive
        if relative != "." and not relative.startswith(".."):
            found.append(relative.replace(os.sep, "/"))
    return tuple(dict.fromkeys(found))
