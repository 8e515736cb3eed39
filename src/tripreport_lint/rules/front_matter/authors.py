"""FM035: an author the site keeps data for elsewhere (Jekyll's `_data/authors.yml`, Hugo's `data/authors/`
or author pages), named by a post with a key that names nothing there."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, locate
from tripreport_lint.rules.context import Context
from tripreport_lint.site.authors import Authors, site_authors, urlized
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.page_facts import PageFacts

KEYS = ("author", "authors")
MIN_RESOLVED = 3  # other pages whose authors all resolve, and four in five of those that name one


def _facts_names(facts: PageFacts) -> list[str]:
    found: list[str] = []
    for key in KEYS:
        value = facts.get(key)
        listed = dict(facts.terms).get(key)
        found += [value.strip()] if value and value.strip() else list(listed or ())
    return found


def _resolved_elsewhere(site: SiteIndex, authors: Authors, path: str) -> tuple[int, int]:
    """(pages naming authors, pages whose authors all resolve), among the site's other pages."""
    naming = resolved = 0
    for other, facts in site.pages.items():
        names = _facts_names(facts)
        if other == path or not names:
            continue
        naming += 1
        resolved += all(authors.resolves(name) for name in names)
    return naming, resolved


class UnknownAuthor(Rule):
    """## What it does
    Reports an `author:` or `authors:` value (a name or a list of names) that names no author of the
    data the site keeps for its authors, where the other posts' authors resolve: Jekyll's
    `_data/authors.yml` (`.yaml`, `.json`), whose keys jekyll-seo-tag and themes look authors up by;
    Hugo's `data/authors.yml`, `data/authors/<name>.yml` or author pages
    (`content/authors/<name>/_index.md`), matched as Hugo makes a term's path (`Jane Doe` is
    `jane-doe`). The nearest known author is named.

    ## Why is this bad?
    The theme finds no author: the byline shows the raw key, or nothing, with no name, avatar or bio, and
    the post is missing from the author's page.

    ## Example
    A post, `content/blog/example.md`, of a Hugo site whose `data/authors.yml` has the key `jdoe`,
    which its other posts name:
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    author: jdoee
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    author: jdoe
    ---
    ```

    ## Fix safety
    No fix: a new author may need adding to the data instead.

    ## Options
    None.

    ## Known problems
    Reported only where the site clearly keeps author data: at least three other pages naming authors,
    four in five of them all known (and a folder of author pages or files holds at least two). Authors
    under `params:`, other data files (`_data/team.yml`) and TOML data files are not read. On Jekyll
    a name with a space (`author: Jane Doe`) is not reported: jekyll-seo-tag shows a value that is no
    key as the author's name, as the author may mean; unless it spells out a key (`JaneDoe`), which
    the site's layouts look up by key.
    """

    code = "FM035"
    name = "unknown-author"
    summary = "An author the site's author data does not know."
    severity = Severity.WARNING
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or not isinstance(fm.mapping, dict):
            return
        authors = site_authors(ctx.site)
        if authors is None:
            return
        # jekyll-seo-tag shows a value that is no key as the author's name: a name with a space is meant so.
        names_only = ctx.site.model.generator == "jekyll"
        unknown: list[tuple[str, tuple[str | int, ...]]] = []
        for key in KEYS:
            written = ctx.key_as_written(fm.mapping, key)
            value = fm.mapping.get(written)
            items = [(value, (written,))] if isinstance(value, str) else \
                [(item, (written, index)) for index, item in enumerate(value)] if isinstance(value, list) else []
            unknown += [(item.strip(), path) for item, path in items if isinstance(item, str) and item.strip()
                        and not (names_only and " " in item.strip() and _key_spaced(item, authors) is None)
                        and not authors.resolves(item.strip())]
        if not unknown:
            return
        naming, resolved = _resolved_elsewhere(ctx.site, authors, str(doc.path))
        if resolved < MIN_RESOLVED or resolved * 5 < naming * 4:
            return
        import difflib  # noqa: PLC0415 - only for an author the site does not know

        for name, path in unknown:
            near = difflib.get_close_matches(urlized(name), sorted(authors.folded), n=1, cutoff=0.6)
            spaced = _key_spaced(name, authors)
            hint = f": did you mean '{spaced or authors.folded[near[0]]}'?" if spaced or near else ""
            yield Violation(f"author '{name}' is not in {authors.where}, where {resolved} of the site's other "
                            f"{naming} pages naming authors find theirs{hint}", locate(doc, fm, path))


def _key_spaced(name: str, authors: Authors) -> str | None:
    """The author key a name with spaces spells out (`Jane Doe` for `JaneDoe`, `jane_doe`): the key meant."""
    letters = re.sub(r"[\W_]+", "", name).lower()
    return next((key for key in sorted(authors.names) if re.sub(r"[\W_]+", "", key).lower() == letters), None)
