"""Output formats checked against what their consumers read: the SARIF 2.1.0 schema,
GitLab's Code Quality fields, JUnit XML, GitHub's workflow-command syntax, JSON lines.

The posts are Bengali, with findings after Bengali text on the same line and an
emoji (a character above U+FFFF) before one of them, so the column unit shows.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema_rs
import pytest

from postlint.cli import main
from postlint.config import FORMATS
from postlint.findings import Finding, Fix, Position, Severity, Span
from postlint.registry import load_registry
from postlint.report import render
from postlint.report.github_format import escape_data, escape_property
from postlint.report.sarif_format import region, utf16_column
from postlint.result import Result

DATA = Path(__file__).parent / "data"

# Line 5: a wrong type after Bengali text. Line 9: a pipe danda after Bengali text.
# Line 10: the same after an emoji, which is two UTF-16 code units.
BENGALI = """\
---
title: "বাংলা পোস্ট"
slug: bangla-post-2025-04-10
date: 2025-04-10
tags: [খবর, 3]
showToc: false
---

আমরা বাংলায় লিখি| তারপর আরও লিখি।
😀 আমরা বাংলায় লিখি| তারপর আরও লিখি।
"""

CLEAN_BENGALI = """\
---
title: "পরিষ্কার পোস্ট"
slug: clean-post-2025-04-10
date: 2025-04-10
tags: [খবর]
showToc: false
---

এটি একটি পরিষ্কার পোস্ট।
"""

# A trailing space: an info finding (PL403).
TRAILING_SPACE = """\
---
title: "তথ্য"
slug: info-post-2025-04-10
date: 2025-04-10
tags: [খবর]
showToc: false
---

