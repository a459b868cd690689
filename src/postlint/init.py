"""`postlint init`: a commented config, with the preset the tree looks like it needs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from postlint.errors import UsageError

# (preset, files or folders that give the generator away), first match wins.
_SIGNS = (
    ("zola", ("zola.toml",)),
    ("hugo", ("hugo.toml", "hugo.yaml", "hugo.json", "archetypes")),
    ("jekyll", ("_config.yml", "_posts")),
    ("docs", ("mkdocs.yml", "docusaurus.config.js", "docusaurus.config.ts", "_quarto.yml")),
)

TEMPLATE = """\
# postlint configuration (https://pypi.org/project/postlint/), written by `postlint init`.
# Every key is optional; unknown keys are errors. `postlint rules` lists the rules.

# The kind of site: blog (the default), hugo, jekyll, zola or docs. {why}
preset = "{preset}"
{schema_line}
# Files to skip besides archetypes/, layouts/, _layouts/, _includes/, node_modules/, .git/
# extend-exclude = ["content/drafts/**"]

# Rules to turn off, or opt-in rules to turn on (codes, names or prefixes).
# ignore = ["PL017"]
# extend-select = ["slug-filename-mismatch"]

# The language of posts without a `lang` key (decides which script rules run).
# language = "bn"

# The zone of dates written without an offset (2025-04-10T23:42:37).
# timezone = "Asia/Dhaka"

# Per-file exceptions.
# [per-file-ignores]
# "content/_index.md" = ["missing-required-key"]

# A rule's severity and options, by code or name.
# [rules.seo-title-length]
# severity = "info"
# title-max = 60
"""


SCHEMA_LINE = """
# The JSON Schema for front matter (a copy of the default, to edit).
schema = "schemas/post.schema.json"
"""


def detect_preset(folder: Path) -> tuple[str, str]:
    """The preset and the reason, from the files at the top of `folder`."""
    for preset, signs in _SIGNS:
        for sign in signs:
            if (folder / sign).exists():
                return preset, f"Chosen because {sign} is here."
    config = folder / "config.toml"
    if config.is_file() and "[markdown]" in config.read_text("utf-8", "replace"):
        return "zola", "Chosen because config.toml has a [markdown] table (Zola)."
    if config.is_file():
        return "hugo", "Chosen because config.toml is here (Hugo)."
    return "blog", "Nothing marked a particular generator."


def write_config(folder: Path, *, with_schema: bool = False) -> list[str]:
    """Write postlint.toml (and schemas/post.schema.json); returns what was done, line by line."""
    target = folder / "postlint.toml"
    if target.exists():
        raise UsageError(f"{target} exists already; edit it, or delete it to start again")
    preset, why = detect_preset(folder)
    schema_line = ""
    done = []
    if with_schema:
        copy = folder / "schemas" / "post.schema.json"
        if copy.exists():
            raise UsageError(f"{copy} exists already")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shipped = resources.files("postlint").joinpath("schemas", "post.schema.json").read_text("utf-8")
        copy.write_text(shipped, encoding="utf-8")
        schema_line = SCHEMA_LINE
        done.append(f"Wrote {copy} (the default schema, to edit).")
    target.write_text(TEMPLATE.format(preset=preset, why=why, schema_line=schema_line), encoding="utf-8")
    done.insert(0, f'Wrote {target} with preset = "{preset}". {why}')
    return done
