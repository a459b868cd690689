"""Check many files across processes, in batches, with the same results as one process.

On Linux the workers are forked from the configured engine (no set-up per worker);
elsewhere each worker builds its own engine from the config.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from postlint.cache import Wire, from_wire, to_wire
from postlint.discover import Target
from postlint.file_result import FileResult

if TYPE_CHECKING:
    from postlint.config import Config
    from postlint.engine import Engine, FixOptions

_ENGINE: Engine | None = None
_LARGEST_BATCH = 256
"""Files per batch at most: a batch takes about 50 ms, so the first results come soon and
no worker is left with a long last batch while the other has finished."""


def _build(config: Config) -> None:
    from postlint.engine import Engine

    global _ENGINE
    _ENGINE = Engine(config, cache=False)


def _work(batch: tuple[list[Target], FixOptions | None, bool]) -> list[Wire]:
    targets, fix, facts_only = batch
    assert _ENGINE is not None
    return [to_wire(result) for result in _ENGINE.check_here(targets, fix, facts_only=facts_only)]


def check_in_parallel(
    engine: Engine, targets: Sequence[Target], fix: FixOptions | None, *, facts_only: bool = False
) -> Iterator[FileResult]:
    """Each target's result, in order, as its batch comes back.

    When a worker process dies, the rest is checked in one worker a file at a time, so
    that a file it dies on again is reported (PL904) and the run goes on.
    """
    global _ENGINE
    _ENGINE = engine
    size = min(max(16, len(targets) // (engine.jobs * 32)), _LARGEST_BATCH)
    batches = ((list(targets[i : i + size]), fix, facts_only) for i in range(0, len(targets), size))
    done = 0
    try:
        with _pool(engine, engine.jobs) as pool:
            for batch in pool.map(_work, batches):
                for wire in batch:
                    done += 1
                    yield from_wire(wire)
    except BrokenProcessPool:
        yield from _one_at_a_time(engine, targets[done:], fix, facts_only)


def _one_at_a_time(
    engine: Engine, rest: Sequence[Target], fix: FixOptions | None, facts_only: bool
) -> Iterator[FileResult]:
    while rest:
        done = 0
        try:
            with _pool(engine, 1) as pool:
                for target in rest:
                    # One file in flight (not `map`, which queues the next ones): a finished
                    # file whose result the pool had not yet read when the worker died
                    # would be reported as broken too.
                    wires = pool.submit(_work, ([target], fix, facts_only)).result()
                    done += 1
                    yield from_wire(wires[0])
            return
        except BrokenProcessPool:
            yield engine.died(rest[done])  # the file in flight when the worker died
            rest = rest[done + 1 :]


def _pool(engine: Engine, workers: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        return ProcessPoolExecutor(workers, mp_context=context)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_build, initargs=(engine.config,))
