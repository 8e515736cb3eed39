"""The taxonomy terms a site's posts use, counted once per site and kept in the store (updated as pages change),
for the vocabulary rules (FM032-FM034): which keys the site reads as taxonomies, how it reads their values, and
which spellings are one term."""

from __future__ import annotations

import hashlib
import json
import os
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.model import BLOG_SECTIONS, PageKind, SiteModel
from tripreport_lint.site.page_facts import Changes, PageFacts

# Jekyll reads a post's tags from `tag` or `tags` and its categories from `category` or `categories`.
_JEKYLL_KEYS = {"tag": "tags", "tags": "tags", "category": "categories", "categories": "categories"}
_SEPARATORS = re.compile(r"[\s_-]+")


@cache  # a site's terms are few, and each is folded for every post that counts them
def fold(term: str) -> str:
    """What is left of a term once case, spacing, hyphens and a plural are set aside (``Tutorials`` and
    ``tutorial``; ``PyCon`` and ``py-con``). A plural is cut only from words long enough not to be names
    of their own (``news``)."""
    text = _SEPARATORS.sub("", term.strip().casefold())
    if len(text) > 4 and text.endswith("ies"):
        return text[:-3] + "y"
    if len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return text


class Written(NamedTuple):
    """A taxonomy as one page writes it."""

    taxonomy: str  # the name the site reads it by (`categories` for Jekyll's `category`)
    key: str  # the key as written
    terms: tuple[str, ...]  # as the site reads them, stripped (an empty one is no term)
    listed: bool  # a list in the file, else one string


def read_key(model: SiteModel, key: str) -> str:
    """A front matter key as the site reads it (Hugo: without regard to case)."""
    return key.lower() if model.keys_ignore_case else key


def taxonomies_of(model: SiteModel, data: Mapping[Any, Any]) -> list[Written]:
    """The taxonomies a page's front matter sets, as the site's generator reads them."""
    found: dict[str, Written] = {}
    for raw_key, value in data.items():
        key = str(raw_key)
        name = _taxonomy_name(model, key)
        if name is None:
            continue
        terms = _values(model, key, value)
        if terms is None:
            continue
        written = Written(name, key, tuple(t.strip() for t in terms), not isinstance(value, str))
        # Jekyll: the singular key wins over the plural; Hugo: the key in lower case wins.
        preferred = key in ("tag", "category") if model.generator == "jekyll" else key == name
        if name not in found or preferred:
            found[name] = written
    return list(found.values())


