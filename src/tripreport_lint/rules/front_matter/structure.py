"""Rules on the front matter block itself: missing, not on the first line, unterminated, unparseable, not a
mapping, duplicate keys."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule, describe_path, node_span, opening_span
from tripreport_lint.rules.context import Context

_DELIMITERS = {"yaml": "---", "toml": "+++", "json": "}"}


def _repository_document(doc: Document) -> bool:
    """Whether the file is named in capitals, as a repository's documents are (``CODE_OF_CONDUCT.md``)."""
    stem = doc.path.name.partition(".")[0]
    return stem.isupper() and stem.replace("_", "").replace("-", "").isalnum()


class FrontMatterMissing(Rule):
    """## What it does
    Reports a post that has no front matter although its schema requires keys.

    ## Why is this bad?
    Hugo and Jekyll read a post's title and date from its front matter; without one the post
    has no title, sorts as undated, and Jekyll copies the file through as a static file.

    ## Example
    ```markdown
    # Notes from the conference

    We met a lot of people.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    We met a lot of people.
    ```

    ## Fix safety
    No fix: only the author knows the title and date.

    ## Options
    None. Files whose schema is `none` (see the `schemas` setting) are never reported, nor files named
    in capitals as a repository's documents are (`README.md`, `CHANGELOG.md`, `SOURCES.md`): they are
    read on the forge, not published as posts.

    ## Known problems
    None known.
    """

    code = "FM001"
    name = "front-matter-missing"
    summary = "The post has no front matter but its schema requires keys."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if doc.front_matter is not None or ctx.schema is None or not ctx.schema.required or _repository_document(doc):
            return
        keys = ", ".join(ctx.schema.required)
        block = "a '---' (YAML) or '+++' (TOML) block" if ctx.site.model.generator == "hugo" else "a '---' block"
        yield Violation(f"no front matter: add {block} at the top of the file with the required keys ({keys})",
                        opening_span(doc))


class FrontMatterNotFirst(Rule):
    """## What it does
    Reports front matter that does not start on the file's first line (blank lines or spaces stand
    before its `---`, `+++` or `{`), on a site whose generator is not Hugo.

    ## Why is this bad?
    Hugo reads front matter after blank lines, but Jekyll does not: it copies the file through as it
    is, unprocessed, and a post is not published. Gatsby's, Eleventy's and Docusaurus's reader
    (gray-matter) reads none either, and the page shows the block as text.

    ## Example
    `_posts/2024-05-19-notes.md` on a Jekyll site:
    ```markdown

    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    We met a lot of people.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    We met a lot of people.
    ```

    ## Fix safety
    Safe: the blank lines and spaces before the opening delimiter are removed, so the generator reads
    the block as the author meant it.

    ## Options
    None.

    ## Known problems
    A block after blank lines is taken for front matter only when it is closed and holds `key: value`
    pairs; anything else there is Markdown. On a Hugo site that tripreport-lint does not recognise as
    one (its configuration is in another folder), the finding is harmless: Hugo reads the block either
    way.
    """

    code = "FM006"
    name = "front-matter-not-first"
    summary = "The front matter does not start on the first line, where the generator reads it."
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        generator = ctx.site.model.generator
        if fm is None or not fm.start or generator == "hugo":
            return
        reader = "Jekyll reads none there and copies the file as it is" if generator == "jekyll" else \
            "only Hugo reads one there; other generators show it as text"
        yield Violation(f"front matter does not start on the first line: {reader}; remove the blank lines "
                        "and spaces before it", opening_span(doc),
                        Fix((Edit(0, fm.start),), description="remove what stands before the front matter"))


class FrontMatterUnterminated(Rule):
    """## What it does
    Reports front matter whose opening delimiter (`---`, `+++` or `{`) is never closed. A YAML block
    that is only "closed" by a `---` thematic break further down the body counts as never closed
    when it does not parse and runs past a blank line into Markdown body text (a heading, a list, a
    sentence): the finding is then this one, at line 1, not a syntax error somewhere in the body.

    ## Why is this bad?
    The site generator either fails the build or renders the whole post, front matter included,
    as body text.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19

    We met a lot of people.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---

    We met a lot of people.
    ```

    ## Fix safety
    No fix: where the front matter was meant to end is a guess.

    ## Options
    None.

    ## Known problems
    A YAML block that parses is never reported, even when the `---` closing it was meant as a
    thematic break: it is valid front matter. Body text is recognised by the first line after a
    blank line; when that line looks like a `key: value` pair, a block that does not parse is
    reported as a syntax error (FM004) instead.
    """

    code = "FM002"
    name = "front-matter-unterminated"
    summary = "The front matter is opened but never closed."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.terminated:
            return
        closer = _DELIMITERS[fm.format]
        yield Violation(
            f"front matter opened on line 1 is never closed: add a line '{closer}' after its last key",
            opening_span(doc),
        )


