"""Parallel runs give the serial answer; the cache answers repeated runs and knows when it cannot."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from contextlib import closing
from pathlib import Path

import pytest

from conftest import Site, run_cli
from tripreport_lint import __version__
from tripreport_lint.cli import run
from tripreport_lint.site import page_facts
from tripreport_lint.store import database, site_facts
from tripreport_lint.store.results import Results
from tripreport_lint.store.site_facts import SiteFacts

TOPICS = ["kubernetes", "observability", "service-mesh", "gitops", "ebpf", "tracing", "autoscaling", "storage"]


def _blog(site: Site, posts: int = 40) -> None:
    """A blog with defects spread over many posts, so that every worker gets some (a misspelling in
    two posts only: one that more posts use is the site's own word, as a name would be)."""
    for n in range(posts):
        topic = TOPICS[n % len(TOPICS)]
        verb = "demostrating" if n < 2 else "demonstrating"
        draft = '"false"' if n % 3 == 0 else "false"
        site.write(f"content/blog/{n:02d}-{topic}.md",
                   f"---\ntitle: Day {n} at the {topic} summit\ndate: 2024-03-{n % 28 + 1:02d}\ndraft: {draft}\n"
                   f"tags: [{topic}, conference]\ncategories: [{topic}, conference]\n---\n\n"
                   f"## What we saw\n\nThe {topic} track was full; we are {verb} it at http://8.8.8.8:{8000 + n}/\n"
                   + ("\n## What we saw\n\nMore notes.  \n" if n % 4 == 0 else "") + ("" if n % 5 else "TODO: photos\n"))


def _json(*args: str, cwd: Path) -> list[dict[str, object]]:
    result = run_cli("--output-format", "json", *args, ".", cwd=cwd)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_parallel_run_reports_what_a_serial_run_does_in_the_same_order(site: Site) -> None:
    _blog(site)
    serial = _json("--jobs", "1", "--no-cache", cwd=site.root)
    parallel = _json("--jobs", "2", "--no-cache", cwd=site.root)
    assert parallel == serial
    assert {d["code"] for d in serial} >= {"FM010", "SPL001", "HDG002", "CMT002", "LNK009"}
    assert len({d["path"] for d in serial}) == 40


def test_parallel_fix_changes_every_file_as_a_serial_fix_does(site: Site) -> None:
    _blog(site)
    before = {p: p.read_bytes() for p in site.root.rglob("*.md")}
    result = run_cli("--fix", "--jobs", "2", "--no-cache", ".", cwd=site.root)
    assert result.returncode == 1 and result.stderr == ""
    parallel = {p: p.read_bytes() for p in before}
    for path, data in before.items():
        path.write_bytes(data)
    run_cli("--fix", "--jobs", "1", "--no-cache", ".", cwd=site.root)
    assert {p: p.read_bytes() for p in before} == parallel != before


def test_jobs_must_be_a_positive_number(site: Site) -> None:
    result = run_cli("--jobs", "0", ".", cwd=site.root)
    assert result.returncode == 2 and "--jobs" in result.stderr


def _database(cache: Path) -> Path:
    databases = list(cache.glob("*/store.sqlite3"))
    assert len(databases) == 1
    return databases[0]


def _entries(cache: Path) -> dict[str, str]:
    """The stored results (key: JSON), not the stored facts of sites."""
    with closing(sqlite3.connect(_database(cache))) as connection:
        return dict(connection.execute("SELECT key, entry FROM results"))


def _replace_entry(cache: Path, key: str, entry: str | bytes) -> None:
    with closing(sqlite3.connect(_database(cache))) as connection, connection:
        connection.execute("UPDATE results SET entry = ? WHERE key = ?", (entry, key))


def test_warm_run_reads_the_cache_and_gives_the_same_answer(site: Site) -> None:
    _blog(site, posts=12)
    cold = _json(cwd=site.root)
    cache = site.root / ".tripreport-lint-cache"
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(_entries(cache)) == 12
    assert _json(cwd=site.root) == cold
    # Proof that the second run answered from the cache: an entry edited on disk is what it reports.
    key, entry = next((k, e) for k, e in _entries(cache).items() if "FM010" in e)
    data = json.loads(entry)
    data[0]["message"] = "from the cache"
    _replace_entry(cache, key, json.dumps(data))
    assert "from the cache" in [d["message"] for d in _json(cwd=site.root)]


def test_a_damaged_entry_is_ignored_and_rebuilt(site: Site) -> None:
    _blog(site, posts=4)
    cold = _json(cwd=site.root)
    cache = site.root / ".tripreport-lint-cache"
    stored = _entries(cache)
    assert len(stored) == 4 and all(json.loads(entry) for entry in stored.values())  # every post has findings
    for (key, entry), garbage in zip(stored.items(), ["[", '[{"code": 1}]', b"\0\xff", None], strict=True):
        _replace_entry(cache, key, entry[:60] if garbage is None else garbage)  # None: cut short
    assert _json(cwd=site.root) == cold
    assert _entries(cache) == stored  # each damaged entry written again as it was


def test_a_cache_file_that_is_not_a_database_is_made_again(site: Site) -> None:
    _blog(site, posts=4)
    cold = _json(cwd=site.root)
    database = _database(site.root / ".tripreport-lint-cache")
    database.write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)  # the header, then garbage
    assert _json(cwd=site.root) == cold
    assert len(_entries(site.root / ".tripreport-lint-cache")) == 4


