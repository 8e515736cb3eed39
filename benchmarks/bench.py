"""Time tripreport-lint against the floor and the tools blog teams run today, side by side, in one run,
and say which of the speed targets pass.

    python benchmarks/bench.py [--corpus DIR] [--runs 5] [--no-scaling] [--no-others]

Every case runs ``--runs`` times on the same files; the table gives the median wall time, its ratio
to the floor (``floor.py``: read, PyYAML, markdown-it-py, one process) and the peak memory of the
largest process. tripreport-lint runs as users run it: cold is a first run with an empty cache
folder, warm a second run over the unchanged files, "one file" a pre-commit run on one post (first
run ever: nothing stored; just edited: a sentence of its body changed since the last run, in a copy
of the corpus, so the post has no result and what the site's pages say is updated for it; front
matter edited: a key of its front matter changed too, so the schema is asked again).
``format --check`` runs cold beside ``mdformat --check`` (before the format subcommand exists, the
check of FMT001 stands for it); ``--diff`` and ``--fix`` run with a warm cache on a copy of the
corpus, restored before each ``--fix``. markdownlint-cli2 (npm: the ``MARKDOWNLINT_CLI2`` environment
variable names its program, else it is looked for on PATH), mdformat and codespell run when
installed. The scaling check copies the corpus 2x and 4x and times a cold run over each. Timings
belong here, never in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
# Runs a command and prints its wall time (without this wrapper's own start) and the peak memory of
# its largest process: ru_maxrss of the children, in KiB.
_MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _environment() -> dict[str, str]:
    # Installed packages have compiled bytecode; a sandbox that forbids writing it would time the
    # compiler on every start instead of the tool.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str], cwd: Path, runs: int, before: list[str] | None = None) -> tuple[float, float]:
    """Median wall seconds and peak MiB of ``runs`` runs (``before`` runs untimed ahead of each)."""
    times, peaks = [], []
    for _ in range(runs):
        if before:
            subprocess.run(before, cwd=cwd, env=_environment(), capture_output=True, check=False)
        done = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, env=_environment(),
                              capture_output=True, text=True, check=True)
        seconds, peak = done.stdout.split()
        times.append(float(seconds))
        peaks.append(int(peak) / 1024)
    return statistics.median(times), max(peaks)


# Rewrites a post of the copy from its text in the corpus with one of two sentences added (the other than the
# one it holds), and with ``front_matter`` one of two values of a key added to its front matter: each run
# lints a post edited since the last one, as a pre-commit run does.
_EDIT = ("import pathlib, sys\n"
         "post, text = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text(encoding='utf-8')\n"
         "second = post.read_text(encoding='utf-8').endswith('online now.\\n')\n"
         "text += '\\nThe slides are online as well.\\n' if second else '\\nThe recording is online now.\\n'\n"
         "if sys.argv[3] == 'front matter':\n"
         "    text = text.replace('---\\n', '---\\nsubtitle: ' + ('Slides' if second else 'Recording') + '\\n', 1)\n"
         "post.write_text(text, encoding='utf-8')\n")


def _editing(post: Path, original: Path, what: str) -> list[str]:
    """A command that edits ``post`` (a copy of ``original``): its body, or its front matter too."""
    return [sys.executable, "-c", _EDIT, str(post), str(original), what]


def _copies(corpus: Path, count: int, into: Path) -> Path:
    folder = into / f"x{count}"
    for n in range(count):
        shutil.copytree(corpus, folder / f"copy{n}", ignore=shutil.ignore_patterns(".tripreport-lint-cache"))
    return folder


_COPY = ("import os, shutil, sys\n"
         "def copy(source, target):\n"  # writable (the corpus is read-only), with the modification time kept
         "    shutil.copyfile(source, target)\n"
         "    info = os.stat(source)\n"
         "    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))\n"
         "shutil.copytree(sys.argv[1], sys.argv[2], dirs_exist_ok=True, copy_function=copy, "
         "ignore=shutil.ignore_patterns('.tripreport-lint-cache'))\n")


def _restore(corpus: Path, copy: Path) -> list[str]:
    """A command that puts the corpus's files, writable, into its copy, modification times included (they
    are part of every cache key), so that each ``--fix`` finds the same work and a warm cache."""
    return [sys.executable, "-c", _COPY, str(corpus), str(copy)]


def _has_format_command(lint: list[str]) -> bool:
    """Whether this version has the ``format`` subcommand (older ones take "format" for a path)."""
    done = subprocess.run([*lint[:3], "format", "--help"], env=_environment(), capture_output=True, text=True,
                          check=False)
    return done.returncode == 0 and "tripreport-lint format" in done.stdout


# (what, the case measured, the case it is divided by, or None for peak MiB, the target): the targets.
TARGETS = (
    ("cold check on both cores / floor (1 process)", "tripreport-lint cold, default rules", "floor (1 process)", 1.3),
    ("format --check / mdformat --check", "tripreport-lint format --check, cold", "mdformat --check", 1.25),
    ("warm run / floor (1 process)", "tripreport-lint warm, default rules", "floor (1 process)", 0.25),
    ("one file just edited / markdownlint-cli2 one file", "tripreport-lint one file, just edited",
     "markdownlint-cli2, one file", 0.65),
    ("--diff warm / --fix warm", "tripreport-lint --diff, warm", "tripreport-lint --fix, warm", 1.0),
)
MAX_PEAK_MIB = 100.0


def _verdicts(results: dict[str, float], peaks: dict[str, float]) -> None:
    print("\ntargets:")
    for what, case, base, target in TARGETS:
        if case in results and base in results:
            ratio = results[case] / results[base]
            print(f"  {what:52} {ratio:6.2f}  <= {target:<5} {'PASS' if ratio <= target else 'FAIL'}")
        else:
            print(f"  {what:52} {'-':>6}  <= {target:<5} not measured ({base if case in results else case} missing)")
    ours = {label: peak for label, peak in peaks.items() if label.startswith("tripreport-lint")}
    label = max(ours, key=ours.__getitem__)
    print(f"  {'peak MiB per process (' + label.removeprefix('tripreport-lint ') + ')':52} {ours[label]:6.1f}  "
          f"<= {MAX_PEAK_MIB:<5.0f} {'PASS' if ours[label] <= MAX_PEAK_MIB else 'FAIL'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1x/2x/4x copies")
    parser.add_argument("--no-others", action="store_true", help="skip markdownlint-cli2, mdformat and codespell")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    one = next(p for p in sorted(corpus.rglob("index.md")) if p.stat().st_size > 4000)
    lint = [sys.executable, "-m", "tripreport_lint", "-q", "--no-progress"]
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        cache = str(scratch / "cache")
        fresh = ["rm", "-rf", cache]  # an empty cache folder before each cold run
        # The posts edited before each run of "one file, just edited" are in a copy of the corpus, with a
        # cache folder of their own, filled before any is edited.
        edits = scratch / "edits"
        subprocess.run(_restore(corpus, edits), check=True)
        edits_cache = str(scratch / "edits-cache")
        subprocess.run(lint + ["--cache-dir", edits_cache, "."], cwd=edits, env=_environment(), capture_output=True,
                       check=False)
        edited_post = one.relative_to(corpus)
        floor_py = [sys.executable, str(HERE / "floor.py")]
        cases: list[tuple[str, list[str], list[str] | None]] = [
            ("floor (1 process)", floor_py + ["."], None),
            ("floor (2 processes)", floor_py + [".", "--jobs", "2"], None),
            ("tripreport-lint --version", lint + ["--version"], None),
            ("tripreport-lint cold, default rules but FMT", lint + ["--cache-dir", cache, "--ignore", "FMT", "."], fresh),
            ("tripreport-lint cold, default rules", lint + ["--cache-dir", cache, "."], fresh),
            ("tripreport-lint warm, default rules", lint + ["--cache-dir", cache, "."], None),
            ("tripreport-lint one file, first run ever", lint + ["--cache-dir", cache, str(one)], fresh),
            ("tripreport-lint one file, just edited", lint + ["--cache-dir", edits_cache, str(edited_post)],
             _editing(edits / edited_post, one, "body")),
            ("tripreport-lint one file, front matter edited", lint + ["--cache-dir", edits_cache, str(edited_post)],
             _editing(edits / edited_post, one, "front matter")),
        ]
        if _has_format_command(lint):
            cases.append(("tripreport-lint format --check, cold",
                          [*lint[:3], "format", "--check", "--cache-dir", cache, "."], fresh))
        else:
            cases.append(("tripreport-lint format --check, cold", lint + ["--cache-dir", cache, "--select", "FMT001", "."],
                          fresh))
        # --fix changes files: both run on a copy, each --fix on the files as they were, with the cache warm.
        copy = scratch / "copy"
        subprocess.run(_restore(corpus, copy), check=True)
        copy_cache = str(scratch / "copy-cache")
        subprocess.run(lint + ["--cache-dir", copy_cache, "."], cwd=copy, env=_environment(), capture_output=True,
                       check=False)
        cases += [("tripreport-lint --diff, warm", lint + ["--cache-dir", copy_cache, "--diff", "."], None),
                  ("tripreport-lint --fix, warm", lint + ["--cache-dir", copy_cache, "--fix", "."],
                   _restore(corpus, copy))]
        if not args.no_others:
            beside = str(Path(sys.executable).parent)  # the tools installed with this Python, on PATH or not
            found = {name: shutil.which(name) or shutil.which(name, path=beside)
                     for name in ("markdownlint-cli2", "mdformat", "codespell")}
            found["markdownlint-cli2"] = os.environ.get("MARKDOWNLINT_CLI2") or found["markdownlint-cli2"]
            if found["markdownlint-cli2"]:
                cases += [("markdownlint-cli2", [found["markdownlint-cli2"], "**/*.md"], None),
                          ("markdownlint-cli2, one file", [found["markdownlint-cli2"], str(one)], None)]
            if found["mdformat"]:
                cases += [("mdformat --check", [found["mdformat"], "--check", "."], None),
                          ("mdformat --check, one file", [found["mdformat"], "--check", str(one)], None)]
            if found["codespell"]:
                cases += [("codespell", [found["codespell"], "."], None),
                          ("codespell, one file", [found["codespell"], str(one)], None)]
        # Untimed: fill the OS file cache and compile bytecode, then fill the tool's cache for "warm".
        subprocess.run(floor_py + ["."], cwd=corpus, env=_environment(), capture_output=True, check=False)
        subprocess.run(lint + ["--cache-dir", cache, "."], cwd=corpus, env=_environment(), capture_output=True, check=False)
        print(f"corpus: {corpus} ({sum(1 for _ in corpus.rglob('*.md'))} Markdown files); one file: "
              f"{one.relative_to(corpus)}; {args.runs} runs each, medians\n")
        print(f"{'case':48} {'seconds':>8} {'x floor':>8} {'peak MiB':>9}")
        results: dict[str, float] = {}
        peaks: dict[str, float] = {}
        for label, command, before in cases:
            # Run where a pre-commit hook runs: at the top of the checkout the files are in.
            where = copy if label.startswith("tripreport-lint --") else edits if label.endswith("edited") else corpus
            seconds, peak = measure(command, where, args.runs, before)
            results[label], peaks[label] = seconds, peak
            floor = results["floor (1 process)"]
            print(f"{label:48} {seconds:8.3f} {seconds / floor:8.2f} {peak:9.1f}", flush=True)
        if "markdownlint-cli2" in results:
            print()
            for label in ("tripreport-lint cold, default rules but FMT", "tripreport-lint cold, default rules"):
                print(f"{label} / markdownlint-cli2: {results[label] / results['markdownlint-cli2']:.2f}")
            print(f"one file / markdownlint-cli2 one file: "
                  f"{results['tripreport-lint one file, just edited'] / results['markdownlint-cli2, one file']:.2f}")
        _verdicts(results, peaks)
        if not args.no_scaling:
            print("\nscaling (cold, default rules but FMT):")
            base = 0.0
            for count in (1, 2, 4):
                folder = _copies(corpus, count, scratch)
                seconds, peak = measure(lint + ["--cache-dir", cache, "--ignore", "FMT", "."], folder, args.runs, fresh)
                base = base or seconds
                print(f"  {count}x corpus {seconds:8.3f} s  {seconds / base:5.2f}x of 1x  peak {peak:6.1f} MiB", flush=True)
                shutil.rmtree(folder)


if __name__ == "__main__":
    main()
