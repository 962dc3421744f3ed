"""The names a document writes: one picture per pass, shared by the stages.

A lexicon knows the names of the world; a document shows which words *it*
uses as names. ``Donald Trump`` mid-sentence makes ``trump`` a name in that
document; ``Marco Bianchi`` makes the ``bianchi`` after ``Marco`` a surname
written in lower case; ``Kremlin spokesman`` written once in lower case
makes ``Kremlin Spokesman`` a capital too many. :class:`DocumentNames` is
built once per pass from the pass's :class:`~normalize.text.Analysis` (one
walk over its words) and read by the casing, anchor and consistency stages.

Counts are kept by *name key*: the word in lower case, without an elided
article or preposition before an apostrophe (``l'Europe``, ``dell'Ucraina``:
``europe``, ``ucraina``) and without a possessive ending (``Trump's``:
``trump``). A word is *capitalised* when its first letter is upper case and
it is not all capitals (``NATO`` is an acronym, counted apart).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property, lru_cache

# an elided article or preposition before an apostrophe (the name follows it)
ELIDED = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|dell|nell|dall|all|sull|un|quest|quell)['’]",
                    re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# words that join the parts of a name written in capitals (Charles de Gaulle,
# Ursula von der Leyen, Abu Bakr al-Baghdadi)
PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le",
                       "los", "las",
                       "du", "des", "bin", "ibn", "al", "el", "y", "e", "af", "ter", "zu"})
TITLE_LINE_SHARE = 0.5
# How far a document's own evidence reaches: a spelling, a capital or a sense
# written this many characters away or more says nothing of a word here. An
# article is a few thousand characters; a book, a transcript or a dump of many
# articles is one document whose far parts are other texts.
EVIDENCE_WINDOW = 20_000


def near(positions: list[int], pos: int, window: int = EVIDENCE_WINDOW) -> bool:
    """Is one of the sorted ``positions`` within ``window`` characters of ``pos``?"""
    k = bisect.bisect_left(positions, pos)
    return k < len(positions) and positions[k] - pos <= window or k > 0 and pos - positions[k - 1] <= window


@lru_cache(maxsize=1 << 16)   # word forms repeat: decided once per form
def name_part(form: str) -> str:
    """The part of a word form that a name is: without an elided article before
    its apostrophe and without a possessive ending."""
    e = ELIDED.match(form)
    if e and e.end() < len(form):
        form = form[e.end():]
    if len(form) > 3 and ("'" in form[-2:] or "’" in form[-2:]):
        form = _POSSESSIVE.sub("", form)
    return form


def capitalised(form: str) -> bool:
    """First letter upper case and not all capitals (`Kyiv`, `McDonald`, not `NATO`)."""
    return form[:1].isupper() and not (len(form) > 1 and form.isupper())


class DocumentNames:
    """What one text writes as names (see the module docstring)."""

    def __init__(self, analysis):
        self.a = analysis
        text = analysis.text
        self.matches = analysis.words.all()
        self.forms = analysis.tokens
        self.parts = parts = [name_part(f) for f in self.forms]
        self.keys = keys = [p.lower() for p in parts]
        # capitalised(p), inline: a call per word costs more than the test
        cap = self.cap = [p[:1].isupper() and not (len(p) > 1 and p.isupper()) for p in parts]
        n = len(parts)
        starts = analysis.line_starts
        self.pos = pos = [m.start() for m in self.matches]   # each word's offset, in order
        if len(starts) == 1:
            self.line = line = [0] * n
        else:
            self.line = line = [bisect.bisect_right(starts, p) - 1 for p in pos]
        # title-case lines: more than half their words (four or more) capitalised
        per_line = Counter(line)
        caps_per_line = Counter(ln for ln, c in zip(line, cap) if c)
        self.title_lines = {ln for ln, k in per_line.items()
                            if k >= 4 and caps_per_line[ln] > TITLE_LINE_SHARE * k}
        # a word after a space after a letter or digit starts no sentence (most
        # words: decided here, without a walk back over the text)
        sentence_start = analysis.sentence_start
        self.start = start = [not (p > 1 and text[p - 1] == " " and text[p - 2].isalnum()) and sentence_start(p)
                              for p in pos]
        titled = [ln in self.title_lines for ln in line] if self.title_lines else [False] * n
        low = [p.islower() for p in parts]
        self.low = Counter(k for k, lw in zip(keys, low) if lw)   # written in lower case
        self.low_mid = Counter(k for k, lw, st in zip(keys, low, start) if lw and not st)   # ...mid-sentence
        # capitalised at a sentence start (or in a title line), and mid-sentence outside title lines
        self.cap_start = Counter(k for k, c, st, t in zip(keys, cap, start, titled) if c and (st or t))
        self.cap_mid = Counter(k for k, c, st, t in zip(keys, cap, start, titled) if c and not st and not t)
        self._titled = titled
        # runs of capitalised words joined by single spaces (names of two or more words)
        self.runs: list[tuple[int, int]] = []
        matches = self.matches
        j = 0
        for i in [i for i, c in enumerate(cap) if c]:
            if i < j:
                continue   # inside the run before
            j = i + 1
            while j < n and text[matches[j - 1].end():pos[j]] == " " and (
                    cap[j] or keys[j] in PARTICLES and j + 1 < n and cap[j + 1]
                    and text[matches[j].end():pos[j + 1]] == " "):
                j += 1
            if j - i >= 2:
                self.runs.append((i, j))

    @cached_property
    def line_words(self) -> dict[int, list[int]]:
        """Line number -> the indices of its words."""
        out: dict[int, list[int]] = {}
        for i, ln in enumerate(self.line):
            out.setdefault(ln, []).append(i)
        return out

    @cached_property
    def cap_alone(self) -> Counter:
        """Keys capitalised mid-sentence on their own, not inside a name of
        several words (Trump said; not Tokyo Station, Prime Minister)."""
        in_run = bytearray(len(self.keys))
        for i, j in self.runs:
            in_run[i:j] = b"\x01" * (j - i)
        return Counter(k for k, c, st, t, r in zip(self.keys, self.cap, self.start, self._titled, in_run)
                       if c and not r and not st and not t)

    @cached_property
    def pairs(self) -> Counter:
        """(key, key) of two capitalised words side by side, mid-sentence."""
        out: Counter = Counter()
        cap, keys = self.cap, self.keys
        for i, j in self.runs:
            if self._titled[i]:
                continue
            for k in range(i, j - 1):
                if cap[k] and cap[k + 1]:
                    out[(keys[k], keys[k + 1])] += 1
        return out

    def gap(self, i: int, j: int) -> str:
        """The text between words ``i`` and ``j``."""
        return self.a.text[self.matches[i].end():self.matches[j].start()]

    def words_between(self, start: int, end: int) -> range:
        """The indices of the words that begin strictly between offsets
        ``start`` and ``end`` (two bisections, not a scan of the text's words)."""
        return range(bisect.bisect_right(self.pos, start), bisect.bisect_left(self.pos, end))

    def in_title_line(self, i: int) -> bool:
        return self.line[i] in self.title_lines

    def written_as_name(self, key: str) -> bool:
        """Does the text write ``key`` capitalised mid-sentence (outside title lines)?"""
        return self.cap_mid[key] > 0

    def run_of(self, i: int) -> tuple[int, int] | None:
        """The run of capitalised words holding word ``i``, if any."""
        k = bisect.bisect_right(self.runs, (i, float("inf"))) - 1
        if k >= 0 and self.runs[k][0] <= i < self.runs[k][1]:
            return self.runs[k]
        return None

    @cached_property
    def names(self) -> Counter:
        """Single-word names the text writes mid-sentence (key -> uses), by
        their spelling as written (``Gantz``, ``Ganzt``): for consistency."""
        out: Counter = Counter()
        for i, part in enumerate(self.parts):
            if self.cap[i] and not self.start[i] and not self.in_title_line(i):
                out[part] += 1
        return out
