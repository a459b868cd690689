"""PL201 invalid-date."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.dates import EXAMPLES
from postlint.document import Document
from postlint.findings import Finding
from postlint.post_dates import date_value
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.dates.examples import CLEAN, post
from postlint.rules.schema_rules import schema_rejected

DATE_KEYS = ["date", "lastmod", "publishDate", "expiryDate", "pubDate", "updated", "created", "modified"]


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    data = doc.front_matter.data if doc.front_matter is not None else None
    if not data:
        return
    for key in ctx.options["keys"]:
        if key not in data:
            continue
        value = date_value(doc, key)
        if value is None or value.parsed is not None or schema_rejected(doc, ctx, (key,)):
            continue
        looks_like_date = value.text.strip()[:4].isdigit()
        what = "is not a day of the calendar" if looks_like_date else "is not a date"
        yield ctx.report(
            doc, value.start, value.end, f'`{key}` "{value.text}" {what}', f"write a date such as {EXAMPLES}"
        )


INVALID_DATE = Rule(
    code="PL201",
    name="invalid-date",
    summary="A date key holds text that is not a date, or a day that does not exist.",
    why="""
Site generators fail the build on a date they cannot read, or, worse, silently
use the file's modification time. `2025-02-30` and `2025-13-01` look like dates
but are not. Keys the schema already checks (as `post-date`) are reported by the
schema; this rule covers the other date keys (option `keys`).
""",
    bad=Example(post(publishDate="2025-02-30")),
    good=Example(CLEAN),
    options={"keys": DATE_KEYS},
    check=check,
)
