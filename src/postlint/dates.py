"""One parser for the dates real sites write in front matter."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from postlint.lazy import lazy_re

_DATE = lazy_re(
    r"""\s*(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})
    (?:[Tt\ ][\ ]*(?P<hour>\d{1,2}):(?P<minute>\d{2})
        (?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?
        [\ ]*(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?
    )?\s*\Z""",
    re.VERBOSE,
)

_ISO = lazy_re(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})([+-])([0-9]{2}):([0-9]{2}))?")
"""The two forms most posts write (`2025-04-10`, `2025-04-10T23:42:37+06:00`): read without
`_DATE`'s named groups, to the same result."""

EXAMPLES = "2025-04-10, 2025-04-10T23:42:37+06:00 or 2009-12-25 10:41:06 +0000"


class PostDate(NamedTuple):
    """A date as written: its calendar day in its own offset, and that offset if any."""

    date: dt.date
    time: dt.time | None
    offset: dt.timedelta | None

    @property
    def has_offset(self) -> bool:
        return self.offset is not None


def _offset(zone: str | None) -> dt.timedelta | None:
    if zone is None:
        return None
    if zone in "Zz":
        return dt.timedelta(0)
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(zone)
    sign = -1 if zone[0] == "-" else 1
    return sign * dt.timedelta(hours=hours, minutes=minutes)


@lru_cache(maxsize=1024)
def parse_post_date(text: str) -> PostDate | None:
    """Parse `text`; None when it is not a date or not a real calendar day."""
    iso = _ISO.fullmatch(text)
    if iso is not None:
        return _parse_iso(iso)
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        time = None
        if match["hour"] is not None:
            fraction = (match["fraction"] or "").ljust(6, "0")[:6]
            time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0), int(fraction))
        return PostDate(day, time, _offset(match["zone"]))
    except ValueError:
        return None


def _parse_iso(iso: re.Match[str]) -> PostDate | None:
    year, month, day, hour, minute, second, sign, hours, minutes = iso.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
        if hour is None:
            return PostDate(date, None, None)
        offset = _iso_offset(sign, hours, minutes)
        if offset is None:
            return None
        return PostDate(date, dt.time(int(hour), int(minute), int(second)), offset)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _iso_offset(sign: str, hours: str, minutes: str) -> dt.timedelta | None:
    """`+06:00` as a timedelta (None when out of range); a site writes the same few offsets."""
    if int(hours) > 23 or int(minutes) > 59:
        return None
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
    return -offset if sign == "-" else offset


def is_post_date(value: object) -> bool:
    return isinstance(value, str) and parse_post_date(value) is not None
