"""Turn jsonschema errors into plain words that say what is wrong and how to fix it."""

from __future__ import annotations

from typing import Any

TYPE_WORDS = {
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
    "null": "empty",
}


def describe(value: Any) -> str:
    """How a YAML value reads in a sentence: the string "x", the number 3, a list."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the string "{shown}"' if value else "an empty string"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__} value"


def expected_types(schema: Any) -> list[str]:
    """The JSON types a (sub)schema accepts, following anyOf/oneOf one level down."""
    if not isinstance(schema, dict):
        return []
    declared = schema.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [t for t in declared if isinstance(t, str)]
    found: list[str] = []
    for keyword in ("anyOf", "oneOf"):
        for sub in schema.get(keyword, []):
            found += [t for t in expected_types(sub) if t not in found]
    return found


def expected_phrase(types: list[str], schema: Any) -> str:
    """What a value must be, in words; an empty value (null) left unsaid where others are allowed: it is the
    key left out, not what the author should write."""
    words = []
    for name in [t for t in types if t != "null"] or types:
        if name == "array" and isinstance(schema, dict):
            items = _array_items(schema)
            inner = expected_types(items)
            words.append(f"a list of {_plural(inner)}" if inner else "a list")
        else:
            words.append(TYPE_WORDS.get(name, name))
    return " or ".join(dict.fromkeys(words))


def _array_items(schema: dict[str, Any]) -> Any:
    declared = schema.get("type")
    if declared == "array" or isinstance(declared, list) and "array" in declared:
        return schema.get("items")
    for keyword in ("anyOf", "oneOf"):
        for sub in schema.get(keyword, []):
            if isinstance(sub, dict) and sub.get("type") == "array":
                return sub.get("items")
    return None


def _plural(types: list[str]) -> str:
    nouns = {"string": "strings", "integer": "whole numbers", "number": "numbers", "object": "mappings"}
    return " or ".join(nouns.get(t, t) for t in types)
