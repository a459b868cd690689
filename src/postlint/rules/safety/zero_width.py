"""PL304 zero-width-space: U+200B, invisible and word-joining."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import around
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, is_word, place_at, runs
from postlint.rules.safety._examples import GOOD

_ZWSP = "\u200b"
# Scripts written without spaces, where U+200B is the word-break hint.
_NO_SPACE_SCRIPT = lazy_regex(r"[\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}\p{scx=Tale}\p{scx=Talu}]")
_SAFE_SCRIPT = lazy_regex(r"[\p{scx=Beng}\p{scx=Latn}\p{scx=Zyyy}\p{scx=Zinh}]")


def _allowed(before: str, after: str) -> bool:
    """U+200B between letters of a script written without spaces (Thai, Lao, Khmer, Myanmar)."""
    sea = [c for c in (before, after) if c and _NO_SPACE_SCRIPT.match(c)]
    others = [c for c in (before, after) if is_word(c) and not _NO_SPACE_SCRIPT.match(c)]
    return bool(sea) and not others


def _safe_to_remove(before: str, after: str) -> bool:
    return all(not is_word(c) or _SAFE_SCRIPT.match(c) for c in (before, after))


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for start, end in runs(hits_of(doc, _ZWSP.__eq__)):
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if _allowed(before, after):
            continue
        place = place_at(doc, start)
        count = "a zero-width space U+200B" if end - start == 1 else f"{end - start} zero-width spaces U+200B"
        yield ctx.report(
            doc,
            start,
            end,
            f"{count} in {place.label} at `{around(text, start, end)}`; it breaks search, hashtags and word counts",
            severity=Severity.ERROR if place.is_sensitive else None,
            hint="delete it; to allow a line break inside a long word, use a hyphen or CSS",
            fix=Fix.edit(
                start, end, "", "remove the zero-width space", safe=place.is_sensitive or _safe_to_remove(before, after)
            ),
        )


ZERO_WIDTH_SPACE = Rule(
    code="PL304",
    name="zero-width-space",
    summary="A zero-width space (U+200B) outside Thai, Lao, Khmer or Myanmar text.",
    why=(
        "U+200B is invisible but splits or glues words for every program that reads the text: `বাংলা<ZWSP>দেশ` "
        "is not found by a search for বাংলাদেশ, hashtags and slugs break, word counts drift (pylint E2515). "
        "It is legitimate only as the word-break hint of scripts written without spaces (Thai, Lao, Khmer, "
        "Myanmar). The rule runs everywhere, code included: in code, front-matter keys and slugs it changes "
        "what a program or a URL reads, so it is an error there and a warning in prose. Removing it is safe "
        "next to Bengali and Latin text; elsewhere the fix is offered as unsafe."
    ),
    bad=Example(
        post(
            "\u09ab\u09bf\u099c\u09bf\u0995\u09cd\u09af\u09be\u09b2 \u200b\u200b"
            "\u0995\u09ae\u09cd\u09aa\u09bf\u0989\u099f\u09be\u09b0\n"
        )
    ),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check,
    applies=has_candidates,
)
