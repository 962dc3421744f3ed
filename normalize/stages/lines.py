"""Line breaks that scraping left inside a sentence (MTN107).

Scrapers break lines where the page had markup: a link's text ends up on a
line of its own, a paragraph is cut before a lower-case word, a date is split
after its day. A line break is taken for one of those only when both sides
say so:

- the line before does not end a sentence (no final punctuation) and the line
  after starts with a lower-case word (or a comma or full stop): they are one
  sentence;
- a short fragment (three words at most, no final punctuation) between such a
  line and the next, where the next starts in lower case or the same fragment
  stands on a line of its own elsewhere in the text, between other lines (a
  link repeated through the page, not an article a dump holds twice): the
  fragment and both breaks are one sentence;
- a line that ends in a day's number and a line that starts with a month.

Lists (a bullet, number or dash at the start of either line) and lines that
end a sentence are never joined; the fix (a space where the break was) is
unsafe. A repeated fragment that cannot be joined is flagged.
"""

from __future__ import annotations

import re

from ..model import Applicability, Document
from ..resources import word_list
from .base import Context, Stage, finding

_LINE = re.compile(r"[^\n]*")
_TERMINAL = tuple(".!?…:;\"”»’)]")
_LIST_START = re.compile(r"\s*(?:[-–—•*·▪●◦>|#]|\d{1,3}[.)]\s|[a-z][.)]\s)")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
_DAY_END = re.compile(r"(?<![\d.])\d{1,2}\.?$")
MAX_FRAGMENT_WORDS = 3
MAX_FRAGMENT_CHARS = 40


class _Line:
    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def ends_sentence(self) -> bool:
        return self.stripped.endswith(_TERMINAL)

    def is_list(self) -> bool:
        return bool(_LIST_START.match(self.text))

    def starts_lower(self) -> bool:
        s = self.stripped
        if s[:1] in ",.":
            return True
        m = _FIRST_WORD.match(self.text)
        return bool(m) and m.start(1) == len(self.text) - len(self.text.lstrip()) \
            and m.group(1)[0].islower() and m.group(1).islower()

    def fragment(self) -> bool:
        s = self.stripped
        return (0 < len(s) <= MAX_FRAGMENT_CHARS and len(s.split()) <= MAX_FRAGMENT_WORDS
                and s[0].isalpha() and not self.ends_sentence() and not self.is_list())


class LineBreakStage(Stage):
    """Join lines that scraping broke inside a sentence."""

    name = "lines"
    requires = ("language",)
    rules = ("MTN107",)

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        if "\n" not in text:
            return []
        lang = doc.language or "en"
        a = ctx.analysis
        lines = [_Line(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
        if len(lines) < 2:
            return []
        # the different places each fragment stands alone in: a link repeated
        # through a page sits between different lines each time; an article
        # that a dump holds twice repeats its caption between the same ones
        places: dict[str, set] = {}
        for k, x in enumerate(lines):
            if x.fragment():
                around = (hash(lines[k - 1].stripped) if k else None,
                          hash(lines[k + 1].stripped) if k + 1 < len(lines) else None)
                places.setdefault(x.stripped, set()).add(around)
        months = word_list(lang, "months.txt", ctx.rule_dirs)
        fw = word_list(lang, "function_words.txt", ctx.rule_dirs)
        out = []
        used: set[int] = set()   # lines already joined as a fragment
        for k in range(len(lines) - 1):
            x, y = lines[k], lines[k + 1]
            if k in used or a.is_protected(x.end, y.start):
                continue
            if x.is_list() or y.is_list():
                continue
            gap = (x.end - len(x.text) + len(x.text.rstrip()), y.start + len(y.text) - len(y.text.lstrip()))
            # a date cut after its day: "am 10.\nApril"
            first = _FIRST_WORD.match(y.text)
            if _DAY_END.search(x.stripped) and first and first.group(1).lower() in months:
                self.stats["date"] += 1
                out.append(self._join(text, gap, "a date broken across lines"))
                continue
            last = re.findall(r"[^\W\d_]+", x.text)[-1:]
            ends_open = bool(last) and last[0].lower() in fw   # "…met with the" goes on
            if x.ends_sentence():
                continue
            headline = k == 0 and "\n\n" in text[x.end:y.start + 1] and not ends_open
            # a fragment between two lines: "…hat China\n\nFrauenfußball\n\nund läutete"
            if y.fragment() and k + 2 < len(lines):
                z = lines[k + 2]
                repeated = len(places.get(y.stripped, ())) >= 2
                if not z.is_list() and (z.starts_lower() or repeated) and not (x.fragment() and not z.starts_lower()):
                    end = z.start + len(z.text) - len(z.text.lstrip())
                    self.stats["fragment"] += 1
                    out.append(finding("MTN107", gap[0], end, f"`{y.stripped}` was cut out of its sentence onto "
                                       "a line of its own", [f" {y.stripped} "], Applicability.UNSAFE,
                                       fragment=y.stripped))
                    used.add(k + 1)
                    continue
            if headline:
                continue   # a headline before its first paragraph
            if y.starts_lower() and len(x.stripped.split()) >= 2 and "\n" in text[x.end + 1:y.start]:
                # (a paragraph break inside a sentence; lines of one sentence or
                # segment each, as aligned corpora have them, may split one)
                self.stats["lower"] += 1
                out.append(self._join(text, gap, "a line break inside a sentence"))
        # a repeated fragment left on its own line where it cannot be joined
        for k, y in enumerate(lines):
            if k in used or not y.fragment() or len(places.get(y.stripped, ())) < 2:
                continue
            if any(f.start <= y.start <= f.end for f in out):
                continue
            self.stats["fragment"] += 1
            s = y.start + len(y.text) - len(y.text.lstrip())
            out.append(finding("MTN107", s, s + len(y.stripped), f"`{y.stripped}` stands on a line of its own "
                               "here and elsewhere: a link's text cut out of a sentence?", (), Applicability.DISPLAY,
                               fragment=y.stripped))
        return out

    @staticmethod
    def _join(text: str, gap: tuple[int, int], message: str):
        start, end = gap
        nxt = text[end:end + 1]
        return finding("MTN107", start, end, message, ["" if nxt in ",." else " "], Applicability.UNSAFE)
