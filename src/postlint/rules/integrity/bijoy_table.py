"""Bijoy (SutonnyMJ "ANSI") to Unicode: a small table and reordering, for suggestions only.

Bijoy text is Windows-1252 characters drawn with a Bengali font, typed in visual
order: pre-base vowel signs (ি ে ৈ) come before their consonant cluster and the
reph (র্) after it. The table is written for postlint from the SutonnyMJ glyph
layout (the catalogue's signature plus the font's common conjunct glyphs, keyed by
their Windows-1252 byte); it was cross-checked against bijoy2unicode 0.1.1 (MIT),
which is not a dependency: unmaintained since 2018, no tests, and its reverse
converter crashes on ordinary words. A segment with a character outside the table
gets no suggestion rather than a wrong one.
"""

from __future__ import annotations

from postlint import ucd
from postlint.lazy import lazy_re

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_`abcdefghijklmn"
_ASCII = dict(zip(_LETTERS, "অইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ", strict=True))
_ASCII.update(
    {"o": "\u09a1\u09bc", "p": "\u09a2\u09bc", "q": "\u09af\u09bc", "r": "ৎ", "s": "ং", "t": "ঃ", "u": "ঁ"}
    | {"v": "া", "w": "ি", "x": "ী", "y": "ু", "z": "ু", "~": "ূ", "|": "।", "&": "\u09cd\u200c", "^": "্ব"}
    | {str(digit): chr(0x09E6 + digit) for digit in range(10)}
)

# Vowel signs, conjuncts and half forms by Windows-1252 byte; 0xA9 is the reph.
_HIGH = {
    0x82: "ূ", 0x83: "ূ", 0x84: "ৃ", 0x85: "ৃ", 0x86: "ে", 0x87: "ে", 0x88: "ৈ", 0x89: "ৈ", 0x8A: "ৗ",
    0x8B: "্ক", 0x8C: "্ক্র", 0x91: "্তু", 0x92: "্থ", 0x93: "ু", 0x94: "চ্", 0x96: "ু", 0x97: "্ত", 0x98: "দ্",
    0x99: "দ্", 0x9A: "ন্", 0x9B: "ন্", 0x9C: "্ন", 0x9F: "্ব", 0xA1: "্ব", 0xA2: "্ভ", 0xA3: "্ভ্র", 0xA4: "ম্",
    0xA5: "্ম", 0xA6: "্ব", 0xA7: "্ম", 0xA8: "্য", 0xA9: "র্", 0xAA: "্র", 0xAB: "্র", 0xAC: "্ল", 0xAD: "্ল",
    0xAE: "ষ্", 0xAF: "স্", 0xB0: "ক্ক", 0xB1: "ক্ট", 0xB2: "ক্ষ্ম", 0xB3: "ক্ত", 0xB4: "ক্ম", 0xB5: "ক্র", 0xB6: "ক্ষ",
    0xB7: "ক্স", 0xB8: "গু", 0xB9: "জ্ঞ", 0xBA: "গ্দ", 0xBB: "গ্ধ", 0xBC: "ঙ্ক", 0xBD: "ঙ্গ", 0xBE: "জ্জ", 0xBF: "্ত্র",
    0xC0: "জ্ঝ", 0xC1: "জ্ঞ", 0xC2: "ঞ্চ", 0xC3: "ঞ্ছ", 0xC4: "ঞ্জ", 0xC5: "ঞ্ঝ", 0xC6: "ট্ট", 0xC7: "ড্ড", 0xC8: "ণ্ট",
    0xC9: "ণ্ঠ", 0xCA: "ণ্ড", 0xCB: "ত্ত", 0xCC: "ত্থ", 0xCD: "ত্ম", 0xCE: "ত্র", 0xCF: "দ্দ", 0xD0: "\u2013",
    0xD1: "\u2014", 0xD2: "\u201c", 0xD3: "\u201d", 0xD4: "\u2018", 0xD5: "\u2019", 0xD6: "্র", 0xD7: "দ্ধ",
    0xD8: "দ্ব", 0xD9: "দ্ম", 0xDA: "ন্ঠ", 0xDB: "ন্ড", 0xDC: "ন্ধ", 0xDD: "ন্স", 0xDE: "প্ট", 0xDF: "প্ত", 0xE0: "প্প",
    0xE1: "প্স", 0xE2: "ব্জ", 0xE3: "ব্দ", 0xE4: "ব্ধ", 0xE5: "ভ্র", 0xE6: "ম্ন", 0xE7: "ম্ফ", 0xE8: "্ন", 0xE9: "ল্ক",
    0xEA: "ল্গ", 0xEB: "ল্ট", 0xEC: "ল্ড", 0xED: "ল্প", 0xEE: "ল্ফ", 0xEF: "শু", 0xF0: "শ্চ", 0xF1: "শ্ছ", 0xF2: "ষ্ণ",
    0xF3: "ষ্ট", 0xF4: "ষ্ঠ", 0xF5: "ষ্ফ", 0xF6: "স্খ", 0xF7: "স্ট", 0xF8: "স্ন", 0xF9: "স্ফ", 0xFA: "্প", 0xFB: "হু",
    0xFC: "হৃ", 0xFD: "হ্ন", 0xFE: "হ্ম",
}  # fmt: skip

TABLE: dict[str, str] = {**_ASCII, **{bytes([byte]).decode("cp1252"): text for byte, text in _HIGH.items()}}
"""Every Bijoy character postlint knows, mapped to Unicode in visual (typed) order."""

GLYPHS = frozenset(ch for ch in TABLE if not ch.isascii())
"""The non-ASCII Bijoy characters: inside ASCII words they are Bijoy's signature."""

_NEUTRAL = frozenset(" \t,.;:!?'\"()[]{}-/%+=*#@<>$\u00a0")
_KNOWN = frozenset(TABLE) | _NEUTRAL

_CONSONANT = "[\u0995-\u09b9\u09ce]\u09bc?"
_CLUSTER = f"(?:{_CONSONANT}\u200d?\u09cd)*{_CONSONANT}"
_VOWEL_SIGN = "(?:\u09c7[\u09be\u09d7]|[\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7])"
_PRE_BASE = lazy_re(f"([\u09bf\u09c7\u09c8])({_CLUSTER})")
# A cluster starts only where no virama (or virama + ZWJ) precedes it, and its conjunct
# part is taken whole: one pass over a long run of conjuncts, not one per letter.
_REPH = lazy_re(f"(?<![\u09cd\u200d])((?:{_CONSONANT}\u200d?\u09cd)*+{_CONSONANT})({_VOWEL_SIGN}?)\u09b0\u09cd")
_CANDRABINDU = lazy_re(f"\u0981({_VOWEL_SIGN})")


def convertible(segment: str) -> bool:
    """Whether every character of `segment` is in the table or is neutral punctuation."""
    return _KNOWN.issuperset(segment)


def bijoy_to_unicode(segment: str) -> str:
    """The Unicode (NFC) reading of a Bijoy segment; call `convertible` first."""
    # "i¨" is র‍্য (RA ZWJ VIRAMA YA), not a reph over য.
    segment = segment.replace("i\u00a8", "\u09b0\u200d\u09cd\u09af")
    visual = "".join(TABLE.get(ch, ch) for ch in segment).replace("\u09cd\u09cd", "\u09cd")
    logical = _PRE_BASE.sub(r"\2\1", visual)
    logical = _REPH.sub("\u09b0\u09cd\\1\\2", logical)
    logical = _CANDRABINDU.sub("\\1\u0981", logical).replace("অা", "আ")
    return ucd.normalize("NFC", logical)
