"""Inline suppressions, PL902/PL903, per-file ignores and `--add-ignores`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from postlint.api import check
from postlint.config import load_config
from postlint.findings import Finding, Severity
from posts import run_check

pytestmark = pytest.mark.usefixtures("in_tmp")

EXAMPLES_BAD = Path(__file__).parent.parent / "examples" / "bad"

POST = """\
---
# লেখার তথ্য
title: "বাংলা লেখা"
slug: bangla-lekha-2025-04-10
date: 2025-04-10
tags: [বাংলা, খবর]
showToc: false
---

আমরা প্রতিদিন লিখি।

দ্বিতীয় অনুচ্ছেদ।
"""

SLUG_LINE = "slug: bangla-lekha-2025-04-10"
SLUG_OFF = "slug: bangla-lekha-2025-04-09"  # PL211 (error) on line 4
FIRST = "আমরা প্রতিদিন লিখি।"  # line 10
SECOND = "দ্বিতীয় অনুচ্ছেদ।"  # line 12
ZWSP_FIRST = "আমরা প্রতি\u200bদিন লিখি।"  # PL304 (warning)
ZWSP_SECOND = "দ্বিতীয় অনু\u200bচ্ছেদ।"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def post(tmp_path: Path, content: str, name: str = "post.md", config: str = "") -> Path:
    if not (tmp_path / "postlint.toml").exists():
        write(tmp_path / "postlint.toml", config)
    return write(tmp_path / name, content)


def findings(*paths: Path) -> list[Finding]:
    return check(list(paths), load_config(list(paths))).findings


def codes(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.span.start.line) for f in found]


def snapshot(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any((p / "CACHEDIR.TAG").is_file() for p in path.parents):
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


# --- front matter ------------------------------------------------------------------


@pytest.mark.parametrize(
    "comment",
    [
        "# postlint: ignore[PL211]",
        "# postlint: ignore[slug-date-mismatch]",
        "#postlint:ignore[PL211]",
        "# postlint: ignore[ PL211 ]",
    ],
)
def test_front_matter_comment_suppresses_its_line(tmp_path: Path, comment: str) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_OFF}  {comment}"))
    assert codes(findings(path)) == []


@pytest.mark.parametrize(
    "comment",
    ["# postlint: ignore[PL210, PL211]", "# postlint: ignore[slug-format slug-date-mismatch]"],
)
def test_front_matter_comment_with_several_rules(tmp_path: Path, comment: str) -> None:
    slug = SLUG_OFF.replace("bangla-lekha", "Bangla_Lekha")  # PL210 slug-format too
    path = post(tmp_path, POST.replace(SLUG_LINE, slug))
    assert sorted(codes(findings(path))) == [("PL210", 4), ("PL211", 4)]
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{slug}  {comment}"))
    assert codes(findings(path)) == []


def test_front_matter_comment_naming_an_idle_rule_too(tmp_path: Path) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_OFF}  # postlint: ignore[PL210, PL211]"))
    found = findings(path)
    assert codes(found) == [("PL902", 4)]
    assert "PL210" in found[0].message and "PL211" not in found[0].message
    assert found[0].fix is None  # removing it would bring PL211 back


def test_front_matter_comment_is_for_its_own_line_only(tmp_path: Path) -> None:
    content = POST.replace(SLUG_LINE, SLUG_OFF)
    content = content.replace("date: 2025-04-10", "date: 2025-04-10  # postlint: ignore[PL211]")
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL211", 4), ("PL902", 5)]


def test_front_matter_suppression_in_lower_case(tmp_path: Path) -> None:
    """Codes are looked up case-insensitively (`pl211` is not an unknown rule), so it must work."""
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_OFF}  # postlint: ignore[pl211]"))
    assert codes(findings(path)) == []


def test_front_matter_suppression_inside_a_quoted_value_is_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`#` inside a quoted YAML string starts no comment: it neither suppresses nor is removed."""
    title = 'title: "কেমন করে লিখি # postlint: ignore[PL211]"'
    content = POST.replace('title: "বাংলা লেখা"', title).replace(SLUG_LINE, SLUG_OFF)
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL211", 4)]
    run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == content


