"""`path:line:col: CODE message`, one finding per line."""

from __future__ import annotations

from typing import TextIO

from postlint.result import Result


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    for f in result.findings:
        start = f.span.start
        stream.write(f"{f.path}:{start.line}:{start.column}: {f.code} {f.message}\n")
