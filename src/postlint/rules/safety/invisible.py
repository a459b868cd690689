"""PL306 invisible-char, PL307 bom-in-text, PL308 soft-hyphen: characters readers cannot see."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.language import post_language
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import TAG_KEYS, TITLE_KEYS, has_candidates, hits_of, is_word, place_at
from postlint.rules.safety._examples import GOOD

_IGNORABLE = lazy_regex(r"\p{Default_Ignorable_Code_Point}")
# Default-ignorable characters that have a rule of their own.
_OWN_RULE = lazy_regex(
    r"[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f"
    r"\U000e0100-\U000e01ef]"
)
# Characters allowed beside letters of their own script.
_IN_CONTEXT = (
    (lazy_regex(r"[\u180b-\u180f]"), lazy_regex(r"[\p{scx=Mong}\u180b-\u180f]")),
    (lazy_regex(r"[\u115f\u1160]"), lazy_regex(r"[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")),
    (lazy_regex(r"[\U0001bca0-\U0001bca3]"), lazy_regex(r"\p{scx=Dupl}")),
    (lazy_regex(r"[\U0001d173-\U0001d17a]"), lazy_regex(r"[\U0001d100-\U0001d1ff]")),
)
_CGJ = "\u034f"
_BLANK_FILLERS = "\u3164\uffa0"


def _invisible(char: str) -> bool:
    return _IGNORABLE.match(char) is not None and _OWN_RULE.match(char) is None


def _in_context(text: str, at: int) -> bool:
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    for chars, neighbours in _IN_CONTEXT:
        if chars.match(text[at]):
            return any(c and neighbours.match(c) for c in (before, after))
    return False


def _check_invisible(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for at, char in hits_of(doc, _invisible):
        if _in_context(text, at):
            continue
        place = place_at(doc, at)
        blank = " (it makes a name or a value look blank)" if char in _BLANK_FILLERS else ""
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"invisible character {char_name(char)} in {place.label} at `{around(text, at, at + 1)}`{blank}; remove it",
            severity=Severity.ERROR if place.is_sensitive else None,
            hint="default-ignorable characters are not displayed but change searches, comparisons and identifiers",
            fix=Fix.edit(at, at + 1, "", f"remove {char_name(char)}", safe=char != _CGJ),
        )


def _check_bom(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for at, _ in hits_of(doc, "\ufeff".__eq__):
        place = place_at(doc, at)
        what = "a second byte-order mark" if at == 0 else f"a byte-order mark U+FEFF in {place.label}"
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"{what} (left behind when files were joined); remove it",
            severity=Severity.ERROR if place.is_sensitive else None,
            hint="it is invisible; YAML keeps it inside keys and values, so `\\ufefftitle` is not `title`",
            fix=Fix.edit(at, at + 1, "", "remove U+FEFF"),
        )


def _check_soft_hyphen(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    hyphenating = [str(lang).lower() for lang in ctx.options["hyphenation-languages"]]
    for at, _ in hits_of(doc, "\u00ad".__eq__):
        place = place_at(doc, at)
        exact = place.is_sensitive or (place.in_front_matter and (place.key in TITLE_KEYS or place.key in TAG_KEYS))
        inside_word = is_word(text[at - 1] if at else "") and is_word(text[at + 1 : at + 2])
        if not exact and inside_word and post_language(doc, ctx) in hyphenating:
            continue  # a hyphenation hint in a long German or Dutch word
        fix = Fix.edit(at, at + 1, "", "remove the soft hyphen") if exact or not inside_word else None
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"soft hyphen U+00AD in {place.label} at `{around(text, at, at + 1)}`; it is invisible but breaks "
            "exact matches",
            severity=Severity.ERROR if place.in_key or place.is_slug else None,
            hint=None if fix else "remove it unless it is a deliberate hyphenation hint",
            fix=fix,
        )


INVISIBLE_CHAR = Rule(
    code="PL306",
    name="invisible-char",
    summary="A default-ignorable character without a rule of its own (WJ, CGJ, Hangul fillers, U+2061-206F...).",
    why=(
        "Default-ignorable code points (UAX #44, Unicode §5.21) are not displayed: the word joiner U+2060, the "
        "invisible math operators, deprecated format characters U+206A-206F, the combining grapheme joiner "
        'U+034F (it also blocks NFC composition), the Hangul fillers U+3164/U+FFA0 behind "blank" names, '
        "Khmer U+17B4/5, and Mongolian variation selectors outside Mongolian. Readers cannot see them, but "
        "searches, comparisons and identifiers do. The rule runs everywhere, code included (an error in code, "
        "keys and slugs). Removal is safe except for CGJ, which can change how text normalizes."
    ),
    bad=Example(post("Hello\u2060world.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check_invisible,
    applies=has_candidates,
)

BOM_IN_TEXT = Rule(
    code="PL307",
    name="bom-in-text",
    summary="A byte-order mark (U+FEFF) after the start of the file.",
    why=(
        "A BOM inside the text is left behind when files are concatenated. It is invisible, PyYAML keeps it "
        "inside keys and values (a `\\ufefftitle` key is not `title`), and search misses the word it sits in. "
        "A BOM at the very start of the file is byte-order-mark (PL005). Removing it is safe."
    ),
    bad=Example(post("First part.\n\ufeffSecond part.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check_bom,
    applies=has_candidates,
)

SOFT_HYPHEN = Rule(
    code="PL308",
    name="soft-hyphen",
    summary="A soft hyphen (U+00AD): invisible except at a line break.",
    why=(
        "A soft hyphen only shows where a line breaks, but it stays in the text: titles, tags and slugs with "
        "one no longer match what people type. In titles, tags, slugs, keys and code, and at the edge of a "
        "word, removing it is safe. Inside a word of body text it may be a deliberate hyphenation hint, so it "
        "is a warning without a fix, and it is not reported at all in posts written in a language listed in "
        "`hyphenation-languages` (long German or Dutch compounds)."
    ),
    bad=Example(post("Body.\n", title='"We\u00adChat"')),
    good=GOOD,
    severity=Severity.WARNING,
    options={"hyphenation-languages": ["de", "nl"]},
    fixable=True,
    check=_check_soft_hyphen,
    applies=has_candidates,
)
