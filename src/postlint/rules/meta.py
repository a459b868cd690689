"""PL9xx: findings about postlint's own run."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import CLEAN


def _engine_only(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Reported by the engine when another rule raises; never by itself."""
    return iter(())


def _never(doc: Document, ctx: RuleContext) -> bool:
    return False


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
    applies=_never,
)


UNUSED_SUPPRESSION = Rule(
    code="PL902",
    name="unused-suppression",
    summary="An inline suppression silences nothing: the finding it was for is gone.",
    why="""
Suppressions outlive the problems they were written for. An idle one hides the
next real finding on that line, so it is reported, with a safe fix that removes
it (the whole comment line when nothing else is on it).
""",
    bad=Example(CLEAN + "\n<!-- postlint-disable-next-line PL102 -->\nMore text.\n"),
    good=Example(CLEAN),
    severity=Severity.WARNING,
    fixable=True,
    check=_engine_only,
    applies=_never,
)

INVALID_SUPPRESSION = Rule(
    code="PL903",
    name="invalid-suppression",
    summary="An inline suppression names no rule, or a rule that does not exist.",
    why="""
A suppression must say which rules it silences (`<!-- postlint-disable-next-line
PL301 -->`, `# postlint: ignore[slug-format]`), so that it cannot hide more than
it was written for. A misspelt code silences nothing.
""",
    bad=Example(CLEAN + "\n<!-- postlint-disable-next-line PL99X -->\nMore text.\n"),
    good=Example(CLEAN),
    severity=Severity.WARNING,
    check=_engine_only,
    applies=_never,
)

CHECK_DIED = Rule(
    code="PL904",
    name="check-died",
    summary="The worker process checking this file died; the file's findings are missing.",
    why="""
A large run is checked across processes. When one of them dies (killed from
outside, out of memory, or a crash in native code), the run goes on: the rest is
checked one file at a time, and the file a process dies on again is reported with
this finding instead of ending the run in a traceback. Check the file alone with
`--jobs 1`: if postlint itself dies on it, please report it with the file.
""",
    bad=None,
    good=Example(CLEAN),
    check=_engine_only,
    applies=_never,
)

RULES = (RULE_CRASHED, UNUSED_SUPPRESSION, INVALID_SUPPRESSION, CHECK_DIED)
