"""The slug of a post, with the offsets of its text inside the value as written; the examples' clean post."""

from __future__ import annotations

from typing import NamedTuple

from postlint.document import Document
from postlint.rules.examples import post

CLEAN = post(title='"স্লাগ ঠিক আছে"', slug="slugs-are-fine-2025-04-10", date="2025-04-10T23:30:00+06:00", tags="[slugs]")
"""The slug rules' clean example post; their bad ones change a line of it."""


class Slug(NamedTuple):
    text: str
    start: int
    end: int
    """Offsets of the slug's own text (inside any quotes)."""

    def offset_of(self, part: str) -> int:
        """Where `part` (the last occurrence) starts, as a document offset."""
        return self.start + self.text.rfind(part)


def slug_of(doc: Document) -> Slug | None:
    """The post's slug (memoised: four rules ask)."""
    if _MEMO not in doc.memo:
        doc.memo[_MEMO] = _slug_of(doc)
    found: Slug | None = doc.memo[_MEMO]
    return found


_MEMO = "slugs.slug"


def _slug_of(doc: Document) -> Slug | None:
    fm = doc.front_matter
    if fm is None or fm.data is None or doc.text is None:
        return None
    value = fm.data.get("slug")
    if not isinstance(value, str) or not value:
        return None
    start, end = fm.locate(("slug",))
    written = doc.text[start:end]
    inner = written.find(value)
    if inner == -1:  # escapes or folding changed the text: point at the whole value
        return Slug(value, start, start + len(value)) if written == value else Slug(value, start, start)
    return Slug(value, start + inner, start + inner + len(value))
