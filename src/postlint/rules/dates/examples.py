"""A clean post for the date rules' examples, and a way to vary its front matter."""

from __future__ import annotations

CLEAN = """---
title: "তারিখ ঠিক আছে"
slug: dates-are-fine-2025-04-10
date: 2025-04-10T09:30:00+06:00
lastmod: 2025-04-12
tags: [dates]
showToc: false
---

Text.
"""


def post(**fields: str) -> str:
    """CLEAN with some front-matter lines replaced (`date=...`) or added."""
    lines = CLEAN.split("\n")
    for key, value in fields.items():
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if index is None:
            lines.insert(6, f"{key}: {value}")
        else:
            lines[index] = f"{key}: {value}"
    return "\n".join(lines)
