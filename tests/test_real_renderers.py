"""--fix keeps what the real renderers make of every page it changes: the same block structure
(paragraphs, lists and items, tables, headings, code blocks, quotes, hard line breaks) and the
same link targets, except where a rule's purpose is that change.

Each blog of tests/data, each small site written here, and each site of ../shared/corpus where it
is beside the checkout, is copied and fixed; every page whose body changed is rendered before and
after by its site's renderer, all pages of a site in one run: Hugo sites (hugo.*, config.* or
config/_default/) by Hugo with the site's ``markup`` table, Jekyll sites (_config.*) by kramdown with
the ``kramdown:`` options of that file, after a stand-in for Liquid. Sites with neither
(cilium.io is Gatsby, prometheus-docs has no configuration and linkerd-website's is not in the
corpus) are rendered by Hugo with its defaults: Goldmark is a CommonMark renderer, as theirs are.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CORPUS, DATA, run_cli, writable_copy
from renderers import (
    HUGO_MISSING,
    KRAMDOWN_MISSING,
    Block,
    Structure,
    hugo_binary,
    kramdown_available,
    liquid,
    render_hugo,
    render_kramdown,
    structure,
)
from tripreport_lint.document.document import Document
from tripreport_lint.site import anchors
from tripreport_lint.site.anchors import document_anchors
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.root import HUGO_CONFIGS, JEKYLL_CONFIGS, find_site_root, hugo_configs

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

# The changes a rule may make because making them is what it is for; any other change fails.
# LNK009 (bare-url) wraps a URL in <...>, and LNK013 (space-before-link-target) joins `[text] (url)`:
# each makes a link where the renderer saw text, so it may add link targets (never remove or change one).
ADDS_LINKS = frozenset({"LNK009", "LNK013"})
# HDG001 (title-repeated) deletes a first heading that repeats the title: that heading may go.
REMOVES_FIRST_HEADING = "HDG001"
# No other rule has such a purpose: LNK002 only inserts a space before a link, ENC002 and SPL001
# change words, ENC005 removes invisible characters, CMT001 removes comments that render as nothing.
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

SITES = ["data/hugo-blog", "data/jekyll-blog"] + (
    [f"corpus/{p.name}" for p in sorted(CORPUS.iterdir()) if p.is_dir() and not p.name.startswith("_")]
    if CORPUS.is_dir() else ["corpus"])
# Small sites written for this test, each post with a construct where the renderers part ways.
FIXTURES: dict[str, dict[str, str]] = {
    "hugo-defaults": {
        "hugo.toml": 'title = "Fixtures"\n',
        # A delimiter row with more cells than the header: Goldmark makes a table, markdown-it does not.
        "content/posts/matrix.md": "---\ntitle: Matrix\ndate: 2024-05-01\n---\nWhat we tried:\n\n"
                                   "| Tool | Version | Result\n| --- | --- | --- | ---\n| kubectl | 1.30 | fine\n",
        # An address written with `&#64;`: Goldmark's linkify links it only once the reference is decoded.
        "content/posts/contact.md": "---\ntitle: Contact\ndate: 2024-05-01\n---\n"
                                    "Write to the organisers at team&#64;example.org before Friday.\n",
        # A bare URL that ends where a hard break starts.
        "content/posts/venue.md": "---\ntitle: Venue\ndate: 2024-05-01\n---\n"
                                  "The venue page is https://example.com/venue  \nand the doors open at nine.\n",
    },
    "jekyll-gfm": {
        "_config.yml": "title: Fixtures\n",
        # kramdown keeps an unindented fence right after an item's text inside the item.
        "_posts/2024-05-01-steps.md": "---\ntitle: Steps\ndate: 2024-05-01\n---\nSetting up the demo:\n\n"
                                      "1. Clone the repository.\n```sh\ngit clone https://example.com/demo.git\n```\n"
                                      "2. Start the cluster.\n```sh\nkind create cluster\n```\n",
        # kramdown wraps an item's text in a paragraph only when a blank line follows it.
        "_posts/2024-05-02-topics.md": "---\ntitle: Topics\ndate: 2024-05-02\n---\nWhat we covered:\n\n"
                                       "- Networking\n  - service meshes\n  - gateways\n\n- Storage\n  - snapshots\n",
    },
    "jekyll-kramdown-input": {
        "_config.yml": "title: Fixtures\nkramdown:\n  input: kramdown\n",
        # kramdown's own syntax has the two-space hard break but not the backslash one.
        "_posts/2024-05-03-address.md": "---\ntitle: Address\ndate: 2024-05-03\n---\nThe meetup moved to:\n\n"
                                        "Hall B  \n12 Harbour Street  \nRotterdam\n",
    },
}

Renderer = Callable[[dict[str, str]], dict[str, str]]


@pytest.mark.parametrize("site", SITES)
def test_fixes_keep_each_page_s_blocks_and_links(site: str, tmp_path: Path) -> None:
    source = DATA / site.removeprefix("data/") if site.startswith("data/") else CORPUS / site.removeprefix("corpus/")
    if not source.is_dir():
        pytest.skip(f"{CORPUS} is not beside this checkout")
    _check(writable_copy(source, tmp_path / source.name), site)


@pytest.mark.parametrize("site", sorted(FIXTURES))
def test_fixes_keep_blocks_and_links_where_renderers_differ(site: str, tmp_path: Path) -> None:
    for relative, text in FIXTURES[site].items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    _check(tmp_path, f"fixtures/{site}")


def test_structure_reads_blocks_their_nesting_and_link_targets() -> None:
    html = ('<blockquote><p>Read <a href="/a">this</a><br>now</p></blockquote><ol start="3"><li>x<ul><li>'
            '<img src="b.png"></li></ul></li></ol><p><code>inline</code></p><div><pre><code>block</code></pre></div>')
    found = structure(html)
    assert [(b.depth, b.tag) for b in found.blocks] == [
        (0, "blockquote"), (1, "p"), (2, "br"), (0, "ol start=3"), (1, "li"), (2, "ul"), (3, "li"), (0, "p"),
        (0, "pre"), (1, "code")]
    assert found.links == ("/a", "b.png")
    assert found.blocks[1].text == "Read this"


def test_only_a_rule_whose_purpose_it_is_excuses_a_change() -> None:
    heading, text = structure("<h1>Notes</h1><p>See x.</p>"), structure("<p>See x.</p>")
    linked = structure('<p>See <a href="https://x.org">x</a>.</p>')
    assert _difference(heading, text, {"HDG001"}) is None
    assert _difference(heading, text, {"FMT001"}) == "block 1 was <h1> at depth 0 'Notes', is <p> at depth 0 'See x.'"
    assert _difference(text, linked, {"LNK009"}) is None
    assert _difference(text, linked, {"FMT001"}) == "link 1 insert: was [], is ['https://x.org']"
    assert _difference(linked, text, {"LNK009"}) == "link 1 delete: was ['https://x.org'], is []"


def _check(copy: Path, site: str) -> None:
    """Fix the site in ``copy``, render each page whose body changed before and after, and fail
    naming every page that renders differently, the rules that fixed it and the first difference."""
    before = _bodies(copy)
    report = run_cli("--output-format", "json", ".", cwd=copy)
    fixed_by: dict[Path, set[str]] = {}
    for row in json.loads(report.stdout):
        if row["fixable"]:
            fixed_by.setdefault(Path(row["path"]), set()).add(row["code"])
    fixed = run_cli("--fix", "-q", ".", cwd=copy)
    assert fixed.returncode in (0, 1), fixed.stderr
    after = _bodies(copy)
    changed = [page for page in before if before[page] != after[page]]
    failures = []
    for (kind, root), pages in _by_renderer(copy, changed):
        render = _renderer(kind, root)
        html = render({f"{side}:{page}": bodies[page] for page in pages
                       for side, bodies in (("before", before), ("after", after))})
        for page in pages:
            old, new = structure(html[f"before:{page}"]), structure(html[f"after:{page}"])
            difference = _difference(old, new, fixed_by.get(page, set()))
            if difference:
                failures.append(f"{site}/{page} ({kind}; fixed by {','.join(sorted(fixed_by.get(page, ())))}): "
                                f"{difference}")
    print(f"{site}: {len(changed)} pages' bodies changed, {len(failures)} render differently")
    if failures:
        pytest.fail(f"{len(failures)} of {len(changed)} fixed pages render differently:\n" + "\n".join(failures),
                    pytrace=False)


def _by_renderer(top: Path, pages: list[Path]) -> list[tuple[tuple[str, Path | None], list[Path]]]:
    """The pages below ``top`` grouped by the renderer of their site and the site folder it reads."""
    groups: dict[tuple[str, Path | None], list[Path]] = {}
    roots: dict[Path, Path | None] = {}
    for page in pages:
        root = find_site_root((top / page).parent, roots)
        groups.setdefault(_engine(root if root is not None and root.is_relative_to(top) else None), []).append(page)
    return sorted(groups.items(), key=lambda item: (item[0][0], str(item[0][1])))


def _bodies(root: Path) -> dict[Path, str]:
    """Each post's body, the text after its front matter, by path under ``root``."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".markdown") and path.is_file():
            doc = Document(path, path.name, path.read_bytes())
            found[path.relative_to(root)] = doc.text[doc.body_start:]
    return found


