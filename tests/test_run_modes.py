"""Cache, parallel checking, --statistics, the progress bar and `postlint init`."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from postlint.cache import FORMAT, RunKey, run_key
from postlint.cli import main
from postlint.config import load_config
from postlint.discover import discover
from postlint.engine import Engine

POST = """---
title: "ক্যাশ {n}"
slug: cache-{n}-2025-04-10
date: 2025-04-10
tags: [cache, {tag}]
showToc: {toc}
---

লেখা {n}।
"""


def tree(root: Path, count: int) -> Path:
    for n in range(count):
        toc = "yes" if n % 7 == 0 else "false"
        tag = "China" if n % 2 else "china"
        path = root / f"{n // 50:02d}" / f"post-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(POST.format(n=n, toc=toc, tag=tag), encoding="utf-8")
    return root


def findings_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", "--format", "json", *args])
    out: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return out


def test_same_findings_with_and_without_cache_serial_and_parallel(tmp_path: Path) -> None:
    root = tree(tmp_path / "site", 300)
    config = load_config([root])
    targets = discover([root], config.root, config.excludes)
    runs = []
    for jobs, threshold, cache in (
        (1, 10_000, None),
        (2, 1, None),
        (1, 10_000, tmp_path / "c"),
        (2, 1, tmp_path / "c"),
    ):
        engine = Engine(config.with_overrides(jobs=jobs, cache_dir=cache))
        engine.parallel_threshold = threshold
        runs.append(engine.run(targets))
    first = runs[0]
    assert first.findings  # showToc: yes, tag variants
    for other in runs[1:]:
        assert other.findings == first.findings
        assert other.source_lines == first.source_lines
    assert {f.code for f in first.findings} >= {"PL102", "PL223"}


def test_cross_file_findings_follow_fact_changes_through_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Corpus findings are remembered by the facts they came from: a body edit keeps them,
    a tag edit recomputes them, and every cached run equals an uncached one."""
    root = tmp_path / "site"
    for n, tag in ((1, "Travel"), (2, "travel"), (3, "food")):
        path = root / f"p{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(POST.format(n=n, toc="false", tag=tag), encoding="utf-8")
    cache = str(tmp_path / "cache")

    def both() -> list[dict[str, object]]:
        cached = findings_json(capsys, "--cache-dir", cache, str(root))
        assert cached == findings_json(capsys, "--no-cache", str(root))
        return cached

    def variants(found: list[dict[str, object]]) -> set[object]:
        return {f["path"] for f in found if f["code"] == "PL223"}

    assert len(variants(both())) == 2
    with (root / "p3.md").open("a", encoding="utf-8") as out:
        out.write("\nআরও লেখা।\n")  # the body only: the facts, and the remembered findings, stand
    assert len(variants(both())) == 2
    post2 = root / "p2.md"
    post2.write_text(post2.read_text(encoding="utf-8").replace("travel]", "sport]"), encoding="utf-8")
    assert variants(both()) == set()
    post2.write_text(post2.read_text(encoding="utf-8").replace("sport]", "TRAVEL]"), encoding="utf-8")
    assert len(variants(both())) == 2
    post1 = root / "p1.md"  # the first file checked afresh, the others from the cache
    post1.write_text(post1.read_text(encoding="utf-8").replace("Travel]", "FOOD]"), encoding="utf-8")
    assert len(variants(both())) == 2  # FOOD ~ food now; Travel is gone, TRAVEL alone


def test_cache_folder_is_tagged_ignored_and_reused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(tmp_path / "site", 5)
    cache = tmp_path / "cache"
    cold = findings_json(capsys, "--cache-dir", str(cache), str(root))
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    [stored] = list(cache.glob("*.json"))
    assert len(json.loads(stored.read_text())["files"]) == 5
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == cold
    # A file with the same size but new content is checked again.
    post = root / "00" / "post-1.md"
    post.write_text(post.read_text(encoding="utf-8").replace("showToc: false", "showToc: fals3"), encoding="utf-8")
    changed = findings_json(capsys, "--cache-dir", str(cache), str(root))
    assert any(str(f["path"]).endswith("post-1.md") and f["code"] == "PL102" for f in changed)


def test_markers_a_checkout_put_in_the_cache_folder_are_not_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "site", 2)
    cache = tmp_path / "cache"
    cache.mkdir()
    victim, kept = tmp_path / "outside" / "victim", tmp_path / "kept.txt"
    kept.write_text("mine\n")
    victim.parent.mkdir()
    (cache / "CACHEDIR.TAG").symlink_to(victim)  # dangling
    (cache / ".gitignore").symlink_to(kept)
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == findings_json(capsys, "--no-cache", str(root))
    assert list(cache.glob("*.json"))  # the cache was written...
    assert not victim.exists() and kept.read_text() == "mine\n"  # ...and nothing through the links


