"""``mtnorm eval``: measure the pipeline against annotated gold documents.

A gold document is ``NAME.txt`` (the text, exactly) beside ``NAME.json``::

    {"language": "en", "source_language": "es", "kind": "dirty" | "clean",
     "annotations": [{"text": "kyiv", "occurrence": 1, "category": "casing", "fix": "Kyiv"},
                     {"start": 10, "end": 14, "category": "casing", "fix": "Kyiv"}, ...]}

An annotation names its span by ``text`` + ``occurrence`` (1-based) or by
``start``/``end`` (code points); ``fix`` is the expected replacement, or null
for an artefact that should only be flagged. Annotations must not overlap.

Per category the report counts: annotated artefacts, artefacts flagged (a
finding of that category touches the span), fixes exactly right (the output
equals the expected text over the artefact and every edit touching it),
findings on clean documents, and changes outside annotated spans.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .edits import apply_edits
from .model import Category, Document
from .pipeline import Pipeline
from .rules import RULES

CATEGORIES = [c.value for c in Category]


class GoldError(ValueError):
    """A gold file is malformed; the message names file and field."""


@dataclass
class Annotation:
    start: int
    end: int
    category: str
    fix: str | None


@dataclass
class GoldDoc:
    path: Path
    text: str
    language: str | None
    source_language: str | None
    kind: str
    annotations: list[Annotation] = field(default_factory=list)


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def load_gold(json_path: Path) -> GoldDoc:
    txt_path = json_path.with_suffix(".txt")
    if not txt_path.is_file():
        raise GoldError(f"{json_path}: no text file {txt_path.name} beside it")
    text = txt_path.read_bytes().decode("utf-8")
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{json_path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    kind = meta.get("kind", "dirty" if meta.get("annotations") else "clean")
    if kind not in ("dirty", "clean"):
        raise GoldError(f"{json_path}: field `kind`: expected dirty or clean")
    doc = GoldDoc(json_path, text, meta.get("language"), meta.get("source_language"), kind)
    for i, a in enumerate(meta.get("annotations") or []):
        where = f"{json_path}: annotations[{i}]"
        cat = a.get("category")
        if cat not in CATEGORIES:
            raise GoldError(f"{where}: field `category`: {cat!r} is not one of {', '.join(CATEGORIES)}")
        if "start" in a and "end" in a:
            s, e = int(a["start"]), int(a["end"])
            if "text" in a and text[s:e] != a["text"]:
                raise GoldError(f"{where}: text at {s}:{e} is {text[s:e]!r}, not {a['text']!r}")
        elif "text" in a:
            s = _nth(text, a["text"], int(a.get("occurrence", 1)))
            if s < 0:
                raise GoldError(f"{where}: field `text`: {a['text']!r} (occurrence "
                                f"{a.get('occurrence', 1)}) is not in {txt_path.name}")
            e = s + len(a["text"])
        else:
            raise GoldError(f"{where}: needs `text` (+ `occurrence`) or `start`/`end`")
        doc.annotations.append(Annotation(s, e, cat, a.get("fix")))
    doc.annotations.sort(key=lambda x: x.start)
    for x, y in zip(doc.annotations, doc.annotations[1:]):
        if y.start < x.end:
            raise GoldError(f"{json_path}: annotations at {x.start}:{x.end} and {y.start}:{y.end} overlap")
    return doc


def iter_gold(paths: Iterable[str]) -> Iterable[GoldDoc]:
    for p in paths:
        path = Path(p)
        files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        for f in files:
            yield load_gold(f)


def _clusters(spans: list[tuple[int, int, str, Any]]) -> list[list[tuple[int, int, str, Any]]]:
    """Group spans that overlap or touch (closed intervals)."""
    spans = sorted(spans, key=lambda s: (s[0], s[1]))
    groups: list[list] = []
    end = -1
    for s in spans:
        if groups and s[0] <= end:
            groups[-1].append(s)
            end = max(end, s[1])
        else:
            groups.append([s])
            end = s[1]
    return groups


def _apply(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with the edits (all inside it) applied."""
    return apply_edits(text[start:end], sorted((s - start, e - start, r) for s, e, r in edits))


