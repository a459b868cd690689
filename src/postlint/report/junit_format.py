"""JUnit XML for CI test reports: one testsuite, a testcase per checked file, a failure per finding.

Clean files are passing testcases. Counts: `tests` is the number of files,
`failures` the number of files with findings (each failed testcase holds one
`<failure>` per finding), `errors` is 0 (unreadable files are findings too).
Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF, lone
surrogates) are written as `<U+XXXX>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from postlint.findings import Finding
from postlint.report.common import message_with_hint
from postlint.result import Result

SUITE = "postlint"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


def _failure(case: ET.Element, finding: Finding) -> None:
    start = finding.span.start
    failure = ET.SubElement(case, "failure", type=finding.code, message=xml_safe(finding.message))
    where = f"{finding.path}:{start.line}:{start.column}"
    detail = f"{where}: {finding.severity.value} {finding.code} {finding.name}: {message_with_hint(finding)}"
    failure.text = xml_safe(detail)


def junit_tree(result: Result) -> ET.Element:
    by_path: defaultdict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([*result.paths, *by_path]))
    failed = sum(1 for path in paths if by_path[path])
    counts = {"name": SUITE, "tests": str(len(paths)), "failures": str(failed), "errors": "0"}
    root = ET.Element("testsuites", counts)
    suite = ET.SubElement(root, "testsuite", counts)
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname=SUITE, name=xml_safe(path), file=xml_safe(path))
        for finding in by_path[path]:
            _failure(case, finding)
    return root


def render(result: Result, stream: TextIO, *, quiet: bool = False) -> None:
    root = junit_tree(result)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