def test_unused_front_matter_suppression_is_removed_from_its_key_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_LINE}  # postlint: ignore[PL211]"))
    found = findings(path)
    assert codes(found) == [("PL902", 4)]
    assert found[0].severity is Severity.WARNING and found[0].fix is not None and found[0].fix.safe
    assert "PL211" in found[0].message
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == POST
    assert code == 0 and "Fixed 1 finding." in out


def test_unused_front_matter_suppression_on_its_own_line_goes_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"# postlint: ignore[PL211]\n{SLUG_LINE}"))
    assert codes(findings(path)) == [("PL902", 4)]
    run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == POST


def test_removing_a_suppression_keeps_the_rest_of_the_comment_out_of_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`slug: x  # postlint: ignore[PL211] old slug`: the fix must not turn `old slug` into data."""
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_LINE}  # postlint: ignore[PL211] পুরনো স্লাগ"))
    run_check(capsys, "--fix", "post.md")
    fixed = path.read_text(encoding="utf-8")
    front = yaml.safe_load(fixed.split("---\n")[1])
    assert front["slug"] == "bangla-lekha-2025-04-10"
    assert "postlint" not in fixed


# --- body ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["PL304", "zero-width-space"])
def test_disable_next_line(tmp_path: Path, name: str) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line {name} -->\n{ZWSP_FIRST}")
    content = content.replace(SECOND, ZWSP_SECOND)
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL304", 13)]  # the next line only, not the one after


def test_disable_next_line_at_the_end_of_a_line(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"{FIRST} <!-- postlint-disable-next-line PL304 -->\n{ZWSP_SECOND}")
    path = post(tmp_path, content)
    assert codes(findings(path)) == []


def test_disable_enable_range(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable PL304 -->\n{ZWSP_FIRST}\n\n{ZWSP_FIRST}")
    content = content.replace(SECOND, f"<!-- postlint-enable PL304 -->\n\n{ZWSP_SECOND}")
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL304", 17)]


def test_disable_without_enable_runs_to_the_end(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable zero-width-space -->\n{ZWSP_FIRST}")
    path = post(tmp_path, content.replace(SECOND, ZWSP_SECOND))
    assert codes(findings(path)) == []


def test_a_range_disables_only_the_named_rule(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable PL302 -->\n{ZWSP_FIRST}\n<!-- postlint-enable PL302 -->")
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL902", 10), ("PL304", 11)]


def test_disable_file_covers_the_front_matter_too(tmp_path: Path) -> None:
    content = POST.replace(SLUG_LINE, SLUG_OFF)
    content = content.replace(SECOND, f"{ZWSP_SECOND}\n\n<!-- postlint-disable-file PL211 -->")
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL304", 12)]


def test_disable_file_by_name_for_several_rules(tmp_path: Path) -> None:
    comment = "<!-- postlint-disable-file slug-date-mismatch, zero-width-space -->"
    content = POST.replace(SLUG_LINE, SLUG_OFF).replace(FIRST, f"{comment}\n\n{ZWSP_FIRST}")
    path = post(tmp_path, content)
    assert codes(findings(path)) == []


@pytest.mark.parametrize(
    ("comment", "line"),
    [
        ("<!-- postlint-disable-next-line -->", 10),
        ("<!-- postlint-disable-next-line  ,  -->", 10),
        ("<!-- postlint-disable -->", 10),
        ("<!-- postlint-disable-file -->", 10),
    ],
)
def test_a_body_suppression_must_name_its_rules(tmp_path: Path, comment: str, line: int) -> None:
    path = post(tmp_path, POST.replace(FIRST, f"{comment}\n{ZWSP_FIRST}"))
    found = findings(path)
    assert codes(found) == [("PL903", line), ("PL304", 11)]
    assert "must name" in next(f for f in found if f.code == "PL903").message


def test_a_front_matter_suppression_must_name_its_rules(tmp_path: Path) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_OFF}  # postlint: ignore[]"))
    assert sorted(codes(findings(path))) == [("PL211", 4), ("PL903", 4)]


@pytest.mark.parametrize(
    "content",
    [
        POST.replace(SLUG_LINE, f"{SLUG_LINE}  # postlint: ignore[PL999]"),
        POST.replace(FIRST, f"<!-- postlint-disable-next-line no-such-rule -->\n{FIRST}"),
        POST.replace(FIRST, f"<!-- postlint-disable-file PL9999 -->\n{FIRST}"),
    ],
    ids=["front-matter", "next-line", "file"],
)
def test_a_suppression_of_an_unknown_rule_is_pl903(tmp_path: Path, content: str) -> None:
    found = findings(post(tmp_path, content))
    assert [f.code for f in found] == ["PL903"]
    assert "unknown rules" in found[0].message
    assert found[0].fix is None


def test_unknown_and_known_rules_in_one_suppression(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line PL304, PL999 -->\n{ZWSP_FIRST}")
    found = findings(post(tmp_path, content))
    assert codes(found) == [("PL903", 10)]
    assert "PL999" in found[0].message and "PL304" not in found[0].message


def test_invalid_suppressions_are_not_removed_by_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line no-such-rule -->\n{FIRST}")
    path = post(tmp_path, content)
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == content
    assert code == 0 and "PL903" in out


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- postlint-disable-next-line PL304 -->",
        "<!-- postlint-disable-next-line PL301, bidi-mark -->",
        "<!-- postlint-disable-file PL304 -->",
        "<!-- postlint-disable PL304 -->",
    ],
)
def test_unused_body_suppression_is_reported_and_fix_removes_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], comment: str
) -> None:
    path = post(tmp_path, POST.replace(FIRST, f"{comment}\n{FIRST}"))
    found = findings(path)
    assert codes(found) == [("PL902", 10)]
    assert found[0].fix is not None and found[0].fix.safe
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == POST
    assert code == 0 and "Fixed 1 finding." in out


def test_unused_range_fix_removes_disable_and_enable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable PL304 -->\n{FIRST}\n<!-- postlint-enable PL304 -->")
    path = post(tmp_path, content)
    assert codes(findings(path)) == [("PL902", 10)]
    run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == POST


@pytest.mark.parametrize("where", ["end", "middle"])
def test_unused_inline_suppression_fix_keeps_the_text_around_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    comment = "<!-- postlint-disable-next-line PL304 -->"
    line = f"{FIRST} {comment}" if where == "end" else f"আমরা {comment}প্রতিদিন লিখি।"
    path = post(tmp_path, POST.replace(FIRST, line))
    assert codes(findings(path)) == [("PL902", 10)]
    run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == POST  # the space left at the end goes with trailing-whitespace


def test_partly_used_suppression_is_reported_but_keeps_working(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line PL304, PL302 -->\n{ZWSP_FIRST}")
    path = post(tmp_path, content)
    found = findings(path)
    assert codes(found) == [("PL902", 10)]
    assert "PL302" in found[0].message and "PL304" not in found[0].message
    run_check(capsys, "--fix", "post.md")
    after = findings(path)
    assert "PL304" not in [f.code for f in after]  # the used half still suppresses
    assert ZWSP_FIRST in path.read_text(encoding="utf-8")


def test_a_suppression_of_a_rule_that_is_not_selected_is_not_unused(tmp_path: Path) -> None:
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_LINE}  # postlint: ignore[PL213]"))  # PL213 is opt-in
    assert codes(findings(path)) == []


@pytest.mark.parametrize(
    "block",
    [
        "```html\n<!-- postlint-disable-next-line PL301 -->\n<!-- postlint-disable-file -->\n```",
        "    <!-- postlint-disable-next-line PL301 -->\n    <!-- postlint-disable-file -->",
        "লিখুন `<!-- postlint-disable-next-line PL301 -->` এভাবে।",
    ],
    ids=["fenced", "indented", "inline-code"],
)
def test_suppressions_shown_in_code_are_examples_not_suppressions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str
) -> None:
    """A post that documents the syntax must not lose its code sample to `--fix`."""
    content = POST.replace(SECOND, f"{SECOND}\n\n{block}")
    path = post(tmp_path, content)
    assert [f.code for f in findings(path)] == []
    run_check(capsys, "--fix", "post.md")
    assert path.read_text(encoding="utf-8") == content


def test_suppressions_are_reported_with_fixable_marker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post(tmp_path, POST.replace(FIRST, f"<!-- postlint-disable-next-line PL304 -->\n{FIRST}"))
    code, out, _ = run_check(capsys, "post.md")
    assert code == 0  # a warning
    assert "post.md:10:1: warning PL902 [*] this suppression of PL304 silences nothing" in out


def test_unused_suppression_can_be_ignored_like_any_rule(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line PL304 -->\n{FIRST}")
    path = post(tmp_path, content, config='ignore = ["PL902"]')
    assert codes(findings(path)) == []


# --- cross-file findings -------------------------------------------------------------


def _duplicates(tmp_path: Path, comment: str) -> tuple[Path, Path]:
    first = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_LINE}  {comment}"), "a.md")
    second = post(tmp_path, POST, "b.md")
    return first, second


@pytest.mark.parametrize("comment", ["# postlint: ignore[PL220]", "# postlint: ignore[duplicate-slug]"])
def test_suppressing_a_duplicate_slug(tmp_path: Path, comment: str) -> None:
    first, second = _duplicates(tmp_path, comment)
    assert [(f.path, f.code) for f in findings(tmp_path)] == [("b.md", "PL220")]
    assert findings(first) == []  # b.md is read as the rest of the tree
    assert [f.code for f in findings(second)] == ["PL220"]


def test_duplicate_slug_suppressed_in_the_body(tmp_path: Path) -> None:
    post(tmp_path, POST.replace(FIRST, f"<!-- postlint-disable-file PL220 -->\n{FIRST}"), "a.md")
    post(tmp_path, POST, "b.md")
    assert [(f.path, f.code) for f in findings(tmp_path)] == [("b.md", "PL220")]


def test_fix_keeps_a_used_duplicate_slug_suppression(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _duplicates(tmp_path, "# postlint: ignore[PL220]")
    before = first.read_bytes()
    code, out, _ = run_check(capsys, "--fix", ".")
    assert first.read_bytes() == before
    assert code == 1 and "PL220" in out and "PL902" not in out  # b.md keeps its finding


def test_idle_duplicate_slug_suppression(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reported once the tree is seen; whatever `--fix` does, it must not promise a fix it won't make."""
    path = post(tmp_path, POST.replace(SLUG_LINE, f"{SLUG_LINE}  # postlint: ignore[PL220]"))
    assert codes(findings(path)) == [("PL902", 4)]
    run_check(capsys, "--fix", "post.md")
    left = [f for f in findings(path) if f.code == "PL902"]
    assert all(f.fix is None for f in left), "reported as fixable with --fix, but --fix leaves it"


