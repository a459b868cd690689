"""Unicode integrity rules (PL4xx): line endings and whitespace, damaged text, legacy encodings, normalization.

| code  | name                 | module        |
|-------|----------------------|---------------|
| PL401 | mixed-line-endings   | line_endings  |
| PL402 | missing-final-newline| line_endings  |
| PL403 | trailing-whitespace  | whitespace    |
| PL404 | hard-tab             | whitespace    |
| PL410 | replacement-char     | replacement   |
| PL411 | mojibake             | mojibake      |
| PL412 | bijoy-legacy         | bijoy         |
| PL420 | not-nfc              | normalization |
| PL421 | bn-precomposed-nukta | normalization |

Invalid UTF-8, UTF-16 files and a leading byte-order mark are found by the loader (PL002-PL005).
"""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.integrity import bijoy, line_endings, mojibake, normalization, replacement, whitespace

RULES: tuple[AnyRule, ...] = (
    *line_endings.RULES,
    *whitespace.RULES,
    *replacement.RULES,
    *mojibake.RULES,
    *bijoy.RULES,
    *normalization.RULES,
)