def _engine(root: Path | None) -> tuple[str, Path | None]:
    """Which renderer a site's pages go to, and the site folder whose settings it takes."""
    if root is not None and any((root / name).is_file() for name in JEKYLL_CONFIGS):
        return "kramdown", root
    return "hugo", (root if root is not None and hugo_configs(root) else None)


def _renderer(kind: str, root: Path | None) -> Renderer:
    if kind == "kramdown":
        if not kramdown_available():
            pytest.skip(KRAMDOWN_MISSING)
        config = next(root / name for name in JEKYLL_CONFIGS if (root / name).is_file()) if root else None
        options = (_load(config).get("kramdown") or {}) if config else {}
        return lambda bodies: render_kramdown(options, {key: liquid(body) for key, body in bodies.items()})
    if hugo_binary() is None:
        pytest.skip(HUGO_MISSING)
    markup = hugo_markup(root) if root is not None else {}
    return lambda bodies: render_hugo(markup, bodies)


def hugo_markup(root: Path) -> dict[str, Any]:
    """The site's ``markup`` table: from its root configuration, then ``config/_default`` (whose
    ``markup.*`` file holds the table itself), merged in that order as Hugo merges them."""
    markup: dict[str, Any] = {}
    for config in hugo_configs(root):
        if config.name in HUGO_CONFIGS:
            data = {key.lower(): value for key, value in _load(config).items()}
            _merge(markup, data.get("markup") or {})
        elif config.stem == "markup":
            _merge(markup, _load(config))
    return markup


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text("utf-8")
    data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text) if path.suffix == ".json" \
        else yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def _merge(into: dict[str, Any], table: dict[str, Any]) -> None:
    for key, value in table.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _difference(before: Structure, after: Structure, fixed_by: set[str]) -> str | None:
    """The first change of blocks or links that no rule that fixed the page is for, or None."""
    blocks = before.blocks
    if REMOVES_FIRST_HEADING in fixed_by and blocks and blocks[0].tag in HEADINGS and after.blocks == blocks[1:]:
        blocks = blocks[1:]
    if blocks != after.blocks:
        index = next((i for i, (old, new) in enumerate(zip(blocks, after.blocks, strict=False)) if old != new),
                     min(len(blocks), len(after.blocks)))
        return f"block {index + 1} was {_block(blocks, index)}, is {_block(after.blocks, index)}"
    matcher = difflib.SequenceMatcher(None, before.links, after.links, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "insert" and fixed_by & ADDS_LINKS):
            continue
        return f"link {i1 + 1} {tag}: was {list(before.links[i1:i2][:3])}, is {list(after.links[j1:j2][:3])}"
    return None


