"""Posts and helpers shared by the tests that write posts into a temporary tree and run the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from postlint.cli import main

CLEAN = """\
---
title: Hello
slug: hello-2025-04-10
date: 2025-04-10
tags: [news]
showToc: false
---

Text.
"""

CLEAN_BN = """\
---
title: "বাংলা শিরোনাম"
slug: bangla-2025-04-10
date: 2025-04-10
tags: [খবর]
showToc: false
---

বাংলা লেখা।
"""

NO_SLUG = CLEAN.replace("slug: hello-2025-04-10\n", "")
BOM_NO_SLUG = b"\xef\xbb\xbf" + NO_SLUG.encode()

SHARED_SLUG = "slug: hello-2025-04-10"


def unique_slug(name: str, content: str) -> str:
    """Give a post written as `name` its own slug (from the file name), so that posts
    written from one template never trip the duplicate-slug rule by accident; the
    tests of that rule write their duplicates without this helper."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-") or "post"
    return content.replace(SHARED_SLUG, f"slug: {stem}-2025-04-10")


def write(root: Path, name: str, content: str | bytes | dict) -> Path:
    """Write `root/name`: a dict as JSON, bytes as they are, text with its own slug (`unique_slug`)."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, dict):
        path.write_text(json.dumps(content), encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(unique_slug(name, content), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`postlint *argv` in-process: the exit code, stdout and stderr."""
    capsys.readouterr()  # drop anything printed before
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "check", *argv)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict]]:
    """`postlint check --format json *argv`: the exit code and the findings."""
    code, out, err = run(capsys, "check", "--format", "json", *argv)
    assert code in (0, 1), err
    assert err == ""
    return code, json.loads(out)


def codes(findings: list[dict]) -> list[str]:
    return [f["code"] for f in findings]


def error_line(err: str) -> str:
    """The one line of a usage error on stderr."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("postlint: error: ")
    assert "Traceback" not in err
    return lines[0]
