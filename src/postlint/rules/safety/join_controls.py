"""PL305 join-control-misplaced: ZWJ/ZWNJ outside the places where they shape text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from postlint import ucd
from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, is_word, place_at
from postlint.rules.safety._examples import GOOD

ZWJ, ZWNJ = "\u200d", "\u200c"
_RA, _YA, _TA = "\u09b0", "\u09af", "\u09a4"
_BENGALI = lazy_regex(r"\p{scx=Beng}")
_PICTOGRAPH = lazy_regex(r"\p{Extended_Pictographic}")
_EMOJI_TAIL = lazy_regex(r"[\ufe0f\p{Emoji_Modifier}\U000e0020-\U000e007f]")
_VOWEL_SIGN = lazy_regex(r"\p{InSC=Vowel_Dependent}")
_JOINING_LETTER = lazy_regex(
    r"(?V1)[[\p{scx=Arab}\p{scx=Syrc}\p{scx=Nkoo}\p{scx=Mong}\p{scx=Mand}\p{scx=Mani}\p{scx=Phlp}\p{scx=Adlm}"
    r"\p{scx=Rohg}\p{scx=Sogd}\p{scx=Chrs}\p{scx=Ougr}]&&\p{L}]"
)
_LATIN_LETTER = lazy_regex(r"(?V1)[\p{scx=Latn}&&\p{L}]")


class Verdict(NamedTuple):
    reason: str
    severity: Severity | None = None
    fix: str | None = "edge"  # "edge" (safe removal), "inside" (unsafe removal), "zwj", or None
    expected: str = "remove it"


def _is_virama(char: str) -> bool:
    return bool(char) and ucd.combining(char) == 9


def _emoji_before(text: str, at: int) -> bool:
    while at > 0 and _EMOJI_TAIL.match(text[at - 1]):
        at -= 1
    return at > 0 and _PICTOGRAPH.match(text[at - 1]) is not None


def _letter_before(text: str, at: int) -> str:
    """The letter before `at`, skipping combining marks (Arabic harakat)."""
    while at > 0 and ucd.category(text[at - 1]) == "Mn":
        at -= 1
    return text[at - 1] if at > 0 else ""


def _after_virama(text: str, at: int, char: str, after: str) -> Verdict | None:
    if char == ZWJ or is_word(after) or not _BENGALI.match(text[at - 1]):
        return None  # a half form (UAX #31 A2/B; ত্+ZWJ is the bengali package's khanda ta), or a hasanta
    return Verdict("after a virama at the end of a word, where it changes nothing")


def _before_virama(text: str, at: int, char: str, before: str) -> Verdict | None:
    if not _BENGALI.match(before):
        return None if is_word(before) else Verdict("before a virama with no letter to join")
    if before == _RA and text[at + 2 : at + 3] == _YA:
        if char == ZWJ:
            return None  # র‍্য: RA ZWJ VIRAMA YA
        return Verdict(
            "in র<U+200C>্য", Severity.INFO, "zwj", "the standard spelling of র‍্য uses U+200D ZERO WIDTH JOINER"
        )
    expected = "remove it: in Bengali only র‍্য (RA ZWJ VIRAMA YA) has a joiner before the virama"
    return Verdict("before a virama", fix="inside", expected=expected)


def judge(text: str, at: int) -> Verdict | None:
    """None when the join control at `at` is in a legitimate context, else why it is not."""
    char = text[at]
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char == ZWJ and _emoji_before(text, at) and _PICTOGRAPH.match(after):
        return None  # an emoji ZWJ sequence (UTS #51)
    if _is_virama(before):
        return _after_virama(text, at, char, after)
    if _is_virama(after):
        return _before_virama(text, at, char, before)
    if char == ZWNJ and is_word(before) and _VOWEL_SIGN.match(after):
        return None  # consonant + ZWNJ + vowel sign blocks a ligature
    joining = [bool(c) and _JOINING_LETTER.match(c) is not None for c in (_letter_before(text, at), after)]
    if all(joining) or (char == ZWJ and any(joining)):
        return None  # Arabic-script joining control (UAX #31 A1); a ZWJ may also show a letter's joining form
    if _LATIN_LETTER.match(before or " ") and _LATIN_LETTER.match(after or " "):
        return Verdict(
            "between Latin letters", Severity.INFO, None, "keep it only where it breaks a ligature on purpose"
        )
    if before and before in "\u0964\u0965":
        return Verdict("after a danda")
    if not is_word(before) or not is_word(after):
        return Verdict("at the edge of a word")
    return Verdict("inside a word, where it has no defined effect", fix="inside")


def _fix(verdict: Verdict, at: int, safe_place: bool) -> Fix | None:
    if safe_place or verdict.fix == "edge":
        return Fix.edit(at, at + 1, "", "remove the join control")
    if verdict.fix == "inside":
        return Fix.edit(at, at + 1, "", "remove the join control", safe=False)
    if verdict.fix == "zwj":
        return Fix.edit(at, at + 1, ZWJ, "write U+200D ZERO WIDTH JOINER", safe=False)
    return None


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    body = doc.body_start
    for at, _ in hits_of(doc, (ZWJ + ZWNJ).__contains__):
        place = place_at(doc, at) if at < body else None
        if place is not None and (place.in_key or place.is_slug):
            verdict: Verdict | None = Verdict(f"in {place.label}")
        else:
            verdict = judge(text, at)
        if verdict is None:
            continue
        place = place or place_at(doc, at)
        severity = Severity.ERROR if place.is_sensitive and verdict.severity is None else verdict.severity
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"{char_name(text[at])} {verdict.reason} at `{around(text, at, at + 1)}`; {verdict.expected}",
            severity=severity,
            hint="ZWJ/ZWNJ belong inside a word: র‍্য, a hasanta (উদ্‌যাপন), Arabic-script joins, emoji sequences",
            fix=_fix(verdict, at, place.in_key or place.is_slug),
        )


JOIN_CONTROL = Rule(
    code="PL305",
    name="join-control-misplaced",
    summary="A zero-width joiner or non-joiner (U+200D, U+200C) outside a context where it shapes text.",
    why=(
        "ZWJ and ZWNJ are part of correct Bengali: র‍্য is RA ZWJ VIRAMA YA, an explicit hasanta is C+্+ZWNJ "
        "(উদ্‌যাপন), C+্+ZWJ a half form, C+ZWNJ+vowel sign blocks a ligature; they also join Arabic-script "
        "letters and build emoji ZWJ sequences (👩‍💻). Anywhere else (at the edge of a word, after a danda, "
        "in a slug or a front-matter key) they are invisible junk from chat apps and keyboards that breaks "
        "search and URLs (UAX #31 §2.3, RFC 5892 A.1/A.2, Unicode §12.2). ত্+ZWJ is left to bn-legacy-khanda-ta. "
        "The rule runs everywhere with the same allowances, code included (an error there: it changes "
        "identifiers). Removal is safe at word edges, in slugs and keys; র<ZWNJ>্য is reported as info with "
        "the ZWJ spelling; a ZWNJ between Latin letters (ligature control, `Auf<ZWNJ>lage`) is info only."
    ),
    bad=Example(post("\u0986\u09ae\u09b0\u09be\u0964\u200c \u09b6\u09c7\u09b7\n")),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check,
    applies=has_candidates,
)
