"""ENC002: UTF-8 text decoded with the wrong code page, repaired with ftfy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Violation
from tripreport_lint.document.document import NON_ASCII, Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

_WORD = re.compile(r"[^\s\[\]()<>\"'`*_|]+")
_UP_TO_WORD = re.compile(r".*[\s\[\]()<>\"'`*_|]", re.S)
_REACH = 256  # how far back a word may start from its first non-ASCII character
_PUNCTUATION = ".,;:!?"
# ftfy's pattern of mojibake (ftfy.badness.BADNESS_RE) matches at most this many characters, always
# with one of its mojibake characters among them that is not a common one (`’`, `—`, a no-break space):
# a test checks both against the installed ftfy.
MOJIBAKE_REACH = 7
COMMON = "common"  # ftfy's category of the mojibake characters that text often holds as written


@cache
def mojibake_run() -> re.Pattern[str]:
    """Runs of ftfy's mojibake characters, but its common ones."""
    from ftfy.badness import MOJIBAKE_CATEGORIES  # noqa: PLC0415

    return re.compile("[" + "".join(chars for name, chars in MOJIBAKE_CATEGORIES.items() if name != COMMON) + "]+")


def _non_ascii_words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of the words holding a non-ASCII character: found from those characters, so
    an ASCII text costs one scan in C."""
    end = 0
    for match in NON_ASCII.finditer(text):
        at = match.start()
        if at < end:
            continue  # in the word just given
        lower = max(end, at - _REACH)
        before = _UP_TO_WORD.match(text, lower, at)
        start = before.end() if before else lower
        word = _WORD.match(text, start)
        if word is None or word.end() <= at:
            end = at + 1  # the character is itself a space or a delimiter
            continue
        end = word.end()
        yield start, word.group()


def _may_hold_mojibake(text: str) -> bool:
    """ftfy's ``is_bad(text)``, asked only of the stretches around its mojibake characters (but the
    common ones): posts with curly quotes, dashes or CJK text cost a few short searches, or none, instead
    of one over the text."""
    from ftfy.badness import BADNESS_RE  # noqa: PLC0415

    start = end = -1
    for match in mojibake_run().finditer(text):  # a run at a time
        first, last = match.start(), match.end() - 1
        if first - MOJIBAKE_REACH + 1 > end:  # a new stretch: search the one before it
            if end > start and BADNESS_RE.search(text, start, end):
                return True
            start = max(0, first - MOJIBAKE_REACH + 1)
        end = last + MOJIBAKE_REACH
    return end > start and bool(BADNESS_RE.search(text, start, min(end, len(text))))


def _edges(before: str, after: str) -> tuple[int, int, int]:
    """Length of the common prefix, and the ends of the differing parts in ``before`` and ``after``."""
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(before), len(after)) - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return prefix, len(before) - suffix, len(after) - suffix


class Mojibake(Rule):
    """## What it does
    Finds text that is UTF-8 read through the wrong code page (`StÃ©phane`, `St√©phane`, `â€™`, `Â©`)
    and repairs it with ftfy's encoding fix.

    ## Why is this bad?
    Readers see garbage where a name or an apostrophe should be; it usually comes from copying
    text out of a tool that guessed the encoding wrong.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    A great chat with StÃ©phane about onboarding.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    A great chat with Stéphane about onboarding.
    ```

    ## Fix safety
    Safe: only ftfy's encoding repair runs; curly quotes, dashes and other characters the author
    typed are left as they are.

    ## Options
    None.

    ## Known problems
    ftfy is built to avoid false alarms, so a short garbled fragment it cannot be sure of is left alone.
    """

    code = "ENC002"
    name = "mojibake"
    summary = "Text is UTF-8 decoded with the wrong code page."
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if doc.text.isascii():
            return
        import ftfy  # noqa: PLC0415 - only this rule needs it
        from ftfy.badness import is_bad  # noqa: PLC0415

        if not _may_hold_mojibake(doc.text):
            return  # no match in the text, none in a word
        # Word by word: ftfy repairs one encoding mix-up per text, and one line can hold several.
        for start, word in _non_ascii_words(doc.text):
            if not is_bad(word):
                continue
            fixed = ftfy.fix_encoding(word)
            if fixed == word:
                continue
            prefix, old_end, new_end = _edges(word, fixed)
            shown_old, shown_new = word.strip(_PUNCTUATION), fixed.strip(_PUNCTUATION)
            yield Violation(
                f"'{shown_old}' is mojibake for '{shown_new}': repair the encoding",
                doc.span(start + prefix, start + old_end),
                Fix((Edit(start + prefix, start + old_end, fixed[prefix:new_end]),), description="repair the encoding"),
            )
