"""Front matter: finding the block, parsing YAML/TOML/JSON, problems and source spans."""

from __future__ import annotations

import math
import os
import subprocess
import time
from pathlib import Path

import pytest

from postlint.document import Document, Problem
from postlint.findings import Position
from postlint.frontmatter import parse_front_matter
from postlint.frontmatter.yaml_scalars import resolve_plain
from postlint.frontmatter.yaml_source import MAX_DEPTH, MAX_NODES
from postlint.load import decode


def parsed(text: str | bytes) -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = decode(Path("x.md"), "x.md", data)
    assert doc.text is not None, doc.problems
    parse_front_matter(doc)
    return doc


def codes(doc: Document) -> list[str]:
    return [p.code for p in doc.problems]


def only(doc: Document, code: str) -> Problem:
    found = [p for p in doc.problems if p.code == code]
    assert len(found) == 1, doc.problems
    return found[0]


def at(doc: Document, pointer: tuple) -> tuple[int, int]:
    """(line, column) where the value at `pointer` starts."""
    node = doc.front_matter.node(pointer)
    assert node is not None, (pointer, doc.front_matter.source_map.nodes)
    position = doc.index.position(node.start)
    return position.line, position.column


def key_at(doc: Document, pointer: tuple) -> tuple[int, int]:
    node = doc.front_matter.node(pointer)
    assert node is not None and node.key_start is not None
    position = doc.index.position(node.key_start)
    return position.line, position.column


def value_text(doc: Document, pointer: tuple) -> str:
    node = doc.front_matter.node(pointer)
    assert node is not None
    return doc.text[node.start : node.end]


