"""Just enough Markdown structure for text rules: code, headings, inline code, URLs.

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

from postlint.document import Document


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
_URL = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|\]\([^)\s]*|\b(?:https?|ftp|mailto):[^\s<>()\[\]]+")
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
    cached = doc.memo.get("block-map")
    if cached is None:
        cached = _scan(doc.text or "", doc.body_start)
        doc.memo["block-map"] = cached
    return cached


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


def context_at(doc: Document, offset: int) -> Context:
    """What kind of text the character at `offset` is part of."""
    fm = doc.front_matter
    if fm is not None and offset < doc.body_start:
        return Context.FRONT_MATTER
    blocks = block_map(doc)
    if blocks.in_code(offset):
        return Context.CODE_BLOCK
    text = doc.text or ""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    column = offset - line_start
    for match in _INLINE_CODE.finditer(line):
        if match.start() <= column < match.end():
            return Context.INLINE_CODE
    if blocks.in_comment(offset):
        return Context.HTML_COMMENT
    for match in _URL.finditer(line):
        if match.start() <= column < match.end():
            return Context.URL
    return Context.TEXT
