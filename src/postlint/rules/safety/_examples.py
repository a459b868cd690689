"""The good example of the safety rules: correct text full of joiners and selectors (written as escapes)."""

from __future__ import annotations

from postlint.rule import Example
from postlint.rules.examples import post

# Correct Bengali the rules must leave alone: RA ZWJ VIRAMA YA (র‍্যালি), explicit hasanta with
# ZWNJ (উদ্‌যাপন), khanda ta (উৎসব), অ্যাপ, Bengali digits, an emoji ZWJ sequence with VS16,
# a flag tag sequence, and Arabic written without any directional control.
GOOD_BODY = (
    "\u0986\u09ae\u09b0\u09be \u09b0\u200d\u09cd\u09af\u09be\u09b2\u09bf \u09b6\u09c7\u09b7\u09c7 "
    "\u0989\u09ce\u09b8\u09ac \u0989\u09a6\u09cd\u200c\u09af\u09be\u09aa\u09a8 \u0995\u09b0\u09bf\u0964 "
    "\u09a8\u09a4\u09c1\u09a8 \u0985\u09cd\u09af\u09be\u09aa \u09e8\u09e6\u09e8\u09eb \u09b8\u09be\u09b2\u09c7 "
    "\u099a\u09be\u09b2\u09c1 \u09b9\u09b2\u09cb \U0001f469\u200d\U0001f4bb \u2764\ufe0f "
    "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f\n\n"
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 means hello, world.\n\n"
    "~~~js\nconst app = 'WeChat';\n~~~\n"
)


GOOD = Example(post(GOOD_BODY, title='"WeChat \u0985\u09cd\u09af\u09be\u09aa"'))