def assert_plain_data(value) -> None:
    """Only what JSON can hold: no object was constructed from a tag."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str
            assert_plain_data(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain_data(item)
    else:
        assert value is None or type(value) in (str, int, float, bool), type(value)


# --- the three formats ------------------------------------------------------------


def test_yaml_closed_by_dashes():
    text = "---\ntitle: হ্যালো\nslug: hello\n---\n\nবাংলা লেখা।\n"
    doc = parsed(text)
    assert doc.problems == []
    fm = doc.front_matter
    assert fm.format == "yaml"
    assert fm.data == {"title": "হ্যালো", "slug": "hello"}
    assert (fm.open_start, fm.open_end) == (0, 3)
    assert text[fm.close_start : fm.close_end] == "---"
    assert doc.body == "\nবাংলা লেখা।\n"


def test_yaml_closed_by_dots():
    text = "---\ntitle: Hello\ntags: [a]\n...\nBody\n"
    doc = parsed(text)
    assert doc.problems == []
    assert doc.front_matter.format == "yaml"
    assert doc.front_matter.data == {"title": "Hello", "tags": ["a"]}
    assert text[doc.front_matter.close_start : doc.front_matter.close_end] == "..."
    assert doc.body == "Body\n"


def test_yaml_closing_fence_may_end_the_file_without_newline():
    doc = parsed("---\ntitle: x\n---")
    assert doc.problems == []
    assert doc.front_matter.data == {"title": "x"}
    assert doc.body == ""


def test_toml_front_matter():
    text = (
        "+++\n"
        'title = "বাংলা শিরোনাম"\n'
        "date = 2025-04-10T23:42:37\n"
        "day = 2025-04-10\n"
        "draft = false\n"
        "[params]\n"
        'tags = ["খবর", 3]\n'
        "+++\n\nBody\n"
    )
    doc = parsed(text)
    assert doc.problems == []
    fm = doc.front_matter
    assert fm.format == "toml"
    assert fm.data == {
        "title": "বাংলা শিরোনাম",
        "date": "2025-04-10T23:42:37",
        "day": "2025-04-10",
        "draft": False,
        "params": {"tags": ["খবর", 3]},
    }
    assert doc.body == "\nBody\n"
    # the value of title starts after `title = ` on line 2
    assert at(doc, ("title",)) == (2, 9)
    assert key_at(doc, ("title",)) == (2, 1)
    # a key in a table is mapped under the table's pointer
    assert at(doc, ("params", "tags")) == (7, 8)
    assert value_text(doc, ("params", "tags")) == '["খবর", 3]'


def test_json_front_matter_bare_object():
    text = '{\n  "title": "বাংলা",\n  "tags": ["খবর", 3]\n}\n\nBody\n'
    doc = parsed(text)
    assert doc.problems == []
    fm = doc.front_matter
    assert fm.format == "json"
    assert fm.data == {"title": "বাংলা", "tags": ["খবর", 3]}
    assert doc.body == "\nBody\n"
    assert at(doc, ("title",)) == (2, 12)
    assert key_at(doc, ("title",)) == (2, 3)
    assert value_text(doc, ("tags",)) == '["খবর", 3]'


def test_json_front_matter_eleventy_fence():
    text = '---json\n{"title": "বাংলা", "tags": ["খবর", 3]}\n---\nBody\n'
    doc = parsed(text)
    assert doc.problems == []
    fm = doc.front_matter
    assert fm.format == "json"
    assert fm.data == {"title": "বাংলা", "tags": ["খবর", 3]}
    assert doc.body == "Body\n"
    # `{"title": ` is 10 code points: the value starts at column 11
    assert at(doc, ("title",)) == (2, 11)
    # `{"title": "বাংলা", ` is 19 code points: `"tags"` starts at column 20
    assert key_at(doc, ("tags",)) == (2, 20)


# --- missing, unclosed, empty, not a mapping ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["# শিরোনাম\n\nলেখা।\n", "Just text\n---\ntitle: x\n---\n", "\n\n", "-- \ntitle: x\n--\n"],
)
def test_missing_front_matter_is_pl010(text):
    doc = parsed(text)
    assert doc.front_matter is None
    assert codes(doc) == ["PL010"]
    assert only(doc, "PL010").span.start == Position(1, 1, 0)


@pytest.mark.parametrize(
    ("text", "closer"),
    [
        ("---\ntitle: Hello\n\nText.\n", "---"),
        ("---\ntitle: x\n----\n", "---"),
        ("---\ntitle: x\n--- # end\n", "---"),
        ("+++\ntitle = 1\n", "+++"),
        ('---json\n{"a": 1}\n', "---"),
    ],
)
def test_unclosed_front_matter_is_pl011(text, closer):
    doc = parsed(text)
    assert doc.front_matter is None
    assert codes(doc) == ["PL011"]
    problem = only(doc, "PL011")
    assert problem.span.start == Position(1, 1, 0)
    assert f"`{closer}`" in problem.message


def test_unclosed_after_blank_lines_points_at_the_opener():
    doc = parsed("\n\n---\ntitle: x\n")
    assert only(doc, "PL011").span.start.line == 3


@pytest.mark.parametrize(
    "text",
    ["---\n---\n", "---\n\n\n---\n", "---\n# only a comment\n---\n", "---\n~\n---\n", "+++\n+++\n", "+++\n# c\n+++\n"],
)
def test_empty_front_matter_is_pl012(text):
    doc = parsed(text)
    assert codes(doc) == ["PL012"]
    assert doc.front_matter is not None
    assert doc.front_matter.data is None
    assert only(doc, "PL012").span.start == Position(1, 1, 0)


@pytest.mark.parametrize(
    "text",
    ["---\n{}\n---\n", "{}\n\nBody\n", "---json\n{}\n---\n"],
    ids=["yaml-empty-flow-mapping", "json-bare", "json-eleventy"],
)
def test_front_matter_with_no_keys_is_pl012(text):
    # "The front matter has no keys": `{}` has none, exactly like an empty TOML block
    doc = parsed(text)
    assert codes(doc) == ["PL012"], doc.problems


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("---\n- title\n- slug\n---\n", "a list"),
        ("---\n[a, b]\n---\n", "a list"),
        ("---\nhello\n---\n", "a single value (str)"),
        ("---\n42\n---\n", "a single value (int)"),
        ("---\n'বাংলা'\n---\n", "a single value (str)"),
        ("---json\n[1, 2]\n---\n", "a list"),
        ('---json\n"x"\n---\n', "a single value (str)"),
    ],
)
def test_non_mapping_front_matter_is_pl013(text, kind):
    doc = parsed(text)
    assert codes(doc) == ["PL013"]
    assert doc.front_matter is not None
    assert doc.front_matter.data is None
    problem = only(doc, "PL013")
    assert kind in problem.message
    assert problem.span.start.line == 2
    assert problem.span.start.column == 1


# --- syntax errors at file positions -------------------------------------------------


def test_yaml_syntax_error_position_is_in_the_file():
    doc = parsed("---\ntitle: x\nbad: : [\n---\n")
    problem = only(doc, "PL014")
    assert codes(doc) == ["PL014"]
    assert doc.front_matter.data is None
    # line 3 of the file ("bad: : ["), at the second colon
    assert (problem.span.start.line, problem.span.start.column) == (3, 6)
    assert problem.message.startswith("YAML syntax error")


def test_yaml_syntax_error_after_leading_blank_lines_and_bengali():
    doc = parsed("\n\n---\ntitle: বাংলা\nbad: : [\n---\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (5, 6)
    assert "PL017" in codes(doc)


def test_yaml_syntax_error_after_bengali_on_the_same_line_counts_code_points():
    # "title: বাংলা" is 12 code points; the offending `:` is column 13
    doc = parsed("---\ntitle: বাংলা: [x\nx: 1\n---\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (2, 13)


def test_yaml_syntax_error_after_quoted_bengali():
    # "title: 'বাংলা' " is 15 code points; the stray `x` is column 16
    doc = parsed("---\ntitle: 'বাংলা' x\n---\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (2, 16)


def test_yaml_unclosed_flow_sequence_reported_at_end_of_block():
    doc = parsed("---\na: 1\nb: [1, 2\n---\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (4, 1)


def test_toml_syntax_error_position_is_in_the_file():
    doc = parsed('+++\ntitle = "বাংলা"\nb = \n+++\n')
    problem = only(doc, "PL014")
    assert codes(doc) == ["PL014"]
    assert problem.message.startswith("TOML syntax error")
    # line 3 is "b = ": the missing value is at column 5
    assert (problem.span.start.line, problem.span.start.column) == (3, 5)


def test_toml_syntax_error_after_bengali_counts_code_points():
    # line 2 is `title = "বাংলা` + newline: the newline is at column 15
    doc = parsed('+++\ntitle = "বাংলা\nb = 1\n+++\n')
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (2, 15)


def test_toml_duplicate_key_is_a_syntax_error_on_its_line():
    doc = parsed("+++\ntitle = 1\ntitle = 2\n+++\n")
    problem = only(doc, "PL014")
    assert problem.span.start.line == 3


def test_toml_error_at_end_of_document_points_at_the_end_of_the_block():
    # tomllib reports "Unclosed array (at end of document)": the end of the block is
    # line 4 (the closing fence), not the first line of the block
    doc = parsed('+++\ntitle = "x"\nb = [1, 2\n+++\n')
    problem = only(doc, "PL014")
    assert problem.span.start.line == 4, problem
    assert problem.span.start.column == 1


def test_json_syntax_error_position_bare_object():
    doc = parsed('{\n "a": 1,\n "b": ,\n}\n')
    problem = only(doc, "PL014")
    assert problem.message.startswith("JSON syntax error")
    assert (problem.span.start.line, problem.span.start.column) == (3, 7)


def test_json_syntax_error_position_eleventy():
    doc = parsed('---json\n{\n "শিরোনাম": 1,\n "b": ,\n}\n---\n')
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (4, 7)


def test_json_syntax_error_after_bengali_on_the_same_line():
    # `{"শিরোনাম": "বাংলা", "b": ` is 26 code points (শিরোনাম is 7, বাংলা is 5):
    # the missing value is column 27
    line = '{"শিরোনাম": "বাংলা", "b": ,}'
    assert line.index(",}") == 26
    doc = parsed(line + "\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (1, 27)


# --- unsafe tags ----------------------------------------------------------------------


def test_python_tag_is_pl015_and_never_executed(monkeypatch):
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *a, **k: calls.append(("os.system", a)) or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append(("Popen", a)))
    text = (
        "---\n"
        "title: !!python/object/apply:os.system [echo pwned]\n"
        "x: !!python/object/apply:subprocess.Popen [[touch, /tmp/postlint-pwned]]\n"
        "y: !!python/name:os.system ''\n"
        "z: !!python/object:collections.OrderedDict {a: 1}\n"
        "w: !custom বাংলা\n"
        "---\n"
    )
    doc = parsed(text)
    assert calls == []
    assert codes(doc) == ["PL015"] * 5
    data = doc.front_matter.data
    assert data == {
        "title": ["echo pwned"],
        "x": [["touch", "/tmp/postlint-pwned"]],
        "y": "",
        "z": {"a": 1},
        "w": "বাংলা",
    }
    assert type(data["z"]) is dict
    assert_plain_data(data)
    first = doc.problems[0]
    assert "!!python/object/apply:os.system" in first.message
    assert (first.span.start.line, first.span.start.column) == (2, 8)
    assert [p.span.start.line for p in doc.problems] == [2, 3, 4, 5, 6]


def test_standard_tags_are_not_pl015():
    doc = parsed("---\na: !!str 12\nb: !!int '7'\nc: !!float 1.5\nd: ! x\ne: !!bool 'true'\n---\n")
    assert doc.problems == []
    assert doc.front_matter.data == {"a": "12", "b": 7, "c": 1.5, "d": "x", "e": True}


def test_float_tag_on_an_integer_literal_is_a_float():
    # YAML 1.2 core: `1` matches the float pattern, so `!!float 1` is 1.0 (go-yaml v3, PyYAML agree)
    doc = parsed("---\nc: !!float 1\n---\n")
    value = doc.front_matter.data["c"]
    assert value == 1.0 and type(value) is float, repr(value)


# --- resource limits -----------------------------------------------------------------


def _laughs(levels: int) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels + 1):
        name, prev = chr(97 + i), chr(96 + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_billion_laughs_is_pl016_and_fast():
    text = _laughs(9)  # 10**10 strings if expanded
    started = time.perf_counter()
    doc = parsed(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert codes(doc) == ["PL016"]
    assert doc.front_matter.data is None
    assert f"{MAX_NODES:,}" in only(doc, "PL016").message


def test_a_few_aliases_are_fine():
    doc = parsed("---\na: &a [x, y]\nb: [*a, *a]\n---\n")
    assert doc.problems == []
    assert doc.front_matter.data == {"a": ["x", "y"], "b": [["x", "y"], ["x", "y"]]}


def test_deep_flow_nesting_is_pl016_and_fast():
    text = "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    started = time.perf_counter()
    doc = parsed(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert codes(doc) == ["PL016"]
    assert doc.front_matter.data is None
    assert only(doc, "PL016").span.start.line == 2


def test_deep_block_nesting_is_pl016_and_fast():
    text = "---\nx:\n  " + "- " * 10_000 + "a\n---\n"
    started = time.perf_counter()
    doc = parsed(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert codes(doc) == ["PL016"]
    assert doc.front_matter.data is None
    assert str(MAX_DEPTH) in only(doc, "PL016").message


def test_deep_block_mapping_nesting_is_pl016():
    text = "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)) + "---\n"
    doc = parsed(text)
    assert codes(doc) == ["PL016"]
    assert doc.front_matter.data is None


def test_nesting_below_the_limit_is_parsed():
    depth = MAX_DEPTH - 2
    doc = parsed("---\na: " + "[" * depth + "1" + "]" * depth + "\n---\n")
    assert doc.problems == []
    value = doc.front_matter.data["a"]
    for _ in range(depth):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == 1


@pytest.mark.parametrize("text", ["---\na: &x [*x]\n---\n", "---\na: &x {b: *x}\n---\n"])
def test_alias_to_its_own_enclosing_anchor_is_not_recursive(text):
    doc = parsed(text)
    assert codes(doc) == ["PL014"]
    problem = only(doc, "PL014")
    assert "*x" in problem.message and "contains it" in problem.message
    assert problem.span.start.line == 2
    # nothing recursive was built or kept
    assert doc.front_matter.data is None


def test_alias_without_anchor_is_pl014():
    doc = parsed("---\na: *nope\n---\n")
    problem = only(doc, "PL014")
    assert "*nope" in problem.message
    assert (problem.span.start.line, problem.span.start.column) == (2, 4)


# --- merge keys and duplicates -------------------------------------------------------------


def test_merge_keys():
    text = (
        "---\n"
        "base: &base {lang: bn, draft: false}\n"
        "more: &more {lang: en, author: রবি}\n"
        "one:\n"
        "  <<: *base\n"
        "  title: এক\n"
        "two:\n"
        "  <<: [*base, *more]\n"
        "  draft: true\n"
        "---\n"
    )
    doc = parsed(text)
    assert doc.problems == []
    data = doc.front_matter.data
    assert data["one"] == {"title": "এক", "lang": "bn", "draft": False}
    # explicit keys win; earlier merged mappings win over later ones
    assert data["two"] == {"draft": True, "lang": "bn", "author": "রবি"}
    assert "<<" not in data["one"] and "<<" not in data["two"]


def test_merge_of_a_non_mapping_is_pl014():
    doc = parsed("---\nx:\n  <<: [1, 2]\n  a: 1\n---\n")
    assert "PL014" in codes(doc)


def test_quoted_merge_key_is_an_ordinary_key():
    doc = parsed("---\nx:\n  '<<': {a: 1}\n---\n")
    assert doc.problems == []
    assert doc.front_matter.data == {"x": {"<<": {"a": 1}}}


def test_duplicate_key_is_pl103_naming_both_lines():
    text = "---\ntitle: প্রথম\nslug: s\ntags: [a]\ntitle: দ্বিতীয়\n---\n"
    doc = parsed(text)
    assert codes(doc) == ["PL103"]
    problem = only(doc, "PL103")
    assert "`title`" in problem.message
    assert "lines 2 and 5" in problem.message
    # the finding sits on the second definition's key
    assert (problem.span.start.line, problem.span.start.column) == (5, 1)
    assert doc.text[problem.span.start.offset : problem.span.end.offset] == "title"


def test_duplicate_key_nested_and_quoted():
    doc = parsed('---\nauthor:\n  name: a\n  "name": b\n---\n')
    problem = only(doc, "PL103")
    assert "lines 3 and 4" in problem.message
    assert (problem.span.start.line, problem.span.start.column) == (4, 3)


def test_duplicate_key_in_json():
    doc = parsed('{"a": 1,\n "a": 2}\n')
    problem = only(doc, "PL103")
    assert "`a`" in problem.message


def test_no_duplicate_for_same_key_in_different_mappings():
    doc = parsed("---\na:\n  name: x\nb:\n  name: y\n---\n")
    assert doc.problems == []


# --- scalar resolution -----------------------------------------------------------------------


def test_timestamps_stay_source_text():
    text = "---\ndate: 2025-04-10T23:42:37.811140\nday: 2025-04-10\nzoned: 2025-04-10 23:42:37 +06:00\n---\n"
    doc = parsed(text)
    assert doc.problems == []
    assert doc.front_matter.data == {
        "date": "2025-04-10T23:42:37.811140",
        "day": "2025-04-10",
        "zoned": "2025-04-10 23:42:37 +06:00",
    }
    assert all(type(v) is str for v in doc.front_matter.data.values())


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("012", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("-7", -7),
        ("+12", 12),
        ("1_000", "1_000"),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("", None),
        ("'true'", "true"),
        ('"12"', "12"),
        ("বাংলা", "বাংলা"),
        ("১২", "১২"),  # Bengali digits are not a YAML int
    ],
)
def test_yaml_12_core_schema(written, value):
    doc = parsed(f"---\nk: {written}\n---\n")
    assert doc.problems == []
    got = doc.front_matter.data["k"]
    assert got == value
    assert type(got) is type(value)


def test_nan_resolves_to_float_nan():
    doc = parsed("---\nk: .nan\n---\n")
    assert math.isnan(doc.front_matter.data["k"])


def test_resolve_plain_directly():
    assert resolve_plain("yes") == "yes"
    assert resolve_plain("true") is True
    assert resolve_plain("012") == 12
    assert resolve_plain("0o10") == 8
    assert resolve_plain("2025-04-10") == "2025-04-10"


def test_non_string_keys_become_text():
    doc = parsed("---\n1: a\ntrue: b\nnull: c\n---\n")
    assert doc.front_matter.data == {"1": "a", "true": "b", "null": "c"}


# --- leading blank lines, CRLF ------------------------------------------------------------


def test_leading_blank_lines_are_pl017():
    doc = parsed("\n \n\t\n---\ntitle: x\n---\n")
    assert codes(doc) == ["PL017"]
    problem = only(doc, "PL017")
    assert problem.span.start == Position(1, 1, 0)
    assert problem.span.end.line == 4
    assert doc.front_matter.data == {"title": "x"}
    assert doc.front_matter.open_start == 5


def test_leading_blank_lines_before_json_and_toml_are_pl017():
    assert codes(parsed('\n\n{"a": 1}\n')) == ["PL017"]
    assert codes(parsed("\n+++\na = 1\n+++\n")) == ["PL017"]


def test_no_pl017_when_front_matter_is_first():
    doc = parsed("---\ntitle: x\n---\n\n\nBody\n")
    assert doc.problems == []


def test_crlf_front_matter():
    text = "\r\n---\r\ntitle: বাংলা\r\ntags: [a, 3]\r\n---\r\n\r\nBody\r\n"
    doc = parsed(text)
    assert codes(doc) == ["PL017"]
    assert doc.front_matter.data == {"title": "বাংলা", "tags": ["a", 3]}
    assert doc.body == "\r\nBody\r\n"
    assert at(doc, ("tags", 1)) == (4, 11)
    assert value_text(doc, ("title",)) == "বাংলা"


def test_crlf_toml_and_duplicates():
    doc = parsed('+++\r\ntitle = "x"\r\n+++\r\n')
    assert doc.problems == []
    assert doc.front_matter.data == {"title": "x"}
    assert value_text(doc, ("title",)) == '"x"'
    dup = parsed("---\r\ntitle: a\r\ntitle: b\r\n---\r\n")
    assert "lines 2 and 3" in only(dup, "PL103").message


def test_crlf_yaml_syntax_error_line():
    doc = parsed("---\r\ntitle: x\r\nbad: : [\r\n---\r\n")
    problem = only(doc, "PL014")
    assert (problem.span.start.line, problem.span.start.column) == (3, 6)


# --- source map ------------------------------------------------------------------------------


def test_flow_list_item_span():
    doc = parsed("---\ntitle: Hello\ntags: [news, 3]\n---\n")
    assert doc.front_matter.data["tags"] == ["news", 3]
    assert at(doc, ("tags", 1)) == (3, 14)
    assert value_text(doc, ("tags", 1)) == "3"
    assert at(doc, ("tags", 0)) == (3, 8)
    assert at(doc, ("tags",)) == (3, 7)
    assert key_at(doc, ("tags",)) == (3, 1)


def test_block_list_item_span():
    doc = parsed("---\ntitle: Hello\ntags:\n  - news\n  - 3\n---\n")
    assert doc.front_matter.data["tags"] == ["news", 3]
    assert at(doc, ("tags", 0)) == (4, 5)
    assert at(doc, ("tags", 1)) == (5, 5)
    assert value_text(doc, ("tags", 1)) == "3"
    assert key_at(doc, ("tags",)) == (3, 1)


def test_value_after_bengali_title_line():
    doc = parsed('---\ntitle: "বাংলা"\nx: 1\n---\n')
    assert doc.front_matter.data == {"title": "বাংলা", "x": 1}
    assert at(doc, ("title",)) == (2, 8)
    assert value_text(doc, ("title",)) == '"বাংলা"'
    assert at(doc, ("x",)) == (3, 4)
    assert key_at(doc, ("x",)) == (3, 1)


def test_flow_list_with_bengali_items_then_number():
    doc = parsed("---\ntags: [খবর, বাংলা, 3]\n---\n")
    assert doc.front_matter.data == {"tags": ["খবর", "বাংলা", 3]}
    # "tags: [" is 7, "খবর, " is 5, "বাংলা, " is 7 code points: `3` is column 20
    assert at(doc, ("tags", 0)) == (2, 8)
    assert at(doc, ("tags", 1)) == (2, 13)
    assert at(doc, ("tags", 2)) == (2, 20)
    assert value_text(doc, ("tags", 2)) == "3"


def test_flow_mapping_with_bengali_key_then_value():
    doc = parsed("---\nm: {শিরোনাম: বাংলা, n: 3}\n---\n")
    assert doc.front_matter.data == {"m": {"শিরোনাম": "বাংলা", "n": 3}}
    assert key_at(doc, ("m", "শিরোনাম")) == (2, 5)
    assert at(doc, ("m", "শিরোনাম")) == (2, 14)
    assert key_at(doc, ("m", "n")) == (2, 21)
    assert at(doc, ("m", "n")) == (2, 24)


def test_astral_code_point_counts_as_one_column():
    doc = parsed("---\ntags: [😀, 3]\n---\n")
    assert at(doc, ("tags", 1)) == (2, 11)


def test_nested_block_mapping_spans():
    doc = parsed("---\nauthor:\n  name: রবীন্দ্রনাথ\n  links:\n    - https://example.org\n---\n")
    assert at(doc, ("author", "name")) == (3, 9)
    assert key_at(doc, ("author", "name")) == (3, 3)
    assert at(doc, ("author", "links", 0)) == (5, 7)


def test_plain_flag_marks_unquoted_scalars():
    doc = parsed("---\na: yes\nb: 'yes'\n---\n")
    assert doc.front_matter.node(("a",)).plain is True
    assert doc.front_matter.node(("b",)).plain is False


def test_locate_falls_back_to_nearest_ancestor():
    doc = parsed("---\nbase: &b {lang: bn}\npost:\n  <<: *b\n  title: x\n---\n")
    fm = doc.front_matter
    assert fm.data["post"] == {"title": "x", "lang": "bn"}
    # a merged value has no span of its own: it is placed on its mapping
    assert fm.node(("post", "lang")) is None
    start, _ = fm.locate(("post", "lang"))
    assert start == fm.node(("post",)).start
    assert doc.index.position(start).line == 4


def test_locate_without_any_node_is_the_opener():
    doc = parsed('+++\ntitle = "x"\n+++\n')
    assert doc.front_matter.locate(("nothing", 3)) == (0, 3)
