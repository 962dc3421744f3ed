"""Quotation marks paired over a whole text (shared by the quote, spacing and
punctuation stages through :attr:`normalize.text.Analysis.quotes`).

Marks are read in order. A mark whose neighbours say how it faces (a space
before and a letter after: opening) takes that role; an ambiguous one (spaces
on both sides, ``that ” we``) opens when no quotation is open and closes one
otherwise. A quotation may run over several lines (news files hold one
sentence a line) and over several paragraphs when each paragraph opens with a
mark (the typographic convention for a long quotation: an opening mark at each
paragraph, one closing mark at the end); an opening mark in the middle of a
later line while a quotation from an earlier line is still open leaves that
one unclosed. Straight single quotes are apostrophes far more often than
quotation marks and are not paired; ’ closes only a quotation ‘ opened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

DOUBLE_MARKS = '"“”„«»‟'
SINGLE_MARKS = "‘’‚"
MARK_RE = re.compile(r'["“”„«»‟‘’‚]')
OPENING_GLYPHS = set("“„«‘‚‟")
CLOSING_GLYPHS = set("”»’")
_CLOSERS_AFTER = set(".,;:!?)]}…") | set("»”’\"'“")
_OPENERS_BEFORE = set("([{—–-/¿¡") | set("«“‘„\"'")

@dataclass
class Mark:
    pos: int
    ch: str
    line: int
    role: str = ""            # 'open' or 'close' once paired or resolved
    clear: str = ""           # what the neighbours alone say: 'open', 'close' or ''
    partner: "Mark | None" = None
    orphan: bool = False
    continued: bool = False   # an opening mark its quotation went on past (next paragraph's mark)
    misplaced_space: bool = False   # a straight closing mark written like an opening one (` "said`)


@dataclass
class QuotePairs:
    """The double (and single curly) quotation marks of a text, paired."""

    marks: list[Mark] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list, repr=False)
    blank: list[int] = field(default_factory=list, repr=False)
    _by_pos: dict[int, Mark] | None = field(default=None, repr=False)

    def paragraph_break(self, i: int, j: int) -> bool:
        """Is there a blank line between lines ``i`` < ``j``?"""
        return self.blank[j] > self.blank[i + 1]

    def ends_paragraph(self, line: int) -> bool:
        """Is line ``line`` followed by a blank line, or the text's last line
        with words? (In a text of one sentence a line, a quotation may go on
        to the next line without a mark.)"""
        nxt = line + 1
        if nxt >= len(self.line_starts):
            return True
        if self.blank[nxt + 1] > self.blank[nxt]:
            return True   # the next line is blank
        return self.blank[-1] - self.blank[nxt] == len(self.line_starts) - nxt   # only blank lines follow

    @property
    def orphans(self) -> list[Mark]:
        return [m for m in self.marks if m.orphan]

    def at(self, pos: int) -> Mark | None:
        """The mark at offset ``pos``, if it is one of the paired marks."""
        if self._by_pos is None:
            self._by_pos = {m.pos: m for m in self.marks}
        return self._by_pos.get(pos)

    @cached_property
    def _positions(self) -> list[int]:
        return [m.pos for m in self.marks]   # (the marks are in text order)

    def between(self, start: int, end: int) -> list[Mark]:
        """The marks at ``start`` <= offset < ``end``, found by bisection (a
        scan of every mark per question would be quadratic in the text)."""
        pos = self._positions
        return self.marks[bisect.bisect_left(pos, start):bisect.bisect_left(pos, end)]

    def last_between(self, start: int, end: int) -> Mark | None:
        """The last mark at ``start`` <= offset < ``end``, or None."""
        pos = self._positions
        k = bisect.bisect_left(pos, end) - 1
        return self.marks[k] if k >= 0 and pos[k] >= start else None

    @cached_property
    def _pairs(self) -> tuple[list[int], list[int], list[Mark]]:
        """Opening marks with a partner, in text order, with the running
        maximum of their partners' offsets (see :meth:`enclosing`)."""
        opens = [m for m in self.marks if m.role == "open" and m.partner is not None]
        running, top = [], -1
        for m in opens:
            top = max(top, m.partner.pos)
            running.append(top)
        return [m.pos for m in opens], running, opens

    def enclosing(self, start: int, end: int) -> Mark | None:
        """The first opening mark (in text order) before ``start`` whose
        partner is at or after ``end``: the outermost quotation holding the
        span. Two bisections: the running maximum of the partners' offsets
        first reaches ``end`` at that mark."""
        pos, running, opens = self._pairs
        k = bisect.bisect_left(pos, start)   # the openings before start
        if not k or running[k - 1] < end:
            return None
        return opens[bisect.bisect_left(running, end, 0, k)]


    def innermost(self, start: int, end: int) -> Mark | None:
        """The last opening mark (in text order) before ``start`` whose
        partner is at or after ``end``: the innermost quotation holding the
        span (`"Harbour Board affair"` inside a quotation opened lines
        before). Walks back INNERMOST_STEPS openings at most, then answers
        the outermost (:meth:`enclosing`), so a question costs a bounded walk."""
        pos, running, opens = self._pairs
        k = bisect.bisect_left(pos, start)
        if not k or running[k - 1] < end:
            return None
        for j in range(k - 1, max(-1, k - 1 - INNERMOST_STEPS), -1):
            if opens[j].partner.pos >= end:
                return opens[j]
        return self.enclosing(start, end)


INNERMOST_STEPS = 64


