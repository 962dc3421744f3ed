"""The edit engine: choose non-overlapping fixes, apply them, and keep a map
from the current text back to the original so that several passes compose
into one list of edits on the original text.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Sequence

from .model import Applicability, Edit, Finding


def select(findings: Iterable[Finding], allowed: set[Applicability],
           priority: dict[str, int] | None = None) -> list[Finding]:
    """Pick the applicable findings greedily, in rule priority then position
    order, skipping any that conflict with one already chosen. Returns them
    sorted by position. Linear in the text plus the findings (a bytearray marks
    the characters already claimed), so 100,000s of findings stay cheap."""
    priority = priority or {}
    candidates = [f for f in findings
                  if f.applicability in allowed and f.fix is not None
                  and not (f.start == f.end and f.fix == "")]
    if not candidates:
        return []
    candidates.sort(key=lambda f: (priority.get(f.rule, 100), f.start, -(f.end - f.start), f.rule))
    size = max(f.end for f in candidates) + 1
    claimed = bytearray(size)          # characters a chosen replacement covers
    starts: set[int] = set()           # where chosen edits start
    inserts: set[int] = set()          # where chosen insertions are
    chosen: list[Finding] = []
    for f in candidates:
        s, e = f.start, f.end
        if s in starts:
            continue
        if s < e:
            if any(claimed[s:e]) or any(p in inserts for p in range(s + 1, e)):
                continue
            claimed[s:e] = b"\x01" * (e - s)
        else:
            if s > 0 and claimed[s - 1] and claimed[s]:
                continue               # an insertion strictly inside a replacement
            inserts.add(s)
        starts.add(s)
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
    region an edit touches, so the composed edits never overlap. Mapping an
    offset back is a binary search; applying a pass is linear.
    """

    def __init__(self, original: str):
        self.original = original
        self.current = original
        # changed regions, sorted: [orig_start, orig_end, cur_start, cur_end, rules]
        self.blocks: list[list] = []
        self._cs: list[int] = []      # cur_start of each block, for bisect

    def to_original(self, pos: int, side: str = "left") -> int:
        """Map a current offset onto the original. Inside a changed region it
        snaps to the region's start (side='left') or end (side='right')."""
        i = bisect.bisect_right(self._cs, pos) - 1
        # an empty block sharing this position may sit before the found one
        while i >= 0:
            os_, oe, cs, ce, _ = self.blocks[i]
            if pos > ce:
                return oe + (pos - ce)
            if pos == ce:
                if cs == ce and side == "left":
                    return os_
                return oe
            if pos > cs:
                return os_ if side == "left" else oe
            if pos == cs:
                return os_
            i -= 1
        return pos

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start, "left"), self.to_original(end, "right")

    def apply(self, edits: Sequence[tuple[int, int, str, str]]) -> str:
        """Apply (start, end, replacement, rule) edits given in current
        coordinates (sorted, non-overlapping) and update the map."""
        if not edits:
            return self.current
        cur = self.current
        edits = sorted(edits, key=lambda x: (x[0], x[1]))
        new_text = apply_edits(cur, [(s, e, r) for s, e, r, _ in edits])
        # merge old blocks and new edits (current coordinates) into regions
        regions = [(b[2], b[3], b[4]) for b in self.blocks] + [(s, e, (rule,)) for s, e, _, rule in edits]
        regions.sort(key=lambda r: (r[0], r[1]))
        merged: list[list] = []
        for rs, re_, rules in regions:
            if merged and rs <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], re_)
                merged[-1][2].update(rules)
            else:
                merged.append([rs, re_, set(rules)])
        # new coordinates: walk regions and edits together with a running delta
        new_blocks = []
        k, delta = 0, 0
        for cs, ce, rules in merged:
            while k < len(edits) and edits[k][1] < cs:      # the edits before this region
                delta += len(edits[k][2]) - (edits[k][1] - edits[k][0])
                k += 1
            ns = cs + delta
            while k < len(edits) and edits[k][1] <= ce:     # the edits inside this region
                delta += len(edits[k][2]) - (edits[k][1] - edits[k][0])
                k += 1
            ne = ce + delta
            os_, oe = self.to_original(cs, "left"), self.to_original(ce, "right")
            new_blocks.append([os_, oe, ns, ne, tuple(sorted(rules))])
        # drop regions whose text ended up identical to the original
        self.blocks = [b for b in new_blocks if self.original[b[0]:b[1]] != new_text[b[2]:b[3]]]
        self._cs = [b[2] for b in self.blocks]
        self.current = new_text
        return new_text

    def edits(self) -> list[Edit]:
        return [Edit(os_, oe, self.current[cs:ce], rules) for os_, oe, cs, ce, rules in self.blocks]
