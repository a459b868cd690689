"""PL105 yaml-type-drift: plain YAML scalars that YAML 1.1 and YAML 1.2 read differently."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.frontmatter import FrontMatter
from postlint.frontmatter.source_map import Pointer
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.schema_messages import describe
from postlint.rules.schema_rules import schema_rejected
from postlint.rules.structure.examples import post
from postlint.rules.structure.yaml11 import MAYBE_TYPED, REFUSED, is_timestamp, yaml11_readings


def _words(value: Any) -> str:
    return "null (no value)" if value is None else describe(value)


def _reading(value: Any, readers: list[str]) -> str:
    if value is REFUSED:
        return f"its value type, which {', '.join(readers)} cannot load"
    return f"{_words(value)} ({', '.join(readers)})"


def _written(value: Any) -> str | None:
    """`value` as YAML 1.1 and 1.2 both read it, when it is a boolean or a number."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, (int, float)) and value == value else None


def _plain_scalars(text: str, fm: FrontMatter) -> Iterator[tuple[Pointer | None, int, int, str]]:
    """Plain values (with their pointer) and plain keys (pointer None) of the front matter that may
    drift, as written: those that start with a character some reader types on (`yaml11.MAYBE_TYPED`)
    and that are not known to read alike everywhere (`_STEADY`)."""
    steady = _STEADY
    for pointer, (start, end, key_start, key_end, plain) in fm.source_map.nodes.items():
        if plain and text[start : start + 1] in MAYBE_TYPED:
            raw = text[start:end]
            if (raw, False) not in steady:
                yield pointer, start, end, raw
        if key_start is not None and key_end is not None and text[key_start] in MAYBE_TYPED:
            raw = text[key_start:key_end]
            if (raw, True) not in steady:
                yield None, key_start, key_end, raw


def _message(raw: str, modern: Any, readings: dict[str, Any], is_key: bool) -> tuple[str, str]:
    groups: dict[str, tuple[Any, list[str]]] = {}
    for reader, value in readings.items():
        groups.setdefault(repr(value), (value, []))[1].append(reader)
    old = "; ".join(_reading(value, readers) for value, readers in groups.values())
    what = f"the key `{raw}`" if is_key else f"`{raw}`"
    message = f"{what} is {_words(modern)} in YAML 1.2 (Hugo >= 0.152), but YAML 1.1 reads it as {old}"
    first = next(iter(readings.values()))
    other = _written(first) if isinstance(first, bool) and isinstance(modern, str) else _written(modern)
    hint = f"quote it ({json.dumps(raw)}) to make it text for every reader"
    return message, hint + (f", or write {other}" if other and not is_key else "")


_STEADY: set[tuple[str, bool]] = set()
"""Plain scalars (text, is a key) that every reader types alike: keys, `true`, tag words repeat."""
_STEADY_SIZE = 4096


def yaml_type_drift(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.format != "yaml" or fm.data is None or doc.text is None:
        return
    for pointer, start, end, raw in _plain_scalars(doc.text, fm):
        if "\n" in raw or is_timestamp(raw):
            continue  # a date: the same for every reader, and too varied to remember in `_STEADY`
        modern, readings = yaml11_readings(raw, key=pointer is None)
        if not readings and len(_STEADY) < _STEADY_SIZE:
            _STEADY.add((raw, pointer is None))
        if not readings or (pointer is not None and schema_rejected(doc, ctx, pointer)):
            continue
        message, hint = _message(raw, modern, readings, pointer is None)
        fix = Fix.edit(start, end, json.dumps(raw, ensure_ascii=False), "quote it", safe=False)
        yield ctx.report(doc, start, end, message, hint, fix)


YAML_TYPE_DRIFT = Rule(
    code="PL105",
    name="yaml-type-drift",
    summary="A plain YAML value that YAML 1.1 and YAML 1.2 readers read as different types or numbers.",
    why="""
postlint, Hugo >= 0.152 and go-yaml v3 read YAML 1.2; PyYAML, Jekyll (Ruby's Psych)
and older Hugo (go-yaml v2) read YAML 1.1. The same unquoted word then means two
things: `yes`, `no`, `on`, `off` (any case for Jekyll) and `y`/`n` (older Hugo) are
booleans in 1.1 and text in 1.2; `12:30` is the number 750 (base 60) in 1.1;
`012` is 10 (octal) in 1.1 and 12 in 1.2; `0b1010` and `1_000` are numbers only in
1.1, `0o17`, `+.5` and `1e3` only in 1.2. A tag list with `yes` in it gets a tag
`true` on a Jekyll site. The fix quotes the value, which makes it text for every
reader: unsafe, because that is not always what was meant. Values the schema
already rejects (`showToc: yes`) are left to the schema rule.
""",
    bad=Example(post(tags="[উইচ্যাট, yes]", time="12:30")),
    good=Example(post(tags='[উইচ্যাট, "yes"]', time='"12:30"')),
    severity=Severity.WARNING,
    fixable=True,
    check=yaml_type_drift,
)
