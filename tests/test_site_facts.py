"""What the store keeps of a site's pages stays true to the pages: after edits, removals, a slow
reading, and another run saving meanwhile."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Site
from tripreport_lint.cli import run
from tripreport_lint.site import page_facts
from tripreport_lint.site.name_forms import Casing
from tripreport_lint.store.database import Store
from tripreport_lint.store.site_facts import SiteFacts

PAGE = "---\ntitle: Day {n}\ndate: 2024-01-0{n}\n---\n\nThe kubernetes track, {extra}.\n"


def _pages(root: Path) -> list[tuple[str, int, int]]:
    return [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.glob("*.md"))]


def _truth(root: Path) -> Counter[str]:
    return page_facts.read(str(root), _pages(root), None).vocabulary.posts


def _write(root: Path, extra: str) -> None:
    for n in range(1, 5):
        (root / f"day-{n}.md").write_text(PAGE.format(n=n, extra=f"{extra} {n}"), encoding="utf-8")


def test_a_slow_reading_still_counts_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a run finds must not depend on how busy the machine is: no page is skipped for time."""
    root = tmp_path / "site"
    root.mkdir()
    _write(root, "opening")
    clock = iter(range(0, 10**9, 3600))  # an hour passes between any two looks at the clock
    monkeypatch.setattr(time, "monotonic", lambda: float(next(clock)))
    store = SiteFacts(Store(tmp_path / "cache"))
    assert page_facts.read(str(root), _pages(root), store).vocabulary.posts == _truth(root)
    _write(root, "closing")  # every page changed: each is read again, and all are counted
    again = page_facts.read(str(root), _pages(root), store).vocabulary
    assert again.posts == _truth(root) and again.posts["kubernetes"] == 4 and "opening" not in again.posts


