"""The word lists the spelling rules use, loaded once per process.

codespell has no stable Python API, so its dictionary files are read here, in its own format.
The English word frequencies are pyspellchecker's (MIT licensed; wordfreq would bring regex,
msgpack and langcodes for the same job), read through its API. Loading them costs ~150 ms and
parsing codespell's text ~35 ms, so the tables are kept in the user's cache folder (platformdirs'
``user_cache_dir``) in marshal form (~40 ms and ~15 ms to load): a folder per version of this tool and
of Python (marshal's format is Python's own), an entry per version of the data, the older removed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from tripreport_lint import __version__
from tripreport_lint.errors import InputError
from tripreport_lint.files import write_cache_data

CODESPELL_DICTIONARIES = {
    "clear": "dictionary.txt",
    "rare": "dictionary_rare.txt",
    "informal": "dictionary_informal.txt",
    "usage": "dictionary_usage.txt",
    "code": "dictionary_code.txt",
    "names": "dictionary_names.txt",
    "en-GB_to_en-US": "dictionary_en-GB_to_en-US.txt",
}


@dataclass(frozen=True)
class Misspelling:
    """A codespell entry: its suggestions, whether the first may be applied, and codespell's reason."""

    suggestions: tuple[str, ...]
    automatic: bool
    reason: str

    @classmethod
    def parse(cls, fixes: str) -> Misspelling:
        """codespell's format: one fix is applied; a trailing comma lists candidates; text after it is a reason."""
        comma = fixes.rfind(",")
        if comma < 0:
            return cls((fixes.strip(),), True, "")
        words = tuple(w.strip() for w in fixes[:comma].split(",") if w.strip())
        return cls(words, False, fixes[comma + 1 :].strip())


@cache
def codespell(names: tuple[str, ...]) -> dict[str, str]:
    """codespell's built-in dictionaries by name (``clear``, ``rare``...), merged: lower-case typo to
    its fixes as written (``Misspelling.parse`` reads them; most entries are never looked at)."""
    found: dict[str, str] = {}
    for name in names:
        if name not in CODESPELL_DICTIONARIES:
            raise InputError(f"unknown codespell dictionary '{name}' (choose from {', '.join(CODESPELL_DICTIONARIES)})")
        source = _codespell_path(name)
        found.update(_marshalled(f"codespell-{name}", [_stamp(source)], partial(_parse_codespell, source)))
    return found


# codespell's lists of real words and names that are often typos: correcting one is a guess.
REAL_WORD_DICTIONARIES = ("rare", "names", "code")


@cache
def real_words(names: tuple[str, ...]) -> frozenset[str]:
    """The entries of the chosen codespell dictionaries that are real words or names (``rouge``, ``bellow``)."""
    return frozenset().union(*(codespell((name,)).keys() for name in names if name in REAL_WORD_DICTIONARIES))


def _parse_codespell(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        typo, _, fixes = line.partition("->")
        table[typo.lower()] = fixes
    return table


def _codespell_path(name: str) -> Path:
    return _package_data("codespell_lib", "codespell", "data", CODESPELL_DICTIONARIES[name])


def _package_data(package: str, distribution: str, *parts: str) -> Path:
    # find_spec locates the package without importing it: codespell_lib's __init__ loads its whole CLI.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(f"{distribution} is not installed: pip install {distribution}")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


# Folders of other versions of the tool or of Python, unused this long, are removed.
STALE_SECONDS = 30 * 86_400


def _cache_folder() -> Path:
    from platformdirs import user_cache_dir  # noqa: PLC0415 - only when a table is needed

    return Path(user_cache_dir("tripreport-lint", appauthor=False)) / f"{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


def _stamp(path: Path) -> str:
    """What identifies a version of an installed data file."""
    info = path.stat()
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def _marshalled(name: str, stamps: list[str], build: Callable[[], Any]) -> Any:
    """A table built from installed data, kept in the user's cache folder in marshal form (loading it
    costs a fraction of building it); ``stamps`` name the data's versions: a new one is a new entry."""
    cached = _cache_folder() / f"{name}-{hashlib.sha256('|'.join(stamps).encode()).hexdigest()[:16]}.marshal"
    try:
        table = marshal.loads(cached.read_bytes())
        if isinstance(table, (dict, tuple)):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    write_cache_data(cached, marshal.dumps(table))
    _remove_stale(cached)
    return table


def _remove_stale(kept: Path) -> None:
    """After a table is made: its entries for older data, and other versions' folders left unused."""
    try:
        for other in kept.parent.glob(f"{kept.name.rsplit('-', 1)[0]}-*.marshal"):
            if other != kept:
                other.unlink(missing_ok=True)
        now = time.time()
        for folder in kept.parent.parent.iterdir():
            if folder != kept.parent and folder.is_dir() and now - folder.stat().st_mtime > STALE_SECONDS:
                import shutil  # noqa: PLC0415 - only when a table is built

                shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass  # another run removed it first, or a read-only folder: the cache only grows a little


# The codespell dictionaries whose corrections are real words, and the one of British spellings.
_CORRECTIONS = ("clear", "rare", "usage")
_BRITISH = "en-GB_to_en-US"


@cache
def _word_lists() -> tuple[dict[str, int], frozenset[str]]:
    # pyspellchecker's English data file stands for its version (asking importlib.metadata costs ~9 ms a run).
    english_data = _package_data("spellchecker", "pyspellchecker", "resources", "en.json.gz")
    stamps = [_stamp(english_data), *(_stamp(_codespell_path(name)) for name in (*_CORRECTIONS, _BRITISH))]
    frequencies, known = _marshalled("words", stamps, _build_word_lists)
    return frequencies, known


def _build_word_lists() -> tuple[dict[str, int], frozenset[str]]:
    from spellchecker import SpellChecker  # noqa: PLC0415 - loading its English words costs ~150 ms: once a version

    frequencies = dict(SpellChecker(language="en").word_frequency.dictionary)
    # codespell's corrections are real words, and so are the British spellings it maps to American.
    known = {w.strip().lower() for fixes in codespell(_CORRECTIONS).values()
             for w in fixes.split(",")[: None if "," not in fixes else -1]}
    known |= codespell((_BRITISH,)).keys()
    return frequencies, frozenset(w for w in known if w.isalpha())


def english() -> dict[str, int]:
    """English words (lower case) and how often they occur, from pyspellchecker's data."""
    return _word_lists()[0]


@cache
def _english_letters() -> tuple[frozenset[str], int]:
    words = english()
    return frozenset().union(*words), max(map(len, words), default=0)


def one_edit(word: str) -> set[str]:
    """The strings one edit away from a lower-case word (a letter deleted, two side by side swapped, one
    replaced or inserted, with the letters of the English words): pyspellchecker's ``edit_distance_1`` over
    those words, for words of letters, without building its checker (a copy of the table: ~200 ms, ~4 MB)."""
    letters, longest = _english_letters()
    if len(word) > longest + 3:
        return {word}  # as pyspellchecker: longer than any word with two letters to spare
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaces = [left + c + right[1:] for left, right in splits if right for c in letters]
    inserts = [left + c + right for left, right in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def codespell_words() -> frozenset[str]:
    """Real words according to codespell: every correction it offers, and British spellings."""
    return _word_lists()[1]
