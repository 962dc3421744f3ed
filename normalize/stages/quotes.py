"""Quotation marks as pairs.

The quote-direction rule (MTN201 in :mod:`.punctuation`) judges a curly mark by
its neighbours alone. Scraped and machine-translated pages break quotations in
ways only the pairs show: a mark left where MT dropped the quoted words, a
quotation never closed, the same closing mark twice, a dash standing for the
opening mark, a mark with its space on the wrong side, a quotation run into
its attribution with no comma (MTN215). This stage pairs the
double quotation marks of a document (and the single curly ones), paragraph
by paragraph (:func:`normalize.quotemarks.pair_quotes`, shared with the other
stages through the pass's analysis), and reports what cannot be paired.

Fixes are offered only where the repair is unambiguous; the rest is flagged.
"""

from __future__ import annotations

import bisect
import re

from ..model import Applicability, Document
from ..quotemarks import (CLOSING_GLYPHS as _CLOSING_GLYPHS, DOUBLE_MARKS as _DOUBLE_MARKS, MARK_RE as _MARK_RE,
                          OPENING_GLYPHS as _OPENING_GLYPHS, SINGLE_MARKS as _SINGLE_MARKS, Mark, QuotePairs,
                          natural_role as _natural_role)
from ..resources import nonbreaking_prefixes, word_list
from ..text import SEARCH_WINDOW
from .base import Context, Stage, finding

_DASHES = "-–—"
# quote glyphs a language does not write (a sign the text came through another
# language's typography): language -> {glyph: (the language's glyph for an
# opening mark, for a closing one)}
_FOREIGN = {
    "en": {"«": ("“", "”"), "»": ("“", "”"), "„": ("“", "”")},
}
_LANG_OPEN_CLOSE = {
    "en": ("“", "”"), "es": ("“", "”"), "pt": ("“", "”"), "it": ("“", "”"), "fr": ("«", "»"),
    "de": ("„", "“"), "ru": ("«", "»"),
}
# languages whose typography spaces the inside of « » (and often of other marks)
_SPACED_INSIDE = ("fr",)
# languages where a dash after a quotation introduces the attribution (», — сказал он)
# and a dash opens direct speech: the dash rules stay out of them
_DASH_SPEECH = ("ru", "uk")
# the attribution after a quotation: one space, a verb (or an auxiliary), one space, the next word
_ATTRIBUTION = re.compile(r" (?P<verb>[^\W\d_]+) (?P<rest>[^\W\d_]*)")
_ATTRIBUTION_COMMA = frozenset({"en", "es", "fr", "de", "pt"})   # (Russian sets a dash too; Italian news often omits it)
_AUXILIARIES = {"fr": frozenset({"a"}), "it": frozenset({"ha"})}
_EN_PRONOUNS = frozenset({"he", "she", "they", "we"})   # a subject before the verb: “…” he said
_EN_SUBJECTS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "one",
                          "this", "that", "another", "some", "many", "both"})
_WORDS = re.compile(r"[^\W\d_]+")
_SPEECH_OPENS = ".!?:;,\n—–-"   # what a quotation of speech follows (or a line's start)
ATTRIBUTED_WORDS = 3   # a quotation this long is speech, not a term or a title

# a pair of straight single quotes around words on one line: 'чужим задним двором'
_RU_SINGLES = re.compile(r"(?<![\w'’])'(?=[^\W\d_])([^'\n]{1,80}?)(?<=[^\W\d_.!?])'(?![\w'’])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]?\s+")


