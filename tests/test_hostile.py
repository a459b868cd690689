"""The hostile-input catalogue: every kind of bad file ends in a finding (or a clear
one-line exit-2 message), within a stated time and memory bound, and the run goes on.

Every case builds a small project in a temporary folder: a `postlint.toml`, the
hostile file(s), `clean.md` (a sound post: it must get no finding) and `canary.md`
(a sound post with one deliberate defect, no final newline: its PL402 must be
reported, which proves the run went on past the hostile file). The real CLI runs on
it, `postlint check --format json`, and the test asserts: no traceback; the exit
code (1, or 2 with a one-line `postlint: error:` message); the JSON report parses;
the expected codes on the hostile file; the canary's PL402; nothing on `clean.md`;
no PL901 (a rule crashed); and the bounds below.

Small cases run in process through `postlint.cli.main(argv)`; cases that could
hang or take memory run `python -m postlint` in a subprocess in its own process
group, killed at the time bound. Their peak RSS is `getrusage(RUSAGE_CHILDREN)`
read by a small launcher process around that one subprocess (see `_LAUNCHER`).

| kind | run | time bound | peak RSS bound | measured |
|---|---|---|---|---|
| bad encodings: invalid UTF-8, UTF-16/32 with and without BOM, binary, NUL, empty | main() | 5 s | - | < 0.1 s |
| small YAML tricks: unsafe tags, `<<` merges, self anchors, surrogates, NaN, tabs | main() | 5 s | - | < 0.1 s |
| line endings (CRLF, lone CR), fences at end of file | main() | 5 s | - | < 0.1 s |
| `$schema` outside the root / URL / missing / not JSON / invalid / `$ref` out | main() | 5 s | - | < 0.3 s |
| symlink loops, broken links, a folder named `x.md`, deep folders, a path under a file | main() | 5 s | - | < 0.1 s |
| 50 MB single line, default 10 MB limit (PL007, never read) | subprocess | 10 s | 100 MB | 0.3 s, 37 MB |
| 50 MB single line (ASCII, Bengali), limit raised to 64 MiB | subprocess | 30 s | 600 MB | 1.4-2.9 s, 137-151 MB |
| 100,000 small lines: clean / each with a finding | subprocess | 20 s | 500 MB | 0.3 s, 43 MB / 5.0 s, 194 MB |
| alias bombs, merge bombs, 200,000 keys, 1 MB keys | subprocess | 10 s | 250 MB | < 0.7 s, < 75 MB |
| 10,000-deep nesting: YAML flow/block, JSON, TOML (small files) | subprocess | 10 s | 250 MB | < 0.4 s, 38 MB |
| 10,000-deep indented YAML block mapping (50 MB, limit raised) | subprocess | 30 s | 600 MB | 1.5 s, 180 MB |
| symlink to /dev/zero, a FIFO, unusable schemas (walked and named) | subprocess | 10 s | 250 MB | < 0.3 s, 37 MB |
| regex bombs: 200 kB runs that make a backtracking pattern quadratic | subprocess | 10 s | 250 MB | killed at 10 s |
| a 1 MB single line with a finding every 30 characters | subprocess | 15 s | 400 MB | killed at 15 s |
| `--fix` on 40,000 fixable lines (120 kB; checking them takes 1 s) | subprocess | 20 s | 400 MB | 69 s |

Measured on the development machine (2 cores) before the fixes this catalogue asks
for. Failing when written, each a bug to fix rather than a bound to loosen: deep TOML
(RecursionError), a named symlink loop (RuntimeError in the config search), a named
symlink to /dev/zero (the config search follows it to `/`, so the content root
becomes `/`), folders nested 1,200 deep (RecursionError in discovery), a folder
symlinked under a second name (PL220 reports a post as its own duplicate), the regex
bombs and the dense long line (quadratic scans), and `--fix` with many fixes
(quadratic overlap test in `fix.apply_fixes`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from postlint.cli import main
from postlint.config import load_config
from postlint.discover import Target, discover
from postlint.engine import Engine

IN_PROCESS_SECONDS = 5.0
MB = 1024 * 1024


def post(slug: str, extra: str = "", body: str = "Text.\n") -> str:
    """A sound post with its own slug; `extra` adds front-matter lines."""
    return (
        f"---\ntitle: Hello\nslug: {slug}-2025-04-10\ndate: 2025-04-10\ntags: [news]\nshowToc: false\n"
        f"{extra}---\n\n{body}"
    )


CLEAN = post("clean")
CANARY = post("canary", body="The canary has no final newline.")
CANARY_CODE = "PL402"


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


NO_CACHE = ["--no-cache"]


# -- running the CLI --------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float | None = None
    timed_out: bool = False


def run_in_process(proj: Path, args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> Run:
    """`postlint check --format json --strict ARGS` through main(), in `proj`."""
    previous = Path.cwd()
    os.chdir(proj)
    capsys.readouterr()
    start = time.perf_counter()
    try:
        code = main(["check", "--format", "json", "--strict", *NO_CACHE, *args])
    except BaseException as exc:
        raise AssertionError(f"an exception escaped main(): {type(exc).__name__}: {exc}") from exc
    finally:
        os.chdir(previous)
    seconds = time.perf_counter() - start
    out, err = capsys.readouterr()
    return Run(code, out, err, seconds)


_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(f'{code} {peak}')\n"
)
"""Runs the command and writes its exit code and peak RSS (KiB). A fresh, small process
measures it: a child's ru_maxrss starts from the RSS of the process that forked it, so
measured from the test process it would include the test process's own memory."""


