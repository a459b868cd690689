"""Start-up: what a `postlint check` imports, read from `python -X importtime`.

A one-file check loads only what checking needs; a run answered from the cache loads
neither the schema validator nor the parsers and pattern engines. Each module below
was made lazy on purpose (see the closing notes of the performance issue): a change
that imports one of them again on these paths fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLEAN = """---
title: "{title}"
slug: {slug}-2025-04-10
date: 2025-04-10
tags: [{tags}]
showToc: false
---

{body}
"""

POSTS = {
    "english.md": CLEAN.format(title="A clean post", slug="a-clean-post", tags="news, notes", body="Plain text."),
    "bangla.md": CLEAN.format(
        title="বাংলায় লেখা একটি পোস্ট", slug="bangla-post", tags="বাংলা, লেখা", body="আমরা বাংলায় লিখি। এটি পরিষ্কার।"
    ),
}

NEVER = {"typer", "click", "rich", "importlib.metadata", "multiprocessing", "concurrent.futures", "tomllib"}
"""Not on any path below: the CLI is argparse, plugins are found without importlib.metadata,
one file is checked in-process, there is no config file to read, and the text report of a
run whose output is piped is written without Rich."""
UNTIL_A_FILE_NEEDS_THEM = {"yaml", "regex", "ftfy", "markdown_it", "zoneinfo", "tempfile", "difflib"}
"""Plain `key: value` front matter needs no YAML parser; these posts need no Unicode
property patterns, no mojibake repair, no timezone, and nothing is fixed or written."""
UNTIL_A_FILE_IS_CHECKED = {"jsonschema_rs", "email", "postlint.rules"}
"""A run answered from the cache compiles no schema (jsonschema_rs imports email), and
imports no rule module: the registry knows the built-in rules from a table
(`postlint.builtin_rules`) until one runs."""


def imported(args: list[str], cwd: Path) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "postlint", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "postlint.engine" in names, "no -X importtime report (sanity check)"
    return names


def loaded(names: set[str], wanted: set[str]) -> list[str]:
    return sorted(name for name in names if any(name == w or name.startswith(f"{w}.") for w in wanted))


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    for name, text in POSTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("post", sorted(POSTS))
def test_one_file_check_imports_only_what_it_needs(site: Path, post: str) -> None:
    names = imported(["--no-cache", post], site)
    assert loaded(names, NEVER | UNTIL_A_FILE_NEEDS_THEM) == []
    assert "jsonschema_rs" in names  # the file is checked: its front matter is validated


def test_a_run_answered_from_the_cache_compiles_no_schema(site: Path) -> None:
    first = imported(["--cache-dir", "cache", *sorted(POSTS)], site)
    assert {"jsonschema_rs", "postlint.rules.slugs.dates_agree"} <= first
    again = imported(["--cache-dir", "cache", *sorted(POSTS)], site)
    assert loaded(again, NEVER | UNTIL_A_FILE_NEEDS_THEM | UNTIL_A_FILE_IS_CHECKED) == []
