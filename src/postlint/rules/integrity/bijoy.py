"""PL412 bijoy-legacy: Bengali typed in the legacy Bijoy (SutonnyMJ "ANSI") encoding.

`Avgiv evsjvq wjwL|` is আমরা বাংলায় লিখি। drawn with a Bijoy font: everyone
without that font reads Latin garbage, and search engines index the garbage.
ftfy does not catch it. A cheap pattern finds candidate lines (a Bijoy vowel-sign
glyph, or an ASCII consonant followed by `v`, the া sign); each candidate line
without Bengali letters is scored: words with Bijoy glyphs inside them, words that
convert to common Bengali words, against English stop-words.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import snippet
from postlint.document import Document, line_bounds
from postlint.findings import Finding, Severity
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.integrity._common import in_code_block
from postlint.unusual import unusual_chars

_GLYPH_SOURCE = "[\u2020\u2021\u02c6\u2030\u00a8\u00a9\u00aa\u00ab\u00d6\u00af]"
_CONSONANT_AA_SOURCE = "v(?<=[A-Z`_]v)(?![aeou])"  # Kv = কা: an ASCII consonant, then v for া
_I_SIGN_SOURCE = "w(?<![A-Za-z]w)(?=[A-Z`_])"  # wK = কি: w for ি before its consonant
_GLYPH = lazy_re(_GLYPH_SOURCE)
_CONSONANT_AA = lazy_re(_CONSONANT_AA_SOURCE)
_I_SIGN = lazy_re(_I_SIGN_SOURCE)
_CANDIDATE = lazy_re(f"{_GLYPH_SOURCE}|{_CONSONANT_AA_SOURCE}|{_I_SIGN_SOURCE}")
# Glyphs that stand inside Bijoy words (vowel signs, ya-phala, reph, ra-phala, conjuncts) and hardly
# ever inside English ones; quotes, dashes and Latin-1 letters are left out on purpose.
_SIGNATURE = frozenset(
    "\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u0192\u201e\u02dc\u0161\u203a\u0153\u0178\u00a1\u00a2\u00a3"
    "\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ac\u00af\u00b1\u00b4\u00b6\u00b8"
)
_STOP_WORDS = (
    "a an the and or of to in on at by for from with as is are was were be been it its this that these "
    "those you your we our they their he she not no can will would should if then than but so do does "
    "have has had which what when where who how all any more most also use using"
)
_ENGLISH = frozenset(_STOP_WORDS.split())
_EDGE = ".,;:!?()[]{}<>\"'*#|\u00d2\u00d3\u00d4\u00d5"
_KEY = lazy_re(r"\s*[\w.-]+\s*[:=]\s*")
_BENGALI = lazy_re("[\u0980-\u09ff]")


def _is_bijoy(line: str) -> bool:
    """Whether a line without Bengali letters reads as Bijoy-encoded Bengali."""
    from postlint.rules.integrity.bijoy_table import bijoy_to_unicode, convertible  # tables: imported when needed
    from postlint.rules.integrity.bijoy_words import COMMON_WORDS

    hits = words = english = 0
    for token in line.split():
        word = token.strip(_EDGE)
        if not any(ch.isalpha() for ch in word) or "://" in word:
            continue
        words += 1
        if word.lower() in _ENGLISH:
            english += 1
        elif (not _SIGNATURE.isdisjoint(word) and any(ch.isascii() and ch.isalpha() for ch in word)) or (
            convertible(word) and bijoy_to_unicode(word) in COMMON_WORDS
        ):
            hits += 1
    return hits >= 2 and hits * 10 >= words * 3 and english * 2 < hits


def _bijoy_lines(doc: Document) -> list[tuple[int, int]]:
    """Start and end offsets of the Bijoy lines, outside code blocks."""
    text = doc.text or ""
    found: list[tuple[int, int]] = []
    line_end = -1
    for candidate in _CANDIDATE.finditer(text):
        if candidate.start() <= line_end:
            continue
        line_start, line_end = line_bounds(text, candidate.start())
        line = text[line_start:line_end]
        if _BENGALI.search(line) or in_code_block(doc, line_start):
            continue
        if line_start < doc.body_start and (key := _KEY.match(line)):
            line_start, line = line_start + key.end(), line[key.end() :]
        if _is_bijoy(line):
            found.append((line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())))
    return found


def bijoy_runs(doc: Document) -> list[tuple[int, int]]:
    """Bijoy passages: runs of Bijoy lines with only blank lines between (computed once per document)."""
    return doc.memoised("integrity.bijoy", lambda: _runs(doc))


def _runs(doc: Document) -> list[tuple[int, int]]:
    text = doc.text or ""
    runs: list[tuple[int, int]] = []
    for start, end in _bijoy_lines(doc):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _bijoy_legacy(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    glyphs = any(_GLYPH.match(char) for char in unusual_chars(doc))  # Bijoy's glyphs are unusual characters
    if not text or not (glyphs or _CONSONANT_AA.search(text) or _I_SIGN.search(text)):
        return  # three literal-led searches are several times faster than the combined pattern
    from postlint.rules.integrity.bijoy_table import bijoy_to_unicode, convertible

    for start, end in bijoy_runs(doc):
        first_line = text[start:end].split("\n")[0].rstrip("\r")
        hint = "convert the text to Unicode Bengali (a Bijoy-to-Unicode converter) and proofread it"
        if convertible(first_line):
            hint = f"it reads `{snippet(bijoy_to_unicode(first_line), 0, 60, 60)}`; " + hint
        yield ctx.report(
            doc,
            start,
            end,
            f"`{snippet(first_line, 0, 40)}` is Bengali in the legacy Bijoy (SutonnyMJ) encoding, readable only "
            "with a Bijoy font; Unicode Bengali is expected",
            hint,
        )


RULES = (
    Rule(
        code="PL412",
        name="bijoy-legacy",
        summary="Bengali typed in the legacy Bijoy (SutonnyMJ) encoding: `Avgiv evsjvq wjwL|` for আমরা বাংলায় লিখি।",
        why=(
            "Bijoy text is Windows-1252 characters that only a Bijoy font draws as Bengali; readers without the "
            "font, screen readers and search engines see Latin garbage. The hint suggests a conversion from a "
            "small built-in table (a suggestion only: converters need proofreading)."
        ),
        bad=Example(post("Avgiv evsjvq wjwL| evsjv\u2021`\u2021k Avgv\u2021`i Rb\u00a8 GKwU bZyb A\u00a8vc|\n")),
        good=Example(post("Ami banglay likhi: romanized Bengali is not Bijoy, and neither is `Kv` in code.\n")),
        severity=Severity.WARNING,
        check=_bijoy_legacy,
    ),
)
