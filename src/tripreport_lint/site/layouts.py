"""Whether the layout a page renders with prints its title as an ``<h1>``: read from the site's (or its
theme's) templates when the checkout holds them, else from the theme's name, else unknown."""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.model import SiteModel

# An <h1> holding the page's title: Hugo's `.Title`/`.LinkTitle`, Jekyll's `page.title`.
_HUGO_TITLE_H1 = re.compile(r"<h1\b[^>]*>(?:(?!</h1>).){0,400}?\.(?:Title|LinkTitle)\b", re.S | re.I)
_JEKYLL_TITLE_H1 = re.compile(r"<h1\b[^>]*>(?:(?!</h1>).){0,400}?\bpage\.title\b", re.S | re.I)
# An <h2> the layout fills from the page (a subtitle, a description): a first `###` of the body may sit under it.
_TEMPLATED_H2 = re.compile(r"<h2\b[^>]*>(?:(?!</h2>).){0,400}?(?:\{\{|\{%)", re.S | re.I)
_TOC_PARAM = re.compile(r"\.Params\.(\w*toc\w*)", re.I)
_HUGO_CALLS = re.compile(r"""\b(?:partial|partialCached)\s+"([^"]+)"|\.Render\s+"([^"]+)\"""")
_JEKYLL_INCLUDE = re.compile(r"\{%-?\s*include\s+([\w./-]+)")
_LAYOUT_OF_LAYOUT = re.compile(r"\A---[ \t]*\n(?:(?!---).*\n)*?layout:[ \t]*['\"]?([\w./-]+)")
# Themes known to print a single page's title as an <h1> (their layouts are rarely in the checkout: a Hugo
# module, a Jekyll gem): Docsy's blog and docs pages, PaperMod, Ananke, Jekyll's minima (post and page).
KNOWN_THEMES = ("docsy", "papermod", "ananke", "minima")
MAX_TEMPLATES = 24  # templates read for one page: its layout, the base and the partials they call


class TitleHeading(NamedTuple):
    """What a page's layout does with its title."""

    printed: bool | None  # prints it as an <h1>; None: the layout is not in the checkout and its theme unknown
    source: str  # which template or theme says so, for messages
    subheading: bool = False  # it also prints an <h2> it fills from the page (a subtitle)
    toc: bool = False  # it shows Hugo's table of contents (.TableOfContents)
    toc_params: tuple[str, ...] = ()  # page parameters (lower case) its table of contents depends on (`toc`, `notoc`)
    toc_min_length: int = 0  # the shortest table of contents (in HTML characters) it shows: Docsy's 200


UNKNOWN = TitleHeading(None, "")


def title_heading(site: SiteIndex, path: Path, data: Mapping[str, Any]) -> TitleHeading:
    """Whether the layout of the page at ``path`` (whose front matter, with the generator's defaults, is
    ``data``) prints its title as an ``<h1>``."""
    model = site.model
    try:
        parts = path.relative_to(model.root).parts
    except ValueError:
        return UNKNOWN
    if model.generator == "hugo":
        return _cached(site, ("hugo", *_hugo_names(model, parts, data)), lambda names: _hugo(site, names))
    if model.generator == "jekyll":
        layout = data.get("layout")
        if not isinstance(layout, str) or not layout or layout in ("none", "null"):
            return TitleHeading(False, "no layout")  # Jekyll renders the page bare
        return _cached(site, ("jekyll", layout), lambda names: _jekyll(site, names[0]))
    return UNKNOWN


_CACHE: weakref.WeakKeyDictionary[SiteIndex, dict[tuple[str, ...], TitleHeading]] = weakref.WeakKeyDictionary()


def _cached(site: SiteIndex, key: tuple[str, ...], read: Any) -> TitleHeading:
    found = _CACHE.setdefault(site, {})
    if key not in found:
        found[key] = read(key[1:])
    return found[key]


def _hugo_names(model: SiteModel, parts: tuple[str, ...], data: Mapping[str, Any]) -> tuple[str, ...]:
    """The templates Hugo looks for a page, in its order (a type's folder first, then the defaults)."""
    lower = {str(key).lower(): value for key, value in data.items()}
    section = model.hugo_section(parts) or ""
    kind_type = lower.get("type") if isinstance(lower.get("type"), str) else section
    layout = lower.get("layout") if isinstance(lower.get("layout"), str) else None
    if parts[-1].startswith("_index."):
        if not section:
            return ()  # the home page: a landing layout, not a titled page
        own = (layout, "list", "section") if layout else ("list", "section")
    else:
        own = (layout, "single", "page") if layout else ("single", "page")
    folders = (f"{kind_type}/" if kind_type else "", "_default/", "")
    return tuple(dict.fromkeys(f"{folder}{name}.html" for folder in folders for name in own))


def _layout_roots(site: SiteIndex) -> list[Path]:
    """The site's `layouts/` and its themes' (Hugo's `theme` setting, themes under `themes/`)."""
    table = site.discovery.site_config(site.root).table
    themes = table.get("theme")
    names = [themes] if isinstance(themes, str) else [t for t in themes if isinstance(t, str)] \
        if isinstance(themes, list) else []
    return [site.root / "layouts", *(site.root / "themes" / name / "layouts" for name in names)]


def _theme_words(site: SiteIndex) -> str:
    """The names of a site's themes and modules, in lower case (Hugo's `theme`, `module.imports`; Jekyll's
    `theme`, `remote_theme`)."""
    table = site.discovery.site_config(site.root).table
    found = [table.get("theme"), table.get("remote_theme")]
    imports = table.get("module.imports")
    if isinstance(imports, list):
        found += [item.get("path") for item in imports if isinstance(item, dict)]
    return " ".join(str(item) for item in found if item).lower()


