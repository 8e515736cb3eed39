"""The site model: which generator renders a site's posts, with which settings, and what that means
for a page (is it a post; what does the generator supply that its front matter leaves out).

Resolved once per site root from the generator's own configuration files; every rule and fix that
depends on how a page renders asks this instead of assuming CommonMark.
"""

from __future__ import annotations

import dataclasses
import datetime
import fnmatch
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, NamedTuple

from tripreport_lint.site.config_files import ConfigTable, read_hugo, read_jekyll
from tripreport_lint.site.outputs import output_folders
from tripreport_lint.site.publishing import Publishing, hugo_publishing, jekyll_publishing
from tripreport_lint.site.root import GATSBY_CONFIGS, JEKYLL_CONFIGS, hugo_configs

Generator = Literal["hugo", "jekyll", "gatsby", "commonmark"]
Renderer = Literal["goldmark", "kramdown", "commonmark"]
PageKind = Literal["post", "page", "none"]

HEADING_ID_TYPES = ("github", "github-ascii", "blackfriday")
# Sections whose names say they hold dated posts, beside Hugo's main section.
BLOG_SECTIONS = frozenset({"post", "posts", "blog", "blogs", "news", "article", "articles", "journal", "diary"})
HUGO_DATE_SOURCES = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
# A date that starts a file or bundle name: Jekyll reads `2021-4-1-` too (its pattern is \d{2,4}-\d{1,2}-\d{1,2}).
# The endings of the content files Hugo renders (an index page of one of them makes a leaf bundle).
_HUGO_CONTENT = (".md", ".markdown", ".mdown", ".html", ".htm", ".adoc", ".asciidoc", ".org", ".pdc", ".pandoc", ".rst")
_FILENAME_DATE = re.compile(r"(\d{2,4})-(\d{1,2})-(\d{1,2})-")


class Setting(NamedTuple):
    """One setting the model read (or defaulted), for ``--show-site``: where it came from and what it changes."""

    key: str
    value: Any
    source: str | None  # the file that set it, relative to the site root; None: the generator's default
    effect: str


