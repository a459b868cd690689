"""Third-party rules: real distributions on PYTHONPATH, found through entry points.

Each test writes a package and its `.dist-info` folder into tmp_path and runs
`python -m postlint` in a subprocess with PYTHONPATH pointing there, so that
`importlib.metadata` discovers the `postlint.rules` entry points as it would for
an installed plugin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from posts import CLEAN, CLEAN_BN, error_line, write

DEMO_MODULE = '''
from postlint.findings import Severity
from postlint.rule import CorpusRule, Example, Fact, Rule

GOOD = """---
title: Hello
slug: hello-2025-04-10
date: 2025-04-10
tags: [news]
showToc: false
---
"""


def _title_node(doc):
    fm = doc.front_matter
    if fm is None or fm.data is None or not isinstance(fm.data.get("title"), str):
        return None, None
    return fm.data["title"], fm.node(("title",))


def check_todo(doc, ctx):
    title, node = _title_node(doc)
    if title is not None and "TODO" in title:
        yield ctx.report(doc, node.start, node.end, "the title still says TODO", hint="write the real title")


NO_TODO = Rule(
    code="DEMO001",
    name="no-todo-title",
    summary="The title must not contain TODO.",
    why="A post titled TODO was published too early.",
    bad=Example(GOOD.replace("Hello", "TODO Hello")),
    good=Example(GOOD),
    check=check_todo,
)


def collect_titles(doc, ctx):
    title, node = _title_node(doc)
    if title is not None:
        yield Fact(doc.display_path, title.strip().casefold(), doc.index.span(node.start, node.end))


def finish_titles(facts, ctx):
    by_title = {}
    for fact in facts:
        by_title.setdefault(fact.value, []).append(fact)
    for title, same in by_title.items():
        if len(same) < 2:
            continue
        for fact in same:
            others = ", ".join(other.path for other in same if other is not fact)
            yield ctx.finding(fact.path, fact.span, f"the title is also used by {others}")


DUPLICATE_TITLE = CorpusRule(
    code="DEMO002",
    name="duplicate-title",
    summary="Two posts have the same title.",
    why="Readers cannot tell them apart in lists.",
    bad=None,
    good=Example(GOOD),
    severity=Severity.WARNING,
    collect=collect_titles,
    finish=finish_titles,
)

RULES = [NO_TODO, DUPLICATE_TITLE]
'''

CRASH_MODULE = """
from postlint.rule import Example, Rule

GOOD = "---\\ntitle: x\\n---\\n"


def explode(doc, ctx):
    if "boom" in (doc.text or ""):
        raise RuntimeError("kaboom in the demo rule")
    return []


