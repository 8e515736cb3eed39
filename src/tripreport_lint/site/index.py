"""An index of a site's files, built once per site per process, for rules that resolve paths."""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Protocol, TypeVar

from tripreport_lint.document.document import Document
from tripreport_lint.site import page_facts
from tripreport_lint.site.anchors import document_anchors
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.listing import ListingStore, site_files
from tripreport_lint.site.model import SiteModel, read_model
from tripreport_lint.site.name_forms import Casing
from tripreport_lint.site.page_facts import Changes, FactsStore, PageFacts, SiteFacts
from tripreport_lint.site.root import find_site_root
from tripreport_lint.site.served import Served
from tripreport_lint.site.urls import PageUrl, page_url, url_key
from tripreport_lint.site.vocabulary import Vocabulary

_BUNDLE_INDEXES = ("index.md", "_index.md", "index.markdown")
_PAGE_SUFFIXES = (".md", ".markdown")
KEPT_DOCUMENTS = 16  # other pages kept parsed, for their front matter when the site's facts lack them
KEPT_ANCHORS = 1024  # the anchors of linked pages, kept (a set of names is a small part of a parsed page)
_DATE_PREFIX = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,2}-|^\d{4}-")
K = TypeVar("K")
V = TypeVar("V")


def keep_recent(kept: dict[K, V], key: K, make: Callable[[], V], limit: int) -> V:
    """``kept[key]``, made when missing; only the ``limit`` most recently used entries stay."""
    if key in kept:
        kept[key] = kept.pop(key)  # now the most recent
    else:
        kept[key] = make()
        if len(kept) > limit:
            del kept[next(iter(kept))]
    return kept[key]


class SiteStore(FactsStore, ListingStore, Protocol):
    """Where what a site's pages say, and its folders' entries, are kept between runs."""


