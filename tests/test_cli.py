"""The command line, called in-process through `postlint.cli.main(argv)`."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from importlib.metadata import version as dist_version
from pathlib import Path

import pytest

import postlint
import posts
from postlint.registry import load_registry
from posts import BOM_NO_SLUG, NO_SLUG, codes, error_line, run, run_json, write

pytestmark = pytest.mark.usefixtures("in_tmp")

CLEAN = posts.CLEAN.replace("Text.\n", "Text with a [link] in it.\n")

CLEAN_BN = """\
---
title: "বাংলা ভাষায় একটি পোস্ট"
slug: bangla-post-2025-04-10
date: 2025-04-10
tags: [খবর, প্রযুক্তি]
showToc: false
---

এটি একটি পরিষ্কার পোস্ট। কোনো সমস্যা নেই।
"""

TAGS_NOT_STRINGS = posts.CLEAN.replace("tags: [news]", "tags: [news, 3]")

CAPITAL_TITLE = """\
---
Title: Hello
slug: hello-2025-04-10
date: 2025-04-10
tags: [news]
showToc: false
---
"""

BUILTIN_CODES = {
    "PL001", "PL002", "PL003", "PL004", "PL005", "PL006", "PL007",
    "PL010", "PL011", "PL012", "PL013", "PL014", "PL015", "PL016", "PL017",
    "PL101", "PL102", "PL103", "PL104", "PL901",
}  # fmt: skip

JSON_FIELDS = {"path", "code", "name", "severity", "message", "hint", "start", "end", "fixable"}

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_CONCISE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<message>\S.*)$")


def column_of(line: str, needle: str) -> int:
    """1-based code-point column of the first `needle` in `line`."""
    return line.index(needle) + 1


# --- exit codes ------------------------------------------------------------------


def test_clean_post_exits_0_with_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    write(tmp_path, "bn/clean-bn.md", CLEAN_BN)
    code, out, err = run(capsys, "check", ".")
    assert code == 0
    assert err == ""
    assert "All checks passed: 2 files, no findings." in out
    assert "error" not in out


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    write(tmp_path, "bad.md", TAGS_NOT_STRINGS)
    code, out, err = run(capsys, "check", ".")
    assert code == 1
    assert err == ""
    assert "bad.md:5:14: error PL102" in out
    assert "Found 1 error in 1 of 2 files." in out


def test_exit_zero_reports_but_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "bad.md", TAGS_NOT_STRINGS)
    code, out, _ = run(capsys, "check", "--exit-zero", "--format", "concise", "bad.md")
    assert code == 0
    assert out.startswith("bad.md:5:14: PL102 ")


def test_warning_only_passes_but_fails_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "bom.md", b"\xef\xbb\xbf" + CLEAN.encode())
    code, findings = run_json(capsys, "bom.md")
    assert code == 0
    assert [(f["code"], f["severity"]) for f in findings] == [("PL005", "warning")]
    code, findings = run_json(capsys, "--strict", "bom.md")
    assert code == 1
    assert codes(findings) == ["PL005"]


def test_strict_with_exit_zero_still_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "bom.md", b"\xef\xbb\xbf" + CLEAN.encode())
    code, _, _ = run(capsys, "check", "--strict", "--exit-zero", "bom.md")
    assert code == 0


def test_strict_on_clean_post_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, _, _ = run(capsys, "check", "--strict", "clean.md")
    assert code == 0


# --- usage errors ------------------------------------------------------------------


def test_unknown_option_exits_2_with_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, err = run(capsys, "check", "--formt", "json", "clean.md")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "--formt" in line
    # the suggestion names the option that was meant
    assert "--format" in line.split("--formt", 1)[1]


def test_unknown_select_code_exits_2_with_did_you_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, err = run(capsys, "check", "--select", "PL1011", "clean.md")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "'PL1011'" in line
    assert "did you mean 'PL101'?" in line


def test_unknown_select_name_exits_2_with_did_you_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, _, err = run(capsys, "check", "--ignore", "missing-requird-key", "clean.md")
    assert code == 2
    line = error_line(err)
    assert "did you mean 'missing-required-key'?" in line


def test_unknown_format_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, err = run(capsys, "check", "--format", "xml", "clean.md")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "xml" in line


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, err = run(capsys, "check", "clean.md", "nowhere/missing.md")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "nowhere/missing.md" in line


def test_unknown_command_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "chek", ".")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "chek" in line
    assert "check" in line.split("chek", 1)[1]


def test_abbreviated_option_is_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, _, err = run(capsys, "check", "--form", "json", "clean.md")
    assert code == 2
    assert "no such option: --form " in error_line(err)  # exact names only, as with click


@pytest.mark.parametrize("value", ["0", "-1", "two"])
@pytest.mark.parametrize("option", ["--jobs", "-j"])
def test_jobs_below_one_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, err = run(capsys, "check", option, value, "clean.md")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "--jobs" in line
    assert value in line


def test_no_strict_and_no_exit_zero_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "bom.md", b"\xef\xbb\xbf" + CLEAN.encode())
    write(tmp_path, "bad.md", TAGS_NOT_STRINGS)
    code, _, err = run(capsys, "check", "--strict", "--no-strict", "bom.md")
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "check", "--no-strict", "bom.md")
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "check", "--exit-zero", "--no-exit-zero", "bad.md")
    assert (code, err) == (1, "")
    code, _, err = run(capsys, "check", "--no-exit-zero", "bad.md")
    assert (code, err) == (1, "")


def test_options_may_follow_the_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", TAGS_NOT_STRINGS)
    write(tmp_path, "b.md", NO_SLUG)
    code, out, _ = run(capsys, "check", "a.md", "--format", "concise", "b.md", "-q")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.md", "b.md"]


def test_double_dash_ends_the_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "-dash.md", TAGS_NOT_STRINGS)
    code, out, err = run(capsys, "check", "--format", "concise", "--", "-dash.md")
    assert code == 1, err
    assert out.startswith("-dash.md:5:14: PL102 ")


def test_extra_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "PL101", "PL102")
    assert code == 2
    assert out == ""
    assert "PL102" in error_line(err)


def test_check_help_exits_0_and_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--help")
    assert code == 0
    assert err == ""
    assert "--format" in out
    assert "--no-strict" in out and "--no-exit-zero" in out
    assert "Rule codes, names or prefixes, comma-separated." in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--help")
    assert code == 0
    assert err == ""
    for command in ("check", "init", "rules", "explain"):
        assert re.search(rf"^\s+{command}\s", out, re.MULTILINE), command


def test_no_arguments_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2
    assert "check" in out and "--version" in out


# --- concise and json formats ------------------------------------------------------


def test_concise_lines_are_exactly_path_line_col_code_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "posts/tags.md", TAGS_NOT_STRINGS)
    write(tmp_path, "posts/noslug.md", NO_SLUG)
    code, out, err = run(capsys, "check", "--format", "concise", ".")
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        "posts/noslug.md:6:1: PL101 `slug` is required but missing",
        "posts/tags.md:5:14: PL102 `tags[1]` must be text (a string); found the number 3",
    ]


def test_concise_has_no_summary_and_no_escape_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    _, out, _ = run(capsys, "check", "--format", "concise", "tags.md")
    assert "\x1b" not in out
    for line in out.splitlines():
        assert _CONCISE.match(line), line


def test_json_fields_are_exactly_the_documented_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    write(tmp_path, "noslug.md", NO_SLUG)
    write(tmp_path, "bom.md", b"\xef\xbb\xbf" + CLEAN.encode())
    code, findings = run_json(capsys, ".")
    assert code == 1
    assert len(findings) == 3
    for finding in findings:
        assert set(finding) == JSON_FIELDS
        assert set(finding["start"]) == {"line", "column"}
        assert set(finding["end"]) == {"line", "column"}
        assert finding["severity"] in {"error", "warning", "info"}
        assert isinstance(finding["fixable"], bool)
        assert finding["hint"] is None or isinstance(finding["hint"], str)
        assert all(isinstance(v, int) and v >= 1 for v in (*finding["start"].values(), *finding["end"].values()))
    tags = next(f for f in findings if f["path"] == "tags.md")
    assert tags == {
        "path": "tags.md",
        "code": "PL102",
        "name": "schema-violation",
        "severity": "error",
        "message": "`tags[1]` must be text (a string); found the number 3",
        "hint": "put the value in quotes to keep it text",
        "start": {"line": 5, "column": 14},
        "end": {"line": 5, "column": 15},
        "fixable": False,
    }
    bom = next(f for f in findings if f["path"] == "bom.md")
    assert (bom["code"], bom["name"], bom["severity"]) == ("PL005", "byte-order-mark", "warning")


def test_json_of_clean_tree_is_an_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "clean.md", CLEAN)
    code, out, _ = run(capsys, "check", "--format", "json", ".")
    assert code == 0
    assert json.loads(out) == []


# --- positions ---------------------------------------------------------------------


def test_wrong_type_in_list_is_at_the_line_and_column_of_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    _, findings = run_json(capsys, "tags.md")
    assert len(findings) == 1
    finding = findings[0]
    line = TAGS_NOT_STRINGS.splitlines()[4]
    assert line == "tags: [news, 3]"
    assert finding["code"] == "PL102"
    assert finding["start"] == {"line": 5, "column": column_of(line, "3")}
    assert finding["end"] == {"line": 5, "column": column_of(line, "3") + 1}
    assert "tags[1]" in finding["message"]


def test_missing_slug_is_on_the_closing_fence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "noslug.md", NO_SLUG)
    _, findings = run_json(capsys, "noslug.md")
    assert codes(findings) == ["PL101"]
    fence_line = NO_SLUG.splitlines().index("---", 1) + 1
    assert fence_line == 6
    assert findings[0]["start"] == {"line": fence_line, "column": 1}
    assert findings[0]["end"] == {"line": fence_line, "column": 4}
    assert "`slug`" in findings[0]["message"]


def test_missing_key_on_the_closing_fence_of_a_bengali_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = CLEAN_BN.replace("slug: bangla-post-2025-04-10\n", "")
    write(tmp_path, "bn.md", post)
    _, findings = run_json(capsys, "bn.md")
    assert codes(findings) == ["PL101"]
    assert findings[0]["start"] == {"line": 6, "column": 1}


def test_capitalised_title_key_gets_a_hint_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "cap.md", CAPITAL_TITLE)
    code, findings = run_json(capsys, "cap.md")
    assert code == 1
    assert codes(findings) == ["PL101"]
    assert "`title`" in findings[0]["message"]
    assert findings[0]["hint"] is not None
    assert "`Title`" in findings[0]["hint"]
    assert findings[0]["start"]["line"] == 7


def test_bengali_line_column_counts_code_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = CLEAN_BN.replace("tags: [খবর, প্রযুক্তি]", "tags: [খবর, প্রযুক্তি, 7]")
    write(tmp_path, "bn.md", post)
    _, findings = run_json(capsys, "bn.md")
    assert codes(findings) == ["PL102"]
    line = post.splitlines()[4]
    column = column_of(line, "7")
    assert column == 24  # code points; in UTF-8 bytes it would be 48
    assert findings[0]["start"] == {"line": 5, "column": column}


def test_bengali_title_line_then_a_wrong_type_on_the_same_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON front matter on one line: the Bengali title comes before the bad value."""
    line = (
        '{"title": "বাংলা শিরোনাম", "slug": "bangla-2025-04-10", "date": "2025-04-10", "tags": ["খবর"], "showToc": "হ্যাঁ"}'
    )
    write(tmp_path, "bn.md", line + "\n\nলেখা।\n")
    _, findings = run_json(capsys, "bn.md")
    assert codes(findings) == ["PL102"]
    assert "showToc" in findings[0]["message"]
    assert findings[0]["start"] == {"line": 1, "column": column_of(line, '"হ্যাঁ"')}
    assert findings[0]["end"] == {"line": 1, "column": column_of(line, '"হ্যাঁ"') + len('"হ্যাঁ"')}


