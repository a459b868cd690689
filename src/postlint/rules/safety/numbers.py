"""PL317 mixed-number: one number written with digits of two systems (Bengali and ASCII, say)."""

from __future__ import annotations

from collections.abc import Iterator

from postlint import ucd
from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.lazy import lazy_regex
from postlint.markdown import Context
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import place_at
from postlint.rules.safety._examples import GOOD
from postlint.unusual import unusual_chars

_FOREIGN_DIGIT = lazy_regex(r"[^\P{Nd}0-9]")
# A number: digit runs joined by one separator; a keycap's digit (1 FE0F 20E3) is not part of one.
_NUMBER = lazy_regex(r"\d(?![\ufe0f\u20e3])(?:[.,:/-]?\d(?![\ufe0f\u20e3]))*")
_BENGALI_LETTER = lazy_regex(r"(?V1)[\p{scx=Beng}&&\p{L}]")
_LATIN_LETTER = lazy_regex(r"(?V1)[\p{scx=Latn}&&\p{L}]")
_SKIPPED = (Context.CODE_BLOCK, Context.INLINE_CODE, Context.URL)


def _zero(char: str) -> int:
    return ord(char) - ucd.digit(char)


def _suggestion(number: str, line: str) -> str:
    """The number in the digits of the line's script: Bengali when it has more Bengali than Latin letters."""
    bengali = len(_BENGALI_LETTER.findall(line)) > len(_LATIN_LETTER.findall(line))
    zero = 0x09E6 if bengali else 0x30
    return "".join(chr(zero + ucd.digit(c)) if c.isdigit() else c for c in number)


def _has_foreign_digit(doc: Document, ctx: RuleContext) -> bool:
    """The rule's `applies`: a digit other than 0-9 is an unusual character (`postlint.unusual`)."""
    return doc.text is not None and any(_FOREIGN_DIGIT.match(char) for char in unusual_chars(doc))


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if text is None or text.isascii() or _FOREIGN_DIGIT.search(text) is None:
        return
    for match in _NUMBER.finditer(text):
        number = match.group()
        zeros = {_zero(c) for c in number if c.isdigit()}
        if len(zeros) < 2:
            continue
        place = place_at(doc, match.start())
        if place.context in _SKIPPED or place.in_key:
            continue
        line = doc.index.line_text(doc.index.position(match.start()).line)
        yield ctx.report(
            doc,
            *match.span(),
            f"the number `{number}` mixes digits of {len(zeros)} systems; write it in one",
            hint=f"write `{_suggestion(number, line)}`",
        )


MIXED_NUMBER = Rule(
    code="PL317",
    name="mixed-number",
    summary="One number that uses digits from two decimal systems (`\u09e8\u09e624`).",
    why=(
        "`\u09e8\u09e624` reads as a year to a person but is garbage to every program: it does not sort, parse or "
        "match `২০২৪` or `2024` (UTS #39 §5.3, mixed-number detection). Digit runs joined by `. , : / -` count "
        "as one number; a keycap digit (`1️⃣`) and numbers side by side (`COVID-19 ২০২০`) do not. Code, inline "
        "code, URLs and front-matter keys are skipped. The hint writes the number in the digits of the line's "
        "main script; there is no automatic fix."
    ),
    bad=Example(post("\u09b8\u09be\u09b2 \u09e8\u09e6" + "24\n")),
    good=GOOD,
    severity=Severity.WARNING,
    check=_check,
    applies=_has_foreign_digit,
)
