"""PL213 slug-filename-mismatch (opt-in)."""

from __future__ import annotations

from collections.abc import Iterator

from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.lazy import lazy_re
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.slugs.common import CLEAN, slug_of

_DATE_PREFIX = lazy_re(r"\d{4}-\d{2}-\d{2}-")


def file_slug(relative: str) -> str:
    """The slug a file name implies: the stem without a date prefix (the folder for index.md)."""
    parts = relative.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    if stem in ("index", "_index") and len(parts) > 1:
        stem = parts[-2]
    return _DATE_PREFIX.sub("", stem, count=1)


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    slug = slug_of(doc)
    if slug is None:
        return
    expected = file_slug(doc.relative_path)
    if slug.text != expected:
        yield ctx.report(
            doc,
            slug.start,
            slug.end,
            f"slug `{slug.text}` does not match the file name, which implies `{expected}`",
            "rename the file or change the slug so that links built either way agree",
        )


SLUG_FILENAME_MISMATCH = Rule(
    code="PL213",
    name="slug-filename-mismatch",
    summary="The slug differs from the slug the file name implies (opt-in).",
    why="""
Some sites keep the slug and the file name equal so that an editor can find a
post from its URL. The file name's stem counts without a leading `YYYY-MM-DD-`
date; for `index.md` in a page bundle, the folder's name counts.
""",
    bad=Example(CLEAN, path="content/another-name.md"),
    good=Example(CLEAN, path="content/slugs-are-fine-2025-04-10.md"),
    severity=Severity.WARNING,
    enabled_by_default=False,
    check=check,
)
