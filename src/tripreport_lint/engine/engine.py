"""Run the enabled rules on a file, apply suppressions, stamp diagnostics, and fix when asked."""

from __future__ import annotations

import datetime
import hashlib
import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tripreport_lint import __version__
from tripreport_lint import rules as registry
from tripreport_lint.config import settings as config_module
from tripreport_lint.config.settings import Config
from tripreport_lint.diagnostics import Diagnostic, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.engine import suppressions
from tripreport_lint.engine.fixes import FixesDoNotConverge, fix_until_stable
from tripreport_lint.errors import InputError
from tripreport_lint.files import write_atomic
from tripreport_lint.frontmatter import schema as schema_module
from tripreport_lint.paths import absolute, display, relative_to
from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.site import page_facts
from tripreport_lint.site.index import SiteIndex, keep_recent
from tripreport_lint.site.root import default_static_dirs, find_site_root


@dataclass
class FileResult:
    """What happened to one file."""

    path: Path
    display_path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0
    changed: bool = False
    new_bytes: bytes | None = None
    error: str | None = None
    raw: bytes = b""


KEPT_SITES = 4  # site indexes kept at once (each holds the site's file list and what its pages say)


@dataclass(frozen=True)
class Selection:
    """Rule selections given on the command line; they override the config file's."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()


@dataclass(frozen=True)
class FolderSettings:
    """What every file of one folder shares: its configuration and its site."""

    config: Config
    site_root: Path
    static_dirs: tuple[Path, ...]
    project_words: frozenset[str]


class Engine:
    """Lints files, each with the configuration found for it."""

    def __init__(self, *, config_path: Path | None = None, selection: Selection = Selection(),
                 now: datetime.datetime | None = None, cache_dir: Path | None = None,
                 url_statuses: dict[str, UrlStatus] | None = None) -> None:
        self.forced_config = config_module.load(absolute(config_path)) if config_path else None
        self.selection = selection
        self.now = now or datetime.datetime.now(datetime.timezone.utc)
        self.cache_dir = cache_dir  # where what the site's pages say is kept between runs; None: nowhere
        self._config_path = config_path
        self._fingerprints: dict[int, str] = {}  # by id of FolderSettings
        self.url_statuses = url_statuses or {}
        self._rule_cache: dict[int, list[Rule]] = {}
        self._accepted: schema_module.AcceptedFrontMatter | None = None
        self._folders: dict[Path, FolderSettings] = {}
        self._shared_settings: dict[tuple[int, Path], FolderSettings] = {}
        self._sites: dict[Path, SiteIndex] = {}
        self._site_roots: dict[Path, Path | None] = {}
        self._config_files: dict[Path, Path | None] = {}
        self._words: dict[tuple[int, Path], frozenset[str]] = {}
        self._wanted: dict[str, tuple[Config, str]] = {}

    def folder_settings(self, folder: Path) -> FolderSettings:
        """The settings of an absolute folder, looked up once per run."""
        if folder not in self._folders:
            config = self.forced_config
            if config is None:
                found = config_module.find(folder, self._config_files)
                config = config_module.load(found) if found else _default_config(absolute(Path.cwd()))
            site_root = find_site_root(folder, self._site_roots) or (config.root if config.source else absolute(Path.cwd()))
            # Folders of one site with one config share one object: a blog has a folder a post.
            if (id(config), site_root) not in self._shared_settings:
                static = config.static_dirs if config.static_dirs is not None else default_static_dirs(site_root)
                # Without a config file, the words file is looked for at the site's root.
                base = config.root if config.source else site_root
                if (id(config), base) not in self._words:
                    self._words[id(config), base] = project_words(config, base)
                self._shared_settings[id(config), site_root] = FolderSettings(
                    config, site_root, tuple(site_root / d for d in static), self._words[id(config), base])
            self._folders[folder] = self._shared_settings[id(config), site_root]
        return self._folders[folder]

    @property
    def arguments(self) -> dict[str, Any]:
        """What builds an engine like this one in another process."""
        return {"config_path": self._config_path, "selection": self.selection, "now": self.now,
                "cache_dir": self.cache_dir, "url_statuses": self.url_statuses}

    @property
    def url_statuses(self) -> dict[str, UrlStatus]:
        """What the run's remote link checks found (empty without --check-urls)."""
        return self._url_statuses

    @url_statuses.setter
    def url_statuses(self, statuses: dict[str, UrlStatus]) -> None:
        self._url_statuses = statuses
        # Part of every file's cache key: what the answers say, not when they were asked.
        answers = sorted((url, s.ok, s.status, s.reason, s.moved_to) for url, s in statuses.items())
        self._statuses_digest = hashlib.sha256(repr(answers).encode("utf-8", "surrogateescape")).hexdigest()
        self._fingerprints.clear()

    def site(self, root: Path) -> SiteIndex:
        """The index of the site at ``root``, made once per run; only the most recently used few are
        kept, so memory stays flat however many sites a run crosses (files come in path order)."""
        store = page_facts.store_path(self.cache_dir, root) if self.cache_dir else None
        return keep_recent(self._sites, root, lambda: SiteIndex(root, store), KEPT_SITES)

    def fingerprint(self, folder: Path) -> str:
        """A digest of everything but the file itself that the results of a file in ``folder`` depend
        on: the tool's version, the settings and rules, the project's words and the site's files."""
        settings = self.folder_settings(folder)  # shared by the folders of a site: so is the digest
        if id(settings) not in self._fingerprints:
            self._fingerprints[id(settings)] = self._digest(settings)
        return self._fingerprints[id(settings)]

    def _digest(self, settings: FolderSettings) -> str:
        config = settings.config
        parts = [__version__, repr(config), repr(self.selection), repr(settings.static_dirs),
                 " ".join(rule.code for rule in self._rules(config)), " ".join(sorted(settings.project_words)),
                 self.site(settings.site_root).signature, self._statuses_digest]
        for spec in {config.schema, *(spec for _, spec in config.schemas)}:
            schema_file = config.root / spec
            if spec not in schema_module.BUILTIN and schema_file.is_file():
                parts.append(hashlib.sha256(schema_file.read_bytes()).hexdigest())
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def _accepted_front_matter(self) -> schema_module.AcceptedFrontMatter | None:
        if self.cache_dir is None:
            return None
        if self._accepted is None or self._accepted.path.parent.parent != self.cache_dir:
            self._accepted = schema_module.AcceptedFrontMatter(self.cache_dir / __version__ / "accepted-front-matter.txt")
        return self._accepted

    def reads_site_pages(self, folder: Path) -> bool:
        """Whether a rule run on the files of ``folder`` reads what the site's other pages say."""
        return any(rule.reads_site_pages for rule in self._rules(self.folder_settings(folder).config))

    def _rules(self, config: Config) -> list[Rule]:
        # Configs are cached by load(), so one instance stands for one file's settings.
        if id(config) not in self._rule_cache:
            s = self.selection
            self._rule_cache[id(config)] = config.rules(s.select, s.ignore, s.extend_select)
        return self._rule_cache[id(config)]

    def wanted(self, path: Path, *, explicit: bool = False) -> bool:
        folder, name = os.path.split(path)
        if folder not in self._wanted:  # strings, per folder: this runs for every file of the tree
            absolute_folder = absolute(Path(folder))
            config = self.folder_settings(absolute_folder).config
            self._wanted[folder] = (config, relative_to(absolute_folder, config.root))
        config, relative = self._wanted[folder]
        return config.wanted(name if relative == "." else f"{relative}/{name}", explicit=explicit)

    def lint(self, doc: Document) -> list[Diagnostic]:
        path = absolute(doc.path)
        settings = self.folder_settings(path.parent)
        config = settings.config
        relative = relative_to(path, config.root)
        context = Context(
            site_root=settings.site_root,
            static_dirs=settings.static_dirs,
            schema=schema_module.load(config.schema_spec(relative), config.root),
            now=self.now,
            site=self.site(settings.site_root),
            project_words=settings.project_words,
            codespell_dictionaries=config.spelling.dictionaries,
            url_statuses=self.url_statuses,
            accepted_front_matter=self._accepted_front_matter(),
        )
        ignored = config.ignored_codes(relative)
        rules = [rule for rule in self._rules(config) if rule.code not in ignored]
        if doc.decode_error is not None:
            rules = [rule for rule in rules if rule.code == "ENC001"]
        found = suppressions.parse(doc.text, doc.lines, lambda word: [r.code for r in registry.resolve(word)])
        diagnostics = []
        for rule in rules:
            for v in _run(rule, doc, context):
                if found.suppresses(rule.code, v.span.line):
                    continue
                edit_spans = tuple(doc.span(e.start, e.end) for e in v.fix.edits) if v.fix else ()
                diagnostics.append(Diagnostic(
                    doc.display_path, rule.code, rule.name, v.message, v.span, rule.severity, v.fix, edit_spans,
                    tuple(doc.utf8_span(span) for span in (v.span, *edit_spans))))
        return sorted(diagnostics, key=lambda d: d.sort_key)

    def check(self, path: Path, *, fix: bool = False, unsafe_fixes: bool = False) -> FileResult:
        """Lint one file; with ``fix``, compute its fixed bytes (the caller decides whether to write)."""
        shown = display(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            return FileResult(path, shown, error=f"{shown}: cannot read: {error.strerror or error}")
        doc = Document(absolute(path), shown, raw)
        try:
            if not fix:
                return FileResult(path, shown, self.lint(doc), raw=raw)
            outcome = fix_until_stable(doc, self.lint, unsafe=unsafe_fixes)
        except InputError as error:
            return FileResult(path, shown, error=str(error))
        except FixesDoNotConverge as error:
            return FileResult(path, shown, self.lint(doc),
                              error=f"{shown}: fixes of {', '.join(error.codes)} did not settle; file left as it was")
        new_bytes = outcome.document.raw
        changed = new_bytes != raw
        return FileResult(path, shown, outcome.remaining, outcome.fixed, changed, new_bytes if changed else None,
                          raw=raw)


def write(result: FileResult) -> str | None:
    """Write a fixed file, only when its bytes changed; the reason when it must not be written."""
    if not result.changed or result.new_bytes is None:
        return None
    target = result.path.resolve()  # through a symlink, to the file it names
    if result.path.is_symlink() and not target.is_relative_to(Path.cwd().resolve()):
        return f"{result.display_path}: a link to {target}, outside the linted tree; not written"
    try:
        if target.read_bytes() != result.raw:
            return f"{result.display_path}: changed on disk while it was being fixed; not written, run again"
        # The mode bits, not os.access: root may write anything, but a read-only file says "keep out".
        if not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            return f"{result.display_path}: read-only; fixes not written"
        write_atomic(target, result.new_bytes)
    except OSError as error:
        return f"{result.display_path}: cannot write: {error.strerror or error}"
    return None


def project_words(config: Config, base: Path) -> frozenset[str]:
    """The words a project accepts: its words file and codespell ignore-words file (relative to
    ``base``), and the config's inline words."""
    spelling = config.spelling
    words = {word.lower() for word in spelling.words}
    for name, required in ((spelling.words_file, False), (spelling.ignore_words_file, True)):
        if name is None:
            continue
        path = base / name
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            if required:
                raise InputError(f"{path}: spelling ignore-words file does not exist") from None
            continue
        except OSError as error:
            raise InputError(f"{path}: cannot read words file: {error.strerror}") from error
        words |= {line.split("#")[0].strip().lower() for line in text.splitlines() if line.split("#")[0].strip()}
    return frozenset(words)


def _run(rule: Rule, doc: Document, context: Context) -> list[Violation]:
    """A rule's violations; a crash in a rule becomes an error naming it, never a traceback."""
    try:
        return list(rule.check(doc, context))
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - one faulty rule must not take the run down
        raise InputError(
            f"{doc.display_path}: internal error in rule {rule.code} ({rule.name}): {error!r}; please report it"
        ) from error


@lru_cache(maxsize=None)
def _default_config(root: Path) -> Config:
    return Config(root=root)
