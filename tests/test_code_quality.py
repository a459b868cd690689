"""The code stays as STYLE.md asks: ruff clean and `mypy --strict` clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    done = run(str(BIN / "ruff"), "check", "src", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout[-3000:]


def test_mypy_strict_is_clean() -> None:
    done = run(str(BIN / "mypy"), "--cache-dir", "/tmp/postlint-mypy-cache")
    assert done.returncode == 0, done.stdout[-3000:]
