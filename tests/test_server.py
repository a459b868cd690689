"""`postlint server`: checks the server answers are the checks this process would run.

Each test starts its own server in a private runtime folder of its own (POSTLINT_RUNTIME_DIR)
and runs `python -m postlint` as a user would, with and without the server
(POSTLINT_NO_SERVER), comparing what each prints and its exit code.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.posts import CLEAN, CLEAN_BN, NO_SLUG

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the server needs fork and Unix sockets")

BENGALI_DEFECTS = """\
---
title: "ভাঙা পোস্ট"
slug: bhanga-2025-04-11
date: 2025-04-11
tags: [খবর, খবর ]
showToc: "yes"
---

ি কন্তু আমি জানি।\u200b তোমার নাম কী?
"""


def env(runtime: Path, *, server: bool = True, **extra: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k not in ("POSTLINT_NO_SERVER", "CI", "FORCE_COLOR", "NO_COLOR")}
    values["POSTLINT_RUNTIME_DIR"] = str(runtime)
    if not server:
        values["POSTLINT_NO_SERVER"] = "1"
    values.update(extra)
    return values


def postlint(runtime: Path, *args: str, cwd: Path | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    server = bool(kwargs.pop("server", True))
    extra = {k: str(v) for k, v in kwargs.items()}
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env(runtime, server=server, **extra),
        timeout=120,
    )


def served(runtime: Path) -> int:
    """How many checks the server has run (from `server status`)."""
    status = postlint(runtime, "server", "status")
    assert status.returncode == 0, status.stdout + status.stderr
    return int(status.stdout.split(" check(s) served")[0].rsplit(" ", 1)[1])


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A private runtime folder with a short path (a Unix socket's path is limited to ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="plrt-"))
    try:
        yield folder
    finally:
        postlint(folder, "server", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(runtime: Path) -> Path:
    started = postlint(runtime, "server", "start", "--idle", "5")
    assert started.returncode == 0, started.stdout + started.stderr
    assert "running since" in started.stdout
    return runtime


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "2025").mkdir(parents=True)
    (content / "2025" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (content / "2025" / "bangla.md").write_text(CLEAN_BN, encoding="utf-8")
    (content / "2025" / "no-slug.md").write_text(NO_SLUG, encoding="utf-8")
    (content / "2025" / "defects.md").write_text(BENGALI_DEFECTS, encoding="utf-8")
    (content / "2025" / "binary.md").write_bytes(b"\x00\x01\x02garbage")
    return content


@pytest.mark.parametrize("output", ["text", "json", "concise", "github"])
def test_a_served_check_prints_what_a_check_here_prints(server: Path, tree: Path, output: str) -> None:
    before = served(server)
    through = postlint(server, "check", "--format", output, "--no-cache", str(tree))
    here = postlint(server, "check", "--format", output, "--no-cache", str(tree), server=False)
    assert served(server) == before + 1
    assert (through.returncode, through.stdout, through.stderr) == (here.returncode, here.stdout, here.stderr)
    assert through.returncode == 1
    assert "bn-orphan-mark" in through.stdout or "PL501" in through.stdout


def test_working_folder_environment_and_exit_codes_are_the_callers(server: Path, tree: Path) -> None:
    relative = os.path.join("2025", "defects.md")
    for args in (["check", relative], ["check", "--select", "PL101", os.path.join("2025", "clean.md")]):
        through = postlint(server, *args, cwd=tree, FORCE_COLOR="1", COLUMNS="70")
        here = postlint(server, *args, cwd=tree, FORCE_COLOR="1", COLUMNS="70", server=False)
        assert (through.returncode, through.stdout, through.stderr) == (here.returncode, here.stdout, here.stderr)
    colored = postlint(server, "check", relative, cwd=tree, FORCE_COLOR="1")
    assert "\x1b[" in colored.stdout  # the caller's FORCE_COLOR reached the check
    usage = postlint(server, "check", "--no-such-option", cwd=tree)
    assert usage.returncode == 2
    assert usage.stderr.startswith("postlint: error: no such option: --no-such-option")
    missing = postlint(server, "check", "--config", "nowhere.toml", relative, cwd=tree)
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert len(missing.stderr.strip().splitlines()) == 1


def test_a_closed_stdout_is_not_given_the_servers_socket(server: Path, tree: Path) -> None:
    """With fd 1 closed, the client's socket would be fd 1: the check runs here instead, and
    says it cannot write."""
    before = served(server)
    done = subprocess.run(
        [sys.executable, "-m", "postlint", "check", "--no-cache", str(tree)],
        stderr=subprocess.PIPE,
        text=True,
        env=env(server),
        preexec_fn=functools.partial(os.close, 1),
        timeout=120,
    )
    message = "postlint: error: cannot write the output: standard output is closed\n"
    assert (done.returncode, done.stderr) == (2, message)
    assert served(server) == before


def test_the_cache_works_through_the_server(server: Path, tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    runs = [postlint(server, "check", "--format", "json", str(tree), POSTLINT_CACHE_DIR=cache) for _ in range(2)]
    (tree / "2025" / "clean.md").write_text(CLEAN.replace("Text.", "Text, edited."), encoding="utf-8")
    runs.append(postlint(server, "check", "--format", "json", str(tree), POSTLINT_CACHE_DIR=cache))
    uncached = postlint(server, "check", "--format", "json", "--no-cache", str(tree), server=False)
    assert all(run.stdout == uncached.stdout for run in runs)
    assert any(path.suffix == ".json" for path in cache.iterdir())


def test_a_check_the_server_answers_imports_nothing_of_postlint_but_the_client(server: Path, tree: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "postlint", "check", str(tree / "2025" / "clean.md")],
        capture_output=True,
        text=True,
        env=env(server),
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "postlint.client" in names
    assert not {"postlint.cli", "postlint.engine", "argparse", "socket", "json"} & names


def test_a_stale_socket_or_a_missing_server_means_checking_here(runtime: Path, tree: Path) -> None:
    here = postlint(runtime, "check", str(tree), server=False)
    assert postlint(runtime, "check", str(tree)).stdout == here.stdout  # no server at all
    locate = subprocess.run(
        [sys.executable, "-c", "from postlint.client import socket_path; print(socket_path())"],
        capture_output=True,
        text=True,
        env=env(runtime),
        check=True,
    )
    socket_file = Path(locate.stdout.strip())
    socket_file.parent.mkdir(mode=0o700, exist_ok=True)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(socket_file))
    stale.close()  # the file stays, nobody listens: what a killed server leaves
    through = postlint(runtime, "check", str(tree))
    assert (through.returncode, through.stdout, through.stderr) == (here.returncode, here.stdout, here.stderr)
    started = postlint(runtime, "server", "start", "--idle", "1")  # and a server starts over it
    assert started.returncode == 0, started.stderr
    assert served(runtime) == 0


def test_a_folder_others_can_enter_is_never_used(tmp_path: Path, tree: Path) -> None:
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o755)
    runtime.chmod(0o755)
    started = postlint(runtime, "server", "start")
    assert started.returncode == 2
    assert "only this user can enter" in started.stderr
    assert len(started.stderr.strip().splitlines()) == 1
    assert postlint(runtime, "check", str(tree)).returncode == 1  # checked here


def test_start_twice_keeps_one_server_and_stop_removes_its_files(server: Path) -> None:
    again = postlint(server, "server", "start")
    assert again.returncode == 0
    assert "running since" in again.stdout
    pids = {
        line.split("(pid ")[1].split(")")[0] for line in (again.stdout, postlint(server, "server", "status").stdout)
    }
    assert len(pids) == 1
    stopped = postlint(server, "server", "stop")
    assert stopped.stdout.strip() == "postlint server stopped"
    deadline = time.monotonic() + 10
    while any(p.suffix in (".sock", ".ctl") for p in server.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(p.suffix in (".sock", ".ctl") for p in server.iterdir())
    assert postlint(server, "server", "status").returncode == 1


def test_an_idle_server_stops_by_itself(runtime: Path) -> None:
    started = postlint(runtime, "server", "start", "--idle", "0.02")  # 1.2 seconds
    assert started.returncode == 0
    deadline = time.monotonic() + 20
    while postlint(runtime, "server", "status").returncode == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert postlint(runtime, "server", "status").returncode == 1
    assert not any(p.suffix in (".sock", ".ctl") for p in runtime.iterdir())


def test_check_server_starts_one_for_the_next_runs_but_not_in_ci(runtime: Path, tree: Path) -> None:
    in_ci = postlint(runtime, "check", "--server", str(tree), CI="true")
    assert in_ci.returncode == 1
    time.sleep(1.0)  # a starter would have made its lock file by now
    assert not any(runtime.iterdir())
    assert postlint(runtime, "server", "status").returncode == 1
    first = postlint(runtime, "check", "--server", str(tree))
    assert first.returncode == 1
    assert first.stdout == in_ci.stdout  # checked here, as usual
    deadline = time.monotonic() + 30
    while postlint(runtime, "server", "status").returncode != 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    before = served(runtime)
    assert postlint(runtime, "check", str(tree)).stdout == first.stdout
    assert served(runtime) == before + 1


def test_ctrl_c_reaches_the_check(server: Path, tmp_path: Path) -> None:
    many = tmp_path / "many"
    many.mkdir()
    for n in range(6000):
        (many / f"post-{n}.md").write_text(CLEAN_BN.replace("bangla-", f"bangla-{n}-"), encoding="utf-8")
    before = served(server)
    proc = subprocess.Popen(
        [sys.executable, "-m", "postlint", "check", "--no-cache", "--jobs", "1", str(many)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(server),
    )
    deadline = time.monotonic() + 30
    while served(server) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert err.strip().endswith("postlint: interrupted")


def test_a_plugin_installed_after_the_server_started_is_not_missed(runtime: Path, tmp_path: Path) -> None:
    from tests.test_plugins import DEMO_MODULE, make_plugin

    plugins, posts = tmp_path / "plugins", tmp_path / "posts"
    plugins.mkdir()
    posts.mkdir()
    (posts / "todo.md").write_text(CLEAN.replace("title: Hello", "title: Hello TODO"), encoding="utf-8")
    started = postlint(runtime, "server", "start", "--idle", "5", PYTHONPATH=plugins)
    assert started.returncode == 0, started.stderr
    pid = int(started.stdout.split("(pid ")[1].split(")")[0])
    try:
        before = postlint(runtime, "check", "--format", "json", ".", cwd=posts, PYTHONPATH=plugins)
        assert (before.returncode, before.stdout.strip()) == (0, "[]")
        assert " 1 check(s) served" in postlint(runtime, "server", "status", PYTHONPATH=plugins).stdout
        make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
        after = postlint(runtime, "check", "--format", "json", ".", cwd=posts, PYTHONPATH=plugins)
        assert after.returncode == 1
        assert '"DEMO001"' in after.stdout  # checked by the installation as it is now, here
        assert postlint(runtime, "server", "status", PYTHONPATH=plugins).returncode == 1  # not the old server
    finally:
        os.kill(pid, signal.SIGTERM)  # the old server, which `stop` no longer names


def test_fixes_through_the_server_are_the_fixes_made_here(server: Path, tree: Path, tmp_path: Path) -> None:
    copies = []
    for name, through in (("served", True), ("here", False)):
        copy = tmp_path / name
        shutil.copytree(tree, copy)
        proc = postlint(server, "check", "--fix", "--no-cache", ".", cwd=copy, server=through)
        copies.append((copy, proc))
    (served_copy, served_proc), (here_copy, here_proc) = copies
    assert (served_proc.returncode, served_proc.stdout) == (here_proc.returncode, here_proc.stdout)
    assert "Fixed" in served_proc.stdout or "fixed" in served_proc.stdout
    for path in sorted(here_copy.rglob("*.md")):
        twin = served_copy / path.relative_to(here_copy)
        assert twin.read_bytes() == path.read_bytes(), path.name
    assert (served_copy / "2025" / "defects.md").read_bytes() != (tree / "2025" / "defects.md").read_bytes()


def test_a_server_whose_folder_is_removed_stops(runtime: Path) -> None:
    started = postlint(runtime, "server", "start", "--idle", "30")
    pid = int(started.stdout.split("(pid ")[1].split(")")[0])
    shutil.rmtree(runtime)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
