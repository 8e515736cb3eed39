"""Fuzz target for the document model: any bytes, and Markdown-shaped noise, must parse and lint
without an exception. Bounded in CI; longer on demand:

    TRIPREPORT_FUZZ_EXAMPLES=20000 TRIPREPORT_PROPERTY_RANDOM=1 python -m pytest tests/test_fuzz_document.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tripreport_lint.document.document import Document
from tripreport_lint.engine.engine import Engine

EXAMPLES = int(os.environ.get("TRIPREPORT_FUZZ_EXAMPLES", "300"))
TOKENS = ["---\n", "+++\n", "{\n", "}\n", "title: ", "date: ", "tags:\n  - ", "[", "]", "(", ")", "![", "](", "<", ">",
          "<!--", "-->", "`", "```\n", "~~~\n", "#", "# ", "\n", "\r\n", "\r", "\n\n", "  ", "\t", "*", "_", "**", "> ",
          "- ", "1. ", "|", "---|", "{{<", ">}}", "{{%", "%}}", "{%", "%}", "{{", "}}", "\\", "&amp;", "&#", "\x00",
          "\ufeff", "é", "Ã©", "東", "👍", "\u200b", "http://", "www.", "@", ":", '"', "'", "&", "*a", "!!python/", "&a", "*a"]
NOISE = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=120).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "hugo.toml").write_text('title = "Fuzz"\n', encoding="utf-8")
    (root / "content").mkdir()
    return root


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("TRIPREPORT_PROPERTY_RANDOM"),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=NOISE)
def test_any_bytes_parse_and_lint_without_an_exception(blog: Path, data: bytes) -> None:
    post = blog / "content" / "post.md"
    post.write_bytes(data)
    doc = Document(post, "post.md", data)
    if doc.decode_error is None:
        body = doc.body
        assert len(body.without_code) == len(body.prose) == len(doc.text)  # blanking keeps every offset
        for link in body.links:
            assert 0 <= link.start < link.end <= len(doc.text)
        for heading in body.headings:
            assert 1 <= heading.line <= doc.lines.line_count
        if doc.front_matter is not None:
            assert 0 <= doc.front_matter.end <= len(doc.text)
    result = Engine().check(post, fix=True)
    assert result.error is None or ("\n" not in result.error and "internal error" not in result.error), result.error
