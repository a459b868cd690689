"""When two strings name the same thing: keys, tags and slugs compared the way people read them."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def squash_key(key: str) -> str:
    """`ShowToc`, `show_toc` and `show-toc` all become `showtoc`."""
    return key.replace("_", "").replace("-", "").casefold()


@lru_cache(maxsize=16384)
def identity_key(text: str) -> str:
    """NFC, case-folded, inner whitespace collapsed: `China`/`china`, য় as one code point or two."""
    if text.isascii():
        return " ".join(text.lower().split())  # ASCII is NFC, and folds as it lowers
    folded = unicodedata.normalize("NFC", text).casefold()
    return unicodedata.normalize("NFC", " ".join(folded.split()))
