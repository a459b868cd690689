"""PL240 toc-without-headings: a table of contents asked for on a post with too few headings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.markdown import heading_count
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.structure.examples import HEADINGS, post

KEY = "showToc"


def _toc_key(keys: Iterable[str], case_insensitive: bool) -> str | None:
    if KEY in keys:
        return KEY
    if case_insensitive:  # Hugo: `showtoc` and `ShowToc` are `showToc`
        return next((key for key in keys if key.lower() == KEY.lower()), None)
    return None


def toc_without_headings(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.data is None:
        return
    key = _toc_key(fm.data, bool(ctx.services.get("case-insensitive-keys")))
    if key is None or fm.data[key] is not True:
        return
    wanted = int(ctx.options["min-headings"])
    count = heading_count(doc, wanted)
    if count < wanted:
        start, end = fm.locate((key,))
        found = "no headings" if count == 0 else f"only {count} heading{'s' if count != 1 else ''}"
        message = f"`{key}` is true but the body has {found} outside code; a table of contents needs {wanted}"
        yield ctx.report(doc, start, end, message, f"set `{key}: false`, or add `##` section headings")


TOC_WITHOUT_HEADINGS = Rule(
    code="PL240",
    name="toc-without-headings",
    summary="`showToc: true` on a post whose body has fewer than `min-headings` headings outside code blocks.",
    why="""
A theme builds the table of contents from the body's headings. With none it
shows an empty box, with one a list of a single link: noise above the first
paragraph. Lines starting with `#` inside code blocks are not headings and are
not counted.
""",
    bad=Example(post(showToc="true", body="## ভূমিকা\n\n```sh\n# একটি মন্তব্য\n```\n")),
    good=Example(post(showToc="true", body=HEADINGS)),
    severity=Severity.WARNING,
    options={"min-headings": 2},
    check=toc_without_headings,
)
