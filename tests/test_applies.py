"""A rule's `applies` test never hides a finding: when it says no, the rule finds nothing.

The engine skips a rule whose `applies` says no, so each test must answer yes for
every document the rule would report on. Here every rule is also run directly on
documents its test turned away: the rule examples, fixture posts, and generated
posts full of the characters the Unicode rules look for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.config import Config
from postlint.document import Document
from postlint.engine import Engine
from postlint.load import decode
from postlint.registry import load_registry
from postlint.rule import CorpusRule
from postlint.selection import ActiveRule

REGISTRY = load_registry()
ENGINE = Engine(Config(root=Path(__file__).parent, select=("ALL",)), REGISTRY, cache=False)
GATED = [active for active in ENGINE.active if active.rule.applies is not None]
FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.md"))


def document(text: str | bytes, name: str = "post.md") -> Document:
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    doc = decode(Path(name), name, data)
    if doc.text is not None:
        from postlint.frontmatter import parse_front_matter

        parse_front_matter(doc)
    return doc


def hidden_findings(doc: Document, active: ActiveRule) -> list[str]:
    """What the rule finds in `doc` although its `applies` test turned the document away."""
    rule, context = active.rule, active.context
    assert rule.applies is not None
    if rule.applies(doc, context):
        return []
    fresh = Document(doc.path, doc.display_path, doc.text, doc.has_bom, doc.front_matter, list(doc.problems))
    found = rule.collect(fresh, context) if isinstance(rule, CorpusRule) else rule.check(fresh, context)
    return [repr(item) for item in found]


def example_texts() -> list[str | bytes]:
    texts: list[str | bytes] = []
    for rule in REGISTRY.rules:
        for example in (rule.bad, rule.good):
            if example is not None:
                texts.append(example.content)
    return texts + [path.read_bytes() for path in FIXTURES]


def test_some_rules_have_a_test() -> None:
    assert len(GATED) > 30


@pytest.mark.parametrize("active", GATED, ids=lambda active: active.rule.code)
def test_applies_hides_nothing_in_examples_and_fixtures(active: ActiveRule) -> None:
    for text in example_texts():
        doc = document(text)
        assert not hidden_findings(doc, active), text


_HAZARD_WORDS = (
    "a b c ক খ গ য র ড ঢ \u09dc \u09dd \u09df া ি ী ু ে ো ৌ \u09d7 \u09cd \u09bc ঁ ং ঃ অ আ এ ৎ "
    "\u09e6 \u09e7 \u09ef । ॥ | \u09fe ৰ ৱ "
    "\u200b \u200c \u200d \u2060 \u00ad \ufeff \u00a0 \u2009 \u3000 \u202e \u202c \u2066 \u2069 \u200e \u061c "
    "\x1b \x07 \x85 \u2028 \ufffd \ufdd0 \uf09a \ufe0f \u20e3 \U000e0041 \U0001f600 \u0435 \u03bf Ã © à ¦ ¬ "
    "\u2020 \u02c6 Kv wK \u0301 \u0951 \u093e क \u09e72 \uff12 \\u \\ud83d &#xD83D; ` ``` # ## - -- === \t \r "
    "ক\u09dc\u09bc ক\u09c1\u09c1 ক\u09c7\u09be কংং ক\u09bc\u09cd ক\u09cd\u09cd \u09dc\u09dc "
    "ক\u0301\u0301 e\u0301\u0301 Â© Â\u00a0 \U0002f800 \u1e9b\u0323"
)
HAZARDS = _HAZARD_WORDS.split(" ")
PIECES = st.lists(st.sampled_from([*HAZARDS, " ", "\n", "\n\n", "word", "শব্দ"]), max_size=40).map("".join)
HEADERS = st.sampled_from(
    [
        "",
        "---\ntitle: x\n---\n",
        "---\ntitle: {t}\nslug: {t}\ntags: [{t}, b]\nshowToc: true\ndate: 2025-04-10\n---\n",
        '---\ntitle: "{t}"\nlang: en\n---\n',
        "+++\ntitle = '{t}'\n+++\n",
    ]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, PIECES, PIECES)
def test_applies_hides_nothing_in_generated_posts(header: str, title: str, body: str) -> None:
    doc = document(header.replace("{t}", title.replace("\n", " ")) + body)
    for active in GATED:
        assert not hidden_findings(doc, active), (active.rule.code, doc.text)
