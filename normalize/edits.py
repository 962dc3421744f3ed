"""The edit engine: choose non-overlapping fixes, apply them, and keep a map
from the current text back to the original so that several passes compose
into one list of edits on the original text.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Sequence

from .model import Applicability, Edit, Finding


def conflicts(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans conflict when they overlap, or when both start at one point
    (two insertions at one place, or an insertion before a replacement, have no
    single meaning)."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def select(findings: Iterable[Finding], allowed: set[Applicability],
           priority: dict[str, int] | None = None) -> list[Finding]:
    """Pick the applicable findings greedily, in rule priority then position
    order, skipping any that conflict with one already chosen. Returns them
    sorted by position."""
    priority = priority or {}
    candidates = [f for f in findings
                  if f.applicability in allowed and f.fix is not None
                  and not (f.start == f.end and f.fix == "")]
    candidates.sort(key=lambda f: (priority.get(f.rule, 100), f.start, -(f.end - f.start), f.rule))
    chosen: list[Finding] = []
    starts: list[int] = []  # sorted starts of the chosen spans
    spans: list[tuple[int, int]] = []
    for f in candidates:
        span = (f.start, f.end)
        i = bisect.bisect_left(starts, f.start)
        # chosen spans never overlap, so sorted by start they are sorted by end
        # too: only the neighbours on either side can conflict
        if any(conflicts(span, spans[j]) for j in range(max(0, i - 1), min(len(spans), i + 1))):
            continue
        starts.insert(i, f.start)
        spans.insert(i, span)
        chosen.append(f)
    chosen.sort(key=lambda f: (f.start, f.end))
    return chosen


def apply_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """Apply sorted, non-overlapping (start, end, replacement) edits."""
    out = []
    pos = 0
    for start, end, repl in edits:
        if start < pos:
            raise ValueError(f"overlapping edits at {start}")
        out.append(text[pos:start])
        out.append(repl)
        pos = end
    out.append(text[pos:])
    return "".join(out)


class EditMap:
    """Tracks how the current text was derived from the original.

    The current text is a sequence of pieces; each piece is either an untouched
    stretch of the original or a changed region ``original[os:oe] -> new text``.
    Applying a pass of edits (in current coordinates) merges every changed
    region an edit touches, so the composed edits never overlap.
    """

    def __init__(self, original: str):
        self.original = original
        self.current = original
        # changed regions: [orig_start, orig_end, cur_start, cur_end, rules]
        self.blocks: list[list] = []

    def to_original(self, pos: int, side: str = "left") -> int:
        """Map a current offset onto the original. Inside a changed region it
        snaps to the region's start (side='left') or end (side='right')."""
        for os_, oe, cs, ce, _ in reversed(self.blocks):
            if pos > ce:
                return oe + (pos - ce)
            if pos == ce:
                return os_ if (cs == ce and side == "left") else oe
            if pos > cs:
                return os_ if side == "left" else oe
            if pos == cs:
                return os_
        return pos

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start, "left"), self.to_original(end, "right")

    def apply(self, edits: Sequence[tuple[int, int, str, str]]) -> str:
        """Apply (start, end, replacement, rule) edits given in current
        coordinates (sorted, non-overlapping) and update the map."""
        if not edits:
            return self.current
        cur = self.current
        new_text = apply_edits(cur, [(s, e, r) for s, e, r, _ in edits])
        # Build the merged list of changed regions in current coordinates.
        regions = [[b[2], b[3], set(b[4])] for b in self.blocks]
        for s, e, _, rule in edits:
            regions.append([s, e, {rule}, True])
        regions.sort(key=lambda r: (r[0], r[1]))
        merged: list[list] = []
        for reg in regions:
            if merged and reg[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], reg[1])
                merged[-1][2] |= reg[2]
            else:
                merged.append([reg[0], reg[1], set(reg[2])])
        # Map each merged current region to original and new coordinates.
        new_blocks = []
        edits_sorted = sorted(edits, key=lambda x: x[0])
        for cs, ce, rules in merged:
            os_, oe = self.to_original(cs, "left"), self.to_original(ce, "right")
            ns = _shift(cs, edits_sorted, "left")
            ne = _shift(ce, edits_sorted, "right")
            new_blocks.append([os_, oe, ns, ne, tuple(sorted(rules))])
        # Drop regions whose text ended up identical to the original.
        self.blocks = [b for b in new_blocks
                       if self.original[b[0]:b[1]] != new_text[b[2]:b[3]]]
        self.current = new_text
        return new_text

    def edits(self) -> list[Edit]:
        return [Edit(os_, oe, self.current[cs:ce], rules) for os_, oe, cs, ce, rules in self.blocks]


def _shift(pos: int, edits: Sequence[tuple[int, int, str, str]], side: str) -> int:
    """Position in the new text of current offset ``pos`` (a region boundary)."""
    delta = 0
    for s, e, r, _ in edits:
        if e < pos or (e == pos and (s < e or side == "right")):
            delta += len(r) - (e - s)
        elif s >= pos:
            break
        else:  # pos inside an edit: region boundaries never are (merged above)
            if side == "right":
                return s + delta + len(r)
            return s + delta
    return pos + delta
