"""PL201-PL204: dates that parse, exist, come in order, and say which day they are."""

from __future__ import annotations

from postlint.rule import AnyRule
from postlint.rules.dates.date_order import DATE_ORDER
from postlint.rules.dates.invalid_date import INVALID_DATE
from postlint.rules.dates.timing import DATE_WITHOUT_OFFSET, FUTURE_DATE

RULES: tuple[AnyRule, ...] = (INVALID_DATE, DATE_ORDER, DATE_WITHOUT_OFFSET, FUTURE_DATE)
