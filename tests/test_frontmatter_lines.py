"""The line reader of `key: value` front matter gives exactly what the event parser gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.frontmatter.yaml_lines import parse_lines
from postlint.frontmatter.yaml_scalars import YamlResult
from postlint.frontmatter.yaml_source import parse_yaml

KEYS = ["title", "slug", "$schema", "show-toc", "a.b", "_x", "null", "True", "y", "no", "x" * 120, "<<", "a b"]
SEPARATORS = [": "] * 12 + [":  ", ":", " : ", ":\t"]
WORDS = [
    "word", "two words", "a  b", "12", "012", "0x1F", "1e3", "+.5", ".inf", "~", "null", "yes", "True", "=",
    "2025-04-10", "2025-04-10T23:42:37+06:00", "12:30", "a:b", "a: b", "a:", "-", "-1", "-x", "- x", "?x", ":x",
    "#x", "a #b", "a#b", "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", "foo [bar], {x}", "it's", 'say "hi"',
    "back\\slash", "বাংলা লেখা", "x\u00a0y", "\u00a0x", "x\u2028y", "x\u0085y", "x\ufeffy", "x\U0001f600",
    "\u200dx", "(x)", "<x>", "^x", ";x", "/x", "$x", "x,", "x]", "x}",
]  # fmt: skip
QUOTED = ['"x"', '"a b"', '""', '"a#b"', '"a\\nb"', '"a\'b"', "'x'", "'a\"b'", "''", "'it''s'", '"বাংলা"', "'a\\b'"]
TAILS = [""] * 16 + [" ", "  ", " # note", "\t", " x"]


def flow_lists() -> st.SearchStrategy[str]:
    item = st.sampled_from(["a", "b c", "3", "yes", '"q, r"', "'s'", "x:y", "x: y", "[a]", "", " ", "d-e", "f'g"])
    seps = st.sampled_from([",", ", ", " ,", ",  "])
    return st.lists(st.tuples(item, seps), max_size=4).map(
        lambda parts: "[" + "".join(i + s for i, s in parts[:-1]) + (parts[-1][0] if parts else "") + "]"
    )


values = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTED), flow_lists(), st.text(max_size=8))
lines = st.tuples(st.sampled_from(KEYS), st.sampled_from(SEPARATORS), values, st.sampled_from(TAILS)).map(
    lambda parts: "".join(parts)
)
rows = st.tuples(st.integers(0, 9), lines).map(lambda p: {0: "", 1: "  indented: x"}.get(p[0], p[1]))
blocks = st.lists(rows, min_size=0, max_size=3).map(lambda rows: "".join(row + "\n" for row in rows))


def same(fast: YamlResult, events: YamlResult) -> bool:
    return (
        repr(fast.data) == repr(events.data)
        and list(fast.source_map.nodes.items()) == list(events.source_map.nodes.items())
        and fast.problems == events.problems
        and fast.ok == events.ok
    )


def events_of(text: str, base: int) -> YamlResult:
    return parse_yaml(text, base, lambda offset: 1)


@settings(max_examples=3000, deadline=None)
@given(blocks, st.integers(0, 50))
def test_lines_read_as_the_event_parser_does(text: str, base: int) -> None:
    fast = parse_lines(text, base)
    if fast is not None:
        assert same(fast, events_of(text, base)), text


@pytest.mark.parametrize(
    "text",
    [
        'title: "A post"\nslug: a-post-2025-04-10\ndate: 2025-04-10T10:00:00+06:00\ntags: [a, "b c"]\nshowToc: true\n',
        "\n\ntitle: x  \n\n\nempty: []\nspaced: [ a ,b ]\n",
        "title: বাংলা শিরোনাম\ndescription: 'একটি বাক্য।'\nkeywords: [উইচ্যাট, চীন]\n",
    ],
)
def test_the_usual_shape_takes_the_fast_path(text: str) -> None:
    fast = parse_lines(text, 4)
    assert fast is not None
    assert same(fast, events_of(text, 4))


@pytest.mark.parametrize(
    "text",
    [
        "title: x\ntitle: y\n",  # a duplicate key: the event parser reports it
        "title: x # note\n",
        "tags:\n  - a\n",
        "title: a: b\n",
        "title: x\r\n",
        "null: x\n",
        "title: [a,]\n",
        "",
        "\n\n",
        "title:\n",
        'title: "a\\tb"\n',
    ],
)
def test_other_shapes_go_to_the_event_parser(text: str) -> None:
    assert parse_lines(text, 0) is None
