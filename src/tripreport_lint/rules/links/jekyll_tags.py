"""LNK006: Jekyll link and post_url tags that name no file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.resolve import (
    PAGE_SUFFIXES,
)

_JEKYLL_LINK = re.compile(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}")


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
                    for suffix in PAGE_SUFFIXES for path in ctx.site.named(stem + suffix)
                )
            if not found:
                yield Violation(f"{{% {kind} {name} %}} names no file of the site: Jekyll will stop the build",
                                doc.span(match.start(), match.end()))