# --- per-file ignores ----------------------------------------------------------------

CONFIGS = {
    "codes": '[per-file-ignores]\n"drafts/**" = ["PL304", "PL211"]\n',
    "names": '[per-file-ignores]\n"drafts/*.md" = ["zero-width-space", "slug-date-mismatch"]\n',
    "prefix": '[per-file-ignores]\n"drafts/*" = ["PL3", "PL21"]\n',
    "extend": '[per-file-ignores]\n"drafts/*" = ["PL304"]\n[extend-per-file-ignores]\n"drafts/*" = ["PL211"]\n',
    "extend-only": '[extend-per-file-ignores]\n"drafts/*" = ["PL304", "PL211"]\n',
}


@pytest.mark.parametrize("table", list(CONFIGS.values()), ids=list(CONFIGS))
def test_per_file_ignores(tmp_path: Path, table: str) -> None:
    bad = POST.replace(SLUG_LINE, SLUG_OFF).replace(FIRST, ZWSP_FIRST)
    post(tmp_path, bad.replace("bangla-lekha", "draft"), "drafts/a.md", config=table)
    post(tmp_path, bad, "posts/b.md")
    found = findings(tmp_path)
    assert sorted((f.path, f.code) for f in found) == [("posts/b.md", "PL211"), ("posts/b.md", "PL304")]


