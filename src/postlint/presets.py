"""Presets: the schema and rule settings a kind of site needs, under the user's config.

`preset = "hugo"` (or `--preset hugo`) starts from the preset's table; the user's
own keys then win, except that `ignore`, `extend-select`, `extend-exclude` and
`per-file-ignores` add to the preset's and `rules` merge per rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from postlint.errors import UsageError
from postlint.suggest import did_you_mean

_DATE_RULES = ["invalid-date", "date-order", "date-without-offset", "future-date", "slug-date-mismatch"]

PRESETS: dict[str, dict[str, Any]] = {
    "blog": {},
    "hugo": {
        "schema": "postlint:hugo.schema.json",
        "case-insensitive-keys": True,
        # Hugo reads an empty block as valid front matter (headless bundles use it).
        "ignore": ["empty-front-matter"],
        # Hugo's own docs name pages after commands: `hugo_build`.
        "rules": {"slug-format": {"pattern": "[a-z0-9]+(?:[-_.][a-z0-9]+)*"}},
    },
    "jekyll": {
        "schema": "postlint:jekyll.schema.json",
    },
    "zola": {
        "schema": "postlint:zola.schema.json",
        "ignore": ["front-matter-not-first"],
    },
    "docs": {
        "schema": "postlint:docs.schema.json",
        "ignore": _DATE_RULES,
    },
}
_ADDITIVE = ("ignore", "extend-select", "extend-exclude")


def apply_preset(table: Mapping[str, Any], source: Path) -> dict[str, Any]:
    """`table` laid over its preset (`blog` when it names none)."""
    name = table.get("preset", "blog")
    if not isinstance(name, str) or name not in PRESETS:
        raise UsageError(
            f"{source}: unknown preset {name!r}{did_you_mean(str(name), PRESETS)}; choose one of: {', '.join(PRESETS)}"
        )
    merged: dict[str, Any] = {key: value for key, value in PRESETS[name].items()}
    for key, value in table.items():
        base = merged.get(key)
        if key in _ADDITIVE and isinstance(base, list) and isinstance(value, list):
            merged[key] = [*base, *value]
        elif key in ("rules", "per-file-ignores") and isinstance(base, dict) and isinstance(value, dict):
            merged[key] = _merge_tables(base, value)
        else:
            merged[key] = value
    return merged


def _merge_tables(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out
