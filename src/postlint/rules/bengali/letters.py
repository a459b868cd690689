"""Bengali character classes and how findings show words.

The classes follow the catalogue's syllable model: a syllable is
``(C N? H)* C N? [ZWJ|ZWNJ]? VS? B?`` or an independent vowel followed by ``B?``.
"""

from __future__ import annotations

from postlint import ucd
from postlint.lazy import lazy_regex

CONSONANTS = "\u0995-\u09b9\u09dc\u09dd\u09df\u09f0\u09f1"
"""C: KA..HA, the precomposed RRA RHA YYA, and Assamese RA and WA."""
INDEPENDENT_VOWELS = "\u0985-\u098c\u098f\u0990\u0993\u0994\u09e0\u09e1"
VOWEL_SIGNS = "\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09e2\u09e3"
NUKTA = "\u09bc"
VIRAMA = "\u09cd"
CANDRABINDU = "\u0981"
SIGNS = "\u0981-\u0983"
"""B: candrabindu, anusvara, visarga."""
JOINERS = "\u200c\u200d"
DOTTED_CIRCLE = "\u25cc"
CITATION_BASES = "\u25cc\u00a0"
"""Bases on which a mark is cited on its own (`\u25cc\u09be`)."""
KHANDA_TA = "\u09ce"
A, E, YA = "\u0985", "\u098f", "\u09af"
AA_SIGN, E_SIGN, AU_LENGTH = "\u09be", "\u09c7", "\u09d7"

_CLASS = {
    "consonant": lazy_regex(f"[{CONSONANTS}]"),
    "vowel": lazy_regex(f"[{INDEPENDENT_VOWELS}]"),
    "vowel-sign": lazy_regex(f"[{VOWEL_SIGNS}]"),
    "sign": lazy_regex(f"[{SIGNS}]"),
}
_WORD_CHAR = lazy_regex(r"[\p{L}\p{M}\u200c\u200d\u25cc]")
_DEVANAGARI_ONLY = lazy_regex(r"(?V1)[\p{scx=Deva}--\p{scx=Beng}]")
MAX_WORD = 40


def is_class(char: str, name: str) -> bool:
    """Whether `char` (one character, or "" outside the text) is in the named class."""
    return bool(char) and _CLASS[name].fullmatch(char) is not None


def is_devanagari(char: str) -> bool:
    return bool(char) and _DEVANAGARI_ONLY.fullmatch(char) is not None


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the word (letters, marks, joiners) around text[start:end]."""
    left = start
    while left > 0 and start - left < MAX_WORD and _WORD_CHAR.match(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < MAX_WORD and _WORD_CHAR.match(text, right):
        right += 1
    return left, right


def quoted_word(text: str, start: int, end: int) -> str:
    """The word around text[start:end], quoted for a message."""
    left, right = word_span(text, start, end)
    return quote(text[left:right])


def word_with(text: str, start: int, end: int, replacement: str) -> str:
    """The word around text[start:end] with that part replaced: the spelling a hint proposes."""
    left, right = word_span(text, start, end)
    return text[left:start] + replacement + text[end:right]


def quote(word: str) -> str:
    """A word in backticks; a leading mark is shown on U+25CC so it does not attach to the backtick."""
    shown = word.strip()
    if shown and ucd.is_mark(shown[0]):
        shown = DOTTED_CIRCLE + shown
    return f"`{shown}`"