def test_a_checkout_that_resets_mtimes_still_hits_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree(tmp_path / "site", 4)
    config = load_config([root]).with_overrides(cache_dir=tmp_path / "cache")
    targets = discover([root], config.root, config.excludes)
    first = Engine(config).run(targets)
    for path in root.rglob("*.md"):
        os.utime(path, ns=(1, 1))  # same bytes, new times: matched by content hash
    checked: list[str] = []
    real = Engine.check_file

    def counting(self: Engine, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(target.display)
        return real(self, target, *args, **kwargs)

    monkeypatch.setattr(Engine, "check_file", counting)
    again = Engine(config).run(targets)
    assert checked == []
    assert again.findings == first.findings


def test_a_file_name_that_is_not_utf8_is_cached_and_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(tmp_path / "site", 2)
    odd = root / os.fsdecode(b"caf\xe9-\xff.md")  # Latin-1 and a stray byte: surrogate escapes
    odd.write_text(POST.format(n=9, toc="yes", tag="x"), encoding="utf-8")
    cache = str(tmp_path / "cache")
    uncached = findings_json(capsys, "--no-cache", str(root))
    assert r"caf\xe9-\xff.md" in {Path(str(f["path"])).name for f in uncached}
    assert findings_json(capsys, "--cache-dir", cache, str(root)) == uncached
    assert findings_json(capsys, "--cache-dir", cache, str(root)) == uncached  # from the cache


def test_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(tmp_path / "site", 3)
    cache = tmp_path / "cache"
    expected = findings_json(capsys, "--cache-dir", str(cache), str(root))
    [stored] = list(cache.glob("*.json"))
    for junk in (b"\x80garbage", b'{"format": 1, "files": {"x": [1]}}', b"[]", b"[" * 100_000 + b"]" * 100_000):
        stored.write_bytes(junk)
        assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == expected
        assert json.loads(stored.read_text())["format"] == FORMAT


def test_no_cache_writes_nothing_and_env_chooses_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTLINT_CACHE_DIR")
    root = tree(tmp_path / "site", 2)
    (root / "postlint.toml").write_text("")
    findings_json(capsys, "--no-cache", str(root))
    assert not (root / ".postlint_cache").exists()
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "env-cache"))
    findings_json(capsys, str(root))
    assert list((tmp_path / "env-cache").glob("*.json"))
    monkeypatch.delenv("POSTLINT_CACHE_DIR")
    findings_json(capsys, str(root))
    assert list((root / ".postlint_cache").glob("*.json"))


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(tmp_path / "site", 15)
    assert main(["check", "--no-cache", "--statistics", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Found 5 findings in 15 files."
    assert lines[0].split() == ["3", "PL102", "[*]", "schema-violation"]  # posts 0, 7 and 14
    assert lines[1].split()[1:3] == ["PL223", "tag-variants"] or lines[1].split()[1] == "PL223"


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from postlint import check_command

    updates: list[int] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(check_command, "PROGRESS_MIN_FILES", 3)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr", Terminal())
    with check_command.progress_bar(5) as tell:
        assert tell is not None
        for n in range(1, 6):
            tell(n)
            updates.append(n)
    monkeypatch.setenv("CI", "true")
    with check_command.progress_bar(5) as tell:
        assert tell is None
    monkeypatch.delenv("CI")
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with check_command.progress_bar(5) as tell:
        assert tell is None
    assert updates == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("sign", "preset"),
    [("hugo.toml", "hugo"), ("_posts/", "jekyll"), ("zola.toml", "zola"), ("mkdocs.yml", "docs"), (None, "blog")],
)
def test_init_chooses_a_preset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sign: str | None, preset: str
) -> None:
    if sign is not None:
        target = tmp_path / sign.rstrip("/")
        target.mkdir() if sign.endswith("/") else target.write_text("")
    assert main(["init", str(tmp_path)]) == 0
    written = (tmp_path / "postlint.toml").read_text()
    assert f'preset = "{preset}"' in written
    assert main(["check", "--no-cache", str(tmp_path)]) == 0  # the written config is valid
    assert main(["init", str(tmp_path)]) == 2  # never overwrites
    assert "exists already" in capsys.readouterr().err


