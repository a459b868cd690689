"""PL316 confusable-mixed-script: look-alike letters from another script in slugs, tags and titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from postlint.charnames import char_name
from postlint.document import Document
from postlint.findings import Finding, Severity
from postlint.frontmatter import FrontMatter
from postlint.frontmatter.source_map import pointer_text
from postlint.lazy import lazy_re, lazy_regex
from postlint.rule import Example, Rule, RuleContext
from postlint.rules.examples import post
from postlint.rules.safety._common import SLUG_KEYS, TAG_KEYS, TITLE_KEYS
from postlint.rules.safety._examples import GOOD
from postlint.rules.safety._front_matter import string_values
from postlint.rules.safety._scripts import allowed_mix, resolved, scripts_of
from postlint.unusual import unusual

_WORD = lazy_regex(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]+")
_FIELDS = SLUG_KEYS | TITLE_KEYS | TAG_KEYS
_LATIN = frozenset({"Latn"})
_ASCII_LETTER = lazy_regex(r"[A-Za-z]")
# Words made of these are never reported: each is Latin, Bengali, or Latin beside Bengali (a test checks).
_LATIN_OR_BENGALI = lazy_re("[\x00-\x7f\u0980-\u09ff]*")
_SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Armn": "Armenian", "Beng": "Bengali"}
# Cyrillic and Greek letters that look like Latin ones (a subset of UTS #39 confusables.txt;
# never applied to other scripts, whose confusables are mostly false alarms).
_LATIN_LOOKALIKE = str.maketrans(
    "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХУІЈЅԜҮΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ",  # noqa: RUF001
    "aeopcyxijshdqwlABEKMHOPCTXYIJSWYABEZHIKMNOPTYXovp",
)


def _minority(word: str) -> tuple[str, list[str]]:
    """The word's main script, and the characters that are not in it."""
    counts = Counter(script for char in word for script in scripts_of(char))
    main = counts.most_common(1)[0][0] if counts else "Zyyy"
    return main, [c for c in dict.fromkeys(word) if scripts_of(c) and main not in scripts_of(c)]


@lru_cache(maxsize=4096)
def _problem(word: str, latin_field: bool) -> tuple[str, str | None] | None:
    """What is wrong with `word` (message, hint), or None."""
    scripts = resolved(word)
    if scripts is None:
        return None
    lookalike = word.translate(_LATIN_LOOKALIKE)
    hint = f"did you mean `{lookalike}`?" if _WORD.fullmatch(lookalike) and resolved(lookalike) == _LATIN else None
    if not scripts:
        sets = [scripts_of(c) for c in word]
        if allowed_mix(sets) or (any("Beng" in s for s in sets) and any("Deva" in s for s in sets)):
            return None  # Latin plus one safe script; Bengali+Devanagari is bn-devanagari-mix's
        main, odd = _minority(word)
        names = ", ".join(char_name(c) for c in odd[:3])
        return f"the word `{word}` mixes scripts: {names} among {_SCRIPT_NAMES.get(main, main)} letters", hint
    if latin_field and scripts & {"Cyrl", "Grek"} and hint is not None:
        return (
            f"the word `{word}` is written in {'Cyrillic' if 'Cyrl' in scripts else 'Greek'} letters that look Latin",
            hint,
        )
    return None


def _latin_or_bengali(value: Any) -> bool:
    """Whether every string of a value (a mapping is not looked into) is ASCII or Bengali."""
    if isinstance(value, str):
        return _LATIN_OR_BENGALI.fullmatch(value) is not None
    if isinstance(value, list):
        return all(_latin_or_bengali(item) for item in value)
    return not isinstance(value, dict)


def _plain_front_matter(doc: Document, fm: FrontMatter) -> bool:
    """Whether every string of the front matter is ASCII or Bengali, as most are: none of the
    block's characters is unusual (the shared scan, `postlint.unusual`), and it has no backslash,
    so no escape makes another character. Words of those are never reported (see `_latin_or_bengali`)."""
    hits = unusual(doc)
    text = doc.text or ""
    return (not hits or hits[0][0] >= fm.content_end) and text.find("\\", fm.content_start, fm.content_end) == -1


def _check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    fm = doc.front_matter
    text = doc.text or ""
    if fm is None or fm.data is None or _plain_front_matter(doc, fm):
        return
    for key in sorted(_FIELDS & fm.data.keys()):
        if _latin_or_bengali(fm.data[key]):
            continue  # ASCII letters are all Latin, and Latin beside Bengali is an allowed mix
        strings = list(string_values(fm.data[key], (key,)))
        latin_field = any(_ASCII_LETTER.search(value) for _, value, _ in strings)
        for pointer, value, is_key in strings:
            words = [] if value.isascii() else _WORD.findall(value)
            located = fm.source_map.nearest(pointer)
            span = (located[1].start, located[1].end) if located and not is_key else (fm.open_start, fm.open_end)
            for word in dict.fromkeys(words):
                problem = _problem(word, latin_field)
                if problem is None:
                    continue
                at = text.find(word, span[0], span[1])
                where = (at, at + len(word)) if at != -1 else span
                message = f"{problem[0]} in `{pointer_text(pointer)}`; it looks like one word but does not match it"
                yield ctx.report(doc, *where, message, hint=problem[1])


CONFUSABLE_MIXED_SCRIPT = Rule(
    code="PL316",
    name="confusable-mixed-script",
    summary="A word in a slug, tag or title that mixes look-alike scripts (`W\u0435Chat` with a Cyrillic \u0435).",
    why=(
        "A Cyrillic `\u0435` in `W\u0435Chat` or `wech\u0430t-2025` looks Latin but is another letter: "
        "searches, links and duplicate checks miss it, and in slugs it is a spoofing vector "
        "(CVE-2021-42694; UTS #39 §4-5.2). "
        "Each word's Script_Extensions are intersected (never a union: `café` with a combining accent is one "
        "script); a word whose set is empty is reported unless it is Latin plus one other script that is not "
        'Cyrillic or Greek (UTS #39 "moderately restrictive": `WeChat-এর` and `৩৪°C` pass). Whole words in '
        "Cyrillic or Greek that are made only of Latin look-alikes are reported in otherwise Latin fields. "
        "Bengali is never compared with a confusables table (it maps \u09e6 to O and most letters to Tirhuta), and "
        "Bengali mixed with Devanagari is bn-devanagari-mix. Only slugs, tags, keywords and titles are checked, "
        "where words are identifiers. There is no automatic fix; the hint shows the Latin spelling."
    ),
    bad=Example(post("Text.\n", title='"W\u0435Chat tips"')),
    good=GOOD,
    severity=Severity.ERROR,
    check=_check,
)
