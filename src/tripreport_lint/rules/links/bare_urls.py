"""LNK009: URLs in the prose that the page does not link as the author meant."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.document.scanning import paired
from tripreport_lint.remote.addresses import is_private
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.full_width import wide_links
from tripreport_lint.site import linkify

# A URL that does not stand in an attribute, a path or a word; where the renderer links bare URLs, one
# after a quote or a letter of a script written without spaces too (it may link it wrongly or not at all).
_URL = r"s?://[A-Za-z0-9\[][^\s<>\[\]`\\|]*"
_BARE_URL = re.compile(rf"http(?<![\w/<\[\"'=]http){_URL}")
_BARE_URL_LINKIFY = re.compile(rf"http(?<![A-Za-z0-9_/<(\[=]http){_URL}")
_SENTENCE_END = ".,;:!?*_~'\""
_HOST = re.compile(r"https?://(?:[^/?#@\s]*@)?(\[[^\]/\s]*\]?|[^/?#:\s]*)")  # an IPv6 address ends the bare URL
# The text of an HTML link is its own: <a href="http://localhost:4000">http://localhost:4000</a>.
_ANCHOR = (re.compile(r"<a\b[^<>]*>", re.I), re.compile(r"</a\s*>", re.I))
# Letters of scripts written without spaces, and Korean's (whose particles are glued to the word before
# them, a URL too): the sentence goes on right after a URL. Ranges of code points, not a character class:
# a class of 40,000 characters takes 2 ms to compile, in every run.
_UNSPACED_SCRIPT = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x1100, 0x11FF), (0x3130, 0x318F),
                    (0xAC00, 0xD7AF))


def _unspaced(char: str) -> bool:
    """Whether the character (one, or none) is a letter of those scripts."""
    return len(char) == 1 and any(low <= ord(char) <= high for low, high in _UNSPACED_SCRIPT)
# Where a URL's path goes on: a letter of those scripts right after one of these may be the path's
# (`https://ko.wikipedia.org/wiki/서울`) as well as the sentence's.
_PATH_GOES_ON = "/=?#&_-%"
_GFM_RUN = re.compile(r"[^\s<]*")


def intended(run: str) -> str:
    """The URL the author meant by a run of URL characters: up to any punctuation or unspaced script
    letter beyond ASCII (``。``, ``，``, ``”``), without the sentence's punctuation after it (``.``,
    ``;``, a closing quote, a ``)`` that closes no ``(`` of the URL)."""
    if not run.isascii():
        for at, char in enumerate(run):
            if not char.isascii() and (unicodedata.category(char)[0] in "PSZC" or _unspaced(char)):
                run = run[:at]
                break
    end, opened, closed = len(run), run.count("("), run.count(")")
    while end and (run[end - 1] in _SENTENCE_END or (run[end - 1] == ")" and opened < closed)):
        closed -= run[end - 1] == ")"
        end -= 1
    return run[:end]


def _urls(pattern: re.Pattern[str], prose: str, start: int) -> Iterator[tuple[int, str]]:
    """Where each URL starts, and the URL meant; a run of URL characters may hold more than one
    (`https://example.com/a」和「https://example.com/b`)."""
    while (match := pattern.search(prose, start)) is not None:
        run = match.group()
        if prose[match.start() - 1 : match.start()] == "(":  # `(https://a.org/x)y`: the URL ends at its `)`
            depth = 0
            for at, char in enumerate(run):
                depth += (char == "(") - (char == ")")
                if depth < 0:
                    run = run[:at]
                    break
        url = intended(run)
        yield match.start(), url
        start = match.start() + max(len(url), 1)


def _gfm_linked(text: str, start: int) -> str:
    """The text GFM's autolink extension (GitHub's cmark-gfm) links from ``start``: up to a space or `<`
    (through `。`, `）` and Chinese, Japanese or Korean letters), without trailing punctuation or a
    `)` that closes no `(` of the link."""
    link = _GFM_RUN.match(text, start).group()  # type: ignore[union-attr]
    while link and (link[-1] in "?!.,:*_~'\"" or (link[-1] == ")" and link.count(")") > link.count("("))):
        link = link[:-1]
    return link


# Hosts no reader can visit: RFC 2606's and RFC 6761's examples and test names, and the reader's own machine.
_PLACEHOLDER_HOSTS = ("example.com", "example.net", "example.org", "localhost")
_PLACEHOLDER_ENDINGS = (".example", ".test", ".invalid", ".localhost", ".example.com", ".example.net", ".example.org")


def _placeholder(url: str) -> bool:
    """Whether the URL is an example or the reader's own machine (`http://example.com/`, `http://localhost:4000`,
    `http://192.168.1.10/`): an address the post shows, not one a reader would follow."""
    host = _HOST.match(url)
    name = host.group(1).lower().rstrip(".") if host else ""
    if name in _PLACEHOLDER_HOSTS or name.endswith(_PLACEHOLDER_ENDINGS):
        return True
    try:
        return is_private(name.strip("[]"))
    except ValueError:
        return False  # a host name


def _shown(char: str) -> str:
    """A character for a message: quoted, or its code point when it is invisible (a no-break space)."""
    return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


class BareUrl(Rule):
    """## What it does
    Finds URLs written as plain text in the prose, outside links (Markdown and HTML), autolinks and
    code, that the page will not link as the author meant. Where the site's renderer links nothing
    by itself (kramdown, Goldmark with `linkify = false`) that is every such URL.
    On a Hugo site with Goldmark's linkify (Hugo's default) it is a URL that linkify leaves as text
    (a host such as `localhost` or an IP address, a URL right after a letter, `:` or a no-break
    space) or links with a different end: linkify keeps a trailing `;`, `'`, `"`, `>` or `]` in the
    link. Where no generator's configuration says which renderer the site uses (a folder of posts, a
    Gatsby site, a README), GFM's autolinks may be on, as on GitHub and with remark-gfm: only the
    URLs they too would leave as text or link wrongly are reported: GFM's autolinks run on through
    full-width punctuation and Chinese, Japanese or Korean text (`https://fosdem.org/a。谢谢` is one
    link), so such a URL is reported there. Example and local addresses (`example.com`, `localhost`,
    `127.0.0.1`, a private network's) are left alone: a post shows them, readers do not follow them.

    ## Why is this bad?
    Readers get text where they expected a link, or a link to an address that does not exist.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at https://fosdem.org/2024/schedule; the slides follow.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The schedule is at <https://fosdem.org/2024/schedule>; the slides follow.
    ```

    ## Fix safety
    Safe: the URL, without trailing sentence punctuation (and never a `\\` hard break), is wrapped in
    `<...>`, an autolink that every Markdown renderer links the same way. A URL continued by a
    template tag (`https://github.com/{{ site.owner }}`) is reported without a fix, and so is one whose
    path may go on in Chinese, Japanese or Korean letters (`https://ko.wikipedia.org/wiki/서울`: the
    letters after a `/`, `=`, `_` or `-` may be the path's or the sentence's).

    ## Options
    None.

    ## Known problems
    Where a URL ends is a guess: it ends at a space, `<`, `>`, brackets, a backtick, a `\\`, and
    full-width or other non-ASCII punctuation, or a Chinese, Japanese or Korean letter (`。`, `，`,
    `）`, `「`, `请`, `를`); sentence punctuation after it is not part of it. A URL in parentheses
    (`(https://example.com/a)`) ends at the `)` that closes them; one in parentheses right after `]` or a
    link is a link's target, LNK013's or LNK014's. A URL followed by a
    full-width `＃` is LNK020's. `www.` addresses without a scheme are not looked at.
    On a linkify site a URL followed by a shortcode is left alone: Goldmark links through it. A site
    whose renderer is not known but is plain CommonMark gets no finding for the URLs GFM would link:
    a configuration file of Hugo or Jekyll says which renderer it is.
    """

    code = "LNK009"
    name = "bare-url"
    summary = "A URL in the prose that the page does not link as meant."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        body, model = doc.body, ctx.site.model
        prose, text = body.prose, doc.text
        # Where the renderer is not known, GFM's autolinks (GitHub's, remark-gfm's, Goldmark's linkify) may
        # link the URL: only what they too leave as text or link wrongly is surely not linked as meant.
        autolinks = "Goldmark's linkify" if model.linkify else "GFM's autolinks" if model.renderer == "commonmark" else ""
        links, does = ("links", "does") if model.linkify else ("link", "do")
        link_ends = {link.end for link in body.links} if autolinks else set()
        anchors = paired(body.comments_blanked, *_ANCHOR, doc.body_start) if "</a" in text.lower() else []
        anchor_starts = [first for first, _ in anchors]
        wide = [(link.start, link.end) for link in wide_links(doc)]  # LNK020's: its fix makes them links
        wide_starts = [first for first, _ in wide]
        for start, url in _urls(_BARE_URL_LINKIFY if autolinks else _BARE_URL, prose, doc.body_start):
            if _placeholder(url):
                continue
            end = start + len(url)
            ambiguous = url[-1:] in _PATH_GOES_ON and _unspaced(prose[end : end + 1])
            anchor = bisect.bisect_left(anchor_starts, start) - 1
            if body.in_link(start) or (anchor >= 0 and start < anchors[anchor][1]):
                continue
            within = bisect.bisect_right(wide_starts, start) - 1
            if within >= 0 and start < wide[within][1]:
                continue
            if prose[start - 1] == "(" and (prose[max(0, start - 80) : start - 1].rstrip().endswith(("]", ")")) or prose.startswith(")[", end)):
                continue  # a link's target or text glued to a link, or a reversed link: LNK001, LNK013, LNK014, LNK018
            templated = text.startswith(("{{", "{%"), end)
            message = f"bare URL {url}: wrap it in <...> to make it a link"
            if autolinks:
                if templated and model.linkify:
                    continue  # Hugo puts a shortcode's placeholder in the text first, and linkify links through it
                line_start = doc.lines.offset(doc.lines.position(start)[0])
                if not linkify.tried(prose, line_start, start, typographer=model.typographer,
                                     after_node=start in link_ends):
                    message = (f"bare URL {url} is not a link on the page ({autolinks} {links} nothing right "
                               f"after {_shown(prose[start - 1])}): wrap it in <...> to make it one")
                elif (page := linkify.linked(text, start)) is None:
                    message = (f"bare URL {url} is not a link on the page ({autolinks} {does} not link this "
                               "address): wrap it in <...> to make it one")
                elif page == url and (model.linkify or ambiguous or text[end : end + 1].isascii()
                                      or (page := _gfm_linked(text, start)) == url):
                    continue  # where GFM's may be on, it links on through letters and punctuation beyond ASCII
                else:
                    message = f"bare URL {url}: the page links '{page}' instead ({autolinks}): wrap it in <...>"
            if ambiguous:
                message += f" (whether '{prose[end]}' and what follows belong to it is a guess: no fix)"
            fix = None if templated or ambiguous else Fix((Edit(start, start, "<"), Edit(end, end, ">")),
                                             description="wrap it in <...>")
            yield Violation(message, doc.span(start, end), fix)
