"""Rules for what the loader and the front-matter parser find (PL0xx, PL103).

These checks happen while a file is read and parsed; the parser records each one
as a Problem with its code, and the rule with that code reports it. They can be
selected, ignored and re-levelled like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import CLEAN


def reported_problems(code: str) -> Any:
    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for problem in doc.problems:
            if problem.code == code:
                yield ctx.finding(doc.display_path, problem.span, problem.message, problem.hint)

    return check


def has_problems(doc: Document, ctx: RuleContext) -> bool:
    """Whether the loader or the parser recorded anything at all (most files: no)."""
    return bool(doc.problems)


def _rule(code: str, name: str, summary: str, why: str, bad: Example | None, **extra: Any) -> Rule:
    return Rule(
        code=code,
        name=name,
        summary=summary,
        why=why,
        bad=bad,
        good=extra.pop("good", Example(CLEAN)),
        check=reported_problems(code),
        applies=has_problems,
        **extra,
    )


RULES = (
    _rule(
        "PL001",
        "unreadable-file",
        "The file cannot be read: permissions, a broken symlink, a FIFO or device, or it vanished.",
        "A file postlint cannot read is a file nobody checked; it is reported rather than skipped.",
        None,
    ),
    _rule(
        "PL002",
        "invalid-utf8",
        "The file is not valid UTF-8; the finding points at the first bad byte.",
        "Site generators either crash on it or replace the bytes with U+FFFD, losing text for good.",
        Example(b"---\ntitle: caf\xe9\n---\n"),
    ),
    _rule(
        "PL003",
        "wide-encoding",
        'The file is UTF-16 or UTF-32 (Windows "Unicode"), not UTF-8.',
        "Static-site generators read UTF-8; a UTF-16 post renders as garbage or not at all.",
        Example("---\ntitle: x\n---\n".encode("utf-16")),
    ),
    _rule(
        "PL004",
        "binary-file",
        "The file contains NUL bytes: it is binary, not a Markdown post.",
        "An image or archive saved with a `.md` name is not a post; check what was committed.",
        Example(b"---\ntitle: x\n---\n\x00\x01\x02"),
    ),
    _rule(
        "PL005",
        "byte-order-mark",
        "The file starts with a UTF-8 byte-order mark (U+FEFF).",
        "The file then no longer starts with `---`, and Jekyll, GitLab and older Hugo miss the front matter.",
        Example("\ufeff" + CLEAN),
        severity=Severity.WARNING,
    ),
    _rule(
        "PL006",
        "empty-file",
        "The file is empty.",
        "An empty post publishes an empty page or breaks the build; delete it or write it.",
        Example(""),
        severity=Severity.WARNING,
    ),
    _rule(
        "PL007",
        "file-too-large",
        "The file is larger than the size limit; it is not parsed.",
        "A post of many megabytes is almost always a mistake (a pasted log, an embedded image), "
        "and bounding the size bounds the time and memory of every check.",
        Example(CLEAN, {"max-bytes": 16}),
        options={"max-bytes": 10 * 1024 * 1024},
    ),
    _rule(
        "PL010",
        "missing-front-matter",
        "The file has no front matter.",
        "Without front matter a post has no title, date or slug; most generators publish it wrongly or not at all.",
        Example("# Just a heading\n\nText.\n"),
    ),
    _rule(
        "PL011",
        "unclosed-front-matter",
        "The front matter's opening fence is never closed.",
        "Generators then treat the whole file as front matter, or as text; either way the post breaks.",
        Example("---\ntitle: Hello\n\nText.\n"),
    ),
    _rule(
        "PL012",
        "empty-front-matter",
        "The front matter has no keys.",
        "An empty block gives the post no title, date or slug.",
        Example("---\n---\n\nText.\n"),
    ),
    _rule(
        "PL013",
        "front-matter-not-mapping",
        "The front matter is a list or a single value, not a mapping of keys.",
        "Generators read front matter as key/value pairs; anything else is dropped.",
        Example("---\n- title\n- slug\n---\n"),
    ),
    _rule(
        "PL014",
        "front-matter-syntax",
        "The front matter is not valid YAML, TOML or JSON; the finding is at the parser's position.",
        "A syntax error stops the site build, or worse, is read differently by another parser.",
        Example("---\ntitle: [unclosed\nslug: x\n---\n"),
    ),
    _rule(
        "PL015",
        "unsafe-yaml-tag",
        "A YAML tag asks for an application object (`!!python/object`, a custom `!tag`).",
        "Tags like `!!python/object/apply` run code in unsafe loaders; posts come from pull requests. "
        "postlint never constructs them and reads the value as plain data.",
        Example("---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n"),
    ),
    _rule(
        "PL016",
        "yaml-resource-limit",
        'The YAML nests too deeply or expands too many aliases (a "billion laughs" block).',
        "Aliases that repeat aliases expand exponentially and exhaust memory in readers that copy them.",
        Example(
            "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6))
            + "---\n"
        ),
    ),
    _rule(
        "PL017",
        "front-matter-not-first",
        "Blank lines come before the front matter's opening fence.",
        "Hugo and Jekyll recognise front matter only on the first line; Zola allows blank lines before it.",
        Example("\n" + CLEAN),
        severity=Severity.WARNING,
    ),
    _rule(
        "PL103",
        "duplicate-key",
        "A front-matter key is defined twice.",
        "PyYAML keeps the last value, go-yaml (Hugo) refuses the file, and readers of the post see the first: "
        "whichever value was meant, someone gets the other.",
        Example(CLEAN.replace("showToc: false", "showToc: false\ntitle: Again")),
    ),
)
