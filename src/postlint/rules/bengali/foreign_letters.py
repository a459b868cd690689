"""PL508 bn-assamese-letter and PL509 bn-devanagari-mix: letters from a neighbouring keyboard.

Assamese ra and wa (U+09F0, U+09F1) share the Bengali block; Devanagari shares the
InScript key positions, so a layout switch mid-word gives a Devanagari sign in a
Bengali word. Scripts are compared with Script_Extensions: the danda U+0964/U+0965
and the Vedic signs belong to both scripts and never count.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint import ucd
from postlint.charnames import char_name
from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Rule, RuleContext
from postlint.rules.bengali import letters as bn
from postlint.rules.bengali.examples import GOOD, bad
from postlint.rules.bengali.scope import applies, bengali_prose, prose_matches
from postlint.unusual import unusual_chars

_ASSAMESE = lazy_regex("[\u09f0\u09f1]+")
_BENGALI_FOR = {"\u09f0": "\u09b0", "\u09f1": "\u09ac"}
_LANG_AS = lazy_regex(r"""\blang\s*=\s*["']?as\b""")
_DEVANAGARI_RUN = lazy_regex(r"(?V1)[[\p{scx=Deva}--\p{scx=Beng}]&&[\p{L}\p{M}]]+")
# Every character of the class above is in these blocks (Devanagari, its extensions, Vedic), all of
# them unusual characters (`postlint.unusual`), so only those are tested.
_DEVANAGARI_BLOCKS = lazy_re("[\u0900-\u0963\u0966-\u097f\u1cd0-\u1cff\ua8e0-\ua8ff\u20f0\U00011b00-\U00011b5f]")
_BENGALI_ONLY = lazy_regex(r"(?V1)[[\p{scx=Beng}--\p{scx=Deva}]&&[\p{L}\p{M}]]")
_PARALLEL_OFFSET = 0x80


_ASSAMESE_TEXT = 5


def _mostly_assamese(text: str) -> bool:
    """A post that uses Assamese ra often, and more than Bengali ra, is Assamese whatever its `lang` says."""
    assamese = text.count("\u09f0")
    return assamese >= _ASSAMESE_TEXT and assamese > text.count("\u09b0")


def check_assamese(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    if ("\u09f0" not in text and "\u09f1" not in text) or not applies(doc, ctx) or _mostly_assamese(text):
        return
    for match in prose_matches(doc, _ASSAMESE):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _LANG_AS.search(text, line_start, match.start()):
            continue
        letters = match.group()
        word = bn.quoted_word(text, match.start(), match.end())
        bengali = "".join(_BENGALI_FOR[c] for c in letters)
        names = " and ".join(dict.fromkeys(char_name(c) for c in letters))
        yield ctx.report(
            doc,
            match.start(),
            match.end(),
            f"Assamese {names} in the Bengali word {word}; Bengali writes {char_name(bengali[0])}",
            hint=f"write `{bn.word_with(text, match.start(), match.end(), bengali)}`",
        )


def _bengali_twin(run: str) -> str | None:
    twin = "".join(chr(ord(c) + _PARALLEL_OFFSET) for c in run)
    if all(ucd.name(c).startswith("BENGALI ") for c in twin):
        return twin
    return None


def check_devanagari(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    if not any(_DEVANAGARI_BLOCKS.match(char) for char in unusual_chars(doc)) or not applies(doc, ctx):
        return
    for match in prose_matches(doc, _DEVANAGARI_RUN):
        left, right = bn.word_span(text, match.start(), match.end())
        if not _BENGALI_ONLY.search(text, left, right):
            continue  # a whole Devanagari word (a Hindi quotation) is not a mix
        run = match.group()
        word = bn.quote(text[left:right])
        twin = _bengali_twin(run)
        hint = f"write `{bn.word_with(text, match.start(), match.end(), twin)}`" if twin else "retype it in Bengali"
        yield ctx.report(
            doc,
            match.start(),
            match.end(),
            f"Devanagari {char_name(run[0])} inside the Bengali word {word}; expected the Bengali letter or sign",
            hint=hint,
        )


ASSAMESE_LETTER = Rule(
    code="PL508",
    name="bn-assamese-letter",
    summary="Assamese ra U+09F0 or wa U+09F1 in a Bengali post (Bengali ra is U+09B0, ba U+09AC).",
    why=(
        "An Assamese keyboard or OCR puts Assamese letters into Bengali words: the word looks almost "
        "right but matches nothing in search or spell checking. Posts with `lang: as`, text marked "
        '`lang="as"` on the same line, and posts that are mostly Assamese are not reported.'
    ),
    bad=bad("\u0986\u09ae\u09be\u09f0 \u09ac\u09be\u09a1\u09bc\u09bf \u09a2\u09be\u0995\u09be\u09af\u09bc\u0964"),
    good=GOOD,
    severity=Severity.WARNING,
    check=check_assamese,
    applies=bengali_prose,
)

DEVANAGARI_MIX = Rule(
    code="PL509",
    name="bn-devanagari-mix",
    summary="A Devanagari letter or sign inside a Bengali word (a layout switch mid-word).",
    why=(
        "Bengali and Devanagari InScript layouts share key positions, so switching layout mid-word "
        "gives Devanagari aa-kar or ma in a Bengali word. It renders in another font or on a dotted "
        "circle and breaks search. Whole Devanagari words (Hindi quotations) and the shared danda are "
        "not reported; the hint gives the Bengali twin (Devanagari code point + 0x80)."
    ),
    bad=bad("\u0986\u09ae\u093e\u09b0 \u09a8\u09be\u09ae \u09b0\u09be\u09b9\u09c1\u09b2\u0964"),
    good=GOOD,
    severity=Severity.ERROR,
    check=check_devanagari,
    applies=bengali_prose,
)

RULES = (ASSAMESE_LETTER, DEVANAGARI_MIX)
