"""JSON front matter via `json`, with spans for the top-level keys."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from postlint.frontmatter.source_map import NodeSpan, SourceMap
from postlint.lazy import lazy_re

_TOKEN = lazy_re(r'"(?:[^"\\]++|\\.)*+"|[{}\[\],:]')
_SPACE = lazy_re(r"\s*")


@dataclass(slots=True)
class JsonResult:
    """A JSON front-matter object: its data, where it ends, its keys' spans, or why it failed."""

    data: Any
    end: int
    source_map: SourceMap
    duplicates: list[str] = field(default_factory=list)
    error: str | None = None
    error_offset: int = 0


def _map_top_level(text: str, start: int, end: int) -> SourceMap:
    """Spans of the top-level keys and values of the object text[start:end]."""
    source_map = SourceMap()
    depth = 0
    key: tuple[str, int, int] | None = None
    value_start = 0
    expect_key = False
    for token in _TOKEN.finditer(text, start, end):
        kind = token.group()
        if kind in "{[":
            depth += 1
            expect_key = depth == 1
        elif kind in "}]" or (kind == "," and depth == 1):
            if depth == 1 and key is not None:
                value_end = len(text[value_start : token.start()].rstrip()) + value_start
                source_map.add((key[0],), NodeSpan(value_start, value_end, key[1], key[2]))
                key = None
            if kind == ",":
                expect_key = True
            else:
                depth -= 1
        elif kind == ":" and depth == 1 and key is not None:
            match = _SPACE.match(text, token.end())
            value_start = match.end() if match else token.end()
        elif depth == 1 and expect_key and kind.startswith('"'):
            key = (json.loads(kind), token.start(), token.end())
            expect_key = False
    return source_map


def parse_json(text: str, start: int) -> JsonResult:
    """Parse the JSON object that starts at text[start]."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    decoder = json.JSONDecoder(object_pairs_hook=pairs)
    try:
        data, end = decoder.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        return JsonResult(None, start, SourceMap(), error=f"JSON syntax error: {exc.msg}", error_offset=exc.pos)
    except RecursionError:
        return JsonResult(None, start, SourceMap(), error="JSON nests too deeply to parse", error_offset=start)
    return JsonResult(data, end, _map_top_level(text, start, end), duplicates)
