"""Spacing around punctuation and the direction of curly quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Applicability, Document
from ..resources import SUPPORTED_LANGUAGES, nonbreaking_prefixes, top_frequencies, word_frequencies, word_list, zipf
from ..text import LETTER_RE as _LETTER, OPENERS, URLISH_RE
from .anchors import function_words, sentence_openers
from .base import Context, Stage, finding
from .runtogether import COMPOUNDING, glue_words

# word, sentence punctuation (optionally a closing quote or bracket), next letter;
# the word may end a hyphenated one (drought-stricken.Although), not follow a
# hyphen that no letter precedes
_GLUED_RE = re.compile(r"(?<![\w.@/\\:])(?<!(?<![^\W\d_])-)([^\W_]+)([.!?]|[.!?][\"”’»)]|[,;:])(?=[^\W\d_])")
# a number glued to the next sentence or heading ("scopes 1For more", "a
# recall of 0.48With")
_DIGIT_GLUED_RE = re.compile(r"(?<![\w.,:/\-])(\d{1,3}(?:[.,]\d+)?)(?=[A-Z][a-z]{2,}\b)")
_NUMBER_RUN = re.compile(r"[\d.,]")
_NEXT_WORD_RE = re.compile(r"[^\W\d_]+")
# a closing bracket glued to the next word: "(2003)which", "[1]and"
# (one literal each: the engine finds a literal many times faster than a set)
_BRACKET_HINTS = (re.compile(r"\)(?=[^\W\d_])"), re.compile(r"\](?=[^\W\d_])"))
_OPENING = {")": "(", "]": "["}
_CITATION = re.compile(r"[\d,\s\-–]+")
# a number glued to the word after it (0.336population), a word glued to an
# opening parenthesis (styles(Bagga), a colon glued to a web address
_NUMBER_CHARS = frozenset("0123456789.,")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_MULTI_DIGIT = re.compile(r"\d\d+")
NUMBER_WORD_ZIPF = 4.0
NUMBER_GLUE_MARGIN = 2.5   # a count of two digits glued to its noun: the token this much rarer than the noun
WORD_NUMBER_LEN = 4     # a content word glued to the number after it has this many letters or more
NUMBER_FW_LEN = 3       # a function word glued after a number has this many letters or more (0|and; not 3in, 10am)
# (these two start with their literal, which the regex engine finds fast; the
# letter before it is checked in code)
_PAREN_HINT = re.compile(r"\((?=[^\W_])")
_YEAR = re.compile(r"\d{4}[a-z]?")
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
_CAPITALISED = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]")   # Bagga, not X, Y
_COLON_URL = re.compile(r":(?=https?://|www\.)")
_SCHEME = re.compile(r"https?://")
_COLON_CAPITAL = re.compile(r":(?=[^\W\d_a-z][^\W\d_A-Z])")
_COMMA_NUMBER = re.compile(r",(?=\d)")
# a comma after a closing bracket, glued to a word or to a bracket that opens
# (each starts with its literal: the engine finds those fast)
_BRACKET_COMMA = (re.compile(r"\),(?=[^\W\d_]|\()"), re.compile(r"\],(?=[^\W\d_]|\()"))
_ENUMERATOR = re.compile(r"\([^\W_]{1,4}\)")
# a footnote's number glued to the full stop that ends a sentence: "semantic role.2"
_FOOTNOTE = re.compile(r"\.(?=[1-9]\d?(?:[ \t]*(?:\r?\n|\Z)|[ \t]+[^\W\d_]))")
FOOTNOTE_WORD_LEN = 4     # the word before such a number has this many letters or more...
FOOTNOTE_WORD_ZIPF = 3.0  # ...and, when the list knows it, is this common (Russian табл.2, French chap.2 stay)
_HYPHEN_WORD = re.compile(r"-(?=[^\W\d_])")
_NUMBER_THEN = re.compile(r"\d+(?:[.,]\d+)*")
_DIGITS = re.compile(r"\d+")
_LETTERS_AFTER = re.compile(r"[^\W\d_]*")
_SCHEMES = frozenset({"http", "https", "ftp", "file", "mailto", "git", "ssh", "news", "urn"})
BRACKET_SPAN = 80   # the opening bracket is at most this far back, on the same line
_SPACE_BEFORE_RE = re.compile(r"(?<=[^\W_])([ \t]+)([,.;:!?])(?=[\s\"”’»)]|$)")
# l' Union, dell’ Australia: elisions (French, Italian) split from their word
_ELISION_RE = re.compile(
    r"(?<![^\W\d_])((?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Dd]ell|[Nn]ell|[Dd]all|"
    r"[Aa]ll|[Ss]ull|[Uu]n|[Qq]uest|[Qq]uell)['’])( )(?=[aeiouhàâéèêëîïôûœAEIOUHÀÂÉÈÊÎÔÛ])")
_ELISION_LANGS = ("fr", "it")

# Each pattern above starts with a look-behind, which keeps the regex engine
# from skipping ahead: it tries every position of the text. Hints match where
# the pattern's match must end up, and the pattern is then tried only from
# there. A punctuation mark that a letter follows (perhaps after a closing
# quote or bracket: _GLUED_RE) or that a blank precedes (_SPACE_BEFORE_RE),
# in one scan; no mark is a letter, quote or bracket, so the two never overlap.
_MARK_HINT = re.compile(r"[.!?,;:](?:(?=[\"”’»)]?[^\W\d_])|(?<=[ \t][.!?,;:]))")
_AFTER_MARK = re.compile(r"[\"”’»)]?[^\W\d_]")
_ELISION_HINT = re.compile(r"['’] [aeiouhàâéèêëîïôûœAEIOUHÀÂÉÈÊÎÔÛ]")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_BLANK = re.compile(r"[ \t]")
# A digit next to a letter, before or after it: where a number is glued to a
# word either way round (0.336population, of0.978, scopes 1For). One scan for
# the three rules that start there; the digit comes first so that the engine
# scans for digits rather than letters.
_DIGIT_BY_LETTER = re.compile(r"\d(?:(?=[^\W\d_])|(?<=[^\W\d_]\d))")


def _mark_hints(text: str) -> tuple[list[int], list[int]]:
    """From one scan of ``text``: where a mark that a letter follows stands
    (where a _GLUED_RE match ends up), and where a mark after a blank does
    (a _SPACE_BEFORE_RE match)."""
    glued, spaced = [], []
    for m in _MARK_HINT.finditer(text):
        i = m.start()
        if _AFTER_MARK.match(text, i + 1):
            glued.append(i)
        if i and text[i - 1] in " \t":
            spaced.append(i)
    return glued, spaced


class _DigitMarks:
    """The digits of a text that touch a letter, sorted by what touches them."""

    __slots__ = ("before_letter", "before_capital", "after_letter")

    def __init__(self, text: str):
        before, capital, after = [], [], []
        for m in _DIGIT_BY_LETTER.finditer(text):
            i = m.start()
            if _LETTER.match(text, i + 1):
                before.append(i)               # 0.336population (a digit, then a letter)
                if "A" <= text[i + 1] <= "Z":
                    capital.append(i)          # 1For (then an ASCII capital)
            if i and _LETTER.match(text, i - 1):
                after.append(i)                # of0.978 (a letter, then a digit)
        self.before_letter, self.before_capital, self.after_letter = before, capital, after


def hinted_finditer(pattern: re.Pattern, hints: Iterable[int], text: str, shift: int, run: re.Pattern):
    """``pattern.finditer(text)``, for a pattern whose every match starts where
    a run of ``run`` characters starts and ends ``shift`` characters after one
    of the sorted offsets ``hints``: walk back over the run from there and try
    ``pattern`` at its start."""
    done = 0
    for h in hints:
        i = h + shift
        while i > done and run.match(text, i - 1):
            i -= 1
        m = pattern.match(text, i)
        if m is not None:
            yield m
            done = m.end()


LETTER_WORD_ZIPF = 6.0        # a one-letter word this common may open the sentence after a full stop
ACRONYM_OPENER_LEN = (2, 6)   # an acronym this long may open it after a lower-case word
# French (and Swiss/Canadian French) set a space before these; leave them.
_FR_SPACED = ";:!?"


def _smashed(token: str) -> str:
    """``token`` as wordfreq keys it: runs of two or more digits become zeros
    (247sports -> 000sports), so its list can tell a name it knows."""
    return _MULTI_DIGIT.sub(lambda m: "0" * len(m.group()), token)


def _word_start(text: str, end: int, longest: int = 40) -> int:
    """Where the run of letters that ends at ``end`` starts (``end`` when none)."""
    i = end
    while i > 0 and end - i < longest and text[i - 1].isalpha():
        i -= 1
    return i


def _starts_token(text: str, i: int) -> bool:
    """Does a token start at ``i``: at the start of the text, after white
    space or after an opening quote or bracket?"""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in OPENERS


def _runs_on(text: str, end: int) -> bool:
    """Does the token go on at ``end``, with a letter, digit, ``_`` or ``-``?"""
    return bool(_ALNUM.match(text, end)) or text[end:end + 1] in ("_", "-")


def _lone_word_after(left: str, lang: str) -> bool:
    """May a one-letter word follow ``left`` across a glued mark: is
    ``left`` a known lower-case word of four letters or more (or that word
    Capitalised)? Not a letter of a list or a formula (``x,a``, ``np,a``)."""
    return len(left) >= 4 and left[1:].islower() and _known(left.lower(), lang)


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    """Every supported language's nonbreaking prefixes (abbreviations a full
    stop does not end: ``chap``, ``sect``, ``рис``): a number after one is
    its chapter's or figure's, whatever the text's language."""
    return frozenset().union(*(nonbreaking_prefixes(lang) for lang in SUPPORTED_LANGUAGES))


