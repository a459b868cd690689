"""Real `pre-commit` runs this repository's hooks (.pre-commit-hooks.yaml) from a committed clone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

POST = """---
title: "প্রি-কমিট"
slug: {slug}
date: 2025-04-10
tags: [hooks]
showToc: false
---

Text.
"""


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _snapshot(dest: Path) -> str:
    """This working tree (tracked and new files) committed as a git repository; returns its sha."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "snapshot")
    return git(dest, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    base = tmp_path_factory.mktemp("precommit")
    source = base / "postlint-hooks"
    sha = _snapshot(source)
    yield source, sha, base / "home"


def project(tmp_path: Path, hooks: tuple[Path, str, Path], hook_ids: list[str]) -> Path:
    source, sha, _home = hooks
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    config = {"repos": [{"repo": str(source), "rev": sha, "hooks": [{"id": hook} for hook in hook_ids]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    (repo / "postlint.toml").write_text("")
    return repo


def pre_commit(repo: Path, hooks: tuple[Path, str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(hooks[2]), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [str(PRE_COMMIT), "run", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )


def test_hook_definitions_are_valid() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"postlint", "postlint-fix"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert hook["entry"].startswith("postlint check")
    assert "--fix" in by_id["postlint-fix"]["entry"]


def test_bad_post_fails_and_clean_post_passes(tmp_path: Path, hooks: tuple[Path, str, Path]) -> None:
    repo = project(tmp_path, hooks, ["postlint"])
    (repo / "good.md").write_text(POST.format(slug="good-2025-04-10"), encoding="utf-8")
    git(repo, "add", "-A")
    passed = pre_commit(repo, hooks, "--files", "good.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (repo / "bad.md").write_text(POST.format(slug="bad-2025-04-10").replace("tags: [hooks]", "tags: [hooks, 3]"))
    git(repo, "add", "-A")
    failed = pre_commit(repo, hooks, "--files", "bad.md")
    assert failed.returncode == 1
    assert "bad.md:5:15: error PL102" in failed.stdout


def test_cross_file_rules_see_the_whole_tree(tmp_path: Path, hooks: tuple[Path, str, Path]) -> None:
    repo = project(tmp_path, hooks, ["postlint"])
    (repo / "content").mkdir()
    (repo / "content" / "first.md").write_text(POST.format(slug="same-2025-04-10"), encoding="utf-8")
    (repo / "content" / "second.md").write_text(POST.format(slug="same-2025-04-10"), encoding="utf-8")
    git(repo, "add", "-A")
    run = pre_commit(repo, hooks, "--files", "content/second.md")
    assert run.returncode == 1
    assert "content/second.md:3:7: error PL220" in run.stdout
    assert "content/first.md:3" in run.stdout  # named, though pre-commit passed only second.md


def test_fix_hook_fixes_a_fixable_post(tmp_path: Path, hooks: tuple[Path, str, Path]) -> None:
    repo = project(tmp_path, hooks, ["postlint-fix"])
    post = repo / "toc.md"
    post.write_text(POST.format(slug="toc-2025-04-10").replace("showToc: false", "showToc: yes"), encoding="utf-8")
    git(repo, "add", "-A")
    run = pre_commit(repo, hooks, "--files", "toc.md")
    assert run.returncode == 1  # pre-commit fails a hook that changed files
    assert "showToc: true\n" in post.read_text(encoding="utf-8")
    git(repo, "add", "-A")
    again = pre_commit(repo, hooks, "--files", "toc.md")
    assert again.returncode == 0, again.stdout
