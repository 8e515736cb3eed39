"""Which files a run lints and which a site's links may reach: what git does not ignore (every rule of git's,
in real repositories), less generator output and vendored files, git or not; and where a site starts when
nothing says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from tripreport_lint.cli.session import discover
from tripreport_lint.config.lookup import ConfigLookup
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.index import SiteIndex

POST = "---\ntitle: Harbour walk\ndate: 2024-05-02\n---\n\nWe walked along the harbour.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def git(cwd: Path, *args: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "GIT_DIR"}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   env=env, check=True, capture_output=True)


def linted(root: Path, *paths: str) -> set[str]:
    """The files a run over ``paths`` (relative to ``root``) lints, relative to ``root``."""
    named = tuple(root / path for path in paths)
    files, errors = discover(named, ConfigLookup(cwd=root), Discovery(named, root))
    assert errors == []
    return {path.relative_to(root).as_posix() for path in files}


def findings(root: Path, *args: str) -> list[tuple[str, str]]:
    """(path, code) of the findings of a run in ``root``, which must be the working directory."""
    out = run_cli("--no-cache", "--output-format", "json", *args, cwd=root).stdout
    return [(row["path"], row["code"]) for row in json.loads(out)]


@pytest.fixture
def clean_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of our own, so the user's git configuration stays out; its global excludes file ignores
    ``*.private.md``."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "excludes").write_text("*.private.md\n", encoding="utf-8")
    (home / ".gitconfig").write_text(f"[core]\n\texcludesFile = {home / 'excludes'}\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))  # as in a git hook: must not lead us astray
    return home


@pytest.fixture
def hugo_repo(tmp_path: Path, clean_git: Path) -> Path:
    """A Hugo site at the top of a git work tree, with a file of each kind git and the table decide on."""
    repo = tmp_path / "blog"
    write(repo, {
        "hugo.toml": 'title = "Harbour notes"\n',
        ".gitignore": "content/drafts/\ncontent/scraps/\nstatic/generated/\n",
        "content/blog/post.md": POST,
        "content/blog/gone.md": POST,
        "content/blog/.gitignore": "scratch.md\n",  # a nested .gitignore
        "content/blog/scratch.md": POST,
        "content/blog/notes.private.md": POST,  # the global excludes file
        "content/blog/local.md": POST,  # .git/info/exclude
        "content/drafts/wip.md": POST,
        "content/drafts/kept.md": POST,  # in an ignored folder, but tracked: git ignores no tracked file
        "content/scraps/idea.md": POST,
        "node_modules/left-pad/README.md": "# left-pad\n",
        "public/blog/post/index.md": POST,  # Hugo's output, committed: still no source
        "resources/_gen/notes.md": POST,
        "static/generated/chart.png": "",
    })
    git(repo, "init", "-q")
    (repo / ".git" / "info" / "exclude").write_text("local.md\n", encoding="utf-8")
    git(repo, "add", "hugo.toml", ".gitignore", "content/blog/post.md", "content/blog/gone.md", "public",
        "node_modules")
    git(repo, "add", "-f", "content/drafts/kept.md")
    git(repo, "commit", "-qm", "posts")
    (repo / "content/blog/gone.md").unlink()  # deleted, still in the index
    write(repo, {"content/blog/new.md": POST})  # untracked, not ignored
    return repo


@needs_git
def test_a_run_lints_what_git_does_not_ignore(hugo_repo: Path) -> None:
    assert linted(hugo_repo, ".") == {"content/blog/post.md", "content/blog/new.md", "content/drafts/kept.md"}
    assert linted(hugo_repo, "content/blog") == {"content/blog/post.md", "content/blog/new.md"}


@needs_git
def test_a_path_named_is_linted_even_when_git_ignores_it(hugo_repo: Path) -> None:
    # As ruff: pre-commit names the files it passes. A folder named that git ignores as a whole is walked
    # without git's rules; one git lists files of keeps them.
    assert linted(hugo_repo, "content/drafts/wip.md", "content/blog/scratch.md") == {
        "content/drafts/wip.md", "content/blog/scratch.md"}
    assert linted(hugo_repo, "content/scraps") == {"content/scraps/idea.md"}
    assert linted(hugo_repo, "content/drafts") == {"content/drafts/kept.md"}


@needs_git
def test_the_site_index_pages_follow_git_and_its_targets_the_disk(hugo_repo: Path) -> None:
    index = SiteIndex(hugo_repo)
    assert index.named("README.md") == []  # node_modules: neither a page nor a target
    assert index.named("index.md") == []  # public/: Hugo's output
    assert index.named("chart.png") == [hugo_repo / "static/generated/chart.png"]  # ignored, yet it exists
    assert index.page_by_slug("wip") is None and index.page_by_slug("kept") is not None


@needs_git
def test_links_to_ignored_files_resolve_and_stale_output_proves_nothing(hugo_repo: Path) -> None:
    write(hugo_repo, {"content/blog/post.md": POST + "\n![Chart](/generated/chart.png)\n"
                                                     "[Old post](/blog/old/cover.jpg)\n",
                      "public/blog/old/cover.jpg": ""})  # left in the output by an earlier build
    assert findings(hugo_repo, "--select", "LNK004", "content/blog/post.md") == [
        ("content/blog/post.md", "LNK004")]


@needs_git
def test_a_nested_repository_follows_its_own_rules(hugo_repo: Path) -> None:
    nested = hugo_repo / "content/talks"
    write(nested, {"talk.md": POST, "old.md": POST, ".gitignore": "old.md\n"})
    git(nested, "init", "-q")
    assert linted(hugo_repo, ".") >= {"content/talks/talk.md"}
    assert "content/talks/old.md" not in linted(hugo_repo, ".")
    (hugo_repo / ".gitignore").write_text("content/talks/\n", encoding="utf-8")  # ignored as a whole now
    assert not any(path.startswith("content/talks/") for path in linted(hugo_repo, "."))


def test_without_git_generator_output_and_vendor_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, {
        "jekyll/_config.yml": "title: Harbour notes\n",
        "jekyll/_posts/2024-05-02-walk.md": POST,
        "jekyll/_site/2024/05/02/walk.md": POST,
        "jekyll/vendor/bundle/ruby/3.1.0/gems/kramdown-2.4.0/README.md": "# kramdown\n",
        "jekyll/public/notes.md": POST,  # not Jekyll's output: a folder it copies
        "hugo/hugo.toml": 'publishDir = "docs"\n',
        "hugo/content/posts/walk.md": POST,
        "hugo/docs/posts/walk/index.md": POST,  # the configured publishDir, as GitHub Pages sites have it
        "hugo/public/notes.md": POST,
        "hugo/node_modules/left-pad/README.md": "# left-pad\n",
        "gatsby/gatsby-config.js": "module.exports = {}\n",
        "gatsby/content/walk.md": POST,
        "gatsby/public/walk.md": POST,
        "plain/public/notes.md": POST,  # a static folder (Next.js): read as any other
    })
    assert linted(tmp_path, ".") == {"jekyll/_posts/2024-05-02-walk.md", "jekyll/public/notes.md",
                                      "hugo/content/posts/walk.md", "hugo/public/notes.md",
                                      "gatsby/content/walk.md", "plain/public/notes.md"}
    assert linted(tmp_path, "hugo/content") == {"hugo/content/posts/walk.md"}


def test_a_file_outside_the_working_directory_does_not_take_it_as_site_root(tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    write(here, {"docs/guide.md": POST})
    write(there, {"blog/walk.md": POST + "\nSee [the guide](/docs/setup/).\n"})
    # Nothing says where ``there``'s site starts: not the working directory ``here``, whose docs/ proves nothing.
    assert findings(here, "--select", "LNK004", str(there)) == []
    assert findings(there, "--select", "LNK004", ".") == []
    discovery = Discovery((there,), here)
    assert discovery.site_root(there / "blog") == there
    assert discovery.site_root(here / "docs") == here
    assert discovery.site_root(tmp_path / "third") == tmp_path / "third"


@needs_git
def test_without_a_site_configuration_the_git_work_tree_is_the_site(hugo_repo: Path, tmp_path: Path) -> None:
    (hugo_repo / "hugo.toml").unlink()
    discovery = Discovery((hugo_repo / "content",), tmp_path)
    assert discovery.site_root(hugo_repo / "content/blog") == hugo_repo


@needs_git
def test_a_submodule_is_walked_by_its_own_listing(hugo_repo: Path, tmp_path: Path) -> None:
    upstream = tmp_path / "talks"
    write(upstream, {"talk.md": POST, ".gitignore": "notes.md\n"})
    git(upstream, "init", "-q")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "talks")
    git(hugo_repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(upstream), "content/talks")
    write(hugo_repo, {"content/talks/notes.md": POST})
    assert {"content/talks/talk.md"} <= linted(hugo_repo, ".")
    assert "content/talks/notes.md" not in linted(hugo_repo, ".")


@needs_git
def test_a_work_tree_s_own_config_runs_nothing(hugo_repo: Path, tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    git(hugo_repo, "config", "core.fsmonitor", f"touch {ran}; false")  # as a folder someone else packed could say
    assert "content/blog/post.md" in linted(hugo_repo, ".")
    assert not ran.exists()
