"""Load front matter JSON Schemas (built-in or the user's), refusing any reference that would fetch."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tripreport_lint.errors import InputError, closest

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

BUILTIN = {"post": "frontmatter.schema.json", "page": "frontmatter.schema.json", "section": "section.schema.json"}
NO_SCHEMA = "none"
_REF_KEYWORDS = ("$ref", "$dynamicRef")


@dataclass(frozen=True)
class Schema:
    """A loaded schema; the validator is built on first use."""

    name: str
    data: dict[str, Any]

    @cached_property
    def validator(self) -> Validator:
        import jsonschema  # noqa: PLC0415 - costs ~80 ms; only files with front matter need it
        import referencing  # noqa: PLC0415

        cls = jsonschema.validators.validator_for(self.data, default=jsonschema.Draft202012Validator)
        registry: referencing.Registry[Any] = referencing.Registry(retrieve=_refuse)  # type: ignore[call-arg]
        return cls(self.data, registry=registry, format_checker=cls.FORMAT_CHECKER)

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.data, sort_keys=True).encode()).hexdigest()

    @property
    def required(self) -> list[str]:
        return [key for key in self.data.get("required", []) if isinstance(key, str)]

    def property_type(self, key: str) -> Any:
        """The declared ``type`` of a top-level property, or None; ``null`` aside (the key left empty, as if left
        out): ``["boolean", "null"]`` is ``boolean``."""
        prop = self.data.get("properties", {}).get(key)
        declared = prop.get("type") if isinstance(prop, dict) else None
        if isinstance(declared, list):
            kept = [name for name in declared if name != "null"]
            return kept[0] if len(kept) == 1 else kept
        return declared


def _refuse(uri: str) -> Any:
    raise InputError(f"schema reference {uri!r} is not fetched: tripreport-lint never loads remote schemas")


@cache
def load(spec: str, base: Path) -> Schema | None:
    """The schema a config names: a built-in name, ``none``, or a path relative to ``base``."""
    if spec == NO_SCHEMA:
        return None
    if spec in BUILTIN:
        data = json.loads(_builtin_path(BUILTIN[spec]).read_text("utf-8"))
        if spec == "page":  # a page that is not a dated post: the post's types, nothing required
            data = {**data, "title": "Page front matter", "required": []}
        return Schema(spec, data)
    path = base / spec
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as error:
        builtins = ", ".join([*BUILTIN, NO_SCHEMA])
        near = closest(spec, [*BUILTIN, NO_SCHEMA])
        hint = f"did you mean '{near}'? " if near else ""
        raise InputError(f"{path}: cannot read schema: {error.strerror} ({hint}built-in schemas: {builtins})") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read schema: {error.strerror}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: schema is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise InputError(f"{path}: a schema must be a JSON object")
    _check_refs(data, path)
    _check_schema(data, path)
    _check_local_refs(data, path)
    return Schema(str(path), data)


def _builtin_path(name: str) -> Any:
    """A built-in schema: packaged in the wheel, or in the ``schemas/`` folder of a source checkout."""
    here = Path(__file__).resolve()
    for found in (here.parents[1] / "schemas" / name, here.parents[3] / "schemas" / name):
        if found.is_file():  # an installed wheel's package folder, then a source checkout
            return found
    from importlib import resources  # noqa: PLC0415 - ~5 ms (it loads tempfile, random, zipfile): zipped installs only

    return resources.files("tripreport_lint") / "schemas" / name


def _check_refs(node: Any, path: Path) -> None:
    if isinstance(node, dict):
        for keyword in _REF_KEYWORDS:
            ref = node.get(keyword)
            if isinstance(ref, str) and not ref.startswith("#"):
                raise InputError(
                    f"{path}: {keyword} {ref!r} points outside the schema; remote and file references are "
                    "refused (never fetched): copy the definition under $defs and refer to it with '#/$defs/...'"
                )
        for value in node.values():
            _check_refs(value, path)
    elif isinstance(node, list):
        for value in node:
            _check_refs(value, path)


def _check_local_refs(data: dict[str, Any], path: Path) -> None:
    """Refuse a local reference that leads nowhere: jsonschema would only fail on it when a post's
    front matter reaches it, once per post."""
    import referencing  # noqa: PLC0415 - comes with jsonschema, loaded only for a user's schema
    import referencing.exceptions  # noqa: PLC0415
    import referencing.jsonschema  # noqa: PLC0415

    root = referencing.Resource.from_contents(data, default_specification=referencing.jsonschema.DRAFT202012)
    registry: referencing.Registry[Any] = referencing.Registry(retrieve=_refuse)  # type: ignore[call-arg]
    registry = registry.with_resource(root.id() or "", root).crawl()
    # Each subschema with the resolver of its place: an $id below the root changes what '#...' means.
    pending = [(root, registry.resolver(root.id() or ""))]
    while pending:
        resource, resolver = pending.pop()
        resolver = resolver.in_subresource(resource)
        contents = resource.contents
        for keyword in _REF_KEYWORDS if isinstance(contents, dict) else ():
            ref = contents.get(keyword)
            if not isinstance(ref, str):
                continue
            try:
                resolver.lookup(ref)
            except referencing.exceptions.Unresolvable as error:
                raise InputError(f"{path}: {keyword} {ref!r} points to nothing in the schema: add what it names "
                                 "or correct the reference") from error
        pending += [(sub, resolver) for sub in resource.subresources()]


def _check_schema(data: dict[str, Any], path: Path) -> None:
    import jsonschema  # noqa: PLC0415

    cls = jsonschema.validators.validator_for(data, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(data)
    except jsonschema.SchemaError as error:
        raise InputError(f"{path}: not a valid JSON Schema: {error.message}") from error
