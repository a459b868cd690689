"""Bengali orthography rules PL501-PL510: positions, fixes, and correct Bengali that must stay quiet.

Every Bengali string is written with escapes so the exact code points are visible.
Posts are built by `post()`: front matter on lines 1-7, a blank line 8, the body from line 9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from postlint.api import check
from postlint.config import Config
from postlint.findings import Edit, Finding
from postlint.fix import apply_fixes

BODY_LINE = 9
TITLE = "\u09ac\u09be\u0982\u09b2\u09be"  # bangla

# Words, by what they are.
KINTU = "\u0995\u09bf\u09a8\u09cd\u09a4\u09c1"  # kintu
KINTU_VISUAL = "\u09bf\u0995\u09a8\u09cd\u09a4\u09c1"  # i-kar typed before its consonant
APP = "\u0985\u09cd\u09af\u09be\u09aa"  # a-virama-ya: app
EYA = "\u098f\u09cd\u09af\u09be\u09ac"  # e-virama-ya
RAB = "\u09b0\u200d\u09cd\u09af\u09be\u09ac"  # ra-ZWJ-virama-ya
INTERACT_ZWNJ = "\u0987\u09a8\u09cd\u099f\u09be\u09b0\u200c\u09cd\u09af\u09be\u0995"  # ZWNJ variant seen in real posts
UDYAPAN = "\u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8"  # explicit hasanta
UTSAB = "\u0989\u09ce\u09b8\u09ac"  # khanda ta
CHAND = "\u099a\u09be\u0981\u09a6"  # chand
POUNCHHANO = "\u09aa\u09cc\u0981\u099b\u09be\u09a8\u09cb"
RAY = "\u09b0\u09be\u09af\u09bc"  # yya written decomposed (NFC)
RAY_PRECOMPOSED = "\u09b0\u09be\u09df"
DAH = "\u09a1\u09be\u0983"  # visarga as the abbreviation mark
AAN = "\u0986\u0981"  # candrabindu on an independent vowel
UH = "\u0989\u0983"
RING_VISARGA = "\u09b0\u09bf\u0982\u0983"  # anusvara then visarga
STEP_ONE = "\u09a7\u09be\u09aa \u09e7\u0983"  # "step 1:" with the visarga used as a colon
TOMAR_DECOMPOSED = "\u09a4\u09c7\u09be\u09ae\u09be\u09b0"  # e-kar + aa-kar: not-nfc's, not ours
AMAR = "\u0986\u09ae\u09be\u09b0"
DANDA = "\u0964"


def post(body: str, *, title: str = TITLE, extra: str = "") -> str:
    return (
        f'---\ntitle: "{title}"\nslug: bangla-2025-04-10\ndate: 2025-04-10\ntags: [bangla]\n'
        f"showToc: false\n{extra}---\n\n{body}\n"
    )


def run(tmp_path: Path, text: str, select: str = "PL5", language: str = "bn") -> list[Finding]:
    path = tmp_path / "bangla-2025-04-10.md"
    path.write_text(text, encoding="utf-8")
    config = Config(root=tmp_path, select=(select,), language=language)
    return sorted(check([path], config).findings, key=lambda f: f.sort_key)


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.span.start.line, f.span.start.column) for f in findings]


def fixed(text: str, findings: list[Finding]) -> str:
    return apply_fixes(text, [f.fix for f in findings if f.fix is not None])[0]


# -- PL501 bn-orphan-mark ---------------------------------------------------------------


def test_orphan_vowel_sign_typed_in_visual_order(tmp_path: Path) -> None:
    findings = run(tmp_path, post(f"{AMAR} {KINTU_VISUAL}{DANDA}"))
    assert where(findings) == [("PL501", BODY_LINE, 6)]
    finding = findings[0]
    assert "U+09BF BENGALI VOWEL SIGN I" in finding.message
    assert finding.span.end.column == 7
    assert finding.fix is None
    assert finding.hint is not None and "\u0995\u09bf" in finding.hint


def test_orphan_virama_and_visarga_after_a_space(tmp_path: Path) -> None:
    body = "\u098f\u099f\u09be \u09cd\u0995\u09b0\u09a4\u09c7\n\u09aa\u09be\u09b0\u09c7 \u0983"
    findings = run(tmp_path, post(body))
    assert where(findings) == [("PL501", BODY_LINE, 5), ("PL501", BODY_LINE + 1, 6)]
    assert "U+09CD BENGALI SIGN VIRAMA" in findings[0].message
    assert findings[1].hint is not None and "`:`" in findings[1].hint


def test_orphan_mark_in_front_matter_values(tmp_path: Path) -> None:
    text = post("Text.", title=KINTU_VISUAL, extra=f"description: x {KINTU_VISUAL}\n")
    assert where(run(tmp_path, text)) == [("PL501", 2, 9), ("PL501", 7, 16)]


def test_visarga_after_a_space_before_emphasis_or_a_comma_is_not_a_citation(tmp_path: Path) -> None:
    body = "**\u09a8\u09cb\u099f \u0983** \u09a7\u09be\u09aa \u0983, \u0995"
    assert where(run(tmp_path, post(body))) == [("PL501", BODY_LINE, 7), ("PL501", BODY_LINE, 15)]


def test_orphan_run_is_one_finding(tmp_path: Path) -> None:
    findings = run(tmp_path, post("\u0995 \u09be\u09c7\u09ae"))
    assert where(findings) == [("PL501", BODY_LINE, 3)]
    assert (findings[0].span.start.column, findings[0].span.end.column) == (3, 5)


@pytest.mark.parametrize(
    "body",
    [
        f"{APP} {EYA} {RAB} {INTERACT_ZWNJ} {UDYAPAN} {UTSAB}{DANDA}",
        f"{CHAND} {POUNCHHANO} {RAY} {RAY_PRECOMPOSED} {DAH} {AAN} {UH} {RING_VISARGA}{DANDA}",
        f"## {STEP_ONE} {KINTU}",
        "\u0986-\u0995\u09be\u09b0 (\u25cc\u09be), \u00a0\u09bf, (\u09bf), \u09be-\u0995\u09be\u09b0, *\u09c0*",
        TOMAR_DECOMPOSED,
    ],
)
def test_correct_bengali_is_quiet(tmp_path: Path, body: str) -> None:
    assert run(tmp_path, post(body)) == []


def test_code_urls_comments_and_keys_are_skipped(tmp_path: Path) -> None:
    body = (
        f"```\n{KINTU_VISUAL} \u0985\u09be\n```\n\n"
        f"`{KINTU_VISUAL}` https://example.com/{KINTU_VISUAL} <!-- {KINTU_VISUAL} -->\n\n"
        f"    {KINTU_VISUAL}"
    )
    text = post(body, extra=f'"{KINTU_VISUAL}": 1\nlink: "https://example.com/{KINTU_VISUAL}"\n')
    assert run(tmp_path, text) == []


@pytest.mark.parametrize(("lang", "default"), [("lang: en\n", "bn"), ("lang: as\n", "bn"), ("", "en")])
def test_posts_in_other_languages_are_skipped(tmp_path: Path, lang: str, default: str) -> None:
    body = f"{KINTU_VISUAL} \u0985\u09be {AMAR.replace(chr(0x09B0), chr(0x09F0))} x|"
    assert run(tmp_path, post(body, extra=lang), language=default) == []


# -- PL502 bn-double-vowel-sign, PL503 bn-vowel-sign-after-vowel --------------------------------


def test_double_vowel_sign_o_kar_in_visual_order(tmp_path: Path) -> None:
    findings = run(tmp_path, post("\u09a4\u09be\u09c7\u09ae\u09be\u09b0 \u0995\u09bf\u09c7"))
    assert where(findings) == [("PL502", BODY_LINE, 2), ("PL502", BODY_LINE, 9)]
    assert findings[0].hint is not None and "U+09CB BENGALI VOWEL SIGN O" in findings[0].hint
    assert findings[1].hint is None
    assert all(f.fix is None for f in findings)


def test_a_plus_aa_kar_is_fixed_to_aa(tmp_path: Path) -> None:
    text = post("\u0985\u09be\u09ae\u09bf \u098f\u09c7")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL503", BODY_LINE, 1), ("PL503", BODY_LINE, 6)]
    first = findings[0].fix
    assert first is not None and first.safe
    start = findings[0].span.start.offset
    assert first.edits == (Edit(start, start + 2, "\u0986"),)
    assert findings[1].fix is None
    assert "\u0986\u09ae\u09bf" in fixed(text, findings)


# -- PL504 bn-nukta-misplaced -------------------------------------------------------------


def test_nukta_after_vowel_sign_moves_to_its_consonant(tmp_path: Path) -> None:
    text = post("\u09b0\u09af\u09c7\u09bc\u099b\u09c7")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL504", BODY_LINE, 2)]
    fix = findings[0].fix
    assert fix is not None and fix.safe
    assert fixed(text, findings).endswith("\u09b0\u09af\u09bc\u09c7\u099b\u09c7\n")


def test_nukta_fix_is_unsafe_in_a_conjunct_or_on_an_unusual_consonant(tmp_path: Path) -> None:
    findings = run(tmp_path, post("\u09b8\u09cd\u09a1\u09c7\u09bc \u0995\u09c7\u09bc"))
    assert where(findings) == [("PL504", BODY_LINE, 3), ("PL504", BODY_LINE, 7)]
    assert [f.fix.safe for f in findings if f.fix is not None] == [False, False]


def test_second_nukta_is_removed(tmp_path: Path) -> None:
    text = post("\u09af\u09bc\u09c7\u09bc \u09df\u09c7\u09bc")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL504", BODY_LINE, 4), ("PL504", BODY_LINE, 8)]
    assert fixed(text, findings).endswith("\u09af\u09bc\u09c7 \u09df\u09c7\n")


def test_nukta_after_virama_is_left_to_nfc_and_a_bare_nukta_is_orphan(tmp_path: Path) -> None:
    assert where(run(tmp_path, post("\u09a1\u09cd\u09bc \u09bc"))) == [("PL501", BODY_LINE, 5)]


# -- PL505 bn-candrabindu-order -----------------------------------------------------------


def test_candrabindu_before_vowel_sign_is_swapped(tmp_path: Path) -> None:
    text = post("\u099a\u0981\u09be\u09a6 \u0985\u0981\u09be")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL505", BODY_LINE, 2), ("PL505", BODY_LINE, 7)]
    start = findings[0].span.start.offset
    assert findings[0].fix is not None
    assert findings[0].fix.edits == (Edit(start, start + 2, "\u09be\u0981"),)
    assert fixed(text, findings).endswith(f"{CHAND} \u0985\u09be\u0981\n")


# -- PL506 bn-legacy-khanda-ta --------------------------------------------------------------


def test_legacy_khanda_ta_becomes_u09ce(tmp_path: Path) -> None:
    text = post("\u0989\u09a4\u09cd\u200d\u09b8\u09ac, \u09b8\u09a4\u09cd\u09af \u098f\u09ac\u0982 " + UTSAB)
    findings = run(tmp_path, text)
    assert where(findings) == [("PL506", BODY_LINE, 2)]
    assert "U+09CE BENGALI LETTER KHANDA TA" in findings[0].message
    start = findings[0].span.start.offset
    assert findings[0].fix is not None and findings[0].fix.safe
    assert findings[0].fix.edits == (Edit(start, start + 3, "\u09ce"),)
    assert fixed(text, findings).startswith(post(UTSAB)[:-1])


def test_legacy_khanda_ta_in_code_is_skipped(tmp_path: Path) -> None:
    assert run(tmp_path, post("`\u0989\u09a4\u09cd\u200d\u09b8\u09ac`")) == []


# -- PL507 bn-pipe-danda ------------------------------------------------------------------------


def test_attached_pipes_are_dandas(tmp_path: Path) -> None:
    text = post(f"{AMAR} \u09a8\u09be\u09ae| {KINTU}||\n\u09b6\u09c7\u09b7 |")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL507", BODY_LINE, 9), ("PL507", BODY_LINE, 17), ("PL507", BODY_LINE + 1, 4)]
    safe = [f.fix.safe for f in findings if f.fix is not None]
    assert safe == [True, True, False]
    assert "U+0965 DEVANAGARI DOUBLE DANDA" in findings[1].message
    start = findings[2].span.start.offset
    assert findings[2].fix is not None and findings[2].fix.edits == (Edit(start, start + 2, DANDA),)
    assert fixed(text, findings).endswith(f"\u09a8\u09be\u09ae{DANDA} {KINTU}\u0965\n\u09b6\u09c7\u09b7{DANDA}\n")


def test_pipe_at_the_end_of_a_title_is_a_danda(tmp_path: Path) -> None:
    findings = run(tmp_path, post("Text.", title=f"{TITLE}|"))
    assert where(findings) == [("PL507", 2, 14)]


@pytest.mark.parametrize(
    "body",
    [
        f"| {AMAR} | {KINTU}|\n| --- | --- |\n| {TITLE}| x |",
        f"{AMAR} | {KINTU}\n--- | ---\n{TITLE}| x",
        f"{AMAR} | {TITLE} \u09b8\u09be\u0987\u099f",
        f"## {AMAR}| {TITLE}",
        f"{AMAR}|{TITLE}",
        f"`{AMAR}|` and `a | b`\n\n```sh\necho {AMAR}| wc\n```",
        "evsjv| Avgiv",
    ],
)
def test_tables_separators_code_and_latin_pipes_are_quiet(tmp_path: Path, body: str) -> None:
    assert run(tmp_path, post(body, extra=f'description: "{AMAR} | {TITLE}"\n')) == []


# -- PL508 bn-assamese-letter, PL509 bn-devanagari-mix ----------------------------------------


def test_assamese_ra_and_wa_in_bengali_words(tmp_path: Path) -> None:
    body = "\u0986\u09ae\u09be\u09f0 \u09f1\u09be\u09b9 " + AMAR
    findings = run(tmp_path, post(body))
    assert where(findings) == [("PL508", BODY_LINE, 4), ("PL508", BODY_LINE, 6)]
    assert "U+09F0 BENGALI LETTER RA WITH MIDDLE DIAGONAL" in findings[0].message
    assert findings[0].hint == f"write `{AMAR}`"
    assert findings[1].hint == "write `\u09ac\u09be\u09b9`"


def test_assamese_quoted_or_mostly_assamese_is_quiet(tmp_path: Path) -> None:
    marked = f'<span lang="as">\u0986\u09ae\u09be\u09f0</span> {AMAR}'
    assert run(tmp_path, post(marked)) == []
    assamese = " ".join(["\u0986\u09ae\u09be\u09f0"] * 5)
    assert run(tmp_path, post(assamese)) == []


def test_devanagari_sign_inside_a_bengali_word(tmp_path: Path) -> None:
    findings = run(tmp_path, post("\u0986\u09ae\u093e\u09b0 \u0995\u093f\u09a8\u09cd\u09a4\u09c1"))
    assert where(findings) == [("PL509", BODY_LINE, 3), ("PL509", BODY_LINE, 7)]
    assert "U+093E DEVANAGARI VOWEL SIGN AA" in findings[0].message
    assert findings[0].hint == f"write `{AMAR}`"
    assert findings[1].hint == f"write `{KINTU}`"


def test_hindi_words_danda_and_devanagari_digits_are_quiet(tmp_path: Path) -> None:
    body = f"\u0928\u092e\u0938\u094d\u0924\u0947 {AMAR}\u0964 \u09e8\u09e6\u0968\u096a \u0965"
    assert run(tmp_path, post(body)) == []


def test_devanagari_neighbour_is_not_also_an_orphan_mark(tmp_path: Path) -> None:
    assert where(run(tmp_path, post("\u0986\u092e\u09be\u09b0"))) == [("PL509", BODY_LINE, 2)]


# -- PL510 repeated-mark ---------------------------------------------------------------------------


def test_doubled_marks_keep_one_copy(tmp_path: Path) -> None:
    text = post("\u09ae\u09be\u09a8\u09c1\u09c1\u09b7 \u0995\u09cd\u09cd\u09b7 \u0995\u09b0\u09c7\u09c7")
    findings = run(tmp_path, text)
    assert where(findings) == [("PL510", BODY_LINE, 4), ("PL510", BODY_LINE, 9), ("PL510", BODY_LINE, 15)]
    assert "U+09C1 BENGALI VOWEL SIGN U is written twice" in findings[0].message
    start = findings[0].span.start.offset
    assert findings[0].fix is not None and findings[0].fix.edits == (Edit(start + 1, start + 2, ""),)
    assert fixed(text, findings).endswith("\u09ae\u09be\u09a8\u09c1\u09b7 \u0995\u09cd\u09b7 \u0995\u09b0\u09c7\n")


def test_latin_marks_nukta_on_precomposed_and_piles(tmp_path: Path) -> None:
    body = "cafe\u0301\u0301 \u09a1\u09bc\u09bc \u09dc\u09bc Z\u0300\u0301\u0302\u0303\u0304"
    findings = run(tmp_path, post(body))
    assert where(findings) == [
        ("PL510", BODY_LINE, 5),
        ("PL510", BODY_LINE, 9),
        ("PL510", BODY_LINE, 13),
        ("PL510", BODY_LINE, 16),
    ]
    assert findings[3].fix is None and "5 combining marks" in findings[3].message


def test_other_scripts_and_emoji_selectors_are_not_repeated_marks(tmp_path: Path) -> None:
    body = "\u05d0\u0591\u0591 \u26d4\ufe0f\ufe0f \u1a20\u1a75\u1a75"
    assert run(tmp_path, post(body)) == []


def test_each_defect_is_reported_by_one_rule(tmp_path: Path) -> None:
    """A doubled mark is repeated-mark's alone; a doubled virama with no base is also an orphan."""
    body = "\u09ae\u09be\u09a8\u09c1\u09c1\u09b7 \u0995\u09be\u09be \u09cd\u09cd"
    assert where(run(tmp_path, post(body))) == [
        ("PL510", BODY_LINE, 4),
        ("PL510", BODY_LINE, 9),
        ("PL501", BODY_LINE, 12),
        ("PL510", BODY_LINE, 12),
    ]
