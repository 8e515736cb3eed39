"""The URL a page is published at, as its generator makes it from the page's front matter and file name (Hugo's
``url``, ``slug`` and ``permalinks``; Jekyll's ``permalink`` styles and patterns), to find two pages on one URL.

Where a URL cannot be told for sure (a token it does not know, a date it cannot read), none is given: a page
without a URL collides with nothing.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote

from tripreport_lint.frontmatter.dates import DateProblem, parse_date
from tripreport_lint.site.model import SiteModel
from tripreport_lint.site.page_facts import PageFacts

_DATED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-(.+)")
_HUGO_DATED = re.compile(r"\d{4}-\d{2}-\d{2}-(.+)")
_TOKEN = re.compile(r":([a-z_]+)")
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PAGE_SUFFIXES = (".md", ".markdown")


class PageUrl(NamedTuple):
    """Where a page is published: the URL namespace (a language) and the URL, and the other URLs it answers."""

    namespace: str
    url: str | None
    aliases: tuple[str, ...] = ()


def page_url(model: SiteModel, relative: PurePosixPath, facts: PageFacts, *, linked: bool = False) -> PageUrl | None:
    """The URL of a page at ``relative`` (to the site root), or None when the site publishes no page there.

    With ``linked``, where a link to the page leads: Hugo drafts (published once they are no more) and
    documents of Jekyll collections count too.
    """
    if relative.suffix not in _PAGE_SUFFIXES or (facts.get("draft") == "true" and not linked):
        return None
    if model.generator == "hugo":
        return _hugo(model, relative, facts, linked=linked)
    if model.generator == "jekyll":
        return _collection(model, relative, facts) if linked else _jekyll(model, relative, facts)
    return None


def _collection(model: SiteModel, relative: PurePosixPath, facts: PageFacts) -> PageUrl | None:
    """A Jekyll page's URL, a collection document's too: its own ``permalink`` or its collection's pattern."""
    folders = relative.parts[:-1]
    name = next((folder for folder in folders if folder.startswith("_")), None)
    if name is None or name in ("_posts", "_drafts"):
        return _jekyll(model, relative, facts) if name != "_drafts" else None
    pattern = facts.get("permalink") or dict(model.permalinks).get(name)
    if pattern is None:
        return None  # a collection the site does not publish, or an include or layout
    path = "/".join([*folders[folders.index(name) + 1 :], relative.stem])
    values: dict[str, str | None] = {"collection": name[1:], "path": path, "name": relative.stem,
                                     "title": facts.get("slug") or relative.stem, "slug": facts.get("slug") or
                                     relative.stem, "output_ext": ".html"}
    return PageUrl("", _filled(pattern, values))


def _hugo(model: SiteModel, relative: PurePosixPath, facts: PageFacts, *, linked: bool = False) -> PageUrl | None:
    """A Hugo page's URL; with ``linked``, a section's list page (``_index.md``) and the home page have theirs."""
    posix = relative.as_posix()
    content = next((c.strip("/") for c in sorted(model.content_dirs, key=len, reverse=True)
                    if posix.startswith(c.strip("/") + "/")), None)
    if content is None or (relative.stem.split(".")[0] == "_index" and not linked):
        return None  # outside the content folders; a section's list page
    parts = list(PurePosixPath(posix[len(content) + 1 :]).parts)
    language = dict(model.language_dirs).get(content, "")
    if not language and len(parts) > 1 and parts[0] in model.languages:
        language = parts.pop(0)
    stem = relative.stem
    suffix = stem.rsplit(".", 1)
    if len(suffix) == 2 and suffix[1] in model.languages:  # post.pt.md: a translation
        stem, language = suffix[0], suffix[1]
    folders = parts[:-1]
    aliases = tuple(normalised_url(a) for a in facts.aliases if a.startswith("/"))
    namespace = f"{content}:{language}"
    url = facts.get("url")
    if stem in ("index", "_index"):
        if not folders:
            return PageUrl(namespace, "/", aliases) if linked else None  # the home page
        if stem == "_index":  # a section: its folders, whatever its slug or the section's permalinks
            return PageUrl(namespace, normalised_url(url or "/".join(folders)).lower(), aliases)
        stem = folders.pop()
    if url:
        return PageUrl(namespace, normalised_url(url).lower(), aliases)
    if "*" in model.ugly_urls or (folders and folders[0] in model.ugly_urls):
        found = _hugo_pretty(model, relative, folders, stem, facts, namespace, aliases)
        return PageUrl(namespace, found.url.rstrip("/") + ".html" if found.url else None, aliases)
    return _hugo_pretty(model, relative, folders, stem, facts, namespace, aliases)