def position(text: str, i: int) -> str:
    """'open', 'close' or '' for the mark at ``i``, from its neighbours alone."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev in "’'" and i > 1 and text[i - 2].isalpha():
        prev = " "   # an elision's apostrophe (d’« homme »): the mark starts a word
    left_open = prev == "" or prev.isspace() or prev in _OPENERS_BEFORE
    left_closed = prev != "" and (prev.isalnum() or prev in ".,!?…)%" or prev in CLOSING_GLYPHS or prev == '"')
    right_open = nxt != "" and (nxt.isalnum() or nxt in "(¿¡…")
    right_closed = nxt == "" or nxt.isspace() or nxt in _CLOSERS_AFTER
    if left_open and right_open:
        return "open"
    if left_closed and right_closed:
        return "close"
    if left_closed and right_open and prev.isalpha() and nxt.isalpha():
        return "inner"
    return ""


def natural_role(ch: str, lang: str) -> str:
    """How glyph ``ch`` faces in ``lang``'s typography: 'open', 'close' or ''
    (the straight mark)."""
    if ch in "\"'":
        return ""
    if lang == "de":
        return "open" if ch in "„‚»" else "close"
    if lang == "ru":
        return "open" if ch in "«„" else "close"
    return "open" if ch in OPENING_GLYPHS else "close"


def _at_line_start(text: str, pos: int) -> bool:
    """Only blanks (or a dash or bullet) stand between the line's start and ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0-–—•*":
        i -= 1
    return i < 0 or text[i] == "\n"


def pair_quotes(text: str, protected=None, attribution: frozenset[str] = frozenset(),
                lang: str = "en") -> QuotePairs:
    """Pair the quotation marks of ``text``; ``protected(start, end)`` tells the
    spans (URLs, code) whose marks are not quotation marks; ``attribution``
    the words that follow a quotation's closing mark (speech verbs: `said`),
    by which a straight closing mark glued to the next word is told from an
    opening one. In French, which spaces the inside of « », a guillemet with
    spaces on both sides faces the way its glyph does."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    # blank[k]: how many blank lines come before line k (a paragraph break
    # lies between lines i < j when blank[j] > blank[i + 1] - or line i + 1 is blank)
    blank = [0]
    for k in range(len(line_starts)):
        end = line_starts[k + 1] - 1 if k + 1 < len(line_starts) else len(text)
        blank.append(blank[-1] + (not text[line_starts[k]:end].strip()))
    qp = QuotePairs(line_starts=line_starts, blank=blank)
    stacks: dict[str, list[Mark]] = {"double": [], "single": []}
    for hit in MARK_RE.finditer(text):
        i, ch = hit.start(), hit.group()
        if protected is not None and protected(i, i + 1):
            continue
        family = "double" if ch in DOUBLE_MARKS else "single"
        clear = position(text, i)
        if clear == "inner":
            continue   # between two letters: an apostrophe (l’Europe, don’t), not a quotation mark
        stack = stacks[family]
        if family == "single":
            # ’ is an apostrophe unless a ‘ is open; ‚ ‘ open, ’ closes
            if ch == "’" and not stack:
                continue
            if ch == "’" and clear == "open":
                continue   # ’90s, ’tis
        if ch == '"' and i and text[i - 1].isdigit() and not stack:
            continue   # 12" (inches)
        mark = Mark(i, ch, bisect.bisect_right(line_starts, i) - 1, clear=clear)
        qp.marks.append(mark)
        # a quotation from an earlier line still open: continued by this
        # paragraph's opening mark, left unclosed when a paragraph break lies
        # between (a new quotation opens mid-line), or nested in it (one
        # sentence a line: the quotation goes on)
        while stack and stack[-1].line < mark.line and (clear == "open" or (clear == "" and ch in OPENING_GLYPHS)):
            top = stack[-1]
            if _at_line_start(text, i) and all(s.line < mark.line for s in stack):
                top.continued = True   # the next paragraph opens again: one long quotation
                stack.pop()
                break
            if not qp.paragraph_break(top.line, mark.line):
                break                  # the same paragraph: a quotation inside the quotation
            top.orphan = True          # its paragraph ended with the quotation open
            stack.pop()
        role = clear
        if not role and lang in SPACED_GUILLEMETS and ch in "«»":
            role = "open" if ch == "«" else "close"
        if not role:
            if ch == '"':
                role = "close" if stack else "open"
            elif ch in OPENING_GLYPHS and not stack:
                role = "open"
            elif ch in CLOSING_GLYPHS and stack:
                role = "close"
            else:
                role = "close" if stack else "open"
        elif role == "open" and ch == '"' and stack and stack[-1].ch == '"' and stack[-1].line == mark.line \
                and i and text[i - 1] == " " and _next_word(text, i + 1).lower() in attribution:
            # a straight mark that looks like an opening one, while a straight
            # quotation is open on this line, before a speech verb: the
            # closing mark with its space on the wrong side (`August "said`)
            role = "close"
            mark.misplaced_space = True
        mark.role = role
        if role == "open":
            stack.append(mark)
        elif stack:
            opener = stack.pop()
            opener.partner, mark.partner = mark, opener
        else:
            mark.orphan = True
    for stack in stacks.values():
        for m in stack:
            m.orphan = True
    return qp


_WORD = re.compile(r"[^\W\d_]+")
SPACED_GUILLEMETS = ("fr",)


def _next_word(text: str, i: int) -> str:
    m = _WORD.match(text, i)
    return m.group() if m else ""
