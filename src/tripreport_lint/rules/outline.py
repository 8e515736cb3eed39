"""HDG006-HDG007: the outline a reader sees when the layout prints the title as the page's H1: a body H1 is
a second one, and a first heading at `###` skips a level."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.body import Heading
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.headings import heading_span, normalized
from tripreport_lint.rules.page_title import titled_page
from tripreport_lint.site.layouts import TitleHeading


def _body_headings(doc: Document, title: str) -> list[Heading]:
    """The body's headings, less a first one repeating the title (HDG001 reports it)."""
    headings = doc.body.headings
    if headings and normalized(headings[0].text) == normalized(title):
        return headings[1:]
    return list(headings)


def _printed_by(found: TitleHeading) -> str:
    if found.printed is None:
        return "the layout (not in this checkout: most themes do) prints the title as the page's H1"
    return f"the layout ({found.source}) prints the title as the page's H1"


class SecondH1(Rule):
    """## What it does
    Reports a level-one heading (`#`) in the body of a Hugo or Jekyll page whose layout prints the
    front matter `title` as the page's `<h1>`, as most themes do. The layout is read when the site's
    or its theme's templates are in the checkout (an `<h1>` holding `.Title` or `page.title`, in the
    page's template, its base template and the partials and includes they call); Docsy, PaperMod,
    Ananke and minima are known to print it; other layouts not in the checkout are taken to.

    ## Why is this bad?
    The page then has two H1s: the body heading is as large as the title, screen readers announce two
    main headings, and Hugo's table of contents (which starts at `##`) leaves the heading out while
    listing the sections under it.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    # Day one

    The keynotes.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ## Day one

    The keynotes.
    ```

    ## Fix safety
    No fix: the sections under the heading would move up a level too, and which outline the author
    meant is theirs to say.

    ## Options
    None.

    ## Known problems
    A layout that prints no title (a landing page) and is not in the checkout is taken to print one:
    turn the rule off for those pages. A first heading repeating the title is HDG001's; HDG003 leaves
    the pages this rule checks alone.
    """

    code = "HDG006"
    name = "second-h1"
    summary = "A level-one heading below a title the layout prints as the page's H1."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        page = titled_page(doc, ctx)
        if page is None:
            return
        title, found = page
        for heading in _body_headings(doc, title):
            if heading.level == 1:
                yield Violation(f"level-one heading '{heading.text}' is a second H1: {_printed_by(found)}; "
                                "make it '##' (and its subsections one level deeper)",
                                doc.span(*heading_span(doc, heading)))


class FirstHeadingSkip(Rule):
    """## What it does
    Reports a first body heading at level three or deeper (`###`) on a Hugo or Jekyll page whose layout
    is known to print the title as the page's `<h1>` (read from the templates in the checkout, or a
    theme known to: Docsy, PaperMod, Ananke, minima).

    ## Why is this bad?
    The outline goes from the title's H1 to an H3: screen readers announce a missing level, and Hugo's
    table of contents shows an empty bullet above the headings.

    ## Example
    A post, `content/blog/example.md`, that a layout printing `<h1>{{ .Title }}</h1>` renders:
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ### Day one

    The keynotes.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ## Day one

    The keynotes.
    ```

    ## Fix safety
    No fix: every heading of the page would move up together, which the author decides.

    ## Options
    None.

    ## Known problems
    A layout not in the checkout, of a theme not known, may print the title as an `<h2>` (then `###` is
    right): such pages are not reported, nor pages whose layout prints an `<h2>` it fills from the page
    (a subtitle, but also a sidebar's heading). Later skips (`##` then `####`) are HDG004's, off by default.
    """

    code = "HDG007"
    name = "first-heading-skip"
    summary = "The first heading skips a level below the title the layout prints as the page's H1."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        page = titled_page(doc, ctx)
        if page is None or page[1].printed is not True or page[1].subheading:
            return  # a layout not known to print the title as H1, or one printing an <h2> too (a subtitle)
        title, found = page
        headings = _body_headings(doc, title)
        if not headings or headings[0].level < 3:
            return
        first = headings[0]
        toc = ", and Hugo's table of contents shows an empty level" if ctx.site.model.generator == "hugo" else ""
        yield Violation(f"the first heading is level {first.level} below the title's H1 ({found.source} prints it): "
                        f"the outline skips level 2{toc}; use '##'", doc.span(*heading_span(doc, first)))