class FrontMatterDefault(NamedTuple):
    """A Jekyll ``defaults`` entry: values given to the pages its scope matches."""

    path: str
    type: str | None
    values: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class SiteModel:
    """How a site renders its pages; the defaults are plain CommonMark's, for a site nothing configures."""

    root: Path
    generator: Generator = "commonmark"
    renderer: Renderer = "commonmark"
    config_files: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    # What the Markdown renderer does with a post.
    linkify: bool = False  # bare URLs become links
    typographer: bool = False  # -- becomes a dash, "quotes" curly
    block_attributes: bool = False  # `{.class #id}` lines after blocks are read as attributes
    hard_wraps: bool = False  # a line break inside a paragraph is a <br>
    heading_ids: str = "github"  # a key of site.anchors.STYLES
    auto_id_prefix: str = ""
    raw_html: bool = True  # raw HTML reaches the page (Goldmark omits it unless `unsafe`)
    liquid: bool = False  # posts go through Liquid before Markdown
    mentions: bool = False  # @name becomes a link (jekyll-mentions)
    emoji: bool = False  # :name: shortcodes become emoji (Hugo's enableEmoji)
    # What the generator makes of front matter and file names.
    keys_ignore_case: bool = False
    date_keys: tuple[str, ...] = ("date", "publishdate", "pubdate", "published")  # in lower case, in order
    date_from_filename: bool = True  # a date that starts the file or bundle name dates the post
    date_from_file_time: bool = False  # Hugo's :fileModTime and :git
    time_zone: str | None = None  # Jekyll's: the IANA zone its post URLs take the day in; None: the build machine's
    # How page URLs are made: Hugo's section -> pattern (`posts = "/:year/:slug/"`); Jekyll's one pattern for posts.
    permalinks: tuple[tuple[str, str], ...] = ()
    taxonomies: tuple[str, ...] = ("tags", "categories")
    content_dirs: tuple[str, ...] = ()
    static_dirs: tuple[str, ...] = ("static",)  # folders, relative to the root, served at the site's top
    output_dirs: tuple[str, ...] = ()  # folders, relative to the root, the generator writes (site.outputs)
    languages: tuple[str, ...] = ()
    language_dirs: tuple[tuple[str, str], ...] = ()  # Hugo: (a language's own contentDir, the language)
    ugly_urls: tuple[str, ...] = ()  # Hugo: the sections whose pages are served at `page.html` ("*": all)
    main_sections: tuple[str, ...] = ()  # Hugo: the sections whose pages are dated posts
    collections: tuple[str, ...] = ()  # Jekyll: the names of its collections (folder `_<name>`)
    defaults: tuple[FrontMatterDefault, ...] = ()
    default_language: str = ""  # Hugo: the language whose URLs have no prefix (unless in a subfolder)
    language_in_subdir: bool = False
    publishing: Publishing = Publishing()  # which drafts, future and expired pages are built all the same
    settings: tuple[Setting, ...] = ()
    # ``page_kind`` of each path asked (as text: a Path hashes in Python): rules of every post ask it of the
    # post and of the pages it links to.
    _kinds: dict[str, PageKind] = dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)
    # Whether each folder asked (relative to the root) holds a leaf bundle's index page (Hugo).
    _leaves: dict[str, bool] = dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def normalisation_off_reason(self) -> str | None:
        """Why body normalisation (mdformat) is off by default on this site, or None."""
        if self.renderer == "kramdown":
            return ("kramdown reads Markdown differently from CommonMark (a '|' starts a table, '1)' starts no list, "
                    "a '\\' line end is no break), so mdformat's rewrites are not proven safe for it")
        return None

    def page_kind(self, path: Path) -> PageKind:
        """``post`` for a dated blog post, ``page`` for another rendered page, ``none`` for a file the site
        does not render as a page (Hugo archetypes, files outside the content folders)."""
        key = str(path)
        kind = self._kinds.get(key)
        if kind is None:
            try:
                parts = path.relative_to(self.root).parts
            except ValueError:
                kind = "post"
            else:
                kind = self.kind_of(parts)
            self._kinds[key] = kind
        return kind

    def kind_of(self, parts: tuple[str, ...]) -> PageKind:
        """``page_kind`` of a path below the site root, by its parts relative to the root."""
        if self.generator == "jekyll":
            return self._jekyll_kind(parts)
        if self.generator == "hugo":
            return self._hugo_kind(parts)
        return "post"

    def _jekyll_kind(self, parts: tuple[str, ...]) -> PageKind:
        folders = parts[:-1]
        # Jekyll skips a file or folder whose name starts with '_', '.', '#' or '~' (its drafts kept as
        # `_2023-05-02-x.md`, layouts, includes), but for the folders of posts, drafts and collections.
        special = {"_posts", "_drafts", *(f"_{name}" for name in self.collections)}
        if any(part not in special and part.startswith(("_", ".", "#", "~")) for part in parts):
            return "none"
        # Documents of other collections (_docs) and plain pages are not blog posts.
        return "post" if "_posts" in folders or "_drafts" in folders else "page"

    def _hugo_kind(self, parts: tuple[str, ...]) -> PageKind:
        section = self.hugo_section(parts)
        if section is None or self._bundle_resource(parts):
            return "none"
        if section == "":
            return "page"  # a page at the top of the content folder: /about/
        return "post" if section in self.main_sections else "page"

    def _bundle_resource(self, parts: tuple[str, ...]) -> bool:
        """Whether a content file is a resource of a leaf bundle (its folder, or one above it, holds an
        ``index`` page; ``_index`` makes a branch): Hugo renders no page of it."""
        for depth in range(len(parts) - 1, 1, -1):  # not the content folder itself
            folder = "/".join(parts[:depth])
            if folder not in self._leaves:
                try:
                    names = os.listdir(self.root / folder)
                except OSError:
                    names = []
                self._leaves[folder] = any(name.startswith("index.") and name.endswith(_HUGO_CONTENT) for name in names)
            if self._leaves[folder] and (depth < len(parts) - 1 or not parts[-1].startswith("index.")):
                return True
        return False

    def hugo_section(self, parts: tuple[str, ...]) -> str | None:
        """The first folder below the content folder (and language folder) holding a page; "" for a page
        at the top; None outside the content folders."""
        posix = "/".join(parts)
        for content in sorted(self.content_dirs, key=len, reverse=True):
            prefix = content.strip("/") + "/"
            if posix.startswith(prefix):
                rest = posix[len(prefix) :].split("/")
                if len(rest) > 1 and rest[0] in self.languages:
                    rest = rest[1:]
                return rest[0] if len(rest) > 1 else ""
        return None

    def filename_date(self, path: Path) -> datetime.date | None:
        """The day a dated file name (a page bundle's folder name for Hugo) gives a post, when the generator
        reads dates from file names: ``2024-03-05-notes.md``; None otherwise, or when it is no real day."""
        if not self.date_from_filename:
            return None
        name = path.parent.name if self.generator == "hugo" and path.stem in ("index", "_index") else path.name
        dated = _FILENAME_DATE.match(name)
        if dated is None or len(dated.group(1)) != 4:
            return None
        try:
            return datetime.date(*map(int, dated.groups()))
        except ValueError:
            return None

    def supplied(self, path: Path, kind: PageKind) -> dict[str, Any]:
        """Front matter values the generator gives this page when it leaves them out: Jekyll's ``defaults``,
        a collection document's title from its file name, a date from the file name."""
        given: dict[str, Any] = {}
        try:
            relative = PurePosixPath(path.relative_to(self.root).as_posix())
        except ValueError:
            relative = PurePosixPath(path.name)
        if self.generator == "jekyll":
            doc_type = _jekyll_type(relative)
            for default in self.defaults:
                if _in_scope(relative, default.path) and default.type in (None, doc_type):
                    given.update(default.values)
            if doc_type not in ("pages",):
                given.setdefault("title", _titleised(relative.stem))
        if kind != "post":
            return given
        name = path.parent.name if path.stem in ("index", "_index") else path.name
        dated = _FILENAME_DATE.match(name)
        if dated and self.date_from_filename:
            year, month, day = dated.groups()
            given.setdefault("date", f"{year}-{int(month):02}-{int(day):02}")
        elif self.date_from_file_time or "_drafts" in relative.parts[:-1]:
            given.setdefault("date", _file_date(path))  # as Hugo's :fileModTime, and Jekyll for drafts
        return given


