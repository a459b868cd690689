"""The last run's report (`postlint.last_run`): a run over the same, unchanged files shows it
again, reading neither a cache row nor a post; any change to what it came from means the
run is worked out again, and gives what an uncached run gives."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from postlint.cache import Cache
from postlint.cli import main
from postlint.engine import Engine

POST = """---
title: "শেষ রান {n}"
slug: {slug}
date: 2025-04-10
tags: [খবর, {tag}]
showToc: {toc}
---

লেখা {n}, একটি\u200b ভুল।
"""


def write_post(root: Path, n: int, *, slug: str | None = None, toc: str = "false", tag: str = "news") -> Path:
    path = root / f"{n // 3:02d}" / f"post-{n}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POST.format(n=n, slug=slug or f"last-{n}-2025-04-10", toc=toc, tag=tag), encoding="utf-8")
    return path


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "postlint.toml").write_text("")
    for n in range(7):
        write_post(root, n, toc="yes" if n == 2 else "false", tag="News" if n == 4 else "news")
    return root


class Reads:
    """Counts what a run reads: the cache file's rows, and posts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rows = 0
        self.posts = 0
        read_rows, read_post = Cache.read, Engine.read

        def rows(cache: Cache) -> None:
            self.rows += not cache._read  # read once a run, however often asked
            read_rows(cache)

        def post(engine: Engine, *args: object, **kwargs: object) -> object:
            self.posts += 1
            return read_post(engine, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Cache, "read", rows)
        monkeypatch.setattr(Engine, "read", post)

    def reset(self) -> tuple[int, int]:
        seen = self.rows, self.posts
        self.rows = self.posts = 0
        return seen


def report(capsys: pytest.CaptureFixture[str], *args: str, fmt: str = "json") -> str:
    main(["check", "--format", fmt, *args])
    return capsys.readouterr().out


def test_an_unchanged_tree_is_shown_its_last_report_without_reading_rows_or_posts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    reads = Reads(monkeypatch)
    for fmt in ("json", "text"):  # the text report shows each finding's line: those are kept too
        cache = str(tmp_path / f"cache-{fmt}")
        uncached = report(capsys, "--no-cache", str(root), fmt=fmt)
        cold = report(capsys, "--cache-dir", cache, str(root), fmt=fmt)
        assert reads.reset()[1] == 2 * 7
        assert report(capsys, "--cache-dir", cache, str(root), fmt=fmt) == cold == uncached
        assert reads.reset() == (0, 0)
    codes = {f["code"] for f in json.loads(report(capsys, "--no-cache", str(root)))}
    assert {"PL102", "PL223", "PL304"} <= codes  # a file's own findings, a corpus finding, a Unicode one


def _touch(root: Path) -> None:
    post = root / "00" / "post-1.md"
    info = post.stat()
    os.utime(post, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))


def _same_size_edit(root: Path) -> None:
    post = root / "00" / "post-1.md"
    post.write_text(post.read_text(encoding="utf-8").replace("showToc: false", "showToc: fals3"), encoding="utf-8")
    info = post.stat()
    os.utime(post, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))  # a coarse clock cannot hide it


def _new_post(root: Path) -> None:
    write_post(root, 7, slug="last-3-2025-04-10")  # the same slug as post 3: PL220 on both


def _post_removed(root: Path) -> None:
    (root / "01" / "post-4.md").unlink()  # the tag variant News goes with it


def _cache_file_removed(root: Path) -> None:
    [stored] = (root.parent / "cache").glob("*.json")
    stored.unlink()


def _report_corrupt(root: Path) -> None:
    [kept] = (root.parent / "cache").glob("*.last")
    kept.write_bytes(b'{"format": 6, "signature": [')


def _report_nested_deep(root: Path) -> None:
    [kept] = (root.parent / "cache").glob("*.last")
    kept.write_bytes(b"[" * 100_000 + b"]" * 100_000)  # past any JSON reader's depth


