"""Every rule is documented under the same headings, its examples behave as documented, every option
carries its help, and docs/rules.md is generated from the same docstrings and options dataclasses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Site
from tripreport_lint.config import settings as config
from tripreport_lint.remote.settings import UrlStatus
from tripreport_lint.rules import ALL_RULES
from tripreport_lint.rules.base import DOC_HEADINGS, NoOptions, Rule
from tripreport_lint.rules.docs import doc_sections, options_section, render_markdown
from tripreport_lint.rules.front_matter.dates import DateKeys, DateWithoutTimezone, InvalidDate
from tripreport_lint.rules.headings import TitleRepeated
from tripreport_lint.rules.links.fragments import FragmentOptions, MissingFragment
from tripreport_lint.rules.options import option_specs, toml

ROOT = Path(__file__).resolve().parents[1]
# Rules whose examples cannot be shown as a Markdown block: a file's encoding, byte order mark,
# invisible or control characters, or line breaks. Their own tests cover them.
NOT_MARKDOWN_EXAMPLES = {"ENC001", "ENC003", "ENC004", "ENC005", "ENC007", "ENC008", "ENC009", "ENC010"}
# What the network answers for the examples of the remote link rules.
NETWORK = {
    "https://example.com/2019/schedule": UrlStatus(False, 404, "HTTP 404 Not Found"),
    "https://web.archive.org/web/2019/https://example.com/2019/schedule": UrlStatus(True, 200),
    "http://example.com/docs": UrlStatus(True, 200, "", "https://example.com/docs/"),
    "https://example.com/docs/": UrlStatus(True, 200),
}


# Rules that measure a post against the site's other posts (FM032-FM034): their examples sit in a blog of 24
# other posts, each tagged with one of three shared tags.
SITE_WIDE = {"FM032", "FM033", "FM034", "FM035"}


def write_neighbours(site: Site) -> None:
    for n in range(24):
        tag = ("observability", "kubernetes", "release")[n % 3]
        site.write(f"content/blog/post-{n}.md", f"---\ntitle: Post {n}\ndate: 2024-01-01\ntags: [{tag}]\nauthor: jdoe\n---\n\nText.\n")


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
    # Options is generated from the options dataclass: a docstring has it only for notes.
    headings = list(doc_sections(rule))
    assert headings == [h for h in DOC_HEADINGS if h != "Options" or h in headings]
    assert re.fullmatch(r"[A-Z]{2,3}\d{3}", rule.code) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)


# Rules whose example says where the post stands or which other page it meets: (its path, files of the site;
# a site with _config.yml is Jekyll's, without Hugo's hugo.toml).
PLACES = {
    "FM024": ("_posts/2024-03-05-meetup-recap.md", {"_config.yml": "title: Example blog\n"}),
    "FM006": ("_posts/2024-05-19-notes.md", {"_config.yml": "title: Example blog\n"}),
    "FM035": ("content/blog/example.md", {"data/authors.yml": "jdoe:\n  name: Jane Doe\n"}),
    "FM050": ("content/blog/example.md", {"content/blog/march-meetup.md": "---\ntitle: March\nurl: /blog/meetup/\n---\n"}),
    "MKP005": ("_posts/2024-05-19-notes.md", {"_config.yml": "title: Example blog\n"}),
    "MKP006": ("_posts/2024-05-19-notes.md", {"_config.yml": "title: Example blog\n"}),
    "FM051": ("content/blog/example.md", {"content/blog/march-meetup.md": "---\ntitle: Meetup recap\n---\n"}),
    "HDG003": ("about.md", {"_config.yml": "title: Example site\n"}),
    "HDG007": ("content/blog/example.md", {"layouts/_default/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}\n"}),
    "HDG008": ("content/blog/example.md", {"layouts/_default/single.html": "{{ .TableOfContents }}{{ .Content }}\n"}),
    "LNK016": ("content/blog/example.md", {"content/blog/follow-up.md": "---\ntitle: Follow-up\ndraft: true\n---\n"}),
}


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.code not in NOT_MARKDOWN_EXAMPLES], ids=lambda r: r.code)
def test_example_triggers_and_use_instead_does_not(rule: type[Rule], site: Site) -> None:
    example = markdown_block(section(rule, "Example"))
    fixed = markdown_block(section(rule, "Use instead"))
    relative = "content/blog/example.md"
    if rule.code in SITE_WIDE:
        write_neighbours(site)
    if rule.code in PLACES:
        relative, files = PLACES[rule.code]
        for name, text in files.items():
            assert f"`{name if name.endswith('.md') else relative}`" in section(rule, "Example")
            site.write(name, text)
        if "_config.yml" in files:
            (site.root / "hugo.toml").unlink()
    assert rule.code in [c for c, _, _ in site.findings(example, rule.code, relative, NETWORK)]
    assert site.findings(fixed, rule.code, relative, NETWORK) == []


def test_a_rule_takes_its_options_from_its_parameter() -> None:
    assert MissingFragment.Options is FragmentOptions and isinstance(MissingFragment().options, FragmentOptions)
    assert InvalidDate.Options is DateWithoutTimezone.Options is DateKeys
    assert TitleRepeated.Options is NoOptions

    class Stricter(MissingFragment):  # a subclass keeps its parent's options
        pass

    assert Stricter.Options is FragmentOptions


OPTIONS = sorted({rule.Options for rule in ALL_RULES if option_specs(rule.Options)}, key=lambda o: o.__name__)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: o.__name__)
def test_every_option_has_help_and_a_row_in_the_reference(options: type) -> None:
    reference = render_markdown()
    for spec in option_specs(options):
        assert spec.help.strip().endswith("."), f"{options.__name__}.{spec.attribute} has no help text"
        assert f"| `{spec.key}` |" in reference and spec.help.replace("|", "\\|") in reference


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if option_specs(r.Options)], ids=lambda r: r.code)
def test_documented_defaults_read_back_as_the_defaults(rule: type[Rule], tmp_path: Path) -> None:
    lines = [f"[{rule.name}]", *(f"{spec.key} = {toml(spec.default)}" for spec in option_specs(rule.Options))]
    path = tmp_path / ".tripreport-lint.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert config.load(path).rule_options[rule.code] == rule.Options()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_options_section_is_a_table_or_none_and_notes_repeat_no_default(rule: type[Rule]) -> None:
    section = options_section(rule)
    notes = doc_sections(rule).get("Options", "")
    if option_specs(rule.Options):
        assert section.startswith("| option | type | default | description |")
        assert "default" not in notes, f"{rule.code}: the table gives the defaults; the docstring adds notes only"
    else:
        assert section.startswith("None")


def test_generated_reference_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is stale: run python -m tripreport_lint.rules.docs > docs/rules.md"
    )
