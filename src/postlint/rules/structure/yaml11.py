"""How YAML 1.1 readers resolve a plain scalar, where that differs from YAML 1.2.

postlint reads front matter as YAML 1.2 does (the core schema: Hugo >= 0.152,
go-yaml v3). Three YAML 1.1 readers are modelled, each only as far as it was
verified:

- PyYAML: its own implicit resolvers and safe constructor, asked directly, for
  booleans, nulls, integers (octal `012`, binary `0b1010`, `1_000`, base 60
  `12:30`) and floats (`1_000.5`, `190:20:30.15`; it reads `+.5` and `1e3` as text);
  a plain `=` is its "value" type, which it refuses to load.
- Jekyll (Ruby's Psych): `yes/no/on/off/true/false/null` in any letter case.
- older Hugo (go-yaml v2): `y/Y/n/N` and the YAML 1.1 boolean words.

Timestamps are left out on purpose: dates are the date rules' business.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from postlint.frontmatter.yaml_scalars import BOOLS, resolve_plain
from postlint.lazy import lazy_re

if TYPE_CHECKING:
    from yaml.resolver import Resolver

REFUSED = object()
"""The reading of a reader that fails on the value."""

_STD = "tag:yaml.org,2002:"
_CONSTRUCTED = {_STD + kind for kind in ("bool", "int", "float", "null")}
_PSYCH = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False, "null": None}
_TRUE_FALSE = (["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"], ["n", "N", "no", "No", "NO", "off", "Off", "OFF"])
_GO_YAML_V2 = dict.fromkeys(_TRUE_FALSE[0], True) | dict.fromkeys(_TRUE_FALSE[1], False)
MAYBE_TYPED = frozenset("0123456789+-.=yYnNoOtTfF")
"""The first characters of every plain scalar a YAML 1.1 reader may read as another type
(no quote among them: a quoted key is never plain)."""


_WORDS_1_1 = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
"""Every word (in lower case) that some reader here types: a word of letters not among them is
text for all of them, as in YAML 1.2, so PyYAML need not be asked (nor imported; a test checks)."""


@cache
def _resolver() -> Resolver:
    from yaml.resolver import Resolver

    return Resolver()


def _pyyaml(text: str) -> Any:
    from yaml.constructor import SafeConstructor
    from yaml.nodes import ScalarNode

    tag = _resolver().resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STD + "value":
        return REFUSED
    if tag not in _CONSTRUCTED:
        return text
    try:
        # A new constructor each time: it remembers every node it has built.
        return SafeConstructor().construct_object(ScalarNode(tag, text))
    except ValueError:  # an integer with more digits than int() converts
        return text


def _same(first: Any, second: Any) -> bool:
    return type(first) is type(second) and repr(first) == repr(second)


def yaml11_readings(text: str, key: bool = False) -> tuple[Any, dict[str, Any]]:
    """The YAML 1.2 value of plain scalar `text`, and each 1.1 reader's value where it differs.

    Hugo decodes top-level keys into strings, so older Hugo is not asked about a key.
    """
    if not text or text[0] not in MAYBE_TYPED or _TIMESTAMP.fullmatch(text):
        return resolve_plain(text), {}
    if text in BOOLS:
        return BOOLS[text], {}  # `true`, `False`: the same boolean for every reader
    if text.isalpha() and text.lower() not in _WORDS_1_1:
        return text, {}  # `tags`, `title`, `news`: text for every reader
    modern, readings = _readings(text, key)
    return modern, dict(readings)


_TIMESTAMP = lazy_re(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[-+][0-9]{2}:[0-9]{2})?)?")
"""Dates as posts write them (`2025-04-10`, `2025-04-10T10:00:00+06:00`): text for every reader
here (PyYAML resolves a timestamp, which is left as text), so they never drift (a test checks)."""


def is_timestamp(text: str) -> bool:
    """Whether a plain scalar is a date as posts write it (`_TIMESTAMP`): it never drifts."""
    return _TIMESTAMP.fullmatch(text) is not None


@lru_cache(maxsize=4096)
def _readings(text: str, key: bool) -> tuple[Any, tuple[tuple[str, Any], ...]]:
    """`yaml11_readings` worked out (words and keys repeat from post to post)."""
    modern = resolve_plain(text)
    readings: dict[str, Any] = {"PyYAML": _pyyaml(text)}
    lowered = text.lower()
    if lowered in _PSYCH:
        readings["Jekyll"] = _PSYCH[lowered]
    if text in _GO_YAML_V2 and not key:
        readings["older Hugo"] = _GO_YAML_V2[text]
    return modern, tuple((reader, value) for reader, value in readings.items() if not _same(value, modern))
