"""The fix engine: every fixable rule's fixture, `apply_fixes`, what a fix must keep,
how files are written, the CLI's fix modes, and a property test over generated posts."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from postlint.api import Engine, FixOptions, check
from postlint.cli import main
from postlint.config import Config, load_config
from postlint.discover import discover
from postlint.document import Document
from postlint.findings import Edit, Finding, Fix, Severity
from postlint.fix import MAX_PASSES, apply_fixes, unified_diff, write_atomically
from postlint.registry import Registry, load_registry
from postlint.rule import Example, Rule, RuleContext
from posts import run_check

pytestmark = pytest.mark.usefixtures("in_tmp")

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
REGISTRY = load_registry()
FIXABLE = sorted(rule.code for rule in REGISTRY.rules if rule.fixable)
OLD = 1_000_000_000  # an mtime (2001) that any write would change

CLEAN = """\
---
title: "বাংলা লেখা"
slug: bangla-lekha-2025-04-10
date: 2025-04-10
tags: [বাংলা, খবর]
showToc: false
---

আমরা প্রতিদিন লিখি।
"""

# A safe defect: a zero-width space inside a Bengali word of the body.
ZWSP_POST = CLEAN.replace("প্রতিদিন", "প্রতি\u200bদিন")
# An unsafe defect: the slug's date is a day before the post's.
SLUG_OFF_POST = CLEAN.replace("slug: bangla-lekha-2025-04-10", "slug: bangla-lekha-2025-04-09")


def write(path: Path, content: str | bytes, mode: int | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if mode is not None:
        path.chmod(mode)
    os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    return path


def config(folder: Path, text: str = "") -> Path:
    return write(folder / "postlint.toml", text)


def _is_cache(folder: Path) -> bool:
    """A cache folder (marked with CACHEDIR.TAG) is postlint's own, not the user's files."""
    return (folder / "CACHEDIR.TAG").is_file()


def entries(folder: Path) -> list[str]:
    """The names in `folder`, cache folders left out: what a user sees of their files."""
    return sorted(path.name for path in folder.iterdir() if not (path.is_dir() and _is_cache(path)))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` outside cache folders: its bytes and mtime (in ns)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(_is_cache(parent) for parent in path.parents):
            found[path.relative_to(folder).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def findings_of(path: Path) -> list[Finding]:
    return check([path], load_config([path])).findings


# --- one fixture per fixable rule ------------------------------------------------------


def _fixture(code: str, kind: str) -> Path:
    return FIXTURES / f"{code}.{kind}"


@pytest.mark.parametrize("code", FIXABLE)
def test_fix_fixture(code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--fix` turns <CODE>.before.md into <CODE>.after.md byte for byte; a second run changes nothing.

    The post is checked with every default rule plus `extend-select = ["<CODE>"]`; an optional
    <CODE>.toml is appended to that config (put options under `[rules.<CODE>]`). `--unsafe-fixes`
    is added when the rule's fix is unsafe, after checking that `--fix` alone leaves the file.
    """
    before_file, after_file, options = _fixture(code, "before.md"), _fixture(code, "after.md"), _fixture(code, "toml")
    assert before_file.is_file() and after_file.is_file(), (
        f"fixable rule {code} has no fix fixture: add tests/fixtures/fix/{code}.before.md and {code}.after.md"
    )
    before, after = before_file.read_bytes(), after_file.read_bytes()
    assert before != after, f"{code}: the fixture changes nothing"
    extra = options.read_text(encoding="utf-8") if options.is_file() else ""
    config(tmp_path, f'extend-select = ["{code}"]\n{extra}')
    post = write(tmp_path / "post.md", before)

    mine = [f for f in findings_of(post) if f.code == code]
    assert any(f.fix is not None for f in mine), f"{code}.before.md does not trigger a fix of {code}"
    unsafe = any(f.fix is not None and not f.fix.safe for f in mine)
    if unsafe and all(f.fix is None or not f.fix.safe for f in findings_of(post)):
        run_check(capsys, "--fix", "post.md")
        assert post.read_bytes() == before, f"{code}: an unsafe fix was applied without --unsafe-fixes"

    flags = ["--fix", "--unsafe-fixes"] if unsafe else ["--fix"]
    run_check(capsys, *flags, "post.md")
    assert post.read_bytes() == after
    mtime = post.stat().st_mtime_ns
    _, out, _ = run_check(capsys, *flags, "post.md")
    assert post.read_bytes() == after
    assert post.stat().st_mtime_ns == mtime, "a second --fix rewrote the file"
    assert "Fixed" not in out
    assert not [f for f in findings_of(post) if f.code == code and f.fix is not None]


