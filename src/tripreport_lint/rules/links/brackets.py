"""LNK018-LNK019: link syntax with its brackets in the wrong order, or one bracket too many."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.references import defined_labels, normal_label

# `(text)[target]`, an image's `!(alt)[source]` too; not after `)` or `]` (a link's own target), nor
# before `(`, `[` or `:` (`(a)[b](c)` holds a link).
_REVERSED = re.compile(r"\((?<![)\]\\]\()([^()\n]{1,300})\)\[([^\[\]\n]{1,500})\](?![(\[:])")
_GLUED = re.compile(r"[A-Za-z0-9_]")
# One address, with a title after it perhaps: what a link target holds.
_TARGET = re.compile(r"\S+(?:\s+\"[^\"\n]*\")?")
_LETTER = re.compile(r"[^\W\d_]")
# Bracketed words that stand for a link (LNK015 reports them without a target: `(the talk)[slides]`
# is its finding), and editors' marks (`(as he wrote)[sic]`).
LINK_WORDS = frozenset({"link", "here", "this", "slides", "video", "recording", "source", "docs", "article",
                        "website", "repo", "url", "blog", "talk"})
_EDITORIAL = frozenset({"sic", "sic!", "citation needed", "emphasis added", "emphasis mine", "edit", "update",
                        "updated", "note", "archive", "archived"})
# `[text]](target)`: one `]` too many (not `[[text]](...)`, whose brackets show inside the link on purpose).
_EXTRA_CLOSE = re.compile(r"\[(?<![\[\]\\]\[)([^\[\]\n]{1,500})\]\]\((?:[^\s()]|\([^\s()]*\))*\)")
# `[[text](target)`: one `[` too many.
_EXTRA_OPEN = re.compile(r"\[(?<![\[\\]\[)\[(?=[^\[\]\n^])")
_BRACKET = re.compile(r"[\[\]]")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|$)")


# Compiled on first use (most posts hold nothing a link rule asks them of; they take ~0.6 ms to compile).
@cache
def _address() -> re.Pattern[str]:
    """An address a link can lead to, beyond doubt: a scheme, `www.`, a path from the site's root or the
    page's folder, a fragment, a domain with a path, or a file with a web page's or picture's extension."""
    return re.compile(
        r"(?:[a-z][a-z0-9+.-]{1,20}://|mailto:|/|\./|\.\./|#[\w-])\S*"
        r"|[\w./-]+\.(?:md|markdown|html?|pdf|png|jpe?g|gif|svg|webp)(?:#\S*)?"
        r"|(?P<host>www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)", re.I)


@cache
def _web_start() -> re.Pattern[str]:
    """The start of a web address: a scheme, `mailto:` or `www.`."""
    return re.compile(r"[a-z][a-z0-9+.-]{1,20}://|mailto:|www\.", re.I)


def _in_math(doc: Document, dollars: list[int], start: int, end: int) -> bool:
    """Whether ``start``-``end`` stands between `$` signs (at ``dollars``) on its line (`$(a,b)[i,j]$`)."""
    if not dollars:
        return False
    line = doc.lines.position(start)[0]
    before, after = bisect.bisect_left(dollars, start) - 1, bisect.bisect_left(dollars, end)
    return (before >= 0 and dollars[before] >= doc.lines.offset(line)
            and after < len(dollars) and dollars[after] < doc.lines.line_end(line))


def _words(first: str, second: str) -> bool:
    """Whether `(first)[second]` reads as link text and a link's words, not a formula, a citation, an
    editor's mark or a link word that LNK015 reports."""
    words = second.casefold()
    return (len(first) > 1 and len(second) > 1 and _LETTER.search(first) is not None
            and _LETTER.search(second) is not None and words not in LINK_WORDS and words not in _EDITORIAL)


def _web(text: str) -> bool:
    """Whether a part is one web address (a title after it perhaps)."""
    return _web_start().match(text) is not None and _TARGET.fullmatch(text) is not None


def _reading(first: str, second: str) -> bool | None:
    """Which part of `(first)[second]` is the address: True for the second, False for the first, None
    when that is not clear. A web address wins over a path or fragment (`(#159)[https://...]`)."""
    for test in (_web, is_address):
        if test(second) and not test(first):
            return True
        if test(first) and not test(second):
            return None if second.isdigit() else False
    return None


def is_address(text: str) -> bool:
    """Whether a link target can only be an address (not words, a number or a math index)."""
    return _address().fullmatch(text.strip()) is not None


def is_host_address(text: str) -> bool:
    """Whether an address starts with a host but no scheme (`www.example.com`, `example.com/a`): as a
    link target, a path relative to the page."""
    found = _address().fullmatch(text.strip())
    return found is not None and found["host"] is not None


