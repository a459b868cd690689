"""Rules from the `postlint.rules` entry-point group, built-in and third-party alike.

An entry point names a Rule, a CorpusRule, or an iterable of them. A plugin that
fails to import, declares a malformed or duplicate code, or uses the reserved
`PL` prefix is a usage error that names its distribution.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from postlint.entry_points import EntryPoint, entry_points
from postlint.errors import UsageError
from postlint.rule import AnyRule, BaseRule
from postlint.suggest import did_you_mean

GROUP = "postlint.rules"
RESERVED_PREFIX = "PL"
_CODE = re.compile(r"[A-Z]{1,6}[0-9]{3,4}\Z")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class Registry:
    """Every known rule (postlint's and the plugins'), found by code or by name."""

    rules: tuple[AnyRule, ...]
    origin: dict[str, str]
    """The distribution each rule code and name comes from."""
    versions: dict[str, str] = field(default_factory=dict)
    """Each plugin distribution's version (part of the cache key)."""

    def __post_init__(self) -> None:
        lookup: dict[str, AnyRule] = {}
        for rule in self.rules:
            lookup[rule.code] = rule
            lookup[rule.name] = rule
        object.__setattr__(self, "_lookup", lookup)

    def get(self, key: str) -> AnyRule | None:
        lookup: dict[str, AnyRule] = self._lookup  # type: ignore[attr-defined]
        return lookup.get(key) or lookup.get(key.upper()) or lookup.get(key.lower())

    def require(self, key: str) -> AnyRule:
        rule = self.get(key)
        if rule is None:
            choices = [r.code for r in self.rules] + [r.name for r in self.rules]
            raise UsageError(f"unknown rule {key!r}{did_you_mean(key, choices)}")
        return rule

    def matching(self, selector: str) -> list[AnyRule]:
        """Rules named by a selector: `ALL`, a code, a name or a code prefix (`PL1`)."""
        if selector.upper() == "ALL":
            return list(self.rules)
        exact = self.get(selector)
        if exact is not None:
            return [exact]
        prefix = selector.upper()
        found = [rule for rule in self.rules if rule.code.startswith(prefix)]
        if not found:
            choices = ["ALL"] + [r.code for r in self.rules] + [r.name for r in self.rules]
            raise UsageError(f"unknown rule or prefix {selector!r}{did_you_mean(selector, choices)}")
        return found


def _dist_name(entry: EntryPoint) -> str:
    return entry.dist or "<unknown distribution>"


def _rules_of(entry: EntryPoint, dist: str) -> list[BaseRule]:
    try:
        loaded = entry.load()
    except Exception as exc:
        raise UsageError(
            f"plugin {dist!r} (entry point {entry.name} = {entry.value}) failed to import: {type(exc).__name__}: {exc}"
        ) from None
    items: Iterable[object] = [loaded] if isinstance(loaded, BaseRule) else loaded
    try:
        rules = list(items)
    except TypeError:
        raise UsageError(f"plugin {dist!r}: entry point {entry.name} is not a rule or a list of rules") from None
    for rule in rules:
        if not isinstance(rule, BaseRule):
            raise UsageError(f"plugin {dist!r}: entry point {entry.name} holds {rule!r}, which is not a rule")
    return rules  # type: ignore[return-value]


def _validate(rule: BaseRule, dist: str, origin: dict[str, str]) -> None:
    if not _CODE.match(rule.code):
        raise UsageError(f"plugin {dist!r}: rule code {rule.code!r} must be capital letters then 3-4 digits")
    if not _NAME.match(rule.name):
        raise UsageError(f"plugin {dist!r}: rule name {rule.name!r} must be kebab-case")
    if rule.code.startswith(RESERVED_PREFIX) and dist != "postlint":
        raise UsageError(
            f"plugin {dist!r}: rule code {rule.code} uses the prefix {RESERVED_PREFIX!r}, reserved for postlint"
        )
    for key in (rule.code, rule.name):
        if key in origin:
            raise UsageError(f"plugin {dist!r}: rule {key} is already defined by {origin[key]!r}")


_loaded: dict[tuple[str, ...], Registry] = {}


def _installed() -> tuple[str, ...]:
    """What the installed plugins depend on: the import path and each folder's time (installing
    or removing a distribution adds or removes a metadata folder in it)."""
    signature = []
    for folder in sys.path:
        try:
            signature.append(f"{folder}\0{os.stat(folder or '.').st_mtime_ns}")
        except OSError:
            signature.append(folder)
    return tuple(signature)


def load_registry() -> Registry:
    """Every rule, postlint's and the plugins', read once per process and installation."""
    signature = _installed()
    registry = _loaded.get(signature)
    if registry is None:
        registry = _loaded[signature] = _load_registry()
    return registry


def _load_registry() -> Registry:
    origin: dict[str, str] = {}
    versions: dict[str, str] = {}
    rules: list[AnyRule] = []
    found = sorted(entry_points(group=GROUP), key=lambda e: (_dist_name(e) != "postlint", _dist_name(e), e.name))
    for entry in found:
        dist = _dist_name(entry)
        for rule in _rules_of(entry, dist):
            _validate(rule, dist, origin)
            origin[rule.code] = origin[rule.name] = dist
            rules.append(rule)  # type: ignore[arg-type]
        versions[dist] = entry.version
    if not any(dist == "postlint" for dist in origin.values()):
        raise UsageError("postlint's built-in rules are not registered: install postlint (pip install .) first")
    return Registry(tuple(sorted(rules, key=lambda r: r.code)), origin, versions)
