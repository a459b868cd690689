"""PL403 trailing-whitespace and PL404 hard-tab: invisible whitespace in prose."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.charnames import char_name
from postlint.document import Document, line_bounds
from postlint.findings import Finding, Fix, Severity
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.integrity._common import in_code, in_code_block

# A run only starts after a non-space, and is taken whole (possessive), so a long run of
# spaces in mid-line costs one pass, not one pass per space.
_TRAILING = lazy_re(r"(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]++(?=\r?\n|\r|\Z)")
_SPACES = " \t\u00a0\u3000"
_ANY_TRAILING = lazy_re("\n(?<=[ \t\u00a0\u3000\r]\n)")  # led by a literal: a fast scan
_TAB = lazy_re(r"\t+")
_LIST_ITEM = lazy_re(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _line(text: str, start: int) -> tuple[int, int]:
    """Offsets of the line around `start`, without its line break."""
    line_start, line_end = line_bounds(text, start)
    return line_start, line_end - (1 if text[line_start:line_end].endswith("\r") else 0)


def _neighbour(text: str, offset: int, step: int) -> str:
    """The nearest non-blank line before (step -1) or after (step 1) the line at `offset`."""
    start, end = _line(text, offset)
    while True:
        if step > 0:
            start = text.find("\n", end) + 1
            if start == 0:
                return ""
        else:
            if start == 0:
                return ""
            start = text.rfind("\n", 0, start - 1) + 1
        start, end = _line(text, start)
        if text[start:end].strip():
            return text[start:end]


def _in_list_item(text: str, start: int) -> bool:
    """A whitespace-only line between a list item (or its indented text) and more of it."""
    before, after = _neighbour(text, start, -1), _neighbour(text, start, 1)
    return bool(_LIST_ITEM.match(before) or before[:1] in " \t") and bool(_LIST_ITEM.match(after) or after[:1] in " \t")


def _trailing_whitespace(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or not (text[-1] in _SPACES or "\r" in text or _ANY_TRAILING.search(text)):
        return
    for match in _TRAILING.finditer(text):
        start, end = match.span()
        run = match.group()
        line_start, _ = _line(text, start)
        blank = start == line_start
        if (run == "  " and not blank and start >= doc.body_start) or in_code_block(doc, start):
            continue
        if blank and start >= doc.body_start and _in_list_item(text, start):
            continue
        next_line = _neighbour(text, start, 1) if not blank else ""
        breaks = not blank and run.startswith("   ") and run.strip(" ") == "" and next_line.strip() != ""
        replacement = "  " if breaks and start >= doc.body_start else ""
        kinds = sorted(set(run))
        what = f"{len(run)} trailing space(s)" if kinds == [" "] else "trailing " + ", ".join(map(char_name, kinds))
        message = f"{what} at the end of the line; lines are expected to end without whitespace"
        hint = (
            "keep exactly two spaces for a Markdown hard line break"
            if replacement
            else "remove the trailing whitespace"
        )
        description = "keep two spaces (the hard break)" if replacement else "remove the trailing whitespace"
        yield ctx.report(doc, start, end, message, hint, Fix.edit(start, end, replacement, description))


def _hard_tab(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if not text or "\t" not in text:
        return
    for match in _TAB.finditer(text, doc.body_start):
        start, end = match.span()
        line_start, line_end = _line(text, start)
        if end == line_end and text[line_start:start].strip():
            continue  # trailing tabs belong to trailing-whitespace
        if in_code(doc, start):
            continue
        column = start - line_start
        width = 4 * len(match.group()) - column % 4
        fix = Fix.edit(start, end, " " * width, "replace the tab with spaces (tab stops of 4)")
        yield ctx.report(
            doc,
            start,
            end,
            f"{char_name(chr(9))} (hard tab) in text; indent and align with spaces",
            "editors, GitHub and Markdown renderers disagree on tab widths; use spaces outside code blocks",
            fix,
        )


RULES = (
    Rule(
        code="PL403",
        name="trailing-whitespace",
        summary="A line ends with spaces, tabs, NBSP or U+3000 (two spaces, a Markdown hard break, are allowed).",
        why=(
            "Trailing whitespace is invisible, makes noisy diffs, and a stray run of spaces can turn into an "
            "unintended hard line break (markdownlint MD009). Exactly two spaces after text are a CommonMark "
            "hard break and are allowed; code blocks are not checked. Information by default: it changes "
            "nothing on the page, and many real posts have it."
        ),
        bad=Example(post("A line with trailing spaces.   \n\nAnd a tab.\t\n")),
        good=Example(post("A line with a hard break  \nand the next line.\n")),
        severity=Severity.INFO,
        fixable=True,
        check=_trailing_whitespace,
    ),
    Rule(
        code="PL404",
        name="hard-tab",
        summary="A TAB character in the body, outside code blocks and code spans.",
        why=(
            "Tab widths differ between editors, GitHub and renderers, so tab-indented lists and aligned text "
            "shift; a tab in a list item can even turn it into a code block (markdownlint MD010). "
            "Tabs in code blocks are left alone (Makefiles, TSV)."
        ),
        bad=Example(post("Name:\tvalue\n")),
        good=Example(post("Name: value\n\n```make\nall:\n\tbuild\n```\n")),
        severity=Severity.WARNING,
        fixable=True,
        check=_hard_tab,
    ),
)
