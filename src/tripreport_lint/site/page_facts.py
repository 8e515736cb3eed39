"""What each page of a site tells the rules of other pages: its words, the hosts it links to, the
slugs it declares and what its front matter says of it (title, dates, draft, URL, terms). Read once, kept between runs in the cache folder's store, and read again only for
the pages whose size or modification time changed, so a one-file pre-commit run does not reread the
whole blog. Bounded in files (the first MAX_FILES pages in path order), never in time: what a run
finds must not depend on how busy the machine is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, Protocol, TypeGuard

from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.split import parse, split
from tripreport_lint.site.anchors import github
from tripreport_lint.site.name_forms import Casing, form_counts, forms_of, site_casings
from tripreport_lint.site.vocabulary import Vocabulary, words_of

MAX_FILES = 5000

CHUNK = 64  # pages a worker reads at a time
# What is read of a page: [size, mtime_ns, "its words", "its host parts", PageFacts].
Entry = list[Any]
# The front matter values kept of each page (keys in lower case, as Hugo reads them), as text.
FIELDS = ("title", "slug", "url", "permalink", "path", "date", "publishdate", "pubdate", "published", "expirydate",
          "unpublishdate", "lastmod", "draft", "layout", "categories", "category", "translationkey", "author",
          "authors", "redirect_from")
MAX_TERMS = 50  # a list longer than this is data, not taxonomy terms
# Keys whose one-string value is a taxonomy too: Jekyll's `tags: a b` and `category: release`, Hugo's `tags: one`.
LABEL_KEYS = frozenset({"tags", "tag", "categories", "category"})
MAX_LABEL = 200  # a longer string is prose, not a term
MAX_KEYS = 100  # top-level front matter keys kept of a page
MapChunks = Callable[[Callable[[list[tuple[str, int, int]]], list["Entry | None"]], list[list[tuple[str, int, int]]]],
                     Iterable[list["Entry | None"]]]


class PageFacts(NamedTuple):
    """What a page's front matter says of it, for the rules of other pages."""

    keys: tuple[str, ...] = ()  # the last URL segments it declares (slug, url, title made a slug, aliases)
    fields: tuple[tuple[str, str], ...] = ()  # (key in lower case, value as text) of the FIELDS it sets
    aliases: tuple[str, ...] = ()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (key as written, its strings) of each list of strings
    labels: tuple[tuple[str, str], ...] = ()  # (key as written, its string) of LABEL_KEYS given one string
    names: tuple[str, ...] = ()  # its top-level front matter keys, as written
    forms: str = ""  # how its prose writes words that may be names, between spaces (``name_forms.forms_of``)

    def get(self, field: str) -> str | None:
        """A field's value as text, or None when the page does not set it."""
        return next((value for key, value in self.fields if key == field), None)

    def to_json(self) -> dict[str, Any]:
        return {"k": list(self.keys), "f": dict(self.fields), "a": list(self.aliases),
                "t": {key: list(values) for key, values in self.terms}, "s": dict(self.labels), "n": list(self.names),
                "c": self.forms}

    @classmethod
    def from_json(cls, data: Any) -> PageFacts | None:
        """The facts a store kept, or None when the data is not what ``to_json`` writes (as ``json`` reads
        it: a store's every page is read in every run, so the types are checked in C)."""
        if type(data) is not dict:
            return None
        keys, fields, aliases, terms = data.get("k"), data.get("f"), data.get("a"), data.get("t")
        labels, names, forms = data.get("s"), data.get("n"), data.get("c")
        if not (_strings(names) and _strings(keys) and type(fields) is dict and all(map(_is_str, fields.values()))
                and _strings(aliases) and type(terms) is dict and all(map(_strings, terms.values()))
                and type(labels) is dict and all(map(_is_str, labels.values())) and type(forms) is str):
            return None
        return cls(tuple(keys), tuple(fields.items()), tuple(aliases),
                   tuple((key, tuple(values)) for key, values in terms.items()), tuple(labels.items()), tuple(names),
                   forms)


_is_str = str.__instancecheck__


def _strings(value: Any) -> TypeGuard[list[str]]:
    return type(value) is list and all(map(_is_str, value))


