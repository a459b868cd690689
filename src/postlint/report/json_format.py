"""A JSON array of findings with stable fields (documented in the README)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from postlint.findings import Finding
from postlint.result import Result


def finding_to_json(f: Finding) -> dict[str, Any]:
    start, end = f.span.start, f.span.end
    return {
        "path": f.path,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
        "start": {"line": start.line, "column": start.column},
        "end": {"line": end.line, "column": end.column},
        "fixable": f.fixable,
    }


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    json.dump([finding_to_json(f) for f in result.findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
