"""Spaces inside numbers and brackets, and each language's own spacing.

Scraped pages and tokenised MT output put spaces where typography has none
(`12: 30`, `$ 1.14`, `(Porto )`, `PKK / YPG`) and lose the spaces a language
does write (French `attrayant :` in a text that spaces its colons). Every rule
here looks at a few characters around a mark; the French one also counts how
the document itself spaces its marks, so that a text consistent in its own
style is never touched.
"""

from __future__ import annotations

import re

from ..model import Applicability, Document
from ..resources import word_list
from ..text import SEARCH_WINDOW
from .base import Context, Stage, finding

# a score or a time with a space after its colon: "5: 0", "12: 30"
_COLON_NUMBER = re.compile(r"(?=\d)(?<![\w:.,/])(\d{1,2}):( +)(\d{1,2})(?![\w:/]|[.,]\d)")
# a currency sign written before its amount with a space (English writes $1.14)
_CURRENCY_SPACE = re.compile(r"(?<![\w$£€¥])([$£€¥])( +)(?=\d)")
# a sign split from its number in a figure: "(+ 3.26%)", "(- 0.6 %)"
_SIGN_SPACE = re.compile(r"(?:(?<=\()|(?<=^)|(?<=[:;] ))([+\-−–])( +)(?=\d[\d.,]*\s?%)", re.MULTILINE)
# a space before a degree sign that is not a temperature's (°C, °F): "80 ° anniversario"
_DEGREE_SPACE = re.compile(r"(?<=\d)( +)°(?![ ]?[CFK]\b)")
# English writes 5%, not 5 %
_PERCENT_SPACE = re.compile(r"(?<=\d)( )%")
# spaces just inside brackets: "( Porto", "Porto )"
_OPEN_BRACKET_SPACE = re.compile(r"([(\[])( +)(?=[^\W_])")
_CLOSE_BRACKET_SPACE = re.compile(r"(?<=[^\W_]|[.!?%])( +)([)\]])")
# a slash between two acronyms spaced as if it were a word: "PKK / YPG"
_SPACED_SLASH = re.compile(r"(?<![\w/])([A-Z]{2,6})( / )([A-Z]{2,6})(?![\w/])")
# Italian and French elisions and truncations whose apostrophe a space split
# from the word it belongs to: "po 'più" (po' più), "all '80" (all'80)
_APOSTROPHE_SPLIT = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,6})( )(['’])(?=[^\W_])")
# French high punctuation and guillemets
_FR_HIGH = re.compile(r"(?<=[^\W_])([ \u00a0\u202f]?)([:;!?])(?=\s|$)")
_FR_OPEN = re.compile(r"«([ \u00a0\u202f]?)(?=\S)")
_FR_CLOSE = re.compile(r"(?<=\S)([ \u00a0\u202f]?)»")


_ALNUM = re.compile(r"[^\W_]+")
_UNIT_AHEAD = re.compile(r"[^\n°]{0,20}°[ \u00a0\u202f]?[CFK]\b")


class TypographyStage(Stage):
    """Extra spaces inside numbers, signs and brackets; a language's own spacing."""

    name = "typography"
    requires = ("language",)
    rules = ("MTN104", "MTN105", "MTN106", "MTN108", "MTN103")

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        a = ctx.analysis
        out = []
        if ": " in text:
            for m in _COLON_NUMBER.finditer(text):
                if a.is_protected(m.start(), m.end()):
                    continue
                self.stats["number"] += 1
                # `out of 10: 1. Klimow`: a colon before a numbered list may look like a score
                listed = text.startswith(". ", m.end()) and text[m.end() + 2:m.end() + 3].isupper()
                out.append(finding("MTN104", m.start(2), m.end(2), "space inside a score or time",
                                   [""], Applicability.UNSAFE if listed else Applicability.SAFE, number=m.group()))
        if lang == "en":
            # (substring tests at C speed keep the scans off most texts)
            for m in (_CURRENCY_SPACE.finditer(text) if any(c in text for c in "$£€¥") else ()):
                self.stats["number"] += 1
                out.append(finding("MTN104", m.start(2), m.end(2),
                                   f"space between `{m.group(1)}` and its amount", [""], Applicability.SAFE))
            for m in (_PERCENT_SPACE.finditer(text) if " %" in text else ()):
                if a.is_protected(m.start(), m.end()):
                    continue
                self.stats["number"] += 1
                out.append(finding("MTN104", m.start(1), m.end(1), "space before `%` (English writes 5%)",
                                   [""], Applicability.SAFE))
        for m in (_SIGN_SPACE.finditer(text) if "%" in text else ()):
            self.stats["number"] += 1
            out.append(finding("MTN104", m.start(2), m.end(2), f"space between the sign `{m.group(1)}` and its number",
                               [""], Applicability.SAFE))
        if "°" in text:
            for m in _DEGREE_SPACE.finditer(text):
                if _UNIT_AHEAD.match(text, m.end(), m.end() + 25):
                    continue   # `-5 ° et -10 ° C`: a range whose unit, spaced as SI spaces it, comes last
                self.stats["number"] += 1
                out.append(finding("MTN104", m.start(1), m.end(1), "space before `°`", [""], Applicability.SAFE))
        if "( " in text or "[ " in text:
            for m in _OPEN_BRACKET_SPACE.finditer(text):
                close = text.find(")" if m.group(1) == "(" else "]", m.end(), m.end() + 200)
                if close < 0 or "\n" in text[m.end():close] or a.is_protected(m.start(), m.end()):
                    continue
                self.stats["bracket"] += 1
                out.append(finding("MTN105", m.start(2), m.end(2), f"space after `{m.group(1)}`", [""],
                                   Applicability.SAFE))
        if " )" in text or " ]" in text:
            for m in _CLOSE_BRACKET_SPACE.finditer(text):
                opening = "(" if m.group(2) == ")" else "["
                line_start = max(a.line_bounds(m.start())[0], m.start() - SEARCH_WINDOW)
                if text.rfind(opening, line_start, m.start()) < 0 or a.is_protected(m.start() - 1, m.end()):
                    continue
                self.stats["bracket"] += 1
                out.append(finding("MTN105", m.start(1), m.end(1), f"space before `{m.group(2)}`", [""],
                                   Applicability.SAFE))
        if " / " in text:
            for m in _SPACED_SLASH.finditer(text):
                self.stats["slash"] += 1
                out.append(finding("MTN106", m.start(2), m.end(2), "spaces around `/` between two acronyms", ["/"],
                                   Applicability.UNSAFE))
        if lang in ("it", "fr") and (" '" in text or " ’" in text):
            out.extend(self._split_apostrophes(text, a, lang, ctx.rule_dirs))
        if lang == "fr":
            out.extend(self._french(text, a))
        return out

    def _split_apostrophes(self, text: str, a, lang: str, rule_dirs: tuple[str, ...]):
        """``po 'più`` -> ``po' più``; ``all '80`` -> ``all'80``: an apostrophe
        that belongs to the word before it (an elided article or preposition,
        ``elided.txt``, or a truncated word, ``truncated.txt``), split from it
        by a space, with no closing mark after it that would make it a quotation."""
        elided = word_list(lang, "elided.txt", rule_dirs)
        truncated = word_list(lang, "truncated.txt", rule_dirs)
        for m in _APOSTROPHE_SPLIT.finditer(text):
            word = m.group(1).lower()
            kind = "elided" if word in elided else "truncated" if word in truncated else None
            if kind is None:
                continue
            nxt = _ALNUM.match(text, m.end())   # (a match at the offset: no slice of the rest of the line)
            after = text[nxt.end():nxt.end() + 1] if nxt else ""
            if after in ("'", "’"):
                continue   # 'più' quoted
            if a.is_protected(m.start(), m.end()):
                continue
            self.stats["apostrophe"] += 1
            if kind == "elided":
                yield finding("MTN103", m.start(2), m.end(3), f"`{m.group(1)}{m.group(3)}` is split from its word",
                              [m.group(3)], Applicability.SAFE)
            else:
                yield finding("MTN103", m.start(2), m.end(3), f"the apostrophe of `{m.group(1)}{m.group(3)}` "
                              "is glued to the next word", [m.group(3) + " "], Applicability.SAFE)

    def _french(self, text: str, a):
        """French spaces its high punctuation (`: ; ! ?`) and the inside of
        « »; many sites do not, consistently. Only a document that spaces
        them itself gets its unspaced ones flagged, with the space it uses."""
        high = [(m, bool(m.group(1))) for m in _FR_HIGH.finditer(text)
                if not a.is_protected(m.start(), m.end()) and not self._in_number_or_time(text, m.start(2))
                and not self._quoted(a, m.start())]
        spaced = [m for m, sp in high if sp]
        bare = [m for m, sp in high if not sp]
        if len(spaced) >= 2 and len(spaced) > len(bare):
            space = self._space_of([m.group(1) for m in spaced])
            for m in bare:
                self.stats["french"] += 1
                yield finding("MTN108", m.start(2), m.start(2), f"French puts a space before `{m.group(2)}` "
                              "(as this text does elsewhere)", [space], Applicability.SAFE)
        if "«" not in text and "»" not in text:
            return
        opens = list(_FR_OPEN.finditer(text))
        closes = list(_FR_CLOSE.finditer(text))
        used = [m.group(1) for m in opens + closes if m.group(1)]
        if len(used) < 2 or len(opens) + len(closes) - len(used) < 2:
            return   # a text consistent in its guillemets (but for a slip)
        space = self._space_of(used)
        for m in opens:
            if not m.group(1):
                self.stats["french"] += 1
                yield finding("MTN108", m.end(), m.end(), "French puts a space inside « » (as this text does "
                              "elsewhere)", [space], Applicability.SAFE)
        for m in closes:
            if not m.group(1):
                self.stats["french"] += 1
                yield finding("MTN108", m.start(), m.start(), "French puts a space inside « » (as this text does "
                              "elsewhere)", [space], Applicability.SAFE)

    @staticmethod
    def _quoted(a, pos: int) -> bool:
        """Is ``pos`` inside a quotation on its line (a title in another
        language keeps its own punctuation: « The Last Palace: Europe’s… »)?"""
        return a.quotes.enclosing(pos, pos + 1) is not None

    @staticmethod
    def _space_of(spaces: list[str]) -> str:
        return max(set(spaces), key=spaces.count)

    @staticmethod
    def _in_number_or_time(text: str, i: int) -> bool:
        return i + 1 < len(text) and text[i + 1].isdigit() and i and text[i - 1].isdigit()
