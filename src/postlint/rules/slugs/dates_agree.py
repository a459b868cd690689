"""PL211 slug-date-mismatch and PL212 path-date-mismatch."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from postlint.document import Document
from postlint.findings import Finding, Fix
from postlint.post_dates import date_value, path_date
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.slugs.common import CLEAN, slug_of

SLUG_DATE = r"-(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"


def post_day(doc: Document) -> tuple[dt.date, str] | None:
    """The post's calendar day as written, and where it comes from."""
    value = date_value(doc, "date")
    if value is not None and value.parsed is not None:
        return value.parsed.date, f"`date` {value.text}"
    from_path = path_date(doc.relative_path)
    return (from_path, f"the path {doc.relative_path}") if from_path else None


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def slug_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    slug = slug_of(doc)
    day = post_day(doc)
    if slug is None or day is None:
        return
    match = _compiled(str(ctx.options["pattern"])).search(slug.text)
    if match is None:
        return
    written = match.group(0)[match.start("year") - match.start() :]
    try:
        carried = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        carried = None
    if carried == day[0]:
        return
    start = slug.start + match.start("year")
    end = slug.start + match.end("day")
    wanted = day[0].isoformat()
    fix = Fix.edit(start, end, wanted, f"change the slug's date to {wanted}", safe=False)
    yield ctx.report(
        doc,
        start,
        end,
        f"the slug ends in {written} but the post is dated {wanted} ({day[1]})",
        "the slug's date must be the calendar day of `date` as written, in its own offset; "
        "changing a published slug changes its URL",
        fix,
    )


def path_vs_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    from_path = path_date(doc.relative_path)
    value = date_value(doc, "date")
    if from_path is None or value is None or value.parsed is None or value.parsed.date == from_path:
        return
    yield ctx.report(
        doc,
        value.start,
        value.end,
        f"`date` {value.text} is not the day in the file's path ({from_path.isoformat()})",
        "Jekyll takes the date from `date` and the URL from the file name: make them agree",
    )


SLUG_DATE_MISMATCH = Rule(
    code="PL211",
    name="slug-date-mismatch",
    summary="The date at the end of the slug is not the post's date.",
    why="""
Sites that end slugs with the post's date (`...-2025-04-10`) publish a URL that
contradicts the post when the two disagree, usually after a post was re-dated.
The post's date is its calendar day as written, in its own offset:
`2025-04-11T01:30:00+06:00` is the 11th (comparing in UTC would say the 10th).
When the front matter has no date, a date in the path counts. Option `pattern`
(a regular expression with groups `year`, `month`, `day`) says where the slug
carries its date. The fix rewrites the slug's date; it changes a URL, so it is
unsafe.
""",
    bad=Example(CLEAN.replace("slugs-are-fine-2025-04-10", "slugs-are-fine-2025-04-09")),
    good=Example(CLEAN),
    options={"pattern": SLUG_DATE},
    fixable=True,
    check=slug_date,
)

PATH_DATE_MISMATCH = Rule(
    code="PL212",
    name="path-date-mismatch",
    summary="The file's path carries a date (`_posts/2025-04-10-x.md`, `2025/04/10/`) that is not the post's date.",
    why="""
Jekyll builds a post's URL from the date in its file name, and many trees file
posts by year, month and day. A `date` in the front matter that disagrees with
the path gives the post two dates: which one a reader sees depends on the page.
""",
    bad=Example(CLEAN, path="_posts/2025-04-09-slugs-are-fine.md"),
    good=Example(CLEAN),
    check=path_vs_date,
)
