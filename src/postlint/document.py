"""A loaded post: its decoded text, a line index, its front matter and its problems."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

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
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        line = bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1, offset)

    def span(self, start: int, end: int) -> Span:
        return Span(self.position(start), self.position(max(start, end)))

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        return self._text[start:end].removesuffix("\r")


@dataclass(frozen=True, slots=True)
class Problem:
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

    path: Path
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

    def __post_init__(self) -> None:
        if not self.relative_path:
            self.relative_path = self.display_path

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
