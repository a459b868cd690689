"""Where text is not in NFC, for reasons other than the precomposed ড় ঢ় য় (see normalization.py).

Most text is NFC, and Bengali's া (U+09BE) makes `normalize` take its slow path on
every Bengali line, so a pattern finds the few lines where NFC may change
something and only those lines are normalized, cluster by cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from postlint import ucd
from postlint.document import Document, line_bounds
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import RuleContext
from postlint.rules.bengali.guard import marks_off_base
from postlint.unusual import unusual_chars

if TYPE_CHECKING:
    from postlint.rules.integrity._nfc_data import Ranges

NUKTA_LETTERS = {"\u09dc": "\u09a1\u09bc", "\u09dd": "\u09a2\u09bc", "\u09df": "\u09af\u09bc"}
_CLUSTER = lazy_regex(r"\X")

Place = tuple[int, int, str]
"""Start and end offsets of a piece of text, and what NFC makes of it."""


def _bmp_class(code_points: Iterable[int]) -> str:
    """A character class of the BMP code points (astral ones are nominated by one range below)."""
    return "".join(re.escape(chr(cp)) for cp in sorted(set(code_points)) if cp <= 0xFFFF)


def _expand(ranges: Ranges) -> Iterator[int]:
    for start, end in ranges:
        yield from range(start, end + 1)


@cache
def _code_points() -> tuple[list[int], list[int], list[int], list[int]]:
    """What NFC may change, from the NFC data (a large table, imported at the first use): the code
    points it never keeps but ড় ঢ় য়, the non-starters, and the first and second starters of pairs."""
    from postlint.rules.integrity._nfc_data import CHANGED, NON_STARTERS, STARTER_PAIRS

    changed = [cp for cp in _expand(CHANGED) if chr(cp) not in NUKTA_LETTERS]
    firsts = [first for _, firsts in STARTER_PAIRS for first in firsts]
    return changed, list(_expand(NON_STARTERS)), firsts, [second for second, _ in STARTER_PAIRS]


@cache
def _classes() -> tuple[str, str, str, str]:
    changed, non_starters, firsts, seconds = _code_points()
    return _bmp_class(changed), _bmp_class(non_starters), _bmp_class(firsts), _bmp_class(seconds)


_CANDIDATES = (
    lazy_re(lambda: f"[{_classes()[0]}\U00010000-\U0010ffff]"),
    lazy_re(lambda: "[{1}][{1}]".format(*_classes())),
    lazy_re(lambda: "[{2}][{3}]".format(*_classes())),
)
"""Where NFC may change a line: a character it never keeps (or any astral character: rare, and its
line is simply checked), two combining marks in a row, a pair that composes. Three patterns, each
led by one BMP character class, scan several times faster than one alternation."""


@cache
def candidate_chars() -> frozenset[str]:
    """Every BMP character a candidate pattern above names (the astral ones are nominated whole).
    Outside Bengali all of them are unusual characters (`postlint.unusual`)."""
    return frozenset(chr(cp) for cp in (cp for part in _code_points() for cp in part) if cp <= 0xFFFF)


def may_change(doc: Document, ctx: RuleContext) -> bool:
    """Whether NFC may change the text: the rule's `applies`, from the shared scans.

    A candidate pair of Bengali characters (two non-starters, ে + া) is a mark off its
    usual base (`marks_off_base`); any other candidate has an unusual character.
    """
    text = doc.text
    if not text or text.isascii():
        return False
    if marks_off_base(doc):
        return True
    chars = unusual_chars(doc)
    if not chars:
        return False  # most Bengali posts: no table to look anything up in
    candidates = candidate_chars()
    return any(char in candidates or char > "\uffff" for char in chars)


def _without_nukta_letters(text: str) -> str:
    for letter, sequence in NUKTA_LETTERS.items():
        text = text.replace(letter, sequence)
    return text


def _changes(text: str) -> bool:
    text = _without_nukta_letters(text)
    return not ucd.is_normalized("NFC", text)


def _candidate_lines(text: str) -> list[tuple[int, int]]:
    starts = {text.rfind("\n", 0, hit.start()) + 1 for pattern in _CANDIDATES for hit in pattern.finditer(text)}
    return [line_bounds(text, start) for start in sorted(starts)]


def not_nfc_places(text: str) -> list[Place]:
    """Grapheme clusters that NFC changes for a reason other than ড় ঢ় য়."""
    places: list[Place] = []
    if text.isascii():
        return places
    for line_start, line_end in _candidate_lines(text):
        if _changes(text[line_start:line_end]):
            for match in _CLUSTER.finditer(text, line_start, line_end):
                if _changes(match.group()):
                    places.append((match.start(), match.end(), ucd.normalize("NFC", match.group())))
    return places
