"""MKP003-MKP005: a table with no blank line before or after it, where the renderer then shows its rows as text
or takes the next line for a row; a row whose `|`s make more cells than the header, whose text the page drops;
a `|` that makes kramdown read a paragraph as a table."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Span, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# Lines that are no text beside a table: a kramdown attribute list (`{: .wide}`) and, where Liquid runs
# first, a line of Liquid tags only (it leaves an empty line).
_IAL = re.compile(r"[ \t>]*\{:.*\}[ \t]*$")
_LIQUID_ONLY = re.compile(r"[ \t]*(?:\{%.*?%\}[ \t]*)+$")
# A line a Hugo site does not render as a row: an attribute line (with block attributes on) or shortcodes only.
_ATTRIBUTES = re.compile(r"[ \t>]*\{[^{}]*\}[ \t]*$")
_SHORTCODES_ONLY = re.compile(r"[ \t>]*(?:\{\{[<%].*?[%>]\}\}[ \t]*)+$")

_AFTER = "a table needs a blank line after it on kramdown: the page shows its rows as text"


class TableWithoutBlankLine(Rule):
    """## What it does
    Reports a table that text touches, outside code and HTML. On a kramdown site (Jekyll) a table needs
    a blank line before and after it (a kramdown attribute list `{: .class}` may stand there). On any
    site, a line of text right after a table's last row, with no `|`, is taken as one more row by
    CommonMark's table extension (Hugo's Goldmark, GitHub).

    ## Why is this bad?
    kramdown shows the whole table as a paragraph of pipes and dashes; Goldmark puts the sentence after
    the table in a row of its own, its first cell.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    | Setting | Default |
    |---------|---------|
    | cache   | on      |
    The cache is shared.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    | Setting | Default |
    |---------|---------|
    | cache   | on      |

    The cache is shared.
    ```

    ## Fix safety
    Safe: a blank line goes between the table and the text, and the table becomes the table the
    author wrote; that change of the page is the rule's purpose. No fix inside a block quote.

    ## Options
    None.

    ## Known problems
    Only the tables CommonMark's table extension reads are looked at: a kramdown table without a
    delimiter row (`|---|`) is not.
    """

    code = "MKP003"
    name = "table-without-blank-line"
    summary = "A table that text touches: kramdown shows it as text, Goldmark takes the next line for a row."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if not doc.body_holds("|"):
            return
        model, lines, text = ctx.site.model, doc.lines, doc.text
        kramdown = model.renderer == "kramdown"
        for token in doc.tokens:
            if token.type != "table_open" or token.map is None:
                continue
            first, last = token.map[0] + 1, token.map[1]  # 1-based lines of the header and the last row
            rows = [text[lines.offset(n) : lines.line_end(n)] for n in range(first, last + 1)]
            taken = next((n for n, row in zip(range(first + 2, last + 1), rows[2:], strict=True)
                          if "|" not in row and not self._silent(row, model.block_attributes, kramdown, model.liquid)),
                         None)
            if kramdown and first - 1 >= lines.position(doc.body_start)[0] and \
                    self._text(text[lines.offset(first - 1) : lines.line_end(first - 1)], model.liquid):
                yield self._found(doc, first, "a table needs a blank line before it on kramdown: the page shows "
                                  "its rows as text")
            if taken is not None:
                yield self._found(doc, taken, _AFTER if kramdown else "the line after the table has no blank line "
                                  "before it: the page shows it as a row of the table")
            elif kramdown and last < lines.line_count and \
                    self._text(text[lines.offset(last + 1) : lines.line_end(last + 1)], model.liquid):
                yield self._found(doc, last + 1, _AFTER)

    @staticmethod
    def _silent(row: str, attributes: bool, kramdown: bool, liquid: bool) -> bool:
        """A pipe-less line after a table that makes no row: shortcodes, an attribute line (Goldmark's block
        attributes, kramdown's attribute list), or Liquid tags only."""
        return _SHORTCODES_ONLY.match(row) is not None or (attributes and _ATTRIBUTES.match(row) is not None) \
            or (kramdown and _IAL.match(row) is not None) or (liquid and _LIQUID_ONLY.match(row) is not None)

    @staticmethod
    def _text(line: str, liquid: bool) -> bool:
        """Whether a line beside a table on a kramdown site is one that breaks it."""
        return bool(line.strip(" \t>")) and _IAL.match(line) is None and \
            not (liquid and _LIQUID_ONLY.match(line) is not None)

    @staticmethod
    def _found(doc: Document, line: int, message: str) -> Violation:
        start = doc.lines.offset(line)
        source = doc.text[start : doc.lines.line_end(line)]
        fix = None if source.lstrip().startswith(">") else \
            Fix((Edit(start, start, doc.newline),), description="add a blank line")
        return Violation(f"{message}; add a blank line", doc.span(start + len(source) - len(source.lstrip()),
                                                                 doc.lines.line_end(line)), fix)


_PIPE = re.compile(r"(?<!\\)\|")
_ROW_EDGE = re.compile(r"^[ \t>]*\|?|\|?[ \t]*$")


def _spans_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted, not overlapping) that start between ``start`` and ``end``."""
    first = bisect.bisect_left(spans, (start, -1))
    return list(itertools.takewhile(lambda span: span[0] < end, spans[first:]))


def _cells(row: str) -> list[str]:
    """The cells CommonMark's table extension makes of a row: split at every `|` not escaped, inside code too."""
    return _PIPE.split(_ROW_EDGE.sub("", row))


class TableRowCells(Rule):
    """## What it does
    Reports a table row whose `|`s make more cells than the table has columns, on a site whose renderer
    follows GitHub's table extension (Hugo's Goldmark, GitHub): a `|` inside inline code
    (`` `a|b` ``) splits the cell there too, unless it is escaped (`` `a\\|b` ``). Not on kramdown
    (Jekyll), which keeps code whole and adds a column for extra cells.

    ## Why is this bad?
    The page leaves the extra cells out: their text is lost, and inline code holding a `|` shows as two
    cells with stray backticks.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    | Pattern | Matches |
    |---------|---------|
    | `a|b`   | a or b  |
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    | Pattern | Matches |
    |---------|---------|
    | `a\\|b`  | a or b  |
    ```

    ## Fix safety
    Safe for a `|` inside inline code: it is escaped, which Goldmark shows as `|` in the code, as the
    author wrote it. No fix for other extra cells: which column the text belongs in is the author's to say.

    ## Options
    None.

    ## Known problems
    A `|` inside an HTML `<code>` element splits the cell as well and is not reported. Extra cells that are
    empty (`| a | b | |`) lose nothing and are not reported.
    """

    code = "MKP004"
    name = "table-row-cells"
    summary = "A table row with more cells than columns (a '|' in inline code too): the page drops the extra ones."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if ctx.site.model.renderer == "kramdown" or not doc.body_holds("|"):
            return
        lines, text = doc.lines, doc.text
        for token in doc.tokens:
            if token.type != "table_open" or token.map is None:
                continue
            columns = len(_cells(text[lines.offset(token.map[0] + 1) : lines.line_end(token.map[0] + 1)]))
            for number in range(token.map[0] + 3, token.map[1] + 1):
                start = lines.offset(number)
                row = text[start : lines.line_end(number)]
                piped = [(first, last) for first, last in _spans_within(doc.body.code_spans, start, start + len(row))
                         if _PIPE.search(text, first, last)]
                if piped:
                    edits = tuple(Edit(at.start(), at.end(), "\\|") for first, last in piped
                                  for at in _PIPE.finditer(text, first, last))
                    inner = piped[0][0] + len(text[piped[0][0] : piped[0][1]]) - len(text[piped[0][0] : piped[0][1]].lstrip("`"))
                    yield Violation("a '|' inside inline code splits the table cell: the page shows the code in two "
                                    "cells (and drops the row's last ones); escape it as '\\|'",
                                    doc.span(inner, piped[0][1] - (inner - piped[0][0])),
                                    Fix(edits, description="escape the '|'"))
                    continue
                cells = _cells(row)
                if len(cells) > columns and any(cell.strip() for cell in cells[columns:]):
                    yield Violation(f"this row has {len(cells)} cells and the table {columns} columns: the page "
                                    f"leaves out '{cells[columns].strip()[:40]}' and what follows; move it into "
                                    "a column or add one", self._span(doc, start, row))

    @staticmethod
    def _span(doc: Document, start: int, row: str) -> Span:
        indent = len(row) - len(row.lstrip(" \t>"))
        return doc.span(start + indent, start + len(row.rstrip()))


# What starts a paragraph's first line before its text: block quote and list markers.
_LEAD = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}\.)[ \t]+)?")


class PipeMakesTable(Rule):
    """## What it does
    Reports, on a kramdown site (Jekyll), a paragraph or list item whose first line holds a `|` outside
    code, HTML tags and Liquid tags (`Home | Blog`): kramdown starts a table at such a line. A paragraph
    whose every line holds a `|`, or a line that starts or ends with one, is taken for a table the
    author meant; a line with a `$` (math such as `$|x|$`, where `\\|` means something else) is left alone.

    ## Why is this bad?
    The page shows the line as a one-row table, its text cut at the `|`s.

    ## Example
    `_posts/2024-05-19-notes.md` on a Jekyll site:
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Pick the fast path | the safe path.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Pick the fast path \\| the safe path.
    ```

    ## Fix safety
    Safe: each `|` of the line is escaped (`\\|`), which kramdown shows as `|` in the paragraph the author
    wrote; that change of the page is the rule's purpose.

    ## Options
    None.

    ## Known problems
    Only kramdown sites are looked at: CommonMark (Hugo's Goldmark) starts no table without a delimiter
    row (`|---|`).
    """

    code = "MKP005"
    name = "pipe-makes-table"
    summary = "On kramdown a '|' in a paragraph's first line makes the paragraph a one-row table."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if ctx.site.model.renderer != "kramdown" or not doc.body_holds("|"):
            return
        lines, text = doc.lines, doc.body.prose  # no code, HTML tags, shortcodes or Liquid tags
        for token in doc.tokens:
            if token.type != "paragraph_open" or token.map is None:
                continue
            first, last = token.map[0] + 1, token.map[1]
            start = _LEAD.match(text, lines.offset(first)).end()  # type: ignore[union-attr]
            line = text[start : lines.line_end(first)].rstrip()
            pipes = [start + found.start() for found in _PIPE.finditer(line)]
            if not pipes or line.startswith("|") or line.endswith("|") or "$" in line or (last > first and all(
                    "|" in text[lines.offset(n) : lines.line_end(n)] for n in range(first, last + 1))):
                continue
            yield Violation("kramdown reads a line with a '|' as a table row: the page shows this paragraph as a "
                            "table; escape the '|' as '\\|'", doc.span(pipes[0], pipes[0] + 1),
                            Fix(tuple(Edit(at, at, "\\") for at in pipes), description="escape the '|'"))
