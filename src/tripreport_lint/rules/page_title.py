"""What a Hugo or Jekyll page's layout does with its title, for the heading rules."""

from __future__ import annotations

from typing import Any

from tripreport_lint.document.document import Document
from tripreport_lint.rules.context import Context
from tripreport_lint.site.layouts import TitleHeading, title_heading


def titled_page(doc: Document, ctx: Context) -> tuple[str, TitleHeading] | None:
    """The title of a Hugo or Jekyll page and what its layout does with it; None for other pages, pages
    without a title and pages no layout titles. Found once per document, whichever rule asks."""
    if "title_heading" not in doc.derived:
        doc.derived["title_heading"] = _titled_page(doc, ctx)
    found = doc.derived["title_heading"]
    return found if isinstance(found, tuple) else None


def _titled_page(doc: Document, ctx: Context) -> tuple[str, TitleHeading] | None:
    model = ctx.site.model
    fm = doc.front_matter
    if model.generator not in ("hugo", "jekyll") or fm is None or not isinstance(fm.mapping, dict):
        return None
    kind = model.page_kind(doc.path)
    if kind == "none":
        return None
    data: dict[str, Any] = {**model.supplied(doc.path, kind), **{str(k): v for k, v in fm.mapping.items()}}
    title = data.get(ctx.key_as_written(data, "title"))
    if not isinstance(title, str) or not title.strip():
        return None
    found = title_heading(ctx.site, doc.path, data)
    return (title, found) if found.printed is not False else None
