"""Write a deterministic corpus of posts shaped like the bundled examples.

Half Bengali, half English; bodies of 2-8 KB with headings; nested year/month
folders; about 3% with defects and a few duplicate slugs.

    python bench/generate.py OUT_DIR --count 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

BN_WORDS = (
    "বাংলাদেশ উইচ্যাট ইনফ্লুয়েন্সার সহযোগিতা ব্র্যান্ড চীনা পণ্য প্রচার কনটেন্ট নির্মাতা "
    "দর্শক চুক্তি বাজার সময় ভাষা প্রশ্ন উত্তর সমস্যা সমাধান উন্নয়ন প্রযুক্তি শিক্ষা"
).split()
EN_WORDS = (
    "release build theme archive page search index feed tag author draft review "
    "content team writer editor publish schedule update fix change note"
).split()
DEFECTS = (
    ("tags: [news, 3]", "tags"),
    ("showToc: yes", "showToc"),
    ("", "slug"),
    ("date: 2025-02-30", "date"),
)


def sentence(rng: random.Random, words: list[str], bengali: bool) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 18)))
    return text + ("।" if bengali else ".")


def heading(rng: random.Random, words: list[str]) -> str:
    return f"## {' '.join(rng.choice(words) for _ in range(3))}"


def body(rng: random.Random, bengali: bool) -> str:
    """Paragraphs under headings: at least two, as in a post with a table of contents."""
    words = BN_WORDS if bengali else EN_WORDS
    target = rng.randint(2048, 8192)
    parts: list[str] = [heading(rng, words)]
    size = 0
    while size < target:
        if rng.random() < 0.15:
            block = heading(rng, words)
        else:
            block = " ".join(sentence(rng, words, bengali) for _ in range(rng.randint(2, 5)))
        parts.append(block)
        size += len(block.encode())
    if sum(part.startswith("## ") for part in parts) < 2:
        parts.insert(len(parts) // 2 + 1, heading(rng, words))
    return "\n\n".join(parts) + "\n"


def post(rng: random.Random, index: int, count: int) -> tuple[str, str]:
    bengali = index % 2 == 0
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
    stem = f"post-{index:06d}"
    if index % 997 == 5 and index > 10:
        stem = f"post-{index - 7:06d}"  # a duplicate slug
    words = BN_WORDS if bengali else EN_WORDS
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7)))
    tags = ", ".join(rng.sample(words, 3))
    lines = {
        "title": f'title: "{title}"',
        "slug": f"slug: {stem}-{day.isoformat()}",
        "description": f'description: "{sentence(rng, words, bengali)}"',
        "date": f"date: {day.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+06:00",
        "tags": f"tags: [{tags}]",
        "showToc": f"showToc: {'true' if rng.random() < 0.5 else 'false'}",
    }
    if rng.random() < 0.03:
        replacement, key = rng.choice(DEFECTS)
        lines[key] = replacement
    front = "\n".join(line for line in lines.values() if line)
    folder = f"{day.year}/{day.month:02d}"
    return f"{folder}/{stem}-{index}.md", f"---\n{front}\n---\n\n{body(rng, bengali)}"


def generate(out: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for index in range(count):
        relative, text = post(rng, index, count)
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
