"""The built-in rules, registered through the `postlint.rules` entry point."""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules import bengali, dates, integrity, meta, problems, safety, schema_rules, slugs, structure

BUILTIN_RULES: tuple[AnyRule, ...] = (
    *problems.RULES,
    *schema_rules.RULES,
    *dates.RULES,
    *slugs.RULES,
    *safety.RULES,
    *integrity.RULES,
    *bengali.RULES,
    *structure.RULES,
    *meta.RULES,
)
