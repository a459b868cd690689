"""Dates (PL201-PL204), slugs and paths (PL210-PL213), duplicate slugs (PL220), presets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.dates import parse_post_date
from postlint.post_dates import path_date

POST = """---
title: "তারিখ আর স্লাগ"
slug: {slug}
date: {date}
tags: [dates]
showToc: false
---

Text.
"""


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--format", "json", *args])
    out: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return out


def at(finding: dict[str, object]) -> tuple[object, int, int]:
    start = finding["start"]
    assert isinstance(start, dict)
    return finding["code"], start["line"], start["column"]


@pytest.mark.parametrize(
    ("text", "day", "has_time", "offset_hours"),
    [
        ("2025-04-10", dt.date(2025, 4, 10), False, None),
        ("2025-04-10T23:42:37.811140", dt.date(2025, 4, 10), True, None),
        ("2025-04-10T23:42:37Z", dt.date(2025, 4, 10), True, 0),
        ("2025-04-10T23:42:37+06:00", dt.date(2025, 4, 10), True, 6),
        ("2025-04-10T23:42:37+0600", dt.date(2025, 4, 10), True, 6),
        ("2009-12-25 10:41:06 +0000", dt.date(2009, 12, 25), True, 0),
        ("2013-11-22 5:00:00 +0000", dt.date(2013, 11, 22), True, 0),
        ("2015-02-24 14:00", dt.date(2015, 2, 24), True, None),
        ("2020/12/21", dt.date(2020, 12, 21), False, None),
        ("2015-06-25T00:00:00-07:00", dt.date(2015, 6, 25), True, -7),
    ],
)
def test_date_formats_real_sites_write(text: str, day: dt.date, has_time: bool, offset_hours: int | None) -> None:
    parsed = parse_post_date(text)
    assert parsed is not None
    assert parsed.date == day
    assert (parsed.time is not None) == has_time
    expected = None if offset_hours is None else dt.timedelta(hours=offset_hours)
    assert parsed.offset == expected


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "10/04/2025", "April 10", "2025-04-10T25:00", ""])
def test_not_dates(text: str) -> None:
    assert parse_post_date(text) is None


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("_posts/2025-04-10-hello.md", dt.date(2025, 4, 10)),
        ("content/2025-04-10-hello/index.md", dt.date(2025, 4, 10)),
        ("content/2025/04/10/hello.md", dt.date(2025, 4, 10)),
        ("content/posts/hello.md", None),
        ("content/2025/04/hello.md", None),
        ("_posts/2025-02-30-bad.md", None),
    ],
)
def test_dates_in_paths(path: str, day: dt.date | None) -> None:
    assert path_date(path) == day


def test_slug_date_is_the_day_as_written_in_its_own_offset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 01:30 at +06:00 on the 11th is the 10th in UTC: the slug must say the 11th.
    write(tmp_path, "ok.md", POST.format(slug="late-night-2025-04-11", date="2025-04-11T01:30:00+06:00"))
    write(tmp_path, "utc.md", POST.format(slug="late-night-utc-2025-04-10", date="2025-04-11T01:30:00+06:00"))
    found = [at(f) for f in findings(capsys, str(tmp_path)) if f["code"] == "PL211"]
    assert found == [("PL211", 3, 22)]


def test_slug_date_mismatch_message_and_unsafe_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path, "p.md", POST.format(slug='"wechat-2025-04-09"', date="2025-04-10T23:42:37.811140"))
    [finding] = [f for f in findings(capsys, str(post)) if f["code"] == "PL211"]
    assert (
        finding["message"]
        == "the slug ends in 2025-04-09 but the post is dated 2025-04-10 (`date` 2025-04-10T23:42:37.811140)"
    )
    assert at(finding) == ("PL211", 3, 15)
    assert finding["fixable"] is True
    from postlint.api import check

    [result] = [f for f in check([post]).findings if f.code == "PL211"]
    assert result.fix is not None and result.fix.safe is False
    [edit] = result.fix.edits
    text = post.read_text("utf-8")
    assert text[edit.start : edit.end] == "2025-04-09"
    assert edit.replacement == "2025-04-10"


def test_no_date_in_slug_or_no_date_at_all_is_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", POST.format(slug="no-date-here", date="2025-04-10"))
    assert [f for f in findings(capsys, str(tmp_path)) if f["code"] in ("PL211", "PL212")] == []


def test_path_date_counts_when_front_matter_has_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = POST.format(slug="hello-2025-04-09", date="x").replace("date: x\n", "")
    write(tmp_path, "_posts/2025-04-10-hello.md", text)
    [finding] = [f for f in findings(capsys, "--preset", "jekyll", str(tmp_path)) if f["code"] == "PL211"]
    assert str(finding["message"]).endswith("_posts/2025-04-10-hello.md)")


def test_path_date_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "2025/04/10/post.md", POST.format(slug="post-2025-04-12", date="2025-04-12"))
    found = [at(f) for f in findings(capsys, str(tmp_path)) if f["code"] == "PL212"]
    assert found == [("PL212", 4, 7)]


def test_invalid_date_on_keys_the_schema_does_not_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = POST.format(slug="s-2025-02-28", date="2025-02-28").replace("showToc", "publishDate: 2025-02-30\nshowToc")
    write(tmp_path, "a.md", text)
    write(tmp_path, "b.md", POST.format(slug="s-2025-02-30", date="2025-02-30"))
    found = sorted(at(f) for f in findings(capsys, str(tmp_path)) if f["code"] in ("PL201", "PL102"))
    # b.md's `date` is the schema's (PL102), a.md's `publishDate` is PL201's: one report each.
    assert found == [("PL102", 4, 7), ("PL201", 6, 14)]


def test_date_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = POST.format(slug="s-2025-04-10", date="2025-04-10T10:00:00+06:00")
    text = text.replace("showToc", "lastmod: 2025-04-10T03:00:00Z\nexpiryDate: 2025-04-10\nshowToc")
    write(tmp_path, "a.md", text)
    found = sorted(at(f) for f in findings(capsys, str(tmp_path)) if f["code"] == "PL202")
    # lastmod 03:00Z is 09:00+06:00, before 10:00+06:00; expiryDate on the same day is not after it.
    assert found == [("PL202", 6, 10), ("PL202", 7, 13)]


def test_offsetless_date_time_is_info_unless_a_timezone_is_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.md", POST.format(slug="s-2025-04-10", date="2025-04-10T23:42:37"))
    [finding] = [f for f in findings(capsys, str(tmp_path)) if f["code"] == "PL203"]
    assert finding["severity"] == "info"
    (tmp_path / "postlint.toml").write_text('timezone = "Asia/Dhaka"\n')
    assert [f for f in findings(capsys, str(tmp_path)) if f["code"] == "PL203"] == []


def test_unknown_timezone_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "postlint.toml").write_text('timezone = "Asia/Dacca_Nope"\n')
    write(tmp_path, "a.md", POST.format(slug="s-2025-04-10", date="2025-04-10"))
    assert main(["check", str(tmp_path)]) == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_future_date_is_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", POST.format(slug="s-2999-01-01", date="2999-01-01"))
    [finding] = [f for f in findings(capsys, str(tmp_path)) if f["code"] == "PL204"]
    assert finding["severity"] == "info"
    assert main(["check", "-q", str(tmp_path)]) == 0  # info never fails a run


@pytest.mark.parametrize(
    ("slug", "fires"),
    [
        ("hello-world-2025-04-10", False),
        ("Hello-World", True),
        ("hello_world", True),
        ("hello--world", True),
        ("-x", True),
    ],
)
def test_slug_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str, fires: bool) -> None:
    write(tmp_path, "a.md", POST.format(slug=slug, date="2025-04-10"))
    assert any(f["code"] == "PL210" for f in findings(capsys, str(tmp_path))) == fires


def test_unicode_slugs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "postlint.toml").write_text("[rules.slug-format]\nunicode = true\nmax-length = 100\n")
    write(tmp_path, "ok.md", POST.format(slug="বাংলা-লেখা", date="2025-04-10"))
    write(tmp_path, "cut.md", POST.format(slug="বাংল-া-লেখা", date="2025-04-10"))  # hyphen before a vowel sign
    write(tmp_path, "virama.md", POST.format(slug="উদ্-যাপন", date="2025-04-10"))  # hyphen after a virama
    write(tmp_path, "long.md", POST.format(slug="বাংলা-" * 4 + "লেখা", date="2025-04-10"))  # 23 chars, 200+ encoded
    found = {f["path"]: f["message"] for f in findings(capsys, str(tmp_path)) if f["code"] == "PL210"}
    assert sorted(Path(str(p)).name for p in found) == ["cut.md", "long.md", "virama.md"]
    assert "percent-encoded" in str(next(m for p, m in found.items() if str(p).endswith("long.md")))


def test_slug_filename_is_opt_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "2025-04-10-hello.md", POST.format(slug="hello", date="2025-04-10"))
    write(tmp_path, "other.md", POST.format(slug="something-else", date="2025-04-10"))
    assert [f for f in findings(capsys, str(tmp_path)) if f["code"] == "PL213"] == []
    found = [f["path"] for f in findings(capsys, "--extend-select", "PL213", str(tmp_path)) if f["code"] == "PL213"]
    assert [Path(str(p)).name for p in found] == ["other.md"]


def test_duplicate_slugs_after_nfc_and_case_folding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", POST.format(slug="same-2025-04-10", date="2025-04-10"))
    write(tmp_path, "b.md", POST.format(slug="Same-2025-04-10", date="2025-04-10"))
    bangla = "\u09ac\u09be\u0982\u09b2\u09be"
    write(tmp_path, "c.md", POST.format(slug=bangla + "\u09df-2025-04-10", date="2025-04-10"))  # YYA, one code point
    write(tmp_path, "d.md", POST.format(slug=bangla + "\u09af\u09bc-2025-04-10", date="2025-04-10"))  # YA + NUKTA
    found = sorted(
        (Path(str(f["path"])).name, f["message"]) for f in findings(capsys, str(tmp_path)) if f["code"] == "PL220"
    )
    assert [name for name, _ in found] == ["a.md", "b.md", "c.md", "d.md"]
    assert "`Same-2025-04-10` in " in str(found[0][1]) and "b.md:3" in str(found[0][1])


def test_duplicate_slug_found_when_only_one_file_is_passed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "postlint.toml").write_text("")
    a = write(tmp_path, "content/a.md", POST.format(slug="same-2025-04-10", date="2025-04-10"))
    write(tmp_path, "content/deep/b.md", POST.format(slug="same-2025-04-10", date="2025-04-10"))
    found = [f for f in findings(capsys, str(a)) if f["code"] == "PL220"]
    assert len(found) == 1
    assert str(found[0]["path"]).endswith("content/a.md")
    assert "content/deep/b.md:3" in str(found[0]["message"])


def test_presets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hugo = "---\nTitle: Install\nslug: install_guide\nDraft: yes\n---\n\nText.\n"
    write(tmp_path, "docs/install.md", hugo)
    by_preset = {}
    for preset in ("blog", "hugo", "docs"):
        by_preset[preset] = sorted(str(f["code"]) for f in findings(capsys, "--preset", preset, str(tmp_path)))
    assert by_preset["blog"].count("PL101") == 4  # title (as Title), date, tags, showToc
    # Hugo: keys are case-insensitive, underscores are fine; `Draft: yes` is still not a boolean.
    assert "PL101" not in by_preset["hugo"] and "PL210" not in by_preset["hugo"]
    assert "PL102" in by_preset["hugo"]
    assert by_preset["docs"].count("PL101") == 1  # only the title


def test_unknown_preset_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", POST.format(slug="s", date="2025-04-10"))
    assert main(["check", "--preset", "hgo", str(tmp_path)]) == 2
    assert "did you mean 'hugo'" in capsys.readouterr().err


def test_zola_preset_allows_blank_lines_before_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", '\n+++\ntitle = "x"\ndate = 2025-04-10T10:00:00+06:00\n+++\n\nText.\n')
    assert [f["code"] for f in findings(capsys, "--preset", "zola", str(tmp_path))] == []
    assert "PL017" in [f["code"] for f in findings(capsys, "--preset", "hugo", str(tmp_path))]
