"""safety rules (being written)."""

from __future__ import annotations

from postlint.rule import AnyRule

RULES: tuple[AnyRule, ...] = ()