def run_bounded(argv: Sequence[str], cwd: Path, seconds: float) -> Run:
    """Run `argv` under the launcher; kill the whole process group at `seconds`."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report"
        out_path, err_path = Path(scratch) / "out", Path(scratch) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-I", "-c", _LAUNCHER, str(report), *argv],
                cwd=cwd,
                stdout=out,
                stderr=err,
                env=env,
                start_new_session=True,
            )
            try:
                process.wait(timeout=seconds)
                timed_out = False
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                timed_out = True
            elapsed = time.perf_counter() - start
        code, peak = -9, None
        if report.exists():
            code_text, peak_text = report.read_text().split()
            code, peak = int(code_text), int(peak_text) / 1024
        return Run(
            code,
            out_path.read_text("utf-8", "replace"),
            err_path.read_text("utf-8", "replace"),
            elapsed,
            peak,
            timed_out,
        )


def run_subprocess(proj: Path, args: Sequence[str], seconds: float) -> Run:
    argv = [sys.executable, "-m", "postlint", "check", "--format", "json", "--strict", *NO_CACHE, *args]
    return run_bounded(argv, proj, seconds)


# -- the catalogue ----------------------------------------------------------------------

Builder = Callable[[Path], Sequence[str] | None]
"""Writes the hostile files into the project; returns the paths to name (None: check `.`)."""


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    expect: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Display path -> codes that must be among its findings (`PL014|PL016`: either)."""
    seconds: float = IN_PROCESS_SECONDS
    megabytes: int | None = None
    """Set: run in a subprocess and bound its peak RSS."""
    config: str = ""
    exit2: str | None = None
    """Set: the run must stop with exit 2 and this text in its one-line message."""
    clean: tuple[str, ...] = ()
    """Hostile-looking but legal files that must get no finding at all."""
    fix: bool = False
    """Run `check --fix`: the canary must then be fixed on disk instead of reported."""


def file_name(keyword: str) -> str:
    """`x_md__inner_md` -> `x.md/inner.md`: `__` is a `/`, a trailing `_md` is `.md`."""
    parts = keyword.split("__")
    return "/".join(part[:-3] + ".md" if part.endswith("_md") else part for part in parts)


def expect(**by_file: str) -> dict[str, frozenset[str]]:
    """`expect(x_md="PL002 PL004")` -> {"x.md": {"PL002", "PL004"}}."""
    return {file_name(name): frozenset(codes.split()) for name, codes in by_file.items()}


def files(**contents: str | bytes) -> Builder:
    def build(proj: Path) -> None:
        for name, content in contents.items():
            write(proj, file_name(name), content)

    return build


def _bytes_post(slug: str, extra: bytes = b"", body: bytes = b"Text.\n") -> bytes:
    return post(slug).replace("---\n\nText.\n", "").encode() + extra + b"---\n\n" + body


BOMB_9x9 = (
    '---\ntitle: Hello\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    + "---\n\nText.\n"
)
BOMB_WIDE = (
    "---\ntitle: Hello\na: &a [" + ",".join(["x"] * 1000) + "]\nb: [" + ",".join(["*a"] * 1000) + "]\n---\n\nText.\n"
)
MERGE_BOMB = (
    "---\ntitle: Hello\nm0: &m0 {"
    + ", ".join(f"k{i}: v" for i in range(10))
    + "}\n"
    + "".join(f"m{j + 1}: &m{j + 1} {{<<: [{', '.join([f'*m{j}'] * 10)}], own{j}: 1}}\n" for j in range(8))
    + "---\n\nText.\n"
)
SENTINEL = "SENTINEL-created-by-yaml"
UNSAFE_TAGS = (
    f'a: !!python/object/apply:os.system ["touch {SENTINEL}"]\n'
    f'b: !!python/object/apply:builtins.open ["{SENTINEL}", "w"]\n'
    f"c: !!python/object/new:subprocess.Popen [[touch, {SENTINEL}]]\n"
    "d: !!python/name:os.system\n"
    "e: !!python/module:os\n"
    "f: !<tag:yaml.org,2002:python/tuple> [1, 2]\n"
    "g: !custom {x: 1}\n"
    "h: !!js/function 'function () {}'\n"
)


def _with_limit(limit: int) -> str:
    return f"[rules.file-too-large]\nmax-bytes = {limit}\n"


