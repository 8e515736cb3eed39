"""FM050-FM051: two pages of a site published at one URL, and two posts with one title."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, locate
from tripreport_lint.rules.context import Context
from tripreport_lint.site.page_facts import PageFacts, document_facts
from tripreport_lint.site.urls import normalised_url


def _others(paths: list[str], doc: Document, ctx: Context) -> str:
    """The other pages, relative to the site root: the first, and how many more."""
    others = [os.path.relpath(p, ctx.site_root) for p in paths if p != str(doc.path)]
    shown = others[0].replace(os.sep, "/")
    return shown + (f" (and {len(others) - 1} more)" if len(others) > 1 else "")


class DuplicateUrl(Rule):
    """## What it does
    Reports a page published at the same URL as another page of the site: the same `url`, an
    alias (`aliases`, Jekyll's `redirect_from`) that is another page's URL or alias, or URLs the
    generator makes alike (Hugo's `slug` and `permalinks`, Jekyll's `permalink` styles and
    patterns, a post's date and slug). The message names the other page.

    ## Why is this bad?
    The generator writes one of the pages over the other: one post silently disappears from the
    site, or an alias redirects readers to the wrong post.

    ## Example
    ```markdown
    ---
    title: Meetup recap
    date: 2024-03-05
    url: /blog/meetup/
    ---
    ```
    while `content/blog/march-meetup.md` also says `url: /blog/meetup/`.

    ## Use instead
    ```markdown
    ---
    title: Meetup recap
    date: 2024-03-05
    url: /blog/meetup-recap/
    ---
    ```

    ## Fix safety
    No fix: which page keeps the URL is the author's to say.

    ## Options
    None.

    ## Known problems
    URLs are made from front matter and file names as Hugo and Jekyll make them; a theme's own
    permalink logic, Hugo's `uglyURLs` and plugins that change URLs are not known. Drafts, and
    pages whose URL needs what the page does not say (a token without a value), collide with
    nothing.
    """

    code = "FM050"
    name = "duplicate-url"
    summary = "Two pages of the site are published at one URL."
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.mapping is None:
            return
        facts = document_facts(doc)
        mine = ctx.site.url_of(doc.path, facts)
        if mine is None:
            return
        owners = ctx.site.url_owners
        shown: set[str] = set()
        for url, alias in ((mine.url, False), *((a, True) for a in mine.aliases)):
            others = [p for p in owners.get((mine.namespace, url), []) if p != str(doc.path)] if url else []
            if not others or url in shown:
                continue
            shown.add(url or "")
            key = _alias_key(facts) if alias else _url_key(facts, ctx, fm.mapping)
            where: tuple[str | int, ...] = (key,) if key else ()
            listed = fm.mapping.get(key) if key else None
            if alias and isinstance(listed, list):
                where += next((i,) for i, item in enumerate(listed) if isinstance(item, str) and
                              item.startswith("/") and normalised_url(item) == url)
            what = f"its alias {url}" if alias else f"{url}"
            yield Violation(f"this page is published at {what}, and so is {_others(others, doc, ctx)}: the "
                            f"generator writes one over the other; give one of them another "
                            f"{'alias' if alias else 'URL (url, slug or file name)'}",
                            locate(doc, fm, where) if where else doc.span(0, 0))


def _url_key(facts: PageFacts, ctx: Context, data: dict[str, Any]) -> str | None:
    """The front matter key that made the page's URL, as written; None when the file name did."""
    model = ctx.site.model
    names = ("permalink", "slug") if model.generator == "jekyll" else \
        ("url", "slug", "title") if model.permalinks else ("url", "slug")  # Hugo's title only in a pattern
    for name in names:
        if facts.get(name) is not None:
            return str(ctx.key_as_written(data, name))
    return None


def _alias_key(facts: PageFacts) -> str | None:
    return next((key for key, _ in facts.terms if key.lower() in ("aliases", "redirect_from")), None) or \
        ("aliases" if facts.aliases else None)


class DuplicateTitle(Rule):
    """## What it does
    Reports a post with the same title as another post of the site (in the same language), ignoring
    case and surrounding spaces. The message names the other post.

    ## Why is this bad?
    Readers cannot tell the two apart in listings, feeds and search results; a repeated title is
    usually a post copied as a template whose title was never changed.

    ## Example
    ```markdown
    ---
    title: Meetup recap
    date: 2024-03-05
    ---
    ```
    while `content/blog/march-meetup.md` is titled `Meetup recap` too.

    ## Use instead
    ```markdown
    ---
    title: Meetup recap, March 2024
    date: 2024-03-05
    ---
    ```

    ## Fix safety
    No fix: the title is the author's to choose.

    ## Options
    None.

    ## Known problems
    Only dated posts are compared (Hugo's main sections, Jekyll's `_posts`), on Hugo and Jekyll
    sites; a series that repeats one title on purpose can turn the rule off for its files with
    `per-file-ignores`.
    """

    code = "FM051"
    name = "duplicate-title"
    summary = "Two posts of the site have the same title."
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        model = ctx.site.model
        if fm is None or fm.mapping is None or model.generator not in ("hugo", "jekyll") or \
                model.page_kind(doc.path) != "post":
            return
        facts = document_facts(doc)
        title = (facts.get("title") or "").strip().lower()
        mine = ctx.site.url_of(doc.path, facts)
        if not title or mine is None:
            return
        same = []
        for path in ctx.site.titled.get(title, []):
            if path == str(doc.path):
                continue
            found = ctx.site.url_of(Path(path), ctx.site.pages[path])
            if found is not None and found.namespace == mine.namespace and model.page_kind(Path(path)) == "post":
                same.append(path)
        if same:
            key = ctx.key_as_written(fm.mapping, "title")
            yield Violation(f"'{key}' {facts.get('title')!r} is also the title of {_others(same, doc, ctx)}: give "
                            "this post a title of its own", locate(doc, fm, (key,)))
