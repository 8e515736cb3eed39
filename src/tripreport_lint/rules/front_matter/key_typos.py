"""FM013: a top-level front matter key one edit from a key the generator reads or the site's other pages use
(``catagories:``, ``tittle:``, ``alias:``), that no other page writes."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, node_span
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.front_matter.site_terms import near_keys
from tripreport_lint.site.index import SiteIndex
from tripreport_lint.site.model import SiteModel

# Front matter keys the generators read (Hugo's without regard to case; both: what their common plugins read).
HUGO_KEYS = frozenset({
    "aliases", "audio", "author", "authors", "build", "cascade", "date", "description", "draft", "expirydate",
    "headless", "images", "iscjklanguage", "keywords", "lastmod", "layout", "linktitle", "markup", "menu", "menus",
    "modified", "outputs", "params", "pubdate", "publishdate", "published", "resources", "series", "sitemap", "slug",
    "summary", "title", "toc", "translationkey", "type", "unpublishdate", "url", "videos", "weight",
})
JEKYLL_KEYS = frozenset({
    "author", "authors", "categories", "category", "comments", "date", "description", "excerpt", "excerpt_separator",
    "image", "lang", "last_modified_at", "layout", "permalink", "published", "redirect_from", "redirect_to",
    "render_with_liquid", "sitemap", "slug", "tag", "tags", "title", "toc",
})
MIN_SITE_USE = 2  # other pages that must write a key for a near spelling of it to be reported


def _one_edit(key: str, known: str) -> bool:
    """Whether ``key`` is one insertion, deletion, substitution or swap of two neighbours from ``known``,
    or its singular (``alias`` for ``aliases``), above a floor: a short key is one edit from many others."""
    if key == known:
        return False
    if known in (key + "s", key + "es"):
        return len(key) >= 4
    shorter, longer = sorted((key, known), key=len)
    if len(longer) - len(shorter) == 1:  # `dat`, `tittle`
        return len(shorter) >= 3 and any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
    if len(key) != len(known):
        return False
    differ = [i for i in range(len(key)) if key[i] != known[i]]
    if len(differ) == 2 and differ[1] == differ[0] + 1:  # `tilte`, `dtae`
        return len(key) >= 4 and key[differ[0]] == known[differ[1]] and key[differ[1]] == known[differ[0]]
    return len(differ) == 1 and len(key) >= 5  # `catagories`: not `data` for `date`


def generator_keys(ctx: Context) -> set[str]:
    """The top-level keys, in lower case, the site's generator and schema read."""
    model = ctx.site.model
    found = set(HUGO_KEYS | set(model.taxonomies) if model.generator == "hugo" else
                JEKYLL_KEYS | {key for default in model.defaults for key, _ in default.values}
                if model.generator == "jekyll" else ())
    if ctx.schema is not None and isinstance(ctx.schema.data, dict):
        found.update(str(key).lower() for key in (*ctx.schema.data.get("properties", {}), *ctx.schema.required))
    return found


# Hugo's documented spellings of its keys written in camel case (it reads them without regard to case).
_HUGO_SPELLINGS = {key.lower(): key for key in ("expiryDate", "isCJKLanguage", "linkTitle", "publishDate",
                                                "translationKey", "unpublishDate")}
_CACHE: weakref.WeakKeyDictionary[SiteIndex, Counter[str]] = weakref.WeakKeyDictionary()


def site_keys(site: SiteIndex) -> Counter[str]:
    """How many of the site's pages write each top-level key, as written, counted once per site index."""
    found = _CACHE.get(site)
    if found is None:
        found = _CACHE[site] = Counter(key for facts in site.pages.values() for key in dict.fromkeys(facts.names))
    return found


def _others(site: SiteIndex, path: str) -> Counter[str]:
    """``site_keys`` less the page at ``path``, as the site's facts have it."""
    facts = site.pages.get(path)
    counts = site_keys(site)
    return counts - Counter(dict.fromkeys(facts.names, 1)) if facts is not None else counts


