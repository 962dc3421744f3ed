"""The pipeline: stages in order, then the edit engine, to a fixed point."""

from __future__ import annotations

import bisect
import copy
from collections import Counter
from typing import Any, Iterable

from .edits import EditMap, select
from .model import Applicability, Document, Finding, Result
from .resources import nonbreaking_prefixes
from .rules import RULES
from .stages import default_stages
from .stages.base import Context, KnownForms, Stage
from .markup import detect_format, protected_spans, suppressions
from .text import Analysis

MAX_PASSES = 8   # a repair can expose another (quotes re-paired); real text settles in two or three


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end] overlap or touch a protected span (closed intervals)?"""
    import bisect
    i = bisect.bisect_right(spans, (end, float("inf")))
    for s, e in spans[max(0, i - 2):i + 1]:
        if s <= end and start <= e and not (end == s and start < end) and not (start == e and start < end):
            return True
    return False


def rule_matches(code: str, selector: str) -> bool:
    """``selector`` is a rule code or code prefix (``MTN3``), a rule name or a category."""
    r = RULES[code]
    sel = selector.strip()
    return (code.startswith(sel.upper()) or sel.lower() == r.name or sel.lower() == r.category.value
            or sel.upper() == "ALL")


def enabled_rules(select_: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> set[str]:
    codes = {c for c, r in RULES.items() if r.default}
    if select_:
        codes = {c for c in RULES if any(rule_matches(c, s) for s in select_)}
    if ignore:
        codes = {c for c in codes if not any(rule_matches(c, s) for s in ignore)}
    return codes


def _suppression_stats(doc: Document, stats: dict) -> None:
    sups = doc.metadata.get("suppressions") or []
    if sups:
        stats["suppressed"] = sum(x.used for x in sups)
        stats["unused_suppressions"] = [
            {"start": x.comment[0], "end": x.comment[1], "codes": list(x.codes)} for x in sups if not x.used]


def _source_stats(doc: Document, stats: dict) -> None:
    guess = doc.metadata.get("source_guess")
    if guess:
        stats["source_language_guess"] = guess


MAX_LANGUAGE_SWITCHES = 3   # output re-detected in another language: passes in it, at most so often


class Pipeline:
    """Run the stages over a document and apply the chosen fixes.

    >>> Pipeline(language="en").fix("talks in kyiv.She said").text
    'talks in Kyiv. She said'
    """

    def __init__(self, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                 unsafe_fixes: bool = False, language: str | None = None,
                 source_language: str | None = None, options: dict[str, Any] | None = None,
                 rule_dirs: Iterable[str] = (), stages: list[Stage] | None = None,
                 max_passes: int = MAX_PASSES, mt=None):
        self.rules = enabled_rules(select, ignore)
        self.unsafe_fixes = unsafe_fixes
        self.language = language
        self.source_language = source_language
        self.options = options or {}
        if self.options.get("segment_detector"):
            from .stages.language import check_segment_detector
            check_segment_detector(self.options["segment_detector"])   # ValueError: unknown, or not installed
        self.rule_dirs = tuple(str(d) for d in rule_dirs)
        self.stages = stages if stages is not None else default_stages()
        self.max_passes = max_passes
        self.priority = {c: r.priority for c, r in RULES.items()}
        self.mt = mt   # an mt.MTStage: verifies candidates against the source, adds MT findings
        self._known: dict[str | None, KnownForms] = {}   # the forms met per language, shared by the stages' caches

    def with_unsafe_fixes(self, unsafe: bool) -> "Pipeline":
        """This pipeline, or a copy sharing its stages and caches that
        applies unsafe fixes or not (an editor's "fix all safe" whatever the
        configuration says)."""
        if unsafe == self.unsafe_fixes:
            return self
        twin = copy.copy(self)
        twin.unsafe_fixes = unsafe
        return twin

    @property
    def allowed(self) -> set[Applicability]:
        return {Applicability.SAFE, Applicability.UNSAFE} if self.unsafe_fixes else {Applicability.SAFE}

    def _doc(self, text_or_doc: str | Document) -> Document:
        if isinstance(text_or_doc, Document):
            doc = text_or_doc
        else:
            doc = Document(text_or_doc)
        if self.language and not doc.language:
            doc.language = self.language
        if self.source_language and not doc.source_language:
            doc.source_language = self.source_language
        return doc

    def detect(self, doc: Document, stats: Counter | None = None) -> list[Finding]:
        """One pass of every stage over ``doc.text``: the findings, sorted.
        Findings touching markup (code, tags, link targets) or covered by an
        inline suppression are dropped; suppressions record their use."""
        fmt = doc.metadata.get("format") or detect_format(doc.path, doc.text)
        doc.metadata["format"] = fmt
        markup = protected_spans(doc.text, fmt)
        analysis = Analysis(doc.text, doc.language, markup=markup)
        ctx = Context(analysis, self.options, self.rule_dirs)
        findings: list[Finding] = []
        for stage in self.stages:
            if "findings" in stage.provides and (self.rules.isdisjoint(stage.rules)
                                                 or not stage.applies_to(doc.language)):
                continue
            before = sum(stage.stats.values()) if stats is not None else 0
            found = stage.process(doc, ctx)
            if "language" in stage.provides:
                analysis.language = doc.language
                analysis.nonbreaking = nonbreaking_prefixes(doc.language or "en")
                ctx.known = self._known.setdefault(doc.language, KnownForms())
                ctx.known.begin(analysis)
            for f in found or ():
                # a "fix" that rewrites a span to itself (upper-casing a letter
                # without case) is no finding: it would be reported on every run
                if f.rule in self.rules and (f.fix is None or f.fix != doc.text[f.start:f.end]):
                    findings.append(f)
            if stats is not None:
                stats[f"stage:{stage.name}"] += sum(stage.stats.values()) - before
        if ctx.known is not None:
            ctx.known.commit()
        analysis.release()   # (its cycles would hold a large document's pass until the collector ran)
        if self.mt is not None and doc.source:
            findings = [f for f in self.mt.review(doc, findings) if f.rule in self.rules]
        if markup:
            findings = [f for f in findings if not _touches(markup, f.start, f.end)]
        if "mtnorm:" in doc.text:
            sups = suppressions(doc.text)
            kept = []
            for f in findings:
                r = RULES[f.rule]
                hit = next((x for x in sups if x.covers(f.rule, r.category.value, r.name, f.start)), None)
                if hit is None:
                    kept.append(f)
                else:
                    hit.used += 1
            findings = kept
            doc.metadata["suppressions"] = sups
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return _drop_covered(findings)

    def check(self, text_or_doc: str | Document) -> Result:
        """Findings on the text as it is; nothing is changed."""
        doc = self._doc(text_or_doc)
        original = doc.text
        findings = self.detect(doc) if original.strip() else []
        stats = {"findings": len(findings), "by_rule": dict(Counter(f.rule for f in findings))}
        _suppression_stats(doc, stats)
        _source_stats(doc, stats)
        return Result(original, original, doc.language, findings, [], stats, passes=1)

    def fix(self, text_or_doc: str | Document) -> Result:
        """Apply the allowed fixes, re-detecting until nothing changes (at most
        ``max_passes`` passes). Findings and edits are in original offsets."""
        doc = self._doc(text_or_doc)
        original = doc.text
        if not original.strip():
            return Result(original, original, doc.language, [], [], {"findings": 0, "by_rule": {}})
        emap = EditMap(original)
        reported: list[Finding] = []
        spans = _ReportedSpans()
        applied: Counter = Counter()
        passes = 0
        detected = not doc.language and self._language_stage() is not None
        limit, switches = self.max_passes, 0
        while passes < limit:
            passes += 1
            work = Document(emap.current, doc.path, doc.language, doc.source_language,
                            doc.source, doc.metadata)
            findings = self.detect(work)
            if passes == 1:
                doc.language = work.language
                doc.metadata.update(work.metadata)
            chosen = select(findings, self.allowed, self.priority)
            chosen_ids = {id(f) for f in chosen}
            for f in findings:
                s, e = emap.span_to_original(f.start, f.end)
                if passes > 1 and id(f) not in chosen_ids and spans.overlaps(f.rule, s, e):
                    continue   # (one the earlier passes reported, or a loser of their overlaps)
                # a later pass reports what the fixes made visible too (`For your partthe`:
                # the calque `For your part` once the glue is split), not only its fixes
                reported.append(f.shifted(s, e) if (s, e) != (f.start, f.end) else f)
                spans.add(f.rule, s, e)
            spans.end_pass()
            if not chosen and detected and emap.edits():
                # The language was detected on the original; repairs can move
                # the detection (mojibake undone, a foreign run dropped). The
                # result must be a fixed point for whoever runs the tool again
                # on it, so the output's own language decides the next passes
                # until it agrees with the language the fixes were made in.
                again = self._detected_language(emap.current, doc.path)
                if again != doc.language and switches < MAX_LANGUAGE_SWITCHES:
                    doc.language = again
                    switches += 1
                    limit = passes + self.max_passes
                    continue
            if not chosen:
                break
            for f in chosen:
                applied[f.rule] += 1
            emap.apply([(f.start, f.end, f.fix, f.rule) for f in chosen])
        # a finding reported in pass 1 and re-found later is one finding
        seen, unique = set(), []
        for f in reported:
            key = (f.rule, f.start, f.end, f.fix)
            if key not in seen:
                seen.add(key)
                unique.append(f)
        unique.sort(key=lambda f: (f.start, f.end, f.rule))
        stats = {"findings": len(unique), "by_rule": dict(Counter(f.rule for f in unique)),
                 "fixes_applied": dict(applied), "passes": passes}
        _suppression_stats(doc, stats)
        _source_stats(doc, stats)
        return Result(original, emap.current, doc.language, unique, emap.edits(), stats, passes)

    def _language_stage(self):
        return next((s for s in self.stages if "language" in s.provides), None)

    def _detected_language(self, text: str, path: str | None = None) -> str | None:
        """The language the language stage gives ``text`` when none is forced."""
        stage = self._language_stage()
        probe = Document(text, path)
        markup = protected_spans(text, detect_format(path, text))
        counts = Counter(stage.stats)   # a probe, not a document: leave the counts alone
        stage.process(probe, Context(Analysis(text, None, markup=markup), self.options, self.rule_dirs))
        stage.stats.clear()
        stage.stats.update(counts)
        return probe.language

    def stage_stats(self) -> dict[str, dict[str, int]]:
        stats = {s.name: dict(s.stats) for s in self.stages if s.stats}
        if self.mt is not None:
            stats["mt"] = dict(self.mt.stats, **getattr(self.mt.backend, "stats", {}))
        return stats


class _ReportedSpans:
    """The original spans a fix run has reported, per rule: does a finding of
    a later pass overlap one of its rule that an earlier pass reported? The
    spans of a pass are kept aside and sorted in once it ends (one sort per
    pass, not an insertion per finding: a dense document reports thousands),
    and a look-up checks a few neighbours."""

    LOOK_BACK = 4   # spans of one rule that start before a finding and may still reach it

    def __init__(self) -> None:
        self._sorted: dict[str, tuple[list[int], list[int]]] = {}
        self._pending: dict[str, list[tuple[int, int]]] = {}

    def add(self, rule: str, start: int, end: int) -> None:
        self._pending.setdefault(rule, []).append((start, max(end, start + 1)))

    def end_pass(self) -> None:
        for rule, new in self._pending.items():
            starts, ends = self._sorted.get(rule, ([], []))
            merged = sorted(list(zip(starts, ends)) + new)
            self._sorted[rule] = ([s for s, _ in merged], [e for _, e in merged])
        self._pending = {}

    def overlaps(self, rule: str, start: int, end: int) -> bool:
        if rule not in self._sorted:
            return False
        starts, ends = self._sorted[rule]
        end = max(end, start + 1)
        k = bisect.bisect_left(starts, end)   # spans starting before this one ends
        return any(ends[j] > start for j in range(k - 1, max(-1, k - 1 - self.LOOK_BACK), -1))


def _drop_covered(findings: list[Finding]) -> list[Finding]:
    """Leave out a display-only finding inside the span of a finding whose
    rule covers its rule (MTN804's foreign words inside an MTN801 fragment:
    one observation, said once)."""
    covering = {c: r.covers for c, r in RULES.items() if r.covers}
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        for rule in covering.get(f.rule, ()):
            spans.setdefault(rule, []).append((f.start, f.end))
    if not spans:
        return findings
    reach: dict[str, tuple[list[int], list[int]]] = {}   # rule -> covering starts, the furthest end up to each
    for rule, pairs in spans.items():
        pairs.sort()
        ends, furthest = [], -1
        for _, e in pairs:
            furthest = max(furthest, e)
            ends.append(furthest)
        reach[rule] = ([s for s, _ in pairs], ends)

    def covered(f: Finding) -> bool:
        if f.rule not in reach or f.fix is not None or f.applicability is not Applicability.DISPLAY:
            return False
        starts, ends = reach[f.rule]
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and ends[k] >= f.end

    return [f for f in findings if not covered(f)]
