"""GitLab Code Quality JSON (`artifacts: reports: codequality:`), one issue per finding.

Severities: error → `major`, warning → `minor`, info → `info`.

GitLab matches issues across pipelines by `fingerprint`, so it must not move when
lines are added above a finding. It is the SHA-256 of the path, the rule code, the
message with its digits blanked (some messages cite line numbers), the text of the
line the finding starts on (stripped), and which occurrence of those four in the
file this is. No line or column number goes in: editing other lines leaves it
alone, editing the finding's own line makes it a new issue.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Any, TextIO

from postlint.findings import Finding, Severity
from postlint.result import Result

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
_DIGITS = re.compile(r"\d+")


def fingerprints(result: Result) -> list[str]:
    """One fingerprint per finding of `result`, in order."""
    seen: Counter[str] = Counter()
    found = []
    for finding in result.findings:
        line = result.source_lines.get((finding.path, finding.span.start.line), "")
        key = "\0".join((finding.path, finding.code, _DIGITS.sub("#", finding.message), line.strip()))
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass"))
        found.append(digest.hexdigest())
    return found


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    start, end = finding.span.start, finding.span.end
    return {
        "description": f"{finding.code} {finding.message}",
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.path, "lines": {"begin": start.line, "end": end.line}},
    }


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    issues = [issue(f, fp) for f, fp in zip(result.findings, fingerprints(result), strict=True)]
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
