"""Reporters render a finished Result; each lives in its own module, imported on use.

A format `name` lives in `postlint.report.<name with - as _>_format` and has
`render(result, stream, *, quiet)`. The names are declared once, in `config.FORMATS`.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Mapping
from importlib import import_module
from pathlib import Path
from typing import TextIO

from postlint.config import FORMATS
from postlint.errors import UsageError
from postlint.result import Result

__all__ = ["FORMATS", "choose_format", "render", "write_report"]


def choose_format(
    given: str | None,
    configured: str | None,
    *,
    to_file: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """`--format`, else the config's `format`, else `github` inside GitHub Actions
    (`GITHUB_ACTIONS=true`, writing to stdout), else `text`. Raises UsageError for an unknown name."""
    in_actions = environ.get("GITHUB_ACTIONS") == "true" and not to_file
    fmt = given or configured or ("github" if in_actions else "text")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return fmt


def render(result: Result, fmt: str, stream: TextIO, *, quiet: bool = False) -> None:
    module = import_module(f"postlint.report.{fmt.replace('-', '_')}_format")
    module.render(result, stream, quiet=quiet)


def write_report(result: Result, fmt: str, output_file: Path | None = None, *, quiet: bool = False) -> None:
    """Render to stdout, or to `output_file` (UTF-8, created with its folders).

    A report written to a file holds the findings only: the summary goes to stderr
    (unless `quiet`). The report is rendered in memory first, so a failure never
    leaves half a file.
    """
    if output_file is None:
        render(result, fmt, sys.stdout, quiet=quiet)
        return
    buffer = io.StringIO()
    render(result, fmt, buffer, quiet=True)
    try:
        output_file.parent.mkdir(parents=True, exist_ok=True)
        with output_file.open("w", encoding="utf-8", newline="") as handle:
            handle.write(buffer.getvalue())
    except OSError as exc:
        raise UsageError(f"cannot write the report to {output_file}: {exc.strerror or exc}") from None
    if not quiet:
        from postlint.report.text_format import summary

        sys.stderr.write(f"{summary(result)}\nReport written to {output_file}.\n")
