"""Where the time of a cold check goes: reading and parsing, each rule, each shared `applies` test.

    python bench/rule_times.py [CORPUS] [--top 25] [--preset NAME]

Runs the default rules over every file of CORPUS (default /tmp/c10k; make one with
`python bench/generate.py /tmp/c10k --count 10000`) in one process, the way
`Engine.check_document` does (a rule whose `applies` test says no is skipped), and
prints the time of each phase and of the slowest rules. A rule's figure includes
everything it computes first and shares through `doc.memo`, so the first rule of a
family pays for the family's scan.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from postlint.config import load_config
from postlint.discover import discover
from postlint.engine import Engine
from postlint.rule import CorpusRule


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("/tmp/c10k"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--preset", default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    config = load_config([args.corpus], preset=args.preset)
    engine = Engine(config, cache=False)
    built = time.perf_counter()
    targets = discover([args.corpus], config.root, config.excludes)
    found = time.perf_counter()
    print(f"engine {built - started:.3f} s, discover {found - built:.3f} s, {len(targets):,} files")
    times: dict[str, float] = defaultdict(float)
    tests: dict[str, float] = defaultdict(float)
    read = suppress = 0.0
    for target in targets:
        at = time.perf_counter()
        doc = engine.read(target)
        read += time.perf_counter() - at
        answers: dict[Callable[..., bool], bool] = {}
        for active in engine.active:
            rule, context = active.rule, active.context
            applies = getattr(rule, "applies", None)  # None too for rules from before `applies`
            if applies is not None:
                if applies not in answers:
                    at = time.perf_counter()
                    answers[applies] = applies(doc, context)
                    tests[applies.__qualname__] += time.perf_counter() - at
                if not answers[applies]:
                    continue
            at = time.perf_counter()
            found_items: Any = rule.collect(doc, context) if isinstance(rule, CorpusRule) else rule.check(doc, context)
            list(found_items)
            times[rule.code] += time.perf_counter() - at
        at = time.perf_counter()
        engine.suppressions(doc)
        suppress += time.perf_counter() - at
    total_tests, total_rules = sum(tests.values()), sum(times.values())
    print(f"read+parse {read:.3f} s, applies tests {total_tests:.3f} s, rules {total_rules:.3f} s, ", end="")
    print(f"suppressions {suppress:.3f} s")
    for code, seconds in sorted(times.items(), key=lambda item: -item[1])[: args.top]:
        print(f"  {code} {seconds * 1000:7.1f} ms")
    for name, seconds in sorted(tests.items(), key=lambda item: -item[1]):
        print(f"  applies: {name} {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
