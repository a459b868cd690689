"""A loaded post: its decoded text, a line index, its front matter and its problems."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from postlint.findings import Position, Span

if TYPE_CHECKING:
    from postlint.frontmatter import FrontMatter

T = TypeVar("T")


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Offsets of the start and the end (before its ``\\n``) of the line around `offset`."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end == -1 else end


class LineIndex:
    """Maps offsets in a text to 1-based line and code-point column.

    Lines end at ``\\n`` only: ``str.splitlines`` also splits on U+2028, U+0085 and
    form feeds, which would shift every line number after them.

    Most documents are asked for a few positions near the top (front-matter values),
    so the table of line starts is built only when it pays: at the first question
    that needs it, or after a few positions counted directly.
    """

    __slots__ = ("_asked", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._asked = 0

    @property
    def _table(self) -> list[int]:
        if self._starts is None:
            text = self._text
            starts = [0]
            find = text.find
            at = find("\n")
            while at != -1:
                starts.append(at + 1)
                at = find("\n", at + 1)
            self._starts = starts
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._table)

    def position(self, offset: int) -> Position:
        if not 0 <= offset <= len(self._text):
            offset = max(0, min(offset, len(self._text)))
        if self._starts is None and offset <= _DIRECT_REACH and self._asked < _DIRECT_QUESTIONS:
            self._asked += 1
            text = self._text
            return Position(text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset), offset)
        starts = self._table
        line = bisect_right(starts, offset)
        return Position(line, offset - starts[line - 1] + 1, offset)

    def span(self, start: int, end: int) -> Span:
        """The span from `start` to `end` (clamped to the text; never ending before it starts).

        Built as its six integers directly: facts and findings ask for many spans."""
        text = self._text
        size = len(text)
        start = max(0, min(start, size))
        end = max(start, min(end, size))
        if self._starts is None and start <= _DIRECT_REACH and self._asked < _DIRECT_QUESTIONS:
            self._asked += 1
            line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
        else:
            starts = self._table
            line = bisect_right(starts, start)
            column = start - starts[line - 1] + 1
        if text.find("\n", start, end) == -1:  # on one line: no second look-up
            return tuple.__new__(Span, (line, column, start, line, column + end - start, end))
        last = self.position(end)
        return tuple.__new__(Span, (line, column, start, last.line, last.column, end))

    def line_start(self, line: int) -> int:
        return self._table[line - 1]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        starts = self._table
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self._text)
        return self._text[start:end].removesuffix("\r")


_DIRECT_REACH = 4096
"""Offsets up to here are placed by counting line breaks, without the table of line starts..."""
_DIRECT_QUESTIONS = 32
"""...for this many questions; then the table is built."""


class Problem(NamedTuple):
    """Something the loader or parser found, reported by the rule with this code."""

    code: str
    span: Span
    message: str
    hint: str | None = None


@dataclass(slots=True)
class Document:
    """One file as rules see it.

    `text` is None when the file could not be read or decoded; `front_matter` is None
    when there is none or it could not be parsed (the problems say which).
    """

    file: str | Path
    """The file as it was read (a string in a run: a Path per file costs microseconds; see `path`)."""
    display_path: str
    text: str | None
    has_bom: bool = False
    front_matter: FrontMatter | None = None
    problems: list[Problem] = field(default_factory=list)
    _index: LineIndex | None = None
    memo: dict[str, Any] = field(default_factory=dict)
    relative_path: str = ""
    """The path from the project root, which config globs match (default: display_path)."""
    digest: str = ""
    """A hash of the file's bytes (empty when they could not be read), for the cache."""
    stamp: tuple[int, int] | None = None
    """The size and modification time (ns) of the bytes read, for the cache."""
    cacheable: bool = True
    """False when the findings depend on more than the file and the run's settings: a post
    naming its own schema (which can change while the post does not), a date near today
    (the clock moves). Such a file is checked afresh every run. A plugin rule whose
    findings depend on anything else (the clock, the network, other files) sets it too."""

    def __post_init__(self) -> None:
        if not self.relative_path:
            self.relative_path = self.display_path

    @property
    def path(self) -> Path:
        return Path(self.file)

    def memoised(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once per document and kept in `memo` under `key`."""
        if key not in self.memo:
            self.memo[key] = compute()
        value: T = self.memo[key]
        return value

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text or "")
        return self._index

    @property
    def body_start(self) -> int:
        """Offset of the first character after the front matter (0 without one)."""
        return self.front_matter.end if self.front_matter is not None else 0

    @property
    def body(self) -> str:
        return (self.text or "")[self.body_start :]

    def problem(self, code: str, start: int, end: int, message: str, hint: str | None = None) -> None:
        """Record a problem at offsets of the decoded text."""
        self.problems.append(Problem(code, self.index.span(start, end), message, hint))