একটি লাইন।\x20
"""

SUMMARY = "Found 1 error, 2 warnings, 1 info in 2 of 3 files."

GITHUB_LINE = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),title=(?P<title>[^,:]+)"
    r"::(?P<message>[^\r\n]*)$"
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "bn.md").write_text(BENGALI, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN_BENGALI, encoding="utf-8")
    (tmp_path / "info.md").write_text(TRAILING_SPACE, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys: pytest.CaptureFixture[str], fmt: str, *paths: str) -> str:
    code, out, err = run(capsys, "check", "--format", fmt, *(paths or (".",)))
    assert code == 1
    assert err == ""
    return out


def json_findings(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(check(capsys, "json", *paths))
    return findings


def finding(
    message: str = "something is wrong",
    *,
    path: str = "post.md",
    code: str = "PL507",
    start: tuple[int, int] = (1, 1),
    end: tuple[int, int] = (1, 2),
    severity: Severity = Severity.WARNING,
    hint: str | None = None,
) -> Finding:
    span = Span(Position(*start, 0), Position(*end, 0))
    return Finding(path, code, "bn-pipe-danda", severity, message, span, hint)


def rendered(result: Result, fmt: str) -> str:
    stream = io.StringIO()
    render(result, fmt, stream)
    return stream.getvalue()


# --- the schemas ----------------------------------------------------------------


def sarif_schema() -> Any:
    """The official schema, with one repair: its `language` pattern ends in a stray `]`
    (`…{2}]?$`), which ECMA-262's web-compatibility grammar reads as a literal `]`
    but jsonschema-rs rejects as a regex while checking the schema itself. Escaping
    it (`\\]`) keeps the meaning; postlint never writes `language` anyway."""
    raw = (DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    bad = '"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"'
    assert raw.count(bad) == 2
    return json.loads(raw.replace(bad, bad.replace("{2}]", "{2}\\\\]")))


def schema_errors(schema: Any, instance: Any) -> list[str]:
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    return [f"{list(error.instance_path)}: {error.message}" for error in validator.iter_errors(instance)]


def sarif_errors(log: Any) -> list[str]:
    return schema_errors(sarif_schema(), log)


def gitlab_errors(report: Any) -> list[str]:
    return schema_errors(json.loads((DATA / "gitlab-code-quality.schema.json").read_text(encoding="utf-8")), report)


# --- every format ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_configurable_format_has_a_reporter(fmt: str) -> None:
    module = import_module(f"postlint.report.{fmt.replace('-', '_')}_format")
    assert callable(module.render)


@pytest.mark.parametrize("fmt", ["json-lines", "github", "sarif", "gitlab", "junit"])
def test_format_can_be_set_in_config(tree: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    (tree / "postlint.toml").write_text(f'format = "{fmt}"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", ".")
    assert code == 1
    assert out == check(capsys, fmt)


def test_unknown_format_in_config_lists_the_new_names(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "postlint.toml").write_text('format = "sarif2"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", ".")
    assert code == 2
    assert out == ""
    assert "json-lines, github, sarif, gitlab, junit" in err


# --- SARIF ----------------------------------------------------------------------------


def test_sarif_validates_against_the_sarif_2_1_0_schema(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = json.loads(check(capsys, "sarif"))
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(json_findings(capsys))


def test_sarif_of_a_clean_tree_validates_and_has_no_results(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "sarif", "clean.md")
    assert code == 0
    log = json.loads(out)
    assert sarif_errors(log) == []
    assert log["runs"][0]["results"] == []


def test_the_schema_check_is_not_vacuous(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = json.loads(check(capsys, "sarif"))
    log["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    del log["runs"][0]["tool"]["driver"]["name"]
    errors = sarif_errors(log)
    assert len(errors) == 2, errors


def test_sarif_validates_with_python_jsonschema_too(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))  # unrepaired
    jsonschema.Draft4Validator(schema).validate(json.loads(check(capsys, "sarif")))


def test_sarif_driver_and_rules_carry_each_active_rules_documentation(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    driver = json.loads(check(capsys, "sarif"))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "postlint"
    assert driver["version"] == __import__("postlint").__version__
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids)
    registry = load_registry()
    for descriptor in driver["rules"]:
        rule = registry.require(descriptor["id"])
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"] == {"text": rule.summary}
        assert descriptor["fullDescription"] == {"text": rule.why.strip()}
        assert descriptor["help"] == {"text": rule.documentation, "markdown": rule.documentation}
        levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
        assert descriptor["defaultConfiguration"] == {"level": levels[rule.severity]}
    assert "PL507" in ids
    assert "PL213" not in ids  # off by default, so not active


def test_sarif_rule_index_and_levels_follow_the_findings(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_ = json.loads(check(capsys, "sarif"))["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    pairs = zip(run_["results"], json_findings(capsys), strict=True)
    for result, plain in pairs:
        assert result["ruleId"] == plain["code"]
        assert rules[result["ruleIndex"]]["id"] == plain["code"]
        assert result["level"] == levels[plain["severity"]]
        assert result["message"]["text"].startswith(plain["message"])
    assert {r["level"] for r in run_["results"]} == {"error", "warning", "note"}


def test_sarif_locations_are_relative_uris_under_srcroot(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "পোস্ট.md").write_text(BENGALI.replace("bangla-post", "second-post"), encoding="utf-8")
    run_ = json.loads(check(capsys, "sarif"))["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tree.resolve().as_uri() + "/"
    uris = set()
    for result in run_["results"]:
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert artifact["uri"].isascii()
        uris.add(unquote(artifact["uri"]))
    assert uris == {"bn.md", "info.md", "পোস্ট.md"}


def test_sarif_columns_are_utf16_code_units(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_ = json.loads(check(capsys, "sarif", "bn.md"))["runs"][0]
    assert run_["columnKind"] == "utf16CodeUnits"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run_["results"]]
    plain = json_findings(capsys, "bn.md")
    assert [(f["code"], f["start"]["line"]) for f in plain] == [("PL102", 5), ("PL507", 9), ("PL507", 10)]
    lines = BENGALI.splitlines()
    # Bengali is in the BMP: code points and UTF-16 units agree.
    for index, line_no in ((0, 5), (1, 9)):
        column = plain[index]["start"]["column"]
        assert lines[line_no - 1][column - 1] in "3|"
        assert regions[index] == {
            "startLine": line_no,
            "endLine": line_no,
            "startColumn": column,
            "endColumn": column + 1,
        }
    # After the emoji every column is one more in UTF-16 code units.
    column = plain[2]["start"]["column"]
    assert lines[9][column - 1] == "|"
    assert regions[2] == {"startLine": 10, "endLine": 10, "startColumn": column + 1, "endColumn": column + 2}
    assert len(lines[9][: column - 1].encode("utf-16-le")) // 2 + 1 == column + 1


def test_utf16_column_counts_astral_characters_before_it() -> None:
    line = "😀 আমরা \U0001d400b"  # an emoji and MATHEMATICAL BOLD CAPITAL A
    assert utf16_column(line, 1) == 1
    assert utf16_column(line, 2) == 3
    assert utf16_column(line, line.index("b") + 1) == line.index("b") + 1 + 2
    assert utf16_column(line, len(line) + 1) == len(line.encode("utf-16-le")) // 2 + 1
    assert utf16_column("", 3) == 3  # past the end: one unit per column


def test_sarif_region_never_claims_an_end_column_it_cannot_convert() -> None:
    line = "😀 বাংলা"
    across = finding(start=(3, 2), end=(5, 4))
    assert region(across, line) == {"startLine": 3, "endLine": 5, "startColumn": 3}
    to_next_line_start = finding(start=(3, 2), end=(4, 1))
    assert region(to_next_line_start, line) == {"startLine": 3, "endLine": 4, "startColumn": 3, "endColumn": 1}
    undecodable = finding(start=(1, 7), end=(1, 8))
    assert region(undecodable, None) == {"startLine": 1, "endLine": 1}


def test_sarif_edge_cases_still_validate() -> None:
    rule = load_registry().require("PL507")
    findings = [
        finding(start=(3, 2), end=(5, 4)),
        finding(path="/elsewhere/পোস্ট.md", severity=Severity.ERROR),
        finding(code="XX001", severity=Severity.INFO, hint="a hint"),
    ]
    result = Result(findings, 2, {"PL507": rule}, {("post.md", 3): "😀 বাংলা"})
    log = json.loads(rendered(result, "sarif"))
    assert sarif_errors(log) == []
    results = log["runs"][0]["results"]
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": Path("/elsewhere/পোস্ট.md").as_uri()
    }
    assert "ruleIndex" not in results[2]  # a code without a rule descriptor
    assert results[2]["message"]["text"] == "something is wrong\nhint: a hint"


# --- GitLab Code Quality ---------------------------------------------------------------


def test_gitlab_report_has_the_required_fields(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(check(capsys, "gitlab"))
    assert gitlab_errors(report) == []
    plain = json_findings(capsys)
    assert len(report) == len(plain)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, f in zip(report, plain, strict=True):
        assert issue["check_name"] == f["code"]
        assert issue["severity"] == severities[f["severity"]]
        assert issue["location"] == {"path": f["path"], "lines": {"begin": f["start"]["line"], "end": f["end"]["line"]}}
        assert f["message"] in issue["description"]
    assert len({issue["fingerprint"] for issue in report}) == len(report)


def test_the_gitlab_schema_rejects_what_gitlab_would() -> None:
    good = {"description": "d", "check_name": "c", "fingerprint": "f", "severity": "minor", "location": {"path": "p"}}
    assert len(gitlab_errors([good])) == 1  # neither lines nor positions
    good["location"] = {"path": "p", "lines": {"begin": 1}}
    assert gitlab_errors([good]) == []
    assert gitlab_errors([{**good, "severity": "warning"}]) != []
    assert gitlab_errors([{k: v for k, v in good.items() if k != "fingerprint"}]) != []


def test_gitlab_fingerprints_survive_lines_inserted_above(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = json.loads(check(capsys, "gitlab", "bn.md"))
    moved = BENGALI.replace("date: 2025-04-10\n", "date: 2025-04-10\n# a comment\n")
    moved = moved.replace("---\n\n", "---\n\nএকটি নতুন অনুচ্ছেদ।\n\n")
    (tree / "bn.md").write_text(moved, encoding="utf-8")
    after = json.loads(check(capsys, "gitlab", "bn.md"))
    assert [i["location"]["lines"]["begin"] for i in before] == [5, 9, 10]
    assert [i["location"]["lines"]["begin"] for i in after] == [6, 12, 13]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_gitlab_fingerprint_changes_with_the_line_itself(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = json.loads(check(capsys, "gitlab", "bn.md"))
    (tree / "bn.md").write_text(BENGALI.replace("আমরা বাংলায় লিখি|", "তোমরা বাংলায় লিখ|"), encoding="utf-8")
    after = json.loads(check(capsys, "gitlab", "bn.md"))
    assert after[0]["fingerprint"] == before[0]["fingerprint"]
    assert after[1]["fingerprint"] != before[1]["fingerprint"]


def test_gitlab_fingerprints_tell_identical_lines_apart() -> None:
    findings = [finding(start=(3, 5), end=(3, 6)), finding(start=(7, 5), end=(7, 6))]
    lines = {("post.md", 3): "লিখি|", ("post.md", 7): "লিখি|"}
    report = json.loads(rendered(Result(findings, 1, source_lines=lines), "gitlab"))
    assert report[0]["fingerprint"] != report[1]["fingerprint"]


# --- JUnit ------------------------------------------------------------------------------


def test_junit_has_a_testcase_per_file_and_a_failure_per_finding(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ET.fromstring(check(capsys, "junit"))
    plain = json_findings(capsys)
    (suite,) = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"bn.md", "clean.md", "info.md"}
    assert cases["clean.md"].findall("failure") == []
    for path in ("bn.md", "info.md"):
        failures = cases[path].findall("failure")
        expected = [f for f in plain if f["path"] == path]
        assert [(x.get("type"), x.get("message")) for x in failures] == [(f["code"], f["message"]) for f in expected]
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == ("3", "2", "0")


def test_junit_of_a_clean_file_passes(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "junit", "clean.md")
    assert code == 0
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    assert [case.get("name") for case in suite.iter("testcase")] == ["clean.md"]


def test_junit_stays_well_formed_with_characters_xml_cannot_hold() -> None:
    message = 'a <tag> & "quote" \x01 \x1b \ufffe \x85 \u2028 বাংলা'
    result = Result([finding(message, hint="ok\x00")], 1, paths=["post.md"])
    root = ET.fromstring(rendered(result, "junit"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'a <tag> & "quote" <U+0001> <U+001B> <U+FFFE> \x85 \u2028 বাংলা'
    assert failure.text is not None and failure.text.endswith("hint: ok<U+0000>")


# --- GitHub workflow commands --------------------------------------------------------------


def test_github_lines_follow_the_workflow_command_syntax(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = check(capsys, "github").splitlines()
    plain = json_findings(capsys)
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    assert len(lines) == len(plain)
    for line, f in zip(lines, plain, strict=True):
        match = GITHUB_LINE.match(line)
        assert match, line
        assert match["command"] == commands[f["severity"]]
        assert match["file"] == f["path"]
        assert (int(match["line"]), int(match["col"])) == (f["start"]["line"], f["start"]["column"])
        assert (int(match["endLine"]), int(match["endColumn"])) == (f["end"]["line"], f["end"]["column"])
        assert match["title"] == f"{f['code']} {f['name']}"
        assert match["message"].startswith(escape_data(f["message"]))
    assert {m["command"] for m in map(GITHUB_LINE.match, lines) if m} == {"error", "warning", "notice"}


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext%3A a%2Cb"
    odd = finding("100% sure:\nyes, really", path="a,b:c%.md", start=(2, 3), end=(2, 4), hint="x")
    assert rendered(Result([odd], 1), "github") == (
        "::warning file=a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=4,title=PL507 bn-pipe-danda"
        "::100%25 sure:%0Ayes, really%0Ahint: x\n"
    )


def test_github_is_the_default_inside_github_actions(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = check(capsys, "github")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = run(capsys, "check", ".")
    assert (code, out, err) == (1, annotations, "")
    assert run(capsys, "check", "--format", "concise", ".")[1] == check(capsys, "concise")
    (tree / "postlint.toml").write_text('format = "json"\n', encoding="utf-8")
    assert json.loads(run(capsys, "check", ".")[1]) == json_findings(capsys)


@pytest.mark.parametrize("value", ["false", "1", ""])
def test_github_is_not_chosen_unless_github_actions_is_true(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", value)
    _, out, _ = run(capsys, "check", ".")
    assert not out.startswith("::")
    assert SUMMARY in out


def test_an_output_file_in_github_actions_gets_text_not_annotations(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "check", "--output-file", "report.txt", ".")
    assert (code, out) == (1, "")
    assert "::" not in (tree / "report.txt").read_text(encoding="utf-8")


# --- JSON lines -------------------------------------------------------------------------------


def test_json_lines_parse_line_by_line_like_the_json_array(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = check(capsys, "json-lines")
    assert out.endswith("\n")
    assert [json.loads(line) for line in out.splitlines()] == json_findings(capsys)


def test_json_lines_escape_what_splitlines_would_split_on() -> None:
    message = "a\u2028b\u2029c\x85d\ne\rf\x0bg বাংলা"
    out = rendered(Result([finding(message), finding("second")], 1), "json-lines")
    lines = out.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["message"] == message
    assert "বাংলা" in lines[0]  # text stays readable


# --- --output-file ------------------------------------------------------------------------------

Parse = Callable[[str], Any]
PARSERS: dict[str, Parse] = {
    "json": json.loads,
    "sarif": json.loads,
    "gitlab": json.loads,
    "junit": ET.fromstring,
    "json-lines": lambda text: [json.loads(line) for line in text.splitlines()],
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_holds_the_report_and_nothing_else(
    tree: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = run(capsys, "check", "--format", fmt, "--quiet", ".")
    assert code == 1
    written = tree / "reports" / f"postlint.{fmt}"
    code, to_stdout, summary = run(capsys, "check", "--format", fmt, "--output-file", str(written), ".")
    assert (code, to_stdout) == (1, "")
    report = written.read_text(encoding="utf-8")
    assert report == out
    assert SUMMARY not in report
    assert SUMMARY in summary
    if fmt in PARSERS:
        PARSERS[fmt](report)


def test_output_file_with_quiet_prints_nothing(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "-q", "--format", "sarif", "--output-file", "out.sarif", ".") == (1, "", "")
    assert sarif_errors(json.loads((tree / "out.sarif").read_text(encoding="utf-8"))) == []


def test_output_file_that_cannot_be_written_exits_2(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--output-file", "clean.md/report.json", ".")
    assert (code, out) == (2, "")
    assert err.startswith("postlint: error: cannot write the report to clean.md/report.json")


def test_text_report_in_a_file_is_plain_even_with_force_color(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, "check", "-q", ".")[1]  # sanity: stdout is coloured
    run(capsys, "check", "-q", "--output-file", "report.txt", ".")
    report = (tree / "report.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in report
    assert "bn.md:10:" in report


# --- text ------------------------------------------------------------------------------


def test_piped_text_is_what_rich_prints_without_colour() -> None:
    """The text report skips Rich when nothing can show colour; the text must not change."""
    from rich.console import Console
    from rich.text import Text

    from postlint.report import text_format

    lines = {
        ("bn.md", 3): "শিরোনাম:\tবাংলা\u200bলেখা 漢字 😀",
        ("bn.md", 5): "x" * 150 + " বাংলা " + "y" * 80,
        ("bn.md", 7): "bell\x07 and carriage\rreturn",
    }
    findings = [
        finding(path="bn.md", start=(3, 11), end=(3, 14), hint="remove the U+200B"),
        finding(path="bn.md", start=(5, 152), end=(5, 157), severity=Severity.ERROR),
        finding(path="bn.md", start=(7, 5), end=(9, 1), severity=Severity.INFO),
        finding("a bell\x07 in a message", path="bn.md", start=(11, 1), end=(11, 2)),  # no line text: no snippet
        dataclasses.replace(finding(path="bn.md", start=(3, 1), end=(3, 2)), fix=Fix((), True, "fix it")),
    ]
    result = Result(findings, 2, {}, lines)
    plain = rendered(result, "text")
    console_out = io.StringIO()
    console = Console(
        file=console_out, force_terminal=False, soft_wrap=True, highlight=False, markup=False, emoji=False
    )
    for line in text_format._lines(result, quiet=False):
        console.print(Text.assemble(*line))
    assert plain == console_out.getvalue()
    assert "<U+200B>" in plain and "\x07" not in plain and " [*] " in plain and "3 warnings" in plain
