"""`postlint server`: a resident process that runs checks for `postlint check` (see client.py).

The server imports postlint and its rules and checks the rules' own examples once
(which builds every pattern and the default schema's validator). It keeps two spare
processes forked from itself, each waiting on a Unix socket in a private folder for one
check, which it runs with the caller's streams, folder, umask, environment and
arguments: nothing one check does reaches the next, and the output is what the same
check prints in-process. A spare that took a check is replaced once no check runs (or
at once, when none is left). The server stops when told (`postlint server stop`, on a
second socket) or after `idle` minutes without a check; a lock file held for its
lifetime keeps two servers of one installation from starting.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import io
import os
import select
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postlint.client import PROTOCOL, private, read_exactly, runtime_dir, socket_path
from postlint.errors import UsageError

DEFAULT_IDLE_MINUTES = 30.0
_REQUEST_TIMEOUT = 10.0
"""Seconds a connected caller has to send its whole request."""
_MAX_REQUEST = 4 << 20


@dataclass(frozen=True)
class CheckCall:
    """One `postlint check`, as the caller would have run it."""

    cwd: str
    import_root: str
    umask: int
    stdout: tuple[str, str]
    stderr: tuple[str, str]
    args: list[str]
    environ: dict[str, str]


def _settings(field: bytes) -> tuple[str, str]:
    encoding, _, errors = field.decode().partition(":")
    return encoding, errors


def parse_check(fields: list[bytes]) -> CheckCall:
    """A check request's fields (after the protocol and kind); ValueError when malformed."""
    cwd, import_root, umask, stdout, stderr, count = fields[:6]
    argc = int(count)
    args = [os.fsdecode(arg) for arg in fields[6 : 6 + argc]]
    if len(args) != argc:
        raise ValueError("truncated arguments")
    environ = {}
    for item in fields[6 + argc :]:
        key, sep, value = item.partition(b"=")
        if sep:
            environ[os.fsdecode(key)] = os.fsdecode(value)
    return CheckCall(
        os.fsdecode(cwd), os.fsdecode(import_root), int(umask), _settings(stdout), _settings(stderr), args, environ
    )


# --- the caller's side of stop and status ----------------------------------------------


def _control_path(path: str) -> str:
    return path.removesuffix(".sock") + ".ctl"


def _ask(kind: bytes) -> bytes | None:
    """Send a control request; the server's answer, or None when no server answers."""
    path = socket_path()
    if path is None or not private(os.path.dirname(path)):
        return None
    path = _control_path(path)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(_REQUEST_TIMEOUT)
        try:
            sock.connect(path)
            body = b"\0".join([PROTOCOL, kind])
            sock.sendall(len(body).to_bytes(4, "big") + body)
            size = read_exactly(sock, 4)
            return None if size is None else read_exactly(sock, int.from_bytes(size, "big"))
        except OSError:
            return None


def status() -> str | None:
    answer = _ask(b"status")
    return None if answer is None else answer.decode()


def stop() -> bool:
    return _ask(b"stop") is not None


# --- the server -------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_output() -> Iterator[None]:
    """Standard output and error to /dev/null (the warm-up check's report)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def _write_examples(folder: Path) -> list[Path]:
    """Every rule's bad and good example, as files of `folder`."""
    from postlint.registry import load_registry

    written = []
    for rule in load_registry().rules:
        for kind, example in (("bad", rule.bad), ("good", rule.good)):
            if example is not None:
                data = example.content
                path = folder / f"{rule.code}-{kind}.md"
                path.write_bytes(data.encode() if isinstance(data, str) else data)
                written.append(path)
    return written


def _check_quietly(*args: str) -> None:
    from postlint.cli import main

    with _quiet_output():
        main(["check", "--jobs", "1", *args])


