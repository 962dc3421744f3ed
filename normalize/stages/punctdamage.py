"""Punctuation that machine translation and scraping damage: a full stop in
the middle of a sentence or missing at its end, a dash left after a
quotation's comma, a backtick for an apostrophe, a prefix split from its
capitalised word, a thousands separator in another language's style, a
hyphen standing for a dash."""

from __future__ import annotations

import re

from ..model import Applicability, Document
from ..resources import nonbreaking_prefixes, top_frequencies, word_frequencies, word_list
from ..text import SEARCH_WINDOW
from .anchors import function_words, sentence_openers
from .base import Context, Stage, finding

# a word, a full stop, a space and a lower-case word on the same line
_STOP_LOWER = re.compile(r"(?<![\w.])([^\W\d_]{3,}|\d+)\.([ \t]+)([^\W\d_]+)")
# a capitalised determiner or pronoun after an acronym, mid-line: "CGT and SUD The two unions"
_ACRONYM_THEN_OPENER = re.compile(r"(?<![\w.])([A-Z]{2,6}) ([A-Z][a-z]+) ([a-z][a-z]+)")
# after a quotation's closing mark and comma, a dash before the attribution: `”, – said`
_QUOTE_COMMA_DASH = re.compile(r"([”\"»’])(,)([ \t]*[-–—])(?=[ \t]+[^\W\d_])")
# a backtick, acute accent or prime between two letters standing for an apostrophe
_FAKE_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[`´′](?=[^\W\d_])")
# English prefixes written apart from the capitalised word they attach to: "pro Russian"
_SPLIT_PREFIX = re.compile(r"(?<![\w\-])(pro|anti|non|post|pre|neo|pan|ex|mid)( )([A-Z][a-z]{2,})\b")
# a number with a full stop before exactly three digits: a thousands separator
_DOTTED_THOUSANDS = re.compile(r"(?=[1-9])(?<![\d.,])([1-9]\d{0,2})\.(\d{3})(?![\d.,]\d)(?= ([^\W\d_]+))")
# a hyphen glued to the end of a word and followed by a space and a word: "added- It"
_HYPHEN_DASH = re.compile(r"(?<=[^\W\d_]{2})(-)( )(?=[^\W\d_])")
_LETTERS = re.compile(r"[^\W\d_]+")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}|[a-z])\.\s")
_UNITS = frozenset({"percent", "per", "cent", "pct", "km", "kg", "mm", "cm", "m", "mi", "ml", "mg", "g", "l",
                    "kilometres", "kilometers", "metres", "meters", "miles", "degrees", "points", "point",
                    "seconds", "second", "minutes", "hours", "mph", "kmh", "bn", "mn", "million", "billion",
                    "per cent", "times", "x", "p", "pm", "am", "ghz", "mhz", "kb", "mb", "gb", "tb"})
# words that end the phrase a number is in (a rate of 1.233 which is…): no count
# of things stands before them, as 2.000 stands before `lawyers` or `are`
_CLAUSE_LINKS = frozenset({"which", "that", "while", "whereas", "than", "as", "for", "with", "and", "or", "but",
                           "in", "on", "at", "by", "from", "to", "if", "when", "where", "so"})
# the closed-class words after which a hyphen is suspended, not a dash ("pre- and post-war")
_SUSPENDED = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "и", "или", "bis", "to"})


class PunctuationDamageStage(Stage):
    """Full stops in the wrong place, dashes and apostrophes in the wrong
    glyph, split prefixes and foreign thousands separators."""

    name = "punctuation-damage"
    requires = ("language",)
    rules = ("MTN203", "MTN204", "MTN205", "MTN206", "MTN207", "MTN209", "MTN210")

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        a = ctx.analysis
        out = []
        if ". " in text:
            out.extend(self._stray_stops(text, a, lang, ctx.rule_dirs))
        if lang == "en":
            out.extend(self._missing_stops(text, a, lang, ctx.rule_dirs))
        if lang not in ("ru", "uk") and "," in text:
            for m in _QUOTE_COMMA_DASH.finditer(text):
                q = a.quotes.at(m.start(1))
                if q is None or q.role != "close":
                    continue
                self.stats["dash"] += 1
                out.append(finding("MTN205", m.start(3), m.end(3), f"a dash after the quotation's `{m.group(1)},` "
                                   "(the attribution follows the comma alone)", [""], Applicability.SAFE))
        glyph = None
        for m in (_FAKE_APOSTROPHE.finditer(text) if any(c in text for c in "`´′") else ()):
            if a.is_protected(m.start(), m.end()):
                continue
            self.stats["apostrophe"] += 1
            if glyph is None:   # (the text's own apostrophe, counted once)
                glyph = "’" if text.count("’") >= text.count("'") else "'"
            out.append(finding("MTN206", m.start(), m.end(), f"`{m.group()}` stands for an apostrophe", [glyph],
                               Applicability.SAFE))
        if lang == "en":
            for m in _SPLIT_PREFIX.finditer(text):
                if a.sentence_start(m.start()) and text[m.start()].isupper():
                    continue
                self.stats["prefix"] += 1
                out.append(finding("MTN207", m.start(2), m.end(2), f"the prefix `{m.group(1)}` is written apart "
                                   f"from `{m.group(3)}`", ["-"], Applicability.UNSAFE))
            for m in _DOTTED_THOUSANDS.finditer(text):
                word = m.group(3)
                if not word.islower() or word.lower() in _UNITS or len(word) < 3 or a.is_protected(m.start(), m.end()):
                    continue
                if word in _CLAUSE_LINKS or word.endswith(("ing", "ed")):
                    continue   # a phrase ends at the number: a decimal (a rate of 1.233 which…, 1.414 using)
                self.stats["thousands"] += 1
                out.append(finding("MTN209", m.start(), m.end(), f"`{m.group(1)}.{m.group(2)}` uses a full stop as "
                                   "thousands separator (English writes a comma)",
                                   [f"{m.group(1)},{m.group(2)}"], Applicability.UNSAFE))
        if "- " in text:
            out.extend(self._hyphen_dashes(text, a, lang, ctx.rule_dirs))
        return out

    def _stray_stops(self, text: str, a, lang: str, rule_dirs: tuple[str, ...]):
        """A full stop followed by a lower-case word that does not open
        sentences (`seven others. injured`, `26 million. of voters`): the
        sentence goes on, the full stop is stray. (A lower-case word that
        opens sentences there, `Sunday. the ministry said`, is a lost
        capital: the casing stage's.)"""
        nbp = nonbreaking_prefixes(lang)
        openers = sentence_openers(lang, rule_dirs) | word_list(lang, "determiners.txt", rule_dirs)
        fw = function_words(lang, rule_dirs)
        freqs = word_frequencies(lang)
        for m in _STOP_LOWER.finditer(text):
            left, right = m.group(1), m.group(3)
            if not right.islower() or len(right) < 2 or right in openers:
                continue
            if not left.isdigit() and (left in nbp or left.lower() in nbp or left.isupper()
                                       or left.lower() in word_list("common", "final_abbreviations.txt")):
                continue   # an abbreviation: "approx. three", "No. of", "U.S. officials"
            if left.isdigit() and right not in top_frequencies(lang, 4.0):
                continue   # "5. juni", "10. april": an ordinal's full stop
            if right not in freqs or (not left.isdigit() and left.lower() not in freqs):
                continue
            if a.is_protected(m.start(), m.end()):
                continue
            if self._list_item(text, m.start(), a):
                continue
            self.stats["stray_stop"] += 1
            dot = m.start() + len(left)
            # the fix only where the next word cannot start a sentence: a function
            # word that opens none (`million. of`), an English participle
            # (`others. injured`); before another word a lost capital is as likely
            sure = right in fw or lang == "en" and len(right) >= 5 and right.endswith(("ed", "ing"))
            yield finding("MTN203", dot, dot + 1, f"a full stop inside a sentence: `{left}. {right}`",
                          [""] if sure else [], Applicability.UNSAFE if sure else Applicability.DISPLAY,
                          left=left, right=right)

    @staticmethod
    def _list_item(text: str, pos: int, a) -> bool:
        """Does the line holding ``pos`` start like a numbered item or a heading
        number (`1. `, `a. `)? Their full stops are not sentence ends."""
        s = a.line_bounds(pos)[0]
        return bool(_LIST_ITEM.match(text, s, pos + 1))

    def _missing_stops(self, text: str, a, lang: str, rule_dirs: tuple[str, ...]):
        """A capitalised determiner or pronoun right after an acronym and
        before a lower-case word, mid-line (`CGT and SUD The two unions`): the
        full stop after the acronym went missing (unsafe)."""
        strong = {"the", "he", "she", "it", "they", "we", "this", "these", "there", "his", "her", "their"}
        for m in _ACRONYM_THEN_OPENER.finditer(text):
            word = m.group(2)
            if word.lower() not in strong or a.is_protected(m.start(), m.end()):
                continue
            if self._title_line(text, m.start(), a):
                continue
            self.stats["missing_stop"] += 1
            at = m.start() + len(m.group(1))
            yield finding("MTN204", at, at, f"a sentence seems to end after `{m.group(1)}`: `{word}` opens the next",
                          ["."], Applicability.UNSAFE, left=m.group(1), right=word)

    @staticmethod
    def _title_line(text: str, pos: int, a) -> bool:
        s, e = a.line_bounds(pos)
        # (the words around the candidate on a long line: a paragraph's worth)
        words = _LETTERS.findall(text, max(s, pos - SEARCH_WINDOW), min(e, pos + SEARCH_WINDOW))
        return len(words) < 4 or sum(w[0].isupper() for w in words) > 0.4 * len(words)

    def _hyphen_dashes(self, text: str, a, lang: str, rule_dirs: tuple[str, ...]):
        """A hyphen glued to a word and followed by a space (`added- It was`):
        a dash. Not a suspended hyphen before a conjunction (`pre- and
        post-war`, `Nord- und Südamerika`), nor a word broken at a line end."""
        fw = function_words(lang, rule_dirs)
        freqs = word_frequencies(lang)
        dash = "–" if "–" in text else "—" if "—" in text else "–"   # the text's own dash
        for m in _HYPHEN_DASH.finditer(text):
            nxt = _LETTERS.match(text, m.end())   # (not a slice of the rest: linear in the text)
            right = nxt.group() if nxt else ""
            if right.lower() in _SUSPENDED or right.lower() in fw and right.islower() and right in ("and", "or"):
                continue
            j = m.start()
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            left = text[j:m.start()]
            if j > 0 and text[j - 1] in "-/":
                continue   # inside a longer compound
            if right.islower() and (left + right).lower() in freqs:
                continue   # a word broken across a line: "infor- mation"
            if a.is_protected(j, m.end()):
                continue
            self.stats["hyphen_dash"] += 1
            if lang == "de" and right[:1].isupper():
                # German: as often a compound broken after its hyphen (Warren- Wählerschaft)
                yield finding("MTN210", m.start(), m.end(), f"a hyphen after `{left}` followed by a space: a dash, "
                              "or a compound broken after its hyphen", (), Applicability.DISPLAY)
                continue
            yield finding("MTN210", m.start(), m.end(), f"a hyphen after `{left}` stands for a dash",
                          [f" {dash} "], Applicability.UNSAFE)
