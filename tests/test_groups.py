"""Checking documents in groups (each rule over the whole group before the next rule) gives
exactly what checking them one at a time gives: findings, facts, suppressions, line texts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from postlint import engine as engine_module
from postlint.config import load_config
from postlint.discover import discover
from postlint.document import Document
from postlint.engine import Engine
from postlint.file_result import FileResult
from postlint.findings import Finding, Severity
from postlint.registry import Registry, load_registry
from postlint.rule import Example, Rule, RuleContext

POSTS = {
    "bn/clean.md": '---\ntitle: "বাংলা লেখা"\nslug: bangla-2025-04-10\ndate: 2025-04-10\ntags: [বাংলা, ভাষা]\n'
    "showToc: false\n---\n\nআমরা বাংলায় লিখি।\n",
    "bn/marks.md": '---\ntitle: "ভুল"\nslug: bhul-2025-04-11\ndate: 2025-04-11\ntags: [বাংলা]\nshowToc: true\n---\n\n'
    "\u09c7 ক \u200d বাংলা\u09c7\u09be লেখা | \u09e8\u09e624\n",
    "en/yes.md": "---\ntitle: Yes\nslug: yes-2025-04-12\ndate: 2025-04-12\ntags: [News, news ]\nshowToc: yes\n---\n\n"
    "Text with a zero\u200bwidth space and trailing spaces   \n"
    "<!-- postlint: disable-next-line[trailing-whitespace] -->\nmore   \n",
    "en/no-front-matter.md": "Just text.\n",
    "en/broken.md": "---\ntitle: [unclosed\n---\n",
    "en/bad-date.md": "---\ntitle: D\nslug: d-2025-02-30\ndate: 2025-02-30\ntags: [x]\nshowToc: false\n---\n",
    "en/bom.md": "\ufeff---\ntitle: B\nslug: b\ndate: 2025-04-10\ntags: [x]\nshowToc: false\n---\n",
    "en/empty.md": "",
}


def _raising(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if "ভুল" in (doc.text or "") or "Yes" in (doc.text or ""):
        raise RuntimeError("boom")
    yield from ()


def _picky(doc: Document, ctx: RuleContext) -> bool:
    if doc.display_path.endswith("bad-date.md"):
        raise ValueError("no")
    return True


def _first_line(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if doc.text:
        yield ctx.report(doc, 0, min(3, len(doc.text)), "first characters", None)


def _test_rule(code: str, name: str, check: Callable[[Document, RuleContext], Iterator[Finding]], **more: Any) -> Rule:
    good = Example("---\ntitle: x\n---\n")
    return Rule(
        code=code, name=name, summary=f"{name}, for a test.", why="A test.", bad=None, good=good, check=check, **more
    )


EXTRA = (
    _test_rule("XT001", "test-raises", _raising),
    _test_rule("XT002", "test-applies-raises", _first_line, severity=Severity.INFO, applies=_picky),
)


def _engine(root: Path) -> Engine:
    base = load_registry()
    origin = dict(base.origin) | {key: "tests" for rule in EXTRA for key in (rule.code, rule.name)}
    registry = Registry((*base.rules, *EXTRA), origin)
    return Engine(load_config([root]).with_overrides(select=("ALL",)), registry, cache=False)


def _shape(result: FileResult) -> tuple[object, ...]:
    facts = {code: list(items) for code, items in result.facts.items()}
    return result.display, result.findings, facts, result.suppressions, result.lines, result.digest, result.stamp


@pytest.mark.parametrize(("files", "characters"), [(128, 4_000_000), (3, 4_000_000), (128, 100), (1, 1)])
def test_groups_give_what_one_document_at_a_time_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, characters: int
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in POSTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    engine = _engine(tmp_path)
    targets = discover([tmp_path], tmp_path, [])
    alone = [_shape(engine.check_file(target)) for target in targets]
    monkeypatch.setattr(engine_module, "GROUP_FILES", files)
    monkeypatch.setattr(engine_module, "GROUP_CHARACTERS", characters)
    grouped = [_shape(result) for result in engine.check_files(targets)]
    assert grouped == alone
    codes = {finding.code for shape in alone for finding in shape[1]}  # type: ignore[attr-defined]
    assert {"PL901", "XT002", "PL304", "PL014", "PL010"} <= codes  # crashes, an applies crash, defects
    crashed = [f for shape in alone for f in shape[1] if f.code == "PL901"]  # type: ignore[attr-defined]
    assert {f.path for f in crashed} == {"bn/marks.md", "en/yes.md", "en/bad-date.md"}
