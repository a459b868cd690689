"""Regular expressions compiled at their first use, not at import.

Every rule module is imported on every run, but a run uses few of their patterns:
most files hold nothing a rule looks for, and a rule whose `applies` test says no
never runs. Compiling every pattern at import, and importing `regex` (about 7 ms)
for those that need Unicode properties, cost more than checking one file.

A module writes ``_WORD = lazy_regex(r"\\p{L}+")`` (or `lazy_re` for `re`) and calls
``_WORD.search(text)`` as before. The stand-in compiles the pattern when it is first
asked for an attribute; then the module's global names that held the stand-in hold
the compiled pattern itself, so later calls cost exactly what they cost before. (A
stand-in held elsewhere, in a dict or tuple, keeps the compiled pattern's methods as
its own attributes: a call through it costs one more look-up.) A source that is
itself costly to build (from a large table) can be given as a function.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import regex

Source = str | Callable[[], str]
"""A pattern's text, or a function that builds it (called once, at the first use)."""

_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)
"""What `re.Pattern` and `regex.Pattern` both have, copied onto the stand-in once compiled."""


class LazyPattern:
    """A pattern's source, compiled by `re` or `regex` when first used (see the module's doc)."""

    def __init__(self, engine: str, source: Source, flags: int, namespace: dict[str, Any]) -> None:
        self._engine = engine
        self._source = source
        self._flags = flags
        self._namespace = namespace  # the globals of the module that made it: rebound once compiled

    def compile(self) -> Any:
        """The compiled pattern, made (and put in the stand-in's place) on the first call."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            source = self._source if isinstance(self._source, str) else self._source()
            if self._engine == "regex":
                import regex

                compiled = regex.compile(source, self._flags)
            else:
                compiled = re.compile(source, self._flags)
            self.__dict__.update({name: getattr(compiled, name) for name in _ATTRIBUTES})
            self.__dict__["_compiled"] = compiled
            namespace = self._namespace
            for name in [name for name, value in namespace.items() if value is self]:
                namespace[name] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes the instance lacks: before compiling, or for rarer ones.
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and introspection must not compile
        return getattr(self.compile(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._engine}, {self._source!r})"


def lazy_re(source: Source, flags: int = 0) -> re.Pattern[str]:
    """A `re` pattern compiled at its first use (typed as the compiled pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern("re", source, flags, sys._getframe(1).f_globals))


def lazy_regex(source: Source) -> regex.Pattern[str]:
    """A `regex` pattern compiled at its first use; write flags inline (`(?V1)`)."""
    return cast("regex.Pattern[str]", LazyPattern("regex", source, 0, sys._getframe(1).f_globals))
