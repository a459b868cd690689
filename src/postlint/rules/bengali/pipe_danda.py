"""PL507 bn-pipe-danda: an ASCII `|` typed for the danda at the end of a Bengali sentence.

A pipe counts only when it is attached to a Bengali word and followed by a space or
the end of the line, or when it stands alone at the end of the line. Table rows,
title separators (`Title | Site`), code and URLs are never reported; headings and
front-matter values only when the pipe ends them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.charnames import char_name
from postlint.document import Document, line_bounds
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_re, lazy_regex
from postlint.markdown import Context, context_at
from postlint.rule import Rule, RuleContext
from postlint.rules.bengali import letters as bn
from postlint.rules.bengali.examples import GOOD, bad
from postlint.rules.bengali.scope import applies, bengali_prose, in_prose, is_heading_line

_PIPE = lazy_re(r"\|\|?(?!\|)")
_BENGALI_LETTER = lazy_regex(r"(?V1)[\p{scx=Beng}&&[\p{L}\p{M}]]")
_ENDS_LINE = lazy_regex(r"[\s\"'\u201d\u2019)*_]*")
_DELIMITER_ROW = lazy_regex(r"[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_MAX_TABLE_SCAN = 500
DANDA, DOUBLE_DANDA = "\u0964", "\u0965"


def _lines_around(text: str, offset: int) -> tuple[list[str], int]:
    """The hit's paragraph up to the line after the hit, and the index of the hit's line in it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    lines = [text[start : end if end != -1 else len(text)]]
    if end != -1:
        lines.append(text[end + 1 : (n if (n := text.find("\n", end + 1)) != -1 else len(text))])
    while start > 0 and len(lines) < _MAX_TABLE_SCAN:
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if not line.strip():
            break
        lines.insert(0, line)
        start = above
    return lines, len(lines) - (2 if end != -1 else 1)


def in_table(text: str, offset: int) -> bool:
    """Whether `offset` is on a Markdown table row (a row starting with `|`, or a block with a delimiter row)."""
    lines, at = _lines_around(text, offset)
    if lines[at].lstrip(" \t>").startswith("|"):
        return True
    return any("|" in line and _DELIMITER_ROW.fullmatch(line.rstrip("\r")) for line in lines)


def _ambiguous(doc: Document, start: int, end: int, spaced: bool) -> bool:
    """Whether the pipe may be something else than a danda: a separator, a table cell, code."""
    text = doc.text or ""
    after = text[end : line_bounds(text, end)[1]]
    if _ENDS_LINE.fullmatch(after) is None:
        if spaced or not after[:1].isspace():
            return True  # `Title | Site`, `a|b`
        if context_at(doc, start) is Context.FRONT_MATTER or is_heading_line(doc, start):
            return True  # titles: only a pipe that ends them
    return not in_prose(doc, start) or in_table(text, start)


def _finding(doc: Document, ctx: RuleContext, match: re.Match[str]) -> Finding | None:
    text = doc.text or ""
    pipe, end = match.group(), match.end()
    spaced = text[match.start() - 1 : match.start()] == " "
    start = match.start() - spaced
    if not start or not _BENGALI_LETTER.match(text, start - 1) or _ambiguous(doc, match.start(), end, spaced):
        return None
    danda = DOUBLE_DANDA if len(pipe) == 2 else DANDA
    word = bn.quoted_word(text, start - 1, start)
    message = f"ASCII `{pipe}` U+007C VERTICAL LINE used as a danda after {word}; write {char_name(danda)}"
    fix = Fix.edit(start, end, danda, f"write {char_name(danda)}", safe=not spaced)
    return ctx.report(doc, start, end, message, hint=f"write `{danda}`", fix=fix)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    if "|" not in text or not applies(doc, ctx):
        return
    for match in _PIPE.finditer(text):
        finding = _finding(doc, ctx, match)
        if finding is not None:
            yield finding


PIPE_DANDA = Rule(
    code="PL507",
    name="bn-pipe-danda",
    summary="An ASCII `|` ends a Bengali sentence where the danda U+0964 belongs.",
    why=(
        'The pipe looks like a danda but is a different character: screen readers say "vertical line", '
        "sentence splitters, search snippets and spell checkers miss the sentence end, and Markdown may "
        "read the line as a table row. Table rows and title separators (`Title | Site`) are not reported; "
        "an attached pipe is fixed safely, a pipe after a space only with unsafe fixes."
    ),
    bad=bad("\u0986\u09ae\u09bf \u09ad\u09be\u09a4 \u0996\u09be\u0987| \u09a4\u09c1\u09ae\u09bf?"),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=check,
    applies=bengali_prose,
)
