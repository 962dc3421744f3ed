"""Markdown and HTML awareness, and inline suppressions.

Only prose is checked: code fences, indented code, inline code, front matter,
link targets, autolinks, HTML tags, comments, ``<script>``/``<style>``/``<pre>``/
``<code>`` blocks are protected — no finding inside them, no fix touching them.

Suppressions are HTML comments (valid in Markdown and HTML)::

    text on the line <!-- mtnorm: ignore MTN301 -->
    <!-- mtnorm: ignore MTN301, casing -->     (alone on a line: the next block)
    <!-- mtnorm: ignore-start -->  ...  <!-- mtnorm: ignore-end -->
    <!-- mtnorm: ignore -->                    (no codes: every rule)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1\2[`~]*[ \t]*$|\Z)", re.M | re.S)
_INDENTED_RE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_FRONT_MATTER_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_LINK_TARGET_RE = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_RAW_BLOCK_RE = re.compile(r"<(script|style|pre|code|textarea)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG_RE = re.compile(r"</?[A-Za-z][\w:.\-]*(?:\s[^<>]*)?/?>|<!DOCTYPE[^>]*>", re.I)
_ENTITY_IN_HTML = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)

_SUPPRESS_RE = re.compile(r"<!--\s*mtnorm:\s*(ignore-start|ignore-end|ignore)\b([^>]*?)-->", re.I)


def detect_format(path: str | None, text: str) -> str:
    """'markdown', 'html' or 'text', by file name (then by a sniff of the content)."""
    if path and path != "-":
        suffix = Path(path).suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            return "markdown"
        if suffix in HTML_SUFFIXES:
            return "html"
        return "text"
    head = text[:2000].lstrip("\ufeff \n")[:14].lower()   # (the longer prefix below has 14 characters)
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def protected_spans(text: str, fmt: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are markup or code, not prose."""
    if fmt not in ("markdown", "html"):
        return []
    spans: list[tuple[int, int]] = []
    if fmt == "markdown":
        for rx in (_FRONT_MATTER_RE, _FENCE_RE, _INDENTED_RE, _INLINE_CODE_RE, _LINK_TARGET_RE,
                   _AUTOLINK_RE):
            spans += [m.span() for m in rx.finditer(text)]
    else:
        # entities are markup in HTML: &amp; is how an ampersand is written there
        spans += [m.span() for m in _ENTITY_IN_HTML.finditer(text)]
    for rx in (_COMMENT_RE, _RAW_BLOCK_RE, _TAG_RE):
        spans += [m.span() for m in rx.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


@dataclass
class Suppression:
    start: int                  # region covered (code points)
    end: int
    codes: tuple[str, ...]      # empty: every rule
    comment: tuple[int, int]    # where the comment is
    used: int = field(default=0)

    def covers(self, rule: str, category: str, name: str, start: int) -> bool:
        if not (self.start <= start < self.end):
            return False
        if not self.codes:
            return True
        return any(rule.startswith(c.upper()) or c.lower() in (category, name) for c in self.codes)


def suppressions(text: str) -> list[Suppression]:
    """Inline suppressions in ``text`` (see the module doc)."""
    out: list[Suppression] = []
    open_blocks: list[tuple[int, tuple[str, ...], tuple[int, int]]] = []
    for m in _SUPPRESS_RE.finditer(text):
        kind = m.group(1).lower()
        codes = tuple(c for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
        if kind == "ignore-start":
            open_blocks.append((m.end(), codes, m.span()))
            continue
        if kind == "ignore-end":
            if open_blocks:
                start, c, span = open_blocks.pop()
                out.append(Suppression(start, m.start(), c, span))
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        alone = not text[line_start:m.start()].strip() and not text[m.end():line_end].strip()
        if alone:
            # the next block: up to the next blank line
            nxt = re.search(r"\n[ \t]*\n", text[line_end + 1:])
            end = len(text) if nxt is None else line_end + 1 + nxt.start()
            out.append(Suppression(line_end, end, codes, m.span()))
        else:
            out.append(Suppression(line_start, line_end, codes, m.span()))
    for start, codes, span in open_blocks:
        out.append(Suppression(start, len(text), codes, span))
    return out
