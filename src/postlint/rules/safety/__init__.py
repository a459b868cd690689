"""Unicode safety rules (PL301-PL317): bidi controls, invisible and control characters, spoofing.

Security rules (bidi controls, tag characters, zero-width and other invisible characters,
control characters, noncharacters) run everywhere, code blocks included; each rule's `why`
says where it runs and why.
"""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.safety.bidi import BIDI_CONTROL, BIDI_MARK
from postlint.rules.safety.confusables import CONFUSABLE_MIXED_SCRIPT
from postlint.rules.safety.controls import CONTROL_CHAR, LINE_SEPARATOR
from postlint.rules.safety.invisible import BOM_IN_TEXT, INVISIBLE_CHAR, SOFT_HYPHEN
from postlint.rules.safety.join_controls import JOIN_CONTROL
from postlint.rules.safety.numbers import MIXED_NUMBER
from postlint.rules.safety.sequences import TAG_CHAR, VARIATION_SELECTOR
from postlint.rules.safety.spaces import NONSTANDARD_SPACE
from postlint.rules.safety.special import NONCHARACTER, PRIVATE_USE
from postlint.rules.safety.surrogates import SURROGATE_ESCAPE
from postlint.rules.safety.zero_width import ZERO_WIDTH_SPACE

RULES: tuple[AnyRule, ...] = (
    BIDI_CONTROL,
    BIDI_MARK,
    TAG_CHAR,
    ZERO_WIDTH_SPACE,
    JOIN_CONTROL,
    INVISIBLE_CHAR,
    BOM_IN_TEXT,
    SOFT_HYPHEN,
    VARIATION_SELECTOR,
    CONTROL_CHAR,
    LINE_SEPARATOR,
    NONSTANDARD_SPACE,
    PRIVATE_USE,
    NONCHARACTER,
    SURROGATE_ESCAPE,
    CONFUSABLE_MIXED_SCRIPT,
    MIXED_NUMBER,
)
