"""Property tests over generated posts: whatever a post holds, checking it is safe and stable.

The posts are structure-aware, so that most of them reach the rules rather than the
decoder: front matter (YAML mostly, TOML and JSON too) with random known and unknown
keys, scalars (dates real and impossible, numbers, NaN, booleans in YAML 1.1 and
1.2 spellings, Bengali and mixed-script text, escapes for surrogates), lists and
nested mappings; a body of Bengali, Latin and mixed words, Markdown (headings,
fences, inline code, HTML comments, suppression comments, links), and random
invisible characters, bidi controls, Bengali marks out of place, a BOM, and random
line endings (LF, CRLF, lone CR, mixed).

Every rule runs (`select = ["ALL"]`). For each post:

- no exception escapes `Engine.run` (checking, and fixing in --diff mode), and no
  rule crashes (PL901 is how the engine reports one);
- every finding's span lies inside the file: 1 <= line <= number of lines,
  1 <= column <= that line's length + 1, offsets within the text, start <= end, and
  the offset agrees with the line and column;
- two runs give the same findings;
- every report format renders, and the JSON, JSON-lines and SARIF reports parse;
- a serial and a parallel run (`jobs = 2`, `parallel_threshold = 1`) agree.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.config import FORMATS, load_config
from postlint.discover import Target, discover
from postlint.engine import Engine, FixOptions
from postlint.findings import Finding
from postlint.report import render
from postlint.result import Result

EXAMPLES = int(os.environ.get("POSTLINT_FUZZ_EXAMPLES", "150"))
"""Raise it for a longer hunt: POSTLINT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py."""
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BENGALI_WORDS = ["আমরা", "বাংলায়", "লিখি", "কলকাতা", "ঢাকা", "খবর", "সাহিত্য", "ক্ষ", "র্ক", "ড়", "য়", "ৎ", "২০২৫", "১০"]
LATIN_WORDS = ["hello", "world", "Post", "WeChat", "naïve", "café", "x", "2025", "v1.2", "C++", "e.g."]
MIXED_WORDS = [
    "W\u0435Chat",
    "\u09e8\u09e624",
    "Avgiv",
    "evsjvq",
    "à¦¬à¦¾",
    "আমরাx",
    "a\u0301",
    "ড\u09bc",
    "ক\u09cd\u200d",
]
INVISIBLES = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u034f", "\u180e", "\u2028", "\u2029",
    "\u00a0", "\u202f", "\u3000", "\u2003", "\ufe0f", "\ufe0e", "\U000e0041", "\U000e007f", "\ue000",
    "\ufdd0", "\ufffe", "\ufffd", "\x7f", "\x85", "\x1b[31m", "\t", "\x0b", "\x0c",
]  # fmt: skip
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]
MARKS = ["\u09be", "\u09bf", "\u09c7", "\u09cd", "\u09bc", "\u0981", "\u0982", "\u09d7", "\u0964", "|", "\u09f0"]
ESCAPES = ["\\ud83d", "\\udc00", "&#xD83D;", "&#55357;", "\\U0000D83D", "\\u00e9"]
MARKDOWN = [
    "# ", "## ", "```\n", "~~~\n", "`", "<!-- ", " -->", "<!-- postlint-disable-next-line PL304 -->\n",
    "<!-- postlint-disable PL403 -->\n", "<!-- postlint-enable -->\n", "[link](https://example.com/x)", "    ",
    "> ", "- ", "1. ", "---\n", "***", "| a | b |\n|---|---|\n", "<https://x.y>", "\\",
]  # fmt: skip
KNOWN_KEYS = ["title", "slug", "date", "lastmod", "tags", "showToc", "description", "keywords", "draft", "lang"]
ODD_KEYS = ["Title", "show_toc", "ShowToc", "তারিখ", "slug\u200b", "$schema", "<<", "x y", "", "-", "?"]
ENDINGS = ["\n", "\r\n", "\r"]

word = st.sampled_from(BENGALI_WORDS + LATIN_WORDS + MIXED_WORDS)
sprinkle = st.sampled_from(INVISIBLES + BIDI + MARKS + ESCAPES)
token = st.one_of(word, word, word, sprinkle, st.sampled_from(MARKDOWN), st.text(max_size=4))


@st.composite
def text_run(draw: st.DrawFn, max_tokens: int = 12) -> str:
    tokens = draw(st.lists(token, max_size=max_tokens))
    joiners = draw(st.lists(st.sampled_from([" ", " ", "", "  ", "\u00a0", "-", ", "]), min_size=len(tokens)))
    return "".join(t + j for t, j in zip(tokens, joiners, strict=False))


scalar_text = st.one_of(
    text_run(6),
    st.sampled_from(["2025-04-10", "2025-02-30", "2025-04-10T23:42:37+06:00", "2025-04-10 10:41:06 +0000", "0001"]),
    st.sampled_from(["yes", "no", "on", "off", "y", "N", "true", "False", "~", "null", ".nan", ".inf", "-.Inf"]),
    st.sampled_from(["0o17", "0x1F", "1_000", "012", "1e3", "+1", "-0", "৫", "10:30"]),
    st.sampled_from(["hello-2025-04-10", "Hello World", "বাংলা-পোস্ট", "a--b", "-x-"]),
)


def yaml_scalar(value: str, style: int) -> str:
    if style == 0:
        return value.replace("\n", " ")
    if style == 1:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if style == 2:
        return "'" + value.replace("'", "''").replace("\n", " ") + "'"
    return '"' + value.replace('"', "").replace("\n", " ") + '"'  # escapes kept as written (\ud83d)


@st.composite
def yaml_value(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 5 if depth < 2 else 2))
    if kind <= 1:
        return yaml_scalar(draw(scalar_text), draw(st.integers(0, 3)))
    if kind == 2:
        return str(draw(st.one_of(st.integers(-(10**20), 10**20), st.floats(allow_nan=True))))
    if kind == 3:
        items = draw(st.lists(st.builds(yaml_scalar, scalar_text, st.integers(0, 3)), max_size=4))
        return "[" + ", ".join(items) + "]"
    if kind == 4:
        items = draw(st.lists(yaml_value(depth + 1), max_size=3))
        pad = "  " * (depth + 1)
        return "".join(f"\n{pad}- {item}" for item in items) or "[]"
    pairs = draw(st.lists(st.tuples(st.sampled_from(KNOWN_KEYS + ODD_KEYS), yaml_value(depth + 1)), max_size=3))
    pad = "  " * (depth + 1)
    return "".join(f"\n{pad}{key}: {value}" for key, value in pairs) or "{}"


@st.composite
def yaml_front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(KNOWN_KEYS + ODD_KEYS), max_size=10))
    lines = [f"{key}: {draw(yaml_value())}" for key in keys]
    if draw(st.booleans()):
        lines.append(f"# postlint: ignore[{draw(st.sampled_from(['PL101', 'PL102', 'nope', 'PL9999']))}]")
    if draw(st.booleans()):
        lines.append("anchor: &a [1, 2]\nalias: *a")
    return "---\n" + "\n".join(lines) + "\n---\n"


@st.composite
def toml_front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from([*KNOWN_KEYS, "weight", "x"]), max_size=6))
    lines = [f"{key} = {yaml_scalar(draw(scalar_text), 1)}" for key in keys]
    return "+++\n" + "\n".join(lines) + "\n+++\n"


@st.composite
def json_front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(KNOWN_KEYS + ODD_KEYS), max_size=6))
    pairs = [f"{json.dumps(key)}: {yaml_scalar(draw(scalar_text), 1)}" for key in keys]
    return "{" + ", ".join(pairs) + "}\n"


@st.composite
def body(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(text_run(), max_size=8))
    return "\n".join(blocks) + draw(st.sampled_from(["\n", "", "\n\n", " "]))


@st.composite
def posts(draw: st.DrawFn) -> str:
    front = draw(st.one_of(yaml_front_matter(), yaml_front_matter(), toml_front_matter(), json_front_matter()))
    if draw(st.integers(0, 9)) == 0:
        front = draw(st.sampled_from(["", "---\n", "---", "\n\n" + front]))
    text = front + "\n" + draw(body())
    mode = draw(st.integers(0, 4))
    if mode == 1:
        text = text.replace("\n", "\r\n")
    elif mode == 2:
        text = text.replace("\n", "\r")
    elif mode == 3:
        lines = text.split("\n")
        ends = draw(st.lists(st.sampled_from(ENDINGS), min_size=len(lines), max_size=len(lines)))
        text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    return ("\ufeff" if draw(st.integers(0, 9)) == 0 else "") + text


# -- running ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Engine]]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "postlint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    config = load_config([root])
    yield root, Engine(config, cache=False)


def _targets(root: Path, posts_text: list[str]) -> list[Target]:
    for old in root.glob("*.md"):
        old.unlink()
    for index, text in enumerate(posts_text):
        (root / f"post-{index}.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    config = load_config([root])
    return discover([root], config.root, config.excludes)


def _key(finding: Finding) -> tuple[object, ...]:
    fix = finding.fix
    edits = tuple((e.start, e.end, e.replacement) for e in fix.edits) if fix else None
    return (finding.path, finding.code, finding.span, finding.message, finding.hint, edits)


def _run(engine: Engine, targets: list[Target], fix: FixOptions | None = None) -> Result:
    return engine.run(targets, fix)


def _assert_no_crash(result: Result) -> None:
    crashes = [f.message for f in result.findings if f.code == "PL901"]
    assert not crashes, crashes


def _assert_spans_inside(result: Result, texts: dict[str, str]) -> None:
    for finding in result.findings:
        text = texts[finding.path]
        lines = text.split("\n")
        start, end = finding.span.start, finding.span.end
        for position in (start, end):
            assert 1 <= position.line <= len(lines), (finding, len(lines))
            assert 1 <= position.column <= len(lines[position.line - 1]) + 1, (finding, lines[position.line - 1])
            assert 0 <= position.offset <= len(text), finding
            line_start = sum(len(line) + 1 for line in lines[: position.line - 1])
            assert position.offset == line_start + position.column - 1, ("offset disagrees with line:column", finding)
        assert (start.line, start.column) <= (end.line, end.column), finding


def _decoded(text: str) -> str:
    """The text positions index: the file's text after the BOM."""
    return text.removeprefix("\ufeff")


