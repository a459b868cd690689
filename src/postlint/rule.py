"""What a rule is: declared metadata, documentation with examples, and a pure check.

Built-in and third-party rules are the same objects, registered through the
``postlint.rules`` entry-point group (see `postlint.registry`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity, Span


@dataclass(frozen=True, slots=True)
class Example:
    """A whole file (text or raw bytes), the options it is checked with, and its path."""

    content: str | bytes
    options: Mapping[str, Any] = field(default_factory=dict)
    path: str = "post.md"
    companions: Mapping[str, str] = field(default_factory=dict)
    """Other files of the tree (path → text), for rules across files."""


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a check receives besides the document: its rule, severity and options.

    `services` carries shared, read-only helpers of the run (the schema store).
    `configured` says whether the user set the rule's severity: then it wins over
    the severity a check chooses for one finding.
    """

    rule: BaseRule
    severity: Severity
    options: Mapping[str, Any]
    services: Mapping[str, Any] = field(default_factory=dict)
    configured: bool = False

    def finding(
        self,
        path: str,
        span: Span,
        message: str,
        hint: str | None = None,
        fix: Fix | None = None,
        *,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at the rule's severity; `severity` is the check's choice for this case, unless configured."""
        chosen = self.severity if severity is None or self.configured else severity
        rule = self.rule
        return Finding(path, rule.code, rule.name, chosen, message, span, hint, fix)

    def report(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        hint: str | None = None,
        fix: Fix | None = None,
        *,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at offsets `start`..`end` of the document's text."""
        span = doc.index.span(start, end)
        return self.finding(doc.display_path, span, message, hint, fix, severity=severity)


Applies = Callable[[Document, RuleContext], bool]
"""Whether a rule can find anything in a document at all (see `BaseRule.applies`)."""


@dataclass(frozen=True, kw_only=True)
class BaseRule:
    """Metadata every rule declares.

    `why` explains the hazard; `bad` must make the rule fire and `good` must not
    (a test runs both for every registered rule). `options` are the defaults of
    the rule's settings; config may override them and nothing else.
    """

    code: str
    name: str
    summary: str
    why: str
    bad: Example | None
    good: Example
    severity: Severity = Severity.ERROR
    options: Mapping[str, Any] = field(default_factory=dict)
    enabled_by_default: bool = True
    fixable: bool = False
    applies: Applies | None = None
    """A cheap test of the document: when it says False, the rule would find nothing there
    and is not run. Rules that share an input share the test (the same function); the
    engine asks each distinct test once per document, so it may depend on the document
    and the run's `services`, never on one rule's options."""

    @property
    def documentation(self) -> str:
        """The rule's documentation as Markdown (what `postlint explain` prints)."""
        parts = [f"# {self.code} {self.name}", "", self.summary, "", "## Why", "", self.why.strip()]
        for title, example in (("Bad", self.bad), ("Good", self.good)):
            if example is None or isinstance(example.content, bytes):
                continue
            fence = "`" * max(3, _longest_backtick_run(example.content) + 1)
            parts += ["", f"## {title}", "", f"{fence}markdown", example.content.rstrip("\n"), fence]
        if self.options:
            parts += ["", "## Options", ""]
            parts += [f"- `{key}` (default: `{value!r}`)" for key, value in self.options.items()]
        default = "on" if self.enabled_by_default else "off (opt in with `select`)"
        parts += ["", f"Default severity: {self.severity.value}. Enabled by default: {default}."]
        return "\n".join(parts) + "\n"


def _longest_backtick_run(text: str) -> int:
    """So that an example holding a code fence is fenced by a longer one."""
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


Check = Callable[[Document, RuleContext], Iterable[Finding]]


@dataclass(frozen=True, kw_only=True)
class Rule(BaseRule):
    """A rule that looks at one document at a time."""

    check: Check


class Fact(NamedTuple):
    """What a corpus rule keeps of one document: small, positioned, and sent between
    processes and kept in the cache as JSON text (see `cache.CachedFacts`).

    A tuple: a run creates one per tag and slug of every file, and a tuple is made
    three times faster than a frozen dataclass.
    """

    path: str
    value: Any
    span: Span


@dataclass(frozen=True, kw_only=True)
class CorpusRule(BaseRule):
    """A rule over the whole tree.

    `collect` takes the facts it needs from each document (never the document);
    `finish` sees the facts of every document and yields findings. The engine
    keeps only findings for the files that were asked for.
    """

    collect: Callable[[Document, RuleContext], Iterable[Fact]]
    finish: Callable[[Sequence[Fact], RuleContext], Iterable[Finding]]


AnyRule = Rule | CorpusRule
