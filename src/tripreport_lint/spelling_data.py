"""The word lists the spelling rules use, loaded once per process.

codespell has no stable Python API, so its dictionary files are read here, in its own format.
The English word frequencies are pyspellchecker's (a plain data file, MIT licensed; wordfreq
would bring regex, msgpack and langcodes for the same job). Parsing its gzipped JSON costs
~150 ms, so the parsed table is kept in the user's cache folder in marshal form (~40 ms to load).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import marshal
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .errors import InputError
from .files import write_cache_data

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


@lru_cache(maxsize=None)
def codespell(names: tuple[str, ...]) -> dict[str, str]:
    """codespell's built-in dictionaries by name (``clear``, ``rare``...), merged: lower-case typo to
    its fixes as written (``Misspelling.parse`` reads them; most entries are never looked at)."""
    found: dict[str, str] = {}
    for name in names:
        if name not in CODESPELL_DICTIONARIES:
            raise InputError(f"unknown codespell dictionary '{name}' (choose from {', '.join(CODESPELL_DICTIONARIES)})")
        for line in _codespell_file(name).splitlines():
            typo, _, fixes = line.partition("->")
            found[typo.lower()] = fixes
    return found


def _codespell_file(name: str) -> str:
    # find_spec locates the package without importing it: codespell_lib's __init__ loads its whole CLI.
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("codespell is not installed: pip install codespell")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return (folder / CODESPELL_DICTIONARIES[name]).read_text("utf-8")


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tripreport-lint" / __version__


@lru_cache(maxsize=None)
def _word_lists() -> tuple[dict[str, int], frozenset[str]]:
    cached = _cache_folder() / "words.marshal"
    try:
        frequencies, known = marshal.loads(cached.read_bytes())
        if isinstance(frequencies, dict) and isinstance(known, frozenset):
            return frequencies, known
    except (OSError, ValueError, EOFError, TypeError):
        pass
    source = resources.files("spellchecker") / "resources" / "en.json.gz"
    frequencies = json.loads(gzip.decompress(source.read_bytes()))
    # codespell's corrections are real words, and so are the British spellings it maps to American.
    known = {w.strip().lower() for fixes in codespell(("clear", "rare", "usage")).values()
             for w in fixes.split(",")[: None if "," not in fixes else -1]}
    known |= {line.partition("->")[0].lower() for line in _codespell_file("en-GB_to_en-US").splitlines()}
    result = (frequencies, frozenset(w for w in known if w.isalpha()))
    write_cache_data(cached, marshal.dumps(result))
    return result


def english() -> dict[str, int]:
    """English words (lower case) and how often they occur, from pyspellchecker's data."""
    return _word_lists()[0]


def codespell_words() -> frozenset[str]:
    """Real words according to codespell: every correction it offers, and British spellings."""
    return _word_lists()[1]
