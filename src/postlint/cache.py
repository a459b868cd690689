"""A content cache: an unchanged file's findings and facts come back without reading it again.

The cache file is keyed by postlint's version, the resolved config, the schemas'
contents, the plugins' versions and the day (date rules look at "today"). Entries
match a file by size and modification time first, by content hash second (CI
checkouts reset modification times). It is JSON, never pickle: a cache folder
committed by a stranger's pull request must not be able to run code. A corrupt or
foreign file is ignored and rebuilt; writes are atomic, so parallel runs cannot
corrupt it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postlint.file_result import FileResult
from postlint.findings import Edit, Finding, Fix, Position, Severity, Span
from postlint.load import digest
from postlint.rule import Fact
from postlint.suppress import Suppression, Suppressions

FORMAT = 2
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks a cache folder (https://bford.info/cachedir/).\n"


@dataclass(slots=True)
class Entry:
    size: int
    mtime_ns: int
    result: FileResult


def _span(s: Span) -> list[int]:
    return [s.start.line, s.start.column, s.start.offset, s.end.line, s.end.column, s.end.offset]


def _unspan(v: list[int]) -> Span:
    return Span(Position(v[0], v[1], v[2]), Position(v[3], v[4], v[5]))


def _edit(e: Edit) -> tuple[int, int, str]:
    return e.start, e.end, e.replacement


def _fix(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return [[[*_edit(e)] for e in fix.edits], fix.safe, fix.description]


def _unfix(v: Any) -> Fix | None:
    return None if v is None else Fix(tuple(Edit(*e) for e in v[0]), v[1], v[2])


def _tuples(value: Any) -> Any:
    """Fact values are tuples of plain data; JSON gives lists back."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def encode_result(r: FileResult) -> dict[str, Any]:
    return {
        "display": r.display,
        "digest": r.digest,
        "findings": [
            [f.path, f.code, f.name, f.severity.value, f.message, _span(f.span), f.hint, _fix(f.fix)]
            for f in r.findings
        ],
        "facts": {code: [[f.value, _span(f.span)] for f in facts] for code, facts in r.facts.items()},
        "suppressions": [
            [
                sorted(e.codes),
                e.first_line,
                e.last_line,
                _span(e.span),
                [[*_edit(edit)] for edit in e.removal],
            ]
            for e in r.suppressions.entries
        ],
        "malformed": [[_span(span), message] for span, message in r.suppressions.malformed],
        "lines": {str(k): v for k, v in r.lines.items()},
    }


def decode_result(d: dict[str, Any]) -> FileResult:
    findings = [
        Finding(p, c, n, Severity(s), m, _unspan(sp), h, _unfix(fx)) for p, c, n, s, m, sp, h, fx in d["findings"]
    ]
    path = d["display"]
    facts = {code: [Fact(path, _tuples(v), _unspan(sp)) for v, sp in items] for code, items in d["facts"].items()}
    sups = Suppressions(
        [
            Suppression(frozenset(c), a, b, _unspan(sp), tuple(Edit(*e) for e in rm))
            for c, a, b, sp, rm in d["suppressions"]
        ],
        [(_unspan(sp), message) for sp, message in d["malformed"]],
    )
    lines = {int(k): v for k, v in d["lines"].items()}
    return FileResult(d["display"], findings, facts, sups, lines, d["digest"])


class Cache:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.path = folder / f"{key}.json"
        self.entries: dict[str, Entry] = {}
        self.dirty = False
        try:
            raw = json.loads(self.path.read_bytes())
            if isinstance(raw, dict) and raw.get("format") == FORMAT:
                for name, (size, mtime, result) in raw["files"].items():
                    self.entries[name] = Entry(size, mtime, decode_result(result))
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.entries = {}  # missing, corrupt or foreign: start afresh

    def lookup(self, path: Path) -> FileResult | None:
        name = os.path.abspath(path)
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            info = os.stat(path)
            if (info.st_size, info.st_mtime_ns) == (entry.size, entry.mtime_ns):
                return entry.result
            with open(path, "rb") as handle:
                same = digest(handle.read()) == entry.result.digest
        except OSError:
            return None
        if not same:
            return None
        entry.size, entry.mtime_ns = info.st_size, info.st_mtime_ns
        self.dirty = True
        return entry.result

    def store(self, path: Path, result: FileResult) -> None:
        if not result.digest:
            return  # unreadable files are checked again every time
        try:
            info = os.stat(path)
        except OSError:
            return
        self.entries[os.path.abspath(path)] = Entry(info.st_size, info.st_mtime_ns, result)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "# Created by postlint.\n*\n")):
            marker = self.folder / name
            if not marker.exists():
                marker.write_text(text)
        files = {name: [e.size, e.mtime_ns, encode_result(e.result)] for name, e in self.entries.items()}
        data = json.dumps({"format": FORMAT, "files": files}, ensure_ascii=False, separators=(",", ":"))
        handle, temp = tempfile.mkstemp(prefix=".cache-", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def run_key(parts: Iterable[str]) -> str:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=12).hexdigest()
