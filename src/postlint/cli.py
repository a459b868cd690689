"""The command line: arguments → Config → api.check → reporter → exit code.

argparse, not typer/click: start-up time is part of the product (typer and click
cost ~32 ms per run). Only the chosen command's arguments are added, and each command
imports what it needs when it runs; `postlint --version` builds no parser at all.
"""

from __future__ import annotations

import argparse
import errno
import functools
import io
import os
import re
import sys

from postlint import __version__

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs ~2 ms per run
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

    Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = "Lint Markdown posts with front matter: schema, slugs and dates, Unicode text."
HELP = "Show this message and exit."
VERSION_HELP = "Print the version and exit."
SELECTORS_HELP = "Rule codes, names or prefixes, comma-separated."


class _ParseError(Exception):
    """A usage error found while parsing the arguments: one line, exit 2."""


class _ParseExit(Exception):
    """argparse is done without running a command (after --help): exit with `status`."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` gives it: `COLUMNS`, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, without `shutil`: argparse makes one for every argument
    added, and `shutil` (with bz2, lzma and fnmatch) cost 2 ms of every start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or _columns())


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, with exact (unabbreviated) options."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)
        self.add_argument("-h", "--help", action="help", help=HELP)

    def error(self, message: str) -> NoReturn:
        raise _ParseError(message.replace("\n", " "))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _ParseExit(status)

    def option_strings(self) -> list[str]:
        return [option for action in self._actions for option in action.option_strings]


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _no_such_option(option: str, parser: _Parser) -> _ParseError:
    return _ParseError(f"no such option: {option}{_did_you_mean(option, parser.option_strings())}")


def _option_name(arg: str, known: dict[str, argparse.Action]) -> str | None:
    """The option `arg` names, read as argparse reads it (known or not); None for a positional."""
    if len(arg) < 2 or not arg.startswith("-"):
        return None
    name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
    if arg in known or name in known:
        return arg if arg in known else name
    if re.fullmatch(r"-\d+|-\d*\.\d+", arg) or " " in arg:
        return None
    return name


def _takes_next(arg: str, known: dict[str, argparse.Action]) -> bool:
    """Whether the option (or cluster of short options, `-qj`) takes the next argument as its value."""
    if arg.startswith("--"):
        return arg in known and known[arg].nargs != 0
    for index, letter in enumerate(arg[1:], start=2):
        action = known.get("-" + letter)
        if action is None:
            return False
        if action.nargs != 0:
            return index == len(arg)
    return False


def _parse(parser: _Parser, args: Sequence[str]) -> argparse.Namespace:
    """Options and positionals in any order, like click; an unknown option named, with a suggestion.

    The options go first and the positionals after a `--`, so that a path starting with `-`
    after the user's own `--` stays a path (3.11's parse_intermixed_args loses the `--`).
    """
    known = parser._option_string_actions
    options: list[str] = []
    positionals: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            positionals.extend(args[index:])
            break
        name = _option_name(arg, known)
        if name is None:
            positionals.append(arg)
            continue
        if name not in known:
            raise _no_such_option(name, parser)
        options.append(arg)
        if _takes_next(arg, known) and index < len(args):
            options.append(args[index])
            index += 1
    namespace, extras = parser.parse_known_args([*options, "--", *positionals] if positionals else options)
    if extras:
        noun = "argument" if len(extras) == 1 else "arguments"
        raise _ParseError(f"unexpected extra {noun}: {' '.join(extras)}")
    return namespace


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value}")
    return value


# --- check ---------------------------------------------------------------------------

CHECK_DOC = "Check posts and print findings. Exit 0 clean, 1 findings, 2 usage or config error."


def _check_parser(parser: _Parser) -> Handler:
    parser.add_argument("paths", nargs="*", help="Files and folders (default: .).")
    for option in ("--select", "--ignore", "--extend-select"):
        parser.add_argument(option, action="append", metavar="RULES", help=SELECTORS_HELP)
    parser.add_argument(
        "--format",
        dest="output_format",
        metavar="FORMAT",
        help="text, concise, json, json-lines, github, sarif, gitlab or junit "
        "(default: text; github when GITHUB_ACTIONS=true).",
    )
    parser.add_argument("--output-file", metavar="FILE", help="Write the report to this file instead of stdout.")
    parser.add_argument("--config", metavar="FILE", help="Use this config file.")
    parser.add_argument("--preset", metavar="NAME", help="Site preset: blog (default), hugo, jekyll, zola or docs.")
    parser.add_argument("--fix", action="store_true", help="Apply safe fixes to the files.")
    parser.add_argument("--unsafe-fixes", action="store_true", help="Also apply fixes that change meaning.")
    parser.add_argument("--diff", action="store_true", help="Print the fixes as a diff; write nothing.")
    parser.add_argument("--fix-only", action="store_true", help="Apply fixes; report nothing else.")
    parser.add_argument(
        "--add-ignores", action="store_true", help="Add a suppression comment for every current finding."
    )
    parser.add_argument("--statistics", action="store_true", help="Count findings per rule instead.")
    parser.add_argument("--no-cache", action="store_true", help="Neither read nor write the cache.")
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="Cache folder (default: .postlint_cache; env POSTLINT_CACHE_DIR)."
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, metavar="N", help="Worker processes for large runs (default: the cores)."
    )
    parser.add_argument(
        "--exit-zero",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="Exit 0 even when there are findings.",
    )
    parser.add_argument(
        "--strict", action=argparse.BooleanOptionalAction, default=False, help="Warnings fail the run too (exit 1)."
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="Print findings only, no summary.")
    parser.add_argument(
        "--server",
        action="store_true",
        help="Start a resident server for the next runs when none is running (not in CI; see `postlint server`).",
    )
    return _check


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from postlint.check_command import CheckRequest, run_check

    def path(value: str | None) -> Path | None:
        return None if value is None else Path(value)

    request = CheckRequest(
        paths=[Path(p) for p in args.paths] or [Path(".")],
        config=path(args.config),
        preset=args.preset,
        select=_split(args.select),
        ignore=_split(args.ignore),
        extend_select=_split(args.extend_select),
        output_format=args.output_format,
        output_file=path(args.output_file),
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        fix_only=args.fix_only,
        add_ignores=args.add_ignores,
        statistics=args.statistics,
        no_cache=args.no_cache,
        cache_dir=path(args.cache_dir),
        jobs=args.jobs,
        exit_zero=args.exit_zero,
        strict=args.strict,
        quiet=args.quiet,
    )
    return run_check(request)


# --- init ----------------------------------------------------------------------------

INIT_DOC = "Write a commented postlint.toml, choosing a preset from what the tree looks like."


def _init_parser(parser: _Parser) -> Handler:
    parser.add_argument("--schema", action="store_true", help="Also copy the default schema to edit.")
    parser.add_argument("folder", nargs="?", default=".", help="The site's folder (default: .).")
    return _init


def _init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from postlint.init import write_config

    for line in write_config(Path(args.folder), with_schema=args.schema):
        print(line)
    return 0


# --- rules ---------------------------------------------------------------------------

RULES_DOC = "List every rule: code, name, default severity, fixable, summary."


def _rules_parser(parser: _Parser) -> Handler:
    parser.add_argument("--format", dest="output_format", metavar="FORMAT", help="text (default) or json.")
    return _rules


def _rules(args: argparse.Namespace) -> int:
    import json

    from postlint.registry import load_registry

    registry = load_registry()
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value,
            "fixable": r.fixable,
            "enabled": r.enabled_by_default,
            "summary": r.summary,
            "origin": registry.origin[r.code],
        }
        for r in registry.rules
    ]
    if args.output_format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(str(row["name"])) for row in rows)
    for row in rows:
        fix = "fix" if row["fixable"] else "   "
        print(f"{row['code']:<7} {row['name']:<{width}}  {row['severity']:<7} {fix}  {row['summary']}")
    return 0


# --- explain -------------------------------------------------------------------------

EXPLAIN_DOC = "Print a rule's documentation: why, a bad and a good example, options."


def _explain_parser(parser: _Parser) -> Handler:
    parser.add_argument("rule", help="A rule code or name, e.g. PL101.")
    return _explain


def _explain(args: argparse.Namespace) -> int:
    from postlint.registry import load_registry

    sys.stdout.write(load_registry().require(args.rule).documentation)
    return 0


# --- server --------------------------------------------------------------------------

SERVER_DOC = (
    "Start, stop or ask after a resident server that runs checks for this installation. "
    "A check then skips Python's start-up and imports: one post takes a fifth of the time. "
    "It stops after --idle minutes without a check."
)


def _server_parser(parser: _Parser) -> Handler:
    parser.add_argument("action", choices=("start", "stop", "status"), help="start, stop or status.")
    parser.add_argument(
        "--idle", type=float, default=30.0, metavar="MINUTES", help="Stop after this long without a check (30)."
    )
    parser.add_argument("--foreground", action="store_true", help="Serve from this process until stopped.")
    parser.add_argument("-q", "--quiet", action="store_true", help="Print nothing when it starts.")
    return _server


def _server(args: argparse.Namespace) -> int:
    from postlint import server

    if args.action == "status":
        found = server.status()
        print(found or "no postlint server is running for this installation")
        return 0 if found else 1
    if args.action == "stop":
        stopped = server.stop()
        print("postlint server stopped" if stopped else "no postlint server is running for this installation")
        return 0
    message = server.start(args.idle, foreground=args.foreground)
    if not args.quiet:
        print(message)
    return 0


# --- dispatch ------------------------------------------------------------------------

# name → (documentation, the function that adds the command's arguments and returns its handler)
COMMANDS: dict[str, tuple[str, Callable[[_Parser], Handler]]] = {
    "check": (CHECK_DOC, _check_parser),
    "init": (INIT_DOC, _init_parser),
    "rules": (RULES_DOC, _rules_parser),
    "explain": (EXPLAIN_DOC, _explain_parser),
    "server": (SERVER_DOC, _server_parser),
}


@functools.cache
def _parsers() -> tuple[_Parser, dict[str, _Parser]]:
    """The root parser (for its help) and one empty parser per command; arguments are added on
    use. Built once per process: a server's checks share them."""
    root = _Parser(prog="postlint", description=DESCRIPTION)
    root.add_argument("--version", action="store_true", help=VERSION_HELP)
    subparsers = root.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    commands = {}
    for name, (doc, _) in COMMANDS.items():
        summary = doc.split(". ", 1)[0].rstrip(".") + "."
        commands[name] = subparsers.add_parser(name, help=summary, description=doc)
    return root, commands


