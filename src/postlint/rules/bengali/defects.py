"""The malformed syllables the mark-order rules report, and how each is described and fixed."""

from __future__ import annotations

from typing import NamedTuple

from postlint.charnames import char_name
from postlint.findings import Fix
from postlint.lazy import lazy_regex
from postlint.rules.bengali import letters as bn

_N, _B = bn.NUKTA, bn.SIGNS
_MARK_RUN = lazy_regex(f"[{bn.SIGNS}{bn.NUKTA}{bn.VOWEL_SIGNS}{bn.VIRAMA}]*")
_OPENERS = "\"'\u201c\u2018([{\u00ab*_"
_CLOSERS = "\"'\u201d\u2019)]}\u00bb*_,/-\u2010"
_HYPHENS = "-\u2010"
_DECOMPOSED = {(bn.E_SIGN, bn.AA_SIGN), (bn.E_SIGN, bn.AU_LENGTH)}
_SAFE_NUKTA_BASES = "\u09a1\u09a2\u09af"
_PRECOMPOSED_NUKTA = "\u09dc\u09dd\u09df"
_VISARGA = "\u0983"


class Defect(NamedTuple):
    """One malformed syllable: the rule (by name) that reports it, where, and what to say."""

    rule: str
    start: int
    end: int
    message: str
    hint: str | None = None
    fix: Fix | None = None


def _is_cited(text: str, start: int, end: int) -> bool:
    """A bare mark wrapped in quotes, brackets or emphasis, or named as in "X-kar": `(\u09bf)`, `\u09be-...`."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _OPENERS:
        return after in _CLOSERS
    return before.isspace() and after in _HYPHENS


def orphan(text: str, i: int) -> Defect | None:
    run = _MARK_RUN.match(text, i)
    end = run.end() if run is not None else i + 1
    if _is_cited(text, i, end):
        return None
    mark, word = text[i], bn.quoted_word(text, i, end)
    following = text[end] if end < len(text) else ""
    if bn.is_class(mark, "vowel-sign") and bn.is_class(following, "consonant"):
        hint = f"typed in visual order? write the consonant first: `{following}{text[i:end]}`"
    elif mark == _VISARGA:
        hint = "used as a colon? write `:`, or attach the visarga to its word"
    else:
        hint = f"remove it, or cite it on {char_name(bn.DOTTED_CIRCLE)}"
    message = f"{char_name(mark)} has no letter before it to attach to in {word}; it renders on a dotted circle"
    return Defect("bn-orphan-mark", i, end, message, hint)


def after_vowel_sign(text: str, i: int) -> Defect | None:
    first, second = text[i - 1], text[i]
    if (first, second) in _DECOMPOSED:
        return None
    word = bn.quoted_word(text, i - 1, i + 1)
    message = f"two vowel signs in a row in {word}: {char_name(first)} then {char_name(second)}; a letter takes one"
    hint = None
    if second == bn.E_SIGN and first in (bn.AA_SIGN, bn.AU_LENGTH):
        whole = "\u09cb" if first == bn.AA_SIGN else "\u09cc"
        hint = f"typed in visual order? write {char_name(whole)}"
    return Defect("bn-double-vowel-sign", i - 1, i + 1, message, hint)


def after_vowel(text: str, i: int) -> Defect:
    vowel, sign = text[i - 1], text[i]
    word = bn.quoted_word(text, i - 1, i + 1)
    message = (
        f"independent vowel {char_name(vowel)} followed by vowel sign {char_name(sign)} in {word}; "
        "a vowel sign belongs after a consonant"
    )
    if (vowel, sign) == (bn.A, bn.AA_SIGN):
        fix = Fix.edit(i - 1, i + 1, "\u0986", "write \u0986 U+0986 BENGALI LETTER AA")
        return Defect("bn-vowel-sign-after-vowel", i - 1, i + 1, message, "write \u0986 (U+0986)", fix)
    return Defect("bn-vowel-sign-after-vowel", i - 1, i + 1, message, "write the independent vowel the pair stands for")


def candrabindu_first(text: str, i: int) -> Defect:
    end = i
    while end < len(text) and bn.is_class(text[end], "vowel-sign"):
        end += 1
    signs = text[i:end]
    word = bn.quoted_word(text, i - 1, end)
    message = f"candrabindu U+0981 comes before vowel sign {char_name(text[i])} in {word}; it goes after the vowel sign"
    fix = Fix.edit(i - 1, end, signs + bn.CANDRABINDU, "move the candrabindu after the vowel sign")
    return Defect("bn-candrabindu-order", i - 1, end, message, f"write `{signs}{bn.CANDRABINDU}`", fix)


def nukta_after_sign(text: str, i: int) -> Defect | None:
    """A nukta behind vowel signs or signs: move it back to its consonant (`\u09af\u09c7\u09bc`)."""
    base = i - 1
    while base >= 0 and (bn.is_class(text[base], "vowel-sign") or bn.is_class(text[base], "sign")):
        base -= 1
    if base == i - 1 or base < 0:
        return None
    consonant = text[base - 1] if text[base] == _N and base > 0 else text[base]
    word = bn.quoted_word(text, base, i + 1)
    if text[base] == _N or consonant in _PRECOMPOSED_NUKTA:
        message = f"a second nukta U+09BC after the vowel sign in {word}; the consonant already has one"
        fix = Fix.edit(i, i + 1, "", "remove the second nukta")
        return Defect("bn-nukta-misplaced", i, i + 1, message, "remove it", fix)
    if not bn.is_class(consonant, "consonant"):
        return None
    signs = text[base + 1 : i]
    message = f"nukta U+09BC comes after {char_name(signs[0])} in {word}; it belongs right after the consonant"
    single = base == 0 or text[base - 1] != bn.VIRAMA
    safe = single and consonant in _SAFE_NUKTA_BASES
    fix = Fix.edit(base + 1, i + 1, _N + signs, "move the nukta right after the consonant", safe=safe)
    return Defect("bn-nukta-misplaced", base, i + 1, message, f"write `{consonant}{_N}{signs}`", fix)
