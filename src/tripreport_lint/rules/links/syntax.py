"""LNK001, LNK002, LNK013-LNK015: link syntax that does not render as the author meant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Violation
from tripreport_lint.document import templates
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.brackets import LINK_WORDS, is_address
from tripreport_lint.rules.links.references import defined_labels, normal_label

# Patterns start with the character they look for and check the one before it with a look-behind
# placed after it: a pattern that starts with a look-behind is tried at every position of the text.
_OPEN_TARGET = re.compile(r"\]\((?:[^\s()]|\([^\s()]*\))*")
_TARGET_RUN = re.compile(r"(?:[^\s(){]|\([^\s()]*\)|\{(?![{%]))*")
_SPACED = re.compile(r"\[(?<!\\\[)((?:[^\[\]\n\\]|\\.){1,999})\][ \t]+\(((?:https?://|/|\./|\.\./)[^\s()]*)\)")
_GLUED_AFTER = re.compile(r"\([^()\n]*\)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)
# Not `[text]](url)` (LNK019's) nor `(text)[example.com/a]` (LNK018's).
_BRACKETED = re.compile(r"\[(?<![\]!\\\w]\[)([^\[\]\n]{1,80})\](?![\[(:]|\]\()")
# A bracketed word opening a list item or line, then the text: a changelog's tag ("- [Docs] Fix ...").
_TAG_BEFORE = re.compile(r"[ \t]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)?")
_TAG_AFTER = re.compile(r" [A-Za-z]")
# Letters of scripts that separate words with spaces (ASCII letters and digits, and these ranges of code
# points); Chinese and Japanese do not. Ranges, not a character class, which takes ~1 ms to compile.
_SPACED_SCRIPT = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0xAC00, 0xD7AF))


def _spaced(char: str) -> bool:
    """Whether the character (one, or none) is a letter or digit of such a script."""
    return len(char) == 1 and ((char.isascii() and char.isalnum()) or any(
        low <= ord(char) <= high for low, high in _SPACED_SCRIPT))


class MalformedLink(Rule):
    """## What it does
    Finds a link whose target is never closed: `[text](https://...` with no `)` on its line.

    ## Why is this bad?
    The page shows raw brackets and the URL instead of a link, or a link whose target swallowed
    the text after it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the book](https://example.com/observability
    before the workshop.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the book](https://example.com/observability)
    before the workshop.
    ```

    ## Fix safety
    Safe when the target is a URL or path that ends its line: the `)` is added there. Otherwise
    where the target was meant to end is a guess, and the finding has no fix.

    ## Options
    None.

    ## Known problems
    Links are found in the Markdown source; exotic syntax (nested brackets two levels deep) can hide one.
    A target holding a template tag that the site expands first (Liquid's `{{ site.repository }}` or
    `{% link ... %}` on a Jekyll site, a shortcode on a Hugo site) may run over a line break.
    The other shapes of broken link have codes of their own: LNK013 (a space before the target),
    LNK014 (text glued after a link), LNK015 (a bracketed link word with no target).
    """

    code = "LNK001"
    name = "malformed-link"
    summary = "A link target whose closing ')' is missing."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body = doc.body
        text = body.comments_blanked
        model = ctx.site.model
        # Template tags the site expands before Markdown reads the post: a target may hold one, spaces
        # and line breaks included.
        expanded = ("{{", "{%") if model.liquid else ("{{<", "{{%") if model.generator == "hugo" else ()
        tag_ends: dict[int, int] | None = None
        closer = -1  # the next ')' after the last target looked at; len(text) when there is none
        searched = -1  # where that search started
        for match in _OPEN_TARGET.finditer(text, doc.body_start):
            if body.in_link(match.start()):
                continue
            end = match.end()
            if expanded and text.startswith(expanded, match.start() + 2):
                tag_ends = dict(templates.tags(text, doc.body_start)) if tag_ends is None else tag_ends
                end = _past_tags(text, match.start() + 2, tag_ends)
                if text.startswith(")", end):
                    continue
            line_end = doc.lines.line_end(doc.lines.position(end)[0])
            target = text[match.start() + 2 : end]
            if "）" in target and is_address(target.split("）", 1)[0]):
                continue  # closed by a full-width '）': LNK020's
            if closer < end or end < searched:  # each stretch of text searched once, however many targets it holds
                closer, searched = text.find(")", end), end
                closer = len(text) if closer < 0 else closer
            if closer < line_end:
                continue  # closed after a title or a space: a link the scanner did not see whole
            fix = None
            if target and end == line_end and re.match(r"https?://|/|\.", target):
                fix = Fix((Edit(end, end, ")"),), description="close the link")
            yield Violation(f"link target '{target}' is never closed: add ')' after it",
                            doc.span(match.start() + 1, end), fix)


def _past_tags(text: str, at: int, tag_ends: dict[int, int]) -> int:
    """Where a link target starting at ``at`` ends, each template tag in it taken whole."""
    while True:
        at = _TARGET_RUN.match(text, at).end()  # type: ignore[union-attr]
        if at not in tag_ends:
            return at
        at = tag_ends[at]


class SpaceBeforeLinkTarget(Rule):
    """## What it does
    Finds a space between the `]` of a link text and the `(` of its target:
    `[the slides] (https://...)`.

    ## Why is this bad?
    Markdown needs `](` together: with a space, readers see the brackets and the URL in parentheses
    as plain text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the slides] (https://example.com/slides.pdf).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the slides](https://example.com/slides.pdf).
    ```

    ## Fix safety
    Safe: the space is removed. A bracketed text that is a defined reference label (`[flux] (...)`
    renders as a link followed by parentheses) is not reported.

    ## Options
    None.

    ## Known problems
    Only targets that look like addresses (`https://`, `/`, `./`, `../`) are considered, so that
    prose such as `[sic] (as he said)` is left alone.
    """

    code = "LNK013"
    name = "space-before-link-target"
    summary = "A space between ']' and '(' breaks a link."
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.body.comments_blanked
        labels = defined_labels(doc, ctx)
        for match in _SPACED.finditer(text, doc.body_start):
            if normal_label(match.group(1)) in labels:
                continue
            gap_start = match.start() + len(match.group(1)) + 2
            gap_end = text.index("(", gap_start)
            yield Violation("space between ']' and '(' breaks the link: remove it",
                            doc.span(match.start(), match.end()),
                            Fix((Edit(gap_start, gap_end),), description="remove the space"))


class TextGluedToLink(Rule):
    """## What it does
    Finds text in parentheses written right after a link, with no space: `[Flux](https://fluxcd.io)(CNCF)`.

    ## Why is this bad?
    It usually means a second target or a note that was meant inside the link; on the page the
    parentheses run into the link text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We use [Flux](https://fluxcd.io/)(a CNCF project) for delivery.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We use [Flux](https://fluxcd.io/) (a CNCF project) for delivery.
    ```

    ## Fix safety
    No fix: whether the text belongs in the link or beside it is the author's choice.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK014"
    name = "text-glued-to-link"
    summary = "Text in parentheses glued right after a link."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.body.comments_blanked
        for link in doc.body.links:
            after = _GLUED_AFTER.match(text, link.end, link.end + 200)
            if link.target is not None and after:
                yield Violation(f"'{after.group()}' is glued to the link before it: separate it with a space "
                                "or move it into the link text", doc.span(link.end, after.end()))


class LinkWithoutTarget(Rule):
    """## What it does
    Finds a bracketed domain or link word (`[kanister.io]`, `[slides]`, `[here]`) that has no target
    and no reference definition.

    ## Why is this bad?
    The author meant a link and forgot the address: readers see the brackets as plain text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is on [YouTube] and the slides are [here].
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is on [YouTube](https://youtu.be/example) and the slides are
    [here](https://example.com/slides.pdf).
    ```

    ## Fix safety
    No fix: the address is unknown.

    ## Options
    None.

    ## Known problems
    Only domains and common link words (`link`, `here`, `slides`, `video`, `docs`, ...) are
    reported; other bracketed text is often deliberate (`[sic]`, `[1]`), and so is a word opening a
    list item or line before its text, a changelog's tag (`- [Docs] Fix the example`).
    """

    code = "LNK015"
    name = "link-without-target"
    summary = "A bracketed link word or domain with no target."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body = doc.body
        text, prose = body.comments_blanked, body.prose
        labels = defined_labels(doc, ctx)
        for match in _BRACKETED.finditer(text, doc.body_start):
            inner = match.group(1).strip()
            looks_like_link = inner.casefold() in LINK_WORDS or _DOMAIN.match(inner)
            if not looks_like_link or normal_label(inner) in labels or prose[match.start()] != "[":
                continue
            line_start = doc.lines.offset(doc.lines.position(match.start())[0])
            if _TAG_BEFORE.fullmatch(text, line_start, match.start()) and _TAG_AFTER.match(text, match.end()):
                continue
            if body.in_link(match.start()) or (text[match.start() - 1] == ")" and is_address(inner)):
                continue
            yield Violation(f"'[{inner}]' has no target and no definition, so it shows as plain text: "
                            "add '(url)' after it", doc.span(match.start(), match.end()))


class LinkGluedToWord(Rule):
    """## What it does
    Finds a link that starts right after a letter or digit, as in `with[kanister.io](https://...)`.

    ## Why is this bad?
    The link text runs into the word before it on the page (`withkanister.io`).

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Data protection with[Kanister](https://kanister.io/).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Data protection with [Kanister](https://kanister.io/).
    ```

    ## Fix safety
    Safe: a space is inserted before the link.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK002"
    name = "link-glued-to-word"
    summary = "A link glued to the word before it."
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.links:
            before = doc.text[link.start - 1 : link.start] if link.start else ""
            if link.image or not _spaced(before) or link.text.startswith("^"):
                continue
            word = re.search(r"\w+$", doc.text[max(0, link.start - 40) : link.start])
            yield Violation(
                f"link '[{link.text}]' is glued to '{word.group() if word else before}': add a space before it",
                doc.span(link.start, link.end),
                Fix((Edit(link.start, link.start, " "),), description="add a space"),
            )