def test_per_file_ignores_and_extend_combine_on_different_globs(tmp_path: Path) -> None:
    table = '[per-file-ignores]\n"drafts/*" = ["PL304"]\n[extend-per-file-ignores]\n"old/*" = ["PL211"]\n'
    bad = POST.replace(SLUG_LINE, SLUG_OFF).replace(FIRST, ZWSP_FIRST)
    post(tmp_path, bad.replace("bangla-lekha", "draft"), "drafts/a.md", config=table)
    post(tmp_path, bad.replace("bangla-lekha", "old"), "old/b.md")
    found = sorted((f.path, f.code) for f in findings(tmp_path))
    assert found == [("drafts/a.md", "PL211"), ("old/b.md", "PL304")]


def test_per_file_ignores_match_from_the_project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = '[per-file-ignores]\n"drafts/*" = ["PL304"]\n'
    post(tmp_path, POST.replace(FIRST, ZWSP_FIRST), "drafts/a.md", config=table)
    monkeypatch.chdir(tmp_path / "drafts")
    assert findings(Path("a.md")) == []


def test_per_file_ignores_with_an_unknown_rule_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post(tmp_path, POST, config='[extend-per-file-ignores]\n"*.md" = ["PL3O4"]\n')
    code, _, err = run_check(capsys, "post.md")
    assert code == 2 and "PL3O4" in err


