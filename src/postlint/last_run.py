"""The last run's report, kept beside the cache file: a run over the same files, none changed
since, shows it again without reading a cache row or a post.

Without it, a warm run over 10,000 posts finds each file's row, decodes it and
fingerprints each file's facts, to arrive at the findings it had last time: two thirds
of its time after start-up. With it, the run walks the tree, `stat`s each file and reads
one small file.

The report is kept under the run's signature (`signature`): each file's path (which,
with the working folder and the project root, gives the paths shown and matched), size
and modification time, the files asked for told apart from the rest of the content root
(whose facts corpus rules read). The cache
file's name covers postlint's version, the config and the plugins. A report is used
only with the cache file it was written beside (not one rewritten, replaced or removed
since) and while the schema files its findings came from are unchanged. A run in which
some file was not cacheable (unreadable, dated near today, naming its own schema) or
changed while it was checked keeps no report.
"""

from __future__ import annotations

import contextlib
import os
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from postlint import compact_json
from postlint.cache import (
    FORMAT,
    TEMP_PREFIX,
    UNREADABLE,
    Cache,
    blake2b,
    decode_findings,
    encode_findings,
    read_cache_file,
    unchanged,
)
from postlint.discover import Target
from postlint.findings import Finding

Stamp = tuple[int, int]
"""A file's size and modification time (ns), as the cache rows keep them."""

SourceLines = dict[tuple[str, int], str]


class Stamps:
    """Each file's stamp, None for one that cannot be `stat`ed (gone, a loop): two integers a
    file in one array (a tuple a file held 6 MB through a 50,000-post run)."""

    __slots__ = ("_values",)

    def __init__(self, values: array[int]) -> None:
        self._values = values

    @classmethod
    def of(cls, files: Sequence[Target]) -> Stamps:
        stat = os.stat
        values = array("q")
        add = values.extend
        for file in files:
            try:
                info = stat(file.path)
            except OSError:
                add((_NO_SIZE, 0))
            else:
                add((info.st_size, info.st_mtime_ns))
        return cls(values)

    def __len__(self) -> int:
        return len(self._values) // 2

    def __iter__(self) -> Iterator[Stamp | None]:
        values = self._values
        for at in range(0, len(values), 2):
            size = values[at]
            yield None if size == _NO_SIZE else (size, values[at + 1])

    def __getitem__(self, index: int) -> Stamp | None:
        size = self._values[2 * index]
        return None if size == _NO_SIZE else (size, self._values[2 * index + 1])

    def part(self, start: int, stop: int | None = None) -> Stamps:
        """The stamps of files[start:stop]."""
        return Stamps(self._values[2 * start : None if stop is None else 2 * stop])

    @property
    def complete(self) -> bool:
        """Whether every file has a stamp."""
        return _NO_SIZE not in self._values[::2]

    def data(self) -> bytes:
        return self._values.tobytes()


_NO_SIZE = -1


def signature(files: Sequence[Target], asked: int, stamps: Stamps, root: str) -> str | None:
    """What a run's findings depend on besides the cache key: the files (the first `asked`
    of them asked for) and their stamps. None when a file has no stamp.

    A file's displayed and root-relative paths are worked out from its absolute path, the
    working folder and the project `root`: those three stand for all of them."""
    if not stamps.complete:
        return None
    where = f"{FORMAT}\0{asked}\0{len(files)}\0{os.getcwd()}\0{root}\0"
    digest = blake2b(where.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update("\0".join([file.path for file in files]).encode("utf-8", "surrogatepass"))
    digest.update(stamps.data())
    return digest.hexdigest()


class Report(NamedTuple):
    findings: list[Finding]
    source_lines: SourceLines


class LastRun:
    """The report kept beside one cache file (`<key>.last`, JSON)."""

    def __init__(self, cache: Cache) -> None:
        self.cache_file = cache.path
        self.path = cache.path.with_suffix(".last")

    def recall(self, signature: str) -> Report | None:
        """The last run's report if it had this signature, else None."""
        try:
            info = os.stat(self.cache_file)
            raw = compact_json.loads(read_cache_file(self.path))
            if raw["format"] != FORMAT or raw["signature"] != signature or raw["cache"] != _identity(info):
                return None
            if not unchanged(raw["depends"]):
                return None
            findings = decode_findings(raw["findings"])
            lines = {(path, line): text for path, line, text in raw["lines"]}
            if not all(type(k[0]) is str and type(k[1]) is int and type(v) is str for k, v in lines.items()):
                return None
        except UNREADABLE:
            return None  # none kept, another run's, or not ours to read
        with contextlib.suppress(OSError):  # in use: neither is stale (`cache._prune`)
            os.utime(self.cache_file)
            os.utime(self.path)
        return Report(findings, lines)

    def keep(self, signature: str, report: Report, depends: Mapping[str, str]) -> None:
        """Keep a run's report, for the cache file as it is now; nothing when that cannot be
        done (the findings never depend on it)."""
        try:
            info = os.stat(self.cache_file)
        except OSError:  # not written (a folder that cannot be): a report kept before is void
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        data = compact_json.dumps(
            {
                "format": FORMAT,
                "signature": signature,
                "cache": _identity(info),
                "depends": dict(depends),
                "findings": encode_findings(report.findings),
                "lines": [[path, line, text] for (path, line), text in report.source_lines.items()],
            }
        )
        _write_atomically(self.path, data)


def _identity(info: os.stat_result) -> list[int]:
    """Tells a cache file from the one before it: each is written anew and renamed into place
    (a new inode), while a run that only uses one touches its time."""
    return [info.st_dev, info.st_ino, info.st_size]


def _write_atomically(path: Path, data: bytes) -> None:
    import tempfile

    try:
        handle, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
