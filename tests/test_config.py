"""Configuration files, rule settings, excludes and schemas, through `postlint.cli.main`."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from posts import BOM_NO_SLUG, CLEAN, CLEAN_BN, NO_SLUG, codes, error_line, run, run_json, write

pytestmark = pytest.mark.usefixtures("in_tmp")

NO_FRONT_MATTER = "# Just a heading\n\nText.\n"

AUTHOR_SCHEMA = {"type": "object", "required": ["author"], "properties": {"author": {"type": "string"}}}


def with_key(post: str, line: str) -> str:
    """`post` with one more front-matter line before the closing fence."""
    head, rest = post.split("\n---\n", 1)
    return f"{head}\n{line}\n---\n{rest}"


def found(findings: list[dict]) -> list[tuple[str, str]]:
    return [(f["path"], f["code"]) for f in findings]


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert out == ""
    return error_line(err)


# --- finding the config ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", '[project]\nname = "site"\n\n[tool.postlint]\nselect = ["PL005"]\n'),
        ("postlint.toml", 'select = ["PL005"]\n'),
        (".postlint.toml", 'select = ["PL005"]\n'),
    ],
)
def test_config_found_by_walking_up_from_the_checked_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    write(tmp_path, f"site/{name}", text)
    write(tmp_path, "site/content/posts/post.md", BOM_NO_SLUG)
    # without the config both rules fire
    write(tmp_path, "elsewhere/post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "elsewhere")
    assert codes(findings) == ["PL005", "PL101"]
    # checked from a folder outside the site: the config is found from the path
    code, findings = run_json(capsys, "site/content")
    assert found(findings) == [("site/content/posts/post.md", "PL005")]
    assert code == 0
    # checked from deep inside the site
    monkeypatch.chdir(tmp_path / "site/content/posts")
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("post.md", "PL005")]
    _, findings = run_json(capsys, "post.md")
    assert found(findings) == [("post.md", "PL005")]


def test_dot_postlint_toml_wins_in_the_same_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint]\nignore = ["PL0"]\n')
    write(tmp_path, "postlint.toml", 'ignore = ["PL0", "PL1"]\n')
    write(tmp_path, ".postlint.toml", 'ignore = ["PL1"]\n')
    write(tmp_path, "post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "post.md")
    assert codes(findings) == ["PL005"]


def test_postlint_toml_wins_over_pyproject_in_the_same_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint]\nignore = ["PL0"]\n')
    write(tmp_path, "postlint.toml", 'ignore = ["PL1"]\n')
    write(tmp_path, "post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "post.md")
    assert codes(findings) == ["PL005"]


def test_nearest_config_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'select = ["PL005"]\n')
    write(tmp_path, "content/pyproject.toml", '[tool.postlint]\nselect = ["PL101"]\n')
    write(tmp_path, "content/post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "content")
    assert codes(findings) == ["PL101"]


def test_pyproject_without_tool_postlint_is_passed_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'select = ["PL005"]\n')
    write(tmp_path, "content/pyproject.toml", '[project]\nname = "x"\n\n[tool.black]\nline-length = 80\n')
    write(tmp_path, "content/post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "content/post.md")
    assert codes(findings) == ["PL005"]


def test_config_option_wins_over_found_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, ".postlint.toml", 'select = ["PL005"]\n')
    write(tmp_path, "other/custom.toml", 'select = ["missing-required-key"]\n')
    write(tmp_path, "post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "--config", "other/custom.toml", "post.md")
    assert codes(findings) == ["PL101"]


def test_config_option_may_name_a_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "cfg/pyproject.toml", '[tool.postlint]\nignore = ["PL101"]\n')
    write(tmp_path, "post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "--config", "cfg/pyproject.toml", "post.md")
    assert codes(findings) == ["PL005"]


def test_command_line_selection_overrides_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'select = ["PL005"]\n')
    write(tmp_path, "post.md", BOM_NO_SLUG)
    _, findings = run_json(capsys, "--select", "PL101", "post.md")
    assert codes(findings) == ["PL101"]


def test_config_format_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'format = "concise"\n')
    write(tmp_path, "post.md", NO_SLUG)
    code, out, _ = run(capsys, "check", "post.md")
    assert code == 1
    assert out == "post.md:6:1: PL101 `slug` is required but missing\n"


# --- config errors ------------------------------------------------------------------


def test_unknown_key_exits_2_with_did_you_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'selct = ["PL101"]\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "selct" in line
    assert "did you mean 'select'?" in line
    assert "postlint.toml" in line


def test_unknown_key_in_pyproject_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint]\nextend_exclude = ["x"]\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "extend_exclude" in line
    assert "did you mean 'extend-exclude'?" in line


def test_unknown_rule_table_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[rules.byte-order-marks]\nseverity = "error"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "byte-order-marks" in line
    assert "did you mean 'byte-order-mark'?" in line


def test_unknown_rule_code_table_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint.rules.PL999]\nseverity = "error"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "PL999" in line


def test_unknown_rule_option_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", "[rules.file-too-large]\nmax-byte = 100\n")
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "max-byte" in line
    assert "did you mean 'max-bytes'?" in line


def test_misspelt_severity_option_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[rules.PL101]\nseverty = "warning"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "did you mean 'severity'?" in line


def test_unknown_severity_value_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[rules.PL101]\nseverity = "fatal"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "fatal" in line
    assert "warning" in line


def test_option_of_the_wrong_type_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[rules.PL007]\nmax-bytes = "big"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "max-bytes" in line


def test_settings_of_an_unselected_rule_are_still_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'select = ["PL101"]\n\n[rules.PL005]\nseverityy = "error"\n')
    write(tmp_path, "post.md", CLEAN)
    usage_error(capsys, "check", "post.md")


def test_list_key_given_a_string_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'select = "PL101"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "select" in line


def test_unknown_selector_in_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'ignore = ["PL1011"]\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "did you mean 'PL101'?" in line


def test_unknown_format_in_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'format = "xml"\n')
    write(tmp_path, "post.md", CLEAN)
    usage_error(capsys, "check", "post.md")


def test_invalid_toml_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", "select = [\n")
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "postlint.toml" in line


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("postlint.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("pyproject.toml", "[tool.postlint]\nb = " + "{x=" * 5_000 + "1" + "}" * 5_000 + "\n"),
    ],
    ids=["arrays", "inline-tables"],
)
def test_config_nested_too_deeply_exits_2(
    name: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, name, text)
    write(tmp_path, "post.md", CLEAN)
    assert usage_error(capsys, "check", "post.md").endswith(f"{name} is not valid TOML: nested too deeply")


def test_a_config_that_is_not_a_regular_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "post.md", CLEAN)
    (tmp_path / "zero.toml").symlink_to("/dev/zero")  # read, it would fill memory
    assert "zero.toml" in usage_error(capsys, "check", "--config", "zero.toml", "post.md")


def test_missing_config_option_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "--config", "nope.toml", "post.md")
    assert "nope.toml" in line


# --- rule settings -----------------------------------------------------------------


def test_rule_severity_warning_changes_the_finding_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "post.md", NO_SLUG)
    code, findings = run_json(capsys, "post.md")
    assert (code, findings[0]["severity"]) == (1, "error")
    write(tmp_path, "postlint.toml", '[rules.PL101]\nseverity = "warning"\n')
    code, findings = run_json(capsys, "post.md")
    assert code == 0
    assert [(f["code"], f["severity"]) for f in findings] == [("PL101", "warning")]
    code, _ = run_json(capsys, "--strict", "post.md")
    assert code == 1


def test_rule_severity_by_name_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint.rules.byte-order-mark]\nseverity = "error"\n')
    write(tmp_path, "post.md", b"\xef\xbb\xbf" + CLEAN.encode())
    code, findings = run_json(capsys, "post.md")
    assert code == 1
    assert [(f["code"], f["severity"]) for f in findings] == [("PL005", "error")]


def test_rule_severity_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[rules.missing-required-key]\nseverity = "info"\n')
    write(tmp_path, "post.md", NO_SLUG)
    code, findings = run_json(capsys, "--strict", "post.md")
    assert code == 0
    assert findings[0]["severity"] == "info"


def test_configured_severity_wins_over_a_rules_choice_even_when_it_is_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # PL304 zero-width-space is a warning, but an error in a slug; configured, it is what config says.
    write(tmp_path, "post.md", CLEAN.replace("Text.", "Zero\u200bwidth.").replace("hello-2025", "hel\u200blo-2025"))
    _, findings = run_json(capsys, "--select", "PL304", "post.md")
    assert [f["severity"] for f in findings] == ["error", "warning"]
    write(tmp_path, "postlint.toml", '[rules.PL304]\nseverity = "warning"\n')
    _, findings = run_json(capsys, "--select", "PL304", "post.md")
    assert [f["severity"] for f in findings] == ["warning", "warning"]


def test_rule_option_is_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "post.md", CLEAN)
    _, findings = run_json(capsys, "post.md")
    assert findings == []
    write(tmp_path, "postlint.toml", "[rules.file-too-large]\nmax-bytes = 20\n")
    code, findings = run_json(capsys, "post.md")
    assert code == 1
    assert codes(findings) == ["PL007"]


def test_per_file_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path,
        "postlint.toml",
        '[per-file-ignores]\n"content/_index.md" = ["PL101"]\n"drafts/**" = ["PL1", "byte-order-mark"]\n',
    )
    write(tmp_path, "content/_index.md", BOM_NO_SLUG)
    write(tmp_path, "content/post.md", BOM_NO_SLUG)
    write(tmp_path, "drafts/one/draft.md", BOM_NO_SLUG)
    write(tmp_path, "content/drafts/draft.md", BOM_NO_SLUG)  # not under the anchored drafts/
    _, findings = run_json(capsys, ".")
    assert found(findings) == [
        ("content/_index.md", "PL005"),
        ("content/drafts/draft.md", "PL005"),
        ("content/drafts/draft.md", "PL101"),
        ("content/post.md", "PL005"),
        ("content/post.md", "PL101"),
    ]


def test_per_file_ignores_match_from_the_config_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "site/postlint.toml", '[per-file-ignores]\n"content/*.md" = ["PL101"]\n')
    write(tmp_path, "site/content/post.md", NO_SLUG)
    code, findings = run_json(capsys, "site")
    assert (code, findings) == (0, [])
    monkeypatch.chdir(tmp_path / "site/content")
    code, findings = run_json(capsys, ".")
    assert (code, findings) == (0, [])


def test_per_file_ignores_unknown_rule_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[per-file-ignores]\n"a.md" = ["missing-requred-key"]\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "did you mean 'missing-required-key'?" in line


# --- excludes -----------------------------------------------------------------------

EXCLUDED_BY_DEFAULT = (
    "layouts/partial.md",
    "_layouts/page.md",
    "_includes/head.md",
    "archetypes/default.md",
    "node_modules/pkg/README.md",
    "content/node_modules/pkg/README.md",
    "themes/x/layouts/list.md",
)


def test_default_excludes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in EXCLUDED_BY_DEFAULT:
        write(tmp_path, name, NO_FRONT_MATTER)
    write(tmp_path, ".git/info.md", NO_FRONT_MATTER)
    write(tmp_path, "content/post.md", NO_FRONT_MATTER)
    write(tmp_path, "content/layouts.md", NO_FRONT_MATTER)  # a file merely named like a folder
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("content/layouts.md", "PL010"), ("content/post.md", "PL010")]


def test_excluded_file_named_explicitly_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "layouts/partial.md", NO_FRONT_MATTER)
    _, findings = run_json(capsys, "layouts/partial.md")
    assert found(findings) == [("layouts/partial.md", "PL010")]


def test_exclude_replaces_the_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'exclude = ["drafts"]\n')
    write(tmp_path, "layouts/partial.md", NO_FRONT_MATTER)
    write(tmp_path, "content/drafts/wip.md", NO_FRONT_MATTER)
    write(tmp_path, "content/post.md", NO_FRONT_MATTER)
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("content/post.md", "PL010"), ("layouts/partial.md", "PL010")]


def test_extend_exclude_keeps_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "pyproject.toml", '[tool.postlint]\nextend-exclude = ["content/drafts/**", "*.draft.md"]\n')
    write(tmp_path, "layouts/partial.md", NO_FRONT_MATTER)
    write(tmp_path, "content/drafts/wip.md", NO_FRONT_MATTER)
    write(tmp_path, "content/blog/idea.draft.md", NO_FRONT_MATTER)
    write(tmp_path, "content/blog/post.md", NO_FRONT_MATTER)
    write(tmp_path, "other/content/drafts/kept.md", NO_FRONT_MATTER)  # anchored pattern: not excluded
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("content/blog/post.md", "PL010"), ("other/content/drafts/kept.md", "PL010")]
    # globs stay relative to the config folder when run from inside the tree
    monkeypatch.chdir(tmp_path / "content")
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("blog/post.md", "PL010")]


def test_only_markdown_files_are_collected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", NO_FRONT_MATTER)
    write(tmp_path, "b.markdown", NO_FRONT_MATTER)
    write(tmp_path, "c.mdx", NO_FRONT_MATTER)
    write(tmp_path, "d.txt", NO_FRONT_MATTER)
    write(tmp_path, "e.html", NO_FRONT_MATTER)
    _, findings = run_json(capsys, ".")
    assert [f["path"] for f in findings] == ["a.md", "b.markdown", "c.mdx"]


# --- schemas from the config ---------------------------------------------------------


def test_custom_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'schema = "schemas/post.json"\n')
    write(tmp_path, "schemas/post.json", AUTHOR_SCHEMA)
    write(tmp_path, "content/a.md", CLEAN)  # clean for the default schema, not for this one
    write(tmp_path, "content/b.md", "---\nauthor: রবীন্দ্রনাথ\n---\n")  # no title/slug: fine here
    _, findings = run_json(capsys, ".")
    assert found(findings) == [("content/a.md", "PL101")]
    assert "`author`" in findings[0]["message"]
    assert findings[0]["start"]["line"] == 7


def _docs_site(root: Path) -> None:
    write(
        root,
        "site/pyproject.toml",
        '[tool.postlint.schemas]\n"docs/**" = "schemas/docs.json"\n"notes/*.md" = "schemas/notes.json"\n',
    )
    write(root, "site/schemas/docs.json", {"type": "object", "required": ["section"]})
    write(root, "site/schemas/notes.json", {"type": "object", "required": ["topic"]})
    write(root, "site/docs/guide/intro.md", CLEAN)
    write(root, "site/notes/n.md", CLEAN_BN)
    write(root, "site/blog/post.md", "---\nsection: x\ntopic: y\n---\n")


EXPECTED_DOCS = [
    ("docs/guide/intro.md", "PL101", "`section` is required but missing"),
    ("notes/n.md", "PL101", "`topic` is required but missing"),
]


def _messages(findings: list[dict], prefix: str = "") -> list[tuple[str, str, str]]:
    return [(f["path"].removeprefix(prefix), f["code"], f["message"]) for f in findings]


def test_schemas_glob_mapping_from_the_config_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _docs_site(tmp_path)
    monkeypatch.chdir(tmp_path / "site")
    _, findings = run_json(capsys, ".")
    messages = _messages(findings)
    # blog/post.md uses the default schema: title, slug, ... are missing
    assert [m for m in messages if not m[0].startswith("blog/")] == EXPECTED_DOCS
    assert {m[2] for m in messages if m[0].startswith("blog/")} >= {"`title` is required but missing"}


def test_schemas_glob_mapping_from_outside_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Globs are relative to the config folder, whatever the current folder."""
    _docs_site(tmp_path)
    _, findings = run_json(capsys, "site/docs", "site/notes")
    assert _messages(findings, "site/") == EXPECTED_DOCS


