"""The human format: each finding with its source line, a marker and a hint; a summary.

Rich renders `Text` objects only (no markup parsing), so `[brackets]` in posts print
as written. Invisible and control characters in a shown line are drawn as
`<U+200B>` so a reader sees what the finding is about (and a bidi control cannot
reorder the terminal line).
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from postlint.findings import Finding, Severity
from postlint.result import Result

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_WIDTH = 120
_CONTEXT = 40
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def _visible(line: str) -> list[tuple[str, bool]]:
    """The line as (piece, is_escape) pieces: invisible characters become <U+XXXX>."""
    pieces = []
    for char in line.replace("\t", "    "):
        if unicodedata.category(char) in _HIDDEN and char not in "\u200c\u200d":
            pieces.append((f"<U+{ord(char):04X}>", True))
        else:
            pieces.append((char, False))
    return pieces


def _snippet(finding: Finding, line: str) -> tuple[Text, Text]:
    start, end = finding.span.start, finding.span.end
    first = start.column - 1
    last = end.column - 1 if end.line == start.line else len(line)
    last = max(last, first + 1)
    window_start = max(0, first - _CONTEXT) if len(line) > _WIDTH else 0
    window_end = min(len(line), window_start + _WIDTH)
    shown = Text("…" if window_start else "")
    lead = 1 if window_start else 0
    width = 0
    for index, (piece, escaped) in enumerate(_visible(line[window_start:window_end]), start=window_start):
        shown.append(piece, style="dim" if escaped else None)
        cells = cell_len(piece)
        if index < first:
            lead += cells
        elif index < last:
            width += cells
    if window_end < len(line):
        shown.append("…")
    return shown, Text(" " * lead + "^" * max(width, 1), style=_STYLE[finding.severity])


def _finding(console: Console, finding: Finding, line: str | None) -> None:
    start = finding.span.start
    head = Text()
    head.append(f"{finding.path}:{start.line}:{start.column}:", style="bold")
    head.append(" ")
    head.append(finding.severity.value, style=_STYLE[finding.severity])
    head.append(" ")
    head.append(finding.code, style="bold")
    if finding.fix is not None and finding.fix.safe:
        head.append(" [*]", style="cyan")
    head.append(f" {finding.message}")
    head.append(f" [{finding.name}]", style="dim")
    console.print(head)
    if line is not None:
        gutter = str(start.line)
        pad = " " * len(gutter)
        shown, marker = _snippet(finding, line)
        console.print(Text(f" {pad} │", style="blue"))
        console.print(Text(f" {gutter} │ ", style="blue") + shown)
        console.print(Text(f" {pad} │ ", style="blue") + marker)
    if finding.hint:
        console.print(Text(f"   = hint: {finding.hint}", style="cyan"))
    console.print()


def summary(result: Result) -> Text:
    counts = result.counts()
    files = result.files_checked
    noun = "file" if files == 1 else "files"
    fixed = f"Fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}. " if result.fixed else ""
    if not result.findings:
        return Text(f"{fixed}All checks passed: {files} {noun}, no findings.", style="bold green")
    ordered = sorted(counts.items(), key=lambda item: -item[0].rank)
    parts = [f"{n} {severity.value}{'s' if n != 1 else ''}" for severity, n in ordered if n]
    with_findings = len({f.path for f in result.findings})
    text = Text(f"{fixed}Found {', '.join(parts)} in {with_findings} of {files} {noun}.", style="bold")
    if result.fixable:
        text.append(f"\n[*] {result.fixable} fixable with `postlint check --fix`.")
    if result.unsafe_fixable:
        text.append(f"\n{result.unsafe_fixable} more fixable with `--fix --unsafe-fixes`.")
    return text


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    # Colour only on stdout (a terminal, or FORCE_COLOR); a report for --output-file is plain.
    terminal = None if stream is sys.stdout else False
    console = Console(file=stream, force_terminal=terminal, soft_wrap=True, highlight=False, markup=False, emoji=False)
    for finding in result.findings:
        _finding(console, finding, result.source_lines.get((finding.path, finding.span.start.line)))
    if not quiet:
        console.print(summary(result))
