"""PL312 nonstandard-space: space characters other than U+0020 where they break structure or matching."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_regex
from postlint.markdown import front_matter_node_at
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import SLUG_KEYS, TAG_KEYS, has_candidates, hits_of, is_space, place_at, runs
from postlint.rules.safety._examples import GOOD

_NONSTANDARD = lazy_regex(r"(?V1)[\p{Zs}--\x20]")
_CJK = lazy_regex(r"[\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}\p{scx=Bopo}]")
_OGHAM = lazy_regex(r"\p{scx=Ogam}")
_MARK = lazy_regex(r"\p{M}")
_BLOCK_MARKER = lazy_regex(r" {0,3}(?:#{1,6}|[-*+>]|\d{1,9}[.)])\Z")
_FRENCH_BEFORE, _FRENCH_AFTER = ";:!?»›", "«‹"  # noqa: RUF001


class _Verdict(NamedTuple):
    message: str
    severity: Severity | None = None
    fix: Fix | None = None


def _front_matter(doc: Document, start: int, end: int, name: str) -> _Verdict | None:
    text = doc.text or ""
    node = front_matter_node_at(doc, start)
    if node is None and text[text.rfind("\n", 0, start) + 1 : start].lstrip().startswith("#"):
        return None  # a YAML or TOML comment
    if node is None:
        message = f"{name} in the front matter's layout; YAML does not read it as a space"
        return _Verdict(message, Severity.ERROR, Fix.edit(start, end, " " * (end - start), "write normal spaces"))
    node_start, node_end = node.start, node.end
    edge = start == node_start or end == node_end or (text[node_start] in "\"'" and start == node_start + 1)
    edge = edge or (end == node_end - 1 and text[node_end - 1] in "\"'")
    shown = f"`{around(text, start, end)}`"
    if node.is_key:
        fix = Fix.edit(start, end, "", "remove it") if edge else Fix.edit(start, end, " ", "space", safe=False)
        return _Verdict(
            f"{name} in the front-matter key {shown}; YAML reads it as part of the key", Severity.ERROR, fix
        )
    top = str(node.pointer[0])
    if top in SLUG_KEYS:
        fix = Fix.edit(start, end, "", "remove it") if edge else Fix.edit(start, end, "-", "write a hyphen")
        return _Verdict(f"{name} in `{top}` {shown}; it becomes %C2%A0 in the URL", Severity.ERROR, fix)
    if top in TAG_KEYS:
        fix = Fix.edit(start, end, "", "remove it") if edge else Fix.edit(start, end, " ", "write a normal space")
        return _Verdict(f"{name} in the `{top}` value {shown}; it makes a different taxonomy term", fix=fix)
    if edge:
        return _Verdict(f"{name} at the edge of `{top}` {shown}; remove it", fix=Fix.edit(start, end, "", "remove it"))
    return None


def _prose(doc: Document, start: int, end: int, name: str, between_words: bool) -> _Verdict | None:
    text = doc.text or ""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    chars = text[start:end]
    if after in "\r\n" or _MARK.match(after) or after in _FRENCH_BEFORE or before in _FRENCH_AFTER:
        return None  # trailing whitespace (integrity's), a cited mark's base, French typography
    if "\u3000" in chars and (_CJK.match(before) or _CJK.match(after)):
        return None
    if "\u1680" in chars and (_OGHAM.match(before) or _OGHAM.match(after)):
        return None
    line = text[text.rfind("\n", 0, start) + 1 : start]
    shown = f"`{around(text, start, end)}`"
    if line and _BLOCK_MARKER.match(line):
        message = f"{name} after the Markdown marker `{line.strip()}`; the line does not render as a heading or list"
        return _Verdict(message, fix=Fix.edit(start, end, " ", "write a normal space"))
    if not line:
        return _Verdict(f"{name} at the start of a line {shown}", fix=Fix.edit(start, end, "", "remove it", safe=False))
    if is_space(before) or is_space(after):
        return _Verdict(f"{name} next to a space at {shown}; remove it", fix=Fix.edit(start, end, "", "remove it"))
    if "\u3000" in chars or "\u1680" in chars:
        return _Verdict(f"{name} outside the script it belongs to at {shown}", fix=Fix.edit(start, end, " ", "space"))
    if between_words:
        return _Verdict(f"{name} between words at {shown}; search and anchors see a different character")
    return None


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    between_words = bool(ctx.options["report-between-words"])
    for start, end in runs(hits_of(doc, lambda c: _NONSTANDARD.match(c) is not None)):
        place = place_at(doc, start)
        if place.is_code:
            continue
        name = char_name((doc.text or "")[start])
        verdict = None
        if place.in_front_matter:
            verdict = _front_matter(doc, start, end, name)
        if verdict is None:
            verdict = _prose(doc, start, end, name, between_words)
        if verdict is not None:
            hint = "use a normal space (U+0020); for typography, prefer `&nbsp;` where a no-break space is meant"
            yield ctx.report(doc, start, end, verdict.message, severity=verdict.severity, hint=hint, fix=verdict.fix)


NONSTANDARD_SPACE = Rule(
    code="PL312",
    name="nonstandard-space",
    summary="A space character other than U+0020 (NBSP, U+2000-200A, NNBSP, U+3000...) where it breaks things.",
    why=(
        "Other spaces look like U+0020 but are not: `title\u00a0: x` in YAML is the key `'title\\xa0'`, so the "
        "title silently goes missing; `###\u00a0Heading` is not a heading; in a slug it becomes %C2%A0; in "
        "a tag it makes a second taxonomy term. Keys, slugs and the front matter's layout are errors with a "
        "safe fix. In prose, a no-break or thin space between two words is often deliberate typography "
        "(`IE\u00a08`, French `\u00bb`), so it is only reported with `report-between-words`; next to another "
        "space, at a line start, after a heading or list marker, and U+3000 outside CJK text, it is a warning. "
        "Code blocks and inline code are skipped (space characters there are not an attack and `tree` output "
        "uses NBSP); trailing ones are trailing-whitespace's."
    ),
    bad=Example(post("###\u00a0Other improvements\n\nText.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    options={"report-between-words": False},
    fixable=True,
    check=_check,
    applies=has_candidates,
)
