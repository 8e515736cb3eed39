"""Where a local link target of a post leads: a file beside it, in a static folder, or a page of the site."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote
from weakref import WeakKeyDictionary

from tripreport_lint.document import templates
from tripreport_lint.document.document import Document
from tripreport_lint.rules.context import Context
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.page_facts import PageFacts, document_facts

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
PAGE_SUFFIXES = (".md", ".markdown")
# Jekyll runs Liquid before Markdown: `{{ site.url }}{{ site.baseurl }}/a/` and `{{ "/a/" | relative_url }}`
# are the site's own `/a/` (the model's URLs leave the base URL out).
_SITE_PREFIX = r"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}\s*)+"
_FILTERED = r"\{\{-?\s*(?P<quote>[\"'])(?P<filtered>[^\"'{}\s]*)(?P=quote)\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}"
_REST = r"[^\s\"'(){}<>]*"
_LIQUID_TARGET = re.compile(rf"{_SITE_PREFIX}(?P<path>{_REST})|{_FILTERED}(?P<rest>{_REST})")
_LIQUID_LINK = re.compile(rf"\]\([ \t]*(?P<target>(?:{_SITE_PREFIX}|{_FILTERED}){_REST})"
                          r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)")


class Target(NamedTuple):
    raw: str  # as written
    path: str
    fragment: str | None
    start: int
    end: int


def targets(doc: Document, ctx: Context) -> Iterator[Target]:
    """Every local link target of the body: Markdown links and images, HTML src/href, the src of Hugo's
    ``figure`` shortcode, and on a Jekyll site targets that Liquid makes site-absolute (``{{ site.url }}/a/``,
    ``{{ "/a/" | relative_url }}``)."""
    generator = ctx.site.model.generator
    found = [(link.target, link.start, link.end) for link in doc.body.links if link.target is not None]
    found += doc.body.html_targets
    if generator == "hugo":
        found += [(source, at, at + len(source))
                  for source, at, _ in templates.figure_sources(doc.body.comments_blanked, doc.body_start)]
    if generator == "jekyll":
        found += _spaced_liquid(doc)
    for written, start, end in sorted(found, key=lambda item: item[1]):
        raw = written = written.strip()
        if generator == "jekyll" and "{{" in raw:
            raw = _liquid_path(raw) or raw
        if not raw or _EXTERNAL.match(raw) or "{{" in raw or "{%" in raw:
            continue
        path, _, fragment = raw.partition("#")
        yield Target(written, unquote(path.split("?")[0]), fragment if "#" in raw else None, start, end)


def liquid_targets(doc: Document) -> Iterator[tuple[str, str, int, int]]:
    """(as written, the site-absolute path, start, end) of each Markdown link target that Jekyll's Liquid
    makes site-absolute."""
    found = [(link.target, link.target_start, link.target_start + len(link.target))
             for link in doc.body.links if link.target is not None and "{{" in link.target]
    for written, start, end in sorted(found + _spaced_liquid(doc), key=lambda item: item[1]):
        if (path := _liquid_path(written.strip())) is not None:
            yield written.strip(), path, start, end


def _spaced_liquid(doc: Document) -> list[tuple[str, int, int]]:
    """Targets with a space inside a Liquid tag: the Markdown link is one only once Liquid has run."""
    text = doc.body.comments_blanked
    return [(m["target"], m.start("target"), m.end("target"))
            for m in _LIQUID_LINK.finditer(text, doc.body_start) if not doc.body.in_link(m.start())]


def _liquid_path(raw: str) -> str | None:
    """The site-absolute path a Liquid-made target stands for, or None when Liquid makes more of it."""
    match = _LIQUID_TARGET.fullmatch(raw)
    if match is None:
        return None
    path = match["path"] if match["path"] is not None else match["filtered"] + match["rest"]
    return "/" + path.lstrip("/")


def resolve(target: str, post: Path, ctx: Context, *, exact: bool = False,
            doc: Document | None = None) -> Path | None | bool:
    """The file or page a local target leads to; None when it leads nowhere; True when that cannot be judged
    here (a folder the repository does not hold, a list page the generator makes).

    A relative target is followed as a browser follows it, from the URL the site serves the page at; and as a
    file path where the site makes file paths page URLs: Hugo's embedded hook (GetPage: from the page's
    folder, or a bundle's) and Jekyll's relative-links do for pages' files, a hook of the site's own may for
    anything, and so may a site whose hooks cannot be known. With ``exact``, what cannot be followed is True.
    """
    if target == "/":
        return True  # the home page
    links = ctx.site.served.file_links
    if target.startswith("/"):
        return _at_url(target, ctx, exact=exact, content_paths=links != "unresolved")
    site = ctx.site
    bases = [post.parent]
    if post.name in ("index.md", "index.markdown") and links != "unresolved" and site.model.generator != "jekyll":
        bases.append(post.parent.parent)  # Hugo's GetPage (what link hooks call) looks beside a bundle too
    as_file = _as_file(target, bases, ctx) if links != "unresolved" else None
    if as_file is not None and links == "pages" and not (as_file.suffix in PAGE_SUFFIXES and site.is_file(as_file)):
        as_file = None  # the hook or plugin makes paths to pages' files URLs, not paths to other files
    if as_file is None and links != "unresolved":  # Hugo shares a bundle's files (not its pages) between languages
        shared = _as_file(target, site.translations(post.parent), ctx)
        as_file = shared if shared is not None and shared.suffix not in PAGE_SUFFIXES else None
    url = landing(target, post, ctx, doc)
    if url is None:  # the page's URL is not known: a file path, or a path from a leaf page's URL (post.md at post/)
        as_file = as_file or _as_file(target, bases, ctx)
        if as_file is None and post.stem not in ("index", "_index"):
            as_file = _as_file(target, [post.parent / post.stem], ctx)
        return as_file if as_file is not None else (True if exact else None)
    if as_file is None and links in ("resolved", "unknown"):
        # From the site's root, as under a <base href> (where `../` climbs no higher than the root).
        as_file = ctx.find_static(re.sub(r"^(?:\.\.?/)+", "", target))
    if as_file is not None:
        return as_file
    # A relative link stays on the site: where it leads is judged even in a folder the checkout does not hold.
    found = _at_url(url, ctx, exact=True, judged=not exact)
    if found is None and links in ("resolved", "unknown") and url.lower().endswith(PAGE_SUFFIXES):
        # A hook of the site's own may also make `../other.md` the URL `../other/`, from the page's URL.
        found = _at_url(url.rsplit(".", 1)[0] + "/", ctx, exact=True) or found
    return found


def landing(target: str, post: Path, ctx: Context, doc: Document | None = None, *,
            declared: bool = False) -> str | None:
    """The site-absolute URL a relative target resolves to from the URL the site serves the page at; None
    when that URL is not known here (a generator other than Hugo and Jekyll, unless ``declared`` and the page
    declares its URL; a page it does not publish)."""
    if not (declared or ctx.site.served.knows_urls):
        return None
    own = ctx.site.link_url(post, facts_of(post, ctx, doc))
    if own is None:
        return None
    if not ctx.site.served.knows_urls and not own.endswith(".html"):
        own = own.rstrip("/") + "/"  # Gatsby's `path: /a/b`: served at /a/b/ (its trailing slash redirect)
    folder = own if own.endswith("/") else own.rsplit("/", 1)[0] + "/"  # a browser's base
    joined = posixpath.normpath(folder + target)
    return joined + "/" if target.endswith(("/", "/.", "/..")) or target in (".", "..") else joined


def _as_file(target: str, bases: list[Path], ctx: Context) -> Path | None:
    """The file or folder a target names as a file path from one of the folders (``other`` for ``other.md``,
    a folder's index page)."""
    site = ctx.site
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
    return None


# What each site-absolute URL leads to, per site: the same URLs are linked from page after page, and followed
# by three rules on each. (URL, static folders, exact, judged, content_paths) -> ``_at_url``'s answer.
_LEADS_TO: WeakKeyDictionary[SiteIndex, dict[tuple[str, tuple[Path, ...], bool, bool, bool], Path | None | bool]] = \
    WeakKeyDictionary()


def _at_url(url: str, ctx: Context, *, exact: bool, judged: bool = False,
            content_paths: bool = False) -> Path | None | bool:
    """What a site-absolute URL path leads to: a static file, a page, a list page the generator makes (True),
    a page-bundle resource, with ``content_paths`` a page file named from the content folder (which a link
    hook finds); True too in a folder the site's files do not hold (unless ``judged``), None otherwise.
    Found once per site and static folders (it depends on nothing else)."""
    known = _LEADS_TO.setdefault(ctx.site, {})
    key = (url, ctx.static_dirs, exact, judged, content_paths)
    if key not in known:
        known[key] = _find_at_url(url, ctx, exact=exact, judged=judged, content_paths=content_paths)
    return known[key]


def _find_at_url(url: str, ctx: Context, *, exact: bool, judged: bool, content_paths: bool) -> Path | None | bool:
    site = ctx.site
    served = site.served
    found = ctx.find_static(url.lstrip("/")) or next(
        (candidate for folder in served.theme_static if site.is_file(candidate := folder / url.lstrip("/"))), None)
    if found is not None:
        return found
    if served.knows_urls:
        pages = served.pages(url)
        if len(pages) > 1:
            return True  # served, by one of several pages
        page = pages[0] if pages else served.file(url)
        if page is not None:
            return page
        if served.lists(url):
            return True
        found = site.page(url, exact=True)  # or a page the index does not hold (past its bound), at its path
        if found is not None and found.suffix in PAGE_SUFFIXES and (content_paths or str(found) not in site.pages):
            return found
    else:
        found = site.page(url, exact=exact) or site.page_resource(url)
        if found is not None:
            return found
    return None if judged or ctx.covers(url) or (served.knows_urls and served.holds(url)) else True


def suggestion(target: str, post: Path, ctx: Context, doc: Document | None = None) -> str | None:
    """A link that reaches the one page named like the target's last segment (``../guides`` -> ``guides/``
    when the page is at .../docs/guides/): a file path for a page-file target where file paths are links,
    else the page's URL, site-absolute for a site-absolute target and from the page's URL for a relative one."""
    name = target.rstrip("/").rsplit("/", 1)[-1]
    if not name or name in (".", ".."):
        return None
    links = ctx.site.served.file_links
    own = ctx.site.link_url(post, facts_of(post, ctx, doc)) if ctx.site.served.knows_urls else None
    urls = {url for url, _ in ctx.site.served.named(name.rsplit(".", 1)[0])} if own is not None else set()
    if name.lower().endswith(PAGE_SUFFIXES):
        files = [page for page in ctx.site.named(name) if str(page) in ctx.site.pages]
        if len(files) == 1 and links != "unresolved":
            return os.path.relpath(files[0], post.parent).replace(os.sep, "/")
        if len(files) == 1 and own is not None:  # where file paths are no links, that page's URL
            urls = {url} if (url := ctx.site.link_url(files[0], facts_of(files[0], ctx))) else set()
    if own is None or len(urls) != 1:
        return None
    [url] = urls
    if target.startswith("/"):
        return url
    relative = posixpath.relpath(url, own if own.endswith("/") else own.rsplit("/", 1)[0] + "/")
    return relative + "/" if url.endswith("/") and relative != "." else relative


def linked_page(target: str, doc: Document, ctx: Context) -> Path | None:
    """The page of the site a local link target (without its fragment) leads to, when it is known which:
    the file the path names, or the one page the site publishes at that URL; None otherwise. Found once
    per document, whichever rule asks (LNK005 and LNK016 ask of the same links)."""
    found = doc.derived.setdefault("linked_pages", {})
    assert isinstance(found, dict)
    if target not in found:
        found[target] = _linked_page(target, doc, ctx)
    page: Path | None = found[target]
    return page


def _linked_page(target: str, doc: Document, ctx: Context) -> Path | None:
    resolved = resolve(target, doc.path, ctx, exact=True, doc=doc)
    if isinstance(resolved, Path):
        return resolved if resolved.suffix in PAGE_SUFFIXES and ctx.site.is_file(resolved) else None
    url = target if target.startswith("/") else landing(target, doc.path, ctx, doc, declared=True)
    return ctx.site.page_at(url) if url is not None else None


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
