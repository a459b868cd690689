"""The outcome of a run, which reporters render and the exit code comes from."""

from __future__ import annotations

from dataclasses import dataclass, field

from postlint.findings import Finding, Severity
from postlint.rule import BaseRule


@dataclass
class Result:
    """What a run found, for the reporters and the exit code."""

    findings: list[Finding]
    files_checked: int
    rules: dict[str, BaseRule] = field(default_factory=dict)
    source_lines: dict[tuple[str, int], str] = field(default_factory=dict)
    """The text of each line a finding starts on, for reporters that show it."""
    fixed: int = 0
    """Findings fixed (written with --fix, or shown as a diff with --diff)."""
    diffs: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    """The display path of every checked file, findings or not (for per-file reports)."""

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    @property
    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.fix is not None and f.fix.safe)

    @property
    def unsafe_fixable(self) -> int:
        return sum(1 for f in self.findings if f.fix is not None and not f.fix.safe)

    def exit_code(self, strict: bool = False) -> int:
        failing = Severity.WARNING.rank if strict else Severity.ERROR.rank
        return 1 if any(f.severity.rank >= failing for f in self.findings) else 0
