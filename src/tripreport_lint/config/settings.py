"""Find, load and validate configuration (``.tripreport-lint.toml`` or ``[tool.tripreport-lint]``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args, get_origin

from tripreport_lint import rules as registry
from tripreport_lint.errors import InputError, closest
from tripreport_lint.paths import glob_match
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.options import expected, is_union, option_specs

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
    "schema": "path of the JSON Schema for every page, or 'post', 'page', 'section', 'none' (default: by the site)",
    "schemas": "table of glob -> schema (path, 'post', 'page', 'section' or 'none'), first match wins",
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
    dictionaries: tuple[str, ...] = ("clear",)


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
    schema: str | None = None  # None: as the site model says (posts 'post', other pages 'page')
    schemas: tuple[tuple[str, str], ...] = DEFAULT_SCHEMAS
    static_dirs: tuple[str, ...] | None = None
    spelling: Spelling = Spelling()
    cache_dir: str = ".tripreport-lint-cache"
    check_urls: bool = False
    allow_private_urls: bool = False
    rule_options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def rules(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (),
              extend_select: tuple[str, ...] = ()) -> list[Rule[Any]]:
        """Instances of the enabled rules; command line selections override the file's."""
        chosen = select if select is not None else self.select
        enabled = _expand(chosen) if chosen is not None else [r for r in registry.ALL_RULES if r.default_enabled]
        enabled += [r for r in _expand(self.extend_select + extend_select) if r not in enabled]
        off = set(_expand(self.ignore + ignore))
        return [rule(self.rule_options.get(rule.code)) for rule in registry.ALL_RULES if rule in enabled and rule not in off]

    def ignored_codes(self, relative: str) -> set[str]:
        return {rule.code for glob, names in self.per_file_ignores if glob_match((glob,), relative)
                for rule in _expand(names)}

    def schema_spec(self, relative: str) -> str | None:
        """The schema the settings give a file, or None to let the site model choose."""
        for glob, spec in self.schemas:
            if glob_match((glob,), relative):
                return spec
        return self.schema

    def wanted(self, relative: str, *, explicit: bool = False) -> bool:
        """Whether a file is linted: not excluded, and matched by ``include`` unless named explicitly."""
        if glob_match(self.exclude, relative):
            return False
        return explicit or glob_match(self.include, relative, whole_path=True)


def _expand(selectors: tuple[str, ...]) -> list[type[Rule[Any]]]:
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


@cache
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
            near = closest(key, [*SETTINGS, *registry.BY_NAME])
            if near is not None:
                raise InputError(f"{where}: unknown setting '{key}': did you mean '{near}'?")
            known = ", ".join(SETTINGS)
            raise InputError(f"{where}: unknown setting '{key}' (settings: {known}; or a rule name for its options)")
    if "schemas" in values:
        values["schemas"] = values["schemas"] + DEFAULT_SCHEMAS
    if "FMT001" in options:  # FMT002 says why FMT001 left a body alone: with FMT001's options unless given its own
        options.setdefault("FMT002", options["FMT001"])
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
            near = closest(key, SPELLING_KEYS)
            hint = f"did you mean '{near}'?" if near else f"settings: {', '.join(SPELLING_KEYS)}"
            raise InputError(f"{label} is not a spelling setting ({hint})")
    return Spelling(**chosen)


def _rule_options(rule: type[Rule[Any]], table: dict[str, Any], where: str) -> Any:
    """The rule's options dataclass made from its config table, each value checked against the field's type."""
    specs = {spec.attribute: spec for spec in option_specs(rule.Options)}
    chosen: dict[str, Any] = {}
    for key, value in table.items():
        spec = specs.get(key.replace("-", "_"))
        label = f"{where}: option '{key}' of rule {rule.code} ({rule.name})"
        if spec is None:
            valid = [known.key for known in specs.values()]
            near = closest(key.replace("_", "-"), valid)
            hint = f"did you mean '{near}'?" if near else f"options: {', '.join(valid) or 'none'}"
            raise InputError(f"{label} does not exist ({hint})")
        converted = _option_value(spec.hint, value)
        if converted is _INVALID:
            raise InputError(f"{label} must be {expected(spec.hint)}, got {value!r}")
        chosen[spec.attribute] = converted
    return rule.Options(**chosen)


_INVALID = object()


def _option_value(hint: Any, value: Any) -> Any:
    """``value`` as the type ``hint`` holds it (a tuple for a list, a read-only mapping for a table, a float
    for an integer where a number is wanted), or ``_INVALID``."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return value if any(value == arg and type(value) is type(arg) for arg in args) else _INVALID
    if is_union(hint):
        return next((v for v in (_option_value(arg, value) for arg in args) if v is not _INVALID), _INVALID)
    if origin is tuple and isinstance(value, list):
        items = tuple(_option_value(args[0], item) for item in value)
        return _INVALID if _INVALID in items else items
    if origin in (dict, Mapping) and isinstance(value, dict):
        table = {key: _option_value(args[1], item) for key, item in value.items()}
        if _INVALID in table.values():
            return _INVALID
        return MappingProxyType(table) if origin is Mapping else table
    if hint is float and type(value) in (int, float):
        return float(value)
    # bool is an int to Python, never to a config: compare the exact type.
    return value if hint in (bool, int, str) and type(value) is hint else _INVALID


def _rule_list(value: Any, label: str) -> tuple[str, ...]:
    names = _strings(value, label)
    for name in names:
        if not registry.resolve(name):
            hint = registry.did_you_mean(name) or "see tripreport-lint --show-rules"
            raise InputError(f"{label}: unknown rule code or name '{name}' ({hint})")
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
