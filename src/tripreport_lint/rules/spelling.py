"""SPL001-SPL002: misspellings codespell knows, and likely typos found with the site's own vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tripreport_lint.diagnostics import Applicability, Edit, Fix, FixAvailability, Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.document.markdown import inline_tokens
from tripreport_lint.document.prose_words import prose_words
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context
from tripreport_lint.rules.spelling_candidates import (
    MIN_LENGTH,
    MIN_SHORT_LENGTH,
    asked,
    copied_typo,
    intended,
    known_form,
    short_intended,
)
from tripreport_lint.rules.spelling_names import (
    COPIED_TYPO_POSTS,
    PAGES_PER_USE,
    NameSigns,
    capitalised_mid_sentence,
    in_person_name,
)
from tripreport_lint.site.page_facts import document_facts
from tripreport_lint.spelling import dictionaries

MAX_LENGTH = 40  # longer runs of letters are no typo of a word (and would take ~26 x length^2 edits)
# The words SPL002 judges: MIN_SHORT_LENGTH to MAX_LENGTH ASCII letters, capitalised at most on the first.
_TYPO_SHAPE = re.compile(rf"[A-Za-z][a-z]{{{MIN_SHORT_LENGTH - 1},{MAX_LENGTH - 1}}}")


def _keep_case(original: str, fix: str) -> str:
    if original.isupper() and len(original) > 1:
        return fix.upper()
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


class KnownMisspelling(Rule):
    """## What it does
    Finds misspellings that codespell's dictionaries know (by default its `clear` list; the
    `spelling.dictionaries` setting adds others by name, such as `rare`, real words that are often
    typos: `bellow`, `sting`, `whet`, meant far more often than not) in prose, headings, link and alt text,
    and the front matter values readers see (`title`, `description`, `summary`, `tags`,
    `categories`, and keys named like them: `linkTitle`, `ogSummary`, `meta_description`, `excerpt`), and
    the text of HTML blocks where the page shows it (`<figcaption>`; not on a Hugo site whose Goldmark
    leaves raw HTML out), and the comments of code blocks and Hugo or Jekyll `highlight` blocks (after `#`, `// ` or in `/* */`; not in
    blocks of console sessions, output or Markdown). Other code, URLs, link targets, e-mail addresses,
    HTML tags and the content of `<pre>`, `<code>`, `<script>` and `<style>` are never read, nor words
    split by inline code or emphasis (`` `s`econds ``, `**C**ontainer`).

    A word that is a name by a strong sign is not reported: a word of the host or path of a link or
    image of the post (`[Rouge](https://github.com/rouge-ruby/rouge)`, `/img/rouge-logo.png`) or
    the start of one (`Cristian` of `github.com/cristiangreco`, `Hashi` of `hashicorp.com`), of a
    host that a page of the site links to, or a word that 3 of the site's pages use (4 for a word in
    lower case, which a typo copied into other posts is more often; one page in 100 of a larger site); nor a capitalised word beside another (`Thilo Fromm`, also across a
    line break, `Martijn den Hoedt`) or before an initial or a legal form (`Dimitry B.`, `Invision AG`),
    unless the other is a frequent English word (`Project Pavillion` is a title, and reported). Nor are words that are not
    the author's: in the subject of a patch e-mail a link quotes (`[[PATCH net-next 2/3] bpf: ...](...)`,
    `[[RFC] ...](...)`), or alone in quotes on a line that speaks of a typo (`fixed the "bellow" typo`).

    ## Why is this bad?
    Typos make a post look careless and make it harder to find.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We are demostrating the new release.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We are demonstrating the new release.
    ```

    ## Fix safety
    Safe when codespell offers exactly one correction and no sign says the word may be meant: it is
    applied keeping the word's case (`Wtih` -> `With`). Unsafe, and the message says why, when the
    word stands in a heading (the heading's anchor changes, so links to it break), in front matter
    the page's URL is made from (a Hugo title under a `:slug` or `:title` permalink, with no `slug`:
    the page would move), in an image's alt
    text (it may name what the picture shows), alone in quotes (the `"conenct"` typo is mentioned,
    not meant), is capitalised mid-sentence (a proper noun, such as a company), or is a real word by
    codespell's own lists (`rare`, `names`, `code`: `bellow`). Such a real word capitalised
    mid-sentence is a name and not reported at all (`defaulting to Rouge`, Jekyll's highlighter).
    With several candidates the finding lists them and nothing is applied, even with `--unsafe-fixes`.

    ## Options
    None; the rule reads the settings of the `[spelling]` table: `words-file` (default
    `.tripreport-words.txt`, one word a line), `ignore-words-file` (codespell's format), `words`,
    `dictionaries`.

    ## Known problems
    A misspelling that 3 of the site's pages carry (4 in lower case; anywhere: code and URLs count; the site's words
    are read as SPL002 says), or that the path of a link of the post carries (a page slug made from
    a misspelt title), is taken for a name and not reported. Jargon coined from a word (Jekyll's
    `Liquify`) first in a sentence still gets a safe fix: add it to the words file. Posts in other
    languages (a `lang`/`language` key, or a language folder such as `content/ja/`) are not checked,
    nor are paragraphs in another language (Latin filler text, a quote in German: of 8 words or
    more, 70% in no English word list) or front matter values in one (so, or with two little words
    of another language: `dans`, `und`, `para`), words right before an apostrophe (`playin'`, `theres&rsquo;`) or
    before `()`
    (`readline()`, a function).
    """

    code = "SPL001"
    reads_site_pages = True
    name = "known-misspelling"
    summary = "A misspelling from codespell's dictionary."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        table = dictionaries.codespell(ctx.codespell_dictionaries)
        if not _readable_english(doc, ctx):
            return
        found = prose_words(doc, html=ctx.site.model.raw_html, comments=True)
        misspelt = table.lookup(set(map(str.lower, found.distinct)))  # asked together: most posts hold none
        if not misspelt:
            return
        signs = NameSigns(doc, ctx.site.vocabulary)
        real_words = dictionaries.real_words(ctx.codespell_dictionaries, set(misspelt))
        for word in found.distinct:
            fixes = misspelt.get(word.lower())
            if fixes is None or word.lower() in ctx.project_words or len(word) < 3 or word[1:] != word[1:].lower():
                continue  # acronyms (AKS) and mixed case (aaS) are names, not words
            if signs.named(word.lower(), typo=word.islower()):
                continue
            entry = dictionaries.Misspelling.parse(fixes)
            for start in found.offsets(word):
                if (word[0].isupper() and in_person_name(doc, start, len(word), english=False)) or \
                        in_foreign_paragraph(doc, doc.span(start, start).line) or signs.quoted(word, start):
                    continue
                if word[0].isupper() and word.lower() in real_words and \
                        capitalised_mid_sentence(doc.text, start, doc.body_start):
                    continue  # a real word written as a name mid-sentence (Jekyll's highlighter Rouge): a name
                span = doc.span(start, start + len(word))
                if entry.automatic:
                    fixed = _keep_case(word, entry.suggestions[0])
                    edit = Edit(start, start + len(word), fixed)
                    unsafe = "a real word too" if word.lower() in real_words else signs.unsafe(word, start) \
                        or _moves_page(doc, ctx, edit)
                    if unsafe is None:
                        yield Violation(f"'{word}' is a misspelling of '{fixed}'", span,
                                        Fix((edit,), description=f"write '{fixed}'"))
                    else:
                        yield Violation(f"'{word}' is a misspelling of '{fixed}' ({unsafe})", span,
                                        Fix((edit,), Applicability.UNSAFE, f"write '{fixed}'"))
                else:
                    options = " or ".join(f"'{_keep_case(word, s)}'" for s in entry.suggestions)
                    reason = f" ({entry.reason})" if entry.reason else ""
                    yield Violation(f"'{word}' may be a misspelling of {options}{reason}", span)


class PossibleTypo(Rule):
    """## What it does
    Finds likely typos that codespell does not know: a word that is not English (pyspellchecker's
    word list), is used by no other post of the site, and is one edit (a letter dropped, added,
    swapped or replaced) away from a word the site uses in several posts, a word of a host name the
    post or the site links to (`Vitness` for `vitess.io`), or a common English word (a less common one
    when a letter is dropped or two are swapped: `browesr`). Capitalised
    words, often names, are only matched against the site's words and longer English words.

    Words of 4 and 5 letters (and longer ones no word of their length is near: `neever`) are judged
    only against slips of the finger that make no abbreviation: two letters swapped (`hwen`, `nodse`)
    or one doubled, not the first (`whhen`; `bbox` is a name), of a word in pyspellchecker's top
    3,000 or so (a count of 20,000) or an English word 3 of the site's pages use (`nodes`); with
    several such words the finding names them all (`waay`: `way` or `away`). Such a word is judged
    only where the post writes it once (code and URLs count: jargon recurs), between spaces and
    punctuation as the words of a sentence stand (not `snice: fix`, `{hree 3}`), and not when it is
    a word of German, Spanish, French, Italian, Dutch or Portuguese (`hier`, `entre`). A short
    capitalised word is judged only first in a sentence of the body, only as a swap (names double
    letters: `Antti`), and not when the post writes it as a name elsewhere (`Hsot Lee`).

    Names are not reported: a word of the host or path of a link or image of the post (a repository,
    an image's file name) or the start of one (`cristiangreco`), of a host that a page of the site
    links to, or one another post uses; a capitalised word beside another or before an initial or a
    legal form (a person's or a company's name); words split by inline code or emphasis (`` `s`econds ``, `**C**ontainer`). Nor
    are two common English words written as one (`lookback`, `hitless`: jargon) or a verb and its
    particle (`signin`, `checkout`: a button or command), a word the post also writes as code
    (`Procfile` beside `` `Procfile` ``: the post's subject), words in the
    subject of a patch e-mail a link quotes, or a word alone in quotes on a line that speaks of a
    typo (`fixing the "vertycal" typo`). A typo copied into other posts is still one: a word in lower
    case that another post uses is the site's own only on 4 pages (one page in 100 of a larger site)
    when it is a slip of a common English word or lacks one of its letters (`photograpers`); a
    capitalised one is a name.

    ## Why is this bad?
    Typos in product names and ordinary words that no dictionary of misspellings lists.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We met the photograpers hwen the talk on distributed systems ended.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    We met the photographers when the talk on distributed systems ended.
    ```

    ## Fix safety
    Unsafe: the intended word is a guess, and the word may be a name (capitalised mid-sentence, in
    alt text) or stand in a heading, whose anchor a fix changes. `--fix --unsafe-fixes` writes it,
    keeping the case. With several candidates there is no fix.

    ## Options
    None; the rule reads the `[spelling]` settings, as SPL001 does: project words are never reported.

    ## Known problems
    The site's vocabulary comes from its Markdown files, at most 5,000 files, reading for at most 3
    seconds a run; it is kept in the cache folder, and only pages that changed are read again.
    A name alone between commas (`Smith, Martijn, Lee`) is not seen as a name.
    Posts in other languages are not checked, nor are paragraphs or front matter values in another
    language or words right before an apostrophe or `()`. Short words with a letter dropped, added or replaced
    (`cont`, `libc`, `util` are abbreviations as often) are not judged, nor words of 3 letters
    (`aws`, `cpu` are swaps of `was`, `cup`), a doubled first letter (`ffrom`), a doubled last
    letter that reads as an ending (`tasks` doubled) or a slip the post repeats. A short
    abbreviation written once in lower case that is a swap of a frequent word (`uint`, `unit`;
    `tset`, a command) is reported: add it to the words file.
    """

    code = "SPL002"
    reads_site_pages = True
    name = "possible-typo"
    summary = "A word that looks like a typo of a known word."
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        vocabulary = ctx.site.vocabulary
        if not _readable_english(doc, ctx):
            return
        found = prose_words(doc)
        # Set operations first: most posts have hundreds of distinct words and no typo.
        shaped = set(filter(_TYPO_SHAPE.fullmatch, found.distinct))
        unknown = set(map(str.lower, shaped)).difference(ctx.project_words)
        for table in (dictionaries.english(), dictionaries.codespell_words(),
                      dictionaries.codespell(ctx.codespell_dictionaries)):
            unknown = unknown.difference(table.answers(unknown)) if unknown else unknown
        pages = max(COPIED_TYPO_POSTS, vocabulary.files // PAGES_PER_USE)
        unknown = {lower for lower in unknown if vocabulary.posts.get(lower, 0) < pages and lower not in vocabulary.domains}
        if not unknown:
            return
        signs = NameSigns(doc, vocabulary)
        known_hosts = {**vocabulary.domains, **dict.fromkeys(signs.target_words, 1)}
        # Every English word the checks below may ask about, asked together.
        english = dictionaries.english().answers(set().union(*map(asked, unknown)))
        for lower in sorted(unknown):
            if signs.linked(lower) or known_form(lower, english, vocabulary.posts):
                continue
            # Another page uses it: the site's own (a name, jargon) unless a slip of a common English word.
            shared = vocabulary.posts.get(lower, 0) >= 2
            posts, hosts = ({}, {}) if shared else (vocabulary.posts, known_hosts)
            for word in {lower, lower.capitalize()} & shaped:
                capitalised = word[0].isupper()
                starts = _judged_places(doc, word) if word.islower() or not shared else []
                if not starts:
                    continue
                if len(word) < MIN_LENGTH:  # judged first in a sentence only: `Hwen` is `When`
                    starts = [s for s in starts if _in_a_sentence(doc.text, s, len(word))]
                    candidates = _slip_of(doc, lower, posts, capitalised=capitalised, keep_initial=False) if starts else []
                else:  # a slip of a shorter word (`neever`) when no word of this length is near
                    best = intended(lower, capitalised, posts, hosts)
                    if best is None:
                        starts = [s for s in starts if _in_a_sentence(doc.text, s, len(word))]
                    candidates = ([best] if not shared or copied_typo(lower, best) else []) if best else \
                        _slip_of(doc, lower, posts, capitalised=capitalised, keep_initial=capitalised) if starts else []
                for start in starts if candidates and not _in_code(doc, lower) else ():
                    if _meant(doc, signs, word, start):
                        yield _possible_typo(doc, word, start, [_keep_case(word, c) for c in candidates])


# What stands around a word of a sentence: a label (`snice: fix ...`) or a word in markup (`{hree 3}`) is none.
_BEFORE_A_WORD = frozenset(" \t\n(\"'“‘*_")
_AFTER_A_WORD = frozenset(" \t\n.,;!?)\"'”’*_")


def _in_a_sentence(text: str, start: int, length: int) -> bool:
    """Whether the word at ``start`` stands as words of a sentence do, between spaces and punctuation."""
    return (start == 0 or text[start - 1] in _BEFORE_A_WORD) and \
        (start + length == len(text) or text[start + length] in _AFTER_A_WORD)


def _moves_page(doc: Document, ctx: Context, edit: Edit) -> str | None:
    """Why a fix in the front matter is unsafe: the page's URL is made from what it changes (Hugo's `:title`
    or `:slug` with no slug), so links to the page would break."""
    if edit.start >= doc.body_start or ctx.site.model.generator not in ("hugo", "jekyll"):
        return None
    fixed = Document.from_text(doc.text[: edit.start] + edit.content + doc.text[edit.end :], doc.path)
    before = ctx.site.link_url(doc.path, document_facts(doc))
    return "the page's URL is made from it" if before != ctx.site.link_url(doc.path, document_facts(fixed)) else None


def _in_code(doc: Document, lower: str) -> bool:
    """Whether the body also writes the word in code (`` `Procfile` ``): a file, command or key of the post's
    subject, which its prose names too. Asked only of words with a candidate: a few a post."""
    return _count(lower, doc.text, doc.body_start) > _count(lower, doc.body.without_code, doc.body_start)


def _count(lower: str, text: str, start: int = 0) -> int:
    """How often ``text`` writes the word from ``start`` on, in any case, not as part of a longer word."""
    word = re.compile(rf"(?<![A-Za-z]){re.escape(lower)}(?![A-Za-z])", re.IGNORECASE)
    return sum(1 for _ in word.finditer(text, start))


def _slip_of(doc: Document, lower: str, posts: dict[str, int], *, capitalised: bool, keep_initial: bool) -> list[str]:
    """``short_intended`` for a word the post writes once (code and URLs count): jargon and abbreviations
    recur (`htree`, `edns` in every line of a changelog), a slip of the finger seldom does."""
    found = short_intended(lower, posts, capitalised=capitalised, keep_initial=keep_initial)
    if found and _count(lower, doc.text) > 1:
        return []  # asked second: most words are a slip of no word, and the search reads the whole post
    return found


def _judged_places(doc: Document, word: str) -> list[int]:
    """Where SPL002 judges the word: not in a person's name (nor, asked last by ``_meant``, in a paragraph
    in another language or a quote about typos). A short capitalised word is a name as often (`Mert`): it
    is judged only first in sentences of the body, and only where the post never writes it as a name
    (mid-sentence, beside another name)."""
    capitalised = word[0].isupper()
    places = prose_words(doc).offsets(word)
    named = [capitalised and in_person_name(doc, s, len(word)) for s in places]
    if capitalised and len(word) < MIN_LENGTH and (any(named) or any(
            s < doc.body_start or capitalised_mid_sentence(doc.text, s, doc.body_start) for s in places)):
        return []
    return [s for s, name in zip(places, named, strict=True) if not name]


def _meant(doc: Document, signs: NameSigns, word: str, start: int) -> bool:
    """Whether the word at a judged place is meant: not in a paragraph in another language, nor alone in
    quotes on a line about typos. Asked of words with candidates only: a paragraph's language costs a parse."""
    return not in_foreign_paragraph(doc, doc.span(start, start).line) and not signs.quoted(word, start)


def _possible_typo(doc: Document, word: str, start: int, candidates: list[str]) -> Violation:
    """SPL002's finding: with one candidate, an unsafe fix to it; with several, none (which is a guess)."""
    span = doc.span(start, start + len(word))
    if len(candidates) > 1:
        listed = ", ".join(f"'{c}'" for c in candidates[:-1]) + f" or '{candidates[-1]}'"
        return Violation(f"'{word}' may be a typo of {listed}", span)
    fixed = candidates[0]
    return Violation(f"'{word}' may be a typo of '{fixed}'", span,
                     Fix((Edit(start, start + len(word), fixed),), Applicability.UNSAFE, f"write '{fixed}'"))


_LETTERS = re.compile(r"[^\W\d_]{3,}")
FOREIGN_SHARE = 0.7  # a paragraph with at least this share of words no English list knows is another language
FOREIGN_MIN_WORDS = 8
_OTHER_LANGUAGES = frozenset(word for words in (
    "les des une dans pour avec sur est sont qui aux du et ces vous nous",  # French
    "der und ist mit für von zu den dem ein eine nicht auf sich auch wie zur zum das sie",  # German
    "el los las del una por para con como más cómo",  # Spanish
    "um uma os dos com não em ao mais sobre",  # Portuguese
    "il gli della che per sono",  # Italian
    "het een van niet voor met zijn",  # Dutch
    "och att för med en",  # Swedish; `en` is French and Spanish too
) for word in words.split())


def in_foreign_paragraph(doc: Document, line: int) -> bool:
    """Whether the line stands in a paragraph (or is a front matter value) written in another language (Latin
    filler text, a quote in German): most of its words are in no English word list, so judging them word by word finds only noise.
    Only the paragraphs asked about are parsed (their inline tokens cost as much as the whole body), each
    once per document, whichever rule asks."""
    if doc.lines.offset(line) < doc.body_start:  # a front matter value (`description: Ce billet ...`)
        memo = doc.derived.setdefault("foreign_values", {})
        assert isinstance(memo, dict)
        if line not in memo:
            memo[line] = _foreign_value(doc.text[doc.lines.offset(line) : doc.lines.line_end(line)])
        return bool(memo[line])
    if "paragraph_lines" not in doc.derived:
        by_line: dict[int, list[int]] = {}  # a line (1-based) -> the inline tokens on it, in order
        for index, token in enumerate(doc.tokens):
            if token.type == "inline" and token.map:
                for number in range(token.map[0] + 1, token.map[1] + 1):
                    by_line.setdefault(number, []).append(index)
        doc.derived["paragraph_lines"] = by_line
    paragraphs = doc.derived["paragraph_lines"]
    assert isinstance(paragraphs, dict)
    return any(_foreign(doc, index) for index in paragraphs.get(line, ()))


def _foreign(doc: Document, index: int) -> bool:
    memo = doc.derived.setdefault("foreign_paragraphs", {})
    assert isinstance(memo, dict)
    if index not in memo:
        children = inline_tokens(doc.tokens[index].content)  # the body's tokens are block tokens only
        memo[index] = _foreign_words(" ".join(child.content for child in children if child.type == "text"))
    return bool(memo[index])


def _foreign_value(value: str) -> bool:
    """Whether a front matter value is in another language: as a paragraph is, or with two of the little
    words of French, German, Spanish, Portuguese, Italian, Dutch or Swedish that English has no use for (a
    summary is often too short for the share of unknown words to tell)."""
    little = sum(word in _OTHER_LANGUAGES for word in re.findall(r"[^\W\d_]+", value.lower()))
    return little >= 2 or _foreign_words(value)


def _foreign_words(prose: str) -> bool:
    words = [word.lower() for word in _LETTERS.findall(prose)]
    english = dictionaries.english().answers(set(words))
    return len(words) >= FOREIGN_MIN_WORDS and \
        len(words) - sum(map(english.__contains__, words)) >= FOREIGN_SHARE * len(words)


def _readable_english(doc: Document, ctx: Context) -> bool:
    """Whether the post decodes and is in English: a ``lang``/``language`` key says so, else the
    site's language folder it stands in (``content/ja/``) says otherwise. Asked once per document."""
    if "english" not in doc.derived:
        doc.derived["english"] = _english(doc, ctx)
    return bool(doc.derived["english"])


def _english(doc: Document, ctx: Context) -> bool:
    if doc.decode_error is not None:
        return False
    data = doc.front_matter.mapping if doc.front_matter else None
    declared = (data or {}).get("lang") or (data or {}).get("language")
    if isinstance(declared, str):
        return declared.lower().startswith("en")
    return not any(root.name != "en" and root in doc.path.parents for root in ctx.site.content_roots[1:])