class Warm:
    """What the server checks before it serves, in a temporary folder it keeps while it runs.

    Every rule's examples are checked once in the server: that imports what checks use and
    builds what they build at first use. A forked process then pays for each memory page it
    first writes to (a copy), so a spare checks some of the examples again before it waits
    for a request: most copies are then made before the request, not during it.
    """

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="postlint-server-")
        root = Path(self.folder.name)
        (root / "postlint.toml").write_text("# the defaults: no config above this folder applies\n", encoding="utf-8")
        examples = root / "examples"
        examples.mkdir()
        self.some = root / "some"
        self.some.mkdir()
        for path in _write_examples(examples)[::8]:
            (self.some / path.name).write_bytes(path.read_bytes())
        self.cache = str(root / "cache")
        for output in ("text", "json"):
            _check_quietly("--no-cache", "--format", output, str(examples))
        self.prefault()
        gc.collect()
        gc.freeze()  # forked processes never scan (nor copy) what the server holds

    def prefault(self) -> None:
        _check_quietly("--cache-dir", self.cache, "--format", "text", str(self.some))

    def close(self) -> None:
        self.folder.cleanup()


SPARES = 2
"""Processes forked ahead, each waiting for one check: two absorb checks that come in a row."""


class Server:
    """Keeps `SPARES` forked processes waiting on the check socket, each for one check, and
    answers stop and status on the control socket."""

    def __init__(self, listener: socket.socket, control: socket.socket, warm: Warm, idle_seconds: float) -> None:
        self.listener = listener
        self.control = control
        self.warm = warm
        self.idle_seconds = idle_seconds
        self.started = time.time()
        self.inode = os.stat(listener.getsockname()).st_ino
        self.served = 0
        self.spares: set[int] = set()
        self.busy: set[int] = set()
        self.failed = 0
        self.taken, self.tell_taken = os.pipe()
        os.set_blocking(self.taken, False)
        self.alive, self.still_alive = os.pipe()
        """Spares read `alive`: at its end of file (this process is gone, even killed) they stop."""
        listener.setblocking(False)  # spares wait on it together: one accepts, the others go on waiting

    def serve(self) -> None:
        global _SERVER_PID
        _SERVER_PID = os.getpid()
        signal.signal(signal.SIGTERM, _exit_on_signal)
        ended, tell_ended = os.pipe()  # a byte when a child ends: spares are replaced at once
        os.set_blocking(tell_ended, False)
        signal.set_wakeup_fd(tell_ended)
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        last = time.monotonic()
        try:
            while True:
                self._reap()
                self._top_up()
                ready, _, _ = select.select([self.control.fileno(), self.taken, ended], [], [], 1.0)
                if ended in ready:
                    os.read(ended, 4096)
                if self.taken in ready and self._note_taken():
                    last = time.monotonic()
                if self.control.fileno() in ready and not self._answer_control():
                    return
                if time.monotonic() - last > self.idle_seconds and not self.busy:
                    return
                if not self._still_listed():
                    return  # its folder was removed: no check can reach it any more
        finally:
            for pid in self.spares:
                os.kill(pid, signal.SIGTERM)

    def _still_listed(self) -> bool:
        """Whether the socket file is still this server's."""
        try:
            return os.stat(self.listener.getsockname()).st_ino == self.inode
        except OSError:
            return False

    def _note_taken(self) -> bool:
        """Move the spares that took a check to `busy`; whether any did."""
        try:
            data = os.read(self.taken, 4096)
        except BlockingIOError:
            return False
        for at in range(0, len(data), 4):
            pid = int.from_bytes(data[at : at + 4], "big")
            self.spares.discard(pid)
            self.busy.add(pid)
            self.served += 1
        return bool(data)

    def _reap(self) -> None:
        self._note_taken()  # first: a spare tells it took a check before it can end
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if not pid:
                return
            if pid in self.spares:  # died before taking a check
                self.spares.discard(pid)
                self.failed += 1
                if self.failed > 5:
                    raise SystemExit("spare processes keep dying")
            self.busy.discard(pid)

    def _top_up(self) -> None:
        """Fork spares up to `SPARES`: while a check runs, only when none is left (a spare's
        warm-up would take the other core from the check)."""
        while len(self.spares) < (SPARES if not self.busy else 1):
            pid = os.fork()
            if pid:
                self.spares.add(pid)
                continue
            code = 2
            try:
                code = self._spare()
            finally:
                os._exit(code)

    def _spare(self) -> int:
        """In a forked process: get ready, wait for one check, run it."""
        self.control.close()
        os.close(self.taken)
        os.close(self.still_alive)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.set_wakeup_fd(-1)
        self.warm.prefault()
        while True:
            ready, _, _ = select.select([self.listener.fileno(), self.alive], [], [])
            if self.alive in ready:
                return 0  # the server is gone
            try:
                conn, _ = self.listener.accept()
                break
            except BlockingIOError:
                continue  # another spare took it
        self.listener.close()
        os.write(self.tell_taken, os.getpid().to_bytes(4, "big"))
        os.close(self.tell_taken)
        fds: list[int] = []
        try:
            conn.settimeout(_REQUEST_TIMEOUT)
            if not _same_user(conn):
                return 0
            body, fds = _receive(conn)
            fields = body.split(b"\0")
            if fields[:2] == [PROTOCOL, b"check"] and len(fds) == 3:
                return _run_check(conn, parse_check(fields[2:]), fds)
        except (OSError, ValueError, IndexError):
            pass  # a caller that went away or sent nonsense: it runs the check itself
        finally:
            for fd in fds:
                os.close(fd)
            conn.close()
        return 0

    def _answer_control(self) -> bool:
        """Answer one control request; False when told to stop."""
        try:
            conn, _ = self.control.accept()
        except OSError:
            return True
        with conn:
            try:
                conn.settimeout(_REQUEST_TIMEOUT)
                if not _same_user(conn):
                    return True
                body, fds = _receive(conn)
                for fd in fds:
                    os.close(fd)
                fields = body.split(b"\0")
                if fields[:2] == [PROTOCOL, b"stop"]:
                    _answer(conn, b"stopping")
                    return False
                if fields[:2] == [PROTOCOL, b"status"]:
                    _answer(conn, self._status().encode())
            except (OSError, ValueError):
                pass
        return True

    def _status(self) -> str:
        since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.started))
        return (
            f"postlint server (pid {os.getpid()}) running since {since}, {self.served} check(s) served, "
            f"stops after {self.idle_seconds / 60:g} idle minute(s); socket {self.listener.getsockname()}"
        )