def test_bengali_title_line_before_a_wrong_type_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = CLEAN_BN.replace("showToc: false", "showToc: 'হ্যাঁ'")
    write(tmp_path, "bn.md", post)
    _, findings = run_json(capsys, "bn.md")
    assert codes(findings) == ["PL102"]
    assert findings[0]["start"] == {"line": 6, "column": 10}
    assert findings[0]["end"] == {"line": 6, "column": 10 + len("'হ্যাঁ'")}


# --- selection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["PL005", "PL101"]),
        (("--select", "PL101"), ["PL101"]),
        (("--select", "missing-required-key"), ["PL101"]),
        (("--select", "PL1"), ["PL101"]),
        (("--select", "pl0"), ["PL005"]),
        (("--select", "byte-order-mark"), ["PL005"]),
        (("--select", "PL005,PL101"), ["PL005", "PL101"]),
        (("--select", "ALL"), ["PL005", "PL101"]),
        (("--ignore", "PL101"), ["PL005"]),
        (("--ignore", "missing-required-key"), ["PL005"]),
        (("--ignore", "PL1"), ["PL005"]),
        (("--ignore", "PL0,PL1"), []),
        (("--select", "PL1", "--ignore", "PL101"), []),
        (("--select", "PL005", "--extend-select", "PL101"), ["PL005", "PL101"]),
        (("--select", "PL005", "--extend-select", "missing-required-key"), ["PL005", "PL101"]),
        (("--select", "PL102", "--extend-select", "PL0"), ["PL005"]),
        (("--select", "PL102", "--select", "PL005"), ["PL005"]),
    ],
)
def test_select_ignore_extend_select(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: list[str]
) -> None:
    write(tmp_path, "post.md", BOM_NO_SLUG)
    code, findings = run_json(capsys, *args, "post.md")
    assert codes(findings) == expected
    assert code == (1 if "PL101" in expected else 0)


