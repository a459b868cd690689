"""The values every part of postlint exchanges: severities, positions, spans, fixes, findings."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    """How much a finding matters; `rank` orders them (error is highest)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity from config; raises ValueError naming the choices."""
        try:
            return cls(text.lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {text!r}; choose one of: {choices}") from None


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

Reduce = tuple[Callable[..., Any], tuple[Any, ...]]
"""What `__reduce__` returns: these values cross process boundaries by the thousand, and a
class with its fields pickles several times faster than a slotted dataclass's state."""


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in a file: 1-based line and column (in code points), and a 0-based offset.

    The offset indexes the decoded text (BOM removed); for a file that could not be
    decoded it is a byte offset.
    """

    line: int
    column: int
    offset: int

    def __reduce__(self) -> Reduce:
        return Position, (self.line, self.column, self.offset)


class Span(tuple[int, int, int, int, int, int]):
    """From `start` to `end`: stored as their six integers in one tuple.

    A run holds a span for every fact of every file until corpus rules finish (hundreds
    of thousands in a large tree); one tuple is under half the memory of three objects.
    """

    __slots__ = ()

    def __new__(cls, start: Position, end: Position) -> Span:
        return tuple.__new__(cls, (start.line, start.column, start.offset, end.line, end.column, end.offset))

    def __reduce__(self) -> Reduce:
        return span_of, tuple(self)

    @property
    def start(self) -> Position:
        return Position(self[0], self[1], self[2])

    @property
    def end(self) -> Position:
        return Position(self[3], self[4], self[5])

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"


def span_of(*values: int) -> Span:
    """A span from its six integers (start line, column, offset, then the end's)."""
    return tuple.__new__(Span, values)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement` (offsets into the decoded text)."""

    start: int
    end: int
    replacement: str

    def __reduce__(self) -> Reduce:
        return Edit, (self.start, self.end, self.replacement)


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding. Unsafe fixes change meaning (a URL, say)."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""

    def __reduce__(self) -> Reduce:
        return Fix, (self.edits, self.safe, self.description)

    @classmethod
    def edit(cls, start: int, end: int, text: str, description: str, *, safe: bool = True) -> Fix:
        """A fix of one edit: text[start:end] becomes `text`."""
        return cls((Edit(start, end, text),), safe, description)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place in one file, with the rule that found it and, maybe, its fix."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    hint: str | None = None
    fix: Fix | None = field(default=None, compare=False)

    def __reduce__(self) -> Reduce:
        return Finding, (self.path, self.code, self.name, self.severity, self.message, self.span, self.hint, self.fix)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        start = self.span.start
        return (self.path, start.line, start.column, self.code, self.message)

    @property
    def fixable(self) -> bool:
        return self.fix is not None