def _known_theme(site: SiteIndex) -> str | None:
    words = _theme_words(site)
    return next((theme for theme in KNOWN_THEMES if theme in words), None)


def _hugo(site: SiteIndex, names: tuple[str, ...]) -> TitleHeading:
    if not names:
        return TitleHeading(False, "the home page's layout")
    roots = _layout_roots(site)
    main = _first(site, roots, names)
    if main is None:
        theme = _known_theme(site)
        if theme == "docsy":  # its partials/toc.html: `if not .Params.notoc`, and 200 characters at least
            # Docsy's single pages `.Render "content"`: a site's own content.html prints the title, or not.
            folders = dict.fromkeys(name.rpartition("/")[0] + "/" for name in names)
            content = _first(site, roots, tuple(f"{f.lstrip('/')}content.html" for f in folders))
            folder = content.parent.name if content is not None and content.parent not in roots else ""
            texts = _read_with_calls(site, roots, [content], folder) if content is not None else []
            printed = any(_HUGO_TITLE_H1.search(text) for text in texts) if content is not None else True
            source = _shown(site, content) if content is not None else "the docsy theme"
            return TitleHeading(printed, source, toc=True, toc_params=("notoc",), toc_min_length=200)
        return TitleHeading(True, f"the {theme} theme") if theme else UNKNOWN
    folder = main.parent.name if main.parent not in roots else ""
    bases = tuple(f"{f}baseof.html" for f in dict.fromkeys((f"{folder}/" if folder else "", "_default/", "")))
    texts = _read_with_calls(site, roots, [main, *filter(None, [_first(site, roots, bases)])], folder)
    printed = any(_HUGO_TITLE_H1.search(text) for text in texts)
    toc = any(".TableOfContents" in text for text in texts)
    params = tuple(sorted({name.lower() for text in texts for name in _TOC_PARAM.findall(text)})) if toc else ()
    return TitleHeading(printed, _shown(site, main), any(_TEMPLATED_H2.search(text) for text in texts), toc, params)


def _first(site: SiteIndex, roots: list[Path], names: tuple[str, ...]) -> Path | None:
    return next((root / name for name in names for root in roots if site.is_file(root / name)), None)


def _read_with_calls(site: SiteIndex, roots: list[Path], start: list[Path], folder: str) -> list[str]:
    """The texts of Hugo templates and of the partials and `.Render` views they call, transitively (bounded)."""
    texts: list[str] = []
    pending, seen = list(start), set(start)
    while pending and len(texts) < MAX_TEMPLATES:
        text = _text(pending.pop(0))
        texts.append(text)
        for partial, view in _HUGO_CALLS.findall(text):
            if partial:
                name = partial if partial.endswith(".html") else partial + ".html"
                names: tuple[str, ...] = (f"partials/{name}", f"_partials/{name}")
            else:
                names = tuple(f"{f}{view}.html" for f in dict.fromkeys((f"{folder}/" if folder else "", "_default/")))
            found = _first(site, roots, names)
            if found is not None and found not in seen:
                seen.add(found)
                pending.append(found)
    return texts


def _jekyll(site: SiteIndex, layout: str) -> TitleHeading:
    layouts, includes = site.root / "_layouts", site.root / "_includes"
    texts: list[str] = []
    name: str | None = layout
    first: Path | None = None
    seen: set[str] = set()
    while name and name not in seen and len(texts) < MAX_TEMPLATES:
        seen.add(name)
        path = next((layouts / f"{name}{suffix}" for suffix in (".html", "") if site.is_file(layouts / f"{name}{suffix}")),
                    None)
        if path is None:
            break
        first = first or path
        text = _text(path)
        texts.append(text)
        texts += [_text(includes / inc) for inc in _JEKYLL_INCLUDE.findall(text) if site.is_file(includes / inc)]
        parent = _LAYOUT_OF_LAYOUT.match(text)
        name = parent.group(1) if parent else None
    if first is None:
        theme = _known_theme(site)
        if theme == "minima":
            return TitleHeading(layout in ("post", "page"), "the minima theme")
        return TitleHeading(True, f"the {theme} theme") if theme else UNKNOWN
    return TitleHeading(any(_JEKYLL_TITLE_H1.search(text) for text in texts), _shown(site, first),
                        any(_TEMPLATED_H2.search(text) for text in texts))


def _text(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")[:200_000]
    except OSError:
        return ""


def _shown(site: SiteIndex, path: Path) -> str:
    try:
        return path.relative_to(site.root).as_posix()
    except ValueError:
        return str(path)


def toc_shown(found: TitleHeading, data: Mapping[str, Any]) -> bool:
    """Whether a layout shows Hugo's table of contents on a page with this front matter: the parameters it depends
    on named like `notoc` or `hide_toc` must be unset, and one of those like `toc` or `showToc` (if any) set."""
    if not found.toc:
        return False
    lower = {str(key).lower(): value for key, value in data.items()}
    negative = [name for name in found.toc_params if name.startswith(("no", "hide", "disable"))]
    positive = [name for name in found.toc_params if name not in negative]
    return not any(lower.get(name) for name in negative) and (not positive or any(lower.get(n) for n in positive))


def toc_levels(site: SiteIndex) -> tuple[int, int]:
    """Hugo's `markup.tableOfContents` startLevel and endLevel (2 and 3 unless set)."""
    table = site.discovery.site_config(site.root).table
    start = table.get("markup.tableofcontents.startlevel", 2)
    end = table.get("markup.tableofcontents.endlevel", 3)
    return (start if isinstance(start, int) else 2), (end if isinstance(end, int) else 3)