def test_a_change_to_another_file_of_the_site_renews_the_answer(site: Site) -> None:
    site.write("content/blog/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n\nSee [the agenda](../b/#agenda).\n")
    site.write("content/blog/b.md", "---\ntitle: B\ndate: 2024-01-01\n---\n\n## Agenda\n\nTalks.\n")
    assert run_cli(".", cwd=site.root).returncode == 0
    site.write("content/blog/b.md", "---\ntitle: B\ndate: 2024-01-01\n---\n\n## Schedule\n\nTalks.\n")
    assert [d["code"] for d in _json(cwd=site.root)] == ["LNK005"]


def test_a_change_of_configuration_renews_the_answer(site: Site) -> None:
    _blog(site, posts=3)
    assert "FM010" in {d["code"] for d in _json(cwd=site.root)}
    (site.root / ".tripreport-lint.toml").write_text('ignore = ["FM010"]\n', encoding="utf-8")
    assert "FM010" not in {d["code"] for d in _json(cwd=site.root)}


def _jsonschema_loaded(cwd: Path) -> tuple[int, bool]:
    """Lint the folder in a fresh interpreter: the exit code, and whether jsonschema was imported."""
    probe = "import sys; from tripreport_lint import cli; code = cli.run(['.']); print(code, 'jsonschema' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, check=True)
    code, loaded = done.stdout.split()[-2:]
    return int(code), loaded == "True"


def test_front_matter_the_schema_accepted_is_not_validated_again(site: Site) -> None:
    post = site.write("content/blog/a.md", "---\ntitle: Day one\ndate: 2024-01-01\n---\n\nThe keynote.\n")
    assert _jsonschema_loaded(site.root) == (0, True)
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection:
        kept = [key for (key,) in connection.execute("SELECT key FROM clean_results")]
    assert len(kept) == 1 and re.fullmatch(r"FM010:[0-9a-f]{64}", kept[0])  # the rule's code and its key
    post.write_text(post.read_text() + "\nThe hallway track.\n", encoding="utf-8")  # the body changed, not the front matter
    assert _jsonschema_loaded(site.root) == (0, False)
    # A schema that wants more is a new key: the same front matter is validated again and fails.
    site.write("strict.json", json.dumps({"type": "object", "required": ["title", "author"]}))
    site.write(".tripreport-lint.toml", 'schema = "strict.json"\n')
    assert [(d["code"], d["message"]) for d in _json(cwd=site.root)] == [
        ("FM010", "required key 'author' is missing: add it")]
    post.write_text(post.read_text() + "\nThe closing panel.\n", encoding="utf-8")
    assert [d["code"] for d in _json(cwd=site.root)] == ["FM010"]  # a rejection is never kept as accepted


