"""Every rule documents itself, and its bad example fires while its good one does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from postlint.api import Engine
from postlint.config import Config
from postlint.discover import Target
from postlint.registry import load_registry
from postlint.rule import BaseRule, Example

REGISTRY = load_registry()
BUILTIN = [rule for rule in REGISTRY.rules if REGISTRY.origin[rule.code] == "postlint"]
# Conditions no file content can produce; each has its own test.
NO_BAD_EXAMPLE = {
    "PL001": "test_load.py (FIFO, broken symlink, directory)",
    "PL901": "test_plugins.py",
    "PL904": "test_run_modes.py (a worker process that dies)",
}


def findings_for(
    tmp_path: Path, rule: BaseRule, example: Example, select: tuple[str, ...] | None = ("ALL",)
) -> list[str]:
    post = tmp_path / example.path
    post.parent.mkdir(parents=True, exist_ok=True)
    for name, text in example.companions.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    post.write_bytes(example.content if isinstance(example.content, bytes) else example.content.encode())
    config = Config(
        root=tmp_path,
        select=select,
        extend_select=(rule.code,),
        rules={rule.code: dict(example.options)} if example.options else {},
    )
    result = Engine(config, REGISTRY).run([Target(str(post), example.path, example.path)])
    return [finding.code for finding in result.findings]


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_bad_example_fires(rule: BaseRule, tmp_path: Path) -> None:
    if rule.bad is None:
        assert rule.code in NO_BAD_EXAMPLE
        return
    assert rule.code in findings_for(tmp_path, rule, rule.bad)


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_good_example_is_quiet(rule: BaseRule, tmp_path: Path) -> None:
    assert rule.code not in findings_for(tmp_path, rule, rule.good)


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_documentation_is_complete(rule: BaseRule) -> None:
    doc = rule.documentation
    assert doc.startswith(f"# {rule.code} {rule.name}\n")
    assert "## Why" in doc
    assert rule.summary in doc
    if isinstance(rule.good.content, str):
        assert "## Good" in doc
    for option in rule.options:
        assert f"`{option}`" in doc


def test_good_examples_are_clean_posts(tmp_path: Path) -> None:
    """A good example is a whole valid post: no default rule (nor the rule itself) fires on it."""
    for rule in BUILTIN:
        assert findings_for(tmp_path / rule.code, rule, rule.good, select=None) == [], rule.code
