"""Shared helpers: write a small site to a temporary folder and lint posts in it."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tripreport_lint.diagnostics import Diagnostic
from tripreport_lint.engine.engine import Engine, FileResult, Selection
from tripreport_lint.remote.settings import UrlStatus

NOW = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.timezone.utc)
# Posts written for the tests (tests/data), and the real posts of ../shared/corpus, which only a
# checkout with the project's shared folder beside it has: tests that read them skip without it.
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@dataclass
class Site:
    """A Hugo site in a temporary folder."""

    root: Path

    def write(self, relative: str, text: str, *, dedent: bool = False) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8", newline="")
        return path

    def lint(self, relative: str, text: str | None = None, *, select: str | None = None,
             fix: bool = False, unsafe: bool = False, url_statuses: dict[str, UrlStatus] | None = None) -> FileResult:
        path = self.write(relative, text) if text is not None else self.root / relative
        selection = Selection(select=tuple(select.split(",")) if select else None)
        engine = Engine(selection=selection, now=NOW, url_statuses=url_statuses)
        return engine.check(path, fix=fix, unsafe_fixes=unsafe)

    def findings(self, text: str, select: str | None = None, relative: str = "content/blog/post.md",
                 url_statuses: dict[str, UrlStatus] | None = None) -> list[tuple[str, int, int]]:
        """(code, line, column) of every finding of a post (``url_statuses``: what the network answers)."""
        result = self.lint(relative, text, select=select, url_statuses=url_statuses)
        assert result.error is None, result.error
        return [(d.code, d.span.line, d.span.column) for d in result.diagnostics]

    def diagnostics(self, text: str, select: str | None = None, relative: str = "content/blog/post.md") -> list[Diagnostic]:
        result = self.lint(relative, text, select=select)
        assert result.error is None, result.error
        return result.diagnostics

    def fixed(self, text: str, select: str | None = None, relative: str = "content/blog/post.md",
              unsafe: bool = False) -> str:
        """The text ``--fix`` makes of a post."""
        result = self.lint(relative, text, select=select, fix=True, unsafe=unsafe)
        assert result.error is None, result.error
        data = result.new_bytes if result.changed else (self.root / relative).read_bytes()
        return (data or b"").decode("utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    (tmp_path / "hugo.toml").write_text('title = "Test blog"\n', encoding="utf-8")
    (tmp_path / "static").mkdir()
    return Site(tmp_path)


def writable_copy(source: Path, copy: Path) -> Path:
    """A copy of ``source`` at ``copy`` whose files we may change (the shared corpus is read-only)."""
    shutil.copytree(source, copy)
    for path in copy.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    return copy


def console_script(name: str) -> Path:
    """A console script installed with this interpreter (the package's, or a test extra's): beside
    ``sys.executable`` whether or not its folder is on PATH."""
    return Path(sys.executable).parent / name


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "tripreport_lint", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=120, check=False,
    )
