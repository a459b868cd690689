"""The human format: each finding with its source line, a marker and a hint; a summary.

Each line is built once, as pieces of text with a style. Rich prints them at a
terminal (or where the environment asks for colour); to a pipe, a CI log or a file
the pieces are written as they are, with the control codes removed that Rich
removes: the same text, without loading Rich. Rich
gets `Text` objects only (no markup parsing), so `[brackets]` in posts print as
written. Invisible and control characters in a shown line are drawn as `<U+200B>`
so a reader sees what the finding is about (and a bidi control cannot reorder the
terminal line).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

from postlint.findings import Finding, Severity
from postlint.result import Result

Piece = tuple[str, str]
"""Text and its Rich style ("": unstyled)."""
Line = list[Piece]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_WIDTH = 120
_CONTEXT = 40
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}
_RICH_STRIPS = dict.fromkeys((7, 8, 11, 12, 13))
"""The control codes Rich's `Text` removes (BEL, BS, VT, FF, CR): plain output removes them too."""


def _visible(line: str) -> list[tuple[str, bool]]:
    """The line as (piece, is_escape) pieces: invisible characters become <U+XXXX>."""
    pieces = []
    for char in line.replace("\t", "    "):
        if unicodedata.category(char) in _HIDDEN and char not in "\u200c\u200d":
            pieces.append((f"<U+{ord(char):04X}>", True))
        else:
            pieces.append((char, False))
    return pieces


def _snippet(finding: Finding, line: str) -> tuple[Line, Piece]:
    from rich.cells import cell_len  # terminal cell widths: wide and combining characters

    start, end = finding.span.start, finding.span.end
    first = start.column - 1
    last = end.column - 1 if end.line == start.line else len(line)
    last = max(last, first + 1)
    window_start = max(0, first - _CONTEXT) if len(line) > _WIDTH else 0
    window_end = min(len(line), window_start + _WIDTH)
    shown: Line = [("…", "")] if window_start else []
    lead = 1 if window_start else 0
    width = 0
    for index, (piece, escaped) in enumerate(_visible(line[window_start:window_end]), start=window_start):
        shown.append((piece, "dim" if escaped else ""))
        cells = cell_len(piece)
        if index < first:
            lead += cells
        elif index < last:
            width += cells
    if window_end < len(line):
        shown.append(("…", ""))
    return shown, (" " * lead + "^" * max(width, 1), _STYLE[finding.severity])


def _finding(finding: Finding, line: str | None) -> Iterator[Line]:
    start = finding.span.start
    head: Line = [
        (f"{finding.path}:{start.line}:{start.column}:", "bold"),
        (" ", ""),
        (finding.severity.value, _STYLE[finding.severity]),
        (" ", ""),
        (finding.code, "bold"),
    ]
    if finding.fix is not None and finding.fix.safe:
        head.append((" [*]", "cyan"))
    head += [(f" {finding.message}", ""), (f" [{finding.name}]", "dim")]
    yield head
    if line is not None:
        gutter = str(start.line)
        pad = " " * len(gutter)
        shown, marker = _snippet(finding, line)
        yield [(f" {pad} │", "blue")]
        yield [(f" {gutter} │ ", "blue"), *shown]
        yield [(f" {pad} │ ", "blue"), marker]
    if finding.hint:
        yield [(f"   = hint: {finding.hint}", "cyan")]
    yield []


def summary_lines(result: Result) -> list[Line]:
    counts = result.counts()
    files = result.files_checked
    noun = "file" if files == 1 else "files"
    fixed = f"Fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}. " if result.fixed else ""
    if not result.findings:
        return [[(f"{fixed}All checks passed: {files} {noun}, no findings.", "bold green")]]
    ordered = sorted(counts.items(), key=lambda item: -item[0].rank)
    parts = [f"{n} {severity.value}{'s' if n != 1 else ''}" for severity, n in ordered if n]
    with_findings = len({f.path for f in result.findings})
    lines = [[(f"{fixed}Found {', '.join(parts)} in {with_findings} of {files} {noun}.", "bold")]]
    if result.fixable:
        lines.append([(f"[*] {result.fixable} fixable with `postlint check --fix`.", "bold")])
    if result.unsafe_fixable:
        lines.append([(f"{result.unsafe_fixable} more fixable with `--fix --unsafe-fixes`.", "bold")])
    return lines


def summary(result: Result) -> str:
    """The summary as plain text."""
    return "\n".join(_plain(line) for line in summary_lines(result))


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line).translate(_RICH_STRIPS)


def _lines(result: Result, quiet: bool) -> Iterator[Line]:
    for finding in result.findings:
        yield from _finding(finding, result.source_lines.get((finding.path, finding.span.start.line)))
    if not quiet:
        yield from summary_lines(result)


def _plain_stream(stream: TextIO) -> bool:
    """Whether Rich would print plain text here: a report file, or stdout that is not a
    terminal with nothing in the environment (FORCE_COLOR, TTY_COMPATIBLE) to say otherwise.
    When in doubt, Rich decides."""
    if stream is not sys.stdout:
        return True  # a report for --output-file is plain
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False
    try:
        return not stream.isatty()
    except (AttributeError, ValueError, OSError):
        return True


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    if _plain_stream(stream):
        for line in _lines(result, quiet):
            stream.write(_plain(line) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, soft_wrap=True, highlight=False, markup=False, emoji=False)
    for line in _lines(result, quiet):
        console.print(Text.assemble(*line))
