"""`postlint check --fix` killed with SIGKILL at random moments never loses or mangles a post.

2,000 posts, each with three safe fixes (a YAML 1.1 `showToc: no`, a suppression
comment that silences nothing, a trailing space), some with unusual permission bits
and some reached through a symlink. Their fully fixed form is computed once, by an
uninterrupted `--fix` on a copy. Then, in rounds that start from the original posts,
`python -m postlint check --fix` runs in its own process group and the whole group
(the parallel workers too) is killed with SIGKILL after a random delay, then started
again; 21 kills in all. After every kill:

- every post is byte-identical to its original or to its fully fixed form;
- every file keeps its permission bits, and every symlinked post is still the same
  symlink (the fix went through it to its target).

At the end of each round an uninterrupted run finishes the job: every post is then
fixed, and no `*.postlint-tmp` file is left anywhere (a killed run may leave one, so
the next run must clear it up).

The kill delays are drawn between 10% and 60% of how long the uninterrupted run took
on this machine, so that they land while files are being written; the test checks
that at least a few kills did land mid-run. The seed is in every failure message.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

POSTS = 2_000
SYMLINKED = 100
ROUNDS = 3
KILLS_PER_ROUND = 7
MODES = (0o644, 0o600, 0o640, 0o755, 0o664)


NO_CACHE = ["--no-cache"]


def post_text(index: int) -> str:
    return (
        f"---\ntitle: Post {index}\nslug: post-{index}-2025-04-10\ndate: 2025-04-10\ntags: [news]\nshowToc: no\n---\n\n"
        "<!-- postlint-disable-next-line PL102 -->\n"
        f"আমরা বাংলায় লিখি, post {index} \n"
        "More text.\n"
    )


@dataclass
class Tree:
    root: Path
    posts: Path
    original: dict[str, bytes] = field(default_factory=dict)
    """Post name (in posts/) -> original bytes."""
    modes: dict[str, int] = field(default_factory=dict)
    """Post name -> permission bits of the file it resolves to."""
    links: dict[str, str] = field(default_factory=dict)
    """Symlinked post name -> its link text."""


def build_tree(root: Path) -> Tree:
    posts, targets = root / "posts", root / "targets"
    posts.mkdir(parents=True)
    targets.mkdir()
    (posts / "postlint.toml").write_text("", encoding="utf-8")
    tree = Tree(root, posts)
    for index in range(POSTS):
        name = f"post-{index:04d}.md"
        data = post_text(index).encode("utf-8")
        mode = MODES[index % len(MODES)]
        if index % (POSTS // SYMLINKED) == 0:
            real = targets / name
            link = f"../targets/{name}"
            (posts / name).symlink_to(link)
            tree.links[name] = link
        else:
            real = posts / name
        real.write_bytes(data)
        real.chmod(mode)
        tree.original[name] = data
        tree.modes[name] = mode
    return tree


def restore(tree: Tree) -> None:
    """Put the original bytes back (through symlinks), keeping modes."""
    for name, data in tree.original.items():
        path = tree.posts / name
        mode = tree.modes[name]
        os.chmod(path, 0o644)
        path.write_bytes(data)
        os.chmod(path, mode)


def fix_command(posts: Path) -> list[str]:
    return [sys.executable, "-m", "postlint", "check", "--fix", *NO_CACHE, "--quiet", str(posts)]


def run_to_completion(posts: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(fix_command(posts), cwd=posts.parent, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), (done.returncode, done.stderr)
    return time.perf_counter() - start


def kill_after(posts: Path, delay: float) -> None:
    process = subprocess.Popen(
        fix_command(posts),
        cwd=posts.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the parallel workers too
        process.wait()


def temp_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.postlint-tmp"))


def check_state(tree: Tree, fixed: dict[str, bytes], context: str) -> int:
    """Assert the invariants; return how many posts are in their fixed form."""
    done = 0
    for name, original in tree.original.items():
        path = tree.posts / name
        if name in tree.links:
            assert path.is_symlink(), f"{context}: {name} is no longer a symlink"
            assert os.readlink(path) == tree.links[name], f"{context}: {name} points elsewhere"
        data = path.read_bytes()
        assert data in (original, fixed[name]), f"{context}: {name} is neither original nor fixed: {data[:200]!r}"
        done += data == fixed[name]
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == tree.modes[name], f"{context}: {name} has mode {mode:o}, was {tree.modes[name]:o}"
    return done


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_during_fix_loses_nothing(tmp_path: Path) -> None:
    seed = int(os.environ.get("POSTLINT_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    tree = build_tree(tmp_path / "work")

    expected_root = tmp_path / "expected"
    shutil.copytree(tree.root, expected_root, symlinks=True)
    took = run_to_completion(expected_root / "posts")
    fixed = {name: (expected_root / "posts" / name).read_bytes() for name in tree.original}
    assert all(fixed[name] != tree.original[name] for name in tree.original), "some posts had nothing to fix"
    assert b"showToc: false" in fixed["post-0001.md"] and b"postlint-disable" not in fixed["post-0001.md"]

    kills, mid_run = 0, 0
    after_kills: set[str] = set()
    after_completion: set[str] = set()
    for round_number in range(ROUNDS):
        restore(tree)
        for _ in range(KILLS_PER_ROUND):
            delay = rng.uniform(0.1 * took, 0.6 * took)
            kill_after(tree.posts, delay)
            kills += 1
            context = f"seed {seed}, round {round_number}, kill {kills} after {delay:.2f} s"
            done = check_state(tree, fixed, context)
            mid_run += 0 < done < POSTS
            after_kills.update(temp_files(tree.root))
        run_to_completion(tree.posts)
        context = f"seed {seed}, round {round_number}, after an uninterrupted run"
        assert check_state(tree, fixed, context) == POSTS, f"{context}: not every post is fixed"
        after_completion.update(temp_files(tree.root))

    assert kills >= 20
    assert mid_run >= 3, f"seed {seed}: only {mid_run} of {kills} kills landed while posts were being fixed"
    assert not after_completion, (
        f"seed {seed}: {len(after_completion)} temporary files outlived the uninterrupted runs "
        f"({len(after_kills)} were seen right after kills), e.g. {sorted(after_completion)[:3]}"
    )
