"""TOML front matter via `tomllib`, with spans for keys found line by line."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from postlint.frontmatter.source_map import NodeSpan, Pointer, SourceMap
from postlint.lazy import lazy_re

_BARE = r"[A-Za-z0-9_-]+"
_KEY = rf"(?:{_BARE}|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_TABLE = lazy_re(rf"[ \t]*\[\[?[ \t]*(?P<name>{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]\]?")
_PAIR = lazy_re(rf"[ \t]*(?P<key>{_KEY})[ \t]*=[ \t]*(?P<value>[^\r\n]*)")
_ERROR_AT = lazy_re(r"\(at (?:line (\d+), column (\d+)|end of document)\)")


@dataclass(slots=True)
class TomlResult:
    """TOML front matter: its data and keys' spans, or where and why it failed."""

    data: Any
    source_map: SourceMap
    error: str | None = None
    error_line: int = 1
    """1-based line in the block; 0 when the error is at the end of the block."""
    error_column: int = 1


def _unquote(key: str) -> str:
    key = key.strip()
    return key[1:-1] if key[:1] in "\"'" else key


def _plain(value: Any) -> Any:
    """TOML dates become their ISO text: front matter is compared as JSON."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _map_keys(text: str, base: int) -> SourceMap:
    source_map = SourceMap()
    table: Pointer = ()
    offset = 0
    for line in text.split("\n"):
        header = _TABLE.match(line)
        pair = None if header else _PAIR.match(line)
        if header:
            names = [_unquote(part) for part in re.split(r"\.(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", header["name"])]
            table = tuple(names)
            start = base + offset + header.start("name")
            source_map.add(table, NodeSpan(start, start + len(header["name"]), start, start + len(header["name"])))
        elif pair:
            key_start = base + offset + pair.start("key")
            value = pair["value"].rstrip()
            value_start = base + offset + pair.start("value")
            source_map.add(
                (*table, _unquote(pair["key"])),
                NodeSpan(value_start, value_start + len(value), key_start, key_start + len(pair["key"])),
            )
        offset += len(line) + 1
    return source_map


def parse_toml(text: str, base: int) -> TomlResult:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        return TomlResult(None, SourceMap(), "TOML nests too deeply to parse", 0, 0)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _ERROR_AT.search(message)
        if where is None:
            line, column = 1, 1
        elif where[1] is None:
            line, column = 0, 0  # the end of the block
        else:
            line, column = int(where[1]), int(where[2])
        reason = _ERROR_AT.sub("", message).strip()
        return TomlResult(None, SourceMap(), f"TOML syntax error: {reason}", line, column)
    return TomlResult(_plain(data), _map_keys(text, base))
