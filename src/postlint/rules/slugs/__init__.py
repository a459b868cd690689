"""PL210-PL220: slugs that are well formed, agree with dates and file names, and are unique."""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.slugs.dates_agree import PATH_DATE_MISMATCH, SLUG_DATE_MISMATCH
from postlint.rules.slugs.duplicate_slug import DUPLICATE_SLUG
from postlint.rules.slugs.slug_filename import SLUG_FILENAME_MISMATCH
from postlint.rules.slugs.slug_format import SLUG_FORMAT

RULES: tuple[AnyRule, ...] = (
    SLUG_FORMAT,
    SLUG_DATE_MISMATCH,
    PATH_DATE_MISMATCH,
    SLUG_FILENAME_MISMATCH,
    DUPLICATE_SLUG,
)
