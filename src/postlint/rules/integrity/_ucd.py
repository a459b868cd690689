"""Typed access to unicodedata2 (a pinned UCD, the same on every Python), which ships no type stubs.

Move to a shared module, or replace with a mypy override for `unicodedata2`, once
the other Unicode rule packages need the same.
"""

from __future__ import annotations

import unicodedata2  # type: ignore[import-not-found, unused-ignore]

UNIDATA_VERSION: str = unicodedata2.unidata_version


def normalize(form: str, text: str) -> str:
    return str(unicodedata2.normalize(form, text))


def name(ch: str, default: str = "") -> str:
    return str(unicodedata2.name(ch, default))


def category(ch: str) -> str:
    return str(unicodedata2.category(ch))


def combining(ch: str) -> int:
    return int(unicodedata2.combining(ch))


def decomposition(ch: str) -> str:
    return str(unicodedata2.decomposition(ch))
