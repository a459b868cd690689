"""`--add-ignores`: write a suppression for every current finding, so a team can adopt
postlint on an old tree and tighten later (ruff's `--add-noqa`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

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


def _edits(doc: Document, findings: Sequence[Finding]) -> list[Edit]:
    text = doc.text or ""
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_line[finding.span.start.line].append(finding)
    edits: list[Edit] = []
    whole_file: list[Finding] = []
    blocks = block_map(doc)
    for line, here in sorted(by_line.items()):
        start = doc.index.line_start(line)
        in_body = start >= doc.body_start > 0 or (doc.front_matter is None and doc.body_start == 0)
        comment_at = _key_line_end(doc, line)
        if comment_at is not None:
            edits.append(Edit(comment_at, comment_at, front_matter_comment(_codes(here))))
        elif in_body and not blocks.in_code(start) and line > 1:
            edits.append(Edit(start, start, f"<!-- postlint-disable-next-line {_codes(here)} -->\n"))
        else:
            whole_file.extend(here)
    if whole_file:
        at = doc.body_start
        prefix = "" if at == 0 or text[at - 1 : at] == "\n" else "\n"
        comment = f"{prefix}<!-- postlint-disable-file {_codes(whole_file)} -->\n"
        same = [edit for edit in edits if edit.start == at]
        edits = [edit for edit in edits if edit.start != at]
        edits.append(Edit(at, at, comment + "".join(edit.replacement for edit in same)))
    return edits


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
        write_atomically(target.path, encode(text, doc.has_bom))
        added += len(edits)
    return added, skipped
