"""FM030-FM031: tags and categories that drift apart, and repeated taxonomy entries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from tripreport_lint.diagnostics import Applicability, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import FrontMatter
from tripreport_lint.rules.base import Rule, locate
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.front_matter import list_edits
from tripreport_lint.rules.front_matter.site_terms import fold
from tripreport_lint.rules.front_matter.vocabulary import lone_taxonomies


def _terms(fm: FrontMatter, key: str) -> list[str] | None:
    data = fm.mapping or {}
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return value


def _missing(source: list[str], target: list[str]) -> list[str]:
    """Entries of ``source`` absent from ``target``, ignoring case, spacing, hyphens and plurals, in source
    order without repeats."""
    present = {fold(term) for term in target}
    found: dict[str, str] = {}
    for term in source:
        found.setdefault(fold(term), term)
    return [term for folded, term in found.items() if folded not in present]


MatchMode = Literal["drift", "equal", "tags-subset", "categories-subset", "off"]


@dataclass(frozen=True)
class MatchOptions:
    match: MatchMode = field(default="drift", metadata={
        "help": "`drift`: lists that share at least half of their entries must be equal; `equal`: always; "
                "`tags-subset`: every tag is also a category; `categories-subset`: every category is also a "
                "tag; `off`."})


class TaxonomyMismatch(Rule[MatchOptions]):
    """## What it does
    Reports a post whose `tags` and `categories` have drifted apart. In the default `drift` mode a
    post is reported when the two lists share at least half of their entries and each has entries
    the other lacks (the author copied one list into the other and then edited only one); one list
    contained in the other (a broad category repeated among the tags) is a hierarchy, not drift. `equal` demands the
    same entries whenever a post has both; `tags-subset` and `categories-subset` demand that one
    list be contained in the other. Entries compare without regard to case, spacing, hyphens or a
    plural (`Service Mesh` and `service-meshes` are one entry: FM032 says which spelling the site uses).

    ## Why is this bad?
    On sites that mirror the two taxonomies, a post missing from one list is missing from that
    listing page and its feed.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    tags: [kubecon, cncf, prometheus]
    categories: [kubecon, cncf, opentelemetry]
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    tags: [kubecon, cncf, prometheus, opentelemetry]
    categories: [kubecon, cncf, opentelemetry, prometheus]
    ---
    ```

    ## Fix safety
    Safe: the missing entries are appended, copied as written, keeping each list's order and style;
    in `equal` and `drift` modes both lists become their union, in the subset modes only the
    containing list grows. On Jekyll sites a fix that adds categories is unsafe: Jekyll puts a
    post's categories in its URL (its default permalink, and any with `:categories`), so the post
    would move.

    ## Known problems
    In `drift` mode a post with one tag and one different category is not reported: many sites use
    categories as a few broad sections and tags as free keywords, and those posts look the same. A
    post whose tags or categories no other post of the site has (FM033, at its default `min-posts`) is
    not reported: the lone list is the mistake, and copying entries into it would spread it.
    """

    code = "FM030"
    reads_site_pages = True
    name = "taxonomy-mismatch"
    summary = "tags and categories hold different entries."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        mode = self.options.match
        if fm is None or mode == "off":
            return
        tags = _terms(fm, ctx.key_as_written(fm.mapping, "tags"))
        categories = _terms(fm, ctx.key_as_written(fm.mapping, "categories"))
        if tags is None or categories is None:
            return
        add_to_categories = _missing(tags, categories) if mode != "categories-subset" else []
        add_to_tags = _missing(categories, tags) if mode != "tags-subset" else []
        if not add_to_categories and not add_to_tags:
            return
        if mode == "drift" and not _drifted(tags, categories):
            return
        if {ctx.key_as_written(fm.mapping, "tags"), ctx.key_as_written(fm.mapping, "categories")} & \
                set(lone_taxonomies(doc, ctx)):
            return  # tags or categories that no other post has: FM033's finding, not drift
        parts = []
        if add_to_categories:
            parts.append(f"categories lack {', '.join(add_to_categories)}")
        if add_to_tags:
            parts.append(f"tags lack {', '.join(add_to_tags)}")
        fix = _union_fix(doc, fm, add_to_tags, add_to_categories)
        if fix is not None and add_to_categories and ctx.site.model.generator == "jekyll":
            # Jekyll puts categories in a post's URL (its default permalink and any with :categories).
            fix = Fix(fix.edits, Applicability.UNSAFE, fix.description)
        yield Violation(
            f"tags and categories do not match: {'; '.join(parts)}: add the missing entries",
            locate(doc, fm, (ctx.key_as_written(fm.mapping, "tags"),), key=True),
            fix,
        )


def _drifted(tags: list[str], categories: list[str]) -> bool:
    """Each list has entries the other lacks, and they share at least half of all: one list
    contained in the other is a hierarchy (a broad category among the tags), not drift."""
    a = {fold(t) for t in tags}
    b = {fold(c) for c in categories}
    return bool(a - b) and bool(b - a) and len(a & b) * 2 >= len(a | b)


def _source_of(fm: FrontMatter, key: str, terms: list[str]) -> list[str] | None:
    """The source text of the first item of list ``key`` equal (ignoring case) to each term."""
    nodes = list_edits.items(fm, (key,))
    values = _terms(fm, key)
    if nodes is None or values is None:
        return None
    by_term: dict[str, str] = {}
    for node, value in zip(nodes, values, strict=True):
        by_term.setdefault(fold(value), fm.source(node))
    return [by_term[fold(term)] for term in terms]


def _union_fix(doc: Document, fm: FrontMatter, add_to_tags: list[str], add_to_categories: list[str]) -> Fix | None:
    edits = []
    for key, other, terms in (("tags", "categories", add_to_tags), ("categories", "tags", add_to_categories)):
        if not terms:
            continue
        source = _source_of(fm, other, terms)
        edit = list_edits.append(doc, fm, (key,), source) if source else None
        if edit is None:
            return None
        edits.append(edit)
    return Fix(tuple(edits), description="add the missing entries to both lists")


@dataclass(frozen=True)
class TaxonomyKeys:
    keys: tuple[str, ...] = field(default=(), metadata={
        "help": "The list keys whose entries must not repeat; empty: the site's taxonomies (Hugo's "
                "`taxonomies` setting, else `tags` and `categories`)."})


class TaxonomyDuplicate(Rule[TaxonomyKeys]):
    """## What it does
    Reports an entry that appears twice in a taxonomy (`tags`, `categories`, or the taxonomies a
    Hugo site's `taxonomies` setting names), including entries that differ only in case or
    surrounding spaces (`Kubernetes` and `kubernetes`).

    ## Why is this bad?
    Hugo and Jekyll fold such entries into one taxonomy term, so the repeat is noise at best and,
    with differing case, shows two spellings of the same term on the page.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    tags:
      - kubernetes
      - cncf
      - Kubernetes
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    tags:
      - kubernetes
      - cncf
    ---
    ```

    ## Fix safety
    Safe: the later repeat is removed and the first spelling kept; both already named the same term.
    There is no fix where the repeat cannot be cut out as a whole item of the list as written: a
    list given by a YAML alias (`tags: *common`, whose items stand at the anchor and belong to
    another key too), or a block item written on the line below a bare `-`.

    ## Known problems
    None known.
    """

    code = "FM031"
    name = "taxonomy-duplicate"
    summary = "A tag or category is listed twice."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None:
            return
        wanted = self.options.keys or ctx.site.model.taxonomies
        written = {str(key).lower(): key for key in fm.mapping or {}} if ctx.site.model.keys_ignore_case else {}
        for name in wanted:
            key = written.get(name.lower(), name)  # Hugo reads `Tags:` as `tags`
            terms = _terms(fm, key)
            if terms is None:
                continue
            first_index: dict[str, int] = {}
            for index, term in enumerate(terms):
                folded = term.strip().casefold()
                if folded not in first_index:
                    first_index[folded] = index
                    continue
                first = terms[first_index[folded]]
                how = "again" if first == term else f"again as '{term}'"
                edit = list_edits.remove(doc, fm, (key,), index)
                yield Violation(
                    f"'{key}' lists '{first}' {how}: remove the repeat",
                    locate(doc, fm, (key, index)),
                    Fix((edit,), description="remove the repeat") if edit else None,
                )