def near_keys(model: SiteModel, data: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """(key as written, taxonomy) of keys the site does not read as a taxonomy though they differ from one
    only by case, spacing, hyphens or plural (Hugo's `category:` beside its `categories` taxonomy)."""
    by_fold = _by_fold(_site_taxonomies(model))
    found = []
    for raw_key, value in data.items():
        key = str(raw_key)
        if _taxonomy_name(model, key) is None and fold(key) in by_fold and _values(model, key, value) is not None:
            found.append((key, by_fold[fold(key)]))
    return found


@cache
def _by_fold(names: tuple[str, ...]) -> dict[str, str]:
    return {fold(name): name for name in names}


def _site_taxonomies(model: SiteModel) -> tuple[str, ...]:
    return ("tags", "categories") if model.generator == "jekyll" else model.taxonomies


def _taxonomy_name(model: SiteModel, key: str) -> str | None:
    if model.generator == "jekyll":
        return _JEKYLL_KEYS.get(key)
    read = read_key(model, key)
    return read if read in model.taxonomies else None


def _values(model: SiteModel, key: str, value: Any) -> list[str] | None:
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    if isinstance(value, str):
        # Jekyll splits a plural key's string at spaces (`tags: ruby jekyll`); a singular key's is one term.
        return value.split() if model.generator == "jekyll" and key in ("tags", "categories") else [value]
    return None


@dataclass
class Usage:
    """How the counted pages use one taxonomy."""

    pages: int = 0
    spellings: Counter[str] = field(default_factory=Counter)  # term as written -> pages writing it so

    def groups(self) -> dict[str, dict[str, int]]:
        """The spellings of each term (and how many pages write each), by their fold."""
        found: dict[str, dict[str, int]] = {}
        for spelling, count in self.spellings.items():
            found.setdefault(fold(spelling), {})[spelling] = count
        return found


@dataclass
class SiteTerms:
    """What the counted pages of one kind write: not drafts, not list pages (Hugo's `_index`)."""

    pages: int = 0
    tagged: int = 0  # pages setting any taxonomy
    taxonomies: dict[str, Usage] = field(default_factory=dict)
    keys: Counter[str] = field(default_factory=Counter)  # key as the site reads it -> pages writing it
    counted: set[str] = field(default_factory=set)

    def add(self, model: SiteModel, data: Mapping[Any, Any], sign: int = 1) -> None:
        """Count a page's front matter in (or, with ``sign`` -1, out)."""
        self.pages += sign
        written = taxonomies_of(model, data)
        self.tagged += sign if written else 0
        for item in written:
            usage = self.taxonomies.setdefault(item.taxonomy, Usage())
            usage.pages += sign
            usage.spellings.update(dict.fromkeys((term for term in item.terms if term), sign))
            self.keys[read_key(model, item.key)] += sign
        for key, _ in near_keys(model, data):
            self.keys[read_key(model, key)] += sign

    def without(self, model: SiteModel, path: str, data: Mapping[Any, Any] | None) -> SiteTerms:
        """These counts less the page at ``path`` (whose front matter on disk is ``data``), if counted."""
        if path not in self.counted or data is None:
            return self
        copy = SiteTerms(self.pages, self.tagged, {name: Usage(u.pages, Counter(u.spellings))
                                                   for name, u in self.taxonomies.items()}, Counter(self.keys))
        copy.add(model, data, -1)
        for usage in copy.taxonomies.values():
            usage.spellings = +usage.spellings
        copy.keys = +copy.keys
        return copy


def as_data(facts: PageFacts) -> dict[str, Any]:
    """The front matter keys a page's stored facts keep that can hold taxonomies."""
    return {**dict(facts.terms), **dict(facts.labels)}


def counted(path: Path, draft: object) -> bool:
    """Whether a page's terms make the site's vocabulary: a published page (``draft`` is its draft value),
    not a list page (Hugo's `_index`) or a draft."""
    return _counted(path.parts, draft)


def _counted(parts: Sequence[str], draft: object) -> bool:
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # as Path.stem
    return stem != "_index" and "_drafts" not in parts and str(draft).lower() != "true"


def blog_of(model: SiteModel, path: Path) -> tuple[PageKind, str]:
    """Which pages a page's terms are compared with: pages of its kind and, on a site no generator's
    configuration describes (which may hold several blogs), below the same outermost folder named as a
    blog (`posts`, `blog`, `_posts`, ...), else anywhere in the site."""
    try:
        parts = path.relative_to(model.root).parts
    except ValueError:
        return "post", ""  # as page_kind says of a page outside the site
    return _blog(model, parts)


def _blog(model: SiteModel, parts: tuple[str, ...]) -> tuple[PageKind, str]:
    """``blog_of`` a page below the site root, by its parts relative to the root."""
    kind = model.kind_of(parts)
    if model.generator in ("hugo", "jekyll"):
        return kind, ""
    folders = parts[:-1]
    at = next((i for i, part in enumerate(folders) if part.lower() in BLOG_SECTIONS or part == "_posts"), None)
    return kind, "/".join(folders[: at + 1]) if at is not None else ""


_CACHE: weakref.WeakKeyDictionary[SiteIndex, dict[tuple[PageKind, str], SiteTerms]] = weakref.WeakKeyDictionary()


Blogs = dict[tuple[PageKind, str], SiteTerms]


def site_terms(site: SiteIndex, blog: tuple[PageKind, str]) -> SiteTerms:
    """What the site's counted pages of a blog (see ``blog_of``) write: counted once per site index, and
    kept in the store while the pages and the site's configuration stay (updated as pages change)."""
    blogs = _CACHE.get(site)
    if blogs is None:
        model = site.model
        key = hashlib.sha256(repr(model).encode("utf-8", "surrogateescape")).hexdigest()
        blogs = _CACHE[site] = site.derived(
            "taxonomy-terms", key, lambda: _count(model, {}, site.pages.items(), 1),
            lambda kept, changes: _update(model, kept, changes), _dump, _load)
    return blogs.get(blog, SiteTerms())


def _count(model: SiteModel, blogs: Blogs, pages: Iterable[tuple[str, PageFacts]], sign: int) -> Blogs:
    """Count the pages in (``sign`` 1) or out (-1) of the terms of their blogs."""
    below = os.path.join(model.root, "")
    for name, facts in pages:  # strings, not Paths: every page, in every one-file run
        if _counted(name.split(os.sep), facts.get("draft")):
            of = _blog(model, tuple(name[len(below):].split(os.sep))) if name.startswith(below) else ("post", "")
            terms = blogs.setdefault(of, SiteTerms())
            terms.add(model, as_data(facts), sign)
            if sign > 0:
                terms.counted.add(name)
            else:
                terms.counted.discard(name)
    return blogs


def _update(model: SiteModel, blogs: Blogs, changes: Changes) -> Blogs:
    """The terms kept, with the pages that changed since counted out as they were and in as they are: the
    counts that counting every page again makes (nothing of no page left)."""
    _count(model, blogs, ((name, old) for name, (old, _) in changes.items() if old is not None), -1)
    _count(model, blogs, ((name, new) for name, (_, new) in changes.items() if new is not None), 1)
    for of, terms in list(blogs.items()):
        if not terms.pages:
            del blogs[of]
            continue
        terms.taxonomies = {name: Usage(usage.pages, +usage.spellings)
                            for name, usage in terms.taxonomies.items() if usage.pages}
        terms.keys = +terms.keys
    return blogs


def _dump(blogs: Blogs) -> str:
    return json.dumps([[kind, folder, terms.pages, terms.tagged,
                        {name: [usage.pages, usage.spellings] for name, usage in terms.taxonomies.items()},
                        terms.keys, sorted(terms.counted)] for (kind, folder), terms in blogs.items()],
                      ensure_ascii=False, separators=(",", ":"))


def _load(text: str) -> Blogs | None:
    """The terms ``_dump`` wrote; None when the text is not what it writes (a store is never trusted blindly)."""
    try:
        data = json.loads(text)
        blogs: Blogs = {}
        for kind, folder, pages, tagged, taxonomies, keys, counted in data:
            usages = {name: Usage(used, _counts(spellings)) for name, (used, spellings) in taxonomies.items()}
            if not (kind in ("post", "page", "none") and isinstance(folder, str) and _ints(pages, tagged, *(
                    usage.pages for usage in usages.values())) and isinstance(counted, list)
                    and all(isinstance(name, str) for name in counted)):
                return None
            blogs[kind, folder] = SiteTerms(pages, tagged, usages, _counts(keys), set(counted))
    except (ValueError, TypeError, AttributeError, RecursionError):  # not JSON, or not of this shape
        return None
    return blogs


def _ints(*values: object) -> bool:
    return all(isinstance(value, int) for value in values)


def _counts(data: object) -> Counter[str]:
    if not (isinstance(data, dict) and _ints(*data.values())):
        raise TypeError("not counts")
    return Counter(data)
