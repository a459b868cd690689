"""GitHub Actions workflow commands: one annotation per finding.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message`, with
`notice` for info and `warning` for warning findings. GitHub reads these lines from
a step's output and shows them on the pull request's changed lines. Columns are
postlint's (code points).
"""

from __future__ import annotations

from typing import TextIO

from postlint.findings import Finding, Severity
from postlint.report.common import message_with_hint
from postlint.result import Result

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    """Escape a command's message (after `::`)."""
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    """Escape a property value (`file=`, `title=`): also `:` and `,`, which end it."""
    return text.translate(_PROPERTY)


def annotation(finding: Finding) -> str:
    start, end = finding.span.start, finding.span.end
    properties = {
        "file": finding.path,
        "line": start.line,
        "col": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "title": f"{finding.code} {finding.name}",
    }
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {shown}::{escape_data(message_with_hint(finding))}"


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    for finding in result.findings:
        stream.write(annotation(finding) + "\n")
