"""A fast path for the usual shape of YAML front matter: one `key: value` per line.

Most posts write nothing else: plain keys, and values that are plain words, quoted
strings without escapes, or one-line flow lists (`tags: [a, "b c"]`). Such a block
is read here with one pattern per line, and gives exactly what the event parser in
`yaml_source` gives (the same data, spans and source-map order; a test compares
them). Anything else (comments, block lists, nested mappings, escapes, anchors,
tags, tabs, CR, duplicate keys, an empty value) returns None and the event parser
reads the block.
"""

from __future__ import annotations

import re
from typing import Any

from postlint.frontmatter.source_map import NodeSpan, Pointer, SourceMap
from postlint.frontmatter.yaml_scalars import BOOLS, NULLS, YamlResult, resolve_plain
from postlint.lazy import lazy_re

_NEVER = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff"
"""What no value read here holds: controls (TAB included), libyaml's other line breaks (NEL,
U+2028, U+2029), the BOM, and anything outside the BMP. Each class below allows the rest of
Unicode and part of printable ASCII; it is written as what it excludes, which compiles in
microseconds where listing the wide ranges takes milliseconds at every start."""


def _allowing(ascii_allowed: str) -> str:
    """A character class: printable ASCII in `ascii_allowed`, and every character `_NEVER` leaves."""
    refused = "".join(re.escape(chr(c)) for c in range(0x20, 0x7F) if chr(c) not in ascii_allowed)
    return f"[^{refused}{_NEVER}]"


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_PLAIN_FIRST = _allowing(_LETTERS + "_./+$~()=^;<")
"""What may start a plain scalar: no indicator (`-?:,[]{}#&*!|>'"%@` and the backquote) or space."""
_PLAIN_REST = _allowing(_LETTERS + "!\"$%&'()*+,-./;<=>?@[\\]^_`{|}~")
"""What may follow in a plain scalar: any printable but space, `#` and `:` (a `:` only before another)."""
_FLOW_REST = _allowing(_LETTERS + "!$%&'()*+-./;<=>?@^_`|~")
"""The same in a flow list: no `"`, `,`, `[`, `]`, `{`, `}` or backslash either."""
_PLAIN = f"(?:{_PLAIN_FIRST}|-(?={_PLAIN_REST}))(?:{_PLAIN_REST}++|(?::| +)(?={_PLAIN_REST}))*+"
_FLOW_ITEM = f"(?:{_PLAIN_FIRST}|-(?={_FLOW_REST}))(?:{_FLOW_REST}++| +(?={_FLOW_REST}))*+"
_DOUBLE = '"' + _allowing("".join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in '"\\')) + '*"'
_SINGLE = "'" + _allowing("".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "'")) + "*'"
_LINE = lazy_re(rf"(\n*)([A-Za-z_$][A-Za-z0-9_$.-]{{0,99}}): +(?:(\[[^\n]*\])|({_DOUBLE}|{_SINGLE})|({_PLAIN})) *\n")
"""One `key: value` line (after any blank ones): groups key, flow list, quoted and plain value."""
_ITEM = lazy_re(rf" *(?:({_DOUBLE}|{_SINGLE})|({_FLOW_ITEM})) *([,\]])")
"""One item of a flow list and what follows it: groups quoted and plain value, separator."""
_EMPTY_LIST = lazy_re(r"\[ *\]")
_DATE_LIKE = lazy_re(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:+-]*)?")
"""A date as posts write it, which `resolve_plain` leaves text (four digits and a `-` are no number)."""
_node = tuple.__new__
"""Makes a `NodeSpan` from all its fields, without the keyword handling of its constructor."""
_MAX_LINES = 1000


def _flow(text: str, start: int, end: int, base: int, key: str, nodes: dict[Pointer, NodeSpan]) -> list[Any] | None:
    """The items of the flow list text[start:end] (`[` to `]`), their spans added to `nodes`."""
    items: list[Any] = []
    if _EMPTY_LIST.fullmatch(text, start, end):
        return items
    at = start + 1
    while True:
        item = _ITEM.match(text, at, end)
        if item is None:
            return None
        quoted, plain, separator = item.groups()
        if quoted is not None:
            item_start, item_end = item.span(1)
            nodes[key, len(items)] = _node(NodeSpan, (base + item_start, base + item_end, None, None, False))
            items.append(quoted[1:-1])
        else:
            item_start, item_end = item.span(2)
            nodes[key, len(items)] = _node(NodeSpan, (base + item_start, base + item_end, None, None, True))
            items.append(resolve_plain(plain))
        at = item.end()
        if separator == "]":
            return items if at == end else None


def parse_lines(text: str, base: int) -> YamlResult | None:
    """`text` read as YAML when it is only `key: value` lines (and blank ones); None otherwise."""
    if "\t" in text or "\r" in text or not text.endswith("\n"):
        return None
    data: dict[str, Any] = {}
    nodes: dict[Pointer, NodeSpan] = {}
    first = -1
    at = 0
    length = len(text)
    while at < length:
        line = _LINE.match(text, at)
        if line is None:
            if text[at:].strip("\n") or first == -1:
                return None
            break
        _, key, flow, quoted, plain = line.groups()
        if key in data or key in NULLS or key in BOOLS or len(data) == _MAX_LINES:
            return None  # a duplicate (reported by the event parser), or a key YAML reads as null or a boolean
        key_start, key_end = line.span(2)
        key_start, key_end = base + key_start, base + key_end
        if first == -1:
            first = key_start
        if flow is not None:
            flow_start, flow_end = line.span(3)
            items = _flow(text, flow_start, flow_end, base, key, nodes)
            if items is None:
                return None
            nodes[(key,)] = _node(NodeSpan, (base + flow_start, base + flow_end, key_start, key_end, False))
            data[key] = items
        elif quoted is not None:
            start, end = line.span(4)
            nodes[(key,)] = _node(NodeSpan, (base + start, base + end, key_start, key_end, False))
            data[key] = quoted[1:-1]
        else:
            start, end = line.span(5)
            nodes[(key,)] = _node(NodeSpan, (base + start, base + end, key_start, key_end, True))
            data[key] = plain if _DATE_LIKE.fullmatch(plain) else resolve_plain(plain)
        at = line.end()
    nodes[()] = NodeSpan(first, base + length)
    return YamlResult(data, SourceMap(nodes))
