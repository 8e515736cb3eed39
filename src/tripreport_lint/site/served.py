"""What a site serves at a URL, as a browser following a link meets it: a page (at its URL or an alias), a
section's or taxonomy's list page, a page-bundle resource or another file of the content folders; and whether
the site's link render hooks turn file paths (``other.md``) into page URLs.

Static folders are the rule context's to search (a configuration may name them).
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol

from tripreport_lint.site.config_files import ConfigTable
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.model import SiteModel
from tripreport_lint.site.page_facts import PageFacts
from tripreport_lint.site.urls import url_key


class SiteFiles(Protocol):
    """What ``Served`` reads of a site's index (site.index.SiteIndex)."""

    root: Path
    discovery: Discovery

    @property
    def model(self) -> SiteModel: ...

    @property
    def pages(self) -> dict[str, PageFacts]: ...

    @property
    def content_roots(self) -> list[Path]: ...

    def link_url(self, path: Path, facts: PageFacts) -> str | None: ...

    @property
    def link_urls(self) -> dict[str, str | None]: ...

    def is_file(self, path: Path | str) -> bool: ...


FileLinks = Literal["pages", "resolved", "unresolved", "unknown"]
_BUNDLE_INDEXES = ("index.md", "index.markdown", "_index.md", "_index.markdown")
_HOOKS = ("render-link", "render-image")


