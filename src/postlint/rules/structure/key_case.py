"""PL106 key-case-variant: a key that is a schema key spelt with other case or separators."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.fold import squash_key
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.schema_rules import declared_keys, schema_for
from postlint.rules.structure.examples import post


def _rename(text: str, start: int, end: int, key: str, wanted: str) -> Fix | None:
    written = text[start:end]
    for quote in ("", '"', "'"):
        if written == f"{quote}{key}{quote}":
            return Fix.edit(start, end, f"{quote}{wanted}{quote}", f"rename to {wanted}", safe=False)
    return None


def key_case_variant(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.data is None or doc.text is None:
        return
    fold_case = bool(ctx.options["case-insensitive-keys"] or ctx.services.get("case-insensitive-keys"))
    schema = schema_for(doc, ctx)
    declared, required = declared_keys(schema.schema if schema is not None else None)
    undeclared = [key for key in fm.data if key not in declared]
    by_squashed = {squash_key(key): key for key in declared} if undeclared else {}
    for key in undeclared:
        wanted = by_squashed.get(squash_key(key))
        node = fm.node((key,))
        if wanted is None or node is None or node.key_start is None or node.key_end is None:
            continue
        if fold_case and key.casefold() == wanted.casefold():
            continue  # the generator reads `Title` as `title`
        also = wanted in fm.data
        if wanted in required and not also:
            continue  # missing-required-key reports it, naming this key
        message = f"`{key}` is the schema key `{wanted}` spelt differently; templates read `{wanted}`"
        hint = f"`{wanted}` is also set: delete one of the two" if also else f"rename it to `{wanted}`"
        fix = None if also else _rename(doc.text, node.key_start, node.key_end, key, wanted)
        yield ctx.report(doc, node.key_start, node.key_end, message, hint, fix)


KEY_CASE_VARIANT = Rule(
    code="PL106",
    name="key-case-variant",
    summary="A front-matter key differs from a schema key only in case, `_` or `-` (`Title`, `ShowToc`, `show_toc`).",
    why="""
Jekyll, Eleventy, Astro and most themes look keys up exactly: `Title` is not
`title`, and `show_toc` is not `showToc`, so the value is silently ignored and the
template falls back to a default. Hugo lower-cases every key, so on a Hugo site
only separators matter: with `case-insensitive-keys = true` (the `hugo` preset sets
it) `Title` passes and `show_toc` is still reported. A required key that is missing is reported once, by
missing-required-key, which names the variant. The fix renames the key; it is
unsafe because a template that reads the variant would stop seeing it.
""",
    bad=Example(post(Description='"চীনা ব্র্যান্ডের সাথে কাজের নিয়ম"', show_toc="false")),
    good=Example(post(description='"চীনা ব্র্যান্ডের সাথে কাজের নিয়ম"')),
    severity=Severity.WARNING,
    options={"case-insensitive-keys": False},
    fixable=True,
    check=key_case_variant,
)
