"""PL410 replacement-char: U+FFFD, the mark of a lossy decode somewhere upstream."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import snippet
from postlint.document import Document, line_bounds
from postlint.findings import Finding
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.integrity._common import in_code
from postlint.rules.integrity.mojibake import find_mojibake
from postlint.unusual import unusual_chars

_REPLACEMENT = lazy_re("\ufffd+")


def _has_replacement(doc: Document, ctx: RuleContext) -> bool:
    return "\ufffd" in unusual_chars(doc)


def _replacement_char(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or "\ufffd" not in text:
        return
    mojibake = [(item.start, item.end) for item in find_mojibake(doc)]
    for match in _REPLACEMENT.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in mojibake):
            continue  # reported as mojibake
        if in_code(doc, start):
            continue  # a post about U+FFFD shows it in code
        line_start, line_end = line_bounds(text, start)
        around = snippet(text, max(line_start, start - 12), min(line_end, end + 12))
        yield ctx.report(
            doc,
            start,
            end,
            f"U+FFFD REPLACEMENT CHARACTER in `{around}`: text was lost in a lossy decode; "
            "the original characters are expected here",
            "restore the text from its original source; the bytes that were here cannot be recovered from this file",
        )


RULES = (
    Rule(
        code="PL410",
        name="replacement-char",
        summary="U+FFFD REPLACEMENT CHARACTER in text: something upstream failed to decode and lost the original.",
        why=(
            "A decoder writes U+FFFD where it met bytes it could not read (Unicode \u00a73.9); the original "
            "characters are gone and readers see \ufffd. Code spans and code blocks are not checked, so a post "
            "can still write about the character."
        ),
        bad=Example(post("Dhaka is the capital of Bangl\ufffd\ufffdesh.\n")),
        good=Example(post("Broken decodes show `\ufffd` (U+FFFD) in place of the lost text.\n")),
        check=_replacement_char,
        applies=_has_replacement,
    ),
)
