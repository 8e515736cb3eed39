"""Time tripreport-lint on the shared corpus: start-up, one file, and the whole corpus.

Run from the repository root after installing: ``python benchmarks/bench.py [--runs N] [--corpus DIR]``.
Prints medians in milliseconds. Timings belong here, never in tests.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def median_ms(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    one_post = next(corpus.rglob("index.md"))
    lint = [sys.executable, "-m", "tripreport_lint"]
    cases = {
        "python -c pass (interpreter floor)": [sys.executable, "-c", "pass"],
        "tripreport-lint --version": lint + ["--version"],
        f"one post ({one_post.relative_to(corpus)})": lint + [str(one_post)],
        f"whole corpus ({sum(1 for _ in corpus.rglob('*.md'))} files)": lint + ["--statistics", "."],
    }
    for label, command in cases.items():
        print(f"{median_ms(command, args.runs, corpus):9.1f} ms  {label}")


if __name__ == "__main__":
    main()
