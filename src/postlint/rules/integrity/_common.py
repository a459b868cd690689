"""Helpers the integrity rules share: an example text, code blocks, addresses."""

from __future__ import annotations

from postlint.document import Document
from postlint.markdown import Context, block_map, context_at, front_matter_key_at

GOOD_BENGALI = "আমরা বাংলায় লিখি। উৎসবের দিনে উদ্\u200cযাপন হবে, আর নতুন অ্যাপ দিয়ে র\u200d\u09cd\u09afাম্প পর্যন্ত সব খবর পাবেন।\n"
"""Correct Bengali with ৎ, explicit hasanta (উদ্‌যাপন), অ্যাপ and র‍্য (RA ZWJ VIRAMA YA); NFC."""

URL_KEYS = frozenset({"slug", "url", "aliases", "permalink", "canonical", "canonicalURL", "link"})
"""Front-matter keys whose values are addresses: rewriting them moves the page."""


def in_code_block(doc: Document, offset: int) -> bool:
    """Whether `offset` is in a fenced or indented code block.

    Beyond `markdown.block_map`, a line indented by four spaces or a tab also counts
    when it follows code: a whitespace-only line inside or after an indented block
    (trailing whitespace there is code's), and a line right after a closing fence.
    """
    text = doc.text or ""
    blocks = block_map(doc)
    if blocks.in_code(offset):
        return True
    line_start = text.rfind("\n", 0, offset) + 1
    while line_start > doc.body_start and text.startswith(("    ", "\t"), line_start):
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if blocks.in_code(previous):
            return True
        line_start = previous
    return False


def in_code(doc: Document, offset: int) -> bool:
    """Whether `offset` is in a code block (as `in_code_block` counts them) or in inline code."""
    return in_code_block(doc, offset) or context_at(doc, offset) is Context.INLINE_CODE


def is_address(doc: Document, offset: int) -> bool:
    """Whether `offset` is inside a URL or a front-matter value that is an address (slug, url)."""
    context = context_at(doc, offset)
    if context is Context.URL:
        return True
    if context is Context.FRONT_MATTER:
        key = front_matter_key_at(doc, offset)
        return key is not None and key[0] in URL_KEYS
    return False
