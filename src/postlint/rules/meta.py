"""PL9xx: findings about postlint's own run."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.problems import CLEAN


def _engine_only(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Reported by the engine when another rule raises; never by itself."""
    return iter(())


RULE_CRASHED = Rule(
    code="PL901",
    name="rule-crashed",
    summary="A rule raised an exception on this file; its other findings for the file are missing.",
    why="""
A bug in one rule (built-in or plugin) must not stop the run or hide the other
rules' findings. The finding names the rule and the exception; please report it
to the rule's authors with the file that triggered it.
""",
    bad=None,
    good=Example(CLEAN),
    check=_engine_only,
)

RULES = (RULE_CRASHED,)
