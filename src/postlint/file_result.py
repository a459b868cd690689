"""What a run keeps of one checked file: small and cacheable — never the document (it crosses
from a worker process as `cache.Wire`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from postlint.findings import Finding
from postlint.rule import Fact
from postlint.suppress import Suppressions


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its findings (before suppressions), facts, suppressions and cache stamp."""

    display: str
    findings: list[Finding]
    """The document rules' findings, before inline suppressions are applied."""
    facts: Mapping[str, list[Fact]]
    suppressions: Suppressions
    lines: dict[int, str] = field(default_factory=dict)
    """The text of the lines that findings and facts start on, for reporters."""
    digest: str = ""
    fixed: int = 0
    diff: str | None = None
    stamp: tuple[int, int] | None = None
    """The size and modification time (ns) of the bytes checked; None when the result is
    not to be cached (an unreadable file, a post naming its own schema)."""

    @property
    def plain(self) -> bool:
        """Nothing but facts: no findings, suppressions, line texts, fixes (most files)."""
        sup = self.suppressions
        return not (self.findings or sup.entries or sup.malformed or self.lines or self.fixed or self.diff)