# --- order -------------------------------------------------------------------------


def _messy_tree(root: Path) -> None:
    write(root, "z-last.md", TAGS_NOT_STRINGS)
    write(root, "a-first.md", NO_SLUG.replace("title: Hello\n", ""))
    write(root, "m/middle.md", "---\ntitle: 5\nslug: 6\ndate: nope\ntags: x\nshowToc: 1\n---\n")
    write(root, "m/bom.md", b"\xef\xbb\xbf" + CAPITAL_TITLE.encode())
    write(root, "B-upper.md", "no front matter\n")


def test_order_is_deterministic_and_sorted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _messy_tree(tmp_path)
    _, out1, _ = run(capsys, "check", "--format", "concise", ".")
    _, out2, _ = run(capsys, "check", "--format", "concise", "z-last.md", "m", "B-upper.md", "a-first.md")
    _, out3, _ = run(
        capsys, "check", "--format", "concise", "m/middle.md", "m/bom.md", "B-upper.md", "z-last.md", "a-first.md"
    )
    assert out1 == out2 == out3
    keys = []
    for line in out1.splitlines():
        match = _CONCISE.match(line)
        assert match, line
        keys.append((match["path"], int(match["line"]), int(match["col"]), match["code"]))
    assert keys == sorted(keys)
    assert len({k[0] for k in keys}) == 5
    assert len(keys) >= 9