RAISED = _with_limit(64 * MB)


def _big_line(proj: Path, name: str, unit: str, size: int) -> None:
    with (proj / name).open("w", encoding="utf-8") as out:
        out.write(post(name.removesuffix(".md"), body=""))
        chunk = unit * (MB // len(unit.encode()))
        written = 0
        while written < size:
            out.write(chunk)
            written += len(chunk.encode())


def line_50mb(unit: str) -> Builder:
    def build(proj: Path) -> None:
        _big_line(proj, "big.md", unit, 50 * MB)  # no final newline: PL402 shows the end was read

    return build


def lines(count: int, line: str) -> Builder:
    def build(proj: Path) -> None:
        write(proj, "lines.md", post("lines", body=line * count + "end, with no final newline"))

    return build


def deep_block_mapping(proj: Path) -> None:
    with (proj / "deep.md").open("w", encoding="utf-8") as out:
        out.write("---\ntitle: Hello\n")
        for depth in range(10_000):
            out.write(" " * depth + "k:\n")
        out.write("---\n\nText.\n")


# $schema -------------------------------------------------------------------------------


def schema_outside(proj: Path) -> None:
    outside = proj.parent / "outside"
    outside.mkdir()
    write(outside, "s.json", '{"type": "object", "required": ["zzz"]}')
    (proj / "linked.json").symlink_to(outside / "s.json")
    write(proj, "relative.md", post("relative", "$schema: ../outside/s.json\n"))
    write(proj, "absolute.md", post("absolute", f"$schema: {outside / 's.json'}\n"))
    write(proj, "symlinked.md", post("symlinked", "$schema: linked.json\n"))
    write(proj, "etc.md", post("etc", "$schema: /etc/passwd\n"))


def schema_unusable(proj: Path) -> None:
    write(proj, "schemas/not.json", "this is not JSON {")
    write(proj, "schemas/invalid.json", '{"type": 5, "required": "title"}')
    write(proj, "schemas/ref-url.json", '{"$ref": "https://example.com/post.schema.json"}')
    write(proj, "schemas/ref-out.json", '{"$ref": "file:///etc/passwd"}')
    write(proj, "schemas/ref-up.json", '{"$ref": "../../outside.json"}')
    os.mkfifo(proj / "schemas" / "fifo.json")
    write(proj, "url.md", post("url", "$schema: https://example.com/post.schema.json\n"))
    write(proj, "file-url.md", post("file-url", "$schema: file:///etc/passwd\n"))
    write(proj, "missing.md", post("missing", "$schema: schemas/missing.json\n"))
    write(proj, "not-json.md", post("not-json", "$schema: schemas/not.json\n"))
    write(proj, "invalid.md", post("invalid", "$schema: schemas/invalid.json\n"))
    write(proj, "ref-url.md", post("ref-url", "$schema: schemas/ref-url.json\n"))
    write(proj, "ref-out.md", post("ref-out", "$schema: schemas/ref-out.json\n"))
    write(proj, "ref-up.md", post("ref-up", "$schema: schemas/ref-up.json\n"))
    write(proj, "fifo.md", post("fifo", "$schema: schemas/fifo.json\n"))
    write(proj, "folder.md", post("folder", "$schema: schemas\n"))
    write(proj, "zero.md", post("zero", "$schema: /dev/zero\n"))


# the file system ------------------------------------------------------------------------


def dir_loops(proj: Path) -> None:
    write(proj, "d/inner.md", post("inner", body="No final newline."))
    (proj / "d" / "self").symlink_to(".")
    (proj / "d" / "up").symlink_to("..")
    (proj / "d" / "deeper").mkdir()
    (proj / "d" / "deeper" / "back").symlink_to("../..")


def file_loop(proj: Path) -> None:
    (proj / "a.md").symlink_to("b.md")
    (proj / "b.md").symlink_to("a.md")


def file_loop_named(proj: Path) -> list[str]:
    file_loop(proj)
    return ["a.md", "clean.md", "canary.md"]


def broken_link(proj: Path) -> list[str]:
    (proj / "broken.md").symlink_to("nowhere.md")
    return ["broken.md", "clean.md", "canary.md"]


NOT_UTF8_NAME = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes: a surrogate escape in Python's str


def names_not_utf8(proj: Path) -> None:
    write(proj, NOT_UTF8_NAME, _bytes_post("cafe", body=b"Text \xff here.\n"))
    write(proj, os.fsdecode(b"f\xf6lder") + "/inner.md", post("inner"))


def dev_zero(proj: Path) -> None:
    (proj / "zero.md").symlink_to("/dev/zero")


def dev_zero_named(proj: Path) -> list[str]:
    dev_zero(proj)
    return ["zero.md", "clean.md", "canary.md"]


def fifo(proj: Path) -> None:
    os.mkfifo(proj / "fifo.md")


def fifo_named(proj: Path) -> list[str]:
    fifo(proj)
    return ["fifo.md", "clean.md", "canary.md"]


def dir_named_md(proj: Path) -> None:
    write(proj, "x.md/inner.md", post("inner", body="No final newline."))


def dir_named_md_named(proj: Path) -> list[str]:
    dir_named_md(proj)
    return ["x.md", "clean.md", "canary.md"]


def under_a_file(proj: Path) -> list[str]:
    return ["clean.md/x.md", "canary.md"]


DEEP_FOLDERS = 1200


def deep_folders(proj: Path) -> None:
    """Folders nested deeper than Python's recursion limit (`a/a/.../a/deep.md`, 2.4 kB of path)."""
    fd = os.open(proj, os.O_RDONLY)
    try:
        for _ in range(DEEP_FOLDERS):
            os.mkdir("a", dir_fd=fd)
            inner = os.open("a", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as out:
            out.write(post("deep", body="No final newline."))
    finally:
        os.close(fd)


def remove_deep_folders(proj: Path) -> None:
    """Take the chain down one level at a time (shutil.rmtree recurses, and so would fail)."""
    top = proj / "a"
    while top.exists():
        for child in top.iterdir():
            if child.name != "a":
                child.unlink()
        if (top / "a").exists():
            os.rename(top / "a", proj / "a-next")
            top.rmdir()
            os.rename(proj / "a-next", top)
        else:
            top.rmdir()


def folder_alias(proj: Path) -> list[str]:
    write(proj, "posts/one.md", post("one"))
    (proj / "alias").symlink_to("posts")
    return ["posts/one.md", "clean.md", "canary.md"]


# regex bombs: each a run that a backtracking pattern scans again from every start ------

REGEX_BOMB_SIZE = 200_000
TRAILING_HINT = "A line that ends in a space \n\n"  # turns the trailing-whitespace scan on


def regex_bomb(body: str, extra: str = "") -> Builder:
    return files(bomb_md=post("bomb", extra, TRAILING_HINT + body + "\n"))


def dense_findings_line(proj: Path) -> None:
    unit = "আমরা বাংলায় লিখি।\u200b abc "
    write(proj, "dense.md", post("dense", body=unit * (MB // len(unit.encode())) + "\n"))


CASES = [
    # encodings
    Case("invalid-utf8-front-matter", files(bad_md=_bytes_post("bad", b"author: caf\xe9\n")), expect(bad_md="PL002")),
    Case("invalid-utf8-body", files(bad_md=_bytes_post("bad", body=b"Text \xff\xfe here.\n")), expect(bad_md="PL002")),
    Case(
        "invalid-utf8-encoded-surrogate",
        files(bad_md=_bytes_post("bad", body=b"\xed\xa0\xbd\xed\xb8\x80\n")),
        expect(bad_md="PL002"),
    ),
    Case("invalid-utf8-overlong", files(bad_md=_bytes_post("bad", body=b"\xc0\xaf\n")), expect(bad_md="PL002")),
    Case("invalid-utf8-truncated-at-eof", files(bad_md=_bytes_post("bad", body=b"\xe0\xa6")), expect(bad_md="PL002")),
    Case("utf16-le-bom", files(w_md=b"\xff\xfe" + post("w").encode("utf-16-le")), expect(w_md="PL003")),
    Case("utf16-be-bom", files(w_md=b"\xfe\xff" + post("w").encode("utf-16-be")), expect(w_md="PL003")),
    Case("utf16-le-no-bom", files(w_md=post("w").encode("utf-16-le")), expect(w_md="PL003")),
    Case("utf16-be-no-bom", files(w_md=post("w").encode("utf-16-be")), expect(w_md="PL003")),
    Case(
        "utf16-le-no-bom-bengali",
        files(w_md=post("w", body="আমরা বাংলায় লিখি।\n").encode("utf-16-le")),
        expect(w_md="PL003"),
    ),
    Case("utf32-le-bom", files(w_md=b"\xff\xfe\x00\x00" + post("w").encode("utf-32-le")), expect(w_md="PL003")),
    Case(
        "binary-named-md",
        files(img_md=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64),
        expect(img_md="PL004"),
    ),
    Case("binary-without-nul", files(img_md=bytes(range(128, 256)) * 64), expect(img_md="PL002")),
    Case("nul-in-front-matter", files(n_md=_bytes_post("n", b"author: a\x00b\n")), expect(n_md="PL004")),
    Case("nul-in-body", files(n_md=_bytes_post("n", body=b"Text\x00.\n")), expect(n_md="PL004")),
    Case("empty-file", files(e_md=b""), expect(e_md="PL006")),
    Case("utf8-bom", files(b_md=b"\xef\xbb\xbf" + post("b").encode()), expect(b_md="PL005")),
    # size
    Case("line-50mb-over-default-limit", line_50mb("a"), expect(big_md="PL007"), 10, 100),
    Case("line-50mb-ascii-limit-raised", line_50mb("a"), expect(big_md="PL402"), 30, 600, RAISED),
    Case("line-50mb-bengali-limit-raised", line_50mb("আমরা বাংলায় লিখি। "), expect(big_md="PL402"), 30, 600, RAISED),
    Case("lines-100k", lines(100_000, "a short line of text\n"), expect(lines_md="PL402"), 20, 500),
    Case(
        "lines-100k-each-a-finding",
        lines(100_000, "a line with a trailing space \n"),
        expect(lines_md="PL403"),
        20,
        500,
    ),
    # YAML resource limits
    Case("alias-bomb-9x9", files(bomb_md=BOMB_9x9), expect(bomb_md="PL016"), 10, 250),
    Case("alias-bomb-wide", files(bomb_md=BOMB_WIDE), expect(bomb_md="PL016"), 10, 250),
    Case("merge-key-bomb", files(bomb_md=MERGE_BOMB), expect(bomb_md="PL016"), 10, 250),
    Case(
        "deep-flow-sequence-10000",
        files(deep_md=post("deep", "k: " + "[" * 10_000 + "]" * 10_000 + "\n")),
        expect(deep_md="PL016"),
        10,
        250,
    ),
    Case(
        "deep-flow-mapping-10000",
        files(deep_md=post("deep", "k: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")),
        expect(deep_md="PL016"),
        10,
        250,
    ),
    Case(
        "deep-block-sequence-10000",
        files(deep_md=post("deep", "k:\n" + "- " * 10_000 + "x\n")),
        expect(deep_md="PL016"),
        10,
        250,
    ),
    Case("deep-block-mapping-10000", deep_block_mapping, expect(deep_md="PL016"), 30, 600, RAISED),
    Case(
        "deep-json-10000",
        files(deep_md='{"title": "x", "k": ' + "[" * 10_000 + "]" * 10_000 + "}\n\nText.\n"),
        expect(deep_md="PL014|PL016"),
        10,
        250,
    ),
    Case(
        "deep-toml-array-10000",
        files(deep_md='+++\ntitle = "x"\nk = ' + "[" * 10_000 + "]" * 10_000 + "\n+++\n\nText.\n"),
        expect(deep_md="PL014|PL016"),
        10,
        250,
    ),
    Case(
        "deep-toml-table-10000",
        files(deep_md='+++\ntitle = "x"\nk = ' + "{a=" * 10_000 + "1" + "}" * 10_000 + "\n+++\n"),
        expect(deep_md="PL014|PL016"),
        10,
        250,
    ),
    Case("huge-plain-key-1mb", files(key_md=post("key", "k" * MB + ": 1\n")), expect(key_md="PL014"), 10, 250),
    Case("huge-quoted-key-1mb", files(key_md=post("key", '"' + "q" * MB + '": 1\n')), expect(key_md="PL014"), 10, 250),
    Case("huge-explicit-key-1mb", files(key_md=post("key", "? " + "k" * MB + "\n: 1\n")), seconds=10, megabytes=250),
    Case(
        "200k-keys",
        files(keys_md=post("keys", "".join(f"k{i}: {i}\n" for i in range(200_000)))),
        expect(keys_md="PL016"),
        10,
        250,
    ),
    # YAML that must not run code or loop
    Case("unsafe-yaml-tags", files(tags_md=post("tags", UNSAFE_TAGS)), expect(tags_md="PL015")),
    Case("merge-scalar", files(m_md=post("m", "s: &s text\nmerged: {<<: *s}\n")), expect(m_md="PL014")),
    Case("merge-list-of-scalars", files(m_md=post("m", "s: &s text\nmerged: {<<: [*s, 1]}\n")), expect(m_md="PL014")),
    Case("merge-into-itself", files(m_md=post("m", "a: &a {<<: *a}\n")), expect(m_md="PL014")),
    Case("merge-top-level-over-title", files(m_md=post("m", "base: &b {title: Other}\n<<: *b\n"))),
    Case("merge-quoted-key-is-a-key", files(m_md=post("m", '"<<": {title: x}\n'))),
    Case("anchor-to-itself-sequence", files(a_md=post("a", "a: &a [*a]\n")), expect(a_md="PL014")),
    Case("anchor-to-itself-mapping", files(a_md=post("a", "a: &a {k: *a}\n")), expect(a_md="PL014")),
    Case("alias-without-anchor", files(a_md=post("a", "a: *nowhere\n")), expect(a_md="PL014")),
    Case("surrogate-escape-yaml", files(s_md=post("s", 'author: "\\ud83d"\n')), expect(s_md="PL315")),
    Case("surrogate-escape-yaml-long", files(s_md=post("s", 'author: "\\U0000D83D"\n')), expect(s_md="PL315")),
    Case("surrogate-escape-json", files(s_md='{"title": "\\ud83d", "k": "\\udc00"}\n\nText.\n'), expect(s_md="PL315")),
    Case("surrogate-escape-toml", files(s_md='+++\ntitle = "\\ud83d"\n+++\n\nText.\n'), expect(s_md="PL315")),
    Case("surrogate-reference-html", files(s_md=post("s", body="Text &#xD83D; and &#55357;.\n")), expect(s_md="PL315")),
    Case(
        "nan-infinity-yaml",
        files(n_md=post("n", "").replace("title: Hello", "title: .nan\nweight: .inf")),
        expect(n_md="PL102"),
    ),
    Case(
        "nan-infinity-json",
        files(n_md='{"title": NaN, "weight": Infinity, "w": -Infinity}\n\nText.\n'),
        expect(n_md="PL102"),
    ),
    Case("nan-infinity-toml", files(n_md="+++\ntitle = nan\nweight = inf\n+++\n\nText.\n"), expect(n_md="PL102")),
    Case("tab-indented-yaml", files(t_md=post("t", "extra:\n\t- a\n")), expect(t_md="PL014")),
    # line endings and fences
    Case("crlf-throughout", files(crlf_md=post("crlf").replace("\n", "\r\n")), clean=("crlf.md",)),
    Case("crlf-mixed-with-lf", files(mixed_md=post("mixed", body="one\r\ntwo\nthree\n")), expect(mixed_md="PL401")),
    Case("lone-cr-throughout", files(cr_md=post("cr").replace("\n", "\r")), expect(cr_md="PL401")),
    Case("lone-cr-in-body", files(cr_md=post("cr", body="one\rtwo\n")), expect(cr_md="PL401")),
    Case("fence-then-eof", files(f_md="---"), expect(f_md="PL011")),
    Case("fence-newline-then-eof", files(f_md="---\n"), expect(f_md="PL011")),
    Case("fence-keys-then-eof", files(f_md="---\ntitle: Hello\n"), expect(f_md="PL011")),
    Case("toml-fence-then-eof", files(f_md="+++"), expect(f_md="PL011")),
    Case("json-fence-then-eof", files(f_md="---json"), expect(f_md="PL011")),
    Case("brace-then-eof", files(f_md="{"), expect(f_md="PL014")),
    # $schema
    Case(
        "schema-outside-root",
        schema_outside,
        expect(relative_md="PL104", absolute_md="PL104", symlinked_md="PL104", etc_md="PL104"),
    ),
    Case(
        "schema-unusable",
        schema_unusable,
        {
            name + ".md": frozenset({"PL104"})
            for name in [
                "url",
                "file-url",
                "missing",
                "not-json",
                "invalid",
                "ref-url",
                "ref-out",
                "ref-up",
                "fifo",
                "folder",
                "zero",
            ]
        },
        seconds=10,
        megabytes=250,  # a FIFO or /dev/zero read as a schema would hang or fill memory
    ),
    # the file system
    Case("symlink-loops-between-folders", dir_loops, expect(d__inner_md="PL402")),
    Case("symlink-loop-between-files", file_loop, expect(a_md="PL001", b_md="PL001")),
    Case("symlink-loop-named", file_loop_named, expect(a_md="PL001")),
    Case("broken-symlink-named", broken_link, expect(broken_md="PL001")),
    Case("symlink-to-dev-zero", dev_zero, expect(zero_md="PL001"), 10, 250),
    Case("symlink-to-dev-zero-named", dev_zero_named, expect(zero_md="PL001"), 10, 250),
    Case("fifo", fifo, expect(fifo_md="PL001"), 10, 250),
    Case("fifo-named", fifo_named, expect(fifo_md="PL001"), 10, 250),
    Case("directory-named-x-md", dir_named_md, expect(x_md__inner_md="PL402")),
    Case("directory-named-x-md-named", dir_named_md_named, expect(x_md__inner_md="PL402")),
    Case(
        "file-names-not-utf8",  # shown with their bytes escaped, as Python shows bytes
        names_not_utf8,
        {r"caf\xe9.md": frozenset({"PL002"})},
        clean=(r"f\xf6lder/inner.md",),
    ),
    Case("path-under-a-file", under_a_file, exit2="no such file or folder"),
    Case("folder-symlinked-under-another-name", folder_alias, clean=("posts/one.md",)),
    Case("folders-nested-1200-deep", deep_folders, {"a/" * DEEP_FOLDERS + "deep.md": frozenset({"PL402"})}),
    # regex bombs
    Case("bomb-trailing-space-run", regex_bomb("a" + " " * REGEX_BOMB_SIZE + "x"), seconds=10, megabytes=250),
    Case("bomb-atx-heading", regex_bomb("#" + " #" * (REGEX_BOMB_SIZE // 2) + "x"), seconds=10, megabytes=250),
    Case("bomb-comment-openers", regex_bomb("<!--" * (REGEX_BOMB_SIZE // 4)), seconds=10, megabytes=250),
    Case("bomb-backtick-run", regex_bomb("a" + "`" * REGEX_BOMB_SIZE + "\u200b"), expect(bomb_md="PL304"), 10, 250),
    Case("bomb-mojibake-ascii-run", regex_bomb("Ã©" + "?" * REGEX_BOMB_SIZE), seconds=10, megabytes=250),
    Case(
        "bomb-front-matter-suppression",
        regex_bomb("Text.", "author: Hello  # postlint: ignore[PL101]\nk: " + " " * REGEX_BOMB_SIZE + "x\n"),
        seconds=10,
        megabytes=250,
    ),
    Case("line-1mb-dense-findings", dense_findings_line, expect(dense_md="PL304"), 15, 400),
    Case(
        "fix-40k-fixable-lines",
        files(fixes_md=post("fixes", body="a\x01\n" * 40_000)),
        seconds=20,
        megabytes=400,
        fix=True,
    ),
]
CASE_IDS = [case.name for case in CASES]
assert len(set(CASE_IDS)) == len(CASE_IDS)


def _findings_by_path(run: Run) -> dict[str, list[dict[str, object]]]:
    try:
        findings = json.loads(run.out)
    except ValueError as exc:
        raise AssertionError(f"the JSON report does not parse ({exc}); stdout starts {run.out[:300]!r}") from None
    assert isinstance(findings, list)
    by_path: dict[str, list[dict[str, object]]] = {}
    for finding in findings:
        by_path.setdefault(str(finding["path"]), []).append(finding)
    return by_path


def check_outcome(case: Case, run: Run) -> None:
    where = f"{run.seconds:.1f} s" + (f", {run.peak_mb:.0f} MB" if run.peak_mb is not None else "")
    assert not run.timed_out, f"{case.name}: killed after {case.seconds} s without finishing"
    assert "Traceback" not in run.err, f"{case.name}: traceback on stderr:\n{run.err[-3000:]}"
    assert run.seconds <= case.seconds, f"{case.name}: took {where}, over the {case.seconds} s bound"
    if case.megabytes is not None:
        assert run.peak_mb is not None and run.peak_mb <= case.megabytes, (
            f"{case.name}: peak RSS {run.peak_mb:.0f} MB, over the {case.megabytes} MB bound"
        )
    if case.exit2 is not None:
        message = run.err.strip()
        assert run.code == 2, f"{case.name}: exit {run.code}, wanted 2 ({message!r})"
        assert "\n" not in message and message.startswith("postlint: error: "), message
        assert case.exit2 in message
        return
    assert run.code in ((0, 1) if case.fix else (1,)), f"{case.name}: exit {run.code} (stderr: {run.err[-2000:]!r})"
    by_path = _findings_by_path(run)
    codes = {path: {str(f["code"]) for f in found} for path, found in by_path.items()}
    crashed = [f["message"] for found in by_path.values() for f in found if f["code"] == "PL901"]
    assert not crashed, f"{case.name}: a rule crashed: {crashed}"
    if not case.fix:
        assert CANARY_CODE in codes.get("canary.md", set()), f"{case.name}: the run stopped before canary.md: {codes}"
    for quiet in ("clean.md", *case.clean):
        assert quiet not in by_path, f"{case.name}: {quiet} should be clean: {by_path[quiet]}"
    for path, wanted in case.expect.items():
        have = codes.get(path, set())
        missing = [code for code in sorted(wanted) if not set(code.split("|")) & have]
        assert not missing, f"{case.name}: {path} lacks {missing}; it has {sorted(have)}"


def make_project(root: Path, config: str = "") -> Path:
    proj = root / "proj"
    proj.mkdir()
    write(proj, "postlint.toml", config)
    write(proj, "clean.md", CLEAN)
    write(proj, "canary.md", CANARY)
    return proj


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_hostile_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = make_project(tmp_path, case.config)
    named = case.build(proj)
    args = list(named) if named is not None else ["."]
    args = ["--fix", *args] if case.fix else args
    in_process = case.megabytes is None
    try:
        run = run_in_process(proj, args, capsys) if in_process else run_subprocess(proj, args, case.seconds)
    finally:
        if case.build is deep_folders:
            remove_deep_folders(proj)
    check_outcome(case, run)
    if case.fix:
        assert (proj / "canary.md").read_text("utf-8") == CANARY + "\n", "the run stopped before fixing canary.md"
    assert not (proj / SENTINEL).exists(), "a YAML tag ran code"


# -- what the CLI cannot stage ---------------------------------------------------------


def _engine_and_targets(proj: Path, jobs: int) -> tuple[Engine, list[Target]]:
    config = load_config([proj])
    targets = discover([proj], config.root, config.excludes)
    engine = Engine(config, cache=False)
    engine.jobs = jobs
    engine.parallel_threshold = 1
    return engine, targets


@pytest.mark.parametrize("kind", ["symlink-to-dev-zero", "fifo"])
def test_cache_files_that_are_not_regular_files_are_not_read(kind: str, tmp_path: Path) -> None:
    """The cache folder comes with the checkout: a pull request may put a symlink to /dev/zero
    or a FIFO where the cache file and the last report are."""
    proj = make_project(tmp_path)
    cache = tmp_path / "cache"
    argv = [sys.executable, "-m", "postlint", "check", "--format", "json", "--cache-dir", str(cache), "."]
    first = run_bounded(argv, proj, 30)
    stored = [*cache.glob("*.json"), *cache.glob("*.last")]
    assert len(stored) == 2
    for path in stored:
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
    again = run_bounded(argv, proj, 10)
    assert not again.timed_out, f"{kind}: killed after 10 s"
    assert "Traceback" not in again.err, again.err[-3000:]
    assert (again.code, again.out) == (first.code, first.out)
    assert again.peak_mb is not None and again.peak_mb < 250


def test_a_cached_post_replaced_by_a_fifo_of_the_same_size_is_not_read(tmp_path: Path) -> None:
    """An empty post, cached, then a FIFO in its place: the same size (0) at another time, so
    the cache compares contents; reading a FIFO would wait for a writer for ever."""
    proj = make_project(tmp_path)
    empty = write(proj, "empty.md", "")
    argv = [sys.executable, "-m", "postlint", "check", "--format", "json", "--cache-dir", str(tmp_path / "c"), "."]
    assert not run_bounded(argv, proj, 30).timed_out
    empty.unlink()
    os.mkfifo(empty)
    again = run_bounded(argv, proj, 10)
    assert not again.timed_out, "killed after 10 s: the FIFO was read"
    assert "Traceback" not in again.err, again.err[-3000:]
    assert "PL001" in {f["code"] for f in _findings_by_path(again)["empty.md"]}


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "parallel"])
def test_file_deleted_between_discovery_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int):
    proj = make_project(tmp_path)
    gone = write(proj, "gone.md", post("gone"))
    monkeypatch.chdir(proj)
    engine, targets = _engine_and_targets(proj, jobs)
    gone.unlink()
    start = time.perf_counter()
    result = engine.run(targets)
    assert time.perf_counter() - start < IN_PROCESS_SECONDS
    codes = {(f.path, f.code) for f in result.findings}
    assert ("gone.md", "PL001") in codes
    assert ("canary.md", CANARY_CODE) in codes
    assert not any(path == "clean.md" for path, _ in codes)


def _unreadable_targets(proj: Path) -> list[tuple[str, Path]]:
    (proj / "dir.md").mkdir()
    return [("under-a-file.md", proj / "clean.md" / "x.md"), ("dir.md", proj / "dir.md")]


def test_unreadable_files_are_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Root reads a chmod-000 file, so an open() that fails (ENOTDIR) and a directory stand in."""
    proj = make_project(tmp_path)
    monkeypatch.chdir(proj)
    engine, targets = _engine_and_targets(proj, 1)
    extra = [Target(str(path), display, display) for display, path in _unreadable_targets(proj)]
    result = engine.run([*targets, *extra])
    codes = {(f.path, f.code) for f in result.findings}
    assert ("under-a-file.md", "PL001") in codes
    assert ("dir.md", "PL001") in codes
    assert ("canary.md", CANARY_CODE) in codes


class _Counting(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = b'{"type": "object"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_no_schema_reaches_the_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A `$schema` URL, a `$ref` URL and a meta-schema URL, all served locally: never fetched."""
    _Counting.hits = []
    server = HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        proj = make_project(tmp_path)
        write(proj, "schemas/ref.json", json.dumps({"$ref": f"{base}/ref.json"}))
        write(proj, "schemas/meta.json", json.dumps({"$schema": f"{base}/meta.json", "type": "object"}))
        write(proj, "url.md", post("url", f"$schema: {base}/post.json\n"))
        write(proj, "ref.md", post("ref", "$schema: schemas/ref.json\n"))
        write(proj, "meta.md", post("meta", "$schema: schemas/meta.json\n"))
        run = run_in_process(proj, ["."], capsys)
    finally:
        server.shutdown()
        server.server_close()
    check_outcome(Case("network", files(), expect(url_md="PL104", ref_md="PL104")), run)
    assert _Counting.hits == [], f"postlint fetched {_Counting.hits}"


def test_no_code_runs_from_a_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A module beside the post, named by YAML tags and by keys that look like plugin settings."""
    proj = make_project(tmp_path)
    write(proj, "evil_module.py", f"open({str(proj / SENTINEL)!r}, 'w').close()\n")
    write(
        proj,
        "evil.md",
        post(
            "evil",
            "a: !!python/module:evil_module\n"
            "b: !!python/name:evil_module.x\n"
            "c: !!python/object/apply:evil_module.run []\n"
            "plugins: [evil_module]\n"
            "postlint: {plugins: [evil_module], rules: evil_module}\n",
        ),
    )
    sys.path.insert(0, str(proj))
    try:
        run = run_in_process(proj, ["."], capsys)
    finally:
        sys.path.remove(str(proj))
    check_outcome(Case("no-code", files(), expect(evil_md="PL015")), run)
    assert "evil_module" not in sys.modules
    assert not (proj / SENTINEL).exists()