def _report_of_another_run(root: Path) -> None:
    main(["check", "--format", "json", "--cache-dir", str(root.parent / "cache"), str(root / "00" / "post-1.md")])


CHANGES: dict[str, tuple[Callable[[Path], None], int]] = {
    # what changes, and how many posts the next run reads
    "touched": (_touch, 0),  # same bytes: the rows answer (and a report is kept anew)
    "edited, same size": (_same_size_edit, 1),
    "a post added": (_new_post, 1),
    "a post removed": (_post_removed, 0),
    "the cache file removed": (_cache_file_removed, 7),
    "the report corrupt": (_report_corrupt, 0),
    "the report nested deep": (_report_nested_deep, 0),
    "another run's report kept since": (_report_of_another_run, 0),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_after_any_change_the_run_is_worked_out_again(
    change: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    cache = str(tmp_path / "cache")
    report(capsys, "--cache-dir", cache, str(root))
    make, posts_read = CHANGES[change]
    make(root)
    capsys.readouterr()
    reads = Reads(monkeypatch)
    again = report(capsys, "--cache-dir", cache, str(root))
    assert reads.reset() == (1, posts_read)  # the rows were read: the report was not used
    assert again == report(capsys, "--no-cache", str(root))
    reads.reset()
    assert report(capsys, "--cache-dir", cache, str(root)) == again
    assert reads.reset() == (0, 0)  # the new run's report


def test_a_post_named_alone_sees_the_rest_of_the_tree_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit run names a few posts; corpus rules still read the whole content root, so
    its report depends on every post there."""
    root = site(tmp_path)
    cache = str(tmp_path / "cache")
    named = str(root / "00" / "post-1.md")
    first = report(capsys, "--cache-dir", cache, named)
    reads = Reads(monkeypatch)
    assert report(capsys, "--cache-dir", cache, named) == first
    assert reads.reset() == (0, 0)
    write_post(root, 5, slug="last-1-2025-04-10")  # another post takes post 1's slug
    found = json.loads(report(capsys, "--cache-dir", cache, named))
    assert reads.reset() == (1, 1)
    assert [f["code"] for f in found if f["code"] == "PL220"] == ["PL220"]  # on the named post only
    assert found == json.loads(report(capsys, "--no-cache", named))


def test_a_run_with_a_post_dated_near_today_keeps_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    root = site(tmp_path)
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    post = write_post(root, 9)
    post.write_text(post.read_text(encoding="utf-8").replace("2025-04-10", soon), encoding="utf-8")
    cache = tmp_path / "cache"
    first = report(capsys, "--cache-dir", str(cache), str(root))
    assert not list(cache.glob("*.last"))
    reads = Reads(monkeypatch)
    assert report(capsys, "--cache-dir", str(cache), str(root)) == first
    assert reads.reset() == (1, 1)  # the rows, and the post whose findings depend on the day


def test_a_run_from_another_folder_shows_its_own_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    cache = str(tmp_path / "cache")
    monkeypatch.chdir(tmp_path)
    above = json.loads(report(capsys, "--cache-dir", cache, str(root)))
    monkeypatch.chdir(root)
    inside = json.loads(report(capsys, "--cache-dir", cache, str(root)))
    assert {f["path"] for f in above} == {f"site/{f['path']}" for f in inside}
    assert inside == json.loads(report(capsys, "--no-cache", str(root)))


def test_fixing_one_post_reads_the_rest_of_the_tree_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fix runs without the cache for the posts it fixes, but the rest of the content root's
    facts (for corpus rules) still come from the rows."""
    root = site(tmp_path)
    cache = str(tmp_path / "cache")
    report(capsys, "--cache-dir", cache, str(root))
    reads = Reads(monkeypatch)
    main(["check", "--diff", "--cache-dir", cache, str(root / "00" / "post-2.md")])
    assert "+showToc: true" in capsys.readouterr().out  # the diff of its `showToc: yes`
    assert reads.reset() == (1, 1)  # the rows, and the post being fixed
