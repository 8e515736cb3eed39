"""CMT001-CMT002: commented-out blocks and drafting notes left in a post."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.body import html_comments
from tripreport_lint.document.document import Document
from tripreport_lint.document.scanning import line_matches
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.unpublished import unpublished
from tripreport_lint.rules.tool_markers import is_tool_marker

# [//]: # (hidden), [comment]: <> (hidden), [//]: # "hidden": a link definition nobody uses.
_IDIOM = re.compile(r"^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(.*?))?[ \t]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# A marker, not the word: "TODO:" or "FIXME -", a marker alone on its line, or one in brackets.
_NOTE = re.compile(
    r"\b(?:TODO|FIXME|TBD|XXX)\b(?=[ \t]*(?::|\s-\s|$))"
    r"|(?<=[\[(])[ \t]*(?:TODO|FIXME|TBD|XXX)\b"
    r"|\((?:check|verify|confirm|citation needed|source\?|link\?)\)",
    re.M,
)
_NOTE_MARKERS = ("TODO", "FIXME", "TBD", "XXX", "(check)", "(verify)", "(confirm)", "(citation needed)", "(source?)",
                 "(link?)")
_NOTE_MARKER = re.compile("|".join(map(re.escape, _NOTE_MARKERS)))  # one pass over a post, not one a marker


@dataclass(frozen=True)
class CommentOptions:
    allow: tuple[str, ...] = field(default=(), metadata={
        "help": "Regular expressions, matched against a comment's whole text ignoring case, for further comments "
                "that are directives, not leftovers. The markers of the tools listed under What it does are "
                "always left alone."})


class _Block(NamedTuple):
    first_line: int
    last_line: int
    excerpt: str
    # False when a tool's marker shares the block's lines: deleting them would delete the marker too.
    removable: bool = True


def _comment_texts(block: str) -> list[str]:
    """The texts of the ``<!-- -->`` comments that make up an HTML block, or none when it holds anything else."""
    parts = _HTML_COMMENT.split(block)
    return parts[1::2] if all(not between.strip() for between in parts[::2]) else []


def _runs(blocks: list[_Block]) -> list[_Block]:
    """Comment blocks on consecutive lines, as one block each: its excerpt the first that says something."""
    runs: list[_Block] = []
    for block in sorted(blocks, key=lambda b: b.first_line):
        if runs and runs[-1].last_line + 1 == block.first_line:
            previous = runs[-1]
            useful = previous.excerpt if re.search(r"\w\w", previous.excerpt) else block.excerpt
            runs[-1] = _Block(previous.first_line, block.last_line, useful, previous.removable and block.removable)
        else:
            runs.append(block)
    return runs


def _inner(text: str) -> str:
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")") or inner[:1] in "\"'" and inner[-1:] == inner[:1]:
        inner = inner[1:-1]
    return " ".join(inner.split())


class CommentedOutBlock(Rule[CommentOptions]):
    """## What it does
    Finds blocks the author commented out while drafting: `[//]: # (...)` lines (and the
    `[comment]: <> (...)`, `[//]: <> (...)` variants) and HTML `<!-- ... -->` comments standing
    as blocks, and HTML comments inside a paragraph. Consecutive comment lines are one finding,
    with an excerpt of what they hide.

    Comments that tools read are not leftovers and are never reported: the summary divider
    (`<!--more-->`, `<!-- more -->`), Docusaurus's `<!-- truncate -->`, the markers of generated
    tables of contents (doctoc's `START doctoc` and `END doctoc`, `toc`, `tocstop`, `/toc`,
    `omit from toc`), and the directives of prettier, markdownlint, rumdl, Vale, cspell,
    codespell, textlint, remark-lint, alex, reveal.js's slide and element attributes
    (`.element: class="fragment"`) and tripreport-lint itself, each when it is the whole
    comment (a comment that merely mentions one is still reported). Where such a marker stands in
    a run of comment lines, the rest of the run is judged without it.

    ## Why is this bad?
    Hidden drafts stay in the repository, and `<!-- -->` comments reach the page source, where
    readers and search engines can see them (Jekyll copies them into the HTML, and so does Hugo
    with `unsafe = true`; `[//]: #` lines render nothing). And they rot: nobody knows whether
    they are still wanted.

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

    <!--more-->

    The second day was all workshops.
    ```

    ## Fix safety
    Unsafe (applied only with `--unsafe-fixes`): the fix deletes the block, and the blank lines
    around it collapse to one. The page does not change, but the author's hidden text is gone,
    and it may be a draft they meant to finish. Comments inside a paragraph, and blocks that
    share a line with a tool's marker, have no fix. A tool's marker is never removed.

    ## Known problems
    Drafts the site does not publish are not checked, as CMT002 says: their hidden text is work in progress.
    Content inside Hugo `{{< comment >}}` shortcodes is hidden on purpose and not reported.
    A comment on a line that also holds other HTML, or in a block quote, is not read.
    """

    code = "CMT001"
    name = "commented-out-block"
    summary = "A commented-out block left in the post."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if _draft(doc, ctx):
            return
        allowed = re.compile("|".join(f"(?:{p})" for p in self.options.allow), re.I) if self.options.allow else None

        def directive(text: str) -> bool:
            return is_tool_marker(text) or bool(allowed and allowed.fullmatch(text.strip()))

        hidden = doc.body.comment_shortcodes
        hidden_lines = [(doc.lines.position(s)[0], doc.lines.position(e)[0]) for s, e in hidden]
        blocks: list[_Block] = []
        idiom_lines: set[int] = set()
        for match in line_matches(_IDIOM, doc.body.without_code, "]:", doc.body_start):
            line = doc.lines.position(match.start())[0]
            idiom_lines.add(line)
            excerpt = _inner(match.group(1) or "")
            if not directive(excerpt):
                blocks.append(_Block(line, line, excerpt))
        for start, end in doc.body.html_blocks:
            texts = _comment_texts(doc.text[start:end])
            kept = [text for text in texts if not directive(text)]
            if kept:
                first, last = doc.lines.position(start)[0], doc.lines.position(end - 1)[0]
                blocks.append(_Block(first, last, _inner(kept[0]), len(kept) == len(texts)))
        shown = [b for b in blocks if not any(first <= b.first_line <= last for first, last in hidden_lines)]
        for run in _runs(shown):
            yield self._violation(doc, run)
        for start, end in html_comments(doc.body.without_code, doc.body_start):
            inner = doc.text[start + 4 : end - 3]
            if (doc.lines.position(start)[0] in idiom_lines or directive(inner) or _in_html_block(doc, start)
                    or any(first <= start < last for first, last in hidden)):
                continue
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
            Fix((Edit(start, end),), Applicability.UNSAFE, "delete the commented-out block") if block.removable else None,
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
    Drafts the site does not publish (`draft: true`; Jekyll's `published: false` or `_drafts` folder) are
    not checked; code, HTML comments and Hugo `comment` shortcodes are
    not prose and are not read.
    """

    code = "CMT002"
    name = "drafting-note"
    summary = "A TODO-style note in a published post."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if _NOTE_MARKER.search(doc.text) is None or _draft(doc, ctx):
            return  # a search for the markers rules out most posts before the rest is asked
        for match in _NOTE.finditer(doc.body.prose, doc.body_start):
            line_end = doc.lines.line_end(doc.lines.position(match.start())[0])
            context = doc.text[match.start() : min(line_end, match.start() + 50)].strip()
            yield Violation(f"drafting note '{context}' in a published post: finish or remove it",
                            doc.span(match.start(), match.end()))


def _draft(doc: Document, ctx: Context) -> bool:
    """Whether the post is a draft the site does not publish (Hugo's ``draft: true``; Jekyll's ``published:
    false`` or ``_drafts`` folder; elsewhere ``draft: true``, as Gatsby's starters have it): work in progress,
    whose hidden text and notes are the author's to finish."""
    if ctx.site.model.generator in ("hugo", "jekyll"):
        state = unpublished(doc.path, ctx, doc)
        return state is not None and state.reason == "draft"
    data = doc.front_matter.mapping if doc.front_matter else None
    return data is not None and data.get(ctx.key_as_written(data, "draft")) is True
