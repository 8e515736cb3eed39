"""Names of well-known products and projects, as their makers write them (``product_names.txt``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def product_names() -> dict[str, str]:
    """Each name in lower case -> the name as its makers write it (``github`` -> ``GitHub``)."""
    text = Path(__file__).with_name("product_names.txt").read_text("utf-8")
    names = (line.strip() for line in text.splitlines())
    return {name.lower(): name for name in names if name and not name.startswith("#")}
