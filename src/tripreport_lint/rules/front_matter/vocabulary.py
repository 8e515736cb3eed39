"""FM032-FM034: taxonomy terms and keys measured against the rest of the site: a spelling other posts write
differently, a taxonomy no other post sets, a term no other post has where the vocabulary is closed."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Span, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import FrontMatter
from tripreport_lint.rules.base import Rule, locate, node_span
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.front_matter.site_terms import (
    SiteTerms,
    Usage,
    Written,
    as_data,
    blog_of,
    counted,
    fold,
    near_keys,
    site_terms,
    taxonomies_of,
)

MIN_POSTS = 20
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._+-]*")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null"})


class _Post(NamedTuple):
    """The post checked, and what the site's other counted posts of its kind write."""

    fm: FrontMatter
    written: list[Written]
    others: SiteTerms
    counts: bool  # whether the post's own terms count in the site's vocabulary (not a draft)


def _post(doc: Document, ctx: Context) -> _Post | None:
    """The post and the site's other posts of its kind: counted once per document, whichever rule asks (each
    count of the others copies the site's terms)."""
    if "taxonomy_post" not in doc.derived:
        doc.derived["taxonomy_post"] = _read_post(doc, ctx)
    found = doc.derived["taxonomy_post"]
    return found if isinstance(found, _Post) else None


def _read_post(doc: Document, ctx: Context) -> _Post | None:
    fm = doc.front_matter
    model = ctx.site.model
    if fm is None or not isinstance(fm.mapping, dict) or doc.path.stem == "_index":
        return None
    blog = blog_of(model, doc.path)
    if blog[0] == "none":
        return None
    facts = ctx.site.pages.get(str(doc.path))
    others = site_terms(ctx.site, blog).without(model, str(doc.path), as_data(facts) if facts else None)
    draft = fm.mapping.get(ctx.key_as_written(fm.mapping, "draft"))
    return _Post(fm, taxonomies_of(model, fm.mapping), others, counted(doc.path, draft))


def lone_taxonomies(doc: Document, ctx: Context) -> list[str]:
    """The keys of the taxonomies a post sets that no other post of its kind sets (FM033 at its defaults)."""
    post = _post(doc, ctx)
    return [item.key for item in _lone(post, MIN_POSTS)] if post else []


def _lone(post: _Post, min_posts: int) -> list[Written]:
    """The taxonomies the post sets that no other post sets, on a site of at least ``min_posts`` other posts
    of which at least half set one."""
    others = post.others
    if others.pages < min_posts or others.tagged * 2 < others.pages:
        return []
    return [item for item in post.written if others.taxonomies.get(item.taxonomy, Usage()).pages == 0 and any(item.terms)]


def _term_span(doc: Document, fm: FrontMatter, item: Written, index: int) -> tuple[Span, Edit | None]:
    """Where term ``index`` of a taxonomy stands, and an edit range for it (None when it cannot be cut out)."""
    if item.listed:
        node = fm.node((item.key, index))
        if node is None:
            return locate(doc, fm, (item.key,)), None
        return node_span(doc, fm, node), Edit(fm.absolute(node.start), fm.absolute(node.end), fm.source(node))
    node = fm.node((item.key,))
    if node is None:
        return locate(doc, fm, (item.key,)), None
    source = fm.source(node)
    words = list(re.finditer(r"\S+", source)) if len(item.terms) > 1 else []
    quoted = source[:1] in ("'", '"')
    if len(item.terms) == 1 and not quoted and source.strip() == item.terms[0]:
        start = fm.absolute(node.start) + source.index(item.terms[0])
    elif words and not quoted and len(words) == len(item.terms) and words[index].group() == item.terms[index]:
        start = fm.absolute(node.start) + words[index].start()
    else:
        return node_span(doc, fm, node), None
    end = start + len(item.terms[index])
    return doc.span(start, end), Edit(start, end, item.terms[index])


def _scalar(spelling: str, written_as: str) -> str:
    """``spelling`` written as a front matter string the way the term it replaces was written."""
    if written_as[:1] == "'" and "'" not in spelling:
        return f"'{spelling}'"
    plain = _PLAIN.fullmatch(spelling) and spelling.lower() not in _YAML_WORDS and not spelling.endswith(" ")
    if written_as[:1] in ('"', "'") or not plain:
        return json.dumps(spelling, ensure_ascii=False)
    return spelling


def _posts(count: int, verb: str = "") -> str:
    """``3 other posts`` (``verb``: ``3 other posts write``, ``1 other post writes``)."""
    if not verb:
        return f"{count} other post{'s' if count != 1 else ''}"
    return f"{count} other post{'s' if count != 1 else ''} {verb}{'s' if count == 1 else ''}"


