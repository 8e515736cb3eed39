"""Read front matter dates as the text the author wrote: what is a date, and what is not."""

from __future__ import annotations

import calendar
import datetime
import re
from typing import NamedTuple

_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?P<f>\.\d+)?)?)?"
    r"(?:[ \t]*(?P<tz>[Zz]|UTC|[+-]\d{2}(?::?\d{2})?))?"
)
EXAMPLE_FORMS = "2024-05-19, 2024-05-19T10:30:00Z or 2024-05-19 10:30:00+02:00"


class ParsedDate(NamedTuple):
    """A date as written: its moment (UTC when no zone was given) and which parts were written."""

    moment: datetime.datetime
    has_time: bool
    has_zone: bool

    def before(self, other: ParsedDate) -> bool:
        """Strictly earlier; a date without a time compares by day only."""
        if self.has_time and other.has_time:
            return self.moment < other.moment
        return self.moment.date() < other.moment.date()


class DateProblem(ValueError):
    """Why a text is not a date, in words for the author."""


def parse_date(text: str) -> ParsedDate:
    """Parse a front matter date, raising DateProblem with the reason when it is none."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise DateProblem(f"is not a date in a form site generators read (such as {EXAMPLE_FORMS})")
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if year < 1:
        raise DateProblem("is not a real date: there is no year 0")
    if not 1 <= month <= 12:
        raise DateProblem(f"is not a real date: there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateProblem(f"is not a real date: {calendar.month_name[month]} {year} has {days} days")
    hour, minute = int(match["H"] or 0), int(match["M"] or 0)
    second = int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 60:
        raise DateProblem(f"is not a real time of day: {match['H']}:{match['M']}")
    micro = int((match["f"] or ".0")[1:7].ljust(6, "0"))
    zone = _zone(match["tz"])
    moment = datetime.datetime(year, month, day, hour, minute, min(second, 59), micro, zone or datetime.timezone.utc)
    return ParsedDate(moment, match["H"] is not None, zone is not None)


def _zone(text: str | None) -> datetime.timezone | None:
    if text is None:
        return None
    if text in ("Z", "z", "UTC"):
        return datetime.timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise DateProblem(f"has an impossible time zone offset {text}")
    delta = datetime.timedelta(hours=hours, minutes=minutes)
    return datetime.timezone(-delta if text[0] == "-" else delta)
