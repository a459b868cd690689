"""PL101-PL102, PL104: front matter checked against its JSON Schema.

One validation per document feeds all three rules; each error is placed on the
value it concerns (a missing key on the closing fence).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.frontmatter import FrontMatter
from postlint.frontmatter.yaml_scalars import yaml11_boolean
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.schema_messages import (
    describe,
    expected,
    format_message,
    near_key,
    subschema,
    type_message,
)
from postlint.schema import LoadedSchema, SchemaLoadError, SchemaStore

_CLEAN = post(title='"A clean post"', slug="a-clean-post-2025-04-10")


class Issue(NamedTuple):
    code: str
    start: int
    end: int
    message: str
    hint: str | None = None
    fix: Fix | None = None


def schema_for(doc: Document, ctx: RuleContext) -> LoadedSchema | None:
    """The schema that applies to `doc` (its own `$schema`, a glob, the default); None if unusable."""
    fm = doc.front_matter
    store = ctx.services.get("schemas")
    if fm is None or fm.data is None or store is None:
        return None
    chosen = _schema_for(doc, fm, store)
    return None if isinstance(chosen, Issue) else chosen


def declared_keys(schema: Any) -> tuple[dict[str, None], set[str]]:
    """The top-level keys a schema declares (`properties`, in order: a dict to look keys up in), and
    those it requires.

    Worked out once per schema (schemas live for the whole run); the caller must not
    change what it gets.
    """
    known = _DECLARED.get(id(schema))
    if known is None or known[0] is not schema:
        if len(_DECLARED) > 64:
            _DECLARED.clear()
        known = _DECLARED[id(schema)] = (schema, _declared_keys(schema))
    return known[1]


_DECLARED: dict[int, tuple[Any, tuple[dict[str, None], set[str]]]] = {}


def _declared_keys(schema: Any) -> tuple[dict[str, None], set[str]]:
    if not isinstance(schema, dict) or not isinstance(schema.get("properties"), dict):
        return {}, set()
    required = schema.get("required")
    names = dict.fromkeys(key for key in schema["properties"] if isinstance(key, str))
    return names, {key for key in required if isinstance(key, str)} if isinstance(required, list) else set()


def _schema_for(doc: Document, fm: FrontMatter, store: SchemaStore) -> LoadedSchema | Issue:
    assert fm.data is not None
    ref = fm.data.get("$schema")
    if isinstance(ref, str):
        doc.cacheable = False  # the schema it names can change while the post does not
        try:
            return store.from_post(ref, doc.path)
        except SchemaLoadError as exc:
            start, end = fm.locate(("$schema",))
            hint = "fix the path, or remove `$schema` to use the configured schema"
            return Issue("PL104", start, end, str(exc), hint)
    return store.for_path(doc.relative_path)


Pointer = tuple[str | int, ...]


def _fold_keys(data: dict[str, Any], schema: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Rename top-level keys to the schema's spelling when they differ only in case.

    Hugo lower-cases front-matter keys, so `Title` is `title` there. Returns the data
    and a map from the schema's spelling back to the key as written.
    """
    declared, _ = declared_keys(schema)
    by_lower = {name.lower(): name for name in declared}
    folded: dict[str, Any] = {}
    written: dict[str, str] = {}
    for key, value in data.items():
        name = key if key in declared else by_lower.get(key.lower(), key)
        if name in folded:
            name = key  # both spellings present: keep both as written
        folded[name] = value
        if name != key:
            written[name] = key
    return folded, written


def _issues(doc: Document, store: SchemaStore, fold_case: bool) -> list[Issue]:
    fm = doc.front_matter
    if fm is None or fm.data is None:
        return []
    chosen = _schema_for(doc, fm, store)
    if isinstance(chosen, Issue):
        return [chosen]
    data = {key: value for key, value in fm.data.items() if key != "$schema"} if "$schema" in fm.data else fm.data
    written: dict[str, str] = {}
    if fold_case:
        data, written = _fold_keys(data, chosen.schema)
    try:
        errors = list(chosen.validator.iter_errors(data))
    except Exception as exc:  # values the validator cannot take (NaN, huge numbers)
        return [Issue("PL102", fm.open_start, fm.open_end, f"the front matter cannot be validated: {exc}")]
    issues: list[Issue] = []
    for error in errors:
        issues.extend(_to_issues(error, data, fm, chosen.schema, written))
    return issues


