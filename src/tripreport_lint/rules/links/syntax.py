"""LNK001-LNK003, LNK007-LNK010: link syntax that does not render as the author meant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.rules.context import Context
from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule

# Patterns start with the character they look for and check the one before it with a look-behind
# placed after it: a pattern that starts with a look-behind is tried at every position of the text.
_OPEN_TARGET = re.compile(r"\]\((?:[^\s()]|\([^\s()]*\))*")
_SPACED = re.compile(r"\[(?<!\\\[)((?:[^\[\]\n\\]|\\.){1,999})\][ \t]+\(((?:https?://|/|\./|\.\./)[^\s()]*)\)")
_LINK_WORDS = {"link", "here", "this", "slides", "video", "recording", "source", "docs", "article", "website",
               "repo", "url", "blog", "talk"}
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)
_BRACKETED = re.compile(r"\[(?<![\]!\\\w]\[)([^\[\]\n]{1,80})\](?![\[(:])")
_PLACEHOLDER_TARGETS = {"", "#", "todo", "tbd", "fixme", "link", "url", "...", "xxx", "http://", "https://"}
_PROSE_PLACEHOLDER = re.compile(r"\((?:link|url|source|here)\)|\[(?:link|url|source)\](?![\[(:])", re.I)
_BARE_URL = re.compile(r"http(?<![\w/<(\[\"'=]http)s?://[A-Za-z0-9\[][^\s<>\[\]\"'`]*")
# Letters of scripts that separate words with spaces; Chinese and Japanese do not.
_SPACED_SCRIPT = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\uAC00-\uD7AF]")
_IMG_TAG = re.compile(r"<img\b[^<>]*>", re.I)
_USED_LABEL = re.compile(r"\[(?<!\\\[)((?:[^\[\]\\]|\\.){1,999})\](?![(:])")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _labels(doc: Document) -> set[str]:
    return {_label(d.label) for d in doc.body.definitions}


class MalformedLink(Rule):
    """## What it does
    Finds text meant as a link that does not render as one: a target whose `)` is missing, a space
    between `]` and `(`, text in parentheses glued right after a link, and a bracketed domain or
    link word (`[kanister.io]`, `[slides]`) with no target and no definition.

    ## Why is this bad?
    Readers see raw brackets and URLs instead of a link, or a link whose target swallowed the text
    after it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the book](https://example.com/observability
    and see [the slides] (https://example.com/slides.pdf).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the book](https://example.com/observability)
    and see [the slides](https://example.com/slides.pdf).
    ```

    ## Fix safety
    Safe where the repair is unambiguous: a missing `)` after a URL that ends its line is added, and
    a space between `]` and `(` is removed. Glued parentheses and lone brackets are reported only.

    ## Options
    None.

    ## Known problems
    Links are found in the Markdown source; exotic syntax (nested brackets two levels deep) can hide one.
    """

    code = "LNK001"
    name = "malformed-link"
    summary = "Link syntax that does not render as a link."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body = doc.body
        text = body.comments_blanked
        labels = _labels(doc)
        closer = -1  # the next ')' after the last target looked at; len(text) when there is none
        for match in _OPEN_TARGET.finditer(text, doc.body_start):
            if body.in_link(match.start()):
                continue
            line_end = doc.lines.line_end(doc.lines.position(match.start())[0])
            target = match.group()[2:]
            if closer < match.end():  # each stretch of text searched once, however many targets it holds
                closer = text.find(")", match.end())
                closer = len(text) if closer < 0 else closer
            if closer < line_end:
                continue  # closed after a title or a space: a link the scanner did not see whole
            fix = None
            if target and match.end() == line_end and re.match(r"https?://|/|\.", target):
                fix = Fix((Edit(match.end(), match.end(), ")"),), description="close the link")
            yield Violation(f"link target '{target}' is never closed: add ')' after it",
                            doc.span(match.start() + 1, match.end()), fix)
        for match in _SPACED.finditer(text, doc.body_start):
            if _label(match.group(1)) in labels:
                continue
            gap_start = match.start() + len(match.group(1)) + 2
            gap_end = text.index("(", gap_start)
            yield Violation("space between ']' and '(' breaks the link: remove it",
                            doc.span(match.start(), match.end()),
                            Fix((Edit(gap_start, gap_end),), description="remove the space"))
        for link in body.links:
            after = re.match(r"\([^()\n]*\)", text[link.end : link.end + 200])
            if link.target is not None and after:
                yield Violation(f"'{after.group()}' is glued to the link before it: separate it with a space "
                                "or move it into the link text", doc.span(link.end, link.end + after.end()))
        prose = body.prose
        for match in _BRACKETED.finditer(text, doc.body_start):
            inner = match.group(1).strip()
            looks_like_link = inner.casefold() in _LINK_WORDS or _DOMAIN.match(inner)
            if not looks_like_link or _label(inner) in labels or prose[match.start()] != "[":
                continue
            if body.in_link(match.start()):
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
            if link.image or not _SPACED_SCRIPT.match(before) or link.text.startswith("^"):
                continue
            word = re.search(r"\w+$", doc.text[max(0, link.start - 40) : link.start])
            yield Violation(
                f"link '[{link.text}]' is glued to '{word.group() if word else before}': add a space before it",
                doc.span(link.start, link.end),
                Fix((Edit(link.start, link.start, " "),), description="add a space"),
            )


class PlaceholderLink(Rule):
    """## What it does
    Finds links whose target is a placeholder (`[x]()`, `[x](#)`, `[x](TODO)`, `[x](link)`), and
    placeholders in the prose where a link should be: `(link)`, `[link]`.

    ## Why is this bad?
    The author meant to add the address later and forgot: readers get a dead or missing link.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is [on YouTube](TODO). The slides are here (link).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The recording is [on YouTube](https://youtu.be/example). The slides are not online yet.
    ```

    ## Fix safety
    No fix: the real address is unknown.

    ## Options
    None.

    ## Known problems
    A deliberate `[top](#)` link to the top of the page is reported too; suppress it inline.
    """

    code = "LNK003"
    name = "placeholder-link"
    summary = "A link whose target is a placeholder."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.links:
            if link.target is not None and link.target.strip().casefold() in _PLACEHOLDER_TARGETS:
                shown = link.target or "empty"
                yield Violation(f"link '[{link.text}]' has a placeholder target ({shown}): add the real address",
                                doc.span(link.start, link.end))
        for match in _PROSE_PLACEHOLDER.finditer(doc.body.prose, doc.body_start):
            if not doc.body.in_link(match.start()):
                yield Violation(f"placeholder '{match.group()}' where a link should be: add the link or remove it",
                                doc.span(match.start(), match.end()))


class BareUrl(Rule):
    """## What it does
    Finds URLs written as plain text in the prose, outside links, autolinks and code.

    ## Why is this bad?
    Plain CommonMark renders them as text, not links; renderers that do link them (GitHub,
    Hugo's default Goldmark) guess where the URL ends, and trailing punctuation often ends up in it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at https://example.com/schedule.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at <https://example.com/schedule>.
    ```

    ## Fix safety
    Safe: the URL, without trailing sentence punctuation, is wrapped in `<...>`, an autolink that
    every Markdown renderer links the same way.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK009"
    name = "bare-url"
    summary = "A URL in the prose that is not a link."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for match in _BARE_URL.finditer(doc.body.prose, doc.body_start):
            url = match.group()
            while url and (url[-1] in ".,;:!?*_~" or (url[-1] == ")" and url.count("(") < url.count(")"))):
                url = url[:-1]
            start, end = match.start(), match.start() + len(url)
            if doc.body.in_link(start):
                continue
            yield Violation(f"bare URL {url}: wrap it in <...> to make it a link", doc.span(start, end),
                            Fix((Edit(start, start, "<"), Edit(end, end, ">")), description="wrap it in <...>"))


class ImageWithoutAlt(Rule):
    """## What it does
    Finds images with no alternative text: `![](picture.png)` and `<img>` tags without `alt`.

    ## Why is this bad?
    Screen readers announce the file name or nothing; search engines and readers on slow
    connections get no description.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![](booth.jpg)
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    ![Our booth on the first morning](booth.jpg)
    ```

    ## Fix safety
    No fix: only the author can describe the picture.

    ## Options
    None.

    ## Known problems
    A decorative image may deliberately have an empty `alt=""`; that is accepted in `<img>` tags.
    """

    code = "LNK010"
    name = "image-without-alt"
    summary = "An image has no alternative text."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for link in doc.body.links:
            if link.image and not link.text.strip():
                yield Violation(f"image '{link.target}' has no alt text: describe it between the brackets",
                                doc.span(link.start, link.end))
        for match in _IMG_TAG.finditer(doc.body.without_code, doc.body_start):
            if not re.search(r"\balt\s*=", match.group(), re.I):
                yield Violation("<img> has no alt attribute: add alt=\"...\" describing the picture",
                                doc.span(match.start(), match.end()))


class UndefinedReference(Rule):
    """## What it does
    Finds reference links `[text][label]` (and `[label][]`) whose label has no definition.

    ## Why is this bad?
    Without a definition the brackets show as plain text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].

    [flux]: https://fluxcd.io/
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    Labels compare without regard to case and runs of whitespace, as CommonMark does.
    """

    code = "LNK007"
    name = "undefined-reference"
    summary = "A reference link whose label is not defined."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        labels = _labels(doc)
        for link in doc.body.links:
            if link.label is not None and _label(link.label) not in labels and not link.label.startswith("^"):
                yield Violation(f"reference '[{link.label}]' is not defined: add a line '[{link.label}]: <url>'",
                                doc.span(link.start, link.end))


class UnusedDefinition(Rule):
    """## What it does
    Finds link reference definitions (`[label]: url`) that no link uses. The `[//]: # (...)`
    comment idiom is left to CMT001.

    ## Why is this bad?
    Usually the link that should use it was removed or misspelt, so a link is missing.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the project page.

    [flux]: https://fluxcd.io/
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the [project page][flux].

    [flux]: https://fluxcd.io/
    ```

    ## Fix safety
    No fix: the definition may be meant for a link still to be written.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "LNK008"
    name = "unused-definition"
    summary = "A link definition that no link uses."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.body.comments_blanked
        used = {_label(link.label) for link in doc.body.links if link.label is not None}
        used |= {_label(m.group(1)) for m in _USED_LABEL.finditer(text)}
        for definition in doc.body.definitions:
            if definition.target in ("#", "<>", "") or definition.label.startswith("^") or _label(definition.label) in used:
                continue
            yield Violation(f"definition '[{definition.label}]' is never used: use it in a link or remove it",
                            doc.span(definition.start, definition.end))