def _capitalised_word(word: str) -> bool:
    """A Capitalised word of three letters or more (not an acronym or a letter)."""
    return len(word) >= 3 and word[0].isupper() and word[1:].islower()


def _known(word: str, lang: str) -> bool:
    """A word the language's frequency list knows (any frequency), or a
    language without a list."""
    freqs = word_frequencies(lang)
    return not freqs or word in freqs


_CREDIT = re.compile(r"[^\W\d_][\w.&/\- ]{0,40}")


def _credit(inside: str) -> bool:
    """Does a parenthesis hold a name, as a dateline's or a photo credit's
    agency (``Reuters``, ``AFP``, ``EFE/dpa``, ``Europa Press``): a few words,
    the first Capitalised or in capitals, no sentence inside?"""
    return bool(_CREDIT.fullmatch(inside)) and inside[:1].isupper() and len(inside.split()) <= 3


class SpacingStage(Stage):
    """Missing space after sentence punctuation; space before punctuation."""

    name = "spacing"
    rules = ("MTN101", "MTN102", "MTN103")

    def _bracket_glue(self, text: str, a, lang: str, openers: frozenset[str], rule_dirs: tuple[str, ...]):
        """A closing bracket glued to the next word: ``(2003)which``,
        ``[1]and``, ``(see below)the``. Only when the brackets hold a number
        or several words (square ones: a citation's numbers), and what follows
        is a common word of the language (three letters and zipf 3, or a
        function word; ``1)rol)osed`` is OCR): ``(s)he``, ``(re)create``,
        ``f(x)dx``, ``(2)nd`` and ``[b2]digital`` stay. A parenthesis that
        holds a name, as a dateline's agency (:func:`_credit`), glued to a
        Capitalised common word or sentence opener too: ``WASHINGTON
        (Reuters)The Senate``, ``MADRID (EFE)El Gobierno`` (clean news in
        ``../shared/data`` never writes a bracket before a capital; a prefix
        in brackets, ``(Re)Think``, stays). Unsafe: a bracket may close a
        formula."""
        for h in (h for hint in _BRACKET_HINTS for h in hint.finditer(text)):
            close = h.start()
            line_start = text.rfind("\n", max(0, close - BRACKET_SPAN), close) + 1
            start = text.rfind(_OPENING[text[close]], max(line_start, close - BRACKET_SPAN), close)
            if start < 0:
                continue
            inside = text[start + 1:close]
            nxt = _NEXT_WORD_RE.match(text, close + 1)
            right = nxt.group()
            after = text[nxt.end():nxt.end() + 1]
            if not inside.strip() or any(c in inside for c in "()[]") or after.isalnum() or after == "_":
                continue
            if right[:1].isupper() and right[1:].islower() and text[close] == ")" and _credit(inside) \
                    and (start == 0 or text[start - 1].isspace()) \
                    and inside.lower() not in word_list(lang, "prefixes.txt", rule_dirs):
                # a dateline's or a credit's agency glued to the sentence it opens:
                # "WASHINGTON (Reuters)The Senate", "MADRID (EFE)El Gobierno"
                if right.lower() not in openers and not (len(right) >= 3 and right.lower() in top_frequencies(lang, 3.0)):
                    continue
            else:
                if not (_DIGIT.search(inside) or " " in inside.strip()):
                    continue
                if text[close] == "]" and not (_CITATION.fullmatch(inside) or " " in inside.strip()):
                    continue   # "[b2]digital": a placeholder before its word, not a citation
                if not right.islower() \
                        or not (len(right) >= 3 and right in top_frequencies(lang, 3.0) or right in openers):
                    continue
            if a.is_protected(start, nxt.end()):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", close + 1, close + 1,
                          f"missing space after `{text[close]}` before `{right}`",
                          [" "], Applicability.UNSAFE, left=text[close], right=right)

    def _bracket_comma(self, text: str, a, lang: str):
        """A comma after a closing bracket, glued to the next word or
        bracket: ``(as we did),or``, ``(37),Серхио``, ``(2001),(2)``. The
        brackets open after a space or where the line starts, so they hold a
        parenthesis, not a function's arguments (``f(x),g(y)``); the word
        after is one the language knows (two letters or more) or a
        Capitalised one, and a bracket after opens an enumerator of up to
        four letters or digits (``(2)``, ``(iii)``; not a tuple,
        ``(1,2),(3,4)``). Clean news in ../shared/data never writes a comma
        so glued. Safe before a word, unsafe before a bracket."""
        for h in (h for hint in _BRACKET_COMMA for h in hint.finditer(text)):
            close = h.start()
            line_start = text.rfind("\n", max(0, close - BRACKET_SPAN), close) + 1
            start = text.rfind(_OPENING[text[close]], max(line_start, close - BRACKET_SPAN), close)
            if start < 0 or start and not (text[start - 1].isspace() or text[start - 1] in OPENERS):
                continue
            at = close + 2
            if text[at] == "(":
                nxt = _ENUMERATOR.match(text, at)
                if nxt is None or _runs_on(text, nxt.end()):
                    continue
                right, safety = nxt.group(), Applicability.UNSAFE
            else:
                nxt = _NEXT_WORD_RE.match(text, at)
                right, safety = nxt.group(), Applicability.SAFE
                if _runs_on(text, nxt.end()) or not (
                        right.islower() and len(right) >= 2 and _known(right, lang) or _capitalised_word(right)):
                    continue
            if a.is_protected(start, nxt.end()):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", at, at, f"missing space after `{text[close:at]}` before `{right}`",
                          [" "], safety, left=text[close:at], right=right)

    def _footnote_glue(self, text: str, a, lang: str):
        """A footnote's number glued to the full stop that ends a sentence,
        before the next sentence or the line's end: ``on the stack.4 The
        result``, ``semantic role.2``. The word before the stop is in lower
        case, FOOTNOTE_WORD_LEN letters or more, no abbreviation of any
        supported language (``chap.2``, ``sect.3``: :func:`_abbreviations`) and, if the list
        knows it, FOOTNOTE_WORD_ZIPF common (``табл.2``, ``chap.2`` stay);
        a version or a section (``v2.1``, ``3.2``) has a digit before the
        stop, and a domain a letter after. Unsafe."""
        freqs = word_frequencies(lang)
        for h in _FOOTNOTE.finditer(text):
            stop = h.start()
            start = _word_start(text, stop)
            left = text[start:stop]
            if len(left) < FOOTNOTE_WORD_LEN or not left.islower() or left in _abbreviations() \
                    or not (start == 0 or text[start - 1].isspace() or text[start - 1] in OPENERS) \
                    or left in freqs and zipf(freqs, left) < FOOTNOTE_WORD_ZIPF:
                continue
            number = _DIGITS.match(text, stop + 1).group()
            end = stop + 1 + len(number)
            j = end
            while j < len(text) and text[j] in " \t":
                j += 1
            nxt = _NEXT_WORD_RE.match(text, j)
            if nxt is not None and not (nxt.group()[:1].isupper() and nxt.group()[1:].islower()) \
                    or a.is_protected(start, end):
                continue   # (the next sentence opens with a Capitalised word)
            self.stats["missing_space"] += 1
            yield finding("MTN101", stop + 1, stop + 1, f"missing space between `{left}.` and the footnote `{number}`",
                          [" "], Applicability.UNSAFE, left=left + ".", right=number)

    @staticmethod
    def _written_glued(number: str, word: str, lang: str) -> bool:
        """Does the word list hold the number and the word as one token
        (keyed as it keys them: digits as 0), a name or a brand written so
        (``4chan``, ``9gag``, ``1password``, ``7eleven``, ``247sports``)?
        Not where the number has two digits and the token is far rarer than
        the word (NUMBER_GLUE_MARGIN in zipf): web text's glue of a count and
        its noun (``25points``, ``30days``, ``24heures``, ``21anni``); brands
        are made with one digit or three (``4chan``, ``247sports``)."""
        freqs = word_frequencies(lang)
        token = _smashed(number + word)
        if token not in freqs:
            return False
        return not (number.isdigit() and len(number) == 2
                    and zipf(freqs, word) - zipf(freqs, token) >= NUMBER_GLUE_MARGIN)

    def _other_glue(self, text: str, a, lang: str, rule_dirs: tuple[str, ...], digits: _DigitMarks):
        """More places a space went missing, all unsafe fixes:

        - a number glued to a common word after it (``0.336population``,
          ``149crude``, or a hyphenated compound's first word: ``2023state-run``,
          ``719money-fx``): the word has four letters or more and zipf 4, so
          units (``5km``), ordinals (``3rd``) and decades (``1990s``) stay,
          as do model names (``A320neo``: a letter before the number), sums
          (``£1.5million``: a currency sign, or a word of ``number_words.txt``,
          which house styles join: Italian ``3mila``); after a year, a function
          word of two letters or more too, however often web text writes the
          pair (``in 2023the``; not ``2023a``, nor units after other numbers,
          ``3in``, ``10am``; German, where ``1990er`` is a word, is left out
          below), and after any number a function word of three letters or
          more, which no unit is (``0and``), tokens wordfreq knows
          (``4chan``, ``247sports``, keyed as it keys them; not a count of
          two digits and its noun, far rarer glued: ``25points``,
          :meth:`_written_glued`) and every such pair in a compounding
          language (German ``10jährige``);
        - a word glued to a parenthesis that opens a citation or a phrase:
          ``styles(Bagga and Baldwin, 1998)``, ``al(1992)``: what the brackets
          hold starts with a Capitalised word or is a year, so ``word(s)``,
          ``f(x)``, ``max(a, b)`` and ``sim(X, Y)`` stay;
        - a colon glued to the web address after it: ``available at:https://``;
        - a common word glued to the web address after it: ``available
          onlinehttp://`` (the word starts its token: the address-like span
          that protects the token begins there too);
        - a number glued by a colon to a Capitalised word: ``Fig.4:Hierarchies``
          (a caption or a list); not a number inside a token (``host:8080:Foo``,
          ``v2:Foo``);
        - a function word glued to the number after it: ``of0.978``, or to an
          ordinal (``ordinal_suffixes.txt``: ``of18th``, which web text writes
          so often that wordfreq holds ``of18``),
          ``desde el2002``, or a common lower-case word of four letters or
          more (``section4.1``, ``avait30``; not in German, which writes
          compounds so): not ``mp3``, ``g7``, tokens wordfreq knows
          (``office365``), a file's or an address's name (``report2.pdf``)
          nor a Capitalised word (``Mazda3``, ``Maroon5``: names);
        - a hyphen that stands for a dash, between a word and a conjunction
          or relative word that opens a clause (``dash_words.txt``: ``IBM-yet
          the audience``, ``recognized here-that choice``): not inside a
          longer compound (``as-of-yet``) or after a function word (``as-yet``);
        - a comma between a word and a number: ``Linguistics,19(1)``,
          ``Baldwin,1998)`` (a word of three letters or more, alone: ``A4,5``
          and ``x,1`` stay, and so does a number that runs on into letters,
          as code does: ``(Syn,8-true)``).
        """
        if lang not in COMPOUNDING:
            common = top_frequencies(lang, NUMBER_WORD_ZIPF)
            numerals = word_list(lang, "number_words.txt", rule_dirs)
            fw = function_words(lang, rule_dirs)
            for h in digits.before_letter:
                start = h
                while start and text[start - 1] in _NUMBER_CHARS:
                    start -= 1
                number = text[start:h + 1]
                if (start and (text[start - 1].isalnum() or text[start - 1] in "_-/:£€$¥₽₹")) \
                        or not _NUMBER.fullmatch(number):
                    continue
                word = _NEXT_WORD_RE.match(text, h + 1).group()
                end = h + 1 + len(word)
                after = text[end:end + 1]
                year_glue = _YEAR_ONLY.fullmatch(number) and len(word) >= 2 and word in fw
                # (a function word of three letters or more is no unit, as `in`, `am` are: 0|and)
                if not (year_glue or len(word) >= 4 and word in common and word not in numerals
                        or len(word) >= NUMBER_FW_LEN and word in fw) \
                        or not word.islower() or not year_glue and self._written_glued(number, word, lang) \
                        or after.isalnum() or after == "_" or after == "-" and not text[end + 1:end + 2].isalpha() \
                        or a.is_protected(start, end):
                    continue
                self.stats["missing_space"] += 1
                yield finding("MTN101", h + 1, h + 1,
                              f"missing space between the number `{number}` and `{word}`",
                              [" "], Applicability.UNSAFE, left=number, right=word)
        for h in _PAREN_HINT.finditer(text):
            open_ = h.start()
            start = _word_start(text, open_)
            if start == open_:
                continue   # no letter before the parenthesis
            close = text.find(")", open_, open_ + BRACKET_SPAN)
            if close < 0:
                continue
            left, inside = text[start:open_], text[open_ + 1:close]
            if not (left.islower() and len(left) >= 2 and _known(left, lang)) \
                    or not _starts_token(text, start) \
                    or any(c in inside for c in "([\n") \
                    or not (_YEAR.fullmatch(inside) or _CAPITALISED.match(inside) and " " in inside) \
                    or a.is_protected(start, close + 1):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", open_, open_, f"missing space between `{left}` and `(`",
                          [" "], Applicability.UNSAFE, left=left, right="(")
        for h in _COLON_URL.finditer(text):
            start = _word_start(text, h.start())
            if start == h.start() or text[start:h.start()].lower() in _SCHEMES \
                    or not _starts_token(text, start):
                continue   # a scheme (http:), or inside an address (example.com/a:https://)
            self.stats["missing_space"] += 1
            yield finding("MTN101", h.end(), h.end(), "missing space between `:` and a web address",
                          [" "], Applicability.UNSAFE, left=":", right=text[h.end():h.end() + 8])
        for h in _SCHEME.finditer(text):
            start = _word_start(text, h.start())
            word = text[start:h.start()]
            if len(word) < 2 or not word.islower() or word not in top_frequencies(lang, 3.0) \
                    or not _starts_token(text, start):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", h.start(), h.start(), f"missing space between `{word}` and a web address",
                          [" "], Applicability.UNSAFE, left=word, right=text[h.start():h.start() + 8])
        for h in _COLON_CAPITAL.finditer(text):
            i = h.start()
            j = i
            while j and text[j - 1].isdigit():
                j -= 1
            right = _NEXT_WORD_RE.match(text, h.end()).group()
            if j == i or not (_starts_token(text, j) or text[j - 1] == ".") \
                    or len(right) < 2 or not right[1:].islower() \
                    or _ALNUM.match(text, h.end() + len(right)) or not _known(right.lower(), lang) \
                    or a.is_protected(i - 1, h.end() + len(right)):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", h.end(), h.end(), f"missing space after `:` before `{right}`",
                          [" "], Applicability.UNSAFE, left=text[i - 1:i + 1], right=right)
        fw = function_words(lang, rule_dirs)
        ordinals = word_list(lang, "ordinal_suffixes.txt", rule_dirs)
        for h in digits.after_letter:
            start = _word_start(text, h)
            word = text[start:h]
            number = _NUMBER_THEN.match(text, h).group()
            end = h + len(number)
            if ordinals and word in fw and number.isdigit():
                suffix = _LETTERS_AFTER.match(text, end).group()
                if suffix.lower() in ordinals and not _runs_on(text, end + len(suffix)):
                    end += len(suffix)   # a function word glued to an ordinal: of|18th
            if len(word) < 2 or not (word in fw or lang not in COMPOUNDING and len(word) >= WORD_NUMBER_LEN
                                     and word.islower() and word in top_frequencies(lang, NUMBER_WORD_ZIPF)) \
                    or not _starts_token(text, start) \
                    or _runs_on(text, end) or text[end:end + 1] in (".", "/", "@") and _ALNUM.match(text, end + 1) \
                    or _smashed(text[start:end].lower()) in word_frequencies(lang) or a.is_protected(start, end):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", h, h,
                          f"missing space between `{word}` and the number `{number}`",
                          [" "], Applicability.UNSAFE, left=word, right=number)
        dash_words = word_list(lang, "dash_words.txt", rule_dirs)
        closed = glue_words(lang, rule_dirs)
        for h in _HYPHEN_WORD.finditer(text) if dash_words else ():
            start = _word_start(text, h.start())
            right = _NEXT_WORD_RE.match(text, h.end()).group()
            end = h.end() + len(right)
            if right not in dash_words or h.start() - start < 2 or text[start:h.start()].lower() in closed \
                    or not _starts_token(text, start) \
                    or _runs_on(text, end) or a.is_protected(start, end):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", h.start(), h.end(), f"a hyphen stands for a dash before `{right}`",
                          [" - "], Applicability.UNSAFE, left=text[start:h.start()], right=right)
        for h in _COMMA_NUMBER.finditer(text):
            start = _word_start(text, h.start())
            number = _DIGITS.match(text, h.end()).group()
            end = h.end() + len(number)
            after = text[end:end + 2]
            if h.start() - start < 3 or not _starts_token(text, start) \
                    or after[:1].isalpha() or after[:1] == "_" or after[:1] == "-" and after[1:].isalpha() \
                    or a.is_protected(start, end):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", h.end(), h.end(), f"missing space after `,` before `{number}`",
                          [" "], Applicability.UNSAFE, left=text[start:h.start()], right=number)

    def _after_address(self, text: str, a):
        """A web address or domain that ends a sentence glued to the next one:
        ``writes Gazeta.ua.Мирное`` (the address pattern stops at its domain,
        and a full stop then a Capitalised word follows)."""
        for s, e in a.protected:
            if text[e:e + 1] != ".":
                continue
            word = _NEXT_WORD_RE.match(text, e + 1)
            if word is None or len(word.group()) < 2 or not word.group()[0].isupper() \
                    or not word.group()[1:].islower():
                continue
            if not URLISH_RE.fullmatch(text, s, e):
                continue
            self.stats["missing_space"] += 1
            yield finding("MTN101", e + 1, e + 1, "missing space after the full stop that ends a sentence "
                          "after a web address", [" "], Applicability.SAFE, left=text[s:e])

    @staticmethod
    def _dotted_counter(text: str, glued: list[int]):
        """A function that says how often ``text`` writes a dotted form
        (``Arch.Design``) as a word glued to a word by a full stop, counting them
        all in one pass over the marks the first time it is asked."""
        counts: dict[str, int] | None = None

        def count(form: str) -> int:
            nonlocal counts
            if counts is None:
                counts = {}
                for m in hinted_finditer(_GLUED_RE, glued, text, 0, _ALNUM):
                    if m.group(2) == ".":
                        key = f"{m.group(1)}.{_NEXT_WORD_RE.match(text, m.end()).group()}"
                        counts[key] = counts.get(key, 0) + 1
            return counts.get(form, 0)
        return count

    @staticmethod
    def _opens(a, pos: int) -> bool:
        """Does the quotation mark at ``pos`` open a quotation (by the pass's pairing)?"""
        m = a.quotes.at(pos)
        return m is not None and m.role == "open"

    def process(self, doc: Document, ctx: Context):
        text, a = doc.text, ctx.analysis
        lang = doc.language or "en"
        nbp = nonbreaking_prefixes(lang)
        openers = function_words(lang, ctx.rule_dirs) | sentence_openers(lang, ctx.rule_dirs)
        out = []
        glued, spaced = _mark_hints(text)
        dotted = self._dotted_counter(text, glued)
        for m in hinted_finditer(_GLUED_RE, glued, text, 0, _ALNUM):
            left, punct = m.group(1), m.group(2)
            nxt = _NEXT_WORD_RE.match(text, m.end())
            right = nxt.group()
            tail = text[nxt.end():nxt.end() + 2]
            if a.is_protected(m.start(), nxt.end()):
                continue
            # "since 2019,which": a year, a comma, then a function word
            year_comma = punct == "," and _YEAR_ONLY.fullmatch(left) and right.islower() \
                and len(right) >= 2 and right in openers
            if not left.isalpha():
                # "day 0.She": a number ends the sentence only before a word that
                # opens one (never "v2.Net", "Fig.2", "3.5"); a list's number that
                # starts its line before a Capitalised word the language knows
                # ("4.Means", "1.Introduction") is followed by a space
                list_number = punct == "." and left.isdigit() and len(left) <= 2 \
                    and not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip() \
                    and len(right) >= 3 and right[0].isupper() and right[1:].islower() and _known(right.lower(), lang)
                if not (left.isdigit() and punct == "." and right.lower() in openers
                        and right[0].isupper() and len(right) >= 2) and not year_comma and not list_number:
                    continue
            elif len(left) < 2:
                continue
            if left in nbp and not (punct == "." and left[0].isupper() and right[0].isupper()
                                    and right[1:].islower()):
                continue   # "e.g.the" is ambiguous; "Sen.Chris" is a title before a name
            if tail[:1] in ".:" and tail[1:2].isalpha():   # a.b.c, a:b:c: a domain, a path, a namespace
                continue
            if punct in ",;":
                # both sides words of the language: "hi,ghlighted" and "np,pp" are
                # broken words and code, not a lost space; a word of one or two
                # letters must be a function word ("np,pp,vp" and "Esl,ca" are lists)
                # (a left word no list knows, a name or a typo, before a function
                # word: "Zaluzhnyi,and", "Legaue,and")
                # (a one-letter function word after a known word: "Therefore,a";
                # a Capitalised word after a word: "Nashville,Tennessee", "Jácome,Secretary")
                ok = (right.islower() and len(right) >= 2 and _known(right.lower(), lang)
                      and (_known(left.lower(), lang) or len(left) >= 4 and right in openers)
                      and all(len(w) >= 3 or w.lower() in openers for w in (left, right))) \
                    or len(right) == 1 and right.lower() in openers and _lone_word_after(left, lang) \
                    or punct == "," and _capitalised_word(right) and len(left) >= 3 and left[1:].islower() \
                    or punct == "," and _capitalised_word(left) and len(right) == 1 and right.isupper() \
                    and tail[:1] in ".," and not tail[1:2].isalnum() \
                    or year_comma
            elif punct == ":":
                ok = right[0].isupper() and len(right) >= 2 and right[1:].islower() \
                    or len(right) == 1 and right.isupper() and right.lower() in openers and _lone_word_after(left, lang)
            else:
                # the next word must look like a sentence start: Capitalised, not ALLCAPS
                # a one-letter word only when it is a function word ("tedesco.I due")
                # (or a capital elided before the next word: `prochaine.L’ouragan`, `contrôle.C’est`,
                # or a one-letter word the language writes very often: Portuguese `disse.É`;
                # not an initial, `WashingtonD.C.`)
                long_enough = len(right) >= 2 or right.lower() in openers \
                    or right.isupper() and tail[:1] in "'’" and tail[1:2].isalpha() \
                    or tail[:1] not in ".'’" and zipf(word_frequencies(lang), right.lower()) >= LETTER_WORD_ZIPF
                ok = (right[0].isupper() and long_enough and (len(right) == 1 or right[1:].islower())
                      and not left.isupper() or (left.isupper() and len(left) >= 2
                                                 and right[0].isupper() and right[1:].islower())
                      # an acronym opening the next sentence after a word: `said.ABC was`
                      or left.islower() and len(left) >= 3 and _known(left, lang) and right.isupper()
                      and ACRONYM_OPENER_LEN[0] <= len(right) <= ACRONYM_OPENER_LEN[1] and not tail[:1].isalnum())
            if ok and punct[0] == "." and left[0].isupper() and left not in nbp \
                    and right.lower() not in openers and (left.isascii() or right.isascii()) \
                    and (right.lower() in word_list("common", "web_suffixes.txt", ctx.rule_dirs)
                         or not _known(right.lower(), lang) or dotted(f"{left}.{right}") > 1):
                ok = False   # "Gazeta.Ru", "Arch.Design": a site's name (a web address's ending
                # after the dot, the dotted form written again, or no word after it), unless "Beach.This";
                # "Othello.Posteriormente", German "Bücher.Dabei" end a sentence
                # (or two words of a script dotted names are not written in: "России.Россияне")
            if not ok:
                continue
            at = m.end()
            if len(punct) == 2 and punct[1] in "\"”’»" and self._opens(a, m.end() - 1):
                at -= 1   # `president."After`: the mark opens the next sentence's quotation
            self.stats["missing_space"] += 1
            out.append(finding("MTN101", at, at,
                               f"missing space after `{punct}` between `{left}` and `{right}`",
                               [" "], Applicability.SAFE, left=left, right=right))
        out.extend(self._after_address(text, a))
        out.extend(self._bracket_glue(text, a, lang, openers, ctx.rule_dirs))
        out.extend(self._bracket_comma(text, a, lang))
        out.extend(self._footnote_glue(text, a, lang))
        digits = _DigitMarks(text)
        out.extend(self._other_glue(text, a, lang, ctx.rule_dirs, digits))
        for m in hinted_finditer(_DIGIT_GLUED_RE, digits.before_capital, text, 1, _NUMBER_RUN):
            if a.is_protected(m.start(), m.end() + 1):
                continue
            nxt = _NEXT_WORD_RE.match(text, m.end())
            word = nxt.group() if nxt else ""
            if word.lower() not in openers and not (
                    not m.group().isdigit() and len(word) >= 4
                    and word.lower() in top_frequencies(lang, NUMBER_WORD_ZIPF)
                    and _smashed((m.group() + word).lower()) not in word_frequencies(lang)):
                # units and names glued to whole numbers are written so (500Mbps,
                # 3Com, 4Kids); a decimal glued to a common word is a table cell
                # run into the next line (0.946Table)
                continue
            self.stats["missing_space"] += 1
            out.append(finding("MTN101", m.end(), m.end(),
                               f"missing space between the number `{m.group()}` and the next word",
                               [" "], Applicability.UNSAFE))
        if lang in _ELISION_LANGS:
            for m in hinted_finditer(_ELISION_RE, (h.start() for h in _ELISION_HINT.finditer(text)), text, 0, _LETTER):
                self.stats["elision"] += 1
                out.append(finding("MTN103", m.start(2), m.end(2),
                                   f"space after the elision `{m.group(1)}`", [""], Applicability.SAFE))
        for m in hinted_finditer(_SPACE_BEFORE_RE, spaced, text, 0, _BLANK):
            punct = m.group(2)
            if lang == "fr" and punct in _FR_SPACED:
                continue
            s, e = m.span(1)
            if a.is_protected(s, e + 1) or a.is_protected(s - 1, s) and punct != ".":
                continue   # (a full stop after a domain, "brand-feuer.de .", ends the sentence)
            if punct == ":" and text[e + 1:e + 2] in ")(/":   # emoticons, URLs
                continue
            self.stats["space_before"] += 1
            out.append(finding("MTN102", s, e, f"space before `{punct}`", [""], Applicability.SAFE))
        return out


