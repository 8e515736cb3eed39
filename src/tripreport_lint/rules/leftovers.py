"""CMT001-CMT002: commented-out blocks and drafting notes left in a post."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.body import html_comments
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# [//]: # (hidden), [comment]: <> (hidden), [//]: # "hidden": a link definition nobody uses.
_IDIOM = re.compile(r"^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(.*?))?[ \t]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
DEFAULT_ALLOW = (
    r"more",  # Hugo's summary divider
    r"(?:tripreport-lint|markdownlint|prettier|cspell|spell-?checker|textlint|vale|remark-lint|alex|lint)\b.*",
    r"toc|/?toc.*",
)
# A marker, not the word: "TODO:" or "FIXME -", a marker alone on its line, or one in brackets.
_NOTE = re.compile(
    r"\b(?:TODO|FIXME|TBD|XXX)\b(?=[ \t]*(?::|\s-\s|$))"
    r"|(?<=[\[(])[ \t]*(?:TODO|FIXME|TBD|XXX)\b"
    r"|\((?:check|verify|confirm|citation needed|source\?|link\?)\)",
    re.M,
)
_NOTE_MARKERS = ("TODO", "FIXME", "TBD", "XXX", "(check)", "(verify)", "(confirm)", "(citation needed)", "(source?)",
                 "(link?)")


@dataclass(frozen=True)
class CommentOptions:
    allow: tuple[str, ...] = field(default=DEFAULT_ALLOW, metadata={
        "help": "Regular expressions, matched against a comment's whole text ignoring case, for comments "
                "that are directives, not leftovers: by default Hugo's `more` divider, `toc`, and the "
                "directives of tripreport-lint, markdownlint, prettier, cspell, textlint, vale and remark-lint."})


@dataclass(frozen=True)
class _Block:
    first_line: int
    last_line: int
    excerpt: str


def _inner(text: str) -> str:
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")") or inner[:1] in "\"'" and inner[-1:] == inner[:1]:
        inner = inner[1:-1]
    return " ".join(inner.split())


class CommentedOutBlock(Rule[CommentOptions]):
    """## What it does
    Finds blocks the author commented out while drafting: `[//]: # (...)` lines (and the
    `[comment]: <> (...)`, `[//]: <> (...)` variants) and HTML `<!-- ... -->` comments standing
    as blocks. Consecutive comment lines are one finding, with an excerpt of what they hide.

    ## Why is this bad?
    Hidden drafts end up in the repository and in the page source, where readers and search
    engines can see them, and they rot: nobody knows whether they are still wanted.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The first day opened with the keynotes.

    [//]: # (### Falco talk)
    [//]: # (need to check the slides)

    The second day was all workshops.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The first day opened with the keynotes.

    The second day was all workshops.
    ```

    ## Fix safety
    Safe: the block is deleted and the blank lines around it collapse to one; comments render as
    nothing, so the page does not change.

    ## Known problems
    HTML comments inside a paragraph are reported but not removed. Content inside Hugo
    `{{< comment >}}` shortcodes is hidden on purpose and not reported.
    """

    code = "CMT001"
    name = "commented-out-block"
    summary = "A commented-out block left in the post."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        allowed = re.compile("|".join(f"(?:{p})" for p in self.options.allow), re.I) if self.options.allow else None

        def exempt(inner: str) -> bool:
            return bool(allowed and allowed.fullmatch(inner.strip()))

        blocks: list[_Block] = []
        for match in _IDIOM.finditer(doc.body.without_code, doc.body_start):
            line = doc.lines.position(match.start())[0]
            excerpt = _inner(match.group(1) or "")
            if blocks and blocks[-1].last_line == line - 1:
                previous = blocks[-1]
                useful = previous.excerpt if re.search(r"\w\w", previous.excerpt) else excerpt
                blocks[-1] = _Block(previous.first_line, line, useful)
            else:
                blocks.append(_Block(line, line, excerpt))
        for start, end in doc.body.html_blocks:
            comment = _HTML_COMMENT.fullmatch(doc.text[start:end].strip())
            if comment and not exempt(comment.group(1)):
                first = doc.lines.position(start)[0]
                blocks.append(_Block(first, doc.lines.position(end - 1)[0], _inner(comment.group(1))))
        hidden = [(doc.lines.position(s)[0], doc.lines.position(e)[0]) for s, e in doc.body.comment_shortcodes]
        for block in sorted(blocks, key=lambda b: b.first_line):
            if not any(first <= block.first_line <= last for first, last in hidden):
                yield self._violation(doc, block)
        for start, end in html_comments(doc.body.without_code, doc.body_start):
            line = doc.lines.position(start)[0]
            inside_block = any(b.first_line <= line <= b.last_line for b in blocks)
            inner = doc.text[start + 4 : end - 3]
            if not inside_block and not exempt(inner) and not _in_html_block(doc, start):
                yield Violation(f"HTML comment left in the text ('{_short(_inner(inner))}'): remove it",
                                doc.span(start, end))

    def _violation(self, doc: Document, block: _Block) -> Violation:
        lines = doc.lines
        start = lines.offset(block.first_line)
        end = lines.offset(block.last_line + 1) if block.last_line < lines.line_count else len(doc.text)
        before_blank = block.first_line > 1 and not doc.text[lines.offset(block.first_line - 1):start].strip()
        after_end = lines.offset(block.last_line + 2) if block.last_line + 1 < lines.line_count else len(doc.text)
        after_blank = block.last_line < lines.line_count and not doc.text[end:after_end].strip()
        if before_blank and (after_blank or end == len(doc.text)):
            # Take one of the blank lines around the block with it, so no double blank line remains.
            if end < len(doc.text):
                end = after_end
            else:
                start = lines.offset(block.first_line - 1)
        count = block.last_line - block.first_line + 1
        where = f"{count} commented-out lines" if count > 1 else "a commented-out line"
        hides = f" hiding '{_short(block.excerpt)}'" if block.excerpt else ""
        return Violation(
            f"{where}{hides}: delete it, or publish what it hides",
            doc.span(lines.offset(block.first_line), lines.line_end(block.last_line)),
            Fix((Edit(start, end),), description="delete the commented-out block"),
        )


def _in_html_block(doc: Document, offset: int) -> bool:
    return any(start <= offset < end for start, end in doc.body.html_blocks)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class DraftingNote(Rule):
    """## What it does
    Finds drafting notes in the prose of a published post: `TODO`, `FIXME`, `TBD` and `XXX` used as
    markers (followed by a colon or a dash, alone at the end of a line, or in brackets), and markers
    such as `(check)` or `(citation needed)`. The words in a sentence ("our TODO list") are not notes.

    ## Why is this bad?
    The post went out unfinished: readers see a note meant for the author.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is online. TODO: add the link.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is online at the conference's channel.
    ```

    ## Fix safety
    No fix: the note is the author's to finish.

    ## Options
    None.

    ## Known problems
    Drafts (`draft: true`) are not checked; code, HTML comments and Hugo `comment` shortcodes are
    not prose and are not read.
    """

    code = "CMT002"
    name = "drafting-note"
    summary = "A TODO-style note in a published post."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        data = doc.front_matter.mapping if doc.front_matter else None
        if data and data.get("draft") is True:
            return
        if not any(marker in doc.text for marker in _NOTE_MARKERS):
            return  # substring searches in C rule out most posts before the slower pattern runs
        for match in _NOTE.finditer(doc.body.prose, doc.body_start):
            line_end = doc.lines.line_end(doc.lines.position(match.start())[0])
            context = doc.text[match.start() : min(line_end, match.start() + 50)].strip()
            yield Violation(f"drafting note '{context}' in a published post: finish or remove it",
                            doc.span(match.start(), match.end()))
