"""Where each front-matter key and value was written, by JSON pointer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

Pointer = tuple[str | int, ...]


class NodeSpan(NamedTuple):
    """Offsets (into the document text) of a value, and of its key inside a mapping.

    `plain` is true for a plain (unquoted) YAML scalar: the only kind whose type
    depends on how a YAML version resolves it.
    """

    start: int
    end: int
    key_start: int | None = None
    key_end: int | None = None
    plain: bool = False


@dataclass(slots=True)
class SourceMap:
    """The source span of each front-matter node, by JSON pointer."""

    nodes: dict[Pointer, NodeSpan] = field(default_factory=dict)

    def add(self, pointer: Pointer, node: NodeSpan) -> None:
        self.nodes[pointer] = node

    def get(self, pointer: Pointer) -> NodeSpan | None:
        return self.nodes.get(pointer)

    def nearest(self, pointer: Pointer) -> tuple[Pointer, NodeSpan] | None:
        """The node at `pointer`, or at its closest recorded ancestor.

        Values reached through an alias or a merge key, and nested TOML/JSON values,
        have no span of their own; they are placed on the nearest node that has one.
        """
        node = self.nodes.get(pointer)
        if node is not None:
            return (pointer, node) if pointer else None
        for depth in range(len(pointer) - 1, 0, -1):
            node = self.nodes.get(pointer[:depth])
            if node is not None:
                return pointer[:depth], node
        return None


def pointer_text(pointer: Pointer) -> str:
    """A pointer as a writer reads it: `tags[2]`, `author.name`."""
    out = ""
    for part in pointer:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "the front matter"
