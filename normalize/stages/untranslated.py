"""Untranslated fragments: stretches of another language inside a document.

A fast candidate step, then a check: a stretch of lower-case words is a
candidate when the words are function words or frequent words of another
supported language and unknown (or rare) in the document's language; the
candidate is kept when the function-word vote and langdetect (restricted to the
supported languages) both name the same other language. Only candidates ever
reach langdetect, so the stage costs little on clean text. Capitalised words
(names, titles) never count for or against.

Measured in the MT issue's probe: langdetect on whole sentences found 2 of 30
foreign fragments, on the fragment alone 19 of 30 — so the fragment, not the
sentence, is what gets checked.
"""

from __future__ import annotations

import hashlib
import math
import re
from functools import lru_cache

from ..model import Applicability, Document
from ..resources import (SUPPORTED_LANGUAGES, WordFrequencies, cached_table, top_frequencies, word_frequencies,
                         word_list, zipf)
from .anchors import function_words
from .base import Context, Stage, finding
from .language import segment_probabilities, vote_language
from .runtogether import _unaccented

MIN_WORDS = 5          # shortest fragment worth flagging...
SHORT_WORDS = 3        # ...but one of this many foreign words and MIN_WORDS words at most,
SHORT_OTHERS = 1           # ...this many of them not foreign (a word both languages write),
SHORT_FUNCTION_WORDS = 2   # ...this many that language's function words,
CLAUSE_FOREIGN_PER_SHARED = 2   # (a longer clause: this many foreign words for each shared one)
SHORT_SHARE = 0.2          # ...in a text of five times its words or more, is one too
SHORT_ALL_FOREIGN = 4      # (a clause of this many words, every one foreign,
SHORT_ALL_FOREIGN_FW = 1   # needs this many function words: insurance is even more)
MAX_CONFIRM = 16       # candidates checked per document: a document whose language was
                       # forced wrongly is all candidates, and each check runs langdetect
MOST_OF_TEXT = 0.75    # a fragment longer than this share of the document's words is no fragment
WORD_VOTE_SHARE = 0.4  # the words' vote names a fragment's language when it is this small a part of the text
WORD_VOTE_GAP = 1.0    # two languages that cover a fragment alike: the word model's choice, this much (log10) likelier
STRONG_RUN = 5         # foreign words that let the words' vote name a fragment inside a line too
QUOTED_MAX_WORDS = 10  # a fragment that is all of a quotation this short is a title or a quoted line
SHARED_BRIDGE = 3       # words both languages write that may stand in a row inside a fragment
SEGMENT_RESCUE = 0.5   # a fragment langdetect names this likely (not 0.8) is checked with its segment around it
LINE_SHARE = 0.5       # a caption's line (no word of the document's language on it) holds at most this share of its words
FOREIGN_LINE_WORDS = 6        # a line of its own in another language: this many words at least,
FOREIGN_LINE_SHARE = 0.4      # ...at most this share of the document's (else the document's language is in doubt),
FOREIGN_LINE_FW = 2           # ...this many words other languages write, none a function word of the document's own,
FOREIGN_LINE_EVIDENCE = 3     # ...this many that language's function words or foreign words,
FOREIGN_LINE_PROB = 0.9       # ...and the segment detector this sure of that language,
FOREIGN_LINE_CAPITALS = 0.6   # ...and no more than this share of its words Capitalised (a title's)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_OPENING_QUOTES = "«“\"„"      # (the quotation marks that end a segment: _BREAK)
_CLOSING_QUOTES = "»”\"“"
_QUOTE_CHARS = _OPENING_QUOTES + _CLOSING_QUOTES + "‘’‹›"   # (and single ones, for a line quoted whole)
_WORDS = re.compile(r"[^\W\d_]+")
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZÀ-ÝА-Я][A-Za-zÀ-ÿА-Яа-я]*[A-ZÀ-ÝА-Я]\)")
_BREAK_MARKS = ".!?…;:()[]{}«»“”\"„\n—–"   # what ends a segment, one character each
_BREAK = re.compile(f"[{re.escape(_BREAK_MARKS)}]")
_SINGLE_OPENING = "'‘`‹‚"   # a quotation in single marks: 'To be or not to be', `La puerta abierta'
_SINGLE_CLOSING = "'’›"
SEGMENT_REACH = 600     # characters of a segment either side of a fragment that langdetect reads
LOAN_REACH = 100        # characters either side of a finding searched for the loan phrase holding it


@lru_cache(maxsize=None)
def _loan_pattern(rule_dirs: tuple[str, ...] = ()) -> re.Pattern | None:
    """``loan_phrases.txt`` of every language's packs as one pattern: each
    phrase with its words apart by spaces or hyphens, its apostrophes
    straight or curly, each accented letter with its accent or without
    (``coup d'état``, ``coup d’etat``, ``pièce de resistance``), each word
    with a plural's s or x or without (``nouveaux riches``); None when the
    packs list none."""
    alternatives = set()

    def letter(c: str) -> str:
        base = _unaccented(c)
        return f"[{c}{base}]" if base != c else "['’]" if c == "'" else re.escape(c)

    # (a phrase one language borrowed, the others mostly borrowed too: haute couture, de facto)
    for phrase in set().union(*(word_list(o, "loan_phrases.txt", rule_dirs) for o in SUPPORTED_LANGUAGES)):
        words = re.split(r"[\s-]+", phrase.strip())
        # (each word may take a plural's s or x: idées fixes, nouveaux riches)
        alternatives.add(r"[\s-]+".join("".join(map(letter, w)) + "[sx]?" for w in words))
    if not alternatives:
        return None
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])", re.IGNORECASE)


