"""The comments that tools read: directives and generated-section markers, never leftovers."""

from __future__ import annotations

import re

# Each pattern must match a comment's whole text (whitespace collapsed, case ignored): a comment that only
# mentions a tool ("toc: rewrite later", "vale was great") is still the author's hidden text.
TOOL_MARKERS: tuple[re.Pattern[str], ...] = tuple(re.compile(pattern, re.I) for pattern in (
    # doctoc: the generated table of contents stands between these.
    r"(?:start|end) doctoc\b.*",
    r"don'?t edit this section, instead re-run doctoc to update",
    # The summary divider of Hugo, Jekyll and Hexo (<!--more-->); Docusaurus's truncate marker.
    r"more",
    r"truncate",
    # markdown-toc (toc ... tocstop), VS Code's Markdown TOC (TOC with settings ... /TOC) and Markdown All in
    # One (a heading left out of its table, a list that is not one).
    r"toc(?: [\w-]+:\S*)*",
    r"toc ?stop|/toc",
    r"omit (?:from|in) toc|no toc",
    # prettier: leave the next node, or a range, as written.
    r"prettier-ignore(?:-start|-end)?",
    # markdownlint (and rumdl, which reads the same and its own): rules off and on, state, file settings.
    r"(?:markdownlint|rumdl)-(?:disable|enable|disable-line|disable-next-line|capture|restore|disable-file"
    r"|enable-file)(?: [\w, -]*)?",
    r"(?:markdownlint|rumdl)-configure-file ?\{.*\}",
    # Vale: off and on, a rule, style or match switched, the styles set.
    r"vale (?:off|on)",
    r"vale [\w.-]+(?:\[[^\]]*\])? ?= ?(?:yes|no)",
    r"vale styles? ?= ?[\w.-]+(?: ?, ?[\w.-]+)*",
    # cspell's in-document settings, under each prefix cspell accepts (cSpell:, spell-checker:, spell:).
    r"(?:c?spell|spell-?checker)::? ?(?:(?:enable|disable)(?:allow)?compoundwords|(?:enable|disable)casesensitive"
    r"|enable|disable(?:-line|-next(?:-line)?)?|words?|ignore(?:-?words?)?|(?:flag|forbid)(?:-?words?)?"
    r"|ignore_?reg_?exp|include_?reg_?exp|locale?|language|dictionar(?:y|ies))\b.*",
    # codespell: words to leave alone on this line.
    r"codespell:ignore\b.*",
    # textlint (textlint-filter-rule-comments).
    r"textlint-(?:disable|enable)\b.*",
    # remark-lint (remark-message-control) and alex.
    r"(?:remark-)?lint (?:disable|enable|ignore)\b.*",
    r"alex (?:disable|enable|ignore)\b.*",
    # reveal.js's Markdown plugin: attributes of the element or slide before (`.element: class="fragment"`).
    r"\.(?:element|slide): ?.+",
    # tripreport-lint's own suppressions (engine/suppressions.py reads them).
    r"tripreport-lint-(?:disable-next-line|disable-file|disable|enable)\b.*",
))


def is_tool_marker(comment: str) -> bool:
    """Whether a comment's text (without its ``<!--``/``-->`` or ``[//]: # (...)``) is wholly a tool's marker."""
    text = " ".join(comment.split())
    return any(pattern.fullmatch(text) for pattern in TOOL_MARKERS)