def test_same_file_named_twice_is_checked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    _, findings = run_json(capsys, "tags.md", "./tags.md", ".")
    assert codes(findings) == ["PL102"]


# --- text format -------------------------------------------------------------------


def test_text_shows_source_line_and_marker_under_the_span(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    code, out, _ = run(capsys, "check", "tags.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "tags.md:5:14: error PL102 `tags[1]` must be text (a string); found the number 3 [schema-violation]"
    )
    source = next(i for i, line in enumerate(lines) if line.endswith("tags: [news, 3]"))
    assert lines[source].lstrip().startswith("5 ")
    marker = lines[source + 1]
    assert marker.count("^") == 1
    assert marker.index("^") == lines[source].rindex("3")
    assert marker[: marker.index("^")].strip(" ") == "│"
    assert "= hint: put the value in quotes to keep it text" in out
    assert lines[-1] == "Found 1 error in 1 of 1 file."


def test_text_marker_spans_the_closing_fence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "noslug.md", NO_SLUG)
    _, out, _ = run(capsys, "check", "noslug.md")
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if re.fullmatch(r"\s*6 │ ---", line))
    marker = lines[source + 1]
    assert marker.rstrip().endswith("^^^")
    assert marker.index("^") == lines[source].index("---")


def test_text_prints_brackets_in_posts_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = CLEAN.replace("showToc: false", 'showToc: "[bold red]yes[/bold red]"').replace(
        "tags: [news]", "tags: [news, '[link](x)', 3]"
    )
    write(tmp_path, "brackets.md", post)
    code, out, _ = run(capsys, "check", "brackets.md")
    assert code == 1
    assert 'showToc: "[bold red]yes[/bold red]"' in out
    assert 'found the string "[bold red]yes[/bold red]"' in out
    assert "tags: [news, '[link](x)', 3]" in out
    assert "[schema-violation]" in out


