"""Turn jsonschema-rs errors into sentences a writer can act on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from postlint.dates import EXAMPLES, parse_post_date
from postlint.fold import squash_key
from postlint.frontmatter.source_map import Pointer, pointer_text
from postlint.frontmatter.yaml_scalars import yaml11_boolean

_TYPE_WORDS = {
    "string": "text (a string)",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "empty (null)",
}


def describe(value: Any) -> str:
    """What was found, in words: `the string "yes"`, `the number 3`."""
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'the string "{shown}"' if value else "an empty string"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if value is None:
        return "an empty value (null)"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def expected(schema: Any, root: Any) -> str:
    """What a (sub)schema accepts, in words: `a string or a list of strings`."""
    schema = resolve_ref(schema, root)
    if not isinstance(schema, dict):
        return "a different value"
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list):
            return " or ".join(dict.fromkeys(expected(option, root) for option in schema[key]))
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kind)
    if kind == "array" and isinstance(schema.get("items"), dict):
        inner = resolve_ref(schema["items"], root)
        inner_type = inner.get("type") if isinstance(inner, dict) else None
        if isinstance(inner_type, str):
            return f"a list of {inner_type}s" if inner_type != "object" else "a list of mappings"
    if isinstance(kind, str):
        return _TYPE_WORDS.get(kind, kind)
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    return "a different value"


def resolve_ref(schema: Any, root: Any) -> Any:
    """Follow a local `$ref` (`#/$defs/date`); other refs stay as they are."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 20:
        ref = schema["$ref"]
        if not ref.startswith("#"):
            return schema
        node = root
        for part in [p for p in ref[1:].split("/") if p]:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node.get(part) if isinstance(node, dict) else None
        schema, seen = node, seen + 1
    return schema


def subschema(root: Any, schema_path: Iterable[str | int]) -> Any:
    """The schema object that holds the failing keyword."""
    node = root
    for part in schema_path:
        if isinstance(node, dict) and "$ref" in node and part not in node:
            node = resolve_ref(node, root)
        if part == "$ref":
            node = resolve_ref(node, root)
            continue
        if isinstance(node, dict):
            node = node.get(str(part))
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def near_key(missing: str, present: Iterable[str]) -> str | None:
    """A key that was probably meant to be `missing`, with advice."""
    keys = [key for key in present if isinstance(key, str)]
    for key in keys:
        if squash_key(key) == squash_key(missing):
            return f"found `{key}`: keys are case- and spelling-sensitive; rename it to `{missing}`"
    import difflib  # only when a key is missing

    close = difflib.get_close_matches(missing, keys, n=1, cutoff=0.75)
    if close:
        return f"did you mean `{missing}`? found `{close[0]}`"
    return None


def type_message(pointer: Pointer, value: Any, words: str) -> tuple[str, str | None]:
    name = pointer_text(pointer)
    hint = None
    if isinstance(value, str) and yaml11_boolean(value) is not None and "true or false" in words:
        hint = f"YAML 1.2 readers such as Hugo keep `{value}` a string, YAML 1.1 readers a boolean; write true or false"
    elif isinstance(value, (int, float, bool)) and words.startswith("text"):
        hint = "put the value in quotes to keep it text"
    return f"`{name}` must be {words}; found {describe(value)}", hint


def format_message(pointer: Pointer, value: Any, fmt: str) -> str:
    name = pointer_text(pointer)
    if fmt == "post-date":
        if isinstance(value, str) and parse_post_date(value) is None and value[:4].isdigit():
            return f"`{name}` must be a real date such as {EXAMPLES}; found {describe(value)}"
        return f"`{name}` must be a date such as {EXAMPLES}; found {describe(value)}"
    return f"`{name}` must be a valid {fmt}; found {describe(value)}"
