"""Helpers the integrity rules share: example posts, code-point names, snippets, code blocks."""

from __future__ import annotations

from postlint.document import Document
from postlint.markdown import Context, block_map, context_at, front_matter_key_at
from postlint.rules.integrity import _ucd

GOOD_BENGALI = "আমরা বাংলায় লিখি। উৎসবের দিনে উদ্\u200cযাপন হবে, আর নতুন অ্যাপ দিয়ে র\u200d\u09cd\u09afাম্প পর্যন্ত সব খবর পাবেন।\n"
"""Correct Bengali with ৎ, explicit hasanta (উদ্‌যাপন), অ্যাপ and র‍্য (RA ZWJ VIRAMA YA); NFC."""

URL_KEYS = frozenset({"slug", "url", "aliases", "permalink", "canonical", "canonicalURL", "link"})
"""Front-matter keys whose values are addresses: rewriting them moves the page."""


def post(body: str, title: str = "Hello", slug: str = "hello-2025-04-10", extra: str = "") -> str:
    """A whole post that is valid under the default schema, with `body` after the front matter."""
    return f"---\ntitle: {title}\nslug: {slug}\ndate: 2025-04-10\ntags: [news]\nshowToc: false\n{extra}---\n\n{body}"


def name(ch: str) -> str:
    """`U+09DF BENGALI LETTER YYA`."""
    cp = ord(ch)
    label = _ucd.name(ch, "") or {0x0D: "CARRIAGE RETURN", 0x09: "CHARACTER TABULATION"}.get(cp, "")
    return f"U+{cp:04X} {label}".rstrip()


def code_points(text: str) -> str:
    """`U+09AF U+09BC`."""
    return " ".join(f"U+{ord(ch):04X}" for ch in text)


def visible(text: str) -> str:
    """`text` with invisible and control characters spelled as <U+XXXX>, for messages."""
    out = []
    for ch in text:
        category = _ucd.category(ch)
        out.append(f"<U+{ord(ch):04X}>" if category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs") else ch)
    return "".join(out)


def snippet(text: str, start: int, end: int, limit: int = 40) -> str:
    """The text from `start` to `end`, cut to `limit` characters, for messages."""
    piece = text[start:end]
    return visible(piece if len(piece) <= limit else piece[: limit - 1] + "\u2026")


def in_code_block(doc: Document, offset: int) -> bool:
    """Whether `offset` is in a fenced or indented code block.

    `markdown.block_map` marks only the first line of an indented code block; the
    lines that continue it (indented, after a code line) are code too.
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


def is_address(doc: Document, offset: int) -> bool:
    """Whether `offset` is inside a URL or a front-matter value that is an address (slug, url)."""
    context = context_at(doc, offset)
    if context is Context.URL:
        return True
    if context is Context.FRONT_MATTER:
        key = front_matter_key_at(doc, offset)
        return key is not None and key[0] in URL_KEYS
    return False
