"""Find a post's front matter (YAML ``---``, TOML ``+++``, JSON ``{`` or ``---json``) and parse it.

python-frontmatter is not used: measured here, it returns no front matter for a
BOM-prefixed or unclosed block, drops non-mapping front matter, keeps the last of
duplicate keys and loses every position. Splitting is a few lines; parsing goes to
a fast reader of `key: value` lines (most YAML blocks), else PyYAML's event stream,
and to `tomllib` and `json`, each of which reports positions. Each of those parsers is
imported when a block it reads is first met: most runs need only the line reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from postlint.document import Document
from postlint.frontmatter.source_map import NodeSpan, Pointer, SourceMap
from postlint.frontmatter.yaml_lines import parse_lines
from postlint.lazy import lazy_re

if TYPE_CHECKING:
    from postlint.frontmatter.json_source import JsonResult

Format = Literal["yaml", "toml", "json"]

_LEADING_BLANK = lazy_re(r"(?:[ \t]*\r?\n)+")
_OPENERS: tuple[tuple[str, Format, str], ...] = (
    ("---json", "json", "---"),
    ("---", "yaml", "---"),
    ("+++", "toml", "+++"),
)
_CLOSERS = {
    "---": (lazy_re(r"(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE), lazy_re(r"\n(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)),
    "+++": (lazy_re(r"\+\+\+[ \t]*\r?$", re.MULTILINE), lazy_re(r"\n\+\+\+[ \t]*\r?$", re.MULTILINE)),
}
"""A closing fence, as a line of its own: where the block starts (matched there), and after a
line break (searched for: led by the break, which is found much faster than a `^`)."""
_LINE_END = lazy_re(r"[ \t]*(?:\r?\n|\Z)")


@dataclass(slots=True)
class FrontMatter:
    """Parsed front matter; offsets index the document text.

    `data` is None when the block could not be parsed (a problem says why).
    `close_start`/`close_end` cover the closing fence (the end of a JSON object).
    """

    format: Format
    data: dict[str, Any] | None
    open_start: int
    open_end: int
    content_start: int
    content_end: int
    close_start: int
    close_end: int
    end: int
    source_map: SourceMap = field(default_factory=SourceMap)

    def node(self, pointer: Pointer) -> NodeSpan | None:
        return self.source_map.get(pointer)

    def locate(self, pointer: Pointer) -> tuple[int, int]:
        """Offsets of the value at `pointer`, or of its nearest located ancestor."""
        found = self.source_map.nearest(pointer)
        if found is None:
            return self.open_start, self.open_end
        return found[1].start, found[1].end


def _opener(text: str, at: int) -> tuple[str, Format, str, int] | None:
    for fence, fmt, closer in _OPENERS:
        if text.startswith(fence, at):
            line_end = _LINE_END.match(text, at + len(fence))
            if line_end is not None:
                return fence, fmt, closer, line_end.end()
    return None


def _check_mapping(doc: Document, fm: FrontMatter, data: Any) -> None:
    if data is None or data == {}:
        doc.problem("PL012", fm.open_start, fm.open_end, "the front matter is empty", "add at least a title")
    elif not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        doc.problem(
            "PL013",
            fm.content_start,
            fm.content_end,
            f"the front matter is {kind}; it must be a mapping of keys to values",
            "write one `key: value` per line",
        )
    else:
        fm.data = data


def _closing_fence(text: str, closer: str, body: int) -> tuple[int, int] | None:
    """Where the first `closer` line at or after offset `body` (a line start) starts and ends."""
    at_start, after_break = _CLOSERS[closer]
    close = at_start.match(text, body)
    if close is not None:
        return close.start(), close.end()
    close = after_break.search(text, body)
    return None if close is None else (close.start() + 1, close.end())


def _parse_fenced(doc: Document, text: str, fmt: Format, at: int, fence: str, closer: str, body: int) -> None:
    close = _closing_fence(text, closer, body)
    if close is None:
        doc.problem(
            "PL011",
            at,
            at + len(fence),
            f"the front matter opened here is never closed with a `{closer}` line",
            f"add a line `{closer}` after the last front-matter key",
        )
        return
    close_start, close_end = close
    end_match = _LINE_END.match(text, close_end)
    end = end_match.end() if end_match else close_end
    fm = FrontMatter(fmt, None, at, at + len(fence), body, close_start, close_start, close_start + 3, end)
    doc.front_matter = fm
    content = text[body:close_start]
    if fmt == "yaml":
        result = parse_lines(content, body)
        if result is None:  # more than `key: value` lines: PyYAML's event parser
            from postlint.frontmatter.yaml_source import parse_yaml

            result = parse_yaml(content, body, lambda offset: doc.index.position(offset).line)
        fm.source_map = result.source_map
        for p in result.problems:
            doc.problem(p.code, p.start, p.end, p.message, p.hint)
        if result.ok:
            _check_mapping(doc, fm, result.data)
    elif fmt == "toml":
        from postlint.frontmatter.toml_source import parse_toml

        toml = parse_toml(content, body)
        if toml.error is not None and toml.error_line == 0:  # at the end of the block
            doc.problem("PL014", close_start, close_start, toml.error)
            return
        if toml.error is not None:
            line = doc.index.position(body).line + toml.error_line - 1
            offset = min(doc.index.line_start(min(line, doc.index.line_count)) + toml.error_column - 1, len(text))
            doc.problem("PL014", offset, offset, toml.error)
            return
        fm.source_map = toml.source_map
        _check_mapping(doc, fm, toml.data)
    else:
        first = _LEADING_BLANK.match(text, body)
        start = first.end() if first else body
        _parse_json(doc, fm, text, start)


def _parse_json(doc: Document, fm: FrontMatter, text: str, start: int) -> JsonResult:
    from postlint.frontmatter.json_source import parse_json

    result = parse_json(text, start)
    if result.error is not None:
        doc.problem("PL014", result.error_offset, result.error_offset, result.error)
        return result
    fm.source_map = result.source_map
    for key in result.duplicates:
        node = result.source_map.get((key,))
        at = (node.key_start or node.start, node.key_end or node.end) if node else (start, start)
        doc.problem("PL103", at[0], at[1], f"`{key}` is defined more than once; JSON readers keep only one")
    _check_mapping(doc, fm, result.data)
    return result


def parse_front_matter(doc: Document) -> None:
    """Find and parse the front matter of `doc`, recording problems on it."""
    text = doc.text
    if text is None:
        return
    blank = _LEADING_BLANK.match(text)
    at = blank.end() if blank else 0
    opener = _opener(text, at)
    if opener is None and text.startswith("{", at):
        fm = FrontMatter("json", None, at, at + 1, at, at, at, at + 1, at)
        doc.front_matter = fm
        result = _parse_json(doc, fm, text, at)
        if result.error is None:
            end = result.end
            line_end = _LINE_END.match(text, end)
            fm.close_start, fm.close_end = end - 1, end
            fm.content_end = end
            fm.end = line_end.end() if line_end else end
    elif opener is not None:
        fence, fmt, closer, body = opener
        _parse_fenced(doc, text, fmt, at, fence, closer, body)
    else:
        if text:
            doc.problem(
                "PL010",
                0,
                0,
                "the file has no front matter",
                "start the file with a `---` line, the front-matter keys, and another `---` line",
            )
        return
    if at:
        doc.problem(
            "PL017",
            0,
            at,
            "the front matter does not start on the first line; Hugo and Jekyll then treat it as text",
            "delete the blank lines before the opening fence",
        )
