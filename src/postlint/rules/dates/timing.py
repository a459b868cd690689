"""PL203 date-without-offset and PL204 future-date (information for the writer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.post_dates import as_datetime, date_value
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.dates.examples import CLEAN, post

_MARGIN = dt.timedelta(days=3)
"""More than any UTC offset a date or a zone can carry (at most a day)."""


def offsetless(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.services.get("timezone"):
        return
    value = date_value(doc, "date")
    if value is None or value.parsed is None or value.parsed.time is None or value.parsed.has_offset:
        return
    yield ctx.report(
        doc,
        value.start,
        value.end,
        f"`date` {value.text} has a time but no offset; the site's time zone decides which day it is",
        'add an offset (+06:00), or set `timezone` (e.g. "Asia/Dhaka") in the postlint config',
    )


def future(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    value = date_value(doc, "date")
    if value is None or value.parsed is None:
        return
    now = dt.datetime.now(dt.UTC)
    if value.parsed.date <= now.date() - _MARGIN:
        return  # days ago in any offset or zone: most posts, decided without building the moment
    doc.cacheable = False  # the answer changes with the clock, not with the file
    moment = as_datetime(value.parsed, ctx.services.get("timezone"))
    if isinstance(moment, dt.datetime):
        is_future = moment > (now if moment.tzinfo is not None else now.replace(tzinfo=None))
    else:
        is_future = moment > now.date()
    if is_future:
        yield ctx.report(
            doc,
            value.start,
            value.end,
            f"`date` {value.text} is in the future: most generators do not publish the post until then",
            "expected for a scheduled post; otherwise correct the date",
        )


DATE_WITHOUT_OFFSET = Rule(
    code="PL203",
    name="date-without-offset",
    summary="A date-time has no UTC offset, so the site's time zone decides its day.",
    why="""
`2025-04-10T23:42:37` is the 10th in Dhaka and may be the 11th elsewhere: the
calendar day (and so a slug or URL built from it) depends on the build's time
zone. Add an offset, or set `timezone` in the config to say which zone the
site's offset-less dates are in (the rule is then silent).
""",
    bad=Example(post(date="2025-04-10T09:30:00")),
    good=Example(CLEAN),
    severity=Severity.INFO,
    check=offsetless,
)

FUTURE_DATE = Rule(
    code="PL204",
    name="future-date",
    summary="The post's date is in the future.",
    why="""
Hugo and Jekyll skip posts dated in the future unless told to build them, so a
mistyped year hides a post. A scheduled post is fine: this is information.
""",
    bad=Example(post(date="2999-01-01", slug="dates-are-fine-2999-01-01", lastmod="2999-01-02")),
    good=Example(CLEAN),
    severity=Severity.INFO,
    check=future,
)
