"""Properties of linting and fixing on posts built by hypothesis from the pieces real posts are made of.

For every post: no exception; every finding lies inside the file; one pass of fixes changes nothing
outside the fixes' own ranges; ``--fix`` leaves no safe fix behind and a second ``--fix`` changes
nothing. The linear scans of ``scanning`` and ``templates`` agree with the regexes they replace.
TOML front matter dates come out as text that reads back as tomllib's value.
``TRIPREPORT_PROPERTY_EXAMPLES`` sets how many posts each property sees (default 60).
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tripreport_lint.diagnostics import Applicability
from tripreport_lint.document import templates
from tripreport_lint.document.body import _DEFINITION
from tripreport_lint.document.document import Document
from tripreport_lint.document.scanning import code_spans, line_matches, paired
from tripreport_lint.engine.engine import Engine
from tripreport_lint.engine.fixes import apply
from tripreport_lint.frontmatter import toml_reader
from tripreport_lint.rules.headings_syntax import _GLUED
from tripreport_lint.rules.leftovers import _IDIOM

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

EXAMPLES = int(os.environ.get("TRIPREPORT_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("TRIPREPORT_PROPERTY_RANDOM"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["the", "booth", "keynote", "Kubernetes", "teh", "recieve", "StÃ©phane", "cafÃ©", "Zürich", "東京",
         "naïve", "operator", "TODO:", "FIXME", "e.g.", "v1.2", "👍", "—", "“quoted”", "it’s", "a_b", "*em*",
         "**strong**", "`code`", "  ", "\u200b", "\t"]
LINKS = ["[slides](https://example.com/slides)", "[slides](https://example.com/slides", "[slides] (https://example.com)",
         "[notes](missing-page.md)", "![photo](booth.jpg)", "<https://example.com>", "https://example.com/bare",
         "[kubecon.io]", "[ref][missing]", "[ref][r1]", "[text](#no-such-heading)", "[up](../other/)", "[x]()"]
BLOCKS = st.one_of(
    st.builds(lambda level, words: "#" * level + " " + " ".join(words),
              st.integers(1, 3), st.lists(st.sampled_from(WORDS), min_size=0, max_size=5)),
    st.builds(" ".join, st.lists(st.sampled_from(WORDS + LINKS), min_size=1, max_size=20)),
    st.builds(lambda items: "\n".join(f"- {item}" for item in items), st.lists(st.sampled_from(WORDS + LINKS), max_size=4)),
    st.builds(lambda words: "> " + " ".join(words), st.lists(st.sampled_from(WORDS), max_size=6)),
    st.sampled_from([
        "<!-- TODO: add the photos -->", "<!--\nold paragraph\n-->", "[//]: # (draft note)", "[r1]: https://example.com/r1",
        "[unused]: https://example.com/unused", "```yaml\nkey: value   \n```", "```\nunclosed fence", "    indented code",
        '{{< figure src="booth.jpg" caption="Booth" >}}', "{{% note %}}\nA *note*.\n{{% /note %}}", "{% include card.html %}",
        "{{< comment >}}hidden{{< /comment >}}", "| a | b |\n|---|---|\n| 1 | 2 |", "***", "Setext\n======",
        "<div>\n<p>html</p>\n</div>", "Line with trailing spaces   ", "1. one\n1. two", "* star\n+ plus",
    ]),
)
FRONT_MATTER = st.fixed_dictionaries(
    {
        "title": st.sampled_from(['"KubeCon notes"', "KubeCon: notes", "'Day 1'", "StÃ©phane at FOSDEM", '""', "東京 meetup"]),
        "date": st.sampled_from(["2024-05-19", "2024-5-9", "19/05/2024", "2024-02-30", "May 19, 2024",
                                 "2024-05-19T10:00:00Z", '"2024-05-19"', "2099-01-01"]),
    },
    optional={
        "draft": st.sampled_from(["true", "false", '"false"', "yes", "0"]),
        "tags": st.sampled_from(["[kubecon, cloud native]", "\n  - kubecon\n  - kubecon", "kubecon", "[]"]),
        "categories": st.sampled_from(["[events]", "[Events, kubecon]", "\n  - events"]),
        "author": st.sampled_from(["Jane Doe", "StÃ©phane", "[a, b]"]),
    },
)


@st.composite
def posts(draw: st.DrawFn) -> bytes:
    fields = draw(FRONT_MATTER)
    head = "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n"
    if draw(st.booleans()):
        head += "\n# " + fields["title"].strip("\"'") + "\n"
    body = "\n\n".join(draw(st.lists(BLOCKS, max_size=8)))
    text = head + "\n" + body + ("\n" if draw(st.booleans()) else "")
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return text.replace("\n", newline).encode("utf-8")


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("blog")
    (root / "hugo.toml").write_text('title = "Properties"\n', encoding="utf-8")
    (root / "content" / "posts" / "other").mkdir(parents=True)
    (root / "content" / "posts" / "other" / "index.md").write_text("---\ntitle: Other\ndate: 2024-01-01\n---\n\nHi.\n")
    return root


def _inside(doc: Document, line: int, column: int) -> bool:
    if not 1 <= line <= doc.lines.line_count:
        return False
    return 1 <= column <= doc.lines.line_end(line) - doc.lines.offset(line) + 2  # +1: the line break itself


@SETTINGS
@given(data=posts())
def test_findings_lie_inside_the_file_and_fixes_settle(blog: Path, data: bytes) -> None:
    post = blog / "content" / "posts" / "post.md"
    post.write_bytes(data)
    engine = Engine()
    result = engine.check(post)
    assert result.error is None, result.error
    doc = Document(post, "post.md", data)
    for diagnostic in result.diagnostics:
        for span in (diagnostic.span, *diagnostic.edit_spans):
            assert _inside(doc, span.line, span.column) and _inside(doc, span.end_line, span.end_column), diagnostic
            assert (span.line, span.column) <= (span.end_line, span.end_column), diagnostic

    safe = [d.fix for d in result.diagnostics if d.fix is not None and d.fix.applicability is Applicability.SAFE]
    one_pass, _ = apply(doc.text, safe)
    taken = sorted((e.start, e.end) for fix in safe for e in fix.edits)
    _assert_unchanged_outside(doc.text, one_pass, taken)

    fixed = engine.check(post, fix=True)
    assert fixed.error is None, fixed.error
    assert not [d for d in fixed.diagnostics if d.fix is not None and d.fix.applicability is Applicability.SAFE]
    if fixed.changed and fixed.new_bytes is not None:
        post.write_bytes(fixed.new_bytes)
    again = engine.check(post, fix=True)
    assert not again.changed, f"a second --fix changed {post.read_bytes()!r}"


def _assert_unchanged_outside(before: str, after: str, ranges: list[tuple[int, int]]) -> None:
    """Every stretch of ``before`` between the edited ranges is still in ``after``, in order."""
    cursor = 0
    for start, end in [*ranges, (len(before), len(before))]:
        kept = before[cursor:start] if start >= cursor else ""
        found = after.find(kept)
        assert found >= 0, f"text outside the fixes changed: {kept!r}"
        after = after[found + len(kept) :]
        cursor = max(cursor, end)


PIECES = st.lists(st.sampled_from(["`", "``", "a", " ", "\n", "\n\n", "\n \n", "<!--", "-->", "-", "{", "}", "{{", "}}",
                                   "{{<", ">}}", "{%", "%}", "%", "<", ">", "!"]), max_size=30).map("".join)


@settings(max_examples=max(EXAMPLES * 20, 500), deadline=None)
@given(text=PIECES)
def test_linear_scans_agree_with_the_regexes_they_replace(text: str) -> None:
    comment = re.compile(r"<!--.*?-->", re.S)
    code = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
    tag = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
    assert paired(text, re.compile("<!--"), re.compile("-->")) == [m.span() for m in comment.finditer(text)]
    assert code_spans(text) == [m.span() for m in code.finditer(text)]
    assert templates.tags(text) == [m.span() for m in tag.finditer(text)]


LINES = st.lists(st.sampled_from(["#", "##", " ", "\t", "\n", "\n", "a", "[", "]", "]:", "<>", ">", "-", "1.", "\\", "\r"]),
                 max_size=30).map("".join)


@settings(max_examples=max(EXAMPLES * 20, 500), deadline=None)
@given(text=LINES, start=st.integers(0, 6))
def test_line_start_patterns_tried_at_the_lines_with_their_needle_find_what_finditer_finds(text: str, start: int) -> None:
    for pattern, needle in ((_GLUED, "#"), (_DEFINITION, "]:"), (_IDIOM, "]:")):
        found = [m.span() for m in line_matches(pattern, text, needle, start)]
        assert found == [m.span() for m in pattern.finditer(text, start)]


# TOML front matter: strings of every kind (escapes, quote runs, lines that look like keys) around dates.
# Quotes come often: runs of them next to escapes and closing quotes are where scanners go wrong.
TOML_TEXT = st.lists(st.sampled_from(['"', '"', '"', "'", "'", "\\", "\n", "\t", " ", "a", "é", "#", "=", "[", "]", "{",
                                      "}", ",", "\nk0 = 1999-01-01 ", "\u0001"]), max_size=12).map("".join)


def _toml_basic(text: str) -> str:
    escaped = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(escaped.get(c, c if c >= " " else f"\\u{ord(c):04x}") for c in text) + '"'


@st.composite
def _toml_multiline_basic(draw: st.DrawFn) -> str:
    out, raw_quotes = [], 0
    for char in draw(TOML_TEXT):
        if char == '"' and raw_quotes < 2 and draw(st.booleans()):
            out.append('"')  # a run of at most two quotes needs no escape
            raw_quotes += 1
            continue
        raw_quotes = 0
        out.append({"\\": "\\\\", '"': '\\"', "\n": "\n", "\t": "\t"}.get(char, char if char >= " " else "\\u0001"))
    return '"""' + "".join(out) + '"""'


def _toml_literal(text: str, multiline: bool) -> str:
    if multiline:
        return "'''" + re.sub("'''+", "''", text.replace("\u0001", "")) + "'''"
    return "'" + re.sub(r"['\n\u0001]", "", text) + "'"


TOML_DATE = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.builds(
        lambda day, sep, time, fraction, offset: f"{day.isoformat()}{sep}{time.strftime('%H:%M:%S')}{fraction}{offset}",
        st.dates(), st.sampled_from(["T", " ", "t"]), st.times(),
        st.sampled_from(["", ".5", ".123456", ".999999999"]),
        st.sampled_from(["", "Z", "z", "+02:00", "-05:30", "+00:00"]),
    ),
    st.builds(lambda time, fraction: time.strftime("%H:%M:%S") + fraction, st.times(), st.sampled_from(["", ".25"])),
)
TOML_STRING = st.one_of(TOML_TEXT.map(_toml_basic), _toml_multiline_basic(),
                        st.builds(_toml_literal, TOML_TEXT, st.booleans()))
TOML_SCALAR = st.one_of(TOML_DATE, TOML_STRING)
TOML_VALUE = st.one_of(
    TOML_SCALAR,
    st.lists(TOML_SCALAR, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    st.lists(TOML_SCALAR, min_size=1, max_size=3).map(lambda items: "[\n  " + ",\n  ".join(items) + ",\n]"),
    st.lists(TOML_SCALAR, max_size=2).map(lambda items: "{ " + ", ".join(f"i{n} = {v}" for n, v in enumerate(items)) + " }"),
)


@st.composite
def toml_front_matter(draw: st.DrawFn) -> str:
    lines = [f"k{n} = {value}" + draw(st.sampled_from(["", "  # note", " # date = 2000-01-01"]))
             for n, value in enumerate(draw(st.lists(TOML_VALUE, min_size=1, max_size=6)))]
    tables = [f"[t{n}]\n" + "\n".join(f'"k {m}" = {value}' for m, value in enumerate(values))
              for n, values in enumerate(draw(st.lists(st.lists(TOML_VALUE, max_size=3), max_size=2)))]
    return "\n".join(lines + tables) + "\n"


def _dates(value: object, path: tuple[object, ...] = ()) -> list[tuple[tuple[object, ...], object]]:
    if isinstance(value, (datetime.date, datetime.time)):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _dates(item, (*path, key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _dates(item, (*path, index))]
    return []


@settings(max_examples=max(EXAMPLES * 5, 300), deadline=None)
@given(content=toml_front_matter())
def test_toml_dates_come_out_as_text_that_reads_back_as_the_date(content: str) -> None:
    expected = tomllib.loads(content)
    data, _, _ = toml_reader.read(content)
    for path, value in _dates(expected):
        text = data
        for key in path:
            text = text[key]
        assert isinstance(text, str), (path, text)
        again = tomllib.loads(f"v = {text}")["v"]
        assert (type(again), again, getattr(again, "tzinfo", None)) == (type(value), value, getattr(value, "tzinfo", None))
        assert text in content, f"{text!r} is not the text written for {path}"