# The pages that changed between two generations of a site's stored facts: path -> (facts before, facts now),
# None where the page was not counted (added, removed, unreadable).
Changes = dict[str, tuple[PageFacts | None, PageFacts | None]]


class SiteFacts(NamedTuple):
    vocabulary: Vocabulary
    pages: dict[str, PageFacts]  # page path -> what its front matter says
    casings: dict[str, Casing]  # the names the site writes in one clear majority form (``site_casings``)
    generation: int | None  # the store's generation of these facts; None: not kept
    previous: int | None  # the generation they were updated from by ``changes``; None: read whole
    changes: Changes


def front_matter(text: str) -> dict[str, Any] | None:
    """A page's front matter as parsed (YAML, TOML or JSON); None when it has none, or none that parses."""
    return _front_matter(text)[0]


def _front_matter(text: str) -> tuple[dict[str, Any] | None, int]:
    """``front_matter``, and where the page's body starts."""
    found = split(text)
    if found is None:
        return None, 0
    try:
        parse(found, positions=False)  # the values alone: where they stand is the page's own lint's
    except RecursionError:
        return None, found.end  # json and tomllib recurse per nesting level: that page's own lint reports it
    return found.mapping, found.end


def last_segment(url: object) -> str | None:
    """The last segment of a URL path given in front matter (``/blog/my-post/`` -> ``my-post``)."""
    if not isinstance(url, str):
        return None
    return url.strip().rstrip("/").rsplit("/", 1)[-1] or None


def page_facts(text: str) -> PageFacts:
    """What a page's front matter says of it. Its keys are the URL segments it gives the page: slug or
    url, title (Hugo's :slug falls back to it, made a slug as Hugo's urlize does) and aliases (extra
    URLs of the page, one or a list), and its forms are how it writes words that may be names."""
    data, body_start = _front_matter(text)
    return _facts(data)._replace(forms=forms_of(text, body_start, data))


def document_facts(doc: Document) -> PageFacts:
    """``page_facts`` of a document, from the front matter it parsed already: made once per document,
    whichever rule asks."""
    found = doc.derived.get("page_facts")
    if not isinstance(found, PageFacts):
        # A document that is not UTF-8 parsed none; its text as decoded with replacements is read.
        fm = doc.front_matter
        found = page_facts(doc.text) if doc.decode_error else _facts(fm.mapping if fm is not None else None)
        doc.derived["page_facts"] = found
    return found


def _facts(data: dict[str, Any] | None) -> PageFacts:
    if data is None:
        return PageFacts()
    lower: dict[str, Any] = {}
    for key, value in data.items():
        lower.setdefault(str(key).lower(), value)  # the key written in lower case wins, as Hugo reads it
    fields = tuple((name, shown) for name in FIELDS if name in lower and (shown := _text(lower[name])) is not None)
    raw_aliases = lower.get("aliases")
    aliases = tuple(a for a in ([raw_aliases] if isinstance(raw_aliases, str) else
                                raw_aliases if isinstance(raw_aliases, list) else []) if isinstance(a, str))
    keys = [segment for segment in (last_segment(lower.get("slug")), last_segment(lower.get("url"))) if segment]
    title = lower.get("title")
    if isinstance(title, (str, int)) and not isinstance(title, bool) and (slug := github(str(title).strip())):
        keys.append(slug)
    keys += [segment for alias in aliases if (segment := last_segment(alias))]
    terms = tuple((str(key), tuple(value)) for key, value in data.items()
                  if isinstance(value, list) and value and len(value) <= MAX_TERMS
                  and all(isinstance(item, str) for item in value))
    labels = tuple((str(key), value) for key, value in data.items()
                   if str(key).lower() in LABEL_KEYS and isinstance(value, str) and 0 < len(value) <= MAX_LABEL)
    names = tuple(str(key) for key in list(data)[:MAX_KEYS])
    return PageFacts(tuple(keys), fields, aliases, terms, labels, names)


def _text(value: Any) -> str | None:
    """A scalar front matter value as text (dates as written), None for lists and tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return str(value) if value is not None and not isinstance(value, (list, dict)) else None


class Summary(NamedTuple):
    """What a store keeps of a site besides each page's words: every page's size, time and keys, the
    word counts over all pages, the names' casings, and a generation that each save moves on."""

    pages: dict[str, tuple[int, int, PageFacts]]
    posts: Counter[str]
    domains: Counter[str]
    generation: int
    casings: dict[str, Casing]
    forms: Counter[str] | None  # pages writing each name form: None as read (``FactsStore.forms``)


