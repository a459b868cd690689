"""Typed access to `unicodedata2`, the pinned UCD (the same on every Python version).

unicodedata2 ships no type stubs; this is the one place that says what it returns.
"""

from __future__ import annotations

import unicodedata2 as _ucd  # type: ignore[import-not-found, unused-ignore]


def name(char: str, default: str = "") -> str:
    return str(_ucd.name(char, default))


def category(char: str) -> str:
    return str(_ucd.category(char))


def combining(char: str) -> int:
    return int(_ucd.combining(char))


def digit(char: str) -> int:
    return int(_ucd.digit(char))
