"""Front-matter helpers: the node at an offset, and every string value with its pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from postlint.document import Document
from postlint.frontmatter.source_map import Pointer


def node_at(doc: Document, offset: int) -> tuple[Pointer, tuple[int, int], bool] | None:
    """The innermost key or value around `offset`: its pointer, span, and whether it is the key."""
    fm = doc.front_matter
    if fm is None:
        return None
    best: tuple[Pointer, tuple[int, int], bool] | None = None
    for pointer, node in fm.source_map.nodes.items():
        if not pointer:
            continue
        if node.key_start is not None and node.key_end is not None and node.key_start <= offset < node.key_end:
            return pointer, (node.key_start, node.key_end), True
        if node.start <= offset < node.end and (best is None or len(pointer) > len(best[0])):
            best = pointer, (node.start, node.end), False
    return best


def string_values(data: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, str, bool]]:
    """Every string in the front matter with its pointer, and whether it is a mapping key."""
    if isinstance(data, str):
        yield pointer, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*pointer, key), key, True
            yield from string_values(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from string_values(value, (*pointer, index))
