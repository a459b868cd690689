"""Script_Extensions of a character, augmented as UTS #39 §5.1 asks, and a word's resolved script set."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from postlint.lazy import lazy_regex

if TYPE_CHECKING:
    import regex

_CODES_TEXT = (
    "Latn Bopo Grek Copt Cyrl Armn Hebr Arab Syrc Thaa Nkoo Samr Mand Deva Beng Guru Gujr Orya Taml Telu "
    "Knda Mlym Sinh Thai Laoo Tibt Mymr Geor Hang Ethi Cher Cans Ogam Runr Tglg Hano Buhd Tagb Khmr Mong "
    "Limb Tale Talu Bugi Lana Bali Sund Batk Lepc Olck Brai Glag Tfng Hani Hira Kana Yiii Lisu Vaii Bamu "
    "Sylo Phag Saur Kali Rjng Java Cham Tavt Mtei Linb Lyci Cari Ital Goth Perm Ugar Xpeo Dsrt Shaw Osma "
    "Osge Elba Aghb Vith Todr Lina Cprt Armi Palm Nbat Hatr Phnx Lydi Sidt Mero Merc Khar Sarb Narb Mani "
    "Avst Prti Phli Phlp Orkh Hung Rohg Gara Yezi Sogo Sogd Ougr Chrs Elym Brah Kthi Sora Cakm Mahj Shrd "
    "Khoj Mult Sind Gran Tutg Newa Tirh Sidd Modi Takr Ahom Dogr Wara Diak Nand Zanb Soyo Pauc Sunu Bhks "
    "Marc Gonm Gong Tols Maka Kawi Xsux Pcun Cpmn Egyp Hluw Gukh Mroo Tnsa Bass Hmng Krai Medf Berf Miao "
    "Tang Nshu Kits Jurc Dupl Sgnw Hmnp Toto Wcho Nagm Onao Tayo Mend Adlm Seal"
)
_CODES = _CODES_TEXT.split()
_COMMON = lazy_regex(r"[\p{scx=Zyyy}\p{scx=Zinh}]")


@lru_cache(maxsize=1)
def _by_script() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """One pattern per script, compiled on first use: most runs never need them (about 10 ms)."""
    import regex

    return tuple((code, regex.compile(rf"\p{{scx={code}}}")) for code in _CODES)


# UTS #39 §5.1: Han, kana, Hangul and Bopomofo also count as the writing systems that combine them.
_AUGMENT = {
    "Hani": ("Hanb", "Jpan", "Kore"),
    "Hira": ("Jpan",),
    "Kana": ("Jpan",),
    "Hang": ("Kore",),
    "Bopo": ("Hanb",),
}
_SPOOFABLE = frozenset({"Cyrl", "Grek"})


@lru_cache(maxsize=8192)
def scripts_of(char: str) -> frozenset[str]:
    """The augmented Script_Extensions of `char`; empty for Common and Inherited characters."""
    if _COMMON.match(char):
        return frozenset()
    found = {code for code, pattern in _by_script() if pattern.match(char)}
    for code in list(found):
        found.update(_AUGMENT.get(code, ()))
    return frozenset(found)


def resolved(word: str) -> frozenset[str] | None:
    """The intersection of the word's script sets; None when the word has no script of its own."""
    result: frozenset[str] | None = None
    for char in word:
        scripts = scripts_of(char)
        if scripts:
            result = scripts if result is None else result & scripts
    return result


def allowed_mix(sets: Iterable[frozenset[str]]) -> bool:
    """UTS #39 "moderately restrictive": Latin plus one other script, which is not Cyrillic or Greek."""
    sets = [s for s in sets if s]
    others = set().union(*sets) - {"Latn"} if sets else set()
    return any(other not in _SPOOFABLE and all("Latn" in s or other in s for s in sets) for other in sorted(others))