@FUZZ
@given(post=posts())
def test_any_post_is_checked_safely(project: tuple[Path, Engine], post: str) -> None:
    root, engine = project
    targets = _targets(root, [post])
    first = _run(engine, targets)
    _assert_no_crash(first)
    _assert_spans_inside(first, {targets[0].display: _decoded(post)})
    second = _run(engine, targets)
    assert [_key(f) for f in first.findings] == [_key(f) for f in second.findings]
    fixed = _run(engine, targets, FixOptions(write=False, unsafe=True))
    _assert_no_crash(fixed)
    assert (root / "post-0.md").read_bytes() == post.encode("utf-8", "surrogatepass"), "--diff mode wrote the file"


@FUZZ
@given(post=posts())
def test_every_report_renders_and_json_parses(project: tuple[Path, Engine], post: str) -> None:
    root, engine = project
    result = _run(engine, _targets(root, [post]))
    for fmt in FORMATS:
        stream = io.StringIO()
        render(result, fmt, stream)
        out = stream.getvalue()
        if fmt == "json":
            assert len(json.loads(out)) == len(result.findings)
        elif fmt == "json-lines":
            lines = out.splitlines()  # one finding per line, even for str.splitlines()
            assert len(lines) == len(result.findings)
            assert all(isinstance(json.loads(line), dict) for line in lines)
        elif fmt in ("sarif", "gitlab"):
            json.loads(out)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 5))
