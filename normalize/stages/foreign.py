"""Text left in another language, below the sentence level (MTN803-MTN806).

The untranslated-fragment rule (MTN801) finds clauses of five words or more.
Scraped MT pages leave shorter things behind, and each needs its own evidence:

- MTN803 a run of words in another script: a line of Cyrillic in an English
  article, Greek or Chinese in a French one (three words or more; in a
  Russian text, Latin needs five and a language langdetect names);
- MTN804 a word or a short phrase of another supported language: a word the
  document's language barely knows (zipf under 3 in its list) that another
  language writes far more often (2 zipf more, and 3.5 at least there):
  `transfugismo` in English, `sino` in German, `Remarkable` in French, `(movimento
  islamita palestiniano)` in English; and a lower-case word the language does
  not know at all that a language MT often works from writes often (Turkish,
  Ukrainian, Polish, Dutch, Romanian, Swedish, Indonesian: `açıklama`). Names stay quiet: a word of a casing
  lexicon, one the document capitalises elsewhere, one inside a run of
  capitalised words that are not all foreign;
- MTN805 a name in the English transliteration of Cyrillic where the
  document's language writes it otherwise: an unknown capitalised word that
  the language's own transliteration rules respell into a word its list
  knows (`Zelenskyy` in German, which writes `Selenskyj`; German only, for
  now: its rules are regular);
- MTN806 a place in another language's spelling, from the small table of
  ``exonyms.tsv`` in the language's pack (`München` in English: `Munich`).

Each finding reports the language it found (``evidence.language``), which the
JSON output also gives as ``segment_language``. Only MTN805 and MTN806 offer a
fix (unsafe); a translation is not this tool's to make.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..names import capitalised, name_part
from ..resources import (SUPPORTED_LANGUAGES, RulePackError, WordFrequencies, cached_table, pack_dirs, read_tsv,
                         word_frequencies, word_list, zipf)
from .anchors import function_words
from .base import Context, FormCache, Stage, finding
from .encoding import legacy_mojibake
from .language import langdetect_probabilities, segment_probabilities
from .lexical import _compile
from .runtogether import ALPHABETS
from .untranslated import (_ACRONYM_AFTER, _BIT, _BUCKET_BITS, _FREQ, _bucket_frequency, _claims_table,
                           _mask_of_others, ends_a_name, in_loan_phrase, leading_function_word, single_quotation,
                           word_log_likelihoods)

_ROMANISED_RUSSIAN_IN = ("en", "es", "fr", "it", "pt")   # (German writes Russian in its own letters: Nesawissimost)
ROMANISED_MIN_LEN = 6      # a Russian word left in Latin letters has this many letters at least,
ROMANISED_UNKNOWN = 1.0    # the document's language and English know it less than this,
ROMANISED_RU_MIN = 3.0     # and read back into Cyrillic it is a Russian word at least this common
_QUOTE_MARKS = frozenset("'\"‘’“”«»„‚‹›")


@lru_cache(maxsize=None)
def _romanisation(rule_dirs: tuple[str, ...] = ()) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """``romanisation.tsv`` of the Russian pack: first letter -> [(Latin
    group, Cyrillic readings)]."""
    table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for d in pack_dirs("ru", rule_dirs):
        p = d / "romanisation.tsv"
        if p.is_file():
            for row in read_tsv(p, ("latin", "cyrillic")):
                table.setdefault(row["latin"][0], []).append((row["latin"], tuple(row["cyrillic"].split())))
    return table


_RU_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
READINGS_PER_PLACE = 64   # Cyrillic readings kept per position of the word


@lru_cache(maxsize=4096)
def _russian_reading(word: str, rule_dirs: tuple[str, ...] = ()) -> str | None:
    """The commonest Russian word (zipf ROMANISED_RU_MIN and up) that
    ``word``, in Latin letters, reads back to, or None. Readings are built
    letter group by letter group, a soft sign tried after each consonant,
    and only those that begin some Russian word (zipf FAMILY_ZIPF) go on."""
    from .runtogether import _has_family
    table = _romanisation(rule_dirs)
    ru = word_frequencies("ru")
    if not table or not ru:
        return None
    n = len(word)
    states: list[list[str]] = [[] for _ in range(n + 1)]
    states[0] = [""]
    for i in range(n):
        for latin, readings in table.get(word[i], ()):
            if not word.startswith(latin, i):
                continue
            nxt = states[i + len(latin)]
            for pre in states[i]:
                for r in readings:
                    for cand in ((pre + r, pre + r + "ь") if r[-1] in _RU_CONSONANTS else (pre + r,)):
                        if len(nxt) < READINGS_PER_PLACE and cand not in nxt and _has_family(cand, "ru"):
                            nxt.append(cand)
    best = max(states[n], key=lambda c: zipf(ru, c), default=None)
    return best if best is not None and zipf(ru, best) >= ROMANISED_RU_MIN else None


_SOURCE_ARTICLE_LANGUAGES = ("es", "fr", "it", "pt")
SOURCE_ARTICLE_BARE = 2   # a name written bare this often elsewhere takes no source article


@lru_cache(maxsize=8)
def _source_articles_table(rule_dirs: tuple[str, ...] = ()):
    """The source languages' definite articles (``definite_articles.txt``;
    not those that are English words: a, as, i) -> their languages; a
    pattern of one of them (any case), one space and a word (the first of
    a name, if capitalised), or None; and the languages' function words."""
    articles: dict[str, list[str]] = {}
    for o in _SOURCE_ARTICLE_LANGUAGES:
        for w in word_list(o, "definite_articles.txt", rule_dirs):
            articles.setdefault(w, []).append(o)
    en_fw = function_words("en")
    articles = {k: v for k, v in articles.items() if k not in en_fw}
    foreign_fw = frozenset().union(*(function_words(o) for o in _SOURCE_ARTICLE_LANGUAGES))
    if not articles:
        return articles, None, foreign_fw
    alt = "|".join(re.escape(x) for x in sorted(articles, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w'’.-])(?P<art>(?i:{alt}))[ \u00a0](?P<name>[^\W\d_](?:[\w’'-]*\w)?)")
    return articles, rx, foreign_fw


_NEXT_CAPITALISED = re.compile(r" [^\W\d_](?:[\w’'-]*\w)?")


_ELIDED_ARTICLES = frozenset({"l", "dell", "nell", "all", "dall", "sull"})   # those that hold "the"
_LANGUAGE_NAMES = {"fr": "French", "it": "Italian"}
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?=[ \u00a0]$)")
_WORD_WINDOW = 64   # letters looked back for the word before a place


def _word_before(text: str, s: int):
    """The word (letters) that ends one space before ``s``, or None; found in
    a short window before ``s``, never by a scan from the text's start (a
    search per place from 0 made a long document's time grow quadratically)."""
    return _WORD_BEFORE.search(text, max(0, s - _WORD_WINDOW), s)


_MENU_BARS = frozenset("|›·•>")   # what a scraped menu or breadcrumb writes between its items


def _item_gap(gap: str) -> bool:
    """Does ``gap``, the text between two words, end a line or a menu's
    item (`Inicio | Noticias`, `Inicio › Noticias`)?"""
    return "\n" in gap or len(gap.strip()) == 1 and gap.strip() in _MENU_BARS


