"""Unicode safety rules (PL301-PL317): positions, severities, fixes; correct Bengali stays quiet.

Every code point is written as an escape, so what a test checks is visible in the source.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import regex

from postlint.findings import Edit, Finding, Severity
from postlint.frontmatter import parse_front_matter
from postlint.load import decode
from postlint.rule import RuleContext
from postlint.rules import safety
from postlint.rules.safety._common import SCAN_CLASS
from postlint.rules.safety._examples import GOOD_BODY
from postlint.rules.safety.controls import in_mojibake
from postlint.rules.safety.join_controls import judge

RULES = {rule.code: rule for rule in safety.RULES}
FRONT = "---\ntitle: Hello\nslug: hello-2025-04-10\ndate: 2025-04-10\ntags: [news]\nshowToc: false\n---\n\n"
BODY_LINE = 9  # the first line after FRONT

# Bengali words, spelled out.
AMRA = "\u0986\u09ae\u09b0\u09be"  # আমরা
RYALI = "\u09b0\u200d\u09cd\u09af\u09be\u09b2\u09bf"  # র‍্যালি: RA ZWJ VIRAMA YA
UDJAPON = "\u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8"  # উদ্‌যাপন: explicit hasanta
UTSAB_LEGACY = "\u0989\u09a4\u09cd\u200d\u09b8\u09ac"  # উত্‍সব: TA VIRAMA ZWJ (bn-legacy-khanda-ta)
APP = "\u0985\u09cd\u09af\u09be\u09aa"  # অ্যাপ
BANGLA, DESH = "\u09ac\u09be\u0982\u09b2\u09be", "\u09a6\u09c7\u09b6"
DANDA = "\u0964"
ARABIC = "\u0645\u0631\u062d\u0628\u0627"  # مرحبا
TECHIE = "\U0001f469\u200d\U0001f4bb"  # 👩‍💻
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


def check(code: str, text: str, *, severity: Severity | None = None, **options: Any) -> list[Finding]:
    rule = RULES[code]
    doc = decode(Path("post.md"), "post.md", text.encode("utf-8"))
    parse_front_matter(doc)
    settings = {**rule.options, **{key.replace("_", "-"): value for key, value in options.items()}}
    ctx = RuleContext(rule, severity or rule.severity, settings, {"language": "bn"}, configured=severity is not None)
    return list(rule.check(doc, ctx))


def body(code: str, text: str, **options: Any) -> list[Finding]:
    return check(code, FRONT + text, **options)


def where(finding: Finding) -> tuple[int, int, int, int]:
    span = finding.span
    return span.start.line, span.start.column, span.end.line, span.end.column


def fixed(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


# --- every rule ------------------------------------------------------------------------------

BAD_AT = {
    "PL301": (BODY_LINE, 8),
    "PL302": (BODY_LINE, 6),
    "PL303": (BODY_LINE, 12),
    "PL304": (BODY_LINE, 11),
    "PL305": (BODY_LINE, 6),
    "PL306": (BODY_LINE, 6),
    "PL307": (BODY_LINE + 1, 1),
    "PL308": (2, 11),
    "PL309": (BODY_LINE, 13),
    "PL310": (BODY_LINE, 17),
    "PL311": (BODY_LINE, 11),
    "PL312": (BODY_LINE, 4),
    "PL313": (BODY_LINE, 14),
    "PL314": (BODY_LINE, 5),
    "PL315": (2, 15),
    "PL316": (2, 9),
    "PL317": (BODY_LINE, 5),
}


@pytest.mark.parametrize("code", sorted(RULES))
def test_bad_example_fires_at_its_position(code: str) -> None:
    rule = RULES[code]
    assert rule.bad is not None and isinstance(rule.bad.content, str)
    found = check(code, rule.bad.content)
    assert [where(f)[:2] for f in found] == [BAD_AT[code]]


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_example_and_correct_bengali_are_quiet(code: str) -> None:
    assert check(code, RULES[code].good.content) == []  # type: ignore[arg-type]
    assert body(code, f"{AMRA} {RYALI} {UDJAPON} {APP} {BANGLA}{DESH}{DANDA} {TECHIE} {SCOTLAND}\n") == []


def test_codes_names_and_fixability_are_declared() -> None:
    assert sorted(RULES) == [f"PL3{n:02d}" for n in range(1, 18)]
    names = {rule.name for rule in RULES.values()}
    assert {"bidi-control", "join-control-misplaced", "nonstandard-space", "mixed-number"} <= names
    assert all(
        rule.fixable == (rule.code not in {"PL301", "PL311", "PL313", "PL316", "PL317"}) for rule in RULES.values()
    )


def test_undecodable_file_gives_nothing() -> None:
    doc = decode(Path("post.md"), "post.md", b"---\ntitle: caf\xe9\n---\n")
    for rule in RULES.values():
        assert list(rule.check(doc, RuleContext(rule, rule.severity, rule.options))) == []


# --- PL301 bidi-control ---------------------------------------------------------------------


def test_override_pair_is_one_error() -> None:
    [finding] = body("PL301", "Price: \u202e99.0$\u202c only.\n")
    assert where(finding) == (BODY_LINE, 8, BODY_LINE, 15)
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in finding.message


def test_unterminated_isolate_is_an_error_at_the_control() -> None:
    [finding] = body("PL301", f"photo_\u2067{ARABIC}.png\n")
    assert where(finding) == (BODY_LINE, 7, BODY_LINE, 8)
    assert finding.severity is Severity.ERROR and "unterminated" in finding.message


def test_balanced_isolate_around_arabic_is_a_warning_in_prose_and_an_error_in_code() -> None:
    [prose] = body("PL301", f"He said \u2067{ARABIC}\u2069 twice.\n")
    assert where(prose) == (BODY_LINE, 9, BODY_LINE, 16)
    assert prose.severity is Severity.WARNING and "<bdi>" in (prose.hint or "")
    [code] = body("PL301", f"```\nx = '\u2067{ARABIC}\u2069'\n```\n")
    assert code.severity is Severity.ERROR and where(code)[:2] == (BODY_LINE + 1, 6)


def test_balanced_isolate_without_rtl_text_and_pdf_alone_are_errors() -> None:
    found = body("PL301", "a \u2066b\u2069 c \u202c\n")
    assert [(where(f)[1], f.severity) for f in found] == [(3, Severity.ERROR), (9, Severity.ERROR)]


def test_bidi_control_in_front_matter_is_an_error_even_around_arabic() -> None:
    [finding] = check("PL301", f"---\ntitle: \u2067{ARABIC}\u2069\n---\n")
    assert finding.severity is Severity.ERROR and where(finding)[:2] == (2, 8)
    assert "`title`" in finding.message


def test_configured_severity_wins_over_the_rules_per_case_choice() -> None:
    [finding] = body("PL301", f"He said \u2067{ARABIC}\u2069 twice.\n", severity=Severity.INFO)
    assert finding.severity is Severity.INFO


# --- PL302 bidi-mark ------------------------------------------------------------------------


def test_stray_mark_in_ltr_paragraph_is_removed_safely() -> None:
    text = FRONT + "Hello\u200e world.\n"
    [finding] = check("PL302", text)
    assert finding.severity is Severity.WARNING and "U+200E LEFT-TO-RIGHT MARK" in finding.message
    assert finding.fix is not None and finding.fix.safe
    assert fixed(text, finding) == FRONT + "Hello world.\n"


def test_marks_in_front_matter_are_judged_by_their_line() -> None:
    found = check("PL302", f"---\ntitle: {ARABIC}\u200f!\ndescription: plain\u200e\n---\n")
    assert [where(f)[:2] for f in found] == [(3, 19)]


def test_marks_in_a_paragraph_with_arabic_are_legitimate() -> None:
    assert body("PL302", f"\u00ab{ARABIC}!\u200f\u00bb and more\ntext on the next line\u200e\n") == []
    # ... but the next paragraph has no right-to-left text.
    assert len(body("PL302", f"\u00ab{ARABIC}!\u200f\u00bb\n\nplain\u200f text\n")) == 1


# --- PL303 tag-char -------------------------------------------------------------------------


def test_hidden_tag_text_is_shown_and_stripped() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore all")
    text = FRONT + f"Nice post.{hidden}\n"
    [finding] = check("PL303", text)
    assert "'ignore all'" in finding.message and finding.severity is Severity.ERROR
    assert "U+E0069 TAG LATIN SMALL LETTER I" in finding.message
    assert where(finding) == (BODY_LINE, 11, BODY_LINE, 21)
    assert finding.fix is not None and finding.fix.safe and fixed(text, finding) == FRONT + "Nice post.\n"


def test_flag_tag_sequences_pass_and_broken_ones_do_not() -> None:
    assert body("PL303", f"Scotland {SCOTLAND}\n") == []
    assert len(body("PL303", f"Broken {SCOTLAND[:-1]}\n")) == 1  # no CANCEL TAG
    assert len(body("PL303", f"No base {SCOTLAND[1:]}\n")) == 1
    assert len(body("PL303", "```\ncode\U000e0041\n```\n")) == 1  # code too


# --- PL304 zero-width-space -----------------------------------------------------------------


def test_doubled_zero_width_space_in_bengali_is_one_safe_finding() -> None:
    text = FRONT + f"{BANGLA} \u200b\u200b{DESH}\n"
    [finding] = check("PL304", text)
    assert where(finding) == (BODY_LINE, 7, BODY_LINE, 9)
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None and finding.fix.safe
    assert fixed(text, finding) == FRONT + f"{BANGLA} {DESH}\n"


def test_zero_width_space_inside_a_word_names_it() -> None:
    [finding] = body("PL304", f"{BANGLA}\u200b{DESH}\n")
    assert f"`{BANGLA}<U+200B>{DESH}`" in finding.message


def test_zero_width_space_between_thai_words_is_allowed() -> None:
    assert body("PL304", "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22\n") == []


def test_zero_width_space_in_code_and_slug_is_an_error() -> None:
    [code] = body("PL304", "`user\u200bname`\n")
    assert code.severity is Severity.ERROR
    [slug] = check("PL304", "---\ntitle: x\nslug: hello\u200b-world\n---\n")
    assert slug.severity is Severity.ERROR and where(slug)[:2] == (3, 12) and slug.fix and slug.fix.safe


def test_zero_width_space_next_to_other_scripts_is_an_unsafe_fix() -> None:
    [finding] = body("PL304", "\u6771\u200b\u4eac\n")
    assert finding.fix is not None and not finding.fix.safe


# --- PL305 join-control-misplaced -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        RYALI,
        UDJAPON,
        UTSAB_LEGACY,  # left to bn-legacy-khanda-ta
        "\u0995\u09cd\u200d",  # half form after a virama
        "\u09b6\u200c\u09c1",  # consonant + ZWNJ + vowel sign
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian می‌خواهم
        "\u0639\u200d",  # ZWJ to show an Arabic letter's joining form
        TECHIE,
        "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
        "\U0001f44b\U0001f3fd\u200d\u2642\ufe0f",  # modifier, then ZWJ
        "\u0915\u094d\u200c\u0937",  # Devanagari explicit virama
    ],
)
def test_join_controls_in_legitimate_contexts(text: str) -> None:
    assert all(judge(text, i) is None for i, c in enumerate(text) if c in "\u200c\u200d")
    assert body("PL305", text + "\n") == []


def test_zwnj_after_a_danda_is_junk_with_a_safe_fix() -> None:
    text = FRONT + f"{AMRA}{DANDA}\u200c {DESH}\n"
    [finding] = check("PL305", text)
    assert where(finding) == (BODY_LINE, 6, BODY_LINE, 7)
    assert finding.message == f"U+200C ZERO WIDTH NON-JOINER after a danda at `{AMRA}{DANDA}<U+200C>`; remove it"
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.edits == (Edit(len(FRONT) + 5, len(FRONT) + 6, ""),)


def test_word_final_zwj_and_zwnj_after_anusvara() -> None:
    [edge] = body("PL305", f"{AMRA}\u200d {DESH}\n")
    assert "edge of a word" in edge.message and edge.fix is not None and edge.fix.safe
    [inside] = body("PL305", "\u09ac\u09be\u0982\u200c\u09b2\u09be\n")
    assert "inside a word" in inside.message and inside.fix is not None and not inside.fix.safe


def test_join_control_before_a_virama_other_than_rya() -> None:
    [finding] = body("PL305", "\u0995\u200d\u09cd\u09b7\n")
    assert "only" in finding.message and where(finding)[:2] == (BODY_LINE, 2)


def test_rya_written_with_zwnj_is_info_with_the_zwj_spelling() -> None:
    word = "\u0987\u09a8\u09cd\u099f\u09be\u09b0\u200c\u09cd\u09af\u09be\u0995\u09b6\u09a8"  # ইন্টার‌্যাকশন
    text = FRONT + word + "\n"
    [finding] = check("PL305", text)
    assert finding.severity is Severity.INFO
    assert finding.fix is not None and not finding.fix.safe
    assert fixed(text, finding) == FRONT + word.replace("\u200c", "\u200d") + "\n"


def test_latin_ligature_control_is_info_without_fix() -> None:
    [finding] = body("PL305", "Auf\u200clage\n")
    assert finding.severity is Severity.INFO and finding.fix is None


def test_join_controls_in_slugs_and_keys_are_errors_even_in_rya() -> None:
    found = check("PL305", f"---\ntitle: x\nslug: {RYALI}\nta\u200dgs: [a]\n---\n")
    assert [(where(f)[:2], f.severity) for f in found] == [((3, 8), Severity.ERROR), ((4, 3), Severity.ERROR)]
    assert all(f.fix is not None and f.fix.safe for f in found)


def test_junk_join_control_in_code_is_an_error() -> None:
    [finding] = body("PL305", "```\nlet a\u200d = 1;\n```\n")
    assert finding.severity is Severity.ERROR and where(finding)[:2] == (BODY_LINE + 1, 6)


# --- PL306 invisible-char, PL307 bom-in-text, PL308 soft-hyphen ------------------------------


def test_word_joiner_is_removed_and_cgj_only_unsafely() -> None:
    text = FRONT + "Hello\u2060world \u034fx\n"
    wj, cgj = check("PL306", text)
    assert "U+2060 WORD JOINER" in wj.message and wj.fix is not None and wj.fix.safe
    assert where(cgj)[:2] == (BODY_LINE, 13) and cgj.fix is not None and not cgj.fix.safe


def test_hangul_filler_in_code_is_an_error_and_jamo_fillers_pass() -> None:
    [finding] = body("PL306", "```js\nconst \u3164 = 1;\n```\n")
    assert finding.severity is Severity.ERROR and "blank" in finding.message
    assert body("PL306", "\u1100\u1160\n") == []  # CHOSEONG KIYEOK + JUNGSEONG FILLER


def test_mongolian_selector_only_outside_mongolian() -> None:
    assert body("PL306", "\u182d\u180b\n") == []
    assert len(body("PL306", "a\u180b\n")) == 1


def test_bom_inside_text_and_in_a_key() -> None:
    text = FRONT + "First.\n\ufeffSecond.\n"
    [finding] = check("PL307", text)
    assert where(finding) == (BODY_LINE + 1, 1, BODY_LINE + 1, 2) and finding.severity is Severity.WARNING
    assert fixed(text, finding) == FRONT + "First.\nSecond.\n"
    [key] = check("PL307", "---\n\ufefftitle: x\n---\n")
    assert key.severity is Severity.ERROR


def test_bom_at_the_start_is_left_to_byte_order_mark_but_a_second_one_is_reported() -> None:
    assert check("PL307", "\ufeff" + FRONT + "x\n") == []
    [second] = check("PL307", "\ufeff\ufeff" + FRONT + "x\n")
    assert "second" in second.message


def test_soft_hyphen_in_title_tags_and_slug() -> None:
    found = check("PL308", "---\ntitle: We\u00adChat\nslug: we\u00adchat\ntags: [a\u00adb]\n---\n")
    assert [(where(f)[:2], f.severity) for f in found] == [
        ((2, 10), Severity.WARNING),
        ((3, 9), Severity.ERROR),
        ((4, 9), Severity.WARNING),
    ]
    assert all(f.fix is not None and f.fix.safe for f in found)


def test_soft_hyphen_in_body_words_depends_on_language() -> None:
    [bengali] = body("PL308", "Donau\u00addampf\n")
    assert bengali.fix is None and "hyphenation" in (bengali.hint or "")
    german = FRONT.replace("showToc: false", "showToc: false\nlang: de") + "Donau\u00addampf\n"
    assert check("PL308", german) == []
    [edge] = check("PL308", german.replace("Donau\u00addampf", "Donau \u00ad"))
    assert edge.fix is not None and edge.fix.safe


# --- PL309 variation-selector-misplaced -----------------------------------------------------


def test_doubled_vs16_keeps_one() -> None:
    text = FRONT + "Deprecated \u26d4\ufe0f\ufe0f**\n"
    [finding] = check("PL309", text)
    assert where(finding) == (BODY_LINE, 13, BODY_LINE, 15) and finding.severity is Severity.WARNING
    assert fixed(text, finding) == FRONT + "Deprecated \u26d4\ufe0f**\n"


@pytest.mark.parametrize(
    "text", ["\u2764\ufe0f", "\u263a\ufe0e", "1\ufe0f\u20e3", "\u845b\U000e0100", "\u2269\ufe00", "\u00a9\ufe0f"]
)
def test_registered_variation_sequences_pass(text: str) -> None:
    assert body("PL309", text + "\n") == []


def test_selector_after_a_letter_or_space_and_long_runs() -> None:
    after_letter, after_space = body("PL309", f"{AMRA}\ufe0f x \ufe0e\n")
    assert "U+09BE" in after_letter.message and after_letter.fix is not None and after_letter.fix.safe
    assert "no character before it" in after_space.message
    [smuggled] = body("PL309", "a" + "\U000e0101\U000e0102\U000e0103\U000e0104\U000e0105" + "\n")
    assert smuggled.severity is Severity.ERROR and "run of 5" in smuggled.message


# --- PL310 control-char, PL311 line-separator -----------------------------------------------


def test_group_separator_in_bengali_prose() -> None:
    text = FRONT + f"{AMRA}\x1d, {DESH}\n"
    [finding] = check("PL310", text)
    assert where(finding) == (BODY_LINE, 5, BODY_LINE, 6) and finding.severity is Severity.ERROR
    assert "U+001D GROUP SEPARATOR" in finding.message and "\x1d" not in finding.message
    assert fixed(text, finding) == FRONT + f"{AMRA}, {DESH}\n"


def test_ansi_sequence_is_one_finding_removed_whole() -> None:
    text = FRONT + "```\n\x1b[31mred\x1b[0m\n```\n"
    first, second = check("PL310", text)
    assert where(first) == (BODY_LINE + 1, 1, BODY_LINE + 1, 6) and where(second)[1] == 9
    assert fixed(fixed(text, second), first) == FRONT + "```\nred\n```\n"


def test_tab_is_not_a_control_char_and_c1_in_mojibake_is_left_to_integrity() -> None:
    assert body("PL310", "a\tb\n") == []
    mojibake = "\u00e0\u00a7\x8d"  # ্ (E0 A7 8D) read as Latin-1
    assert in_mojibake(mojibake, 2) and body("PL310", f"x {mojibake}y\n") == []
    [lone] = body("PL310", "next\x85line\n")
    assert "U+0085 NEXT LINE" in lone.message and lone.fix is not None and not lone.fix.safe


def test_line_separator_is_a_warning_in_body_and_an_error_in_front_matter() -> None:
    [prose] = body("PL311", "one\u2028two\n")
    assert where(prose)[:2] == (BODY_LINE, 4) and prose.severity is Severity.WARNING and prose.fix is None
    [fm] = check("PL311", "---\ntitle: a\u2029b\n---\n")
    assert fm.severity is Severity.ERROR


# --- PL312 nonstandard-space ----------------------------------------------------------------


def test_nbsp_in_a_yaml_key_is_an_error_with_a_safe_fix() -> None:
    text = "---\ntitle\u00a0: x\nslug: a\n---\n"
    [finding] = check("PL312", text)
    assert where(finding)[:2] == (2, 6) and finding.severity is Severity.ERROR
    assert finding.fix is not None and finding.fix.safe and fixed(text, finding) == "---\ntitle: x\nslug: a\n---\n"


def test_nbsp_in_front_matter_layout_is_an_error_but_not_in_a_comment() -> None:
    text = "---\ntitle:\u00a0x\n# a\u00a0note\n---\n"
    [finding] = check("PL312", text)
    assert where(finding) == (2, 7, 2, 8) and finding.severity is Severity.ERROR and "layout" in finding.message
    assert fixed(text, finding) == "---\ntitle: x\n# a\u00a0note\n---\n"
    indented = "---\ntitle: x\n\u00a0\u00a0tags: [a]\n---\n"  # YAML reads the key `\xa0\xa0tags`
    [key] = check("PL312", indented)
    assert "key" in key.message and fixed(indented, key) == "---\ntitle: x\ntags: [a]\n---\n"


def test_nbsp_in_slug_and_tag() -> None:
    text = "---\nslug: hello\u00a0world\ntags: [big\u00a0data]\n---\n"
    slug, tag = check("PL312", text)
    assert slug.severity is Severity.ERROR and fixed(text, slug).startswith("---\nslug: hello-world\n")
    assert tag.severity is Severity.WARNING and "tags: [big data]" in fixed(text, tag)


def test_nbsp_after_heading_marker_and_next_to_space() -> None:
    text = FRONT + "###\u00a0Other\n\n## \u00a0Step\n"
    heading, spaced = check("PL312", text)
    assert where(heading)[:2] == (BODY_LINE, 4) and "`###`" in heading.message
    assert fixed(text, heading).startswith(FRONT + "### Other")
    assert where(spaced)[:2] == (BODY_LINE + 2, 4) and fixed(text, spaced).endswith("## Step\n")


def test_typographic_spaces_between_words_are_opt_in() -> None:
    text = "IE\u00a08, React\u2009DOM, prix\u202f: 5\n"
    assert body("PL312", text) == []
    found = body("PL312", text, report_between_words=True)
    assert [where(f)[1] for f in found] == [3, 12]  # French typography stays quiet


def test_ideographic_space_only_outside_cjk_and_code_is_skipped() -> None:
    assert body("PL312", "\u6771\u4eac\u3000\u5927\u962a\n") == []
    assert len(body("PL312", "Hello\u3000world\n")) == 1
    assert body("PL312", "```\n\u2502\u00a0\u00a0 \u2514\u2500\u2500 a\n```\n") == []
    assert body("PL312", "a\u00a0\u0301 b\n") == []  # NBSP as the base of a cited mark


# --- PL313 private-use, PL314 noncharacter --------------------------------------------------


def test_private_use_in_text_but_not_in_code() -> None:
    [finding] = body("PL313", "Icon \uf09a\uf09b here\n")
    assert where(finding) == (BODY_LINE, 6, BODY_LINE, 8) and "and 1 more" in finding.message
    assert body("PL313", "`\ue0b0 prompt`\n") == []


def test_noncharacters_everywhere() -> None:
    found = body("PL314", "a\ufdd0 b\U0001fffe\n```\n\ufffe\n```\n")
    assert [where(f)[:2] for f in found] == [(BODY_LINE, 2), (BODY_LINE, 5), (BODY_LINE + 2, 1)]
    assert all(f.fix is not None and f.fix.safe for f in found)


# --- PL315 surrogate-escape -----------------------------------------------------------------


def test_yaml_surrogate_pair_escape_is_replaced_by_the_character() -> None:
    text = '---\ntitle: "Smile \\ud83d\\ude00"\n---\n'
    [finding] = check("PL315", text)
    assert where(finding) == (2, 15, 2, 27) and finding.severity is Severity.ERROR
    assert fixed(text, finding) == '---\ntitle: "Smile \U0001f600"\n---\n'


def test_lone_yaml_surrogate_has_no_fix_and_literal_backslashes_are_not_escapes() -> None:
    [lone] = check("PL315", '---\ntitle: "x \\udc00"\n---\n')
    assert lone.fix is None and "U+DC00" in lone.message
    assert check("PL315", "---\ntitle: 'x \\ud83d'\n---\n") == []
    assert check("PL315", '---\ntitle: "x \\\\ud83d"\n---\n') == []


def test_json_front_matter_lone_surrogate_is_placed_on_the_value() -> None:
    [finding] = check("PL315", '{"title": "a\\ud83d", "b": "\\ud83d\\ude00"}\n')
    assert where(finding) == (1, 13, 1, 19) and "`title`" in finding.message


def test_html_references_in_text_but_not_in_code() -> None:
    text = FRONT + "Smile &#xD83D;&#xDE00; and &#55357; `&#xD83D;`\n"
    pair, lone = check("PL315", text)
    assert fixed(text, pair).startswith(FRONT + "Smile \U0001f600 and")
    assert where(lone)[:2] == (BODY_LINE, 28) and lone.fix is None


# --- PL316 confusable-mixed-script ----------------------------------------------------------


def test_cyrillic_letter_in_a_latin_title_word() -> None:
    [finding] = check("PL316", '---\ntitle: "W\u0435Chat tips"\n---\n')
    assert where(finding) == (2, 9, 2, 15) and finding.severity is Severity.ERROR
    assert "U+0435 CYRILLIC SMALL LETTER IE" in finding.message and finding.hint == "did you mean `WeChat`?"


def test_mixed_slug_and_whole_script_lookalike_tag() -> None:
    found = check("PL316", "---\nslug: wech\u0430t-2025\ntags: [\u0420\u0430\u0443, news]\n---\n")
    assert [(where(f)[:2], f.hint) for f in found] == [
        ((2, 7), "did you mean `wechat`?"),
        ((3, 8), "did you mean `Pay`?"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "\u0989\u0987\u099a\u09cd\u09af\u09be\u099f \u0987\u09a8\u09ab\u09cd\u09b2\u09c1",  # Bengali only
        "WeChat-\u098f\u09b0",  # WeChat-এর
        "\u09e9\u09ea\u00b0C",  # ৩৪°C
        "COVID\u09e7\u09ef",  # Latin + Bengali digits: moderately restrictive
        "Hello \u041c\u043e\u0441\u043a\u0432\u0430",  # a whole Russian word
        "cafe\u0301",  # combining accent: one script
        "\u6771\u4eac\u30bf\u30ef\u30fc",  # Han + Katakana: Japanese
        "\u0915\u09be",  # Devanagari + Bengali: bn-devanagari-mix's
    ],
)
def test_single_script_and_allowed_mixes_pass(title: str) -> None:
    assert check("PL316", f'---\ntitle: "{title}"\n---\n') == []


def test_body_text_is_not_checked_for_confusables() -> None:
    assert body("PL316", "W\u0435Chat in the body\n") == []


# --- PL317 mixed-number ---------------------------------------------------------------------


def test_mixed_year_in_bengali_suggests_bengali_digits() -> None:
    [finding] = body("PL317", "\u09b8\u09be\u09b2 \u09e8\u09e624\n")
    assert where(finding) == (BODY_LINE, 5, BODY_LINE, 9) and finding.severity is Severity.WARNING
    assert finding.hint == "write `\u09e8\u09e6\u09e8\u09ea`" and finding.fix is None


def test_mixed_number_joined_by_separators_and_in_a_title() -> None:
    [date] = body("PL317", "on 2025-\u09e6\u09eb-10\n")
    assert where(date)[1:] == (4, BODY_LINE, 14) and date.hint == "write `2025-05-10`"
    [title] = check("PL317", '---\ntitle: "\u09e8\u09e62\u09ea"\n---\n')
    assert where(title)[:2] == (2, 9)


def test_numbers_side_by_side_keycaps_code_and_urls_pass() -> None:
    assert body("PL317", "COVID-19 \u09e8\u09e6\u09e8\u09e6\n") == []
    assert body("PL317", "\u09e71\ufe0f\u20e3\n") == []
    assert body("PL317", "`\u09e824` and https://example.com/\u09e824\n") == []


def test_good_body_has_bengali_digits_and_stays_quiet() -> None:
    assert "\u09e8\u09e6\u09e8\u09eb" in GOOD_BODY
    assert body("PL317", GOOD_BODY) == []


def test_literal_scan_class_matches_the_unicode_properties() -> None:
    literal = re.compile(f"[{SCAN_CLASS}]")
    wanted = regex.compile(
        r"[[\p{Cc}\p{Co}\p{Zs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}"
        r"\p{Bidi_Control}\u00ad]--[\t\n\r ]]",
        regex.V1,
    )
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert [m.start() for m in literal.finditer(text)] == [m.start() for m in wanted.finditer(text)]
