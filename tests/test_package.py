"""The package as a user gets it: README commands, the wheel's data, import layers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the Quick start section has no sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start()
    assert len(commands) == 2
    assert "postlint check" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    run_lines = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert quick_start()[1] in run_lines


def _tracked_copy(dest: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if not source.exists() and not source.is_symlink():
            continue
        target = dest / os.fsdecode(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)


def test_readme_first_command_in_a_fresh_venv(tmp_path: Path) -> None:
    """`pip install .` builds a real wheel: a missing package-data entry fails here."""
    checkout = tmp_path / "checkout"
    _tracked_copy(checkout)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    env["NO_COLOR"] = "1"
    command = quick_start()[0].replace("python3 ", f"{sys.executable} ", 1)
    done = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr[-2000:]
    out = done.stdout
    assert "examples/bad/tags-not-strings.md:5:14: error PL102" in out
    assert "examples/bad/missing-slug-bn.md:6:1: error PL101" in out
    assert "examples/good/" not in out
    assert "Traceback" not in out + done.stderr
    installed = subprocess.run(
        [str(checkout / ".venv/bin/python"), "-c", "import postlint; print(postlint.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert "site-packages" in installed, "the check must run against the installed wheel"


def test_core_layers_do_not_import_the_cli_stack() -> None:
    """The library layers load neither the CLI nor the terminal renderer (rich); typer and
    click are no longer dependencies, and must not come back through a core import."""
    code = (
        "import sys, postlint.api, postlint.rules, postlint.schema, postlint.frontmatter, "
        "postlint.document, postlint.config, postlint.registry\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click') or m == 'postlint.cli')\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
