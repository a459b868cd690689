"""Where the orthography rules look: prose of Bengali posts, front-matter values included.

They skip code blocks, inline code, URLs and HTML comments, front-matter keys,
and every post whose language is not Bengali.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from postlint.document import Document
from postlint.language import post_language
from postlint.markdown import Context, block_map, context_at, front_matter_key_at
from postlint.rule import RuleContext
from postlint.rules.bengali.guard import marks_off_base

if TYPE_CHECKING:
    import regex

_LANGUAGE_MEMO = "bengali-post-language"


def applies(doc: Document, ctx: RuleContext) -> bool:
    """Whether the Bengali rules check this document at all."""
    if doc.text is None:
        return False
    return doc.memoised(_LANGUAGE_MEMO, lambda: post_language(doc, ctx)) == "bn"


def bengali_prose(doc: Document, ctx: RuleContext) -> bool:
    """Whether a Bengali post has any text beyond ASCII (the Bengali rules' `applies`: each looks for a
    Bengali or another non-ASCII character first)."""
    text = doc.text
    return text is not None and not text.isascii() and applies(doc, ctx)


def misplaced_marks(doc: Document, ctx: RuleContext) -> bool:
    """Whether a Bengali post has a mark off its usual base (the mark-order rules' `applies`)."""
    return bengali_prose(doc, ctx) and marks_off_base(doc)


def in_prose(doc: Document, offset: int) -> bool:
    """Whether the character at `offset` is text a reader sees: body prose or a front-matter value."""
    context = context_at(doc, offset, front_matter_urls=True)
    if context is Context.TEXT:
        return True
    if context is not Context.FRONT_MATTER:
        return False
    place = front_matter_key_at(doc, offset)
    return place is not None and not place[1]


def prose_matches(doc: Document, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
    """Matches of `pattern` over the whole text whose first character is in prose."""
    text = doc.text or ""
    for match in pattern.finditer(text):
        if in_prose(doc, match.start()):
            yield match


def is_heading_line(doc: Document, offset: int) -> bool:
    """Whether `offset` is on an ATX or setext heading of the body."""
    text = doc.text or ""
    line_start = text.rfind("\n", 0, offset) + 1
    headings = block_map(doc).headings
    return any(h.offset == line_start for h in headings)