def _value_at(data: Any, pointer: tuple[str | int, ...]) -> Any:
    for part in pointer:
        data = data[part]
    return data


def _to_issues(error: Any, data: Any, fm: FrontMatter, root: Any, written: dict[str, str]) -> Iterator[Issue]:
    pointer: Pointer = tuple(error.instance_path)
    kind = type(error.kind).__name__
    details = error.kind.as_dict()
    value = _value_at(data, pointer)
    if pointer and isinstance(pointer[0], str) and pointer[0] in written:
        start, end = fm.locate((written[pointer[0]], *pointer[1:]))
    else:
        start, end = fm.locate(pointer)
    if kind == "Required":
        missing = str(details.get("property", "")).strip('"')
        present = value.keys() if isinstance(value, dict) else ()
        where = f" in `{'/'.join(map(str, pointer))}`" if pointer else ""
        at = (fm.close_start, fm.close_end) if not pointer else (start, end)
        yield Issue("PL101", *at, f"`{missing}` is required{where} but missing", near_key(missing, present))
        return
    if kind in ("AdditionalProperties", "UnevaluatedProperties"):
        for key in details.get("unexpected", []):
            node = fm.node((*pointer, key))
            at = (node.key_start or node.start, node.key_end or node.end) if node else (start, end)
            allowed = subschema(root, error.schema_path[:-1]) or {}
            hint = near_key(key, allowed.get("properties", {}).keys()) if isinstance(allowed, dict) else None
            yield Issue("PL102", *at, f"`{key}` is not an allowed key here", hint)
        return
    message, hint = _describe_error(kind, details, pointer, value, error, root)
    yield Issue("PL102", start, end, message, hint, _boolean_fix(fm, pointer, written, value, message))


def _boolean_fix(fm: FrontMatter, pointer: Pointer, written: dict[str, str], value: Any, message: str) -> Fix | None:
    """`showToc: yes` where a boolean is required: write the boolean YAML 1.1 readers saw.

    Safe for an unquoted word (the schema demands a boolean and YAML 1.1 readers already
    read it so); unsafe when the word was quoted, since the writer chose a string.
    """
    meant = yaml11_boolean(value) if isinstance(value, str) and "true or false" in message else None
    if meant is None or fm.format != "yaml":
        return None
    source = (written.get(str(pointer[0]), pointer[0]), *pointer[1:]) if pointer else pointer
    node = fm.node(source)
    if node is None:
        return None
    word = "true" if meant else "false"
    return Fix.edit(node.start, node.end, word, f"write {word}", safe=node.plain)


def _describe_error(
    kind: str, details: dict[str, Any], pointer: tuple[str | int, ...], value: Any, error: Any, root: Any
) -> tuple[str, str | None]:
    from postlint.frontmatter.source_map import pointer_text

    name = pointer_text(pointer)
    if kind == "Type":
        types = details.get("types") or []
        words = " or ".join(expected({"type": t}, root) for t in types) or "a different type"
        return type_message(pointer, value, words)
    if kind in ("AnyOf", "OneOfNotValid"):
        return type_message(pointer, value, expected(subschema(root, error.schema_path[:-1]), root))
    if kind == "Format":
        return format_message(pointer, value, str(details.get("format"))), None
    if kind == "MinLength":
        limit = details.get("limit", 1)
        if limit == 1:
            return f"`{name}` must not be empty", None
        return f"`{name}` must be at least {limit} characters long; found {len(value)}", None
    if kind == "MaxLength":
        return f"`{name}` must be at most {details.get('limit')} characters long; found {len(value)}", None
    if kind in ("Enum", "Constant"):
        options = details.get("options", details.get("expected_value"))
        return f"`{name}` must be one of {options}; found {describe(value)}", None
    if kind == "Pattern":
        return f"`{name}` must match the pattern `{details.get('pattern')}`; found {describe(value)}", None
    if kind in ("MinItems", "MaxItems"):
        bound = "at least" if kind == "MinItems" else "at most"
        return f"`{name}` must have {bound} {details.get('limit')} items; found {describe(value)}", None
    if kind == "UniqueItems":
        return f"`{name}` must not repeat an item", None
    return f"`{name}`: {error.message}", None