class FrontMatterSyntax(Rule):
    """## What it does
    Reports YAML, TOML or JSON front matter that does not parse, at the line and column of the error.

    ## Why is this bad?
    Hugo stops the build on it; Jekyll skips the front matter and publishes the post without
    title or date.

    ## Example
    ```markdown
    ---
    title: Notes: day one
    date: 2024-05-19
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: "Notes: day one"
    date: 2024-05-19
    ---
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    An unclosed YAML quote is reported where the quoted value starts. Otherwise the position is the
    parser's: for an unclosed bracket it is where the parser gave up, which may be a line or two
    after the real mistake (the message names the line where the list or mapping starts). Front
    matter closed only by a `---` thematic break in the body is reported as never closed (FM002).
    """

    code = "FM004"
    name = "front-matter-syntax"
    summary = "The front matter is not valid YAML, TOML or JSON."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.error is None:
            return
        error = fm.error
        message = error.message
        if error.context:
            # "did not find expected ',' or ']'" means little without the list it was reading.
            line = doc.lines.position(fm.absolute(error.context_offset))[0]
            message += f" ({error.context} that starts on line {line})"
        yield Violation(f"{message}: fix the front matter so it parses", doc.span(fm.absolute(error.offset)))


class FrontMatterNotMapping(Rule):
    """## What it does
    Reports front matter that parses to a list or a single value instead of `key: value` pairs.

    ## Why is this bad?
    Site generators expect a mapping and ignore or reject anything else.

    ## Example
    ```markdown
    ---
    - title: Notes from the conference
    - date: 2024-05-19
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    ---
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    None known.
    """

    code = "FM003"
    name = "front-matter-not-mapping"
    summary = "The front matter is a list or a scalar, not key/value pairs."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.error is not None or not fm.terminated or isinstance(fm.data, dict):
            return
        found = "a list" if isinstance(fm.data, list) else f"the single value {fm.data!r}"
        node = fm.node(())
        span = node_span(doc, fm, node) if node else opening_span(doc)
        yield Violation(f"front matter must be 'key: value' pairs, found {found}", span)


class DuplicateKey(Rule):
    """## What it does
    Reports a key that appears twice in the same front matter mapping.

    ## Why is this bad?
    YAML parsers disagree: PyYAML and Hugo keep the last value silently, others stop with an
    error. Either way one of the two values the author wrote is lost.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    title: Notes from KubeCon
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from KubeCon
    date: 2024-05-19
    ---
    ```

    ## Fix safety
    No fix: which value the author wants is a guess.

    ## Options
    None.

    On Hugo sites, which read keys without regard to case, `Title` and `title` are the same key too.

    ## Known problems
    TOML forbids duplicate keys outright, so in TOML front matter they are reported as syntax errors (FM004).
    """

    code = "FM005"
    name = "duplicate-key"
    summary = "A front matter key appears more than once."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None:
            return
        for path, first, duplicate in fm.duplicates:
            first_line = node_span(doc, fm, first, key=True).line
            yield Violation(
                f"key '{describe_path(path)}' is repeated (first on line {first_line}); only the last value "
                "is kept: remove one of them",
                node_span(doc, fm, duplicate, key=True),
            )
        if ctx.site.model.keys_ignore_case and fm.mapping:
            seen: dict[str, str] = {}
            for key in fm.mapping:
                other = seen.setdefault(str(key).lower(), str(key))
                node, first_node = fm.nodes.get((key,)), fm.nodes.get((other,))
                if other != key and node is not None and first_node is not None:
                    first_line = node_span(doc, fm, first_node, key=True).line
                    yield Violation(
                        f"key '{key}' is '{other}' (line {first_line}) to Hugo, which reads keys without regard to "
                        "case: keep one of them", node_span(doc, fm, node, key=True))
