"""LNK010: images without alternative text."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context


class ImageWithoutAlt(Rule):
    """## What it does
    Finds images with no alternative text: `![](picture.png)` and `<img>` tags without `alt`.

    ## Why is this bad?
    Screen readers announce the file name or nothing; search engines and readers on slow
    connections get no description.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![](booth.jpg)
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![Our booth on the first morning](booth.jpg)
    ```

    ## Fix safety
    No fix: only the author can describe the picture.

    ## Options
    None.

    ## Known problems
    A decorative image may deliberately have an empty `alt=""`; that is accepted in `<img>` tags.
    """

    code = "LNK010"
    default_enabled = False
    name = "image-without-alt"
    summary = "An image has no alternative text."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.links:
            if link.image and not link.text.strip():
                yield Violation(f"image '{link.target}' has no alt text: describe it between the brackets",
                                doc.span(link.start, link.end))
        omitted = ctx.site.model.renderer == "goldmark" and not ctx.site.model.raw_html
        for tag in doc.body.html_tags:
            if tag.name == "img" and tag.get("alt") is None:
                message = ("<img> has no alt attribute, and this Hugo site omits raw HTML "
                           "(markup.goldmark.renderer.unsafe is false), so the picture does not appear at all: "
                           "write it as ![description](source)") if omitted else \
                    "<img> has no alt attribute: add alt=\"...\" describing the picture"
                yield Violation(message, doc.span(tag.start, tag.end))