def _hugo_pretty(model: SiteModel, relative: PurePosixPath, folders: list[str], stem: str, facts: PageFacts,
                 namespace: str, aliases: tuple[str, ...]) -> PageUrl:
    """A Hugo page's URL as a folder (``/blog/post/``), from its slug, file name and the section's permalinks."""
    slug = facts.get("slug")
    dated = _HUGO_DATED.fullmatch(stem) if model.date_from_filename else None
    if dated and not slug:
        slug = dated[1]  # Hugo's :filename date source takes the rest of the name as the slug
    section = folders[0] if folders else ""
    pattern = dict(model.permalinks).get(section)
    if pattern is None:
        return PageUrl(namespace, _folder(normalised_url("/".join([*folders, slug or stem]))).lower(), aliases)
    title = _urlize(facts.get("title") or "", title=True)
    day = _date(facts, model.date_keys) or model.filename_date(Path(relative))
    values: dict[str, str | None] = {
        "section": section, "sections": "/".join(folders), "title": title or None,
        "slug": _urlize(slug) if slug else title or None,
        "filename": stem, "contentbasename": stem,
        "slugorfilename": _urlize(slug) if slug else stem, "slugorcontentbasename": _urlize(slug) if slug else stem,
        **_date_tokens(day),
    }
    made = _filled(pattern, values)
    if made and pattern.endswith("/"):
        made = _folder(made)  # a slug with a dot (`v2.3.0`) is no file name
    return PageUrl(namespace, made.lower() if made else None, aliases)


def _folder(url: str) -> str:
    return url.rstrip("/") + "/"


def _jekyll(model: SiteModel, relative: PurePosixPath, facts: PageFacts) -> PageUrl | None:
    parts = relative.parts
    if model.page_kind(model.root / relative) == "none":
        return None  # a file or folder Jekyll skips: `_2023-05-02-x.md`, `_posts/_old/`, layouts
    redirects = tuple(normalised_url(r) for key, values in facts.terms if key == "redirect_from" for r in values
                      if r.startswith("/"))
    if any(part.startswith("_") for part in parts[:-1]) and "_posts" not in parts[:-1]:
        return None  # drafts, collections, layouts, includes: not published as pages here, or not known how
    own = facts.get("permalink")
    if "_posts" not in parts[:-1]:
        if own:
            return PageUrl("", normalised_url(own), redirects)
        folder = "/".join(parts[:-1])
        name = "" if relative.stem == "index" else relative.stem + ".html"
        return PageUrl("", "/" + "/".join(p for p in (folder, name) if p) if name else normalised_url(folder), redirects)
    dated = _DATED.fullmatch(relative.stem)
    if dated is None:
        return None  # Jekyll does not publish a post whose name has no date
    written = _date(facts, ("date",), model.time_zone)
    day = written or datetime.date(*map(int, dated.groups()[:3]))
    categories = [*(p for p in parts[: parts.index("_posts")]), *_categories(facts)]
    default = model.supplied(model.root / relative, "post").get("permalink")  # front matter defaults
    pattern = own or (default if isinstance(default, str) else None) or dict(model.permalinks).get("_posts", "date")
    pattern = _JEKYLL_STYLES.get(pattern, pattern)
    iso = day.isocalendar()
    values: dict[str, str | None] = {
        "categories": "/".join(dict.fromkeys(c.lower() for c in categories)), "title": facts.get("slug") or dated[4],
        "slug": facts.get("slug") or dated[4], "output_ext": ".html", "y_day": f"{day.timetuple().tm_yday:03}",
        "week": f"{iso[1]:02}", "short_day": day.strftime("%a"), **_date_tokens(day),
    }
    return PageUrl("", _filled(pattern, values), redirects)


def _categories(facts: PageFacts) -> list[str]:
    """A Jekyll post's categories, by keys as written (Jekyll reads no `Categories:`): a list, a string of
    several (`categories: a b`), or one (`category: a b` is one)."""
    listed = [value for key, values in facts.terms if key in ("categories", "category") for value in values]
    for key, text in facts.labels:
        listed += text.split() if key == "categories" else [text] if key == "category" else []
    return listed


