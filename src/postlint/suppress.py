"""Inline suppressions: comments that silence named rules on a line, a range or a file.

In front matter, a comment on the key's line: ``# postlint: ignore[PL201, slug-format]``.
In the body, HTML comments (never inside code, where they are examples):

- ``<!-- postlint-disable-next-line PL301 -->``
- ``<!-- postlint-disable PL301 -->`` … ``<!-- postlint-enable PL301 -->``
- ``<!-- postlint-disable-file PL301 -->``

A suppression must name its rules (by code or name, in any case). One that silences
nothing is reported (PL902) with a fix that removes it; one that names no rule or an
unknown rule is PL903.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from postlint.document import Document
from postlint.findings import Edit, Finding, Fix, Reduce, Span
from postlint.lazy import lazy_re
from postlint.markdown import context_at

# The lead starts where its run of blanks starts (and is taken whole), so a long run of
# spaces costs one pass.
_FRONT = lazy_re(
    r"(?P<lead>(?<![ \t])[ \t]*+#[ \t]*+)postlint:[ \t]*+ignore\[(?P<codes>[^\]\r\n]*+)\](?P<rest>[^\r\n]*+)"
)
_BODY = lazy_re(r"<!--[ \t]*postlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*?)-->")
_SPLIT = lazy_re(r"[\s,]+")
_NO_CODES = "a suppression must name the rules it silences, e.g. `postlint-disable-next-line PL301`"

Canonical = Callable[[str], "str | None"]
"""A rule's code from a code or name in any case; None for unknown rules."""


@dataclass(slots=True)
class Suppression:
    """An inline suppression: the rules it silences, the lines it covers, and which it used."""

    codes: frozenset[str]
    first_line: int
    last_line: int
    span: Span
    removal: tuple[Edit, ...]
    used: set[str] = field(default_factory=set)

    def __reduce__(self) -> Reduce:
        return Suppression, (self.codes, self.first_line, self.last_line, self.span, self.removal, self.used)

    def covers(self, line: int) -> bool:
        return self.first_line <= line <= self.last_line


@dataclass(slots=True)
class Suppressions:
    """The suppressions of one document, and the problems with them."""

    entries: list[Suppression] = field(default_factory=list)
    malformed: list[tuple[Span, str]] = field(default_factory=list)

    def __reduce__(self) -> Reduce:
        return Suppressions, (self.entries, self.malformed)

    def allows(self, finding: Finding) -> bool:
        """False when a suppression silences `finding` (and the suppression is then used)."""
        line = finding.span.start.line
        for entry in self.entries:
            if finding.code in entry.codes and entry.covers(line):
                entry.used.add(finding.code)
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


def _front_removal(text: str, match: re.Match[str]) -> Edit:
    """Remove `postlint: ignore[...]` but keep the rest of the comment, if any."""
    rest = match.group("rest").strip()
    if rest:
        return Edit(match.end("lead"), match.start("rest") + len(match.group("rest")) - len(rest), "")
    return _line_removal(text, match.start(), match.end())


def _in_scalar(doc: Document, offset: int) -> bool:
    """Whether `offset` is inside a quoted or block scalar (where `#` is text, not a comment)."""
    fm = doc.front_matter
    text = doc.text or ""
    assert fm is not None
    return any(
        node.start <= offset < node.end and text[node.start : node.start + 1] in ("'", '"', "|", ">")
        for node in fm.source_map.nodes.values()
    )


def find_suppressions(doc: Document, canonical: Canonical) -> Suppressions:
    """Read the suppression comments of `doc`."""
    found = Suppressions()
    text = doc.text
    if text is None or "postlint" not in text:
        return found
    fm = doc.front_matter
    index = doc.index
    if fm is not None and fm.format != "json":
        for match in _FRONT.finditer(text, fm.content_start, fm.content_end):
            if _in_scalar(doc, match.start("lead")):
                continue
            line = index.position(match.start()).line
            removal = (_front_removal(text, match),)
            _add(found, doc, match.group("codes"), (line, line), (match.start(), match.end()), removal, canonical)
    opened: dict[str, tuple[int, int, int]] = {}
    for match in _BODY.finditer(text, doc.body_start):
        if context_at(doc, match.start()).is_code:
            continue
        kind, names = match.group(1), match.group(2)
        line = index.position(match.start()).line
        where = (match.start(), match.end())
        removal = (_line_removal(text, *where),)
        if kind == "disable-next-line":
            _add(found, doc, names, (line + 1, line + 1), where, removal, canonical)
        elif kind == "disable-file":
            _add(found, doc, names, (1, index.line_count), where, removal, canonical)
        elif kind == "disable":
            if not _codes(names):
                found.malformed.append((index.span(*where), _NO_CODES))
            for code in _codes(names):
                opened[code] = (line, *where)
        else:  # enable
            for code in _codes(names):
                if code in opened:
                    first, start, end = opened.pop(code)
                    both = (_line_removal(text, start, end), removal[0])
                    _add(found, doc, code, (first, line), (start, end), both, canonical)
    for code, (first, start, end) in opened.items():
        _add(found, doc, code, (first, index.line_count), (start, end), (_line_removal(text, start, end),), canonical)
    return found


def _codes(names: str) -> list[str]:
    return [name for name in _SPLIT.split(names.strip()) if name]


def _add(
    found: Suppressions,
    doc: Document,
    names: str,
    lines: tuple[int, int],
    offsets: tuple[int, int],
    removal: tuple[Edit, ...],
    canonical: Canonical,
) -> None:
    span = doc.index.span(*offsets)
    written = _codes(names)
    if not written:
        found.malformed.append((span, _NO_CODES))
        return
    codes = {name: canonical(name) for name in written}
    unknown = [name for name, code in codes.items() if code is None]
    if unknown:
        found.malformed.append((span, f"the suppression names unknown rules: {', '.join(unknown)}"))
    good = frozenset(code for code in codes.values() if code is not None)
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
    return Fix(entry.removal, safe=True, description="remove the unused suppression")
