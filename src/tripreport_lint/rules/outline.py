"""HDG006-HDG008: the outline a reader sees when the layout prints the title as the page's H1 (a body H1 is
a second one, a first heading at `###` skips a level) and the table of contents a Hugo layout shows."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.heading_text import heading_span
from tripreport_lint.rules.page_title import body_headings, deep_first_heading, titled_page, toc_gaps
from tripreport_lint.site.layouts import TitleHeading


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
        for heading in body_headings(doc, title):
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
        found = deep_first_heading(doc, ctx)
        if found is None:
            return
        first, layout = found
        toc = " (Hugo's table of contents, where the layout shows one, gets an empty bullet)" \
            if ctx.site.model.generator == "hugo" else ""
        yield Violation(f"the first heading is level {first.level} below the title's H1 ({layout.source} prints it): "
                        f"the outline skips level 2{toc}; use '##'", doc.span(*heading_span(doc, first)))


class TocEmptyLevel(Rule):
    """## What it does
    Reports a heading that skips a level (`##` then `####`) on a Hugo page whose layout shows Hugo's
    table of contents (`.TableOfContents` in its templates, with the page parameters they test such as
    `toc` or `notoc`; Docsy's, when the contents reach its 200 characters), where a skipped level is one
    the table lists (`startLevel` to `endLevel` of `markup.tableOfContents`, 2 to 3 by default): Hugo then
    writes an empty bullet for it.

    ## Why is this bad?
    The table of contents beside or above the post shows a bullet with no text, and the headings under it
    indented one level too deep.

    ## Example
    A post, `content/blog/example.md`, whose layout shows `{{ .TableOfContents }}`:
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ## Day one

    #### Keynote
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ## Day one

    ### Keynote
    ```

    ## Fix safety
    No fix: the author decides which headings move.

    ## Options
    None.

    ## Known problems
    Only layouts in the checkout (and Docsy's) are read; a table of contents a theme shows depending on a
    site parameter is taken as shown. A first heading at `###` below the title is HDG007's; HDG004 (off by
    default) leaves the headings this rule reports alone. Jekyll's kramdown `{:toc}` writes no empty levels.
    """

    code = "HDG008"
    name = "toc-empty-level"
    summary = "A heading skipping a level that Hugo's table of contents then shows as an empty bullet."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for heading, skipped in toc_gaps(doc, ctx):
            yield Violation(f"level-{heading.level} heading skips level {skipped}, which Hugo's table of contents "
                            f"then shows as an empty bullet: use {'#' * skipped}", doc.span(*heading_span(doc, heading)))
