"""Just enough Markdown structure for text rules: code, headings, inline code, URLs,
and which front-matter key or value an offset is in.

Most files are clean, so rules find candidate characters first and ask for the
context of a hit only; the block map is built once per document on first use
(a line scan, not a full Markdown parse: about 50x cheaper than markdown-it-py
here) and the inline context is computed for the one line asked about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from postlint.document import Document, line_bounds
from postlint.frontmatter.source_map import Pointer
from postlint.lazy import lazy_re, lazy_regex

if TYPE_CHECKING:
    import regex


class Context(Enum):
    FRONT_MATTER = "front-matter"
    CODE_BLOCK = "code-block"
    INLINE_CODE = "inline-code"
    URL = "url"
    HTML_COMMENT = "html-comment"
    TEXT = "text"

    @property
    def is_code(self) -> bool:
        return self in (Context.CODE_BLOCK, Context.INLINE_CODE)


_FENCE = lazy_re(r"^ {0,3}(`{3,}|~{3,})([^`\n]*)$")
_ATX_OPEN = lazy_re(r" {0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT = lazy_re(r"^ {0,3}(=+|-+)[ \t]*$")
_BACKTICKS = lazy_re(r"`+")
_AUTOLINK = r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>"
_URL = lazy_re(rf"{_AUTOLINK}|\]\([^)\s]*|\b(?:https?|ftp|mailto):[^\s<>()\[\]]+")
# In a front-matter value a quote ends a bare URL (`url: "https://x"`), and there are no
# Markdown links. Compiled with `regex`, whose \b and \s follow the Unicode properties.
_VALUE_URL = lazy_regex(rf"{_AUTOLINK}|\b(?:https?|ftp|mailto):[^\s<>()\[\]\"']+")


class Heading(NamedTuple):
    offset: int
    level: int
    text: str


class BlockMap(NamedTuple):
    """Code blocks (fenced, or indented after a blank line) and headings of the body."""

    code: tuple[tuple[int, int], ...]
    headings: tuple[Heading, ...]
    comments: tuple[tuple[int, int], ...]

    def in_code(self, offset: int) -> bool:
        return _inside(self.code, offset)

    def in_comment(self, offset: int) -> bool:
        return _inside(self.comments, offset)


def _inside(ranges: tuple[tuple[int, int], ...], offset: int) -> bool:
    at = bisect_right(ranges, (offset, float("inf"))) - 1
    return at >= 0 and ranges[at][0] <= offset < ranges[at][1]


_COMPLEX_LINE = r"(?: {0,3}(?:```|~~~|(?:=+|-+)[ \t\r]*(?=\n|\Z))| {4}|\t)"
_COMPLEX_FIRST = lazy_re(_COMPLEX_LINE)
"""A first line that is complex: it may open or close a fence, start indented code or underline
a setext heading."""
_ATX_FIRST = lazy_re(" {0,3}#")
_NOTABLE_NEXT = lazy_re(f"\n(?: {{0,3}}(#)|{_COMPLEX_LINE})")
"""Another line that may be an ATX heading (group 1) or is complex: one scan finds both, led by
the line break (a literal is found much faster than `^`)."""


def _simple_scan(text: str, start: int) -> BlockMap | None:
    """The block map of a body with no fence, indented line or setext underline: only ATX headings.

    None when the body has such a line (`_scan` then reads it line by line). Most posts
    are like that, and one pattern over the text costs less than the loop over lines.
    """
    if start and text[start - 1] != "\n":
        return None  # the body starts inside a line (after JSON front matter)
    if _COMPLEX_FIRST.match(text, start):
        return None
    headings = []
    for line_start in _heading_lines(text, start):
        if line_start is None:
            return None
        end = text.find("\n", line_start)
        line = text[line_start : len(text) if end == -1 else end].rstrip("\r")
        atx = atx_heading(line)
        if atx is not None:
            headings.append(Heading(line_start, *atx))
    return BlockMap((), tuple(headings), _comments(text, start))


def atx_heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (`## Title ##` → 2, "Title"); None for other lines.

    String operations, not one pattern: a backtracking pattern is quadratic on `# # # …`.
    """
    opened = _ATX_OPEN.match(line)
    if opened is None:
        return None
    text = line[opened.end() :].strip(" \t")
    closing = text.rstrip("#")
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing.rstrip(" \t")
    return len(opened.group(1)), text