def test_init_with_schema_copies_the_default(tmp_path: Path) -> None:
    assert main(["init", "--schema", str(tmp_path)]) == 0
    copy = json.loads((tmp_path / "schemas" / "post.schema.json").read_text())
    assert copy["required"] == ["title", "slug", "date", "tags", "showToc"]
    assert 'schema = "schemas/post.schema.json"' in (tmp_path / "postlint.toml").read_text()


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "site", 20)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n")
    expected = findings_json(capsys, "--no-cache", str(root))
    assert findings_json(capsys, "--cache-dir", str(blocked / "cache"), str(root)) == expected
    assert blocked.read_text() == "a file where the cache folder would go\n"


def test_an_interrupted_run_leaves_no_partial_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree(tmp_path / "site", 30)
    cache = tmp_path / "cache"
    config = load_config([root]).with_overrides(cache_dir=cache, jobs=1)
    targets = discover([root], config.root, config.excludes)
    Engine(config).run(targets)
    [stored] = list(cache.glob("*.json"))
    report = stored.with_suffix(".last")  # the last run's report
    before = stored.read_bytes(), report.read_bytes()
    for target in targets[::3]:
        with open(target.path, "a", encoding="utf-8") as out:
            out.write("\nআরও লেখা।\n")
    engine = Engine(config)
    checked = 0
    original = engine.read

    def interrupted(*args: object, **kwargs: object) -> object:
        nonlocal checked
        checked += 1
        if checked == 5:
            raise KeyboardInterrupt
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "read", interrupted)
    monkeypatch.setattr("postlint.engine.GROUP_FILES", 2)  # files are checked two at a time...
    monkeypatch.setattr("postlint.cache._ROWS_PER_WRITE", 2)  # ...and their rows were already being written out
    with pytest.raises(KeyboardInterrupt):
        engine.run(targets)
    assert sorted(p.name for p in cache.iterdir()) == sorted([".gitignore", "CACHEDIR.TAG", stored.name, report.name])
    assert (stored.read_bytes(), report.read_bytes()) == before


def test_edited_schema_files_are_seen_through_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The schema files findings came from (a configured schema's `$ref`'d part, a schema a
    post names itself) are checked like the posts: edit one, and the next cached run is
    the same as an uncached one."""
    root = tree(tmp_path / "site", 3)
    (root / "schemas" / "parts").mkdir(parents=True)
    part = root / "schemas" / "parts" / "post.json"
    part.write_text(json.dumps({"type": "object", "required": ["title"]}))
    (root / "schemas" / "post.json").write_text(json.dumps({"$ref": "parts/post.json"}))
    (root / "postlint.toml").write_text('schema = "schemas/post.json"\n')
    own = root / "own.md"
    own.write_text(POST.format(n=9, toc="false", tag="own").replace("showToc", "$schema: own.json\nshowToc"))
    cache = str(tmp_path / "cache")

    def codes() -> dict[str, set[object]]:
        cached = findings_json(capsys, "--cache-dir", cache, str(root))
        assert cached == findings_json(capsys, "--no-cache", str(root))
        found: dict[str, set[object]] = {}
        for f in cached:
            found.setdefault(Path(str(f["path"])).name, set()).add(f["code"])
        return found

    first = codes()
    assert "PL101" not in first.get("post-1.md", set())
    assert "PL104" in first["own.md"]  # own.json does not exist yet
    part.write_text(json.dumps({"type": "object", "required": ["title", "author"]}))
    assert "PL101" in codes()["post-1.md"]  # only the `$ref`'d file changed
    (root / "schemas" / "post.json").write_text(json.dumps({"type": "object"}))
    assert "PL101" not in codes().get("post-1.md", set())  # the configured schema itself changed
    (root / "own.json").write_text(json.dumps({"type": "object"}))
    assert "PL104" not in codes().get("own.md", set())
    (root / "own.json").write_text(json.dumps({"type": "object", "required": ["summary"]}))
    assert "PL101" in codes()["own.md"]


def test_a_cache_naming_a_device_as_a_schema_file_is_not_read_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache folder may come from a stranger's pull request: what it lists is not read blindly."""
    root = tree(tmp_path / "site", 2)
    cache = tmp_path / "cache"
    expected = findings_json(capsys, "--cache-dir", str(cache), str(root))
    [stored] = list(cache.glob("*.json"))
    raw = json.loads(stored.read_text())
    raw["depends"] = {"/dev/zero": "0" * 32}
    stored.write_text(json.dumps(raw))
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == expected  # ignored, not hung
    assert json.loads(stored.read_text())["depends"] == {}