# after a letter: ",," ";;" (or longer) and ",." before a space, a closing mark or
# the end; ".." (exactly two) before a space and a word, which must be
# capitalised: elsewhere two dots are as often an informal ellipsis ("well..
# maybe", "hmm..")
_DOUBLED_RE = re.compile(r"(?<=[^\W\d_])(?:(?:(,){2,}|(;){2,}|,(\.))(?=[\s\"”’»)]|$)"
                         r"|(\.)\.(?=[ \t]+[\"“«„‘]?([^\W\d_])))")


# a sentence's full stop written again after its closing quotation mark or
# bracket (`vote.”.`, `transfugismo.”.`), or again after a space at a paragraph's
# end (`manipulations ». .`, `treinamento. .`)
# (a question or exclamation mark inside is not doubled by the full stop after:
# Russian writes «…?». by rule)
_AGAIN_AFTER_CLOSE_RE = re.compile(r"(?<=[^\W\d_])(\.)([”\"»’)]{1,2})(\.)(?![.\w])")
_SPACED_AGAIN_RE = re.compile(r"(?<=[^\W\d_]|[”\"»’)])([.!?]) (\.)(?=[ \t]*(?:\n|$))")
# a full stop before a closing quotation mark that a comma follows (`filmato.",
# dice`): the comma ends the quoted sentence
_STOP_BEFORE_COMMA_RE = re.compile(r"(?<=[^\W\d_])\.(?=[”\"»’] ?,)")