class TaxonomyVariant(Rule):
    """## What it does
    Reports a taxonomy term (a tag, a category, or a term of any taxonomy the site defines: Hugo's
    `taxonomies` setting, Jekyll's `tags` and `categories`) written differently from the same term on
    the site's other posts: another case, spacing, hyphens or a plural (`Observability` and
    `observability`, `PyCon` and `py-con`, `Tutorial` and `tutorials`). The spelling most posts use is
    the site's; a tie goes to the case most of the taxonomy's terms use, then to one fixed choice, so
    that every post of the site agrees on it. Posts are compared with posts of the same kind (blog posts
    with blog posts); drafts and list pages (Hugo's `_index.md`) are checked but do not vote.

    ## Why is this bad?
    A plural or a hyphen splits a term's page in two (`/tags/tutorial/` and `/tags/tutorials/`), so a
    reader following the term sees only some of its posts; Jekyll and many themes also tell case apart,
    and where the generator folds case the term's page is headed by whichever spelling it met first.

    ## Example
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [Observability, kubernetes]
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [observability, kubernetes]
    ---
    ```

    ## Fix safety
    Unsafe: the term is rewritten as the site's spelling, which moves the post to that term's page (the
    point of the fix) but changes what the post says, and the site's majority may be the wrong one.
    There is no fix for a term inside a quoted string of several terms (`tags: "ruby jekyll"`).

    ## Known problems
    Other differences (`Node.js` and `nodejs`, `k8s` and `kubernetes`) are not seen. A post with two
    spellings of one term in one list is reported once for the first; FM031 reports the repeat. With
    `--diff-base`, a change that makes another spelling the majority (renaming a tag in most posts)
    leaves findings in the posts it did not touch, on lines it did not change: they show in a run over
    the whole site, not in the `--diff-base` run.
    """

    code = "FM032"
    name = "taxonomy-variant"
    summary = "A taxonomy term spelled differently from the same term on the site's other posts."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        post = _post(doc, ctx)
        if post is None:
            return
        for item in post.written:
            usage = post.others.taxonomies.get(item.taxonomy)
            if usage is None:
                continue
            groups = usage.groups()
            lower = sum(1 for s in usage.spellings if s == s.lower()) * 2 >= len(usage.spellings)
            own = [term for term in item.terms if term] if post.counts else []
            seen: set[str] = set()
            for index, term in enumerate(item.terms):
                if not term or term.casefold() in seen:
                    continue  # FM031 reports a repeat
                seen.add(term.casefold())
                spellings = Counter(groups.get(fold(term), {}))
                if not spellings:
                    continue
                spellings.update(t for t in dict.fromkeys(own) if fold(t) == fold(term))
                site = max(spellings, key=lambda s: (spellings[s], (s == s.lower()) == lower, s))
                if site == term or usage.spellings[site] == 0:
                    continue
                span, edit = _term_span(doc, post.fm, item, index)
                same = usage.spellings[term]
                also = f" ({_posts(same, 'write')} '{term}')" if same else ""
                fix = None
                in_string = not item.listed and len(item.terms) > 1  # a word of Jekyll's `tags: ruby jekyll`
                if edit is not None and (not in_string or re.fullmatch(r"[\w.+-]+", site)):
                    text = site if in_string else _scalar(site, edit.content)
                    fix = Fix((Edit(edit.start, edit.end, text),), Applicability.UNSAFE, f"write '{site}'")
                yield Violation(f"'{item.key}' lists '{term}', which {_posts(usage.spellings[site], 'write')} "
                                f"'{site}'{also}: use the site's spelling", span, fix)


@dataclass(frozen=True)
class OutlierOptions:
    min_posts: int = field(default=MIN_POSTS, metadata={
        "help": "The fewest other posts (of the post's kind, drafts and list pages aside) a site must have "
                "for a taxonomy or term only one post uses to be reported."})


