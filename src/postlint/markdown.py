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
from dataclasses import dataclass
from enum import Enum

import regex

from postlint.document import Document, line_bounds
from postlint.frontmatter.source_map import Pointer


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


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})([^`\n]*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_AUTOLINK = r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>"
_URL = re.compile(rf"{_AUTOLINK}|\]\([^)\s]*|\b(?:https?|ftp|mailto):[^\s<>()\[\]]+")
# In a front-matter value a quote ends a bare URL (`url: "https://x"`), and there are no
# Markdown links. Compiled with `regex`, whose \b and \s follow the Unicode properties.
_VALUE_URL = regex.compile(rf"{_AUTOLINK}|\b(?:https?|ftp|mailto):[^\s<>()\[\]\"']+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Heading:
    offset: int
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class BlockMap:
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


def _scan(text: str, start: int) -> BlockMap:
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
        elif (atx := _ATX.match(stripped)) is not None:
            headings.append(Heading(offset, len(atx.group(1)), (atx.group(2) or "").strip()))
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
    comments = tuple((m.start(), m.end()) for m in _COMMENT.finditer(text, start))
    return BlockMap(tuple(code), tuple(headings), comments)


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


@dataclass(frozen=True, slots=True)
class FrontMatterNode:
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
    line, column = _line_at(text, offset)
    if _covers(_INLINE_CODE, line, column):
        return Context.INLINE_CODE
    if blocks.in_comment(offset):
        return Context.HTML_COMMENT
    if _covers(_URL, line, column):
        return Context.URL
    return Context.TEXT
