"""Glue that needs the document or a pattern rather than word frequencies (MTN401).

The run-together stage decides each word form alone, from word frequencies.
These shapes need more:

- a name the document writes on its own, glued to a function word of the
  language, either way round (`Jorge Álvarez Máyneza young` where the text
  writes `Máynez`: `Máynez a`), or to a verb of saying after it (`Zaevsaid`);
- a year glued to a Capitalised word the language knows, an agency's name
  among them (`2023Reuters`); not units, models and names written so (`5G`,
  `3D`, `500Mbps`, `4Kids`, `247Sports`: no year, or a token the word list
  knows);
- a number of one to three digits glued to a Capitalised common word, a
  list's, heading's or footnote's number run into the text (`2Note that`,
  `1Introduction`); not brands the word list knows (`4Runner`);
- a function word glued to a year (`in2023`, `desde2019`); not a name or
  a code written so (`Vision2030`, `Win2000`);
- a month's name glued to a day or a year, either way round (`September30`,
  `30September`, `mayo2024`), where a date element or a link ended;
- a paragraph's first word with a capital letter glued before it, the drop
  capital of a page's first letter (`JAhora se pone serio`): the letter
  removed (unsafe), or, when the letter is a word of the language (English
  `I`, Spanish `Y`), flagged with the word without it as the suggestion;
- an agency's editors' initials glued after a story's last full stop
  (`en zonas rurales./sam/DP/mis`): removed (unsafe).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..resources import word_frequencies, word_list, zipf
from .anchors import function_words
from .base import Context, Stage, finding
from .punctuation import _NEXT_WORD_RE, _smashed
from .runtogether import (CASE_NAMES, COMPOUNDING, INFLECTING_NAMES, _a_slip, _known_anywhere, _large_town, _rejoin,
                          _town_or_given_name, function_bigrams, glue_words, name_derivation, named_anywhere)

_NUMBER_WORD = re.compile(r"(?<![\w.,/\-])((?:19|20)\d\d)([A-Z][a-z]{3,})\b")
_COUNT_WORD = re.compile(r"(?<![\w.,/\-£€$¥₽₹#+])(\d{1,3})([^\W\d_][^\W\d_]{3,})(?![\w\-.@/])")
_WORD_YEAR = re.compile(r"(?<![\w.,/\-#@])([^\W\d_]{2,})((?:19|20)\d\d)(?![\w\-])")
_DROP_CAP = re.compile(r"(?m)^[ \t]*([A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄÖÜÇÑ])([A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄÖÜÇÑ][a-zá-ÿ]{2,})\b")
_SIGN_OFF = re.compile(r"(?<=[^\W\d_][.!?])((?:/[A-Za-z]{1,5}){2,})[ \t]*(?=\n|$)")


_DIGIT = re.compile(r"\d")
COUNT_WORD_ZIPF = 3.5   # a Capitalised word glued after a small number is at least this common
NAME_GLUE_TAIL = 8   # a function word glued to a name the document writes has at most this many letters
NAME_WORD_ZIPF = 4.0   # a content word glued to such a name is at least this common
COMMON_HEAD_ZIPF = 3.5   # a name's head this common as a word must be written on its own somewhere
_DOMAIN_TAIL = re.compile(r"\.[^\W\d_]")
_OPEN_QUOTES = "\"“„«‘'‹‚"
_CLOSE_QUOTES = "\"”»’'›“"


@lru_cache(maxsize=None)
def _month_glue(lang: str, rule_dirs: tuple[str, ...] = ()) -> re.Pattern | None:
    """A month of ``months.txt`` (lower case or capitalised; not an
    abbreviation) glued to a day
    (1-2 digits) or a year (4 digits) after it, or to a day before it."""
    listed = set(word_list(lang, "months.txt", rule_dirs))
    # (not an abbreviation, the start of a longer name: `Mar3` may be a code)
    months = {m for m in listed if not any(o != m and o.startswith(m) for o in listed)}
    if not months:
        return None
    alt = "|".join(sorted({m for m in months} | {m[:1].upper() + m[1:] for m in months}, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,/\-])(?:(?P<m1>{alt})(?P<n1>\d{{1,2}}|(?:1[89]|20)\d\d)"
                      rf"|(?P<n2>\d{{1,2}})(?P<m2>{alt}))(?![\w\-])")


class GlueStage(Stage):
    """Words and marks glued where the document or a pattern shows it."""

    name = "glue"
    requires = ("language",)
    rules = ("MTN401",)

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        a = ctx.analysis
        out = []
        freqs = word_frequencies(lang)
        if not freqs or not a.tokens:
            return out
        out.extend(self._name_glue(a, lang, freqs, ctx.rule_dirs))
        if _DIGIT.search(text):
            for m in _NUMBER_WORD.finditer(text):
                word = m.group(2)
                low = word.lower()
                if zipf(freqs, low) < 3.0 and low not in casing_lexicon(lang, ctx.rule_dirs).single:
                    continue
                if _smashed((m.group(1) + low)) in freqs or a.is_protected(m.start(), m.end()):
                    continue   # a name written so (247Sports)
                self.stats["number"] += 1
                out.append(finding("MTN401", m.start(2), m.start(2), f"`{m.group()}`: a number glued to "
                                   f"`{word}`", [" "], Applicability.UNSAFE, parts=[m.group(1), word]))
            out.extend(self._count_glue(text, a, lang, freqs, ctx.rule_dirs))
            out.extend(self._month_glue(text, a, lang, ctx.rule_dirs))
            fw = function_words(lang, ctx.rule_dirs)
            for m in _WORD_YEAR.finditer(text):
                # a preposition glued to a year where a link began (`in2023`,
                # `desde2019`); not a name or a code written so (Vision2030, Win2000)
                if m.group(1).lower() not in fw or a.is_protected(m.start(), m.end()):
                    continue
                self.stats["word_year"] += 1
                out.append(finding("MTN401", m.start(2), m.start(2), f"`{m.group()}`: `{m.group(1)}` glued to "
                                   f"a year", [" "], Applicability.UNSAFE, parts=[m.group(1), m.group(2)]))
        for m in _DROP_CAP.finditer(text):
            word = m.group(2)
            if zipf(freqs, word.lower()) < 3.0 or (m.group(1) + word).lower() in freqs \
                    or a.is_protected(m.start(1), m.end()):
                continue
            self.stats["drop_cap"] += 1
            # a letter that is no word of the language goes (unsafe); one that
            # is (English I and A, Spanish y, o, a) may be the text's own: a suggestion
            letter = m.group(1).lower()
            own_word = letter in function_words(lang, ctx.rule_dirs)
            out.append(finding("MTN401", m.start(1), m.end(), f"`{m.group(1)}` glued before `{word}` (a drop "
                               "capital?)", [word, f"{m.group(1)} {word}"],
                               Applicability.DISPLAY if own_word else Applicability.UNSAFE))
        if "/" in text:
            for m in _SIGN_OFF.finditer(text):
                if a.is_protected(m.start(1), m.end(1)):
                    continue
                self.stats["sign_off"] += 1
                out.append(finding("MTN401", m.start(1), m.end(1), f"`{m.group(1)}`: editors' initials glued after "
                                   "the story's end", [""], Applicability.UNSAFE))
        return out

    def _count_glue(self, text: str, a, lang: str, freqs, rule_dirs):
        """A number of one to three digits glued to a Capitalised common word
        after it: a list's or a heading's number, or a footnote's, run into
        the text (`2Note that`, `1Introduction`, `11Lacking from`). The word
        has four letters or more, zipf COUNT_WORD_ZIPF, and is no number word
        (`5Million`); not after a currency sign, a letter or a hyphen, nor
        before another letter, a hyphen or a dot (`A320Neo`, `3Raum-Wohnung`,
        `2Day.fm`), nor a token the word list knows (`4Runner`, `1Password`,
        `4Kids`: brands written so). Unsafe: a name may still be written so."""
        numerals = word_list(lang, "number_words.txt", rule_dirs)
        for m in _COUNT_WORD.finditer(text):
            number, word = m.group(1), m.group(2)
            low = word.lower()
            if not (word[0].isupper() and word[1:].islower()) or zipf(freqs, low) < COUNT_WORD_ZIPF \
                    or low in numerals or _smashed(number + low) in freqs or a.is_protected(m.start(), m.end()):
                continue
            self.stats["count"] += 1
            yield finding("MTN401", m.start(2), m.start(2), f"`{m.group()}`: a number glued to `{word}`",
                          [" "], Applicability.UNSAFE, parts=[number, word])

    def _month_glue(self, text: str, a, lang: str, rule_dirs):
        """`September30`, `30September`: a day of 1 to 31 or a year of
        1800-2099 glued to a month's name (no clean news writes one)."""
        rx = _month_glue(lang, rule_dirs)
        if rx is None:
            return
        for m in rx.finditer(text):
            number = m.group("n1") or m.group("n2")
            if len(number) <= 2 and not 1 <= int(number) <= 31:
                continue
            if a.is_protected(m.start(), m.end()):
                continue
            cut = m.start("n1") if m.group("n1") else m.start("m2")
            self.stats["month"] += 1
            yield finding("MTN401", cut, cut, f"`{m.group()}`: a month and a number glued", [" "],
                          Applicability.UNSAFE, parts=[text[m.start():cut], text[cut:m.end()]])

    @staticmethod
    def _name_and_word(part: str, is_name, lang: str, freqs, rule_dirs):
        """``part`` (written once) as a name (``is_name(head)``, four letters
        or more, as written) and a common lower-case word (NAME_WORD_ZIPF,
        three letters or more): `Trumplast`, `Chelseafaces`, `Kimréclame`,
        `Barcelonatuvo`. One cut only; not a name and a suffix
        (`name_derivation`), nor an ending of the language's; where every case
        ending starts with a vowel (Russian), a word that starts with a
        consonant (`Уэстпродолжает`, not `Уэстом`)."""
        endings = word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs)
        cuts = [(part[:k], part[k:]) for k in range(4, len(part) - 2)
                if zipf(freqs, part[k:]) >= NAME_WORD_ZIPF
                and part[k:] not in endings and not name_derivation(part[:k], part[k:])
                and part[k] not in CASE_NAMES.get(lang, "") and is_name(part[:k])]
        return cuts[0] if len(cuts) == 1 else None

    @classmethod
    def _place_and_word(cls, part: str, lang: str, freqs, rule_dirs):
        """``part`` (written once, a token no language's word list knows) as
        a name of the casing lexicon that is safe to recase (a place of the
        gazetteer, a country, a known organisation or person: ``safe``,
        ``locative``; or a city of LARGE_TOWN people whose name is also a
        word) and a common lower-case word, a verb or an adverb where the
        link around the name ended: `Barcelonatuvo`, `Marseilleannonce`,
        `Milanoieri` (:meth:`_name_and_word`'s cut). The word no name of the
        lexicon, the token no town nor given name, no slip of a frequent
        word."""
        lexicon = casing_lexicon(lang, rule_dirs).single
        low = part.lower()
        if low in lexicon or _known_anywhere(low) or _town_or_given_name(low, rule_dirs):
            return None

        def is_place(head: str) -> bool:
            canonical, kind = lexicon.get(head.lower(), ("", ""))
            return canonical == head and part[len(head):] not in lexicon and (
                kind in ("safe", "locative") or kind == "context" and _large_town(head.lower()))

        cut = cls._name_and_word(part, is_place, lang, freqs, rule_dirs)
        if cut is None or _a_slip(low, zipf(freqs, cut[0].lower()) + zipf(freqs, cut[1]) - 18, lang):
            return None
        return cut

    @staticmethod
    def _no_name_ending(word: str, lang: str, rule_dirs) -> bool:
        """Can ``word`` not be a case ending of a name in ``lang``?"""
        return word not in word_list(lang, "endings.txt", rule_dirs) and word[:1] not in CASE_NAMES.get(lang, "")

    @staticmethod
    def _name_before(names, i: int) -> str:
        """The Capitalised word or initial right before word ``i`` where no
        sentence starts (a given name: `Richard` in `Richard Dicket`), or ''."""
        if i == 0 or not names.cap[i - 1] or names.start[i - 1] or names.gap(i - 1, i) not in (" ", ". "):
            return ""
        return names.parts[i - 1]

    @staticmethod
    def _quoted_alone(text: str, start: int, end: int) -> bool:
        """Is ``text[start:end]`` all a quotation holds (`"Zlatandependencia"`)?"""
        return start > 0 and end < len(text) and text[start - 1] in _OPEN_QUOTES and text[end] in _CLOSE_QUOTES

    @staticmethod
    def _next_word(text: str, end: int) -> str | None:
        """The word one space after ``end`` (lower case), or None when a
        stop, a comma or a line's end comes first."""
        if text[end:end + 1] != " ":
            return None
        m = _NEXT_WORD_RE.match(text, end + 1)
        return m.group().lower() if m else None

    @staticmethod
    def _goes_on(tail: str, nxt: str | None, lang: str, rule_dirs) -> bool:
        """Does a function word ``tail`` glued to a name go on into its clause
        with the word after it (`Americaa lancé`)? Before a stop or a comma
        the tail is the name's own ending (a Czech or Russian genitive left in
        the text: `Pikora.`, `Berbra,`), and so is a one-letter tail (a vowel,
        as those endings are) before a function word clean news never writes
        after it (`Niko Kovaca should`: `a should`)."""
        if nxt is None:
            return False
        return len(tail) > 1 or nxt not in glue_words(lang, rule_dirs) or (tail, nxt) in function_bigrams(lang, rule_dirs)

    @staticmethod
    def _only_in_names(names, head: str, freqs) -> bool:
        """Is ``head`` a common word (zipf COMMON_HEAD_ZIPF) that the text
        Capitalises only before another Capitalised word, inside a longer
        name (`the German Weather Service`)? Then a token that starts with it
        is a name of its own (`Weatherup`, a surname), not it glued to a
        function word; a name written on its own or last in a name
        (`Giuseppe Conte`, `Trump`) is no such word."""
        if zipf(freqs, head.lower()) < COMMON_HEAD_ZIPF:
            return False
        for j, p in enumerate(names.parts):
            if p == head:
                run = names.run_of(j)
                if run is None or j == run[1] - 1:
                    return False
        return True

    @classmethod
    def _another_persons(cls, names, i: int, head: str) -> bool:
        """Is word ``i``, after a given name, a surname of its own, since the
        text writes ``head`` only after other given names (`Richard Dicket`
        where it writes `Philip K. Dick`)? Where it writes ``head`` on its
        own or after the same given name (`Bob Woodward`), it may be glue."""
        given = cls._name_before(names, i)
        if not given:
            return False
        before = [cls._name_before(names, j) for j, p in enumerate(names.parts) if p == head and j != i]
        return bool(before) and all(b and b != given for b in before)

    def _name_glue(self, a, lang: str, freqs, rule_dirs):
        """A capitalised token the word list does not know that is a name the
        document writes on its own plus a function word (`Máyneza`,
        `Zaevdespués` where the text writes `Máynez`, `Zaev`; not where names take
        case endings that read as function words, Халкетта, Vorstoßes) or a
        verb of saying (`Zaevsaid`, `Заевзаявил`: `speech_verbs.txt`) or, written
        once, a common word (`Trumpfires`: :meth:`_name_and_word`), or a
        function word plus that name (`laMáynez`). Not a token some
        language's names hold: `Zelenskyy`, the English spelling, beside
        `Zelensky` in French is a spelling (MTN702's), not Zelensky|y."""
        endings = lang in INFLECTING_NAMES
        names = a.names
        cap = names.cap
        written = {p for i, p in enumerate(names.parts) if cap[i] and p.isalpha()}
        if not written:
            return
        # (a name written on its own, not as a web address's: Mobil.cz makes no Mobil|king)
        standalone = {p for i, p in enumerate(names.parts) if cap[i] and p.isalpha()
                      and not _DOMAIN_TAIL.match(a.text, names.matches[i].end())}
        fw = glue_words(lang, rule_dirs)
        if endings:
            # names that take case endings: a function word that is no ending and,
            # where every ending starts with a vowel (Russian), starts with a consonant
            # (Сандерс|не, China|und; not Халкетт|а, Vorstoß|es)
            fw = frozenset(w for w in fw if self._no_name_ending(w, lang, rule_dirs))
        given = word_list("common", "given_names.txt", rule_dirs)
        verbs = word_list(lang, "speech_verbs.txt", rule_dirs)
        for i, part in enumerate(names.parts):
            if not cap[i] or not part.isalpha() or len(part) < 5 \
                    or names.cap_mid[names.keys[i]] + names.cap_start[names.keys[i]] > 1:
                continue   # (written so twice or more: a spelling of the name, MTN702's)
            low = part.lower()
            if low in freqs or named_anywhere(low, rule_dirs):
                continue   # (a word, or a name's spelling in some language: Zelenskyy in French)
            cut = None
            m = names.matches[i]
            s = m.start() + m.group().find(part)
            if self._quoted_alone(a.text, s, s + len(part)):
                continue   # a coinage in quotation marks ("Zlatandependencia"), not glue
            if a.is_protected(s, s + len(part)):
                continue   # a hashtag's or a handle's (#Zaevdespués, @Dublinyesterday): no prose
            nxt = self._next_word(a.text, s + len(part))
            for k in range(1, min(len(part) - 3, NAME_GLUE_TAIL + 1)):
                head, tail = part[:-k], part[-k:]
                if self._goes_on(tail.lower(), nxt, lang, rule_dirs) and tail.lower() in fw and head in written \
                        and head != part and len(head) >= 4 \
                        and not name_derivation(head, tail) and not (k == 1 and low in given):
                    cut = (head, tail)   # (not Belarus|an: a name and a suffix; nor Jaroslav|a: Jaroslava is a name)
                    break
            if cut is None:
                for verb in verbs:
                    head = part[:-len(verb)]
                    if low.endswith(verb) and len(head) >= 4 and head in written:
                        cut = (head, part[len(head):])
                        break
            if cut is None and (not endings or lang in CASE_NAMES):
                cut = self._name_and_word(part, standalone.__contains__, lang, freqs, rule_dirs)
            of_lexicon = False
            if cut is None and lang not in COMPOUNDING and nxt is not None:
                # (a name of the lexicon glued to the word its clause goes on with:
                # before a stop, `from Bohemiaticket.`, a site's or a brand's name)
                cut = self._place_and_word(part, lang, freqs, rule_dirs)
                of_lexicon = cut is not None
            if cut is None:
                continue
            if self._another_persons(names, i, cut[0]) \
                    or not of_lexicon and self._only_in_names(names, cut[0], freqs):
                continue   # (a name of the lexicon need not be written on its own in the text)
            self.stats["name"] += 1
            # (the comma the tag took with it, where the language writes one: `Máynez, a young`)
            fix = _rejoin(cut, lang, rule_dirs)
            yield finding("MTN401", s, s + len(part), f"`{part}`: the name `{cut[0]}` glued to `{cut[1]}`",
                          [fix], Applicability.UNSAFE, parts=list(cut))
