"""A site's file listing kept in the store is used again only while it is still true: every file added,
removed or renamed anywhere in the site, every page or configuration edited, shows in the next run."""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Site
from tripreport_lint.cli import run
from tripreport_lint.site import listing
from tripreport_lint.site.discovery import Discovery
from tripreport_lint.site.listing import site_files
from tripreport_lint.store.database import Store
from tripreport_lint.store.site_facts import SiteFacts

POST = "---\ntitle: {title}\ndate: 2024-01-01\n---\n\nNotes from the {title} track.\n"


@pytest.fixture(autouse=True)
def _trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    # Folders made a moment ago are kept too (outside tests, only those unchanged for a few seconds).
    monkeypatch.setattr(listing, "RACY_NS", -10**18)


def _later() -> None:
    """Let the file system's clock tick, as it does between a run and the next edit."""
    time.sleep(0.05)


def _blog(site: Site) -> None:
    site.write("content/blog/kubecon/index.md", POST.format(title="KubeCon"))
    site.write("content/blog/kubecon/stage.png", "not really a picture")
    site.write("content/blog/srecon.md", POST.format(title="SREcon"))
    site.write("content/about.md", POST.format(title="About"))
    site.write("docs/hugo.toml", 'title = "Docs"\n')
    site.write("docs/content/guide.md", POST.format(title="Guide"))
    site.write("docs/public/guide/index.html", "<p>built</p>\n")


def _walk(root: Path, store: SiteFacts | None) -> list[tuple[str, int, int]]:
    return site_files(str(root), os.path.realpath(root), Discovery([root], root), store)


def _store(site: Site) -> SiteFacts:
    return SiteFacts(Store(site.root / ".tripreport-lint-cache"))


def test_a_kept_listing_is_used_while_nothing_moved(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    _blog(site)
    store = _store(site)
    first = _walk(site.root, store)
    assert str(site.root / "docs/content/guide.md") in {path for path, _, _ in first}
    assert str(site.root / "docs/public/guide/index.html") not in {path for path, _, _ in first}

    def unlisted(*_: object) -> None:
        raise AssertionError("a folder was listed again")

    monkeypatch.setattr(Discovery, "listing", unlisted)
    assert _walk(site.root, store) == first


def _add_page(site: Site) -> None:
    site.write("content/blog/gophercon/index.md", POST.format(title="GopherCon"))


def _remove_page(site: Site) -> None:
    (site.root / "content/blog/srecon.md").unlink()


def _rename_picture(site: Site) -> None:
    (site.root / "content/blog/kubecon/stage.png").rename(site.root / "content/blog/kubecon/hall.png")


def _edit_page(site: Site) -> None:
    site.write("content/about.md", POST.format(title="About us, at length"))


def _publish_elsewhere(site: Site) -> None:
    site.write("docs/hugo.toml", 'title = "Docs"\npublishDir = "content"\n')  # its pages become output


def _new_site_inside(site: Site) -> None:
    site.write("content/blog/kubecon/_config.yml", "title: Slides\n")  # its _site/ is output from now on
    site.write("content/blog/kubecon/_site/index.html", "<p>built</p>\n")


def _link_to_a_page(site: Site) -> None:
    os.symlink(site.root / "docs/content/guide.md", site.root / "content/guide.md")


def _folder_behind_a_link_goes(site: Site) -> None:
    target = site.root.with_name(site.root.name + "-assets")  # outside the site: no stamp of it moves
    target.mkdir()
    os.symlink(target, site.root / "content/assets")  # a link to a folder: not followed, not listed
    _walk(site.root, _store(site))
    _later()
    target.rmdir()
    target.write_text("now a file\n", encoding="utf-8")  # the link now leads to a file, which is listed


def _broken_link_mended(site: Site) -> None:
    target = site.root.with_name(site.root.name + "-notes.md")  # outside the site: no stamp of it moves
    os.symlink(target, site.root / "content/notes.md")  # leads nowhere: not listed
    _walk(site.root, _store(site))
    _later()
    target.write_text(POST.format(title="Notes"), encoding="utf-8")  # now a page of the site


@pytest.mark.parametrize("change", [_add_page, _remove_page, _rename_picture, _edit_page, _publish_elsewhere,
                                    _new_site_inside, _link_to_a_page, _folder_behind_a_link_goes,
                                    _broken_link_mended])
def test_every_change_to_the_site_shows_in_the_next_listing(site: Site, change: Callable[[Site], None]) -> None:
    _blog(site)
    store = _store(site)
    before = _walk(site.root, store)
    _later()
    change(site)
    expected = _walk(site.root, None)
    assert expected != before
    assert _walk(site.root, store) == expected
    assert _walk(site.root, store) == expected  # and kept again, as it is now


def test_a_folder_changed_just_before_it_was_listed_is_not_kept(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing, "RACY_NS", 3_000_000_000)
    _blog(site)
    store = _store(site)
    _walk(site.root, store)
    assert store.listing(str(site.root)) is None  # its stamp might not move if it changed again this tick


def test_a_damaged_listing_is_ignored(site: Site) -> None:
    _blog(site)
    store = _store(site)
    expected = _walk(site.root, store)
    kept = store.listing(str(site.root))
    assert kept is not None
    for damage in ({"format": 1}, {**kept, "files": [[1, 2, 3]]}, {**kept, "folders": []}):
        store.save_listing(str(site.root), damage)
        assert _walk(site.root, store) == expected


def test_a_one_file_run_sees_a_page_added_since_the_listing_was_kept(site: Site,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    post = site.write("content/blog/recap.md", POST.format(title="Recap") + "\nSee [GopherCon](gophercon.md).\n")
    _blog(site)

    def codes() -> list[str]:
        out = io.StringIO()
        run(["--output-format", "json", "--select", "LNK004", str(post)], stdout=out, stderr=io.StringIO())
        return [d["code"] for d in json.loads(out.getvalue())]

    monkeypatch.chdir(site.root)
    assert codes() == ["LNK004"]
    _later()
    site.write("content/blog/gophercon.md", POST.format(title="GopherCon"))
    assert codes() == []


def test_a_kept_listing_tells_git_which_folders_are_work_trees(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    _blog(site)
    (site.root / ".git").mkdir()
    (site.root / "docs/.git").write_text("gitdir: ../.git/modules/docs\n", encoding="utf-8")  # a submodule
    store = _store(site)
    _walk(site.root, store)
    discovery = Discovery([site.root], site.root)
    asked: list[str] = []
    looked_up = os.path.lexists
    monkeypatch.setattr(os.path, "lexists", lambda path: asked.append(path) or looked_up(path))
    site_files(str(site.root), os.path.realpath(site.root), discovery, store)
    real = os.path.realpath(site.root)
    assert discovery.git.top(os.path.join(real, "content", "blog", "kubecon")) == real
    assert discovery.git.top(os.path.join(real, "docs", "content")) == os.path.join(real, "docs")
    assert not [path for path in asked if path.startswith(os.path.join(real, ""))]  # none asked inside the site
