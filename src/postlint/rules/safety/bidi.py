"""PL301 bidi-control, PL302 bidi-mark: characters that change the display order of text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from postlint.charnames import char_name
from postlint.document import Document, line_bounds
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, place_at
from postlint.rules.safety._examples import GOOD

_ISOLATES = {"\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI"}
_EMBEDDINGS = {"\u202a": "LRE", "\u202b": "RLE", "\u202d": "LRO", "\u202e": "RLO"}
_PDI, _PDF = "\u2069", "\u202c"
_CONTROLS = frozenset({*_ISOLATES, *_EMBEDDINGS, _PDI, _PDF})
_MARKS = frozenset("\u200e\u200f\u061c")
_RTL = lazy_regex(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")


def _has_rtl(text: str) -> bool:
    return _RTL.search(text.replace("\u200f", "").replace("\u061c", "")) is not None


class _Pair(NamedTuple):
    start: int
    end: int
    opener: str


def _match_line(text: str, offsets: list[int]) -> tuple[list[_Pair], list[int]]:
    """Pair openers with their PDI/PDF within one line (UAX #9 X1-X8); return pairs and the unmatched."""
    stack: list[int] = []
    pairs: list[_Pair] = []
    unmatched: list[int] = []
    for at in offsets:
        char = text[at]
        if char in _ISOLATES or char in _EMBEDDINGS:
            stack.append(at)
            continue
        wanted = _ISOLATES if char == _PDI else _EMBEDDINGS
        if not any(text[opened] in wanted for opened in stack) or (char == _PDF and text[stack[-1]] in _ISOLATES):
            unmatched.append(at)  # nothing to close; a PDF never closes past an isolate
            continue
        while text[stack[-1]] not in wanted:
            unmatched.append(stack.pop())  # a PDI also ends the embeddings inside its isolate
        opener = stack.pop()
        pairs.append(_Pair(opener, at + 1, text[opener]))
    return pairs, unmatched + stack


def _by_line(doc: Document, offsets: list[int]) -> Iterator[list[int]]:
    text = doc.text or ""
    group: list[int] = []
    line_end = -1
    for at in offsets:
        if at > line_end and group:
            yield group
            group = []
        if not group:
            line_end = line_bounds(text, at)[1]
        group.append(at)
    if group:
        yield group


def _check_controls(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    offsets = [at for at, _ in hits_of(doc, _CONTROLS.__contains__)]
    for line in _by_line(doc, offsets):
        pairs, unmatched = _match_line(text, line)
        for pair in pairs:
            place = place_at(doc, pair.start)
            name = char_name(pair.opener)
            inside = text[pair.start + 1 : pair.end - 1]
            if pair.opener in _ISOLATES and _has_rtl(inside) and not place.in_front_matter and not place.is_code:
                message = f"directional isolate {name} around right-to-left text; prefer markup"
                hint = 'write <bdi>…</bdi> or dir="rtl" in HTML, so the text carries no invisible controls'
                yield ctx.report(doc, pair.start, pair.end, message, severity=Severity.WARNING, hint=hint)
                continue
            where = place.label
            kind = "override" if pair.opener in "\u202d\u202e" else "control"
            yield ctx.report(
                doc,
                pair.start,
                pair.end,
                f"bidirectional {kind} {name} in {where} makes the text display in a different order than it "
                "is stored (Trojan Source); remove it",
                hint="what readers see and what a copy, a search or a compiler gets are not the same text",
            )
        for at in sorted(unmatched):
            yield ctx.report(
                doc,
                at,
                at + 1,
                f"unterminated bidirectional control {char_name(text[at])} in {place_at(doc, at).label} reorders "
                "the rest of the line (Trojan Source); remove it",
                hint="what readers see and what a copy, a search or a compiler gets are not the same text",
            )


def _paragraph(text: str, at: int, separator: str) -> str:
    """The paragraph (or, with separator "\\n", the line) around `at`."""
    start = text.rfind(separator, 0, at)
    end = text.find(separator, at)
    return text[0 if start == -1 else start : len(text) if end == -1 else end]


def _check_marks(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for at, char in hits_of(doc, _MARKS.__contains__):
        if _has_rtl(_paragraph(text, at, "\n" if at < doc.body_start else "\n\n")):
            continue
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"directional mark {char_name(char)} in a paragraph with no right-to-left text; remove it",
            hint="it only moves neutral characters (punctuation, spaces) and usually comes from a copy-paste",
            fix=Fix.edit(at, at + 1, "", f"remove {char_name(char)}"),
        )


BIDI_CONTROL = Rule(
    code="PL301",
    name="bidi-control",
    summary="A bidirectional embedding, override or isolate control (U+202A-202E, U+2066-2069).",
    why=(
        "These invisible controls make text display in another order than it is stored: `<RLO>99.0$<PDF>` shows "
        '"$0.99", and code copied from the page is not the code it looks like (Trojan Source, CVE-2021-42574; '
        "UAX #9, UTS #55). The rule runs everywhere, code blocks included, because code is where the attack "
        "lives. Overrides, embeddings, unterminated controls and anything in the front matter or in code are "
        "errors; a balanced isolate (LRI/RLI/FSI ... PDI) around Arabic or Hebrew text in prose is a warning, "
        "since `<bdi>` or `dir=` does the same job visibly. There is no automatic fix: removing a control "
        "changes what readers see."
    ),
    bad=Example(post("Price: \u202e99.0$\u202c only.\n")),
    good=GOOD,
    severity=Severity.ERROR,
    check=_check_controls,
    applies=has_candidates,
)

BIDI_MARK = Rule(
    code="PL302",
    name="bidi-mark",
    summary="A directional mark (LRM U+200E, RLM U+200F, ALM U+061C) in a paragraph without right-to-left text.",
    why=(
        "Marks are legitimate at right-to-left/left-to-right boundaries (`«مرحبا!<RLM>»`), but in a paragraph "
        "with no Arabic or Hebrew letter they do nothing useful: they arrive by copy-paste from chat apps, are "
        "invisible, and silently move neutral characters. The rule runs everywhere, code included; removing a "
        "mark is safe when the paragraph has no right-to-left text."
    ),
    bad=Example(post("Hello\u200e world.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    fixable=True,
    check=_check_marks,
    applies=has_candidates,
)

RULES = (BIDI_CONTROL, BIDI_MARK)
