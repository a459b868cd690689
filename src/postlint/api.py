"""`check(paths, config) -> Result`: what the CLI, tests and embedders call.

Per file: load once, parse the front matter, run every active rule; a rule that
raises becomes a PL901 finding and the run goes on. Corpus rules collect facts
per file and report once every file has been seen.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from postlint.config import Config, load_config
from postlint.discover import Target, discover
from postlint.document import Document
from postlint.errors import UsageError
from postlint.findings import Finding, Position, Severity, Span
from postlint.frontmatter import parse_front_matter
from postlint.load import load
from postlint.registry import Registry, load_registry
from postlint.rule import BaseRule, CorpusRule, Fact, Rule
from postlint.schema import SchemaLoadError, SchemaStore
from postlint.selection import ActiveRule, PerFileIgnores, active_rules, rule_options

_ORIGIN = Span(Position(1, 1, 0), Position(1, 1, 0))


@dataclass
class Result:
    findings: list[Finding]
    files_checked: int
    rules: dict[str, BaseRule] = field(default_factory=dict)
    source_lines: dict[tuple[str, int], str] = field(default_factory=dict)
    """The text of each line a finding starts on, for reporters that show it."""

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def exit_code(self, strict: bool = False) -> int:
        failing = Severity.WARNING.rank if strict else Severity.ERROR.rank
        return 1 if any(f.severity.rank >= failing for f in self.findings) else 0


def _crash(doc_path: str, active: ActiveRule, exc: BaseException, crash_rule: ActiveRule | None) -> list[Finding]:
    if crash_rule is None:
        return []
    rule = active.rule
    message = (
        f"rule {rule.code} ({rule.name}) raised {type(exc).__name__}: {exc}; its findings for this file are missing"
    )
    return [crash_rule.context.finding(doc_path, _ORIGIN, message)]


class Engine:
    """One configured run: rules, schemas and ignores resolved once, then files."""

    def __init__(self, config: Config, registry: Registry | None = None) -> None:
        self.config = config
        self.registry = registry or load_registry()
        try:
            schemas = SchemaStore(config.root, config.schema, list(config.schemas))
        except SchemaLoadError as exc:
            raise UsageError(str(exc)) from None
        services = {
            "schemas": schemas,
            "language": config.language,
            "timezone": config.timezone,
            "case-insensitive-keys": config.case_insensitive_keys,
        }
        self.active = active_rules(self.registry, config, services)
        self.ignores = PerFileIgnores(self.registry, config)
        by_code = {a.rule.code: a for a in self.active}
        self.crash_rule = by_code.get("PL901")
        self.max_bytes = int(rule_options(self.registry, config, "PL007")["max-bytes"])

    def read(self, target: Target) -> Document:
        doc = load(target.path, target.display, self.max_bytes)
        doc.relative_path = target.relative
        if doc.text is not None:
            parse_front_matter(doc)
        return doc

    def check_document(self, doc: Document, facts: dict[str, list[Fact]], *, facts_only: bool = False) -> list[Finding]:
        """Run the rules on one document; corpus rules add their facts to `facts`."""
        findings: list[Finding] = []
        for active in self.active:
            rule = active.rule
            try:
                if isinstance(rule, CorpusRule):
                    facts.setdefault(rule.code, []).extend(rule.collect(doc, active.context))
                elif isinstance(rule, Rule) and not facts_only:
                    findings.extend(rule.check(doc, active.context))
            except Exception as exc:
                findings.extend(_crash(doc.display_path, active, exc, self.crash_rule))
        return findings

    def rest_of_tree(self, targets: Sequence[Target]) -> list[Target]:
        """Files of the content root that were not asked for, whose facts corpus rules need."""
        if not any(isinstance(active.rule, CorpusRule) for active in self.active):
            return []
        root = self.config.content_root or self.config.root
        if not root.is_dir():
            return []
        asked = {os.path.abspath(target.path) for target in targets}
        return [
            t for t in discover([root], self.config.root, self.config.excludes) if os.path.abspath(t.path) not in asked
        ]

    def finish(self, facts: dict[str, list[Fact]], wanted: set[str]) -> list[Finding]:
        findings: list[Finding] = []
        for active in self.active:
            rule = active.rule
            if not isinstance(rule, CorpusRule):
                continue
            try:
                found = list(rule.finish(facts.get(rule.code, []), active.context))
            except Exception as exc:
                findings.extend(_crash("<corpus>", active, exc, self.crash_rule))
                continue
            findings.extend(f for f in found if f.path in wanted)
        return findings

    def run(self, targets: Sequence[Target]) -> Result:
        findings: list[Finding] = []
        facts: dict[str, list[Fact]] = {}
        relative = {t.display: t.relative for t in targets}
        lines: dict[tuple[str, int], str] = {}
        for target in targets:
            doc = self.read(target)
            found = self.check_document(doc, facts)
            if doc.text is not None:
                for finding in found:
                    line = finding.span.start.line
                    lines[(finding.path, line)] = doc.index.line_text(line)
            findings.extend(found)
        for other in self.rest_of_tree(targets):
            self.check_document(self.read(other), facts, facts_only=True)
        findings.extend(self.finish(facts, set(relative)))
        kept = [f for f in findings if self.ignores.keep(f, relative.get(f.path, f.path))]
        kept.sort(key=lambda f: f.sort_key)
        return Result(kept, len(targets), {a.rule.code: a.rule for a in self.active}, lines)


def check(paths: Iterable[Path | str], config: Config | None = None) -> Result:
    """Check files and folders; the config is found from the paths when not given."""
    path_list = [Path(p) for p in paths] or [Path(".")]
    config = config or load_config(path_list)
    engine = Engine(config)
    return engine.run(discover(path_list, config.root, config.excludes))