def _spellings(ctx: Context, others: Counter[str]) -> dict[str, str]:
    """Each known key in lower case -> how to write it: the schema's spelling, Hugo's documented one, else
    the one most other pages write."""
    found: dict[str, str] = {}
    for key, _ in sorted(others.items(), key=lambda item: item[1]):
        found[key.lower()] = key
    found.update(_HUGO_SPELLINGS if ctx.site.model.generator == "hugo" else {})
    if ctx.schema is not None and isinstance(ctx.schema.data, dict):
        found.update((str(key).lower(), str(key)) for key in ctx.schema.data.get("properties", {}))
    return found


def _reads(model: SiteModel) -> str:
    return {"hugo": "Hugo", "jekyll": "Jekyll"}.get(model.generator, "the schema")


class KeyTypo(Rule):
    """## What it does
    Reports a top-level front matter key that nothing reads: not a key of the generator (Hugo's front
    matter fields and taxonomies, Jekyll's keys and `defaults`) or of the schema, and written by no other
    page of the site, while it is one edit (a letter added, dropped, changed or two swapped) from such a
    key or from a key at least two other pages write, or is its singular: `catagories:`, `tittle:`,
    `dat:`, `alias:` for `aliases:`. Short keys are held to fewer kinds of edit: a changed letter counts
    from five letters up, a swap from four, a letter added or dropped from three.

    ## Why is this bad?
    The generator and the theme ignore the misspelt key: the post silently has no categories, no
    title, no redirect, or takes its date from elsewhere.

    ## Example
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    catagories: [observability]
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Tracing a slow checkout
    date: 2024-05-19
    categories: [observability]
    ---
    ```

    ## Fix safety
    Unsafe: the key is renamed (the rest of the front matter is left byte for byte), which changes
    what the page renders: the point of the fix, but a theme might read the key as written. No fix for
    a quoted key, or when the key is near two known keys.

    ## Options
    None.

    ## Known problems
    A key only a theme reads, that no other page of the site uses yet, is taken for a typo when it is
    one edit from a known key. Keys that differ from a known one only by case are FM012's, and Hugo's
    `category:` beside the `categories` taxonomy is FM033's; under a schema that allows no other keys
    (`additionalProperties: false`) FM010 reports them all, and this rule none. A key the post writes
    beside the one it resembles (`data:` beside `date:`) is not reported.
    """

    code = "FM013"
    name = "key-typo"
    summary = "A front matter key one edit from a key the site reads, that nothing reads."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or not isinstance(fm.mapping, dict) or ctx.site.model.page_kind(doc.path) == "none":
            return
        if ctx.schema is not None and isinstance(ctx.schema.data, dict) and ctx.schema.data.get("additionalProperties") is False:
            return  # FM010 reports every key the schema does not name
        written = {str(key).lower() for key in fm.mapping}
        generator = generator_keys(ctx)
        others_written = _others(ctx.site, str(doc.path))
        others: Counter[str] = Counter()
        for name, count in others_written.items():
            others[name.lower()] += count
        known = generator | {key for key, count in others.items() if count >= MIN_SITE_USE}
        near_taxonomy = {key for key, _ in near_keys(ctx.site.model, fm.mapping)}
        for raw in fm.mapping:
            key = str(raw)
            lower = key.lower()
            if lower in known or others[lower] or key in near_taxonomy or key.startswith(("_", "$")):
                continue
            near = sorted({target for target in known if _one_edit(lower, target)})
            if len(near) != 1 or near[0] in written:
                continue  # ambiguous, or the post has the key it resembles: not its misspelling
            target = near[0]
            node = fm.nodes.get((raw,))
            if node is None or node.key_start is None or node.key_end is None:
                continue
            start, end = fm.absolute(node.key_start), fm.absolute(node.key_end)
            spelling = _spellings(ctx, others_written).get(target, target)
            fix = Fix((Edit(start, end, spelling),), Applicability.UNSAFE, f"rename the key to '{spelling}'") \
                if doc.text[start:end] == key else None
            why = f"a key {_reads(ctx.site.model)} reads" if target in generator else \
                f"a key {others[target]} other pages write"
            yield Violation(f"nothing reads key '{key}' and no other page writes it: did you mean '{spelling}' "
                            f"({why})?", node_span(doc, fm, node, key=True), fix)
