"""Bengali orthography rules (PL501-PL599): they check the prose of posts in Bengali.

Code blocks, inline code, URLs, HTML comments and front-matter keys are skipped;
front-matter values (title, description, tags) are checked like the body. Posts
whose language (`lang`, else the configured default) is not `bn` are skipped.
"""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.bengali import foreign_letters, khanda_ta, mark_rules, pipe_danda, repeated_mark

RULES: tuple[AnyRule, ...] = (
    *mark_rules.RULES,
    khanda_ta.LEGACY_KHANDA_TA,
    pipe_danda.PIPE_DANDA,
    *foreign_letters.RULES,
    repeated_mark.REPEATED_MARK,
)
