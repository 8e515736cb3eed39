"""CMT003: a directive comment of ours that names no rule."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Violation
from tripreport_lint.document.directives import directives
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context


class UnknownRuleInDirective(Rule):
    """## What it does
    Reports a word of a `tripreport-lint-disable`, `-disable-next-line`, `-disable-file` or
    `-enable` comment that is neither a rule code, a code prefix, a rule name nor `ALL`.

    ## Why is this bad?
    The comment silences nothing: the finding it was written for is still reported, or, worse, a
    misspelt `enable` leaves a rule off for the rest of the post.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    <!-- tripreport-lint-disable-next-line LNK05 -->
    See [the agenda](#agenda).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    <!-- tripreport-lint-disable-next-line LNK005 -->
    See [the agenda](#agenda).
    ```

    ## Fix safety
    No fix: the message names the nearest rule, but which one was meant is the author's to say.

    ## Options
    None.

    ## Known problems
    Directive comments inside code blocks and code spans are examples, not directives: they are
    neither obeyed nor checked.
    """

    code = "CMT003"
    name = "unknown-rule-in-directive"
    summary = "A suppression comment names no rule."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if "tripreport-lint-" not in doc.text:
            return
        for directive in directives(doc.body.without_code):
            for word, start, end in directive.words:
                hint = ctx.unknown_rule(word)
                if hint is not None:
                    advice = hint or "see tripreport-lint --show-rules"
                    yield Violation(f"'{word}' in a tripreport-lint-{directive.kind} comment names no rule, so it "
                                    f"silences nothing ({advice})", doc.span(start, end))
