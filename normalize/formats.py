"""Machine formats for CI: JSON Lines, SARIF 2.1.0, GitHub annotations, rdjson.

mtnorm's one offset unit is the Unicode code point (``start``/``end``; columns
1-based in code points). Each format converts where its consumer requires:
SARIF declares ``columnKind: unicodeCodePoints``; rdjson columns are UTF-8
byte counts (reviewdog's definition); GitHub columns are code points.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from . import __version__
from .model import Applicability
from .output import FileResult, finding_dict
from .rules import RULES
from .text import Analysis

TOOL_URL = "https://pypi.org/project/mtnorm/"


def render_jsonl(results: list[FileResult]) -> str:
    """One JSON object per finding, with its file path and language."""
    buf = io.StringIO()
    write_jsonl(buf, results)
    return buf.getvalue()


def write_jsonl(out: TextIO, results: list[FileResult]) -> None:
    """Write :func:`render_jsonl`'s lines to ``out`` one finding at a time."""
    for fr in results:
        a = Analysis(fr.result.original, fr.result.language)
        for f in fr.result.findings:
            d = {"path": fr.path, "language": fr.result.language}
            d.update(finding_dict(f, fr.result, a))
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


def _level(app: Applicability) -> str:
    return "note" if app is Applicability.DISPLAY else "warning"


def render_sarif(results: list[FileResult]) -> str:
    used = sorted({f.rule for fr in results for f in fr.result.findings} | set(RULES))
    rules = [{
        "id": code, "name": RULES[code].name,
        "shortDescription": {"text": RULES[code].summary},
        "fullDescription": {"text": f"{RULES[code].what} Why: {RULES[code].why}"},
        "help": {"text": RULES[code].doc()},
        "properties": {"category": RULES[code].category.value},
    } for code in used]
    index = {r["id"]: i for i, r in enumerate(rules)}
    sarif_results = []
    for fr in results:
        a = Analysis(fr.result.original, fr.result.language)
        uri = fr.path if fr.path != "-" else "stdin"
        for f in fr.result.findings:
            sl, sc = a.line_col(f.start)
            el, ec = a.line_col(f.end)
            region = {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                      "charOffset": f.start, "charLength": f.end - f.start,
                      "snippet": {"text": fr.result.original[f.start:f.end]}}
            res: dict[str, Any] = {
                "ruleId": f.rule, "ruleIndex": index[f.rule], "level": _level(f.applicability),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                "properties": {"applicability": f.applicability.value,
                               "replacements": list(f.replacements)},
            }
            if f.replacements and f.applicability is not Applicability.DISPLAY:
                res["fixes"] = [{
                    "description": {"text": f"{f.applicability.value} fix: replace with {f.fix!r}"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el,
                                              "endColumn": ec},
                            "insertedContent": {"text": f.fix},
                        }],
                    }],
                }]
            sarif_results.append(res)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtnorm", "version": __version__, "informationUri": TOOL_URL,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[FileResult]) -> str:
    """GitHub Actions workflow commands: ``::warning file=…,line=…,col=…::message``."""
    out = []
    for fr in results:
        a = Analysis(fr.result.original, fr.result.language)
        for f in fr.result.findings:
            sl, sc = a.line_col(f.start)
            el, ec = a.line_col(f.end)
            kind = "notice" if f.applicability is Applicability.DISPLAY else "warning"
            fix = f" (fix: {f.fix!r})" if f.fix is not None else ""
            props = (f"file={_gh_escape_prop(fr.path)},line={sl},col={sc},endLine={el},endColumn={ec},"
                     f"title={_gh_escape_prop(f'{f.rule} {RULES[f.rule].name}')}")
            out.append(f"::{kind} {props}::{_gh_escape_data(f.message + fix)}")
    return "".join(line + "\n" for line in out)


def _byte_col(text: str, line_start: int, offset: int) -> int:
    return len(text[line_start:offset].encode("utf-8")) + 1


def render_rdjson(results: list[FileResult]) -> str:
    """Reviewdog Diagnostic Format (rdjson), with suggestions for fixable findings."""
    diags = []
    for fr in results:
        text = fr.result.original
        a = Analysis(text, fr.result.language)

        def pos(offset: int) -> dict[str, int]:
            line, _ = a.line_col(offset)
            return {"line": line, "column": _byte_col(text, a.line_starts[line - 1], offset)}

        for f in fr.result.findings:
            rng = {"start": pos(f.start), "end": pos(f.end)}
            d: dict[str, Any] = {
                "message": f.message,
                "location": {"path": fr.path, "range": rng},
                "severity": "INFO" if f.applicability is Applicability.DISPLAY else "WARNING",
                "code": {"value": f.rule},
            }
            if f.replacements and f.applicability is not Applicability.DISPLAY:
                d["suggestions"] = [{"range": rng, "text": f.fix}]
            diags.append(d)
    doc = {"source": {"name": "mtnorm", "url": TOOL_URL}, "severity": "WARNING", "diagnostics": diags}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- baseline

def finding_keys(results: list[FileResult]) -> list[dict[str, Any]]:
    """Stable keys for a baseline: path, rule, quoted text and its occurrence
    index among same-rule same-text findings (robust to lines moving)."""
    keys = []
    for fr in results:
        seen: dict[tuple, int] = {}
        for f in fr.result.findings:
            text = fr.result.original[f.start:f.end]
            k = (fr.path, f.rule, text)
            seen[k] = seen.get(k, 0) + 1
            keys.append({"path": fr.path, "rule": f.rule, "text": text, "occurrence": seen[k]})
    return keys


def write_baseline(results: list[FileResult], path: str) -> int:
    keys = finding_keys(results)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"version": 1, "tool": "mtnorm", "findings": keys}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(keys)


def apply_baseline(results: list[FileResult], path: str) -> int:
    """Drop findings recorded in the baseline file; returns how many were dropped."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    known = {(k["path"], k["rule"], k["text"], k["occurrence"]) for k in data.get("findings", [])}
    dropped = 0
    for fr in results:
        seen: dict[tuple, int] = {}
        kept = []
        for f in fr.result.findings:
            text = fr.result.original[f.start:f.end]
            k = (fr.path, f.rule, text)
            seen[k] = seen.get(k, 0) + 1
            if (fr.path, f.rule, text, seen[k]) in known:
                dropped += 1
            else:
                kept.append(f)
        fr.result.findings = kept
    return dropped
