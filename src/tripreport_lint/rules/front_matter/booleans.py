"""FM011: YAML 1.1 words (yes/no/on/off) that some parsers read as booleans and others as strings."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, describe_path, node_span
from tripreport_lint.rules.context import Context


class Yaml11Boolean(Rule):
    """## What it does
    Reports an unquoted `yes`, `no`, `on` or `off` (any case) in YAML front matter.

    ## Why is this bad?
    They are booleans only in YAML 1.1 (PyYAML, Jekyll's Psych); YAML 1.2 parsers, which newer
    Hugo versions use, read them as the strings `"yes"`, `"no"`... So `draft: no` means "not a
    draft" to one tool and is a non-empty, truthy string to another. The classic victim is
    `country: NO` (Norway) turning into `false`.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    draft: no
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    draft: false
    ---
    ```

    ## Fix safety
    Safe where the schema declares the key a boolean: the value becomes `true` or `false`, as
    YAML 1.1 read it. Elsewhere the fix is unsafe (`--unsafe-fixes`), since the author may have
    meant the text and should quote it instead.

    ## Options
    None.

    ## Known problems
    Keys the schema types as strings are reported by FM010 instead, with a fix that quotes them.
    """

    code = "FM011"
    name = "yaml11-boolean"
    summary = "yes/no/on/off is a boolean only in YAML 1.1."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.format != "yaml" or fm.mapping is None:
            return
        for path, node in fm.nodes.items():
            if not node.plain or node.kind != "scalar":
                continue
            source = fm.source(node)
            if source.lower() not in ("yes", "no", "on", "off"):
                continue
            declared = ctx.schema.property_type(str(path[0])) if ctx.schema and len(path) == 1 else None
            if declared == "string":
                continue
            word = "true" if source.lower() in ("yes", "on") else "false"
            safe = declared == "boolean"
            fix = Fix(
                (Edit(fm.absolute(node.start), fm.absolute(node.end), word),),
                Applicability.SAFE if safe else Applicability.UNSAFE,
                f"write {word}",
            )
            hint = f"write {word}" if safe else f"write {word} for a boolean, or quote it for the text '{source}'"
            yield Violation(
                f"'{describe_path(path)}: {source}' is the boolean {word} only in YAML 1.1 and the string "
                f"'{source}' in YAML 1.2: {hint}",
                node_span(doc, fm, node),
                fix,
            )
