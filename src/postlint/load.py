"""Read a file once as bytes and decode it; every failure becomes a Problem."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import NamedTuple

from postlint.document import Document, Problem
from postlint.findings import Position, Span

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

_WIDE_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
)


def _at(line: int, column: int, offset: int) -> Span:
    pos = Position(line, column, offset)
    return Span(pos, pos)


def _file_problem(path: str | Path, display: str, code: str, message: str) -> Document:
    return Document(path, display, None, problems=[Problem(code, _at(1, 1, 0), message)])


class ReadFailure(NamedTuple):
    code: str
    message: str


class Read(NamedTuple):
    data: bytes
    stamp: tuple[int, int]
    """Size and modification time (ns) of the file that was read, from the open handle."""


def read_bytes(path: str | Path, max_size: int) -> Read | ReadFailure:
    """The file's bytes, or why they cannot be had."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return ReadFailure("PL001", f"cannot open the file: {exc.strerror or exc}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return ReadFailure("PL001", "not a regular file (a directory, device, FIFO or socket); not read")
        if info.st_size > max_size:
            return ReadFailure(
                "PL007", f"the file is {info.st_size:,} bytes, over the {max_size:,}-byte limit; not read"
            )
        chunks = []
        remaining = max_size + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_size:
            return ReadFailure("PL007", f"the file grew past the {max_size:,}-byte limit while being read; not read")
        return Read(data, (info.st_size, info.st_mtime_ns))
    except OSError as exc:
        return ReadFailure("PL001", f"cannot read the file: {exc.strerror or exc}")
    finally:
        os.close(fd)


_BOMLESS = (
    ("utf-32-le", "UTF-32 LE", 4),
    ("utf-32-be", "UTF-32 BE", 4),
    ("utf-16-le", "UTF-16 LE", 2),
    ("utf-16-be", "UTF-16 BE", 2),
)


def _reads_as_text(sample: bytes, codec: str, unit: int) -> bool:
    """Whether `sample` decodes under `codec` to text with no NULs or stray controls."""
    try:
        text = sample[: len(sample) - len(sample) % unit].decode(codec)
    except UnicodeDecodeError:
        return False
    if not text or "\0" in text:
        return False
    controls = sum(1 for char in text if char < " " and char not in "\n\r\t")
    return controls <= len(text) // 100


def _nul_pattern_fits(sample: bytes, codec: str, unit: int) -> bool:
    """NULs where a wide encoding puts them: in the high bytes of ASCII-range code units.

    Bengali in UTF-16 has no NUL bytes, but every post's ASCII (fences, keys, spaces,
    newlines) does; UTF-8 text with a stray NUL has too few, and in no pattern.
    """
    nuls = [index for index, byte in enumerate(sample) if byte == 0]
    if len(nuls) < max(4, len(sample) // (4 if unit == 4 else 20)):
        return False
    low_byte = 0 if codec.endswith("le") else unit - 1
    misplaced = sum(1 for index in nuls if index % unit == low_byte)
    return misplaced <= len(nuls) // 10


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, with a byte-order mark or recognisably without one."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return f"{name} with a byte-order mark"
    if data.find(b"\0", 0, 4096) == -1:
        return None
    sample = data[:4096]
    for codec, name, unit in _BOMLESS:
        if _nul_pattern_fits(sample, codec, unit) and _reads_as_text(sample, codec, unit):
            return f"{name} without a byte-order mark"
    return None


def _invalid_utf8(data: bytes, error: UnicodeDecodeError, skipped: int) -> Problem:
    """The problem at the first bad byte; `skipped` bytes (a BOM) came before `data`."""
    bad = error.start
    line_start = data.rfind(b"\n", 0, bad) + 1
    line = data.count(b"\n", 0, bad) + 1
    column = len(data[line_start:bad].decode("utf-8", "replace")) + 1
    snippet = data[bad : bad + 4].hex(" ")
    return Problem(
        "PL002",
        _at(line, column, bad),
        f"the file is not valid UTF-8: byte {data[bad]:#04x} at byte offset {bad + skipped} "
        f"({error.reason}; bytes here: {snippet})",
        "re-save the file as UTF-8; if it came from another encoding, convert it (iconv -f CP1252 -t UTF-8)",
    )


def decode(path: str | Path, display: str, data: bytes) -> Document:
    """Turn bytes into a Document, or into one whose problems say why not."""
    if not data:
        return Document(path, display, "", problems=[Problem("PL006", _at(1, 1, 0), "the file is empty")])
    wide = _wide_encoding(data)
    if wide is not None:
        return _file_problem(path, display, "PL003", f"the file is encoded as {wide}; postlint reads UTF-8")
    nul = data.find(b"\0")
    if nul != -1:
        return _file_problem(path, display, "PL004", f"the file looks binary: it has a NUL byte at byte offset {nul}")
    has_bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if has_bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = _invalid_utf8(body, exc, len(data) - len(body))
        return Document(path, display, None, has_bom=has_bom, problems=[problem])
    doc = Document(path, display, text, has_bom=has_bom)
    if has_bom:
        doc.problem(
            "PL005",
            0,
            0,
            "the file starts with a UTF-8 byte-order mark; many site generators then miss the front matter",
            "remove the byte-order mark (U+FEFF) at the start of the file",
        )
    return doc


def digest(data: bytes) -> str:
    """128 bits of SHA-256: current x86 and ARM CPUs compute it in hardware, about twice as fast as
    BLAKE2. hashlib (and OpenSSL with it) is imported at the first file read, not at start."""
    import hashlib

    return hashlib.sha256(data).hexdigest()[:32]


def load(path: str | Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    read = read_bytes(path, max_size)
    if isinstance(read, ReadFailure):
        return _file_problem(path, display, read.code, read.message)
    doc = decode(path, display, read.data)
    doc.digest = digest(read.data)
    doc.stamp = read.stamp
    return doc
