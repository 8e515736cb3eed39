"""What a Hugo or Jekyll page's layout does with its title and table of contents, and the headings that then
skip a level of the outline or of the table of contents, for the heading rules."""

from __future__ import annotations

from typing import Any, NamedTuple

from tripreport_lint.document.body import Heading
from tripreport_lint.document.document import Document
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.heading_text import normalized
from tripreport_lint.site.layouts import TitleHeading, title_heading, toc_levels, toc_shown


class PageLayout(NamedTuple):
    """A page's front matter (with the generator's defaults) and what its layout does."""

    data: dict[str, Any]
    layout: TitleHeading


def page_layout(doc: Document, ctx: Context) -> PageLayout | None:
    """The layout of a Hugo or Jekyll page with front matter; None for other pages. Found once per document,
    whichever rule asks."""
    if "page_layout" not in doc.derived:
        doc.derived["page_layout"] = _page_layout(doc, ctx)
    found = doc.derived["page_layout"]
    return found if isinstance(found, PageLayout) else None


def _page_layout(doc: Document, ctx: Context) -> PageLayout | None:
    model = ctx.site.model
    fm = doc.front_matter
    if model.generator not in ("hugo", "jekyll") or fm is None or not isinstance(fm.mapping, dict):
        return None
    kind = model.page_kind(doc.path)
    if kind == "none":
        return None
    data: dict[str, Any] = {**model.supplied(doc.path, kind), **{str(k): v for k, v in fm.mapping.items()}}
    return PageLayout(data, title_heading(ctx.site, doc.path, data))


def titled_page(doc: Document, ctx: Context) -> tuple[str, TitleHeading] | None:
    """The title of a Hugo or Jekyll page and what its layout does with it; None for other pages, pages
    without a title and pages whose layout prints no title as an H1."""
    page = page_layout(doc, ctx)
    if page is None or page.layout.printed is False:
        return None
    title = page.data.get(ctx.key_as_written(page.data, "title"))
    return (title, page.layout) if isinstance(title, str) and title.strip() else None


def body_headings(doc: Document, title: str) -> list[Heading]:
    """The body's headings, less a first one repeating the title (HDG001 reports it)."""
    headings = doc.body.headings
    if headings and normalized(headings[0].text) == normalized(title):
        return headings[1:]
    return list(headings)


def deep_first_heading(doc: Document, ctx: Context) -> tuple[Heading, TitleHeading] | None:
    """The first heading when it is `###` or deeper below a title the layout is known to print as an H1
    (and no <h2> it fills from the page): HDG007's finding."""
    page = titled_page(doc, ctx)
    if page is None or page[1].printed is not True or page[1].subheading:
        return None  # a layout not known to print the title as H1, or one printing an <h2> too (a subtitle)
    title, layout = page
    headings = body_headings(doc, title)
    return (headings[0], layout) if headings and headings[0].level >= 3 else None


def _toc_entry_length(heading: Heading) -> int:
    """About how many characters Hugo's table of contents spends on a heading: `<li><a href="#id">text</a></li>`."""
    return 2 * len(heading.text) + 40


def toc_gaps(doc: Document, ctx: Context) -> list[tuple[Heading, int]]:
    """The headings of a Hugo page whose table of contents is shown that skip a level it lists, each with the
    first such level (HDG008's findings; HDG007's first heading aside)."""
    if "toc_gaps" not in doc.derived:
        doc.derived["toc_gaps"] = _toc_gaps(doc, ctx)
    found = doc.derived["toc_gaps"]
    return found if isinstance(found, list) else []


def _toc_gaps(doc: Document, ctx: Context) -> list[tuple[Heading, int]]:
    page = page_layout(doc, ctx)
    if ctx.site.model.generator != "hugo" or page is None or not toc_shown(page.layout, page.data):
        return []
    start, end = toc_levels(ctx.site)
    headings = doc.body.headings
    listed = [h for h in headings if start <= h.level <= end]
    if page.layout.toc_min_length and 40 + sum(map(_toc_entry_length, listed)) < page.layout.toc_min_length:
        return []  # too short for the layout to show
    reported = deep_first_heading(doc, ctx)
    found = []
    previous = 0
    for heading in headings:
        first_skipped = max(previous + 1, start)
        skips = heading.level > previous + 1 and first_skipped <= min(heading.level - 1, end)
        if skips and (reported is None or heading is not reported[0]):
            found.append((heading, first_skipped))
        previous = heading.level
    return found
