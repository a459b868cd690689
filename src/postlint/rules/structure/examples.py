"""Whole posts for the structure rules' documentation examples.

Every good example must be a complete post that no rule at all reports, so they
are built from one clean post with a few lines changed.
"""

from __future__ import annotations

from postlint.rules import examples

_FIELDS = {
    "title": '"চীনা ব্র্যান্ডের সাথে কাজ"',
    "slug": "chinese-brands-2025-04-10",
    "date": "2025-04-10",
    "tags": "[উইচ্যাট, চীন]",
    "showToc": "false",
}
_BODY = "বাংলাদেশের অনেক নির্মাতা এখন চীনা ব্র্যান্ডের সাথে কাজ করেন।\n"
HEADINGS = "## ভূমিকা\n\nপ্রথম অংশ।\n\n## শেষ কথা\n\nদ্বিতীয় অংশ।\n"


def post(body: str = _BODY, **fields: str) -> str:
    """The clean post with `fields` (raw YAML values; an empty string drops the key) replaced or added."""
    return examples.post(body, _FIELDS, **fields)
