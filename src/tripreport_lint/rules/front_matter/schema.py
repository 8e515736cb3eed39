"""FM010: validate front matter against the file's JSON Schema, reporting each error where it stands."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import FrontMatter, KeyPath
from tripreport_lint.frontmatter.schema import Schema
from tripreport_lint.frontmatter.schema_messages import describe, expected_phrase, expected_types
from tripreport_lint.rules.base import Rule, describe_path, locate, opening_span
from tripreport_lint.rules.context import Context

if TYPE_CHECKING:
    from jsonschema import ValidationError

_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_BOOLEAN_WORDS = {"true": "true", "yes": "true", "on": "true", "1": "true",
                  "false": "false", "no": "false", "off": "false", "0": "false"}


class SchemaViolation(Rule):
    """## What it does
    Validates the front matter against a JSON Schema (the built-in post schema by default, or
    the one the `schema` and `schemas` settings name) and reports every violation at the key or
    list item it concerns; a missing required key is reported at the opening `---`.
    A missing `date` is not reported when the site can infer it: from Hugo's aliases
    (`publishDate`, `pubdate`, `published`) or from a date that starts the file or bundle folder
    name (`2024-05-19-notes.md`), as Jekyll and Hugo's `:filename` setting read it.

    ## Why is this bad?
    Themes and site generators rely on these types: a `draft: "false"` string is truthy in
    templates, a numeric title breaks string functions, a missing date sorts the post last.

    ## Example
    ```markdown
    ---
    title: 2024
    date: 2024-05-19
    draft: "false"
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: "2024"
    date: 2024-05-19
    draft: false
    ---
    ```

    ## Fix safety
    Safe, for two cases only: a boolean written as a string or number (`"false"`, `"no"`, `0`) is
    rewritten as `true`/`false` where the schema wants a boolean, and an unquoted YAML value that
    YAML typed as a number, boolean or date is quoted where the schema wants a string. Both keep
    what the author meant and what the page shows.

    ## Options
    None; see the `schema` and `schemas` settings.

    ## Known problems
    Errors under `anyOf`/`oneOf` report the closest alternative's error, which may not be the one
    the author had in mind.
    """

    code = "FM010"
    name = "schema-violation"
    summary = "A front matter value does not match the schema."
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or ctx.schema is None or fm.mapping is None:
            return
        instance = _as_the_site_reads_it(fm.mapping, doc, ctx, ctx.schema)
        written = {key: original for original in fm.mapping if (key := _canonical(original, instance)) != original}
        for error in ctx.schema.validator.iter_errors(instance):
            yield from _violations(doc, fm, error, ctx.schema.validator.is_type, written)

    def clean_key(self, doc: Document, ctx: Context) -> str | None:
        """The schema and the values as YAML typed them: a post whose body alone changed is not
        validated again (jsonschema costs ~60 ms to import, a one-file run ~300 ms in all)."""
        fm = doc.front_matter
        if fm is None or ctx.schema is None or fm.mapping is None:
            return None
        instance = _as_the_site_reads_it(fm.mapping, doc, ctx, ctx.schema)
        return hashlib.sha256(f"{ctx.schema.digest}\0{instance!r}".encode("utf-8", "surrogateescape")).hexdigest()


def _as_the_site_reads_it(data: dict[str, Any], doc: Document, ctx: Context, schema: Schema) -> dict[str, Any]:
    """The front matter as the site's generator reads it, for the required keys it leaves out.

    Hugo reads keys without regard to case (``Title`` is ``title``) and takes a missing ``date``
    from the sources its ``frontmatter.date`` setting lists (``publishDate``, ``:filename``, ...);
    Jekyll gives a page the values of its ``defaults``, a collection document a title from its
    file name, and a post the date its file name starts with, and reads tags and categories
    written as one string as the list of its words.
    """
    model = ctx.site.model
    wanted = {key: key for key in schema.data.get("properties", {})} if isinstance(schema.data, dict) else {}
    wanted.update((key, key) for key in schema.required)
    seen = dict(data)
    if model.keys_ignore_case:
        folded = {key.lower(): key for key in wanted}
        for key in data:
            canonical = folded.get(str(key).lower())
            if canonical is not None and canonical not in seen:
                seen[canonical] = seen.pop(key)
    if model.generator == "jekyll":  # Jekyll reads `tags: ebpf cilium` as the list of its words
        for key in ("tags", "categories"):
            if isinstance(seen.get(key), str):
                seen[key] = seen[key].split()
    missing = [key for key in schema.required if key not in seen]
    if not missing:
        return seen
    if "date" in missing:
        by_case = {str(key).lower(): key for key in seen}
        alias = next((by_case[key] for key in model.date_keys if key in by_case), None)
        if alias is not None:
            seen["date"] = seen[alias]
    supplied = model.supplied(doc.path, model.page_kind(doc.path))
    seen.update((key, supplied[key]) for key in missing if key not in seen and key in supplied)
    return seen


def _canonical(key: Any, instance: dict[str, Any]) -> Any:
    """The key of ``instance`` that the author's ``key`` became (``title`` for ``Title`` on Hugo)."""
    if key in instance:
        return key
    return next((other for other in instance if str(other).lower() == str(key).lower()), key)