def schema_issues(doc: Document, ctx: RuleContext) -> list[Issue]:
    """The schema issues of `doc`, computed once and shared by the schema rules (the caller must
    not change the list)."""
    cached: list[Issue] | None = doc.memo.get("schema-issues")
    if cached is None:
        cached = _issues(doc, ctx.services["schemas"], bool(ctx.services.get("case-insensitive-keys")))
        doc.memo["schema-issues"] = cached
    return cached


def schema_rejected(doc: Document, ctx: RuleContext, pointer: tuple[str | int, ...]) -> bool:
    """Whether a schema rule already reported the value at `pointer` (one report per defect).

    Rules about a value's content (a date's calendar, a YAML 1.1 boolean) stay quiet
    on values the schema has already rejected, so each defect is reported once.
    """
    fm = doc.front_matter
    if fm is None or "schemas" not in ctx.services:
        return False
    issues = schema_issues(doc, ctx)
    if not issues:
        return False  # most documents
    start, end = fm.locate(pointer)
    return any(issue.start == start and issue.end == end for issue in issues)


def _issues_with(code: str) -> Any:
    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for issue in schema_issues(doc, ctx):
            if issue.code == code:
                yield ctx.report(doc, issue.start, issue.end, issue.message, issue.hint, issue.fix)

    return check


MISSING_REQUIRED_KEY = Rule(
    code="PL101",
    name="missing-required-key",
    summary="A key the schema requires is missing from the front matter.",
    why="""
Themes and templates read these keys: a post without `slug` or `date` gets a
wrong URL or sorts to the wrong place, silently. The finding sits on the closing
fence, where the key would go, and names a near key if one was probably meant
(`Title` for `title`, `show_toc` for `showToc`).
""",
    bad=Example("---\ntitle: Hello\nslug: hello\ndate: 2025-04-10\nshowToc: false\n---\n"),
    good=Example(_CLEAN),
    check=_issues_with("PL101"),
)

SCHEMA_VIOLATION = Rule(
    code="PL102",
    name="schema-violation",
    summary="A front-matter value does not match the schema (wrong type, empty, not a date, unexpected key).",
    why="""
A value of the wrong type breaks templates in ways that show up only on the
live site: `showToc: "yes"` is a non-empty string, so a theme testing it as a
boolean shows the table of contents on every post. Each error is placed on the
offending value and says what was found and what is expected.
""",
    bad=Example("---\ntitle: Hello\nslug: hello\ndate: 2025-04-10\ntags: [news, 3]\nshowToc: yes\n---\n"),
    good=Example(_CLEAN),
    fixable=True,
    check=_issues_with("PL102"),
)

SCHEMA_REFERENCE = Rule(
    code="PL104",
    name="bad-schema-reference",
    summary="The post's `$schema` key names a schema that cannot be used.",
    why="""
A post may choose its schema with a `$schema` key: a path relative to the post
or to the project root. A URL is never fetched, a path outside the project is
never read, and a missing or invalid schema is reported here instead of being
silently replaced by the default.
""",
    bad=Example(_CLEAN.replace("showToc: false", "showToc: false\n$schema: https://example.com/post.json")),
    good=Example(_CLEAN),
    severity=Severity.ERROR,
    check=_issues_with("PL104"),
)

RULES = (MISSING_REQUIRED_KEY, SCHEMA_VIOLATION, SCHEMA_REFERENCE)
