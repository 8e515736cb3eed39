"""Rule options as data: each field of an options dataclass as a config key with its type, default and
help text, and types and defaults in words, for config validation and the rule reference."""

from __future__ import annotations

import dataclasses
import json
import re
import types
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, Union, get_args, get_origin, get_type_hints

_WORDS: dict[object, tuple[str, str, str]] = {  # (in the reference, in an error, in a list)
    bool: ("true/false", "true or false", "true/false values"),
    int: ("integer", "an integer", "integers"),
    float: ("number", "a number", "numbers"),
    str: ("string", "a string", "strings"),
}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class OptionSpec(NamedTuple):
    """One option: ``key`` as the config writes it (kebab-case), ``attribute`` as the dataclass names it."""

    key: str
    attribute: str
    hint: Any
    default: Any
    help: str


def option_specs(options: type[Any]) -> tuple[OptionSpec, ...]:
    """The options of a rule's options dataclass, in declaration order."""
    hints = get_type_hints(options)  # the annotations are strings under ``from __future__ import annotations``
    defaults = options()  # a rule's options all have defaults: the rule runs without a config
    return tuple(OptionSpec(declared.name.replace("_", "-"), declared.name, hints[declared.name],
                            getattr(defaults, declared.name), declared.metadata.get("help", ""))
                 for declared in dataclasses.fields(options))


def is_union(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType)


def type_words(hint: Any) -> str:
    """A type as the reference says it: ``true/false``, ``list of strings``, `` `keep`, `no` or integer``."""
    if is_union(hint) or get_origin(hint) is Literal:
        return _either([f"`{arg}`" if choice else type_words(arg) for arg, choice in _alternatives(hint)])
    if get_origin(hint) is not None:
        return _container(hint, 0)
    return _WORDS[hint][0]


def expected(hint: Any) -> str:
    """A type as a config error says what a value must be: ``an integer``, ``one of drift, equal or off``."""
    if get_origin(hint) is Literal:
        return "one of " + _either([str(arg) for arg in get_args(hint)])
    if is_union(hint):
        return _either([str(arg) if choice else expected(arg) for arg, choice in _alternatives(hint)])
    if get_origin(hint) is not None:
        return "a " + _container(hint, 0)
    return _WORDS[hint][1]


def _alternatives(hint: Any) -> list[tuple[Any, bool]]:
    """The members of a union or Literal, a Literal's values flattened in: (value, True) or (type, False)."""
    if get_origin(hint) is Literal:
        return [(arg, True) for arg in get_args(hint)]
    if is_union(hint):
        return [alternative for arg in get_args(hint) for alternative in _alternatives(arg)]
    return [(hint, False)]


def _container(hint: Any, plural: int) -> str:
    """``list of X`` or ``table of X`` (``lists of X``, ``tables of X`` when ``plural``), X in the plural."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        name, item = "list", args[0]
    elif origin in (dict, Mapping) and args[0] is str:
        name, item = "table", args[1]
    else:
        raise TypeError(f"options of type {hint} cannot be read from a config")
    items = _container(item, 1) if get_origin(item) is not None else _WORDS[item][2]
    return f"{name}{'s' if plural else ''} of {items}"


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def toml(value: Any) -> str:
    """A default value as TOML writes it; regular expressions as literal strings, so their ``\\`` stay single."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        literal = "\\" in value and not any(c in value for c in "'\n")
        return f"'{value}'" if literal else json.dumps(value, ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml(item) for item in value) + "]"
    if isinstance(value, Mapping):
        pairs = [f"{key if _BARE_KEY.fullmatch(key) else toml(key)} = {toml(item)}" for key, item in value.items()]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    raise TypeError(f"no TOML for {value!r}")
