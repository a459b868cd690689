"""PL303 tag-char, PL309 variation-selector-misplaced: invisible characters that ride on a base."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, is_space, runs
from postlint.rules.safety._examples import GOOD

_BLACK_FLAG = "\U0001f3f4"
_CANCEL_TAG = "\U000e007f"
_TAG_SPEC = lazy_regex(r"[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,30}\U000e007f")
_EMOJI = lazy_regex(r"\p{Emoji}")
_STANDARDIZED_BASE = lazy_regex(r"[\p{Ideographic}\p{scx=Mymr}\p{scx=Phag}\p{scx=Mani}\p{scx=Egyp}\p{Sm}\p{So}0]")
_IDEOGRAPH = lazy_regex(r"\p{Ideographic}")
_VS16 = "\ufe0f"


def _is_tag(char: str) -> bool:
    return "\U000e0000" <= char <= "\U000e007f"


def _is_selector(char: str) -> bool:
    return "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def _hidden_text(tags: str) -> str:
    return "".join(chr(ord(c) - 0xE0000) if "\U000e0020" <= c <= "\U000e007e" else "" for c in tags)


def _check_tags(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for start, end in runs(hits_of(doc, _is_tag)):
        if start > 0 and text[start - 1] == _BLACK_FLAG and _TAG_SPEC.fullmatch(text, start, end):
            continue  # an emoji tag sequence: the flags of England, Scotland, Wales
        hidden = _hidden_text(text[start:end])
        what = f"hide the text {hidden!r}" if hidden.strip() else "are hidden in the text"
        yield ctx.report(
            doc,
            start,
            end,
            f"{end - start} invisible tag character(s) from {char_name(text[start])} on {what} outside an "
            "emoji tag sequence; remove them",
            hint="tag characters are invisible to readers but read by search, AI and RAG pipelines (ASCII smuggling)",
            fix=Fix.edit(start, end, "", "remove the tag characters"),
        )


def _valid_selector(base: str, selector: str) -> bool:
    if selector in "\ufe0e\ufe0f":
        return _EMOJI.match(base) is not None
    if selector >= "\U000e0100":
        return _IDEOGRAPH.match(base) is not None
    return _STANDARDIZED_BASE.match(base) is not None


def _selector_fix(start: int, end: int, keep_one: bool) -> Fix:
    if keep_one:
        return Fix.edit(start, end, _VS16, "keep a single U+FE0F after the emoji")
    return Fix.edit(start, end, "", "remove the variation selectors")


def _check_selectors(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for start, end in runs(hits_of(doc, _is_selector)):
        base = text[start - 1] if start > 0 else ""
        count = end - start
        if count == 1 and base and not is_space(base) and _valid_selector(base, text[start]):
            continue
        emoji_base = bool(base) and _EMOJI.match(base) is not None and _VS16 in text[start:end]
        if count > 1:
            what = f"a run of {count} variation selectors"
        elif not base or is_space(base):
            what = f"{char_name(text[start])} with no character before it"
        else:
            what = f"{char_name(text[start])} after {char_name(base)}, which has no such variant"
        yield ctx.report(
            doc,
            start,
            end,
            f"{what} in `{around(text, start, end)}`; a variation selector belongs after a single character "
            "that has a registered variant",
            severity=Severity.ERROR if count > 4 else None,
            hint="runs of selectors can smuggle hidden bytes; an emoji needs at most one U+FE0F",
            fix=_selector_fix(start, end, emoji_base),
        )


TAG_CHAR = Rule(
    code="PL303",
    name="tag-char",
    summary="Tag characters (U+E0000-E007F) outside an emoji tag sequence.",
    why=(
        "Tag characters are invisible. Outside the flag sequences (U+1F3F4, tag letters, CANCEL TAG; the flags "
        "of England, Scotland and Wales) they carry hidden ASCII that readers never see but search engines, "
        'LLM and RAG pipelines read: "ASCII smuggling" (Unicode ch. 23; UTS #51). The rule runs everywhere, '
        "code included, and the message shows the hidden text. Stripping them is safe."
    ),
    bad=Example(post("Great post.\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065\n")),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=_check_tags,
    applies=has_candidates,
)

VARIATION_SELECTOR = Rule(
    code="PL309",
    name="variation-selector-misplaced",
    summary="A variation selector (U+FE00-FE0F, U+E0100-E01EF) that does not form a valid sequence.",
    why=(
        "A variation selector picks a glyph variant of the one character before it: `\u2764\ufe0f` (emoji "
        "style), `\u263a\ufe0e` (text style), keycaps, ideographic variants like `\u845b\U000e0100`. After a "
        "space, after a character with no variants, or in runs, selectors are invisible junk, and long runs "
        "can smuggle hidden bytes (more than four in a row is an error). The rule runs everywhere, code "
        "included. The fix strips the junk and keeps a single U+FE0F after an emoji."
    ),
    bad=Example(post("Deprecated \u26d4\ufe0f\ufe0f here.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check_selectors,
    applies=has_candidates,
)