@pytest.mark.parametrize(
    "facts",
    [
        '{"PL220": 5}',
        '{"PL223": [["a", [1, "x", 3, 4, 5, 6]]]}',
        '{"PL223": [["a", [1]]]}',
        '{"PL223": [["a", [1, 2.5, 3, 4, 5, 6]]]}',
        '{"PL223": [["a", [1, 2, 3, 4, 5, 123456789012345678901234]]]}',
        "{not json",
        '"text"',
        '{"PL223": [[' + "[" * 5000 + "]" * 5000 + ", [1, 1, 0, 1, 2, 1]]]}",  # nested deeper than Python recurses
    ],
)
def test_cached_facts_that_do_not_decode_mean_a_fresh_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], facts: str
) -> None:
    """Facts are decoded only when cross-file rules need them, long after the cache file was
    read: an edited row there still ends in the right findings, not a traceback."""
    root = tree(tmp_path / "site", 4)
    cache = tmp_path / "cache"
    expected = findings_json(capsys, "--cache-dir", str(cache), str(root))
    assert any(f["code"] == "PL223" for f in expected)  # the cross-file rules have findings to lose
    [stored] = list(cache.glob("*.json"))
    raw = json.loads(stored.read_text())
    first = sorted(raw["files"])[0]
    raw["files"][first][3] = facts
    raw["corpus"] = ["another fingerprint", []]  # the remembered findings cannot stand in
    stored.write_text(json.dumps(raw))
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == expected
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == expected


