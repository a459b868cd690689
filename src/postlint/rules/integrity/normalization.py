"""PL420 not-nfc and PL421 bn-precomposed-nukta: text that Unicode normalization would change.

ড় ঢ় য় typed as single code points (U+09DC, U+09DD, U+09DF) are composition
exclusions, never NFC; most real Bengali files contain them, so they have their
own rule (info) and not-nfc ignores them. Each rule reports once per file, at the
first place, with one fix that covers every place except links and slugs, where
rewriting the text would move the page it points to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from postlint.charnames import char_name, code_points, visible
from postlint.document import Document
from postlint.findings import Edit, Finding, Fix, Severity
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.integrity._common import GOOD_BENGALI, is_address
from postlint.rules.integrity.nfc_scan import NUKTA_LETTERS, Place, may_change, not_nfc_places

_NUKTA = lazy_re("[\u09dc\u09dd\u09df]")
_WORD_CHAR = lazy_regex(r"[\p{L}\p{M}\u200c\u200d]")


def _word_at(text: str, start: int, end: int) -> str:
    """The word around text[start:end] (at most 30 characters either side)."""
    while start > 0 and end - start < 30 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    while end < len(text) and end - start < 60 and _WORD_CHAR.match(text, end):
        end += 1
    return visible(text[start:end])


def _report(doc: Document, ctx: RuleContext, places: Sequence[Place], message: str, what: str) -> Finding:
    edits = tuple(Edit(start, end, nfc) for start, end, nfc in places if not is_address(doc, start))
    lines = sorted({doc.index.position(start).line for start, _, _ in places})
    hint = f"{len(places)} place(s) in this file, on line(s) {', '.join(map(str, lines[:10]))}"
    hint += " \u2026" if len(lines) > 10 else ""
    if len(edits) < len(places):
        hint += (
            f"; {len(places) - len(edits)} in links or slugs are left out of the fix, since rewriting moves the page"
        )
    fix = Fix(edits, True, f"apply NFC to {what}") if edits else None
    first_start, first_end, _ = places[0]
    return ctx.report(doc, first_start, first_end, message, hint, fix)


def _not_nfc(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not doc.text:
        return
    places = not_nfc_places(doc.text)
    if not places:
        return
    start, end, nfc = places[0]
    written = doc.text[start:end]
    split_vowel = re.search("\u09c7[\u09be\u09d7]", written)
    detail = "a two-part vowel sign typed in halves; " if split_vowel else ""
    message = (
        f"`{visible(written)}` ({code_points(written)}) is not in NFC: {detail}"
        f"it is expected as `{visible(nfc)}` ({code_points(nfc)})"
    )
    yield _report(doc, ctx, places, message, "the text")


def _precomposed_nukta(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or text.isascii() or not any(letter in text for letter in NUKTA_LETTERS):
        return
    places = [(m.start(), m.end(), NUKTA_LETTERS[m.group()]) for m in _NUKTA.finditer(text)]
    start, end, nfc = places[0]
    message = (
        f"precomposed {char_name(text[start])} in `{_word_at(text, start, end)}`; NFC spells it "
        f"{code_points(nfc)} (base letter and nukta), which is what search and comparisons expect"
    )
    yield _report(doc, ctx, places, message, "\u09dc \u09dd \u09df")


RULES = (
    Rule(
        code="PL420",
        name="not-nfc",
        summary="Text is not in Unicode Normalization Form C (ড় ঢ় য় as single code points aside: see PL421).",
        why=(
            "Canonically equivalent spellings compare unequal, so search, tags, anchors and slugs made from "
            "titles miss each other (UAX #15). In Bengali, ো and ৌ typed as two halves (ে + া, ে + ৗ) are the "
            "usual cause. NFC is always safe to apply; NFKC is not (it rewrites \u00b2, \ufb01, full-width)."
        ),
        bad=Example(post("\u09a4\u09c7\u09be\u09ae\u09be\u09b0 \u09ac\u0987\u0964\n")),
        good=Example(post(GOOD_BENGALI)),
        severity=Severity.WARNING,
        fixable=True,
        check=_not_nfc,
        applies=may_change,
    ),
    Rule(
        code="PL421",
        name="bn-precomposed-nukta",
        summary="ড় ঢ় য় are written as single code points (U+09DC, U+09DD, U+09DF), which NFC never keeps.",
        why=(
            "The three letters are composition exclusions: NFC stores them as the base letter plus nukta "
            "(U+09AF U+09BC for য়). Text typed with older keyboards and converters uses the single code "
            "points, so the same word is spelled two ways and search misses half of them. Most Bengali "
            "sites have them, so this is information, with a safe fix to the NFC spelling."
        ),
        bad=Example(
            post("\u0986\u09ae\u09b0\u09be \u09ac\u09be\u0982\u09b2\u09be\u09df \u09b2\u09bf\u0996\u09bf\u0964\n")
        ),
        good=Example(post(GOOD_BENGALI)),
        severity=Severity.INFO,
        fixable=True,
        check=_precomposed_nukta,
    ),
)