def evaluate(docs: Iterable[GoldDoc], pipeline_options: dict[str, Any] | None = None,
             details: bool = False) -> dict[str, Any]:
    """The per-category table (see the module docstring). With ``details``,
    the report also lists every annotation (``items``: document, language,
    category, text, expected and produced fix, flagged, fixed exactly), every
    finding on a clean document (``clean``) and every change outside an
    annotation (``outside``), so that a reader sees what is missed and what
    went wrong, not only how much."""
    opts = dict(pipeline_options or {})
    rows = {c: defaultdict(int) for c in CATEGORIES}
    n_docs = defaultdict(int)
    items: list[dict[str, Any]] = []
    clean: list[dict[str, Any]] = []
    outside: list[dict[str, Any]] = []
    for doc in docs:
        n_docs[doc.kind] += 1
        pipe = Pipeline(language=opts.get("language") or doc.language,
                        source_language=doc.source_language, unsafe_fixes=opts.get("unsafe_fixes", False),
                        options=opts.get("options"), rule_dirs=opts.get("rule_dirs", ()))
        if doc.kind == "clean":
            for f in pipe.check(Document(doc.text)).findings:
                rows[RULES[f.rule].category.value]["clean_findings"] += 1
                if details:
                    clean.append({"document": str(doc.path), "language": doc.language, "rule": f.rule,
                                  "text": doc.text[f.start:f.end], "context": _context(doc.text, f.start, f.end),
                                  "message": f.message, "fix": f.fix})
            continue
        res = pipe.fix(Document(doc.text))
        findings = res.findings
        by_annotation: dict[int, dict[str, Any]] = {}
        for a in doc.annotations:
            row = rows[a.category]
            row["annotated"] += 1
            hit = [f for f in findings
                   if RULES[f.rule].category.value == a.category and f.start <= a.end and a.start <= f.end]
            if hit:
                row["flagged"] += 1
            if a.fix is not None:
                row["with_fix"] += 1
            if details:
                by_annotation[id(a)] = item = {
                    "document": str(doc.path), "language": doc.language, "category": a.category,
                    "text": doc.text[a.start:a.end], "context": _context(doc.text, a.start, a.end),
                    "fix": a.fix, "flagged": bool(hit), "rules": sorted({f.rule for f in hit}),
                    "fixed_exact": False, "got": None}
                items.append(item)
        spans = [(a.start, a.end, "gold", a) for a in doc.annotations]
        spans += [(e.start, e.end, "edit", e) for e in res.edits]
        for group in _clusters(spans):
            golds = [x[3] for x in group if x[2] == "gold"]
            edits = [x[3] for x in group if x[2] == "edit"]
            s, e = min(x[0] for x in group), max(x[1] for x in group)
            got = _apply(doc.text, s, e, [(x.start, x.end, x.replacement) for x in edits])
            want = _apply(doc.text, s, e, [(a.start, a.end, a.fix if a.fix is not None else doc.text[a.start:a.end])
                                           for a in golds])
            if not golds:
                for ed in edits:
                    cats = {RULES[r].category.value for r in ed.rules} or {"encoding"}
                    for c in cats:
                        rows[c]["outside_changes"] += 1
                    if details:
                        outside.append({"document": str(doc.path), "language": doc.language,
                                        "rules": list(ed.rules), "text": doc.text[ed.start:ed.end],
                                        "replacement": ed.replacement,
                                        "context": _context(doc.text, ed.start, ed.end)})
                continue
            for a in golds:
                if a.fix is not None and got == want:
                    rows[a.category]["fixed_exact"] += 1
                if details:
                    by_annotation[id(a)]["got"] = got if edits else None
                    by_annotation[id(a)]["fixed_exact"] = a.fix is not None and got == want
    table = {}
    for c in CATEGORIES:
        r = rows[c]
        if not any(r.values()):
            continue
        table[c] = {
            "annotated": r["annotated"], "flagged": r["flagged"],
            "flag_rate": round(r["flagged"] / r["annotated"], 3) if r["annotated"] else None,
            "with_fix": r["with_fix"], "fixed_exact": r["fixed_exact"],
            "fix_rate": round(r["fixed_exact"] / r["with_fix"], 3) if r["with_fix"] else None,
            "clean_findings": r["clean_findings"], "outside_changes": r["outside_changes"],
        }
    total = {k: sum(rows[c][k] for c in CATEGORIES) for k in
             ("annotated", "flagged", "with_fix", "fixed_exact", "clean_findings", "outside_changes")}
    total["flag_rate"] = round(total["flagged"] / total["annotated"], 3) if total["annotated"] else None
    total["fix_rate"] = round(total["fixed_exact"] / total["with_fix"], 3) if total["with_fix"] else None
    report = {"documents": dict(n_docs), "categories": table, "total": total}
    if details:
        report.update(items=items, clean=clean, outside=outside)
    return report


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """The span in its line, marked with ⟦ ⟧, at most ``width`` characters either side."""
    left = text[max(0, start - width):start].rsplit("\n", 1)[-1]
    right = text[end:end + width].split("\n", 1)[0]
    return f"{left}⟦{text[start:end]}⟧{right}"


def render_table(report: dict[str, Any]) -> str:
    cols = ("annotated", "flagged", "flag_rate", "with_fix", "fixed_exact", "fix_rate",
            "clean_findings", "outside_changes")
    head = f"{'category':20s}" + "".join(f"{c:>16s}" for c in cols)
    lines = [head, "-" * len(head)]
    for name, row in list(report["categories"].items()) + [("TOTAL", report["total"])]:
        cells = "".join(f"{'-' if row[c] is None else row[c]:>16}" for c in cols)
        lines.append(f"{name:20s}{cells}")
    docs = report["documents"]
    lines.append(f"documents: {docs.get('dirty', 0)} dirty, {docs.get('clean', 0)} clean")
    return "\n".join(lines) + "\n"


def check_thresholds(report: dict[str, Any], thresholds: list[str]) -> list[str]:
    """Thresholds like ``flag_rate>=0.8``, ``casing.fix_rate>=0.9``,
    ``clean_findings<=0``, ``outside_changes<=2``; returns the ones not met."""
    failed = []
    for t in thresholds:
        op = ">=" if ">=" in t else "<=" if "<=" in t else None
        if op is None:
            raise ValueError(f"threshold {t!r}: expected NAME>=VALUE or NAME<=VALUE")
        name, value = t.split(op, 1)
        cat, _, metric = name.rpartition(".")
        row = report["categories"].get(cat) if cat else report["total"]
        if cat and cat not in CATEGORIES:
            raise ValueError(f"threshold {t!r}: unknown category {cat!r}")
        if row is None:
            continue
        if metric not in row:
            raise ValueError(f"threshold {t!r}: unknown metric {metric!r}")
        got = row[metric]
        if got is None:
            continue
        ok = got >= float(value) if op == ">=" else got <= float(value)
        if not ok:
            failed.append(f"{name} = {got} (wanted {op} {value})")
    return failed
