"""Typed access to `unicodedata2`, the pinned Unicode Character Database (the same on every Python).

unicodedata2 ships no type stubs; this is the one module that imports it and says
what its functions return. Rules use it instead of the standard library's
`unicodedata`, whose data depends on the Python version.
"""

from __future__ import annotations

from typing import Literal

import unicodedata2 as _ucd  # type: ignore[import-not-found, unused-ignore]

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

UNIDATA_VERSION: str = _ucd.unidata_version


def name(char: str, default: str = "") -> str:
    """The character's Unicode name, or `default` when it has none (controls, unassigned code points)."""
    return str(_ucd.name(char, default))


def category(char: str) -> str:
    """The two-letter General_Category (`Lo`, `Mn`, `Cc`...)."""
    return str(_ucd.category(char))


def is_mark(char: str) -> bool:
    """Whether the character is a combining mark (General_Category M*)."""
    return category(char).startswith("M")


def combining(char: str) -> int:
    """The canonical combining class (9 for a virama)."""
    return int(_ucd.combining(char))


def digit(char: str) -> int:
    """The digit value of a decimal digit of any script; ValueError for anything else."""
    return int(_ucd.digit(char))


def decomposition(char: str) -> str:
    return str(_ucd.decomposition(char))


def normalize(form: Form, text: str) -> str:
    return str(_ucd.normalize(form, text))


def is_normalized(form: Form, text: str) -> bool:
    return normalize(form, text) == text