class Delta(NamedTuple):
    """What one update changed: the pages read again (None: no longer counted), and how many more or fewer
    pages use each word and host part (the words whose counts did not move left out)."""

    pages: dict[str, tuple[int, int, PageFacts] | None]
    posts: dict[str, int]
    domains: dict[str, int]
    forms_moved: bool  # whether more or fewer pages write some name form (then the forms are kept anew, whole)


class FactsStore(Protocol):
    """Where the facts of sites are kept between runs (the cache folder's store)."""

    def summary(self, site: str) -> Summary | None: ...

    def words(self, site: str, paths: list[str], generation: int) -> dict[str, tuple[str, str]] | None:
        """The words and host parts of these pages, None when any is missing or the site was saved since
        the summary of ``generation`` was read."""

    def forms(self, site: str, generation: int) -> Counter[str] | None:
        """How many pages write each name form (``name_forms.form_counts``), None when the site was saved
        since the summary of ``generation`` was read."""

    def save(self, site: str, summary: Summary, read: dict[str, Entry], gone: list[str], delta: Delta, *,
             start_over: bool, expected_generation: int | None) -> int | None:
        """Keep the new summary (or only ``delta``, what changed in it since the summary read) and the pages
        just read, forget the pages gone, and return the generation saved; None when nothing was: another run
        saved this site since ``expected_generation`` was read (its counts would be lost), or the store failed.
        ``expected_generation`` None: the summary could not be read, and is replaced whatever it holds;
        ``start_over``: what was derived from the pages (``derived``) is forgotten too."""

    def derived(self, site: str, name: str) -> tuple[str, int, str] | None:
        """What was derived from the pages under ``name``: its key, the generation of the pages it was
        derived from, and its value (JSON)."""

    def save_derived(self, site: str, name: str, key: str, generation: int, value: str) -> None:
        """Keep what was derived from the pages of ``generation`` under ``name``."""


def read(site: str, pages: list[tuple[str, int, int]], store: FactsStore | None,
         map_chunks: MapChunks | None = None, known: dict[str, Entry] | None = None) -> SiteFacts:
    """The facts of ``pages`` (path, size, mtime_ns) of the site at ``site``, from ``store`` where
    still true; with ``map_chunks`` (a process pool's map), the pages to read are read in parallel.
    ``known`` holds the pages read earlier in this run (a site's folder may hold other sites' folders):
    they are taken from it while their size and time match, and the pages read are added to it.

    Every run reads the summary; the words of single pages are read only for the pages that
    changed, to take them out of the counts, and the counts of name forms only when a page changed.
    """
    summary = store.summary(site) if store else None
    before = dict(summary.pages) if summary else {}
    pages = pages[:MAX_FILES]  # a bound, the same each run: the first pages in path order
    stale = [page for page in pages if (e := before.get(page[0])) is None or e[0] != page[1] or e[1] != page[2]]
    current = {path for path, _, _ in pages}
    gone = [path for path in before if path not in current]
    if summary and not stale and not gone:
        return SiteFacts(Vocabulary(summary.posts, summary.domains, len(before)),
                         {path: facts for path, (_, _, facts) in before.items()}, summary.casings,
                         summary.generation, None, {})
    changed = [*gone, *(path for path, _, _ in stale if path in before)]
    old_words = store.words(site, changed, summary.generation) if store and summary else None
    old_forms = store.forms(site, summary.generation) if store and summary and old_words is not None else None
    start_over = old_words is None or old_forms is None
    if start_over:  # counts cannot be updated: start again
        before, old_words, old_forms, stale, gone = {}, {}, Counter(), list(pages), []
    assert old_words is not None and old_forms is not None
    read_now = _read_all(stale, map_chunks, {} if known is None else known)
    posts = Counter(summary.posts) if summary and not start_over else Counter[str]()
    domains = Counter(summary.domains) if summary and not start_over else Counter[str]()
    forms = old_forms
    changes: Changes = {}
    counted_out: list[str] = []  # the words, host parts and name forms, between spaces, of the pages counted out
    for path in changed if not start_over else []:  # what changed no longer counts
        words, hosts = old_words[path]
        _count_out(posts, words)
        _count_out(domains, hosts)
        _count_out(forms, before[path][2].forms)
        counted_out += (words, hosts, before[path][2].forms)
        changes[path] = (before.pop(path)[2], None)
    kept = {path: entry for path, entry in read_now.items() if entry is not None}
    for path, entry in kept.items():
        before[path] = (entry[0], entry[1], entry[4])
        posts.update(entry[2].split())
        domains.update(entry[3].split())
        changes[path] = (changes.get(path, (None, None))[0], entry[4])
    forms.update(form_counts(entry[4].forms for entry in kept.values()))
    forms_moved = _moved(counted_out[2::3], [entry[4].forms for entry in kept.values()])
    # Most edits write no name in a new form: the casings, made from the forms alone, stay as they were.
    casings = site_casings(forms) if forms_moved or start_over or summary is None else summary.casings
    new = Summary(before, posts, domains, 0, casings, forms)
    generation = None
    if store is not None:
        # Pages no longer counted: gone, or changed and now unreadable.
        dropped = sorted({*changed, *(p for p, e in read_now.items() if e is None)} - kept.keys())
        delta = Delta({**dict.fromkeys(dropped), **{path: before[path] for path in kept}},
                      _moved(counted_out[::3], [entry[2] for entry in kept.values()]),
                      _moved(counted_out[1::3], [entry[3] for entry in kept.values()]), bool(forms_moved))
        generation = store.save(site, new, kept, dropped, delta, start_over=start_over,
                                expected_generation=summary.generation if summary else None)
    previous = summary.generation if summary and not start_over and generation is not None else None
    return SiteFacts(Vocabulary(new.posts, new.domains, len(before)),
                     {path: facts for path, (_, _, facts) in before.items()}, new.casings,
                     generation, previous, changes if previous is not None else {})


