"""PL506 bn-legacy-khanda-ta: ta + virama + ZWJ written for khanda ta, which has its own letter U+09CE."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Rule, RuleContext
from postlint.rules.bengali import letters as bn
from postlint.rules.bengali.examples import GOOD, bad
from postlint.rules.bengali.scope import applies, bengali_prose, prose_matches

_LEGACY_TEXT = "\u09a4\u09cd\u200d"
_LEGACY = lazy_regex(_LEGACY_TEXT)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    if _LEGACY_TEXT not in text or not applies(doc, ctx):
        return
    for match in prose_matches(doc, _LEGACY):
        word = bn.quoted_word(text, match.start(), match.end())
        yield ctx.report(
            doc,
            match.start(),
            match.end(),
            f"khanda ta written as ta + virama + U+200D ZERO WIDTH JOINER in {word}; write {char_name(bn.KHANDA_TA)}",
            hint=f"write `{bn.KHANDA_TA}`",
            fix=Fix.edit(match.start(), match.end(), bn.KHANDA_TA, "write U+09CE BENGALI LETTER KHANDA TA"),
        )


LEGACY_KHANDA_TA = Rule(
    code="PL506",
    name="bn-legacy-khanda-ta",
    summary="Khanda ta is written as ta + virama + ZWJ instead of U+09CE BENGALI LETTER KHANDA TA.",
    why=(
        "Before Unicode 4.1 khanda ta was encoded as ta + virama + ZWJ; U+09CE replaces and obsoletes "
        "that sequence (r12a). The old form renders differently across fonts and does not match the "
        "same word typed today (utsab with U+09CE), so search misses it. The replacement is safe."
    ),
    bad=bad("\u0989\u09a4\u09cd\u200d\u09b8\u09ac \u09b6\u09c1\u09b0\u09c1 \u09b9\u09b2\u0964"),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=check,
    applies=bengali_prose,
)
