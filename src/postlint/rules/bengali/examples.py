"""Whole posts for the Bengali rules' documentation: one clean post, and a builder for bad ones.

Every Bengali character is written as an escape, so the exact code points are visible.
"""

from __future__ import annotations

from postlint.rule import Example
from postlint.rules.examples import post

SLUG = "bangla-banan-2025-04-10"
PATH = f"content/{SLUG}.md"
"""Where the examples are checked: a file name that agrees with the slug."""
TITLE = "\u09ac\u09be\u0982\u09b2\u09be \u09ac\u09be\u09a8\u09be\u09a8"
"""The title "Bengali spelling"."""
_FIELDS = {"title": f'"{TITLE}"', "slug": SLUG, "date": "2025-04-10", "tags": "[bangla]", "showToc": "false"}


def bad(body: str) -> Example:
    """A post whose body is the line `body`."""
    return Example(post(body + "\n", _FIELDS), path=PATH)


_GOOD_BODY = (
    # r-ZWJ-virama-ya (rab), explicit hasanta with ZWNJ (udyapan), khanda ta (utsab), a-virama-ya (app).
    "\u09b0\u200d\u09cd\u09af\u09be\u09ac, \u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8, "
    "\u0989\u09ce\u09b8\u09ac \u0986\u09b0 \u0985\u09cd\u09af\u09be\u09aa \u09a0\u09bf\u0995 "
    "\u09b2\u09c7\u0996\u09be\u0964\n\n"
    # chand, pounchhano, the nukta letter yya written decomposed (ray), visarga (dah).
    "\u099a\u09be\u0981\u09a6\u09c7 \u09aa\u09cc\u0981\u099b\u09be\u09a8\u09cb "
    "\u09b8\u09b9\u099c \u09a8\u09af\u09bc, \u09ac\u09b2\u09c7\u099b\u09c7\u09a8 "
    "\u09a1\u09be\u0983 \u09b0\u09be\u09af\u09bc\u0964\n\n"
    # A vowel sign cited on a dotted circle, and a table whose pipes are not dandas.
    "\u0986-\u0995\u09be\u09b0 (\u25cc\u09be) \u098f\u0995\u099f\u09bf \u099a\u09bf\u09b9\u09cd\u09a8\u0964\n\n"
    "| \u09b6\u09ac\u09cd\u09a6 | \u0985\u09b0\u09cd\u09a5 |\n| --- | --- |\n| \u099a\u09be\u0981\u09a6 | moon |\n"
)

GOOD = Example(
    post(_GOOD_BODY, _FIELDS, description='"\u09ac\u09be\u0982\u09b2\u09be \u09ac\u09be\u09a8\u09be\u09a8 | postlint"'),
    path=PATH,
)
"""A post in correct Bengali that no rule reports."""