def _count_out(counts: Counter[str], words: str) -> None:
    """Count the words of a page (between spaces) out of ``counts``, dropping those no page uses any more: only
    the words taken out are looked at, not the tens of thousands of a site's."""
    taken = words.split()
    counts.subtract(taken)
    for word in taken:
        if counts.get(word, 0) <= 0:
            counts.pop(word, None)


def _moved(before: list[str], after: list[str]) -> dict[str, int]:
    """How many more (or fewer) pages use each word, from the words of the pages counted out and in (each
    page's between spaces); the words whose counts did not move left out."""
    moved = Counter(" ".join(after).split())
    moved.subtract(" ".join(before).split())
    return {word: count for word, count in moved.items() if count}


def _read_all(stale: list[tuple[str, int, int]], map_chunks: MapChunks | None,
              known: dict[str, Entry]) -> dict[str, Entry | None]:
    """The facts of the stale pages, from ``known`` or read: in parallel with ``map_chunks``, else here;
    those read are added to ``known``."""
    found: dict[str, Entry | None] = {}
    unread = []
    for page in stale:
        entry = known.get(page[0])
        if entry is not None and entry[0] == page[1] and entry[1] == page[2]:
            found[page[0]] = entry
        else:
            unread.append(page)
    if map_chunks is not None and len(unread) > CHUNK:
        chunks = [unread[i : i + CHUNK] for i in range(0, len(unread), CHUNK)]
        for chunk, entries in zip(chunks, map_chunks(read_chunk, chunks), strict=True):
            found.update(zip((path for path, _, _ in chunk), entries, strict=True))
    else:
        found.update((path, _read(path, size, mtime)) for path, size, mtime in unread)
    for path, _, _ in unread:
        if (entry := found.get(path)) is not None:
            known[path] = entry
    return found


def read_chunk(pages: list[tuple[str, int, int]]) -> list[Entry | None]:
    """The facts of some pages (in a worker process)."""
    return [_read(path, size, mtime) for path, size, mtime in pages]


def _read(path: str, size: int, mtime: int) -> Entry | None:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return None
    words, hosts = words_of(text)
    return [size, mtime, " ".join(sorted(words)), " ".join(sorted(hosts)), page_facts(text)]
