"""A post's dates as rules need them: front-matter values with spans, and dates in paths."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from postlint.dates import PostDate, parse_post_date
from postlint.document import Document
from postlint.lazy import lazy_re

_DATED_NAME = lazy_re(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:-|$)")
_DATED_FOLDERS = lazy_re(r"(?:^|/)(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})(?:/|$)")


class DateValue(NamedTuple):
    """A front-matter date: its key, the text as written, its parse, and its span."""

    key: str
    text: str
    parsed: PostDate | None
    start: int
    end: int


def date_value(doc: Document, key: str) -> DateValue | None:
    """The value of `key` when it is a string (a date as written), else None; worked out once per
    document (a dozen rules ask, most for the same few keys)."""
    memo: dict[str, DateValue | None] | None = doc.memo.get(_MEMO)
    if memo is None:
        memo = doc.memo[_MEMO] = {}
    elif key in memo:
        return memo[key]
    found = None
    fm = doc.front_matter
    value = fm.data.get(key) if fm is not None and fm.data is not None else None
    if fm is not None and isinstance(value, str):
        start, end = fm.locate((key,))
        found = DateValue(key, value, parse_post_date(value), start, end)
    memo[key] = found
    return found


_MEMO = "dates"


def _day(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def path_date(relative: str) -> dt.date | None:
    """The date a path carries: `_posts/2025-04-10-x.md`, `2025-04-10-x/index.md`, `2025/04/10/x.md`."""
    parts = relative.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    name = parts[-2] if stem in ("index", "_index") and len(parts) > 1 else stem
    dated = _DATED_NAME.match(name)
    if dated is not None:
        return _day(dated)
    folders = _DATED_FOLDERS.search("/".join(parts[:-1]) + "/")
    return _day(folders) if folders is not None else None


def as_datetime(date: PostDate, zone: str | None) -> dt.datetime | dt.date:
    """A comparable value: aware when the date has an offset or the site a zone."""
    if date.time is None:
        return date.date
    moment = dt.datetime.combine(date.date, date.time)
    if date.offset is not None:
        return moment.replace(tzinfo=dt.timezone(date.offset))
    if not zone:
        return moment
    from zoneinfo import ZoneInfo  # only sites that configure a zone need it

    return moment.replace(tzinfo=ZoneInfo(zone))


def comparable(a: PostDate, b: PostDate, zone: str | None) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Two dates brought to a common kind: calendar days when either has no time or
    when one is aware and the other naive; otherwise date-times."""
    left, right = as_datetime(a, zone), as_datetime(b, zone)
    if not isinstance(left, dt.datetime) or not isinstance(right, dt.datetime):
        return a.date, b.date
    if (left.tzinfo is None) != (right.tzinfo is None):
        return left.replace(tzinfo=None), right.replace(tzinfo=None)
    return left, right
