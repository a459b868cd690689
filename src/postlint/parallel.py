"""Check many files across processes, in batches, with the same results as one process.

On Linux the workers are forked from the configured engine (no set-up per worker);
elsewhere each worker builds its own engine from the config.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from postlint.cache import Wire, from_wire, to_wire
from postlint.discover import Target
from postlint.file_result import FileResult

if TYPE_CHECKING:
    from postlint.config import Config
    from postlint.engine import Engine, FixOptions

_ENGINE: Engine | None = None


def _build(config: Config) -> None:
    from postlint.engine import Engine

    global _ENGINE
    _ENGINE = Engine(config, cache=False)


def _work(batch: tuple[list[Target], FixOptions | None, bool]) -> list[Wire]:
    targets, fix, facts_only = batch
    assert _ENGINE is not None
    return [to_wire(_ENGINE.check_file(target, fix, facts_only=facts_only)) for target in targets]


def check_in_parallel(
    engine: Engine, targets: Sequence[Target], fix: FixOptions | None, *, facts_only: bool = False
) -> Iterator[FileResult]:
    """Each target's result, in order, as its batch comes back."""
    global _ENGINE
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    forked = context.get_start_method() == "fork"
    _ENGINE = engine
    size = max(16, len(targets) // (engine.jobs * 32))
    batches = ((list(targets[i : i + size]), fix, facts_only) for i in range(0, len(targets), size))
    if forked:
        pool = ProcessPoolExecutor(engine.jobs, mp_context=context)
    else:
        pool = ProcessPoolExecutor(engine.jobs, mp_context=context, initializer=_build, initargs=(engine.config,))
    with pool:
        for batch in pool.map(_work, batches):
            yield from map(from_wire, batch)
