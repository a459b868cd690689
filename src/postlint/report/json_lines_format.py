"""One JSON object per line, one line per finding: the fields of the `json` format.

Text stays readable (no `\\uXXXX` for Bengali), but the characters that some line
readers treat as line breaks (NEL, LINE and PARAGRAPH SEPARATOR; posts do contain
them) are escaped, so that a `str.splitlines()` reader sees one finding per line too.
"""

from __future__ import annotations

import json
from typing import TextIO

from postlint.report.json_format import finding_to_json
from postlint.result import Result

_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    for finding in result.findings:
        line = json.dumps(finding_to_json(finding), ensure_ascii=False)
        stream.write(line.translate(_LINE_BREAKS) + "\n")
