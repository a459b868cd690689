"""What the safety rules share: one candidate scan, and where a hit is.

Most files are clean, so one compiled pattern finds every character any safety rule
cares about, once per document (memoised on `doc.memo`, and only among the unusual
characters that `postlint.unusual` found); each rule filters those hits, and only a
hit pays for its context (front-matter key, code block, slug). A file without any
hit does not run those rules at all (`has_candidates`, their `applies`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from postlint.charnames import visible
from postlint.document import Document
from postlint.lazy import lazy_re, lazy_regex
from postlint.markdown import Context, context_at, front_matter_key_at, front_matter_node_at
from postlint.rule import RuleContext
from postlint.unusual import unusual

_MEMO = "safety:candidates"
# Every character a safety rule looks at, written out (Cc, Co, Zs, Zl, Zp, Default_Ignorable_Code_Point,
# Noncharacter_Code_Point, Bidi_Control, U+00AD, less TAB LF CR SPACE): all stable by Unicode's policies,
# and stdlib `re` scans a literal class several times faster. A test checks it against the properties.
SCAN_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f"
    "\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ue000-\uf8ff\ufdd0-\ufdef\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufff8\ufffe\uffff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 14))
    + "\U000dfffe-\U000e0fff\U000efffe-\U0010ffff"
)
_SCAN = lazy_re(f"[{SCAN_CLASS}]")

SLUG_KEYS = frozenset({"slug", "url", "permalink", "aliases"})
TITLE_KEYS = frozenset({"title", "linkTitle", "seoTitle"})
TAG_KEYS = frozenset({"tags", "keywords", "categories", "series"})

_WORD = lazy_regex(r"[\p{L}\p{M}\p{Nd}]")
_SPACE = lazy_regex(r"\s")


def candidates(doc: Document) -> list[tuple[int, str]]:
    """Offsets and characters of every hit of the shared candidate pattern (memoised).

    Every candidate is an unusual character (`postlint.unusual`), so only the few
    characters that scan found are tested.
    """
    found: list[tuple[int, str]] | None = doc.memo.get(_MEMO)
    if found is None:
        found = doc.memo[_MEMO] = [(at, char) for at, char in unusual(doc) if _SCAN.match(char)]
    return found


def has_candidates(doc: Document, ctx: RuleContext) -> bool:
    """Whether any safety rule that filters the candidates can find anything (the rules' `applies`)."""
    return doc.text is not None and bool(candidates(doc))


def hits_of(doc: Document, wanted: Callable[[str], bool]) -> Iterator[tuple[int, str]]:
    if doc.text is None:
        return
    for offset, char in candidates(doc):
        if wanted(char):
            yield offset, char


def runs(hits: Iterator[tuple[int, str]]) -> Iterator[tuple[int, int]]:
    """Group adjacent hits into (start, end) runs."""
    start = end = -1
    for offset, _ in hits:
        if offset == end:
            end += 1
            continue
        if start >= 0:
            yield start, end
        start, end = offset, offset + 1
    if start >= 0:
        yield start, end


def is_word(char: str) -> bool:
    return bool(char) and _WORD.match(char) is not None


def is_space(char: str) -> bool:
    return bool(char) and _SPACE.match(char) is not None


class Place(NamedTuple):
    """Where an offset is: its Markdown context, and for front matter its top-level key."""

    context: Context
    key: str | None = None
    in_key: bool = False

    @property
    def in_front_matter(self) -> bool:
        return self.context is Context.FRONT_MATTER

    @property
    def is_slug(self) -> bool:
        return self.in_front_matter and not self.in_key and self.key in SLUG_KEYS

    @property
    def is_code(self) -> bool:
        return self.context.is_code

    @property
    def is_sensitive(self) -> bool:
        """Text a program or a URL reads: code, front-matter keys, slugs."""
        return self.is_code or self.in_key or self.is_slug

    @property
    def label(self) -> str:
        if self.in_front_matter:
            if self.key is None:
                return "the front matter"
            return f"the front-matter key `{visible(self.key)}`" if self.in_key else f"`{visible(self.key)}`"
        return {Context.CODE_BLOCK: "a code block", Context.INLINE_CODE: "inline code"}.get(self.context, "the text")


def place_at(doc: Document, offset: int) -> Place:
    context = context_at(doc, offset)
    if context is not Context.FRONT_MATTER:
        return Place(context)
    node = front_matter_node_at(doc, offset)
    if node is not None and node.is_key:
        return Place(context, str(node.pointer[0]), in_key=True)
    top = front_matter_key_at(doc, offset)
    return Place(context, None if top is None else top[0])