def test_schemas_glob_mapping_from_inside_a_subfolder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _docs_site(tmp_path)
    monkeypatch.chdir(tmp_path / "site/docs")
    _, findings = run_json(capsys, ".")
    assert _messages(findings) == [("guide/intro.md", "PL101", "`section` is required but missing")]


@pytest.mark.parametrize(
    ("schema_text", "words"),
    [
        (None, "schemas/post.json"),  # missing
        ("{not json", "not valid JSON"),
        ('{"type": 5}', "cannot be used"),
        ('{"type": "object", "properties": {"a": {"$ref": "#/$defs/nowhere"}}}', "cannot be used"),
    ],
)
def test_config_schema_that_cannot_be_used_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_text: str | None, words: str
) -> None:
    write(tmp_path, "postlint.toml", 'schema = "schemas/post.json"\n')
    if schema_text is not None:
        write(tmp_path, "schemas/post.json", schema_text)
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert words in line


def test_schemas_mapping_to_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", '[schemas]\n"docs/**" = "schemas/nope.json"\n')
    write(tmp_path, "post.md", CLEAN)
    line = usage_error(capsys, "check", "post.md")
    assert "nope.json" in line


# --- $schema in a post -----------------------------------------------------------------


def test_dollar_schema_relative_to_the_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", "")
    write(tmp_path, "content/blog/local.schema.json", AUTHOR_SCHEMA)
    write(tmp_path, "content/blog/a.md", with_key(CLEAN, "$schema: local.schema.json"))
    write(tmp_path, "content/blog/b.md", "---\n$schema: ./local.schema.json\nauthor: লেখক\n---\n")
    _, findings = run_json(capsys, ".")
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        ("content/blog/a.md", "PL101", "`author` is required but missing")
    ]


def test_dollar_schema_relative_to_the_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "site/postlint.toml", "")
    write(tmp_path, "site/schemas/author.json", AUTHOR_SCHEMA)
    write(tmp_path, "site/content/blog/a.md", with_key(CLEAN, "$schema: schemas/author.json"))
    write(tmp_path, "site/content/blog/b.md", with_key(CLEAN, "$schema: schemas/author.json\nauthor: 5"))
    _, findings = run_json(capsys, "site")
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        ("site/content/blog/a.md", "PL101", "`author` is required but missing"),
        ("site/content/blog/b.md", "PL102", "`author` must be text (a string); found the number 5"),
    ]
    assert findings[1]["start"] == {"line": 8, "column": 9}


def test_dollar_schema_wins_over_config_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "postlint.toml", 'schema = "schemas/strict.json"\n')
    write(tmp_path, "schemas/strict.json", {"type": "object", "required": ["never-present"]})
    write(tmp_path, "schemas/author.json", AUTHOR_SCHEMA)
    write(tmp_path, "a.md", "---\n$schema: schemas/author.json\nauthor: x\n---\n")
    code, findings = run_json(capsys, "a.md")
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(
    ("ref", "setup", "words"),
    [
        ("https://example.com/post.schema.json", None, "URL"),
        ("http://localhost:9/post.schema.json", None, "URL"),
        ("../outside.json", "outside", "outside the project root"),
        ("schemas/missing.json", None, "does not exist"),
        ("schemas/broken.json", "{oops", "not valid JSON"),
        ("schemas/invalid.json", '{"type": "strnig"}', "cannot be used"),
    ],
)
def test_bad_dollar_schema_is_a_pl104_finding(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    ref: str,
    setup: str | None,
    words: str,
) -> None:
    site = tmp_path / "site"
    write(site, "postlint.toml", "")
    write(tmp_path, "outside.json", AUTHOR_SCHEMA)
    if setup is not None and setup != "outside":
        write(site, ref, setup)
    post = with_key(CLEAN_BN, f"$schema: {ref}")
    write(site, "post.md", post)
    write(site, "other.md", CLEAN)
    code, findings = run_json(capsys, "site")
    assert code == 1
    assert codes(findings) == ["PL104"]
    finding = findings[0]
    assert finding["path"] == "site/post.md"
    assert finding["name"] == "bad-schema-reference"
    assert words in finding["message"]
    line = post.splitlines().index(f"$schema: {ref}") + 1
    assert finding["start"] == {"line": line, "column": len("$schema: ") + 1}


def test_dollar_schema_through_a_symlink_out_of_the_root_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "site/postlint.toml", "")
    write(tmp_path, "outside.json", {"type": "object"})
    (tmp_path / "site/schemas").mkdir()
    (tmp_path / "site/schemas/link.json").symlink_to(tmp_path / "outside.json")
    write(tmp_path, "site/post.md", "---\n$schema: schemas/link.json\n---\n")
    _, findings = run_json(capsys, "site")
    assert codes(findings) == ["PL104"]
    assert "outside the project root" in findings[0]["message"]


# --- $ref -------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


REF_SCHEMA = {
    "type": "object",
    "required": ["author"],
    "properties": {"author": {"$ref": "defs/person.json#/$defs/name"}},
}
PERSON = {"$defs": {"name": {"type": "string", "minLength": 1}}}


def test_ref_to_a_local_file_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    write(tmp_path, "postlint.toml", 'schema = "schemas/post.json"\n')
    write(tmp_path, "schemas/post.json", REF_SCHEMA)
    write(tmp_path, "schemas/defs/person.json", PERSON)
    write(tmp_path, "good.md", "---\nauthor: রবীন্দ্রনাথ ঠাকুর\n---\n")
    write(tmp_path, "bad.md", "---\nauthor: 42\n---\n")
    write(tmp_path, "empty.md", '---\nauthor: ""\n---\n')
    _, findings = run_json(capsys, ".")
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        ("bad.md", "PL102", "`author` must be text (a string); found the number 42"),
        ("empty.md", "PL102", "`author` must not be empty"),
    ]
    assert no_network == []


def test_ref_in_a_post_dollar_schema_to_a_local_file_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    write(tmp_path, "postlint.toml", "")
    write(tmp_path, "schemas/post.json", REF_SCHEMA)
    write(tmp_path, "schemas/defs/person.json", PERSON)
    write(tmp_path, "bad.md", "---\n$schema: schemas/post.json\nauthor: 42\n---\n")
    _, findings = run_json(capsys, "bad.md")
    assert codes(findings) == ["PL102"]
    assert no_network == []


def test_ref_to_http_is_refused_in_the_config_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    write(tmp_path, "postlint.toml", 'schema = "schemas/post.json"\n')
    write(
        tmp_path,
        "schemas/post.json",
        {"type": "object", "properties": {"author": {"$ref": "http://postlint-test.invalid/person.json"}}},
    )
    write(tmp_path, "post.md", "---\nauthor: x\n---\n")
    line = usage_error(capsys, "check", "post.md")
    assert "never fetches" in line
    assert no_network == []


def test_ref_to_http_is_refused_in_a_post_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    write(tmp_path, "postlint.toml", "")
    write(tmp_path, "schemas/remote.json", {"$ref": "https://postlint-test.invalid/post.json"})
    write(tmp_path, "post.md", "---\n$schema: schemas/remote.json\ntitle: x\n---\n")
    code, findings = run_json(capsys, "post.md")
    assert code == 1
    assert codes(findings) == ["PL104"]
    assert "never fetches" in findings[0]["message"]
    assert no_network == []


def test_ref_to_a_file_outside_the_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "secret.json", {"type": "string"})
    write(tmp_path, "site/postlint.toml", 'schema = "schemas/post.json"\n')
    write(
        tmp_path,
        "site/schemas/post.json",
        {"type": "object", "properties": {"author": {"$ref": (tmp_path / "secret.json").as_uri()}}},
    )
    write(tmp_path, "site/post.md", "---\nauthor: x\n---\n")
    line = usage_error(capsys, "check", "site/post.md")
    assert "leaves the project" in line
