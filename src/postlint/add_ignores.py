"""`--add-ignores`: write a suppression for every current finding, so a team can adopt
postlint on an old tree and tighten later (ruff's `--add-noqa`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from postlint.discover import Target
from postlint.document import Document
from postlint.findings import Edit, Finding, Fix
from postlint.fix import apply_fixes, encode, write_atomically
from postlint.frontmatter import parse_front_matter
from postlint.load import load
from postlint.markdown import block_map
from postlint.suppress import front_matter_comment

# Findings about suppressions are fixed (or left), never suppressed in turn.
_ABOUT_SUPPRESSIONS = frozenset({"PL902", "PL903"})


def _codes(findings: Sequence[Finding]) -> str:
    return ", ".join(sorted({f.code for f in findings}))


def _key_line_end(doc: Document, line: int) -> int | None:
    """Where a comment can go on a front-matter line: after a key whose value ends on it."""
    fm = doc.front_matter
    if fm is None or fm.format == "json":
        return None
    index = doc.index
    start = index.line_start(line)
    end = start + len(index.line_text(line))
    for node in fm.source_map.nodes.values():
        if node.key_start is not None and start <= node.key_start < end and (node.end <= end or node.start > end):
            return end
    return None


def _starts_block(doc: Document, line: int) -> bool:
    """Whether a comment line can go above `line` without splitting a paragraph, list,
    quote or table: the line starts a block (after a blank line or the front matter)."""
    index = doc.index
    if line <= 1 or index.line_start(line) < doc.body_start:
        return False
    if index.line_start(line) == doc.body_start or not index.line_text(line - 1).strip():
        return not index.line_text(line).lstrip().startswith(("|", ">", "-", "*", "+")) or line == 1
    return False


def _eol(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _edits(doc: Document, findings: Sequence[Finding]) -> list[Edit]:
    text = doc.text or ""
    eol = _eol(text)
    blocks = block_map(doc)
    per_line: dict[int, list[Finding]] = defaultdict(list)
    whole_file: list[Finding] = []
    for finding in findings:
        line = finding.span.start.line
        at = doc.index.line_start(line)
        if _key_line_end(doc, line) is not None or (_starts_block(doc, line) and not blocks.in_code(at)):
            per_line[line].append(finding)
        else:
            whole_file.append(finding)
    file_codes = {f.code for f in whole_file}
    edits: list[Edit] = []
    for line, here in sorted(per_line.items()):
        here = [f for f in here if f.code not in file_codes]
        if not here:
            continue
        comment_at = _key_line_end(doc, line)
        if comment_at is not None:
            edits.append(Edit(comment_at, comment_at, front_matter_comment(_codes(here))))
        else:
            start = doc.index.line_start(line)
            edits.append(Edit(start, start, f"<!-- postlint-disable-next-line {_codes(here)} -->{eol}"))
    if whole_file:
        edits.append(_file_comment(doc, text, eol, _codes(whole_file), edits))
        edits = [edit for edit in edits if edit.start != edits[-1].start or edit is edits[-1]]
    return edits


def _file_comment(doc: Document, text: str, eol: str, codes: str, edits: list[Edit]) -> Edit:
    """`disable-file` after the front matter, or at the end when there is none to find."""
    comment = f"<!-- postlint-disable-file {codes} -->{eol}"
    if doc.front_matter is None or doc.front_matter.end == 0:
        at = len(text)
        prefix = "" if not text or text.endswith("\n") else eol
        return Edit(at, at, prefix + comment)
    at = doc.body_start
    same = "".join(edit.replacement for edit in edits if edit.start == at)
    prefix = "" if text[at - 1 : at] == "\n" else eol
    return Edit(at, at, prefix + comment + same)


def add_ignores(findings: Sequence[Finding], targets: Sequence[Target], max_bytes: int) -> tuple[int, list[str]]:
    """Write the suppressions; returns how many were added and the files that could not take them."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.code not in _ABOUT_SUPPRESSIONS:
            by_path[finding.path].append(finding)
    added, skipped = 0, []
    for target in targets:
        here = by_path.get(target.display)
        if not here:
            continue
        doc = load(target.path, target.display, max_bytes)
        if doc.text is None:
            skipped.append(target.display)
            continue
        parse_front_matter(doc)
        edits = _edits(doc, here)
        text, _ = apply_fixes(doc.text, [Fix((edit,)) for edit in edits])
        write_atomically(Path(target.path), encode(text, doc.has_bom))
        added += len(edits)
    return added, skipped
