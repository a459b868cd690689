"""Safe YAML parsing with a source span for every node.

PyYAML composes a tree and then constructs it; both lose what a linter needs (the
position of every value, duplicate keys, the text of timestamps) and neither bounds
alias expansion. Here the parser's event stream (libyaml's C parser when PyYAML has
it) is built into plain data by one iterative pass that:

- resolves plain scalars by the YAML 1.2 core schema, as Hugo (go-yaml v3) does,
  except that timestamps stay the text that was written;
- never constructs an object from a tag: a non-standard tag is a problem and the
  value stays plain data;
- records the span of every key and value by JSON pointer;
- records duplicate keys, which PyYAML silently resolves to the last one;
- stops at a nesting depth or an expanded node count, so a "billion laughs" block
  or ``[[[[...`` ends at once with a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from postlint.frontmatter.source_map import NodeSpan, Pointer, SourceMap
from postlint.frontmatter.yaml_scalars import YamlProblem, YamlResult, resolve_plain

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 100
MAX_NODES = 100_000

_STD = "tag:yaml.org,2002:"
_KNOWN_TAGS = {
    _STD + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq", "omap", "set", "merge")
}


class _Stop(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        self.problem = problem


_NO_KEY = object()


@dataclass(slots=True)
class _Frame:
    """A mapping or sequence being built, with the key waiting for its value."""

    container: dict[str, Any] | list[Any]
    pointer: Pointer
    start: int
    anchor: str | None
    key: Any = _NO_KEY
    key_span: tuple[int, int] = (0, 0)
    key_plain: bool = False
    size: int = 1
    merges: list[tuple[Any, int]] = field(default_factory=list)


class _Builder:
    def __init__(self, base: int, line_of: Callable[[int], int]) -> None:
        self.base = base
        self.line_of = line_of
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.source_map = SourceMap()
        self.problems: list[YamlProblem] = []
        self.root: Any = None
        self.total = 0

    def feed(self, event: ev.Event) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def _span(self, event: ev.Event) -> tuple[int, int]:
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # the parser marks every event
        return self.base + start.index, self.base + end.index

    def _check_tag(self, event: ev.NodeEvent, tag: str | None) -> None:
        if tag is None or tag == "!" or tag in _KNOWN_TAGS:
            return
        start, end = self._span(event)
        shown = "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag
        self.problems.append(
            YamlProblem(
                "PL015",
                start,
                end,
                f"the YAML tag `{shown}` asks for an application object; postlint reads it as plain data",
                "remove the tag: front matter holds strings, numbers, booleans, lists and mappings",
            )
        )

    def scalar(self, event: ev.ScalarEvent) -> None:
        self._check_tag(event, event.tag)
        plain = bool(event.implicit[0]) and event.tag in (None, "!") and not event.style
        value: Any = resolve_plain(event.value) if plain else self._tagged(event)
        start, end = self._span(event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._add(value, 1, start, end, plain)

    def _tagged(self, event: ev.ScalarEvent) -> Any:
        tag = event.tag
        if tag in (_STD + "int", _STD + "float", _STD + "bool", _STD + "null"):
            value = resolve_plain(event.value)
            if tag == _STD + "float" and type(value) is int:
                return float(value)
            wanted = {_STD + "int": int, _STD + "float": float, _STD + "bool": bool, _STD + "null": type(None)}[tag]
            if isinstance(value, wanted) and not (wanted is int and isinstance(value, bool)):
                return value
        return event.value

    def alias(self, event: ev.AliasEvent) -> None:
        start, end = self._span(event)
        anchor = event.anchor or ""
        if anchor not in self.anchors:
            open_anchors = {frame.anchor for frame in self.stack}
            why = "refers to a node that contains it" if anchor in open_anchors else "has no anchor"
            raise _Stop(YamlProblem("PL014", start, end, f"the alias `*{anchor}` {why}"))
        value, size = self.anchors[anchor]
        self._add(value, size, start, end, False)

    def start_collection(self, event: ev.CollectionStartEvent, container: dict[str, Any] | list[Any]) -> None:
        self._check_tag(event, event.tag)
        start, end = self._span(event)
        if len(self.stack) >= MAX_DEPTH:
            raise _Stop(
                YamlProblem("PL016", start, end, f"the front matter nests deeper than {MAX_DEPTH} levels; not parsed")
            )
        pointer: Pointer = ()
        if self.stack:
            parent = self.stack[-1]
            if isinstance(parent.container, list):
                pointer = (*parent.pointer, len(parent.container))
            elif parent.key is not _NO_KEY:
                pointer = (*parent.pointer, parent.key)
        self.stack.append(_Frame(container, pointer, start, event.anchor))

    def mapping_start(self, event: ev.MappingStartEvent) -> None:
        self.start_collection(event, {})

    def sequence_start(self, event: ev.SequenceStartEvent) -> None:
        self.start_collection(event, [])

    def end_collection(self, event: ev.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if isinstance(frame.container, dict):
            self._merge(frame)
        end = self._span(event)[1]
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.total -= frame.size  # counted again, whole, by _add
        self._add(frame.container, frame.size, frame.start, end, False)

    def _merge(self, frame: _Frame) -> None:
        mapping = frame.container
        assert isinstance(mapping, dict)
        explicit = set(mapping)
        for source, at in frame.merges:
            sources = source if isinstance(source, list) else [source]
            for item in sources:
                if not isinstance(item, dict):
                    self.problems.append(
                        YamlProblem("PL014", at, at, "a `<<` merge key needs a mapping or a list of mappings")
                    )
                    continue
                for key, value in item.items():
                    if key not in explicit:
                        mapping.setdefault(key, value)

    def _add(self, value: Any, size: int, start: int, end: int, plain: bool) -> None:
        self.total += size
        if self.total > MAX_NODES:
            raise _Stop(
                YamlProblem(
                    "PL016",
                    start,
                    end,
                    f"the front matter expands to more than {MAX_NODES:,} values (aliases repeated "
                    "inside aliases); not parsed",
                )
            )
        if not self.stack:
            self.root = value
            self.source_map.add((), NodeSpan(start, end, plain=plain))
            return
        frame = self.stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, list):
            self.source_map.add((*frame.pointer, len(container)), NodeSpan(start, end, plain=plain))
            container.append(value)
        elif frame.key is _NO_KEY:
            frame.key = self._key_text(value, start, end)
            frame.key_span = (start, end)
            frame.key_plain = plain
        else:
            self._set(frame, container, value, start, end, plain)

    def _key_text(self, value: Any, start: int, end: int) -> str:
        if isinstance(value, str):
            return value
        if isinstance(value, (dict, list)):
            self.problems.append(
                YamlProblem("PL014", start, end, "a mapping or list used as a key cannot be represented in JSON")
            )
            return f"<complex key at offset {start}>"
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def _set(self, frame: _Frame, mapping: dict[str, Any], value: Any, start: int, end: int, plain: bool) -> None:
        key, (key_start, key_end) = frame.key, frame.key_span
        frame.key = _NO_KEY
        if key == "<<" and frame.key_plain:
            frame.merges.append((value, key_start))
            return
        pointer = (*frame.pointer, key)
        if key in mapping:
            first = self.source_map.get(pointer)
            first_line = self.line_of(first.key_start) if first and first.key_start is not None else "?"
            self.problems.append(
                YamlProblem(
                    "PL103",
                    key_start,
                    key_end,
                    f"`{key}` is defined twice (lines {first_line} and {self.line_of(key_start)}); "
                    "PyYAML keeps the last, go-yaml (Hugo) refuses the file",
                    "delete one of the two",
                )
            )
        mapping[key] = value
        self.source_map.add(pointer, NodeSpan(start, end, key_start, key_end, plain))


_HANDLERS: dict[type, Callable[[_Builder, Any], None]] = {
    ev.ScalarEvent: _Builder.scalar,
    ev.AliasEvent: _Builder.alias,
    ev.MappingStartEvent: _Builder.mapping_start,
    ev.SequenceStartEvent: _Builder.sequence_start,
    ev.MappingEndEvent: _Builder.end_collection,
    ev.SequenceEndEvent: _Builder.end_collection,
}


def _error_offset(exc: yaml.YAMLError, length: int) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return min(int(mark.index), length)
    position = getattr(exc, "position", None)
    return min(int(position), length) if isinstance(position, int) else 0


def _syntax_message(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if problem:
        text = f"{context}, {problem}" if context else str(problem)
    else:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"YAML syntax error: {text}"


def parse_yaml(text: str, base: int, line_of: Callable[[int], int]) -> YamlResult:
    """Parse `text`, which starts at offset `base` of the document."""
    builder = _Builder(base, line_of)
    loader = _Loader(text)
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, ev.DocumentEndEvent):
                break
            builder.feed(event)
    except _Stop as stop:
        builder.problems.append(stop.problem)
        return YamlResult(None, builder.source_map, builder.problems, ok=False)
    except yaml.YAMLError as exc:
        at = base + _error_offset(exc, len(text))
        message = _syntax_message(exc)
        if "nesting depth" in message:
            message = "the front matter nests deeper than the YAML parser allows; not parsed"
            builder.problems.append(YamlProblem("PL016", at, at, message))
        else:
            builder.problems.append(YamlProblem("PL014", at, at, message))
        return YamlResult(None, builder.source_map, builder.problems, ok=False)
    finally:
        loader.dispose()
    return YamlResult(builder.root, builder.source_map, builder.problems)
