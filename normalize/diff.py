"""Unified diffs that ``patch`` applies to reproduce the output byte for byte."""

from __future__ import annotations

import difflib
import re

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def split_lines(text: str) -> list[str]:
    """Lines split on LF only, each keeping its ending (CRLF stays in the line)."""
    return _LINE_RE.findall(text)


def _emit(prefix: str, line: str, out: list[str]) -> None:
    out.append(prefix + line)
    if not line.endswith("\n"):
        out.append("\n\\ No newline at end of file\n")


def _range(start: int, length: int) -> str:
    if length == 1:
        return f"{start + 1}"
    if length == 0:
        return f"{start},0"
    return f"{start + 1},{length}"


def unified_diff(original: str, fixed: str, path: str = "-", context: int = 3) -> str:
    """A unified diff from ``original`` to ``fixed`` ('' when they are equal)."""
    if original == fixed:
        return ""
    a, b = split_lines(original), split_lines(fixed)
    name = path if path != "-" else "<stdin>"
    out = [f"--- a/{name}\n", f"+++ b/{name}\n"]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in sm.get_grouped_opcodes(context):
        i1, i2 = group[0][1], group[-1][2]
        j1, j2 = group[0][3], group[-1][4]
        out.append(f"@@ -{_range(i1, i2 - i1)} +{_range(j1, j2 - j1)} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                for line in a[a1:a2]:
                    _emit(" ", line, out)
                continue
            for line in a[a1:a2]:
                _emit("-", line, out)
            for line in b[b1:b2]:
                _emit("+", line, out)
    return "".join(out)


RED, GREEN, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


def word_diff(original: str, edits, path: str = "-", color: bool = False) -> str:
    """Each changed line once, with its edits inline: ``[-kyiv-]{+Kyiv+}``
    (coloured red/green instead of bracketed when ``color``)."""
    if not edits:
        return ""
    name = path if path != "-" else "<stdin>"
    starts = [0]
    for i, ch in enumerate(original):
        if ch == "\n":
            starts.append(i + 1)
    import bisect
    by_line: dict[int, list] = {}
    for e in edits:
        first = bisect.bisect_right(starts, e.start) - 1
        by_line.setdefault(first, []).append(e)
    out = []
    pending = sorted(by_line.items())
    covered_until = -1
    for line_idx, line_edits in pending:
        if starts[line_idx] < covered_until:
            continue
        last = max(e.end for e in line_edits)
        end_line = bisect.bisect_right(starts, max(last - 1, starts[line_idx])) - 1
        seg_start = starts[line_idx]
        seg_end = starts[end_line + 1] if end_line + 1 < len(starts) else len(original)
        covered_until = seg_end
        pieces, pos = [], seg_start
        for e in sorted((x for i, xs in pending if line_idx <= i <= end_line for x in xs),
                        key=lambda x: x.start):
            pieces.append(original[pos:e.start])
            old, new = original[e.start:e.end], e.replacement
            if color:
                pieces.append((f"{RED}{old}{RESET}" if old else "") + (f"{GREEN}{new}{RESET}" if new else ""))
            else:
                pieces.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else ""))
            pos = e.end
        pieces.append(original[pos:seg_end])
        body = "".join(pieces).rstrip("\r\n")
        out.append(f"{name}:{line_idx + 1}: {body}\n")
    return "".join(out)
