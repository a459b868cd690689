"""Helpers shared by tests that write posts into a temporary tree."""

from __future__ import annotations

import re

SHARED_SLUG = "slug: hello-2025-04-10"


def unique_slug(name: str, content: str) -> str:
    """Give a post written as `name` its own slug (from the file name), so that posts
    written from one template never trip the duplicate-slug rule by accident; the
    tests of that rule write their duplicates without this helper."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-") or "post"
    return content.replace(SHARED_SLUG, f"slug: {stem}-2025-04-10")
