"""Unicode integrity rules (PL4xx): line endings, whitespace, damaged text, Bijoy, normalization.

Code points are written as escapes so the test says exactly what is in the post.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from postlint.findings import Edit, Finding, Severity
from postlint.frontmatter import parse_front_matter
from postlint.load import decode
from postlint.rule import Rule, RuleContext
from postlint.rules.integrity import RULES, _nfc_data
from postlint.rules.integrity.bijoy_table import bijoy_to_unicode, convertible

FRONT = "---\ntitle: Hello\nslug: hello-2025-04-10\ndate: 2025-04-10\ntags: [news]\nshowToc: false\n---\n\n"
BODY_LINE = FRONT.count("\n") + 1  # the line number of the body's first line

# Bengali words, spelled out.
BANGLA = "\u09ac\u09be\u0982\u09b2\u09be"  # বাংলা
AMRA = "\u0986\u09ae\u09b0\u09be"  # আমরা
HOY_PRECOMPOSED = "\u09b9\u09df"  # হয় with U+09DF
HOY = "\u09b9\u09af\u09bc"  # হয় in NFC
TOMAR_SPLIT = "\u09a4\u09c7\u09be\u09ae\u09be\u09b0"  # তোমার with ো typed as ে + া
DANDA = "\u0964"


def rule(code: str) -> Rule:
    found = [r for r in RULES if r.code == code]
    assert len(found) == 1 and isinstance(found[0], Rule)
    return found[0]


def check(code: str, content: str | bytes) -> list[Finding]:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    doc = decode(Path("post.md"), "post.md", data)
    parse_front_matter(doc)
    chosen = rule(code)
    return list(chosen.check(doc, RuleContext(chosen, chosen.severity, chosen.options)))


def where(findings: list[Finding]) -> list[tuple[int, int]]:
    return [(f.span.start.line, f.span.start.column) for f in findings]


def edits(finding: Finding) -> tuple[Edit, ...]:
    assert finding.fix is not None
    return finding.fix.edits


def test_the_package_declares_its_rules() -> None:
    codes = [r.code for r in RULES]
    assert codes == ["PL401", "PL402", "PL403", "PL404", "PL410", "PL411", "PL412", "PL420", "PL421"]
    assert {r.name for r in RULES} >= {"mojibake", "bijoy-legacy", "not-nfc", "bn-precomposed-nukta"}
    assert rule("PL421").severity is Severity.INFO
    assert rule("PL403").severity is Severity.INFO
    assert rule("PL411").severity is Severity.ERROR


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_an_undecodable_file_gets_nothing(code: str) -> None:
    assert check(code, b"---\ntitle: caf\xe9\n---\n") == []


# --- PL401 mixed-line-endings ---------------------------------------------------------------


def test_a_crlf_line_in_an_lf_file_is_reported_and_fixed_to_lf() -> None:
    text = FRONT + "one\ntwo\r\nthree\n"
    [finding] = check("PL401", text)
    assert where([finding]) == [(BODY_LINE + 1, 4)]
    assert "CRLF" in finding.message and "LF" in finding.message
    at = text.index("\r\n")
    assert edits(finding) == (Edit(at, at + 2, "\n"),)


def test_an_lf_line_in_a_crlf_file_is_fixed_to_crlf() -> None:
    text = FRONT.replace("\n", "\r\n") + "one\r\ntwo\nthree\r\n"
    [finding] = check("PL401", text)
    at = text.index("two\n") + 3
    assert edits(finding) == (Edit(at, at + 1, "\r\n"),)


def test_a_lone_carriage_return_is_reported_even_in_a_consistent_file() -> None:
    text = FRONT + "before\rafter\n"
    [finding] = check("PL401", text)
    assert where([finding]) == [(BODY_LINE, 7)]
    assert "lone carriage return U+000D" in finding.message
    assert edits(finding) == (Edit(text.index("\r"), text.index("\r") + 1, "\n"),)


@pytest.mark.parametrize("text", [FRONT + "a\nb\n", (FRONT + "a\nb\n").replace("\n", "\r\n")])
def test_consistent_line_endings_are_quiet(text: str) -> None:
    assert check("PL401", text) == []


# --- PL402 missing-final-newline ------------------------------------------------------------


def test_a_missing_final_newline_is_reported_after_the_last_character() -> None:
    text = FRONT + f"{AMRA} {BANGLA}{DANDA}"
    [finding] = check("PL402", text)
    assert where([finding]) == [(BODY_LINE, 12)]
    assert finding.severity is Severity.WARNING
    assert edits(finding) == (Edit(len(text), len(text), "\n"),)


def test_a_crlf_file_gets_a_crlf_final_newline() -> None:
    text = (FRONT + "one\n").replace("\n", "\r\n") + "last"
    [finding] = check("PL402", text)
    assert edits(finding) == (Edit(len(text), len(text), "\r\n"),)


@pytest.mark.parametrize("text", [FRONT + "done\n", FRONT + "done\r\n", ""])
def test_a_final_newline_is_quiet(text: str) -> None:
    assert check("PL402", text) == []


# --- PL403 trailing-whitespace --------------------------------------------------------------


def test_trailing_spaces_are_reported_and_removed() -> None:
    text = FRONT + f"{AMRA}{DANDA} \n\nnext\n"
    [finding] = check("PL403", text)
    assert where([finding]) == [(BODY_LINE, 6)]
    assert finding.message.startswith("1 trailing space(s)")
    at = text.index(" \n")
    assert edits(finding) == (Edit(at, at + 1, ""),)


def test_exactly_two_spaces_are_a_hard_break_and_allowed() -> None:
    assert check("PL403", FRONT + "line one  \nline two\n") == []


def test_three_spaces_before_a_continuing_line_keep_the_hard_break() -> None:
    text = FRONT + "line one   \nline two\n"
    [finding] = check("PL403", text)
    at = text.index("   \n")
    assert edits(finding) == (Edit(at, at + 3, "  "),)


def test_two_spaces_in_front_matter_are_not_a_hard_break() -> None:
    text = FRONT.replace("title: Hello", "title: Hello  ") + "text\n"
    assert where(check("PL403", text)) == [(2, 13)]


def test_tabs_nbsp_and_ideographic_spaces_are_named() -> None:
    findings = check("PL403", FRONT + "a\t\nb\u00a0\nc\u3000\n")
    assert where(findings) == [(BODY_LINE, 2), (BODY_LINE + 1, 2), (BODY_LINE + 2, 2)]
    assert "U+0009" in findings[0].message
    assert "U+00A0 NO-BREAK SPACE" in findings[1].message
    assert "U+3000 IDEOGRAPHIC SPACE" in findings[2].message


def test_trailing_whitespace_before_crlf_leaves_the_crlf_alone() -> None:
    text = (FRONT + "word \nnext\n").replace("\n", "\r\n")
    [finding] = check("PL403", text)
    at = text.index(" \r\n")
    assert edits(finding) == (Edit(at, at + 1, ""),)


def test_code_blocks_and_list_items_keep_their_whitespace() -> None:
    body = "```\ncode   \n```\n\n    indented   \n    more   \n\n- item\n  \n  continued\n"
    assert check("PL403", FRONT + body) == []


def test_a_whitespace_only_line_outside_a_list_is_reported() -> None:
    assert where(check("PL403", FRONT + "para\n   \nnext\n")) == [(BODY_LINE + 1, 1)]


# --- PL404 hard-tab -------------------------------------------------------------------------


def test_a_tab_in_prose_is_replaced_up_to_the_next_tab_stop() -> None:
    text = FRONT + "Name:\tvalue\n"
    [finding] = check("PL404", text)
    assert where([finding]) == [(BODY_LINE, 6)]
    assert "U+0009 CHARACTER TABULATION" in finding.message
    at = text.index("\t")
    assert edits(finding) == (Edit(at, at + 1, "   "),)


def test_a_tab_indented_list_item_becomes_four_spaces() -> None:
    text = FRONT + "- item\n\t- nested\n"
    [finding] = check("PL404", text)
    assert where([finding]) == [(BODY_LINE + 1, 1)]
    assert edits(finding)[0].replacement == "    "


def test_tabs_in_code_trailing_tabs_and_front_matter_are_not_hard_tabs() -> None:
    text = FRONT.replace("title: Hello", "title: Hello\t# x") + "```make\nall:\n\tbuild\n```\n\nUse `a\tb`.\nend\t\n"
    assert check("PL404", text) == []


# --- PL410 replacement-char -----------------------------------------------------------------


def test_replacement_characters_are_reported_as_one_run() -> None:
    text = FRONT + f"{AMRA} \ufffd\ufffd {BANGLA}\n"
    [finding] = check("PL410", text)
    assert where([finding]) == [(BODY_LINE, 6)]
    assert finding.span.end.column == 8
    assert f"U+FFFD REPLACEMENT CHARACTER in `{AMRA} \ufffd\ufffd {BANGLA}`:" in finding.message
    assert finding.fix is None


def test_a_replacement_character_in_code_is_a_post_about_it() -> None:
    assert check("PL410", FRONT + "Shown as `\ufffd`.\n\n```\n\ufffd\n```\n") == []


# --- PL411 mojibake -------------------------------------------------------------------------

# বাংলা encoded as UTF-8 and decoded as Windows-1252.
MOJIBAKE_BANGLA = "\u00e0\u00a6\u00ac\u00e0\u00a6\u00be\u00e0\u00a6\u201a\u00e0\u00a6\u00b2\u00e0\u00a6\u00be"


def test_bengali_mojibake_is_reported_with_a_safe_fix() -> None:
    assert BANGLA.encode("utf-8").decode("cp1252") == MOJIBAKE_BANGLA
    text = FRONT + f"Read: {MOJIBAKE_BANGLA} today.\n"
    [finding] = check("PL411", text)
    start = text.index(MOJIBAKE_BANGLA)
    assert where([finding]) == [(BODY_LINE, 7)]
    assert finding.fix is not None and finding.fix.safe
    assert edits(finding) == (Edit(start, start + len(MOJIBAKE_BANGLA), BANGLA),)
    assert BANGLA in finding.message


def test_mojibake_with_c1_controls_from_windows_1252_holes_is_mojibake() -> None:
    kintu = "\u0995\u09bf\u09a8\u09cd\u09a4\u09c1"  # কিন্তু: ্ is E0 A7 8D, and 0x8D is a hole in Windows-1252
    damaged = kintu.encode("utf-8").decode("latin-1")
    [finding] = check("PL411", FRONT + f"{damaged}\n")
    assert "<U+008D>" in finding.message
    assert edits(finding)[0].replacement == kintu


def test_latin_mojibake_is_reported_without_a_fix() -> None:
    [finding] = check("PL411", FRONT + "Meet me at the caf\u00c3\u00a9.\n")
    assert where([finding]) == [(BODY_LINE, 19)]
    assert finding.fix is None
    assert "caf\u00e9" not in finding.message and "`\u00e9`" in finding.message


def test_english_words_split_mojibake_into_separate_findings() -> None:
    text = FRONT + f"{MOJIBAKE_BANGLA} {MOJIBAKE_BANGLA} and caf\u00c3\u00a9\n"
    first, second = check("PL411", text)
    assert where([first, second]) == [(BODY_LINE, 1), (BODY_LINE, 40)]
    assert edits(first)[0].replacement == f"{BANGLA} {BANGLA}"
    assert second.fix is None


def test_mojibake_of_a_precomposed_nukta_letter_gets_no_automatic_fix() -> None:
    damaged = HOY_PRECOMPOSED.encode("utf-8").decode("cp1252")
    [finding] = check("PL411", FRONT + f"{damaged} {MOJIBAKE_BANGLA}\n")
    assert finding.fix is None  # the repaired text would not be NFC


@pytest.mark.parametrize(
    "line",
    [
        "caf\u00e9, na\u00efve, 25\u00b0C, \u00a9 2025, \u201cquoted\u201d, \u00c0 la carte",
        f"{AMRA} {BANGLA}{DANDA} \u09e9\u09ea\u00b0C",
        f"Shown as `{MOJIBAKE_BANGLA}` in old exports.",
    ],
)
def test_clean_text_and_mojibake_in_code_are_quiet(line: str) -> None:
    assert check("PL411", FRONT + line + "\n") == []


def test_clean_files_never_call_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # importing it now raises ImportError
    assert check("PL411", FRONT + f"{AMRA} caf\u00e9 \u00a9 2025\n") == []


def test_a_replacement_character_inside_mojibake_is_reported_once_as_mojibake() -> None:
    damaged = MOJIBAKE_BANGLA + " \u00e0\u00a6\ufffd"
    text = FRONT + damaged + "\n"
    assert len(check("PL411", text)) == 1
    assert check("PL410", text) == []


# --- PL412 bijoy-legacy ---------------------------------------------------------------------

BIJOY_LINE = "Avgiv evsjvq wjwL|"  # আমরা বাংলায় লিখি।


def test_the_catalogue_example_is_bijoy_with_a_suggested_reading() -> None:
    text = FRONT + BIJOY_LINE + "\n"
    [finding] = check("PL412", text)
    assert where([finding]) == [(BODY_LINE, 1)]
    assert finding.span.end.column == len(BIJOY_LINE) + 1
    assert finding.hint is not None and f"{AMRA} \u09ac\u09be\u0982\u09b2\u09be\u09af\u09bc" in finding.hint
    assert finding.fix is None


def test_a_bijoy_title_and_paragraphs_are_reported_per_passage() -> None:
    title = "evsjv\u2021`\u2021k Avgv\u2021`i Rb\u00a8 GKwU bZyb A\u00a8vc"  # বাংলাদেশে আমাদের জন্য একটি নতুন অ্যাপ
    body = f"{BIJOY_LINE}\n\n{BIJOY_LINE}\n\nEnglish between.\n\n{BIJOY_LINE}\n"
    findings = check("PL412", FRONT.replace("title: Hello", f"title: {title}") + body)
    assert where(findings) == [(2, 8), (BODY_LINE, 1), (BODY_LINE + 6, 1)]
    assert findings[0].hint is not None and "\u0985\u09cd\u09af\u09be\u09aa" in findings[0].hint  # অ্যাপ


@pytest.mark.parametrize(
    "line",
    [
        "ami banglay likhi, tumi kemon acho?",  # romanized Bengali (Avro style)
        "Avoid Every Overview: Available on Evaluation day, Ivan said.",
        "The latency is 5\u00b5s and 10\u00b5s; Microsoft\u00ae Windows\u2122 \u00a9 2025.",
        "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 and AvKvwZ== base64",
        f"{AMRA} {BANGLA}{DANDA} Unicode Bengali.",
    ],
)
def test_lines_that_are_not_bijoy_are_quiet(line: str) -> None:
    assert check("PL412", FRONT + line + "\n") == []


def test_bijoy_in_a_code_block_is_quiet() -> None:
    assert check("PL412", FRONT + f"```\n{BIJOY_LINE}\n```\n") == []


@pytest.mark.parametrize(
    ("bijoy", "unicode"),
    [
        ("evsjv\u2021`k", "\u09ac\u09be\u0982\u09b2\u09be\u09a6\u09c7\u09b6"),  # বাংলাদেশ: ে moves after দ
        ("Kg\u00a9x", "\u0995\u09b0\u09cd\u09ae\u09c0"),  # কর্মী: the reph moves before ম
        ("\u2021c\u00d6g", "\u09aa\u09cd\u09b0\u09c7\u09ae"),  # প্রেম: ে after the whole cluster
        ("\u2021Kv_vq", "\u0995\u09cb\u09a5\u09be\u09af\u09bc"),  # কোথায়: ে + া = ো, য় in NFC
        ("i\u00a8vg", "\u09b0\u200d\u09cd\u09af\u09be\u09ae"),  # র‍্যাম: RA ZWJ VIRAMA YA
        ("D`&hvcb", "\u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8"),  # উদ্‌যাপন: explicit hasanta
        ("Puv`", "\u099a\u09be\u0981\u09a6"),  # চাঁদ: candrabindu after the vowel sign
    ],
)
def test_bijoy_table_converts_in_logical_order(bijoy: str, unicode: str) -> None:
    assert convertible(bijoy)
    assert bijoy_to_unicode(bijoy) == unicode


def test_unknown_characters_get_no_conversion() -> None:
    assert not convertible("Avgiv \u20ac")


# --- PL420 not-nfc --------------------------------------------------------------------------


def test_a_split_vowel_sign_is_not_nfc() -> None:
    text = FRONT + f"{AMRA} {TOMAR_SPLIT}\n"
    [finding] = check("PL420", text)
    assert where([finding]) == [(BODY_LINE, 6)]
    assert finding.span.end.column == 9  # the cluster তো (TA, E, AA)
    assert "U+09A4 U+09C7 U+09BE" in finding.message and "U+09A4 U+09CB" in finding.message
    assert "two-part vowel sign" in finding.message
    start = text.index(TOMAR_SPLIT)
    assert edits(finding) == (Edit(start, start + 3, "\u09a4\u09cb"),)


def test_every_place_goes_into_one_finding_and_one_fix() -> None:
    text = FRONT + f"{TOMAR_SPLIT}\n\ncafe\u0301 and {TOMAR_SPLIT}\n"
    [finding] = check("PL420", text)
    assert len(edits(finding)) == 3
    assert finding.hint is not None and f"lines {BODY_LINE}, {BODY_LINE + 2}" in finding.hint.replace("(s)", "s")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("e\u0301", "\u00e9"),  # NFD Latin
        ("\u09a1\u09cd\u09bc", "\u09a1\u09bc\u09cd"),  # virama before nukta: NFC reorders them
        ("\u212b", "\u00c5"),  # ANGSTROM SIGN, a singleton
        ("\U0001d15e", "\U0001d157\U0001d165"),  # an astral composition exclusion
    ],
)
def test_other_non_nfc_text(written: str, expected: str) -> None:
    [finding] = check("PL420", FRONT + f"x {written} y\n")
    assert edits(finding)[0].replacement == expected


@pytest.mark.parametrize(
    "line",
    [
        f"{HOY_PRECOMPOSED} \u09a1\u09bc \u09dc\u09be",  # precomposed nukta letters are PL421's
        f"{AMRA} \u0989\u09ce\u09b8\u09ac \u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8 "  # উৎসব উদ্‌যাপন
        "\u0985\u09cd\u09af\u09be\u09aa \u09b0\u200d\u09cd\u09af\u09be\u09ae",  # অ্যাপ র‍্যাম
        "caf\u00e9 \U0001f469\u200d\U0001f4bb \u0645\u0631\u062d\u0628\u0627",  # NFC Latin, emoji ZWJ, Arabic
    ],
)
def test_nfc_text_and_precomposed_nukta_letters_are_quiet(line: str) -> None:
    assert check("PL420", FRONT + line + "\n") == []


def test_a_precomposed_nukta_letter_does_not_hide_another_defect_in_its_cluster() -> None:
    # য় (U+09DF) + ে + া: the split vowel is still not-nfc.
    [finding] = check("PL420", FRONT + "\u09df\u09c7\u09be\n")
    assert edits(finding)[0].replacement == "\u09af\u09bc\u09cb"


def test_links_are_left_out_of_the_fix() -> None:
    text = FRONT + f"[{TOMAR_SPLIT}](https://example.com/{TOMAR_SPLIT})\n"
    [finding] = check("PL420", text)
    assert len(edits(finding)) == 1
    assert finding.hint is not None and "1 in links or slugs" in finding.hint


# --- PL421 bn-precomposed-nukta -------------------------------------------------------------


def test_precomposed_nukta_letters_are_one_info_finding_with_a_safe_fix() -> None:
    text = FRONT + f"{AMRA} {HOY_PRECOMPOSED}\n\n\u09ac\u09dc \u0986\u09b7\u09be\u09dd\n"
    [finding] = check("PL421", text)
    assert finding.severity is Severity.INFO
    assert where([finding]) == [(BODY_LINE, 7)]
    assert "U+09DF BENGALI LETTER YYA" in finding.message and "U+09AF U+09BC" in finding.message
    assert f"`{HOY_PRECOMPOSED}`" in finding.message
    assert finding.fix is not None and finding.fix.safe
    replacements = [e.replacement for e in edits(finding)]
    assert replacements == ["\u09af\u09bc", "\u09a1\u09bc", "\u09a2\u09bc"]
    assert all(text[e.start : e.end] in "\u09dc\u09dd\u09df" for e in edits(finding))
    assert finding.hint is not None and finding.hint.startswith("3 place(s)")


def test_a_slug_keeps_its_precomposed_letter() -> None:
    text = FRONT.replace("title: Hello", f"title: {HOY_PRECOMPOSED}\nurl: /{HOY_PRECOMPOSED}/") + "x\n"
    [finding] = check("PL421", text)
    assert len(edits(finding)) == 1  # the title, not the url
    assert finding.hint is not None and "1 in links or slugs" in finding.hint


def test_nfc_bengali_has_no_precomposed_nukta_letters() -> None:
    assert check("PL421", FRONT + f"{HOY} {AMRA}\n") == []


# --- the whole family on one realistic post -------------------------------------------------


def test_a_bengali_post_missing_its_final_newline_gets_only_that_warning() -> None:
    body = (
        f"{AMRA} {BANGLA}{DANDA} \n\n"  # a trailing space after the danda: information only
        f"\u098f\u0987 \u09aa\u09cb\u09b8\u09cd\u099f\u09c7 {HOY} "  # এই পোস্টে হয়
        f"\u0989\u09ce\u09b8\u09ac\u09c7\u09b0 \u0995\u09a5\u09be{DANDA}"  # উৎসবের কথা।
    )
    findings = [f for r in RULES for f in check(r.code, FRONT + body)]
    assert [(f.code, f.severity) for f in findings if f.severity is not Severity.INFO] == [("PL402", Severity.WARNING)]


def test_the_nfc_tables_match_the_installed_unicodedata2() -> None:
    current = Path(_nfc_data.__file__).read_text(encoding="utf-8")
    assert _nfc_data.render() == current, (
        "run: python -c 'from postlint.rules.integrity._nfc_data import write; write()'"
    )