def _comments(text: str, start: int) -> tuple[tuple[int, int], ...]:
    """HTML comments `<!-- … -->`: each opener looks for one closer, so the scan is linear."""
    found = []
    at = text.find("<!--", start)
    while at != -1:
        end = text.find("-->", at + 4)
        if end == -1:
            break  # no closer anywhere after: no later opener can close either
        found.append((at, end + 3))
        at = text.find("<!--", end + 3)
    return tuple(found)


def code_spans(line: str) -> list[tuple[int, int]]:
    """Inline code spans of a line, as CommonMark pairs backtick runs of equal length.

    Each run is looked at once and its closer found by bisection: linear-logarithmic
    even on a line of many backtick runs (a backtracking pattern is quadratic there).
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (first, last) in enumerate(runs):
        by_length.setdefault(last - first, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        first, last = runs[index]
        same = by_length[last - first]
        position = bisect_right(same, index)
        if position < len(same):
            closer = same[position]
            spans.append((first, runs[closer][1]))
            index = closer + 1
        else:
            index += 1
    return spans


def _scan(text: str, start: int) -> BlockMap:
    simple = _simple_scan(text, start)
    return simple if simple is not None else _scan_lines(text, start)


def _scan_lines(text: str, start: int) -> BlockMap:
    """The block map, line by line: fences, indented code, ATX and setext headings, comments."""
    code: list[tuple[int, int]] = []
    headings: list[Heading] = []
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    in_indented = False
    previous_text: tuple[int, str] | None = None
    offset = start
    for line in text[start:].split("\n"):
        stripped = line.rstrip("\r")
        end = offset + len(line) + 1
        if fence is not None:
            close = _FENCE.match(stripped)
            closes = close is not None and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence)
            if closes and close is not None and not close.group(2).strip():
                code.append((fence_start, end))
                fence = None
        elif (opened := _FENCE.match(stripped)) and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            fence, fence_start = opened.group(1), offset
        elif (previous_blank or in_indented) and stripped.startswith(("    ", "\t")) and stripped.strip():
            code.append((offset, end))
            in_indented = True
        elif (atx := atx_heading(stripped)) is not None:
            headings.append(Heading(offset, *atx))
        elif previous_text is not None and _SETEXT.match(stripped):
            level = 1 if stripped.strip()[0] == "=" else 2
            headings.append(Heading(previous_text[0], level, previous_text[1]))
        blank = not stripped.strip()
        if not blank and not (code and code[-1][0] == offset):
            in_indented = False
        previous_text = None if blank or fence is not None else (offset, stripped.strip())
        previous_blank = blank
        offset = end
    if fence is not None:
        code.append((fence_start, len(text)))
    return BlockMap(tuple(code), tuple(headings), _comments(text, start))


def heading_count(doc: Document, limit: int) -> int:
    """How many headings the body has outside code, counted up to `limit`
    (`min(len(block_map(doc).headings), limit)`).

    Before the first line that may open a fence or indented code (or underline a setext
    heading), every ATX line is a heading, whatever follows: when `limit` of them come
    first, or no such line comes at all, the block map is not needed.
    """
    if "block-map" not in doc.memo and doc.text is not None:
        text, start = doc.text, doc.body_start
        if (not start or text[start - 1] == "\n") and not _COMPLEX_FIRST.match(text, start):
            found = 0
            for line_start in _heading_lines(text, start):
                if line_start is None:
                    break  # a complex line: only the block map knows what follows
                end = text.find("\n", line_start)
                if atx_heading(text[line_start : len(text) if end == -1 else end].rstrip("\r")):
                    found += 1
                    if found >= limit:
                        return limit
            else:
                return found  # no complex line anywhere: these are all the headings
    return min(len(block_map(doc).headings), limit)


def _heading_lines(text: str, start: int) -> Iterator[int | None]:
    """Where the lines that may be ATX headings start, in order, after a first line that is not
    complex; None for a complex line (one that may open a fence or indented code, or underline a
    setext heading)."""
    if _ATX_FIRST.match(text, start):
        yield start
    for hit in _NOTABLE_NEXT.finditer(text, start):
        yield hit.start() + 1 if hit.group(1) else None


def has_headings(doc: Document, count: int) -> bool:
    """Whether the body has at least `count` headings outside code (`len(block_map(doc).headings) >= count`)."""
    return heading_count(doc, count) >= count


def block_map(doc: Document) -> BlockMap:
    """The body's block map, computed once per document."""
    return doc.memoised("block-map", lambda: _scan(doc.text or "", doc.body_start))


