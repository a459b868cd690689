"""PL501-PL505: vowel signs, virama, nukta and candrabindu that sit on the wrong base or in the wrong order."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.rule import Rule, RuleContext
from postlint.rules.bengali.examples import GOOD, bad
from postlint.rules.bengali.scope import applies, misplaced_marks
from postlint.rules.bengali.syllables import syllable_defects


def check_syllables(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """The shared syllable pass's defects that belong to this rule."""
    if not applies(doc, ctx):
        return
    for defect in syllable_defects(doc):
        if defect.rule == ctx.rule.name:
            yield ctx.report(doc, defect.start, defect.end, defect.message, hint=defect.hint, fix=defect.fix)


ORPHAN_MARK = Rule(
    code="PL501",
    name="bn-orphan-mark",
    summary="A vowel sign, virama, nukta or sign (candrabindu, anusvara, visarga) has no letter to attach to.",
    why=(
        "A mark at the start of a word or after a space, punctuation or Latin renders on a dotted circle "
        "and breaks search. The usual source is typing in visual order (the i-kar before its consonant). "
        "Allowed: a mark cited on U+25CC or NBSP or quoted on its own, the virama of a-virama-ya and "
        "e-virama-ya, signs after an independent vowel, and a visarga used as a colon after a number."
    ),
    bad=bad("\u09bf\u0995\u09a8\u09cd\u09a4\u09c1 \u0986\u09ae\u09bf \u099c\u09be\u09a8\u09bf\u0964"),
    good=GOOD,
    severity=Severity.ERROR,
    check=check_syllables,
    applies=misplaced_marks,
)

DOUBLE_VOWEL_SIGN = Rule(
    code="PL502",
    name="bn-double-vowel-sign",
    summary="Two different vowel signs follow each other on one letter.",
    why=(
        "A letter takes one vowel sign; a second one is a typing error, most often the two halves of "
        "o-kar typed in visual order (aa then e). The decomposed o-kar and au-kar (e then aa, e then "
        "the au length mark) are left to not-nfc."
    ),
    bad=bad("\u09a4\u09be\u09c7\u09ae\u09be\u09b0 \u09a8\u09be\u09ae \u0995\u09c0?"),
    good=GOOD,
    severity=Severity.ERROR,
    check=check_syllables,
    applies=misplaced_marks,
)

VOWEL_SIGN_AFTER_VOWEL = Rule(
    code="PL503",
    name="bn-vowel-sign-after-vowel",
    summary="An independent vowel is followed by a vowel sign (a + aa-kar instead of aa).",
    why=(
        "The pair looks like the intended vowel in some fonts but is a different string: search, "
        "sorting and spell checking miss it, and shapers show a dotted circle (r12a: do not use). "
        "a + aa-kar is fixed safely to the letter aa."
    ),
    bad=bad("\u0985\u09be\u09ae\u09bf \u09ac\u09be\u09a1\u09bc\u09bf \u09af\u09be\u0987\u0964"),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=check_syllables,
    applies=misplaced_marks,
)

NUKTA_MISPLACED = Rule(
    code="PL504",
    name="bn-nukta-misplaced",
    summary="A nukta does not directly follow its consonant (ya + e-kar + nukta instead of ya + nukta + e-kar).",
    why=(
        "The nukta belongs right after the consonant it modifies; after a vowel sign it renders on a "
        "dotted circle and the word matches nothing. NFC does not repair it, because vowel signs have "
        "combining class 0. Moving it is safe when a single consonant (da, dha, ya) carries it."
    ),
    bad=bad("\u098f\u0996\u09be\u09a8\u09c7 \u09b0\u09af\u09c7\u09bc\u099b\u09c7\u0964"),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=check_syllables,
    applies=misplaced_marks,
)

CANDRABINDU_ORDER = Rule(
    code="PL505",
    name="bn-candrabindu-order",
    summary="A candrabindu comes before the vowel sign of its syllable instead of after it.",
    why=(
        "Unicode orders a syllable as consonant, vowel sign, candrabindu. The reversed order, common "
        "in text converted from Bijoy, renders the vowel sign on a dotted circle and breaks search. "
        "Swapping the two is safe."
    ),
    bad=bad("\u0986\u0995\u09be\u09b6\u09c7 \u099a\u0981\u09be\u09a6 \u0989\u09a0\u09c7\u099b\u09c7\u0964"),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=check_syllables,
    applies=misplaced_marks,
)

RULES = (ORPHAN_MARK, DOUBLE_VOWEL_SIGN, VOWEL_SIGN_AFTER_VOWEL, NUKTA_MISPLACED, CANDRABINDU_ORDER)