def _alone_on_line(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` all its line holds (but blanks)?"""
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    return not text[start:s].strip() and not text[e:end if end >= 0 else len(text)].strip()


@lru_cache(maxsize=None)
def _elision_pattern(rule_dirs: tuple[str, ...] = ()):
    """A word of French or Italian ``elided.txt`` (l, d, dell, qu...), an
    apostrophe and the word glued to it, standing alone; and each language's
    set of those words."""
    languages = {o: word_list(o, "elided.txt", rule_dirs) for o in ("fr", "it")}
    forms = sorted(set().union(*languages.values()) - {"c", "j", "m", "n", "s", "t"}, key=len, reverse=True)
    if not forms:
        return None, languages
    alternation = "|".join(f"[{f[0].upper()}{f[0]}]{re.escape(f[1:])}" for f in forms)
    return re.compile(rf"(?<![\w'’])({alternation})['’]([^\W\d_]+)(?![\w'’\-])"), languages


_SCRIPT_OF = {lang: "LATIN" for lang in SUPPORTED_LANGUAGES}
_SCRIPT_OF["ru"] = "CYRILLIC"
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
OWN_MAX = 3.0        # a foreign word: the document's language knows it this little at most
OTHER_MIN = 3.5      # ...another language writes it at least this often
MARGIN = 2.0         # ...and this much more often
MIN_FOREIGN_LEN = 4
WORD_MODEL_GAP = 1.0  # a segment detector's language this much (log10) less likely by the word model than its own is wrong
TRANSLIT_KNOWN = 1.0
EXTRA_OWN_MAX = 2.0   # a word of a language beyond the seven: the document's language knows it this little at most
SINGLE_OWN_MAX = 1.0  # a lower-case foreign word on its own: the language does not know it at all,
SINGLE_RARE_OWN = 2.0   # ...or knows it this rarely
SINGLE_GAP = 3.0        # ...while the other language writes it this much more (zipf): milliards in English
_LEFT_ENGLISH = ("es", "fr", "it", "pt")   # where a capitalised English word mid-sentence is left untranslated
UNLESS_WINDOW = 80    # characters either side of an acronym read for its line's capitals and its row's `unless` words
QUOTE_WINDOW = 1000   # characters of a quotation read either side of a finding inside it
QUOTE_MODEL_GAP = 2.0   # a quotation the word model finds this much (log10) likelier in another language is foreign
PHRASE_MIN_WORDS = 2       # a run of lower-case words this long at least,
PHRASE_WORD_GAP = 0.5      # ...each this much (log10) likelier in the run's language than in the document's,
PHRASE_GAP = 4.0           # ...and the run this much (`in the summer` in Portuguese: 4.8) is untranslated
# languages news is often machine-translated from, beyond the supported seven:
# a word of theirs that the document's language does not know at all is
# reported too (`O número de uygulamalar é` in Portuguese: Turkish)
EXTRA_LANGUAGES = ("tr", "uk", "pl", "nl", "ro", "sv", "id")
# languages whose spellings overlap: a word of one unknown to the other says little
RELATED_EXTRA_MIN = 4.5   # a related language's word, unknown to the document's, this common there
# the letters a language writes (lower case), where a related one adds its own;
# and which language each of those added letters points to, first match wins
_OWN_LETTERS_ONLY = {"ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")}
_LETTERS_OF = {"ru": (("be", frozenset("ў")), ("uk", frozenset("іїєґ")))}
_RELATED = {"es": "romance", "pt": "romance", "it": "romance", "fr": "romance", "ro": "romance",
            "ru": "east-slavic", "uk": "east-slavic"}


BOILERPLATE_LINE = 200   # a line longer than this is running text, unless a label and a colon open it
BOILERPLATE_TAIL = 60    # ...or a sentence ends this close to its end and a label runs to it
# a label that is all its line (but bullets before it, closing marks after it) or opens it before a colon
_BOILERPLATE_LABEL = re.compile(r"[\s•·*►▶>»\-–—]*(?P<phrase>[^\W\d_][\w'’ \-]{0,48}?[^\W\d_])"
                                r"\s*(?:(?P<label>[:›»→|…]|\.\.\.)[\s›»→|…]*(?=\S|$)|\.?\s*$)")


_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-ZÀ-ÝА-Я]{2,}\s*\)")
_SENTENCE_END_IN_LINE = re.compile(r"[.!?…][\"”’»)]?[ \u00a0]+(?=[^\W\d_])")


@lru_cache(maxsize=None)
def _boilerplate_table(rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """phrase -> the languages whose ``boilerplate.txt`` lists it."""
    table: dict[str, list[str]] = {}
    for lang in SUPPORTED_LANGUAGES:
        for phrase in word_list(lang, "boilerplate.txt", rule_dirs):
            table.setdefault(" ".join(phrase.split()), []).append(lang)
    return {phrase: tuple(langs) for phrase, langs in table.items()}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The Unicode script a letter belongs to (the first word of its name)."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    first = name.split(" ", 1)[0]
    return "CJK" if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL") else first


@lru_cache(maxsize=None)
def exonyms(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, str]:
    """foreign spelling -> the language's spelling (``exonyms.tsv``)."""
    out: dict[str, str] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "exonyms.tsv"
        if p.is_file():
            for row in read_tsv(p, ("foreign", "local")):
                out[row["foreign"]] = row["local"]
    return out


@lru_cache(maxsize=None)
def place_spellings(rule_dirs: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """spelling -> every spelling of the same place that some language's
    ``exonyms.tsv`` pairs with it (Moscow, Moskau, Moscú, Moscou, Mosca,
    Moscovo, Moskva): the lists of all the languages, joined. A language's
    list leaves out the spellings its word list knows (London in Spanish,
    Moscow in German: a person, a club, a school); these say which of them
    is the same place as the language's own spelling."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lang in SUPPORTED_LANGUAGES:
        for foreign, local in exonyms(lang, rule_dirs).items():
            parent[find(foreign)] = find(local)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return {x: frozenset(group) for group in groups.values() for x in group}


def _others(word: str, lang: str) -> tuple[str | None, float]:
    """The supported language other than ``lang`` that writes ``word`` most
    often, with its zipf (from the untranslated stage's claims table, which
    holds every word some language writes at zipf 3 or more)."""
    packed = _claims_table().get(word, 0)
    best, best_z = None, 0.0
    if not packed:
        return None, 0.0
    for other, bit in _BIT.items():
        if other == lang:
            continue
        bucket = packed >> (_FREQ + _BUCKET_BITS * bit) & ((1 << _BUCKET_BITS) - 1)
        if bucket:
            z = math.log10(_bucket_frequency(bucket - 1) * 1e9)
            if z > best_z:
                best, best_z = other, z
    return best, best_z


# endings of Spanish, Italian, Portuguese and German words that no English word
# has: a lower-case word with one that English's list does not know is a source
# word (0.02 per 10,000 words of the clean English of ../shared/data, both real)
_SUFFIX_LANGUAGE = {"ismo": "es", "ismos": "es", "ción": "es", "ciones": "es", "idad": "es", "idades": "es",
                    "zione": "it", "zioni": "it", "ità": "it", "ção": "pt", "ções": "pt", "dade": "pt",
                    "dades": "pt", "ierung": "de", "ierungen": "de", "ungen": "de", "keit": "de",
                    "schaft": "de", "ität": "de"}
_FOREIGN_SUFFIX = re.compile("(?:" + "|".join(sorted(_SUFFIX_LANGUAGE, key=len, reverse=True)) + ")$")
SUFFIXED_MIN_LEN = 8

_EXTRA_MAGIC = b"MTNORM-EXTRA-WORDS\n"


def _extra_name() -> str:
    """The cached extra-language table's file name: a hash of what it is made from."""
    import hashlib
    h = hashlib.sha1(f"1 {OTHER_MIN} {EXTRA_LANGUAGES}".encode())
    for lang in EXTRA_LANGUAGES:
        h.update(f"\0{lang}\0{WordFrequencies.stamp(lang)}".encode())
    return f"extra-words-{h.hexdigest()[:16]}.bin"


def build_extra_table() -> dict[str, tuple[str, float]]:
    """word -> (the language of :data:`EXTRA_LANGUAGES` that writes it most
    often, its zipf there), for every word one of them writes at zipf
    :data:`OTHER_MIN` or more (about 140,000 words; half a second)."""
    import wordfreq
    out: dict[str, tuple[str, float]] = {}
    same: dict[tuple[str, float], tuple[str, float]] = {}   # one object per value: a smaller table and file
    for lang in EXTRA_LANGUAGES:
        try:
            buckets = wordfreq.get_frequency_list(lang, "best")
        except (LookupError, ValueError):
            continue
        for index, bucket in enumerate(buckets):
            z = round(9 - index / 100, 2)     # bucket k holds the words at -k centibels
            if z < OTHER_MIN:
                break
            for word in bucket:
                if len(word) >= MIN_FOREIGN_LEN and word.isalpha() and (word not in out or out[word][1] < z):
                    out[word] = same.setdefault((lang, z), (lang, z))
    return out


@lru_cache(maxsize=1)
def _extra_table() -> dict[str, tuple[str, float]]:
    """:func:`build_extra_table`, read from the cache directory when it holds
    a copy for this machine's word lists, else built (and kept there); empty
    without wordfreq."""
    def build() -> dict[str, tuple[str, float]]:
        try:
            return build_extra_table()
        except ImportError:
            return {}
    return cached_table(_extra_name, _EXTRA_MAGIC, build)


def foreign_word(low: str, lang: str) -> tuple[str | None, float]:
    """The other language that writes the lower-case word ``low`` far more
    often than ``lang`` does, with its zipf; (None, 0.0) when none. Another
    supported language first; else, for a word ``lang`` does not know at all,
    one of :data:`EXTRA_LANGUAGES` (Turkish, Ukrainian, Polish…)."""
    if len(low) < MIN_FOREIGN_LEN or not low.isalpha():
        return None, 0.0
    letters = _OWN_LETTERS_ONLY.get(lang)
    if letters is not None and not letters.issuperset(low):
        # a letter the language never writes, that a related one does (Ukrainian
        # і, ї, є, ґ in Russian: not one in 225,000 words of clean Russian news)
        for other, marks in _LETTERS_OF[lang]:
            if marks.intersection(low):
                return other, OTHER_MIN
    own = zipf(word_frequencies(lang), low)
    if own >= OWN_MAX:
        return None, 0.0
    other, z = _others(low, lang)
    if other is None or z < OTHER_MIN or z - own < MARGIN or _RELATED.get(lang) == _RELATED.get(other, "-"):
        # (spellings shared by related languages say little: equipe, placar)
        if own < EXTRA_OWN_MAX:
            # a word of a language beyond the seven (hafta, devam) that this
            # language hardly knows, far more frequent there than anywhere else
            # (a related language's only where this one does not know it at all
            # and that one writes it commonly: Ukrainian наступного in Russian)
            extra = _extra_table().get(low)
            if extra is not None and (_RELATED.get(lang) != _RELATED.get(extra[0], "-")
                                      or own == 0.0 and extra[1] >= RELATED_EXTRA_MIN):
                if _inflected(low, word_frequencies(lang), lang):
                    return None, 0.0
                if own == 0.0 and other is None or extra[1] - max(own, z) >= MARGIN + 1:
                    return extra   # (a few sightings here are that language's: hafta, devam in Portuguese)
        return None, 0.0
    return other, z


OPENER_EN_MIN = OTHER_MIN - 0.5   # an English word opening a sentence of another language: English writes it this often
OPENER_MARGIN = 1.0               # ...ten times as often as the language, which hardly knows it (EXTRA_OWN_MAX)


def _opening_english(low: str, lang: str) -> bool:
    """Is ``low``, capitalised where a sentence of ``lang`` opens, an English
    word left (`Eyewitness a signalé`) by a looser measure than
    :func:`foreign_word`'s? The place says more than the counts: a word the
    language hardly knows (zipf under EXTRA_OWN_MAX), that English writes
    ten times as often and at zipf OPENER_EN_MIN; the caller still asks
    that it stand once in the text, before a lower-case word."""
    if len(low) < MIN_FOREIGN_LEN or not low.isalpha():
        return False
    own, en = zipf(word_frequencies(lang), low), zipf(word_frequencies("en"), low)
    return own < EXTRA_OWN_MAX and en >= OPENER_EN_MIN and en - own >= OPENER_MARGIN \
        and not _inflected(low, word_frequencies(lang), lang)


def _inflected(low: str, freqs, lang: str = "") -> bool:
    """Is ``low`` perhaps a form of a word the language knows, one it has no
    count of (`argumentera`, future of `argumenter`)? A known word (zipf 2 or
    more) that it begins with, at most three letters shorter and four long;
    where the language lists its endings (``inflected_endings.txt``), the rest
    must be one of them (English `haft` + `a` is no form of `haft`)."""
    endings = word_list(lang, "inflected_endings.txt") if lang else frozenset()
    return any(zipf(freqs, low[:k]) >= 2.0 and (not endings or low[k:] in endings)
               for k in range(max(4, len(low) - 3), len(low)))


_FORM_CACHES: dict[str, FormCache] = {}   # language -> foreign_word's decisions over a run


def document_foreign(a, lang: str) -> dict[str, str]:
    """The document's word forms (tokens, as :attr:`Analysis.vocabulary`
    holds them) whose name part :func:`foreign_word` finds foreign -> that
    other language. Decided once per form over a run (a :class:`FormCache`,
    bounded), looked up once per document and shared through ``a.memo`` by
    the foreign stage and the source guess. (A bounded LRU cache overflowed
    on a document with more distinct forms than it held, and then decided
    each form again at every look: the time jumped past that size.)"""
    key = ("foreign", lang)
    table = a.memo.get(key)
    if table is None:
        cache = _FORM_CACHES.get(lang)
        if cache is None:
            cache = _FORM_CACHES[lang] = FormCache(lambda form: foreign_word(name_part(form).lower(), lang)[0])
        table = a.memo[key] = cache.select(a.vocabulary)
    return table


@lru_cache(maxsize=None)
def source_acronyms(lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[re.Pattern | None, dict[str, tuple]]:
    """``source_acronyms.tsv`` of the language's packs as one scan: a pattern
    of every acronym (case-sensitive, a whole token, a plural -s allowed) and
    acronym -> (its source language, the language's own form or "", and the
    row's `unless` pattern or None: words near it that make it another
    thing's acronym, `airport` for SVO, Sheremetyevo's code)."""
    table: dict[str, tuple] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "source_acronyms.tsv"
        if p.is_file():
            for row in read_tsv(p, ("acronym", "source")):
                unless = _compile(row.get("unless") or None, f"{p}: acronym {row['acronym']}: field `unless`")
                table[row["acronym"]] = (row["source"], row.get("local") or "", unless)
    if not table:
        return None, table
    alt = "|".join(re.escape(x) for x in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-./@#])(?P<acr>{alt})(?P<pl>s)?(?![\w\-@])"), table


def acronym_hits(text: str, lang: str, rule_dirs: tuple[str, ...] = ()):
    """(match, source language, the language's form, window) for each acronym
    of ``source_acronyms.tsv`` in ``text`` that is not near its row's
    `unless` words; the window is the UNLESS_WINDOW characters either side of
    it on its line, where those words were looked for."""
    rx, table = source_acronyms(lang, rule_dirs)
    if rx is None:
        return
    for m in rx.finditer(text):
        s, e = m.span()
        ws = text.rfind("\n", max(0, s - UNLESS_WINDOW), s) + 1 or max(0, s - UNLESS_WINDOW)
        we = text.find("\n", e, e + UNLESS_WINDOW)
        we = min(len(text), e + UNLESS_WINDOW) if we < 0 else we
        source, local, unless = table[m.group("acr")]
        if unless is not None and unless.search(text, ws, we):
            continue   # (another thing's acronym: SVO near `airport` is Sheremetyevo)
        yield m, source, local, (ws, we)


@lru_cache(maxsize=None)
def _english_date_pattern(lang: str, rule_dirs: tuple[str, ...] = ()):
    """A day and an English month's full name, either order (`March 14`,
    `14 March`), for the months ``lang`` does not write the same way."""
    from ..resources import word_list
    own = word_list(lang, "months.txt", rule_dirs)
    months = [m for m in word_list("en", "months.txt", rule_dirs) if m in _ENGLISH_MONTHS and m not in own]
    if not months:
        return None
    alt = "|".join(sorted((m.capitalize() for m in months), key=len, reverse=True))
    return re.compile(rf"\b(?:(?P<m1>{alt}) (?P<d1>\d{{1,2}})(?![\d.,:/]\d)(?:, (?P<y1>\d{{4}})(?![\d.,:/]\d))?"
                      rf"|(?P<d2>\d{{1,2}}) (?P<m2>{alt})(?: (?P<y2>\d{{4}})(?![\d.,:/]\d))?)\b")


_ENGLISH_MONTH_NUMBERS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                      "august", "september", "october", "november", "december"), 1)}
_ENGLISH_MONTHS = frozenset(_ENGLISH_MONTH_NUMBERS)


@lru_cache(maxsize=None)
def date_forms(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[int, str]:
    """month number -> how ``lang`` writes a day of it, ``{day}`` standing for
    the day (``dates.tsv``: ``{day} de marzo``, ``{day}. März``, ``{day}
    марта``), and 0 -> how a year follows a date (its row ``year``: ``{date}
    de {year}``, ``{date} {year} года``); {} where the pack has none."""
    out: dict[int, str] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "dates.tsv"
        if p.is_file():
            for row in read_tsv(p, ("month", "day_month")):
                key, form = row["month"], row["day_month"]
                if key == "year" and "{date}" in form and "{year}" in form:
                    out[0] = form
                elif key.isdigit() and 1 <= int(key) <= 12 and "{day}" in form:
                    out[int(key)] = form
                else:
                    raise RulePackError(f"{p}: month {key!r}: a month's number, 1-12, and a form with {{day}} "
                                        f"in it, or `year` and a form with {{date}} and {{year}}")
    return out


# letters of no script but Latin (with its combining marks), and the general
# punctuation and symbol blocks: a text of only these has no run in another script
_LATIN_ONLY = re.compile(r"[\x00-\u036f\u1e00-\u1eff\u2000-\u2bff\ufeff]*")


@lru_cache(maxsize=1 << 16)
def _leaning(word: str, lang: str) -> frozenset[str] | None:
    """The other languages the word model finds the lower-case ``word``
    PHRASE_WORD_GAP (log10) likelier in than ``lang`` (None: none). A word
    no other language has among its frequent words leans to none: one
    look-up. Kept across documents: a corpus weighs each form once."""
    if not (_claims_table().get(word, 0) & _mask_of_others(lang)) or not word.isalpha():
        return None
    model = word_log_likelihoods(word)
    if lang not in model:
        return None
    out = frozenset(o for o, x in model.items() if o != lang and x - model[lang] >= PHRASE_WORD_GAP)
    return out or None


class ForeignTextStage(Stage):
    """Words, phrases, lines and names left in another language."""

    name = "foreign"
    requires = ("language",)
    rules = ("MTN803", "MTN804", "MTN805", "MTN806", "MTN807")

    def process(self, doc: Document, ctx: Context):
        lang = doc.language
        if lang not in SUPPORTED_LANGUAGES:
            return []
        a = ctx.analysis
        text = doc.text
        out = list(self._scripts(text, a, lang, bool(doc.metadata.get("language_detected"))))
        taken = [(f.start, f.end) for f in out]
        if not a.tokens:
            return out
        out.extend(self._boilerplate(text, a, lang, ctx.rule_dirs, taken))
        out.extend(self._exonyms(text, a, lang, ctx.rule_dirs, doc.source_language))
        out.extend(self._acronyms(text, a, lang, ctx.rule_dirs))
        out.extend(self._words(text, a, lang, ctx.rule_dirs, taken + [(f.start, f.end) for f in out],
                               ctx.options.get("segment_detector")))
        out.extend(self._model_phrases(text, a, lang, ctx.rule_dirs, taken + [(f.start, f.end) for f in out]))
        if lang == "en":
            out.extend(self._suffixed(text, a, [(f.start, f.end) for f in out]))
            out.extend(self._elided_articles(text, a, ctx.rule_dirs, [(f.start, f.end) for f in out]))
            out.extend(self._source_articles(text, a, doc.source_language, ctx.rule_dirs,
                                             [(f.start, f.end) for f in out]))
        if lang in _ROMANISED_RUSSIAN_IN:
            out.extend(self._romanised_russian(text, a, lang, ctx.rule_dirs, [(f.start, f.end) for f in out]))
        if lang != "ru":
            out.extend(self._transliterations(a, lang, ctx.rule_dirs, {f.start for f in out}))
        if lang != "en":
            held = [(f.start, f.end) for f in out]
            out.extend(f for f in self._english_dates(text, a, lang, ctx.rule_dirs)
                       if not any(f.start < e and s < f.end for s, e in held))
        return out

    # -- MTN804: a site's boilerplate left in another language -----------------

    def _boilerplate(self, text: str, a, lang: str, rd, taken):
        """A phrase another language's ``boilerplate.txt`` lists (a teaser
        label, a sharing prompt: `Read more`, `Leia também`, `Читайте
        также`) that is all its line but bullets and closing marks, or
        labels it before a colon (`Lire aussi : …`), in a text in this
        language: the site's template the translation left. Not a phrase
        this language lists too. A line over BOILERPLATE_LINE characters is
        a label's only before a colon, or after a sentence's end where the
        phrase runs to the line's end; so is a phrase after a sentence's end
        inside a line, where a scraper joined the label to the paragraph
        (`… pelo Governo. Read also: Lula meets Biden`, `… had failed. Leer
        más`)."""
        table = _boilerplate_table(rd)
        if not table:
            return
        pos = 0
        for line in text.split("\n"):
            ls, pos = pos, pos + len(line) + 1
            line = line.rstrip()
            if not line:
                continue
            # (read BOILERPLATE_LINE characters at most: a longer line is a label's only
            # before a colon, and the pattern's work stays bounded however long the line)
            m = _BOILERPLATE_LABEL.match(line[:BOILERPLATE_LINE])
            hits = [m] if m is not None and (len(line) <= BOILERPLATE_LINE or m.group("label") is not None) else []
            if ":" in line:
                for end in _SENTENCE_END_IN_LINE.finditer(line):
                    m = _BOILERPLATE_LABEL.match(line, end.end(), end.end() + BOILERPLATE_LINE)
                    if m is not None and m.group("label") == ":":
                        hits.append(m)
            if not hits:
                # (the label a scraper joined to the paragraph's end: `… had failed. Leer más`)
                for end in _SENTENCE_END_IN_LINE.finditer(line, max(0, len(line) - BOILERPLATE_TAIL)):
                    m = _BOILERPLATE_LABEL.match(line, end.end())
                    if m is not None and m.group("label") is None:
                        hits.append(m)
            for m in hits:
                phrase = " ".join(m.group("phrase").lower().split())
                langs = table.get(phrase)
                if not langs or lang in langs:
                    continue
                s, e = ls + m.start("phrase"), ls + m.end("phrase")
                if any(s < te and ts < e for ts, te in taken) or a.is_protected(s, e):
                    continue
                self.stats["boilerplate"] += 1
                found = langs[0]
                yield finding("MTN804", s, e, f"`{text[s:e]}` is a site's boilerplate left untranslated "
                              f"({found} in a {lang} text)", (), Applicability.DISPLAY, language=found)

    # -- MTN804: a date left in English ---------------------------------------

    def _english_dates(self, text: str, a, lang: str, rd):
        """`March 14` or `14 March` in a text in another language: an English
        month's name (``months.txt`` of English, not one the language writes
        too: German August) next to a day of the month."""
        rx = _english_date_pattern(lang, rd)
        if rx is None:
            return
        for m in rx.finditer(text):
            day = m.group("d1") or m.group("d2")
            if not 1 <= int(day) <= 31 or a.is_protected(m.start(), m.end()):
                continue
            ls, le = a.line_bounds(m.start())
            probs = langdetect_probabilities(text[ls:le]) if le - ls >= 20 else []
            if probs and probs[0][0] == "en" and probs[0][1] >= 0.5:
                continue   # a line in English (a quotation, or a text whose language was misjudged)
            self.stats["english_date"] += 1
            month = _ENGLISH_MONTH_NUMBERS[(m.group("m1") or m.group("m2")).lower()]
            forms = date_forms(lang, rd)
            local = forms[month].replace("{day}", str(int(day))) if month in forms else None
            year = m.group("y1") or m.group("y2")
            if local and year:
                local = forms.get(0, "{date} {year}").replace("{date}", local).replace("{year}", year)
            yield finding("MTN804", m.start(), m.end(), f"`{m.group()}` looks untranslated (en in a {lang} text)"
                          + (f": `{local}`" if local else ""), (local,) if local else (),
                          Applicability.UNSAFE if local else Applicability.DISPLAY, language="en")

    # -- MTN803 --------------------------------------------------------------

    def _scripts(self, text: str, a, lang: str, detected: bool = True):
        """Runs of words in a script other than the language's. A run that
        holds most of the text's letters is left alone where the language
        was detected (then it was misjudged), not where the caller named it
        (a short English page whose Cyrillic line is its longest)."""
        own = _SCRIPT_OF[lang]
        if own == "LATIN" and _LATIN_ONLY.fullmatch(text):
            return   # (most documents: one C-speed scan instead of a look at every word)
        runs = []   # (start, end, script, words)
        cur = None
        for m in _WORD.finditer(text):
            s = script_of(m.group()[0])
            if not s or s == own:
                if cur is not None:
                    runs.append(cur)
                    cur = None
                continue
            if cur is not None and cur[2] == s and "\n" not in text[cur[1]:m.start()] \
                    and not _WORD.search(text, cur[1], m.start()):
                cur = (cur[0], m.end(), s, cur[3] + 1)
            else:
                if cur is not None:
                    runs.append(cur)
                cur = (m.start(), m.end(), s, 1)
        if cur is not None:
            runs.append(cur)
        letters = sum(1 for ch in text if ch.isalpha()) if runs else 0
        # UTF-8 read in a Thai, Hebrew or Arabic code page is mojibake (MTN001), no passage
        alphabet = ALPHABETS.get(lang)
        garbled = legacy_mojibake(text, alphabet) if runs and alphabet else []
        for start, end, script, n in runs:
            if any(s < end and start < e for s, e, _, _ in garbled):
                continue
            if detected and sum(1 for ch in text[start:end] if ch.isalpha()) > 0.5 * letters:
                continue   # most of the text: its language was misjudged
            need = 5 if script == "LATIN" else 3
            if n < need and not (script == "CJK" and end - start >= 6):
                continue
            if a.is_protected(start, end):
                continue
            probs = langdetect_probabilities(text[start:end])
            found = probs[0][0] if probs else None
            if script == "LATIN" and (found is None or found == lang or probs[0][1] < 0.8
                                      or not self._running_text(text[start:end])):
                continue   # (names, brands and titles in Latin letters belong to Russian news)
            self.stats["script"] += 1
            yield finding("MTN803", start, end, f"a passage in {script.title()} script"
                          + (f" ({found})" if found else "") + f" in a {lang} text", (), Applicability.DISPLAY,
                          language=found, script=script)

    @staticmethod
    def _running_text(passage: str) -> bool:
        """Mostly lower-case words, five or more: a sentence, not a string of names."""
        words = _WORD.findall(passage)
        low = [w for w in words if w.islower()]
        return len(low) >= 5 and len(low) >= 0.6 * len(words)

    # -- MTN806 --------------------------------------------------------------

    def _exonyms(self, text: str, a, lang: str, rd, source: str | None = None):
        """A place in another language's spelling (``exonyms.tsv``); and,
        in a text translated from a language known or guessed (``source``),
        one the list leaves out since the language's word list knows it,
        written in the source language's spelling where the text writes the
        language's own spelling of the place too (London … Londres in
        Spanish from English, Moscow … Moskau in German: one place, two
        spellings, the source's left by the translation). Without a source,
        such a pair is mostly a club's or a brand's name beside the place's
        (el Napoli … Nápoles, Sevilla … Seville)."""
        table = exonyms(lang, rd)
        if not table:
            return
        names = a.names
        own = set(table.values())
        spellings = place_spellings(rd)
        sources = set(exonyms(source, rd).values()) if source and source != lang else set()
        written = {part for part in names.parts if part in own} if sources else set()
        for i, part in enumerate(names.parts):
            good = table.get(part)
            also = False
            if good is None and written and part in sources and part not in own and part in spellings:
                mine = spellings[part] & written
                if len(mine) != 1 or self._in_a_longer_name(names, i):
                    continue   # (a club's, a brand's, a paper's name keeps it: FC Sevilla, L'Oréal Paris)
                (good,) = mine
                also = True
            if good is None or not also and self._in_a_longer_name(names, i):
                continue   # (Colonia Juárez, FC Bayern München, Praha Hlavní nádraží: another place, a club, a station)
            m = names.matches[i]
            s = m.start() + m.group().find(part)
            if a.is_protected(s, s + len(part)):
                continue
            self.stats["exonym_written_too" if also else "exonym"] += 1
            yield finding("MTN806", s, s + len(part), f"`{part}` is written `{good}` in {lang}"
                          + (", as this text writes it elsewhere" if also else ""), [good],
                          Applicability.UNSAFE, language=None, local=good)

    @staticmethod
    def _in_a_longer_name(names, i: int) -> bool:
        """Is name part ``i`` one word of a longer name, next (one space away)
        to a Capitalised word that opens no sentence or an acronym (``AC
        Milan``, ``1. FC Nürnberg``, ``London St Pancras``, ``The Beijing
        Evening News``, ``Colonia Juárez``)?"""
        n = len(names.parts)
        parts = names.parts
        before = i > 0 and names.gap(i - 1, i) == " " and parts[i - 1][:1].isupper() \
            and (not names.start[i - 1] or len(parts[i - 1]) > 1 and parts[i - 1].isupper())
        after = i + 1 < n and names.gap(i, i + 1) == " " and parts[i + 1][:1].isupper()
        return bool(before or after)

    # -- MTN807 --------------------------------------------------------------

    _CAPS_WORD = re.compile(r"[^\W\d_]{2,}")

    def _acronyms(self, text: str, a, lang: str, rd):
        """An acronym of the source language in Latin letters (`SVO` for СВО,
        the special military operation), from ``source_acronyms.tsv``; not in
        a line of capitals (a headline), where any short word looks like one."""
        for m, source, local, (ws, we) in acronym_hits(text, lang, rd):
            s, e = m.span()
            if a.is_protected(s, e):
                continue
            words = self._CAPS_WORD.findall(text, ws, we)
            if len(words) > 1 and sum(w.isupper() for w in words) > len(words) / 2:
                continue
            fix = []
            if local:
                plural = m.group("pl")
                if plural and not local.isupper():
                    local = ""   # a phrase has no plural to make: flagged only
                else:
                    local += plural or ""
                    if local[:1].islower() and self._opens_sentence(text, s):
                        local = local[0].upper() + local[1:]
                    fix = [local]
            # a phrase for an acronym may not agree with the article before it
            # (`los VSU` -> `las Fuerzas Armadas`) where nouns have a gender: a suggestion there
            sure = bool(fix) and (lang == "en" or " " not in local)
            self.stats["acronym"] += 1
            yield finding("MTN807", s, e, f"`{m.group()}` is the {source} acronym left in Latin letters"
                          + (f": {lang} writes `{local}`" if local else ""), fix,
                          Applicability.UNSAFE if sure else Applicability.DISPLAY, language=source, local=local or None)

    # -- MTN804 --------------------------------------------------------------

    def _words(self, text: str, a, lang: str, rd, taken, detector: str | None = None):
        freqs = word_frequencies(lang)
        if not freqs:
            return
        names = a.names
        lexicon = casing_lexicon(lang, rd).single
        own_fw = function_words(lang, rd)
        parts, keys = names.parts, names.keys
        n = len(parts)
        flags: list[str | None] = [None] * n
        # each form decided once: most are the language's own words
        table = document_foreign(a, lang)
        forms = names.forms
        # (compounds and elisions are no foreign words: Eure-et-Loir)
        foreign = [table.get(f) if not ("-" in p or "'" in p or "’" in p) else None
                   for f, p in zip(forms, parts)] if table else [None] * n
        weak = set()   # lower-case words a name of the language begins with (Grupo Televisa)
        for i, part in enumerate(parts):
            other = foreign[i]
            if other is None:
                if lang == "en" or not names.start[i] or not capitalised(part) or part.isupper() \
                        or not _opening_english(keys[i], lang):
                    continue
                other = "en"   # (the checks below ask more of it: alone, before a lower-case word)
            if keys[i] in lexicon:
                if not part.islower():
                    continue
                weak.add(i)   # foreign in lower case, but only among other foreign words (grupo do Estado)
            if capitalised(part) and not part.isupper():
                if other not in SUPPORTED_LANGUAGES:
                    continue   # a capitalised word of a language beyond the seven: a name (Tempur, Aktualne)
                # a capitalised foreign word mid-sentence is mostly a name (Mauer,
                # Neuen Werft): only one that opens a sentence (Eyewitness a signalé),
                # or one alone between lower-case words that the other language
                # writes in lower case (un courage Remarkable, à la fois)
                if names.cap_mid[keys[i]] + names.cap_start[keys[i]] > 1:
                    continue
                alone = (i == 0 or _item_gap(names.gap(i - 1, i))) and (i + 1 == n or _item_gap(names.gap(i, i + 1)))
                if not names.start[i] and not alone:
                    # English words left in a Romance text: not in German, which
                    # capitalises nouns, nor in Russian, where a capitalised word in
                    # Latin letters is a brand's (Nationwide); in an English text a
                    # capitalised German or Italian word is mostly a surname (Leicht)
                    if other == "en" and lang in _LEFT_ENGLISH and self._common_in(keys[i], other, rd) and 0 < i and parts[i - 1].islower() \
                            and names.gap(i - 1, i) == " " and names.run_of(i) is None \
                            and not (i + 1 < n and names.cap[i + 1]):
                        flags[i] = other
                    continue
                if not alone:
                    # (a word alone on its line or between a menu's bars: a navigation or
                    # section word, `Publicidad`, `Inicio | Noticias | Deportes`)
                    if i + 1 < n and (names.cap[i + 1] or not parts[i + 1].islower()):
                        continue
                    if not self._opens_sentence(text, names.matches[i].start()):
                        continue
            elif not part.islower():
                continue
            elif other not in SUPPORTED_LANGUAGES and i > 0 and names.cap[i - 1] and names.gap(i - 1, i) == " ":
                continue   # a lower-case word of a name in that language (Kounicova ulice, České dráhy)
            flags[i] = other
        if sum(f is not None for f in flags) > 0.3 * n:
            return   # most of the text: its language was misjudged, or it is a foreign quotation
        i = 0
        while i < n:
            if flags[i] is None:
                i += 1
                continue
            j = i + 1
            # the languages the run's words were flagged in, whose function words it
            # bridges (opposition, French; criticised, English: the plan)
            run_langs = {flags[i]}
            while j < n and "\n" not in names.gap(j - 1, j) and names.gap(j - 1, j).strip(" ") == "":
                if flags[j] is not None or self._joins(parts[j], forms[j], table, freqs):
                    if flags[j] is not None:
                        run_langs.add(flags[j])
                    j += 1   # (a word no list knows, or a capitalised foreign one: islamita, Estado)
                    continue
                # bridge one short word of the foreign language (grupo do Estado)
                if j + 1 < n and len(parts[j]) <= 3 and any(keys[j] in function_words(o) for o in run_langs) \
                        and names.gap(j, j + 1).strip(" ") == "" \
                        and (flags[j + 1] is not None or self._joins(parts[j + 1], forms[j + 1], table, freqs)):
                    j += 2
                    continue
                break
            while j - 1 > i and flags[j - 1] is None and not self._joins(parts[j - 1], forms[j - 1], table, freqs):
                j -= 1
            s, e = names.matches[i].start(), names.matches[j - 1].end()
            i0, i = i, j
            if any(s < te and ts < e for ts, te in taken) or a.is_protected(s, e):
                continue
            if self._in_foreign_quote(a, names, s, e, flags, lang, freqs, table, rd):
                continue
            if in_loan_phrase(text, s, e, rd):
                self.stats["loan_phrase"] += 1
                continue   # joie de vivre, sotto voce: a phrase the language borrowed
            if j - i0 == 1 and parts[i0].islower() and zipf(freqs, keys[i0]) >= SINGLE_OWN_MAX \
                    and not _alone_on_line(text, s, e) \
                    and not self._rare_single(text, s, e, keys[i0], flags[i0], freqs):
                continue   # one lower-case word the language's list knows: a loan (rough, tackles),
                # unless alone on its line, where no loan stands (a tag or a section word left: sino)
            if weak and weak.intersection(range(i0, j)) and not any(
                    k not in weak and len(parts[k]) >= MIN_FOREIGN_LEN
                    and (flags[k] is not None or self._joins(parts[k], forms[k], table, freqs)) for k in range(i0, j)):
                continue   # a word names begin with, and no other foreign word with it
            lead = leading_function_word(text, s, frozenset().union(*map(function_words, run_langs)),
                                         own_fw)   # (The opposition, El ministro)
            if not any(lead < te and ts < s for ts, te in taken):
                s = lead
            words = text[s:e]
            found = self._language_of(words, flags[i0:j], lang, detector)
            self.stats["foreign"] += 1
            yield finding("MTN804", s, e, f"`{words}` looks untranslated ({found} in a {lang} text)", (),
                          Applicability.DISPLAY, language=found)

    @staticmethod
    def _rare_single(text: str, s: int, e: int, key: str, other: str | None, freqs) -> bool:
        """One lower-case word the document's language knows only rarely
        (zipf under SINGLE_RARE_OWN) that the other language writes SINGLE_GAP
        more (`milliards`, `habitants` in English): untranslated, not a loan;
        but not a word of a name (la Société d'énergie de la Baie James
        (SEBJ): after a capitalised word and a function word or two, or
        before an acronym in brackets)."""
        own = zipf(freqs, key)
        if own >= SINGLE_RARE_OWN or other not in SUPPORTED_LANGUAGES \
                or zipf(word_frequencies(other), key) - own < SINGLE_GAP:
            return False
        if ends_a_name(text, s):
            return False   # (after a capitalised word and a function word or two: a name's or a title's)
        rest = text[e:e + 80].split("\n", 1)[0]
        return not _ACRONYM_IN_BRACKETS.search(rest)   # (a name an acronym follows: … maladie (CNAM))

    def _model_phrases(self, text: str, a, lang: str, rd, taken):
        """A run of PHRASE_MIN_WORDS lower-case words or more, each likelier
        in one other language than in the document's by the word model
        (:func:`~normalize.stages.untranslated.word_log_likelihoods`), the
        run PHRASE_GAP (log10) likelier there, with one of that language's
        function words: `in the summer` in Portuguese, `the government` in
        Spanish. The Romance word lists hold such English words at zipf 3
        and more (web text quotes them), which MTN804's word test reads as
        the language's own; their frequencies side by side still tell. Not
        a run that goes on into a capitalised word (a name or a title:
        `Newport on the Levee`) or follows one of that language (`Sangre de
        mayo, a film`), an address (`weather.com`), a gloss in brackets, a
        quotation, a phrase the language borrowed, nor one in a line with no
        function word of the document's language or that reads in the
        other language (a line of its own: MTN801's). Display-only."""
        names = a.names
        parts, n = names.parts, len(names.parts)
        own_fw = function_words(lang, rd)
        lexicon = casing_lexicon(lang, rd).single

        def lean(word: str):
            return _leaning(word, lang) if word not in own_fw else None

        # each distinct form weighed once; only the places of those that lean are visited
        forms = {v for v in a.vocabulary if v.islower() and lean(v) is not None}
        if not forms:
            return
        forms_at = names.forms
        after = 0
        for i0 in a.places(forms):
            if i0 < after:
                continue   # (inside the run before)
            j = i0 + 1
            while j < n and forms_at[j] in forms and names.gap(j - 1, j) == " ":
                j += 1
            after = j
            if j - i0 < PHRASE_MIN_WORDS:
                continue
            common = set.intersection(*(set(lean(forms_at[k])) for k in range(i0, j)))
            if not common:
                continue
            words = [forms_at[k] for k in range(i0, j)]
            model = word_log_likelihoods(" ".join(words), tuple(common) + (lang,))
            found = max(common, key=model.get)
            if model[found] - model[lang] < PHRASE_GAP:
                continue
            if not any(w in function_words(found, rd) for w in words):
                continue   # a noun phrase the language borrowed (private equity, standing ovation, part time)
            s, e = names.matches[i0].start(), names.matches[j - 1].end()
            if any(s < te and ts < e for ts, te in taken) or a.is_protected(s, e):
                continue
            if i0 and names.gap(i0 - 1, i0) == " " and names.cap[i0 - 1] and found in (lean(names.keys[i0 - 1]) or ()) \
                    or j < n and names.gap(j - 1, j) == " " and names.cap[j]:
                continue   # a name's or a title's words (Newport on the Levee; Sangre de mayo, a film)
            if s and text[s - 1] in "./@#_-'’" or text[e:e + 1] in ("/", "@", "_", "-") \
                    or text[e:e + 1] == "." and text[e + 1:e + 2].isalnum():
                continue   # an address, a handle, a compound (weather.com)
            if ends_a_name(text, s) or _ACRONYM_AFTER.match(text, e):
                continue   # the end of a name (la Société de développement des entreprises culturelles (SODEC))
            if text[e:e + 2].lstrip(" ")[:1] in ("(", "[") or text[max(0, s - 2):s].rstrip(" ")[-1:] in ("(", "["):
                continue   # a term and its gloss, or a gloss of a term (buy to lets (comprati per…), (on the cloud))
            ls, le = a.line_bounds(s)
            if a.quotes.enclosing(s, e) is not None \
                    or single_quotation(text, s, e, max(ls, s - QUOTE_WINDOW), min(le, e + QUOTE_WINDOW)) is not None:
                continue
            if in_loan_phrase(text, s, e, rd):
                continue
            # (the line's words, a window's worth either side: a long line is read once, not per run)
            line_words = names.words_between(max(ls - 1, s - QUOTE_WINDOW), min(le, e + QUOTE_WINDOW))
            rest = [k for k in line_words if not i0 <= k < j]
            if not any(parts[k].islower() and names.keys[k] in own_fw for k in rest):
                continue   # a line of its own in that language (a title, a motto): MTN801's
            around = word_log_likelihoods(" ".join(parts[k] for k in rest), (found, lang))
            if around and around[found] >= around[lang]:
                continue   # the rest of the line reads in that language too (Il faut bien le faire.)
            if any(parts[k] in lexicon for k in range(i0, j)):
                continue   # a word the language's names hold
            self.stats["model_phrase"] += 1
            phrase = text[s:e]
            yield finding("MTN804", s, e, f"`{phrase}` looks untranslated ({found} in a {lang} text)", (),
                          Applicability.DISPLAY, language=found)

    def _suffixed(self, text: str, a, taken):
        """A lower-case word no word list knows (not even English's) that ends
        as Spanish, Italian, Portuguese or German words do and English words
        never do (`transfugismo`, `destinazione`): a source word too rare for
        the lists, left untranslated. Each distinct form is judged once; only
        the places of the few that qualify are visited."""
        freqs = word_frequencies("en")
        forms = {v for v in a.vocabulary
                 if len(v) >= SUFFIXED_MIN_LEN and v.islower() and v.isalpha() and _FOREIGN_SUFFIX.search(v)
                 and zipf(freqs, v) == 0.0}
        if not forms:
            return
        for i in a.places(forms):
            w = a.words[i]
            s, e = w.span()
            before = text[s - 1] if s else " "
            after = text[e:e + 2]
            if before in "/@#.-_" or after[:1] in "/@-_" or after[:1] == "." and after[1:2].isalnum():
                continue   # (an address, a handle, a file name)
            if any(s < te and ts < e for ts, te in taken) or a.is_protected(s, e):
                continue
            part = w.group()
            found = _SUFFIX_LANGUAGE[_FOREIGN_SUFFIX.search(part).group()]
            self.stats["suffixed"] += 1
            yield finding("MTN804", s, e, f"`{part}` looks untranslated ({found} in a en text)", (),
                          Applicability.DISPLAY, language=found)

    def _romanised_russian(self, text: str, a, lang: str, rd, taken):
        """A lower-case word in Latin letters that neither the document's
        language nor English knows (zipf under ROMANISED_UNKNOWN), which read
        back through ``romanisation.tsv`` is a common Russian word (zipf
        ROMANISED_RU_MIN): `nezavisimost` (независимость), `obshchestvo`. A
        run of such words is one finding. Capitalised words are left alone:
        names of people, places, clubs and papers are written so (Yunost
        stadium, Rossiyskaya Gazeta); so are words a quotation mark encloses,
        which a text quotes as words (the word for pressure, 'davlenie')."""
        own, en = word_frequencies(lang), word_frequencies("en")
        forms = {v: hit for v in a.vocabulary
                 if len(v) >= ROMANISED_MIN_LEN and v.isascii() and v.isalpha() and v.islower()
                 and zipf(own, v) < ROMANISED_UNKNOWN and zipf(en, v) < ROMANISED_UNKNOWN
                 and (hit := _russian_reading(v, rd)) is not None}
        if not forms:
            return
        spans = []
        for i in a.places(forms):
            w = a.words[i]
            s, e = w.span()
            if text[max(0, s - 2):s].strip(" \u00a0\u202f")[-1:] in _QUOTE_MARKS \
                    or text[e:e + 2].strip(" \u00a0\u202f")[:1] in _QUOTE_MARKS \
                    or (s and text[s - 1] in "/@#.-_") or text[e:e + 1] in ("/", "@", "-", "_") \
                    or a.is_protected(s, e):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            if spans and not text[spans[-1][1]:s].strip(" "):
                spans[-1] = (spans[-1][0], e, spans[-1][2] + [forms[w.group()]])
            else:
                spans.append((s, e, [forms[w.group()]]))
        for s, e, readings in spans:
            self.stats["romanised_russian"] += 1
            yield finding("MTN804", s, e, f"`{text[s:e]}` looks like Russian left in Latin letters "
                          f"(`{' '.join(readings)}`; untranslated in a {lang} text)", (),
                          Applicability.DISPLAY, language="ru", cyrillic=" ".join(readings))

    def _elided_articles(self, text: str, a, rd, taken):
        """A French or Italian elided article or preposition (``elided.txt``:
        l', d', dell', nell') left glued to an acronym (`L’EUR well under`,
        `l'UE`), or an elided article glued to a lower-case word French or
        Italian writes (`l'euro`), in English text, where no name is written
        so (names are Capitalised: L'Oréal, d'Estaing, Côte d'Ivoire) and
        the loans that are (coup d'état, chargé d'affaires) take ``d'``. The
        article's fix, ``the``, is offered (unsafe) where the word is English
        too; otherwise the finding only points at the fragment. Not after a
        word English does not know (trompe l'oeil: a foreign phrase)."""
        rx, languages = _elision_pattern(rd)
        if rx is None:
            return
        en = word_frequencies("en")
        for m in rx.finditer(text):
            s, e = m.span()
            article, word = m.group(1), m.group(2)
            low = article.lower()
            acronym = word.isupper() and 2 <= len(word) <= 5
            if not acronym:
                if not word.islower() or len(word) < 3 or low not in _ELIDED_ARTICLES:
                    continue
                found = [o for o in ("fr", "it") if low in languages[o] and zipf(word_frequencies(o), word) >= OTHER_MIN - 0.5]
                if not found:
                    continue
            else:
                found = [o for o in ("fr", "it") if low in languages[o]]
            before = _word_before(text, s)
            if before and before.end() == s - 1 and zipf(en, before.group().lower()) < OWN_MAX \
                    and not before.group()[0].isupper():
                continue   # trompe l'oeil: inside a foreign phrase
            if a.is_protected(s, e) or any(s < te and ts < e for ts, te in taken):
                continue
            fixes = ()
            if low in _ELIDED_ARTICLES and (acronym or zipf(en, word) >= OWN_MAX):
                the = "The" if article[0].isupper() else "the"
                fixes = (f"{the} {word}",)
            self.stats["elided_article"] += 1
            yield finding("MTN804", s, e, f"`{m.group()}` keeps a {' or '.join(_LANGUAGE_NAMES[f] for f in found)} "
                          f"article (untranslated in a en text)", fixes,
                          Applicability.UNSAFE if fixes else Applicability.DISPLAY,
                          **({"language": found[0]} if len(found) == 1 else {"languages": found}))

    def _source_articles(self, text: str, a, source: str | None, rd, taken):
        """A Spanish, French, Italian or Portuguese definite article
        (``definite_articles.txt``) left before a name in English text: one
        that opens a sentence (`“O Hamas [movimento…`, `El Pentágono said`)
        or stands in lower case after an English word (`said la OTAN`).
        Names that hold their article (El Salvador, Le Pen, Los Angeles, La
        Liga) are told apart by the document itself: it must write the name
        bare (after a lower-case word or opening a sentence, never after a
        capitalised word: San Salvador) twice at least, and more often than
        after the article. The fix (unsafe) drops the article, or writes
        `the` where the document writes the name so."""
        articles, rx, foreign_fw = _source_articles_table(rd)
        if rx is None:
            return
        index = None   # capitalised word -> its places, built at the first candidate
        en = word_frequencies("en")
        for m in rx.finditer(text):
            article, name = m.group("art"), m.group("name")
            if not name[0].isupper():
                continue
            s, e = m.span()
            while (nxt := _NEXT_CAPITALISED.match(text, e)) and nxt.group()[1].isupper():
                e = nxt.end()   # the whole name: El Banco Central
            name = text[m.start("name"):e]
            low = article.lower()
            if low not in articles or any(s < te and ts < e for ts, te in taken) or a.is_protected(s, e):
                continue
            if article[0].isupper():
                if article[1:] and not article[1:].islower() or not self._opens_sentence(text, s):
                    continue   # (capitalised mid-sentence: the article of a name, in La Paz)
            else:
                before = _word_before(text, s)
                if not before or before.end() != s - 1 or not before.group().islower() \
                        or before.group() in foreign_fw or zipf(en, before.group()) < OTHER_MIN:
                    continue   # (de la Cruz, calle de la Paz: a foreign phrase or a name)
            bare = with_article = with_the = 0
            if index is None:
                index = {}
                for w in a.words:
                    if w.group()[:1].isupper():
                        index.setdefault(w.group(), []).append(w.start())
            whole = re.compile(rf"{re.escape(name)}(?![\w'’-])")
            for p in index.get(m.group("name"), ()):
                if p == m.start("name") or (p and text[p - 1] in "'’-") or not whole.match(text, p):
                    continue
                prev = _word_before(text, p)
                word = prev.group() if prev and prev.end() == p - 1 else ""
                if word.lower() == low:
                    with_article += 1
                elif word.lower() == "the":
                    bare += 1
                    with_the += 1
                elif not word or word.islower() or self._opens_sentence(text, p):
                    bare += 1
            if bare < SOURCE_ARTICLE_BARE or bare <= with_article:
                continue
            the = "The " if article[0].isupper() else "the "
            fix = (the + name) if 2 * with_the > bare else name
            found = [source] if source in articles[low] else articles[low]
            self.stats["source_article"] += 1
            yield finding("MTN804", s, e, f"`{article}` before `{name}` is an untranslated article "
                          f"({' or '.join(found)} in a en text)", (fix,), Applicability.UNSAFE,
                          **({"language": found[0]} if len(found) == 1 else {"languages": found}))

    @staticmethod
    def _common_in(key: str, other: str, rd) -> bool:
        """Does clean news in ``other`` write ``key`` in lower case mid-sentence,
        ten times or more and never capitalised (``lower_words.tsv``)? Then a
        capital on it is no name's: the translation left the word, and a
        link or a title its capital."""
        from .namecase import lower_words
        counts = lower_words(other, rd).get(key)
        return counts is not None and counts[0] >= 10 and counts[1] == 0

    @staticmethod
    def _joins(part: str, form: str, table: dict[str, str], freqs) -> bool:
        """May ``part`` continue a foreign phrase: a word the language's list
        does not know at all, or a foreign one whatever its case?"""
        if not part.isalpha() or len(part) < 4:
            return False
        return zipf(freqs, part.lower()) == 0.0 or form in table

    @staticmethod
    def _opens_sentence(text: str, start: int) -> bool:
        """Is the word at ``start`` the first of a line or after a full stop,
        question or exclamation mark (not after a dash or a colon)?"""
        i = start - 1
        while i >= 0 and text[i] in " \t\u00a0\"“«„‘(":
            i -= 1
        return i < 0 or text[i] in "\n.!?…"

    def _in_foreign_quote(self, a, names, s: int, e: int, flags, lang: str, freqs, table, rd) -> bool:
        """Inside a quotation that is a title or a foreign quotation (two
        foreign words or more, four in ten of its words foreign, most words
        capitalised, or words the word model finds QUOTE_MODEL_GAP likelier
        in another language: `"Diario de un poeta recién casado"`,
        `Los fantasmas de Goya'), in double marks or single ones? A single
        foreign word, or a few in a quotation of the document's language,
        stay findings."""
        m = a.quotes.innermost(s, e)
        ls, le = a.line_bounds(s)[0], a.line_bounds(e)[1]
        if m is not None:
            qs, qe = m.pos, m.partner.pos
        else:
            # (single marks are apostrophes too, and the pairing leaves them:
            # a quotation in them on the span's line, `Los girasoles ciegos')
            single = single_quotation(a.text, s, e, max(ls, s - QUOTE_WINDOW), min(le, e + QUOTE_WINDOW))
            if single is None:
                return False
            qs, qe = single[0] - 1, single[1]
        # the quotation's words on the span's lines, a window's worth either
        # side: a quotation left open over many lines would otherwise be read
        # whole for every finding inside it
        idx = names.words_between(max(qs, ls - 1, s - QUOTE_WINDOW), min(qe, le, e + QUOTE_WINDOW))
        foreign = sum(1 for k in idx if flags[k] is not None)
        caps = sum(1 for k in idx if names.cap[k])
        if foreign >= 2:
            # two foreign words or more: a foreign quotation, unless they are a
            # small part of it (a gloss in brackets inside a quotation in the
            # document's language: `[grupo do Estado Islâmico]`)
            own_fw = function_words(lang, rd)
            other_fw = set().union(*(function_words(f, rd) for f in {flags[k] for k in idx} if f is not None))
            like = sum(1 for k in idx if flags[k] is not None
                       or self._joins(names.parts[k], names.forms[k], table, freqs)
                       or names.keys[k] in other_fw and names.keys[k] not in own_fw)
            return like >= 0.4 * len(idx)
        if len(idx) >= 2 and caps > 0.5 * len(idx) or foreign == len(idx):
            return True
        if len(idx) < 2:
            return False
        # one word flagged, the others names or words no list knows, and the
        # word model reads the whole quotation in another language: a title
        # (`Los fantasmas de Goya`, "Wann du durchgehst durchs Tal")
        model = word_log_likelihoods(" ".join(names.parts[k] for k in idx))
        best = max(model, key=model.get) if model else lang
        return best != lang and model[best] - model[lang] >= QUOTE_MODEL_GAP

    @staticmethod
    def _language_of(words: str, flags, lang: str, detector: str | None = None) -> str:
        """The language of a short foreign passage: the segment detector's
        when it names a supported language other than the document's with
        some confidence: the one the options name, or langdetect's from 12
        characters where the word lists' unigram model
        (:func:`~normalize.stages.untranslated.word_log_likelihoods`) finds
        that language no more than WORD_MODEL_GAP (log10) less likely than
        the one it finds likeliest (langdetect calls `opposition criticised`
        Italian); else the model's language (better than langdetect's on a
        few words: ``bench/segment_language.py``); else the language the
        word lists' flags point to most. A language beyond the seven that
        the flags name (Turkish `uygulamalar`) is theirs: the model does not
        know it."""
        counts: dict[str, int] = {}
        for f in flags:
            if f is not None:
                counts[f] = counts.get(f, 0) + 1
        voted = max(counts, key=counts.get) if counts else None
        if voted is not None and voted not in SUPPORTED_LANGUAGES:
            return voted
        model = word_log_likelihoods(words, tuple(other for other in SUPPORTED_LANGUAGES if other != lang))
        best = max(model, key=model.get) if model else None
        short_ok = detector not in (None, "langdetect")
        probs = segment_probabilities(words, detector) if short_ok or len(words) >= 12 else []
        for other, p in probs:
            if other in SUPPORTED_LANGUAGES and other != lang and p >= 0.5:
                if short_ok or best is None or model[best] - model[other] <= WORD_MODEL_GAP:
                    return other
                break
        return best or voted or "und"

    # -- MTN805 --------------------------------------------------------------

    def _transliterations(self, a, lang: str, rd, taken: set[int]):
        rules = _TRANSLITERATION.get(lang)
        freqs = word_frequencies(lang)
        if not rules or not freqs:
            return
        names = a.names
        lexicon = casing_lexicon(lang, rd).single
        for i, part in enumerate(names.parts):
            if not (capitalised(part) and part.isalpha() and len(part) >= 5 and part[1:].islower()) \
                    or zipf(freqs, part.lower()) > 0.0 or part.lower() in lexicon \
                    or not _SLAVIC_NAME.search(part.lower()):
                continue
            base, tail = (part[:-1], "s") if lang == "de" and part.endswith("s") else (part, "")
            good = None
            for b, t in ((base, tail), (part, "")) if tail else ((part, ""),):
                for cand in _respell(b.lower(), rules):
                    if cand != b.lower() and zipf(freqs, cand) >= TRANSLIT_KNOWN:
                        good = cand[0].upper() + cand[1:] + t
                        break
                if good:
                    break
            if good is None:
                continue
            m = names.matches[i]
            s = m.start() + m.group().find(part)
            if s in taken:
                continue
            self.stats["transliteration"] += 1
            yield finding("MTN805", s, s + len(part), f"`{part}` is the English transliteration: {lang} "
                          f"writes `{good}`", [good], Applicability.UNSAFE, language="en", local=good)


# English romanisation of Cyrillic names -> the language's: (pattern, replacement,
# optional). Each optional rule is tried on and off; the candidates are checked
# against the language's word list.
_TRANSLITERATION = {
    "de": [(r"shch", "schtsch", False), (r"zh", "sch", False), (r"kh", "ch", False), (r"(?<!s)ch", "tsch", False),
           (r"sh", "sch", False), (r"ts", "z", False), (r"yy$", "yj", False), (r"iy$", "ij", False),
           (r"ya", "ja", False), (r"yu", "ju", False), (r"ye", "je", False), (r"yo", "jo", False),
           (r"ov$", "ow", False), (r"ev$", "ew", False), (r"^z", "s", True), (r"y$", "i", True),
           (r"(?<=[aeiou])v(?=[aeiou])", "w", True)],
}


# what marks the English romanisation of a Russian or Ukrainian name (not
# English words that share a letter group: Englishs)
_SLAVIC_NAME = re.compile(r"zh|kh|yy|iy|yi|(?:sk[yi]|enko|chuk|yuk|ov|ev|ova|eva|in)s?$")


def _respell(word: str, rules) -> list[str]:
    """``word`` rewritten by ``rules``: every combination of the optional ones."""
    fixed = word
    for pat, rep, optional in rules:
        if not optional:
            fixed = re.sub(pat, rep, fixed)
    out = [fixed]
    for pat, rep, optional in rules:
        if optional:
            out += [re.sub(pat, rep, w) for w in out]
    return list(dict.fromkeys(out))
