"""Every rule is documented under the same headings, its examples behave as documented,
and docs/rules.md is generated from the same docstrings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Site
from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.rules import ALL_RULES
from tripreport_lint.rules.base import DOC_HEADINGS, Rule
from tripreport_lint.rules.docs import doc_sections, render_markdown

ROOT = Path(__file__).resolve().parents[1]
# Rules whose examples cannot be shown as a Markdown block: a file's encoding, byte order mark,
# invisible or control characters, or line breaks. Their own tests cover them.
NOT_MARKDOWN_EXAMPLES = {"ENC001", "ENC003", "ENC004", "ENC005", "ENC007", "ENC008"}
# What the network answers for the examples of the remote link rules.
NETWORK = {
    "https://example.com/2019/schedule": UrlStatus(False, 404, "HTTP 404 Not Found"),
    "https://web.archive.org/web/2019/https://example.com/2019/schedule": UrlStatus(True, 200),
    "http://example.com/docs": UrlStatus(True, 200, "", "https://example.com/docs/"),
    "https://example.com/docs/": UrlStatus(True, 200),
}


def section(rule: type[Rule], heading: str) -> str:
    sections = doc_sections(rule)
    assert heading in sections, f"{rule.code} has no '## {heading}' section"
    return sections[heading]


def markdown_block(text: str) -> str:
    match = re.search(r"```markdown\n(.*?)```", text, re.S)
    assert match, "no ```markdown block"
    return match.group(1)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_doc_has_every_heading_in_order(rule: type[Rule]) -> None:
    assert list(doc_sections(rule)) == list(DOC_HEADINGS)
    assert re.fullmatch(r"[A-Z]{2,3}\d{3}", rule.code) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.code not in NOT_MARKDOWN_EXAMPLES], ids=lambda r: r.code)
def test_example_triggers_and_use_instead_does_not(rule: type[Rule], site: Site) -> None:
    example = markdown_block(section(rule, "Example"))
    fixed = markdown_block(section(rule, "Use instead"))
    relative = "content/blog/example.md"
    assert rule.code in [c for c, _, _ in site.findings(example, rule.code, relative, NETWORK)]
    assert site.findings(fixed, rule.code, relative, NETWORK) == []


def test_generated_reference_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is stale: run python -m tripreport_lint.rules.docs > docs/rules.md"
    )
