"""How findings show characters: `U+200B ZERO WIDTH SPACE`, code points, and excerpts
in which every invisible or control character is written `<U+XXXX>`, so that a
message never carries a raw control, bidi or zero-width character.
"""

from __future__ import annotations

from postlint import ucd
from postlint.lazy import lazy_regex

INVISIBLE = lazy_regex(
    r"(?V1)[[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Z}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]--\x20]"
)
"""What `visible` escapes: controls, format characters, private use, surrogates, every space
but U+0020, line and paragraph separators, default-ignorable code points and noncharacters."""

_C0_NAMES_TEXT = (
    "NULL START-OF-HEADING START-OF-TEXT END-OF-TEXT END-OF-TRANSMISSION ENQUIRY ACKNOWLEDGE BELL "
    "BACKSPACE CHARACTER-TABULATION LINE-FEED LINE-TABULATION FORM-FEED CARRIAGE-RETURN SHIFT-OUT "
    "SHIFT-IN DATA-LINK-ESCAPE DEVICE-CONTROL-ONE DEVICE-CONTROL-TWO DEVICE-CONTROL-THREE "
    "DEVICE-CONTROL-FOUR NEGATIVE-ACKNOWLEDGE SYNCHRONOUS-IDLE END-OF-TRANSMISSION-BLOCK CANCEL "
    "END-OF-MEDIUM SUBSTITUTE ESCAPE FILE-SEPARATOR GROUP-SEPARATOR RECORD-SEPARATOR UNIT-SEPARATOR"
)
_C0_NAMES = _C0_NAMES_TEXT.split()
_C1_NAMES_TEXT = (
    "PADDING-CHARACTER HIGH-OCTET-PRESET BREAK-PERMITTED-HERE NO-BREAK-HERE INDEX NEXT-LINE "
    "START-OF-SELECTED-AREA END-OF-SELECTED-AREA CHARACTER-TABULATION-SET "
    "CHARACTER-TABULATION-WITH-JUSTIFICATION LINE-TABULATION-SET PARTIAL-LINE-FORWARD "
    "PARTIAL-LINE-BACKWARD REVERSE-LINE-FEED SINGLE-SHIFT-TWO SINGLE-SHIFT-THREE DEVICE-CONTROL-STRING "
    "PRIVATE-USE-ONE PRIVATE-USE-TWO SET-TRANSMIT-STATE CANCEL-CHARACTER MESSAGE-WAITING "
    "START-OF-GUARDED-AREA END-OF-GUARDED-AREA START-OF-STRING SINGLE-GRAPHIC-CHARACTER-INTRODUCER "
    "SINGLE-CHARACTER-INTRODUCER CONTROL-SEQUENCE-INTRODUCER STRING-TERMINATOR OPERATING-SYSTEM-COMMAND "
    "PRIVACY-MESSAGE APPLICATION-PROGRAM-COMMAND"
)
_C1_NAMES = _C1_NAMES_TEXT.split()
"""The Unicode name aliases of the C0 and C1 controls, which have no Unicode name."""


def char_name(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`; a control gets its name alias (`U+0085 NEXT LINE`)."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code].replace("-", " ")
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code < 0xA0:
        name = _C1_NAMES[code - 0x80].replace("-", " ")
    else:
        name = ucd.name(char)
    return f"U+{code:04X} {name}".rstrip()


def code_points(text: str) -> str:
    """`U+09AF U+09BC`."""
    return " ".join(f"U+{ord(char):04X}" for char in text)


def visible(text: str) -> str:
    """`text` with every invisible or control character written `<U+XXXX>`."""
    return "".join(f"<U+{ord(c):04X}>" if INVISIBLE.match(c) else c for c in text)


def around(text: str, start: int, end: int, reach: int = 12) -> str:
    """text[start:end] with the rest of its word (up to `reach` characters each side), made visible."""
    left = start
    while left > 0 and start - left < reach and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < reach and not text[right].isspace():
        right += 1
    return visible(text[left:right])


def snippet(text: str, start: int, end: int, limit: int = 40) -> str:
    """text[start:end], cut to `limit` characters, made visible."""
    piece = text[start:end]
    return visible(piece if len(piece) <= limit else piece[: limit - 1] + "\u2026")
