"""PL210 slug-format."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.slugs.common import CLEAN, slug_of

if TYPE_CHECKING:
    import regex

ASCII_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
UNICODE_SLUG = r"[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}\u200c\u200d]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}\u200c\u200d]+)*"
# A hyphen that cuts an Indic syllable: before a mark or after a virama.
_BROKEN_SYLLABLE = lazy_regex(r"-\p{M}|\p{Canonical_Combining_Class=Virama}-")
_ASCII_SLUG = lazy_re(ASCII_SLUG)
"""The default pattern: ASCII only, so `re` reads it as `regex` does, without importing `regex`."""


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> regex.Pattern[str]:
    import regex

    return regex.compile(pattern)


def _problem(slug: str, options: Mapping[str, object]) -> str | None:
    unicode = bool(options["unicode"])
    pattern = str(options["pattern"] or (UNICODE_SLUG if unicode else ASCII_SLUG))
    limit = int(str(options["max-length"]))
    if unicode and _BROKEN_SYLLABLE.search(slug):
        return "a hyphen splits a syllable (next to a vowel sign or a virama), which breaks the word when shown"
    if not (_ASCII_SLUG if pattern == ASCII_SLUG else _compiled(pattern)).fullmatch(slug):
        kind = "lower-case letters, digits and marks" if unicode else "lower-case ASCII letters and digits"
        return f"must be {kind} in words joined by single hyphens"
    encoded = len(quote(slug, safe="-")) if unicode else len(slug)
    if encoded > limit:
        what = "percent-encoded it is" if unicode and encoded != len(slug) else "it is"
        return f"is too long: {what} {encoded} characters, over the limit of {limit}"
    return None


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    slug = slug_of(doc)
    if slug is None:
        return
    problem = _problem(slug.text, ctx.options)
    if problem is not None:
        yield ctx.report(doc, slug.start, slug.end, f"slug `{slug.text}` {problem}")


SLUG_FORMAT = Rule(
    code="PL210",
    name="slug-format",
    summary="A slug is not lower-case words joined by single hyphens, or is too long.",
    why="""
The slug becomes the post's URL. Capitals, spaces, underscores and doubled
hyphens make URLs that differ by case or encode as `%20`, and long slugs are cut
by some platforms. With `unicode = true`, non-Latin slugs are allowed, and the
rule checks what breaks Indic slugs: a hyphen next to a vowel sign or a virama
(splitting a syllable) and a percent-encoded length over `max-length`. Set
`pattern` to a regular expression of your own to replace the default.
""",
    bad=Example(CLEAN.replace("slug: slugs-are-fine-2025-04-10", "slug: Slugs_Are--Fine-2025-04-10")),
    good=Example(CLEAN),
    severity=Severity.WARNING,
    options={"pattern": "", "max-length": 100, "unicode": False},
    check=check,
)
