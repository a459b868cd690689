"""PL310 control-char, PL311 line-separator: control characters and invisible line breaks."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import around, char_name
from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import has_candidates, hits_of, place_at
from postlint.rules.safety._examples import GOOD

_ANSI = lazy_re(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# cp1252's printable characters in 0x80-0x9F: with Latin-1 and C1, the alphabet of UTF-8 mojibake.
_CP1252 = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"  # noqa: RUF001


def _control(char: str) -> bool:
    return char < "\x20" or "\x7f" <= char <= "\x9f"  # TAB, LF and CR never reach here


def _byte(char: str) -> int | None:
    if char <= "\xff":
        return ord(char)
    return 0x80 + _CP1252.index(char) if char in _CP1252 else None


def in_mojibake(text: str, at: int) -> bool:
    """Whether the C1 character at `at` is a continuation byte of UTF-8 read as cp1252/Latin-1 (`à§\x8d`)."""
    for lead in range(max(0, at - 3), at):
        first = _byte(text[lead])
        if first is None or not 0xC2 <= first <= 0xF4:
            continue
        size = 2 if first < 0xE0 else 3 if first < 0xF0 else 4
        chunk = [_byte(c) for c in text[lead : lead + size]]
        if at - lead >= size or len(chunk) < size or None in chunk:
            continue
        try:
            bytes(b for b in chunk if b is not None).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def _check_controls(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    covered = -1
    for at, char in hits_of(doc, _control):
        if at < covered or ("\x80" <= char <= "\x9f" and in_mojibake(text, at)):
            continue  # inside an escape sequence already reported, or mojibake (the integrity package's)
        ansi = _ANSI.match(text, at) if char == "\x1b" else None
        end = ansi.end() if ansi else at + 1
        covered = end
        place = place_at(doc, at)
        what = "terminal escape sequence" if ansi else char_name(char)
        c1 = "\x80" <= char <= "\x9f"
        yield ctx.report(
            doc,
            at,
            end,
            f"control character {what} in {place.label} at `{around(text, at, end)}`; remove it",
            hint="C1 controls usually come from text decoded as cp1252; check the words around it"
            if c1
            else "YAML and XML feeds reject control characters, and ESC can drive a reader's terminal",
            fix=Fix.edit(at, end, "", "remove the control character", safe=not c1),
        )


def _check_separators(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text or ""
    for at, char in hits_of(doc, "\u2028\u2029".__contains__):
        place = place_at(doc, at)
        yield ctx.report(
            doc,
            at,
            at + 1,
            f"{char_name(char)} in {place.label} at `{around(text, at, at + 1)}`; write a newline or a space",
            severity=Severity.ERROR if place.in_front_matter else None,
            hint="some programs break the line here and others do not; PyYAML and JavaScript treat it as a line end",
        )


CONTROL_CHAR = Rule(
    code="PL310",
    name="control-char",
    summary="A C0 control (other than TAB, LF, CR), DEL, or a C1 control (U+0080-009F).",
    why=(
        'Control characters are invisible or worse: YAML forbids them (PyYAML: "unacceptable character '
        '#x0007"), XML feeds (RSS, Atom) built from the post become invalid, and ESC sequences can drive the '
        "terminal of whoever prints the file (pylint E2510-E2514). The rule runs everywhere, code included. "
        "TAB is hard-tab's, a lone CR is mixed-line-endings', and a C1 control inside mojibake (`à¦\\x8d`) is "
        "mojibake's. Removing a C0 control or a whole ANSI escape sequence is safe; a C1 control usually means "
        "the text around it was decoded wrongly, so its removal is offered as unsafe."
    ),
    bad=Example(post("Click the button\x1d, then wait.\n")),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=_check_controls,
    applies=has_candidates,
)

LINE_SEPARATOR = Rule(
    code="PL311",
    name="line-separator",
    summary="A LINE SEPARATOR U+2028 or PARAGRAPH SEPARATOR U+2029.",
    why=(
        "These are line breaks that some programs honour and others ignore: PyYAML and older JavaScript "
        "break lines at them, Markdown renderers do not, and Python's `splitlines()` shifts every line number "
        "after them. NEL U+0085 is control-char's. The rule runs everywhere; in front matter, where parsers "
        "disagree on the value, it is an error. Suggested fix: a newline or a space."
    ),
    bad=Example(post("First line\u2028second line.\n")),
    good=GOOD,
    severity=Severity.WARNING,
    check=_check_separators,
    applies=has_candidates,
)
