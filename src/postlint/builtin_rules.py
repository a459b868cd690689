"""postlint's own rules as the registry first knows them: their metadata, without their code.

Importing the rule modules costs about 12 ms, most of a run where nothing changed (every
result from the cache, every cross-file finding remembered), which needs to know the
rules but runs none. The registry gets a `LazyRule` for each built-in rule from the
table below: it answers for the rule's code, name, severity, options, default and
kind, and passes `isinstance` as the rule it stands for; anything else asked of it
imports the rules (`postlint.rules`) and is the rule's own. A test compares the
table with the rules and prints it anew when they differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from postlint.findings import Severity
from postlint.rule import CorpusRule, Rule

if TYPE_CHECKING:
    from postlint.rule import AnyRule

Entry = tuple[str, str, str, dict[str, Any], bool, bool, bool]
"""Code, name, severity, options, enabled by default, fixable, and whether it is a corpus rule."""


class LazyRule:
    """A built-in rule known by its `Entry` until more is asked of it (see the module's doc)."""

    __slots__ = ("_corpus", "_rule", "code", "enabled_by_default", "fixable", "name", "options", "severity")

    def __init__(self, entry: Entry) -> None:
        self.code, self.name, severity, options, self.enabled_by_default, self.fixable, self._corpus = entry
        self.severity = Severity(severity)
        self.options: Mapping[str, Any] = options
        self._rule: AnyRule | None = None

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # `isinstance` asks it: the stand-in passes as its rule
        return CorpusRule if self._corpus else Rule

    def resolve(self) -> AnyRule:
        """The rule itself (the built-in rules are imported at the first call)."""
        if self._rule is None:
            self._rule = _rules()[self.code]
        return self._rule

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.resolve(), attribute)

    def __repr__(self) -> str:
        return f"LazyRule({self.code} {self.name})"


def _rules() -> dict[str, AnyRule]:
    from postlint.rules import BUILTIN_RULES

    return {rule.code: rule for rule in BUILTIN_RULES}


def entry(rule: AnyRule) -> Entry:
    """A rule's row of the table."""
    return (
        rule.code,
        rule.name,
        rule.severity.value,
        dict(rule.options),
        rule.enabled_by_default,
        rule.fixable,
        isinstance(rule, CorpusRule),
    )