_SERVER_PID = 0


def _exit_on_signal(signum: int, frame: object) -> None:
    if os.getpid() != _SERVER_PID:
        os._exit(0)  # a spare, forked a moment ago, before it set its own handler
    raise SystemExit(0)  # the server: its sockets are removed on the way out


def _same_user(conn: socket.socket) -> bool:
    """Whether the caller runs as this server's user (Linux tells; elsewhere the private folder guards)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    credentials = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _receive(conn: socket.socket) -> tuple[bytes, list[int]]:
    message, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    while len(message) < 4:
        more = conn.recv(4 - len(message))
        if not more:
            raise ValueError("no request")
        message += more
    size = int.from_bytes(message[:4], "big")
    if size > _MAX_REQUEST:
        raise ValueError("request too large")
    body = message[4:]
    while len(body) < size:
        more = conn.recv(min(size - len(body), 1 << 16))
        if not more:
            raise ValueError("truncated request")
        body += more
    return body, list(fds)


def _answer(conn: socket.socket, text: bytes) -> None:
    conn.sendall(len(text).to_bytes(4, "big") + text)


def _stream(fd: int, settings: tuple[str, str], line_buffering: bool) -> io.TextIOWrapper:
    encoding, errors = settings
    raw = io.FileIO(fd, "w", closefd=False)
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, errors=errors, line_buffering=line_buffering)


def _run_check(conn: socket.socket, call: CheckCall, fds: list[int]) -> int:
    """In the forked process: become the caller's process, run the check, send its exit code."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    fds.clear()  # closed: the caller's finally has nothing left to close
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("SIGTERM", "SIGHUP", "SIGCHLD"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    os.chdir(call.cwd)
    os.umask(call.umask)
    os.environ.clear()
    os.environ.update(call.environ)
    if sys.path:
        sys.path[0] = call.import_root
    sys.stdout = _stream(1, call.stdout, line_buffering=os.isatty(1))
    sys.stderr = _stream(2, call.stderr, line_buffering=True)
    sys.argv = ["postlint", *call.args]
    conn.settimeout(None)
    conn.sendall(os.getpid().to_bytes(4, "big"))
    from postlint.cli import main

    try:
        code = main(call.args)
    except SystemExit as exc:  # pragma: no cover - main returns its codes
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception:  # what Python does with an uncaught error: a traceback, exit 1
        import traceback

        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe: the caller is gone
            stream.flush()
    conn.sendall(code.to_bytes(4, "big", signed=True))
    return 0


def _lock(folder: str, name: str) -> int | None:
    """Hold the installation's lock file for the server's lifetime; None when another holds it."""
    fd = os.open(os.path.join(folder, f"{name}.lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _listen(path: str) -> socket.socket:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # left by a server that was killed (the lock says none runs)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    return listener


def _tell(ready: int | None, answer: bytes) -> None:
    """Tell the `start` that forked this daemon whether it serves (b"1") or not (b"0")."""
    if ready is not None:
        os.write(ready, answer)
        os.close(ready)


def _wait_for_other() -> bool:
    """Another server of this installation holds the lock: whether it answers within a few seconds."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if status() is not None:
            return True
        time.sleep(0.05)
    return False


def _run_server(path: str, idle_minutes: float, ready: int | None) -> None:
    folder = os.path.dirname(path)
    lock = _lock(folder, os.path.basename(path).removesuffix(".sock"))
    if lock is None:
        running = _wait_for_other()
        _tell(ready, b"1" if running else b"0")
        if ready is None:
            raise UsageError("a server of this installation is already running" if running else "the server is locked")
        return
    try:
        warm = Warm()
        listener, control = _listen(path), _listen(_control_path(path))
        try:
            _tell(ready, b"1")
            Server(listener, control, warm, idle_minutes * 60).serve()
        finally:
            for sock in (listener, control):
                with contextlib.suppress(OSError):  # removed with its folder
                    os.unlink(sock.getsockname())
                sock.close()
            warm.close()
    finally:
        os.close(lock)


def start(idle_minutes: float = DEFAULT_IDLE_MINUTES, *, foreground: bool = False) -> str:
    """Start this installation's server and return what to tell the user (in the foreground,
    once it stops). UsageError when it cannot start."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        raise UsageError("the server needs Unix sockets and fork, which this system does not have")
    path = socket_path()
    if path is None:
        raise UsageError(f"the folder for the server's socket is too long a path: {runtime_dir()}")
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if not private(folder):
        raise UsageError(f"{folder} must be a folder of this user's that only this user can enter (mode 700)")
    running = status()
    if running is not None:
        return running
    if foreground:
        _run_server(path, idle_minutes, None)
        return "postlint server stopped"
    read, write = os.pipe()
    if os.fork():
        os.close(write)
        answer = os.read(read, 1)
        os.close(read)
        if answer != b"1":
            raise UsageError("the server did not start")
        return status() or "postlint server started"
    code = 1
    try:  # the daemon: its own session, no terminal, until stopped or idle
        os.close(read)
        os.setsid()
        os.chdir("/")  # holds no folder busy (checks run in their caller's)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        _run_server(path, idle_minutes, write)
        code = 0
    finally:
        os._exit(code)