def in_loan_phrase(text: str, start: int, end: int, rule_dirs: tuple[str, ...] = ()) -> bool:
    """Are the words of ``text[start:end]`` all inside phrases a language
    has borrowed and writes as its own (``loan_phrases.txt`` of every
    language: English `joie de vivre`, `sotto voce`, `chargé d'affaires`)?
    An established loan is no untranslated text. The line around the span is searched, so
    a phrase is seen whole where the span holds part of it."""
    rx = _loan_pattern(rule_dirs)
    if rx is None:
        return False
    lo = max(0, start - LOAN_REACH)
    lo = text.rfind("\n", lo, start) + 1 or lo   # (the line around it, LOAN_REACH either side at most)
    hi = text.find("\n", end, end + LOAN_REACH)
    hi = min(len(text), end + LOAN_REACH) if hi < 0 else hi
    covered = [m.span() for m in rx.finditer(text, lo, hi) if m.start() < end and start < m.end()]
    return bool(covered) and all(any(cs <= w.start() and w.end() <= ce for cs, ce in covered)
                                 for w in _WORDS.finditer(text, start, end))


def single_quotation(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The content's span of a quotation in single marks (straight, curly,
    a grave accent and an apostrophe as typewriters wrote them, angle)
    that holds ``text[start:end]``, looked for between ``lo`` and ``hi``
    (the segment or the line): an opening mark after a space, the line's
    start or a bracket, before a letter; a closing one after a letter or a
    full stop, before no letter (an apostrophe inside a word, l'Observatoire
    or don't, is neither). None when there is none."""
    k = start - 1
    while k >= lo:
        ch = text[k]
        if ch in _SINGLE_OPENING and (k == 0 or text[k - 1].isspace() or text[k - 1] in "([{")\
                and k + 1 < len(text) and text[k + 1].isalpha():
            break
        if ch in _SINGLE_CLOSING and k + 1 < len(text) and not text[k + 1].isalpha() and k > 0 and text[k - 1].isalnum():
            return None   # a quotation closed before the span
        k -= 1
    else:
        return None
    m = end
    while m < hi:
        ch = text[m]
        if ch in _SINGLE_CLOSING and (text[m - 1].isalnum() or text[m - 1] in ".!?…") \
                and (m + 1 == len(text) or not text[m + 1].isalpha()):
            return k + 1, m
        if ch in _SINGLE_OPENING and ch not in _SINGLE_CLOSING and text[m - 1].isspace():
            return None
        m += 1
    return None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding ``text[start:end]`` starts and ends."""
    le = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if le < 0 else le


def _langdetect_top(text: str, detector: str | None = None) -> tuple[str | None, float]:
    """The supported language the segment detector (langdetect unless the
    options name another) finds most probable, with its probability."""
    for lang, prob in segment_probabilities(text, detector):
        if lang in SUPPORTED_LANGUAGES:
            return lang, prob
    return None, 0.0


_BIT = {lang: bit for bit, lang in enumerate(SUPPORTED_LANGUAGES)}
# a claims table's entry packs, for bit k of SUPPORTED_LANGUAGES: whether
# language k claims the word (bit k), whether it is one of its function words
# (bit _FW + k), and 1 + the word's wordfreq bucket there when it is frequent
# there (zipf 3 or more; _BUCKET_BITS bits from _FREQ + _BUCKET_BITS * k), else 0
_FW = 8
_FREQ = 16
_BUCKET_BITS = 10


@lru_cache(maxsize=None)
def _mask_of_others(lang: str) -> int:
    """The bits of the supported languages other than ``lang``."""
    return sum(1 << bit for other, bit in _BIT.items() if other != lang)


def _claimed_by_others(forms, lang: str) -> list[str]:
    """The forms another supported language has among its frequent or
    function words: the only ones :func:`is_foreign` can find foreign (one
    look-up each, most forms of a text are no other language's)."""
    mask = _mask_of_others(lang)
    table = _claims_table()
    return [form for form in forms if table.get(form, 0) & mask]


_MEMO_LIMIT = 500_000
_memo: dict[str, dict[str, bool]] = {}


def is_foreign(lang: str, word: str) -> bool:
    """Is lower-case ``word`` far more frequent in another supported language
    than in ``lang`` (by 1.5 zipf, and at least zipf 3 there), or a function
    word of another language that is not frequent in ``lang``? wordfreq's lists
    hold each other's loans, so relative frequency decides. A word no other
    language has among its frequent or function words is not (most words: the
    look-up in ``lang``'s own list is spared). What the other languages say of
    the word comes from :func:`_claims_table`, so that a run in one language
    reads no other language's list. Memoised per word: a corpus repeats its
    vocabulary."""
    memo = _memo.setdefault(lang, {})
    hit = memo.get(word)
    if hit is not None:
        return hit
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    packed = _claims_table().get(word, 0)
    claimed = packed & _mask_of_others(lang)
    result = False
    if claimed:
        own = zipf(word_frequencies(lang), word)
        for bit in _BIT.values():
            if not claimed >> bit & 1:
                continue
            bucket = packed >> (_FREQ + _BUCKET_BITS * bit) & ((1 << _BUCKET_BITS) - 1)
            z = math.log10(_bucket_frequency(bucket - 1) * 1e9) if bucket else 0.0   # below 3 it cannot count
            if (z - own >= 1.5 and z >= 3.0) or (own < 3.0 and packed >> (_FW + bit) & 1):
                result = True
                break
    memo[word] = result
    return result


WORD_MODEL_FLOOR = -7.0   # log10 of a word's probability in a language whose frequent words it is not in


def word_log_likelihoods(text: str, languages=SUPPORTED_LANGUAGES) -> dict[str, float]:
    """The log10 likelihood of the words of ``text`` (its runs of letters,
    lower-cased, as the word lists hold them: `l'opposition` is l,
    opposition) in each of ``languages``: a unigram model of each language from wordfreq, as the
    claims table holds it (a word among the language's frequent words, zipf
    3 or more, at its frequency; any other at 10**WORD_MODEL_FLOOR). Names
    the language of a segment of a few words far better than langdetect's
    letter n-grams (``bench/segment_language.py``: 0.80 of single words, 0.93
    of two, 0.97 of three, against 0.47, 0.71, 0.84), and reads no word list
    but the table. {} when no word is among any language's frequent words
    (then it says nothing)."""
    table = _claims_table()
    scores = dict.fromkeys(languages, 0.0)
    known = False
    width = (1 << _BUCKET_BITS) - 1
    for w in _WORDS.findall(text.lower()):
        packed = table.get(w, 0)
        for lang in languages:
            bucket = packed >> (_FREQ + _BUCKET_BITS * _BIT[lang]) & width if packed else 0
            if bucket:
                known = True
                scores[lang] += (1 - bucket) / 100   # log10 of _bucket_frequency(bucket - 1)
            else:
                scores[lang] += WORD_MODEL_FLOOR
    return scores if known else {}


def word_probabilities(text: str) -> list[tuple[str, float]]:
    """(language, probability) of ``text`` among the supported languages by
    :func:`word_log_likelihoods` (equal priors), best first; [] when no word
    of it is frequent in any of them."""
    scores = word_log_likelihoods(text)
    if not scores:
        return []
    top = max(scores.values())
    weights = {lang: 10 ** (x - top) for lang, x in scores.items()}
    total = sum(weights.values())
    return sorted(((lang, w / total) for lang, w in weights.items()), key=lambda p: -p[1])


def _bucket_frequency(bucket: int) -> float:
    """The frequency of wordfreq's bucket ``bucket`` (its centibels below 1),
    the float wordfreq and :class:`~normalize.resources.WordFrequencies` give."""
    return 10 ** (-bucket / 100)


def _bucket(freq: float) -> int:
    """The bucket whose frequency is ``freq`` exactly (ValueError if none)."""
    bucket = round(-100 * math.log10(freq))
    if not 0 <= bucket < (1 << _BUCKET_BITS) - 1 or _bucket_frequency(bucket) != freq:
        raise ValueError(f"{freq!r} is no wordfreq bucket's frequency")
    return bucket


_TABLE_MAGIC = b"MTNORM-CLAIMS\n"
_TABLE_FORMAT = 2   # raise when build_claims_table changes what it writes


def _table_name() -> str:
    """The cached table's file name: a hash of what it is made from (its
    layout, each language's word-frequency source and function words)."""
    h = hashlib.sha1(f"{_TABLE_FORMAT} {_FW} {_FREQ} {_BUCKET_BITS} {SUPPORTED_LANGUAGES}".encode())
    for lang in SUPPORTED_LANGUAGES:
        h.update(f"\0{lang}\0{WordFrequencies.stamp(lang)}\0".encode())
        h.update("\n".join(sorted(function_words(lang))).encode())
    return f"claims-{h.hexdigest()[:16]}.bin"


def build_claims_table() -> dict[str, int]:
    """word -> what each supported language says of it (the layout above),
    for every word some language has among its frequent (zipf 3 or more) or
    function words. Reads all seven word lists; about half a second."""
    table: dict[str, int] = {}
    for lang, bit in _BIT.items():
        shift = _FREQ + _BUCKET_BITS * bit
        for word, freq in top_frequencies(lang).items():
            table[word] = table.get(word, 0) | 1 << bit | (_bucket(freq) + 1) << shift
        for word in function_words(lang):
            table[word] = table.get(word, 0) | 1 << bit | 1 << (_FW + bit)
    # one object per distinct value (24,000 of them): marshal then writes
    # the others as references, and a loaded table holds no copies
    same: dict[int, int] = {}
    return {word: same.setdefault(packed, packed) for word, packed in table.items()}


@lru_cache(maxsize=1)
def _claims_table() -> dict[str, int]:
    """:func:`build_claims_table` for this machine's word lists: read from
    the cache directory, else built (and written there when it can be)."""
    return cached_table(_table_name, _TABLE_MAGIC, build_claims_table)


@lru_cache(maxsize=64)
def _own_only(lang: str, own_fw: frozenset) -> frozenset:
    """The function words of ``lang`` (``own_fw``) that no other supported language has."""
    table, fw_bits = _claims_table(), _mask_of_others(lang) << _FW
    return frozenset(w for w in own_fw if not table.get(w, 0) & fw_bits)


_SHORT_WORD_BEFORE = re.compile(r"([^\W\d_]{1,3}) $")


def leading_function_word(text: str, start: int, foreign_fw, own_fw) -> int:
    """Where a passage left in another language that starts at ``start``
    starts with the short function word before it, one space away, when that
    word (Capitalised where it opens a sentence) is one of the passage's
    language (``foreign_fw``) and none of the document's (``own_fw``): `Il`
    of `Il ministro ha detto` in German, `The` of `The opposition criticised`
    in Russian, `El` of `El ministro habló` in English; else ``start``."""
    m = _SHORT_WORD_BEFORE.search(text, max(0, start - 4), start)
    if m is None or m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
        return start
    low = m.group(1).lower()
    if low not in foreign_fw or low in own_fw or not (m.group(1).islower() or m.group(1)[1:].islower()):
        return start
    return m.start()


def ends_a_name(text: str, start: int) -> bool:
    """Does the short clause at ``start`` end a name: after a
    Capitalised word that opens no sentence and up to two function words
    of any supported language (`la Société de [développement des
    entreprises culturelles]`)? (Read by MTN801 and MTN804.)"""
    table, fw_bits = _claims_table(), ((1 << len(_BIT)) - 1) << _FW
    words = list(_WORDS.finditer(text, max(0, start - 80), start))
    if start > 80 and words:
        words = words[1:]   # (the first may be cut)
    after = start
    for k, m in enumerate(reversed(words)):
        if text[m.end():after].strip():
            return False   # punctuation between: no name runs on
        w = m.group()
        if w[:1].isupper():
            j = m.start() - 1
            while j >= 0 and text[j] in " \t\u00a0\"“«„‘`'(":
                j -= 1
            return k > 0 and not (j < 0 or text[j] in "\n.!?…")   # (right before it: _title's)
        if k >= 2 or not table.get(w, 0) & fw_bits:
            return False
        after = m.start()
    return False


class UntranslatedStage(Stage):
    """Flag sentences and clauses left in another language (display-only)."""

    name = "untranslated"
    requires = ("language",)
    rules = ("MTN801",)

    def __init__(self) -> None:
        super().__init__()
        self._confirmed = 0
        self._detector: str | None = None   # the options' segment detector (None: langdetect)
        self._words_in_text = 0
        self._detected = False
        self._own_fw: frozenset[str] = frozenset()   # the document language's function words (this run's packs)
        self._openers: set[str] = set()   # the document's Capitalised forms of other languages' function words
        self._rule_dirs: tuple[str, ...] = ()

    def process(self, doc: Document, ctx: Context):
        lang = doc.language
        if lang not in SUPPORTED_LANGUAGES:
            return []
        text = doc.text
        own = word_frequencies(lang)
        own_fw = function_words(lang, ctx.rule_dirs)
        self._own_fw = own_fw
        self._rule_dirs = ctx.rule_dirs
        # A fragment needs SHORT_WORDS foreign words in a row: count them over the
        # distinct forms first, and walk the text only when there are enough.
        a = ctx.analysis
        cache = self.form_cache((lang, ctx.rule_dirs),
                                lambda v: v.islower() and v not in own_fw and is_foreign(lang, v),
                                lambda forms: _claimed_by_others(forms, lang))
        foreign = cache.select(a.vocabulary, ctx.known).keys()
        self._openers = self._opener_forms(a.vocabulary, lang, own_fw)
        if self._openers:
            foreign = foreign | self._openers   # (where they stand first in a segment: _foreign_opener)
        self._confirmed = 0
        self._detector = ctx.options.get("segment_detector")
        lines = list(self._foreign_lines(text, lang, own, own_fw)) if "\n" in text else []
        if not foreign or not self._enough_in_a_row(a, foreign, lang, own, own_fw):
            return lines
        out = []
        all_words = a.words.all()
        self._words_in_text = len(all_words)
        self._detected = bool(doc.metadata.get("language_detected"))
        i = 0
        for seg_start, seg_end in self._segments(text):
            # one pointer walk over the words: linear in the text, whatever the segments
            while i < len(all_words) and all_words[i].start() < seg_start:
                i += 1
            j = i
            while j < len(all_words) and all_words[j].end() <= seg_end:
                j += 1
            words = all_words[i:j]
            i = j
            run: list = []
            for m in words + [None]:
                kind = "end" if m is None else self._kind(m.group(), lang, own, own_fw)
                if kind == "name" and m is words[0] and self._foreign_opener(text, seg_start, seg_end, m, lang):
                    kind = "foreign"
                if kind == "shared" and (not run or run[-1][1] == "name" or len(run) >= SHARED_BRIDGE
                                         and all(k == "shared" for _, k in run[-SHARED_BRIDGE:])):
                    kind = "own"   # a shared word only bridges, three at most, inside a run (que les,
                    # se … la; a miles de between two Spanish words in French)
                if kind != "own" and kind != "end":
                    run.append((m, kind))
                    continue
                f = self._candidate(text, run, lang)
                if f is not None and not any(f.start < f2.end and f2.start < f.end for f2 in lines):
                    out.append(f)
                run = []
        return sorted(lines + out, key=lambda f: f.start)

    def _foreign_lines(self, text: str, lang: str, own: dict, own_fw: frozenset):
        """Lines left whole in another language of the same script: a
        "Read more:" teaser, a heading or a caption the translation skipped
        (`Read more: The Kremlin warns Paris over new sanctions` in a French
        page), whose words a run of foreign words misses because the
        document's language writes most of them too (English loans in
        French). A line of FOREIGN_LINE_WORDS words or more (a shorter one,
        `Il faut bien le faire.`, is a motto a writer chose) and at most
        FOREIGN_LINE_SHARE of the document's, in its script, with no function
        word only the document's language has and FOREIGN_LINE_FW words other
        languages write; its function words (Capitalised ones too), else its
        words, vote for another language, of which it holds
        FOREIGN_LINE_EVIDENCE function or foreign words and no function word
        of the document's that language does not write too (French writes
        English `a`), and no lower-case word of the
        document's own; not a quotation nor mostly one, not a title (most
        words Capitalised, or all but the function words); and the segment
        detector assigns it to the voted language with probability
        FOREIGN_LINE_PROB. Names and words both languages write may stand on
        it."""
        table, fw_bits = _claims_table(), _mask_of_others(lang) << _FW
        cyrillic = lang == "ru"
        own_only = _own_only(lang, own_fw)
        lowered = text.lower()
        if len(lowered) != len(text):
            return   # (a letter that grew when lower-cased, İ: the lines' offsets would not hold)
        # each line's words, lower-cased, at C speed; most lines fall to the cheap
        # tests (a function word no other language has, too few words others write)
        lines, pos = [], 0
        for line_low in lowered.split("\n"):
            lines.append((pos, line_low, _WORDS.findall(line_low)))
            pos += len(line_low) + 1
        n = sum(len(lows) for _, _, lows in lines)
        for ls, line_low, lows in lines:
            if not FOREIGN_LINE_WORDS <= len(lows) <= FOREIGN_LINE_SHARE * n or not own_only.isdisjoint(lows) \
                    or sum(1 for w in lows if table.get(w, 0) & fw_bits and w not in own_fw) < FOREIGN_LINE_FW:
                continue
            le = ls + len(line_low)
            words = list(_WORDS.finditer(text, ls, le))
            if len(words) != len(lows):
                continue
            if any(bool(_CYRILLIC.match(m.group())) != cyrillic for m in words):
                continue   # another script: MTN803's
            if sum(1 for m in words if m.group()[:1].isupper()) > FOREIGN_LINE_CAPITALS * len(words):
                continue   # a title's words (a film's, a song's)
            start, end = words[0].start(), words[-1].end()
            if self._mostly_quoted(text, ls, le, words):
                continue
            line = text[ls:le].strip()
            voted = vote_language(line) or self._word_vote(words, lang)
            if voted is None or voted == lang:
                continue
            theirs = function_words(voted)
            if all(m.group()[:1].isupper() for m, w in zip(words, lows) if w not in theirs):
                continue   # every word but the function words Capitalised: a title (The Lord of the Rings)
            kinds = [self._kind(m.group(), lang, own, own_fw) if m.group().islower() and len(m.group()) > 1
                     else "name" for m in words]   # (one letter decides nothing: an elision's l’, d’)
            bit = _BIT[voted]
            if any(w in own_fw and not table.get(w, 0) >> bit & 1 for w in lows) or "own" in kinds \
                    or sum(1 for w, k in zip(lows, kinds) if w in theirs or k == "foreign") < FOREIGN_LINE_EVIDENCE:
                continue
            if self._confirmed >= MAX_CONFIRM:
                self.stats["capped"] += 1
                return
            self._confirmed += 1
            detected, prob = _langdetect_top(line, self._detector)
            if detected != voted or prob < FOREIGN_LINE_PROB:
                continue
            self.stats["lines"] += 1
            yield finding("MTN801", start, end,
                          f"this line looks untranslated ({voted} in a {lang} document)", (),
                          Applicability.DISPLAY, language=voted, probability=round(prob, 3))

    @staticmethod
    def _mostly_quoted(text: str, ls: int, le: int, words: list) -> bool:
        """Does the line open with a quotation mark, or hold half its words or
        more between its first and its last quotation mark (a quotation
        left in its language: `Almost set: "So ein Tag, so wunderschön"`)?"""
        line = text[ls:le].lstrip()
        if line[:1] in _QUOTE_CHARS:
            return True
        marks = [k for k in range(ls, le) if text[k] in _QUOTE_CHARS
                 and not (text[k - 1:k].isalpha() and text[k + 1:k + 2].isalpha())]   # (not an apostrophe: don’t)
        if len(marks) < 2:
            return False
        inside = sum(1 for m in words if marks[0] < m.start() < marks[-1])
        return 2 * inside >= len(words)

    def _enough_in_a_row(self, a, foreign, lang: str, own: dict, own_fw: frozenset) -> bool:
        """Are there SHORT_WORDS foreign words with no word of the document's
        own language between them? A fragment needs that much (a run ends at
        the first own word), and most documents with a few foreign words
        (names' particles, loans) have them far apart."""
        tokens, places = a.tokens, a.places(foreign)
        need = min(SHORT_WORDS, MIN_WORDS - 1)
        for k in range(len(places) - need + 1):
            if all(self._kind(tokens[j], lang, own, own_fw) != "own"
                   for j in range(places[k] + 1, places[k + need - 1])):
                return True
        return False

    def _candidate(self, text: str, run: list, lang: str):
        """A run of non-native words: trim names at its edges, then check it."""
        while run and run[-1][1] != "foreign":
            run.pop()
        while run and run[0][1] != "foreign":
            run.pop(0)
        foreign = sum(1 for _, k in run if k == "foreign")
        # (a word both languages write decides nothing: `a`, `que`, `la` in
        # a French sentence inside Spanish text)
        lower = sum(1 for _, k in run if k not in ("name", "shared"))
        # a short clause, all its words but one another language's, two of them its
        # function words (`with the war` in French text, `the cities will` in Italian,
        # `some films you acted`, whose `films` French writes too)
        # (in a text long enough that its language is sure: not a line of its own
        # whose language was misjudged)
        # a longer clause of MIN_WORDS - 1 foreign words or more may hold one shared
        # word for every two of them (`the number of migrants rose sharply` in
        # French text: migrants, rose are French words too)
        others = len(run) - foreign
        clause = len(run) <= MIN_WORDS and others <= SHORT_OTHERS \
            or foreign >= MIN_WORDS - 1 and others <= foreign // CLAUSE_FOREIGN_PER_SHARED
        short = SHORT_WORDS <= foreign and clause \
            and len(run) <= SHORT_SHARE * self._words_in_text \
            and not self._title(text, [m for m, _ in run]) and not self._capital_after(text, run[-1][0].end()) \
            and self._short_enough_evidence(text, run, lang, foreign)
        if not short and (foreign < MIN_WORDS - 1 or foreign < 0.6 * lower):
            return None
        if not short and lower < MIN_WORDS and not (
                lower + sum(1 for _, k in run if k == "shared") >= MIN_WORDS
                and self._no_own_word_on_line(text, run[0][0].start(), run[-1][0].end(), lang)
                and not self._title(text, [m for m, _ in run])):
            return None   # (a line of its own, a caption, counts the words both languages write too)
        if self._detected and len(run) > MOST_OF_TEXT * self._words_in_text:
            self.stats["most_of_text"] += 1
            return None   # most of the document: its detected language was misjudged (a one-line document)
        return self._confirm(text, [m for m, _ in run], lang, foreign, short)

    def _short_enough_evidence(self, text: str, run: list, lang: str, foreign: int) -> bool:
        """A short clause holds SHORT_FUNCTION_WORDS function words of other
        languages (`with the war`), or, SHORT_ALL_FOREIGN words long and every
        one foreign, SHORT_ALL_FOREIGN_FW (`insurance is even more`) where it
        ends no name (:func:`ends_a_name`) and stands in a line of the
        document's language (a short line all in another language, `Il faut
        bien le faire.`, is a motto or a quotation a writer chose); none ends
        an acronym's expansion (`… culturelles (SODEC)`)."""
        start, end = run[0][0].start(), run[-1][0].end()
        if _ACRONYM_AFTER.match(text, end):
            return False
        n = self._function_words_of_others(run, lang)
        if n >= SHORT_FUNCTION_WORDS:
            return True
        return len(run) == foreign >= SHORT_ALL_FOREIGN and n >= SHORT_ALL_FOREIGN_FW \
            and not ends_a_name(text, start) and not self._no_own_word_on_line(text, start, end, lang)

    @staticmethod
    def _opener_forms(vocabulary, lang: str, own_fw: frozenset) -> set[str]:
        """The Capitalised forms of ``vocabulary`` that would be foreign
        function words in lower case (`The`, `When` in an Italian text)."""
        table, fw_bits = _claims_table(), _mask_of_others(lang) << _FW
        return {v for v in vocabulary if v[:1].isupper() and v[1:].islower()
                and table.get(v.lower(), 0) & fw_bits and v.lower() not in own_fw and is_foreign(lang, v.lower())}

    def _foreign_opener(self, text: str, seg_start: int, seg_end: int, m, lang: str) -> bool:
        """Is ``m``, the first word of its segment, one of the document's
        :meth:`_opener_forms` (a function word of another language
        Capitalised because it opens a sentence: `The`, `When`, `Der`), in a
        line that holds the document's language too (`The opposition called
        for new elections.` in an Italian paragraph)? Only spaces and opening
        quotation marks may stand before it in the segment. A line all in
        another language keeps its first word a name's: a short one is a
        motto or a quotation a writer chose (`Il faut bien le faire.`), a
        longer one :meth:`_foreign_lines`'."""
        return m.group() in self._openers and not text[seg_start:m.start()].strip(" \t\u00a0" + _QUOTE_CHARS) \
            and not self._no_own_word_on_line(text, seg_start, seg_end, lang)

    @staticmethod
    def _capital_after(text: str, end: int) -> bool:
        """Does a Capitalised word follow ``end``, one space on (the run ends inside a
        title or a name: `Shake hands with the Devil`, `Made in Italy`)?"""
        return text[end:end + 1] == " " and text[end + 1:end + 2].isupper()

    @staticmethod
    def _function_words_of_others(run: list, lang: str) -> int:
        """How many of the run's words are another supported language's function words."""
        table, fw_bits = _claims_table(), _mask_of_others(lang) << _FW
        # (a foreign word Capitalised is one that opens its sentence: _foreign_opener)
        return sum(1 for m, k in run if table.get(m.group().lower() if k == "foreign" else m.group(), 0) & fw_bits)

    @staticmethod
    def _segment_start(text: str, pos: int) -> int:
        """Where the segment (between two marks of _BREAK) holding ``pos`` starts."""
        return max(text.rfind(mark, 0, pos) for mark in _BREAK_MARKS) + 1

    @staticmethod
    def _segment_end(text: str, pos: int) -> int:
        """Where the segment holding the character before ``pos`` ends."""
        m = _BREAK.search(text, pos)
        return m.start() if m else len(text)

    @staticmethod
    def _segments(text: str):
        start = 0
        for m in _BREAK.finditer(text):
            if m.start() > start:
                yield start, m.start()
            start = m.end()
        if start < len(text):
            yield start, len(text)

    @staticmethod
    def _kind(word: str, lang: str, own: dict, own_fw: frozenset) -> str:
        """'own' (a word of the document's language), 'shared' (one another
        supported language has among its frequent or function words too:
        `will`, `position` in German and English), 'foreign' (far more
        frequent in another supported language), 'name' (capitalised) or
        'neutral'. A shared word continues a run a foreign word began,
        SHARED_BRIDGE in a row at most (`the government will not change` in a
        German text, `déclaré que les discussions` in a Spanish one); the run then has to
        end on a foreign word. Elsewhere it is the language's own."""
        if not word.islower():
            return "name"
        if word not in own_fw and is_foreign(lang, word):
            return "foreign"
        if word in own_fw or zipf(own, word) >= 2.0:
            return "shared" if _claims_table().get(word, 0) & _mask_of_others(lang) else "own"
        return "neutral"

    @staticmethod
    def _quoted(text: str, start: int, end: int) -> bool:
        """Is ``text[start:end]`` inside a short quotation, with nothing but
        words around it there (a title, a motto, a line quoted in its
        language: `« To be or not to be »`, `'To be or not to be'`)?"""
        ls, le = _line_bounds(text, start, end)
        single = single_quotation(text, start, end, max(ls, start - 200), min(le, end + 200))
        if single is not None:
            return len(text[single[0]:single[1]].split()) <= QUOTED_MAX_WORDS
        i = start - 1
        while i >= 0 and start - i <= 200 and not _BREAK.match(text, i):
            i -= 1
        j = end
        while j < len(text) and j - end <= 200 and (not _BREAK.match(text, j) or text[j] in ".!?…"):
            if text[j] in ".!?…" and j + 1 < len(text) and text[j + 1] not in _CLOSING_QUOTES:
                return False   # a full stop inside: a longer quotation
            j += 1
        return i >= 0 and j < len(text) and text[i] in _OPENING_QUOTES and text[j] in _CLOSING_QUOTES \
            and len(text[i + 1:j].split()) <= QUOTED_MAX_WORDS

    @staticmethod
    def _own_line(text: str, start: int, end: int) -> bool:
        """Is ``text[start:end]`` its line, but for one word and punctuation
        either side (`La folla … protesta`, a caption)?"""
        ls, le = _line_bounds(text, start, end)
        return len(_WORDS.findall(text, ls, start)) + len(_WORDS.findall(text, end, le)) <= 1

    def _no_own_word_on_line(self, text: str, start: int, end: int, lang: str) -> bool:
        """Is ``text[start:end]`` on a line where no other word is the
        document's language's own (names, words both languages write and a
        label such as `Foto:` may stand around it: a caption)?"""
        ls, le = _line_bounds(text, start, end)
        if len(_WORDS.findall(text, ls, le)) > LINE_SHARE * self._words_in_text:
            return False   # most of a short document: its language may be misjudged, not the line's
        own, own_fw = word_frequencies(lang), self._own_fw
        return all(self._kind(m.group(), lang, own, own_fw) != "own"
                   for m in (*_WORDS.finditer(text, ls, start), *_WORDS.finditer(text, end, le)))

    @staticmethod
    def _title(text: str, run: list) -> bool:
        """Does the fragment look like a title inside a sentence: a capitalised
        word inside it, or one right before it that opens no sentence
        (`Diario de un poeta recién casado`, `his Sangre de mayo, Siete mesas`)?"""
        if any(m.group()[:1].isupper() for m in run[1:]):
            return True
        i = run[0].start() - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        if i < 0 or not (text[i].isalpha() or text[i] == "'"):
            return False
        j = i
        while j >= 0 and (text[j].isalpha() or text[j] in "'’-"):
            j -= 1
        word = re.split("['’]", text[j + 1:i + 1])[-1]   # (not an elided article, l'Observatoire, nor a quote, 'Los)
        if not word[:1].isupper():
            return False
        k = j
        while k >= 0 and text[k] in " \t\u00a0\"“«„‘`'(":
            k -= 1
        return not (k < 0 or text[k] in "\n.!?…")   # (a capital that opens a sentence is no title's)

    @staticmethod
    def _word_vote(run: list, lang: str) -> str | None:
        """When the function words do not decide (`al`, `del`, `la` are
        Spanish and Italian alike): the other language whose frequent words
        cover the fragment's lower-case words best, if it covers nine in ten
        of them and more than any other (`folla davanti al palazzo del
        governo`: all Italian, half Spanish). An elided word counts where the
        language claims each of its parts (`n'a`: n, a)."""
        table = _claims_table()
        # (an elided word is its parts: French n'a, qu'il, Italian dell'anno)
        words = [[p for p in re.split("['’]", m.group().lower()) if p] for m in run if m.group().islower()]
        if not words:
            return None
        cover = {other: sum(1 for parts in words if all(table.get(p, 0) >> bit & 1 for p in parts))
                 for other, bit in _BIT.items() if other != lang}
        ranked = sorted(cover.items(), key=lambda kv: -kv[1])
        (best, n), (_, second) = ranked[0], ranked[1]
        if n < 0.9 * len(words):
            return None
        if n > second:
            return best
        # languages that cover the words alike (`la guerra contra la pobreza`:
        # Spanish and Portuguese): the word model weighs how often each writes them
        tied = tuple(other for other, k in cover.items() if k == n)
        model = word_log_likelihoods(" ".join(m.group() for m in run if m.group().islower()), tied)
        if not model:
            return None
        order = sorted(model, key=model.get, reverse=True)
        return order[0] if model[order[0]] - model[order[1]] >= WORD_VOTE_GAP else None

    def _confirm(self, text: str, run: list, lang: str, foreign: int = 0, short: bool = False):
        if self._quoted(text, run[0].start(), run[-1].end()):
            self.stats["quoted"] += 1
            return None
        if in_loan_phrase(text, run[0].start(), run[-1].end(), self._rule_dirs):
            self.stats["loan_phrase"] += 1
            return None
        if self._confirmed >= MAX_CONFIRM:
            self.stats["capped"] += 1
            return None
        self._confirmed += 1
        start, end = run[0].start(), run[-1].end()
        fragment = text[start:end]
        self.stats["candidates"] += 1
        voted = vote_language(fragment)
        if voted is None and len(run) <= WORD_VOTE_SHARE * self._words_in_text and (
                short or self._own_line(text, start, end)
                or (foreign >= STRONG_RUN or self._no_own_word_on_line(text, start, end, lang))
                and not self._title(text, run)):
            # a line of its own (a caption, a heading) or a short clause all of whose
            # words are foreign, whose function words do not decide: its words' vote
            # (in a short document a misjudged language looks like a fragment in
            # another, and inside a sentence a title does)
            voted = self._word_vote(run, lang)
        if voted is None or voted == lang:
            return None
        detected, prob = _langdetect_top(fragment, self._detector)
        if detected == voted and SEGMENT_RESCUE <= prob < 0.8:
            # a fragment of a close language (Portuguese in Spanish) that langdetect
            # leans to but not firmly: the segment around it says whether it is
            # all that language (a sentence left whole) or mixed with the document's
            whole = text[max(self._segment_start(text, start), start - SEGMENT_REACH):
                         min(self._segment_end(text, end), end + SEGMENT_REACH)].strip()
            if whole != fragment:
                around, around_prob = _langdetect_top(whole, self._detector)
                if around == voted:
                    prob = max(prob, around_prob)
        if detected != voted or prob < 0.8:
            return None
        self.stats["fragments"] += 1
        start = leading_function_word(text, start, function_words(voted), self._own_fw)
        return finding("MTN801", start, end,
                       f"this looks untranslated ({voted} in a {lang} document)", (),
                       Applicability.DISPLAY, language=voted, probability=round(prob, 3))
