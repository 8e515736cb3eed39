"""Whether a site publishes a page now: drafts, future-dated and expired pages are left out of the
build unless the site's configuration builds them (Hugo's ``buildDrafts``, ``buildFuture`` and
``buildExpired``; Jekyll's ``show_drafts``, ``future`` and ``unpublished``)."""

from __future__ import annotations

import datetime
from typing import Any, Literal, NamedTuple

from tripreport_lint.frontmatter.dates import DateProblem, ParsedDate, parse_date
from tripreport_lint.site.config_files import ConfigTable
from tripreport_lint.site.page_facts import PageFacts

# A date without a zone is read in the site's zone, which may be 14 hours ahead of UTC or 12 behind.
_AHEAD, _BEHIND = datetime.timedelta(hours=14), datetime.timedelta(hours=12)
HUGO_PUBLISH_KEYS = ("publishdate", "pubdate", "published", "date")  # Hugo's default publishDate sources
HUGO_EXPIRY_KEYS = ("expirydate", "unpublishdate")


class Publishing(NamedTuple):
    """Which unpublished pages the site builds all the same."""

    drafts: bool = False
    future: bool = False
    expired: bool = False
    unpublished: bool = False  # Jekyll: posts with `published: false`


def hugo_publishing(table: ConfigTable) -> Publishing:
    return Publishing(table.get("builddrafts") is True, table.get("buildfuture") is True,
                      table.get("buildexpired") is True)


def jekyll_publishing(table: ConfigTable) -> Publishing:
    return Publishing(table.get("show_drafts") is True, table.get("future") is True, False,
                      table.get("unpublished") is True)


class Unpublished(NamedTuple):
    """Why a page is not on the live site: ``draft``, ``future`` (until ``when``) or ``expired``."""

    reason: Literal["draft", "future", "expired"]
    said: str  # what says so: "draft: true", "date 2031-01-01", "the _drafts folder"
    when: ParsedDate | None = None


def unpublished_hugo(rules: Publishing, facts: PageFacts, now: datetime.datetime) -> Unpublished | None:
    """Why Hugo leaves a page out of the build now, or None when it publishes it (or cannot be sure)."""
    if not rules.drafts and (facts.get("draft") or "").strip().lower() == "true":
        return Unpublished("draft", "draft: true")
    publish = next(((key, text) for key in HUGO_PUBLISH_KEYS if (text := facts.get(key))), None)
    if not rules.future and publish is not None:
        when = _date(publish[1])
        if when is not None and _surely_future(when, now):
            return Unpublished("future", f"{publish[0]} {publish[1]}", when)
    expiry = next(((key, text) for key in HUGO_EXPIRY_KEYS if (text := facts.get(key))), None)
    if not rules.expired and expiry is not None:
        when = _date(expiry[1])
        if when is not None and _surely_past(when, now):
            return Unpublished("expired", f"{expiry[0]} {expiry[1]}", when)
    return None


def unpublished_jekyll(rules: Publishing, facts: PageFacts, parts: tuple[str, ...], given: dict[str, Any],
                       now: datetime.datetime) -> Unpublished | None:
    """Why Jekyll leaves a page at ``parts`` below the site root out of the build now, or None. ``given``:
    what the site's defaults and the file name supply."""
    if not rules.drafts and "_drafts" in parts[:-1]:
        return Unpublished("draft", "the _drafts folder")
    published = facts.get("published") or (str(given["published"]).lower() if "published" in given else None)
    if not rules.unpublished and (published or "").strip().lower() == "false":
        return Unpublished("draft", "published: false")
    date = facts.get("date") or (str(given["date"]) if "date" in given else None)
    if not rules.future and date is not None and "_posts" in parts[:-1]:
        when = _date(date)
        if when is not None and _surely_future(when, now):
            return Unpublished("future", f"date {date}", when)
    return None


def _date(text: str) -> ParsedDate | None:
    try:
        return parse_date(text)
    except DateProblem:
        return None


def _surely_future(date: ParsedDate, now: datetime.datetime) -> bool:
    """Whether ``date`` is after ``now`` in any zone the site may read a date without one in (a date
    without a time is its day's first moment)."""
    return date.moment > now if date.has_zone else date.moment - _AHEAD > now


def _surely_past(date: ParsedDate, now: datetime.datetime) -> bool:
    """Whether ``date`` is at or before ``now`` in any zone the site may read a date without one in."""
    return date.moment <= now if date.has_zone else date.moment + _BEHIND < now
