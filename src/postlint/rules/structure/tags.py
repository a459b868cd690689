"""Tags within one post: PL221 tag-whitespace, PL222 duplicate-tag, PL224 keywords-as-string."""

from __future__ import annotations

import json
from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.fold import identity_key
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.schema_rules import schema_rejected
from postlint.rules.structure.examples import post

TAG_LISTS = ("tags", "keywords")


tag_key = identity_key
"""What makes two tags the same tag: NFC, case folding, and whitespace collapsed."""


def tag_items(doc: Document, key: str) -> list[tuple[int, str]]:
    """Index and text of each string item of the front-matter list at `key` (worked out once per
    document: three rules ask)."""
    memo: dict[str, list[tuple[int, str]]] | None = doc.memo.get(_MEMO)
    if memo is None:
        memo = doc.memo[_MEMO] = {}
    found = memo.get(key)
    if found is None:
        fm = doc.front_matter
        items = fm.data.get(key) if fm is not None and fm.data is not None else None
        found = memo[key] = (
            [(index, item) for index, item in enumerate(items) if isinstance(item, str)]
            if isinstance(items, list)
            else []
        )
    return found


_MEMO = "structure.tag-items"


def _strip_fix(text: str, start: int, end: int, item: str) -> Fix | None:
    """Delete the whitespace inside the quotes of `" China "`, when it is written literally."""
    raw = text[start:end]
    lead, trail = item[: len(item) - len(item.lstrip())], item[len(item.rstrip()) :]
    if len(raw) < 2 or raw[0] not in "'\"" or raw[-1] != raw[0] or "\n" in raw:
        return None
    inner = raw[1:-1]
    if not (inner.startswith(lead) and inner.endswith(trail)) or len(inner) < len(lead) + len(trail):
        return None
    stripped = raw[0] + inner[len(lead) : len(inner) - len(trail)] + raw[0]
    return Fix.edit(start, end, stripped, "strip the whitespace")


def tag_whitespace(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or doc.text is None:
        return
    for key in TAG_LISTS:
        for index, item in tag_items(doc, key):
            if item == item.strip() or schema_rejected(doc, ctx, (key, index)):
                continue
            start, end = fm.locate((key, index))
            located = fm.node((key, index)) is not None
            if not item.strip():
                yield ctx.report(doc, start, end, f"`{key}[{index}]` is only whitespace", "delete it")
                continue
            message = f"`{key}[{index}]` {json.dumps(item, ensure_ascii=False)} has whitespace around the tag"
            hint = "generators make a separate tag (and URL) of it; delete the spaces"
            fix = _strip_fix(doc.text, start, end, item) if located else None
            yield ctx.report(doc, start, end, message, hint, fix)


def duplicate_tag(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None:
        return
    for key in TAG_LISTS:
        seen: dict[str, tuple[int, str]] = {}
        for index, item in tag_items(doc, key):
            same = tag_key(item)
            if not same:
                continue
            if same not in seen:
                seen[same] = (index, item)
                continue
            if schema_rejected(doc, ctx, (key,)):
                break
            first, first_text = seen[same]
            line = doc.index.position(fm.locate((key, first))[0]).line
            start, end = fm.locate((key, index))
            message = f'`{key}[{index}]` "{item}" repeats "{first_text}" (`{key}[{first}]`, line {line})'
            yield ctx.report(doc, start, end, message, "delete one of the two")


def _as_list(text: str) -> str:
    items = [item.strip() for item in text.split(",") if item.strip()]
    return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"


def keywords_as_string(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.data is None or doc.text is None:
        return
    keywords = fm.data.get("keywords")
    if not (isinstance(keywords, str) and "," in keywords and isinstance(fm.data.get("tags"), list)):
        return
    start, end = fm.locate(("keywords",))
    raw = doc.text[start:end]
    fix = None
    if fm.format == "yaml" and fm.node(("keywords",)) is not None and "\n" not in raw and raw[:1] not in "|>":
        fix = Fix.edit(start, end, _as_list(keywords), "write keywords as a list", safe=False)
    message = "`keywords` is a comma-separated string while `tags` is a list; write both as lists"
    yield ctx.report(doc, start, end, message, "themes that loop over `keywords` see one long keyword", fix)


TAG_WHITESPACE = Rule(
    code="PL221",
    name="tag-whitespace",
    summary="A tag or keyword has spaces (or other whitespace) before or after it.",
    why="""
`" China"` is not `"China"` to a generator: it becomes a second tag with its own
page and URL (`/tags/-china/`). The fix deletes the whitespace inside the quotes.
A tag that is only whitespace is reported without a fix: delete it.
""",
    bad=Example(post(tags='[উইচ্যাট, " চীন"]')),
    good=Example(post(tags='[উইচ্যাট, "চীন"]')),
    severity=Severity.WARNING,
    fixable=True,
    check=tag_whitespace,
)

DUPLICATE_TAG = Rule(
    code="PL222",
    name="duplicate-tag",
    summary="A post lists the same tag twice (compared after NFC, case folding and whitespace).",
    why="""
`[China, china]` lists the post twice on the same tag page, or splits it over two
pages, depending on the generator. Tags are compared the way readers see them:
case-folded, NFC-normalised (য় typed as one code point equals য + ়), with runs of
whitespace collapsed. The finding is on the second occurrence and names the first.
""",
    bad=Example(post(tags="[China, উইচ্যাট, china]")),
    good=Example(post(tags="[China, উইচ্যাট]")),
    severity=Severity.WARNING,
    check=duplicate_tag,
)

KEYWORDS_AS_STRING = Rule(
    code="PL224",
    name="keywords-as-string",
    summary="`keywords` is one comma-separated string while `tags` is a list (opt in).",
    why="""
The default schema allows both forms, and some themes split the string; but a
template that loops over `keywords` the way it loops over `tags` then emits a
single keyword "a, b, c". Opt in (`extend-select = ["PL224"]`) to keep the two
alike. The fix writes the keywords as a quoted list; unsafe, since a template that
splits the string would then break.
""",
    bad=Example(post(keywords="উইচ্যাট, চীন")),
    good=Example(post(keywords="[উইচ্যাট, চীন]")),
    severity=Severity.WARNING,
    enabled_by_default=False,
    fixable=True,
    check=keywords_as_string,
)