def test_a_worker_that_dies_costs_one_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker process killed mid-run (out of memory, a crash in native code) ends in a
    finding on the file it died on, and every other file's findings, not a traceback."""
    root = tree(tmp_path / "site", 120)
    doomed = root / "01" / "post-77.md"
    expected = findings_json(capsys, "--no-cache", "--jobs", "1", str(root))
    real = Engine.read

    def dies_on_one(self: Engine, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if target.path.endswith("post-77.md") and os.getpid() != parent:
            os._exit(70)  # the way a process killed by a signal leaves: no exception, no result
        return real(self, target, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(Engine, "read", dies_on_one)
    config = load_config([root]).with_overrides(jobs=2, cache_dir=None)
    engine = Engine(config, cache=False)
    engine.parallel_threshold = 1
    result = engine.run(discover([root], config.root, config.excludes))
    died = [f for f in result.findings if f.code == "PL904"]
    assert [f.path for f in died] == [str(doomed)]
    others = [f for f in expected if not str(f["path"]).endswith("post-77.md")]
    assert [(f.path, f.code, f.span.start.line) for f in result.findings if f.code != "PL904"] == [
        (f["path"], f["code"], f["start"]["line"])
        for f in others  # type: ignore[index]
    ]


def test_a_post_dated_near_today_is_checked_afresh_and_the_rest_kept_across_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only future-date looks at the clock, and only for dates near today: those posts are not
    cached, so the key need not change with the day (a cache stays warm overnight)."""
    import datetime as dt

    root = tree(tmp_path / "site", 2)
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()  # future in every time zone
    (root / "soon.md").write_text(POST.format(n=5, toc="false", tag="x").replace("2025-04-10", soon))
    cache = tmp_path / "cache"
    first = findings_json(capsys, "--cache-dir", str(cache), str(root))
    assert any(f["code"] == "PL204" and str(f["path"]).endswith("soon.md") for f in first)
    [stored] = list(cache.glob("*.json"))
    rows = json.loads(stored.read_text())["files"]
    assert sorted(Path(name).name for name in rows) == ["post-0.md", "post-1.md"]
    assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == first


def test_stale_cache_files_and_leftover_temporary_files_are_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "site", 2)
    cache = tmp_path / "cache"
    findings_json(capsys, "--cache-dir", str(cache), str(root))
    [current] = list(cache.glob("*.json"))
    weeks_ago = current.stat().st_mtime - 30 * 24 * 3600
    old, recent = cache / ("a" * 24 + ".json"), cache / ("b" * 24 + ".json")  # other configs' caches
    old_report = old.with_suffix(".last")  # and the last report kept beside one
    killed, running = cache / ".cache-killed", cache / ".cache-running"  # runs' temporary files
    mine = cache / "notes.json"  # not postlint's: never touched
    for path in (old, old_report, recent, killed, running, mine):
        path.write_text("{}")
    for path in (old, old_report, killed, mine):
        os.utime(path, (weeks_ago, weeks_ago))
    os.utime(current, (weeks_ago, weeks_ago))
    findings_json(capsys, "--cache-dir", str(cache), str(root))  # warm: marks its file used
    assert current.stat().st_mtime > weeks_ago
    (root / "00" / "post-0.md").write_text(POST.format(n=0, toc="false", tag="new"))
    findings_json(capsys, "--cache-dir", str(cache), str(root))  # writes, then prunes
    kept = [current.name, current.with_suffix(".last").name, recent.name, running.name, mine.name]
    assert sorted(p.name for p in cache.iterdir()) == sorted([".gitignore", "CACHEDIR.TAG", *kept])


def test_discovered_paths_are_shown_from_the_working_folder_however_the_walk_reaches_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk from above the working folder shows the files inside it relative to it, the
    others whole; each file's root-relative path is the same either way."""
    for name in ("site/content/a.md", "site/content/2024/b.md", "site/content/2024/05/c.md", "site/other/d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\ntitle: x\n---\n")
    monkeypatch.chdir(tmp_path / "site" / "content" / "2024")
    found = discover([tmp_path / "site"], tmp_path / "site", [])
    outside = str(tmp_path / "site").replace(os.sep, "/")
    assert [(t.display, t.relative) for t in found] == sorted(
        [
            (f"{outside}/content/a.md", "content/a.md"),
            ("b.md", "content/2024/b.md"),
            ("05/c.md", "content/2024/05/c.md"),
            (f"{outside}/other/d.md", "other/d.md"),
        ]
    )
    assert all(Path(t.path) == tmp_path / "site" / t.relative for t in found)


@pytest.mark.parametrize("pairs", [0, 1, 2047, 2048, 2049, 5000])
def test_a_fingerprint_given_in_pieces_is_the_hash_of_all_its_parts(pairs: int) -> None:
    """RunKey hashes its parts a few thousand at once: the key is the same as hashing them all."""
    parts = [f"posts/{n}.md\0{n:024x}" for n in range(pairs)]
    key = RunKey("first.md")
    for part in parts:
        name, facts = part.split("\0")
        key.add(name, facts)
    key.add()
    expected = run_key(["first.md", *(piece for part in parts for piece in part.split("\0"))])
    assert key.hexdigest() == expected
    assert key.hexdigest() == expected  # asking twice changes nothing


def _other_type(value: object) -> object:
    """A value of another JSON type than `value`."""
    return {str: 7, int: "7", bool: "yes", type(None): [1], list: {"x": 1}, dict: [], float: "7"}[type(value)]


def _leaves(value: object, at: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """The path to every value in a JSON tree, containers included."""
    yield at
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*at, key))


def _replaced(tree: object, at: tuple[object, ...], new: object) -> object:
    if not at:
        return new
    copy = dict(tree) if isinstance(tree, dict) else list(tree)  # type: ignore[call-overload]
    copy[at[0]] = _replaced(copy[at[0]], at[1:], new)
    return copy


@pytest.mark.parametrize("kept", ["json", "last"])
def test_a_cache_file_with_any_value_of_the_wrong_type_is_not_a_crash(
    kept: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every value of a cache file (one post's) or of the kept report, in turn, of another
    type: each run reports what an uncached run reports."""
    root = tmp_path / "site"
    root.mkdir()
    body = (  # findings and their line texts, a suppression used, one unused, one malformed
        "<!-- postlint-disable-next-line PL304 -->\nলেখা\u200b।\n\nআবার\u200b।\n\n"
        "<!-- postlint-disable-next-line PL412 -->\nশেষ।\n\n<!-- postlint-disable-next-line -->\n"
    )
    (root / "p.md").write_text(POST.format(n=1, toc="yes", tag="x") + body, encoding="utf-8")
    cache = tmp_path / "cache"
    expected = findings_json(capsys, "--no-cache", str(root))
    findings_json(capsys, "--cache-dir", str(cache), str(root))
    [stored] = cache.glob(f"*.{kept}")
    original = json.loads(stored.read_text(encoding="utf-8"))
    places = list(_leaves(original))[1:]
    assert len(places) > 60
    for at in places:
        value: object = original
        for step in at:
            value = value[step]  # type: ignore[index]
        stored.write_text(json.dumps(_replaced(original, at, _other_type(value))), encoding="utf-8")
        assert findings_json(capsys, "--cache-dir", str(cache), str(root)) == expected, at
        stored.write_text(json.dumps(original), encoding="utf-8")
