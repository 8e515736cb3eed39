"""ENC006-ENC008: whitespace at line ends, the final line break, and mixed line breaks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tripreport_lint.diagnostics import (
    Edit,
    Fix,
    FixAvailability,
    Severity,
    Violation,
)
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# Trailing spaces and tabs, matched from the start of their run only, so a long run costs linear time.
_TRAILING_RUN = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*(?=\r\n|\r|\n|\Z)")  # look-behind second: see links.py
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_EMPTY_HEADING = re.compile(r" {0,3}#{1,6}")


def _verbatim_lines(doc: Document) -> set[int]:
    """1-based lines of code blocks (Markdown's, and Hugo and Jekyll highlight blocks) and raw HTML
    blocks: both reach the page as written."""
    lines: set[int] = set()
    for start, end in doc.body.code_blocks + doc.body.html_blocks + doc.body.template_code:
        first = doc.lines.position(start)[0]
        last = doc.lines.position(max(start, end - 1))[0]
        if first < last or (start, end) not in doc.body.template_code:  # an inline {% raw %} span is no block
            lines.update(range(first, last + 1))
    return lines


class TrailingWhitespace(Rule):
    """## What it does
    Reports spaces and tabs at the end of lines of the body, outside code blocks (Markdown's, and
    Hugo and Jekyll `highlight` and Jekyll `raw` blocks) and raw HTML blocks (both reach the page
    byte for byte; inside `<pre>` a space shows). Two or more
    spaces ending a line that the paragraph continues on are a Markdown hard line break and are
    left alone.

    ## Why is this bad?
    Invisible noise that makes diffs and reviews harder; a trailing space at the end of a paragraph
    renders as nothing.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The keynote ran late.\t
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The keynote ran late.
    ```

    ## Fix safety
    Safe: only whitespace that renders as nothing is removed; hard line breaks are kept.

    ## Options
    None.

    ## Known problems
    Front matter lines are not checked: YAML block scalars keep their trailing spaces. An empty
    heading (`#` and spaces) is left as it is: mdformat writes it as `# `, and HDG005 reports it.
    """

    code = "ENC006"
    default_enabled = False
    name = "trailing-whitespace"
    summary = "Whitespace at the end of a line."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        skip = _verbatim_lines(doc)
        for match in _TRAILING_RUN.finditer(doc.text, doc.body_start if doc.front_matter else 0):
            number = doc.lines.position(match.start())[0]
            start, end = doc.lines.offset(number), match.end()
            if number in skip or _EMPTY_HEADING.fullmatch(doc.text, start, match.start()):
                continue  # mdformat writes an empty heading as '# ': removing the space would undo FMT001
            following = doc.text[end : doc.lines.line_end(number + 1)] if number < doc.lines.line_count else ""
            hard_break = (match.group().startswith("  ") and "\t" not in match.group()
                          and following.strip() and match.start() > start)
            if hard_break and not doc.text[start:end].lstrip().startswith("#"):
                continue
            yield Violation(
                "trailing whitespace: remove it",
                doc.span(match.start(), match.end()),
                Fix((Edit(match.start(), match.end()),), description="remove it"),
            )


class MissingFinalNewline(Rule):
    """## What it does
    Reports a file whose last line does not end with a line break.

    ## Why is this bad?
    POSIX tools and `git diff` (`\\ No newline at end of file`) treat the last line specially, and
    concatenating files glues lines together.

    ## Example
    A post whose last line has no line break after it.

    ## Use instead
    The same post with a line break at the end.

    ## Fix safety
    Safe: one line break, in the file's own style, is added.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "ENC007"
    default_enabled = False
    name = "missing-final-newline"
    summary = "The file does not end with a line break."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.text
        if text and not text.endswith(("\n", "\r")):
            end = len(text)
            yield Violation("no line break at the end of the file: add one", doc.span(end),
                            Fix((Edit(end, end, doc.newline),), description="add a line break"))


class MixedLineEndings(Rule):
    """## What it does
    Reports line breaks that differ from the file's most common style (`\\n`, `\\r\\n` or `\\r`).

    ## Why is this bad?
    Mixed endings come from pasting between systems; they make every tool that compares lines
    (git, diff, this linter's own line numbers in other editors) disagree.

    ## Example
    A file of `\\n` lines with a few `\\r\\n` lines pasted in.

    ## Use instead
    The same file with `\\n` everywhere.

    ## Fix safety
    Safe: the odd line breaks are rewritten in the file's most common style.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "ENC008"
    default_enabled = False
    name = "mixed-line-endings"
    summary = "The file mixes line break styles."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if "\r" not in doc.text:
            return  # only LF: nothing can be mixed
        breaks = list(_LINE_BREAKS.finditer(doc.text))
        counts = Counter(m.group() for m in breaks)
        if len(counts) < 2:
            return
        usual = counts.most_common(1)[0][0]
        odd = [m for m in breaks if m.group() != usual]
        shown = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}
        yield Violation(
            f"{len(odd)} line break{'s' if len(odd) != 1 else ''} differ from the file's usual "
            f"{shown[usual]} (first here): use {shown[usual]} throughout",
            doc.span(odd[0].start(), odd[0].start()),
            Fix(tuple(Edit(m.start(), m.end(), usual) for m in odd), description=f"use {shown[usual]}"),
        )
