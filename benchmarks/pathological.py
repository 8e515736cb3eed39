"""Time tripreport-lint on pathological posts at 10k, 20k and 40k repetitions: time must grow linearly.

    python benchmarks/pathological.py [--sizes 10000,20000,40000] [--case NAME] [--rules]

The cases are CommonMark's pathological inputs (unclosed brackets, emphasis and code runs, deep
nesting), the openers our own rules scan for (comments, template tags, HTML tags, addresses) and
long lines. Each post is linted in this process with the default rules, after a warm-up, so the
figures are the linting alone. The last column is t(40k) / t(10k): about 4 when growth is linear,
16 when quadratic. ``--rules`` adds the three slowest rules of the largest size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tripreport_lint.engine import engine as engine_module
from tripreport_lint.engine.engine import Engine

HEAD = "---\ntitle: A pathological post\ndate: 2024-05-19\n---\n\n"

CASES: dict[str, Callable[[int], str]] = {
    "nested strong emphasis": lambda n: "*a **a " * n + "b" + " a** a*" * n,
    "emphasis closers without openers": lambda n: "a_ " * n,
    "emphasis openers without closers": lambda n: "_a " * n,
    "mismatched openers and closers": lambda n: "*a_ " * n,
    "openers and closers multiple of 3": lambda n: "a**b" + "c* " * n,
    "link closers without openers": lambda n: "a]" * n,
    "link openers without closers": lambda n: "[a" * n,
    "link openers and emphasis closers": lambda n: "[ a_" * n,
    "unclosed link targets [a](": lambda n: "[a](" * n,
    "unclosed link targets [a](b": lambda n: "[a](b" * n,
    "unclosed angle targets [a](<b": lambda n: "[a](<b" * n,
    "nested brackets": lambda n: "[" * n + "a" + "]" * n,
    "nested block quotes": lambda n: ">" * n + " a\n",
    "deeply nested lists": lambda n: "- " * n + "a\n",
    "nested lists, indented": lambda n: "".join(" " * (i % 400) + "- a\n" for i in range(n)),
    "backtick runs of every length": lambda n: "".join("`" * (i % 100 + 1) + "e" for i in range(n // 50)),
    "unclosed backticks": lambda n: "`a " * n,
    "unclosed HTML comments": lambda n: "<!--" * n,
    "unclosed processing instructions": lambda n: "a <?" * n,
    "unclosed CDATA": lambda n: "a <![CDATA[" * n,
    "unclosed HTML tags <a": lambda n: "<a " * n,
    "unclosed images <img": lambda n: "<img src=x " * n,
    "unclosed shortcodes {{<": lambda n: "{{< " * n,
    "unclosed template tags {{": lambda n: "{{ " * n,
    "unclosed Liquid tags {%": lambda n: "{% " * n,
    "reference definitions": lambda n: "".join(f"[r{i}]: https://example.com/{i}\n" for i in range(n // 10)),
    "reference links": lambda n: "[a][r] " * n + "\n\n[r]: https://example.com/\n",
    "addresses www. @ ://": lambda n: "www. a@ ://" * n,
    "one long line of words": lambda n: "lorem ipsum dolor " * n,
    "one long word": lambda n: "a" * (n * 10),
    "mojibake": lambda n: "StÃ©phane " * n,
    "many short lines": lambda n: "a line\n" * n,
}


def _time(engine: Engine, path: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds of one lint of ``path``, and seconds per rule."""
    per_rule: dict[str, float] = {}
    run = engine_module._run

    def timed(rule, doc, context):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return run(rule, doc, context)
        finally:
            per_rule[rule.code] = time.perf_counter() - start

    engine_module._run = timed
    try:
        start = time.perf_counter()
        result = engine.check(path)
        elapsed = time.perf_counter() - start
    finally:
        engine_module._run = run
    if result.error:
        print(f"    {result.error}", file=sys.stderr)
    return elapsed, per_rule


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,20000,40000")
    parser.add_argument("--case", action="append", help="run only the cases whose name contains this")
    parser.add_argument("--rules", action="store_true", help="show the slowest rules at the largest size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cases = {name: make for name, make in CASES.items() if not args.case or any(c in name for c in args.case)}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hugo.toml").write_text('title = "Pathological"\n', encoding="utf-8")
        post = root / "content" / "posts" / "post.md"
        post.parent.mkdir(parents=True)
        engine = Engine()
        post.write_text(HEAD + "A warm-up paragraph with a [link](https://example.com/).\n", encoding="utf-8")
        engine.check(post)
        print(f"{'case':36}" + "".join(f"{n:>9,}" for n in sizes) + f"{'growth':>8}")
        for name, make in cases.items():
            times, slowest = [], {}
            for n in sizes:
                post.write_text(HEAD + make(n) + "\n", encoding="utf-8")
                seconds, slowest = _time(engine, post)
                times.append(seconds)
            growth = times[-1] / times[0] if times[0] else float("nan")
            print(f"{name:36}" + "".join(f"{t:9.3f}" for t in times) + f"{growth:8.1f}", flush=True)
            if args.rules:
                top = sorted(slowest.items(), key=lambda item: -item[1])[:3]
                print("    " + ", ".join(f"{code} {t:.3f}" for code, t in top))


if __name__ == "__main__":
    main()
