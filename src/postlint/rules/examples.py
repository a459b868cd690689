"""Whole posts for the rules' documentation examples: one builder, one clean post.

A good example must be a post that no rule at all reports, so every example is a
clean front matter with a few lines changed, and a body.
"""

from __future__ import annotations

from collections.abc import Mapping

FIELDS: Mapping[str, str] = {
    "title": "Hello",
    "slug": "hello-2025-04-10",
    "date": "2025-04-10",
    "tags": "[news]",
    "showToc": "false",
}
"""A front matter that is valid under the default schema (raw YAML values)."""


def post(body: str = "Text.\n", fields: Mapping[str, str] = FIELDS, **changes: str) -> str:
    """`fields` with `changes` as YAML front matter, then `body`.

    A change replaces its key's line in place or adds a line at the end; an empty
    value drops the key. Keys are written as given: `show_toc="true"` is `show_toc: true`.
    """
    values = {**fields, **changes}
    front = "".join(f"{key}: {value}\n" for key, value in values.items() if value)
    return f"---\n{front}---\n\n{body}"


CLEAN = post()
"""A post no rule reports."""