def _file_date(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "1970-01-01"
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date().isoformat()


def _jekyll_type(relative: PurePosixPath) -> str:
    for part in relative.parts[:-1]:
        if part in ("_posts", "_drafts"):
            return "posts" if part == "_posts" else "drafts"
        if part.startswith("_"):
            return part[1:]
    return "pages"


def _in_scope(relative: PurePosixPath, scope: str) -> bool:
    scope = scope.strip("/")
    if not scope:
        return True
    if "*" in scope:
        return fnmatch.fnmatch(relative.as_posix(), scope + "*")
    return relative.as_posix() == scope or relative.as_posix().startswith(scope + "/")


def _titleised(stem: str) -> str:
    slug = _FILENAME_DATE.sub("", stem, count=1)
    return " ".join(word.capitalize() for word in re.split(r"[-_ ]+", slug) if word)


class SiteConfig(NamedTuple):
    """The generator of a site root and its settings, as its configuration files say."""

    root: Path
    generator: Generator
    table: ConfigTable

    @property
    def output_dirs(self) -> tuple[str, ...]:
        """The folders of the site its generator writes or fills (never linted, never link targets)."""
        return output_folders(self.root, self.generator, self.table)


def read_config(root: Path) -> SiteConfig:
    """The configuration of the site whose root is ``root``: Jekyll's, Hugo's or Gatsby's, else none."""
    if any((root / name).is_file() for name in JEKYLL_CONFIGS):
        return SiteConfig(root, "jekyll", read_jekyll(root))
    if hugo_configs(root):
        return SiteConfig(root, "hugo", read_hugo(root))
    if any((root / name).is_file() for name in GATSBY_CONFIGS):
        table = ConfigTable(files=[name for name in GATSBY_CONFIGS if (root / name).is_file()])
        return SiteConfig(root, "gatsby", table)
    return SiteConfig(root, "commonmark", ConfigTable())


def read_model(root: Path, pages: Callable[[], Iterable[str]] = tuple, config: SiteConfig | None = None) -> SiteModel:
    """The model of the site whose root is ``root`` (from ``config`` when already read), else CommonMark's."""
    config = config or read_config(root)
    if config.generator == "jekyll":
        model = _jekyll(root, config.table)
    elif config.generator == "hugo":
        model = _hugo(root, config.table, pages)
    elif config.generator == "gatsby":
        model = SiteModel(root, "gatsby", "commonmark", config_files=tuple(config.table.files))
    else:
        model = SiteModel(root)
    return dataclasses.replace(model, output_dirs=config.output_dirs)


class _Settings:
    """Collects the settings a model reads, each with its source and its effect on the rules."""

    def __init__(self, table: ConfigTable, *, lower: bool) -> None:
        self.table = table
        self.lower = lower  # Hugo's keys are read without regard to case; they are shown as its docs write them
        self.shown: list[Setting] = []

    def read(self, key: str, default: Any, effect: str, *, kind: type | None = None) -> Any:
        value = self.table.get(key.lower() if self.lower else key, default)
        if kind is not None and not isinstance(value, kind):
            value = default
        self.note(key, value, effect)
        return value

    def note(self, key: str, value: Any, effect: str) -> None:
        """Show a value derived from ``key`` (or the default when the file leaves ``key`` out)."""
        found = key.lower() if self.lower else key
        source = self.table.source(found) if self.table.get(found) is not None else None
        self.shown.append(Setting(key, value, source, effect))


def _hugo(root: Path, table: ConfigTable, pages: Callable[[], Iterable[str]]) -> SiteModel:
    read = _Settings(table, lower=True)
    handler = read.read("markup.defaultMarkdownHandler", "goldmark", "which Markdown renderer Hugo uses", kind=str)
    goldmark = "markup.goldmark."
    linkify = read.read(goldmark + "extensions.linkify", True,
                        "LNK009 reports only the bare URLs Goldmark links wrongly or not at all (when false, every one)", kind=bool)
    # Hugo 0.112 and later take a table ({disable = true, ...}); earlier ones a boolean.
    typographer_value = table.get(goldmark + "extensions.typographer", True)
    typographer = (not typographer_value.get("disable", False)) if isinstance(typographer_value, dict) \
        else bool(typographer_value)
    read.note(goldmark + "extensions.typographer", typographer,
              "FMT001 keeps '--', '...' and quotes as Goldmark's typographer reads them; LNK009: linkify "
              "links a URL right after them")
    attribute = table.get(goldmark + "parser.attribute", {})
    block = bool(attribute.get("block", False) if isinstance(attribute, dict) else attribute)
    read.note(goldmark + "parser.attribute", block, "FMT001 keeps `{.class}` attribute lines attached to their blocks")
    id_type = read.read(goldmark + "parser.autoHeadingIDType", "github", "LNK005 makes heading anchors this way",
                        kind=str).lower()
    hard_wraps = read.read(goldmark + "renderer.hardWraps", False,
                           "a line break inside a paragraph is a <br> when true: FMT001 then keeps line breaks where "
                           "they are", kind=bool)
    unsafe = read.read(goldmark + "renderer.unsafe", False,
                       "raw HTML reaches the page only when true (else Goldmark omits it)", kind=bool)
    date_sources = read.read("frontmatter.date", [":default"], "FM010 accepts a date from these sources")
    sources = [str(s).lower() for s in (date_sources if isinstance(date_sources, list) else [date_sources])]
    if ":default" in sources:
        at = sources.index(":default")
        sources[at : at + 1] = HUGO_DATE_SOURCES
    taxonomies = read.read("taxonomies", {"tag": "tags", "category": "categories"},
                           "FM031 looks for repeated terms in these", kind=dict)
    raw_permalinks = read.read("permalinks", {}, "FM050 makes the URLs of a section's pages with these patterns, to find "
                               "two pages on one URL", kind=dict)
    # Hugo 0.115 and later also take {page = {section = pattern}, section = {...}}: the pages' patterns count.
    page_patterns = raw_permalinks.get("page") if isinstance(raw_permalinks.get("page"), dict) else raw_permalinks
    permalinks = tuple((str(k), v) for k, v in page_patterns.items() if isinstance(v, str))
    ugly = table.get("uglyurls", False)
    ugly_urls = ("*",) if ugly is True else tuple(str(k) for k, v in ugly.items() if v is True) \
        if isinstance(ugly, dict) else ()
    main = table.get("params.mainsections")
    content = str(table.get("contentdir", "content"))
    static = table.get("staticdir", "static")
    static_dirs = tuple(str(d) for d in static) if isinstance(static, list) else (str(static),)
    languages = table.get("languages", {})
    language_names = tuple(languages) if isinstance(languages, dict) else ()
    content_dirs = {content, *(str(v["contentdir"]) for v in (languages.values() if isinstance(languages, dict)
                                                              else ()) if isinstance(v, dict) and "contentdir" in v)}
    heading_ids = "blackfriday" if handler == "blackfriday" else id_type if id_type in HEADING_ID_TYPES else "github"
    model = SiteModel(
        root, "hugo", "goldmark" if handler != "blackfriday" else "commonmark",
        config_files=tuple(table.files), problems=tuple(table.problems),
        linkify=bool(linkify), typographer=typographer, block_attributes=bool(block), heading_ids=heading_ids,
        hard_wraps=bool(hard_wraps), raw_html=bool(unsafe), keys_ignore_case=True,
        emoji=read.read("enableEmoji", False, "LNK005 says when a link has the id Hugo before 0.120 gave a heading with :emoji: shortcodes",
                        kind=bool),
        date_keys=tuple(s for s in sources if not s.startswith(":")),
        date_from_filename=":filename" in sources,
        date_from_file_time=":filemodtime" in sources or ":git" in sources, permalinks=permalinks,
        taxonomies=tuple(str(v) for v in taxonomies.values()),
        content_dirs=tuple(sorted(content_dirs)), static_dirs=static_dirs, languages=language_names,
        ugly_urls=ugly_urls, language_dirs=tuple((str(v["contentdir"]).strip("/"), str(k)) for k, v in
                            (languages.items() if isinstance(languages, dict) else ()) if isinstance(v, dict)
                            and "contentdir" in v),
        default_language=str(table.get("defaultcontentlanguage", "en")).lower(),
        language_in_subdir=table.get("defaultcontentlanguageinsubdir") is True,
        publishing=_noted_publishing(read, hugo_publishing(table), "buildDrafts",
                                                                 "buildFuture", "buildExpired"),
    )
    if isinstance(main, list):
        sections = tuple(str(section) for section in main)
        read.note("params.mainSections", list(sections), "pages of these sections are dated posts (FM010's post schema)")
    else:
        sections = _main_sections(model, pages())
        read.note("params.mainSections", list(sections), "unset: Hugo's default, the section with the most pages, and "
                  "sections named as blogs (posts, blog, news, ...): their pages are dated posts (FM010's post schema)")
    return dataclasses.replace(model, main_sections=sections, settings=tuple(read.shown))


def _main_sections(model: SiteModel, pages: Iterable[str]) -> tuple[str, ...]:
    """Hugo's default main section (the one with the most regular pages) and the sections named as blogs."""
    counts: Counter[str] = Counter()
    for page in pages:
        path = Path(page)
        if path.stem != "_index":
            section = model.hugo_section(path.relative_to(model.root).parts) if path.is_relative_to(model.root) else None
            if section:
                counts[section] += 1
    largest = [counts.most_common(1)[0][0]] if counts else []
    return tuple(dict.fromkeys([*largest, *sorted(s for s in counts if s.lower() in BLOG_SECTIONS)]))


def _jekyll(root: Path, table: ConfigTable) -> SiteModel:
    read = _Settings(table, lower=False)
    markdown = read.read("markdown", "kramdown", "which Markdown renderer Jekyll uses: kramdown, CommonMark "
                         "(jekyll-commonmark); any other (Redcarpet) is read as kramdown, as GitHub Pages builds it",
                         kind=str)
    # Only jekyll-commonmark is CommonMark; GitHub Pages renders Redcarpet and other engines' sites with kramdown.
    kramdown = not markdown.lower().startswith("commonmark")
    unproven = "normalisation (FMT001's `kramdown` option) is not proven against it"
    input_format = read.read("kramdown.input", "GFM", "kramdown's parser: under GFM, LNK005 makes heading anchors "
                             f"GitHub's way, else kramdown's own way; {unproven}", kind=str)
    hard_wrap = read.read("kramdown.hard_wrap", False, f"a line break inside a paragraph is a <br> when true: {unproven}",
                          kind=bool)
    auto_id_prefix = read.read("kramdown.auto_id_prefix", "", "LNK005 puts this before every heading anchor", kind=str)
    permalink = read.read("permalink", "date", "FM050 makes the URLs of posts with this pattern (or style: date, "
                          "pretty, ordinal, weekdate, none), to find two posts on one URL")
    time_zone = read.read("timezone", "", "FM024 reads the day of a post's date in this zone (empty: the build "
                          "machine's, so only a day no zone explains is reported)", kind=str)
    plugins = table.get("plugins", table.get("gems", []))
    plugin_names = tuple(str(p) for p in plugins) if isinstance(plugins, list) else ()
    read.note("plugins", list(plugin_names), "jekyll-mentions links @names; LNK rules leave them alone")
    raw_collections = read.read("collections", {}, "only _posts (and _drafts) are dated posts; other collections' "
                                                   "documents are pages (FM010's page schema)")
    # A table of collections, or (older sites) a list of their names.
    named: dict[Any, Any] = raw_collections if isinstance(raw_collections, dict) else \
        dict.fromkeys(raw_collections) if isinstance(raw_collections, list) else {}
    collections = tuple(str(name) for name in named)
    posts = named.get("posts")
    if isinstance(posts, dict) and isinstance(posts.get("permalink"), str):  # Jekyll 4: the posts collection's own
        permalink = posts["permalink"]
    defaults = tuple(_default(entry) for entry in table.get("defaults", []) or [] if isinstance(entry, dict))
    read.note("defaults", len(defaults), "scopes of front matter defaults: FM010 counts the values they give a page "
              "as the page's own")
    return SiteModel(
        root, "jekyll", "kramdown" if kramdown else "commonmark",
        config_files=tuple(table.files), problems=tuple(table.problems),
        linkify=False, typographer=kramdown, hard_wraps=bool(hard_wrap),
        heading_ids="kramdown" if kramdown and input_format.lower() != "gfm" else "github",
        auto_id_prefix=auto_id_prefix, raw_html=True, time_zone=time_zone or None,
        permalinks=(("_posts", str(permalink)), *_collection_permalinks(named)),
        liquid=True,
        mentions="jekyll-mentions" in plugin_names,
        date_keys=("date",), date_from_filename=True, static_dirs=(".",),
        collections=collections, defaults=defaults,
        publishing=_noted_publishing(read, jekyll_publishing(table), "show_drafts", "future", "unpublished"),
        settings=tuple(read.shown),
    )


def _collection_permalinks(named: dict[Any, Any]) -> tuple[tuple[str, str], ...]:
    """(``_name``, URL pattern) of each collection Jekyll publishes (``output: true``), posts aside."""
    return tuple((f"_{name}", str(settings.get("permalink") or "/:collection/:path:output_ext"))
                 for name, settings in named.items()
                 if name != "posts" and isinstance(settings, dict) and settings.get("output") is True)


def _noted_publishing(read: _Settings, publishing: Publishing, drafts: str, future: str, third: str) -> Publishing:
    """``publishing``, its settings shown with their effect."""
    effect = "LNK016 reports links from published pages to {} pages unless true"
    read.note(drafts, publishing.drafts, effect.format("draft"))
    read.note(future, publishing.future, effect.format("future-dated"))
    read.note(third, publishing.expired if third == "buildExpired" else publishing.unpublished,
              effect.format("expired" if third == "buildExpired" else "`published: false`"))
    return publishing


def _default(entry: dict[str, Any]) -> FrontMatterDefault:
    scope = entry.get("scope") if isinstance(entry.get("scope"), dict) else {}
    values = entry.get("values") if isinstance(entry.get("values"), dict) else {}
    kind = scope.get("type") if isinstance(scope, dict) else None
    return FrontMatterDefault(str((scope or {}).get("path", "") or ""), str(kind) if kind else None,
                              tuple((str(k), v) for k, v in (values or {}).items()))
