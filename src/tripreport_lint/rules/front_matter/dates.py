"""FM020-FM024: front matter dates that are unreadable, impossible, in the future, out of order, or on
another day than the file name."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tripreport_lint.diagnostics import Severity, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.dates import DateProblem, ParsedDate, parse_date
from tripreport_lint.frontmatter.model import FrontMatter
from tripreport_lint.rules.base import Rule, locate
from tripreport_lint.rules.context import Context

_LASTMOD_KEYS = ("lastmod", "last_modified_at")
_LEADING_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?=\s)")


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except DateProblem:
        return False
    return True


def _dates(fm: FrontMatter | None, keys: tuple[str, ...],
           ctx: Context) -> Iterator[tuple[str, str, ParsedDate | DateProblem]]:
    """(key as written, text, parsed date or problem) for each of ``keys`` whose value is a non-empty string."""
    data = fm.mapping if fm else None
    if data is None:
        return
    for name in keys:
        key = ctx.key_as_written(data, name)
        text = data.get(key)
        if isinstance(text, str) and text.strip():
            try:
                yield key, text, parse_date(text)
            except DateProblem as problem:
                yield key, text, problem


@dataclass(frozen=True)
class DateKeys:
    keys: tuple[str, ...] = field(default=("date", "lastmod", "publishDate", "expiryDate", "last_modified_at"),
                                  metadata={"help": "The front matter keys holding dates."})


class InvalidDate(Rule[DateKeys]):
    """## What it does
    Reports a front matter date that is not a date (`May 19th`), or an impossible one
    (`2025-02-30`, `2024-13-01`, `25:00`), reading the text the author wrote.

    ## Why is this bad?
    Hugo fails the build or drops the date; Jekyll stops with an error; an impossible date that
    a lenient parser rolls over (to March 2nd) silently reorders the blog.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2025-02-30
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2025-02-28
    ---
    ```

    ## Fix safety
    No fix: the intended date is a guess.

    ## Known problems
    Accepts the ISO 8601/RFC 3339 forms YAML, TOML, Hugo and Jekyll share; Hugo's rarer layouts
    (such as RFC 1123 dates) are reported. On Jekyll sites a valid date and time followed by words
    Ruby's `Time.parse` skips (`2023-01-29 18:30:22 2023 -0800`) is accepted, as Jekyll reads it.
    """

    code = "FM020"
    name = "invalid-date"
    summary = "A front matter date cannot be read or does not exist."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        lenient = ctx.site.model.generator == "jekyll"
        for key, text, parsed in _dates(fm, self.options.keys, ctx):
            if not isinstance(parsed, DateProblem) or fm is None:
                continue
            head = _LEADING_DATE.match(text.strip())
            if lenient and head and _is_date(head.group()):
                continue  # Ruby's Time.parse, which Jekyll uses, reads the date at the start and skips the rest
            yield Violation(f"'{key}' value '{text}' {parsed}", locate(doc, fm, (key,)))


class FutureDate(Rule):
    """## What it does
    Reports a post that is not a draft but whose `date` (or `publishDate`) lies in the future.

    ## Why is this bad?
    Hugo and Jekyll silently leave future posts out of the build: the author merges the post
    and it does not appear.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2999-05-19
    draft: false
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2999-05-19
    draft: true
    ---
    ```

    ## Fix safety
    No fix: either the date or the draft flag is wrong, and only the author knows which.

    ## Options
    None.

    ## Known problems
    Sites built with `buildFuture = true` (Hugo) or `future: true` (Jekyll) publish such posts;
    turn the rule off there.
    """

    code = "FM021"
    reads_clock = True
    name = "future-date"
    summary = "A published post is dated in the future."
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        data = fm.mapping if fm else None
        if fm is None or data is None or _is_draft(data.get(ctx.key_as_written(data, "draft"))):
            return
        for key, text, parsed in _dates(fm, ("date", "publishDate"), ctx):
            if isinstance(parsed, ParsedDate) and _in_future(parsed, ctx):
                yield Violation(
                    f"'{key}' {text} is in the future and the post is not a draft: it will not be published "
                    "before then; fix the date or set 'draft: true'",
                    locate(doc, fm, (key,)),
                )


def _is_draft(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes"))


def _in_future(parsed: ParsedDate, ctx: Context) -> bool:
    if parsed.has_time:
        return parsed.moment > ctx.now
    return parsed.moment.date() > ctx.now.date()


class LastmodBeforeDate(Rule):
    """## What it does
    Reports a `lastmod` (or `last_modified_at`) earlier than the post's `date`.

    ## Why is this bad?
    A post cannot change before it is published: one of the two dates is a typo, and feeds and
    sitemaps show the wrong one.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    lastmod: 2023-05-20
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19
    lastmod: 2024-05-20
    ---
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## Known problems
    When either date has no time of day, the two are compared by day.
    """

    code = "FM022"
    name = "lastmod-before-date"
    summary = "The last-modified date is before the publication date."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        data = fm.mapping if fm else None
        date_key = ctx.key_as_written(data, "date")
        dates = {key: (text, parsed) for key, text, parsed in _dates(fm, ("date",) + _LASTMOD_KEYS, ctx)}
        if fm is None or date_key not in dates or not isinstance(dates[date_key][1], ParsedDate):
            return
        date_text, date = dates[date_key]
        for name in _LASTMOD_KEYS:
            key = ctx.key_as_written(data, name)
            text, parsed = dates.get(key, ("", None))
            if isinstance(parsed, ParsedDate) and parsed.before(date):  # type: ignore[arg-type]
                yield Violation(
                    f"'{key}' {text} is before 'date' {date_text}: a post cannot change before it is "
                    "published; correct one of the two dates",
                    locate(doc, fm, (key,)),
                )


class DateWithoutTimezone(Rule[DateKeys]):
    """## What it does
    Reports a date with a time of day but no time zone (`2024-05-19T10:30:00`).

    ## Why is this bad?
    The time is read in the site's time zone (UTC unless configured), which moves the post by
    hours when the site or the build machine changes zone, and can push it into the future.

    ## Example
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19T10:30:00
    ---
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes from the conference
    date: 2024-05-19T10:30:00+02:00
    ---
    ```

    ## Fix safety
    No fix: the zone the author meant is unknown.

    ## Known problems
    Off by default: many blogs deliberately rely on the site's time zone.
    """

    code = "FM023"
    name = "date-without-timezone"
    summary = "A date-time has no time zone."
    severity = Severity.WARNING
    default_enabled = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        fm = doc.front_matter
        for key, text, parsed in _dates(fm, self.options.keys, ctx):
            if isinstance(parsed, ParsedDate) and parsed.has_time and not parsed.has_zone and fm is not None:
                yield Violation(
                    f"'{key}' {text} has a time but no time zone: add 'Z' or an offset such as '+02:00'",
                    locate(doc, fm, (key,)),
                )


class DateFilenameMismatch(Rule):
    """## What it does
    Reports a post whose file name starts with a date (`2024-03-05-notes.md`, or a Hugo page
    bundle's folder) while its front matter `date` names another day. On Jekyll sites, for posts
    in `_posts/`; on Hugo sites, when `frontmatter.date` lists `:filename`. A date with a time
    zone is read in the site's `timezone` (Jekyll); where the site sets none, the build machine's
    zone decides, so only a day that neither the date as written nor UTC explains is reported.

    ## Why is this bad?
    The two disagree about when the post was published: the generator takes the URL's and the
    listing's day from one and the author reads the other, so a post renamed or re-dated by hand
    ends up under an unexpected day (Jekyll's `/:year/:month/:day/` URLs follow the front matter,
    Hugo's `:filename` source takes the name's day first when listed first).

    ## Example
    ```markdown
    ---
    title: Meetup recap
    date: 2024-03-12
    ---
    ```
    in `_posts/2024-03-05-meetup-recap.md`.

    ## Use instead
    ```markdown
    ---
    title: Meetup recap
    date: 2024-03-05
    ---
    ```
    or the file renamed to `2024-03-12-meetup-recap.md`.

    ## Fix safety
    No fix: which of the two days is right is the author's to say.

    ## Options
    None.

    ## Known problems
    Only `date` is compared, not `publishDate`; a date Jekyll reads leniently (words after the time)
    is compared by its leading date.
    """

    code = "FM024"
    name = "date-filename-mismatch"
    summary = "The front matter date names another day than the file name."

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        model = ctx.site.model
        if model.generator == "jekyll" and "_posts" not in doc.path.parts[:-1]:
            return
        named = model.filename_date(doc.path) if model.generator in ("jekyll", "hugo") else None
        fm = doc.front_matter
        if named is None or fm is None:
            return
        for key, text, parsed in _dates(fm, ("date",), ctx):
            lead = _LEADING_DATE.match(text) if model.generator == "jekyll" else None
            day = parsed if isinstance(parsed, ParsedDate) else _parsed(lead.group()) if lead else None
            days = _days(day, model.time_zone) if day is not None else {named}
            if named in days:
                continue
            shown = ""
            if len(days) == 1 and day is not None and day.has_zone and model.time_zone:
                shown = f" ({min(days).isoformat()} in the site's time zone, {model.time_zone})"
            yield Violation(f"'{key}' {text}{shown} names another day than the file name's {named.isoformat()}: "
                            "rename the file or correct the date, so that the two agree",
                            locate(doc, fm, (key,)))


def _parsed(text: str) -> ParsedDate | None:
    try:
        return parse_date(text)
    except DateProblem:
        return None


def _days(parsed: ParsedDate, zone: str | None) -> set[datetime.date]:
    """The days a date may fall on as the site reads it: in the site's zone when it has one and the date a
    zone; else as written, or (the build machine's zone being unknown) in UTC."""
    written = parsed.moment.date()
    if not parsed.has_zone:
        return {written}
    if zone is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - ~2 ms: only for a site with a time zone

        try:
            return {parsed.moment.astimezone(ZoneInfo(zone)).date()}
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a zone name the system does not know: as if none were set
    return {written, parsed.moment.astimezone(datetime.timezone.utc).date()}
