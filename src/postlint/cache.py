"""A content cache: an unchanged file's findings and facts come back without reading it again.

The cache file is keyed by postlint's version, the resolved config and the plugins'
versions; it also lists every schema file its findings came from (the configured ones
and each `$ref`'d part) with a digest, and is not used when one of them has changed. A
file whose findings depend on more than that (a post naming its own schema, a date near
today) is never cached. Entries match a file by size and modification time first, by
content hash second (CI checkouts reset modification times). A file's facts are kept as
JSON text, decoded only when corpus rules must run again: the cache also remembers the
last run's corpus findings with a fingerprint of the facts they came from (every file's,
as text). It is JSON, never pickle: a cache folder committed by a stranger's pull
request must not be able to run code. A corrupt or foreign file is ignored and rebuilt;
writes are atomic, so parallel runs cannot corrupt it; files no run has used for two
weeks (other configs', other versions') are removed, and so are the temporary files of
runs that were killed.
"""

from __future__ import annotations

import contextlib
import gc
import os
import struct
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

try:
    from _blake2 import blake2b as blake2b  # hashlib's own, without OpenSSL: 2.5 ms of a warm run
except ImportError:  # pragma: no cover - an interpreter without CPython's built-in modules
    from hashlib import blake2b as blake2b

from postlint import compact_json
from postlint.file_result import FileResult
from postlint.findings import Edit, Finding, Fix, Severity, Span
from postlint.lazy import lazy_re
from postlint.load import DEFAULT_MAX_FILE_SIZE, ReadFailure, digest, read_bytes
from postlint.rule import Fact
from postlint.suppress import Suppression, Suppressions

FORMAT = 6
"""6: facts written by orjson, and their key in the row; facts text the standard library wrote
starts with a space (`compact_json`)."""
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks a cache folder (https://bford.info/cachedir/).\n"

UNREADABLE = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, struct.error)
"""What reading a cache file (anyone's JSON: edited, truncated, nested a million deep) may raise."""

Row = list[Any]
"""One file in the cache file: size, mtime_ns, digest, facts (JSON text), its findings,
suppressions, malformed suppressions and line texts, or 0 when it has none of those (most
files: the cache is smaller, and faster to read), and the key of the facts' text (a warm
run's corpus fingerprint is made of the keys, not hashed again from the text). Facts stay
text until asked for: a warm run whose corpus findings are remembered never decodes them."""


def _span(s: Span) -> list[int]:
    return list(s)


def _unspan(v: list[int]) -> Span:
    return _fact_span(v)


def _edit(e: Edit) -> tuple[int, int, str]:
    return e.start, e.end, e.replacement


