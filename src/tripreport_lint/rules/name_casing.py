"""SPL004: a name written in other casing than its makers' or the site's own (`Github`, `opentelemetry`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.document.prose_words import prose_words
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.spelling_names import NameSigns, in_person_name
from tripreport_lint.site.name_forms import CODE_ELEMENTS, SHOWN_KEYS, capitals, mixed_case, path_forms
from tripreport_lint.site.vocabulary import Vocabulary
from tripreport_lint.spelling import dictionaries
from tripreport_lint.spelling.names import product_names

# The casing of surnames with a particle (`McLean`, `DeVries`), which people with the name write differently.
_SURNAME = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*")
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def reportable(variant: str, name: str, *, known: bool) -> bool:
    """Whether ``variant`` (not ``name``, same letters) is a miswritten ``name`` wherever it stands: not
    in capitals only (emphasis, an acronym), not capitalised where the name is lower case (a sentence's
    start, a title), not in lower case where the name is merely capitalised (``hugo``, ``cilium``: often
    the command) unless the name is in the list of well-known names (``known``), and not a code
    identifier (``tracerProvider`` for ``TracerProvider``)."""
    if capitals(variant):
        return False
    if variant[0].islower() and mixed_case(variant):
        return name[0].islower()  # `iOS` miswritten, or a variable's name in lower camel case
    if mixed_case(variant):
        return True
    if variant[0].isupper():
        return mixed_case(name)
    return mixed_case(name) or known


# After a word: `:` and a version or tag (`kubernetes:1.29`), or a command line's option (` --headless`, ` -v`).
_TAG_OR_FLAG = re.compile(r":[\w.]|[ \t]+--?[A-Za-z]")


class NameCasing(Rule):
    """## What it does
    Finds a name written in other casing than the one it has, in prose, headings, link and alt text
    and the `title`, `description` and `summary` of the front matter: `Github` for `GitHub`,
    `Javascript` for `JavaScript`, `opentelemetry` on a site that writes `OpenTelemetry`. A name's
    casing is the one its makers use, for the well-known products and projects of a list the rule
    carries (`GitHub`, `PostgreSQL`, `macOS`, `YouTube`...), or else the one the site's own pages
    write it in: a form with a capital that at least 5 pages write (in prose, or in the path of a
    link: `github.com/PowerShell/PowerShell`; of them, 2 in prose), and that makes 85% of the word's
    uses (the pages that write it in each casing but capitals only, added up). A host name
    (`opentelemetry.io`) tells no casing: hosts are written in lower case whatever the name.

    Never reported: code (also `<code>` elements), URLs, link targets, file names (`github.md`),
    an image and its tag (`elasticsearch:7.10`), a command with options (`firefox --headless`),
    handles (`@github`), hashtags, identifiers (`opentelemetry-collector`, `github_token`,
    `Github::Client`), words in capitals only (`GITHUB`, emphasis; `URLs`), words within other words
    (`githubusercontent`), a word alone in quotes (mentioned, not meant) or in the subject of a
    patch e-mail a link quotes, the lower-case text of a link whose path names it (a repository:
    `[opentelemetry](https://github.com/open-telemetry/opentelemetry)`), a form the paths the post links to
    write (`SurveyMan` beside `github.com/SurveyMan/SurveyMan`: its owner's, on a site whose habit is
    `Surveyman`; not for the names of the list), tags and categories, a
    surname with a particle in a person's name (`Morgan Mclean` on a site that writes `McLean`). A
    name written in lower case (`etcd`) is never reported capitalised (at a sentence's start, in a
    title); a name of the site's own is not reported in lower case when it is merely capitalised
    (`hugo`, `cilium`: often the command) or when the lower-case word is English (`flux`, `envoy`),
    nor a frequent English word in any casing (`For`, where a slip `FOr` was copied into many posts);
    a word in lower camel case (`tracerProvider`) is an identifier. Posts in every language are
    read: a name is written the same in all.

    ## Why is this bad?
    Readers notice a product's name spelled wrong; no spelling checker finds it, for the letters
    are right.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The code is on Github, written in Javascript.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The code is on GitHub, written in JavaScript.
    ```

    ## Fix safety
    Unsafe: the word may be meant as written (a quote, a name that shares the letters), and a fix
    in a title may change what a theme or a feed shows. `--fix --unsafe-fixes` writes the name's
    casing.

    ## Options
    None.

    ## Known problems
    The site's pages are read without parsing their Markdown (code blocks, code spans, HTML,
    templates and URLs are cut out by pattern), so a word in an indented code block of another page
    counts as prose. Words of fewer than 3 letters are not judged. A command in plain text (`start
    mysql`) is reported when it is a well-known name's, and a quotation keeps no casing of its own.
    """

    code = "SPL004"
    name = "name-casing"
    summary = "A name written in other casing than its own."
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    reads_site_pages = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        if doc.decode_error is not None:
            return
        found = prose_words(doc)
        known = product_names()
        casings = ctx.site.casings
        written = list(found.distinct)
        # Most words name nothing: they are sifted out in one pass, lowered in one call.
        asked = [(word, lower) for word, lower in zip(written, " ".join(written).lower().split(), strict=True)
                 if lower in known or lower in casings or "'" in lower or "’" in lower]
        candidates: dict[str, tuple[str, str, str]] = {}  # a word as written -> the name in it, its casing, why
        for word, lower in asked:
            base = word.split("'")[0].split("’")[0]  # `Github's`: the name, not its possessive
            lower = lower.split("'")[0].split("’")[0]
            if len(base) < 3 or capitals(base):
                continue
            if lower in known:
                name, why = known[lower], "as its makers write it"
            elif (learned := casings.get(lower)) is not None:
                name = learned.form
                why = f"as {learned.pages} pages of the site write it; other casings: {learned.others}"
            else:
                continue
            if base != name and reportable(base, name, known=lower in known):
                candidates[word] = (base, name, why)
        if not candidates:
            return
        english = dictionaries.english().lookup({base.lower() for base, _, _ in candidates.values()})
        places = _Places(doc, ctx.site.vocabulary)
        linked = path_forms(doc.text[doc.body_start :]) if any(base.lower() not in known
                                                                for base, _, _ in candidates.values()) else set()
        for word, (base, name, why) in sorted(candidates.items()):
            if base.lower() not in known and (base.islower() and base in english or
                                              english.get(base.lower(), 0) >= dictionaries.FREQUENT):
                continue  # an English word (`flux`, `For`): the site's name (or a copied slip, `FOr`) shares its letters
            if base.lower() not in known and base in linked:
                continue  # the post links to its owner's spelling (github.com/SurveyMan/SurveyMan): the site's is a habit
            for start in found.offsets(word):
                if places.meant(base, name, start):
                    yield Violation(f"'{base}' is written '{name}' ({why})", doc.span(start, start + len(base)),
                                    Fix((Edit(start, start + len(base), name),), Applicability.UNSAFE,
                                        f"write '{name}'"))


