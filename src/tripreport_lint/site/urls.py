"""The URL path a site renders a page at, from its generator's permalink settings and the page's front
matter (Hugo's ``url``, ``slug`` and ``permalinks``; Jekyll's ``permalink`` and collections' patterns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from tripreport_lint.site.config_files import ConfigTable
from tripreport_lint.site.page_facts import PageFacts

_TOKEN = re.compile(r":([a-z_]+)")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_JEKYLL_FILE = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.+)$")
# Jekyll's named permalink styles.
_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "none": "/:categories/:title:output_ext",
}
_JEKYLL_COLLECTION = "/:collection/:path:output_ext"


@dataclass(frozen=True)
class UrlRules:
    """What decides a page's URL: permalink patterns (Hugo: by section; Jekyll: by collection, ``posts``
    for posts), the language that has no URL prefix, and whether Hugo lower-cases paths."""

    permalinks: tuple[tuple[str, str], ...] = ()
    default_language: str = "en"
    language_in_subdir: bool = False
    lower: bool = True


def hugo_url_rules(table: ConfigTable) -> UrlRules:
    raw = table.get("permalinks", {})
    if isinstance(raw, dict) and isinstance(raw.get("page"), dict):
        raw = raw["page"]  # Hugo 0.120 and later: patterns by page kind
    patterns = tuple((str(k), str(v)) for k, v in (raw.items() if isinstance(raw, dict) else ()) if isinstance(v, str))
    return UrlRules(patterns, str(table.get("defaultcontentlanguage", "en")).lower(),
                    table.get("defaultcontentlanguageinsubdir") is True, table.get("disablepathtolower") is not True)


def jekyll_url_rules(table: ConfigTable) -> UrlRules:
    site = table.get("permalink", "date")
    patterns = {"posts": _JEKYLL_STYLES.get(str(site), str(site))}
    collections = table.get("collections", {})
    for name, settings in (collections.items() if isinstance(collections, dict) else ()):
        pattern = settings.get("permalink") if isinstance(settings, dict) else None
        if isinstance(pattern, str):
            patterns[str(name)] = _JEKYLL_STYLES.get(pattern, pattern)
        elif name != "posts":
            patterns[str(name)] = _JEKYLL_COLLECTION
    return UrlRules(tuple(patterns.items()), lower=False)


def url_key(url_path: str) -> str:
    """A URL path as pages are looked up by: decoded, lower case, without slashes at the ends nor
    ``index.html``/``.html`` (a server gives ``/a/b/``, ``/a/b`` and ``/a/b.html`` from the same page)."""
    key = unquote(url_path.split("#")[0].split("?")[0]).strip("/").lower()
    key = key.removesuffix("index.html").removesuffix(".html")
    return key.strip("/")


def hugo_url(rules: UrlRules, parts: tuple[str, ...], language: str, facts: PageFacts) -> str | None:
    """The URL path of a Hugo page at ``parts`` below its content folder; None when it cannot be told."""
    prefix = "" if language in ("", rules.default_language) and not rules.language_in_subdir else f"/{language}"
    declared = facts.get("url")
    if declared is not None:
        return prefix + "/" + declared.strip().strip("/")
    *folders, name = parts
    stem = name.rsplit(".", 1)[0]
    if stem == "_index":
        return prefix + "/" + "/".join(folders)
    base = folders[-1] if stem == "index" and folders else stem
    folders = folders[:-1] if stem == "index" else folders
    slug = facts.get("slug")
    pattern = dict(rules.permalinks).get(folders[0]) if folders else None
    if pattern is None:
        path = "/".join([*folders, _urlize(slug) if slug else base])
        return prefix + "/" + (path.lower() if rules.lower else path)
    title = _urlize(facts.get("title") or "")
    date = _DATE.match(facts.get("date") or facts.get("publishdate") or "")
    values = {"section": folders[0], "sections": "/".join(folders), "filename": base, "contentbasename": base,
              "title": title, "slug": _urlize(slug) if slug else title}
    values["slugorfilename"] = values["slugorcontentbasename"] = _urlize(slug) if slug else base
    if date:
        values.update(year=date[1], month=f"{int(date[2]):02}", day=f"{int(date[3]):02}")
    expanded = _expand(pattern, values)
    return None if expanded is None else prefix + (expanded.lower() if rules.lower else expanded)


def jekyll_url(rules: UrlRules, parts: tuple[str, ...], facts: PageFacts, given: dict[str, Any]) -> str | None:
    """The URL path of a Jekyll page at ``parts`` below the site root (``given``: what the site's defaults
    and the file name supply); None when it cannot be told."""
    declared = facts.get("permalink") or _text(given.get("permalink"))
    if declared is not None:
        return declared if ":" not in declared else None
    *folders, name = parts
    stem = name.rsplit(".", 1)[0]
    collection = next((folder[1:] for folder in folders if folder.startswith("_")), None)
    if collection is None:
        return "/" + "/".join(folders) + "/" if stem == "index" else "/" + "/".join([*folders, stem]) + ".html"
    collection = "posts" if collection == "drafts" else collection
    pattern = dict(rules.permalinks).get(collection)
    if pattern is None:
        return None
    at = folders.index("_" + collection) if "_" + collection in folders else len(folders) - 1
    dated = _JEKYLL_FILE.match(stem) if collection == "posts" else None
    title = dated[4] if dated else stem
    values = {"collection": collection, "path": "/".join([*folders[at + 1 :], stem]), "name": stem,
              "title": facts.get("slug") or title, "slug": facts.get("slug") or title, "output_ext": ".html",
              "categories": "/".join(folders[:at])}
    if "categories" in pattern and (any(key in ("categories", "category") for key, _ in facts.terms)
                                    or any(key in ("categories", "category") for key in given)):
        return None  # categories from front matter: their order and case are the site's
    date = _DATE.match(facts.get("date") or _text(given.get("date")) or "")
    if date:
        values.update(year=date[1], month=f"{int(date[2]):02}", day=f"{int(date[3]):02}", short_year=date[1][2:],
                      i_month=str(int(date[2])), i_day=str(int(date[3])))
    return _expand(pattern, values)


def _expand(pattern: str, values: dict[str, str]) -> str | None:
    """A permalink pattern with its tokens replaced; None when one is unknown."""
    unknown = False

    def value(match: re.Match[str]) -> str:
        nonlocal unknown
        found = values.get(match.group(1))
        unknown = unknown or found is None
        return found or ""

    path = _TOKEN.sub(value, pattern)
    return None if unknown else "/" + re.sub(r"/{2,}", "/", path).lstrip("/")


def _urlize(text: str) -> str:
    """Hugo's urlize of a title or slug: spaces to '-', only letters, digits, marks and ``._-+~`` kept."""
    kept = "".join(c for c in text.strip().replace(" ", "-") if c.isalnum() or c in "._-+~")
    return kept.lower()


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