class LoneTaxonomy(Rule[OutlierOptions]):
    """## What it does
    Reports a taxonomy key that no other post of the site sets, on a site of at least `min-posts`
    other posts (of the post's kind; drafts and list pages do not count) of which at least half set
    some taxonomy: a `categories:` block on a blog whose other posts have only tags. Reports too, on
    a site of any size, a list key the generator does not read as a taxonomy though it differs from
    one of the site's only by case, spacing, hyphens or a plural (Hugo's `category:` beside the
    `categories` taxonomy, Jekyll's `Tags:`), when no other post writes it and other posts use the
    taxonomy. Jekyll's `category:` and `tag:` are read as its `categories` and `tags`.

    ## Why is this bad?
    A taxonomy only one post sets makes a listing page of one post, and is usually a block copied
    from another blog or a leftover from a theme; a key the generator does not read leaves the post
    out of the taxonomy its author meant.

    ## Example
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [observability]
    categories: [Events]
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [observability]
    ---
    ```

    ## Fix safety
    A key the generator does not read is renamed to the taxonomy's key (unsafe: the post joins that
    taxonomy's pages); none when the post already sets that key. A taxonomy no other post sets has no
    fix: whether to drop it or move its terms to another taxonomy is the author's call.

    ## Known problems
    FM030 (tags against categories) leaves alone a post whose tags or categories this rule reports
    as lone (at the default `min-posts`), so the one mistake is reported once. Custom Hugo taxonomies
    given as one string (`series: Kubernetes basics`) are not read; Hugo's `disableKinds` is not
    consulted.
    """

    code = "FM033"
    name = "lone-taxonomy"
    summary = "A taxonomy that no other post of the site sets."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        post = _post(doc, ctx)
        if post is None:
            return
        others = post.others
        for item in _lone(post, self.options.min_posts):
            used = sorted(((u.pages, name) for name, u in others.taxonomies.items() if u.pages), reverse=True)
            names = " and ".join(f"'{name}'" for _, name in used) if len(used) < 2 else \
                ", ".join(f"'{name}' ({pages})" for pages, name in used)  # counts only where they differ
            yield Violation(f"no other post of this site sets '{item.key}': of its {others.pages} other posts, "
                            f"{others.tagged} set {names}: remove it, or use the site's taxonomies",
                            locate(doc, post.fm, (item.key,), key=True))
        model = ctx.site.model
        for key, taxonomy in near_keys(model, post.fm.mapping or {}):
            usage = post.others.taxonomies.get(taxonomy)
            read = key.lower() if model.keys_ignore_case else key
            if usage is None or not usage.pages or post.others.keys[read]:
                continue
            proper = key.lower() if model.generator == "jekyll" and key.lower() in ("tag", "category") else taxonomy
            node = post.fm.node((key,))
            fix = None
            if node is not None and node.key_start is not None and node.key_end is not None and \
                    ctx.key_as_written(post.fm.mapping, proper) not in (post.fm.mapping or {}):
                fix = Fix((Edit(post.fm.absolute(node.key_start), post.fm.absolute(node.key_end), proper),),
                          Applicability.UNSAFE, f"rename the key to '{proper}'")
            yield Violation(f"the site reads no taxonomy '{key}': {_posts(usage.pages, 'set')} '{taxonomy}'",
                            locate(doc, post.fm, (key,), key=True), fix)


class LoneTerm(Rule[OutlierOptions]):
    """## What it does
    Reports a taxonomy term that no other post has, where the taxonomy's vocabulary is closed: at
    least `min-posts` other posts (of the post's kind; drafts and list pages do not count) set the
    taxonomy, and every term they use is shared by at least two of them. A close spelling of an
    existing term is named. Spellings FM032 reports are not lone.

    ## Why is this bad?
    On a blog whose categories are a short fixed list, a category no other post has is usually a typo
    (`Secuirty`) or a leftover, and makes a listing page of one post.

    ## Example
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [observability, relase]
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    tags: [observability, release]
    ---
    ```

    ## Fix safety
    No fix: a new term may be meant.

    ## Known problems
    A new term is how a vocabulary grows: with `--diff-base`, where the terms on changed lines are new
    in that change, this rule reports nothing (a full run still does). Taxonomies where some other post
    has a term of its own (free keywords, or a one-off category) are not checked: there, new terms are
    expected.
    """

    code = "FM034"
    name = "lone-term"
    summary = "A term no other post has, in a taxonomy whose terms posts share."
    severity = Severity.WARNING
    reads_site_pages = True
    reported_with_diff_base = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        post = _post(doc, ctx)
        if post is None:
            return
        for item in post.written:
            usage = post.others.taxonomies.get(item.taxonomy)
            if usage is None or usage.pages < self.options.min_posts:
                continue
            groups = usage.groups()
            if any(sum(group.values()) == 1 for group in groups.values()):
                continue  # an open vocabulary, where some other post has a term of its own: new terms are expected
            known = {spelling.casefold(): spelling for spelling in usage.spellings}
            for index, term in enumerate(item.terms):
                if not term or fold(term) in groups:
                    continue
                import difflib  # noqa: PLC0415 - ~1 ms: only for a term the site does not know

                near = difflib.get_close_matches(term.casefold(), known, n=1, cutoff=0.75)
                hint = f"; did you mean '{known[near[0]]}'?" if near else ""
                span, _ = _term_span(doc, post.fm, item, index)
                yield Violation(f"no other post has '{term}' in '{item.key}': the {usage.pages} other posts "
                                f"that set it share {len(groups)} term{'s' if len(groups) != 1 else ''}{hint}", span)