def _run(args: list[str]) -> int:
    if args[:1] == ["--version"]:  # the fast path: no parser at all
        print(f"postlint {__version__}")
        return 0
    root, commands = _parsers()
    if not args:
        root.print_help()
        return 2
    while args and args[0].startswith("-") and args[0] != "-":
        option = args.pop(0)
        if option == "--version":
            print(f"postlint {__version__}")
            return 0
        if option in ("-h", "--help"):
            root.print_help()
            return 0
        if option == "--":
            break
        raise _no_such_option(option.split("=", 1)[0], root)
    if not args:
        raise _ParseError("missing command")
    name, rest = args[0], args[1:]
    if name not in commands:
        raise _ParseError(f"no such command: {name}{_did_you_mean(name, list(commands))}")
    parser, handler = _command(name)
    return handler(_parse(parser, rest))


@functools.cache
def _command(name: str) -> tuple[_Parser, Handler]:
    """A command's parser, its arguments added, and its handler."""
    parser = _parsers()[1][name]
    return parser, COMMANDS[name][1](parser)


def _discard_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests capture it), or already closed
        pass
    finally:
        os.close(devnull)


class _ClosedStream(io.TextIOBase):
    """Standard output of a process started without one (`postlint check >&-`, where Python
    has None): writing to it fails as writing to a closed descriptor does."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    from postlint.errors import UsageError

    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    if sys.stderr is None:
        sys.stderr = io.StringIO()  # messages for a closed stderr go nowhere
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _run(args)
        sys.stdout.flush()
    except (_ParseError, UsageError) as exc:
        sys.stderr.write(f"postlint: error: {exc}\n")
        return 2
    except _ParseExit as exc:
        return exc.status
    except BrokenPipeError:
        _discard_stdout()
        return 1
    except OSError as exc:  # what the system refused: most often the output (a full disk, no stdout)
        _discard_stdout()
        reason = exc.strerror or str(exc)
        message = f"{reason}: {exc.filename}" if exc.filename else f"cannot write the output: {reason}"
        sys.stderr.write(f"postlint: error: {message}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("postlint: interrupted\n")
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