@given(batch=st.lists(posts(), min_size=2, max_size=6))
def test_serial_and_parallel_runs_agree(project: tuple[Path, Engine], batch: list[str]) -> None:
    root, engine = project
    targets = _targets(root, batch)
    serial = _run(engine, targets)
    jobs, threshold = engine.jobs, engine.parallel_threshold
    engine.jobs, engine.parallel_threshold = 2, 1
    try:
        parallel = _run(engine, targets)
    finally:
        engine.jobs, engine.parallel_threshold = jobs, threshold
    assert [_key(f) for f in serial.findings] == [_key(f) for f in parallel.findings]


def _parses(post: str) -> bool:
    from postlint.frontmatter import parse_front_matter
    from postlint.load import decode

    doc = decode(Path("x.md"), "x.md", post.encode("utf-8", "surrogatepass"))
    if doc.text is None:
        return False
    parse_front_matter(doc)
    fm = doc.front_matter
    return fm is not None and isinstance(fm.data, dict) and len(fm.data) >= 3 and "আ" in doc.text[fm.end :]


def test_the_generator_reaches_the_rules() -> None:
    """The generator makes posts whose front matter parses and whose body is Bengali, so
    the properties above test the rules, not only the parser."""
    from hypothesis import find

    assert _parses(find(posts(), _parses, settings=settings(max_examples=2000, database=None)))
