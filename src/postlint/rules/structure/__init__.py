"""Front-matter structure (PL105, PL106), what readers see (PL230, PL240) and tags (PL221-PL224)."""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.structure.key_case import KEY_CASE_VARIANT
from postlint.rules.structure.seo_length import SEO_TITLE_LENGTH
from postlint.rules.structure.tag_variants import TAG_VARIANTS
from postlint.rules.structure.tags import DUPLICATE_TAG, KEYWORDS_AS_STRING, TAG_WHITESPACE
from postlint.rules.structure.toc import TOC_WITHOUT_HEADINGS
from postlint.rules.structure.type_drift import YAML_TYPE_DRIFT

RULES: tuple[AnyRule, ...] = (
    YAML_TYPE_DRIFT,
    KEY_CASE_VARIANT,
    TAG_WHITESPACE,
    DUPLICATE_TAG,
    TAG_VARIANTS,
    KEYWORDS_AS_STRING,
    SEO_TITLE_LENGTH,
    TOC_WITHOUT_HEADINGS,
)
