"""The entry points of one group, read from the installed distributions' metadata folders.

`importlib.metadata` does this too, but importing it costs about 30 ms (it brings in the
`email` package, `zipfile` and `csv`): three times a bare Python start, paid by every
run, cached or not. The format is small and specified
(https://packaging.python.org/en/latest/specifications/entry-points/): `*.dist-info`
and `*.egg-info` folders on `sys.path`, an INI file, the first distribution of a name
winning, as `importlib.metadata` orders them. Zipped path entries are not searched.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import import_module
from typing import Any

_SUFFIXES = (".dist-info", ".egg-info")


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """A plugin's entry point, as an installed distribution's `entry_points.txt` lists it."""

    name: str
    value: str
    """`module:attribute.path` (the attribute may be absent)."""
    dist: str
    version: str

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        loaded: Any = import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            loaded = getattr(loaded, part)
        return loaded


def _normalized(name: str) -> str:
    return name.replace("-", "_").replace(".", "_").lower()


def _header(folder: str) -> tuple[str, str]:
    """A distribution's name and version from its metadata file's header ("" when unread)."""
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, file), encoding="utf-8", errors="replace") as handle:
                fields: dict[str, str] = {}
                for line in handle:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    fields.setdefault(key.strip().lower(), value.strip())
                return fields.get("name", ""), fields.get("version", "")
        except OSError:
            continue
    return "", ""


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` lines of `[group]` in an entry_points.txt."""
    pairs: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


def entry_points(group: str) -> list[EntryPoint]:
    """Every installed entry point of `group`, one distribution of each name (the first on `sys.path`)."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue  # missing, a file or a zip archive
        for name in names:
            if not name.endswith(_SUFFIXES):
                continue
            stem = name.rsplit(".", 1)[0].split("-")[0]
            key = _normalized(stem)
            if key in seen:
                continue
            seen.add(key)
            meta = os.path.join(folder or ".", name)
            try:
                with open(os.path.join(meta, "entry_points.txt"), encoding="utf-8") as handle:
                    pairs = _section(handle.read(), group)
            except (OSError, UnicodeDecodeError):
                continue
            if pairs:
                dist, version = _header(meta)
                found += [EntryPoint(n, v, dist or stem, version) for n, v in pairs]
    return found
