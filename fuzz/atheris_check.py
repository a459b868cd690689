"""Coverage-guided fuzzing of postlint's load-and-check path with atheris (libFuzzer for Python).

Each input is the bytes of one file. It goes through what `postlint check` does to a
file, minus the disk: `load.decode` (BOM, UTF-16/32 sniffing, NUL bytes, invalid
UTF-8), `parse_front_matter` (YAML, TOML, JSON), every rule (`select = ["ALL"]`)
through `Engine.check_document`, the inline suppressions, and the fix loop
(`Engine.fix_document`, which applies fixes and re-checks; nothing is written).

A crash is any of:

- an exception escaping any of those steps;
- a PL901 finding (the engine's report that a rule raised);
- a finding whose span is not inside the text (line, column or offset out of range,
  or an offset that disagrees with its line and column);
- a fix loop whose result no longer decodes as UTF-8.

libFuzzer also stops on an input slower than `-timeout` seconds (backtracking regexes)
or one that takes more than `-rss_limit_mb`; both are findings too.

Running it (atheris is not a project dependency; use a throwaway virtualenv):

    python3 -m venv /tmp/atheris-venv
    /tmp/atheris-venv/bin/pip install atheris -e .
    mkdir -p /tmp/postlint-corpus
    /tmp/atheris-venv/bin/python fuzz/atheris_check.py -max_total_time=60 -timeout=10 \\
        -max_len=65536 /tmp/postlint-corpus examples/good examples/bad tests/fixtures

libFuzzer writes new interesting inputs into the first folder (keep it outside the
repository) and reads the others as seeds; a crashing input is saved as
`crash-<sha1>` (or `timeout-...`, `oom-...`) in the current folder. Reproduce one with
`python fuzz/atheris_check.py crash-<sha1>`. `-max_total_time` bounds the run in
seconds; `-runs=N` bounds it in inputs; `-jobs=N -workers=N` runs N fuzzers.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["postlint"]):
    import postlint.rules  # noqa: F401  (every rule module, instrumented)
    from postlint.config import load_config
    from postlint.document import Document
    from postlint.engine import Engine, FixOptions
    from postlint.findings import Finding
    from postlint.fix import encode
    from postlint.frontmatter import parse_front_matter
    from postlint.load import decode


class FuzzFailure(Exception):
    """What the harness itself counts as a crash (beyond an exception escaping)."""


def _build_engine() -> Engine:
    root = Path(tempfile.mkdtemp(prefix="postlint-fuzz-"))
    (root / "postlint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    return Engine(load_config([root]), cache=False)


ENGINE = _build_engine()
PATH = Path("fuzz.md")
FIXING = FixOptions(write=False, unsafe=True)


def _check_span(finding: Finding, text: str | None, starts: list[int]) -> None:
    if text is None:  # undecodable: the one problem sits at the start or at a byte offset
        return
    for position in (finding.span.start, finding.span.end):
        if not 1 <= position.line <= len(starts):
            raise FuzzFailure(f"{finding.code}: line {position.line} of {len(starts)}: {finding.message}")
        line_start = starts[position.line - 1]
        line_end = starts[position.line] - 1 if position.line < len(starts) else len(text)
        if not 1 <= position.column <= line_end - line_start + 1:
            raise FuzzFailure(f"{finding.code}: column {position.column} outside line {position.line}")
        if position.offset != line_start + position.column - 1:
            raise FuzzFailure(f"{finding.code}: offset {position.offset} is not line:column {position}")
    if finding.span.start.offset > finding.span.end.offset:
        raise FuzzFailure(f"{finding.code}: span ends before it starts: {finding.span}")


def _line_starts(text: str | None) -> list[int]:
    if text is None:
        return []
    starts = [0]
    at = text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def check_bytes(data: bytes) -> None:
    doc: Document = decode(PATH, "fuzz.md", data)
    doc.relative_path = "fuzz.md"
    if doc.text is not None:
        parse_front_matter(doc)
    findings = ENGINE.check_document(doc, {})
    crashed = [f.message for f in findings if f.code == "PL901"]
    if crashed:
        raise FuzzFailure(crashed[0])
    starts = _line_starts(doc.text)
    for finding in findings:
        _check_span(finding, doc.text, starts)
    ENGINE.suppressions(doc)
    if doc.text is not None:
        fixed, _ = ENGINE.fix_document(doc, FIXING)
        if fixed.text is not None:
            encode(fixed.text, fixed.has_bom).decode("utf-8")


def fuzz_one_input(data: bytes) -> None:
    check_bytes(data)


def main() -> None:
    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
