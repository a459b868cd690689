"""compact_json: orjson's speed, the json module's values."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postlint import compact_json

PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet=st.characters(codec="utf-8")),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


def _same(left: object, right: object) -> bool:
    """Equal, with NaN equal to NaN."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    return type(left) is type(right) and left == right


@given(PLAIN)
def test_values_come_back_as_the_json_module_gives_them(value: object) -> None:
    text = compact_json.values(value)
    assert _same(compact_json.loads(text), json.loads(text))
    assert _same(compact_json.loads(text), value)


@pytest.mark.parametrize(
    "value",
    [
        [2**70, -(2**70)],  # orjson refuses to write them, and would read them back as floats
        [float("nan"), float("inf"), -float("inf")],  # orjson writes them as null
        {"tag": "\ud83d"},  # a lone surrogate: orjson refuses it
        [None, "null"],
    ],
)
def test_what_orjson_would_change_is_written_by_json_and_read_back_exactly(value: object) -> None:
    text = compact_json.values(value)
    assert text.startswith(" ")
    assert _same(compact_json.loads(text), value)


def test_usual_facts_are_written_by_orjson_compactly_with_bengali_as_itself() -> None:
    facts = {"PL223": [["ব্র্যান্ড", [6, 8, 282, 6, 17, 291]]]}
    text = compact_json.values(facts)
    assert text == '{"PL223":[["ব্র্যান্ড",[6,8,282,6,17,291]]]}'
    assert compact_json.loads(text) == facts
    assert compact_json.loads(text.encode()) == facts


def test_postlints_own_data_with_null_stays_on_the_fast_writer() -> None:
    row = [12, 1795807372264402608, "c3e9", "{}", [["a.md", "PL101", None]]]
    assert compact_json.dumps(row) == json.dumps(row, separators=(",", ":")).encode()


@pytest.mark.parametrize("text", ["{", "[1,]", "NaN x", "", " {"])
def test_text_that_is_not_json_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        compact_json.loads(text)


def test_nesting_past_orjsons_limit_is_left_to_json_which_raises_recursion_error() -> None:
    deep = "[" * 1100 + "]" * 1100  # orjson stops at 1,024 levels; the cache treats both errors as corrupt
    with pytest.raises(RecursionError):
        json.loads(deep)
    with pytest.raises(RecursionError):
        compact_json.loads(deep)
