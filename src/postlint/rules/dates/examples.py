"""A clean post for the date rules' examples, and a way to vary its front matter."""

from __future__ import annotations

from postlint.rules import examples

_FIELDS = {
    "title": '"তারিখ ঠিক আছে"',
    "slug": "dates-are-fine-2025-04-10",
    "date": "2025-04-10T09:30:00+06:00",
    "lastmod": "2025-04-12",
    "tags": "[dates]",
}


def post(**changes: str) -> str:
    """The clean post with front-matter lines replaced (`date=...`) or added before `showToc`."""
    return examples.post("Text.\n", {**_FIELDS, **changes, "showToc": "false"})


CLEAN = post()