class DoubledPunctuationStage(Stage):
    """``said.. The`` -> ``said. The``; ``words,, and`` -> ``words, and``;
    ``vote.”.`` -> ``vote.”``; ``manipulations ». .`` -> ``manipulations ».``;
    ``filmato.", dice`` -> ``filmato", dice``."""

    name = "punctuation"
    rules = ("MTN202",)

    def process(self, doc: Document, ctx: Context):
        text, a = doc.text, ctx.analysis
        out = list(self._around_quotes(text, a, doc.language or "en"))
        if ",," not in text and ";;" not in text and ".." not in text and ",." not in text:
            return out
        for m in _DOUBLED_RE.finditer(text):
            if a.is_protected(m.start() - 1, m.end()):
                continue
            if m.group(4) and not m.group(5).isupper():
                continue
            keep = next(g for g in m.groups()[:4] if g)
            self.stats["doubled"] += 1
            out.append(finding("MTN202", m.start(), m.end(), f"`{m.group()}` should be `{keep}`", [keep],
                               Applicability.SAFE, mark=keep))
        return out

    def _around_quotes(self, text: str, a, lang: str):
        if "." not in text:
            return
        nbp = nonbreaking_prefixes(lang)
        for m in _AGAIN_AFTER_CLOSE_RE.finditer(text):
            closers = m.group(2)
            if '"' in closers:
                q = a.quotes.at(m.start(2) + closers.index('"'))
                if q is None or q.role != "close":
                    continue
            if a.is_protected(m.start(), m.end()) or self._abbreviation(text, m.start(1), nbp):
                continue
            self.stats["doubled"] += 1
            # inside a bracket the full stop is as often an abbreviation's the
            # language's list lacks (`coats, etc.).`): unsafe there
            yield finding("MTN202", m.start(3), m.end(3), f"the sentence ends twice: `{m.group()}`", [""],
                          Applicability.UNSAFE if ")" in closers else Applicability.SAFE, mark=m.group(1))
        if " ." in text:
            for m in _SPACED_AGAIN_RE.finditer(text):
                if a.is_protected(m.start(), m.end()):
                    continue
                self.stats["doubled"] += 1
                yield finding("MTN202", m.start(1) + 1, m.end(2), f"the sentence ends twice: `{m.group()}`", [""],
                              Applicability.SAFE, mark=m.group(1))
        for m in _STOP_BEFORE_COMMA_RE.finditer(text):
            q = a.quotes.at(m.end())
            if q is None or q.role != "close" or self._abbreviation(text, m.start(), nbp) \
                    or a.is_protected(m.start(), m.end() + 1):
                continue
            self.stats["doubled"] += 1
            yield finding("MTN202", m.start(), m.end(), "a full stop before the comma that ends the quotation",
                          [""], Applicability.UNSAFE, mark=".")

    @staticmethod
    def _abbreviation(text: str, dot: int, nbp: frozenset[str]) -> bool:
        """Is the full stop at ``dot`` an abbreviation's (`U.S.`, `Inc.`, `Jr.`)?"""
        j = dot
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        word = text[j:dot]
        return "." in word or len(word) == 1 or word in nbp or word.isupper() and len(word) <= 3


