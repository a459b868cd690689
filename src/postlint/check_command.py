"""What `postlint check` does once its arguments are parsed (the CLI only parses them)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from postlint.config import load_config
from postlint.discover import Target, discover
from postlint.engine import Engine, FixOptions
from postlint.errors import UsageError
from postlint.findings import Finding
from postlint.report import choose_format, write_report
from postlint.selection import fixable_codes

PROGRESS_MIN_FILES = 200


@dataclass(frozen=True)
class CheckRequest:
    """What `postlint check` was asked to do: its arguments, parsed."""

    paths: list[Path]
    config: Path | None = None
    preset: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    output_format: str | None = None
    output_file: Path | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fix_only: bool = False
    add_ignores: bool = False
    statistics: bool = False
    no_cache: bool = False
    cache_dir: Path | None = None
    jobs: int | None = None
    exit_zero: bool = False
    strict: bool = False
    quiet: bool = False


def cache_folder(request: CheckRequest, root: Path) -> Path | None:
    """`--cache-dir`, else POSTLINT_CACHE_DIR, else `.postlint_cache` in the project root."""
    if request.no_cache:
        return None
    chosen = request.cache_dir or os.environ.get("POSTLINT_CACHE_DIR")
    return Path(chosen) if chosen else root / ".postlint_cache"


def _echo(text: str, *, err: bool = False) -> None:
    (sys.stderr if err else sys.stdout).write(text + "\n")


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on a terminal for large runs; nothing in pipes or CI."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI") and total >= PROGRESS_MIN_FILES
    if not interactive:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda done: bar.update(task, completed=done)


def run_check(request: CheckRequest) -> int:
    cfg = load_config(request.paths, request.config, request.preset)
    cfg = cfg.with_overrides(
        select=request.select,
        ignore=request.ignore,
        extend_select=request.extend_select,
        jobs=request.jobs,
        cache_dir=cache_folder(request, cfg.root),
    )
    fmt = choose_format(request.output_format, cfg.format, to_file=request.output_file is not None)
    if sum((request.fix or request.fix_only, request.diff, request.add_ignores)) > 1:
        raise UsageError("choose one of --fix/--fix-only, --diff and --add-ignores")
    engine = Engine(cfg)
    targets = discover(request.paths, cfg.root, cfg.excludes)
    fixing = None
    if request.fix or request.fix_only or request.diff:
        fixable = fixable_codes(engine.registry, cfg)
        fixing = FixOptions(write=not request.diff, unsafe=request.unsafe_fixes, fixable=fixable)
    if fixing is not None and fixing.write:
        from postlint.fix import remove_stale_temps

        remove_stale_temps(os.path.dirname(os.path.realpath(t.path)) for t in targets)
    with progress_bar(len(targets)) as progress:
        result = engine.run(targets, fixing, progress=progress, walked=request.paths)
    if request.diff:
        sys.stdout.write("".join(result.diffs))
        _echo(f"{result.fixed} fix{'es' if result.fixed != 1 else ''} would be applied.", err=True)
        return 1 if result.diffs and not request.exit_zero else 0
    if request.fix_only:
        _echo(f"Fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}.")
        return 0
    if request.add_ignores:
        return _add_ignores(engine, result.findings, targets)
    if request.statistics:
        from postlint.report.statistics import render_statistics

        render_statistics(result, sys.stdout)
    else:
        write_report(result, fmt, request.output_file, quiet=request.quiet)
    return 0 if request.exit_zero else result.exit_code(request.strict)


def _add_ignores(engine: Engine, findings: list[Finding], targets: list[Target]) -> int:
    from postlint.add_ignores import add_ignores

    added, skipped = add_ignores(findings, targets, engine.max_bytes)
    _echo(f"Added {added} suppression{'s' if added != 1 else ''}.")
    for path in skipped:
        _echo(f"postlint: {path}: could not be decoded; add it to per-file-ignores instead", err=True)
    return 0
