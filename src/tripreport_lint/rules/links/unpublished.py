"""LNK016: a published page linking to a draft, a future-dated or an expired page of the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.resolve import facts_of, linked_page, site_relative, targets
from tripreport_lint.rules.links.template_links import template_links, template_page
from tripreport_lint.site.publishing import Unpublished, unpublished_hugo, unpublished_jekyll


class LinkToUnpublished(Rule):
    """## What it does
    Reports links from a published page to a page of the site that the site does not publish now: a
    draft (Hugo's `draft: true`; Jekyll's `_drafts/` folder and `published: false`), a page dated in
    the future (Hugo's `publishDate` or `date`; a Jekyll post's date), or an expired one (Hugo's
    `expiryDate`). Links are Markdown and HTML links to the page's file or to the URL the site
    publishes it at (after its permalink settings and the page's `url`, `slug` or `permalink`), Hugo
    `ref`/`relref` shortcodes and Jekyll `{% link %}`/`{% post_url %}` tags. A page that is itself a
    draft, future-dated or expired is not checked: the link is fine if both go live together.
    `buildDrafts`, `buildFuture` and `buildExpired` (Hugo) and `show_drafts`, `future` and
    `unpublished` (Jekyll) in the site's configuration turn the matching check off; `--show-site`
    shows them. For a future-dated page, the message says when the link will start to work.

    ## Why is this bad?
    The link is a 404 on the live site until the other page is published (or for good, once it has
    expired); Hugo's `ref` to a page it does not build stops the build.

    ## Example
    With `content/blog/follow-up.md` a draft:
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the follow-up](../follow-up/), still a draft.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The follow-up comes soon.
    ```

    ## Fix safety
    No fix: publish the other page first, or drop the link until it is out.

    ## Options
    None.

    ## Known problems
    A date without a time zone is read in the zone furthest from UTC that still makes the finding
    true, so a page going live within the next 14 hours is not reported. Hugo's `frontmatter`
    settings for `publishDate` and `expiryDate` and its `build` options (`render: never`) are not read.
    Only Hugo and Jekyll sites are checked.
    """

    code = "LNK016"
    name = "link-to-unpublished"
    summary = "A published page links to a draft, future-dated or expired page."
    reads_site_pages = True
    reads_clock = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if ctx.site.model.generator not in ("hugo", "jekyll") or unpublished(doc.path, ctx, doc) is not None:
            return
        pages: list[tuple[Path | None, str, int, int]] = [
            (linked_page(target.path, doc, ctx), target.raw, target.start, target.end)
            for target in targets(doc, ctx) if target.path]
        pages += [(template_page(link, doc.path, ctx), link.raw, link.start, link.end) for link in template_links(doc)]
        for page, raw, start, end in sorted(pages, key=lambda item: item[2]):
            if page is None or page == doc.path:
                continue
            state = unpublished(page, ctx)
            if state is not None:
                yield Violation(_message(raw, site_relative(page, ctx), state), doc.span(start, end))


def unpublished(page: Path, ctx: Context, doc: Document | None = None) -> Unpublished | None:
    """Why the site does not publish the page now; None when it does, or when the page is no page."""
    model = ctx.site.model
    kind = model.page_kind(page)
    if kind == "none":
        return None
    facts = facts_of(page, ctx, doc)
    if model.generator == "hugo":
        return unpublished_hugo(model.publishing, facts, ctx.now)
    try:
        parts = page.relative_to(ctx.site_root).parts
    except ValueError:
        return None
    return unpublished_jekyll(model.publishing, facts, parts, model.supplied(page, kind), ctx.now)


def _message(raw: str, page: str, state: Unpublished) -> str:
    # Hugo's ref and relref find no page it does not publish: by default the build stops (REF_NOT_FOUND).
    broken = "the build fails (Hugo's REF_NOT_FOUND)" if _HUGO_REF.match(raw) else "a 404 on the live site"
    if state.reason == "draft":
        return (f"'{raw}' links to '{page}', a draft ({state.said}): {broken} until that page is "
                "published: publish it first, or drop the link until then")
    if state.reason == "future":
        assert state.when is not None
        day = state.when.moment.date().isoformat() if not state.when.has_time else state.when.moment.isoformat()
        return (f"'{raw}' links to '{page}', dated in the future ({state.said}): {broken} until "
                f"the first build after {day}: drop the link until then, or publish this page no earlier")
    return (f"'{raw}' links to '{page}', which has expired ({state.said}): {broken}: remove the "
            "link, or the page's expiry date")


_HUGO_REF = re.compile(r"\{\{[<%]-?\s*(?:rel)?ref\b")

