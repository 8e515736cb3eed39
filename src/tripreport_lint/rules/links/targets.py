"""LNK004-LNK006: local link targets, fragments and Jekyll/Hugo link tags that lead nowhere."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from tripreport_lint.site.anchors import STYLES, document_anchors
from tripreport_lint.rules.context import Context
from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"?([^\"\s>%]+)\"?\s*[%>]\}\}")
_JEKYLL_LINK = re.compile(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}")
_PAGE_SUFFIXES = (".md", ".markdown")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:io|com|org|net|dev|ai|cloud|app|co)(?:/|$)", re.I)


@dataclass(frozen=True)
class Target:
    raw: str
    path: str
    fragment: str | None
    start: int
    end: int


def _targets(doc: Document) -> Iterator[Target]:
    """Every local link target of the body: Markdown links and images, and HTML src/href."""
    found = [(link.target, link.start, link.end) for link in doc.body.links if link.target is not None]
    found += doc.body.html_targets
    for raw, start, end in sorted(found, key=lambda item: item[1]):
        raw = raw.strip()
        if not raw or _EXTERNAL.match(raw) or "{{" in raw or "{%" in raw:
            continue
        path, _, fragment = raw.partition("#")
        yield Target(raw, unquote(path.split("?")[0]), fragment if "#" in raw else None, start, end)


def _resolve(target: str, post: Path, ctx: Context, *, exact: bool = False) -> Path | None | bool:
    """The file a local target names; None when it names nothing; True when it cannot be judged here.

    With ``exact``, pages guessed by slug or title do not count (they prove a page exists, not which).
    """
    site = ctx.site
    if target == "/":
        return True  # the home page
    if target.startswith("/"):
        found = ctx.find_site_file(target, post) or site.page(target, exact=exact)
        if found is not None:
            return found
        return None if ctx.covers(target) else True
    bases = [post.parent, *site.translations(post.parent)]
    if post.stem not in ("index", "_index"):
        bases.append(post.parent / post.stem)  # Hugo renders post.md at .../post/, so links may be relative to that
    for base in bases:
        candidate = Path(os.path.normpath(base / target))  # lexical, like a browser resolving a URL
        for option in (candidate, *(candidate.with_name(candidate.name + s) for s in _PAGE_SUFFIXES)):
            if site.is_file(option):
                return option
        if site.is_dir(candidate):
            for index in ("index.md", "_index.md", "README.md", "index.html"):
                if site.is_file(candidate / index):
                    return candidate / index
            return candidate
    if exact:
        return True
    segment = [p for p in target.split("/") if p and p not in (".", "..")]
    return (site.page_by_slug(segment[-1]) if segment else None) or ctx.find_static(target.lstrip("./"))


class MissingLocalTarget(Rule):
    """## What it does
    Reports relative and site-absolute links and images (Markdown, and HTML `src`/`href`) that
    resolve to no file: beside the post (page bundles), in the static folders, or to a page of the
    site. Hugo `ref`/`relref` shortcodes must name a page of the site. Query strings and fragments
    are ignored and `%20`-style escapes decoded.

    ## Why is this bad?
    Broken images and 404s on the published post.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![The booth](booth-photo.jpg)
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![The booth](https://example.com/booth-photo.jpg)
    ```

    ## Fix safety
    No fix.

    ## Options
    None; `static-dirs` says where site-absolute files live.

    ## Known problems
    Site-absolute links into folders the repository does not hold (a `/docs/` section built from
    another repository) cannot be judged and are not reported. Page URLs are matched by path, slug
    or folder name, not by the site's permalink configuration.
    """

    code = "LNK004"
    reads_site_pages = True
    name = "missing-local-target"
    summary = "A local link or image points to no file."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for target in _targets(doc):
            if target.path and _resolve(target.path, doc.path, ctx) is None:
                hint = " (a web address needs https:// in front)" if _DOMAIN.match(target.path) else ""
                yield Violation(f"'{target.raw}' leads to no file of the site{hint}: fix the path or add the file",
                                doc.span(target.start, target.end))
        for match in _HUGO_REF.finditer(doc.body.without_code, doc.body_start):
            name = match.group(1).split("#")[0]
            if name and _find_ref(name, doc.path, ctx) is None:
                yield Violation(f"ref '{match.group(1)}' names no page of the site: fix the path",
                                doc.span(match.start(), match.end()))


def _find_ref(name: str, post: Path, ctx: Context) -> Path | None:
    """Hugo's ref lookup: a path from the content root, relative to the page, or a unique file name."""
    candidates = [root / name.lstrip("/") for root in ctx.site.content_roots] + [post.parent / name]
    for candidate in candidates:
        for option in (candidate, candidate.with_name(candidate.name + ".md"), candidate / "index.md",
                       candidate / "_index.md"):
            if option.is_file():
                return option
    base = name.rstrip("/").rsplit("/", 1)[-1]
    matches = ctx.site.named(base) or ctx.site.named(base + ".md")
    return matches[0] if matches else ctx.site.page_by_slug(base)


@dataclass(frozen=True)
class FragmentOptions:
    anchor_style: str = field(default="auto", metadata={"choices": ("auto", *STYLES)})
    ignore: tuple[str, ...] = ("top",)


class MissingFragment(Rule):
    """## What it does
    Reports `#section` links, and `other.md#section` links to another post, whose target page has
    no such anchor. Anchors are made as the site's renderer makes them: GitHub/Hugo Goldmark by
    default, Goldmark's `autoHeadingIDType` when the site configuration sets it, kramdown for
    Jekyll sites; repeated headings get `-1`, `-2`; `{#id}` attributes and HTML `id`/`name` count.

    ## Why is this bad?
    The link opens the page at the top instead of the section, usually after a heading was renamed.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the demo](#live-demo).

    ### Demo
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the demo](#demo).

    ### Demo
    ```

    ## Fix safety
    No fix.

    ## Options
    `anchor-style`: `auto` (default), `github`, `github-ascii`, `blackfriday` or `kramdown`.
    `ignore`: fragments that themes or scripts provide (default `top`).

    ## Known problems
    Anchors made by shortcodes or templates are invisible to the linter; add them to `ignore`.
    """

    code = "LNK005"
    reads_site_pages = True
    name = "missing-fragment"
    summary = "A #fragment link matches no anchor of its page."
    severity = Severity.WARNING
    Options = FragmentOptions

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        style = self.options.anchor_style if self.options.anchor_style != "auto" else ctx.site.anchor_style
        style = style if style in STYLES else "github"
        for target in _targets(doc):
            fragment = unquote(target.fragment or "")
            if not fragment or fragment in self.options.ignore or fragment.startswith((":~:", "fn")):
                continue
            page: Document | None = doc
            if target.path:
                resolved = _resolve(target.path, doc.path, ctx, exact=True)
                if not isinstance(resolved, Path) or resolved.suffix not in _PAGE_SUFFIXES:
                    continue
                page = ctx.site.document(resolved)
            if page is None or page.decode_error is not None:
                continue
            if fragment not in document_anchors(page, style):
                where = "this page" if page is doc else f"'{target.path}'"
                yield Violation(f"'#{fragment}' matches no heading or id of {where}: fix the fragment",
                                doc.span(target.start, target.end))


class JekyllLinkTag(Rule):
    """## What it does
    Checks Jekyll's `{% link path %}` and `{% post_url name %}` tags against the site's files.

    ## Why is this bad?
    Jekyll stops the build on a tag that names a missing file, often long after the post was written.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    As [announced]({% post_url 2024-01-01-no-such-post %}).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    As announced in January.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    Collections with custom folders are looked up from the site root only.
    """

    code = "LNK006"
    reads_site_pages = True
    name = "jekyll-link"
    summary = "A Jekyll link or post_url tag names no file."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for match in _JEKYLL_LINK.finditer(doc.body.without_code, doc.body_start):
            kind, name = match.group(1), match.group(2).strip("\"'")
            if kind == "link":
                found = (ctx.site_root / name.lstrip("/")).is_file()
            else:
                stem = name.rsplit("/", 1)[-1]
                found = any(
                    path.parent.as_posix().endswith(("_posts/" + name.rsplit("/", 1)[0]) if "/" in name else "")
                    for suffix in _PAGE_SUFFIXES for path in ctx.site.named(stem + suffix)
                )
            if not found:
                yield Violation(f"{{% {kind} {name} %}} names no file of the site: Jekyll will stop the build",
                                doc.span(match.start(), match.end()))
