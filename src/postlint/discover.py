"""Expand the paths to check into files: walk folders, apply excludes, never loop."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from postlint.errors import UsageError
from postlint.globs import GlobSet

SUFFIXES = (".md", ".markdown", ".mdx")


@dataclass(frozen=True, slots=True)
class Target:
    path: Path
    display: str
    relative: str


def _display(path: Path, cwd: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return absolute.as_posix()


def _relative(path: Path, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:  # outside the project: the whole path, so dated folders still count
        return absolute.as_posix().lstrip("/")


def _walk(folder: Path, root: Path, excludes: GlobSet, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    for entry in entries:
        path = Path(entry.path)
        if excludes and excludes.match(_relative(path, root)):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, root, excludes, seen)
        elif entry.name.lower().endswith(SUFFIXES):
            yield path


def discover(paths: Sequence[Path], root: Path, excludes: Sequence[str]) -> list[Target]:
    """Files to check, in a stable order. Files named explicitly are never excluded."""
    cwd = Path.cwd()
    globs = GlobSet(excludes)
    seen_dirs: set[tuple[int, int]] = set()
    targets: dict[str, Target] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise UsageError(f"no such file or folder: {given}")
        found = _walk(given, root, globs, seen_dirs) if given.is_dir() else iter([given])
        for path in found:
            display = _display(path, cwd)
            targets.setdefault(display, Target(path, display, _relative(path, root)))
    return sorted(targets.values(), key=lambda t: t.display)
