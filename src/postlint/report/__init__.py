"""Reporters render a finished Result; each lives in its own module, imported on use."""

from __future__ import annotations

from importlib import import_module
from typing import TextIO

from postlint.result import Result

FORMATS = ("text", "concise", "json")


def render(result: Result, fmt: str, stream: TextIO, *, quiet: bool = False) -> None:
    module = import_module(f"postlint.report.{fmt}_format")
    module.render(result, stream, quiet=quiet)
