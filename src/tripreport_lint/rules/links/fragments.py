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
from tripreport_lint.rules.links.resolve import (
    PAGE_SUFFIXES,
    resolve,
    targets,
)
from tripreport_lint.site.anchors import STYLES, document_anchors

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
    Reports `#section` links, and `other.md#section` links to another post, whose target page has
    no such anchor. Anchors are made as the site's renderer makes them: GitHub/Hugo Goldmark by
    default, Goldmark's `autoHeadingIDType` when the site configuration sets it, from the heading
    text Goldmark takes (without what its typographer replaces; of a link or emphasis only the first
    run of text, so Hugo makes `## [Kim's talk](...)` `#kim`); on Jekyll sites
    as kramdown makes them (GitHub's way under its default GFM input, its own way under
    `input: kramdown`, after `auto_id_prefix`); repeated headings get `-1`, `-2`; `{#id}`
    attributes and HTML `id`/`name` count. `--show-site` says which way a site uses. The message
    names the page's nearest anchor when one is close (`did you mean '#plugin-main-go'?`).

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
    """

    code = "LNK005"
    reads_site_pages = True
    name = "missing-fragment"
    summary = "A #fragment link matches no anchor of its page."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        style = self.options.anchor_style if self.options.anchor_style != "auto" else ctx.site.anchor_style
        style = style if style in STYLES else "github"
        for target in targets(doc):
            fragment = unquote(target.fragment or "")
            if not fragment or fragment in self.options.ignore or fragment.startswith((":~:", "fn")):
                continue
            page: Document | None = doc
            if target.path:
                resolved = resolve(target.path, doc.path, ctx, exact=True)
                if not isinstance(resolved, Path) or resolved.suffix not in PAGE_SUFFIXES:
                    continue
                page = ctx.site.document(resolved)
            if page is None or page.decode_error is not None:
                continue
            model = ctx.site.model
            prefix = model.auto_id_prefix if self.options.anchor_style == "auto" else ""
            goldmark = model.typographer if model.renderer == "goldmark" else None
            anchors = document_anchors(page, style, prefix, goldmark)
            if fragment not in anchors:
                where = "this page" if page is doc else f"'{target.path}'"
                near = closest(fragment, anchors)
                hint = f"did you mean '#{near}'?" if near is not None else "fix the fragment"
                yield Violation(f"'#{fragment}' matches no heading or id of {where}: {hint}",
                                doc.span(target.start, target.end))