class ReversedLink(Rule):
    """## What it does
    Finds a link written with its brackets the wrong way round: `(text)[https://...]`, or the address
    first, `(https://...)[text]`, and `!(alt)[picture.png]` for an image (markdownlint's MD011).

    ## Why is this bad?
    No Markdown renderer reads it as a link: the page shows the parentheses, the brackets and the
    address as plain text.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The (recording of the talk)[https://example.com/talk] is online.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The [recording of the talk](https://example.com/talk) is online.
    ```

    ## Fix safety
    Safe: the text goes in brackets and the address in parentheses, `[text](address)`, when exactly one
    of the two parts is an address (a scheme, `www.`, a path, a `#fragment`, a domain with a path or a
    file such as `notes.md`), so there is one reading. Unsafe for an address written
    without its scheme (`www.example.com`, `example.com/docs`): as a link target that is a path
    relative to the page, so the fix adds `https://`, which is a guess.

    ## Options
    None.

    ## Known problems
    When neither part is an address (`(the manual)[manual page]`) the finding has no fix. Unlike
    MD011, these are deliberate text and left alone: a number or a single letter in brackets (`(see
    above)[1]`, `(a)[b]`), an editor's mark (`(as written)[sic]`), `f(x)[i]` right after a word
    (unless a web address follows: `Text(manual)[https://...]`), anything between `$` signs on its
    line (`$(a,b)[i,j]$`), a label the post defines (`(the docs)[1]` with a `[1]: ...` line renders
    a reference link) and a footnote (`(example)[^1]`). A link word in brackets (`(the talk)[slides]`)
    is LNK015's finding.
    """

    code = "LNK018"
    name = "reversed-link"
    summary = "A link written as (text)[url]: the page shows it as text."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body, text = doc.body, doc.text
        labels = defined_labels(doc, ctx)
        dollars = [found.start() for found in re.finditer(r"\$", body.prose)] if "$" in body.prose else []
        for match in _REVERSED.finditer(body.prose, doc.body_start):
            start = match.start()
            first, second = match.group(1).strip(), match.group(2).strip()
            if body.in_link(start) or second.startswith("^") or normal_label(second) in labels:
                continue
            if _in_math(doc, dollars, start, match.end()):
                continue
            order = _reading(first, second)
            if _GLUED.match(body.prose, start - 1) and not (order and _web(second)):
                continue  # `f(x)[i]`: an index, unless a web address follows
            if order is None:
                if _words(first, second):
                    yield Violation(f"'({first})[{second}]' looks like a reversed link and shows as text: write "
                                    "'[text](address)'", doc.span(start, match.end()))
                continue
            image = text[start - 1 : start] == "!" and text[start - 2 : start - 1] != "\\"
            at = start - 1 if image else start
            words, address = (match.span(1), match.span(2)) if order else (match.span(2), match.span(1))
            target = text[slice(*address)].strip()
            # A host without a scheme would be a path relative to the page: https:// is a guess.
            guessed = is_host_address(target)
            fixed = f"{'!' * image}[{text[slice(*words)]}]({'https://' * guessed}{target})"
            kind = "image" if image else "link"
            yield Violation(f"reversed {kind} syntax shows as text: write it as '{fixed}'", doc.span(at, match.end()),
                            Fix((Edit(at, match.end(), fixed),), description=f"write it as {fixed}",
                                applicability=Applicability.UNSAFE if guessed else Applicability.SAFE))


class StrayLinkBracket(Rule):
    """## What it does
    Finds a link with one bracket too many: `[text]](https://...)` or `[[text](https://...)`.

    ## Why is this bad?
    The extra bracket shows on the page. `[text]](...)` is no link at all: the page shows the
    brackets and the address as text (Goldmark links the bare address inside them); `[[text](...)`
    is a link with a lone `[` before it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the guide]](https://example.com/guide) and [[the FAQ](https://example.com/faq) first.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Read [the guide](https://example.com/guide) and [the FAQ](https://example.com/faq) first.
    ```

    ## Fix safety
    Safe: the extra bracket is removed, when that leaves one reading. A `[text]]` whose `[text]` is a
    label the post defines (it renders as a reference link, followed by text) is reported without a fix.

    ## Options
    None.

    ## Known problems
    Brackets that pair up are deliberate and not reported: `[[1]](https://...)` shows `[1]` as the
    link text, and `[[the docs](https://...) and more]` is a bracketed aside holding a link (its `]`
    is looked for in the rest of the paragraph). Wiki-links (`[[Page]]`), task list items, footnotes (`[^1]`),
    images inside links (`[![logo](logo.png)](https://...)`) and a reference image inside a link
    (`[![badge][img]](https://...)`) are not stray brackets.
    """

    code = "LNK019"
    name = "stray-link-bracket"
    summary = "A link with one '[' or ']' too many, which shows on the page."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body, prose = doc.body, doc.body.prose
        labels = defined_labels(doc, ctx)
        for match in _EXTRA_CLOSE.finditer(prose, doc.body_start):
            inner = match.group(1)
            if body.in_link(match.start()) or inner.startswith("^"):
                continue
            at = match.start() + len(inner) + 2
            fix = None if normal_label(inner) in labels else Fix((Edit(at, at + 1),), description="remove the extra ']'")
            yield Violation(f"the extra ']' after '[{inner}]' breaks the link and shows as text: remove it",
                            doc.span(match.start(), match.end()), fix)
        links = {link.start: link for link in body.links if link.target is not None and not link.image}
        for match in _EXTRA_OPEN.finditer(prose, doc.body_start):
            link = links.get(match.start() + 1)
            if link is None or _closed_later(prose, link.end):
                continue
            yield Violation(f"the extra '[' before the link '[{link.text}]' shows on the page: remove it",
                            doc.span(match.start(), link.end),
                            Fix((Edit(match.start(), match.start() + 1),), description="remove the extra '['"))


def _closed_later(prose: str, at: int) -> bool:
    """Whether a ']' after ``at``, in the rest of the paragraph (within 1,000 characters), closes a '['
    opened before it."""
    blank = _BLANK_LINE.search(prose, at, at + 1000)
    depth = 0
    for bracket in _BRACKET.finditer(prose, at, blank.start() if blank else at + 1000):
        if bracket.group() == "[":
            depth += 1
        elif depth == 0:
            return True
        else:
            depth -= 1
    return False
