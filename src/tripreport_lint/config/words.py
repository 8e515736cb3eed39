"""The words a project accepts: read from its words file and config, and added to the file
(one word a line, ``#`` comments kept, words sorted)."""

from __future__ import annotations

from pathlib import Path

from tripreport_lint.config.settings import Config
from tripreport_lint.errors import InputError
from tripreport_lint.files import write_atomic


def add_words(path: Path, words: set[str]) -> list[str]:
    """Add words to the file (created when missing); returns the words that were new."""
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    comments = [line for line in lines if line.lstrip().startswith("#")]
    present = {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}
    known = {word.lower() for word in present}
    new = sorted({w for w in words if w.lower() not in known}, key=str.lower)
    if new:
        text = "\n".join(comments + sorted(present | set(new), key=str.lower)) + "\n"
        if path.is_file():
            write_atomic(path, text.encode("utf-8"))
        else:
            path.write_text(text, encoding="utf-8")
    return new


def project_words(config: Config, base: Path) -> frozenset[str]:
    """The words a project accepts, in lower case: its words file and codespell ignore-words file
    (relative to ``base``), and the config's inline words."""
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