def _block(blocks: tuple[Block, ...], index: int) -> str:
    return str(blocks[index]) if index < len(blocks) else "(none: no more blocks)"


@pytest.mark.parametrize("site", SITES)
def test_heading_anchors_are_the_renderer_s(site: str) -> None:
    """LNK005's anchors of every heading are the ids the site's renderer gives it (for the headings of
    the corpus's Hugo and Jekyll sites and of tests/data), so a fragment it accepts or reports is one
    the page has or lacks."""
    source = DATA / site.removeprefix("data/") if site.startswith("data/") else CORPUS / site.removeprefix("corpus/")
    if not source.is_dir():
        pytest.skip(f"{CORPUS} is not beside this checkout")
    pages = _bodies(source)
    wrong = []
    for (kind, root), group in _by_renderer(source, list(pages)):
        if root is None:
            continue  # no Hugo or Jekyll configuration: the site's own renderer (Gatsby's, say) is not at hand
        html = _renderer(kind, root)({str(page): pages[page] for page in group})
        index = SiteIndex(root or source)
        for page in group:
            # An id holding the Liquid stand-in's word depends on what an include outputs: unknowable here.
            rendered = {found for found in re.findall(r'<h[1-6][^>]* id="([^"]*)"', html[str(page)])
                        if not re.search(r"liquid[0-9a-f]{8}", found)}
            doc = Document(source / page, str(page), (source / page).read_bytes())
            model = index.model
            ours = document_anchors(doc, index.anchor_style, model.auto_id_prefix,
                                    model.typographer if model.renderer == "goldmark" else None)
            if rendered - {unescape(a) for a in ours} - {a for a in ours}:
                missing = sorted(a for a in rendered if a not in ours and unescape(a) not in ours)
                wrong.append(f"{site}/{page}: the renderer's {missing[:3]} are not LNK005's")
    assert not wrong, f"{len(wrong)} pages:\n" + "\n".join(wrong)


