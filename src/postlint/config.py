"""Find, read and strictly validate postlint's configuration.

Sources, nearest first when walking up from the checked paths: `.postlint.toml`,
`postlint.toml`, then `pyproject.toml` with a `[tool.postlint]` table. `--config`
wins over all. An unknown key, rule or option is an error with a suggestion.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from postlint.errors import UsageError
from postlint.suggest import did_you_mean

CONFIG_FILES = (".postlint.toml", "postlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = ("archetypes/", "layouts/", "_layouts/", "_includes/", "node_modules/", ".git/")
FORMATS = ("text", "concise", "json")

_LISTS = ("select", "ignore", "extend-select", "exclude", "extend-exclude")
_TABLES = ("schemas", "per-file-ignores", "rules")
_STRINGS = ("schema", "format", "language")
KNOWN_KEYS = (*_LISTS, *_TABLES, *_STRINGS)


@dataclass(frozen=True)
class Config:
    root: Path
    source: Path | None = None
    schema: str | None = None
    schemas: tuple[tuple[str, str], ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    format: str | None = None
    language: str = "bn"
    """The posts' language when a post has no `lang` key (decides which script rules apply)."""

    @property
    def excludes(self) -> tuple[str, ...]:
        return (*self.exclude, *self.extend_exclude)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def _where(source: Path, key: str) -> str:
    return f"{source}: `{key}`"


def _string_list(source: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{_where(source, key)} must be a list of strings")
    return tuple(value)


def _string_table(source: Path, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError(f"{_where(source, key)} must be a table")
    return value


def parse_config(table: Mapping[str, Any], source: Path) -> Config:
    """Validate a `[tool.postlint]`-shaped table read from `source`."""
    for key in table:
        if key not in KNOWN_KEYS:
            raise UsageError(f"{source}: unknown key `{key}`{did_you_mean(key, KNOWN_KEYS)}")
    values: dict[str, Any] = {"root": source.parent.resolve(), "source": source}
    for key in _STRINGS:
        if key in table:
            if not isinstance(table[key], str):
                raise UsageError(f"{_where(source, key)} must be a string")
            values[key] = table[key]
    if values.get("format") not in (None, *FORMATS):
        raise UsageError(f"{_where(source, 'format')} must be one of {', '.join(FORMATS)}")
    for key in _LISTS:
        if key in table:
            values[key.replace("-", "_")] = _string_list(source, key, table[key])
    if "schemas" in table:
        schemas = _string_table(source, "schemas", table["schemas"])
        for glob, ref in schemas.items():
            if not isinstance(ref, str):
                raise UsageError(f"{_where(source, 'schemas')}: the schema for {glob!r} must be a path string")
        values["schemas"] = tuple(schemas.items())
    if "per-file-ignores" in table:
        ignores = _string_table(source, "per-file-ignores", table["per-file-ignores"])
        values["per_file_ignores"] = tuple(
            (glob, _string_list(source, f"per-file-ignores.{glob}", codes)) for glob, codes in ignores.items()
        )
    if "rules" in table:
        rules = _string_table(source, "rules", table["rules"])
        for name, settings in rules.items():
            _string_table(source, f"rules.{name}", settings)
        values["rules"] = rules
    return Config(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read config {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config {path} is not valid TOML: {exc}") from None


def read_config(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return parse_config(tool.get("postlint", {}) if isinstance(tool, dict) else {}, path)
    return parse_config(data, path)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            tool = _read_toml(candidate).get("tool", {})
            if isinstance(tool, dict) and "postlint" in tool:
                return candidate
    return None


def common_start(paths: Sequence[Path]) -> Path:
    """Where to start looking for config: the deepest folder holding every path."""
    if not paths:
        return Path.cwd()
    resolved = [p.resolve() for p in paths]
    folders = [p if p.is_dir() else p.parent for p in resolved]
    common = folders[0]
    for folder in folders[1:]:
        while not folder.is_relative_to(common):
            common = common.parent
    return common


def load_config(paths: Sequence[Path], explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise UsageError(f"config file not found: {explicit}")
        return read_config(explicit)
    found = find_config(common_start(paths))
    return read_config(found) if found is not None else Config(root=Path.cwd().resolve())
