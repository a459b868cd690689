"""PL230 seo-title-length: title and description longer than search results show."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.schema_rules import schema_rejected
from postlint.rules.structure.examples import post

_LIMITS = {"title": "title-max", "description": "description-max"}


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters: what a reader counts as characters (ক্ষ is one)."""
    import regex  # imported when a post has a title: a large module

    return len(regex.findall(r"\X", text))


def seo_title_length(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.data is None:
        return
    for key, option in _LIMITS.items():
        value = fm.data.get(key)
        limit = int(ctx.options[option])
        if not isinstance(value, str) or len(value) <= limit or schema_rejected(doc, ctx, (key,)):
            continue  # a cluster holds at least one code point: short strings need no count
        count = grapheme_count(value)
        if count > limit:
            start, end = fm.locate((key,))
            message = f"`{key}` is {count} characters long (grapheme clusters); keep it to {limit} or fewer"
            hint = "search results and link previews cut longer text off"
            yield ctx.report(doc, start, end, message, hint)


_LONG_TITLE = '"উইচ্যাট ইনফ্লুয়েন্সারদের জন্য চীনের ব্র্যান্ডগুলোর সাথে সহযোগিতা করা কঠিন কেন?"'

SEO_TITLE_LENGTH = Rule(
    code="PL230",
    name="seo-title-length",
    summary="The title or description is longer than search results and link previews show.",
    why="""
Search engines show about 60-70 characters of a title and 150-160 of a
description; the rest is cut off, often mid-word. Length is counted as readers see
it, in grapheme clusters: a Bengali conjunct such as ক্ষ is three code points but
one character on screen, so counting code points would flag Bengali titles that
fit. The example's Bengali title is 46 clusters (79 code points).
""",
    bad=Example(post(title=_LONG_TITLE), {"title-max": 40}),
    good=Example(post(title=_LONG_TITLE)),
    severity=Severity.WARNING,
    options={"title-max": 70, "description-max": 160},
    check=seo_title_length,
)
