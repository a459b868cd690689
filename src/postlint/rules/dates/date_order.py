"""PL202 date-order."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.post_dates import comparable, date_value
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.dates.examples import CLEAN, post

# (key, must it be strictly after `date`?)
_AFTER_DATE = (("lastmod", False), ("publishDate", False), ("expiryDate", True))


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    base = date_value(doc, "date")
    if base is None or base.parsed is None:
        return
    zone = ctx.services.get("timezone")
    for key, strict in _AFTER_DATE:
        other = date_value(doc, key)
        if other is None or other.parsed is None:
            continue
        later, first = comparable(other.parsed, base.parsed, zone)
        wrong = later <= first if strict else later < first
        if wrong:
            relation = "on or before" if strict else "before"
            yield ctx.report(
                doc,
                other.start,
                other.end,
                f"`{key}` ({other.text}) is {relation} `date` ({base.text})",
                f"check both dates; `{key}` must be {'after' if strict else 'on or after'} `date`",
            )


DATE_ORDER = Rule(
    code="PL202",
    name="date-order",
    summary="`lastmod` or `publishDate` is earlier than `date`, or `expiryDate` is not after it.",
    why="""
A post modified before it was written, or one that expires before it is dated,
is a typo in one of the two dates. Hugo hides a post whose `expiryDate` has
passed, so an `expiryDate` not after `date` means the post never shows.
Date-times compare in their own offsets (or the configured `timezone`); a date
without a time compares as a calendar day.
""",
    bad=Example(post(lastmod="2025-04-01")),
    good=Example(CLEAN),
    severity=Severity.WARNING,
    check=check,
)
