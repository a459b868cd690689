"""The command line (typer only): arguments → Config → api.check → reporter → exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer

from postlint import __version__

app = typer.Typer(
    name="postlint",
    help="Lint Markdown posts with front matter: schema, slugs and dates, Unicode text.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Selectors = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(metavar="RULES", help="Rule codes, names or prefixes, comma-separated."),
]


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"postlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """postlint: a linter for Markdown posts with front matter."""


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files and folders (default: .).")] = None,  # noqa: UP045
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            help="text, concise, json, json-lines, github, sarif, gitlab or junit "
            "(default: text; github when GITHUB_ACTIONS=true).",
        ),
    ] = None,
    output_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output-file", help="Write the report to this file instead of stdout."),
    ] = None,
    config: Annotated[Optional[Path], typer.Option(help="Use this config file.")] = None,  # noqa: UP045
    preset: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Site preset: blog (default), hugo, jekyll, zola or docs."),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to the files.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply fixes that change meaning.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a diff; write nothing.")] = False,
    fix_only: Annotated[bool, typer.Option("--fix-only", help="Apply fixes; report nothing else.")] = False,
    add_ignores: Annotated[
        bool, typer.Option("--add-ignores", help="Add a suppression comment for every current finding.")
    ] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule instead.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--cache-dir", help="Cache folder (default: .postlint_cache; env POSTLINT_CACHE_DIR)."),
    ] = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Worker processes for large runs (default: the cores)."),
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when there are findings.")] = False,
    strict: Annotated[bool, typer.Option(help="Warnings fail the run too (exit 1).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")] = False,
) -> int:
    """Check posts and print findings. Exit 0 clean, 1 findings, 2 usage or config error."""
    from postlint.check_command import CheckRequest, run_check

    request = CheckRequest(
        paths=paths or [Path(".")],
        config=config,
        preset=preset,
        select=_split(select),
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        output_format=output_format,
        output_file=output_file,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        fix_only=fix_only,
        add_ignores=add_ignores,
        statistics=statistics,
        no_cache=no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        exit_zero=exit_zero,
        strict=strict,
        quiet=quiet,
    )
    return run_check(request)


@app.command()
def init(
    schema: Annotated[bool, typer.Option("--schema", help="Also copy the default schema to edit.")] = False,
    folder: Annotated[Path, typer.Argument(help="The site's folder (default: .).")] = Path("."),
) -> int:
    """Write a commented postlint.toml, choosing a preset from what the tree looks like."""
    from postlint.init import write_config

    for line in write_config(folder, with_schema=schema):
        typer.echo(line)
    return 0


@app.command("rules")
def list_rules(
    output_format: Annotated[
        Optional[str], typer.Option("--format", help="text (default) or json.")  # noqa: UP045
    ] = None,
) -> int:
    """List every rule: code, name, default severity, fixable, summary."""
    import json

    from postlint.registry import load_registry

    registry = load_registry()
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value,
            "fixable": r.fixable,
            "enabled": r.enabled_by_default,
            "summary": r.summary,
            "origin": registry.origin[r.code],
        }
        for r in registry.rules
    ]
    if output_format == "json":
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(str(row["name"])) for row in rows)
    for row in rows:
        fix = "fix" if row["fixable"] else "   "
        typer.echo(f"{row['code']:<7} {row['name']:<{width}}  {row['severity']:<7} {fix}  {row['summary']}")
    return 0


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule code or name, e.g. PL101.")]) -> int:
    """Print a rule's documentation: why, a bad and a good example, options."""
    from postlint.registry import load_registry

    typer.echo(load_registry().require(rule).documentation, nl=False)
    return 0


def _usage_exit(exc: Exception) -> int | None:
    """The exit code for click's own exceptions, vendored by typer or not; None for others."""
    if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # a ClickException
        message = str(exc.format_message())
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(message)
        else:
            typer.echo(f"postlint: error: {message.splitlines()[0] if message else exc}", err=True)
        return 2
    if type(exc).__name__ == "Exit" and hasattr(exc, "exit_code"):  # --help, --version
        return int(exc.exit_code)
    if type(exc).__name__ == "Abort":
        typer.echo("postlint: interrupted", err=True)
        return 130
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    from postlint.errors import UsageError

    command = typer.main.get_command(app)
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        result = command.main(args=args, prog_name="postlint", standalone_mode=False)
    except UsageError as exc:
        typer.echo(f"postlint: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as exc:
        code = _usage_exit(exc)
        if code is None:
            raise
        return code
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
