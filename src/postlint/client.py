"""The command line's first step: hand a check to the resident server when one runs.

`postlint server start` leaves a process with postlint imported and warmed up; a check
then costs a connection and a fork instead of a Python start-up full of imports (about
a fifth of the time for one post). This module is what every `postlint` run imports
first, so it imports only C modules: when no server answers, the run goes on in this
process exactly as before.

The request carries the caller's standard streams (as file descriptors, so terminal
detection, colours and pipes behave as in-process), working directory, umask,
environment and arguments. The server checks the caller is the same user.
"""

from __future__ import annotations

import _socket
import os
import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: this module must stay light
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn

PROTOCOL = b"postlint-server-1"
NO_SERVER = "POSTLINT_NO_SERVER"
"""Set (to anything but empty) to always check in this process."""
AUTO_START = "POSTLINT_SERVER"
"""Set to 1 to start a server when none runs (as `check --server`)."""
RUNTIME_DIR = "POSTLINT_RUNTIME_DIR"
"""Where server sockets live (default: $XDG_RUNTIME_DIR/postlint, else /tmp/postlint-<uid>)."""
_MAX_SOCKET_PATH = 100  # sun_path holds 104 to 108 bytes, by platform


def runtime_dir() -> str:
    chosen = os.environ.get(RUNTIME_DIR)
    if chosen:
        return chosen
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg:
        return os.path.join(xdg, "postlint")
    return os.path.join("/tmp", f"postlint-{os.getuid()}")


