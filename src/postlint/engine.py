"""One configured run: rules, schemas and ignores resolved once, then each file.

Per file: load once, parse the front matter, (fix), run every active rule, drop
what inline suppressions silence. A rule that raises becomes a PL901 finding and
the run goes on. Corpus rules collect facts from every file (the rest of the
content root too) and report once all are seen, on the files that were asked for.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postlint.cache import Cache, CacheCorrupt, CachedFacts, run_key
from postlint.config import Config
from postlint.corpus_facts import CorpusFacts
from postlint.discover import Target, discover
from postlint.document import Document
from postlint.file_result import FileResult
from postlint.findings import Finding, Position, Span
from postlint.frontmatter import parse_front_matter
from postlint.last_run import LastRun, Report, Stamps, signature
from postlint.load import decode, load
from postlint.registry import Registry, load_registry
from postlint.result import Result
from postlint.rule import Applies, CorpusRule, Fact, Rule, RuleContext
from postlint.selection import ActiveRule, PerFileIgnores, active_rules, rule_options
from postlint.services import Services
from postlint.suppress import Suppressions, find_suppressions, removal_fix, unused

_ORIGIN = Span(Position(1, 1, 0), Position(1, 1, 0))


@dataclass(frozen=True)
class FixOptions:
    """How a run fixes: whether it writes, whether unsafe fixes apply, which rules may fix."""

    write: bool = True
    """False for --diff: compute the fixes, write nothing."""
    unsafe: bool = False
    fixable: frozenset[str] | None = None
    """Codes whose fixes may be applied (None: every rule's)."""


Progress = Callable[[int], None]
"""Told how many files are done (the progress bar)."""

WARM_UP = 8
"""Files a parallel run checks before its workers start (see `Engine._compute`)."""

PARALLEL_THRESHOLD = 256
"""Below this many files to check, one process is faster than starting workers."""

GROUP_FILES = 128
"""Files checked together, each rule over all of them before the next (`Engine.check_documents`)..."""
GROUP_CHARACTERS = 4_000_000
"""...as long as their text stays under this size (a group holds its documents until it is done)."""


@contextmanager
def _collecting_less() -> Iterator[None]:
    """Run the young-generation garbage collection less often during a run.

    A check allocates many short-lived objects and almost no reference cycles; collecting
    every 700 allocations (the default) costs about 7% of a run, every 10,000 about nothing,
    for the same peak memory. Forked workers inherit the setting; the parent keeps it for
    its own work (decoding facts, corpus rules), which the default makes a third slower
    on a large tree.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _identity(path: str) -> tuple[int, int] | str:
    """The file a path leads to (through symlinks): its device and inode, one `stat` (a tenth
    of `realpath`'s cost, which a pre-commit run in a large tree would pay per file)."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return info.st_dev, info.st_ino


Call = tuple[Callable[[Document, RuleContext], Iterable[Any]], RuleContext, str | None, ActiveRule]
"""A rule's check (or a corpus rule's collect), its context, the corpus rule's code or None."""
Step = tuple[Applies | None, list[Call]]
"""Rules next to each other (in the registry's order) that share an `applies` test."""


def _steps(actives: list[ActiveRule]) -> list[Step]:
    steps: list[Step] = []
    for active in actives:
        rule = active.rule
        if isinstance(rule, CorpusRule):
            call: Call = (rule.collect, active.context, rule.code, active)
        else:
            call = (rule.check, active.context, None, active)
        applies = rule.applies
        if steps and applies is not None and steps[-1][0] is applies:
            steps[-1][1].append(call)
        else:
            steps.append((applies, [call]))
    return steps


class Engine:
    def __init__(self, config: Config, registry: Registry | None = None, *, cache: bool = True) -> None:
        self.config = config
        self.registry = registry or load_registry()
        self.jobs = config.jobs or min(os.cpu_count() or 1, 8)
        self.parallel_threshold = PARALLEL_THRESHOLD
        self.services = Services(config)
        self.active = active_rules(self.registry, config, self.services)
        self.by_code = {a.rule.code: a for a in self.active}
        self.active_codes = {a.rule.code for a in self.active}
        self.corpus_codes = {a.rule.code for a in self.active if isinstance(a.rule, CorpusRule)}
        self.ignores = PerFileIgnores(self.registry, config)
        self.max_bytes = int(rule_options(self.registry, config, "PL007")["max-bytes"])
        self.cache = Cache(config.cache_dir, self._cache_key()) if cache and config.cache_dir else None

    def _cache_key(self) -> str:
        """Everything besides a file's bytes that its findings depend on. Schema files are not
        read here: the cache file lists those its findings came from (`Cache.depends`); a file
        whose findings depend on more, such as the clock, is not cached (`Document.cacheable`)."""
        from postlint import __version__

        plugins = sorted(f"{dist}=={version}" for dist, version in self.registry.versions.items())
        return run_key([__version__, repr(self.config), os.getcwd(), *plugins])

    @functools.cached_property
    def _steps(self) -> list[Step]:
        """The rules' checks, in order (worked out at the first check: a run where nothing
        changed runs no rule, and does not import them; see `postlint.builtin_rules`)."""
        return _steps([a for a in self.active if isinstance(a.rule, (Rule, CorpusRule))])

    @functools.cached_property
    def _steps_facts(self) -> list[Step]:
        return _steps([a for a in self.active if isinstance(a.rule, CorpusRule)])

    # -- one document ------------------------------------------------------------------

    def read(self, target: Target) -> Document:
        doc = load(target.path, target.display, self.max_bytes)
        doc.relative_path = target.relative
        if doc.text is not None:
            parse_front_matter(doc)
        return doc

    def reparse(self, doc: Document, text: str) -> Document:
        from postlint.fix import encode  # the fixing modules load only when a run fixes

        new = decode(doc.file, doc.display_path, encode(text, doc.has_bom))
        new.relative_path = doc.relative_path
        if new.text is not None:
            parse_front_matter(new)
        return new

    def _crash(self, path: str, active: ActiveRule, exc: Exception) -> list[Finding]:
        crash = self.by_code.get("PL901")
        if crash is None:
            return []
        rule = active.rule
        message = (
            f"rule {rule.code} ({rule.name}) raised {type(exc).__name__}: {exc}; its findings for this file are missing"
        )
        return [crash.context.finding(path, _ORIGIN, message)]

    def check_document(self, doc: Document, facts: dict[str, list[Fact]], *, facts_only: bool = False) -> list[Finding]:
        """Run the rules on one document; corpus rules add their facts to `facts`."""
        return self.check_documents([doc], [facts], facts_only=facts_only)[0]

    def check_documents(
        self, docs: Sequence[Document], facts: Sequence[dict[str, list[Fact]]], *, facts_only: bool = False
    ) -> list[list[Finding]]:
        """Run the rules on several documents: each rule on every document before the next
        rule starts. Each document meets the rules in the same order as alone, and corpus
        rules add its facts to its dict in `facts`.

        A rule's code and data then stay in the processor's caches from one document to the
        next: a group of 8 documents is checked in a fifth less time than one at a time, and
        a group of 128 in a third less. Rules whose `applies` test says no are skipped; each
        distinct test is asked once per document.
        """
        findings: list[list[Finding]] = [[] for _ in docs]
        answers: list[dict[Applies, bool]] = [{} for _ in docs]
        for applies, calls in self._steps_facts if facts_only else self._steps:
            for doc, found, known, kept in zip(docs, findings, answers, facts, strict=True):
                if applies is not None:
                    answer = known.get(applies)
                    if answer is None:
                        try:
                            answer = known[applies] = applies(doc, calls[0][1])
                        except Exception as exc:
                            for call in calls:
                                found.extend(self._crash(doc.display_path, call[3], exc))
                            continue
                    if not answer:
                        continue  # these rules would find nothing in this document
                for check, context, corpus_code, active in calls:
                    try:
                        if corpus_code is None:
                            found.extend(check(doc, context))
                        else:
                            kept.setdefault(corpus_code, []).extend(check(doc, context))
                    except Exception as exc:
                        found.extend(self._crash(doc.display_path, active, exc))
        return findings

    def suppressions(self, doc: Document) -> Suppressions:
        return find_suppressions(doc, self._canonical)

    def _canonical(self, key: str) -> str | None:
        rule = self.registry.get(key)
        return rule.code if rule is not None else None

    def fix_document(self, doc: Document, options: FixOptions) -> tuple[Document, int]:
        """Apply fixes, re-check, repeat until nothing changes (at most MAX_PASSES times)."""
        from postlint.fix import MAX_PASSES, apply_fixes

        total = 0
        for _ in range(MAX_PASSES):
            if doc.text is None:
                break
            sup = self.suppressions(doc)
            kept = [f for f in self.check_document(doc, {}) if sup.allows(f)]
            kept += self._suppression_findings(doc.display_path, sup, for_fixing=True)
            fixes = [
                f.fix
                for f in kept
                if f.fix is not None
                and (f.fix.safe or options.unsafe)
                and (options.fixable is None or f.code in options.fixable)
                and self.ignores.keep(f, doc.relative_path)
            ]
            if not fixes:
                break
            text, applied = apply_fixes(doc.text, fixes)
            if text == doc.text:
                break
            total += applied
            doc = self.reparse(doc, text)
        return doc, total

    def _suppression_findings(self, path: str, sup: Suppressions, *, for_fixing: bool = False) -> list[Finding]:
        findings: list[Finding] = []
        idle_rule, bad_rule = self.by_code.get("PL902"), self.by_code.get("PL903")
        if idle_rule is not None:
            for entry, idle in unused(sup, self.active_codes):
                cross_file = bool(entry.codes & self.corpus_codes)
                if for_fixing and cross_file:
                    continue  # cross-file findings are not known while one file is fixed
                message = f"this suppression of {', '.join(idle)} silences nothing"
                fix = None if cross_file else removal_fix(entry, idle)
                findings.append(idle_rule.context.finding(path, entry.span, message, "remove it", fix))
        if bad_rule is not None and not for_fixing:
            for span, message in sup.malformed:
                findings.append(bad_rule.context.finding(path, span, message))
        return findings

    # -- a run -------------------------------------------------------------------------

    def rest_of_tree(self, targets: Sequence[Target], walked: Sequence[Path] = ()) -> list[Target]:
        """Files of the content root that were not asked for, whose facts corpus rules need.

        Nothing when no corpus rule is active, or when a folder that was walked already
        holds the whole content root.
        """
        if not self.corpus_codes:
            return []
        root = (self.config.content_root or self.config.root).resolve()
        if not root.is_dir() or any(p.is_dir() and root.is_relative_to(p.resolve()) for p in walked):
            return []
        asked = {_identity(target.path) for target in targets}
        found = discover([root], self.config.root, self.config.excludes)
        return [t for t in found if _identity(t.path) not in asked]

    def finish(self, facts: dict[str, list[Fact]], crash_path: str) -> list[Finding]:
        """Corpus findings; a corpus rule that raises is reported on `crash_path` (the first file)."""
        findings: list[Finding] = []
        for active in self.active:
            rule = active.rule
            if not isinstance(rule, CorpusRule):
                continue
            try:
                findings.extend(rule.finish(facts.get(rule.code, []), active.context))
            except Exception as exc:
                findings.extend(self._crash(crash_path, active, exc))
        return findings

    def died(self, target: Target) -> FileResult:
        """The result of a file whose worker process died while checking it."""
        rule = self.by_code.get("PL904")
        findings = []
        if rule is not None:
            message = "the process checking this file died (killed, out of memory, or a crash in native code)"
            hint = f"check it alone: postlint check --jobs 1 {target.display}"
            findings.append(rule.context.finding(target.display, _ORIGIN, message, hint))
        return FileResult(target.display, findings, {}, Suppressions())

    def check_file(self, target: Target, fix: FixOptions | None = None, *, facts_only: bool = False) -> FileResult:
        """Everything a run needs from one file; the document itself is dropped here."""
        doc = self.read(target)
        fixed, diff = 0, None
        if fix is not None and doc.text is not None:
            doc, fixed, diff = self._fix(target, doc, fix)
        facts: dict[str, list[Fact]] = {}
        findings = self.check_document(doc, facts, facts_only=facts_only)
        return self._result(doc, findings, facts, facts_only, fixed, diff)

    def check_files(self, targets: Sequence[Target], *, facts_only: bool = False) -> Iterator[FileResult]:
        """`check_file` of each target (none fixed), in order, checked in groups (`check_documents`)
        of at most GROUP_FILES files and GROUP_CHARACTERS characters of text."""
        group: list[Document] = []
        held = 0
        for target in targets:
            doc = self.read(target)
            group.append(doc)
            held += len(doc.text or "")
            if len(group) >= GROUP_FILES or held >= GROUP_CHARACTERS:
                yield from self._check_group(group, facts_only)
                group, held = [], 0
        yield from self._check_group(group, facts_only)

    def _check_group(self, docs: list[Document], facts_only: bool) -> Iterator[FileResult]:
        facts: list[dict[str, list[Fact]]] = [{} for _ in docs]
        findings = self.check_documents(docs, facts, facts_only=facts_only)
        for doc, found, kept in zip(docs, findings, facts, strict=True):
            yield self._result(doc, found, kept, facts_only)

    def _result(
        self,
        doc: Document,
        findings: list[Finding],
        facts: dict[str, list[Fact]],
        facts_only: bool,
        fixed: int = 0,
        diff: str | None = None,
    ) -> FileResult:
        """What a run keeps of a checked document."""
        sup = Suppressions() if facts_only else self.suppressions(doc)
        lines: dict[int, str] = {}
        if doc.text is not None:
            lines = {line: doc.index.line_text(line) for line in {f.span.start.line for f in findings}}
        stamp = doc.stamp if doc.cacheable else None
        return FileResult(doc.display_path, findings, facts, sup, lines, doc.digest, fixed, diff, stamp)

    def check_here(
        self, targets: Sequence[Target], fix: FixOptions | None = None, *, facts_only: bool = False
    ) -> Iterator[FileResult]:
        """Each target's result, in order, checked in this process: in groups, or one at a time
        when fixing (a fix is applied and checked again file by file)."""
        if fix is None:
            yield from self.check_files(targets, facts_only=facts_only)
        else:
            for target in targets:
                yield self.check_file(target, fix, facts_only=facts_only)

    def _read_missing_lines(self, result: Result, lines: dict[str, dict[int, str]], targets: Sequence[Target]) -> None:
        """Cross-file findings land on lines no file result kept: read those few files again."""
        wanted: dict[str, set[int]] = {}
        for finding in result.findings:
            line = finding.span.start.line
            if line not in lines.get(finding.path, {}):
                wanted.setdefault(finding.path, set()).add(line)
        for target in targets:
            if target.display in wanted:
                doc = load(target.path, target.display, self.max_bytes)
                if doc.text is not None:
                    known = lines.setdefault(target.display, {})
                    known.update(
                        {n: doc.index.line_text(n) for n in wanted[target.display] if n <= doc.index.line_count}
                    )

    def _fix(self, target: Target, doc: Document, options: FixOptions) -> tuple[Document, int, str | None]:
        from postlint.fix import encode, unified_diff, write_atomically

        original = doc.text or ""
        fixed, count = self.fix_document(doc, options)
        if not count or fixed.text is None or fixed.text == original:
            return fixed, 0, None
        if options.write:
            write_atomically(Path(target.path), encode(fixed.text, fixed.has_bom))
            return fixed, count, None
        return fixed, count, unified_diff(target.display, original, fixed.text)

    def results(
        self,
        targets: Sequence[Target],
        fix: FixOptions | None = None,
        *,
        facts_only: bool = False,
        progress: Progress | None = None,
        stamps: Stamps | None = None,
    ) -> Iterator[FileResult]:
        """Each file's result, in the order of `targets`, as it is ready: from the cache when
        unchanged (`stamps`: the files' sizes and times, when already taken), across processes
        when there are many. Nothing keeps them but the caller."""
        cache = self.cache if fix is None else None
        hits: dict[int, FileResult] = {}
        missing: list[Target] = []
        if cache is None:
            missing += targets
        else:
            cache.read()
            stamped = Stamps.of(targets) if stamps is None else stamps
            for index, (target, stamp) in enumerate(zip(targets, stamped, strict=True)):
                hit = cache.lookup(target.path, target.display, stamp)
                if hit is not None:
                    hits[index] = hit
                else:
                    missing.append(target)
        done = len(hits)
        if progress is not None:
            progress(done)
        if not missing:  # nothing changed: the results are the cache's, in order
            yield from hits.values()
            return
        computed = self._compute(missing, fix, facts_only and self.cache is None)
        for index, target in enumerate(targets):
            result = hits.pop(index, None)
            if result is None:
                result = next(computed)
                if self.cache is not None:
                    if isinstance(result.facts, CachedFacts):  # from a worker, as text
                        text = result.facts.text
                    else:
                        result.facts, text = CachedFacts.checked(result.display, dict(result.facts))
                    self.cache.store(target.path, result, text)
                done += 1
                if progress is not None:
                    progress(done)
            yield result

    def _compute(self, targets: Sequence[Target], fix: FixOptions | None, facts_only: bool) -> Iterator[FileResult]:
        if targets:
            self.services.schemas  # noqa: B018 - built here, in this process, before workers fork
        if len(targets) >= self.parallel_threshold and self.jobs > 1:
            from postlint.parallel import check_in_parallel

            # The first files are checked here: patterns and tables built at first use
            # are then built once, and inherited by every worker.
            yield from self.check_here(targets[:WARM_UP], fix, facts_only=facts_only)
            gc.freeze()  # forked workers then never scan (nor copy) the heap they inherit
            try:
                yield from check_in_parallel(self, targets[WARM_UP:], fix, facts_only=facts_only)
            finally:
                gc.unfreeze()
        else:
            yield from self.check_here(targets, fix, facts_only=facts_only)

    def run(
        self,
        targets: Sequence[Target],
        fix: FixOptions | None = None,
        progress: Progress | None = None,
        walked: Sequence[Path] = (),
    ) -> Result:
        """Check `targets` (found by walking `walked`, when the caller knows).

        Results are consumed as they arrive: a run keeps findings, corpus facts, and the
        suppressions and line texts of files that have some, never every file's result.
        """
        try:
            with _collecting_less():
                try:
                    return self._run(targets, fix, progress, walked)
                except CacheCorrupt:
                    assert self.cache is not None
                    self.cache.abandon()
                    self.cache.forget()  # edited by hand or by a stranger: every file is checked afresh
                    return self._run(targets, fix, progress, walked)
        except BaseException:
            if self.cache is not None:
                self.cache.abandon()  # a cache file half written is not left behind
            raise

    def _run(
        self, targets: Sequence[Target], fix: FixOptions | None, progress: Progress | None, walked: Sequence[Path]
    ) -> Result:
        result = Result([], len(targets), {a.rule.code: a.rule for a in self.active})
        result.paths = [target.display for target in targets]
        files = [*targets, *self.rest_of_tree(targets, walked)]
        if self.cache is None or fix is not None:
            self._check_all(result, files, fix, progress, None)
            return result
        stamps = Stamps.of(files)
        key = signature(files, len(targets), stamps, str(self.config.root))
        remembered = LastRun(self.cache)
        report = remembered.recall(key) if key is not None else None
        if report is not None:  # the same files as the last run, none changed since
            result.findings, result.source_lines = report
            if progress is not None:
                progress(len(targets))
            return result
        settled = self._check_all(result, files, fix, progress, stamps)
        if key is not None and settled:
            remembered.keep(key, Report(result.findings, result.source_lines), self.cache.depends)
        return result

    def _check_all(
        self,
        result: Result,
        files: list[Target],
        fix: FixOptions | None,
        progress: Progress | None,
        stamps: Stamps | None,
    ) -> bool:
        """Check the files asked for (the first `result.files_checked`) and read the rest's
        facts, into `result`. Whether each file's result is cached under the stamp taken
        before (changed while checked, or not cacheable, it is not; with no `stamps`, the
        cache takes its own)."""
        count = result.files_checked
        targets = files[:count]
        ahead = stamps.part(0, count) if stamps is not None else None
        behind = stamps.part(count) if stamps is not None else None
        settled = stamps is not None
        sups: dict[str, Suppressions] = {}
        lines: dict[str, dict[int, str]] = {}
        first = targets[0].display if targets else ""
        if self.cache is not None:
            self.cache.read()
        corpus = CorpusFacts(self.cache if fix is None and self.corpus_codes else None, first)
        for index, file in enumerate(self.results(targets, fix, progress=progress, stamps=ahead)):
            settled = settled and ahead is not None and file.stamp == ahead[index]
            corpus.gather(file)
            if file.suppressions.entries or file.suppressions.malformed:
                sups[file.display] = file.suppressions
            if file.lines:
                lines[file.display] = file.lines
            result.fixed += file.fixed
            if file.diff:
                result.diffs.append(file.diff)
            if file.findings:  # most files have none
                result.findings.extend(f for f in file.findings if file.suppressions.allows(f))
        for index, file in enumerate(self.results(files[count:], facts_only=True, stamps=behind)):
            settled = settled and behind is not None and file.stamp == behind[index]
            corpus.gather(file)
        found = corpus.findings(lambda facts: self.finish(facts, first))
        asked = set(result.paths) if found else set()
        for finding in found:
            if finding.path in asked and (finding.path not in sups or sups[finding.path].allows(finding)):
                result.findings.append(finding)
        result.findings += [f for path, sup in sups.items() for f in self._suppression_findings(path, sup)]
        named = {f.path for f in result.findings}
        relative = {t.display: t.relative for t in targets if t.display in named}
        result.findings = [f for f in result.findings if self.ignores.keep(f, relative.get(f.path, f.path))]
        result.findings.sort(key=lambda f: f.sort_key)
        self._read_missing_lines(result, lines, targets)
        for finding in result.findings:
            line = finding.span.start.line
            text = lines.get(finding.path, {}).get(line)
            if text is not None:
                result.source_lines[(finding.path, line)] = text
        if self.cache is not None:
            self.cache.depends.update(self.services.schema_files())
            self.cache.save()
        return settled
