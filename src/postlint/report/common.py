"""Small pieces several reporters share."""

from __future__ import annotations

from postlint.findings import Finding


def message_with_hint(finding: Finding) -> str:
    """The message, and the hint on a line of its own when there is one."""
    return f"{finding.message}\nhint: {finding.hint}" if finding.hint else finding.message
