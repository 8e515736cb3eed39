"""LNK020: full-width brackets, parentheses or '＃' written where link syntax needs ASCII ones."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.brackets import is_address, is_host_address

ASCII = {"［": "[", "］": "]", "【": "[", "】": "]", "（": "(", "）": ")", "＃": "#"}
# Chinese input methods type `[` and `]` as `【` and `】`, which are also punctuation of their own
# (a title, a tag such as `【转载】`): a fix that makes them a link's brackets is unsafe.
_LENTICULAR = frozenset("【】")
# '＃' right after the characters of a web address: `https://example.com/page＃anchor`.
_URL_HASH = re.compile(r"https?://[!-;=?-~]{1,2000}＃(?=[\w-])")
_FRAGMENT = re.compile(r"＃[\w-]")


class WideLink(NamedTuple):
    """Link syntax holding full-width characters: its span, the offsets of those characters, the
    target as written, and where they stand: link syntax ("shape"), a link's target ("target") or a
    bare web address ("address")."""

    start: int
    end: int
    wide: tuple[int, ...]
    target: str
    kind: str


@cache  # on first use: most posts have no full-width bracket
def _link_shape() -> re.Pattern[str]:
    """`[text](target)` with any of its brackets or parentheses written full width (input methods for
    Chinese and Japanese type them): the target one run of characters without spaces or parentheses."""
    return re.compile(r"[\[［【]([^\[\]［］【】\n]{1,300})[\]］】][(（]([^\s()（）]{1,2000})[)）]")


def wide_links(doc: Document) -> list[WideLink]:
    """The link shapes with full-width brackets or parentheses outside code and links, and the link
    targets and bare web addresses with a '＃' before a fragment."""
    body, text = doc.body, doc.text
    prose = body.prose
    if not any(char in text for char in ASCII):
        return []
    found = []
    for match in _link_shape().finditer(prose, doc.body_start):
        start, end = match.span()
        shape = (start, match.end(1), match.end(1) + 1, end - 1)
        wide = tuple(at for at in shape if prose[at] in ASCII) + _hashes(prose, *match.span(2))
        if wide and is_address(match.group(2).replace("＃", "#")) and _outside_links(doc, start, end):
            found.append(WideLink(start, end, wide, match.group(2), "shape"))
    targets = [(link.target, link.target_start, link.start, link.end) for link in body.links if link.target]
    targets += [(d.target, text.find(d.target, d.start, d.end), d.start, d.end) for d in body.definitions]
    for target, at, start, end in targets:
        if "＃" in target and at >= 0 and _FRAGMENT.search(target):
            found.append(WideLink(start, end, _hashes(text, at, at + len(target)), target, "target"))
    taken = sorted((link.start, link.end) for link in found)
    taken_starts = [first for first, _ in taken]
    for match in _URL_HASH.finditer(prose, doc.body_start):
        within = bisect.bisect_right(taken_starts, match.start()) - 1
        if (within < 0 or match.start() >= taken[within][1]) and not body.in_link(match.start()):
            found.append(WideLink(match.start(), match.end(), (match.end() - 1,), match.group(), "address"))
    return sorted(found, key=lambda link: link.start)


def _outside_links(doc: Document, start: int, end: int) -> bool:
    """Whether ``start``-``end`` lies outside links, or inside a link's text (`[![logo]（src）](url)`)."""
    links = doc.body.links
    index = bisect.bisect_right([link.start for link in links], start) - 1
    if index < 0 or start >= links[index].end:
        return True
    link = links[index]
    return link.start < start and end <= link.start + 1 + link.image + len(link.text)


def _hashes(text: str, start: int, end: int) -> tuple[int, ...]:
    return tuple(at for at in range(start, end) if text[at] == "＃")


class FullWidthLinkSyntax(Rule):
    """## What it does
    Finds link syntax written with full-width characters, as Chinese and Japanese input methods type
    them: `[text]（https://...）`, `［text］(https://...)`, `【text】(https://...)`, `[text](https://...）`,
    and a full-width
    `＃` before a fragment, in a link's target (`[text](/docs/page＃install)`) or a web address in the
    prose (`https://example.com/page＃install`).

    ## Why is this bad?
    Markdown reads only ASCII brackets and parentheses: the page shows the whole link as text (Goldmark's
    linkify, Hugo's default, links the bare address inside it). A `＃` is no fragment mark: the link
    leads to a page named `page＃install` (Goldmark writes it `page%EF%BC%83install`), which does not
    exist, and a bare address's link stops before it.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    安装步骤见[官方文档]（https://example.com/docs/install）。
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    安装步骤见[官方文档](https://example.com/docs/install)。
    ```

    ## Fix safety
    Safe: each full-width character of the link syntax becomes its ASCII one (`［］（）＃` to `[]()#`),
    which is the only reading when the part in parentheses is an address (a scheme, a path, a file);
    a `＃` is changed when it is the target's only one. An address without a scheme
    (`example.com/docs`) is reported without a fix: as a target it would be a path relative to the page.
    Unsafe where the brackets are `【】`: Chinese input methods type them for `[]`, but they are also
    punctuation of their own (a title or a tag such as `【转载】` before an address in parentheses).

    ## Options
    None.

    ## Known problems
    Full-width parentheses around words (`[注]（见下文）`) and a `＃` in prose are the writer's punctuation
    and are not reported. A link whose target runs on to an ASCII `)` further on (`[text](url）more)`)
    is a link to a wrong address that is not looked at.
    """

    code = "LNK020"
    name = "full-width-link-syntax"
    summary = "Link syntax written with full-width brackets, parentheses or '＃'."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        text = doc.text
        for link in wide_links(doc):
            chars = "".join(dict.fromkeys(text[at] for at in link.wide))
            hashes = link.target.count("＃")
            fixable = not is_host_address(link.target.replace("＃", "#")) and hashes <= 1 and "#" not in link.target
            unsafe = any(text[at] in _LENTICULAR for at in link.wide)
            fix = Fix(tuple(Edit(at, at + 1, ASCII[text[at]]) for at in link.wide), description="write them in ASCII",
                      applicability=Applicability.UNSAFE if unsafe else Applicability.SAFE) if fixable else None
            shown = " ".join(f"'{char}'" for char in chars)
            if link.kind == "address":
                message = f"full-width '＃' after the address {link.target[:-1]}: the link stops before it; write '#'"
            elif link.kind == "target":
                message = f"full-width '＃' in the link target '{link.target}' leads to no fragment: write '#'"
            else:
                message = (f"full-width {shown} in link syntax: the page shows it as text; "
                           f"write {' '.join(repr(ASCII[char]) for char in chars)}")
            yield Violation(message, doc.span(link.start, link.end), fix)