def test_every_fixture_belongs_to_a_fixable_rule() -> None:
    for path in FIXTURES.iterdir():
        match = re.fullmatch(r"([A-Z]+[0-9]+)\.(before\.md|after\.md|toml)", path.name)
        assert match is not None, f"unexpected file {path.name} in {FIXTURES}"
        assert match[1] in FIXABLE, f"{path.name}: {match[1]} is not a registered fixable rule"
        assert _fixture(match[1], "before.md").is_file() and _fixture(match[1], "after.md").is_file()


# --- apply_fixes ---------------------------------------------------------------------


def fix(*edits: tuple[int, int, str]) -> Fix:
    return Fix(tuple(Edit(*edit) for edit in edits))


def test_apply_fixes_replaces_and_counts() -> None:
    assert apply_fixes("abcdef", [fix((1, 2, "B")), fix((4, 6, ""))]) == ("aBcd", 2)
    assert apply_fixes("abc", []) == ("abc", 0)


def test_apply_fixes_overlap_keeps_the_first() -> None:
    text, applied = apply_fixes("abcdef", [fix((2, 5, "X")), fix((1, 3, "Y"))])
    assert (text, applied) == ("aYdef", 1)  # (1, 3) starts first; (2, 5) waits for the next pass
    text, applied = apply_fixes("abcdef", [fix((1, 4, "X")), fix((2, 3, "Y"))])
    assert (text, applied) == ("aXef", 1)  # a fix inside an earlier one is dropped


def test_apply_fixes_adjacent_edits_do_not_overlap() -> None:
    assert apply_fixes("abcd", [fix((0, 2, "X")), fix((2, 4, "Y"))]) == ("XY", 2)


def test_apply_fixes_a_fix_with_one_overlapping_edit_is_left_whole() -> None:
    text, applied = apply_fixes("abcdef", [fix((0, 1, "A")), fix((0, 1, "Z"), (5, 6, "F"))])
    assert (text, applied) == ("Abcdef", 1)


def test_apply_fixes_insertions() -> None:
    assert apply_fixes("abc", [fix((0, 0, "<")), fix((3, 3, ">"))]) == ("<abc>", 2)
    assert apply_fixes("abc", [fix((1, 1, "1")), fix((1, 1, "2"))]) == ("a1bc", 1)  # same point: first only
    assert apply_fixes("abc", [fix((1, 2, "B")), fix((1, 1, "+"))]) == ("a+bc", 1)  # the insertion comes first
    assert apply_fixes("abcd", [fix((1, 3, "X")), fix((2, 2, "+"))]) == ("aXd", 1)  # inside a replacement


def test_apply_fixes_insertion_next_to_a_deletion() -> None:
    assert apply_fixes("abc", [fix((0, 1, "")), fix((1, 1, "-"))]) == ("-bc", 2)


def test_apply_fixes_a_fix_with_several_edits() -> None:
    assert apply_fixes("x = y", [fix((0, 1, "y"), (4, 5, "x"))]) == ("y = x", 1)


