"""Inline suppressions: comments that silence named rules on a line, a range or a file.

In front matter, a comment on the key's line: ``# postlint: ignore[PL201, slug-format]``.
In the body, HTML comments:

- ``<!-- postlint-disable-next-line PL301 -->``
- ``<!-- postlint-disable PL301 -->`` … ``<!-- postlint-enable PL301 -->``
- ``<!-- postlint-disable-file PL301 -->``

A suppression must name its rules. One that silences nothing is reported (PL902),
with a fix that removes it; one that names no rule or an unknown rule is PL903.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from postlint.document import Document
from postlint.findings import Edit, Finding, Fix, Span

_FRONT = re.compile(r"[ \t]*#[ \t]*postlint:[ \t]*ignore\[([^\]\n]*)\]")
_BODY = re.compile(r"<!--[ \t]*postlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*?)-->")
_SPLIT = re.compile(r"[\s,]+")
_NO_CODES = "a suppression must name the rules it silences, e.g. `postlint-disable-next-line PL301`"


@dataclass(slots=True)
class Suppression:
    codes: frozenset[str]
    first_line: int
    last_line: int
    span: Span
    removal: Edit
    used: set[str] = field(default_factory=set)

    def covers(self, line: int) -> bool:
        return self.first_line <= line <= self.last_line


@dataclass(slots=True)
class Suppressions:
    """The suppressions of one document, and the problems with them."""

    entries: list[Suppression] = field(default_factory=list)
    malformed: list[tuple[Span, str]] = field(default_factory=list)

    def allows(self, finding: Finding) -> bool:
        """False when a suppression silences `finding` (and the suppression is then used)."""
        line = finding.span.start.line
        for entry in self.entries:
            if entry.covers(line) and (finding.code in entry.codes or finding.name in entry.codes):
                entry.used.add(finding.code if finding.code in entry.codes else finding.name)
                return False
        return True


def _line_removal(text: str, start: int, end: int) -> Edit:
    """Remove a comment; its whole line when nothing else is on it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return Edit(line_start, min(line_end + 1, len(text)), "")
    return Edit(start, end, "")


def find_suppressions(doc: Document, known: Callable[[str], bool]) -> Suppressions:
    """Read the suppression comments of `doc`; `known` says whether a code or name exists."""
    found = Suppressions()
    text = doc.text
    if text is None or "postlint" not in text:
        return found
    fm = doc.front_matter
    index = doc.index
    if fm is not None:
        for match in _FRONT.finditer(text, fm.content_start, fm.content_end):
            line = index.position(match.start()).line
            removal = Edit(match.start(), match.end(), "")
            _add(found, doc, match.group(1), (line, line), (match.start(), match.end()), removal, known)
    open_ranges: dict[str, tuple[int, int, int]] = {}
    for match in _BODY.finditer(text, doc.body_start):
        kind, names = match.group(1), match.group(2)
        line = index.position(match.start()).line
        removal = _line_removal(text, match.start(), match.end())
        if kind == "disable-next-line":
            _add(found, doc, names, (line + 1, line + 1), (match.start(), match.end()), removal, known)
        elif kind == "disable-file":
            _add(found, doc, names, (1, index.line_count), (match.start(), match.end()), removal, known)
        elif kind == "disable":
            for code in _codes(names):
                open_ranges[code] = (line, match.start(), match.end())
            if not _codes(names):
                found.malformed.append((index.span(match.start(), match.end()), _NO_CODES))
        else:  # enable
            for code in _codes(names):
                if code in open_ranges:
                    first, start, end = open_ranges.pop(code)
                    _add(found, doc, code, (first, line), (start, end), _line_removal(text, start, end), known)
    for code, (first, start, end) in open_ranges.items():
        _add(found, doc, code, (first, index.line_count), (start, end), _line_removal(text, start, end), known)
    return found


def _codes(names: str) -> list[str]:
    return [name for name in _SPLIT.split(names.strip()) if name]


def _add(
    found: Suppressions,
    doc: Document,
    names: str,
    lines: tuple[int, int],
    offsets: tuple[int, int],
    removal: Edit,
    known: Callable[[str], bool],
) -> None:
    span = doc.index.span(*offsets)
    codes = _codes(names)
    if not codes:
        found.malformed.append((span, _NO_CODES))
        return
    unknown = [code for code in codes if not known(code)]
    if unknown:
        found.malformed.append((span, f"the suppression names unknown rules: {', '.join(unknown)}"))
    good = frozenset(code for code in codes if known(code))
    if good:
        found.entries.append(Suppression(good, lines[0], lines[1], span, removal))


def front_matter_comment(codes: str) -> str:
    """The comment that suppresses `codes` on a front-matter line."""
    return f"  # postlint: ignore[{codes}]"


def unused(found: Suppressions, active: Iterable[str]) -> list[tuple[Suppression, list[str]]]:
    """Suppressions with codes of active rules that silenced nothing."""
    active_set = set(active)
    out = []
    for entry in found.entries:
        idle = sorted(code for code in entry.codes if code in active_set and code not in entry.used)
        if idle:
            out.append((entry, idle))
    return out


def removal_fix(entry: Suppression, idle: list[str]) -> Fix | None:
    """Removing a suppression is safe only when every rule it names is idle."""
    if len(idle) < len(entry.codes):
        return None
    return Fix((entry.removal,), safe=True, description="remove the unused suppression")
