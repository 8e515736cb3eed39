"""The word lists the spelling rules use, made once per version of their data.

codespell has no stable Python API, so its dictionary files are read here, in its own format.
The English word frequencies are pyspellchecker's (MIT licensed; wordfreq would bring regex,
msgpack and langcodes for the same job), read through its API. Loading them costs ~150 ms and
parsing codespell's text ~35 ms, so the tables are kept in the user's cache folder (platformdirs'
``user_cache_dir``, which a project's store remembers), each as a SQLite file that a run asks a few
words at a time (``tables``) and in marshal form, which a run that asks many loads whole (~30 ms and
~15 ms): a folder per version of this tool and of Python (marshal's format is Python's own), an entry
per version of the data; entries and folders unused for a month are removed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import string
import sys
import time
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tripreport_lint import __version__
from tripreport_lint.errors import InputError
from tripreport_lint.files import write_cache_data
from tripreport_lint.spelling.tables import WordTable, write_table

V = TypeVar("V")

CODESPELL_DICTIONARIES = {
    "clear": "dictionary.txt",
    "rare": "dictionary_rare.txt",
    "informal": "dictionary_informal.txt",
    "usage": "dictionary_usage.txt",
    "code": "dictionary_code.txt",
    "names": "dictionary_names.txt",
    "en-GB_to_en-US": "dictionary_en-GB_to_en-US.txt",
}


class Misspelling(NamedTuple):
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
def codespell(names: tuple[str, ...]) -> WordTable[str]:
    """codespell's built-in dictionaries by name (``clear``, ``rare``...), merged: lower-case typo to
    its fixes as written (``Misspelling.parse`` reads them; most entries are never looked at)."""
    parts = []
    for name in names:
        if name not in CODESPELL_DICTIONARIES:
            raise InputError(f"unknown codespell dictionary '{name}' (choose from {', '.join(CODESPELL_DICTIONARIES)})")
        source = _codespell_path(name)
        parts.append(_table_part(f"codespell-{name}", [_stamp(source)], partial(_parse_codespell, source)))
    return WordTable(parts)


# codespell's lists of real words and names that are often typos: correcting one is a guess.
REAL_WORD_DICTIONARIES = ("rare", "names", "code")


def real_words(names: tuple[str, ...], words: set[str]) -> set[str]:
    """Those of ``words`` that the chosen codespell dictionaries list as real words or names (``rouge``, ``bellow``)."""
    chosen = tuple(name for name in names if name in REAL_WORD_DICTIONARIES)
    return set(codespell(chosen).lookup(words)) if chosen else set()


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


# The user's cache folder for this tool as an earlier run found it (``use_cache_root``), and as platformdirs
# names it (importing platformdirs costs a one-file run ~9 ms), with who is told platformdirs' answer.
_known_root: Path | None = None
_platform_root: Path | None = None
_on_found: Callable[[Path], object] | None = None
_VERSION_FOLDER = f"{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


def use_cache_root(known: Path | None, on_found: Callable[[Path], object] | None) -> None:
    """Look for the tables in ``known`` first (an earlier run's answer, kept by the caller); platformdirs is
    asked (again) when one is not there, and ``on_found`` told its answer."""
    global _known_root, _platform_root, _on_found  # noqa: PLW0603 - one answer per process
    _known_root, _platform_root, _on_found = known, None, on_found


def _cache_file(name: str) -> Path:
    """Where a file of the cache folder is: in the remembered folder when it is there already, else in the
    folder platformdirs names, where it is made. A remembered folder is named by a store that a checkout may
    carry, so it is only read, and only for files this installation made (each name holds a digest of the
    installed data's modification times), never written to or pruned."""
    global _platform_root, _on_found  # noqa: PLW0603 - one answer per process
    if _known_root is not None and (found := _known_root / _VERSION_FOLDER / name).exists():
        return found
    if _platform_root is None:
        from platformdirs import user_cache_dir  # noqa: PLC0415 - only when a table is needed and not found

        _platform_root = Path(user_cache_dir("tripreport-lint", appauthor=False))
        if _on_found is not None:
            _on_found(_platform_root)
            _on_found = None
    return _platform_root / _VERSION_FOLDER / name


def _stamp(path: Path) -> str:
    """What identifies a version of an installed data file."""
    info = path.stat()
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


# An entry in use has its SQLite file touched at most this often (so that its age says when it was last used).
TOUCH_SECONDS = 86_400


def _table_part(name: str, stamps: list[str], build: Callable[[], dict[str, V]]) -> tuple[Path | None, Callable[[], dict[str, V]]]:
    """A table built from installed data and kept in the user's cache folder, as a ``WordTable`` part: a
    SQLite file to ask, and how to load it whole from its marshal form (loading that costs a fraction of
    building it); ``stamps`` name the data's versions: a new one is a new entry. Where it had to be made
    now, no file: this process holds it whole already."""
    asked = _cache_file(f"{name}-{hashlib.sha256('|'.join(stamps).encode()).hexdigest()[:16]}.sqlite3")
    entry = asked.with_suffix("")
    load = partial(_marshalled, entry.with_name(entry.name + ".marshal"), build)
    try:
        if time.time() - asked.stat().st_mtime > TOUCH_SECONDS:
            os.utime(asked)
        return asked, load
    except OSError:
        pass  # not made yet (or made read-only: asking it still works)
    if asked.exists():
        return asked, load
    table = load()
    write_table(asked, table)
    _remove_stale(entry)
    return None, lambda: table


def _marshalled(cached: Path, build: Callable[[], Any]) -> Any:
    """The table kept at ``cached`` in marshal form, made with ``build`` when missing or unreadable."""
    try:
        table = marshal.loads(cached.read_bytes())
        if isinstance(table, (dict, tuple)):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    write_cache_data(cached, marshal.dumps(table))
    return table


def _remove_stale(kept: Path) -> None:
    """After a table is made: the entries of the same table for other data left unused this long (another
    installation of the tool may use its own), and other versions' folders left unused."""
    try:
        now = time.time()
        prefix = kept.name.rsplit("-", 1)[0]
        entries: dict[str, list[Path]] = {}
        for other in kept.parent.glob(f"{prefix}-*.*"):
            stem = other.name.rsplit(".", 1)[0]
            if stem != kept.name and stem.rsplit("-", 1)[0] == prefix:
                entries.setdefault(stem, []).append(other)
        for files in entries.values():
            if all(now - other.stat().st_mtime > STALE_SECONDS for other in files):
                for other in files:
                    other.unlink(missing_ok=True)
        for folder in kept.parent.parent.iterdir():
            if folder != kept.parent and folder.is_dir() and now - folder.stat().st_mtime > STALE_SECONDS:
                import shutil  # noqa: PLC0415 - only when a table is built

                shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass  # another run removed it first, or a read-only folder: the cache only grows a little


# The codespell dictionaries whose corrections are real words, and the one of British spellings.
_CORRECTIONS = ("clear", "rare", "usage")
_BRITISH = "en-GB_to_en-US"


def _english_data() -> Path:
    # pyspellchecker's English data file stands for its version (asking importlib.metadata costs ~9 ms a run).
    return _package_data("spellchecker", "pyspellchecker", "resources", "en.json.gz")


# A word this frequent in the English table (pyspellchecker's count: `for`, `with`, `filter`) is an everyday
# word: a short typo's intended word, never a name's casing, and no sign of a person's name beside another.
FREQUENT = 20_000


@cache
def english() -> WordTable[int]:
    """English words (lower case) and how often they occur, from pyspellchecker's data."""
    return WordTable([_table_part("english", [_stamp(_english_data())], _build_english)])


def _build_english() -> dict[str, int]:
    from spellchecker import SpellChecker  # noqa: PLC0415 - loading its English words costs ~150 ms: once a version

    return dict(SpellChecker(language="en").word_frequency.dictionary)


# pyspellchecker's other languages of Latin script whose short words an English post quotes most (`hier`,
# `entre`, `comme`): a short word of theirs is no typo of an English one.
FOREIGN_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")


@cache
def foreign() -> WordTable[int]:
    """Words (lower case) of ``FOREIGN_LANGUAGES``, from pyspellchecker's data, each with 0."""
    sources = [_package_data("spellchecker", "pyspellchecker", "resources", f"{language}.json.gz")
               for language in FOREIGN_LANGUAGES]
    return WordTable([_table_part("foreign", [_stamp(source) for source in sources], partial(_build_foreign, sources))])


def _build_foreign(sources: list[Path]) -> dict[str, int]:
    import gzip  # noqa: PLC0415 - only when the table is built
    import json  # noqa: PLC0415 - only when the table is built

    words: set[str] = set()
    for source in sources:
        words.update(json.loads(gzip.decompress(source.read_bytes())))
    return dict.fromkeys((word.lower() for word in words if word.isalpha()), 0)


@cache
def codespell_words() -> WordTable[int]:
    """Real words according to codespell: every correction it offers, and British spellings (each with 0)."""
    stamps = [_stamp(_codespell_path(name)) for name in (*_CORRECTIONS, _BRITISH)]
    return WordTable([_table_part("codespell-words", stamps, _build_codespell_words)])


def _build_codespell_words() -> dict[str, int]:
    # codespell's corrections are real words, and so are the British spellings it maps to American.
    known = {w.strip().lower() for fixes in codespell(_CORRECTIONS).whole().values()
             for w in fixes.split(",")[: None if "," not in fixes else -1]}
    known |= codespell((_BRITISH,)).whole().keys()
    return dict.fromkeys((w for w in known if w.isalpha()), 0)


@cache
def _english_letters() -> tuple[str, int]:
    """The letters of the English words and the length of the longest, kept as the tables are."""
    cached = _cache_file(f"english-letters-{hashlib.sha256(_stamp(_english_data()).encode()).hexdigest()[:16]}.marshal")
    letters, longest = _marshalled(cached, lambda: _letters(english().whole()))
    return letters, longest


def _letters(words: dict[str, int]) -> tuple[str, int]:
    return "".join(sorted(set().union(*words))), max(map(len, words))


def one_edit(word: str) -> set[str]:
    """The strings one edit from a lower-case word (a letter dropped, two swapped, one replaced or added,
    with the letters of the English words), as pyspellchecker's ``edit_distance_1`` makes them (without
    loading its checker): only the word itself for a number or a word too long to be a typo of any."""
    plain, accented = one_edit_parts(word)
    return plain | accented


def one_edit_parts(word: str) -> tuple[set[str], set[str]]:
    """``one_edit`` in two parts: the strings made with the word's own letters and ASCII ones, and those with
    a letter outside ASCII put in (`é`), which only the few ``accented_english`` words can be."""
    letters, longest = _english_letters()
    if (len(word) == 1 and word in string.punctuation) or len(word) > longest + 3 or _number(word):
        return {word}, set()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    ascii_letters, others = _letter_groups(letters)
    replaces = [left + c + right[1:] for left, right in splits if right for c in ascii_letters]
    inserts = [left + c + right for left, right in splits for c in ascii_letters]
    accented = [left + c + right[1:] for left, right in splits if right for c in others]
    accented += [left + c + right for left, right in splits for c in others]
    return set(deletes + transposes + replaces + inserts), set(accented)


@cache
def _letter_groups(letters: str) -> tuple[str, str]:
    """The ASCII letters of ``letters``, and the others."""
    return "".join(c for c in letters if c.isascii()), "".join(c for c in letters if not c.isascii())


@cache
def accented_english() -> dict[str, int]:
    """The English words with a letter outside ASCII (a few hundred of 160,000), with their frequencies,
    kept as the tables are: asked of the edits with such a letter, not the whole table."""
    digest = hashlib.sha256(_stamp(_english_data()).encode()).hexdigest()[:16]
    words: dict[str, int] = _marshalled(_cache_file(f"accented-english-{digest}.marshal"),
                                        lambda: {w: f for w, f in english().whole().items() if not w.isascii()})
    return words


def _number(word: str) -> bool:
    if word.lower() in ("nan", "inf", "infinity"):
        return False
    try:
        float(word)
    except ValueError:
        return False
    return True
