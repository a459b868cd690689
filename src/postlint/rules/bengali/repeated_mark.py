"""PL510 repeated-mark: the same combining mark twice on one letter, or a pile of more than four marks.

Only Bengali and Latin are checked (UTS #39 section 5.4): scripts such as Tai Tham
and Hebrew cantillation stack identical marks on purpose, and variation selectors
after emoji belong to the safety rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from postlint.charnames import char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Rule, RuleContext
from postlint.rules.bengali import letters as bn
from postlint.rules.bengali.examples import GOOD, bad
from postlint.rules.bengali.guard import marks_off_base
from postlint.rules.bengali.scope import applies, bengali_prose, in_prose
from postlint.unusual import unusual_chars

if TYPE_CHECKING:
    import regex

MAX_MARKS = 4
_MARK = r"[\p{Mn}\p{Mc}--\p{Variation_Selector}]"
_CANDIDATE = lazy_regex(
    rf"(?V1)(?P<pile>{_MARK}{{{MAX_MARKS + 1},}})|(?P<mark>{_MARK})(?P=mark)+|(?<=[\u09dc\u09dd\u09df])\u09bc"
)
_BENGALI_MARKS = "\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd\u09d7\u09e2\u09e3"
_PRECOMPOSED = "\u09dc\u09dd\u09df"
# One class first, then the branches: an alternation at the top would cost the stdlib engine its fast scan.
_BENGALI_DOUBLE = lazy_re(f"([{_BENGALI_MARKS}{_PRECOMPOSED}])(?:(?=\\1)|(?<=[{_PRECOMPOSED}])\u09bc)")
# Combining marks that go on Latin letters, and the Vedic signs Bengali shares.
_OTHER_MARKS = lazy_re("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0951\u0952\u1cd0-\u1cff]")
_ANY_MARK = lazy_regex(r"\p{M}")
_BENGALI = lazy_regex(r"\p{scx=Beng}")
_LATIN = lazy_regex(r"\p{scx=Latn}")


def _may_repeat(text: str) -> bool:
    """A cheap test that most posts fail: a doubled Bengali mark, or any mark a Latin letter can carry.

    A pile of five different Bengali marks with no double among them is left to the
    syllable rules (two vowel signs in a row), which report it anyway.
    """
    return _BENGALI_DOUBLE.search(text) is not None or _OTHER_MARKS.search(text) is not None


def may_repeat(doc: Document, ctx: RuleContext) -> bool:
    """The rule's `applies`: `_may_repeat` answered from the shared scans.

    A doubled Bengali mark, a nukta after ড় ঢ় য় and those letters doubled are what
    `marks_off_base` finds; the other marks are unusual characters (`postlint.unusual`).
    """
    return bengali_prose(doc, ctx) and (
        marks_off_base(doc) or any(_OTHER_MARKS.match(char) for char in unusual_chars(doc))
    )


def _base_of(text: str, start: int) -> str:
    at = start - 1
    while at >= 0 and _ANY_MARK.match(text, at):
        at -= 1
    return text[at] if at >= 0 else ""


def _in_scope(mark: str, base: str) -> bool:
    if _BENGALI.match(mark):
        return True
    return bool(base) and (_LATIN.match(base) is not None or _BENGALI.match(base) is not None)


def _finding(doc: Document, ctx: RuleContext, match: regex.Match[str]) -> Finding | None:
    text = doc.text or ""
    start, end, run = match.start(), match.end(), match.group()
    base = _base_of(text, start)
    if not _in_scope(run[0], base) or not in_prose(doc, start):
        return None
    word = bn.quoted_word(text, start, end)
    if match.group("pile") is not None:
        message = f"{len(run)} combining marks on one letter in {word}; more than {MAX_MARKS} is never text"
        return ctx.report(doc, start, end, message, hint="remove the piled-up marks")
    if match.group("mark") is None:
        message = f"nukta U+09BC after {char_name(base)}, which already has one, in {word}"
        fix = Fix.edit(start, end, "", "remove the second nukta")
        return ctx.report(doc, start, end, message, hint=f"write `{bn.word_with(text, start, end, '')}`", fix=fix)
    times = "twice" if len(run) == 2 else f"{len(run)} times"
    message = f"{char_name(run[0])} is written {times} in {word}; a letter takes it once"
    fix = Fix.edit(start + 1, end, "", "keep one copy of the mark")
    return ctx.report(doc, start, end, message, hint=f"write `{bn.word_with(text, start, end, run[0])}`", fix=fix)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    if not applies(doc, ctx) or not _may_repeat(text):
        return
    for match in _CANDIDATE.finditer(text):
        finding = _finding(doc, ctx, match)
        if finding is not None:
            yield finding


REPEATED_MARK = Rule(
    code="PL510",
    name="repeated-mark",
    summary="The same combining mark twice on one letter (u-kar twice, virama twice), or more than four marks.",
    why=(
        "A doubled mark is invisible in some fonts and on a dotted circle in others, and the word no "
        "longer matches its correct spelling in search (UTS #39 section 5.4). A pile of marks "
        "(zalgo text) hides the letters. Dropping the duplicate is safe."
    ),
    bad=bad("\u09ae\u09be\u09a8\u09c1\u09c1\u09b7 \u098f\u09b8\u09c7\u099b\u09c7\u0964"),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=check,
    applies=may_repeat,
)
