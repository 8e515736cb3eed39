"""Rule documentation from the rules' own data: the ``--show-rules`` table and ``docs/rules.md``, whose
Options sections are made from the options dataclasses.

Regenerate the reference with ``python -m tripreport_lint.rules.docs > docs/rules.md``.
"""

from __future__ import annotations

import inspect
from typing import Any

from tripreport_lint.diagnostics import FixAvailability
from tripreport_lint.rules import ALL_RULES
from tripreport_lint.rules.base import DOC_HEADINGS, Rule
from tripreport_lint.rules.options import option_specs, toml, type_words

_FIX_WORDS = {FixAvailability.NONE: "no", FixAvailability.SOMETIMES: "sometimes", FixAvailability.ALWAYS: "yes"}


def rule_doc(rule: type[Rule[Any]]) -> str:
    return inspect.cleandoc(rule.__doc__ or "")


def doc_sections(rule: type[Rule[Any]]) -> dict[str, str]:
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


def options_section(rule: type[Rule[Any]]) -> str:
    """A table of the rule's options (config key, type, default, help), then the docstring's own Options
    text: notes on settings that are not rule options. A rule without options has that text (which
    then says None) or "None."."""
    notes = doc_sections(rule).get("Options", "").strip("\n")
    specs = option_specs(rule.Options)
    if not specs:
        return notes or "None."
    lines = ["| option | type | default | description |", "| --- | --- | --- | --- |"]
    for spec in specs:
        cells = (f"`{spec.key}`", type_words(spec.hint), f"`{toml(spec.default)}`", spec.help)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + (f"\n\n{notes}" if notes else "")


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
        parts += ["", rule_markdown(rule, level=2)]
    return "\n".join(parts) + "\n"


def rule_markdown(rule: type[Rule[Any]], level: int = 1) -> str:
    """One rule's documentation: a heading ``CODE name`` at ``level``, then its sections one level below."""
    parts = [f"{'#' * level} {rule.code} {rule.name}"]
    if level == 1:  # on its own (`tripreport-lint rule`), the facts the reference's table gives
        parts += ["", f"{rule.summary} Severity: {rule.severity.value}; fix: {_FIX_WORDS[rule.fix_availability]}; "
                      f"{'on' if rule.default_enabled else 'off'} by default."]
    sections = doc_sections(rule)
    for heading in DOC_HEADINGS:
        text = options_section(rule) if heading == "Options" else sections[heading].strip("\n")
        parts += ["", f"{'#' * (level + 1)} {heading}", "", text]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_markdown(), end="")
