"""Which language a post is written in: its `lang` key, else the configured default."""

from __future__ import annotations

from postlint.document import Document
from postlint.rule import RuleContext


def post_language(doc: Document, ctx: RuleContext) -> str:
    """The primary language subtag (`bn`, `as`, `en`) of the post."""
    fm = doc.front_matter
    if fm is not None and fm.data is not None:
        for key in ("lang", "language", "languageCode"):
            value = fm.data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip().lower().replace("_", "-").split("-")[0]
    return str(ctx.services.get("language", "bn")).lower()
