"""HDG009: `#`s glued to a heading's text (`##Setup`), which CommonMark and kramdown's GFM input show as a
paragraph; checked against the real Hugo and kramdown, before and after the fix."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Site
from renderers import HUGO_MISSING, KRAMDOWN_MISSING, hugo_binary, kramdown_available, render_hugo, render_kramdown

HEAD = "---\ntitle: Notes\ndate: 2024-05-19\n---\n\n"
# (body, what --fix makes of it): each the first line of its post.
POSITIVE = [
    ("##Getting started\n", "## Getting started\n"),
    ("#Overview\n", "# Overview\n"),
    ("###2. Configure the agent\n", "### 2. Configure the agent\n"),
    ("A paragraph of text.\n####Next steps\n", "A paragraph of text.\n#### Next steps\n"),
    ("- ##Inside a list item\n", "- ## Inside a list item\n"),
    ("> ###In a quote\n", "> ### In a quote\n"),
    ("##**Bold** heading\n", "## **Bold** heading\n"),
    ("#Ünïcode heading\n", "# Ünïcode heading\n"),
]
# Lines that start with '#' on purpose, or that are no paragraph lines.
NEGATIVE = """#123 is the issue that fixed it.

#1st place went to the team from Berlin.

#kubecon #cloudnative

#include <stdio.h> comes first.

Follow the conference on the day
#kubecon for the talks.

## A heading

#!/bin/sh is a shebang; #{name} is interpolation.

1. #criticalSection + permissions = 1
2. #tags and #links

```sh
##build it
#comment
```

    ##indented code

Inline `##code` here.

<div>
##markup
</div>

| a | b |
|---|---|
| ##cell | x |
"""


@pytest.mark.parametrize(("body", "fixed"), POSITIVE)
def test_each_glued_heading_is_reported_and_fixed(site: Site, body: str, fixed: str) -> None:
    found = site.diagnostics(HEAD + body, "HDG009")
    assert len(found) == 1
    line = body.count("\n", 0, body.index("#")) + 6
    assert (found[0].span.line, found[0].span.column) == (line, body.splitlines()[line - 6].index("#") + 1)
    single = body.startswith("#") and not body.startswith("##")  # a shell comment or hashtag as often: unsafe
    assert site.fixed(HEAD + body, "HDG009") == (HEAD + body if single else HEAD + fixed)
    after = site.fixed(HEAD + body, "HDG009", unsafe=True)
    assert after == HEAD + fixed
    assert site.findings(after, "HDG009") == []


def test_the_message_says_what_to_write(site: Site) -> None:
    [found] = site.diagnostics(HEAD + "##Getting started with the collector on Kubernetes clusters\n", "HDG009")
    assert found.message == ("no space after '##': the line shows as text, not as a heading; "
                             "write '## Getting started with the collector on…'")


def test_deliberate_hashes_code_and_html_are_left_alone(site: Site) -> None:
    assert site.findings(HEAD + NEGATIVE, "HDG009") == []


def test_shortcodes_and_liquid_are_not_read_as_text(site: Site) -> None:
    text = HEAD + "{{< note >}}#{{ .Site.Title }}{{< /note >}}\n\n{% if x %}#{{ page.title }}{% endif %}\n"
    assert site.findings(text, "HDG009") == []


def _jekyll(tmp_path: Path, kramdown_input: str | None) -> Site:
    site = Site(tmp_path)
    config = "title: Notes\n" + (f"kramdown:\n  input: {kramdown_input}\n" if kramdown_input else "")
    site.write("_config.yml", config)
    return site


def test_jekyll_with_gfm_input_is_reported(tmp_path: Path) -> None:
    site = _jekyll(tmp_path, None)
    assert site.findings(HEAD + "##Setup\n", "HDG009", "_posts/2024-05-19-notes.md") == [("HDG009", 6, 1)]


def test_classic_kramdown_input_takes_glued_headings(tmp_path: Path) -> None:
    site = _jekyll(tmp_path, "kramdown")
    assert site.findings(HEAD + "##Setup\n", "HDG009", "_posts/2024-05-19-notes.md") == []


def _headings(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<h\d[^>]*>(.*?)</h\d>", page, re.S)]


def _check_engine(render: Callable[[dict[str, str]], dict[str, str]]) -> None:
    before = render({body: body for body, _ in POSITIVE})
    after = render({fixed: fixed for _, fixed in POSITIVE})
    for body, fixed in POSITIVE:
        assert _headings(before[body]) == [], body  # a paragraph that shows the '#'s
        assert "#" in re.sub(r"<[^>]+>", "", before[body]), body
        assert len(_headings(after[fixed])) == 1, fixed
    negative = render({"negative": NEGATIVE})["negative"]
    assert _headings(negative) == ["A heading"]


@pytest.mark.skipif(hugo_binary() is None, reason=HUGO_MISSING)
def test_hugo_shows_each_case_as_text_and_its_fix_as_a_heading() -> None:
    _check_engine(lambda bodies: render_hugo({}, bodies))


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_kramdown_gfm_shows_each_case_as_text_and_its_fix_as_a_heading() -> None:
    _check_engine(lambda bodies: render_kramdown({}, bodies))


@pytest.mark.skipif(not kramdown_available(), reason=KRAMDOWN_MISSING)
def test_classic_kramdown_makes_a_heading_of_a_glued_line() -> None:
    page = render_kramdown({"input": "kramdown"}, {"a": "##Setup\n"})["a"]
    assert _headings(page) == ["Setup"]
