"""PL315 surrogate-escape: escapes that produce lone surrogates, in front matter and HTML references."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Fix, Severity
from postlint.frontmatter.source_map import pointer_text
from postlint.lazy import lazy_re
from postlint.markdown import Context, context_at
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._examples import GOOD
from postlint.rules.safety._front_matter import string_values

_ESCAPE = lazy_re(r"\\(?:u|U0000)([dD][89a-fA-F][0-9a-fA-F]{2})")
_REFERENCE = lazy_re(r"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7][0-9]{3}));")
_HINT = "write the character itself (UTF-8); a surrogate escape cannot be written out"
_PROSE = (Context.TEXT, Context.HTML_COMMENT)

Hit = tuple[int, int, int]


def _escapes(text: str, start: int, end: int) -> Iterator[Hit]:
    """(start, end, code) of each `\\uD8xx` escape in text[start:end] that is not itself escaped."""
    for match in _ESCAPE.finditer(text, start, end):
        back = match.start()
        while back > start and text[back - 1] == "\\":
            back -= 1
        if (match.start() - back) % 2 == 0:
            yield match.start(), match.end(), int(match.group(1), 16)


def _references(text: str, start: int) -> Iterator[Hit]:
    for match in _REFERENCE.finditer(text, start):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if 0xD800 <= code <= 0xDFFF:
            yield match.start(), match.end(), code


def _in_double_quotes(text: str, at: int) -> bool:
    """Whether `at` is inside a double-quoted string on its line (where YAML and TOML read escapes)."""
    index = text.rfind("\n", 0, at) + 1
    quote = ""
    while index < at:
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if not quote and char in "\"'":
            quote = char
        elif char == quote:
            quote = ""
        elif not quote and char == "#":
            return False
        index += 1
    return quote == '"'


def _pairs(doc: Document, ctx: RuleContext, found: list[Hit], where: str) -> Iterator[Finding]:
    index = 0
    while index < len(found):
        start, end, high = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if following and following[0] == end and 0xD800 <= high < 0xDC00 <= following[2]:
            char = chr(0x10000 + ((high - 0xD800) << 10) + following[2] - 0xDC00)
            yield ctx.report(
                doc,
                start,
                following[1],
                f"surrogate pair escape for U+{ord(char):05X} in {where}; it becomes two lone surrogates, "
                f"write `{char}` instead",
                hint=_HINT,
                fix=Fix.edit(start, following[1], char, f"write U+{ord(char):05X}"),
            )
            index += 2
            continue
        yield ctx.report(
            doc,
            start,
            end,
            f"escape for the lone surrogate U+{high:04X} in {where}; it is not a character and cannot be written out",
            hint=_HINT,
        )
        index += 1


def _front_matter(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    text = doc.text or ""
    if fm is None:
        return
    if fm.data is None:
        if fm.format != "json":  # the parser rejected the file; say which escape made it
            found = [h for h in _escapes(text, fm.content_start, fm.content_end) if _in_double_quotes(text, h[0])]
            yield from _pairs(doc, ctx, found, "the front matter")
        return
    for pointer, value, is_key in string_values(fm.data):
        if not any("\ud800" <= c <= "\udfff" for c in value):
            continue
        located = fm.source_map.nearest(pointer)
        node = located[1] if located else None
        span = (fm.content_start, fm.content_end) if node is None else (node.start, node.end)
        if is_key and node is not None and node.key_start is not None and node.key_end is not None:
            span = (node.key_start, node.key_end)
        found = list(_escapes(text, *span))
        where = f"`{pointer_text(pointer)}`"
        if found:
            yield from _pairs(doc, ctx, found, where)
        else:
            yield ctx.report(doc, *span, f"the value of {where} contains a lone surrogate", hint=_HINT)


def _may_escape(doc: Document, ctx: RuleContext) -> bool:
    """The rule's `applies`: a surrogate escape starts with `\\u` or `\\U`, a reference with `&#`."""
    text = doc.text
    if text is None:
        return False  # one character first: a search for one is several times faster than for two
    return ("\\" in text and ("\\u" in text or "\\U" in text)) or ("&" in text and "&#" in text)


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    text = doc.text
    if text is None:
        return
    fm = doc.front_matter
    if fm is not None and _ESCAPE.search(text, fm.content_start, fm.content_end):
        yield from _front_matter(doc, ctx)
    if "&#" not in text:
        return
    found = [hit for hit in _references(text, doc.body_start) if context_at(doc, hit[0]) in _PROSE]
    yield from _pairs(doc, ctx, found, "the text")


SURROGATE_ESCAPE = Rule(
    code="PL315",
    name="surrogate-escape",
    summary='An escape for a surrogate code point: YAML/TOML "\\ud83d", JSON lone "\\udc00", HTML `&#xD83D;`.',
    why=(
        'UTF-16 surrogates are not characters. PyYAML turns `"\\ud83d"` into a string holding U+D83D, and even '
        'a valid pair `"\\ud83d\\ude00"` into two lone surrogates; libyaml and TOML reject the file; writing '
        "the page then fails with UnicodeEncodeError. In HTML, `&#xD83D;` renders as U+FFFD. JSON front matter "
        "combines valid pairs, so only its lone surrogates are reported. The fix writes the real character for "
        "a valid pair (safe); a lone surrogate cannot be fixed. Code blocks, inline code and URLs are skipped, "
        "where JavaScript and JSON escapes are legitimate."
    ),
    bad=Example(post(title='"Smile \\ud83d\\ude00"', slug="smile-2025-04-10")),
    good=GOOD,
    severity=Severity.ERROR,
    fixable=True,
    check=_check,
    applies=_may_escape,
)