def test_findings_that_depend_on_the_clock_are_not_kept(site: Site) -> None:
    site.write("content/blog/future.md", "---\ntitle: Soon\ndate: 2999-01-01\n---\n\nComing.\n")
    site.write("content/blog/past.md", "---\ntitle: Then\ndate: 2020-01-01\n---\n\nDone.\n")
    assert [d["code"] for d in _json(cwd=site.root)] == ["FM021"]
    assert len(_entries(site.root / ".tripreport-lint-cache")) == 1


def test_fix_is_not_skipped_because_a_lint_run_cached_the_file(site: Site) -> None:
    post = site.write("content/blog/a.md", '---\ntitle: A\ndate: 2024-01-01\ndraft: "false"\n---\n\nText.\n')
    _json(cwd=site.root)
    assert run_cli("--fix", ".", cwd=site.root).returncode == 0
    assert "draft: false\n" in post.read_text()
    assert run_cli(".", cwd=site.root).returncode == 0


def test_no_cache_writes_nothing_and_cache_dir_moves_it(site: Site) -> None:
    _blog(site, posts=2)
    run_cli("--no-cache", ".", cwd=site.root)
    assert not (site.root / ".tripreport-lint-cache").exists()
    (site.root / ".tripreport-lint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    run_cli(".", cwd=site.root)
    assert len(_entries(site.root / "build/lint-cache")) == 2
    run_cli("--cache-dir", "elsewhere", ".", cwd=site.root)
    assert len(_entries(site.root / "elsewhere")) == 2


def test_progress_bar_only_on_a_terminal(site: Site) -> None:
    _blog(site, posts=120)
    assert run_cli("--no-cache", ".", cwd=site.root).stderr == ""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a width
    process = subprocess.run([sys.executable, "-m", "tripreport_lint", "--no-cache", "."], cwd=site.root,
                             stdout=subprocess.DEVNULL, stderr=follower, timeout=120, check=False)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.returncode == 1
    assert b"0/120" in shown and b"file/s" in shown


def _site_counts(site: Site) -> dict[str, int]:
    """How many of the stored site's pages use each word (as written whole, with what changed since)."""
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection:
        ((name,),) = connection.execute("SELECT site FROM site_counts").fetchall()
    summary = SiteFacts(database.Store(site.root / ".tripreport-lint-cache")).summary(name)
    assert summary is not None
    return dict(summary.posts)


def _recent(site: Site) -> dict[str, object]:
    """What the store keeps of the changes since the site's facts and counts were written whole."""
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection:
        ((recent,),) = connection.execute("SELECT recent FROM site_counts").fetchall()
    return json.loads(recent)  # type: ignore[no-any-return]


def _site_pages(site: Site) -> int:
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection:
        return int(connection.execute("SELECT count(*) FROM site_pages").fetchone()[0])


def test_site_words_are_kept_and_renewed_for_the_pages_that_change(site: Site) -> None:
    for n in range(3):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe kubescape operator.\n")
    typo = "---\ntitle: Notes\ndate: 2024-02-01\n---\n\nWe tried kubesacpe at the booth.\n"
    site.write("content/blog/typo.md", typo)
    first = [d["message"] for d in _json("--select", "SPL002", cwd=site.root)]
    assert first == ["'kubesacpe' may be a typo of 'kubescape'"]
    assert _site_counts(site)["kubescape"] == 3 and _site_pages(site) == 4
    # Two posts drop the word: the stored counts follow, and the typo is no longer judged one.
    for n in range(2):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe operator.\n")
    site.write("content/blog/typo.md", typo + "\nMore.\n")  # a new result, judged with the new counts
    assert run_cli("--select", "SPL002", ".", cwd=site.root).returncode == 0
    assert _site_counts(site)["kubescape"] == 1
    # Only what changed was written: the three pages, and the counts that moved.
    recent = _recent(site)
    assert sorted(recent["pages"]) == sorted(str(site.root / f"content/blog/{name}.md") for name in ("0", "1", "typo"))
    assert recent["posts"] == {"kubescape": -2, "more": 1}


def test_what_changed_is_written_whole_again_once_it_grows(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_facts, "RECENT_PAGES", 2)
    monkeypatch.chdir(site.root)

    def lint() -> str:  # in this process, where the limit is lowered
        out = io.StringIO()
        run(["--select", "SPL002", "--output-format", "json", "."], stdout=out, stderr=io.StringIO())
        return out.getvalue()

    for n in range(4):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe operator.\n")
    fresh = lint()
    for n, word in ((0, "kubescape"), (1, "kubescape"), (2, "falco")):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe {word} operator.\n")
        lint()
        assert len(_recent(site).get("pages", {})) == (n + 1 if n < 2 else 0)  # the third change: all written whole
    assert _site_counts(site)["kubescape"] == 2 and _site_counts(site)["falco"] == 1
    for n in range(3):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe operator.\n")
    assert lint() == fresh
    assert "kubescape" not in _site_counts(site) and _site_counts(site)["operator"] == 4


def test_a_damaged_site_store_is_ignored_and_rebuilt(site: Site) -> None:
    for n in range(3):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nThe kubescape operator.\n")
    site.write("content/blog/typo.md", "---\ntitle: Notes\ndate: 2024-02-01\n---\n\nWe tried kubesacpe.\n")
    expected = _json("--select", "SPL002", "--no-cache", cwd=site.root)
    _json("--select", "SPL002", cwd=site.root)
    database = _database(site.root / ".tripreport-lint-cache")
    damage = ["UPDATE site_counts SET posts = 'not json'", "UPDATE site_counts SET posts = '[1, 2]'",
              "UPDATE site_counts SET pages = '{\"a.md\": [1, 2, {\"x\": 1}]}'",
              "UPDATE site_counts SET pages = '{\"a.md\": [\"big\", 2, {}]}'", "UPDATE site_counts SET pages = '[]'",
              "UPDATE site_counts SET recent = 'not json'", "UPDATE site_counts SET recent = '{\"posts\": {\"a\": \"1\"}}'",
              "UPDATE site_counts SET recent = '{\"pages\": {\"a.md\": [1, 2]}}'",
              # Counts only a damaged store holds: fewer than no pages, a boolean; JSON nested too deep to read.
              "UPDATE site_counts SET recent = '{\"posts\": {\"kubescape\": -1000}}'",
              "UPDATE site_counts SET recent = '{\"posts\": {\"kubescape\": true}}'",
              "UPDATE site_counts SET posts = '{\"kubescape\": 0}'",
              f"UPDATE site_counts SET recent = '{'[' * 5000}{']' * 5000}'",
              f"UPDATE site_counts SET posts = '{'[' * 5000}{']' * 5000}'"]
    for statement in damage:
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute(statement)
            connection.execute("DELETE FROM results")
        assert _json("--select", "SPL002", cwd=site.root) == expected
        assert _site_counts(site)["kubescape"] == 3
    # The words of each page are read only when pages change; damaged then, the counts start again.
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE site_pages SET words = x'ff' WHERE path LIKE '%2.md'")
    site.write("content/blog/2.md", "---\ntitle: Day 2\ndate: 2024-01-03\n---\n\nThe kubescape operator, again.\n")
    assert _json("--select", "SPL002", cwd=site.root) == expected
    assert _site_counts(site)["kubescape"] == 3


def test_parallel_run_with_the_cache_reads_the_site_once_and_agrees_with_a_serial_run(site: Site) -> None:
    _blog(site)
    serial = _json("--jobs", "1", "--no-cache", cwd=site.root)
    assert _json("--jobs", "2", cwd=site.root) == serial  # cold: the pool reads the site's pages first
    assert _site_pages(site) == 40 and _site_counts(site)["conference"] == 40
    assert _json("--jobs", "2", cwd=site.root) == serial  # warm


def test_the_oldest_rows_go_when_the_database_holds_too_many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(database.LIMITS, "results", 3)
    store = database.Store(tmp_path / "cache")
    store.prepare()
    assert Results(store).empty()  # a first run looks nothing up
    with closing(sqlite3.connect(store.path)) as connection, connection:
        connection.executemany("INSERT INTO results (key, entry) VALUES (?, '[]')", [(f"k{n}",) for n in range(5)])
    assert not Results(store).empty()
    store.prepare()  # what the next run does first
    assert sorted(_entries(tmp_path / "cache")) == ["k2", "k3", "k4"]


def test_results_of_a_batch_are_written_together_at_its_end(tmp_path: Path) -> None:
    store = database.Store(tmp_path / "cache")
    store.prepare()
    with store.batch():  # as a worker keeps its chunk of results: one commit, not one a file
        Results(store).put("k1", [])
        Results(store).put("k2", [])
        assert _entries(tmp_path / "cache") == {}
    assert sorted(_entries(tmp_path / "cache")) == ["k1", "k2"]
    with pytest.raises(RuntimeError), store.batch():  # a run that fails keeps nothing of the batch
        Results(store).put("k3", [])
        raise RuntimeError
    assert sorted(_entries(tmp_path / "cache")) == ["k1", "k2"]


def test_a_database_of_another_schema_version_starts_empty(tmp_path: Path) -> None:
    path = database.Store(tmp_path / "cache").path
    path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE results (key TEXT, entry TEXT, extra TEXT)")
        connection.execute("INSERT INTO results VALUES ('k', '[]', 'x')")
        connection.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    store = database.Store(tmp_path / "cache")
    assert store.connection() is not None
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == database.SCHEMA_VERSION
        assert connection.execute("SELECT count(*) FROM results").fetchone()[0] == 0
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(database.TABLES)


def test_files_of_the_earlier_cache_layout_are_removed(site: Site) -> None:
    _blog(site, posts=2)
    version = site.root / ".tripreport-lint-cache" / __version__
    (version / "sites").mkdir(parents=True)
    (version / "sites" / "0123.json").write_text("{}")
    (version / "accepted-front-matter.txt").write_text("0" * 64 + "\n")
    _json(cwd=site.root)
    assert sorted(p.name for p in version.iterdir() if not p.name.startswith("store.sqlite3")) == [
        "user-cache-folder.txt"]  # what this layout keeps beside the database


def test_a_fix_run_remembers_the_front_matter_the_schema_accepted(site: Site) -> None:
    site.write("content/blog/a.md", "---\ntitle: Day one\ndate: 2024-01-01\n---\n\nThe keynote.   \n")
    assert run_cli("--fix", ".", cwd=site.root).returncode == 0  # the pre-commit fix hook: a file rewritten
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection:
        kept = [key for (key,) in connection.execute("SELECT key FROM clean_results")]
    assert len(kept) == 1 and kept[0].startswith("FM010:")


def test_a_repeated_diff_and_the_fix_after_it_read_what_the_first_diff_made(site: Site) -> None:
    post = site.write("content/blog/a.md", '---\ntitle: A\ndate: 2024-01-01\ndraft: "false"\n---\n\nText.\n')
    first = run_cli("--diff", ".", cwd=site.root)
    assert first.returncode == 1 and '+draft: false' in first.stdout
    assert run_cli("--diff", ".", cwd=site.root).stdout == first.stdout
    # Proof that the fix is not made again: fixed bytes edited in the store are what --fix writes.
    with closing(sqlite3.connect(_database(site.root / ".tripreport-lint-cache"))) as connection, connection:
        (fixed,) = connection.execute("SELECT fixed FROM fix_results").fetchone()
        connection.execute("UPDATE fix_results SET fixed = ?", (fixed.replace(b"Text.", b"Stored."),))
    assert run_cli("--fix", ".", cwd=site.root).returncode == 0
    assert post.read_text() == "---\ntitle: A\ndate: 2024-01-01\ndraft: false\n---\n\nStored.\n"


def test_the_store_remembers_the_user_cache_folder_so_runs_need_not_ask_platformdirs(site: Site,
                                                                                    tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    probe = ("import sys\nfrom tripreport_lint.cli.command import run\ncode = run(['--select', 'SPL', '.'])\n"
             "print('platformdirs' in sys.modules, code)")

    def edit_and_run(n: int) -> str:
        """Whether a run on a post just edited (no stored result) asked platformdirs, and its exit code."""
        site.write("content/blog/post.md", f"---\ntitle: Notes\ndate: 2024-02-01\n---\n\nWe recieved {n} slides.\n")
        done = subprocess.run([sys.executable, "-c", probe], cwd=site.root, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
        return done.stdout.splitlines()[-1]

    assert edit_and_run(1) == "True 1"  # the first run asks, and builds the tables there
    note = site.root / ".tripreport-lint-cache" / __version__ / "user-cache-folder.txt"
    assert note.read_text("utf-8") == str(tmp_path / "user-cache" / "tripreport-lint")
    assert edit_and_run(2) == "False 1"  # the tables are found where the first run made them
    # Gone (a cleared cache): platformdirs is asked again, and the tables made again.
    shutil.rmtree(tmp_path / "user-cache")
    assert edit_and_run(3) == "True 1"
    assert list((tmp_path / "user-cache").rglob("codespell-*.sqlite3"))
    # A store names another folder (a checkout may carry its cache folder): without this installation's tables
    # it is neither written to nor pruned, and the tables are found where platformdirs says.
    elsewhere = tmp_path / "elsewhere" / "tripreport-lint"
    old = elsewhere / "0.0.1-py3.9"
    old.mkdir(parents=True)
    month_ago = time.time() - 40 * 86_400
    os.utime(old, (month_ago, month_ago))
    note.write_text(str(elsewhere), "utf-8")
    assert edit_and_run(4) == "True 1"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["0.0.1-py3.9"] and not any(old.iterdir())


def test_an_edit_that_writes_no_new_name_form_keeps_the_site_casings(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    casings = page_facts.site_casings
    monkeypatch.setattr(page_facts, "site_casings", lambda forms: made.append(1) or casings(forms))
    monkeypatch.chdir(site.root)
    for n in range(6):
        site.write(f"content/blog/{n}.md", f"---\ntitle: Day {n}\ndate: 2024-01-0{n + 1}\n---\n\nWe push to GitHub.\n")
    run(["--select", "SPL004", "."], stdout=io.StringIO(), stderr=io.StringIO())
    assert made == [1]
    site.write("content/blog/0.md", "---\ntitle: Day 0\ndate: 2024-01-01\n---\n\nWe push to GitHub daily.\n")
    run(["--select", "SPL004", "."], stdout=io.StringIO(), stderr=io.StringIO())
    assert made == [1]  # the same forms: the casings as they were
    site.write("content/blog/0.md", "---\ntitle: Day 0\ndate: 2024-01-01\n---\n\nWe push to Github daily.\n")
    out = io.StringIO()
    run(["--select", "SPL004", "--output-format", "json", "."], stdout=out, stderr=io.StringIO())
    assert made == [1, 1]
    assert [d["message"] for d in json.loads(out.getvalue())] == ["'Github' is written 'GitHub' (as its makers write it)"]