class Served:
    """The URLs a Hugo or Jekyll site serves from the files of its checkout."""

    def __init__(self, index: SiteFiles) -> None:
        self.index = index
        self.model = index.model

    @property
    def knows_urls(self) -> bool:
        """Whether the generator's URLs are known here (Hugo and Jekyll); else links are followed as file paths."""
        return self.model.generator in ("hugo", "jekyll")

    @cached_property
    def _pages(self) -> dict[str, list[str]]:
        """url_key -> the pages published at it, by their URL or an alias (also under the language's prefix)."""
        found: dict[str, list[str]] = defaultdict(list)
        urls = self.index.link_urls
        for name, facts in sorted(self.index.pages.items()):
            url = urls[name]
            if url is None:
                continue
            prefix = url[: len(url) - len(_unprefixed(url, self.model.languages))]  # "/fr" or ""
            aliases = facts.aliases if self.model.generator == "hugo" else _redirects(facts)
            if self.model.generator == "jekyll" and os.path.basename(name).lower() in ("readme.md", "readme.markdown") \
                    and not any(self.index.is_file(os.path.join(os.path.dirname(name), index))
                                for index in ("index.md", "index.markdown", "index.html")):
                aliases = [*aliases, url.rsplit("/", 1)[0] + "/"]  # jekyll-readme-index (GitHub Pages)
            for each in dict.fromkeys([url, *aliases, *(prefix + a for a in aliases if prefix)]):
                if each.startswith("/"):
                    found[url_key(each)].append(name)
        return dict(found)

    def holds(self, url: str) -> bool:
        """Whether the site serves pages in the URL's first folder (``/fixed/`` for a page at ``/fixed/place/``)."""
        first = url_key(url).split("/", 1)[0]
        return not first or first in self._first_folders

    @cached_property
    def _first_folders(self) -> set[str]:
        return {key.split("/", 1)[0] for key in self._pages}

    def pages(self, url: str) -> list[Path]:
        """The pages published at a site-absolute URL path (by their URL or an alias), in path order."""
        return [Path(name) for name in dict.fromkeys(self._pages.get(url_key(url), ()))]

    def named(self, segment: str) -> list[tuple[str, Path]]:
        """(URL, page) of every page whose URL ends in the segment (``guides`` for ``/docs/guides/``)."""
        return self._by_segment.get(segment.strip("/").lower(), [])

    @cached_property
    def _by_segment(self) -> dict[str, list[tuple[str, Path]]]:
        found: dict[str, list[tuple[str, Path]]] = defaultdict(list)
        for name, url in sorted(self.index.link_urls.items()):
            if url is not None and url_key(url):
                found[url_key(url).rsplit("/", 1)[-1]].append((url, Path(name)))
        return dict(found)

    def lists(self, url: str) -> bool:
        """Whether Hugo makes a list page at the URL: the home page (of each language), a top-level section
        of the content folders (with an ``_index.md`` or not), or a taxonomy's or term's page."""
        if self.model.generator != "hugo":
            return url_key(url) == ""
        parts = url_key(url).split("/") if url_key(url) else []
        if parts and parts[0] in self.model.languages:
            parts = parts[1:]
        if parts[-1:] == ["index.xml"]:  # a list page's RSS feed
            parts = parts[:-1]
        if not parts:
            return True
        return (len(parts) == 1 and parts[0] in self._top_sections) or parts[0] in self.model.taxonomies

    @cached_property
    def _top_sections(self) -> set[str]:
        found: set[str] = set()
        for root in self.index.content_roots:
            prefix = os.path.join(root, "")
            for name in self.index.pages:
                if name.startswith(prefix) and os.sep in name[len(prefix) :]:
                    found.add(name[len(prefix) :].split(os.sep, 1)[0].lower())
        return found

    def file(self, url: str) -> Path | None:
        """The file of the content folders published at a site-absolute URL path: a resource of the page
        bundle whose URL the path starts with, or a file at the same path below a content folder."""
        parts = [part for part in url.split("/") if part]
        # Strings, not Paths, until one is found (this runs for every link of a post); `.` dropped as a Path does.
        for cut in range(len(parts) - 1, -1, -1):
            owners = self._pages.get(url_key("/" + "/".join(parts[:cut]) + "/"), ()) if cut else ()
            for owner in dict.fromkeys(owners):
                folder, name = os.path.split(owner)
                if name not in _BUNDLE_INDEXES:
                    continue
                candidate = os.path.join(folder, *(part for part in parts[cut:] if part != "."))
                if self.index.is_file(candidate) and not candidate.endswith((".md", ".markdown")) \
                        and not (name.startswith("_index.") and self._in_leaf_bundle(Path(candidate), Path(folder))):
                    return Path(candidate)
        for root in self._file_roots:
            candidate = os.path.join(root, *(part for part in parts if part != "."))
            if self.index.is_file(candidate) and os.path.splitext(candidate)[1] not in (".md", ".markdown") \
                    and not self._in_leaf_bundle(Path(candidate), root):
                return Path(candidate)
        return None

    def _in_leaf_bundle(self, path: Path, root: Path) -> bool:
        """Whether a Hugo leaf bundle (a folder with an ``index.md``) holds the file: it is published with
        its page, at the page's URL."""
        if self.model.generator != "hugo":
            return False
        folder = path.parent
        while folder != root and root in folder.parents:
            if any(self.index.is_file(folder / name) for name in _BUNDLE_INDEXES[:2]):
                return True
            folder = folder.parent
        return False

    @cached_property
    def _file_roots(self) -> list[Path]:
        """Where files are published at their own path: Hugo's content folders (a language's under its prefix
        is approximated by the folder itself), Jekyll's site folder."""
        if self.model.generator == "jekyll":
            return [self.index.root]
        return list(self.index.content_roots)

    @cached_property
    def file_links(self) -> FileLinks:
        """Whether a link to another page's file (``../other.md``) reaches that page on the served site:
        ``pages`` where a path to a page's file becomes the page's URL, and a path to another file does not:
        Hugo's embedded link hook (it finds pages with GetPage; Hugo 0.168 turns it on by itself where a
        `languages` table is set, even of one language), Jekyll's jekyll-relative-links (on GitHub Pages);
        ``resolved`` where a link or image hook of the site or its theme may make anything a URL;
        ``unresolved`` where the site's templates are all here and none does; ``unknown`` where a theme or
        module is not here."""
        if self.model.generator == "jekyll":
            return "pages"
        if self.model.generator != "hugo":
            return "unknown"
        table = self._config
        hook = "markup.goldmark.renderhooks.link."
        embedded = str(table.get(hook + "useembedded", "auto")).lower()  # Hugo 0.148; earlier, enableDefault
        if embedded == "always":
            return "pages"
        themes = [self.index.root / "themes" / theme for theme in self._themes]
        if any(_has_hook(folder / "layouts") for folder in [self.index.root, *themes]):
            return "resolved"
        if table.get("module.imports") or (self.index.root / "go.mod").is_file():
            return "unknown"  # templates from a Hugo module, which may hold a hook
        if not all(folder.is_dir() for folder in themes) or not (themes or (self.index.root / "layouts").is_dir()):
            return "unknown"  # a theme not checked out, or no templates here at all
        if any(_has_base(folder / "layouts") for folder in [self.index.root, *themes]):
            return "unknown"  # a <base href> makes relative links relative to the site's root, not the page
        if embedded == "fallback" or table.get(hook + "enabledefault") is True \
                or (embedded == "auto" and self.model.languages):
            return "pages"  # Hugo's embedded hook: on when asked, and by default on a site with languages set
        return "unresolved"

    @property
    def _config(self) -> ConfigTable:
        return self.index.discovery.site_config(self.index.root).table

    @cached_property
    def _themes(self) -> list[str]:
        themes = self._config.get("theme") or []
        return [themes] if isinstance(themes, str) else [str(t) for t in themes] if isinstance(themes, list) else []

    @cached_property
    def theme_static(self) -> tuple[Path, ...]:
        """The static folders of the site's Hugo themes that are checked out (asked once per site index)."""
        if self.model.generator != "hugo":
            return ()
        return tuple(folder for theme in self._themes if (folder := self.index.root / "themes" / theme / "static").is_dir())


def _redirects(facts: PageFacts) -> list[str]:
    """The other URLs a Jekyll page answers at (jekyll-redirect-from's ``redirect_from``: one, or a list)."""
    listed = [url for key, values in facts.terms if key == "redirect_from" for url in values]
    one = facts.get("redirect_from")
    return [*listed, *([one] if one else [])]


def _unprefixed(url: str, languages: tuple[str, ...]) -> str:
    """A URL without its language folder (``/fr/a/`` -> ``/a/``)."""
    first = url.strip("/").split("/", 1)[0]
    return url[len(first) + 1 :] if first in languages and url.startswith(f"/{first}/") else url


def _has_base(layouts: Path) -> bool:
    """Whether a template of a layouts folder writes a ``<base>`` element."""
    for folder, _, names in os.walk(layouts):
        for name in names:
            if name.endswith(".html"):
                try:
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as stream:
                        if "<base " in stream.read().lower():
                            return True
                except OSError:
                    continue
    return False


def _has_hook(layouts: Path) -> bool:
    """Whether a layouts folder holds a link or image render hook (``_markup/render-link.html``, at any depth)."""
    if not layouts.is_dir():
        return False
    for folder, _, names in os.walk(layouts):
        if posixpath.basename(folder) == "_markup" and any(name.startswith(_HOOKS) for name in names):
            return True
    return False
