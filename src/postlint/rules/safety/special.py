"""PL313 private-use, PL314 noncharacter: code points with no meaning of their own."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, place_at, runs
from postlint.rules.safety._examples import GOOD

_PRIVATE = lazy_regex(r"\p{Co}")


def _is_private(char: str) -> bool:
    return _PRIVATE.match(char) is not None


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF


def _check_private(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for start, end in runs(hits_of(doc, _is_private)):
        place = place_at(doc, start)
        if place.is_code:
            continue
        count = "" if end - start == 1 else f" and {end - start - 1} more"
        yield ctx.report(
            doc,
            start,
            end,
            f"private-use character {char_name(text[start])}{count} in {place.label} at "
            f"`{around(text, start, end)}`; it means nothing without the font it was made for",
            hint="write the real character, or use an image or the theme's icon shortcode",
        )


def _check_noncharacters(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for at, char in hits_of(doc, _is_noncharacter):
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"noncharacter {char_name(char)} in {place_at(doc, at).label} at `{around(text, at, at + 1)}`; "
            "it is reserved for programs' internal use and must not be published",
            hint="PyYAML rejects U+FFFE/U+FFFF; other tools drop or replace it",
            fix=Fix.edit(at, at + 1, "", f"remove U+{ord(char):04X}"),
        )


PRIVATE_USE = Rule(
    code="PL313",
    name="private-use",
    summary="A private-use character (gc=Co), such as an icon-font glyph or a legacy Bengali font code.",
    why=(
        "Private-use code points have no agreed meaning: an icon font's U+F09A, a legacy Bengali font mapped "
        "into the PUA, Apple's U+F8FF. Without that particular font readers see an empty box, and search, "
        "screen readers and translation see nothing. Code blocks and inline code are skipped, where terminal "
        "prompts use Powerline/Nerd Font glyphs on purpose. There is no automatic fix."
    ),
    bad=Example(post("Follow us on \uf09a today.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    check=_check_private,
    applies=has_candidates,
)

NONCHARACTER = Rule(
    code="PL314",
    name="noncharacter",
    summary="A noncharacter: U+FDD0-FDEF or U+xxFFFE/U+xxFFFF (66 code points).",
    why=(
        "Noncharacters are reserved for programs' internal use and are not meant to be exchanged "
        "(Unicode ch. 23, Corrigendum #9). PyYAML rejects U+FFFF but accepts U+FDD0, so they slip through to "
        "the site. The rule runs everywhere, code included; removing them is safe."
    ),
    bad=Example(post("Text\ufdd0 here.\n")),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=_check_noncharacters,
    applies=has_candidates,
)