def front_matter_key_at(doc: Document, offset: int) -> tuple[str, bool] | None:
    """The top-level front-matter key at `offset`, and whether `offset` is in the key itself.

    `("slug", False)` means the offset is inside the value of `slug`; None means it is
    outside every recorded top-level key and value (a comment, a fence).
    """
    fm = doc.front_matter
    if fm is None or not (fm.content_start <= offset < fm.content_end):
        return None
    for pointer, node in fm.source_map.nodes.items():
        if len(pointer) != 1 or not isinstance(pointer[0], str):
            continue
        if node.key_start is not None and node.key_end is not None and node.key_start <= offset < node.key_end:
            return pointer[0], True
        if node.start <= offset < max(node.end, node.start + 1):
            return pointer[0], False
    return None


class FrontMatterNode(NamedTuple):
    """A key or a value written in the front matter: its pointer and offsets."""

    pointer: Pointer
    start: int
    end: int
    is_key: bool


def front_matter_node_at(doc: Document, offset: int) -> FrontMatterNode | None:
    """The innermost front-matter key or value around `offset`; None outside all of them."""
    fm = doc.front_matter
    if fm is None:
        return None
    best: FrontMatterNode | None = None
    for pointer, node in fm.source_map.nodes.items():
        if not pointer:
            continue
        if node.key_start is not None and node.key_end is not None and node.key_start <= offset < node.key_end:
            return FrontMatterNode(pointer, node.key_start, node.key_end, True)
        if node.start <= offset < node.end and (best is None or len(pointer) > len(best.pointer)):
            best = FrontMatterNode(pointer, node.start, node.end, False)
    return best


def _line_at(text: str, offset: int) -> tuple[str, int]:
    """The line around `offset`, and the column of `offset` in it."""
    line_start, line_end = line_bounds(text, offset)
    return text[line_start:line_end], offset - line_start


def _covers(pattern: re.Pattern[str] | regex.Pattern[str], line: str, column: int) -> bool:
    return any(match.start() <= column < match.end() for match in pattern.finditer(line))


def _line_spans(doc: Document, offset: int) -> tuple[int, list[tuple[int, int]], list[tuple[int, int]]]:
    """The start of the line at `offset`, and its code spans and URLs, worked out once per line.

    A line with many findings (a megabyte on one line) would otherwise be scanned again
    for every one of them.
    """
    text = doc.text or ""
    line_start, line_end = line_bounds(text, offset)
    cache: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = doc.memo.setdefault("line-spans", {})
    if line_start not in cache:
        line = text[line_start:line_end]
        cache[line_start] = (code_spans(line), [(m.start(), m.end()) for m in _URL.finditer(line)])
    code, urls = cache[line_start]
    return line_start, code, urls


def _within(spans: list[tuple[int, int]], column: int) -> bool:
    at = bisect_right(spans, (column, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= column < spans[at][1]


def context_at(doc: Document, offset: int, *, front_matter_urls: bool = False) -> Context:
    """What kind of text the character at `offset` is part of.

    Every offset of the front matter is FRONT_MATTER, unless `front_matter_urls` asks
    for URLs written in it to be told apart (URL).
    """
    text = doc.text or ""
    fm = doc.front_matter
    if fm is not None and offset < doc.body_start:
        if front_matter_urls and _covers(_VALUE_URL, *_line_at(text, offset)):
            return Context.URL
        return Context.FRONT_MATTER
    blocks = block_map(doc)
    if blocks.in_code(offset):
        return Context.CODE_BLOCK
    line_start, code, urls = _line_spans(doc, offset)
    column = offset - line_start
    if _within(code, column):
        return Context.INLINE_CODE
    if blocks.in_comment(offset):
        return Context.HTML_COMMENT
    if _within(urls, column):
        return Context.URL
    return Context.TEXT
