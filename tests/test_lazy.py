"""Patterns compiled at their first use, and the large modules a run imports only when needed."""

from __future__ import annotations

import re
import subprocess
import sys
import types

import regex

from postlint.lazy import LazyPattern, lazy_re, lazy_regex


def _module_with(source: str) -> types.ModuleType:
    module = types.ModuleType("lazy_example")
    exec(source, module.__dict__)
    return module


def test_a_pattern_is_compiled_at_its_first_use_and_then_is_the_compiled_pattern() -> None:
    module = _module_with("from postlint.lazy import lazy_re\nWORD = lazy_re(r'[a-z]+')\nBOTH = (WORD,)\n")
    stand_in = module.WORD
    assert isinstance(stand_in, LazyPattern) and "_compiled" not in vars(stand_in)
    assert module.WORD.findall("ab 12 cd") == ["ab", "cd"]
    assert isinstance(module.WORD, re.Pattern)  # the module's name now holds the compiled pattern
    assert module.BOTH[0] is stand_in and module.BOTH[0].match("xy").group() == "xy"  # held elsewhere: still works


def test_flags_sources_and_regex() -> None:
    assert lazy_re("^b", re.MULTILINE).search("a\nb") is not None
    assert lazy_re(lambda: "[" + "xyz" + "]+").fullmatch("zyx") is not None
    word = lazy_regex(r"(?V1)[\p{L}--a]+")
    assert word.findall("abc অআ") == ["bc", "অআ"]
    assert isinstance(word.compile(), regex.Pattern)  # type: ignore[attr-defined]


def test_introspection_does_not_compile() -> None:
    stand_in = lazy_re("x")
    assert not hasattr(stand_in, "__wrapped__")
    assert "_compiled" not in vars(stand_in)


def test_a_run_imports_neither_regex_nor_pyyaml_until_a_file_needs_them() -> None:
    later = [
        "regex",
        "yaml",
        "zoneinfo",
        "postlint.frontmatter.yaml_source",
        "postlint.frontmatter.toml_source",
        "postlint.rules.integrity._nfc_data",
        "postlint.rules.integrity.bijoy_table",
    ]
    code = f"import sys, postlint.engine, postlint.rules\nprint([m for m in {later!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