@pytest.mark.parametrize("seed", range(6))
def test_apply_fixes_order_independent(seed: int) -> None:
    import random

    fixes = [fix((0, 1, "A")), fix((2, 3, "C"), (8, 9, "I")), fix((4, 4, "+")), fix((5, 7, "")), fix((9, 10, "J"))]
    shuffled = fixes[:]
    random.Random(seed).shuffle(shuffled)
    assert apply_fixes("abcdefghij", shuffled) == ("AbCd+ehIJ", 5)


def test_apply_fixes_order_independent_with_overlaps() -> None:
    fixes = [fix((3, 6, "X")), fix((1, 4, "Y")), fix((7, 8, "Z"))]
    assert apply_fixes("abcdefghij", fixes) == apply_fixes("abcdefghij", fixes[::-1]) == ("aYefgZij", 2)


def test_apply_fixes_keeps_non_ascii_offsets() -> None:
    text = "বাং\u200bলা"
    assert apply_fixes(text, [fix((3, 4, ""))]) == ("বাংলা", 1)


# --- the fix loop --------------------------------------------------------------------


def _registry_with(rule: Rule) -> Registry:
    origin = dict(REGISTRY.origin) | {rule.code: "tests", rule.name: "tests"}
    return Registry((*REGISTRY.rules, rule), origin)


def _doubles(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Every `xx` (overlapping matches too) should be one `x`."""
    text = doc.text or ""
    for at in range(len(text) - 1):
        if text[at : at + 2] == "xx":
            yield ctx.report(doc, at, at + 2, "double x", fix=Fix((Edit(at, at + 2, "x"),)))


def _always(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A rule whose fix never makes it go away."""
    end = len(doc.text or "")
    yield ctx.report(doc, end, end, "never satisfied", fix=Fix((Edit(end, end, "!"),)))


def _test_rule(check_fn: object) -> Rule:
    return Rule(
        code="TST001",
        name="test-rule",
        summary="A test rule.",
        why="For tests.",
        bad=None,
        good=Example("x\n"),
        severity=Severity.WARNING,
        fixable=True,
        check=check_fn,  # type: ignore[arg-type]
    )


def _run_rule(tmp_path: Path, check_fn: object, content: str) -> tuple[str, int]:
    post = write(tmp_path / "post.md", content)
    engine = Engine(Config(root=tmp_path, select=("TST001",)), _registry_with(_test_rule(check_fn)))
    result = engine.run(discover([post], tmp_path, ()), FixOptions())
    return post.read_text(encoding="utf-8"), result.fixed


def test_overlapping_fixes_are_rechecked_and_applied_in_later_passes(tmp_path: Path) -> None:
    text, fixed = _run_rule(tmp_path, _doubles, "xxxx\n")
    assert text == "x\n"
    assert fixed == 3  # pass 1: two of the three overlapping fixes, pass 2: the last


def test_the_fix_loop_is_bounded(tmp_path: Path) -> None:
    text, fixed = _run_rule(tmp_path, _always, "a")
    assert text == "a" + "!" * MAX_PASSES
    assert fixed == MAX_PASSES


# --- what a fix keeps ----------------------------------------------------------------

LAYOUT = """\
---
# মন্তব্য: ক্রম বদলানো যাবে না
showToc: false   # শেষে নয়, প্রথমে
date: 2025-04-10T23:30:00+06:00
slug: 'bangla-lekha-2025-04-09' # একক উদ্ধৃতি
tags:
  - বাংলা      # প্লেইন
  - "খবর"
  - 'অন্য'
title: >-
  বাংলা
  লেখা
description: "ডাবল \\"উদ্ধৃতি\\""  # escape থাকবে
---

আমরা প্রতি\u200bদিন লিখি।
"""

LAYOUT_FIXED = LAYOUT.replace("2025-04-09", "2025-04-10").replace("\u200b", "")


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_fix_keeps_comments_quoting_order_line_endings_and_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str, bom: bool
) -> None:
    config(tmp_path)
    prefix = codecs.BOM_UTF8 if bom else b""
    post = write(tmp_path / "post.md", prefix + LAYOUT.replace("\n", newline).encode("utf-8"))
    run_check(capsys, "--fix", "--unsafe-fixes", "post.md")
    assert post.read_bytes() == prefix + LAYOUT_FIXED.replace("\n", newline).encode("utf-8")


