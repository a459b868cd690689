"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the tool with a `rules` entry for every active rule (summary, why, the
whole documentation as help, default level), then one result per finding.

Columns are in UTF-16 code units, SARIF's default `columnKind` (stated on the run),
because that is what viewers assume; postlint counts code points, so every
character above U+FFFF before a column adds one. The conversion needs the line's
text, which the Result keeps for the line a finding starts on. For a finding that
ends on a later line the end column is left out (the region then runs to the end
of that line) unless it is 1; without the start line's text (a file that could not
be decoded) the region is whole lines. Regions are never narrower than the finding.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from postlint import __version__
from postlint.findings import Finding, Severity
from postlint.report.common import message_with_hint
from postlint.result import Result
from postlint.rule import BaseRule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
FALLBACK_URI = "https://pypi.org/project/postlint/"
_URL_LABELS = ("homepage", "repository", "source", "documentation")


def information_uri() -> str:
    """The project's home page from the installed metadata (`[project.urls]`), else PyPI."""
    try:
        meta = metadata("postlint")
    except PackageNotFoundError:
        return FALLBACK_URI
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    return next((urls[label] for label in _URL_LABELS if label in urls), FALLBACK_URI)


def utf16_column(line: str, column: int) -> int:
    """A 1-based code-point column of `line` as a 1-based UTF-16 code-unit column."""
    return column + sum(1 for char in line[: column - 1] if ord(char) > 0xFFFF)


def region(finding: Finding, line: str | None) -> dict[str, int]:
    start, end = finding.span.start, finding.span.end
    found = {"startLine": start.line, "endLine": end.line}
    if line is None:
        return found
    found["startColumn"] = utf16_column(line, start.column)
    if end.line == start.line:
        found["endColumn"] = utf16_column(line, end.column)
    elif end.column == 1:
        found["endColumn"] = 1
    return found


def artifact_location(path: str) -> dict[str, str]:
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def rule_descriptor(rule: BaseRule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why.strip()},
        "help": {"text": rule.documentation, "markdown": rule.documentation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def sarif_result(finding: Finding, rule_index: dict[str, int], line: str | None) -> dict[str, Any]:
    location = {"artifactLocation": artifact_location(finding.path), "region": region(finding, line)}
    found: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in rule_index:
        found["ruleIndex"] = rule_index[finding.code]
    found["level"] = LEVELS[finding.severity]
    found["message"] = {"text": message_with_hint(finding)}
    found["locations"] = [{"physicalLocation": location}]
    return found


def sarif_log(result: Result) -> dict[str, Any]:
    rules = [result.rules[code] for code in sorted(result.rules)]
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    lines = result.source_lines
    driver = {
        "name": "postlint",
        "version": __version__,
        "informationUri": information_uri(),
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    root = Path.cwd().as_uri()
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root if root.endswith("/") else f"{root}/"}},
        "columnKind": "utf16CodeUnits",
        "results": [sarif_result(f, rule_index, lines.get((f.path, f.span.start.line))) for f in result.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    json.dump(sarif_log(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
