"""Renderers: they turn results into text; they never run rules."""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, TextIO

from .model import Applicability, Edit, Finding, Result
from .rules import RULES
from .text import Analysis

JSON_VERSION = 1


@dataclass
class FileResult:
    path: str
    result: Result


def finding_dict(f: Finding, result: Result, analysis: Analysis) -> dict[str, Any]:
    """One finding in the JSON schema. ``start``/``end`` are code-point offsets
    into the original text; ``line``/``column`` are 1-based, columns in code points."""
    r = RULES[f.rule]
    line, col = analysis.line_col(f.start)
    end_line, end_col = analysis.line_col(f.end)
    return {
        "rule": f.rule, "name": r.name, "category": r.category.value,
        "start": f.start, "end": f.end, "line": line, "column": col,
        "end_line": end_line, "end_column": end_col,
        "text": result.original[f.start:f.end],
        "replacements": list(f.replacements),
        "applicability": f.applicability.value,
        "message": f.message,
        "evidence": _jsonable(f.evidence),
        **({"segment_language": f.evidence.get("language")}
           if r.category.value == "untranslated" and "language" in f.evidence else {}),
    }


def edit_dict(e: Edit) -> dict[str, Any]:
    """One edit in the JSON schema (code-point offsets into the original)."""
    return {"start": e.start, "end": e.end, "replacement": e.replacement, "rules": list(e.rules)}


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


def summary_stats(results: list[FileResult]) -> dict[str, Any]:
    by_rule: Counter = Counter()
    by_cat: Counter = Counter()
    by_app: Counter = Counter()
    changed = 0
    for fr in results:
        for f in fr.result.findings:
            by_rule[f.rule] += 1
            by_cat[RULES[f.rule].category.value] += 1
            by_app[f.applicability.value] += 1
        changed += fr.result.changed
    return {"files": len(results), "findings": sum(by_rule.values()), "by_rule": dict(sorted(by_rule.items())),
            "by_category": dict(sorted(by_cat.items())), "by_applicability": dict(sorted(by_app.items())),
            "files_changed": changed}


def render_json(results: list[FileResult], errors: list[str], extra_stats: dict | None = None,
                include_edits: bool = False) -> str:
    """The whole JSON document as one string (see :func:`write_json`)."""
    buf = io.StringIO()
    write_json(buf, results, errors, extra_stats, include_edits)
    return buf.getvalue()


def _block(enc: json.JSONEncoder, obj: Any, level: int) -> str:
    """``obj`` as ``json.dumps(indent=2)`` writes it when nested ``level`` deep.
    A JSON string never holds a raw line break, so every line break is layout."""
    return enc.encode(obj).replace("\n", "\n" + "  " * level)


def _write_list(out: TextIO, enc: json.JSONEncoder, items: Iterable[Any], level: int,
                write_item: Callable[[Any], None] | None = None) -> None:
    """A list written item by item, laid out as ``json.dumps(indent=2)`` would;
    ``write_item`` writes an item itself (nested ``level + 1`` deep)."""
    pad = "  " * (level + 1)
    first = True
    for item in items:
        out.write(("[\n" if first else ",\n") + pad)
        if write_item is None:
            out.write(_block(enc, item, level + 1))
        else:
            write_item(item)
        first = False
    out.write("[]" if first else "\n" + "  " * level + "]")


def write_json(out: TextIO, results: list[FileResult], errors: list[str],
               extra_stats: dict | None = None, include_edits: bool = False) -> None:
    """Write the JSON document to ``out`` one finding (and one edit) at a time,
    so a document with hundreds of thousands of findings never exists as one
    string or one list of dicts. The bytes are those of
    ``json.dumps(doc, ensure_ascii=False, indent=2)`` plus a final line break."""
    enc = json.JSONEncoder(ensure_ascii=False, indent=2)
    out.write('{\n  "version": %d,\n  "files": ' % JSON_VERSION)
    _write_list(out, enc, results, 1, lambda fr: _write_file(out, enc, fr, include_edits))
    stats = summary_stats(results)
    if extra_stats:
        stats.update(extra_stats)
    out.write(',\n  "stats": ' + _block(enc, stats, 1))
    out.write(',\n  "errors": ' + _block(enc, errors, 1) + "\n}\n")


def _write_file(out: TextIO, enc: json.JSONEncoder, fr: FileResult, include_edits: bool) -> None:
    """One file's object (two levels deep), its findings and edits streamed."""
    a = Analysis(fr.result.original, fr.result.language)
    fields: list[tuple[str, Any]] = [
        ("path", fr.path), ("language", fr.result.language),
        ("findings", (finding_dict(f, fr.result, a) for f in fr.result.findings))]
    if fr.result.stats.get("source_language_guess"):
        fields.append(("source_language_guess", fr.result.stats["source_language_guess"]))
    unused = fr.result.stats.get("unused_suppressions")
    if unused:
        fields.append(("unused_suppressions",
                       [dict(u, line=a.line_col(u["start"])[0]) for u in unused]))
    if include_edits:
        fields.append(("edits", (edit_dict(e) for e in fr.result.edits)))
        fields.append(("changed", fr.result.changed))
    for i, (key, value) in enumerate(fields):
        out.write(("{\n" if i == 0 else ",\n") + "      " + enc.encode(key) + ": ")
        if isinstance(value, Iterator):
            _write_list(out, enc, value, 3)
        else:
            out.write(_block(enc, value, 3))
    out.write("\n    }")


def _show(s: str) -> str:
    return repr(s)[1:-1] if s else "∅"


def render_text(results: list[FileResult], statistics: bool = False) -> str:
    """The text report as one string (see :func:`write_text`)."""
    buf = io.StringIO()
    write_text(buf, results, statistics)
    return buf.getvalue()


def write_text(out: TextIO, results: list[FileResult], statistics: bool = False) -> None:
    """Write the text report to ``out`` a line at a time: one line per finding
    (``path:line:column: CODE message [fix]``), then the counts."""
    def emit(line: str) -> None:
        out.write(line + "\n")

    total = Counter()
    for fr in results:
        a = Analysis(fr.result.original, fr.result.language)
        for f in fr.result.findings:
            line, col = a.line_col(f.start)
            bad = fr.result.original[f.start:f.end]
            fix = ""
            if f.replacements:
                cls = f.applicability.value
                label = "suggestion" if f.applicability is Applicability.DISPLAY else f"{cls} fix"
                fix = f" [{label}: `{_show(bad)}` -> " + " | ".join(f"`{_show(r)}`" for r in f.replacements) + "]"
            emit(f"{fr.path}:{line}:{col}: {f.rule} {f.message}{fix}")
            total[f.applicability.value] += 1
        for u in fr.result.stats.get("unused_suppressions") or []:
            line, col = a.line_col(u["start"])
            codes = ", ".join(u["codes"]) or "all rules"
            emit(f"{fr.path}:{line}:{col}: unused suppression ({codes}): nothing here to ignore")
    n = sum(total.values())
    if statistics:
        counts = Counter(f.rule for fr in results for f in fr.result.findings)
        for code, c in counts.most_common():
            emit(f"{c:6d}  {code}  {RULES[code].name}")
    if n:
        emit(f"Found {n} finding{'s' if n != 1 else ''}: {total['safe']} fixable with "
             f"`mtnorm fix`, {total['unsafe']} more with `--unsafe-fixes`, "
             f"{total['display']} suggestion{'s' if total['display'] != 1 else ''}.")
    else:
        emit("No findings.")

