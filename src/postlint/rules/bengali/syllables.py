"""One pass over a post's Bengali syllables, shared by the five mark-order rules.

A compiled pattern finds the marks whose previous character is not their usual
base (rare in real text); only those are classified, once per document, so each
defect is reported by exactly one rule: a doubled mark is repeated-mark's, a mark
after a Devanagari letter is bn-devanagari-mix's, a decomposed two-part vowel
(E + AA) is not-nfc's, and a nukta after a virama is reordered by NFC.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.lazy import lazy_re
from postlint.rules.bengali import defects
from postlint.rules.bengali import letters as bn
from postlint.rules.bengali.defects import Defect
from postlint.rules.bengali.guard import OFF_BASE
from postlint.rules.bengali.scope import in_prose

_C, _N, _H, _VS, _B = bn.CONSONANTS, bn.NUKTA, bn.VIRAMA, bn.VOWEL_SIGNS, bn.SIGNS
# A mark is found first (the stdlib engine scans for its class), then one character
# back is looked at: a consonant carries every mark, which settles nearly all of them
# at once; the rest are tested per kind of mark. About 20 us for a 4 kB Bengali post,
# where a lookbehind-first pattern with `regex` takes 1 ms. The classes are explicit
# code points, so no Unicode database is involved.
_CANDIDATE = lazy_re(f"[{_VS}{_H}{_N}{_B}](?<![{_C}].){OFF_BASE}")
_VISARGA = "\u0983"
_DIGITS = "0123456789\u09e6\u09e7\u09e8\u09e9\u09ea\u09eb\u09ec\u09ed\u09ee\u09ef"
_MEMO = "bengali-syllable-defects"


def _has_base(text: str, i: int, mark: str) -> bool:
    """Whether the character before `i` (a citation base, a joiner after a letter, ...) can carry `mark`."""
    before = text[i - 1] if i else ""
    if (before and before in bn.CITATION_BASES) or bn.is_devanagari(before):
        return True
    if mark == _VISARGA and before and before in _DIGITS:
        return True  # visarga used as a colon after a number renders on its own (HarfBuzz: digits are bases)
    if before and before in bn.JOINERS and i >= 2:
        base = text[i - 2]
        if mark in bn.SIGNS and bn.is_class(base, "vowel-sign"):
            return True
        return bn.is_class(base, "consonant") or base == _N
    return False


def classify(text: str, i: int) -> Defect | None:
    """The defect of the mark at `i`, or None when it is fine here or another rule owns it."""
    mark = text[i]
    before = text[i - 1] if i else ""
    if before == mark or _has_base(text, i, mark):
        return None
    if mark == _N:
        if before == _H:
            return None
        return defects.nukta_after_sign(text, i) or defects.orphan(text, i)
    if bn.is_class(mark, "vowel-sign"):
        if bn.is_class(before, "vowel-sign"):
            return defects.after_vowel_sign(text, i)
        if bn.is_class(before, "vowel"):
            return defects.after_vowel(text, i)
        if before == bn.CANDRABINDU and i >= 2:
            base = text[i - 2]
            if bn.is_class(base, "consonant") or bn.is_class(base, "vowel") or base == _N:
                return defects.candrabindu_first(text, i)
    return defects.orphan(text, i)


def _scan(doc: Document) -> Iterator[Defect]:
    text = doc.text or ""
    covered = 0
    for match in _CANDIDATE.finditer(text):
        at = match.start()
        if at < covered or not in_prose(doc, at):
            continue
        defect = classify(text, at)
        if defect is not None:
            covered = defect.end
            yield defect


def syllable_defects(doc: Document) -> list[Defect]:
    """Every malformed syllable in the prose of `doc`, computed once per document."""
    return doc.memoised(_MEMO, lambda: list(_scan(doc)))