class _Places:
    """Where in a post a word stands, to tell a name meant in prose from one mentioned or not prose."""

    def __init__(self, doc: Document, vocabulary: Vocabulary) -> None:
        self.doc = doc
        fm = doc.front_matter
        self._shown = _Spans((fm.absolute(node.start), fm.absolute(node.end)) for path, node in fm.nodes.items()
                             if len(path) == 1 and str(path[0]).lower() in SHOWN_KEYS and node.kind == "scalar") \
            if fm is not None else _Spans(())
        # Each link's text, with the path of its target (`github` is no name of `github.com/cilium/cilium`).
        links = {(link.start + 1, link.start + 1 + len(link.text)): _HOST.sub("", link.target.lower())
                 for link in doc.body.links if link.target and not link.image}
        self._links, self._paths = _Spans(links), links
        self._code = _Spans((m.start(), m.end()) for m in CODE_ELEMENTS.finditer(doc.text, doc.body_start))
        self._signs = NameSigns(doc, vocabulary)

    def meant(self, word: str, name: str, start: int) -> bool:
        """Whether the word at ``start`` is prose meant by the author: not a tag (front matter values other
        than those shown as text), not part of an identifier or a variable, not code, not alone in quotes,
        not a person's name, and, in lower case, not the text of a link whose path names it (a repository)."""
        text = self.doc.text
        end = start + len(word)
        if start < self.doc.body_start and self._shown.at(start) is None:
            return False
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before and before in "#$") or after == "-" or text.startswith("::", end) or self._code.at(start):
            return False
        if _TAG_OR_FLAG.match(text, end):
            return False  # `elasticsearch:7.10`, an image and its tag; `firefox --headless`, a command line
        if (before in _QUOTES and after == _QUOTES[before]) or self._signs.quoted(word, start):
            return False  # mentioned, or in the subject of a patch e-mail a link quotes
        if _SURNAME.match(name) and in_person_name(self.doc, start, len(word)):
            return False  # `Morgan Mclean`: a person's name, spelled as that person does
        link = self._links.at(start) if word.islower() else None
        return link is None or word not in self._paths[link]


class _Spans:
    """Spans of a text that do not overlap, and which of them holds an offset."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def at(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._spans[index] if index >= 0 and offset < self._spans[index][1] else None
