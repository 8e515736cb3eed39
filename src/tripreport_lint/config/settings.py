"""Find, load and validate configuration (``.tripreport-lint.toml`` or ``[tool.tripreport-lint]``)."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tripreport_lint import rules as registry
from tripreport_lint.errors import InputError
from tripreport_lint.paths import glob_match
from tripreport_lint.rules.base import Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = (".tripreport-lint.toml", "pyproject.toml")
DEFAULT_SCHEMAS = (("**/_index.md", "section"), ("README.md", "none"), ("CONTRIBUTING.md", "none"))
SETTINGS = {
    "select": "list of rule codes or names (replaces the default set)",
    "extend-select": "list of rule codes or names added to the selection",
    "ignore": "list of rule codes or names to turn off",
    "per-file-ignores": "table of glob -> list of rule codes or names",
    "include": "list of globs of files to lint (default: *.md, *.markdown)",
    "exclude": "list of globs of files and folders to skip",
    "schema": "path of the JSON Schema for posts, or 'post', 'section', 'none'",
    "schemas": "table of glob -> schema (path, 'post', 'section' or 'none'), first match wins",
    "static-dirs": "list of folders, relative to the site root, holding site-absolute files",
    "spelling": "table: words-file, ignore-words-file, words, dictionaries",
    "cache-dir": "folder of the results cache (default: .tripreport-lint-cache beside this file)",
    "check-urls": "true to check external links over the network (LNK011, LNK012; never under pre-commit)",
    "allow-private-urls": "true to let remote link checks reach private and loopback addresses",
}
SPELLING_KEYS = ("words-file", "ignore-words-file", "words", "dictionaries")


@dataclass(frozen=True)
class Spelling:
    """Project words for the SPL rules: files relative to the config's folder, and inline words."""

    words_file: str = ".tripreport-words.txt"
    ignore_words_file: str | None = None
    words: tuple[str, ...] = ()
    dictionaries: tuple[str, ...] = ("clear", "rare")


@dataclass(frozen=True)
class Config:
    """Validated settings; paths in it are relative to ``root``, the folder of the config file."""

    root: Path
    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    schema: str = "post"
    schemas: tuple[tuple[str, str], ...] = DEFAULT_SCHEMAS
    static_dirs: tuple[str, ...] | None = None
    spelling: Spelling = Spelling()
    cache_dir: str = ".tripreport-lint-cache"
    check_urls: bool = False
    allow_private_urls: bool = False
    rule_options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def rules(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (),
              extend_select: tuple[str, ...] = ()) -> list[Rule]:
        """Instances of the enabled rules; command line selections override the file's."""
        chosen = select if select is not None else self.select
        enabled = _expand(chosen) if chosen is not None else [r for r in registry.ALL_RULES if r.default_enabled]
        enabled += [r for r in _expand(self.extend_select + extend_select) if r not in enabled]
        off = set(_expand(self.ignore + ignore))
        return [rule(self.rule_options.get(rule.code)) for rule in registry.ALL_RULES if rule in enabled and rule not in off]

    def ignored_codes(self, relative: str) -> set[str]:
        return {rule.code for glob, names in self.per_file_ignores if glob_match((glob,), relative)
                for rule in _expand(names)}

    def schema_spec(self, relative: str) -> str:
        for glob, spec in self.schemas:
            if glob_match((glob,), relative):
                return spec
        return self.schema

    def wanted(self, relative: str, *, explicit: bool = False) -> bool:
        """Whether a file is linted: not excluded, and matched by ``include`` unless named explicitly."""
        if glob_match(self.exclude, relative):
            return False
        return explicit or glob_match(self.include, relative, whole_path=True)


def _expand(selectors: tuple[str, ...]) -> list[type[Rule]]:
    return [rule for selector in selectors for rule in registry.resolve(selector)]


