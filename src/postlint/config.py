"""Find, read and strictly validate postlint's configuration.

Sources, nearest first when walking up from the checked paths: `.postlint.toml`,
`postlint.toml`, then `pyproject.toml` with a `[tool.postlint]` table. `--config`
wins over all. An unknown key, rule or option is an error with a suggestion.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from postlint.errors import UsageError
from postlint.presets import apply_preset
from postlint.suggest import did_you_mean

CONFIG_FILES = (".postlint.toml", "postlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = ("archetypes/", "layouts/", "_layouts/", "_includes/", "node_modules/", ".git/")
FORMATS = ("text", "concise", "json", "json-lines", "github", "sarif", "gitlab", "junit")

_LISTS = ("select", "ignore", "extend-select", "exclude", "extend-exclude", "fixable", "unfixable")
_TABLES = ("schemas", "per-file-ignores", "extend-per-file-ignores", "rules")
_STRINGS = ("schema", "format", "language", "preset", "timezone", "content-root")
_BOOLS = ("case-insensitive-keys",)
KNOWN_KEYS = (*_LISTS, *_TABLES, *_STRINGS, *_BOOLS)


@dataclass(frozen=True)
class Config:
    """The resolved configuration: the file's settings, with the command line's on top (`with_overrides`)."""

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
    preset: str = "blog"
    timezone: str | None = None
    """IANA zone (`Asia/Dhaka`) that gives date-times without an offset their zone."""
    content_root: Path | None = None
    """The tree cross-file rules see, even when only a few files are checked."""
    fixable: tuple[str, ...] | None = None
    """Rules whose fixes `--fix` may apply (default: all); `unfixable` removes some."""
    unfixable: tuple[str, ...] = ()
    cache_dir: Path | None = None
    """Where the content cache lives; None disables it (the CLI sets it)."""
    jobs: int | None = None
    """Worker processes for large runs (default: the number of cores, at most 8)."""
    case_insensitive_keys: bool = False
    """Front-matter keys match schema keys whatever their case (Hugo lower-cases keys)."""

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


def _check_keys(table: Mapping[str, Any], source: Path) -> None:
    for key in table:
        if key not in KNOWN_KEYS:
            raise UsageError(f"{source}: unknown key `{key}`{did_you_mean(key, KNOWN_KEYS)}")


def _scalars(table: Mapping[str, Any], source: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in (*_STRINGS, *_BOOLS):
        if key not in table:
            continue
        kind = bool if key in _BOOLS else str
        if not isinstance(table[key], kind):
            raise UsageError(f"{_where(source, key)} must be a {'boolean' if kind is bool else 'string'}")
        values[key.replace("-", "_")] = table[key]
    if values.get("format") not in (None, *FORMATS):
        raise UsageError(f"{_where(source, 'format')} must be one of {', '.join(FORMATS)}")
    if "timezone" in values:
        _check_timezone(source, values["timezone"])
    return values


def _check_timezone(source: Path, name: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"{_where(source, 'timezone')}: unknown time zone {name!r} (use an IANA name such as Asia/Dhaka)"
        ) from None


def parse_config(table: Mapping[str, Any], source: Path, root: Path | None = None) -> Config:
    """Validate a `[tool.postlint]`-shaped table read from `source` (presets already applied)."""
    _check_keys(table, source)
    root = root or source.parent.resolve()
    values: dict[str, Any] = {"root": root, "source": source, **_scalars(table, source)}
    if "content_root" in values:
        values["content_root"] = (root / values["content_root"]).resolve()
    for key in _LISTS:
        if key in table:
            values[key.replace("-", "_")] = _string_list(source, key, table[key])
    if "schemas" in table:
        schemas = _string_table(source, "schemas", table["schemas"])
        for glob, ref in schemas.items():
            if not isinstance(ref, str):
                raise UsageError(f"{_where(source, 'schemas')}: the schema for {glob!r} must be a path string")
        values["schemas"] = tuple(schemas.items())
    ignores: list[tuple[str, tuple[str, ...]]] = []
    for key in ("per-file-ignores", "extend-per-file-ignores"):
        for glob, codes in _string_table(source, key, table.get(key, {})).items():
            ignores.append((glob, _string_list(source, f"{key}.{glob}", codes)))
    if ignores:
        values["per_file_ignores"] = tuple(ignores)
    if "rules" in table:
        rules = _string_table(source, "rules", table["rules"])
        for name, settings in rules.items():
            _string_table(source, f"rules.{name}", settings)
        values["rules"] = rules
    return Config(**values)


CONFIG_MAX_BYTES = 10_000_000


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a config file to read

    from postlint.load import ReadFailure, read_bytes

    read = read_bytes(path, CONFIG_MAX_BYTES)  # a regular file of a sane size: not a FIFO, not /dev/zero
    if isinstance(read, ReadFailure):
        raise UsageError(f"cannot read config {path}: {read.message}")
    try:
        return tomllib.loads(read.data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config {path} is not valid TOML: {exc}") from None
    except RecursionError:
        raise UsageError(f"config {path} is not valid TOML: nested too deeply") from None


def read_table(path: Path) -> dict[str, Any]:
    """The postlint table of a config file (`[tool.postlint]` in pyproject.toml)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("postlint", {}) if isinstance(tool, dict) else {}
        return table if isinstance(table, dict) else {}
    return data


def read_config(path: Path) -> Config:
    return parse_config(apply_preset(read_table(path), path), path)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`."""
    folder = Path(os.path.abspath(start))
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
    # abspath, not resolve(): a symlink (to /dev/zero, or in a loop) must not move the start.
    absolute = [Path(os.path.abspath(p)) for p in paths]
    folders = [p if p.is_dir() else p.parent for p in absolute]
    common = folders[0]
    for folder in folders[1:]:
        while not folder.is_relative_to(common):
            common = common.parent
    return common


def load_config(paths: Sequence[Path], explicit: Path | None = None, preset: str | None = None) -> Config:
    """The config for checking `paths`: `explicit`, else the nearest config file, else defaults.

    `preset` (from `--preset`) replaces the file's own `preset`.
    """
    if explicit is not None and not explicit.is_file():
        raise UsageError(f"config file not found: {explicit}")
    source = explicit or find_config(common_start(paths))
    table = read_table(source) if source is not None else {}
    if preset is not None:
        table = {**table, "preset": preset}
    where = source or Path("--preset")
    root = source.parent.resolve() if source is not None else Path.cwd().resolve()
    config = parse_config(apply_preset(table, where), where, root)
    if source is None:
        config = replace(config, source=None, content_root=config.content_root or common_start(paths))
    return config
