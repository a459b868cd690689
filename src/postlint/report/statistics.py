"""`--statistics`: how many findings each rule produced, most first, with fixable counts."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from postlint.result import Result


def render_statistics(result: Result, stream: TextIO) -> None:
    counts = Counter(f.code for f in result.findings)
    fixable = Counter(f.code for f in result.findings if f.fix is not None and f.fix.safe)
    unsafe = Counter(f.code for f in result.findings if f.fix is not None and not f.fix.safe)
    names = {f.code: f.name for f in result.findings}
    width = max((len(str(n)) for n in counts.values()), default=1)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if fixable[code] == count else "[-]" if fixable[code] or unsafe[code] else "   "
        extra = f"  ({fixable[code]} fixable)" if 0 < fixable[code] < count else ""
        stream.write(f"{count:>{width}}  {code:<7} {mark} {names[code]}{extra}\n")
    total = sum(counts.values())
    stream.write(f"Found {total} finding{'s' if total != 1 else ''} in {result.files_checked} files.\n")
