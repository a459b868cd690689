"""PL401 mixed-line-endings and PL402 missing-final-newline: line breaks in the raw text.

`doc.text` keeps every CR, so both rules read the line breaks exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post

_BREAK = lazy_re(r"\r\n|\r|\n")
_LABEL = {"\n": "LF", "\r\n": "CRLF", "\r": "a lone CR"}


def dominant_break(text: str) -> str:
    """The file's usual line break: CRLF when most lines end with it, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf > text.count("\n") - crlf else "\n"


def _mixed_line_endings(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or "\r" not in text:
        return
    breaks = [(m.start(), m.group()) for m in _BREAK.finditer(text)]
    counts = {kind: sum(1 for _, b in breaks if b == kind) for kind in _LABEL}
    usual = dominant_break(text)
    mixed = counts["\n"] and counts["\r\n"]
    for start, kind in breaks:
        if kind == usual or (kind != "\r" and not mixed):
            continue
        fix = Fix.edit(start, start + len(kind), usual, f"end the line with {_LABEL[usual]}")
        if kind == "\r":
            message = (
                "lone carriage return U+000D: Markdown and browsers break the line here, "
                "while Git, grep and line numbers do not see a line break"
            )
        else:
            others = counts[usual]
            message = f"line ends with {_LABEL[kind]} while {others} other line(s) end with {_LABEL[usual]}"
        hint = "use one line ending everywhere; `* text=auto eol=lf` in .gitattributes keeps it that way"
        yield ctx.report(doc, start, start + len(kind), message, hint, fix)


def _missing_final_newline(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or text.endswith(("\n", "\r")):
        return
    end = len(text)
    newline = dominant_break(text)
    fix = Fix.edit(end, end, newline, "add a line break at the end of the file")
    yield ctx.report(
        doc,
        end,
        end,
        "the file does not end with a line break; the last line is expected to end with one",
        "add a newline at the end of the file (editors: `insert_final_newline = true` in .editorconfig)",
        fix,
    )


RULES = (
    Rule(
        code="PL401",
        name="mixed-line-endings",
        summary="Lines end with a mix of LF, CRLF and lone CR, or a lone CR hides a line break.",
        why=(
            "A file whose lines end differently produces noisy diffs and breaks tools that split on one style. "
            "A lone carriage return is an invisible line break: Markdown renders it as one, while Git, "
            "grep and editors' line numbers do not (pylint E2511)."
        ),
        bad=Example(post("First line.\r\nSecond line.\nThird line.\n")),
        good=Example(post("First line.\nSecond line.\nThird line.\n")),
        severity=Severity.WARNING,
        fixable=True,
        check=_mixed_line_endings,
    ),
    Rule(
        code="PL402",
        name="missing-final-newline",
        summary="The file does not end with a line break.",
        why=(
            "POSIX tools treat a last line without a newline as incomplete: `cat` joins it to the next file, "
            "`wc -l` undercounts it and diffs show `\\ No newline at end of file` (markdownlint MD047)."
        ),
        bad=Example(post("The last line has no line break.")),
        good=Example(post("The last line ends with a line break.\n")),
        severity=Severity.WARNING,
        fixable=True,
        check=_missing_final_newline,
    ),
)
