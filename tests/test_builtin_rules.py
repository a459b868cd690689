"""The registry's table of the built-in rules (`postlint.builtin_rules`) matches the rules."""

from __future__ import annotations

from typing import cast

from postlint import builtin_rules
from postlint.builtin_rules import TABLE, LazyRule, entry
from postlint.registry import load_registry
from postlint.rule import CorpusRule, Rule
from postlint.rules import BUILTIN_RULES


def test_the_table_matches_the_rules() -> None:
    expected = tuple(entry(rule) for rule in BUILTIN_RULES)
    if expected != TABLE:
        rows = "\n".join(f"    {row!r}," for row in expected)
        raise AssertionError(f"postlint/builtin_rules.py is stale; its TABLE should read:\n{rows}")


def test_the_registry_holds_stand_ins_that_pass_as_the_rules() -> None:
    registry = load_registry()
    real = {rule.code: rule for rule in BUILTIN_RULES}
    for rule in registry.rules:
        if registry.origin[rule.code] != "postlint":
            continue
        assert type(rule).__name__ == "LazyRule"  # what it is, whatever `__class__` says
        assert isinstance(rule, CorpusRule) is isinstance(real[rule.code], CorpusRule)
        assert isinstance(rule, Rule) is isinstance(real[rule.code], Rule)
        assert (rule.code, rule.name, rule.severity, dict(rule.options)) == (
            real[rule.code].code,
            real[rule.code].name,
            real[rule.code].severity,
            dict(real[rule.code].options),
        )
        assert rule.summary == real[rule.code].summary  # asked of the rule itself
        assert cast(LazyRule, rule).resolve() is real[rule.code]


def test_a_stand_in_asked_for_its_check_gives_the_rules_own_function() -> None:
    stand_in = LazyRule(entry(BUILTIN_RULES[0]))
    assert stand_in._rule is None
    checked = stand_in.collect if isinstance(stand_in, CorpusRule) else stand_in.check
    rule = BUILTIN_RULES[0]
    assert checked is (rule.collect if isinstance(rule, CorpusRule) else rule.check)
    assert stand_in._rule is rule
    assert repr(stand_in) == f"LazyRule({rule.code} {rule.name})"
    assert builtin_rules.RULES[0].code == rule.code
