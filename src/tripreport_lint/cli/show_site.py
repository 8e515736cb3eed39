"""``--show-site``: for each site the paths reach, the generator, the settings read and from which file,
and what they change in the rules (as ``ruff --show-settings`` explains a run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tripreport_lint.cli.session import discover
from tripreport_lint.config.lookup import ConfigLookup
from tripreport_lint.paths import absolute, display
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.model import SiteModel

_NAMES = {"hugo": "Hugo", "jekyll": "Jekyll", "gatsby": "Gatsby", "commonmark": "plain CommonMark"}
_RENDERERS = {"goldmark": "Goldmark", "kramdown": "kramdown", "commonmark": "CommonMark (markdown-it)"}


def site_roots(paths: tuple[Path, ...], configs: ConfigLookup, discovery: Discovery) -> tuple[list[Path], list[str]]:
    """The site roots of the files the paths reach (or of the paths themselves), in order of first
    appearance; and the paths that do not exist."""
    files, errors = discover(paths, configs, discovery)
    roots: dict[Path, None] = {}
    for path in [*paths, *files]:
        if not path.exists():
            continue
        folder = absolute(path if path.is_dir() else path.parent)
        config = configs.config(folder)  # as the engine does
        roots.setdefault(discovery.site_root(folder, config.root if config.source else None), None)
    return list(roots), errors


_FILE_LINKS = {
    "pages": "a link to a page's file (`../other.md`) reaches that page (Hugo's embedded link hook, Jekyll's "
             "jekyll-relative-links); a path is otherwise followed from the URL the page is served at",
    "resolved": "a link render hook of the site or its theme may rewrite any path: LNK004 accepts one that works "
                "as a file path or as a URL",
    "unresolved": "no link render hook: LNK004 follows every path from the URL the page is served at",
    "unknown": "the templates are not all here (a theme or module elsewhere): LNK004 accepts a path that works as "
               "a file path or as a URL",
}


def describe(model: SiteModel, file_links: str | None = None) -> str:
    """The text block of one site; ``file_links``: how its links to page files are served (``Served``)."""
    lines = [f"{display(model.root) or '.'}: {_NAMES[model.generator]} site, rendered with {_RENDERERS[model.renderer]}"]
    lines.append("  configuration: " + (", ".join(model.config_files) or "none found (CommonMark defaults)"))
    lines += [f"  problem: {problem}" for problem in model.problems]
    for setting in model.settings:
        source = setting.source or "default"
        lines.append(f"  {setting.key} = {_value(setting.value)}  ({source})")
        lines.append(f"      {setting.effect}")
    lines.append("  pages: " + _pages(model))
    if file_links is not None and model.generator in ("hugo", "jekyll"):
        lines.append(f"  local links: {_FILE_LINKS[file_links]}")
    if model.output_dirs:
        lines.append("  not read (the generator's output and vendored files): "
                     + ", ".join(f"{folder}/" for folder in model.output_dirs))
    reason = model.normalisation_off_reason
    turn_on = " (`kramdown = true` under [not-normalised] turns it on, unproven)"
    lines.append(f"  body normalisation (format, FMT001): {'off by default: ' + reason + turn_on if reason else 'on'}")
    return "\n".join(lines) + "\n"


def _pages(model: SiteModel) -> str:
    if model.generator == "jekyll":
        names = ", ".join(f"_{name}" for name in model.collections if name != "posts") or "none"
        return f"_posts and _drafts are dated posts (schema 'post'); other collections ({names}) and pages: 'page'"
    if model.generator == "hugo":
        content = ", ".join(f"{d}/" for d in model.content_dirs)
        main = ", ".join(model.main_sections) or "no section"
        return f"below {content}: the pages of {main} are dated posts ('post'), other pages 'page'; files outside: " \
               "no schema"
    return "every page is a post (schema 'post')"


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def show_sites(paths: tuple[Path, ...], configs: ConfigLookup) -> tuple[str, list[str]]:
    """The ``--show-site`` text of the sites the paths reach, and the paths that do not exist."""
    discovery = Discovery(paths, configs.cwd)
    roots, errors = site_roots(paths, configs, discovery)
    indexes = [SiteIndex(root, discovery=discovery) for root in roots]
    return "\n".join(describe(index.model, index.served.file_links) for index in indexes), errors
