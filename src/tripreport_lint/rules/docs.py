"""Rule documentation from the rules' own data: the ``--show-rules`` table and ``docs/rules.md``.

Regenerate the reference with ``python -m tripreport_lint.rules.docs > docs/rules.md``.
"""

from __future__ import annotations

import inspect

from tripreport_lint.diagnostics import FixAvailability
from tripreport_lint.rules import ALL_RULES
from tripreport_lint.rules.base import Rule

_FIX_WORDS = {FixAvailability.NONE: "no", FixAvailability.SOMETIMES: "sometimes", FixAvailability.ALWAYS: "yes"}


def rule_doc(rule: type[Rule]) -> str:
    return inspect.cleandoc(rule.__doc__ or "")


def doc_sections(rule: type[Rule]) -> dict[str, str]:
    """The ``## Heading`` sections of a rule's docstring, in order; headings inside code fences are text."""
    sections: dict[str, str] = {}
    current, in_fence = "", False
    for line in rule_doc(rule).splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if line.startswith("## ") and not in_fence:
            current = line[3:].strip()
            sections[current] = ""
        elif current:
            sections[current] += line + "\n"
    return sections


def rules_table() -> str:
    lines = [f"{'code':<7} {'name':<27} {'fix':<9} {'default':<7} summary"]
    for rule in ALL_RULES:
        default = "on" if rule.default_enabled else "off"
        lines.append(f"{rule.code:<7} {rule.name:<27} {_FIX_WORDS[rule.fix_availability]:<9} {default:<7} {rule.summary}")
    return "\n".join(lines) + "\n"


def render_markdown() -> str:
    parts = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `python -m tripreport_lint.rules.docs > docs/rules.md`; "
        "do not edit by hand.",
        "",
        "| code | name | severity | fix | default | summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in ALL_RULES:
        parts.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` | {rule.severity.value} "
            f"| {_FIX_WORDS[rule.fix_availability]} | {'on' if rule.default_enabled else 'off'} | {rule.summary} |"
        )
    for rule in ALL_RULES:
        parts += ["", f"## {rule.code} {rule.name}"]
        for heading, text in doc_sections(rule).items():
            parts += ["", f"### {heading}", "", text.strip("\n")]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(render_markdown(), end="")