def _violations(doc: Document, fm: FrontMatter, error: ValidationError,
                is_type: Callable[[Any, str], bool], written: dict[Any, Any]) -> Iterator[Violation]:
    """Violations of one error; ``is_type`` is the validator's JSON type check, which follows the schema's draft;
    ``written`` maps a key the site reads without regard to case back to the author's spelling."""
    path: KeyPath = tuple(error.absolute_path)
    if path and path[0] in written:
        path = (written[path[0]], *path[1:])
    where = describe_path(path)
    kind = error.validator
    if kind == "required":
        missing = _REQUIRED.match(error.message)
        key = missing.group(1) if missing else error.message
        span = locate(doc, fm, path, key=True) if path else opening_span(doc)
        yield Violation(f"required key '{describe_path(path + (key,))}' is missing: add it", span)
    elif kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        patterns = error.schema.get("patternProperties", {}) if isinstance(error.schema, dict) else {}
        for key in error.instance:
            if key not in allowed and not any(re.search(p, str(key)) for p in patterns):
                yield Violation(
                    f"key '{describe_path(path + (key,))}' is not allowed by the schema: remove it or "
                    "check its spelling",
                    locate(doc, fm, path + (key,), key=True),
                )
    elif kind in ("anyOf", "oneOf") and error.context:
        types = expected_types(error.schema)
        if types and not any(is_type(error.instance, t) for t in types):
            yield _type_violation(doc, fm, path, types, error.schema, error.instance)
        else:
            from jsonschema.exceptions import best_match  # noqa: PLC0415

            yield from _violations(doc, fm, best_match(error.context), is_type, written)
    elif kind == "type":
        yield _type_violation(doc, fm, path, expected_types(error.schema), error.schema, error.instance)
    else:
        yield Violation(_plain_message(where, kind, error), locate(doc, fm, path))


def _plain_message(where: str, kind: Any, error: ValidationError) -> str:
    value, limit = error.instance, cast(Any, error.validator_value)
    if kind == "minLength" and value == "":
        return f"'{where}' is empty: give it a value or remove the key"
    if kind == "minItems":
        return f"'{where}' must have at least {limit} entr{'y' if limit == 1 else 'ies'}"
    if kind == "enum":
        choices = ", ".join(json.dumps(choice) for choice in limit)
        return f"'{where}' must be one of {choices}, got {describe(value)}"
    if kind == "format":
        return f"'{where}' is not a valid {limit}: got {describe(value)}"
    if kind == "pattern":
        return f"'{where}' must match the pattern {limit}, got {describe(value)}"
    return f"'{where}': {error.message}"


def _type_violation(
    doc: Document, fm: FrontMatter, path: KeyPath, types: list[str], schema: Any, value: Any
) -> Violation:
    where = describe_path(path)
    message = f"'{where}' must be {expected_phrase(types, schema)}, got {describe(value)}"
    node = fm.node(path)
    fix = None
    if node is not None and node.kind == "scalar":
        source = fm.source(node)
        word = _BOOLEAN_WORDS.get(str(value).lower()) if not isinstance(value, bool) else None
        edit_range = (fm.absolute(node.start), fm.absolute(node.end))
        if "boolean" in types and word is not None:
            message += f": write {word} without quotes"
            fix = Fix((Edit(*edit_range, word),), Applicability.SAFE, f"write {word}")
        elif "string" in types and node.plain and source.strip() and not isinstance(value, str):
            message += f"; YAML reads the unquoted {source} as {describe(value).split(' ')[1]}: put it in quotes"
            fix = Fix((Edit(*edit_range, json.dumps(source, ensure_ascii=False)),), Applicability.SAFE,
                      "quote the value")
    return Violation(message, locate(doc, fm, path), fix)