@pytest.mark.parametrize(
    "content",
    [
        ZWSP_POST.encode("utf-8").replace("লেখা".encode(), b"\xe9", 1),  # invalid UTF-8
        b"\xef\xbb\xbf" + ZWSP_POST.encode("utf-8").replace(b"---\n", b"---\xff\n", 1),  # BOM, then invalid
        codecs.BOM_UTF16_LE + ZWSP_POST.encode("utf-16-le"),
        ZWSP_POST.encode("utf-16-le"),  # UTF-16 without a BOM
        ZWSP_POST.encode("utf-8").replace(b"\n\n", b"\n\x00\n", 1),  # a NUL: binary
    ],
    ids=["invalid-utf8", "bom-then-invalid", "utf16-bom", "utf16", "nul"],
)
@pytest.mark.parametrize("flags", [["--fix"], ["--fix", "--unsafe-fixes"], ["--fix-only"], ["--diff"]])
def test_a_file_that_cannot_be_decoded_is_never_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, flags: list[str]
) -> None:
    config(tmp_path)
    write(tmp_path / "post.md", content)
    before = snapshot(tmp_path)
    code, out, _ = run_check(capsys, *flags, "post.md")
    assert snapshot(tmp_path) == before
    assert entries(tmp_path) == ["post.md", "postlint.toml"]
    if flags == ["--diff"]:
        assert (code, out) == (0, "")
    elif flags == ["--fix-only"]:
        assert (code, out) == (0, "Fixed 0 findings.\n")
    else:
        assert code == 1
        assert re.search(r"PL00[234]", out)


# --- the CLI -------------------------------------------------------------------------


def _tree(tmp_path: Path) -> dict[str, Path]:
    config(tmp_path)
    return {
        "zwsp": write(tmp_path / "posts" / "zwsp.md", ZWSP_POST.replace("bangla-lekha", "zwsp")),
        "slug": write(tmp_path / "posts" / "slug.md", SLUG_OFF_POST.replace("bangla-lekha", "slug-off")),
        "clean": write(tmp_path / "posts" / "clean.md", CLEAN.replace("bangla-lekha", "clean")),
        "crlf": write(
            tmp_path / "posts" / "crlf.md",
            ZWSP_POST.replace("bangla-lekha", "crlf").replace("\n", "\r\n").encode("utf-8"),
        ),
        "bad": write(tmp_path / "posts" / "bad.md", ZWSP_POST.encode("utf-8").replace(b"2025-04-10\n", b"\xff\n", 1)),
    }


