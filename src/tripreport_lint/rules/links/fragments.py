"""LNK005: #fragment links that match no anchor of their page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.errors import closest
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.resolve import PAGE_SUFFIXES, linked_page, site_relative, targets
from tripreport_lint.rules.links.template_links import template_links, template_page
from tripreport_lint.site.anchors import STYLES, document_anchors, pre_emoji_ids

# "auto" and the keys of STYLES (a test keeps them alike).
AnchorStyle = Literal["auto", "github", "github-ascii", "blackfriday", "kramdown"]


@dataclass(frozen=True)
class FragmentOptions:
    anchor_style: AnchorStyle = field(default="auto", metadata={
        "help": "How headings become anchors: `auto` as the site's renderer makes them (Goldmark's "
                "`autoHeadingIDType` for Hugo; for Jekyll, GitHub's way under kramdown's GFM input, its default, and "
                "kramdown's own under `input: kramdown`, after its `auto_id_prefix`), or always one renderer's way."})
    ignore: tuple[str, ...] = field(default=("top",), metadata={
        "help": "Fragments that themes or scripts provide: never reported."})


class MissingFragment(Rule[FragmentOptions]):
    """## What it does
    Reports `#section` links whose target page has no such anchor: on the same page, and on another
    page of the site when it is known which: `other.md#section`, a relative or site-absolute URL the
    site publishes exactly one page at (`/blog/2024/05/other-post/#section`, after the site's
    permalink settings and the page's `url`, `slug` or `permalink`), Hugo's `{{< ref "other.md#section" >}}`
    and `relref` (the fragment inside the shortcode or after it), and Jekyll's
    `{% link path %}#section` and `{% post_url name %}#section`. A URL that two pages may render at,
    or whose page the repository does not hold, is not judged. Anchors are made as the site's renderer makes them: GitHub/Hugo Goldmark by
    default, Goldmark's `autoHeadingIDType` when the site configuration sets it, from the heading
    text Goldmark takes (without what its typographer replaces; of a link or emphasis only the first
    run of text, so Hugo makes `## [Kim's talk](...)` `#kim`); on Jekyll sites
    as kramdown makes them (GitHub's way under its default GFM input, its own way under
    `input: kramdown`, after `auto_id_prefix`); repeated headings get `-1`, `-2`; `{#id}`
    attributes and HTML `id`/`name` count. `--show-site` says which way a site uses. The message
    names the page's nearest anchor when one is close (`did you mean '#plugin-main-go'?`), and says
    when a link has the id Hugo before 0.120 gave a heading with an emoji shortcode (`#-released` for
    `## :tada: Released`, now `#tada-released`) on a site with `enableEmoji`.

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

    ## Known problems
    Anchors made by shortcodes or templates are invisible to the linter; add them to `ignore`.
    A page whose URL the site's settings do not tell for sure (a permalink token FM050 does not
    know, a date it cannot read, a section's list page) is not found by URL, and links to it go
    unchecked; on a site without Hugo or Jekyll configuration (Gatsby), a page is found by URL only
    through the `path` or `url` its front matter declares.
    """

    code = "LNK005"
    reads_site_pages = True
    name = "missing-fragment"
    summary = "A #fragment link matches no anchor of its page."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        style = self.options.anchor_style if self.options.anchor_style != "auto" else ctx.site.anchor_style
        style = style if style in STYLES else "github"
        model = ctx.site.model
        prefix = model.auto_id_prefix if self.options.anchor_style == "auto" else ""
        goldmark = model.typographer if model.renderer == "goldmark" else None
        made: dict[Path, set[str] | None] = {}  # the anchors of each page linked to, once however many links
        for fragment, page, shown, start, end in self._links(doc, ctx):
            fragment = unquote(fragment)
            if not fragment or fragment in self.options.ignore or fragment.startswith((":~:", "fn")):
                continue
            if page not in made:
                made[page] = (document_anchors(doc, style, prefix, goldmark) if doc.decode_error is None else None) \
                    if page == doc.path else ctx.site.anchors(page, style, prefix, goldmark)
            anchors = made[page]
            if anchors is None:
                continue  # unreadable, or not UTF-8: its own lint says so
            if fragment not in anchors:
                where = "this page" if page == doc.path else f"'{shown}'" + (
                    "" if shown.endswith(PAGE_SUFFIXES) else f" ({site_relative(page, ctx)})")
                linked = doc if page == doc.path else ctx.site.document(page)
                now = pre_emoji_ids(linked, style, goldmark) if model.emoji and goldmark is not None and linked else {}
                near = now.get(fragment) or closest(fragment, anchors)
                hint = f"did you mean '#{near}'?" if near is not None else "fix the fragment"
                if fragment in now:
                    hint = (f"Hugo before 0.120 made this id of a heading with an emoji shortcode; Hugo 0.120 and "
                            f"later make '#{near}': link that")
                yield Violation(f"'#{fragment}' matches no heading or id of {where}: {hint}", doc.span(start, end))

    @staticmethod
    def _links(doc: Document, ctx: Context) -> Iterator[tuple[str, Path, str, int, int]]:
        """(fragment, the page it is on, the link as shown, start, end) of each link with a fragment whose
        page is known exactly."""
        for target in targets(doc, ctx):
            if target.fragment:
                page = linked_page(target.path, doc, ctx) if target.path else doc.path
                if page is not None:
                    yield target.fragment, page, target.path, target.start, target.end
        for link in template_links(doc):
            if link.fragment and (page := template_page(link, doc.path, ctx)) is not None:
                yield link.fragment, page, link.name or site_relative(page, ctx), link.start, link.end