def test_text_has_no_escape_codes_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    write(tmp_path, "bom.md", b"\xef\xbb\xbf" + NO_SLUG.encode())
    _, out, _ = run(capsys, "check", ".")
    assert "PL102" in out and "PL005" in out
    assert "\x1b" not in out


def test_text_long_lines_are_not_wrapped_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "a-rather-long-folder-name-for-posts/" + "x" * 60 + ".md"
    write(tmp_path, name, TAGS_NOT_STRINGS)
    _, out, _ = run(capsys, "check", ".")
    header = out.splitlines()[0]
    assert len(header) > 120
    assert header.startswith(f"{name}:5:14: error PL102 ")
    assert header.endswith("[schema-violation]")


def _color_params(out: str) -> list[str]:
    """The colour parameters of every SGR escape (foreground/background)."""
    found = []
    for match in _SGR.finditer(out):
        for param in match.group(1).split(";"):
            if param.isdigit() and (30 <= int(param) <= 49 or 90 <= int(param) <= 107):
                found.append(param)
    return found


def test_no_color_removes_colours_from_forced_terminal_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run(capsys, "check", "tags.md")
    assert _color_params(coloured), "FORCE_COLOR should give coloured output (sanity check)"
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = run(capsys, "check", "tags.md")
    assert "PL102" in plain
    assert _color_params(plain) == []


def test_no_color_output_without_terminal_is_plain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", "tags.md")
    assert "\x1b" not in out
    assert "tags.md:5:14: error PL102" in out


def test_quiet_drops_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    code, out, _ = run(capsys, "check", "--quiet", "tags.md")
    assert code == 1
    assert "PL102" in out
    assert "Found" not in out
    code, out, _ = run(capsys, "check", "-q", "tags.md")
    assert "Found" not in out


def test_text_shows_invisible_characters_as_code_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = TAGS_NOT_STRINGS.replace("tags: [news, 3]", "tags: [ne\u200bws, 3]")
    write(tmp_path, "zw.md", post)
    _, out, _ = run(capsys, "check", "--select", "PL102", "zw.md")
    assert "\u200b" not in out
    assert "tags: [ne<U+200B>ws, 3]" in out
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if line.endswith("tags: [ne<U+200B>ws, 3]"))
    assert lines[source + 1].index("^") == lines[source].rindex("3")


# --- rules, explain, version ---------------------------------------------------------


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules")
    assert code == 0
    assert err == ""
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert set(listed) >= BUILTIN_CODES
    assert set(listed) == {rule.code for rule in load_registry().rules}
    assert listed == sorted(listed)
    line = next(line for line in out.splitlines() if line.startswith("PL005 "))
    assert "byte-order-mark" in line and "warning" in line


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {row["code"] for row in rows} >= BUILTIN_CODES
    pl101 = next(row for row in rows if row["code"] == "PL101")
    assert pl101["name"] == "missing-required-key"
    assert pl101["severity"] == "error"
    assert pl101["origin"] == "postlint"


