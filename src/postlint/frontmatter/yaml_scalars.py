"""What both YAML readers share, without PyYAML: plain scalars as YAML 1.2 reads them, and results.

The fast line reader (`yaml_lines`) reads most front matter; PyYAML (`yaml_source`)
is imported only for the blocks it cannot read, so these live apart from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from postlint.frontmatter.source_map import SourceMap
from postlint.lazy import lazy_re

NULLS = {"", "~", "null", "Null", "NULL"}
"""The plain scalars YAML 1.2 reads as null."""
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
"""The plain scalars YAML 1.2 reads as booleans."""
_INT = lazy_re(r"[-+]?[0-9]+\Z")
_OCT = lazy_re(r"0o[0-7]+\Z")
_HEX = lazy_re(r"0x[0-9a-fA-F]+\Z")
_FLOAT = lazy_re(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = lazy_re(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NANS = {".nan", ".NaN", ".NAN"}
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")


def resolve_plain(text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema (timestamps stay text)."""
    if text and text[0] not in _MAYBE_TYPED:
        return text
    if text in NULLS:
        return None
    if text in BOOLS:
        return BOOLS[text]
    try:
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
    except ValueError:  # more digits than int() converts; keep the text
        return text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if text in _NANS:
        return float("nan")
    return text


_YAML11_TRUE = frozenset({"y", "Y", "yes", "on", "true"})
_YAML11_FALSE = frozenset({"n", "N", "no", "off", "false"})


def yaml11_boolean(text: str) -> bool | None:
    """The boolean a YAML 1.1 reader makes of a plain scalar that YAML 1.2 keeps a string.

    `yes/no/on/off` in any case (PyYAML, Jekyll, go-yaml v2) and `y/Y/n/N` (go-yaml v2,
    older Hugo); None for anything YAML 1.2 also reads as a boolean, or not at all.
    """
    if text in BOOLS:
        return None
    word = text if len(text) == 1 else text.lower()
    if word in _YAML11_TRUE:
        return True
    if word in _YAML11_FALSE:
        return False
    return None


class YamlProblem(NamedTuple):
    code: str
    start: int
    end: int
    message: str
    hint: str | None = None


@dataclass(slots=True)
class YamlResult:
    """YAML front matter: its data and nodes' spans, and the problems met reading it."""

    data: Any
    source_map: SourceMap
    problems: list[YamlProblem] = field(default_factory=list)
    ok: bool = True
