"""`check(paths, config) -> Result`: what the CLI, tests and embedders call."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from postlint.config import Config, load_config
from postlint.discover import discover
from postlint.engine import Engine, FixOptions
from postlint.result import Result

__all__ = ["Engine", "FixOptions", "Result", "check"]


def check(paths: Iterable[Path | str], config: Config | None = None, fix: FixOptions | None = None) -> Result:
    """Check files and folders; the config is found from the paths when not given."""
    path_list = [Path(p) for p in paths] or [Path(".")]
    config = config or load_config(path_list)
    return Engine(config).run(discover(path_list, config.root, config.excludes), fix, walked=path_list)