def test_per_file_ignores_can_turn_off_unused_suppression_reports(tmp_path: Path) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line PL304 -->\n{FIRST}")
    post(tmp_path, content, "drafts/a.md", config='[per-file-ignores]\n"drafts/*" = ["PL902"]\n')
    assert findings(tmp_path) == []


# --- --add-ignores -------------------------------------------------------------------


def _copy_bad(tmp_path: Path) -> Path:
    copy = tmp_path / "bad"
    shutil.copytree(EXAMPLES_BAD, copy)
    return copy


def _undecodable(folder: Path) -> set[str]:
    names = set()
    for path in folder.rglob("*.md"):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            names.add(path.name)
    return names


def test_examples_bad_is_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = _copy_bad(tmp_path)
    code, _, _ = run_check(capsys, str(copy))
    assert code == 1
    assert _undecodable(copy), "examples/bad has no file that cannot be decoded any more: update this test"


def test_add_ignores_on_examples_bad_makes_the_next_run_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy_bad(tmp_path)
    undecodable = _undecodable(copy)
    originals = {name: (copy / name).read_bytes() for name in undecodable}
    code, out, err = run_check(capsys, "--add-ignores", "bad")
    assert code == 0
    assert out.startswith("Added ") and out.endswith(" suppressions.\n")
    for name in undecodable:
        assert f"postlint: bad/{name}: could not be decoded; add it to per-file-ignores instead" in err
        assert (copy / name).read_bytes() == originals[name]
    left = [
        (f.path, f.code, f.message)
        for f in findings(copy)
        if f.severity.rank >= Severity.WARNING.rank and Path(f.path).name not in undecodable
    ]
    assert left == []
    code, out, _ = run_check(capsys, "bad", "--format", "concise")
    assert {Path(line.split(":")[0]).name for line in out.splitlines() if line} == undecodable
    assert code == 1  # the undecodable file is still an error


def test_add_ignores_twice_adds_nothing_the_second_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = _copy_bad(tmp_path)
    run_check(capsys, "--add-ignores", "bad")
    after_first = snapshot(copy)
    code, out, _ = run_check(capsys, "--add-ignores", "bad")
    assert (code, out) == (0, "Added 0 suppressions.\n")
    assert snapshot(copy) == after_first


