"""SPL003: a word written twice in a row in prose (`the the`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

# Words between spaces: not the end of a URL or path (`https://example.com/a a`), nor part of one. The word
# and the space after it are taken whole, never given back (a shorter word or space is followed by a
# letter or a space, which neither the space nor the second word can start with): no try is wasted. Each is
# captured in a look-ahead, which is never backtracked into (Python 3.10 has no possessive quantifiers).
_TWICE = re.compile(r"(?<![\w'’/.:@#-])(?=([^\W\d_]+))\1(?=([ \t]*\n[ \t]*|[ \t]+))\2(\1)(?![\w'’/-])",
                    re.IGNORECASE)
# English doubles that are grammar ("that that", "had had"), sounds and names said twice.
MAX_FINDINGS = 50  # a generated or pasted wall of one word is not a typo to list 300,000 times
_NEW_BLOCK = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]|[-*+>][ \t]|\d{1,9}[.)][ \t]|\|)")
_MEANT = frozenset({
    "that", "had", "is", "do", "did", "was", "bye", "no", "yes", "yeah", "very", "so", "ha", "haha", "la", "oh",
    "bla", "blah", "knock", "hip", "tsk", "chop", "sing", "tut", "ho", "hey", "go", "well", "now", "there", "far",
    "more", "many", "long", "again", "ever", "round", "over", "by", "step", "little", "bit", "x", "really", "much",
    "way", "too", "all", "out", "up", "down", "on", "off", "in", "half", "tick", "pew", "boom", "ding",
    "something",  # "something something": words left out on purpose
})


class RepeatedWord(Rule):
    """## What it does
    Reports a word written twice in a row in prose (`the the`, `are are`), also across a line
    break inside a paragraph; never in code, URLs, HTML or front matter.

    ## Why is this bad?
    Readers see it on the page; it is left by editing a sentence and no spelling checker reports
    it, for each word is spelled right.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The the keynote started late.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The keynote started late.
    ```

    ## Fix safety
    Safe: the second word is removed with the space before it.

    ## Options
    None.

    ## Known problems
    Doubles that English grammar makes (`that that`, `had had`), sounds (`bye bye`), words left out on
    purpose (`something something`), a word written three times or more (`ring ring ring`) and names whose
    second word is capitalised (`Duran Duran`) are left alone. At most 50 are reported in a file.
    """

    code = "SPL003"
    name = "repeated-word"
    summary = "A word written twice in a row."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        prose = doc.body.prose
        found = 0
        for match in _TWICE.finditer(prose, doc.body_start):
            if found == MAX_FINDINGS:
                return
            word, again = match.group(1), match.group(3)
            between = doc.text[match.end(1) : match.start(3)]
            if word.lower() in _MEANT or again[0].isupper() or between.strip(" \t\n") != "" or \
                    doc.text[match.start(1) : match.end(1)] != word or doc.text[match.start(3) : match.end(3)] != again:
                continue  # grammar or a name; or blanked code, a tag or a URL stood between (or in) the words
            if _thrice(prose, match.start(1), match.end(3), word):
                continue  # `ring ring ring`: a sound or emphasis, written on purpose
            if "\n" in between and (_NEW_BLOCK.match(prose, prose.rfind("\n", 0, match.start(1)) + 1) or
                                     _NEW_BLOCK.match(prose, match.end(1) + between.index("\n") + 1)):
                continue  # a heading's last word and the next line's first: two blocks, not one sentence
            found += 1
            yield Violation(f"'{word} {again}': the word '{again}' is written twice; remove one",
                            doc.span(match.start(1), match.end(3)),
                            Fix((Edit(match.end(1), match.end(3)),), description=f"remove the second '{again}'"))


def _thrice(prose: str, start: int, end: int, word: str) -> bool:
    """Whether the word stands a third time right before ``start`` or right after ``end``."""
    before = prose[max(0, start - len(word) - 8) : start].rstrip(" \t\n")
    after = prose[end : end + len(word) + 8].lstrip(" \t\n")
    return before.lower().endswith(word.lower()) and not before[-len(word) - 1 : -len(word)].isalpha() or \
        after.lower().startswith(word.lower()) and not after[len(word) : len(word) + 1].isalpha()
