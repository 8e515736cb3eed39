"""The project's words file: one accepted word a line, ``#`` comments kept, words sorted."""

from __future__ import annotations

from pathlib import Path

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