SIMPLE = POST.replace(SLUG_LINE, SLUG_OFF).replace("[বাংলা, খবর]", '[বাংলা, " খবর"]').replace(FIRST, ZWSP_FIRST)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_add_ignores_twice_on_a_simple_post(tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str) -> None:
    path = post(tmp_path, SIMPLE.replace("\n", newline))
    assert sorted(codes(findings(path))) == [("PL211", 4), ("PL221", 6), ("PL304", 10)]
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert (code, out) == (0, "Added 3 suppressions.\n")
    assert findings(path) == []
    text = path.read_bytes().decode("utf-8")
    assert text.count("\r\n") == (text.count("\n") if newline == "\r\n" else 0), "line endings were mixed"
    assert yaml.safe_load(text.replace("\r\n", "\n").split("---\n")[1]) == yaml.safe_load(SIMPLE.split("---\n")[1])
    before = path.read_bytes()
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert (code, out) == (0, "Added 0 suppressions.\n")
    assert path.read_bytes() == before


MIXED = """\
---
title: "বাংলা\u200bলেখা"
slug: bangla-lekha-2025-04-09
date: 2025-04-10
tags:
  - বাংলা
  - " খবর"
showToc: false
---

আমরা প্রতি\u200bদিন লিখি।

```text
code\u200b here
```
"""


def test_add_ignores_where_a_line_cannot_take_a_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A block-list item and a code block take a file-wide suppression; the result must be clean."""
    path = post(tmp_path, MIXED)
    assert {f.code for f in findings(path)} == {"PL211", "PL221", "PL304"}
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert code == 0 and out != "Added 0 suppressions.\n"
    assert codes(findings(path)) == []
    text = path.read_text(encoding="utf-8")
    assert "```text\ncode\u200b here\n```\n" in text  # the code block is not touched
    assert yaml.safe_load(text.split("---\n")[1]) == yaml.safe_load(MIXED.split("---\n")[1])
    before = path.read_bytes()
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert (code, out) == (0, "Added 0 suppressions.\n")
    assert path.read_bytes() == before


def test_add_ignores_on_a_bom_file_keeps_the_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = post(tmp_path, "\ufeff" + POST.replace(FIRST, ZWSP_FIRST))
    run_check(capsys, "--add-ignores", "post.md")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf---\n")
    assert findings(path) == []


def test_add_ignores_keeps_a_table_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A comment line between two table rows ends the table: the suppression must go elsewhere."""
    table = "| শব্দ | অর্থ |\n| --- | --- |\n| ভাত | rice |\n| বাংলা\u200bদেশ | country |\n"
    path = post(tmp_path, POST.replace(SECOND, f"{SECOND}\n\n{table}"))
    run_check(capsys, "--add-ignores", "post.md")
    text = path.read_text(encoding="utf-8")
    assert table in text
    assert findings(path) == []


@pytest.mark.parametrize(
    "block",
    [f"{FIRST}\n{ZWSP_SECOND}\n", f"- {FIRST}\n- {ZWSP_SECOND}\n", f"> {FIRST}\n> {ZWSP_SECOND}\n"],
    ids=["paragraph", "list", "quote"],
)
def test_add_ignores_does_not_split_a_block(tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str) -> None:
    """An HTML comment line interrupts a paragraph (CommonMark HTML block, type 2), ends a list or a quote."""
    path = post(tmp_path, POST.replace(f"{FIRST}\n\n{SECOND}\n", block))
    run_check(capsys, "--add-ignores", "post.md")
    text = path.read_text(encoding="utf-8")
    assert block in text
    assert findings(path) == []


def test_add_ignores_leaves_clean_files_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = post(tmp_path, POST)
    os.utime(path, ns=(10**18, 10**18))
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert (code, out) == (0, "Added 0 suppressions.\n")
    assert path.read_text(encoding="utf-8") == POST
    assert path.stat().st_mtime_ns == 10**18


def test_add_ignores_leaves_invalid_suppressions_to_the_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = POST.replace(FIRST, f"<!-- postlint-disable-next-line no-such-rule -->\n{FIRST}")
    path = post(tmp_path, content)
    code, out, _ = run_check(capsys, "--add-ignores", "post.md")
    assert (code, out) == (0, "Added 0 suppressions.\n")
    assert path.read_text(encoding="utf-8") == content
