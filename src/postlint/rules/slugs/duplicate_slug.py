"""PL220 duplicate-slug: two posts that would publish at the same URL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from postlint.document import Document
from postlint.findings import Finding
from postlint.fold import identity_key
from postlint.rule import CorpusRule, Example, Fact, RuleContext
from postlint.rules.slugs.common import CLEAN, slug_of

slug_key = identity_key
"""Slugs that a server or a person would confuse compare equal: NFC, case-folded."""


def collect(doc: Document, ctx: RuleContext) -> Iterator[Fact]:
    slug = slug_of(doc)
    if slug is not None:
        yield Fact(doc.display_path, (slug_key(slug.text), slug.text), doc.index.span(slug.start, slug.end))


def _where(fact: Fact) -> str:
    return f"{fact.path}:{fact.span.start.line}"


def finish(facts: Sequence[Fact], ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.value[0]].append(fact)
    for group in groups.values():
        if len({fact.path for fact in group}) < 2:
            continue
        for fact in group:
            others = [other for other in group if other is not fact]
            shown = ", ".join(f"`{other.value[1]}` in {_where(other)}" for other in others[:3])
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            yield ctx.finding(
                fact.path,
                fact.span,
                f"slug `{fact.value[1]}` is also used by {shown}{more}; both posts would publish at one URL",
                "give one of the posts a different slug",
            )


DUPLICATE_SLUG = CorpusRule(
    code="PL220",
    name="duplicate-slug",
    summary="Two posts have the same slug (also after Unicode normalization and case folding).",
    why="""
Two posts with one slug publish at one URL: the generator keeps one and the
other silently disappears (or the build fails). Slugs are compared after NFC
normalization and case folding, since servers and readers confuse those too.
When only a few files are checked (a pre-commit run), the rest of the content
root is read for its slugs, and findings are reported for the files asked for.
""",
    bad=Example(CLEAN, companions={"older.md": CLEAN.replace('title: "', 'title: "পুরোনো ')}),
    good=Example(CLEAN),
    collect=collect,
    finish=finish,
)
