"""Expand the paths to check into files: walk folders, apply excludes, never loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from postlint.errors import UsageError
from postlint.globs import GlobSet

SUFFIXES = (".md", ".markdown", ".mdx")


class Target(NamedTuple):
    """A file to check. A tuple: a run makes one per file and sends them to worker processes
    (a frozen dataclass takes three times as long to make, and ten times as long to pickle)."""

    path: str
    """Absolute (a string: a run holds one Target per file, and Path objects cost twice the memory)."""
    display: str
    """As shown in reports: from the working folder, `/`-separated, printable (`printable`)."""
    relative: str


def _under(absolute: str, base: str) -> str | None:
    """`absolute` relative to `base` (both absolute, normalised), as a POSIX path, or None."""
    if absolute == base:
        return ""
    prefix = base if base.endswith(os.sep) else base + os.sep
    if absolute.startswith(prefix):
        return absolute[len(prefix) :].replace(os.sep, "/")
    return None


def _display(absolute: str, cwd: str) -> str:
    inside = _under(absolute, cwd)
    return inside if inside is not None else absolute.replace(os.sep, "/")


def _relative(absolute: str, root: str) -> str:
    inside = _under(absolute, root)
    # Outside the project: the whole path, so that dated folders still count.
    return inside if inside is not None else absolute.replace(os.sep, "/").lstrip("/")


def printable(path: str) -> str:
    """A path as reports show it. A name that is not UTF-8 reaches Python as surrogate escapes,
    which no output stream can write; its bytes are shown as `\\xe9` (as Python shows bytes)."""
    if path.isascii():  # at once, from how the string is stored
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


_NAME = attrgetter("name")


def _entries(folder: str, seen: set[tuple[int, int]]) -> list[os.DirEntry[str]]:
    """The entries of a folder not seen before (a symlinked folder is walked once), by name."""
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return []
        seen.add((info.st_dev, info.st_ino))
        return sorted(os.scandir(folder), key=_NAME)
    except OSError:
        return []


def _prefix(above: str) -> str:
    """What a name in the folder at POSIX path `above` (from the root, or shown: "" is the folder
    itself) is appended to."""
    return above if not above or above.endswith("/") else f"{above}/"


def _walk(
    folder: str, root: str, cwd: str, excludes: GlobSet, seen: set[tuple[int, int]]
) -> Iterator[tuple[str, str, str]]:
    """Absolute, root-relative and displayed paths of the Markdown files under `folder`, in
    order, excludes applied.

    Iterative (a stack of entry iterators, each with its folder's relative and displayed
    paths), so that deep trees cannot exhaust the stack. A file's paths are its folder's
    and its name; a folder's displayed path is worked out anew (the walk may enter the
    working folder from above it).
    """
    stack = [(iter(_entries(folder, seen)), _prefix(_relative(folder, root)), _prefix(_display(folder, cwd)))]
    while stack:
        entries, above, shown = stack[-1]
        for entry in entries:
            name = entry.name
            relative = above + name
            if excludes and excludes.match_entry(name, relative):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append((iter(_entries(entry.path, seen)), f"{relative}/", _prefix(_display(entry.path, cwd))))
                break  # into the folder; this one's iterator goes on when it is done
            if name.lower().endswith(SUFFIXES):
                yield entry.path, relative, shown + name
        else:
            stack.pop()


def discover(paths: Sequence[Path], root: Path, excludes: Sequence[str]) -> list[Target]:
    """Files to check, in a stable order. Files named explicitly are never excluded."""
    cwd = os.getcwd()
    root_text = os.path.abspath(root)
    globs = GlobSet(excludes)
    seen_dirs: set[tuple[int, int]] = set()
    targets: dict[str, Target] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise UsageError(f"no such file or folder: {given}")
        start = os.path.abspath(given)
        if given.is_dir():
            found = _walk(start, root_text, cwd, globs, seen_dirs)
        else:
            found = iter([(start, _relative(start, root_text), _display(start, cwd))])
        for absolute, relative, shown in found:
            display = sys.intern(printable(shown))  # shared with the facts and findings that name it
            if display not in targets:
                targets[display] = Target(absolute, display, relative)
    return [targets[display] for display in sorted(targets)]
