"""FM012: a top-level front matter key spelled in another case than the schema's (``Title`` for ``title``)."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, node_span
from tripreport_lint.rules.context import Context


class KeyCase(Rule):
    """## What it does
    Reports a top-level front matter key that matches a key of the schema only when case is
    ignored, such as `Title:` or `Date:` where the schema has `title` and `date`. Off by default.

    ## Why is this bad?
    Hugo reads keys without regard to case, so the post renders the same, but one spelling
    across the blog keeps search, scripts and reviews simple. Jekyll and most other tools read
    keys as written: there `Title:` is not `title:` at all.

    ## Example
    ```markdown
    ---
    Title: Notes from the conference
    date: 2024-05-19
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ```

    ## Fix safety
    Safe on Hugo sites, which read both spellings the same. Unsafe elsewhere (`--unsafe-fixes`):
    renaming the key changes what the site reads, usually for the better, but a template may read
    the key as written.

    ## Options
    None.

    ## Known problems
    Only top-level keys are compared, and only with the keys the schema names; a key the post also
    has in the schema's spelling is left to FM005 and the author.
    """

    code = "FM012"
    name = "key-case"
    summary = "A front matter key written in another case than the schema's."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    default_enabled = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.mapping is None or ctx.schema is None:
            return
        properties = ctx.schema.data.get("properties", {})
        known = {str(key).lower(): str(key) for key in (*properties, *ctx.schema.required)}
        written = {str(key) for key in fm.mapping}
        same_reading = ctx.site.model.keys_ignore_case
        for key in fm.mapping:
            wanted = known.get(str(key).lower())
            node = fm.nodes.get((key,))
            if wanted is None or wanted == key or wanted in written or node is None or node.key_start is None:
                continue
            start, end = fm.absolute(node.key_start), fm.absolute(node.key_end or node.key_start)
            fix = Fix((Edit(start, end, wanted),), Applicability.SAFE if same_reading else Applicability.UNSAFE,
                      f"write {wanted}") if doc.text[start:end] == key else None  # a quoted key: no fix
            reading = "Hugo reads both the same" if same_reading else f"this site reads '{key}' and '{wanted}' as two keys"
            yield Violation(f"key '{key}' is spelled '{wanted}' in the schema ({reading}): write '{wanted}'",
                            node_span(doc, fm, node, key=True), fix)
