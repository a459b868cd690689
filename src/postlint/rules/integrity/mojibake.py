"""PL411 mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 (`à¦¬à¦¾` for বা).

A cheap pattern (a UTF-8 lead byte followed by a continuation byte, both shown as
Windows-1252) finds candidates; only those are shown to ftfy, and only through
`badness.is_bad` and `fix_encoding`: `fix_text` would also straighten quotes and
normalize, flagging correct text. Clean files never import ftfy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from postlint import ucd
from postlint.charnames import snippet
from postlint.document import Document
from postlint.findings import Finding, Fix
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.integrity._common import in_code
from postlint.unusual import unusual_chars


def _continuation_bytes() -> str:
    chars = []
    for byte in range(0x80, 0xC0):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))  # the five holes of Windows-1252 survive as C1 controls
        chars.append(chr(byte))  # as Latin-1 decodes them
    return "".join(sorted(set(chars)))


_CONTINUATION = re.escape(_continuation_bytes() + "\ufffd")
_CANDIDATE = lazy_re(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_ASCII = "".join(map(chr, range(128)))
_ASCII_RUN = lazy_re("[\x00-\x7f]+")
_ALNUM = lazy_re("[A-Za-z0-9]")
_SEGMENT_CHAR = lazy_re(f"[\\x20-\\x7e\\x80-\\xff{_CONTINUATION}]")
_FOREIGN = lazy_regex(r"[^\x20-\x7e\u0980-\u09ff\u200c\u200d\p{P}\p{Zs}]")


def _split_at_ascii_words(segment: str) -> list[str]:
    """The segment cut at its runs of ASCII that hold a letter or digit (kept as pieces).

    Maximal ASCII runs are found once each: a pattern that backtracks inside a run to
    look for a letter is quadratic on a long run of punctuation.
    """
    pieces, last = [], 0
    for run in _ASCII_RUN.finditer(segment):
        if _ALNUM.search(run.group()):
            pieces += [segment[last : run.start()], run.group()]
            last = run.end()
    pieces.append(segment[last:])
    return pieces


class Mojibake(NamedTuple):
    start: int
    end: int
    fixed: str


def _segments(text: str, hit: int) -> list[tuple[int, int]]:
    """The runs of Windows-1252-encodable characters around `hit`, split at ASCII words, trimmed to
    their non-ASCII ends: `à¦¬à¦¾ à¦²à¦¾` stays one phrase, `à¦¬à¦¾ and cafÃ©` is two."""
    start = end = hit
    while start > 0 and _SEGMENT_CHAR.match(text, start - 1):
        start -= 1
    while end < len(text) and _SEGMENT_CHAR.match(text, end):
        end += 1
    spans = []
    for piece in _split_at_ascii_words(text[start:end]):
        if not piece.isascii():
            head = len(piece) - len(piece.lstrip(_ASCII))
            spans.append((start + head, start + len(piece.rstrip(_ASCII))))
        start += len(piece)
    return spans


def find_mojibake(doc: Document) -> list[Mojibake]:
    """Every mojibake segment of the document outside code (computed once per document)."""
    return doc.memoised("integrity.mojibake", lambda: _find_mojibake(doc))


def _find_mojibake(doc: Document) -> list[Mojibake]:
    found: list[Mojibake] = []
    text = doc.text or ""
    position = 0
    while (hit := _CANDIDATE.search(text, position)) is not None:
        segments = _segments(text, hit.start())
        position = max(segments[-1][1], hit.end())
        for start, end in segments:
            if in_code(doc, start):
                continue
            from ftfy import fix_encoding
            from ftfy.badness import is_bad

            piece = text[start:end]
            if is_bad(piece) and (fixed := fix_encoding(piece)) != piece:
                found.append(Mojibake(start, end, fixed))
    return found


def may_be_mojibake(doc: Document, ctx: RuleContext) -> bool:
    """The rule's `applies`: a candidate starts with a lead byte shown as `Â`..`ô`, an unusual character."""
    return doc.text is not None and any("\u00c2" <= char <= "\u00f4" for char in unusual_chars(doc))


def _safe_to_apply(fixed: str) -> bool:
    """ftfy's reading may be applied when it is clean Bengali text in NFC."""
    return (
        re.search("[\u0980-\u09ff]", fixed) is not None
        and _FOREIGN.search(fixed) is None
        and ucd.is_normalized("NFC", fixed)
    )


def _mojibake(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not doc.text or doc.text.isascii() or _CANDIDATE.search(doc.text) is None:
        return
    for item in find_mojibake(doc):
        shown, reading = snippet(doc.text, item.start, item.end), snippet(item.fixed, 0, len(item.fixed))
        fix = None
        if _safe_to_apply(item.fixed):
            fix = Fix.edit(item.start, item.end, item.fixed, "decode the text as UTF-8 (ftfy)")
        yield ctx.report(
            doc,
            item.start,
            item.end,
            f"mojibake `{shown}`: UTF-8 text shown as Windows-1252; it is expected to read `{reading}`",
            "take the text again from a source saved as UTF-8, or replace it with the reading above",
            fix,
        )


RULES = (
    Rule(
        code="PL411",
        name="mojibake",
        summary="UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere upstream (`à¦¬à¦¾`).",
        why=(
            "Bengali UTF-8 is three bytes a letter (E0 A6 xx); read as Windows-1252 it becomes `à¦¬à¦¾`, and "
            "readers see garbage. Detected with ftfy's badness heuristic and confirmed by `ftfy.fix_encoding`; "
            "the fix is applied automatically only when the repaired text is clean Bengali in NFC."
        ),
        bad=Example(post("à¦¬à¦¾à¦\u201aà¦²à¦¾ text copied from an old export.\n")),
        good=Example(post("বাংলা text, and café, naïve, 25°C, © 2025 and “quotes” written correctly.\n")),
        fixable=True,
        check=_mojibake,
        applies=may_be_mojibake,
    ),
)
