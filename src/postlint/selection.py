"""Which rules run, at which severity, with which options, and where they are ignored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from postlint.config import Config
from postlint.errors import UsageError
from postlint.findings import Finding, Severity
from postlint.globs import GlobSet
from postlint.registry import Registry
from postlint.rule import AnyRule, RuleContext
from postlint.suggest import did_you_mean


@dataclass(frozen=True)
class ActiveRule:
    """A rule this run applies, with its context (options, services)."""

    rule: AnyRule
    context: RuleContext


def _codes(registry: Registry, selectors: Iterable[str]) -> set[str]:
    return {rule.code for selector in selectors for rule in registry.matching(selector)}


def _option_value(rule: AnyRule, key: str, value: Any) -> Any:
    default = rule.options[key]
    kinds: tuple[type, ...] = (int, float) if isinstance(default, float) else (type(default),)
    if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, kinds):
        raise UsageError(
            f"rule {rule.code} ({rule.name}): option `{key}` must be a {type(default).__name__}, not {value!r}"
        )
    return value


def _settings(rule: AnyRule, settings: Mapping[str, Any]) -> tuple[Severity, dict[str, Any]]:
    severity = rule.severity
    options = dict(rule.options)
    for key, value in settings.items():
        if key == "severity":
            try:
                severity = Severity.parse(str(value))
            except ValueError as exc:
                raise UsageError(f"rule {rule.code} ({rule.name}): {exc}") from None
        elif key in rule.options:
            options[key] = _option_value(rule, key, value)
        else:
            known = ["severity", *rule.options]
            raise UsageError(f"rule {rule.code} ({rule.name}) has no option `{key}`{did_you_mean(key, known)}")
    return severity, options


def active_rules(registry: Registry, config: Config, services: Mapping[str, Any]) -> list[ActiveRule]:
    if config.select is None:
        chosen = {rule.code for rule in registry.rules if rule.enabled_by_default}
    else:
        chosen = _codes(registry, config.select)
    chosen |= _codes(registry, config.extend_select)
    chosen -= _codes(registry, config.ignore)
    settings: dict[str, Mapping[str, Any]] = {}
    for key, value in config.rules.items():
        settings[registry.require(key).code] = value
    active = []
    for rule in registry.rules:
        own = settings.get(rule.code, {})
        severity, options = _settings(rule, own)
        if rule.code in chosen:
            context = RuleContext(rule, severity, options, services, configured="severity" in own)
            active.append(ActiveRule(rule, context))
    return active


def rule_options(registry: Registry, config: Config, code: str) -> dict[str, Any]:
    """The options of one rule, whether or not it is selected."""
    rule = registry.require(code)
    settings = next((v for k, v in config.rules.items() if registry.require(k).code == code), {})
    return _settings(rule, settings)[1]


def fixable_codes(registry: Registry, config: Config) -> frozenset[str] | None:
    """The rules whose fixes may be applied (`fixable` minus `unfixable`); None means all."""
    if config.fixable is None and not config.unfixable:
        return None
    allowed = {r.code for r in registry.rules} if config.fixable is None else _codes(registry, config.fixable)
    return frozenset(allowed - _codes(registry, config.unfixable))


class PerFileIgnores:
    """`per-file-ignores`: glob → rule selectors, matched on paths from the project root."""

    def __init__(self, registry: Registry, config: Config) -> None:
        self._entries = [
            (GlobSet([glob]), frozenset(_codes(registry, selectors))) for glob, selectors in config.per_file_ignores
        ]

    def codes_for(self, relative: str) -> frozenset[str]:
        found: set[str] = set()
        for globs, codes in self._entries:
            if globs.match(relative):
                found |= codes
        return frozenset(found)

    def keep(self, finding: Finding, relative: str) -> bool:
        return finding.code not in self.codes_for(relative)
