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