def test_words_saved_by_another_run_since_the_summary_start_the_counts_again(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    _write(root, "opening")
    store = SiteFacts(Store(tmp_path / "cache"))
    page_facts.read(str(root), _pages(root), store)
    summary = store.summary(str(root))
    assert summary is not None
    _write(root, "closing")
    page_facts.read(str(root), _pages(root), store)  # another run saves: the generation moves on
    assert store.words(str(root), [str(root / "day-1.md")], summary.generation) is None
    assert page_facts.read(str(root), _pages(root), store).vocabulary.posts == _truth(root)


def test_front_matter_facts_are_kept_and_read_back_from_the_store(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (root / "recap.md").write_text("---\nTitle: KubeCon recap\ndate: 2024-03-20T09:00:00+01:00\ndraft: true\n"
                                   "slug: kubecon-recap\naliases: [/old/recap/]\ntags: [Observability, eBPF]\n"
                                   "categories: Events\nweights: [1, 2]\n---\n\nText.\n", encoding="utf-8")
    (root / "plain.md").write_text("No front matter at all.\n", encoding="utf-8")
    store = SiteFacts(Store(tmp_path / "cache"))
    for _ in range(2):  # read from the pages, then from the store
        facts = page_facts.read(str(root), _pages(root), store).pages
        recap = facts[str(root / "recap.md")]
        assert recap.get("title") == "KubeCon recap" and recap.get("draft") == "true"
        assert recap.get("date") == "2024-03-20T09:00:00+01:00" and recap.get("expirydate") is None
        assert recap.aliases == ("/old/recap/",) and recap.keys == ("kubecon-recap", "kubecon-recap", "recap")
        assert dict(recap.terms) == {"aliases": ("/old/recap/",), "tags": ("Observability", "eBPF")}  # lists of strings
        assert dict(recap.labels) == {"categories": "Events"}  # a taxonomy given as one string
        assert facts[str(root / "plain.md")] == page_facts.PageFacts()


def test_stored_name_casings_change_when_a_page_is_edited_added_or_removed(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "site"
    root.mkdir()
    read: list[str] = []
    real = page_facts._read
    monkeypatch.setattr(page_facts, "_read", lambda path, size, mtime: read.append(path) or real(path, size, mtime))

    def write(n: int, name: str) -> None:
        page = root / f"day-{n}.md"
        page.write_text(f"---\ntitle: Day {n}\n---\n\nWe traced the rollout with {name} on day {n}.\n", encoding="utf-8")
        os.utime(page, ns=(n * 10**9, (n + len(name)) * 10**9))  # a time of its own for each version

    def casings() -> dict[str, Casing]:
        found = page_facts.read(str(root), _pages(root), store).casings
        summary = store.summary(str(root))
        assert summary is not None and summary.casings == found  # stored as read
        assert found == page_facts.read(str(root), _pages(root), None).casings  # as the pages say now
        return found

    for n in range(1, 8):
        write(n, "TraceLens")
    store = SiteFacts(Store(tmp_path / "cache"))
    assert casings() == casings() == {"tracelens": Casing("TraceLens", 7, 0)}  # read, then from the store
    read.clear()
    write(1, "Tracelens!")  # edited: 6 pages of 7 are 85% and more
    assert casings() == {"tracelens": Casing("TraceLens", 6, 1)}
    assert read[:2] == [str(root / "day-1.md"), str(root / "day-1.md")]  # the counts were updated, not made again
    write(8, "Tracelens")  # added: 6 of 8 are not
    assert casings() == {}
    (root / "day-8.md").unlink()  # removed
    (root / "day-1.md").unlink()
    assert casings() == {"tracelens": Casing("TraceLens", 6, 0)}


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_page_of_a_site_inside_another_is_read_once_a_run(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                             cache: list[str]) -> None:
    site.write("content/blog/a.md", "---\ntitle: Notes\ndate: 2024-01-02\n---\n\nWe tried kubesacpe.\n")
    site.write("docs/hugo.toml", 'title = "Docs"\n')
    for n in range(1, 4):  # pages of both sites: the outer site's folders hold the inner site's
        site.write(f"docs/content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n}\n---\n\nThe kubescape operator.\n")
    read: list[str] = []
    real = page_facts._read
    monkeypatch.setattr(page_facts, "_read", lambda path, size, mtime: read.append(path) or real(path, size, mtime))
    monkeypatch.chdir(site.root)
    out = io.StringIO()
    assert run(["--jobs", "1", "--select", "SPL002", "--output-format", "json", *cache, "."], out, io.StringIO()) == 1
    assert sorted(read) == sorted({*read}) and len(read) == 4
    # Both sites count the inner site's pages: the outer one's post is judged with their words.
    assert [d["message"] for d in json.loads(out.getvalue())] == ["'kubesacpe' may be a typo of 'kubescape'"]


def test_a_pages_words_are_its_runs_of_two_or_more_ascii_letters_in_lower_case() -> None:
    from tripreport_lint.site.vocabulary import words_of  # noqa: PLC0415

    text = "The KubeCon café: eBPF x2, naïve \u212aelvin, \u0130stanbul; see https://Docs.Example-Site.io/a_b"
    words, hosts = words_of(text)
    assert words == {"the", "kubecon", "caf", "ebpf", "na", "ve", "kelvin", "stanbul", "see", "https", "docs",
                     "example", "site", "io"}
    assert hosts == {"docs", "example", "site"}


@given(st.text())
def test_a_pages_words_are_what_the_regular_expression_finds(text: str) -> None:
    from tripreport_lint.site.vocabulary import words_of  # noqa: PLC0415

    assert words_of(text)[0] == set(re.findall(r"[A-Za-z]{2,}", text.lower()))


def test_stored_taxonomy_counts_change_when_a_page_is_edited_added_or_removed(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from tripreport_lint.rules.front_matter import site_terms as module  # noqa: PLC0415
    from tripreport_lint.site.index import SiteIndex  # noqa: PLC0415

    root = tmp_path / "site"
    (root / "blog").mkdir(parents=True)
    counted: list[int] = []  # the sign of each counting of pages: 1 in, -1 out
    real = module._count
    monkeypatch.setattr(module, "_count", lambda *args: counted.append(args[3]) or real(*args))

    def write(name: str, n: int, tags: str) -> None:
        page = root / "blog" / name
        page.write_text(f"---\ntitle: Post {name}\ntags: [{tags}]\n---\n\nText.\n", encoding="utf-8")
        os.utime(page, ns=(n * 10**9, n * 10**9))

    def terms() -> object:
        counted.clear()
        kept = module.site_terms(SiteIndex(root, SiteFacts(Store(tmp_path / "cache"))), ("post", "blog"))
        made = module.site_terms(SiteIndex(root), ("post", "blog"))  # every page counted, nothing stored
        plain = [(t.pages, t.tagged, {name: (u.pages, dict(u.spellings)) for name, u in t.taxonomies.items()},
                  dict(t.keys), t.counted) for t in (kept, made)]
        assert plain[0] == plain[1]  # as dicts: a Counter's zero counts would compare equal
        return plain[0]

    write("a.md", 1, "kubernetes, ebpf")
    write("b.md", 2, "Kubernetes")
    write("c.md", 3, "ebpf")
    first = terms()
    assert counted == [1, 1]  # made, then made again without the store
    assert terms() == first and counted == [1]  # read back
    write("b.md", 4, "kubernetes, cilium")  # edited
    assert terms() != first and counted == [-1, 1, 1]  # b counted out as it was and in as it is
    write("d.md", 5, "cilium")  # added
    (root / "blog" / "c.md").unlink()  # removed
    found = terms()
    assert counted == [-1, 1, 1] and found == (
        3, 3, {"tags": (3, {"kubernetes": 2, "ebpf": 1, "cilium": 2})}, {"tags": 3},
        {str(root / "blog" / name) for name in ("a.md", "b.md", "d.md")})
    (root / "hugo.toml").write_text('title = "Notes"\n', encoding="utf-8")  # another configuration
    terms()
    assert counted == [1, 1]  # made again
    for damage in ("'not json'", "'[[\"post\", \"blog\", 1]]'", "'[[\"post\", \"blog\", 1, 1, {\"tags\": [1, {\"a\": \"1\"}]}, {}, []]]'"):
        terms()  # kept
        with sqlite3.connect(next((tmp_path / "cache").glob("*/store.sqlite3"))) as connection:
            connection.execute(f"UPDATE site_derived SET value = {damage}")
        terms()
        assert counted == [1, 1]  # made again, never trusted blindly
