"""Where a local link target of a post leads: a file beside it, in a static folder, or a page of the site."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from tripreport_lint.document.document import Document
from tripreport_lint.rules.context import Context
from tripreport_lint.site.page_facts import PageFacts, document_facts

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
PAGE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Target:
    raw: str
    path: str
    fragment: str | None
    start: int
    end: int


def targets(doc: Document) -> Iterator[Target]:
    """Every local link target of the body: Markdown links and images, and HTML src/href."""
    found = [(link.target, link.start, link.end) for link in doc.body.links if link.target is not None]
    found += doc.body.html_targets
    for raw, start, end in sorted(found, key=lambda item: item[1]):
        raw = raw.strip()
        if not raw or _EXTERNAL.match(raw) or "{{" in raw or "{%" in raw:
            continue
        path, _, fragment = raw.partition("#")
        yield Target(raw, unquote(path.split("?")[0]), fragment if "#" in raw else None, start, end)


def resolve(target: str, post: Path, ctx: Context, *, exact: bool = False) -> Path | None | bool:
    """The file a local target names; None when it names nothing; True when it cannot be judged here.

    With ``exact``, pages guessed by slug or title do not count (they prove a page exists, not which).
    """
    site = ctx.site
    if target == "/":
        return True  # the home page
    if target.startswith("/"):
        found = ctx.find_site_file(target, post) or site.page(target, exact=exact)
        if found is not None:
            return found
        return None if ctx.covers(target) else True
    bases = [post.parent, *site.translations(post.parent)]
    if post.stem not in ("index", "_index"):
        bases.append(post.parent / post.stem)  # Hugo renders post.md at .../post/, so links may be relative to that
    for base in bases:
        candidate = Path(os.path.normpath(base / target))  # lexical, like a browser resolving a URL
        for option in (candidate, *(candidate.with_name(candidate.name + s) for s in PAGE_SUFFIXES)):
            if site.is_file(option):
                return option
        if site.is_dir(candidate):
            for index in ("index.md", "_index.md", "README.md", "index.html"):
                if site.is_file(candidate / index):
                    return candidate / index
            return candidate
    if exact:
        return True
    segment = [p for p in target.split("/") if p and p not in (".", "..")]
    return (site.page_by_slug(segment[-1]) if segment else None) or ctx.find_static(target.lstrip("./"))


def linked_page(target: str, doc: Document, ctx: Context) -> Path | None:
    """The page of the site a local link target (without its fragment) leads to, when it is known which:
    the file the path names, or the one page the site publishes at that URL; None otherwise."""
    resolved = resolve(target, doc.path, ctx, exact=True)
    if isinstance(resolved, Path):
        return resolved if resolved.suffix in PAGE_SUFFIXES and ctx.site.is_file(resolved) else None
    if target.startswith("/"):
        return ctx.site.page_at(target)
    own = ctx.site.link_url(doc.path, facts_of(doc.path, ctx, doc))
    if own is None:
        return None
    folder = own.rsplit("/", 1)[0] if own.endswith(".html") else own.rstrip("/")  # a browser's base
    return ctx.site.page_at(posixpath.normpath(f"{folder}/{target}"))


def facts_of(page: Path, ctx: Context, doc: Document | None = None) -> PageFacts:
    """What a page's front matter says: from ``doc`` when given (the page being linted), else as the
    site's index read it, else from the page itself."""
    found = ctx.site.pages.get(str(page)) if doc is None else None
    if found is not None:
        return found
    doc = doc if doc is not None else ctx.site.document(page)
    return document_facts(doc) if doc is not None else PageFacts()


def site_relative(page: Path, ctx: Context) -> str:
    """A page's path from the site root, as messages name it."""
    try:
        return page.relative_to(ctx.site_root).as_posix()
    except ValueError:
        return page.name


def find_ref(name: str, post: Path, ctx: Context) -> Path | None:
    """Hugo's ref lookup: a path from the content root, relative to the page, or a unique file name."""
    candidates = [root / name.lstrip("/") for root in ctx.site.content_roots] + [post.parent / name]
    for candidate in candidates:
        for option in (candidate, candidate.with_name(candidate.name + ".md"), candidate / "index.md",
                       candidate / "_index.md"):
            if option.is_file():
                return option
    base = name.rstrip("/").rsplit("/", 1)[-1]
    matches = ctx.site.named(base) or ctx.site.named(base + ".md")
    return matches[0] if matches else ctx.site.page_by_slug(base)
