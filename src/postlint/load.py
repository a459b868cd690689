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


def _file_problem(path: Path, display: str, code: str, message: str) -> Document:
    return Document(path, display, None, problems=[Problem(code, _at(1, 1, 0), message)])


class ReadFailure(NamedTuple):
    code: str
    message: str


def read_bytes(path: Path, max_size: int) -> bytes | ReadFailure:
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
        return data
    except OSError as exc:
        return ReadFailure("PL001", f"cannot read the file: {exc.strerror or exc}")
    finally:
        os.close(fd)


def _wide_encoding(data: bytes) -> str | None:
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return f"{name} with a byte-order mark"
    sample = data[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
            return "UTF-16 LE without a byte-order mark"
        if even_nuls > half * 0.6 and odd_nuls < half * 0.1:
            return "UTF-16 BE without a byte-order mark"
    return None


def _invalid_utf8(data: bytes, error: UnicodeDecodeError) -> Problem:
    bad = error.start
    line_start = data.rfind(b"\n", 0, bad) + 1
    line = data.count(b"\n", 0, bad) + 1
    column = len(data[line_start:bad].decode("utf-8", "replace")) + 1
    snippet = data[bad : bad + 4].hex(" ")
    return Problem(
        "PL002",
        _at(line, column, bad),
        f"the file is not valid UTF-8: byte {data[bad]:#04x} at byte offset {bad} "
        f"({error.reason}; bytes here: {snippet})",
        "re-save the file as UTF-8; if it came from another encoding, convert it (iconv -f CP1252 -t UTF-8)",
    )


def decode(path: Path, display: str, data: bytes) -> Document:
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
        problem = _invalid_utf8(body, exc)
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


def load(path: Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    data = read_bytes(path, max_size)
    if isinstance(data, ReadFailure):
        return _file_problem(path, display, data.code, data.message)
    return decode(path, display, data)
