"""`docs/rules.md`, generated from the registry (a test fails when it is stale).

Regenerate with: python -m postlint.rules_doc docs/rules.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from postlint.registry import Registry, load_registry

HEADER = """# Rules

Generated from the rule registry by `python -m postlint.rules_doc docs/rules.md`;
do not edit by hand. `postlint explain CODE` prints the same text for one rule.

"""


def render(registry: Registry) -> str:
    rules = [rule for rule in registry.rules if registry.origin[rule.code] == "postlint"]
    table = ["| code | name | severity | fix | default | summary |", "|---|---|---|---|---|---|"]
    lines = [HEADER.rstrip("\n"), "", *table]
    for rule in rules:
        fix = "yes" if rule.fixable else ""
        default = "on" if rule.enabled_by_default else "opt-in"
        summary = rule.summary.replace("|", "\\|")
        anchor = f"{rule.code.lower()}-{rule.name}"
        lines.append(
            f"| [{rule.code}](#{anchor}) | {rule.name} | {rule.severity.value} | {fix} | {default} | {summary} |"
        )
    lines.append("")
    for rule in rules:
        doc = rule.documentation.replace(f"# {rule.code} {rule.name}", f"## {rule.code} {rule.name}", 1)
        doc = doc.replace("\n## ", "\n### ").replace(f"\n### {rule.code} ", f"\n## {rule.code} ")
        lines += [doc]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render(load_registry())
    if argv:
        Path(argv[0]).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
