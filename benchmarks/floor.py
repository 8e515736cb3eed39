"""The floor every Markdown linter in Python stands on: read each file, parse its front matter with
PyYAML's C loader and its body with markdown-it-py, and nothing else.

``python benchmarks/floor.py DIR [--jobs N]``; ``bench.py`` states every other time as a ratio to it.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")


def parse(path: Path) -> int:
    text = path.read_text("utf-8", errors="replace")
    body = text
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            try:
                yaml.load(text[3:end], Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                pass
            body = text[end + 4 :]
    return len(_PARSER.parse(body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(args.folder.rglob("*.md"))
    if args.jobs == 1:
        tokens = sum(map(parse, paths))
    else:
        with ProcessPoolExecutor(args.jobs) as pool:
            tokens = sum(pool.map(parse, paths, chunksize=16))
    sys.stdout.write(f"{len(paths)} files, {tokens} block tokens\n")


if __name__ == "__main__":
    main()
