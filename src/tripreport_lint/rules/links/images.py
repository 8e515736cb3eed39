"""LNK010, LNK017: images without alternative text, and images whose source is a GitHub page."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document import templates
from tripreport_lint.document.document import Document
from tripreport_lint.document.html_tags import start_tags
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.references import normal_label


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
    Images inside a link's text (`[![](badge.svg)](https://ci.example.com)`) are looked at too.
    """

    code = "LNK010"
    default_enabled = False
    name = "image-without-alt"
    summary = "An image has no alternative text."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.images:
            if not link.text.strip():
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


# A file's page on GitHub (`blob`) or a folder's (`tree`): HTML, not the file. `?raw=true` (or `=1`) makes
# GitHub redirect to the file itself.
_GITHUB_PAGE = re.compile(r"https?://(?:www\.)?github\.com/([^/?#\s]+/[^/?#\s]+)/(blob|tree)/([^?#\s]+)(\?[^#\s]*)?(#\S*)?")
_RAW_QUERY = re.compile(r"[?&]raw=(?:true|1)(?:&|$)")


class GithubPageImage(Rule):
    """## What it does
    Finds images whose source is a page of GitHub's website rather than a file:
    `https://github.com/<owner>/<repo>/blob/<ref>/<path>` (a file's page) or `.../tree/...` (a
    folder's), in Markdown images (those inside a link's text too, and through a reference
    definition), in `<img src>` and in the `src` of Hugo's `figure` shortcode.

    ## Why is this bad?
    GitHub answers such an address with an HTML page, which a browser cannot show as a picture:
    the post shows a broken image and its alternative text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![The dashboard](https://github.com/example/tools/blob/main/docs/dashboard.png)
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![The dashboard](https://raw.githubusercontent.com/example/tools/main/docs/dashboard.png)
    ```

    ## Fix safety
    Safe for a `blob` address without a query or fragment: it becomes the address of the file itself,
    `https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>` (the page shows the picture, which
    is the rule's purpose). That form is chosen over `?raw=true` because `?raw=true` is a redirect to
    it: one more request for every reader, and a link checker reports it as moved (LNK012). A `tree`
    address names a folder: no fix, the author has to pick the file (or copy it into the site).

    ## Options
    None.

    ## Known problems
    Links (not images) to a file's page are fine and are not reported. An address with `?raw=true`
    or `?raw=1` is the file (GitHub redirects to it) and is not reported. The picture is not
    fetched: whether the file exists is LNK011's concern.
    """

    code = "LNK017"
    name = "github-page-image"
    summary = "An image whose source is a GitHub page, not the image file."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body, text = doc.body, doc.text
        definitions = {normal_label(d.label): d for d in body.definitions}
        for link in body.images:
            if link.target is not None:
                yield from _github_page(doc, link.target, link.target_start, link.start, link.end)
            elif (definition := definitions.get(normal_label(link.label or ""))) is not None:
                at = text.find(definition.target, definition.start, definition.end)
                yield from _github_page(doc, definition.target, at, link.start, link.end)
        if ctx.site.model.generator == "hugo":  # Hugo's figure shortcode shows its src as an <img>
            for figure, at, (first, last) in templates.figure_sources(body.comments_blanked, doc.body_start):
                yield from _github_page(doc, figure, at, first, last)
        for tag in start_tags(body.comments_blanked, doc.body_start, ("img",)):
            source = tag.get("src")
            if source is not None and source.value is not None and source.start >= 0:
                yield from _github_page(doc, source.value, source.start, tag.start, tag.end,
                                        written=text[source.start : source.end])


def _github_page(doc: Document, target: str, at: int, start: int, end: int,
                 written: str | None = None) -> Iterator[Violation]:
    """A finding when ``target`` (written at ``at``) is a GitHub page, spanning ``start``-``end``."""
    page = _GITHUB_PAGE.fullmatch(target.strip())
    if page is None or (page[4] and _RAW_QUERY.search(page[4])):
        return
    repo, kind, rest = page[1], page[2], page[3]
    if kind == "tree":
        yield Violation(f"image source '{target}' is a folder's page on GitHub, not a picture: the image shows "
                        "broken; link the file itself (raw.githubusercontent.com) or copy it into the site",
                        doc.span(start, end))
        return
    raw = f"https://raw.githubusercontent.com/{repo}/{rest}"
    fix = None
    if not page[4] and not page[5] and (written is None or written == target) and doc.text.startswith(target, at):
        fix = Fix((Edit(at, at + len(target), raw),), description="use the file's raw address")
    yield Violation(f"image source '{target}' is a file's page on GitHub (HTML), not the picture: the image "
                    f"shows broken; use '{raw}'", doc.span(start, end), fix)
