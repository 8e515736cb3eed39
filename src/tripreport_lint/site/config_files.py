"""Read a site generator's configuration files into one table, remembering which file set each key.

Hugo merges ``hugo.*``/``config.*`` at the site root with the files of ``config/_default/`` (a file
named after a key, such as ``markup.toml``, holds that key's table) and then of
``config/production/``, the environment ``hugo`` builds for; its keys are read without regard to
case. Jekyll reads ``_config.yml`` at the site root, with keys as written.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tripreport_lint.site.root import HUGO_CONFIG_FOLDER, HUGO_CONFIGS, JEKYLL_CONFIGS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

HUGO_FOLDERS = (HUGO_CONFIG_FOLDER, "config/production")
_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


@dataclass
class ConfigTable:
    """Merged settings, the file (relative to the site root) that set each key path, and read errors."""

    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[tuple[str, ...], str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def get(self, dotted: str, default: Any = None) -> Any:
        """The value at a dotted key path (``markup.goldmark.renderer.unsafe``), or ``default``."""
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def source(self, dotted: str) -> str | None:
        """The file that set a key path or the nearest table above it; None for a default."""
        parts = tuple(dotted.split("."))
        for end in range(len(parts), 0, -1):
            if parts[:end] in self.sources:
                return self.sources[parts[:end]]
        return None

    def merge(self, table: dict[str, Any], where: str, prefix: tuple[str, ...] = ()) -> None:
        """Merge ``table`` at key path ``prefix``, later files winning key by key."""
        node = self.data
        for part in prefix:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        self._merge_into(node, table, where, prefix)

    def _merge_into(self, node: dict[str, Any], table: dict[str, Any], where: str, prefix: tuple[str, ...]) -> None:
        for key, value in table.items():
            path = (*prefix, key)
            if isinstance(value, dict) and isinstance(node.get(key), dict):
                self._merge_into(node[key], value, where, path)
            else:
                node[key] = value
                self.sources[path] = where


def read_hugo(root: Path) -> ConfigTable:
    """The site's Hugo settings, keys in lower case."""
    table = ConfigTable()
    first = next((root / name for name in HUGO_CONFIGS if (root / name).is_file()), None)
    if first is not None:
        _add(table, root, first, ())
    for folder in HUGO_FOLDERS:
        if not (root / folder).is_dir():
            continue
        for path in sorted(p for p in (root / folder).iterdir() if p.suffix in _SUFFIXES and p.is_file()):
            key = path.name.split(".", 1)[0].lower()
            _add(table, root, path, () if key in ("hugo", "config") else (key,))
    return table


def read_jekyll(root: Path) -> ConfigTable:
    """The site's Jekyll settings, keys as written."""
    table = ConfigTable()
    first = next((root / name for name in JEKYLL_CONFIGS if (root / name).is_file()), None)
    if first is not None:
        _add(table, root, first, (), lower=False)
    return table


def _add(table: ConfigTable, root: Path, path: Path, prefix: tuple[str, ...], *, lower: bool = True) -> None:
    where = path.relative_to(root).as_posix()
    table.files.append(where)
    try:
        loaded = _load(path)
    except (OSError, ValueError) as error:
        table.problems.append(f"{where}: cannot be read ({error}); its settings are taken as Hugo's and Jekyll's defaults")
        return
    if loaded is None:
        return
    if not isinstance(loaded, dict):
        table.problems.append(f"{where}: is not a table of settings; it is left out")
        return
    table.merge(_lowered(loaded) if lower else loaded, where, prefix)


def _load(path: Path) -> Any:
    text = path.read_text("utf-8-sig")
    if path.suffix == ".toml":
        return tomllib.loads(text)
    if path.suffix == ".json":
        return json.loads(text)
    import yaml  # noqa: PLC0415 - YAML configs only

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise ValueError(str(error).replace("\n", " ")) from error


def _lowered(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key).lower(): _lowered(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lowered(item) for item in value]
    return value
