"""'Did you mean' for config keys, rule names and codes."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` or an empty string."""
    pool = list(choices)
    folded = {choice.lower(): choice for choice in pool}
    if word.lower() in folded:
        return f" (did you mean {folded[word.lower()]!r}?)"
    import difflib  # only for a word that was not found

    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
