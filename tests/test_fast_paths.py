"""Every shortcut taken for speed gives what the long way gives.

Shared scans must find a superset of what each rule looks for; fast paths must give
the same result as the code they stand in for, on generated input.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint import markdown
from postlint.dates import PostDate, _offset, parse_post_date
from postlint.document import Document, LineIndex
from postlint.findings import Edit, Finding, Fix, Position, Severity, Span
from postlint.frontmatter import parse_front_matter
from postlint.frontmatter.yaml_lines import _DATE_LIKE
from postlint.frontmatter.yaml_scalars import resolve_plain
from postlint.rule import Fact
from postlint.rules.bengali.guard import _GUARD
from postlint.rules.bengali.repeated_mark import _BENGALI_DOUBLE, _OTHER_MARKS
from postlint.rules.bengali.syllables import _CANDIDATE
from postlint.rules.integrity.bijoy import _GLYPH
from postlint.rules.integrity.nfc_scan import _CANDIDATES, candidate_chars
from postlint.rules.safety._common import SCAN_CLASS
from postlint.rules.safety.confusables import _WORD, _problem
from postlint.rules.safety.numbers import _FOREIGN_DIGIT
from postlint.rules.structure.yaml11 import _TIMESTAMP, _readings, yaml11_readings
from postlint.suppress import Suppression, Suppressions
from postlint.unusual import is_unusual

# -- the shared scans ----------------------------------------------------------------------

BMP_AND_SOME_ASTRAL = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 97), 0xE0001, 0x10FFFF]


@pytest.mark.parametrize(
    "name, wanted",
    [
        ("safety candidates", re.compile(f"[{SCAN_CLASS}]").fullmatch),
        ("Devanagari", re.compile("[\u0900-\u0963\u0966-\u097f\u1cd0-\u1cff\ua8e0-\ua8ff\u20f0]").fullmatch),
        ("Bijoy glyphs", _GLYPH.fullmatch),
        ("Latin marks", _OTHER_MARKS.fullmatch),
        ("foreign digits", _FOREIGN_DIGIT.fullmatch),
        ("NFC candidates", lambda char: char in candidate_chars() and not "\u0980" <= char <= "\u09ff"),
        ("mojibake leads", lambda char: "\u00c2" <= char <= "\u00f4"),
    ],
)
def test_what_the_families_look_for_is_unusual(name: str, wanted: object) -> None:
    assert callable(wanted)
    missed = [hex(cp) for cp in BMP_AND_SOME_ASTRAL if wanted(chr(cp)) and not is_unusual(chr(cp))]
    assert not missed, f"{name}: {missed[:10]}"


BENGALI = st.lists(
    st.sampled_from([chr(cp) for cp in range(0x980, 0xA00)] + list("ab ,-\u200c\u200d\u00a0\u25cc\u093e\u0915")),
    max_size=8,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(BENGALI)
def test_the_bengali_guard_finds_every_candidate(text: str) -> None:
    needed = _CANDIDATE.search(text) is not None or _BENGALI_DOUBLE.search(text) is not None
    for pattern in _CANDIDATES[1:]:
        needed |= any(all("\u0980" <= c <= "\u09ff" for c in hit.group()) for hit in pattern.finditer(text))
    assert not needed or _GUARD.search(text) is not None


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x980, 0xA00)])))
def test_latin_and_bengali_words_are_never_confusable(value: str) -> None:
    for word in _WORD.findall(value):
        assert _problem(word, True) is None and _problem(word, False) is None


# -- fast paths ----------------------------------------------------------------------------

DIGITS = st.text(alphabet="0123456789", min_size=2, max_size=2)
DATES = st.builds(
    lambda y, m, d, time, zone: f"{y}-{m}-{d}" + (f"T{time[0]}:{time[1]}:{time[2]}{zone}" if time else ""),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    DIGITS,
    DIGITS,
    st.one_of(st.none(), st.tuples(DIGITS, DIGITS, DIGITS)),
    st.one_of(
        st.just(""), st.just("Z"), st.builds(lambda s, h, m: f"{s}{h}:{m}", st.sampled_from("+-"), DIGITS, DIGITS)
    ),
)


def slow_date(text: str) -> PostDate | None:
    from postlint.dates import _DATE

    match = _DATE.match(text)
    if match is None:
        return None
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        time = None
        if match["hour"] is not None:
            time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
        return PostDate(day, time, _offset(match["zone"]))
    except ValueError:
        return None


@settings(max_examples=2000, deadline=None)
@given(DATES)
def test_dates_read_the_same_either_way(text: str) -> None:
    assert parse_post_date.__wrapped__(text) == slow_date(text)
    if _TIMESTAMP.fullmatch(text):
        assert _readings.__wrapped__(text, False)[1] == () and _readings.__wrapped__(text, True)[1] == ()
    if _DATE_LIKE.fullmatch(text):
        assert resolve_plain(text) == text


WORDS = st.one_of(
    st.sampled_from(["true", "True", "FALSE", "yes", "No", "ON", "off", "y", "N", "null", "Null", "tags", "nope"]),
    st.text(alphabet="aenorstuyAENORSTUY", min_size=1, max_size=6),
    st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=4),
)


@settings(max_examples=2000, deadline=None)
@given(WORDS, st.booleans())
def test_words_read_as_pyyaml_reads_them_without_asking_it(text: str, key: bool) -> None:
    modern, readings = _readings.__wrapped__(text, key)
    assert yaml11_readings(text, key) == (modern, dict(readings))


LINES = ["# h", "## h ##", "   ### x", "    # no", "\t#", "text", "", "```", "~~~", "```py", "---", "===", "- a"]
BODIES = st.lists(st.sampled_from([*LINES, "#nope", "<!-- c -->", "a\r", "# h\r", "  ", "=", "--", "`x`"]), max_size=8)


@settings(max_examples=2000, deadline=None)
@given(BODIES, st.sampled_from(["", "\n"]), st.integers(0, 40))
def test_the_simple_block_scan_agrees_with_the_line_scan(lines: list[str], end: str, start: int) -> None:
    text = "\n".join(lines) + end
    start = min(start, len(text))
    simple = markdown._simple_scan(text, start)
    assert simple is None or simple == markdown._scan_lines(text, start)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["", "---\ntitle: x\n---\n", '{"a": 1} ', "---\na: 1\n---"]), BODIES, st.integers(0, 3))
def test_has_headings_counts_as_the_block_map_does(header: str, lines: list[str], count: int) -> None:
    text = header + "\n".join(lines)
    quick, full = (Document(Path("p.md"), "p.md", text) for _ in range(2))
    parse_front_matter(quick)
    parse_front_matter(full)
    assert markdown.has_headings(quick, count) == (len(markdown.block_map(full).headings) >= count)
    quick.memo.clear()
    assert markdown.heading_count(quick, count) == min(len(markdown.block_map(full).headings), count)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab\n\r", max_size=40), st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45))))
def test_positions_do_not_depend_on_when_the_line_table_is_built(text: str, spans: list[tuple[int, int]]) -> None:
    lazy, built = LineIndex(text), LineIndex(text)
    assert built.line_count >= 1
    for start, end in spans:
        assert lazy.span(start, end) == Span(built.position(start), built.position(max(start, end)))


def test_results_cross_processes_unchanged() -> None:
    span = Span(Position(1, 2, 3), Position(1, 5, 6))
    fix = Fix((Edit(3, 6, "x"),), safe=False, description="d")
    finding = Finding("p.md", "PL101", "name", Severity.WARNING, "message", span, "hint", fix)
    suppressions = Suppressions([Suppression(frozenset({"PL101"}), 1, 2, span, (Edit(0, 1, ""),), {"PL101"})])
    items = [span, fix, finding, Fact("p.md", ("a", "b"), span), suppressions]
    for item in items:
        again = pickle.loads(pickle.dumps(item))
        assert again == item and type(again) is type(item)
    assert pickle.loads(pickle.dumps(finding)).fix == fix  # `fix` is left out of Finding's equality
