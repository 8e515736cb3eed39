"""LNK011-LNK012: external links checked over the network (off unless asked: --check-urls)."""

from __future__ import annotations

from collections.abc import Iterator

from tripreport_lint.diagnostics import (
    Applicability,
    Edit,
    Fix,
    FixAvailability,
    Severity,
    Violation,
)
from tripreport_lint.document.document import Document
from tripreport_lint.document.url_targets import url_uses
from tripreport_lint.remote.settings import UrlSettings
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.context import Context


class DeadExternalLink(Rule[UrlSettings]):
    """## What it does
    Checks every distinct http(s) address of the linted posts over the network (links, images,
    reference definitions, autolinks, HTML `src`/`href`, front matter values; bare URLs in the
    prose are LNK009's) and reports those that answer with an
    error, time out, or cannot be reached, with the reason (`HTTP 404 Not Found`, `timeout`,
    `DNS lookup failed`, `connection refused`, `TLS error`). Off by default: turn it on with
    `--check-urls` or `check-urls = true`; under pre-commit (`PRE_COMMIT=1`) only `--check-urls`
    turns it on, and `--offline` turns it off.

    ## Why is this bad?
    Conference schedules, slide decks and talk recordings move or vanish within months; readers
    meet the 404s.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The [schedule](https://example.com/2019/schedule) is online.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    The [schedule](https://web.archive.org/web/2019/https://example.com/2019/schedule) is online.
    ```

    ## Fix safety
    No fix: only the author knows the replacement (an archived copy, a new home, or none).

    ## Options
    They apply to every remote check of a run, LNK012's too. Per-host headers name environment
    variables, so that tokens stay out of the config:
    `headers."api.github.com" = { Authorization = "GITHUB_TOKEN" }`.

    ## Known problems
    Some servers refuse robots or answer 403 to anything but a browser; add their status to
    `accept` or their host to `skip-hosts`.
    """

    code = "LNK011"
    name = "dead-external-link"
    summary = "An external link that does not answer."
    default_enabled = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        statuses = ctx.url_statuses
        for use in url_uses(doc):
            status = statuses.get(use.checked)
            if status is not None and not status.ok:
                yield Violation(f"'{use.url}' does not answer ({status.reason}): fix or replace the link",
                                doc.span(use.start, use.end))


class MovedExternalLink(Rule):
    """## What it does
    Reports an external address that redirects permanently (301 or 308, possibly in a chain) to a
    page that answers, with where it now lives. Runs with LNK011's checks.

    ## Why is this bad?
    Every reader pays for the extra round trip, and old addresses are the first to break.

    ## Example
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the docs](http://example.com/docs).
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes
    date: 2024-05-19
    ---
    See [the docs](https://example.com/docs/).
    ```

    ## Fix safety
    Unsafe (`--unsafe-fixes`): the address is rewritten to the redirect's target, which a site may
    later move back or which may drop query parameters the author wanted.

    ## Options
    None of its own: the checks run with LNK011's options (`[dead-external-link]`).

    ## Known problems
    Temporary redirects (302, 307: logins, language choice) are followed but never reported.
    """

    code = "LNK012"
    name = "moved-external-link"
    summary = "An external link that redirects permanently."
    severity = Severity.WARNING
    default_enabled = False
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        statuses = ctx.url_statuses
        for use in url_uses(doc):
            status = statuses.get(use.checked)
            if status is None or not status.ok or status.moved_to is None:
                continue
            new = status.moved_to + use.url[len(use.checked):]  # the fragment stays
            yield Violation(f"'{use.url}' has moved permanently to '{new}': link there",
                            doc.span(use.start, use.end),
                            Fix((Edit(use.start, use.end, new),), Applicability.UNSAFE, f"write '{new}'"))