def find(folder: Path, known: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest config file at or above ``folder``; ``known`` remembers answers within a run."""
    known = {} if known is None else known
    if folder not in known:
        try:
            names = set(os.listdir(folder))
        except OSError:
            names = set()
        for name in CONFIG_FILES:
            candidate = folder / name
            if name in names and candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                known[folder] = candidate
                break
        else:
            known[folder] = None if folder.parent == folder else find(folder.parent, known)
    return known[folder]


def _has_tool_table(path: Path) -> bool:
    # One that cannot be read or parsed is an error, not passed over: it may hold this tool's settings.
    tool = _read_toml(path).get("tool", {})
    return isinstance(tool, dict) and "tripreport-lint" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise InputError(f"{path}: cannot read config: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML: {error}") from error


def load(path: Path) -> Config:
    """Read and validate one config file (once per version of it)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise InputError(f"{path}: cannot read config: {error.strerror}") from error
    return _load(path, stamp)


@lru_cache(maxsize=None)
def _load(path: Path, stamp: int) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tripreport-lint", {})
    return from_mapping(data, path.parent, path)


def from_mapping(data: dict[str, Any], root: Path, source: Path | None = None) -> Config:
    """A Config from the settings table of a file, naming the file in every error."""
    where = str(source) if source else "configuration"
    values: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("select", "extend-select", "ignore"):
            values[key.replace("-", "_")] = _rule_list(value, f"{where}: '{key}'")
        elif key in ("include", "exclude", "static-dirs"):
            values[key.replace("-", "_")] = _strings(value, f"{where}: '{key}'")
        elif key in ("schema", "cache-dir"):
            values[key.replace("-", "_")] = _string(value, f"{where}: '{key}'")
        elif key in ("check-urls", "allow-private-urls"):
            if not isinstance(value, bool):
                raise InputError(f"{where}: '{key}' must be true or false, got {value!r}")
            values[key.replace("-", "_")] = value
        elif key == "schemas":
            table = _table(value, f"{where}: 'schemas'")
            values["schemas"] = tuple((g, _string(s, f"{where}: 'schemas.{g}'")) for g, s in table.items())
        elif key == "spelling":
            values["spelling"] = _spelling(_table(value, f"{where}: 'spelling'"), where)
        elif key == "per-file-ignores":
            table = _table(value, f"{where}: 'per-file-ignores'")
            values["per_file_ignores"] = tuple(
                (glob, _rule_list(names, f"{where}: 'per-file-ignores.{glob}'")) for glob, names in table.items()
            )
        elif key in registry.BY_NAME or key.upper() in registry.BY_CODE:
            rule = registry.BY_NAME.get(key) or registry.BY_CODE[key.upper()]
            options[rule.code] = _rule_options(rule, _table(value, f"{where}: '{key}'"), where)
        else:
            known = ", ".join(SETTINGS)
            raise InputError(f"{where}: unknown setting '{key}' (settings: {known}; or a rule name for its options)")
    if "schemas" in values:
        values["schemas"] = values["schemas"] + DEFAULT_SCHEMAS
    return Config(root=root, source=source, rule_options=options, **values)


def _spelling(table: dict[str, Any], where: str) -> Spelling:
    chosen: dict[str, Any] = {}
    for key, value in table.items():
        label = f"{where}: 'spelling.{key}'"
        if key in ("words", "dictionaries"):
            chosen[key] = _strings(value, label)
        elif key in ("words-file", "ignore-words-file"):
            chosen[key.replace("-", "_")] = _string(value, label)
        else:
            raise InputError(f"{label} is not a spelling setting (settings: {', '.join(SPELLING_KEYS)})")
    return Spelling(**chosen)


def _rule_options(rule: type[Rule], table: dict[str, Any], where: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(rule.Options)}
    chosen: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        spec = fields.get(name)
        label = f"{where}: option '{key}' of rule {rule.code} ({rule.name})"
        if spec is None:
            valid = ", ".join(f.replace("_", "-") for f in fields) or "none"
            raise InputError(f"{label} does not exist (options: {valid})")
        default = spec.default
        types = spec.metadata.get("types")
        if types:
            if not isinstance(value, types) or isinstance(value, bool):
                names = " or ".join(t.__name__ for t in types)
                raise InputError(f"{label} must be a {names}, got {value!r}")
            chosen[name] = value
        elif isinstance(default, tuple):
            chosen[name] = _strings(value, label)
        elif isinstance(default, (bool, int, str)):
            if type(value) is not type(default):
                raise InputError(f"{label} must be a {type(default).__name__}, got {value!r}")
            choices = spec.metadata.get("choices")
            if choices and value not in choices:
                raise InputError(f"{label} must be one of {', '.join(choices)}, got {value!r}")
            chosen[name] = value
    return rule.Options(**chosen)


def _rule_list(value: Any, label: str) -> tuple[str, ...]:
    names = _strings(value, label)
    for name in names:
        if not registry.resolve(name):
            raise InputError(f"{label}: unknown rule code or name '{name}' (see tripreport-lint --show-rules)")
    return names


def _strings(value: Any, label: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{label} must be a list of strings, got {value!r}")
    return tuple(value)


def _string(value: Any, label: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{label} must be a string, got {value!r}")
    return value


def _table(value: Any, label: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{label} must be a table, got {value!r}")
    return value
