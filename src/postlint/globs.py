"""Gitignore-style globs over paths relative to the project root.

A pattern without a slash matches a file or folder name at any depth
(`node_modules`, `*.draft.md`); a pattern with a slash is anchored at the root
(`content/docs/**`). A pattern that matches a folder matches everything in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=512)
def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/") if anchored else pattern.rstrip("/")
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", i + 2)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close]
                out.append("[" + ("^" + body[1:] if body[:1] == "!" else body).replace("\\", "\\\\") + "]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z"), anchored


def _either(regexes: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{r.pattern})" for r in regexes)) if regexes else None


class GlobSet:
    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        compiled = [_compile(p) for p in self.patterns]
        self._names = _either([regex for regex, anchored in compiled if not anchored])
        self._paths = _either([regex for regex, anchored in compiled if anchored])

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, relative: str) -> bool:
        """Whether `relative` (a POSIX path from the root), or a folder above it, matches."""
        parts = relative.strip("/").split("/")
        if self._names is not None and any(self._names.match(part) for part in parts):
            return True
        if self._paths is not None:
            return any(self._paths.match("/".join(parts[: i + 1])) for i in range(len(parts)))
        return False

    def match_entry(self, name: str, relative: str) -> bool:
        """`match` for a walk, where the folders above `relative` were already tried."""
        if self._names is not None and self._names.match(name):
            return True
        return self._paths is not None and self._paths.match(relative.strip("/")) is not None
