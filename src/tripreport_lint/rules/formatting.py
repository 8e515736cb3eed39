"""FMT001-FMT002: the body as mdformat would write it, and why a body cannot be normalised."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tripreport_lint.diagnostics import Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context

if TYPE_CHECKING:
    from tripreport_lint.format.normalise import Normalised


@dataclass(frozen=True)
class FormatSettings:
    wrap: Literal["keep", "no"] | int = field(default="keep", metadata={
        "help": "`keep` line breaks as written, `no` to join each paragraph onto one line, or the width to "
                "wrap lines at."})
    number: bool = field(default=False, metadata={
        "help": "Number ordered lists 1, 2, 3 instead of 1, 1, 1."})
    extensions: tuple[str, ...] = field(default=("gfm",), metadata={
        "help": "The mdformat plugins to load."})
    kramdown: bool = field(default=False, metadata={
        "help": "Normalise the posts of kramdown sites (Jekyll) too. Not proven safe: the guard renders as "
                "CommonMark does, and kramdown reads some Markdown differently."})


# The tags each generator replaces with their output before or around Markdown: Hugo's shortcodes, Liquid.
_TEMPLATES = {"hugo": ("{{<", "{{%"), "jekyll": ("{{", "{%")}


def _normalised(doc: Document, ctx: Context, options: FormatSettings) -> tuple[str, Normalised] | None:
    # Only when FMT is selected: the normaliser's modules cost a one-file check ~3 ms to import.
    from tripreport_lint.format.normalise import MAX_PARAGRAPH, FormatOptions, Normalised, normalise  # noqa: PLC0415
    from tripreport_lint.format.rendering import Rendering  # noqa: PLC0415

    model = ctx.site.model
    if model.normalisation_off_reason is not None and not options.kramdown:
        return None
    fm = doc.front_matter
    if doc.decode_error is not None or (fm is not None and (not fm.terminated or fm.error is not None)):
        return None
    body = doc.text[doc.body_start :]
    if not body.strip():
        return None
    longest = max((len(t.content) for t in doc.tokens if t.type == "inline"), default=0)
    if longest > MAX_PARAGRAPH:
        return body, Normalised(None, f"a paragraph is longer than {MAX_PARAGRAPH:,} characters")
    plain = body.replace("\r\n", "\n").replace("\r", "\n")
    # kramdown has block attributes too (its `{: .class}` lines); its typographer is always on. Where the
    # renderer is not known (plain CommonMark, Gatsby's remark), GFM's autolinks may be on: guard as for linkify.
    rendering = Rendering(typographer=model.typographer,
                          block_attributes=model.block_attributes or model.renderer == "kramdown",
                          linkify=model.linkify or model.renderer == "commonmark",
                          hard_wraps=model.hard_wraps,
                          templates=_TEMPLATES.get(model.generator, ()))
    return body, normalise(plain, FormatOptions(options.wrap, options.number, options.extensions), rendering)


class NotNormalised(Rule[FormatSettings]):
    """## What it does
    Reports a body that mdformat (with its GFM plugin) would write differently: list markers,
    emphasis style, heading style, table alignment, escapes. The front matter is never touched.

    ## Why is this bad?
    One consistent way of writing Markdown keeps diffs small and reviews about content.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    Day one
    =======

    * keynotes
    * workshops
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    # Day one

    - keynotes
    - workshops
    ```

    ## Fix safety
    Safe: mdformat's result is used only when the page renders to the same HTML as the site renders
    it (with the typographer's dashes and curly quotes when the site has them; on Hugo sites a
    shortcode, on Jekyll sites a Liquid tag, stands for its output, never for Markdown text, as the
    generator renders it), no word is lost,
    Hugo shortcodes and Liquid tags come back byte for byte, bare URLs come back unchanged, and link
    definitions and `[//]: #` comments stay where they were; line endings and a missing final newline
    are kept. Two rewrites of mdformat's are undone: a hard break right after a bare URL stays two
    spaces (a `\\` there would end up in the link: Goldmark's linkify, GFM and LNK009's `<...>` take
    a URL to the next space), and no blank line comes between a `disable-next-line` comment (ours or
    markdownlint's) and its line, nor, where the site reads block attributes (Goldmark's
    `parser.attribute.block`, kramdown), between a block and its `{.class #id}` line.

    ## Options
    Turn normalisation off with `ignore = ["FMT"]`.

    ## Known problems
    Files that cannot be normalised safely are reported by FMT002 instead. On kramdown sites (Jekyll's
    default) both rules report nothing unless `kramdown = true`: the guard renders Markdown as
    CommonMark and Goldmark read it, and kramdown reads some of it differently (a `|` in a paragraph
    starts a table, `1)` starts no list, a `\\` at a line end is no line break), so a normalised post
    is not proven to render the same there. `tripreport-lint --show-site` says which sites this is.
    """

    code = "FMT001"
    default_enabled = False
    name = "not-normalised"
    summary = "The body is not formatted as mdformat writes it."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        found = _normalised(doc, ctx, self.options)
        if found is None or found[1].text is None:
            return
        body, text = found[0], found[1].text
        # The blank lines between front matter and text are the author's layout, not Markdown's.
        lead = body[: len(body) - len(body.lstrip("\r\n"))]
        formatted = lead + text.replace("\n", doc.newline)
        if not body.endswith(("\n", "\r")):
            formatted = formatted.rstrip("\r\n")
        if formatted == body:
            return
        first = len(os.path.commonprefix([body, formatted]))  # may be the end: mdformat only adds (a closing fence)
        start = doc.body_start
        yield Violation(
            "the body is not formatted as mdformat writes it: run tripreport-lint format to normalise it",
            doc.span(start + first),
            Fix((Edit(start, len(doc.text), formatted),), description="normalise with mdformat"),
        )


class NormalisationSkipped(Rule[FormatSettings]):
    """## What it does
    Reports a post that cannot be normalised safely, and why: mdformat would change what the page
    renders to (or only how the site's typographer renders a quote or dash, by adding or removing a
    backslash, or only the spaces between words), lose a word, alter a Hugo shortcode or Liquid tag, change the text of a bare URL (or,
    where Goldmark's linkify is on, of an email address), move or delete link definitions, footnotes
    or `[//]: #` comments, move a `{.class}` attribute line off its block or a `disable-next-line`
    comment off its line, failed, or the body is too large (over 1,000,000 characters, or one
    paragraph over 20,000) or its lists and block quotes nest too deeply (over 15 levels) to try.

    ## Why is this bad?
    Nothing is wrong with the post itself; the finding says why FMT001 left it alone, often a
    construct that renders differently from what the author expects.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the agenda.

    [//]: # (add the workshop list)
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See the agenda.
    ```

    ## Fix safety
    No fix: fix what the message names (here CMT001 removes the comment, with `--unsafe-fixes`),
    or leave it.

    ## Options
    The same options as FMT001, and FMT001's values (under `[not-normalised]`) unless
    `[normalisation-skipped]` gives its own, so that it explains what FMT001 leaves alone.

    ## Known problems
    Like FMT001, it reports nothing on kramdown sites unless `kramdown = true`.
    """

    code = "FMT002"
    default_enabled = False
    name = "normalisation-skipped"
    summary = "mdformat cannot normalise the body safely."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        found = _normalised(doc, ctx, self.options)
        if found is not None and found[1].reason is not None:
            yield Violation(f"not normalised: {found[1].reason}", doc.span(doc.body_start))
