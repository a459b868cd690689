"""Structure rules: YAML type drift (PL105), key case (PL106), tags (PL221-PL224), lengths (PL230), TOC (PL240)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from postlint.api import Engine
from postlint.config import Config
from postlint.discover import Target
from postlint.findings import Finding
from postlint.fix import apply_fixes
from postlint.rules.structure.seo_length import grapheme_count
from postlint.rules.structure.yaml11 import yaml11_readings

LONG_BN = "উইচ্যাট ইনফ্লুয়েন্সারদের জন্য চীনের ব্র্যান্ডগুলোর সাথে সহযোগিতা করা কঠিন কেন?"
YA_ONE = "জ\u09df"  # য় as the single code point U+09DF
YA_TWO = "জ\u09af\u09bc"  # য় as য + nukta: what NFC makes of it


def post(*lines: str, tags: str = "[উইচ্যাট, চীন]", show_toc: str = "false", body: str = "লেখা।\n") -> str:
    head = ['title: "চীনা ব্র্যান্ড"', "slug: chinese-brands-2025-04-10", "date: 2025-04-10"]
    return "---\n" + "\n".join([*head, f"tags: {tags}", f"showToc: {show_toc}", *lines]) + "\n---\n\n" + body


def run(
    tmp_path: Path, files: dict[str, str], codes: str, asked: list[str] | None = None, **config: Any
) -> list[Finding]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    cfg = Config(root=tmp_path, select=tuple(codes.split(",")), **config)
    targets = [Target(str(tmp_path / name), name, name) for name in (asked or list(files))]
    return Engine(cfg).run(targets).findings


def check(tmp_path: Path, text: str, codes: str, **config: Any) -> list[Finding]:
    return run(tmp_path, {"post.md": text}, codes, **config)


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.span.start.line, f.span.start.column) for f in findings]


def fixed(text: str, findings: list[Finding]) -> str:
    return apply_fixes(text, [f.fix for f in findings if f.fix is not None])[0]


# PL105 yaml-type-drift


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("yes", "boolean true (PyYAML, Jekyll, older Hugo)"),
        ("Off", "boolean false (PyYAML, Jekyll, older Hugo)"),
        ("y", "boolean true (older Hugo)"),
        ("N", "boolean false (older Hugo)"),
        ("yEs", "boolean true (Jekyll)"),
        ("12:30", "number 750 (PyYAML)"),
        ("1:20:30", "number 4830 (PyYAML)"),
        ("012", "number 10 (PyYAML)"),
        ("0b1010", "number 10 (PyYAML)"),
        ("1_000", "number 1000 (PyYAML)"),
        ("+.5", 'string "+.5" (PyYAML)'),
        ("1e3", 'string "1e3" (PyYAML)'),
        ("0o17", 'string "0o17" (PyYAML)'),
        ("=", "value type, which PyYAML cannot load"),
    ],
)
def test_type_drift_at_the_value(tmp_path: Path, value: str, words: str) -> None:
    found = check(tmp_path, post(f"time: {value}"), "PL105")
    assert where(found) == [("PL105", 7, 7)]
    assert words in found[0].message
    assert found[0].fix is not None and not found[0].fix.safe
    assert f'time: "{value}"' in fixed(post(f"time: {value}"), found)


@pytest.mark.parametrize(
    "value", ['"yes"', "'12:30'", "true", "FALSE", "0x1A", "007", "12", "1.5", "~", "2025-04-10", "hello"]
)
def test_type_drift_quiet(tmp_path: Path, value: str) -> None:
    assert check(tmp_path, post(f"time: {value}"), "PL105") == []


def test_type_drift_in_lists_and_keys(tmp_path: Path) -> None:
    text = post("on: true", "y: 5", "list:", "  - no", tags='[উইচ্যাট, yes, "no"]')
    assert where(check(tmp_path, text, "PL105")) == [("PL105", 5, 17), ("PL105", 7, 1), ("PL105", 10, 5)]


def test_type_drift_leaves_schema_errors_to_the_schema(tmp_path: Path) -> None:
    assert where(check(tmp_path, post(show_toc="yes"), "PL102,PL105")) == [("PL102", 6, 10)]


def test_type_drift_only_for_yaml(tmp_path: Path) -> None:
    toml = '+++\ntitle = "x"\nslug = "x-2025-04-10"\ndate = 2025-04-10\ntags = ["yes"]\nshowToc = false\n+++\n'
    assert check(tmp_path, toml, "PL105") == []


@pytest.mark.parametrize(
    "text", ["yes", "Off", "12:30", "190:20:30.15", "012", "0b1010", "1_000", "1_000.5", "+.5", "1e3"]
)
def test_pyyaml_reading_is_what_pyyaml_loads(text: str) -> None:
    assert yaml11_readings(text)[1]["PyYAML"] == yaml.safe_load(f"v: {text}")["v"]


# PL106 key-case-variant


def test_key_case_variant_names_the_schema_key(tmp_path: Path) -> None:
    text = post('Description: "বর্ণনা"', "show_toc: true")
    found = check(tmp_path, text, "PL106")
    assert where(found) == [("PL106", 7, 1), ("PL106", 8, 1)]
    assert "`description`" in found[0].message and "`showToc`" in found[1].message
    assert found[1].fix is None and "also set" in (found[1].hint or "")
    assert 'description: "বর্ণনা"' in fixed(text, found)


def test_missing_required_key_is_reported_once(tmp_path: Path) -> None:
    text = post().replace('title: "', 'Title: "')
    assert [f.code for f in check(tmp_path, text, "PL101,PL106")] == ["PL101"]


def test_case_insensitive_keys_leave_only_separator_variants(tmp_path: Path) -> None:
    text = post('Description: "বর্ণনা"', "Show_Toc: true")
    assert where(check(tmp_path, text, "PL106", rules={"PL106": {"case-insensitive-keys": True}})) == [("PL106", 8, 1)]
    assert where(check(tmp_path, text, "PL106", case_insensitive_keys=True)) == [("PL106", 8, 1)]


# PL230 seo-title-length


def test_bengali_title_counts_grapheme_clusters() -> None:
    assert grapheme_count(LONG_BN) == 46
    assert len(LONG_BN) == 79
    assert grapheme_count("ক্ষ") == 1


def test_title_length(tmp_path: Path) -> None:
    text = post().replace('title: "চীনা ব্র্যান্ড"', f'title: "{LONG_BN}"')
    assert check(tmp_path, text, "PL230") == []
    found = check(tmp_path, text, "PL230", rules={"PL230": {"title-max": 45}})
    assert where(found) == [("PL230", 2, 8)]
    assert "46" in found[0].message and "45" in found[0].message


def test_description_length(tmp_path: Path) -> None:
    text = post(f'description: "{"ক্ষ" * 161}"')
    found = check(tmp_path, text, "PL230")
    assert where(found) == [("PL230", 7, 14)]
    assert "161" in found[0].message and "160" in found[0].message
    assert check(tmp_path, post(f'description: "{"ক্ষ" * 160}"'), "PL230") == []


# PL240 toc-without-headings


def test_toc_without_headings(tmp_path: Path) -> None:
    body = "## ভূমিকা\n\n```sh\n# মন্তব্য\n## আরেকটি\n```\n"
    found = check(tmp_path, post(show_toc="true", body=body), "PL240")
    assert where(found) == [("PL240", 6, 10)]
    assert "only 1 heading" in found[0].message
    assert check(tmp_path, post(show_toc="true", body="## এক\n\n## দুই\n"), "PL240") == []
    assert check(tmp_path, post(show_toc="false"), "PL240") == []
    assert check(tmp_path, post(show_toc="true", body="## এক\n"), "PL240", rules={"PL240": {"min-headings": 1}}) == []


# PL221 tag-whitespace, PL222 duplicate-tag


def test_tag_whitespace_fix_strips_inside_the_quotes(tmp_path: Path) -> None:
    text = post("keywords:", '  - " বাংলাদেশ"', tags='[উইচ্যাট, " চীন  "]')
    found = check(tmp_path, text, "PL221")
    assert where(found) == [("PL221", 5, 17), ("PL221", 8, 5)]
    assert all(f.fix is not None and f.fix.safe for f in found)
    result = fixed(text, found)
    assert 'tags: [উইচ্যাট, "চীন"]' in result and '  - "বাংলাদেশ"' in result


def test_whitespace_only_tag_has_no_fix(tmp_path: Path) -> None:
    found = check(tmp_path, post(tags='[উইচ্যাট, "  "]'), "PL221")
    assert where(found) == [("PL221", 5, 17)]
    assert "only whitespace" in found[0].message and found[0].fix is None


def test_empty_tag_is_the_schema_s(tmp_path: Path) -> None:
    assert [f.code for f in check(tmp_path, post(tags='[উইচ্যাট, ""]'), "PL102,PL221,PL222")] == ["PL102"]


def test_duplicate_tag_after_nfc_and_case_folding(tmp_path: Path) -> None:
    found = check(tmp_path, post(tags=f"[China, {YA_ONE}, china, {YA_TWO}]"), "PL222")
    assert where(found) == [("PL222", 5, 19), ("PL222", 5, 26)]
    assert '"China" (`tags[0]`, line 5)' in found[0].message
    assert check(tmp_path, post(tags="[China, চীন]"), "PL222") == []


# PL223 tag-variants (across files)


def test_tag_variants_across_two_files(tmp_path: Path) -> None:
    files = {
        "a.md": post(tags=f"[China, {YA_ONE}]"),
        "b.md": post(tags=f"[china, {YA_TWO}]").replace("chinese-brands", "b"),
        "c.md": post(tags="[China]").replace("chinese-brands", "c"),
    }
    found = run(tmp_path, files, "PL223")
    assert [(f.path, *w[1:]) for f, w in zip(found, where(found), strict=True)] == [
        ("a.md", 5, 8),
        ("a.md", 5, 15),
        ("b.md", 5, 8),
        ("b.md", 5, 15),
    ]
    assert '"China" (in 2 posts) is also written "china" in 1 post' in found[0].message
    assert "not NFC: U+09DF" in found[1].message


def test_tag_variants_reported_on_the_file_asked_for(tmp_path: Path) -> None:
    files = {"a.md": post(tags="[China]"), "b.md": post(tags="[china]").replace("chinese-brands", "b")}
    found = run(tmp_path, files, "PL223", asked=["b.md"])
    assert [f.path for f in found] == ["b.md"]


def test_variants_inside_one_post_are_duplicate_tag_s(tmp_path: Path) -> None:
    assert [f.code for f in check(tmp_path, post(tags="[China, china]"), "PL222,PL223")] == ["PL222"]


# PL224 keywords-as-string


def test_keywords_as_string_is_opt_in(tmp_path: Path) -> None:
    text = post("keywords: উইচ্যাট, চীন, China")
    assert [f.code for f in check(tmp_path, text, "ALL") if f.code == "PL224"] == ["PL224"]
    assert "PL224" not in {active.rule.code for active in Engine(Config(root=tmp_path)).active}
    found = check(tmp_path, text, "PL224")
    assert where(found) == [("PL224", 7, 11)]
    assert 'keywords: ["উইচ্যাট", "চীন", "China"]' in fixed(text, found)
    assert check(tmp_path, post("keywords: [উইচ্যাট, চীন]"), "PL224") == []
    assert check(tmp_path, post("keywords: উইচ্যাট"), "PL224") == []


def test_tag_variants_leave_surrounding_spaces_to_tag_whitespace(tmp_path: Path) -> None:
    files = {
        "a.md": post(tags='[উইচ্যাট, "open source"]'),
        "b.md": post(tags='[" উইচ্যাট", "open  source"]').replace("chinese-brands", "b"),
    }
    found = run(tmp_path, files, "PL221,PL223")
    assert where(found) == [("PL223", 5, 17), ("PL221", 5, 8), ("PL223", 5, 20)]
    assert '"open source" (in 1 post) is also written "open  source" in 1 post' in found[0].message


def test_toc_key_in_any_case_on_hugo(tmp_path: Path) -> None:
    text = post("showtoc: true").replace("showToc: false\n", "")
    assert check(tmp_path, text, "PL240") == []
    assert where(check(tmp_path, text, "PL240", case_insensitive_keys=True)) == [("PL240", 6, 10)]