def _fix(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return [[[*_edit(e)] for e in fix.edits], fix.safe, fix.description]


def _unfix(v: Any) -> Fix | None:
    if v is None:
        return None
    edits, safe, description = v
    fix = Fix(tuple(Edit(*e) for e in edits), safe, description)
    if not (type(safe) is bool and type(description) is str and all(_is_edit(e) for e in fix.edits)):
        raise TypeError("not a fix")
    return fix


def _is_edit(e: Edit) -> bool:
    return type(e.start) is int and type(e.end) is int and type(e.replacement) is str


def _tuples(value: Any) -> Any:
    """Fact values are tuples of plain data; JSON gives lists back."""
    if not isinstance(value, list):
        return value
    flat = tuple(value)
    return tuple(_tuples(v) for v in flat) if any(isinstance(v, list) for v in flat) else flat


def encode_findings(findings: Iterable[Finding]) -> list[Any]:
    return [[f.path, f.code, f.name, f.severity.value, f.message, _span(f.span), f.hint, _fix(f.fix)] for f in findings]


def decode_findings(rows: list[Any]) -> list[Finding]:
    """Findings from their cache rows. Raises TypeError or ValueError unless every field has
    its type: a cache file is anyone's JSON, and reporting must not fail on what it holds."""
    findings = [Finding(p, c, n, Severity(s), m, _unspan(sp), h, _unfix(fx)) for p, c, n, s, m, sp, h, fx in rows]
    for f in findings:
        if not (type(f.path) is type(f.code) is type(f.name) is type(f.message) is str):
            raise TypeError("not a finding")
        if f.hint is not None and type(f.hint) is not str:
            raise TypeError("not a finding")
    return findings


class CachedFacts(Mapping[str, list[Fact]]):
    """A file's facts, and a key of their JSON text (what a run's corpus fingerprint is
    made of). Facts from the cache or from a worker process are decoded from the text
    when first asked for; a file checked in this process keeps the facts and only the
    key (its text went into its cache row)."""

    __slots__ = ("_decoded", "_key", "_path", "_text")

    def __init__(
        self, path: str, text: str | None, decoded: dict[str, list[Fact]] | None = None, key: str | None = None
    ) -> None:
        self._path, self._text = path, text
        self._decoded = decoded
        self._key = key

    @classmethod
    def checked(cls, path: str, facts: dict[str, list[Fact]]) -> tuple[CachedFacts, str]:
        """A checked file's facts, and their text for its cache row."""
        text = facts_text(facts)
        held = cls(path, None, facts)
        held._key = _text_key(text)
        return held, text

    @property
    def decoded(self) -> bool:
        """Whether the facts are at hand (a file checked in this process), not only their text."""
        return self._decoded is not None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = _text_key(self.text)
        return self._key

    def _facts(self) -> dict[str, list[Fact]]:
        if self._decoded is None:
            try:
                raw = compact_json.loads(self.text)
            except (ValueError, RecursionError):
                raise CacheCorrupt(f"the cached facts of {self._path} do not decode") from None
            self._decode(raw)
        assert self._decoded is not None
        return self._decoded

    def _decode(self, raw: Any) -> None:
        path, new = self._path, tuple.__new__
        try:
            self._decoded = {
                code: [new(Fact, (path, _fact_value(v), _fact_span(sp))) for v, sp in items]
                for code, items in raw.items()
            }
        except (TypeError, ValueError, AttributeError, RecursionError, struct.error):
            raise CacheCorrupt(f"the cached facts of {path} do not decode") from None

    @staticmethod
    def decode_all(many: Sequence[CachedFacts]) -> None:
        """Decode many files' facts with one JSON parse (a run whose corpus findings must be found again)."""
        waiting = [facts for facts in many if facts._decoded is None]
        if not waiting:
            return
        with _acyclic():
            try:
                raws = compact_json.loads(_joined([f.text for f in waiting]))
            except (ValueError, TypeError, RecursionError):
                raise CacheCorrupt("cached facts do not decode") from None
            if len(raws) != len(waiting):
                raise CacheCorrupt("cached facts do not decode")
            for facts, raw in zip(waiting, raws, strict=True):
                facts._decode(raw)
                facts._text = None  # the facts are at hand now (and the text can be made again)

    def __getitem__(self, code: str) -> list[Fact]:
        return self._facts()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts())

    def __len__(self) -> int:
        return len(self._facts())

    @property
    def text(self) -> str:
        if self._text is None:
            return facts_text(self._facts())
        return self._text


@contextlib.contextmanager
def _acyclic() -> Iterator[None]:
    """No garbage collection while decoding JSON: it makes many containers and no reference
    cycles, and each collection on the way would walk every object made so far (half the time).

    What it made is kept to the end of the run (the cache's rows, every file's facts), so it
    is then frozen (`gc.freeze`): otherwise the next collections walk all of it again, and
    again as it ages (a fifth of the parent's time on a 50,000-post tree). Frozen objects
    are still freed when unused; only reference cycles among them wait for `gc.unfreeze`.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class CacheCorrupt(Exception):
    """Facts in the cache file do not decode (the file was edited): the run starts again without it."""


def _fact_value(value: Any) -> Any:
    """Fact values are plain data and tuples of it (JSON gives lists back); text is shared
    with equal text already held (the same tags recur in thousands of posts, and a slug's
    key is most often the slug)."""
    if value.__class__ is str:
        return sys.intern(value)
    if value.__class__ is list:
        return _tuples([sys.intern(v) if v.__class__ is str else v for v in value])
    return value


_SIX_INTEGERS = struct.Struct("6q").pack
"""Raises struct.error unless given six integers: a span's check, at a quarter of the cost of
looking at each item's type (a large tree's facts hold hundreds of thousands of spans)."""


def _fact_span(raw: Any) -> Span:
    if raw.__class__ is not list or len(raw) != 6:
        raise ValueError("not a span")
    _SIX_INTEGERS(*raw)
    return tuple.__new__(Span, raw)


def _text_key(text: str) -> str:
    return run_key((text,))


def facts_key(facts: Mapping[str, Sequence[Fact]]) -> str:
    """A short key of a file's facts (of their JSON text): equal facts, equal keys."""
    return facts.key if isinstance(facts, CachedFacts) else _text_key(facts_text(facts))