# Headings and the ids Hugo 0.168 gives them, typographer on (its default) and off.
GOLDMARK_IDS = [
    ("Kim's talk", "kims-talk", "kims-talk"),
    ("*Kim's* talk", "kim-talk", "kims-talk"),
    ("[Kim's talk](https://example.org)", "kim", "kims-talk"),
    ("a -- b", "a--b", "a----b"),
    ('"Quoted" -- dash... end', "quoted--dash-end", "quoted----dash-end"),
    ("**a_b and c_d**", "a_", "a_"),
    ("[**Bold** link](https://example.org)", "bold", "bold"),
    ("x [a'b c](https://example.org) y", "x-a-y", "x-ab-c-y"),
    ("`code` and *em* text", "code-and-em-text", "code-and-em-text"),
    ("Café & Co. 2.0", "café--co-20", "café--co-20"),
]


@pytest.mark.parametrize("typographer", [True, False])
def test_goldmark_heading_ids_are_hugo_s(typographer: bool) -> None:
    expected = [on if typographer else off for _, on, off in GOLDMARK_IDS]
    ours = [anchors.github(anchors.goldmark_text(text, typographer)) for text, _, _ in GOLDMARK_IDS]
    assert ours == expected
    if hugo_binary() is None:
        pytest.skip(HUGO_MISSING)
    markup = {} if typographer else {"goldmark": {"extensions": {"typographer": {"disable": True}}}}
    # Each heading alone on its page: Hugo numbers repeated ids within a page.
    html = render_hugo(markup, {str(n): f"## {text}\n" for n, (text, _, _) in enumerate(GOLDMARK_IDS)})
    assert [re.findall(r'<h2 id="([^"]*)"', html[str(n)])[0] for n in range(len(GOLDMARK_IDS))] == expected