class SiteIndex:
    """Every file below a site root, by name; with ``store``, what its pages say is kept there between runs.

    Link targets are every file the site's folders hold, git-ignored ones included (a generated asset a post
    links to exists); pages, whose words and names the rules read, are the files a run would lint. Output and
    dependency folders (``site.outputs``) are neither.
    """

    def __init__(self, root: Path, store: SiteStore | None = None, discovery: Discovery | None = None) -> None:
        self.root = root
        self.store = store
        self.discovery = discovery or Discovery()
        self._documents: dict[Path, Document | None] = {}
        self._anchors: dict[tuple[Path, str, str, bool | None], set[str] | None] = {}
        self._kinds: dict[str, str | None] = {}
        self._site_roots: dict[Path, Path | None] = {}

    def _kind(self, path: Path | str) -> str | None:
        """'file', 'dir' or None, asked of the file system once per run: posts link to the same targets."""
        key = os.fspath(path)
        if key not in self._kinds:
            self._kinds[key] = "file" if os.path.isfile(key) else "dir" if os.path.isdir(key) else None
        return self._kinds[key]

    def is_file(self, path: Path | str) -> bool:
        return self._kind(path) == "file"

    def is_dir(self, path: Path | str) -> bool:
        return self._kind(path) == "dir"

    @cached_property
    def files(self) -> list[tuple[str, int, int]]:
        """(path, size, mtime_ns) of every file of the site outside hidden, dependency and output folders, in
        path order (a folder's files, then its folders); links to folders are not followed. An image (not a
        link) has size and mtime -1: no rule reads one, only whether it is there. Every run of a one-file
        pre-commit hook asks this: the store keeps the folders' entries (``site.listing``)."""
        return site_files(str(self.root), self._real_root, self.discovery, self.store)

    @cached_property
    def _by_name(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for path, _, _ in self.files:  # strings: a Path per file of the site costs more than the scan
            found[os.path.basename(path)].append(path)
        return dict(found)

    def named(self, name: str) -> list[Path]:
        """Every file of the site with this file name, in path order."""
        return [Path(path) for path in self._by_name.get(name, ())]

    @cached_property
    def signature(self) -> str:
        """A digest of the path, size and modification time of every file of the site (of an image, its path),
        and of which are pages: what changes when anything a rule may read beyond its own file changes."""
        digest = hashlib.sha256(str(self.root).encode("utf-8", "surrogateescape"))
        pages = {path for path, _, _ in self._page_files}
        for path, size, mtime in self.files:
            digest.update(f"{path}\0{size}\0{mtime}\0{path in pages}\n".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    @cached_property
    def _pages(self) -> SiteFacts:
        return page_facts.read(str(self.root), self._page_files, self.store)

    @cached_property
    def _page_files(self) -> list[tuple[str, int, int]]:
        """The Markdown files of the site that git does not ignore."""
        considers = self.discovery.git.considers
        return [entry for entry in self.files
                if entry[0].endswith(_PAGE_SUFFIXES) and considers(self._real(os.path.dirname(entry[0])), os.path.basename(entry[0]))]

    @cached_property
    def _real_root(self) -> str:
        return os.path.realpath(self.root)

    def _real(self, folder: str) -> str:
        """The real path of a folder of the walk (which follows no link below the root)."""
        return self._real_root + folder[len(str(self.root)):]

    def prepare(self, map_chunks: page_facts.MapChunks | None = None,
                known: dict[str, page_facts.Entry] | None = None) -> None:
        """Read what the pages say now (in parallel with ``map_chunks``, a process pool's map; ``known``:
        the pages this run read already, see ``page_facts.read``) and keep it in the store: done before
        rules run, which only read it."""
        if "_pages" not in self.__dict__:
            self.__dict__["_pages"] = page_facts.read(str(self.root), self._page_files, self.store, map_chunks, known)

    def derived(self, name: str, key: str, make: Callable[[], V], update: Callable[[V, Changes], V],
                dump: Callable[[V], str], load: Callable[[str], V | None]) -> V:
        """What ``make`` derives from the facts of every page (``pages``), kept in the store under ``name``:
        read back while the pages and ``key`` (what else it depends on, such as the site's configuration)
        are as they were, ``update``d with the pages that changed since (``Changes``), else made again."""
        facts, site = self._pages, str(self.root)
        kept = self.store.derived(site, name) if self.store is not None and facts.generation is not None else None
        value = None
        if kept is not None and kept[0] == key and kept[1] in (facts.generation, facts.previous):
            value = load(kept[2])
            if value is not None and kept[1] == facts.generation:
                return value
        value = make() if value is None else update(value, facts.changes)
        if self.store is not None and facts.generation is not None:
            self.store.save_derived(site, name, key, facts.generation, dump(value))
        return value

    @property
    def pages(self) -> dict[str, PageFacts]:
        """What the front matter of each page of the site says (path as a string -> facts); made on first use."""
        return self._pages.pages

    def url_of(self, path: Path, facts: PageFacts) -> PageUrl | None:
        """Where the page at ``path`` with these front matter facts is published, if the site says."""
        try:
            relative = PurePosixPath(path.relative_to(self.root).as_posix())
        except ValueError:
            return None
        return page_url(self.model, relative, facts)

    @cached_property
    def url_owners(self) -> dict[tuple[str, str], list[str]]:
        """(namespace, URL) -> the pages published at it, by their own URL or an alias, in path order."""
        owners: dict[tuple[str, str], list[str]] = defaultdict(list)
        for path, facts in sorted(self.pages.items()):
            found = self.url_of(Path(path), facts)
            if found is not None:
                for url in dict.fromkeys((*([found.url] if found.url else []), *found.aliases)):
                    owners[found.namespace, url].append(path)
        return dict(owners)

    @cached_property
    def served(self) -> Served:
        """What the site serves at a URL, as links from its pages meet it."""
        return Served(self)

    @cached_property
    def titled(self) -> dict[str, list[str]]:
        """A title (stripped, in lower case) -> the pages that have it, in path order."""
        found: dict[str, list[str]] = defaultdict(list)
        for path, facts in sorted(self.pages.items()):
            found[(facts.get("title") or "").strip().lower()].append(path)
        return dict(found)

    @property
    def casings(self) -> dict[str, Casing]:
        """The words the site's pages write in one clear majority form with a capital (``site_casings``):
        kept in the store with the word counts, made again when a page changes."""
        return self._pages.casings

    @property
    def vocabulary(self) -> Vocabulary:
        """How many of the site's posts use each word; made on first use."""
        return self._pages.vocabulary

    @cached_property
    def model(self) -> SiteModel:
        """What generator renders the site, and how (read from its configuration once per run)."""
        return read_model(self.root, lambda: (path for path, _, _ in self._page_files),
                          self.discovery.site_config(self.root))

    @property
    def anchor_style(self) -> str:
        """How the site's renderer makes heading ids."""
        return self.model.heading_ids

    @cached_property
    def content_roots(self) -> list[Path]:
        """Where pages live: ``content/`` and its language folders for Hugo, else the site folder."""
        content = self.root / "content"
        if not content.is_dir():
            return [self.root]
        languages = [d for d in content.iterdir() if d.is_dir() and re.fullmatch(r"[a-z]{2}(?:-[a-zA-Z]{2,4})?", d.name)]
        return [content, *sorted(languages)]

    @cached_property
    def _pages_by_slug(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for suffix in _PAGE_SUFFIXES:
            for name, facts in self._pages.pages.items():
                if not name.endswith(suffix):
                    continue
                folder, file_name = os.path.split(name)
                stem = file_name[: -len(suffix)]
                keys = [os.path.basename(folder)] if stem in ("index", "_index") else [stem]
                for key in keys + list(facts.keys):
                    found.setdefault(key, name)
                    if key[:1].isdecimal():  # what a date prefix starts with (the regex costs ~3 ms over a site)
                        found.setdefault(_DATE_PREFIX.sub("", key), name)
        return found

    def page_by_slug(self, slug: str) -> Path | None:
        """The content page whose folder name, file name or declared slug (date prefix dropped) is ``slug``."""
        found = self._pages_by_slug.get(slug)
        return Path(found) if found is not None else None

    def page(self, url_path: str, *, exact: bool = False) -> Path | None:
        """The content file a site-absolute page URL (``/blog/2023/my-post/``) most likely renders from.

        Without ``exact``, a page whose slug, alias, title or folder name matches the last URL
        segment counts too: enough to know the page exists, not to know which page it is.
        """
        parts = [p for p in url_path.strip("/").split("/") if p]
        if len(parts) == 1 and any(root.name == parts[0] for root in self.content_roots[1:]):
            return self.content_roots[0]  # a language's home page, such as /ja/
        for root in self.content_roots:
            base = os.path.join(root, *parts)  # strings: this runs for every site-absolute link
            if parts and not self.is_dir(os.path.dirname(base)):
                continue  # no folder to hold any candidate (a language's root seldom has the path)
            candidates = [os.path.join(base, index) for index in _BUNDLE_INDEXES]
            if parts:
                candidates += [base + suffix for suffix in _PAGE_SUFFIXES] + [base]
            for candidate in candidates:
                if self.is_file(candidate):
                    return Path(candidate)
            if len(parts) == 1 and self.model.generator == "hugo" and self.is_dir(base):
                return Path(base)  # a top-level section: Hugo lists its pages there, _index.md or not
        return self.page_by_slug(parts[-1]) if parts and not exact else None

    def page_at(self, url_path: str) -> Path | None:
        """The one page the site publishes at a site-absolute URL path, as its generator's permalink
        settings and the pages' front matter place them; None when no page, or several, may be there."""
        found = self._pages_at.get(url_key(url_path), ())
        return Path(found[0]) if len(found) == 1 else None

    @cached_property
    def _pages_at(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for name, url in self.link_urls.items():
            if url is not None:
                found[url_key(url)].append(name)
        return dict(found)

    @cached_property
    def link_urls(self) -> dict[str, str | None]:
        """``link_url`` of every page (path as a string -> URL), made once: several indexes ask it of all."""
        return {name: self.link_url(Path(name), facts) for name, facts in self.pages.items()}

    def link_url(self, path: Path, facts: PageFacts) -> str | None:
        """The site-absolute URL a link to a page leads to (a draft's too); None when it cannot be told."""
        model = self.model
        if model.generator not in ("hugo", "jekyll"):  # Gatsby, or no configuration: the URL the page declares
            declared = [url for url in (facts.get("path"), facts.get("url")) if url and url.startswith("/")]
            if not declared or find_site_root(path.parent, self._site_roots) not in (None, self.root):
                return None  # a page of another site below this folder: its URLs are that site's
            return declared[0]
        try:
            found = page_url(model, PurePosixPath(path.relative_to(self.root).as_posix()), facts, linked=True)
        except ValueError:
            return None
        if found is None or found.url is None:
            return None
        language = found.namespace.rpartition(":")[2]
        if language and (language != model.default_language or model.language_in_subdir):
            return f"/{language}{found.url}"
        return found.url

    @cached_property
    def sections(self) -> set[str]:
        """First folders (below a content root or the site) that hold pages, plus static folders' own."""
        # Strings, a pass a root in comprehensions: this runs over every file of the site.
        site = os.path.join(self.root, "")
        found = {rest.split(os.sep, 1)[0] for path, _, _ in self.files if os.sep in (rest := path[len(site) :])}
        for root in self.content_roots:
            prefix = os.path.join(root, "")
            if prefix != site:  # the site's own first folders are all found already
                found.update(rest.split(os.sep, 1)[0] for path, _, _ in self.files
                             if path.startswith(prefix) and path.endswith(_PAGE_SUFFIXES)
                             and os.sep in (rest := path[len(prefix) :]))
        return found

    def knows(self, url_path: str) -> bool:
        """Whether the site's files cover the URL's first folder, so that a miss means a broken link."""
        parts = [p for p in url_path.strip("/").split("/") if p]
        return not parts or parts[0] in self.sections

    def translations(self, folder: Path) -> list[Path]:
        """The same folder in the site's other content languages (Hugo shares bundle resources)."""
        for root in self.content_roots[1:]:
            try:
                relative = folder.relative_to(root)
            except ValueError:
                continue
            return [other / relative for other in self.content_roots[1:] if other != root]
        return []

    def document(self, path: Path) -> Document | None:
        """Another page of the site, read and parsed; None when unreadable.

        The most recently used are kept, so memory stays flat however large the site.
        """
        return keep_recent(self._documents, path, lambda: _parsed(path), KEPT_DOCUMENTS)

    def anchors(self, path: Path, style: str, prefix: str, goldmark: bool | None) -> set[str] | None:
        """The anchors of another page of the site (``document_anchors``), made once; None when it cannot be
        read. Pages many posts link to are not parsed again, and no parsed page is kept for them."""
        def make() -> set[str] | None:
            doc = self._documents.get(path) or _parsed(path)
            return None if doc is None or doc.decode_error is not None else document_anchors(doc, style, prefix, goldmark)

        return keep_recent(self._anchors, (path, style, prefix, goldmark), make, KEPT_ANCHORS)

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
        for candidate in self.named(name):
            bundle = candidate.parent
            if bundle.name == segment or bundle.name.endswith("-" + segment) or _declares(bundle, segment):
                return candidate
        return None


def _declares(bundle: Path, segment: str) -> bool:
    """Whether the bundle's index page has ``segment`` as its slug or the last segment of its url."""
    for name in _BUNDLE_INDEXES:
        index = bundle / name
        if index.is_file():
            try:
                data = page_facts.front_matter(index.read_text("utf-8-sig", errors="replace"))
            except OSError:
                return False
            return data is not None and segment in (page_facts.last_segment(data.get(key)) for key in ("slug", "url"))
    return False


def _parsed(path: Path) -> Document | None:
    try:
        return Document(path, str(path), path.read_bytes())
    except OSError:
        return None