def private(folder: str) -> bool:
    """Whether `folder` is a real folder of this user's that nobody else can enter."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return info.st_uid == os.getuid() and (info.st_mode & 0o170077) == 0o040000


def server_id() -> str:
    """Names the installation a server serves: this Python, its import path and postlint's own
    files, and the times of the folders packages are installed into (a plugin installed or
    removed changes them). A server started before an upgrade is not used after it."""
    import zlib

    package = os.path.dirname(os.path.abspath(__file__))
    path = sys.path[1:]  # the first is the script's folder or the working one: the request carries it
    parts = [os.path.realpath(sys.executable), package, *path]  # python and python3 are one
    for folder in (package, *path):
        try:
            info = os.stat(folder)
        except OSError:
            continue
        parts.append(f"{info.st_mtime_ns}:{info.st_ino}")
    blob = "\0".join(parts).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(blob):08x}{zlib.adler32(blob):08x}"


def socket_path() -> str | None:
    """The socket of this installation's server; None when the path is too long for a Unix
    socket (whether its folder is private is the caller's to check)."""
    folder = runtime_dir()
    path = os.path.join(folder, f"{server_id()}.sock")
    if len(os.fsencode(path)) > _MAX_SOCKET_PATH:
        return None
    return path


def _stream_settings(stream: object) -> bytes:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    errors = getattr(stream, "errors", None) or "strict"
    return f"{encoding}:{errors}".encode()


def encode_request(args: Sequence[str]) -> bytes:
    """The request body: NUL-separated fields, the environment last."""
    fields = [
        PROTOCOL,
        b"check",
        os.fsencode(os.getcwd()),
        os.fsencode(sys.path[0] if sys.path else ""),
        b"%d" % os.umask(os.umask(0o022)),
        _stream_settings(sys.stdout),
        _stream_settings(sys.stderr),
        b"%d" % len(args),
        *(os.fsencode(arg) for arg in args),
        *(os.fsencode(key) + b"=" + os.fsencode(value) for key, value in os.environ.items()),
    ]
    return b"\0".join(fields)


def read_exactly(sock: _socket.socket, size: int) -> bytes | None:
    """`size` bytes from `sock`; None when it closes first."""
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def forward(args: Sequence[str]) -> int | None:
    """Run `args` (a `check`) in the server and return its exit code; None when no server
    answered before the check started (the caller then runs it here)."""
    if args[:1] != ["check"] or os.environ.get(NO_SERVER) or not hasattr(os, "fork"):
        return None
    if not private(runtime_dir()):
        return None  # no server ever started here (one stat)
    path = socket_path()
    if path is None:
        return None
    if not hasattr(_socket, "AF_UNIX") or not hasattr(_socket, "SCM_RIGHTS"):  # pragma: no cover - Windows
        return None
    if sys.stdin is None or sys.stdout is None or sys.stderr is None:
        return None  # a standard stream closed: the socket would take its number and be sent as it
    relay = _Relay()
    try:
        code = _run_in_server(path, args, relay)
    finally:
        relay.restore()
    if code is None and relay.pending:
        raise KeyboardInterrupt  # interrupted before anything started
    return code


class _Relay:
    """Ctrl-C and termination, passed on to the process running the check once it is known
    (and kept until then: a signal that comes first is passed on as soon as it is)."""

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        import _signal  # type: ignore[import-not-found]  # `signal` imports enum: 4 ms more

        self._signal = _signal
        self.pid = 0
        self.pending: list[int] = []
        self.previous: dict[int, object] = {}
        for name in self.NAMES:
            if hasattr(_signal, name):
                number = getattr(_signal, name)
                self.previous[number] = _signal.signal(number, self._received)

    def _received(self, signum: int, frame: object) -> None:
        if self.pid:
            self._pass_on(signum)
        else:
            self.pending.append(signum)

    def _pass_on(self, signum: int) -> None:
        try:  # noqa: SIM105 - contextlib is not imported on this path
            os.kill(self.pid, signum)
        except OSError:
            pass  # it has just ended

    def started(self, pid: int) -> None:
        self.pid = pid
        for signum in self.pending:
            self._pass_on(signum)

    def restore(self) -> None:
        for number, handler in self.previous.items():
            self._signal.signal(number, handler)


def _run_in_server(path: str, args: Sequence[str], relay: _Relay) -> int | None:
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
        message = encode_request(args)
        message = len(message).to_bytes(4, "big") + message
        if relay.pending:
            return None
        fds = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in (0, 1, 2))
        sent = sock.sendmsg([message], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
        if sent < len(message):  # never an empty send: a quick check may be over, its socket closed
            sock.sendall(message[sent:])
        started = read_exactly(sock, 4)
        if started is None:
            return None  # the server turned the request down before starting it: check here
        relay.started(int.from_bytes(started, "big"))
        code = read_exactly(sock, 4)
    except OSError:
        if not relay.pid:
            return None  # no server (or a stale socket, or a standard stream closed): check here
        code = None
    finally:
        sock.close()
    if code is None:
        sys.stderr.write("postlint: error: the server's check process ended without an exit code\n")
        return 2
    return int.from_bytes(code, "big", signed=True)


def wants_auto_start(args: Sequence[str]) -> bool:
    """`check --server` (before any `--`) or POSTLINT_SERVER=1, and not in CI."""
    if os.environ.get("CI") or args[:1] != ["check"] or not hasattr(os, "posix_spawn"):
        return False
    options = args[: args.index("--")] if "--" in args else args
    return "--server" in options or os.environ.get(AUTO_START) == "1"


def start_in_background() -> None:
    """Start a server for the next runs; this run goes on in its own process. The starter gets
    none of this process's streams: whoever reads them (pre-commit) is not kept waiting."""
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    try:  # noqa: SIM105 - contextlib is not imported on this path
        os.posix_spawn(
            sys.executable,
            [sys.executable, "-m", "postlint", "server", "start", "--quiet"],
            dict(os.environ, **{NO_SERVER: "1"}),
            file_actions=quiet,
        )
    except OSError:
        pass


def main() -> NoReturn:
    """The `postlint` command: through the server when one runs, else here."""
    args = sys.argv[1:]
    try:
        code = forward(args)
    except KeyboardInterrupt:  # before the check started
        sys.stderr.write("postlint: interrupted\n")
        code = 130
    if code is None:  # no server: the command runs here
        if wants_auto_start(args):
            start_in_background()
        from postlint.cli import main as run_here

        code = run_here(args)
    _leave(code)


def _leave(code: int) -> NoReturn:
    """Exit at once, the output flushed. A run holds nothing that needs tidying at exit
    (every file it writes is closed and renamed, every worker joined), and the teardown
    of its heap costs more than it saves: 12 ms of a warm 10,000-post run (6%)."""
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - contextlib is not imported on this path
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe (what could be written was), no stream
            pass
    os._exit(code)
