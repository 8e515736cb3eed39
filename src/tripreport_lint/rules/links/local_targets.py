"""LNK004: local links and images that lead to no file of the site."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.resolve import (
    PAGE_SUFFIXES,
    find_ref,
    landing,
    liquid_targets,
    resolve,
    site_relative,
    suggestion,
    targets,
)

_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"?([^\"\s>%]+)\"?\s*[%>]\}\}")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:io|com|org|net|dev|ai|cloud|app|co)(?:/|$)", re.I)


class MissingLocalTarget(Rule):
    """## What it does
    Reports relative and site-absolute links and images (Markdown, HTML `src`/`href`, the `src` of
    Hugo's `figure` shortcode, and on a Jekyll site targets Liquid makes site-absolute:
    `{{ site.url }}/a/`, `{{ site.baseurl }}/a/`, `{{ "/a/" | relative_url }}`) that lead
    to no page or file of the site, followed as a browser follows them: from the URL the site
    serves the page at (a Hugo page `content/docs/setup/install.md` is `/docs/setup/install/`, so
    `../config/` is `/docs/setup/config/`; a section's `_index.md` is the section's URL; Hugo's
    `url`, `slug`, `permalinks`, `uglyURLs`, language folders, Jekyll's permalinks and
    collections), to a page at its URL or an alias (`aliases`, `redirect_from`), a list page Hugo
    makes (sections, taxonomies, their feeds), a page-bundle resource or other content file, or a
    file of the static folders. A path to a page's file (`../other.md`) counts as well where the
    site turns it into the page's URL: Hugo's embedded link render hook (`useEmbedded`, on by
    default where a `languages` table is set) and Jekyll's jekyll-relative-links (on GitHub Pages)
    do; a render hook of the site or its theme may turn any path into a URL, and so may a site
    whose templates are not all here (a theme or module elsewhere) or write a `<base href>` (a path
    then starts from the site's root). No page is guessed from a last segment. Hugo `ref`/`relref`
    shortcodes must name a page of the site, and a Hugo page's target written in Jekyll's Liquid
    (`{{ site.url }}/a/`, which Hugo does not run: the link shows as text) is reported as such. Query strings and fragments are ignored and
    `%20`-style escapes decoded. The message says where the link leads and, when one page (or
    `.md` file) has the name it ends in, the link that reaches it.

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
    another repository) cannot be judged and are not reported (a relative link is: it stays on the
    site, so the checkout has to hold where it leads). A link render hook of the site's own is taken to accept a link that works as a
    file path or as a URL, whatever it really does. Pages past the first 5,000 of a site, and
    Gatsby and plain Markdown folders (whose URLs are not known here), are followed as file paths.
    """

    code = "LNK004"
    reads_site_pages = True
    name = "missing-local-target"
    summary = "A local link or image points to no file."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for target in targets(doc, ctx):
            if target.path and resolve(target.path, doc.path, ctx, doc=doc) is None:
                yield Violation(_message(target.raw, target.path, doc, ctx), doc.span(target.start, target.end))
        if ctx.site.model.generator == "hugo":
            for written, path, start, end in liquid_targets(doc):
                yield Violation(f"'{written}' is Jekyll's Liquid, which Hugo does not run (the page shows the link "
                                f"as text or leads to it as written): write '{path}'", doc.span(start, end))
        for match in _HUGO_REF.finditer(doc.body.without_code, doc.body_start):
            name = match.group(1).split("#")[0]
            if name and find_ref(name, doc.path, ctx) is None:
                yield Violation(f"ref '{match.group(1)}' names no page of the site: fix the path",
                                doc.span(match.start(), match.end()))


def _message(raw: str, path: str, doc: Document, ctx: Context) -> str:
    """Where a broken target leads, and a link that reaches the page it likely means."""
    if _DOMAIN.match(path):
        return f"'{raw}' leads to no file of the site (a web address needs https:// in front): fix the path or add the file"
    url = path if path.startswith("/") else landing(path, doc.path, ctx, doc)
    where = f"resolves to {url}, which no page or file of the site serves" if url else "leads to no file of the site"
    if url and path.lower().endswith(PAGE_SUFFIXES) and not path.startswith("/"):
        file = Path(os.path.normpath(doc.path.parent / path))
        if ctx.site.served.file_links == "unresolved" and ctx.site.is_file(file):
            where += (f" (Hugo publishes {site_relative(file, ctx)} at its URL, not as a .md file, and no link render "
                      "hook here turns one into the other)")
        elif ctx.site.served.file_links != "unresolved" and not ctx.site.is_file(file):
            where = f"names no file ({site_relative(file, ctx)} is not there) and {where}"
    better = suggestion(path, doc.path, ctx, doc)
    return f"'{raw}' {where}: " + (f"did you mean '{better}'?" if better and better != path else "fix the path or add the file")