def facts_text(facts: Mapping[str, Sequence[Fact]]) -> str:
    if isinstance(facts, CachedFacts):
        return facts.text
    raw = {code: [[f.value, _span(f.span)] for f in items] for code, items in facts.items()}
    return compact_json.values(raw)


Wire = tuple[str, str, "tuple[int, int] | None", str, Any]
"""A result as it comes back from a worker process: display, digest, stamp, facts as
their cache text, and 0 or everything else. A string pickles in one copy, where a tree
of facts costs each fact and span; the parent never re-encodes the text for the cache."""


def to_wire(r: FileResult) -> Wire:
    rest = 0 if r.plain else (r.findings, r.suppressions, r.lines, r.fixed, r.diff)
    return r.display, r.digest, r.stamp, facts_text(r.facts), rest


def from_wire(wire: Wire) -> FileResult:
    display, digest, stamp, facts, rest = wire
    display = sys.intern(display)  # the target's own string: its facts hold it, not a copy
    held = CachedFacts(display, facts)
    if not rest:
        return FileResult(display, [], held, _NO_SUPPRESSIONS, {}, digest, stamp=stamp)
    findings, suppressions, lines, fixed, diff = rest
    return FileResult(display, findings, held, suppressions, lines, digest, fixed, diff, stamp)


def encode_row(size: int, mtime_ns: int, r: FileResult, facts: str | None = None) -> Row:
    """A result's cache row (`facts`: the text of its facts, when already made)."""
    sups = [
        [sorted(e.codes), e.first_line, e.last_line, _span(e.span), [[*_edit(edit)] for edit in e.removal]]
        for e in r.suppressions.entries
    ]
    malformed = [[_span(span), message] for span, message in r.suppressions.malformed]
    lines = {str(k): v for k, v in r.lines.items()}
    rest = [encode_findings(r.findings), sups, malformed, lines] if r.findings or sups or malformed or lines else 0
    text = facts_text(r.facts) if facts is None else facts
    key = r.facts.key if isinstance(r.facts, CachedFacts) else _text_key(text)
    return [size, mtime_ns, r.digest, text, rest, key]


def decode_row(display: str, row: Row, stamp: tuple[int, int] | None = None) -> FileResult:
    _, _, digest, facts, rest, key = row
    if not rest:
        held = CachedFacts(display, facts, None, key)  # positional: a third faster, and most rows are plain
        return FileResult(display, [], held, _NO_SUPPRESSIONS, {}, digest, 0, None, stamp)
    findings, sups, malformed, lines = rest
    if sups or malformed:
        suppressions = Suppressions([_suppression(*entry) for entry in sups], [_malformed(*m) for m in malformed])
    else:
        suppressions = _NO_SUPPRESSIONS
    texts = {int(k): v for k, v in lines.items()} if lines else {}
    if not all(type(v) is str for v in texts.values()):
        raise TypeError("not line texts")
    return FileResult(
        display,
        decode_findings(findings) if findings else [],
        CachedFacts(display, facts, key=key),
        suppressions,
        texts,
        digest,
        stamp=stamp,
    )


def _suppression(codes: list[str], first: int, last: int, span: list[int], removal: list[Any]) -> Suppression:
    entry = Suppression(frozenset(codes), first, last, _unspan(span), tuple(Edit(*e) for e in removal))
    if not (type(first) is type(last) is int and type(codes) is list and all(type(c) is str for c in codes)):
        raise TypeError("not a suppression")
    if not all(_is_edit(e) for e in entry.removal):
        raise TypeError("not a suppression")
    return entry


def _malformed(span: list[int], message: str) -> tuple[Span, str]:
    if type(message) is not str:
        raise TypeError("not a malformed suppression")
    return _unspan(span), message


_NO_SUPPRESSIONS = Suppressions()
"""Shared by every cached file without suppressions (nothing changes a result's suppressions)."""


