"""Precision and recall of the spelling rules on injected typos.

Copies one site of the corpus to a temporary folder, injects typos (adjacent swaps, dropped,
doubled and neighbour-key letters) into ordinary English words and into the site's product names
in a sample of posts, and counts which the SPL rules find. Findings that were already there on the
clean posts are left out of precision (they are judged by reading, see the issue notes).

    python benchmarks/typo_benchmark.py [--site opentelemetry.io] [--posts 60] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
from pathlib import Path

from tripreport_lint.engine.engine import Engine, Selection
from tripreport_lint.spelling import dictionaries

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
WORD = re.compile(r"(?<=[ (])[A-Za-z]{6,}(?=[ .,;:)])")
# Typos a person writes by hand, in sentences of our own, with the word meant.
HANDWRITTEN = [
    ("The recieve path was slow.", "recieve"),
    ("Our keynote covered obervability.", "obervability"),
    ("We deployed Kuberentes on bare metal.", "Kuberentes"),
    ("The schedual slipped by a day.", "schedual"),
    ("A great converstaion at the booth.", "converstaion"),
    ("The maintainers anounced a release.", "anounced"),
]


def neighbour(letter: str, rng: random.Random) -> str:
    for keys in KEYS:
        if letter in keys:
            col = keys.index(letter)
            options = [keys[c] for c in (col - 1, col + 1) if 0 <= c < len(keys)]
            return rng.choice(options)
    return letter


def mutate(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "neighbour"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + neighbour(word[i], rng) + word[i + 1 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="opentelemetry.io")
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="print the findings that are not injected typos")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    english = dictionaries.english()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / args.site
        shutil.copytree(CORPUS / args.site, site)
        posts = sorted(p for p in site.rglob("*.md") if "/en/" in p.as_posix() or "/content/" not in p.as_posix())
        sample = rng.sample(posts, min(args.posts, len(posts)))
        clean = Engine(selection=Selection(select=("SPL",)))
        before = {p: {(d.span.line, d.span.column) for d in clean.check(p).diagnostics} for p in sample}
        injected: dict[Path, list[tuple[int, int, str, str]]] = {}
        for path in sample:
            text = path.read_text("utf-8")
            body_start = text.find("\n---", 3) + 4
            candidates = [m for m in WORD.finditer(text, body_start) if "`" not in text[max(0, m.start() - 30) : m.start()]]
            ordinary = [m for m in candidates if m.group().islower() and m.group() in english]
            names = [m for m in candidates if m.group()[0].isupper() and m.group().lower() not in english]
            chosen = rng.sample(ordinary, min(2, len(ordinary))) + rng.sample(names, min(1, len(names)))
            for match in sorted(chosen, key=lambda m: -m.start()):
                typo = mutate(match.group(), rng)
                if typo.lower() in english or typo == match.group():
                    continue
                text = text[: match.start()] + typo + text[match.end() :]
                kind = "name" if match.group()[0].isupper() else "word"
                injected.setdefault(path, []).append((match.start(), kind, match.group(), typo))
            path.write_text(text, "utf-8")
            # Earlier replacements shift later ones by a letter: find each typo where it now stands.
            injected[path] = [(text.find(t, max(0, s - 3)), k, w, t) for s, k, w, t in injected.get(path, [])]
        handwritten = site / "content" / "en" / "blog" / "handwritten-typos.md"
        handwritten.parent.mkdir(parents=True, exist_ok=True)
        lines = ["---", "title: Notes", "date: 2024-01-01", "---", ""] + [s for s, _ in HANDWRITTEN]
        handwritten.write_text("\n".join(lines) + "\n", "utf-8")
        totals = {"SPL001": 0, "family": 0}
        counts = {"word": [0, 0], "name": [0, 0]}
        true_findings = false_findings = 0
        engine = Engine(selection=Selection(select=("SPL",)))
        for path, typos in injected.items():
            text = path.read_text("utf-8")
            found = engine.check(path).diagnostics
            fresh = [d for d in found if (d.span.line, d.span.column) not in before[path]]
            lines_index = [0] + [m.end() for m in re.finditer("\n", text)]
            hits = set()
            for d in fresh:
                offset = lines_index[d.span.line - 1] + d.span.column - 1
                match = next((t for t in typos if t[0] <= offset < t[0] + len(t[3])), None)
                if match is None:
                    false_findings += 1
                    if args.verbose:
                        print("  not injected:", d.path.rsplit("/", 1)[-1], d.message)
                else:
                    true_findings += 1
                    hits.add((match, d.code))
            for typo in typos:
                codes = {code for (t, code) in hits if t == typo}
                counts[typo[1]][0] += 1
                counts[typo[1]][1] += bool(codes)
                totals["SPL001"] += "SPL001" in codes
                totals["family"] += bool(codes)
        found = engine.check(handwritten).diagnostics
        hand_hits = sum(any(d.span.line == 6 + i for d in found) for i in range(len(HANDWRITTEN)))
        total = sum(c[0] for c in counts.values())
        print(f"posts mutated: {len(injected)}, typos injected: {total}")
        print(f"recall SPL001 (codespell): {totals['SPL001'] / total:.0%}")
        print(f"recall SPL001+SPL002: {totals['family'] / total:.0%}")
        for kind, (n, hit) in counts.items():
            print(f"  {kind}s: {hit}/{n} found")
        print(f"precision on the mutated posts: {true_findings}/{true_findings + false_findings}")
        print(f"handwritten typos found: {hand_hits}/{len(HANDWRITTEN)}")


if __name__ == "__main__":
    main()
