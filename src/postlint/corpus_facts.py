"""The facts corpus rules need from every file, gathered as a run's results arrive."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from postlint.cache import Cache, CachedFacts, RunKey, facts_key
from postlint.file_result import FileResult
from postlint.findings import Finding
from postlint.rule import Fact

_DECODED_AT_ONCE = 2000
"""Facts decoded in one JSON parse: a whole large tree's at once would hold its text, the
parsed JSON and the facts all at the same time."""


class CorpusFacts:
    """Every file's facts, for corpus rules, merged in the files' order.

    Facts that are still text (from the cache, or from a worker process) are decoded
    2,000 files at a time (one JSON parse each); decoded facts are merged at once while
    nothing waits before them, which keeps the order exact. With a cache, a fingerprint
    of every file's facts (a key of their text) is taken as they arrive: when no file's
    facts changed since the last run (most edits touch a post's body, not its slug or
    tags), the remembered corpus findings are used and no fact is decoded, so the text
    waits until the end. Without remembered findings to hope for (no cache, or a cold
    one), it is decoded as it comes and let go.
    """

    def __init__(self, cache: Cache | None, first: str) -> None:
        self.cache = cache
        self.merged: dict[str, list[Fact]] = {}
        self.kept: list[Mapping[str, list[Fact]]] = []
        self.fingerprint = RunKey(first)
        """The corpus fingerprint: of the first file's name, then each file's name and the key of its facts."""
        self._eager = cache is None or not cache.corpus[0]

    def _merge(self, facts: Mapping[str, list[Fact]]) -> None:
        for code, items in facts.items():
            self.merged.setdefault(code, []).extend(items)

    def _merge_kept(self) -> None:
        kept, self.kept = self.kept, []
        for start in range(0, len(kept), _DECODED_AT_ONCE):
            chunk = kept[start : start + _DECODED_AT_ONCE]
            CachedFacts.decode_all([facts for facts in chunk if isinstance(facts, CachedFacts)])
            for facts in chunk:
                self._merge(facts)
            kept[start : start + _DECODED_AT_ONCE] = [{}] * len(chunk)  # merged: let them go

    def gather(self, file: FileResult) -> None:
        facts = file.facts
        if self.cache is not None:
            self.fingerprint.add(file.display, facts_key(facts))
        if self.kept or (isinstance(facts, CachedFacts) and not facts.decoded):
            self.kept.append(facts)
            if self._eager and len(self.kept) >= _DECODED_AT_ONCE:
                self._merge_kept()
        else:
            self._merge(facts)

    def findings(self, finish: Callable[[dict[str, list[Fact]]], list[Finding]]) -> list[Finding]:
        fingerprint = self.fingerprint.hexdigest()
        if self.cache is not None:
            remembered = self.cache.corpus_findings(fingerprint)
            if remembered is not None:
                return remembered
        self._merge_kept()
        found = finish(self.merged)
        if self.cache is not None:
            self.cache.remember_corpus(fingerprint, found)
        return found
