"""One scan for Bengali marks off their usual base, shared by every rule about marks.

In clean Bengali nearly every mark follows a consonant, and the few that do not are
the usual pairs (`াং`, `়ে`). One pattern, led by the mark class, finds the others:
the syllable rules' candidates (PL501-PL505), a doubled mark, a nukta after ড় ঢ় য় or
one of them doubled (repeated-mark), and the Bengali pairs that NFC reorders or
composes (not-nfc). A post where it finds nothing (most posts) skips those rules'
own scans; where it finds something, each rule runs in full, so the pattern only has
to find a superset (a test checks it on generated text).
"""

from __future__ import annotations

from postlint.document import Document
from postlint.lazy import lazy_re
from postlint.rules.bengali import letters as bn

OFF_BASE = (
    f"(?:(?<=[{bn.VOWEL_SIGNS}])(?<![{bn.NUKTA}][{bn.VOWEL_SIGNS}])"
    f"|(?<={bn.VIRAMA})(?<![{bn.NUKTA}{bn.A}{bn.E}]{bn.VIRAMA})|(?<=[{bn.A}{bn.E}]{bn.VIRAMA})(?!{bn.YA})"
    f"|(?<={bn.NUKTA})"
    f"|(?<=[{bn.SIGNS}])(?<![{bn.NUKTA}{bn.INDEPENDENT_VOWELS}{bn.VOWEL_SIGNS}{bn.SIGNS}][{bn.SIGNS}]))"
)
"""After a mark whose previous character is not a consonant: the marks a syllable cannot carry there."""

_PRECOMPOSED = "\u09dc\u09dd\u09df"
_OTHER_CONSONANTS = "\u0995-\u09b9\u09f0\u09f1"
"""The consonants but ড় ঢ় য় (together, `letters.CONSONANTS`)."""
_NON_STARTERS = "\u09bc\u09cd\u09fe"
"""The Bengali characters with a non-zero canonical combining class (two in a row may be reordered)."""
_COMPOSING = ("\u09c7", "\u09be\u09d7")
"""The Bengali starters NFC composes with the one before them (ে + া = ো, ে + ৗ = ৌ)."""
_MARKS = f"{bn.VOWEL_SIGNS}{bn.VIRAMA}{bn.NUKTA}{bn.SIGNS}\u09fe{_PRECOMPOSED}"
_GUARD = lazy_re(
    f"[{_MARKS}](?<![{_OTHER_CONSONANTS}].)"
    f"(?:(?<![{_PRECOMPOSED}].)(?:{OFF_BASE}|(?<=[{bn.SIGNS}][{bn.SIGNS}])|(?<=[{_NON_STARTERS}][{_NON_STARTERS}])"
    f"|(?<=[{_COMPOSING[0]}][{_COMPOSING[1]}]))|(?<={bn.NUKTA})|(?<=\u09dc\u09dc|\u09dd\u09dd|\u09df\u09df))"
)
_MEMO = "bengali-marks-off-base"


def marks_off_base(doc: Document) -> bool:
    """Whether a Bengali mark anywhere in the text is not on its usual base, or ড় ঢ় য় is doubled (memoised)."""
    found: bool | None = doc.memo.get(_MEMO)
    if found is None:
        text = doc.text or ""
        found = doc.memo[_MEMO] = not text.isascii() and _GUARD.search(text) is not None
    return found
