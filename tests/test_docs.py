"""Generated documentation stays in step with the code."""

from __future__ import annotations

from pathlib import Path

from postlint.registry import load_registry
from postlint.rules_doc import render

ROOT = Path(__file__).resolve().parent.parent


def test_rules_md_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_bytes().decode("utf-8")  # examples hold CRs
    expected = render(load_registry())
    assert current == expected, "docs/rules.md is stale: run `python -m postlint.rules_doc docs/rules.md`"


def test_rules_md_documents_every_builtin_rule() -> None:
    text = render(load_registry())
    for rule in load_registry().rules:
        assert f"## {rule.code} {rule.name}" in text
