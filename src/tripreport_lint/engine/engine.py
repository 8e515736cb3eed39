"""Lint a file with the settings of its folder: run the enabled rules, apply suppressions, stamp
diagnostics, and compute fixes when asked. An Engine is built once per run and does not change."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from tripreport_lint import __version__
from tripreport_lint import rules as registry
from tripreport_lint.config.lookup import ConfigLookup
from tripreport_lint.config.words import project_words
from tripreport_lint.diagnostics import Diagnostic, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.engine import suppressions
from tripreport_lint.engine.fixes import FixesDoNotConverge, fix_until_stable
from tripreport_lint.engine.settings import FolderSettings, Selection
from tripreport_lint.errors import InputError
from tripreport_lint.frontmatter import schema as schema_module
from tripreport_lint.paths import absolute, display, relative_to
from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.index import SiteIndex, keep_recent
from tripreport_lint.spelling import dictionaries
from tripreport_lint.store.database import Store
from tripreport_lint.store.results import CleanResults
from tripreport_lint.store.site_facts import SiteFacts

__all__ = ["Engine", "FileResult", "Selection"]

_USER_CACHE = "user-cache-folder"  # the note of the store that names the user's cache folder (``dictionaries``)
KEPT_SITES = 4  # site indexes kept at once (each holds the site's file list and what its pages say)


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
    unfixed: list[Diagnostic] = field(default_factory=list)  # when changed: the findings of the bytes on disk
    # Keys of rule answers without findings, for the store to remember (see Rule.clean_key).
    clean_keys: tuple[str, ...] = ()


class _Linted(NamedTuple):
    diagnostics: list[Diagnostic]
    clean_keys: tuple[str, ...]


def _remember_user_cache(store: Store) -> None:
    """Where the spelling tables are (the user's cache folder) is kept in the store: asking platformdirs
    again would cost every one-file run ~9 ms."""
    kept = store.note(_USER_CACHE)
    dictionaries.use_cache_root(Path(kept) if kept else None, lambda root: store.keep_note(_USER_CACHE, str(root)))


class Engine:
    """Lints files, each with the settings of its folder; what it is told is fixed when it is built."""

    def __init__(self, *, config_path: Path | None = None, selection: Selection = Selection(),
                 now: datetime.datetime | None = None, cache_dir: Path | None = None,
                 url_statuses: dict[str, UrlStatus] | None = None, configs: ConfigLookup | None = None,
                 discovery: Discovery | None = None) -> None:
        self.configs = configs or ConfigLookup(config_path)
        self.discovery = discovery or Discovery(cwd=self.configs.cwd)  # what the run walks, and where sites start
        self.selection = selection
        self.now = now or datetime.datetime.now(datetime.timezone.utc)
        self.cache_dir = cache_dir  # where the store of the cache folder is; None: nothing is kept
        self.url_statuses: dict[str, UrlStatus] = dict(url_statuses or {})
        self.store = Store(cache_dir) if cache_dir is not None else None
        self._clean = CleanResults(self.store) if self.store is not None else None
        if self.store is not None:
            _remember_user_cache(self.store)
        self._config_path = config_path
        # Part of every file's cache key: what the answers say, not when they were asked.
        answers = sorted((url, s.ok, s.status, s.reason, s.moved_to) for url, s in self.url_statuses.items())
        self._statuses_digest = hashlib.sha256(repr(answers).encode("utf-8", "surrogateescape")).hexdigest()
        # Memos of values found once per run: by folder, by settings (a config file and a site), by site root.
        self._folders: dict[Path, FolderSettings] = {}
        self._settings: dict[tuple[Path | None, Path, Path], FolderSettings] = {}
        self._fingerprints: dict[tuple[Path | None, Path, Path], str] = {}
        self._sites: dict[Path, SiteIndex] = {}
        self.kept_sites = KEPT_SITES  # more while workers are forked that should find every site read

    @property
    def arguments(self) -> dict[str, Any]:
        """What builds an engine like this one in another process."""
        return {"config_path": self._config_path, "selection": self.selection, "now": self.now,
                "cache_dir": self.cache_dir, "url_statuses": self.url_statuses, "discovery": self.discovery}

    def folder_settings(self, folder: Path) -> FolderSettings:
        """The settings of an absolute folder, resolved once per run."""
        if folder not in self._folders:
            config = self.configs.config(folder)
            site_root = self.discovery.site_root(folder, config.root if config.source else None)
            key = (config.source, config.root, site_root)
            if key not in self._settings:  # a blog has a folder a post: they share one value
                static = config.static_dirs if config.static_dirs is not None else self.site(site_root).model.static_dirs
                s = self.selection
                rules = config.rules(s.select, s.ignore, s.extend_select)
                # Without a config file, the words file is looked for at the site's root.
                words = project_words(config, config.root if config.source else site_root)
                self._settings[key] = FolderSettings(config, site_root, tuple(site_root / d for d in static), words,
                                                     tuple(rules))
            self._folders[folder] = self._settings[key]
        return self._folders[folder]

    def site(self, root: Path) -> SiteIndex:
        """The index of the site at ``root``, made once per run; only the most recently used few are
        kept, so memory stays flat however many sites a run crosses (files come in path order)."""
        store = self.store
        return keep_recent(self._sites, root, lambda: SiteIndex(root, SiteFacts(store) if store else None,
                                                                self.discovery), self.kept_sites)

    def fingerprint(self, folder: Path) -> str:
        """A digest of everything but the file itself that the results of a file in ``folder`` depend
        on: the tool's version, the settings and rules, the project's words and the site's files."""
        settings = self.folder_settings(folder)
        if settings.key not in self._fingerprints:
            self._fingerprints[settings.key] = self._digest(settings)
        return self._fingerprints[settings.key]

    def _digest(self, settings: FolderSettings) -> str:
        config = settings.config
        parts = [__version__, repr(config), repr(self.selection),
                 repr(settings.static_dirs), " ".join(rule.code for rule in settings.rules),
                 " ".join(sorted(settings.project_words)), self.site(settings.site_root).signature,
                 self._statuses_digest]
        for spec in sorted({config.schema or "post", *(spec for _, spec in config.schemas)}):
            schema_file = config.root / spec
            if spec not in schema_module.BUILTIN and schema_file.is_file():
                parts.append(hashlib.sha256(schema_file.read_bytes()).hexdigest())
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def lint(self, doc: Document) -> list[Diagnostic]:
        """The diagnostics of a document, sorted."""
        return self._lint(doc).diagnostics

    def _lint(self, doc: Document) -> _Linted:
        path = absolute(doc.path)
        settings = self.folder_settings(path.parent)
        config = settings.config
        relative = relative_to(path, config.root)
        site = self.site(settings.site_root)
        if settings.reads_site_pages:
            site.prepare()  # read (and stored) before any rule asks: rules only read it
        context = Context(
            site_root=settings.site_root,
            static_dirs=settings.static_dirs,
            schema=schema_module.load(config.schema_spec(relative) or site.model.page_kind(path), config.root),
            now=self.now,
            site=site,
            project_words=settings.project_words,
            codespell_dictionaries=config.spelling.dictionaries,
            url_statuses=self.url_statuses,
            unknown_rule=_unknown_rule,
        )
        ignored = config.ignored_codes(relative)
        rules = [rule for rule in settings.rules if rule.code not in ignored]
        if doc.decode_error is not None:
            rules = [rule for rule in rules if rule.code == "ENC001"]
        found = suppressions.parse(doc.text, doc.lines, lambda word: [r.code for r in registry.resolve(word)])
        diagnostics, clean = [], []
        for rule in rules:
            key = self._clean_key(rule, doc, context)
            if key is not None and self._clean is not None and key in self._clean:
                continue
            violations = _run(rule, doc, context)
            if key is not None and not violations:
                clean.append(key)
            for v in violations:
                if found.suppresses(rule.code, v.span.line):
                    continue
                edit_spans = tuple(doc.span(e.start, e.end) for e in v.fix.edits) if v.fix else ()
                message = " ".join(v.message.splitlines())  # one line, whatever text of the post it quotes
                diagnostics.append(Diagnostic(
                    doc.display_path, rule.code, rule.name, message, v.span, rule.severity, v.fix, edit_spans,
                    tuple(doc.utf8_span(span) for span in (v.span, *edit_spans))))
        return _Linted(sorted(diagnostics, key=lambda d: d.sort_key), tuple(clean))

    def _clean_key(self, rule: Rule, doc: Document, context: Context) -> str | None:
        if self._clean is None:
            return None
        key = rule.clean_key(doc, context)
        return None if key is None else f"{rule.code}:{key}"

    def check(self, path: Path, *, fix: bool = False, unsafe_fixes: bool = False) -> FileResult:
        """Lint one file; with ``fix``, compute its fixed bytes (the caller decides whether to write)."""
        shown = display(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            return FileResult(path, shown, error=f"{shown}: cannot read: {error.strerror or error}")
        clean: list[str] = []  # of the last text linted: keys hash what they depend on, so any text's are true

        def lint(document: Document) -> list[Diagnostic]:
            linted = self._lint(document)
            clean[:] = linted.clean_keys
            return linted.diagnostics

        # No name here holds the document: the fix loop lets each text's parse go before the next
        # (a 300 KB post's tokens take ~20 MB).
        try:
            if not fix:
                return FileResult(path, shown, lint(Document(absolute(path), shown, raw)), raw=raw,
                                  clean_keys=tuple(clean))
            outcome = fix_until_stable(Document(absolute(path), shown, raw), lint, unsafe=unsafe_fixes)
        except InputError as error:
            return FileResult(path, shown, error=str(error))
        except FixesDoNotConverge as error:
            return FileResult(path, shown, self.lint(Document(absolute(path), shown, raw)),
                              error=f"{shown}: fixes of {', '.join(error.codes)} did not settle; file left as it was")
        new_bytes = outcome.document.raw
        changed = new_bytes != raw
        return FileResult(path, shown, outcome.remaining, outcome.fixed, changed, new_bytes if changed else None,
                          raw=raw, unfixed=outcome.found if changed else [], clean_keys=tuple(clean))


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


def _unknown_rule(word: str) -> str | None:
    """None when ``word`` names rules; else a hint at the nearest one ("" when none is near)."""
    return None if registry.resolve(word) else registry.did_you_mean(word)
