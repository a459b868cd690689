"""Apply fixes as edits on a file's text, and write the result without ever losing it."""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from postlint.findings import Edit, Fix

MAX_PASSES = 10
TEMP_SUFFIX = ".postlint-tmp"


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits overlap no earlier fix's; return the text and how many applied.

    Fixes are taken in order of their first edit; a fix that overlaps one already taken is
    left for the next pass, when its rule has re-checked the new text. Taken edits stay
    sorted, so each test looks at two neighbours, and the text is rebuilt once.
    """
    taken: list[Edit] = []
    starts: list[tuple[int, int]] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits)):
        if any(_clashes(edit, taken, starts) for edit in fix.edits):
            continue
        for edit in fix.edits:
            at = bisect_right(starts, (edit.start, edit.end))
            starts.insert(at, (edit.start, edit.end))
            taken.insert(at, edit)
        applied += 1
    pieces, last = [], 0
    for edit in taken:
        pieces += [text[last : edit.start], edit.replacement]
        last = edit.end
    return "".join(pieces) + text[last:], applied


def _clashes(edit: Edit, taken: list[Edit], starts: list[tuple[int, int]]) -> bool:
    at = bisect_right(starts, (edit.start, edit.end))
    near = taken[max(0, at - 2) : at + 2]
    return any(_overlaps(edit, other) for other in near)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions conflict only at the same point
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def encode(text: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def unified_diff(display: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{display}", f"b/{display}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content all at once: temp file in the same folder, fsync, rename.

    A symlinked post is written through to its target (the link stays a link); the
    file's permission bits are kept. A crash leaves either the old or the new content.
    """
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs; a zombie (killed, not yet reaped) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: trust kill()
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")


def remove_stale_temps(folders: Iterable[str | Path]) -> int:
    """Delete temporary files that a killed `--fix` run left behind (their writer is gone).

    A temporary file is named `.NAME.PID.RANDOM.postlint-tmp`; one whose process still
    runs (a parallel run) is left alone. Returns how many were removed.
    """
    removed = 0
    for folder in set(folders):
        try:
            names = [name for name in os.listdir(folder) if name.endswith(TEMP_SUFFIX) and name.startswith(".")]
        except OSError:
            continue
        for name in names:
            parts = name.rsplit(".", 3)
            pid = int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else None
            if pid is not None and pid != os.getpid() and _alive(pid):
                continue
            try:
                (Path(folder) / name).unlink()
                removed += 1
            except OSError:
                pass
    return removed