@pytest.mark.parametrize("unsafe", [False, True])
def test_diff_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str], unsafe: bool) -> None:
    _tree(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = run_check(capsys, "--diff", *(["--unsafe-fixes"] if unsafe else []), ".")
    assert snapshot(tmp_path) == before
    assert code == 1
    assert "--- a/posts/zwsp.md\n+++ b/posts/zwsp.md\n" in out
    assert "-আমরা প্রতি\u200bদিন লিখি।\n+আমরা প্রতিদিন লিখি।\n" in out
    assert "-আমরা প্রতি\u200bদিন লিখি।\r\n+আমরা প্রতিদিন লিখি।\r\n" in out  # CRLF kept in the diff
    assert "clean.md" not in out and "bad.md" not in out
    assert ("+slug: slug-off-2025-04-10\n" in out) is unsafe
    assert re.search(rf"{3 if unsafe else 2} fixes would be applied", err)


def test_diff_matches_what_fix_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _tree(tmp_path)
    before = paths["crlf"].read_bytes().decode("utf-8")
    _, out, _ = run_check(capsys, "--diff", "posts/crlf.md")
    run_check(capsys, "--fix", "posts/crlf.md")
    after = paths["crlf"].read_bytes().decode("utf-8")
    assert before != after
    assert out == unified_diff("posts/crlf.md", before, after)


def test_diff_exits_0_when_there_is_nothing_to_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _tree(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = run_check(capsys, "--diff", str(paths["clean"]), str(paths["slug"]))  # slug's fix is unsafe
    assert (code, out) == (0, "")
    assert "0 fixes would be applied" in err
    assert snapshot(tmp_path) == before


def test_diff_without_a_trailing_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path)
    write(tmp_path / "post.md", ZWSP_POST.rstrip("\n"))
    code, out, _ = run_check(capsys, "--diff", "post.md")
    assert code == 1
    assert out.endswith("+আমরা প্রতিদিন লিখি।\n")  # the missing newline is one of the fixes
    assert "\\ No newline at end of file\n" in out


def test_check_after_diff_reports_the_file_on_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What --diff computed in memory must not stand in for the file on a later run."""
    _tree(tmp_path)
    _, first, _ = run_check(capsys, "--format", "concise", ".")
    run_check(capsys, "--diff", "--unsafe-fixes", ".")
    _, again, _ = run_check(capsys, "--format", "concise", ".")
    assert again == first
    assert "posts/zwsp.md:9:" in again and "PL304" in again


def test_fix_only_prints_only_the_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _tree(tmp_path)
    code, out, err = run_check(capsys, "--fix-only", ".")
    assert (code, out, err) == (0, "Fixed 2 findings.\n", "")
    assert "\u200b" not in paths["zwsp"].read_text(encoding="utf-8")
    assert "2025-04-09" in paths["slug"].read_text(encoding="utf-8")
    code, out, err = run_check(capsys, "--fix-only", "--unsafe-fixes", ".")
    assert (code, out, err) == (0, "Fixed 1 finding.\n", "")
    assert "slug: slug-off-2025-04-10\n" in paths["slug"].read_text(encoding="utf-8")


def test_fix_reports_what_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _tree(tmp_path)
    code, out, _ = run_check(capsys, "--fix", ".")
    assert code == 1  # PL211 (error) remains, and the file that cannot be decoded
    assert "Fixed 2 findings." in out
    assert "1 more fixable with `--fix --unsafe-fixes`." in out
    assert "PL304" not in out
    assert "PL211" in out and "PL002" in out
    assert "\u200b" not in paths["crlf"].read_bytes().decode("utf-8")


def test_unsafe_fix_only_with_unsafe_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path)
    post = write(tmp_path / "post.md", SLUG_OFF_POST)
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert post.read_text(encoding="utf-8") == SLUG_OFF_POST
    assert post.stat().st_mtime_ns == OLD * 10**9
    assert code == 1 and "PL211" in out and "Fixed" not in out
    assert "[*]" not in out  # an unsafe fix is not marked as fixable with --fix
    code, out, _ = run_check(capsys, "--fix", "--unsafe-fixes", "post.md")
    assert post.read_text(encoding="utf-8") == CLEAN
    assert code == 0 and "Fixed 1 finding." in out


def test_text_report_marks_safe_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path)
    write(tmp_path / "post.md", ZWSP_POST)
    _, out, _ = run_check(capsys, "post.md")
    assert re.search(r"post\.md:9:\d+: warning PL304 \[\*\]", out)
    assert "[*] 1 fixable with `postlint check --fix`." in out


MIXED = ZWSP_POST.replace("আমরা প্রতি", "আমরা  \nপ্রতি").replace("showToc: false", "showToc: false \t")


@pytest.mark.parametrize(
    ("table", "zwsp_fixed", "trailing_fixed"),
    [
        ("", True, True),
        ('unfixable = ["PL304"]\n', False, True),
        ('unfixable = ["zero-width-space"]\n', False, True),
        ('fixable = ["PL403"]\n', False, True),
        ('fixable = ["PL4"]\n', False, True),
        ('fixable = ["ALL"]\nunfixable = ["PL4"]\n', True, False),
        ('fixable = ["PL304", "PL403"]\nunfixable = ["PL403"]\n', True, False),
        ("fixable = []\n", False, False),
    ],
)
def test_fixable_and_unfixable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, zwsp_fixed: bool, trailing_fixed: bool
) -> None:
    config(tmp_path, table)
    post = write(tmp_path / "post.md", MIXED)
    run_check(capsys, "--fix", "post.md")
    text = post.read_text(encoding="utf-8")
    assert ("\u200b" not in text) is zwsp_fixed
    assert ("showToc: false\n" in text) is trailing_fixed
    assert "আমরা  \n" in text  # two spaces in the body: a hard break, never touched


def test_unfixable_findings_are_still_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path, 'unfixable = ["PL304"]\n')
    write(tmp_path / "post.md", ZWSP_POST)
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert code == 0  # a warning
    assert "PL304" in out and "Fixed" not in out


def test_unknown_code_in_fixable_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path, 'unfixable = ["PL9999"]\n')
    write(tmp_path / "post.md", ZWSP_POST)
    code, _, err = run_check(capsys, "--fix", "post.md")
    assert code == 2 and "PL9999" in err


def test_fix_modes_exclude_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path)
    write(tmp_path / "post.md", ZWSP_POST)
    before = snapshot(tmp_path)
    for flags in (["--fix", "--diff"], ["--fix-only", "--diff"], ["--fix", "--add-ignores"]):
        code, _, err = run_check(capsys, *flags, "post.md")
        assert code == 2 and "choose one of" in err
    assert snapshot(tmp_path) == before


def test_per_file_ignores_keep_fixes_away(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path, '[per-file-ignores]\n"drafts/*" = ["PL304"]\n')
    ignored = write(tmp_path / "drafts" / "a.md", ZWSP_POST.replace("bangla-lekha", "draft-a"))
    fixed = write(tmp_path / "posts" / "b.md", ZWSP_POST.replace("bangla-lekha", "post-b"))
    run_check(capsys, "--fix", ".")
    assert "\u200b" in ignored.read_text(encoding="utf-8")
    assert "\u200b" not in fixed.read_text(encoding="utf-8")


def test_suppressed_findings_are_not_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path)
    content = ZWSP_POST.replace("\nআমরা", "\n<!-- postlint-disable-next-line PL304 -->\nআমরা")
    post = write(tmp_path / "post.md", content)
    code, out, _ = run_check(capsys, "--fix", "post.md")
    assert post.read_text(encoding="utf-8") == content
    assert code == 0 and "PL304" not in out and "PL902" not in out


# --- how a file is written -----------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o755])
def test_fix_keeps_the_mode_and_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    config(tmp_path)
    post = write(tmp_path / "post.md", ZWSP_POST, mode)
    inode = post.stat().st_ino
    run_check(capsys, "--fix", "post.md")
    assert post.read_text(encoding="utf-8") == CLEAN
    assert stat.S_IMODE(post.stat().st_mode) == mode
    assert post.stat().st_ino != inode  # replaced by a rename, not rewritten in place
    assert entries(tmp_path) == ["post.md", "postlint.toml"]


def test_symlinked_post_is_written_through_to_its_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    config(site)
    target = write(elsewhere / "real.md", ZWSP_POST, 0o640)
    link = site / "post.md"
    link.symlink_to(target)
    run_check(capsys, "--fix", str(site))
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == CLEAN
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert entries(site) == ["post.md", "postlint.toml"]
    assert entries(elsewhere) == ["real.md"]


def test_relative_symlink_chain_is_written_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tmp_path / "site")
    target = write(tmp_path / "real" / "post.md", ZWSP_POST)
    middle = tmp_path / "real" / "middle.md.txt"
    middle.symlink_to("post.md")
    link = tmp_path / "site" / "post.md"
    link.symlink_to(os.path.relpath(middle, link.parent))
    run_check(capsys, "--fix", "site/post.md")
    assert link.is_symlink() and middle.is_symlink()
    assert target.read_text(encoding="utf-8") == CLEAN


def test_write_atomically_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = write(tmp_path / "post.md", "old\n", 0o640)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(post, b"new\n")
    monkeypatch.undo()
    assert post.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["post.md"]


def test_write_atomically_replaces_the_content(tmp_path: Path) -> None:
    post = write(tmp_path / "post.md", "old content that is longer\n", 0o600)
    write_atomically(post, "নতুন\n".encode())
    assert post.read_bytes() == "নতুন\n".encode()
    assert stat.S_IMODE(post.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["post.md"]


# --- a property test -----------------------------------------------------------------

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ModuleNotFoundError:  # pragma: no cover - reported as a failure below
    st = None  # type: ignore[assignment]

WORDS = ["আমরা", "বাংলা", "লেখা", "খবর", "প্রতিদিন", "পাঠক", "গল্প", "কথা", "নতুন", "সকাল", "দেশ", "মানুষ"]
SLUG_WORDS = ["amar", "bangla", "lekha", "khobor", "golpo", "notun", "shokal"]
COMMENTS = ["# মন্তব্য", "# TODO: পরে দেখা", "#কোনো ফাঁকা নেই", "# note: keep", "#"]
TIMES = ["", "T23:30:00+06:00", "T00:15:00-05:00", "T12:00:00Z"]  # the slug's day is the day as written
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\r?\n(.*?)^---\r?\n", re.DOTALL | re.MULTILINE)


def _split_post(text: str) -> tuple[object, str]:
    """The front matter's data (read by PyYAML, not by postlint) and the body."""
    match = _FRONT.match(text)
    assert match is not None, text
    return yaml.safe_load(match.group(1)), text[match.end() :]


def _quoted(value: str, style: int) -> str:
    return [value, f'"{value}"', f"'{value}'"][style]


Generated = tuple[str, str, dict[str, object], str]

if st is not None:

    @st.composite
    def _front_matter(draw: st.DrawFn) -> tuple[list[str], str]:
        """Front-matter lines in a random order with comments, and the slug the fix must produce."""
        day = draw(st.dates(dt.date(2000, 1, 2), dt.date(2099, 12, 30)))
        shift = draw(st.sampled_from([-1, 0, 1]))  # the slug's date is off by a day, or right
        base = "-".join(draw(st.lists(st.sampled_from(SLUG_WORDS), min_size=1, max_size=3, unique=True)))
        slug = f"{base}-{(day + dt.timedelta(days=shift)).isoformat()}"
        title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
        tags = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True))
        lines = {
            "title": f"title: {_quoted(title, draw(st.integers(0, 2)))}",
            "slug": f"slug: {_quoted(slug, draw(st.integers(0, 2)))}",
            "date": f"date: {day.isoformat()}{draw(st.sampled_from(TIMES))}",
            "showToc": f"showToc: {draw(st.sampled_from(['true', 'false']))}",
        }
        if draw(st.booleans()):
            lines["tags"] = "tags: [" + ", ".join(_quoted(t, draw(st.integers(0, 2))) for t in tags) + "]"
        else:
            lines["tags"] = "tags:\n" + "\n".join(f"  - {_quoted(t, draw(st.integers(0, 2)))}" for t in tags)
        if draw(st.booleans()):  # an idle suppression on a key line: the fix removes it
            key = draw(st.sampled_from(["title", "date", "showToc"]))
            lines[key] += f"  # postlint: ignore[{draw(st.sampled_from(['PL211', 'slug-date-mismatch']))}]"
        front: list[str] = []
        for key in draw(st.permutations(list(lines))):
            if draw(st.booleans()):
                front.append(draw(st.sampled_from(COMMENTS)))
            first, *rest = lines[key].split("\n")
            if "#" not in first and draw(st.integers(0, 3)) == 0:
                first += f"  {draw(st.sampled_from(COMMENTS))}"
            front.extend([first, *rest])
        if draw(st.booleans()):
            front.append(draw(st.sampled_from(COMMENTS)))
        return front, f"{base}-{day.isoformat()}"

    @st.composite
    def _body(draw: st.DrawFn) -> tuple[list[str], list[str]]:
        """Paragraphs, some with a zero-width space, some under a suppression; and the fixed body.

        A suppression over a paragraph with a zero-width space is used: both stay. Over a
        clean paragraph it is idle: the fix removes its whole line.
        """
        body: list[str] = []
        fixed: list[str] = []
        for _ in range(draw(st.integers(1, 3))):
            words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6))
            zwsp = draw(st.booleans())
            paragraph = (words[0] + ("\u200b" if zwsp else " ") + " ".join(words[1:])) + "।"
            if draw(st.booleans()):
                comment = f"<!-- postlint-disable-next-line {draw(st.sampled_from(['PL304', 'zero-width-space']))} -->"
                body.extend([comment, paragraph])
                fixed.extend([comment, paragraph] if zwsp else [paragraph])
            else:
                body.append(paragraph)
                fixed.append(paragraph.replace("\u200b", ""))
            body.append("")
            fixed.append("")
        return body, fixed

    @st.composite
    def generated_posts(draw: st.DrawFn) -> Generated:
        """A post with fixable defects: (text, newline, expected front-matter data, expected body)."""
        front, wanted_slug = draw(_front_matter())
        body, fixed_body = draw(_body())
        newline = draw(st.sampled_from(["\n", "\r\n"]))
        text = "\n".join(["---", *front, "---", "", *body])
        expected = yaml.safe_load("\n".join(front))
        expected["slug"] = wanted_slug
        expected_body = "\n".join(["", *fixed_body])
        return text.replace("\n", newline), newline, expected, expected_body.replace("\n", newline)

    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(generated=generated_posts())
    def test_fix_property_keeps_data_comments_and_is_idempotent(generated: Generated) -> None:
        text, newline, expected, expected_body = generated
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "postlint.toml").write_text("", encoding="utf-8")
            post = root / "post.md"
            post.write_bytes(text.encode("utf-8"))
            assert main(["check", "--fix", "--unsafe-fixes", "--quiet", str(post)]) == 0
            fixed = post.read_bytes().decode("utf-8")
            data, body = _split_post(fixed)
            assert data == expected
            assert body == expected_body
            assert "postlint: ignore" not in fixed  # every front-matter suppression was idle
            kept = fixed.split(newline)
            for comment in _COMMENT_LINE.findall(text.replace("\r\n", "\n")):
                assert comment in kept, f"the comment line {comment!r} was lost"
            for line in text.split(newline):
                _, _, tail = line.partition("  #")
                if tail and "postlint" not in tail:
                    assert any(k.endswith("  #" + tail) for k in kept), f"the comment on {line!r} was lost"
            assert fixed.count(newline) == fixed.count("\n") and fixed.count("\r") == fixed.count("\r\n")
            mtime = post.stat().st_mtime_ns
            assert main(["check", "--fix", "--unsafe-fixes", "--quiet", str(post)]) == 0
            assert post.read_bytes().decode("utf-8") == fixed
            assert post.stat().st_mtime_ns == mtime
            assert entries(root) == ["post.md", "postlint.toml"]

else:

    def test_fix_property_keeps_data_comments_and_is_idempotent() -> None:
        pytest.fail("hypothesis is not installed: add `hypothesis` to the `test` extra in pyproject.toml")