def _date(facts: PageFacts, keys: tuple[str, ...], zone: str | None = None) -> datetime.date | None:
    """The day of the first of ``keys`` the page sets: as written, or in ``zone`` when the date has one; None
    when it sets none, or one that cannot be read."""
    for key in keys:
        text = facts.get(key.lower())
        if text:
            try:
                parsed = parse_date(text)
            except DateProblem:
                return None
            if zone and parsed.has_zone:
                from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - ~2 ms: only for a site with a time zone

                try:
                    return parsed.moment.astimezone(ZoneInfo(zone)).date()
                except (ZoneInfoNotFoundError, ValueError):
                    return None
            return parsed.moment.date()
    return None


def _date_tokens(day: datetime.date | None) -> dict[str, str | None]:
    if day is None:
        return dict.fromkeys(("year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "i_month",
                              "i_day", "short_year", "long_month", "short_month", "long_day"))
    return {"year": f"{day.year:04}", "month": f"{day.month:02}", "day": f"{day.day:02}",
            "monthname": day.strftime("%B").lower(), "weekday": str(day.isoweekday() % 7),
            "weekdayname": day.strftime("%A").lower(), "yearday": str(day.timetuple().tm_yday),
            "i_month": str(day.month), "i_day": str(day.day), "short_year": f"{day.year % 100:02}",
            "long_month": day.strftime("%B"), "short_month": day.strftime("%b"), "long_day": day.strftime("%A")}


def _filled(pattern: str, values: dict[str, str | None]) -> str | None:
    """The pattern with its tokens replaced (longest names first), or None when one is unknown or empty."""
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group(1)
        known = [key for key in values if name.startswith(key)]
        if not known:
            missing = True
            return ""
        key = max(known, key=len)
        found = values[key]
        if found is None:
            missing = True
            return ""
        return found + name[len(key) :]

    made = _TOKEN.sub(value, pattern)
    return None if missing else normalised_url(made)


def url_key(url_path: str) -> str:
    """A URL path as pages are looked up by: decoded, lower case, without slashes at the ends nor
    ``index.html``/``.html`` (a server gives ``/a/b/``, ``/a/b`` and ``/a/b.html`` from the same page)."""
    key = unquote(url_path.split("#")[0].split("?")[0]).strip("/").lower()
    return key.removesuffix("index.html").removesuffix(".html").strip("/")


def _urlize(text: str, *, title: bool = False) -> str:
    """A slug, or a ``title``, made a URL segment as Hugo's permalinks make it (tried on Hugo 0.168: ``KubeCon -
    Observability`` -> ``kubecon-observability``, ``C++ rocks`` -> ``c-rocks``; a title's ``CI/CD`` -> ``ci-cd``,
    where a slug's slash makes a folder): ``_sanitized``; each ``+`` left a space, and ``_sanitized`` again; lower
    case; a ``#`` at the end dropped (an empty URL fragment), any other escaped as the URL has it."""
    if title:
        text = text.replace("/", "-").replace("\\", "-")
    kept = _sanitized(_sanitized(text).replace("+", " ")).lower()
    if kept.find("#") == len(kept) - 1:
        kept = kept[:-1]
    return kept.replace("#", "%23")


def _sanitized(text: str) -> str:
    """Hugo's path sanitising: letters, digits, marks, ``._-#+~@/\\`` and ``%`` before two hex digits kept, a run
    of white space one hyphen (none at the ends, nor beside a hyphen the text has), other characters dropped."""
    kept: list[str] = []
    space = hyphen = False
    for index, char in enumerate(text):
        if char.isalpha() or char.isdecimal() or char in "._-#+~@/\\" or unicodedata.category(char)[0] == "M" or \
                (char == "%" and _HEX2.fullmatch(text, index + 1, index + 3) is not None):
            hyphen = char == "-"
            if space and not hyphen:
                kept.append("-")
            space = False
            kept.append(char)
        elif kept and not hyphen and char.isspace():
            space = True
    return "".join(kept)


def normalised_url(url: str) -> str:
    """``/a/b/`` for ``a/b``, ``/a//b``; a URL ending in a file name (``/a/b.html``, not ``/a/v2.0/``) keeps it."""
    path = "/" + "/".join(part for part in url.strip().split("/") if part)
    last = path.rsplit("/", 1)[-1]
    return path if "." in last and not url.strip().endswith("/") else path.rstrip("/") + "/"
