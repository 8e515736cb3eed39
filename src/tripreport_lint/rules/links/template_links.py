"""Links that templates make: Hugo's ``ref``/``relref`` shortcodes and Jekyll's ``link``/``post_url`` tags,
with the fragment each carries, and the one page each names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from tripreport_lint.document.document import Document
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.links.resolve import PAGE_SUFFIXES

# A fragment after the tag: up to a space, a closing bracket or quote, or a template's own brace.
_FRAGMENT = r"(#[^\s)\"'<>\]{}]*)?"
_HUGO_REF = re.compile(r"\{\{[<%]-?\s*(rel)?ref\s+\"?([^\"\s>%]+)\"?\s*-?[%>]\}\}" + _FRAGMENT)
_JEKYLL_LINK = re.compile(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}" + _FRAGMENT)


class TemplateLink(NamedTuple):
    raw: str  # the tag and the fragment after it
    kind: str  # ref, relref, link or post_url
    name: str  # what the tag names, without a fragment
    fragment: str | None  # without '#'
    start: int
    end: int


def template_links(doc: Document) -> Iterator[TemplateLink]:
    """Every ref, relref, link and post_url tag of the body (outside code), in order."""
    text = doc.body.without_code
    found = [(m, "ref" if m.group(1) is None else "relref") for m in _HUGO_REF.finditer(text, doc.body_start)]
    found += [(m, m.group(1)) for m in _JEKYLL_LINK.finditer(text, doc.body_start)]
    for match, kind in sorted(found, key=lambda item: item[0].start()):
        name, _, inside = match.group(2).strip("\"'").partition("#")
        after = (match.group(3) or "")[1:]
        fragment = after or inside or None
        yield TemplateLink(match.group(0), kind, name, fragment, match.start(), match.end())


def template_page(link: TemplateLink, post: Path, ctx: Context) -> Path | None:
    """The page a tag names, when exactly one file can be it; None otherwise."""
    site = ctx.site
    if link.kind == "link":
        candidate = ctx.site_root / link.name.lstrip("/")
        return candidate if site.is_file(candidate) and candidate.suffix in PAGE_SUFFIXES else None
    if link.kind == "post_url":
        folder, _, stem = link.name.rpartition("/")
        ending = "_posts/" + folder if folder else "_posts"
        found = [path for suffix in PAGE_SUFFIXES for path in site.named(stem + suffix)
                 if path.parent.as_posix().endswith(ending)]
        return found[0] if len(found) == 1 else None
    if not link.name:
        return post  # {{< ref "#section" >}}: this page
    own = sorted((root for root in site.content_roots if root in post.parents), key=lambda root: -len(root.parts))
    roots = own + [root for root in site.content_roots if root not in own]  # the page's language first
    bases = roots if link.name.startswith("/") else [post.parent, *roots]
    for base in bases:
        candidate = base / link.name.lstrip("/")
        for option in (candidate, *(candidate.with_name(candidate.name + s) for s in PAGE_SUFFIXES),
                       candidate / "index.md", candidate / "_index.md"):
            if option.suffix in PAGE_SUFFIXES and site.is_file(option):
                return option
    if "/" in link.name.strip("/"):
        return None
    name = link.name.strip("/")
    matches = [path for option in (name, *(name + s for s in PAGE_SUFFIXES)) for path in site.named(option)
               if path.suffix in PAGE_SUFFIXES]
    return matches[0] if len(matches) == 1 else None