class Cache:
    """One run's view of a cache file.

    The old rows are read at the start (`read`). A file checked now has its new row written out
    at once, to a temporary file beside the cache (in chunks, not kept in memory);
    `save` adds the old rows still current and the corpus findings, and puts the file
    in place atomically. `abandon` removes the temporary file of a run that failed.
    """

    rows: dict[str, Row]
    corpus: list[Any]
    """The corpus findings of the last run, and the fingerprint of the facts they came from."""
    depends: dict[str, str]
    """Path and digest of every schema file the rows' findings came from (a `$ref`'d file
    too): if one has changed, no row is used."""
    dirty: bool
    _pending: dict[str, Row]
    _out: BinaryIO | None
    _temp: str
    _written: int
    _failed: bool

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.path = folder / f"{key}.json"
        self.forget()
        self._read = False

    def read(self) -> None:
        """Read the rows, once (a run answered by its last report, `last_run`, never does)."""
        if self._read:
            return
        self._read = True
        try:
            with _acyclic():
                raw = compact_json.loads(read_cache_file(self.path))
            if isinstance(raw, dict) and raw.get("format") == FORMAT:
                rows, corpus, depends = raw["files"], raw["corpus"], raw["depends"]
                if not (isinstance(rows, dict) and all(_row_shaped(r) for r in rows.values())):
                    raise ValueError("not this version's rows")
                decode_findings(corpus[1])
                if unchanged(depends):
                    self.rows, self.corpus, self.depends = rows, corpus, depends
        except UNREADABLE:
            self.forget()  # missing, corrupt or foreign: start afresh

    def forget(self) -> None:
        """Start afresh: no rows, nothing written yet."""
        self.rows = {}
        self.corpus = ["", []]
        self.depends = {}
        self.dirty = False
        self._pending = {}
        self._out = None
        self._temp = ""
        self._written = 0
        self._failed = False

    def lookup(self, path: str, display: str, stamp: tuple[int, int] | None) -> FileResult | None:
        """The cached result of the file at (absolute) `path` as `stamp` (its size and
        modification time, None if it cannot be `stat`ed) finds it; it has that stamp."""
        row = self.rows.get(path)
        if row is None or stamp is None or stamp[0] != row[0]:
            return None  # not cached, gone, or other bytes (another size)
        try:
            if stamp[1] != row[1]:  # the same size, another time: a checkout, or an edit
                read = read_bytes(path, DEFAULT_MAX_FILE_SIZE)  # a regular file (not a FIFO put in its place)
                if isinstance(read, ReadFailure) or digest(read.data) != row[2]:
                    return None
                row[0], row[1] = stamp
                self.dirty = True
            return decode_row(display, row, stamp)
        except UNREADABLE:
            return None  # gone, or an entry that does not decode: check the file again

    def store(self, path: str, result: FileResult, facts: str | None = None) -> None:
        """Remember a checked file (at absolute `path`) under the size and time of the bytes
        that were checked."""
        if self.rows.pop(path, None) is not None:
            self.dirty = True
        if not result.digest or result.stamp is None:
            return  # checked again every time
        self._pending[path] = encode_row(*result.stamp, result, facts)
        self.dirty = True
        if len(self._pending) >= _ROWS_PER_WRITE:
            self._write(self._pending)
            self._pending = {}

    def corpus_findings(self, fingerprint: str) -> list[Finding] | None:
        """The corpus findings remembered for exactly these facts, or None."""
        return decode_findings(self.corpus[1]) if self.corpus[0] == fingerprint else None

    def remember_corpus(self, fingerprint: str, findings: list[Finding]) -> None:
        self.corpus = [fingerprint, encode_findings(findings)]
        self.dirty = True

    def _write(self, rows: dict[str, Row]) -> None:
        """Add rows to the temporary file; a folder that cannot be written to means no cache,
        never a failed run (the findings do not depend on it)."""
        if self._failed:
            return
        try:
            self._write_rows(rows)
        except OSError:
            self.abandon()
            self._failed = True

    def _write_rows(self, rows: dict[str, Row]) -> None:
        if self._out is None:
            import tempfile

            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "# Created by postlint.\n*\n")):
                # Created, never followed: a symlink a checkout put here (even a dangling
                # one) is left alone, not written through to wherever it points.
                with contextlib.suppress(FileExistsError), open(self.folder / name, "x", encoding="utf-8") as out:
                    out.write(text)
            handle, self._temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.folder)
            self._out = os.fdopen(handle, "wb")
            self._out.write(b'{"format":%d,"files":{' % FORMAT)
        if rows:
            chunk = _json(rows)[1:-1]
            self._out.write(b"," + chunk if self._written else chunk)
            self._written += len(rows)

    def save(self) -> None:
        """Put the new cache file in place (or mark the current one used), and remove the
        files no run has used for a while: other configs' and versions', and the temporary
        files of runs that were killed."""
        if not self.dirty:
            with contextlib.suppress(OSError):
                os.utime(self.path)  # in use: not stale for other configs' runs
            return
        self._write(self._pending)
        self._pending = {}
        rows = list(self.rows.items())
        for start in range(0, len(rows), _ROWS_PER_WRITE):
            self._write(dict(rows[start : start + _ROWS_PER_WRITE]))
        if self._out is None:
            return  # the folder could not be written to
        try:
            self._out.write(b'},"corpus":%s,"depends":%s}' % (_json(self.corpus), _json(self.depends)))
            self._out.close()
            self._out = None
            os.replace(self._temp, self.path)
        except OSError:
            self.abandon()
            return
        _prune(self.folder, self.path.name)

    def abandon(self) -> None:
        """Remove what a failed run wrote (the cache file in place is left as it was)."""
        if self._out is not None:
            out, self._out = self._out, None
            with contextlib.suppress(OSError):  # a full disk, say: the file goes anyway
                out.close()
            Path(self._temp).unlink(missing_ok=True)


