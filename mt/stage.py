"""The MT stage: verify rule-pack candidates, find unlikely words, bilingual checks.

Runs only when a document has a source (``--source FILE`` line-aligned, or a
``source`` field in JSONL) and a model is configured (``--mt-model DIR``).
MT never rewrites text blindly: it changes a word only where it verifies a
candidate that a rule proposed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from normalize.model import Applicability, Document, Finding
from normalize.stages.base import Context, Stage, finding

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_SENT_RE = re.compile(r"[^\n]+")


class MTStage(Stage):
    """Source-aware checks with a translation model (``backend``: an ``mt.Backend``
    or anything with ``score_batch`` / ``sentence_score`` / ``alternatives``)."""

    name = "mt"
    requires = ("language", "source")
    rules = ("MTN601", "MTN602", "MTN603", "MTN802")

    def __init__(self, backend, margin: float = 0.5, unlikely: float = -8.0, max_ratio: float = 3.0):
        super().__init__()
        self.backend = backend
        self.margin = margin            # mean log-prob gain a candidate needs to be applied
        self.unlikely = unlikely        # a word scoring below this is flagged
        self.max_ratio = max_ratio      # target/source length ratio out of [1/r, r] is flagged

    def process(self, doc: Document, ctx: Context):
        return []                       # the pipeline calls review() with the rules' findings

    def review(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Upgrade or downgrade rule findings with model scores; add the MT's own."""
        if not doc.source:
            return findings
        src_lines = doc.source.splitlines()
        tgt_spans = [m.span() for m in _SENT_RE.finditer(doc.text)]
        # pair lines by position (line-aligned source and target)
        pairs = [(s, e, src_lines[i]) for i, (s, e) in enumerate(tgt_spans) if i < len(src_lines)]
        out = []
        for f in findings:
            pair = next(((s, e, src) for s, e, src in pairs if s <= f.start and f.end <= e), None)
            if f.rule == "MTN601" and pair and f.replacements:
                f = self._verify(doc.text, f, pair)
            out.append(f)
        scores = self.backend.score_batch([src for _, _, src in pairs], [doc.text[s:e] for s, e, _ in pairs])
        self.stats["segments_scored"] += len(pairs)
        for (s, e, src), words in zip(pairs, scores):
            target = doc.text[s:e]
            out += self._bilingual(s, e, src, target)
            for w in words:
                if w.log_prob < self.unlikely and w.word.isalpha():
                    alts = self.backend.alternatives(src, target[:w.start].rstrip(), 3)
                    alts = [a for a in alts if a != w.word]
                    self.stats["unlikely_words"] += 1
                    out.append(finding("MTN602", s + w.start, s + w.end,
                                       f"the model finds `{w.word}` unlikely given the source "
                                       f"(log-prob {w.log_prob:.1f})", alts, Applicability.DISPLAY,
                                       log_prob=round(w.log_prob, 3)))
        return out

    def _verify(self, text: str, f: Finding, pair) -> Finding:
        s, e, src = pair
        sentence = text[s:e]
        base = self.backend.sentence_score(src, sentence)
        best, best_score = None, base
        for cand in f.replacements:
            alt = sentence[:f.start - s] + cand + sentence[f.end - s:]
            score = self.backend.sentence_score(src, alt)
            if score > best_score:
                best, best_score = cand, score
        self.stats["verified"] += 1
        evidence = dict(f.evidence, mt_score=round(base, 3), mt_candidate_score=round(best_score, 3),
                        mt_candidate=best)
        if best is not None and best_score - base >= self.margin:
            self.stats["confirmed"] += 1
            reps = (best,) + tuple(r for r in f.replacements if r != best)
            return replace(f, replacements=reps, applicability=Applicability.SAFE, evidence=evidence)
        return replace(f, applicability=Applicability.DISPLAY, evidence=evidence)

    def _bilingual(self, s: int, e: int, src: str, target: str) -> list[Finding]:
        out = []
        if target.strip() and target.strip() == src.strip() and len(target.split()) >= 3:
            self.stats["identical"] += 1
            out.append(finding("MTN802", s, e, "the target is identical to its source (untranslated)", (),
                               Applicability.DISPLAY))
        src_numbers = {n.replace(",", ".") for n in NUMBER_RE.findall(src)}
        tgt_numbers = {n.replace(",", ".") for n in NUMBER_RE.findall(target)}
        missing = sorted(src_numbers - tgt_numbers)
        if missing:
            self.stats["numbers_missing"] += 1
            out.append(finding("MTN603", s, e, f"number(s) {', '.join(missing)} of the source are missing",
                               (), Applicability.DISPLAY, missing=missing))
        ls, lt = len(src.split()), len(target.split())
        if ls >= 4 and lt >= 1 and not (1 / self.max_ratio <= lt / ls <= self.max_ratio):
            self.stats["length_ratio"] += 1
            out.append(finding("MTN603", s, e, f"length ratio {lt / ls:.2f} (target/source words) is out "
                               f"of range", (), Applicability.DISPLAY, ratio=round(lt / ls, 2)))
        return out