CRASHER = Rule(
    code="CRASH001",
    name="always-crashes",
    summary="Raises on posts that say boom.",
    why="To test that a crashing rule does not stop the run.",
    bad=None,
    good=Example(GOOD),
    check=explode,
)
"""


def make_plugin(
    site: Path,
    dist: str,
    module: str,
    source: str,
    entry_points: dict[str, str],
    version: str = "0.1",
) -> None:
    """Write `module` and a `.dist-info` for distribution `dist` into `site`."""
    (site / module).mkdir(parents=True)
    (site / module / "__init__.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    lines = ["[postlint.rules]", *(f"{name} = {target}" for name, target in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")


def postlint(plugins: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(plugins)
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def json_findings(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    assert proc.stderr == "", proc.stderr
    return json.loads(proc.stdout)


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    return error_line(proc.stderr)


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    plugins = tmp_path / "plugins"
    posts = tmp_path / "posts"
    plugins.mkdir()
    posts.mkdir()
    return plugins, posts


# --- a working plugin -----------------------------------------------------------------


def test_plugin_findings_appear(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    post = CLEAN_BN.replace('title: "বাংলা শিরোনাম"', 'title: "বাংলা TODO শিরোনাম"')
    write(posts, "todo.md", post)
    write(posts, "clean.md", CLEAN)
    proc = postlint(plugins, posts, "check", "--format", "json", ".")
    assert proc.returncode == 1
    findings = json_findings(proc)
    assert [(f["path"], f["code"], f["name"]) for f in findings] == [("todo.md", "DEMO001", "no-todo-title")]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert finding["message"] == "the title still says TODO"
    assert finding["hint"] == "write the real title"
    line = post.splitlines()[1]
    assert finding["start"] == {"line": 2, "column": line.index('"') + 1}
    assert finding["end"] == {"line": 2, "column": len(line) + 1}


def test_plugin_rules_are_selectable_by_code_name_and_prefix(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    write(posts, "todo.md", CLEAN.replace("slug: hello-2025-04-10\n", "").replace("Hello", "TODO"))
    for selector in ("DEMO001", "no-todo-title", "DEMO", "demo0"):
        proc = postlint(plugins, posts, "check", "--format", "json", "--select", selector, "todo.md")
        assert [f["code"] for f in json_findings(proc)] == ["DEMO001"], selector
    proc = postlint(plugins, posts, "check", "--format", "json", "--ignore", "DEMO", "todo.md")
    assert [f["code"] for f in json_findings(proc)] == ["PL101"]


def test_plugin_rule_severity_from_config(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    write(posts, "postlint.toml", '[rules.no-todo-title]\nseverity = "warning"\n')
    write(posts, "todo.md", CLEAN.replace("Hello", "TODO"))
    proc = postlint(plugins, posts, "check", "--format", "json", "todo.md")
    assert proc.returncode == 0
    assert [(f["code"], f["severity"]) for f in json_findings(proc)] == [("DEMO001", "warning")]


def test_rules_lists_the_plugin(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    proc = postlint(plugins, posts, "rules")
    assert proc.returncode == 0, proc.stderr
    rows = {line.split()[0]: line for line in proc.stdout.splitlines() if line.strip()}
    assert "DEMO001" in rows and "DEMO002" in rows
    assert "no-todo-title" in rows["DEMO001"]
    assert "PL101" in rows
    proc = postlint(plugins, posts, "rules", "--format", "json")
    origins = {row["code"]: row["origin"] for row in json.loads(proc.stdout)}
    assert origins["DEMO001"] == "postlint-demo"
    assert origins["PL101"] == "postlint"


def test_explain_a_plugin_rule(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    proc = postlint(plugins, posts, "explain", "no-todo-title")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# DEMO001 no-todo-title\n")
    assert "A post titled TODO was published too early." in proc.stdout


def test_a_single_rule_entry_point(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"todo": "postlint_demo:NO_TODO"})
    write(posts, "todo.md", CLEAN.replace("Hello", "TODO"))
    proc = postlint(plugins, posts, "check", "--format", "json", "todo.md")
    assert [f["code"] for f in json_findings(proc)] == ["DEMO001"]


def test_corpus_rule_reports_duplicates_across_files(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    write(posts, "2024/a.md", CLEAN_BN)
    write(posts, "2025/b.md", CLEAN_BN.replace("slug: bangla-2025-04-10", "slug: another-2025-04-10"))
    write(posts, "2025/c.md", CLEAN)
    proc = postlint(plugins, posts, "check", "--format", "json", ".")
    assert proc.returncode == 0  # DEMO002 is a warning
    findings = json_findings(proc)
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [
        ("2024/a.md", "DEMO002", "warning"),
        ("2025/b.md", "DEMO002", "warning"),
    ]
    assert findings[0]["message"] == "the title is also used by 2025/b.md"
    assert findings[1]["message"] == "the title is also used by 2024/a.md"
    assert findings[0]["start"] == {"line": 2, "column": 8}
    proc = postlint(plugins, posts, "check", "--format", "json", "--strict", ".")
    assert proc.returncode == 1


def test_corpus_rule_reports_only_for_files_asked_for(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    write(posts, "a.md", CLEAN)
    write(posts, "b.md", CLEAN)
    proc = postlint(plugins, posts, "check", "--format", "json", "a.md")
    findings = json_findings(proc)
    # b.md's facts come from the rest of the content root; only a.md is reported on.
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        ("a.md", "DEMO002", "the title is also used by b.md"),
    ]


# --- plugins that are broken ------------------------------------------------------------


def test_plugin_that_fails_to_import_exits_2_naming_the_distribution(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(
        plugins,
        "broken-rules",
        "broken_rules",
        "raise ImportError('missing dependency foo')\n",
        {"broken": "broken_rules:RULES"},
    )
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'broken-rules'" in line
    assert "missing dependency foo" in line
    line = one_line_error(postlint(plugins, posts, "rules"))
    assert "'broken-rules'" in line


def test_plugin_with_missing_attribute_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:NOPE"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'postlint-demo'" in line


def test_plugin_using_the_pl_prefix_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    source = DEMO_MODULE.replace('code="DEMO001"', 'code="PL777"')
    make_plugin(plugins, "sneaky-rules", "sneaky_rules", source, {"sneaky": "sneaky_rules:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'sneaky-rules'" in line
    assert "PL777" in line
    assert "reserved" in line


def test_plugin_reusing_a_builtin_code_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    source = DEMO_MODULE.replace('code="DEMO001"', 'code="PL101"')
    make_plugin(plugins, "sneaky-rules", "sneaky_rules", source, {"sneaky": "sneaky_rules:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'sneaky-rules'" in line


def test_duplicate_code_across_plugins_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    copy = (
        DEMO_MODULE.replace('name="no-todo-title"', 'name="no-todo-title-again"')
        .replace('code="DEMO002"', 'code="OTHER002"')
        .replace('name="duplicate-title"', 'name="other-duplicate-title"')
    )
    make_plugin(plugins, "other-demo", "other_demo", copy, {"other": "other_demo:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "DEMO001" in line
    assert "'other-demo'" in line and "'postlint-demo'" in line
    assert "already defined" in line


def test_duplicate_name_across_plugins_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    copy = DEMO_MODULE.replace('code="DEMO001"', 'code="OTHER001"').replace('code="DEMO002"', 'code="OTHER002"')
    make_plugin(plugins, "other-demo", "other_demo", copy, {"other": "other_demo:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "no-todo-title" in line
    assert "already defined" in line


def test_duplicate_code_inside_one_plugin_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    source = DEMO_MODULE.replace('code="DEMO002"', 'code="DEMO001"')
    make_plugin(plugins, "postlint-demo", "postlint_demo", source, {"demo": "postlint_demo:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "rules"))
    assert "DEMO001" in line
    assert "'postlint-demo'" in line


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('code="DEMO001"', 'code="demo001"'), "demo001"),
        (('code="DEMO001"', 'code="DEMO1"'), "DEMO1"),
        (('name="no-todo-title"', 'name="NoTodoTitle"'), "kebab-case"),
    ],
)
def test_malformed_code_or_name_exits_2(dirs: tuple[Path, Path], change: tuple[str, str], words: str) -> None:
    plugins, posts = dirs
    make_plugin(
        plugins, "postlint-demo", "postlint_demo", DEMO_MODULE.replace(*change), {"demo": "postlint_demo:RULES"}
    )
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'postlint-demo'" in line
    assert words in line


def test_entry_point_that_is_not_a_rule_exits_2(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "odd-rules", "odd_rules", "RULES = [1, 2]\nONE = 3\n", {"odd": "odd_rules:RULES"})
    write(posts, "a.md", CLEAN)
    line = one_line_error(postlint(plugins, posts, "check", "a.md"))
    assert "'odd-rules'" in line


# --- a rule that raises -----------------------------------------------------------------


def test_crashing_rule_becomes_pl901_and_the_run_goes_on(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "postlint-demo", "postlint_demo", DEMO_MODULE, {"demo": "postlint_demo:RULES"})
    make_plugin(plugins, "crashy", "crashy", CRASH_MODULE, {"crash": "crashy:CRASHER"})
    boom = CLEAN.replace("slug: hello-2025-04-10\n", "").replace("Hello", "TODO boom") + "boom\n"
    write(posts, "boom.md", boom)
    write(posts, "fine.md", CLEAN.replace("Hello", "TODO"))
    proc = postlint(plugins, posts, "check", "--format", "json", ".")
    assert proc.returncode == 1
    findings = json_findings(proc)
    assert [(f["path"], f["code"]) for f in findings] == [
        ("boom.md", "PL901"),
        ("boom.md", "DEMO001"),
        ("boom.md", "PL101"),
        ("fine.md", "DEMO001"),
    ]
    crash = findings[0]
    assert crash["name"] == "rule-crashed"
    assert crash["severity"] == "error"
    assert "CRASH001" in crash["message"]
    assert "always-crashes" in crash["message"]
    assert "RuntimeError" in crash["message"]
    assert "kaboom in the demo rule" in crash["message"]
    assert "Traceback" not in proc.stderr


def test_crashing_rule_in_text_output(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "crashy", "crashy", CRASH_MODULE, {"crash": "crashy:CRASHER"})
    write(posts, "boom.md", CLEAN + "boom\n")
    proc = postlint(plugins, posts, "check", "boom.md")
    assert proc.returncode == 1
    assert "boom.md:1:1: error PL901 rule CRASH001 (always-crashes) raised RuntimeError" in proc.stdout
    assert proc.stderr == ""


def test_crashing_corpus_rule_becomes_pl901(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    source = DEMO_MODULE.replace("    by_title = {}\n", "    raise ValueError('finish exploded')\n    by_title = {}\n")
    make_plugin(plugins, "postlint-demo", "postlint_demo", source, {"demo": "postlint_demo:RULES"})
    write(posts, "a.md", CLEAN.replace("slug: hello-2025-04-10\n", ""))
    proc = postlint(plugins, posts, "check", "--format", "json", ".")
    assert proc.returncode == 1
    findings = json_findings(proc)
    codes = [f["code"] for f in findings]
    assert "PL101" in codes
    crashes = [f for f in findings if f["code"] == "PL901"]
    assert len(crashes) == 1
    assert "DEMO002" in crashes[0]["message"] and "finish exploded" in crashes[0]["message"]


def test_crash_is_not_reported_when_pl901_is_ignored(dirs: tuple[Path, Path]) -> None:
    plugins, posts = dirs
    make_plugin(plugins, "crashy", "crashy", CRASH_MODULE, {"crash": "crashy:CRASHER"})
    write(posts, "boom.md", CLEAN + "boom\n")
    proc = postlint(plugins, posts, "check", "--format", "json", "--ignore", "rule-crashed", "boom.md")
    assert proc.returncode == 0
    assert json_findings(proc) == []