# quote styles: (opening, closing) pairs each language uses
QUOTE_STYLES = {
    "en": [("“", "”"), ("‘", "’")],
    "es": [("“", "”"), ("‘", "’"), ("«", "»")],
    "pt": [("“", "”"), ("‘", "’"), ("«", "»")],
    "it": [("“", "”"), ("‘", "’"), ("«", "»")],
    "fr": [("“", "”"), ("‘", "’"), ("«", "»")],
    "de": [("„", "“"), ("‚", "‘")],
    "ru": [("«", "»"), ("„", "“")],
}
_CLOSERS_AFTER = set(".,;:!?)]}…") | {"»", "”", "’", "\"", "'"}
_INSIDE_SPACES = (" ", "\u00a0", "\u202f")
_OPENERS_BEFORE = set("([{—–-/") | {"«", "“", "‘", "„", "\"", "'"}


def _offsets(text: str, ch: str):
    """The offsets of ``ch`` in ``text`` (a search for one character is far
    quicker than a regex's scan)."""
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def _position(text: str, i: int) -> str:
    """'open', 'close' or '' (ambiguous) for the quote at ``i``."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    # note: '' in "abc" is True in Python, so every membership test needs a character
    left_open = prev == "" or prev.isspace() or prev in _OPENERS_BEFORE
    left_closed = prev != "" and (prev.isalnum() or prev in ".,!?…)%")
    right_open = nxt != "" and (nxt.isalnum() or nxt in "(¿¡…")
    right_closed = nxt == "" or nxt.isspace() or nxt in _CLOSERS_AFTER
    if left_open and right_open:
        return "open"
    if left_closed and right_closed:
        return "close"
    if left_closed and right_open and prev.isalpha() and nxt.isalpha():
        return "inner"
    return ""


class QuoteStage(Stage):
    """Curly quotes facing the wrong way for their position and language."""

    name = "quotes"
    rules = ("MTN201",)

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        styles = QUOTE_STYLES.get(lang, QUOTE_STYLES["en"])
        out = []
        # Only pairs whose two glyphs differ from each other's role in the style
        # can be judged: in English “ opens and ” closes.
        for opening, closing in styles:
            if opening in ("„", "‚"):
                # German/Russian low-high style: “ closes; a closing-position
                # „ is the clear error.
                for i in _offsets(text, opening):
                    if _position(text, i) == "close":
                        out.append(self._fix(i, opening, closing, "closing"))
                continue
            # a ’ in an opening position is an apostrophe (’90s, ’tis): where it
            # is the closing glyph, only the opening one is looked for
            glyphs = (opening,) if closing == "’" else (opening, closing)
            for i in sorted(i for ch in glyphs for i in _offsets(text, ch)):
                ch = text[i]
                if ch == "«" and text[i + 1:i + 2] in _INSIDE_SPACES \
                        or ch == "»" and i and text[i - 1] in _INSIDE_SPACES:
                    continue   # spaced inside as French spaces them: `qu'il« se` lacks a space, not a glyph
                pos = _position(text, i)
                if ch == opening and pos == "close":
                    out.append(self._fix(i, ch, closing, "closing"))
                elif ch == opening == "‘" and pos == "inner":
                    out.append(self._fix(i, ch, closing, "apostrophe"))
                elif ch == closing and pos == "open" and closing != "’":
                    # ’ opens legitimately as an apostrophe: ’90s, ’tis
                    out.append(self._fix(i, ch, opening, "opening"))
        return out

    def _fix(self, i: int, bad: str, good: str, role: str):
        self.stats["quotes"] += 1
        return finding("MTN201", i, i + 1, f"`{bad}` in {role} position should be `{good}`",
                       [good], Applicability.SAFE)