TABLE: tuple[Entry, ...] = (
    # Generated from postlint.rules.BUILTIN_RULES (tests/test_builtin_rules.py prints it anew).
    ("PL001", "unreadable-file", "error", {}, True, False, False),
    ("PL002", "invalid-utf8", "error", {}, True, False, False),
    ("PL003", "wide-encoding", "error", {}, True, False, False),
    ("PL004", "binary-file", "error", {}, True, False, False),
    ("PL005", "byte-order-mark", "warning", {}, True, False, False),
    ("PL006", "empty-file", "warning", {}, True, False, False),
    ("PL007", "file-too-large", "error", {"max-bytes": 10485760}, True, False, False),
    ("PL010", "missing-front-matter", "error", {}, True, False, False),
    ("PL011", "unclosed-front-matter", "error", {}, True, False, False),
    ("PL012", "empty-front-matter", "error", {}, True, False, False),
    ("PL013", "front-matter-not-mapping", "error", {}, True, False, False),
    ("PL014", "front-matter-syntax", "error", {}, True, False, False),
    ("PL015", "unsafe-yaml-tag", "error", {}, True, False, False),
    ("PL016", "yaml-resource-limit", "error", {}, True, False, False),
    ("PL017", "front-matter-not-first", "warning", {}, True, False, False),
    ("PL103", "duplicate-key", "error", {}, True, False, False),
    ("PL101", "missing-required-key", "error", {}, True, False, False),
    ("PL102", "schema-violation", "error", {}, True, True, False),
    ("PL104", "bad-schema-reference", "error", {}, True, False, False),
    (
        "PL201",
        "invalid-date",
        "error",
        {"keys": ["date", "lastmod", "publishDate", "expiryDate", "pubDate", "updated", "created", "modified"]},
        True,
        False,
        False,
    ),
    ("PL202", "date-order", "warning", {}, True, False, False),
    ("PL203", "date-without-offset", "info", {}, True, False, False),
    ("PL204", "future-date", "info", {}, True, False, False),
    ("PL210", "slug-format", "warning", {"pattern": "", "max-length": 100, "unicode": False}, True, False, False),
    (
        "PL211",
        "slug-date-mismatch",
        "error",
        {"pattern": "-(?P<year>\\d{4})-(?P<month>\\d{2})-(?P<day>\\d{2})$"},
        True,
        True,
        False,
    ),
    ("PL212", "path-date-mismatch", "error", {}, True, False, False),
    ("PL213", "slug-filename-mismatch", "warning", {}, False, False, False),
    ("PL220", "duplicate-slug", "error", {}, True, False, True),
    ("PL301", "bidi-control", "error", {}, True, False, False),
    ("PL302", "bidi-mark", "warning", {}, True, True, False),
    ("PL303", "tag-char", "error", {}, True, True, False),
    ("PL304", "zero-width-space", "warning", {}, True, True, False),
    ("PL305", "join-control-misplaced", "warning", {}, True, True, False),
    ("PL306", "invisible-char", "warning", {}, True, True, False),
    ("PL307", "bom-in-text", "warning", {}, True, True, False),
    ("PL308", "soft-hyphen", "warning", {"hyphenation-languages": ["de", "nl"]}, True, True, False),
    ("PL309", "variation-selector-misplaced", "warning", {}, True, True, False),
    ("PL310", "control-char", "error", {}, True, True, False),
    ("PL311", "line-separator", "warning", {}, True, False, False),
    ("PL312", "nonstandard-space", "warning", {"report-between-words": False}, True, True, False),
    ("PL313", "private-use", "warning", {}, True, False, False),
    ("PL314", "noncharacter", "error", {}, True, True, False),
    ("PL315", "surrogate-escape", "error", {}, True, True, False),
    ("PL316", "confusable-mixed-script", "error", {}, True, False, False),
    ("PL317", "mixed-number", "warning", {}, True, False, False),
    ("PL401", "mixed-line-endings", "warning", {}, True, True, False),
    ("PL402", "missing-final-newline", "warning", {}, True, True, False),
    ("PL403", "trailing-whitespace", "info", {}, True, True, False),
    ("PL404", "hard-tab", "warning", {}, True, True, False),
    ("PL410", "replacement-char", "error", {}, True, False, False),
    ("PL411", "mojibake", "error", {}, True, True, False),
    ("PL412", "bijoy-legacy", "warning", {}, True, False, False),
    ("PL420", "not-nfc", "warning", {}, True, True, False),
    ("PL421", "bn-precomposed-nukta", "info", {}, True, True, False),
    ("PL501", "bn-orphan-mark", "error", {}, True, False, False),
    ("PL502", "bn-double-vowel-sign", "error", {}, True, False, False),
    ("PL503", "bn-vowel-sign-after-vowel", "error", {}, True, True, False),
    ("PL504", "bn-nukta-misplaced", "error", {}, True, True, False),
    ("PL505", "bn-candrabindu-order", "error", {}, True, True, False),
    ("PL506", "bn-legacy-khanda-ta", "warning", {}, True, True, False),
    ("PL507", "bn-pipe-danda", "warning", {}, True, True, False),
    ("PL508", "bn-assamese-letter", "warning", {}, True, False, False),
    ("PL509", "bn-devanagari-mix", "error", {}, True, False, False),
    ("PL510", "repeated-mark", "warning", {}, True, True, False),
    ("PL105", "yaml-type-drift", "warning", {}, True, True, False),
    ("PL106", "key-case-variant", "warning", {"case-insensitive-keys": False}, True, True, False),
    ("PL221", "tag-whitespace", "warning", {}, True, True, False),
    ("PL222", "duplicate-tag", "warning", {}, True, False, False),
    ("PL223", "tag-variants", "warning", {}, True, False, True),
    ("PL224", "keywords-as-string", "warning", {}, False, True, False),
    ("PL230", "seo-title-length", "warning", {"title-max": 70, "description-max": 160}, True, False, False),
    ("PL240", "toc-without-headings", "warning", {"min-headings": 2}, True, False, False),
    ("PL901", "rule-crashed", "error", {}, True, False, False),
    ("PL902", "unused-suppression", "warning", {}, True, True, False),
    ("PL903", "invalid-suppression", "warning", {}, True, False, False),
    ("PL904", "check-died", "error", {}, True, False, False),
)

RULES = cast("tuple[AnyRule, ...]", tuple(LazyRule(row) for row in TABLE))
"""What the `postlint.rules` entry point names: the built-in rules, imported when first used."""
