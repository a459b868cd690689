"""postlint's benchmark: whole-process wall time and peak memory, as ratios, in one run.

    python bench/run.py [--count 10000] [--big 50000] [--runs 5] [--work DIR] [--no-node]

Measures, on a generated corpus (bench/generate.py):
- the floor: one Python process that reads every file and parses its front matter
  with PyYAML's C loader;
- `postlint check` cold (no cache), warm (cache present, nothing changed; and again
  without the last run's report, from each file's cache row), and after 1% of the
  files changed;
- `postlint check one-post.md` against `python -c pass`: the post edited before each run
  and the rest of its tree cached (a pre-commit run), in a new process and through
  `postlint server`; with `--no-cache`; and a process that only imports the third-party
  modules a check needs (the floor of a check without the server);
- the same cold check on a corpus of `--big` posts (time and peak memory);
- with Node.js present, markdownlint-cli2 and remark-cli with
  remark-lint-frontmatter-schema, installed into a scratch folder (never the repository).
Each figure is the median of `--runs` runs; peak memory is the largest process's. The floor,
cold, warm and 1%-changed cases are measured in rounds of one run each, so their ratios
compare runs taken seconds apart.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

FLOOR = textwrap.dedent(
    """
    import os, sys, yaml
    from yaml import CSafeLoader
    for folder, _, names in os.walk(sys.argv[1]):
        for name in names:
            text = open(os.path.join(folder, name), "rb").read().decode("utf-8", "replace")
            if text.startswith("---\\n"):
                end = text.find("\\n---", 4)
                try:
                    yaml.load(text[4:end], Loader=CSafeLoader)
                except Exception:  # PyYAML raises ValueError on 2025-02-30, among others
                    pass
    """
)
MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys, time
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """
)


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""As installed: bytecode is written once and read after (without it, every start compiles postlint)."""
ENV["POSTLINT_NO_SERVER"] = "1"  # in-process, unless a case says otherwise (a server left running must not answer)
IMPORTS = "import yaml, regex, jsonschema_rs"
"""The third-party modules every check of a Bengali post imports: a floor for a check in a new process."""


def once(
    command: list[str], before: Callable[[], None] | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall seconds and peak resident MB (of the largest process) of one run of `command`."""
    if before is not None:
        before()
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True, env=env or ENV
    )
    wall, peak_kb = out.stdout.split()
    return float(wall), int(peak_kb) / 1024


def measure(
    command: list[str], runs: int, before: Callable[[], None] | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Median wall seconds and peak resident MB (of the largest process) of `command`."""
    results = [once(command, before, env) for _ in range(runs)]
    return statistics.median(wall for wall, _ in results), max(peak for _, peak in results)


def in_rounds(
    cases: dict[str, tuple[list[str], Callable[[], None] | None]], runs: int
) -> dict[str, tuple[float, float]]:
    """Each case's median wall seconds and peak MB, measured in `runs` rounds of one run of each,
    in order: the machine's speed drifts over minutes, and a ratio of figures taken seconds
    apart drifts less than one of figures taken minutes apart."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, before) in cases.items():
            results[name].append(once(command, before))
    return {
        name: (statistics.median(wall for wall, _ in done), max(peak for _, peak in done))
        for name, done in results.items()
    }


def postlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "postlint", "check", "--quiet", "--format", "concise", *args]


def touch_some(corpus: Path, fraction: float) -> Callable[[], None]:
    """Before each run, append a line to `fraction` of the files (new content, new time)."""
    files = sorted(corpus.rglob("*.md"))
    step = max(1, int(1 / fraction))
    chosen = files[::step]
    counter = [0]

    def change() -> None:
        counter[0] += 1
        for path in chosen:
            with path.open("a", encoding="utf-8") as out:
                out.write(f"\nEdit {counter[0]}.\n")

    return change


def edit(path: Path) -> Callable[[], None]:
    """Before each run, append a line to `path`: what a pre-commit run sees (a changed post)."""
    counter = [0]

    def change() -> None:
        counter[0] += 1
        with path.open("a", encoding="utf-8") as out:
            out.write(f"\nEdit {counter[0]}.\n")

    return change


def one_post(work: Path, one: Path, runs: int) -> list[tuple[str, float, float]]:
    """One post, edited before each run, in a tree whose other files are cached: in this
    process, and through `postlint server` (started here, stopped at the end)."""
    cache = work / "one-cache"
    shutil.rmtree(cache, ignore_errors=True)
    check = postlint("--cache-dir", str(cache), str(one))
    subprocess.run(check, env=ENV, capture_output=True)  # the rest of the tree cached
    rows = [("postlint check one-post.md (edited)", *measure(check, runs * 2, edit(one)))]
    runtime = Path(tempfile.mkdtemp(prefix="plrt-"))  # short: a socket's path has ~100 bytes
    served = {name: value for name, value in ENV.items() if name != "POSTLINT_NO_SERVER"}
    served["POSTLINT_RUNTIME_DIR"] = str(runtime)
    server = [sys.executable, "-m", "postlint", "server"]
    subprocess.run([*server, "start", "--quiet"], env=served, check=True)
    try:
        rows.append(("... through postlint server", *measure(check, runs * 2, edit(one), served)))
        status = subprocess.run([*server, "status"], env=served, capture_output=True, text=True).stdout
        if " 0 check(s) served" in status:
            raise SystemExit("the server served no check: its figure would be the in-process one")
    finally:
        subprocess.run([*server, "stop"], env=served, capture_output=True)
        shutil.rmtree(runtime, ignore_errors=True)
    return rows


