"""PL223 tag-variants: across the tree, tags that differ only in case, normalization or whitespace."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from operator import attrgetter

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.rule import CorpusRule, Example, Fact, RuleContext
from postlint.rules.structure.examples import post
from postlint.rules.structure.tags import tag_items, tag_key


def collect_tags(doc: Document, ctx: RuleContext) -> Iterator[Fact]:
    """One fact per tag: its text without surrounding whitespace (tag-whitespace's), at its position."""
    fm = doc.front_matter
    if fm is None:
        return
    for index, item in tag_items(doc, "tags"):
        start, end = fm.locate(("tags", index))
        yield Fact(doc.display_path, item.strip(), doc.index.span(start, end))


def shown(tag: str, twins: Counter[str]) -> str:
    """A tag as the message shows it: quoted, and with the code points NFC would change when
    another variant looks the same (`twins` counts the variants by NFC form)."""
    text = json.dumps(tag, ensure_ascii=False)
    normal = unicodedata.normalize("NFC", tag)
    if normal == tag or twins[normal] < 2:
        return text
    changed = sorted({f"U+{ord(char):04X}" for char in tag if char not in normal})
    return f"{text} (not NFC: {', '.join(changed) or 'order of marks'})"


def _first_per_file(facts: Sequence[Fact]) -> dict[str, list[Fact]]:
    """Facts grouped by tag key, keeping a tag's first occurrence in each file.

    A variant repeated inside one post is duplicate-tag's finding, not this rule's.
    """
    groups: dict[str, list[Fact]] = {}
    seen: set[tuple[str, str]] = set()
    # By path only: the sort is stable, and a file's tags were collected in their order in the
    # file (sorting on the spans too made this sort 20 times slower on a large tree).
    ordered = sorted(facts, key=attrgetter("path"))
    for fact in ordered:
        if not isinstance(fact.value, str) or not (same := tag_key(fact.value)) or (fact.path, same) in seen:
            continue
        seen.add((fact.path, same))
        groups.setdefault(same, []).append(fact)
    return groups


def _posts(uses: list[Fact]) -> str:
    return f"{len(uses)} post{'s' * (len(uses) != 1)}"


def report_variants(facts: Sequence[Fact], ctx: RuleContext) -> Iterator[Finding]:
    for group in _first_per_file(facts).values():
        by_text: dict[str, list[Fact]] = {}
        for fact in group:
            by_text.setdefault(str(fact.value), []).append(fact)
        if len(by_text) < 2:
            continue
        ranked = sorted(by_text.items(), key=lambda pair: (-len(pair[1]), pair[0]))
        twins = Counter(unicodedata.normalize("NFC", text) for text in by_text)
        for text, uses in by_text.items():
            others = ", ".join(f"{shown(other, twins)} in {_posts(o)}" for other, o in ranked if other != text)
            message = f"tag {shown(text, twins)} (in {_posts(uses)}) is also written {others}"
            hint = f"use one spelling everywhere; the most used is {json.dumps(ranked[0][0], ensure_ascii=False)}"
            yield ctx.finding(uses[0].path, uses[0].span, message, hint)


TAG_VARIANTS = CorpusRule(
    code="PL223",
    name="tag-variants",
    summary="Across the tree, tags that differ only in case, Unicode normalization or whitespace.",
    why="""
"China" on one post and "china" on another make two tag pages on a
case-sensitive generator, or one page whose title depends on which post was
read first. য় typed as one code point (U+09DF) and as য + ় (U+09AF U+09BC) look
identical and make two tags everywhere. Each variant is reported once, at its
first occurrence, with the other variants and how many posts use each. Spaces
around a tag are left to tag-whitespace (spaces inside it count here), and a
variant repeated inside one post to duplicate-tag.
""",
    bad=Example(
        post(tags="[China, উইচ্যাট]"),
        companions={"older.md": post(slug="older-post-2025-04-10", tags="[china]")},
    ),
    good=Example(post()),
    severity=Severity.WARNING,
    collect=collect_tags,
    finish=report_variants,
)