_ROWS_PER_WRITE = 2000

STALE_AFTER = 14 * 24 * 3600
"""Seconds after which a cache file no run has used is removed."""
TEMP_PREFIX = ".cache-"
_TEMP_STALE_AFTER = 24 * 3600
"""A run writes its temporary file for seconds; one a day old was left by a killed run."""
_CACHE_FILE = lazy_re(r"[0-9a-f]{24}\.(?:json|last)")


def _prune(folder: Path, current: str) -> None:
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX):
            age = _TEMP_STALE_AFTER
        elif entry.name != current and _CACHE_FILE.fullmatch(entry.name):
            age = STALE_AFTER
        else:
            continue
        with contextlib.suppress(OSError):
            if entry.stat(follow_symlinks=False).st_mtime < now - age:
                os.unlink(entry.path)


def _row_shaped(row: Any) -> bool:
    return isinstance(row, list) and len(row) == 6 and isinstance(row[3], str) and isinstance(row[5], str)


CACHE_MAX_BYTES = 1 << 28
"""A cache file larger than this (256 MiB: some 700,000 posts) is not read."""


def read_cache_file(path: Path) -> bytes:
    """A cache file's bytes: a regular file, of a sane size (raises OSError otherwise). The
    cache folder is part of the checkout, and a stranger's pull request may have put a
    symlink to /dev/zero or a FIFO there."""
    read = read_bytes(path, CACHE_MAX_BYTES)
    if isinstance(read, ReadFailure):
        raise OSError(read.message)
    return read.data


def unchanged(depends: dict[str, str]) -> bool:
    """Whether every file still has the digest recorded for it (a regular file, of a sane
    size: the cache file itself is untrusted, and must not make a run read /dev/zero)."""
    for path, recorded in depends.items():
        read = read_bytes(Path(path), DEFAULT_MAX_FILE_SIZE)
        if isinstance(read, ReadFailure) or digest(read.data) != recorded:
            return False
    return True


_json = compact_json.dumps


def _joined(texts: list[str]) -> str:
    """One JSON list of many facts' texts (marked for the standard library if one of them is)."""
    joined = f"[{','.join(texts)}]"
    return f" {joined}" if any(text.startswith(" ") for text in texts) else joined


def run_key(parts: Iterable[str]) -> str:
    """A short hash of text parts (joined by NUL characters)."""
    return blake2b(_utf8("\0".join(parts)), digest_size=12).hexdigest()


def _utf8(text: str) -> bytes:
    """Text as UTF-8, lone surrogates included: a file name that is not UTF-8 reaches Python as
    surrogate escapes, and the parts of a key name files (encoded as UTF-8 never would be)."""
    return text.encode("utf-8", "surrogatepass")


class RunKey:
    """`run_key` of parts given a few at a time (a run's corpus fingerprint: two parts a file).

    Parts are hashed a few thousand at once: a hash update per part cost a warm run 4%, and
    holding every part of a large tree until the end cost megabytes.
    """

    def __init__(self, first: str) -> None:
        self._hash = blake2b(digest_size=12)
        self._parts = [first]

    def add(self, *parts: str) -> None:
        if parts and len(self._parts) >= _PARTS_AT_ONCE:
            self._hash.update(_utf8("\0".join(self._parts) + "\0"))
            self._parts = []
        self._parts += parts

    def hexdigest(self) -> str:
        done = self._hash.copy()
        done.update(_utf8("\0".join(self._parts)))
        return done.hexdigest()


_PARTS_AT_ONCE = 4096