def node_tools(work: Path, corpus: Path, runs: int) -> list[tuple[str, float, float]]:
    if shutil.which("node") is None or shutil.which("npm") is None:
        return []
    tools = work / "node-tools"
    tools.mkdir(exist_ok=True)
    packages = ["markdownlint-cli2", "remark-cli", "remark-frontmatter", "remark-lint-frontmatter-schema"]
    done = subprocess.run(["npm", "install", "--silent", "--prefix", str(tools), *packages], capture_output=True)
    if done.returncode != 0:
        print("(npm install failed; Node.js tools skipped)", file=sys.stderr)
        return []
    schema = HERE.parent / "schemas" / "post.schema.json"
    (tools / ".remarkrc.json").write_text(
        json.dumps(
            {
                "plugins": [
                    ["remark-frontmatter", ["yaml"]],
                    ["remark-lint-frontmatter-schema", {"schemas": {str(schema): ["**/*.md"]}}],
                ]
            }
        )
    )
    bin_dir = tools / "node_modules" / ".bin"
    rows = []
    glob = f"{corpus}/**/*.md"
    rows.append(("markdownlint-cli2", *measure([str(bin_dir / "markdownlint-cli2"), glob], runs)))
    remark = [str(bin_dir / "remark"), "--rc-path", str(tools / ".remarkrc.json"), "--quiet", "--frail", str(corpus)]
    rows.append(("remark-lint-frontmatter-schema", *measure(remark, max(1, runs // 2))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--no-node", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="postlint-bench-"))
    corpus, big, cache = work / "corpus", work / "big", work / "cache"
    if not corpus.exists():
        generate(corpus, args.count)
    one = next(iter(sorted(corpus.rglob("*.md"))))
    runs = args.runs

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def forget_last_report() -> None:
        for kept in cache.glob("*.last"):
            kept.unlink()

    subprocess.run([*postlint("--no-cache", str(one))], env=ENV, capture_output=True)  # write the bytecode
    rows: list[tuple[str, float, float]] = []
    check = postlint("--cache-dir", str(cache), str(corpus))
    tree = in_rounds(
        {
            "floor": ([sys.executable, "-c", FLOOR, str(corpus)], None),
            "cold": (check, clear_cache),  # writes the cache the next two use
            "warm": (check, None),
            "rows": (check, forget_last_report),  # warm, from each file's cache row
            "changed": (check, touch_some(corpus, 0.01)),
        },
        runs,
    )
    floor, cold, warm, changed = tree["floor"], tree["cold"], tree["warm"], tree["changed"]
    rows.append(("floor: read + C YAML loader, one process", *floor))
    rows.append(("postlint cold (no cache)", *cold))
    rows.append(("postlint warm (nothing changed)", *warm))
    rows.append(("  the same, without the last run's report", *tree["rows"]))
    rows.append(("postlint warm, 1% of files changed", *changed))
    bare = measure([sys.executable, "-c", "pass"], runs * 2)
    rows.append(("python -c pass", *bare))
    imports = measure([sys.executable, "-c", IMPORTS], runs * 2)
    rows.append((f"python -c '{IMPORTS}'", *imports))
    single = measure(postlint("--no-cache", str(one)), runs * 2)
    rows.append(("postlint check one-post.md --no-cache", *single))
    edited, served = one_post(work, one, runs)
    rows += [edited, served]
    if args.big:
        if not big.exists():
            generate(big, args.big, seed=2)
        big_cache = work / "big-cache"
        large = measure(
            postlint("--cache-dir", str(big_cache), str(big)),
            runs,
            lambda: shutil.rmtree(big_cache, ignore_errors=True),
        )  # cold, as the 10,000-post figure: no cache yet, and one written
        rows.append((f"postlint cold, {args.big:,} posts", *large))
    anchors = len(rows)
    if not args.no_node:
        rows += node_tools(work, corpus, runs)
    print(f"\n{args.count:,} posts in {corpus} ({sum(p.stat().st_size for p in corpus.rglob('*.md')) / 1e6:.0f} MB)\n")
    print(f"{'case':<52} {'wall s':>8} {'peak MB':>8}")
    for name, wall, peak in rows:
        print(f"{name:<52} {wall:8.3f} {peak:8.1f}")
    print("\nratios")
    print(f"  cold / floor                      {cold[0] / floor[0]:6.2f}   (target <= 1.5)")
    print(f"  warm / cold                       {warm[0] / cold[0]:6.2f}   (target <= 0.15)")
    print(f"  warm without the last report / cold {tree['rows'][0] / cold[0]:4.2f}   (each file's row)")
    print(f"  1% changed / cold                 {changed[0] / cold[0]:6.2f}   (target <= 0.25)")
    print(f"  one post, server / python -c pass {served[1] / bare[0]:6.2f}   (target <= 2.5)")
    alone = imports[0] / bare[0]
    print(f"  one post, no server               {edited[1] / bare[0]:6.2f}   (its imports alone: {alone:.2f})")
    print(f"  one post, no server, --no-cache   {single[0] / bare[0]:6.2f}")
    if args.big:
        print(f"  {args.big:,} / {args.count:,} posts             {large[0] / cold[0]:6.2f}   (target <= 5.5)")
        print(f"  peak memory, {args.big:,} posts       {large[1]:6.1f} MB (target <= 150)")
    for name, wall, peak in rows[anchors:]:
        print(f"  {name} / postlint cold  {wall / cold[0]:6.1f}   ({peak:.0f} MB)")


if __name__ == "__main__":
    main()