class QuotePairStage(Stage):
    """Quotation marks that cannot be paired, doubled, spaced on the wrong
    side, or written in another language's style."""

    name = "quote-pairs"
    requires = ("language",)
    rules = ("MTN201", "MTN105", "MTN208", "MTN211", "MTN212", "MTN213", "MTN214", "MTN215")

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        a = ctx.analysis
        singles = list(self._russian_singles(text, a)) if lang == "ru" and "'" in text else []
        if not _MARK_RE.search(text):
            return singles
        qp = a.quotes
        if not qp.marks:
            return singles
        speech = word_list(lang, "speech_verbs.txt", ctx.rule_dirs)
        style = self._house_style(text, qp, lang)
        out = []
        claimed: set[int] = set()   # marks a finding already covers

        def add(f, *marks):
            out.append(f)
            claimed.update(m.pos for m in marks)

        for m in qp.marks:
            if m.pos in claimed:
                continue
            nxt = text[m.pos + 1:m.pos + 2]
            prv = text[m.pos - 1:m.pos]
            # doubled: a second closing (opening) mark right after the first
            before = qp.at(m.pos - 1)
            if m.orphan and m.role == "close" and before is not None and before.role == "close" \
                    and before.partner is not None and before.ch == m.ch:
                self.stats["doubled"] += 1
                add(finding("MTN213", m.pos, m.pos + 1, f"`{m.ch}` repeats the closing mark before it", [""],
                            Applicability.SAFE if m.ch != '"' else Applicability.UNSAFE), m)
                continue
            if m.orphan and m.role == "open" and nxt and nxt == m.ch:
                self.stats["doubled"] += 1
                add(finding("MTN213", m.pos, m.pos + 1, f"`{m.ch}` repeats the opening mark after it", [""],
                            Applicability.UNSAFE), m)
                continue
        # dash asides and dash quotations (not in languages whose speech takes dashes)
        if lang not in _DASH_SPEECH:
            for m in qp.marks:
                if m.orphan and m.role == "close" and m.pos not in claimed:
                    f = self._dash_opening(text, qp, m, style)
                    if f is not None:
                        add(f, m)
            if lang == "en":
                for m in qp.marks:
                    if m.role == "open" and m.partner is not None and m.pos not in claimed:
                        out.extend(self._dash_aside(text, m, m.partner, speech, style))
        for f, later in self._early_close(text, qp, claimed):
            add(f, later)
        for m in qp.marks:
            if m.pos in claimed:
                continue
            if m.orphan:
                f = self._orphan(text, qp, m, lang, speech, style)
                if f is not None:
                    add(f, m)
                continue
            f = self._misplaced(text, m, lang, style)
            if f is not None:
                add(f, m)
        out.extend(self._missing_comma(text, qp))
        if lang in _ATTRIBUTION_COMMA:
            out.extend(self._attribution_comma(text, a, qp, lang, speech, claimed))
        return out + singles

    def _attribution_comma(self, text: str, a, qp: QuotePairs, lang: str, speech: frozenset[str],
                           claimed: set[int]):
        """A quotation followed by its attribution with no comma between
        them: `"We will strike in August" said our journalist`, `«Nous
        partirons» a déclaré le maire`. The quotation is paired, on one line,
        holds ATTRIBUTED_WORDS words or more, one of them in lower case (not a
        title, `"Wish You Were Here" says`), opens at a line's or a sentence's
        start or after a colon, comma or dash (not a term quoted inside a
        sentence), and ends on a letter or a digit
        (a full stop, `?`, `!` or comma already closes it); one space, then a
        verb of saying (``speech_verbs.txt``; in French and Italian after the
        auxiliary `a`, `ha`), and in English a subject after it (a name, a
        determiner, a pronoun: not `said it all`) or a pronoun before it (`he added`). The comma goes inside the
        mark in English (`August," said`) and after it elsewhere
        (`», a déclaré`, `“, sagte er`). Unsafe."""
        for m in qp.marks:
            if m.role != "close" or m.partner is None or m.pos in claimed or m.misplaced_space \
                    or m.partner.line != m.line or m.partner.pos > m.pos:
                continue
            inside = text[m.partner.pos + 1:m.pos].rstrip(" \u00a0\u202f")   # (French: « … »)
            if not inside[-1:].isalnum():
                continue
            j = m.partner.pos
            while j and text[j - 1] in " \t":
                j -= 1   # (the mark before the quotation, read back without copying the text before it)
            if j and text[j - 1] not in _SPEECH_OPENS:
                continue   # a term quoted inside a sentence (`être "un homme sans scrupules" poursuivi`)
            words = _WORDS.findall(inside)
            if len(words) < ATTRIBUTED_WORDS or not any(w.islower() for w in words):
                continue
            after = _ATTRIBUTION.match(text, m.pos + 1)
            if after is None:
                continue
            verb, rest = after.group("verb"), after.group("rest")
            if lang == "en" and verb in _EN_PRONOUNS:
                verb, rest = rest, verb   # “It is our plan” he added
            if verb in _AUXILIARIES.get(lang, ()):
                aux = _ATTRIBUTION.match(text, after.start("verb") + len(verb))
                if aux is None or aux.group("verb") not in speech:
                    continue
            elif verb not in speech or lang == "fr" and verb.endswith(("é", "i", "u")):
                continue   # (a French participle with no auxiliary is no attribution: `poursuivi`)
            if lang == "en" and not (rest[:1].isupper() and rest != "I" or rest in _EN_SUBJECTS or rest in _EN_PRONOUNS):
                continue
            if a.is_protected(m.partner.pos, m.pos + 1):
                continue
            self.stats["attribution_comma"] += 1
            at = m.pos if lang == "en" else m.pos + 1
            yield finding("MTN215", at, at, f"no comma between the quotation and `{verb}`", [","],
                          Applicability.UNSAFE, verb=verb)

    def _russian_singles(self, text: str, a):
        """Russian quotes with « » (and „ “ inside them); straight single quotes
        around Russian words are another language's style: `'Светофор'`."""
        for m in _RU_SINGLES.finditer(text):
            if not _CYRILLIC.search(m.group(1)) or a.is_protected(m.start(), m.end()):
                continue
            if a.quotes.enclosing(m.start(), m.end()) is not None:
                continue   # quotes inside a quotation: the inner marks may be single
            self.stats["style"] += 2
            yield finding("MTN212", m.start(), m.start() + 1, "Russian quotes with « »: `'` opens here", ["«"],
                          Applicability.SAFE, role="open")
            yield finding("MTN212", m.end() - 1, m.end(), "Russian quotes with « »: `'` closes here", ["»"],
                          Applicability.SAFE, role="close")

    # -- helpers -----------------------------------------------------------

    @staticmethod
    def _house_style(text: str, qp: QuotePairs, lang: str) -> tuple[str, str]:
        """The double marks this document writes most (opening, closing), in
        the language's style when it writes none."""
        counts: dict[str, int] = {}
        for m in qp.marks:
            if m.ch in _DOUBLE_MARKS:
                counts[m.ch] = counts.get(m.ch, 0) + 1
        foreign = _FOREIGN.get(lang, {})
        if counts.get('"', 0) * 2 > sum(counts.values()):
            return '"', '"'
        default = _LANG_OPEN_CLOSE.get(lang, ("“", "”"))
        pairs = [("“", "”"), ("«", "»"), ("„", "“")]
        best = max(pairs, key=lambda p: (counts.get(p[0], 0) + counts.get(p[1], 0)
                                         if p[0] not in foreign else -1, p == default))
        return best if counts.get(best[0], 0) + counts.get(best[1], 0) else default

    @staticmethod
    def _glyph(m: Mark, role: str, style: tuple[str, str]) -> str:
        """The mark to write for ``m`` in ``role``: straight stays straight,
        a curly mark takes the document's style."""
        if m.ch == '"':
            return '"'
        if m.ch in _SINGLE_MARKS:
            return "‘" if role == "open" else "’"
        return style[0] if role == "open" else style[1]

    def _misplaced(self, text: str, m: Mark, lang: str, style):
        """A paired mark with its space on the wrong side, or in a style the
        language does not write."""
        foreign = _FOREIGN.get(lang, {})
        spaced_ok = lang in _SPACED_INSIDE
        if m.ch in foreign and m.role in ("open", "close") and m.partner is not None \
                and m.partner.ch not in foreign:
            # a guillemet paired with an English mark (`«We … equality ”`): the
            # translation kept the source's opening mark (a title in « » alone stays)
            good = foreign[m.ch][0 if m.role == "open" else 1]
            start, end, repl = m.pos, m.pos + 1, good
            if m.role == "open" and text[m.pos + 1:m.pos + 2] == " " and text[m.pos + 2:m.pos + 3].isalnum():
                end += 1
            elif m.role == "close" and m.pos and text[m.pos - 1] == " " and m.pos > 1 and text[m.pos - 2] not in " \n":
                start -= 1
            self.stats["style"] += 1
            return finding("MTN212", start, end, f"`{m.ch}` is not a quotation mark {lang} writes", [repl],
                           Applicability.SAFE, role=m.role)
        if m.misplaced_space:
            # ` "said` -> `" said`: the closing mark glued to the next word, its space before it
            if spaced_ok:
                return None
            self.stats["space"] += 1
            return finding("MTN105", m.pos - 1, m.pos + 1, "closing quotation mark with its space on the wrong side",
                           [m.ch + " "], Applicability.UNSAFE)
        if m.clear or spaced_ok or m.partner is None or m.ch in _SINGLE_MARKS:
            return None
        # an ambiguous mark: its role came from the pairing; drop the space on
        # its inner side, and turn a curly glyph that faces the other way
        natural = _natural_role(m.ch, lang)
        good = m.ch if m.ch == '"' or natural == m.role else _LANG_OPEN_CLOSE.get(lang, style)[m.role == "close"]
        if m.role == "open" and text[m.pos + 1:m.pos + 2] == " " and text[m.pos + 2:m.pos + 3].isalnum():
            start, end = m.pos, m.pos + 2
            where = "space after the opening quotation mark"
        elif m.role == "close" and m.pos > 1 and text[m.pos - 1] == " " and (m.ch != '"' or m.partner.ch == '"') \
                and (text[m.pos - 2].isalnum() or text[m.pos - 2] in ".,!?…)"):
            start, end = m.pos - 1, m.pos + 1
            where = "space before the closing quotation mark"
        elif good != m.ch and m.role == "close" and m.ch in _DOUBLE_MARKS and m.pos \
                and text[m.pos - 1] in _CLOSING_GLYPHS | {"“"} and m.partner.ch in _OPENING_GLYPHS:
            # a second closing mark glued to the first, facing the wrong way
            # (`„natürlichen Ursachen“„,`): it closes the outer quotation
            start, end = m.pos, m.pos + 1
            where = f"`{m.ch}` closes the quotation here"
        else:
            return None
        if good != m.ch and start + 1 < end:
            where += f" (and `{m.ch}` faces the wrong way)"
        rule = "MTN105" if m.ch == '"' else "MTN201"
        self.stats["space" if end - start > 1 else "direction"] += 1
        return finding(rule, start, end, where, [good],
                       Applicability.SAFE if rule == "MTN201" else Applicability.UNSAFE, role=m.role)

    @staticmethod
    def _line_bounds(text: str, pos: int, qp: QuotePairs) -> tuple[int, int]:
        """The line holding ``pos``, by bisection over the line starts."""
        starts = qp.line_starts
        k = bisect.bisect_right(starts, pos) - 1
        return starts[k], (starts[k + 1] - 1 if k + 1 < len(starts) else len(text))

    def _orphan(self, text: str, qp: QuotePairs, m: Mark, lang: str, speech: frozenset[str], style):
        """An opening mark never closed, or a closing mark nothing opened, where
        the repair is clear (else None: a text of one sentence a line carries
        quotations over lines, with their marks where the paragraph had them)."""
        s, e = self._line_bounds(text, m.pos, qp)
        glyph = self._glyph(m, "close" if m.role == "open" else "open", style)
        if m.role == "open":
            if sum(1 for x in qp.between(s, e) if x.orphan and x.role == "open") > 1:
                if not qp.ends_paragraph(m.line):
                    return None
                self.stats["unclosed"] += 1
                return finding("MTN211", m.pos, m.pos + 1, f"`{m.ch}` opens a quotation that is never closed "
                               "(one of several on this line)", (), Applicability.DISPLAY)
            # a closing formula after it (", says the IPMA"): close before its comma
            at = self._formula(text, m.pos + 1, e, speech)
            others = qp.between(m.pos + 1, at if at is not None else e)
            if at is not None and not others:
                self.stats["unclosed"] += 1
                return finding("MTN211", at, at, f"the quotation opened by `{m.ch}` is never closed: close it "
                               "before its attribution", [glyph], Applicability.UNSAFE, opened_at=m.pos)
            end = e
            while end > s and text[end - 1] in " \t\r":
                end -= 1
            if not others and end > m.pos + 1 and text[end - 1] in ".!?…" and not m.continued \
                    and qp.ends_paragraph(m.line):
                self.stats["unclosed"] += 1
                close = (" " + glyph) if lang in _SPACED_INSIDE and glyph in "»" and " «" in text else glyph
                return finding("MTN211", end, end, f"the quotation opened by `{m.ch}` is never closed: close it "
                               "at the end of its paragraph", [close], Applicability.UNSAFE, opened_at=m.pos)
            return None
        # a closing mark with nothing open: open it at the start of its sentence,
        # when that sentence starts in this line or paragraph
        start = self._sentence_start(text, s, m.pos, lang)
        if start is None:
            return None
        if start == s and m.line > 0 and not qp.blank[m.line] > qp.blank[m.line - 1]:
            return None   # the line's first sentence, after a line of the same paragraph
        between = qp.between(start, m.pos)
        if not between and m.pos - start > 3 and text[start].isupper() and len(text[start:m.pos].split()) <= 40:
            self.stats["unopened"] += 1
            return finding("MTN211", start, start, f"`{m.ch}` closes a quotation that was never opened: open it "
                           "at the start of its sentence", [glyph], Applicability.UNSAFE, closed_at=m.pos)
        return None

    @staticmethod
    def _sentence_start(text: str, line_start: int, pos: int, lang: str) -> int | None:
        """Where the sentence holding ``pos`` starts: after the last sentence end
        before it on its line (not an abbreviation's full stop), or the line start."""
        nbp = nonbreaking_prefixes(lang)
        # a paragraph's worth back at most: a "sentence" longer is none to repair,
        # and a bound keeps a text of one long line linear
        lo = max(line_start, pos - SEARCH_WINDOW)
        start = line_start if lo == line_start else None
        for sm in _SENTENCE_END.finditer(text, lo, pos):
            j = sm.start()
            while j > lo and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:sm.start()]
            if text[sm.start()] == "." and ("." in word or len(word) == 1 or word in nbp):
                continue   # "the U.S. Drought Monitor"
            start = sm.end()
        if start is None:
            return None
        while start < pos and text[start] in " \t":
            start += 1
        return start if start < pos else None

    @staticmethod
    def _formula(text: str, start: int, end: int, speech: frozenset[str]) -> int | None:
        """The offset of the comma that introduces an attribution (`, says the
        IPMA`, `, he added`) between ``start`` and ``end``, or None."""
        if not speech:
            return None
        for cm in re.finditer(r",\s+", text[start:end]):
            at = start + cm.start()
            words = re.findall(r"[^\W\d_]+", text[start + cm.end():min(end, start + cm.end() + 40)])[:3]
            if not words:
                continue
            if words[0].lower() in speech or len(words) > 1 and words[1].lower() in speech \
                    and (words[0][0].isupper() or words[0].lower() in ("he", "she", "they", "it", "we", "i")):
                if text[at - 1] in "”»\"":
                    return None   # closed already
                return at
        return None

    def _dash_opening(self, text: str, qp: QuotePairs, m: Mark, style):
        """A closing mark nothing opened, in a passage that starts with a dash
        (a paragraph `- There are …," he told`, or `. — Per me …"`): the dash
        stands for the opening mark."""
        s, _ = self._line_bounds(text, m.pos, qp)
        before = qp.last_between(s, m.pos)
        lo = before.pos + 1 if before is not None else s
        found = None
        for dm in re.finditer(r"(?:^|(?<=[.!?…\"”»]) )[ \t]*([-–—])[ \t]+(?=[^\W\d_])", text[lo:m.pos], re.MULTILINE):
            found = dm
        if found is None:
            return None
        ds = lo + found.start(1)
        if ds != s and not (ds == lo and text[lo:ds].strip() == "") and text[ds - 1] != " ":
            return None
        de = lo + found.end()
        glyph = self._glyph(m, "open", style)
        self.stats["dash"] += 1
        return finding("MTN214", ds, de, f"`{found.group(1)}` stands for the opening quotation mark that "
                       f"`{m.ch}` closes", [glyph], Applicability.UNSAFE, closed_at=m.pos)

    def _dash_aside(self, text: str, o: Mark, c: Mark, speech: frozenset[str], style):
        """An attribution set off by dashes inside an English quotation
        (“We will not give in – insists the Mayor – to this pressure”):
        close the quotation before it and open it again after it."""
        inner = text[o.pos + 1:c.pos]
        if "\n" in inner:
            return
        for am in re.finditer(r" [–—-] ([^–—\-\"“”]{3,80}?) [–—-] ", inner):
            words = re.findall(r"[^\W\d_]+", am.group(1))
            if not words or len(words) > 8 or not any(w.lower() in speech for w in words[:3]):
                continue
            a0 = o.pos + 1 + am.start()
            a1 = o.pos + 1 + am.end()
            close, open_ = self._glyph(c, "close", style), self._glyph(o, "open", style)
            self.stats["aside"] += 1
            yield finding("MTN214", a0, a1, "an attribution inside the quotation set off by dashes: close and "
                          "reopen the quotation around it", [f",{close} {am.group(1)}, {open_}"],
                          Applicability.UNSAFE)

    def _early_close(self, text: str, qp: QuotePairs, claimed: set[int]):
        """A closing mark followed by a full stop and a lower-case word, where a
        closing mark later in the paragraph has nothing to close: the quotation
        was closed too early (`Tunisia”. transferring … too.”`)."""
        for m in qp.marks:
            if m.role != "close" or m.partner is None or m.pos in claimed:
                continue
            tail = text[m.pos + 1:m.pos + 4]
            if not re.match(r"\. [^\W\d_]", tail) or not tail[2].islower():
                continue
            _, e = self._line_bounds(text, m.pos, qp)
            later = [x for x in qp.between(m.pos + 1, e + 1) if x.orphan and x.role == "close" and x.ch == m.ch]
            if not later:
                continue
            self.stats["early_close"] += 1
            yield finding("MTN211", m.pos, m.pos + 2, f"the quotation is closed by `{m.ch}` here but goes on: "
                          "a later closing mark has nothing to close", [","], Applicability.UNSAFE), later[0]

    def _missing_comma(self, text: str, qp: QuotePairs):
        """Two quoted items side by side with no comma: `"Dune" "Emma" and "Ulysses"`."""
        by_pos = {m.pos: m for m in qp.marks}
        for m in qp.marks:
            if m.role != "close" or m.partner is None:
                continue
            j = m.pos + 1
            while j < len(text) and text[j] == " ":
                j += 1
            if j == m.pos + 1 or j >= len(text):
                continue
            if text[m.pos - 1:m.pos] in (",", ";"):
                continue    # the comma is there, inside the mark (`"Dune," "Emma," and "Ulysses"`)
            n = by_pos.get(j)
            if n is None or n.role != "open" or n.partner is None or n.line != m.line:
                continue
            # a list: the second quotation goes on to a third (`"A" "B" and "C"`, `"A" "B", "C"`)
            after = text[n.partner.pos + 1:n.partner.pos + 8]
            if not re.match(r"(?:,\s*|\s+(?:and|or|y|o|e|et|ou|und|oder|и|или)\s+)[\"“«„]", after):
                continue
            self.stats["comma"] += 1
            yield finding("MTN208", m.pos + 1, m.pos + 1, "two quoted items with no comma between them", [","],
                          Applicability.UNSAFE)