@pytest.mark.parametrize("key", ["PL101", "missing-required-key", "pl101"])
def test_explain_prints_the_documentation(capsys: pytest.CaptureFixture[str], key: str) -> None:
    code, out, err = run(capsys, "explain", key)
    assert code == 0
    assert err == ""
    assert out.startswith("# PL101 missing-required-key\n")
    for heading in ("## Why", "## Bad", "## Good"):
        assert heading in out
    assert "closing" in out
    assert out == load_registry().require("PL101").documentation


def test_explain_by_code_and_by_name_agree(capsys: pytest.CaptureFixture[str]) -> None:
    _, by_code, _ = run(capsys, "explain", "PL005")
    _, by_name, _ = run(capsys, "explain", "byte-order-mark")
    assert by_code == by_name
    assert "Default severity: warning." in by_code


def test_explain_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "NOPE")
    assert code == 2
    assert out == ""
    line = error_line(err)
    assert "NOPE" in line


def test_explain_near_miss_suggests_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explain", "byte-order-marks")
    assert code == 2
    assert "did you mean 'byte-order-mark'?" in error_line(err)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert err == ""
    assert out == f"postlint {postlint.__version__}\n"
    assert postlint.__version__ == dist_version("postlint")


def test_python_dash_m_version(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "postlint", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"postlint {postlint.__version__}\n"
    assert proc.stderr == ""


def test_python_dash_m_check_exit_code(tmp_path: Path) -> None:
    write(tmp_path, "tags.md", TAGS_NOT_STRINGS)
    proc = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--format", "concise", "tags.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("tags.md:5:14: PL102 ")


def test_help_wraps_at_the_terminal_width_that_columns_sets(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from postlint.cli import main

    shown = {}
    for columns in (50, 160):
        monkeypatch.setenv("COLUMNS", str(columns))
        assert main(["check", "--help"]) == 0
        shown[columns] = capsys.readouterr().out.splitlines()
    assert len(shown[50]) > len(shown[160])
    assert max(map(len, shown[160])) > 80  # wider than the fallback: the width is read, not assumed
    assert sum(len(line) > 50 for line in shown[50]) <= 2  # argparse never breaks an option's name


def test_the_command_writes_its_whole_report_through_a_pipe_before_it_exits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command leaves with os._exit after flushing: a report larger than a pipe's buffer
    (64 KiB) still arrives whole, and the exit code is the report's."""
    for number in range(400):
        write(tmp_path, f"posts/p{number:03}.md", NO_SLUG)
    _, expected = run_json(capsys, "--no-cache", str(tmp_path / "posts"))
    done = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--no-cache", "--format", "json", str(tmp_path / "posts")],
        capture_output=True,
        cwd=Path.cwd(),
    )
    assert len(done.stdout) > 65536
    assert json.loads(done.stdout) == expected
    assert done.returncode == 1


def _run_where_output_fails(where: str, argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`argv` with stdout on a full disk (/dev/full) or closed (Python then has no sys.stdout)."""
    import os

    env = {**os.environ, "POSTLINT_NO_SERVER": "1"}
    with open("/dev/full", "w") as full:
        if where == "a full disk":
            return subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env, timeout=60)
        closing = functools.partial(os.close, 1)
        return subprocess.run(argv, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env, preexec_fn=closing, timeout=60)


@pytest.mark.parametrize("where", ["a full disk", "a closed stdout"])
def test_output_that_cannot_be_written_is_a_one_line_error(where: str, tmp_path: Path) -> None:
    """Exit 2 and why, never a traceback; a report written to a file does not need stdout."""
    write(tmp_path, "post.md", NO_SLUG)
    argv = [sys.executable, "-m", "postlint", "check", "--no-cache", "post.md"]
    done = _run_where_output_fails(where, argv, tmp_path)
    reason = "No space left on device" if where == "a full disk" else "standard output is closed"
    assert (done.returncode, done.stderr) == (2, f"postlint: error: cannot write the output: {reason}\n")
    done = _run_where_output_fails(where, [*argv, "--quiet", "--output-file", "report.txt"], tmp_path)
    assert (done.returncode, done.stderr) == (1, "")
    assert "PL101" in (tmp_path / "report.txt").read_text(encoding="utf-8")
