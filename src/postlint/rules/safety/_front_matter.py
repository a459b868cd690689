"""Every string of the front matter (keys and values) with its pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from postlint.frontmatter.source_map import Pointer


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
