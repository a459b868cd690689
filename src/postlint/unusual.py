"""The characters of a post outside printable ASCII and Bengali: one scan, shared by the Unicode rules.

Posts are mostly ASCII and Bengali prose. What the Unicode rule families look for is
outside that: controls, invisible and bidirectional characters, private use (safety);
mojibake, Bijoy glyphs, characters NFC changes (integrity); foreign digits and
Devanagari letters (Bengali). One pattern finds all of them once per document
(memoised), so a clean file pays a single pass and each family tests the few
characters found instead of scanning the text again.

Bengali digits count as unusual (mixed-number looks for them); the danda and double
danda (U+0964, U+0965, in the Devanagari block) do not.
"""

from __future__ import annotations

from postlint.document import Document
from postlint.lazy import lazy_re

USUAL = "\t\n\r\x20-\x7e\u0980-\u09e5\u09f0-\u09ff\u0964\u0965"
"""The characters that are never unusual, as the body of a character class."""
_UNUSUAL = lazy_re(f"[^{USUAL}]")
_USUAL_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_MEMO = "unusual"
_MEMO_CHARS = "unusual-chars"

Hit = tuple[int, str]


def _scan(text: str) -> list[Hit]:
    if text.isascii() and not text.encode("ascii").translate(None, _USUAL_ASCII):
        return []  # deleting the usual bytes leaves nothing: faster than the pattern on ASCII
    return [(match.start(), match.group()) for match in _UNUSUAL.finditer(text)]


def unusual(doc: Document) -> list[Hit]:
    """Offset and character of every unusual character of the text, in order (memoised)."""
    found: list[Hit] | None = doc.memo.get(_MEMO)
    if found is None:
        found = doc.memo[_MEMO] = _scan(doc.text or "")
    return found


def unusual_chars(doc: Document) -> frozenset[str]:
    """The distinct unusual characters of the text (memoised)."""
    found: frozenset[str] | None = doc.memo.get(_MEMO_CHARS)
    if found is None:
        found = doc.memo[_MEMO_CHARS] = frozenset(char for _, char in unusual(doc))
    return found


def is_unusual(char: str) -> bool:
    return _UNUSUAL.match(char) is not None
