"""Where the time of a one-file pre-commit run goes: the case of bench.py's "one file, just edited".

    python benchmarks/one_file.py [--corpus DIR] [--file POST] [--runs 5]

A full run over a copy of the corpus first fills a cache folder; then, ``--runs`` times, a sentence of the
post's body is changed (it was just edited: it has no result, and what the site's pages say is updated for
it) and the post is linted once as the command line runs it (wall and CPU time), and, edited again, once
more in a process that times its phases: Python's start, the imports before any post, the site's file
list, the stored site facts, each rule, and the heavy packages the run imported. Medians, in milliseconds; nested phases are part of their parents'
time (a rule's first use of a table counts in the rule). Timings belong here, never in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
DEFAULT_FILE = "cilium.io/src/posts/02-04-2018-cilium-rc9-code-freeze/index.md"
# Packages a one-file check should not need unless a rule asks for them.
WATCHED = ("markdown_it", "yaml", "jsonschema", "mdformat", "ftfy", "spellchecker", "codespell_lib", "pathspec",
           "platformdirs", "sqlite3", "json", "ipaddress", "socket", "inspect", "ast", "argparse", "hashlib")

SMALL_RULE = 0.0005  # seconds: rules taking less are summed on one line
# Runs in the timed child: wraps the phases, runs the command line, prints the times as JSON.
_CHILD = r'''
import gc, json, sys, time
gc.disable()  # as the console script runs (cli.script)
start = time.perf_counter()
times = {}
def timed(label, function):
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.perf_counter() - began
    return wrapper
import tripreport_lint.cli.command as command
times["import cli.command"] = time.perf_counter() - start
began = time.perf_counter()
import tripreport_lint.cli.session
times["import cli.session (config, engine, rules)"] = time.perf_counter() - began
from tripreport_lint.engine import engine
from tripreport_lint.site import index, page_facts
from tripreport_lint.store import site_facts
files = index.SiteIndex.__dict__["files"]
files.func = timed("SiteIndex.files (list and stat the site)", files.func)
signature = index.SiteIndex.__dict__["signature"]
signature.func = timed("SiteIndex.signature (with its file list)", signature.func)
page_facts.read = timed("page_facts.read (site facts, with the page list)", page_facts.read)
site_facts.SiteFacts.summary = timed("  SiteFacts.summary (stored site facts)", site_facts.SiteFacts.summary)
from tripreport_lint.spelling import tables
tables.WordTable.lookup = timed("  word tables: lookups", tables.WordTable.lookup)
tables.WordTable._load_all = timed("  word tables: loaded whole", tables.WordTable._load_all)
from tripreport_lint.cli import session
from tripreport_lint.engine import runner
from tripreport_lint.store import database
from tripreport_lint.frontmatter import schema
session.discover = timed("discover (the files named)", session.discover)
database.Store.prepare = timed("Store.prepare (open, prune)", database.Store.prepare)
engine.Engine.folder_settings = timed("Engine.folder_settings", engine.Engine.folder_settings)
engine.Engine.fingerprint = timed("Engine.fingerprint (with the site's file list)", engine.Engine.fingerprint)
schema.load = timed("schema.load", schema.load)
engine.Document = timed("Document (read, front matter)", engine.Document)
runner._keep = timed("store the result", runner._keep)
runner._stored = timed("look up the stored result", runner._stored)
model = index.SiteIndex.__dict__["model"]
model.func = timed("SiteIndex.model (the site's config)", model.func)
command.report = timed("report", command.report)
run_rule = engine._run
def rule_timer(rule, doc, context):
    return timed(f"rule {rule.code}", run_rule)(rule, doc, context)
engine._run = rule_timer
began = time.perf_counter()
try:
    command.run(sys.argv[1:], stdout=open("/dev/null", "w"))
finally:
    times["run (from options to report)"] = time.perf_counter() - began
    times["total in process"] = time.perf_counter() - start
    watched = [name for name in WATCHED if name in sys.modules]
    print(json.dumps({"times": times, "modules": len(sys.modules), "watched": watched}))
'''


def _environment(cache_home: Path) -> dict[str, str]:
    # Bytecode as installed; the word tables in a cache folder of this script's own, so that another
    # version of the tool using the same user cache folder cannot make this run rebuild them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache_home)
    return env


def _copy(source: str, target: str) -> None:
    """A file of the copy: writable (the corpus may not be), with its modification time kept."""
    shutil.copyfile(source, target)
    info = os.stat(source)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))


def _edit(post: Path, text: str) -> None:
    """Change a sentence of the post's body: each run lints a post edited since the last one."""
    second = post.read_text(encoding="utf-8").endswith("online now.\n")
    post.write_text(text + ("\nThe slides are online as well.\n" if second else "\nThe recording is online now.\n"),
                    encoding="utf-8")


_TIMED = ("import resource, subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:], "
          "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
          "print(time.perf_counter() - t, u.ru_utime + u.ru_stime)")


def _wall_and_cpu(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", _TIMED, *command], cwd=cwd, env=env, capture_output=True,
                          text=True, check=True)
    wall, cpu = done.stdout.split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--file", default=DEFAULT_FILE, help="the post, relative to the corpus")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        corpus = scratch / "corpus"
        shutil.copytree(args.corpus.resolve(), corpus, copy_function=_copy,
                        ignore=shutil.ignore_patterns(".tripreport-lint-cache"))
        post = corpus / args.file
        text = post.read_text(encoding="utf-8")
        cache, env = scratch / "cache", _environment(scratch / "user-cache")
        options = ["-q", "--no-progress", "--cache-dir", str(cache)]
        lint = [sys.executable, "-m", "tripreport_lint", *options]
        subprocess.run([*lint, "."], cwd=corpus, env=env, capture_output=True, check=False)  # fills the caches
        bare = [sys.executable, "-c", "pass"]
        child = [sys.executable, "-c", f"WATCHED = {WATCHED!r}\n{_CHILD}", *options, args.file]
        rows: dict[str, list[float]] = {}
        watched: list[str] = []
        modules: list[int] = []
        for _ in range(args.runs):
            rows.setdefault("python -c pass (wall)", []).append(_wall_and_cpu(bare, corpus, env)[0])
            _edit(post, text)
            wall, cpu = _wall_and_cpu([*lint, args.file], corpus, env)
            rows.setdefault("one file, just edited (wall)", []).append(wall)
            rows.setdefault("one file, just edited (user+sys CPU)", []).append(cpu)
            _edit(post, text)
            done = subprocess.run(child, cwd=corpus, env=env, capture_output=True, text=True, check=True)
            found = json.loads(done.stdout.splitlines()[-1])
            for label, seconds in found["times"].items():
                rows.setdefault(label, []).append(seconds)
            watched = found["watched"]
            modules.append(found["modules"])
        print(f"one file: {args.file} in a copy of {args.corpus}; {args.runs} runs, medians in ms\n")
        small = [label for label, values in rows.items()
                 if label.startswith("rule ") and statistics.median(values) < SMALL_RULE]
        for label, values in rows.items():
            if label not in small:
                print(f"{label:58} {statistics.median(values) * 1000:8.1f}")
        print(f"{f'the other {len(small)} rules, together':58} "
              f"{sum(statistics.median(rows[label]) for label in small) * 1000:8.1f}")
        print(f"\nmodules imported: {statistics.median(modules):.0f}; of those watched: {', '.join(watched) or 'none'}")


if __name__ == "__main__":
    main()
