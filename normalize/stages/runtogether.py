"""Words glued together where a link ended (``expansionthat``)."""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import islice

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..names import PARTICLES
from ..resources import (SUPPORTED_LANGUAGES, WordFrequencies, iter_frequencies, pack_dirs, read_list, read_tsv,
                         top_frequencies, word_frequencies, word_list)
from .anchors import function_words
from .base import Context, Stage, finding

MIN_LEN = 6          # shorter tokens are too ambiguous to split...
PHRASE_MIN = 5       # ...but a determiner glued to the word before it (ofthe) may be this short,
PAIR_MIN = 4         # ...and two function words no list knows glued together (yque, ensu) this short
SHORT_CONTENT_ZIPF = 4.0   # ...and, unknown to the list, a function word and a word this common (useof, atext)
CAP_HEAD_LEN = 5     # a Capitalised common word glued to a function word of glue_tails.txt: this long (Golfo|del)...
CAP_HEAD_ZIPF = 4.0  # ...and this common (surnames made so, Martin|on, Morris|on, are names or known tokens)
MAX_PARTS = 3
SPACED_MIN = 6       # a form split on the document's own evidence has this many letters...
SPACED_PART = 2      # ...and each of its two words this many
RARE_ZIPF = 2.5      # only words rarer than this are candidates
PART_ZIPF = 3.0      # the parts of a split are at least this frequent
MAX_TOKEN = 40       # longer "words" are identifiers, hashes or base64: leave them...
RUN_ON_MIN = 16      # ...unless they are letters only and segment into running text
RUN_ON_MAX = 200
RUN_ON_CONTENT_ZIPF = 3.5   # the content words of a run are common ones,
RUN_ON_SHORT_ZIPF = 4.5     # and very common when they have three letters (new, men)
# a determiner glue the word list knows (ofthe) splits when the two words are
# this much likelier (log10) than the token
FREQUENT_GLUE_RATIO = 2.5
FW_PAIR_RATIO = 2.0  # two function words split when this much likelier (log10) than the token (canbe; not whereof)
AMBIGUOUS = 1.0      # a second way to cut a token into two words this close (log10) to the best: leave it
WEB_GLUE_ZIPF = 1.5          # a token the word list holds this rarely may be web text's glue (наулицу)
GLUE_PREFIX_ZIPF = 4.0      # the word after a glue prefix (de|recursos) is at least this common,
                            # since Romance prepositions make rarer verbs (en|jugaban: enjugar, a|ligeira: aligeirar);
# less in English (with|equal) and in Russian (в|прямом: its inflected forms are rarer, and a
# verb its prefixes make has a family the list knows, which vetoes the split), and 3.5 in the
# Romance languages too (a|asilo, a|ofensa: bench/glue_shapes.py fw+word +11 of 806, no stray
# split, the clean gate unchanged; the family check vetoes a|ligeira)
GLUE_PREFIX_ZIPFS = {"en": 3.4, "ru": 3.0, "es": 3.5, "fr": 3.5, "it": 3.5, "pt": 3.5}


def _zipf(f: float) -> float:
    return math.log10(f * 1e9) if f > 0 else 0.0


def _frequent(lang: str) -> dict[str, float]:
    """The language's words at zipf RARE_ZIPF and up, a plain dict: enough
    for the searches that try many strings (:func:`best_split`,
    :func:`_nearest`, :func:`_another_cut`), which only count words at
    PART_ZIPF or more, and far quicker to ask than the whole table."""
    return top_frequencies(lang, RARE_ZIPF)


def best_split(word: str, freqs: dict[str, float], short_ok: frozenset[str] = frozenset(),
               min_zipf: float = PART_ZIPF, max_parts: int = 0) -> tuple[list[str], float] | None:
    """Most probable split of ``word`` (lower case) into 2..max_parts (default
    MAX_PARTS) frequent
    words, by the product of their unigram frequencies. Parts of one or two
    letters must be function words (``short_ok``: ``a``, ``of``). Returns
    (parts, log10 prob).
    Linear in the word's length times the longest part considered."""
    n = len(word)
    max_parts = max_parts or MAX_PARTS
    best: list[dict[int, tuple[float, list[str]]]] = [dict() for _ in range(n + 1)]
    best[0][0] = (0.0, [])
    maxlen = min(n, 24)
    for i in range(n):
        if not best[i]:
            continue
        for j in range(i + 1, min(n, i + maxlen) + 1):
            part = word[i:j]
            f = freqs.get(part)
            if not f:
                continue
            if len(part) <= 2 and part not in short_ok:
                continue
            if _zipf(f) < min_zipf:
                continue
            lp = math.log10(f)
            for k, (score, parts) in best[i].items():
                if k + 1 > max_parts:
                    continue
                cand = (score + lp, parts + [part])
                cur = best[j].get(k + 1)
                if cur is None or cand[0] > cur[0]:
                    best[j][k + 1] = cand
    options = [v for k, v in best[n].items() if k >= 2]
    if not options:
        return None
    score, parts = max(options, key=lambda v: v[0])
    return parts, score


# Languages that write compounds as one word (sechsundvierzigjährige,
# symbolischerweise): a long word there is not a run of words.
COMPOUNDING = frozenset({"de"})
SHORT_WORD_ZIPF = 6.0   # a word of one or two letters this common (fr `a`, es `ha`) is no fragment
_VOWELS = frozenset("aeiouyàâäáãåéèêëíìîïóòôöõúùûüýæœ")
FRAGMENT_ZIPF = 4.0  # three-letter words next to a split are at least this common (0.7 less for 4-5)

# Languages whose words often begin with an article-like syllable (den-, der-, die-).
FW_FIRST_AMBIGUOUS = frozenset({"de"})

ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnopqrstuvwxyzáéíóúñü",
    "fr": "abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ",
    "de": "abcdefghijklmnopqrstuvwxyzäöüß",
    "it": "abcdefghijklmnopqrstuvwxyzàèéìíîòóùú",
    "pt": "abcdefghijklmnopqrstuvwxyzáâãàçéêíóôõú",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


@lru_cache(maxsize=None)
def _base_letter(ch: str) -> str:
    """``ch`` without its accents (``à`` -> ``a``; ``й`` stays a letter of its own)."""
    if ch in "йЙёЁ":
        return ch
    return unicodedata.normalize("NFD", ch)[0]


@lru_cache(maxsize=None)
def _neighbour_keys(lang: str) -> frozenset[tuple[str, str]]:
    """Pairs of letters whose keys touch on the language's keyboard
    (``keyboard.txt``: its letter rows, each half a key right of the one
    above, so a key touches two of the row above and two below). Without
    a keyboard, every pair of letters."""
    rows: list[str] = []
    for d in pack_dirs(lang):
        if (d / "keyboard.txt").is_file():
            rows = read_list(d / "keyboard.txt")
            break
    if not rows:
        letters = ALPHABETS.get(lang, ALPHABETS["en"])
        return frozenset((a, b) for a in letters for b in letters)
    pairs = set()
    for r, row in enumerate(rows):
        for c, key in enumerate(row):
            touching = [row[c - 1:c], row[c + 1:c + 2]]
            if r + 1 < len(rows):
                touching += [rows[r + 1][c - 1:c] if c else "", rows[r + 1][c:c + 1]]
            for other in filter(None, touching):
                pairs |= {(key, other), (other, key)}
    return frozenset(pairs)


def _unaccented(word: str) -> str:
    """``word`` with :func:`_base_letter` for each letter (``interése`` -> ``interese``)."""
    return "".join(_base_letter(c) for c in word)


SUFFIX_WORD_LEN = 4   # a suffix this long that is a word too (less, ship, wise) may follow a function word as glue
FAR_SLIP = 0.1   # a slip onto a key that does not touch the right one is this much rarer


def _nearest(word: str, freqs: dict[str, float], lang: str, min_zipf: float = 3.0,
             first: bool = False) -> float:
    """The highest frequency (at least ``min_zipf``) among the words one edit
    (transposition, substitution, insertion) from ``word``, weighed by how
    likely the slip is; 0.0 if none. With ``first``, the first such
    frequency found. A substitution keeps a letter's base (é for e) or
    hits a key next to the right one (``keyboard.txt``); one onto a key
    farther away counts FAR_SLIP as much (``sefaire`` is likelier se|faire
    than a slip for refaire, ``evinto`` still a slip for evento rather than
    e|vinto); an accented letter typed for another letter is no slip at all
    (``fixéeà`` is no typo of fixées)."""
    alphabet = ALPHABETS.get(lang, ALPHABETS["en"])
    near = _neighbour_keys(lang)
    floor = 10 ** (min_zipf - 9)
    best = 0.0

    def candidates():
        n = len(word)
        # Deletions are not tried: dropping a letter of a glued function word
        # ("leftmy" -> "lefty") would hide real glue.
        for i in range(n):
            if i + 1 < n:
                yield word[:i] + word[i + 1] + word[i] + word[i + 2:], 1.0
            typed = _base_letter(word[i])
            for c in alphabet:
                if c == word[i]:
                    continue
                if _base_letter(c) == typed or (typed, _base_letter(c)) in near:
                    yield word[:i] + c + word[i + 1:], 1.0
                elif typed == word[i]:
                    yield word[:i] + c + word[i + 1:], FAR_SLIP
        for i in range(n + 1):
            for c in alphabet:
                yield word[:i] + c + word[i:], 1.0

    for w, weight in candidates():
        f = freqs.get(w, 0.0)
        if f >= floor and f * weight > best:
            if first:
                return f * weight
            best = f * weight
    return best


class RunTogetherStage(Stage):
    """Split tokens that are not words into words that are.

    A token is a candidate when it is absent or nearly absent from the
    language's word frequencies; :func:`split_decision` decides, once per
    distinct form, whether and where it splits (a function word glued to a
    word, an inflected word glued to another, a function word glued to a
    Capitalised word, a phrase run together). A function word glued to a
    frequent word is a safe fix; the other shapes are unsafe. Places next to
    URLs, handles, paths and fragments of a spaced-out word are skipped.
    """

    name = "run_together"
    requires = ("language",)
    rules = ("MTN401",)

    def _decide(self, form: str, lang: str, compounds: bool, rule_dirs: tuple[str, ...]):
        """The split of a distinct form (see :func:`split_decision`); rare forms
        weighed are counted as candidates, once per run."""
        if not (PAIR_MIN <= len(form) <= RUN_ON_MAX or _short_pair_glue(form, lang, rule_dirs)):
            return None
        low = form.lower()
        if low in top_frequencies(lang, RARE_ZIPF) and low not in _frequent_glue(lang, rule_dirs):
            return None   # a frequent word (but web text writes "ofthe" often)
        decision = split_decision(form, lang, compounds, rule_dirs)
        if decision is None and "-" in form:
            decision = hyphened_split(form, lang, compounds, rule_dirs)
        if decision and _known_elsewhere(low, lang):
            return ()   # `passif` in a line taken for English: a word of another language, not pass|if
        if decision is not None:
            self.stats["candidates"] += 1
        return decision

    @staticmethod
    def _after_a_name(a, i: int) -> bool:
        """Does word ``i`` follow, one space on, a Capitalised word that opens
        no sentence (a name, whose lower-case parts, a species' epithet, a
        particle, may end like glue)?"""
        if i == 0:
            return False
        prev, w = a.words[i - 1], a.words[i]
        word = prev.group()
        return a.text[prev.end():w.start()] == " " and word[:1].isupper() and word[1:].islower() \
            and not a.sentence_start(prev.start())

    @staticmethod
    def _among_fragments(a, i: int, freqs: dict[str, float], lang: str, rule_dirs: tuple[str, ...],
                         safe: bool = False) -> bool:
        """Is word ``i`` next to (one space from) a lower-case piece that is no
        word: one or two letters that are not a function word nor a very
        common word with a vowel (French `a`, Spanish `ha`: auxiliaries, as in
        `a déclaréque`; a single consonant is never one), or a piece of
        three to five letters less common than words that short are
        ("p resentat ions", "representat ives", "complexi ty"), or a piece that
        makes a word with the token (``Amer ican``)? Then the text has
        spurious spaces inside words, and the token is a fragment, not glue.
        A piece of two to five letters that is a word, if a rare one (``on
        thebottom pane``), is taken for a fragment only where it makes a word
        with the pieces around it (:meth:`_joins_a_word`) or another such
        piece stands within FRAGMENT_WINDOW words; a single letter, and a
        piece rarer than RARE_PIECE_ZIPF, always are; but next to a ``safe``
        split (a function word and a common word, ``eachdocument d``), a single
        letter is a variable, as a piece of two letters or more is, unless it
        makes a word with its neighbours or another piece stands near."""
        words, text = a.words, a.text
        fw = glue_words(lang, rule_dirs)
        for j in (i - 1, i + 1):
            if not 0 <= j < len(words):
                continue
            w = words[j]
            gap = text[w.end():words[i].start()] if j < i else text[words[i].end():w.start()]
            t = w.group()
            if "'" in t or "’" in t or text[w.end():w.end() + 1] in ("'", "’"):
                continue   # an elided word (French d’or, qu’a, Italian l’anno), no fragment
            if gap == " " and _zipf(freqs.get((t + words[i].group() if j < i else words[i].group() + t).lower(), 0.0)) \
                    >= OTHER_KNOWN_ZIPF:
                return True   # one word with a spurious space (Amer ican), not glue (i|can)
            if gap == " " and fragment_piece(t, freqs, fw) and (
                    len(t) == 1 and not safe or _zipf(freqs.get(t, 0.0)) < RARE_PIECE_ZIPF and len(t) >= 3
                    or RunTogetherStage._joins_a_word(a, min(i, j), max(i, j), freqs)
                    or sum(fragment_piece(words[k].group(), freqs, fw)
                           for k in range(max(0, i - FRAGMENT_WINDOW), min(len(words), i + FRAGMENT_WINDOW + 1))
                           if k != i) >= 2):
                return True
        return False

    @staticmethod
    def _joins_a_word(a, lo: int, hi: int, freqs: dict[str, float]) -> bool:
        """Do words ``lo`` to ``hi`` (one space apart), with the word before or
        after one space away or not, make one word the list knows (``p resentat
        ions``: presentations; ``complexi ty``)? A piece that is a word of its
        own (``pane``, a variable ``d``) next to glue makes none."""
        words, text = a.words, a.text
        for s in (lo - 1, lo):
            for e in (hi, hi + 1):
                if s < 0 or e >= len(words):
                    continue
                if any(text[words[k].end():words[k + 1].start()] != " " for k in range(s, e)):
                    continue
                if _zipf(freqs.get("".join(words[k].group() for k in range(s, e + 1)).lower(), 0.0)) \
                        >= OTHER_KNOWN_ZIPF:
                    return True
        return False

    def process(self, doc: Document, ctx: Context):
        lang = doc.language or "en"
        freqs = word_frequencies(lang)
        if not freqs:
            return []
        compounds = bool(ctx.options.get("split_compounds"))
        a, text = ctx.analysis, doc.text
        # each distinct form is decided once per run (frequent lower-case
        # forms, half a text's vocabulary, by one look-up); only the places of
        # the forms that split are visited
        key = (lang, compounds, ctx.rule_dirs)
        splits = self.form_cache(key, lambda form: self._decide(form, *key),
                                 lambda forms: _worth_deciding(forms, key[0], key[2])).select(a.vocabulary, ctx.known)
        spaced = self._spaced_elsewhere(a, lang, ctx.rule_dirs, splits)
        if spaced:
            splits = {**splits, **{form: decision for form, (decision, _) in spaced.items()}}
        damaged_text = bool(ctx.options.get("damaged_text"))
        if not splits and not damaged_text:
            return []
        out = self._split_places(a, splits, spaced, lang, freqs, ctx.rule_dirs) if splits else []
        evidence = len(out)
        if out and not damaged_text and evidence < DAMAGE_MIN and lang not in COMPOUNDING:
            evidence += line_break_hyphens(a, lang, ctx.rule_dirs)
        if (damaged_text or evidence >= DAMAGE_MIN and evidence * DAMAGE_EVERY >= len(a.words)) \
                and lang not in COMPOUNDING:
            # a document that lost this many spaces lost more (or one the user
            # says lost spaces: the damaged_text option, for text extracted
            # from PDFs or OCR): two content words glued there are weighed on
            # a lower bar (damaged_split). A word a typesetter hyphenated at a
            # line's end, joined again with its hyphen (Pro-ceedings), is a
            # PDF's text: with one glued word found, such a word counts as
            # one more lost space
            if evidence > len(out):
                self.stats["line_break_evidence"] += 1
            damaged, titles = {}, set()
            for form in a.vocabulary:
                if form not in splits and DAMAGED_MIN <= len(form) <= MAX_TOKEN:
                    decision = damaged_split(form, lang, ctx.rule_dirs) or damaged_name_split(form, lang, ctx.rule_dirs)
                    if not decision:
                        decision = damaged_title_split(form, lang, ctx.rule_dirs)
                        if decision:
                            titles.add(form)
                    if decision:
                        damaged[form] = decision
            if titles:
                # two Capitalised words glued at two places of one text are a
                # brand's name it repeats (EasyMoney), not two lost spaces
                seen = Counter(a.tokens[i] for i in a.places(titles))
                for form in titles:
                    if seen[form] > 1:
                        del damaged[form]
            if damaged:
                more = self._split_places(a, damaged, {}, lang, freqs, ctx.rule_dirs)
                self.stats["damaged_document"] += len(more)
                out.extend(more)
        return out

    def _split_places(self, a, splits, spaced, lang: str, freqs, rule_dirs: tuple[str, ...]):
        """The findings where the forms of ``splits`` (form -> decision) stand,
        less the places that are no glue: next to a URL, a path or a handle, a
        site's name, a code, a fragment of a spaced-out word, an opener that
        opens no sentence."""
        text = a.text
        out = []
        words = a.words
        places = a.places(splits)
        names = casing_lexicon(lang, rule_dirs).single
        # where the openers stand; a Capitalised form the document also writes
        # where no sentence starts is a name there (Achoque), wherever it stands
        starts = {i: a.sentence_start(words[i].start()) for i in places if splits[words[i].group()][4]}
        named = {words[i].group() for i, start in starts.items() if not start}
        # (its possessive too, a form of its own: says Weare's mayor)
        possessive = {f"{words[i].group()}{q}s": words[i].group() for i in starts for q in "'’"}
        written = possessive.keys() & a.vocabulary
        if written:
            named |= {possessive[words[i].group()] for i in a.places(written) if not a.sentence_start(words[i].start())}
        for i in places:
            w = words[i]
            tok = w.group()
            s, e = w.span()
            before = text[s - 1] if s else " "
            after = text[e] if e < len(text) else " "
            if before in "@#/\\_.-=" or after in "@/\\_-=" or a.is_protected(s, e):
                continue
            if before == ":" and s >= 2 and text[s - 2].isalnum():
                continue   # a namespaced name (rdf:Descriptionrdf), not prose
            if after == "." and _web_suffix_after(text, e, rule_dirs):
                continue   # a site's name (LennyHenry.tv), not prose
            if before.isdigit() and not (tok.islower() or tok.istitle()):
                continue   # mixed case after a digit is a code's (HQ 100aKlima), not prose
            pieces, parts, zipfs, safe, opener = splits[tok]
            if self._among_fragments(a, i, freqs, lang, rule_dirs, safe):
                continue
            if opener and (tok in named or not starts[i]):
                continue   # "Thisproblem" is glue where a sentence starts; elsewhere a name
            if len(parts[-1]) == 1 and tok.islower() and self._after_a_name(a, i) \
                    and _a_slip(tok, sum(zipfs) - 9 * len(zipfs), lang):
                continue   # "Tawa hallae": after a name, a token a slip could make is the name's (a species)
            self.stats["splits"] += 1
            if tok in spaced:
                self.stats["spaced_elsewhere"] += 1
                written = spaced[tok][1]
                out.append(finding("MTN401", s, e, f"`{tok}` looks like run-together words: `{' '.join(pieces)}` "
                                   f"(the text writes `{written}` elsewhere)", [" ".join(pieces)],
                                   Applicability.UNSAFE, parts=list(parts), zipf=[round(z, 2) for z in zipfs],
                                   written_elsewhere=written))
                continue
            # a common word's capital where a sentence starts tells nothing either
            # (Pensamosque: Pensamos que; a name's keeps the comma: Lisboa, que)
            lower = opener or tok[:1].isupper() and tok[1:].islower() and parts[0] not in names \
                and a.sentence_start(s)
            fix = _rejoin(pieces, lang, rule_dirs, lower)
            if "," in fix:
                self.stats["commas"] += 1
            out.append(finding("MTN401", s, e, f"`{tok}` looks like run-together words: "
                               f"`{fix}`", [fix],
                               Applicability.SAFE if safe and "," not in fix else Applicability.UNSAFE,
                               parts=list(parts), zipf=[round(z, 2) for z in zipfs]))
        return out

    @staticmethod
    def _spaced_elsewhere(a, lang: str, rule_dirs: tuple[str, ...], decided) -> dict[str, tuple[tuple, str]]:
        """The document's own evidence of a lost space: a form no supported
        language's word list nor the names know, which cuts one way only into
        two words that the text also writes side by side, one space apart
        (``TheDialogue`` … ``the dialogue``, ``commonwords`` … ``common words``,
        ``HollySnyder`` … ``Holly Snyder``), and not more often glued than
        spaced (a brand the text names: ``WeWork`` five times, ``we work``
        once). A mixed-case form is cut only where its case changes. Not in
        languages that write compounds as one word (German). Unsafe; the
        decisions are the document's, so they are not cached by form. Returns
        form -> (its decision, the pair as the text writes it)."""
        if lang in COMPOUNDING:
            return {}
        top = top_frequencies(lang, RARE_ZIPF)
        candidates = [f for f in a.vocabulary if f not in decided and SPACED_MIN <= len(f) <= MAX_TOKEN
                      and f.lower() not in top and f.isalpha()]
        if not candidates:
            return {}
        lowered: dict[str, list[str]] = {}
        for f in a.vocabulary:
            lowered.setdefault(f.lower(), []).append(f)
        names = casing_lexicon(lang, rule_dirs).single
        endings = word_list(lang, "endings.txt", rule_dirs)
        # a prefix that is no function word makes a compound also written spaced (super|colle)
        prefixes, fw = word_list(lang, "prefixes.txt", rule_dirs), glue_words(lang, rule_dirs)
        common = top_frequencies(lang, PART_ZIPF)
        cuts: dict[tuple[str, str], tuple[str, int]] = {}
        for f in candidates:
            low = f.lower()
            mixed = not (f.islower() or f[0].isupper() and f[1:].islower())
            # a lower-case part is a common word (paleo|cefalo, a compound a
            # writer also spaced, stays), and no ending or clitic (reinyectar|las)
            ks = [k for k in range(SPACED_PART, len(f) - SPACED_PART + 1)
                  if low[:k] in lowered and low[k:] in lowered and low[k:] not in endings
                  and (low[:k] not in prefixes or low[:k] in fw)
                  and (not mixed or f[k].isupper() and f[k - 1].islower())
                  and all(p[0].isupper() or p.lower() in common for p in (f[:k], f[k:]))]
            if len(ks) == 1 and low not in names and not _known_anywhere(low):
                cuts[low[:ks[0]], low[ks[0]:]] = (f, ks[0])
        if not cuts:
            return {}
        words, tokens, text = a.words, a.tokens, a.text
        spaced: dict[str, int] = {}
        written: dict[str, str] = {}   # the pair as the text first writes it
        heads = {form for head, _ in cuts for form in lowered[head]}
        for i in a.places(heads):
            if i + 1 < len(tokens):
                hit = cuts.get((tokens[i].lower(), tokens[i + 1].lower()))
                if hit is not None and text[words[i].end():words[i + 1].start()] == " ":
                    spaced[hit[0]] = spaced.get(hit[0], 0) + 1
                    written.setdefault(hit[0], f"{tokens[i]} {tokens[i + 1]}")
        if not spaced:
            return {}
        glued: dict[str, int] = {}
        for i in a.places(spaced):
            glued[tokens[i]] = glued.get(tokens[i], 0) + 1
        freqs = word_frequencies(lang)
        out = {}
        for f, k in cuts.values():
            if spaced.get(f, 0) >= glued.get(f, 1):
                parts = (f[:k].lower(), f[k:].lower())
                out[f] = ((f[:k], f[k:]), parts, tuple(_zipf(freqs.get(p, 0.0)) for p in parts), False, False), \
                    written[f]
        return out


def _web_suffix_after(text: str, end: int, rule_dirs: tuple[str, ...]) -> bool:
    """Does a web address's ending (``common/web_suffixes.txt``), in lower
    case, follow the full stop at ``end`` (``LennyHenry.tv,``; a sentence
    after it, ``.In 2019``, opens with a capital)?"""
    k = end + 1
    while k < len(text) and text[k].isalpha():
        k += 1
    suffix = text[end + 1:k]
    return k > end + 1 and suffix.islower() and suffix in word_list("common", "web_suffixes.txt", rule_dirs)


def fragment_piece(t: str, freqs, fw: frozenset[str]) -> bool:
    """Is ``t`` a lower-case piece too rare for its length to be a word: one
    or two letters that are no function word nor a very common word with a
    vowel (French `a`, Spanish `ha`; a single consonant is never one), or
    three to five letters less common than words that short are (`resentat`,
    `ions`, `ty`)? A word broken by spurious spaces leaves such pieces."""
    if not t.islower() or t in fw:
        return False
    z = _zipf(freqs.get(t, 0.0))
    return (len(t) <= 2 and not (z >= SHORT_WORD_ZIPF and any(c in _VOWELS for c in t))
            or len(t) == 3 and z < FRAGMENT_ZIPF or len(t) <= 5 and z < FRAGMENT_ZIPF - 0.7)


ENDING_WORD_ZIPF = 5.0   # an ending of endings.txt this common as a word (German ein) may be glue
FRAGMENT_WINDOW = 6      # ...or a second fragment this many words around
RARE_PIECE_ZIPF = 2.0    # a neighbour of three letters or more this rare is a fragment wherever it stands
OTHER_KNOWN_ZIPF = 3.0   # a token another supported language writes this often is its word, not glue


def _known_elsewhere(low: str, lang: str) -> bool:
    """Does another supported language write ``low`` as a word, at zipf
    OTHER_KNOWN_ZIPF or more? Then the token is that language's word in a
    text (or a line taken for this language), not two words glued."""
    return any(o != lang and _zipf(word_frequencies(o).get(low, 0.0)) >= OTHER_KNOWN_ZIPF
               for o in SUPPORTED_LANGUAGES)


@lru_cache(maxsize=None)
def glue_commas(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[tuple[str, str]]:
    """``glue_commas.tsv``: (function word, `lower` or `capitalised`) pairs
    that clean news writes after a comma in most cases when a content word
    of that case comes before (`medicine, which`, `Reuters, who`)."""
    rows: set[tuple[str, str]] = set()
    for d in pack_dirs(lang, rule_dirs):
        p = d / "glue_commas.tsv"
        if p.is_file():
            rows.update((r["word"], r["after"]) for r in read_tsv(p, ("word", "after")))
    return frozenset(rows)


def _rejoin(pieces, lang: str, rule_dirs: tuple[str, ...] = (), opener: bool = False) -> str:
    """The pieces of a split token joined again: by a space, or by a comma
    and a space before a lower-case function word that the language writes
    after a comma in most cases where a content word of that case comes
    before it (``glue_commas.tsv``): the tag that glued them took the comma
    too (`medicinewhich` → `medicine, which`; `Máyneza` → `Máynez, a`).
    With ``opener`` the first piece opens a sentence, and its capital tells
    nothing: it counts as lower case (`Achoque` → `Acho que`, not the
    `Lisboa, que` of a name)."""
    table, fw = glue_commas(lang, rule_dirs), glue_words(lang, rule_dirs)
    out = pieces[0]
    for n, (prev, word) in enumerate(zip(pieces, pieces[1:])):
        kind = ("lower" if prev.islower() or opener and n == 0 and prev[1:].islower()
                else "capitalised" if prev[:1].isupper() and prev[1:].islower() else "")
        comma = (kind and word.islower() and prev.isalpha() and prev.lower() not in fw
                 and (word, kind) in table)
        out += (", " if comma else " ") + word
    return out


@lru_cache(maxsize=None)
def _frequent_glue(lang: str, rule_dirs: tuple[str, ...]) -> frozenset[str]:
    """The language's frequent words (zipf RARE_ZIPF and up) that are a
    determiner glued to its head (web text writes "ofthe" often): the only
    frequent forms :meth:`RunTogetherStage._decide` weighs."""
    top = top_frequencies(lang, RARE_ZIPF)
    heads, dets, _ = _determiner_lists(lang, rule_dirs)
    # every head+determiner the list holds (a few hundred pairs, not its words),
    # and every pair of function words clean news writes far likelier apart
    return frozenset(h + d for h in heads for d in dets if h + d in top and _determiner_glue(h + d, lang, rule_dirs)) \
        | frozenset(a + b for a, b in function_bigrams(lang, rule_dirs)
                    if a + b in top and _pair_glue(a + b, lang, rule_dirs))


def _worth_deciding(forms, lang: str, rule_dirs: tuple[str, ...]) -> list[str]:
    """The forms :meth:`RunTogetherStage._decide` does not turn down for
    being a frequent word: most of a text's new forms go with one look-up
    each, and are never decided."""
    top = top_frequencies(lang, RARE_ZIPF)
    glue = _frequent_glue(lang, rule_dirs)
    return [f for f in forms if (low := f.lower()) not in top or low in glue]


@lru_cache(maxsize=None)
def glue_words(lang: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """The words this stage takes for function words: ``function_words.txt``
    and ``glue_words.txt`` (closed-class words MTN501 leaves alone)."""
    return function_words(lang, rule_dirs) | word_list(lang, "glue_words.txt", rule_dirs)


@lru_cache(maxsize=None)
def function_bigrams(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[tuple[str, str], float]:
    """``function_bigrams.tsv``: (first, second) -> how often clean news
    writes the two function words side by side, on the zipf scale
    (``corpora/measure_function_bigrams.py``)."""
    rows: dict[tuple[str, str], float] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "function_bigrams.tsv"
        if p.is_file():
            for r in read_tsv(p, ("first", "second", "zipf")):
                rows[r["first"].lower(), r["second"].lower()] = float(r["zipf"])
    return rows


PAIR_GLUE_MARGIN = 2.5    # two function words this much likelier (zipf) side by side than glued...
PAIR_GLUE_CEILING = 3.0   # ...in a token the word list holds below this (web text's glue: weare 2.3)


@lru_cache(maxsize=65536)
def _pair_glue(low: str, lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[tuple[str, str], float] | None:
    """Two function words glued in a token the word list knows only as web
    text's glue: ``weare`` (zipf 2.3; `we are` 5.5 in clean news),
    ``shouldbe``, ``hasbeen``. The pair, measured side by side in clean news
    (:func:`function_bigrams`), is PAIR_GLUE_MARGIN likelier than the token,
    which the list holds below PAIR_GLUE_CEILING: words made of two function
    words (``into``, ``alas``, ``aun``) are far commoner than that. Returns
    the parts and the pair's log10 frequency, or None; None too when two cuts
    qualify (a token with two readings is left alone). A token another
    language writes as a word (French ``doit``) is dropped where every split
    is, in :meth:`RunTogetherStage._decide`: this reads no other language's
    list, so a run in one language loads only its own."""
    z_tok = _zipf(word_frequencies(lang).get(low, 0.0))
    if not z_tok or z_tok >= PAIR_GLUE_CEILING:
        return None
    pairs = function_bigrams(lang, rule_dirs)
    found = [((low[:k], low[k:]), z) for k in range(1, len(low))
             if (z := pairs.get((low[:k], low[k:]))) is not None and z - z_tok >= PAIR_GLUE_MARGIN]
    if len(found) != 1:
        return None
    parts, z = found[0]
    return parts, z - 9.0


def _short_pair_glue(form: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """A lower-case token of three letters that :func:`_pair_glue` takes for
    two function words web text glues (Spanish ``yla``, Italian ``èun``,
    French ``àla``, Russian ``яне``): shorter than PAIR_MIN, it is still
    weighed (a token another language writes is dropped in
    :meth:`RunTogetherStage._decide`)."""
    return len(form) == PAIR_MIN - 1 and form.islower() and _pair_glue(form, lang, rule_dirs) is not None


def _glue_at_an_end(word: str, fw: frozenset[str], frequent: dict[str, float],
                    inflected: frozenset[str] = frozenset()) -> bool:
    """Can ``word`` be a function word glued to a frequent word, either way
    round, or an inflected frequent word glued to another (``quicklyreaches``)?
    Every split this stage makes without ``split_compounds`` is one of those,
    so a word that cannot be skips the split search."""
    # a cut is tried only while the piece cut off still begins (ends) some
    # function word: a few look-ups for most words, not two per length
    heads, tails = _word_ends(fw)
    n = len(word)
    k = 1
    while k < n and word[:k] in heads:
        if word[:k] in fw and word[k:] in frequent:
            return True
        k += 1
    k = 1
    while k < n and word[-k:] in tails:
        if word[-k:] in fw and word[:-k] in frequent:
            return True
        k += 1
    return bool(inflected) and any(
        word[:k] in frequent and word[k:] in frequent and _ends_inflected(word[:k], inflected)
        for k in range(4, len(word) - 3))


@lru_cache(maxsize=None)
def _word_ends(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Every beginning and every ending (of one letter or more) of ``words``."""
    return (frozenset(w[:k] for w in words for k in range(1, len(w) + 1)),
            frozenset(w[-k:] for w in words for k in range(1, len(w) + 1)))


@lru_cache(maxsize=None)
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def split_decision(tok: str, lang: str, compounds: bool = False, rule_dirs: tuple[str, ...] = ()):
    """What :class:`RunTogetherStage` makes of the word form ``tok`` wherever it
    occurs: ``None`` when it is no candidate (a frequent word, a name, mixed
    case), ``()`` for a candidate left alone, else ``(pieces, parts, zipfs,
    safe)``. It depends on the form alone, so a corpus pays once per form.

    Three shapes are split: a function word glued to a word (``expansionthat``,
    :func:`_two_words`), a function word glued to a Capitalised word
    (``theViterbi``, ``derMann``: :func:`_camel_glue`), and a run of several
    words that lost their spaces (``newversionoftheoriginal``:
    :func:`_run_on`)."""
    if not tok.isalpha() or len(tok) < PAIR_MIN and not _short_pair_glue(tok, lang, rule_dirs) or len(tok) > RUN_ON_MAX:
        return None
    script = _script_glue(tok, lang, rule_dirs)
    if script is not None:
        return script
    capitalised = tok[0].isupper() and tok[1:].islower()
    if len(tok) < PHRASE_MIN and not tok.islower() and not (capitalised and _pair_glue(tok.lower(), lang, rule_dirs)) \
            and not (tok[:2].islower() and tok[2:].isupper()) and not (tok[:1].islower() and tok[1:].isupper()) \
            and not (tok[:-1].isupper() and tok[-1:].islower()):
        return None   # (four letters Capitalised: only two function words clean news writes apart, Itis, Heis;
        # mixed case, only a two-letter word before a two-letter acronym, an|NP, in|EU, or a
        # one-letter word before a three-letter one, в|США, a|ONU)
    if not (tok.islower() or capitalised):
        return _camel_glue(tok, lang, rule_dirs)   # CamelCase brands (iPhone, PayPal) stay None
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    low = tok.lower()
    f_tok = freqs.get(low, 0.0)
    if low in names:
        return None
    if _zipf(f_tok) >= RARE_ZIPF:
        # only "ofthe", "upto", far likelier as two words, though the list knows them
        return _two_words(tok, lang, compounds, rule_dirs) \
            if _determiner_glue(low, lang, rule_dirs) or _pair_glue(low, lang, rule_dirs) else None
    decision = _two_words(tok, lang, compounds, rule_dirs) if len(tok) <= MAX_TOKEN else ()
    if not decision and not f_tok and len(tok) <= MAX_TOKEN:
        decision = _rare_glue(tok, lang, rule_dirs)
    if not decision and capitalised and len(tok) <= MAX_TOKEN and not _known_as_a_word(low):
        unknown = not _known_anywhere(low)
        if unknown and lang not in COMPOUNDING:
            decision = _subject_verb_glue(tok, lang, rule_dirs)
        if not decision:
            decision = _capitalised_opener(tok, lang, compounds, rule_dirs)
        if not decision and unknown and lang not in COMPOUNDING:
            decision = _capitalised_inflected_pair(tok, lang, rule_dirs)
        if decision and not unknown and decision[1][0] not in glue_words(lang, rule_dirs):
            decision = ()   # (a token the lists hold only as web text's glue, The|people, splits where
            # a sentence starts as an unknown one does if a function word opens it: a surname made of
            # two words, Rest|all, is such a token too)
    if not decision and not f_tok and tok.islower() and len(tok) <= MAX_TOKEN and lang not in COMPOUNDING:
        decision = _inflected_pair(tok, lang, rule_dirs)
    if not decision and len(tok) >= RUN_ON_MIN and not f_tok and lang not in COMPOUNDING:
        decision = _run_on(tok, lang, rule_dirs)
    return decision


SUBJECT_HEAD_ZIPF = 3.5   # a Capitalised word (or a name the lexicon knows) this common...
SUBJECT_VERB_ZIPF = 4.0   # ...glued to a verb's past form this common, SUBJECT_VERB_LEN letters or more
SUBJECT_VERB_LEN = 6


def _subject_verb_glue(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """A Capitalised word or a name glued to the verb after it, in its past
    form (``past_verb_endings.txt``: English -ed, Spanish -ó, -aron,
    Portuguese -ou, -aram): a subject whose link ended before its verb,
    ``Commission|proposed``, ``Gobierno|aprobó``, ``Governo|anunciou``,
    ``Obama|signed`` (unsafe). Wherever it stands, not only where a sentence
    starts: a name does not end in a common verb's past form. The token no
    word list, name or given name knows; the first word common (zipf
    SUBJECT_HEAD_ZIPF) or a name of the casing lexicon, four letters or
    more and no prefix; the verb common (SUBJECT_VERB_ZIPF), SUBJECT_VERB_LEN
    letters or more and no name; one such cut only, the two no words that
    make many compounds (``Hand|washed``, ``Water|damaged``: DAMAGED_EVIDENCE),
    and no slip of a frequent word. Not in German, whose compounds end in
    participles (``Gold|beschichtet`` is no subject)."""
    endings = word_list(lang, "past_verb_endings.txt", rule_dirs)
    if not endings:
        return ()
    low = tok.lower()
    freqs = word_frequencies(lang)
    lexicon = casing_lexicon(lang, rule_dirs).single
    if low in lexicon or low in word_list("common", "given_names.txt", rule_dirs):
        return ()
    prefixes = word_list(lang, "prefixes.txt", rule_dirs)
    cuts = []
    for k in range(4, len(low) - SUBJECT_VERB_LEN + 1):
        head, tail = low[:k], low[k:]
        if not any(tail.endswith(e) for e in endings) or tail in lexicon or head in prefixes:
            continue
        canonical, _ = lexicon.get(head, ("", ""))
        if _zipf(freqs.get(tail, 0.0)) >= SUBJECT_VERB_ZIPF and (
                _zipf(freqs.get(head, 0.0)) >= SUBJECT_HEAD_ZIPF or canonical[:1].isupper()):
            cuts.append((head, tail))
    if len(cuts) != 1:
        return ()
    parts = cuts[0]
    starts, ends = _compound_count(parts[0], parts[1], lang, rule_dirs, AFFIX_LIKE)
    if starts + ends >= DAMAGED_EVIDENCE:
        return ()
    zipfs = tuple(_zipf(freqs.get(p, 0.0)) for p in parts)
    if _a_slip(low, sum(zipfs) - 18, lang):
        return ()
    return _pieces(tok, parts), parts, zipfs, False, False


INFLECTED_HEAD_ZIPF = 2.5   # an inflected form (its word's frequency spread over its forms) this common...
INFLECTED_TAIL_LEN = 4      # ...before a word this long (argument|era is a verb's future, argumentera)


def _inflected_pair(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """Two content words glued, the first in a form no closed compound's
    first part takes (``first_part_endings.txt``: Russian adjective case
    endings, Spanish -mente and plurals), in a token no list knows:
    ``благоприятную|среду``, ``внезапных|бурь`` (unsafe). An inflected form
    shares its word's frequency with the other forms, so the first is
    taken from zipf INFLECTED_HEAD_ZIPF, the second from
    INFLECTED_TAIL_ZIPF, INFLECTED_TAIL_LEN letters or more, no ending and no name; one
    such cut only, no likelier other cut, no typo of a frequent word."""
    endings = word_list(lang, "first_part_endings.txt", rule_dirs)
    if not endings:
        return ()
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    stop = word_list(lang, "endings.txt", rule_dirs) | glue_words(lang, rule_dirs)
    cuts = []
    for k in range(MIN_LEN - 3, len(tok) - INFLECTED_TAIL_LEN + 1):
        head, tail = tok[:k], tok[k:]
        if not _ends_inflected(head, endings) or tail in stop or head in names or tail in names:
            continue
        zh, zt = _zipf(freqs.get(head, 0.0)), _zipf(freqs.get(tail, 0.0))
        if zh >= INFLECTED_HEAD_ZIPF and zt >= INFLECTED_TAIL_ZIPF:
            cuts.append(((head, tail), (zh, zt)))
    if len(cuts) != 1:
        return ()
    parts, zipfs = cuts[0]
    score = sum(z - 9 for z in zipfs)
    if _another_cut(tok, list(parts), score, _frequent(lang)):
        return ()
    if _a_slip(tok, score, lang):
        return ()   # likelier a slip of a frequent word
    return _pieces(tok, parts), parts, zipfs, False, False


def _capitalised_inflected_pair(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """A Capitalised token no list knows whose lower-case form is two
    content words glued, the first in a form no compound's first part takes
    (:func:`_inflected_pair`): the two words that open a sentence
    (``Иранские|студенты``, ``Últimamente|hemos``), split only where a
    sentence starts (the decision's opener flag) and the document writes the
    form nowhere else (unsafe)."""
    decision = _inflected_pair(tok.lower(), lang, rule_dirs)
    if not decision:
        return decision
    _, parts, zipfs, _, _ = decision
    return _pieces(tok, parts), parts, zipfs, False, True


BREAK_ZIPF = 3.0          # a word this common, written with a hyphen inside it at a line's end
BREAK_MARGIN = 1.0        # ...is a cut word, not a prefixed one, when it is this much commoner than its tail
BREAK_TAIL_ZIPF = 2.0     # ...or when its tail is rarer than this (ceedings; not ordinator, givers: British hyphens)


def line_break_hyphens(a, lang: str, rule_dirs: tuple[str, ...] = ()) -> int:
    """How many words of the analysed text ``a`` are a word a typesetter cut
    at a line's end, joined again with the hyphen kept, as text extracted
    from a PDF has them (``Pro-ceedings``, ``answer-ing``, ``se-mantic``):
    two runs of letters, the second in lower
    case, that make a word of zipf BREAK_ZIPF or more without the hyphen,
    where the second is no word (below BREAK_TAIL_ZIPF), or an ending
    (``endings.txt``, ``inflected_endings.txt``: -ing), or the first is
    neither a prefix (``prefixes.txt``: co-operate, re-elect, the British
    co-ordinator) nor a common word (care-givers, fund-raisers): a compound
    or a prefixed word may be written either way; or where the second is a
    common word and the word BREAK_MARGIN commoner than it (``de-scribe``: a
    prefixed word is seldom far commoner than its stem, email than mail;
    ``in-formation`` falls just short). Evidence, never a finding on its own
    (``fund-raisers`` is written so too)."""
    freqs = word_frequencies(lang)
    prefixes = word_list(lang, "prefixes.txt", rule_dirs)
    endings = word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs)
    forms = []
    for form in a.vocabulary:
        head, sep, tail = form.partition("-")
        if not sep or not head.isalpha() or not tail.isalpha() or not tail.islower():
            continue
        z_joined = _zipf(freqs.get((head + tail).lower(), 0.0))
        if z_joined < BREAK_ZIPF:
            continue
        z_tail = _zipf(freqs.get(tail, 0.0))
        if z_tail >= BREAK_TAIL_ZIPF and tail not in endings and (z_tail < BREAK_ZIPF or z_tail + BREAK_MARGIN > z_joined) \
                and (head.lower() in prefixes or _zipf(freqs.get(head.lower(), 0.0)) >= BREAK_ZIPF):
            continue   # a compound or a prefixed word, written so (co-operate, co-ordinator, care-givers), not a
            # cut (but de-scribe: a common tail, and describe far commoner than scribe)
        forms.append(form)
    return len(a.places(forms)) if forms else 0


DAMAGE_MIN = 2            # a document in which this many glued words were found...
DAMAGE_EVERY = 200        # ...one in this many words or more, lost spaces elsewhere too:
DAMAGED_MIN = 8           # there a token this long,
DAMAGED_PART_ZIPF = 2.5   # two content words this common,
DAMAGED_PART_LEN = 4      # the first this long and the second longer, glued, splits
DAMAGED_EVIDENCE = 12     # fewer compounds than this made with the two (or none with one and
AFFIX_LIKE = 50           # fewer than this with the other: a part that makes this many is an affix)
PREFIX_LIKE_STARTS = 5    # a first word that starts this many compounds...
PREFIX_LIKE_ZIPF = 5.0    # ...and is rarer than this alone works like a prefix (snap|shooting, кибер|)
SUFFIX_REST = 4           # a longer word that leaves this few letters begins a derivation (schermata + ccia)
SHORT_HEAD_ZIPF = 4.0     # a first word of DAMAGED_PART_LEN letters is this common and makes fewer than PROLIFIC compounds


@lru_cache(maxsize=1 << 16)
def damaged_split(tok: str, lang: str, rule_dirs: tuple[str, ...] = ()):
    """Two content words glued in a lower-case token, in a document that has
    lost spaces in other places (a PDF's text, a page whose links all lost
    theirs: see :meth:`RunTogetherStage.process`): ``biochemicalpathways``,
    ``perceptualprimitive``. Where a text is known to be damaged, a token no
    word list knows that cuts into two words is likelier glue than a
    coinage, so the bar is lower than :func:`split_decision`'s: each word
    zipf DAMAGED_PART_ZIPF or more, the first DAMAGED_PART_LEN letters or
    more, the second longer, and no name. The shapes of compounds and
    derivations stay: a prefix first or an ending last, a linking -o-, a
    family the list knows (the token's other forms, a longer word it
    begins with), a lost apostrophe, a prefix that doubles the next letter,
    English words in another language, words that make many compounds or
    work as affixes (counted in the word list). One likely cut only, and no
    slip of a frequent word. Not in compounding languages (German), and not
    CamelCase (TowerGroup is a brand as often). Unsafe."""
    if lang in COMPOUNDING or not tok.isalpha() or not tok.islower():
        return ()
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    low = tok   # (lower case already)
    if low in freqs or low in names or _known_anywhere(low):
        return ()
    split = best_split(low, top_frequencies(lang, DAMAGED_PART_ZIPF), min_zipf=DAMAGED_PART_ZIPF, max_parts=2)
    if split is None:
        return ()
    parts, score = split
    head, tail = parts
    zipfs = tuple(_zipf(freqs[p]) for p in parts)
    if len(head) < DAMAGED_PART_LEN or len(tail) <= DAMAGED_PART_LEN or head in names or tail in names:
        return ()
    if head in word_list(lang, "prefixes.txt", rule_dirs) or head.endswith(LINKING_VOWELS) \
            or tail in word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs):
        return ()
    if _other_form_known(low, lang) or _has_family(head + tail[:4], lang):
        return ()
    common = top_frequencies(lang, PART_ZIPF)
    if any(low[:k] in common for k in range(max(len(head) + 1, len(low) - SUFFIX_REST), len(low) - 1)):
        return ()   # schermata + ccia: a longer word begins the token, which is that word and a suffix
    if _english_part(parts, lang):
        return ()   # fourballs in a Portuguese text: an English word
    if _lost_elision(low, lang, rule_dirs) or head[:-1] in word_list(lang, "prefixes.txt", rule_dirs) \
            and tail[0] == head[-1]:
        return ()   # l'entrevue lost its apostrophe (not lent|revue); auto|ssátira doubles its s after a prefix
    starts, ends = _compound_count(head, tail, lang, rule_dirs, AFFIX_LIKE)
    if starts + ends >= DAMAGED_EVIDENCE and not (min(starts, ends) == 0 and max(starts, ends) < AFFIX_LIKE):
        return ()   # home|wear, plane|maker: words that make compounds; anim|ions, теле|производству: affixes
    if starts >= PREFIX_LIKE_STARTS and zipfs[0] < PREFIX_LIKE_ZIPF:
        return ()   # snap|shooting, кибер|свободы, poli|metallici: a word rarer alone than it is in compounds
    if len(head) == DAMAGED_PART_LEN and (zipfs[0] < SHORT_HEAD_ZIPF or starts >= PROLIFIC):
        return ()   # инст|рации: four letters are often a fragment or an affix
    if _another_cut(low, parts, score, _frequent(lang)):
        return ()
    if _a_slip(low, score, lang):
        return ()
    return _pieces(tok, parts), tuple(parts), zipfs, False, False


DAMAGED_NAME_ZIPF = 1.5   # a Capitalised word the list knows this rarely or more (a name, Viterbi)...
DAMAGED_TAIL_ZIPF = 4.0   # ...glued to a lower-case word this common, longer than DAMAGED_PART_LEN


@lru_cache(maxsize=1 << 16)
def damaged_name_split(tok: str, lang: str, rule_dirs: tuple[str, ...] = ()):
    """A Capitalised word glued to the common lower-case word after it, in a
    document that has lost spaces in other places (:func:`damaged_split`):
    ``Viterbi|algorithm``, ``Obama|administration``. The first word is one
    the word list knows (zipf DAMAGED_NAME_ZIPF: names are in it), the second
    a common word (zipf DAMAGED_TAIL_ZIPF) longer than DAMAGED_PART_LEN
    letters that is no name, no ending and no part that makes many
    compounds; the token no list and no name knows, one such cut only, no
    prefix first, no family the list knows, no English words in another
    language, and no slip of a frequent word. Unsafe."""
    if lang in COMPOUNDING or not tok.isalpha() or not (tok[0].isupper() and tok[1:].islower()):
        return ()
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    low = tok.lower()
    if low in freqs or low in names or _known_anywhere(low):
        return ()
    stop = word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs)
    cuts = [(low[:k], low[k:]) for k in range(DAMAGED_PART_LEN, len(low) - DAMAGED_PART_LEN)
            if _zipf(freqs.get(low[k:], 0.0)) >= DAMAGED_TAIL_ZIPF and _zipf(freqs.get(low[:k], 0.0)) >= DAMAGED_NAME_ZIPF
            and low[k:] not in names and low[k:] not in stop]
    if len(cuts) != 1:
        return ()
    parts = cuts[0]
    head, tail = parts
    canonical, _ = names.get(head, ("", ""))
    if not (canonical[:1].isupper() or _zipf(freqs[head]) < PART_ZIPF):
        return ()   # Silver|mountain, Tower|group: a common word Capitalised, as brands and places are made
    if head in word_list(lang, "prefixes.txt", rule_dirs) or _has_family(head + tail[:4], lang) \
            or _english_part(parts, lang) or _lost_elision(low, lang, rule_dirs):
        return ()
    starts, ends = _compound_count(head, tail, lang, rule_dirs, AFFIX_LIKE)
    if starts + ends >= DAMAGED_EVIDENCE:
        return ()   # Stone|bridge: a word that makes compounds, as names are made
    zipfs = tuple(_zipf(freqs[p]) for p in parts)
    if _a_slip(low, sum(zipfs) - 18, lang):
        return ()
    return _pieces(tok, parts), parts, zipfs, False, False


DAMAGED_TITLE_HEAD_ZIPF = 3.0   # two Capitalised words glued: the first this common, three letters or more,
DAMAGED_TITLE_TAIL_ZIPF = 3.5   # ...the second this common and longer than three letters


@lru_cache(maxsize=1 << 16)
def damaged_title_split(tok: str, lang: str, rule_dirs: tuple[str, ...] = ()):
    """Two Capitalised words run together, in a document that has lost
    spaces in other places (:func:`damaged_split`): a title's or a heading's
    words (``QuestionAnswering``, ``WordSense``, ``AmericanChapter``), a
    menu's (``NoticiasDeportes``). Clean news writes such tokens as brands
    (PopularMax, BusinessEurope), which is why :func:`_camel_glue` leaves
    them; in a damaged text the split is the likelier reading, though a
    brand of two common words the lists lack still splits there (TowerGroup
    did, in the news files glued line by line). One capital inside only,
    each part a common word (zipf DAMAGED_TITLE_HEAD_ZIPF and
    DAMAGED_TITLE_TAIL_ZIPF), the first of three letters or more (McCain,
    LaGuardia, DeSantis stay) and no head brands favour nor a prefix
    (``Multi|Voice``; so ``InProceedings`` stays too), the second of four
    or more and no ending; the token no word list and no name knows
    (PowerPoint, BlackRock, YouTube are there), and the two no words that
    make many compounds (``Star|News``: DAMAGED_EVIDENCE). The caller
    also leaves a form the text writes twice. Not in German, which
    capitalises its nouns. Unsafe."""
    if lang in COMPOUNDING or not tok.isalpha() or not tok[0].isupper():
        return ()
    inner = [k for k in range(1, len(tok)) if tok[k].isupper()]
    if len(inner) != 1:
        return ()
    head, tail = tok[:inner[0]], tok[inner[0]:]
    if len(head) < 3 or len(tail) < 4 or not (head[1:].islower() and tail[1:].islower()):
        return ()
    h, t = head.lower(), tail.lower()
    freqs = word_frequencies(lang)
    low = tok.lower()
    if low in freqs or low in casing_lexicon(lang, rule_dirs).single or _known_anywhere(low):
        return ()
    if h in word_list(lang, "camel_heads.txt", rule_dirs) or h in word_list(lang, "prefixes.txt", rule_dirs) \
            or t in word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs):
        return ()
    if _zipf(freqs.get(h, 0.0)) < DAMAGED_TITLE_HEAD_ZIPF or _zipf(freqs.get(t, 0.0)) < DAMAGED_TITLE_TAIL_ZIPF:
        return ()
    starts, ends = _compound_count(h, t, lang, rule_dirs, AFFIX_LIKE)
    if starts + ends >= DAMAGED_EVIDENCE:
        return ()   # Star|News: words that make compounds, as brands are made
    return _mixed_case_split(head, tail, lang)


def named_anywhere(low: str, rule_dirs: tuple[str, ...] = ()) -> bool:
    """Does some supported language's casing lexicon write ``low`` as a name
    (Capitalised)? A name's spelling in another language (``Zelenskyy``,
    English, in a French text that also writes ``Zelensky``) is no name glued
    to a word (Zelensky|y)."""
    return any(casing_lexicon(o, rule_dirs).single.get(low, ("",))[0][:1].isupper() for o in SUPPORTED_LANGUAGES)


def _a_slip(low: str, score: float, lang: str) -> bool:
    """Is ``low`` likelier a slip of a frequent word one edit away than a
    split whose words' log10 probabilities sum to ``score``? Not where no
    frequent word is one edit away: there is nothing it could be a slip of
    (``Poznań|marathon``, whose words are rarer together than one in a
    billion, still splits)."""
    near = _nearest(low, _frequent(lang), lang)
    return bool(near) and score <= math.log10(near)


DELETION_SLIP_ZIPF = 5.0   # a letter typed twice or too many: the word without it is this common
FRAGMENT_LEN = 3           # ...where a split leaves a content word this short (and rarer than SHORT_CONTENT_ZIPF)


@lru_cache(maxsize=1 << 16)
def _extra_letter(low: str, lang: str) -> float:
    """The frequency of the commonest word (zipf DELETION_SLIP_ZIPF or more)
    that ``low`` is with one letter too many inside it (``étaitent``, a slip
    for étaient, not était|ent), else 0.0. :func:`_nearest` tries no
    deletions, since dropping a letter of a glued function word finds a
    word as often (``leftmy``: lefty, ``wasthe``: waste); only asked where
    a split leaves a short, rare fragment (ent) beside a function word."""
    common = top_frequencies(lang, DELETION_SLIP_ZIPF)
    best = 0.0
    for i in range(1, len(low) - 1):
        f = common.get(low[:i] + low[i + 1:], 0.0)
        best = max(best, f)
    return best


def _known_as_a_word(low: str, at_least: float = WEB_GLUE_ZIPF) -> bool:
    """Does some supported language's word list hold ``low`` at zipf
    ``at_least`` or more (by default more than web text's glue: thepeople
    is not)?"""
    return any(_zipf(word_frequencies(o).get(low, 0.0)) >= at_least for o in SUPPORTED_LANGUAGES)


def _known_anywhere(low: str) -> bool:
    """Does any supported language's word list know ``low``, however rarely?
    (Surnames made of an article and a word, Laporta, Leblanc, Lacroix, are
    there.)"""
    return any(low in word_frequencies(o) for o in SUPPORTED_LANGUAGES)


NAME_PAIR_WEB_ZIPF = 2.0   # a place's or a name's two words glued, which web text writes so (hashtags,
# addresses: elsalvador, losangeles), split all the same where the list holds the token rarer than
# this; brands written so are commoner (DekaBank, RedBull, HighSchool)
OPENER_WORD_ZIPF = 3.5   # the word after a Capitalised article glued to it
OPENER_HEAD_ZIPF = 4.0   # a Capitalised word glued to a common word after it: this common (both),
OPENER_FW_HEAD_ZIPF = 3.5   # ...or, glued to a function word, this common (Sabíamos|que: a verb's form shares its frequency)


def _capitalised_opener(tok: str, lang: str, compounds: bool, rule_dirs: tuple[str, ...]):
    """A Capitalised token no language's word list nor the names know, whose
    lower-case form splits (:func:`_two_words`) after an article
    (``determiners.txt``, ``glue_openers.txt``: ``Elincidente``,
    ``Lesélecteurs``; a one-letter word no other word begins with, Italian
    ``Èstato``) or into a common word that is no name and a function
    word of two letters or more (``Pareceque``, ``Pensoque``, ``Сейчасне``):
    the word that opens a sentence glued to the next. Split only where a
    sentence starts (the decision's opener flag, and only when the document
    writes the form nowhere else), never safe: elsewhere a Capitalised token
    is a name's, and names that start with other function words (Norbest),
    read as two content words (Donggala), end in a function word of one
    letter (Ladya) or start with a word of three (Iveto) are left alone."""
    low = tok.lower()
    decision = _two_words(low, lang, compounds, rule_dirs)
    if not decision:
        return decision
    _, parts, zipfs, _, _ = decision
    if len(parts) != 2:
        return ()
    head, tail = parts
    if head in word_list(lang, "determiners.txt", rule_dirs) | word_list(lang, "glue_openers.txt", rule_dirs) \
            or len(head) == 1 and _starts_no_word(head, lang) \
            or len(head) >= 3 and head in word_list(lang, "glue_words.txt", rule_dirs) and len(tail) >= 3:
        # (glue_words.txt: auxiliaries and adverbs, no preposition a surname starts with, Dalla|torre)
        if zipfs[1] < OPENER_WORD_ZIPF:
            return ()   # (As|kale: a name; the word after the article is a common one)
    elif not (tail in glue_words(lang, rule_dirs) and len(tail) >= 2 and head not in glue_words(lang, rule_dirs)
              and len(head) >= 4 and zipfs[0] >= OPENER_FW_HEAD_ZIPF and head not in casing_lexicon(lang, rule_dirs).single) \
            and not (min(len(head), len(tail)) >= 3 and min(zipfs) >= OPENER_HEAD_ZIPF
                     and not any(p in casing_lexicon(lang, rule_dirs).single or p in glue_words(lang, rule_dirs)
                                 for p in parts)):
        return ()
    return _pieces(tok, parts), parts, zipfs, False, True


STARTS_NO_WORD_MAX = 5   # a letter this few words of zipf 2 begin with (Italian è: èra, èlite, slips)


@lru_cache(maxsize=None)
def _starts_no_word(letter: str, lang: str) -> bool:
    """Do (almost) no words of the language but ``letter`` itself begin with
    it (Italian ``è``, French ``à``)? Then a Capitalised token that starts
    with it opens a sentence with that word glued to the next
    (``Èstato``)."""
    return sum(1 for w in top_frequencies(lang, 2.0) if w.startswith(letter) and w != letter) <= STARTS_NO_WORD_MAX


def hyphened_split(form: str, lang: str, compounds: bool = False, rule_dirs: tuple[str, ...] = ()):
    """A hyphenated word whose first or last part is glue (``littleill-treated``:
    little | ill-treated; ``long-termthat``): that part's split, the rest of
    the word kept on the piece it touches. A part that is no glue, and a word
    with an apostrophe, are left to the whole word (None)."""
    if "'" in form or "’" in form:
        return None
    head, _, rest = form.partition("-")
    decision = split_decision(head, lang, compounds, rule_dirs)
    if decision:
        pieces, *others = decision
        return ((*pieces[:-1], pieces[-1] + "-" + rest), *others)
    front, _, tail = form.rpartition("-")
    if front.rpartition("-")[2][:1].isupper() and tail.islower() and len(tail) < MIN_LEN:
        return None   # a name's syllable after a Capitalised one (Ma Ying-jeou, not je|ou)
    decision = split_decision(tail, lang, compounds, rule_dirs)
    if decision:
        pieces, *others = decision
        return ((front + "-" + pieces[0], *pieces[1:]), *others)
    return None


def _two_words(tok: str, lang: str, compounds: bool, rule_dirs: tuple[str, ...]):
    """A function word and a frequent word (or, with ``compounds``, two
    content words) glued together: ``expansionthat``; a preposition,
    conjunction or copula glued to a determiner: ``ofthe``, ``dansle``; two
    function words, in a token far less likely than they are (``canbe``;
    ``whereof`` stays)."""
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    capitalised = tok[0].isupper()
    low = tok.lower()
    f_tok = freqs.get(low, 0.0)
    fw = glue_words(lang, rule_dirs)
    det = _determiner_glue(low, lang, rule_dirs)
    if det is not None:
        parts, score = list(det), sum(math.log10(freqs.get(p, 1e-9)) for p in det)
        need = FREQUENT_GLUE_RATIO if _zipf(f_tok) >= RARE_ZIPF else 1.0
        if f_tok and score < math.log10(f_tok) + need:
            return None if need > 1.0 else ()   # about as likely a word of its own (washer)
        if _a_slip(low, score, lang):
            return ()   # likelier a typo of a word than glue ("ather", "insome"), "bythe" is glue
        zipfs = tuple(_zipf(freqs.get(p, 0.0)) for p in parts)
        return _pieces(tok, parts), tuple(parts), zipfs, False, capitalised
    if not compounds and not _glue_at_an_end(low, fw, top_frequencies(lang, PART_ZIPF),
                                             word_list(lang, "inflected_endings.txt", rule_dirs)) \
            and not (not f_tok and lang not in COMPOUNDING
                     and _long_cut(low, top_frequencies(lang, INFLECTED_TAIL_ZIPF), PAIR_PART_LEN)):
        return ()
    split = best_split(low, _frequent(lang), fw)
    pair = _pair_glue(low, lang, rule_dirs)
    if pair is not None:
        split = list(pair[0]), pair[1]   # two function words, weighed as clean news writes them side by side
    if split is None:
        return ()
    parts, score = split
    fw_pair = len(parts) == 2 and all(p in function_words(lang, rule_dirs) for p in parts) or pair is not None
    if fw_pair and parts[0] in word_list(lang, "elided.txt", rule_dirs):
        return ()   # "quune" lost its apostrophe (qu'une), not a space
    if len(tok) < PHRASE_MIN and not (fw_pair and not _known_elsewhere(low, lang)):
        return ()   # four letters: only two function words, in a token no other language writes as a word
        # (no|ha, se|ha, y|que, que|a, что|в; a name's syllable, Ma Ying-jeou, is seen to in hyphened_split)
    if len(tok) < MIN_LEN and not fw_pair and not (
            (not f_tok or _zipf(f_tok) < RARE_ZIPF and min(len(p) for p in parts) >= 2
             and score >= math.log10(f_tok) + FREQUENT_GLUE_RATIO)
            and not capitalised and len(parts) == 2
            and (parts[0] in fw) != (parts[1] in fw) and max(len(p) for p in parts) >= 3
            and _zipf(freqs.get(parts[1] if parts[0] in fw else parts[0], 0.0)) >= SHORT_CONTENT_ZIPF):
        return ()   # (a five-letter token unknown to the list: a function word and a common word, useof;
        # or one it holds rarely, as web text's glue, FREQUENT_GLUE_RATIO less likely than its two
        # words of two letters or more: one|of, to|get; in|let, at|one, wait|a stay)
    if f_tok and score < math.log10(f_tok) + (FW_PAIR_RATIO if fw_pair else 1.0):
        return ()   # the token itself is about as likely: a rare word (whereof, thereof)
    zipfs = [_zipf(freqs[p]) for p in parts]
    glue = [p in fw for p in parts]
    opener = False
    named = False
    if capitalised:
        # "Bruxellesavant": a known name, then a very frequent word;
        # "Thisproblem": a function word of glue_openers.txt, then a common
        # word, in a token the word list has never seen (at a sentence start:
        # checked where it stands)
        canonical, kind = names.get(parts[0], ("", ""))
        if not canonical and lang not in INFLECTING_NAMES and len(parts) == 2 and not _known_anywhere(low):
            canonical, kind = _place_elsewhere(parts[0], lang, rule_dirs)
        if len(parts) == 2 and len(parts[0]) >= 4 and zipfs[1] >= 5.0 and parts[1] in fw \
                and (len(parts[1]) >= 3 or kind in ("safe", "locative") and not _known_anywhere(low) and (
                    len(parts[1]) == 2 or lang not in INFLECTING_NAMES
                    and parts[1] in word_list(lang, "conjunctions.txt", rule_dirs))) \
                and canonical[:1].isupper() and (
                    kind in ("safe", "locative") or kind == "context" and _large_town(parts[0])
                    or (lang not in INFLECTING_NAMES
                        or lang not in CASE_NAMES and parts[1] not in word_list(lang, "endings.txt", rule_dirs))
                    and not _known_anywhere(low) and not name_derivation(parts[0], parts[1])):
            # a place the gazetteer knows, or a city whose name is also a word
            # (Paris|avant: French "paris", bets); any name the lexicon knows
            # in a token no language's word list knows (Mexico|and, Sachs|has:
            # surnames made so, Goldson, Martinon, Andersen, are in the lists);
            # in German, whose names take -s, -es, -en (Vorstoß|es), a function
            # word that is no such ending (China|und, Mexiko|auf); a place of the
            # gazetteer (safe, locative) in a token no list knows takes a word of two
            # letters too (Washington|en), and, where names do not decline (Австрии is
            # no Австри|и), a one-letter conjunction (Honduras|y, Torino|e)
            named = True
        elif len(parts) == 2 and len(parts[0]) >= 4 and canonical[:1].isupper() and lang in CASE_NAMES \
                and zipfs[1] >= 5.0 and parts[1] in fw \
                and (parts[1][0] not in CASE_NAMES[lang] or parts[1] in CASE_FORM_GLUE.get(lang, {})) \
                and (parts[1] not in word_list(lang, "endings.txt", rule_dirs) if len(parts[1]) >= 2
                     else parts[0][-1] in CASE_FORM_GLUE.get(lang, {}).get(parts[1], "")) and not _known_anywhere(low):
            # a language whose names take case endings: every ending starts with a
            # vowel, so a name the lexicon knows glued to a function word that starts
            # with a consonant is glue (Трамп|на, Сандерс|не; but Иванов, Путин|а);
            # a one-letter one only after a case form's letter no surname ends in
            # with it (CASE_FORM_GLUE: России|в, Европы|с, Москву|и; Петро|в, Илья|с are
            # names, Австрии no Австри|и)
            named = True
        elif len(parts) == 2 and len(parts[0]) >= 4 and canonical[:1].isupper() \
                and parts[1] in word_list(lang, "speech_verbs.txt", rule_dirs) and not _known_anywhere(low):
            # a name the lexicon knows glued to a verb of saying: Trump|said, Sánchez|dijo
            named = True
        elif len(parts) == 2 and parts[0] in word_list(lang, "glue_openers.txt", rule_dirs) \
                and (not f_tok or fw_pair) and zipfs[1] >= 3.5 and len(parts[1]) >= 3:
            opener = True
        elif pair is not None and not _town_or_given_name(low, rule_dirs):
            # two function words clean news writes apart far more often than the
            # list holds them glued (Itis, Heis, Morethan, Andit): glue where a
            # sentence starts, as above; elsewhere a name's (the town of Weare),
            # and a town's or a given name's anywhere (Uman is German um|an)
            opener = True
        elif len(parts) == 2 and not f_tok and parts[1] in word_list(lang, "glue_tails.txt", rule_dirs) \
                and len(parts[0]) >= CAP_HEAD_LEN and zipfs[0] >= CAP_HEAD_ZIPF and parts[0] not in names:
            pass   # a common word capitalised (a heading's, a title's), then glue: Proceedingsof, Workshopon
        elif len(parts) == 2 and all(glue) and not f_tok and not _known_anywhere(low):
            # two function words and no content word, Capitalised where a sentence
            # starts (Nonè, Tuttoquello, Masnão): glue there; elsewhere a name's
            opener = True
        elif lang in COMPOUNDING and len(parts) == 2 and not f_tok and not _known_anywhere(low) \
                and not name_derivation(parts[0], parts[1]):
            # a language that capitalises its nouns: a noun glued to a function
            # word (Bestürzung|aus, Streuung|der) is weighed like a lower-case
            # token below; a function word glued to the word after it
            # (Ich|habe) only where a sentence starts (Kiewer|in is a word)
            opener = glue[0] and not glue[1]
        else:
            return ()   # "Martinon" is a surname, "Yorkand" is glue
    # A leading over/in/sub/trans is a prefix (overtaxes, subclusters), and
    # a three-way split is usually a fragment of a rarer word (the big ram).
    if len(parts) != 2:
        return ()
    if parts[0] in word_list(lang, "prefixes.txt", rule_dirs) and not fw_pair and not (
            _glue_prefix(parts, lang, rule_dirs) and _zipf(f_tok) < WEB_GLUE_ZIPF
            and zipfs[1] >= GLUE_PREFIX_ZIPFS.get(lang, GLUE_PREFIX_ZIPF) and len(parts[1]) >= 3
            and not _prefixed_word(low, parts, lang, rule_dirs)) \
            and not _negated_verb(low, parts, zipfs, f_tok, lang, rule_dirs):
        # "with|equal", never seen as one word, is glue; "over|taxes" is a
        # word, and so is "in|determination" (the list knows "indeterminate");
        # two function words (de|una, con|la) were weighed against the token
        # above, and a prefix makes no word of a function word
        return ()
    unusual_ending = False
    ending = parts[1] in word_list(lang, "endings.txt", rule_dirs)   # (a split before one is never safe)
    if ending and (pair is None or lang in COMPOUNDING) \
            and not ((fw_pair or glue[0] and len(parts[1]) >= SUFFIX_WORD_LEN)
                     and parts[0] not in word_list(lang, "prefixes.txt", rule_dirs)):
        # (two function words clean news writes side by side far more often than the
        # list holds them glued, no|es, en|lo, are no prefix and its ending: _pair_glue;
        # but German makes words of a preposition and a case ending, vordem, seitdem)
        # (a function word that is no prefix takes no suffix: of|less, where care|less does)
        unusual_ending = (len(parts[1]) <= 3 and len(parts[0]) >= 4 and zipfs[0] >= PART_ZIPF + 0.5
                          and not _known_anywhere(low) and (_never_ends(parts[0][-2:], parts[1], lang)
                                                            or _one_letter_glue(parts, f_tok)))
        if not unusual_ending:
            return ()   # a clitic, inflection or suffix, not a glued word (marcase, zurücklassenden, woundedness)
        # (but a short function word after a letter the language's words seldom have
        # before it is glue, unsafe: назад|в, évoqué|le; Russian words end in -ов, not
        # -дв, French ones in -lle, not -éle; Spanish hacer|la is a word, -rla common)
    endings_list = word_list(lang, "endings.txt", rule_dirs)
    if not fw_pair and any(len(x) > len(parts[1]) and low.endswith(x) and low[:-len(x)] in _frequent(lang)
                           and _zipf(freqs.get(x, 0.0)) < ENDING_WORD_ZIPF
                           and any(y != x and low[:-len(x)] + y in freqs for y in endings_list)
                           for x in endings_list):
        return ()   # compra|sen, not compras|en: an ending (no common word itself: aktuelle|in, not -ein)
        # that takes the function word's letters, on a stem the list shows taking the
        # language's endings (comprase, cómpralo); a noun takes none (ventas|en, partidos|en)
    if not fw_pair and any(len(x) < len(parts[1]) and low.endswith(x) and _unaccented(low[:-len(x)]) != low[:-len(x)]
                           and _unaccented(low[:-len(x)]) in _frequent(lang) and low[:-len(x)] not in freqs
                           and low[-len(x) - 1] in ALPHABETS["en"]
                           for x in word_list(lang, "endings.txt", rule_dirs)):
        return ()   # interése|se, cómpra|lo: a verb that took a clitic took an accent too, on a
        # syllable before its last letter (not interés|ese; la|tête is no latê + te)
    fw_first = glue[0] and lang in FW_FIRST_AMBIGUOUS and not fw_pair
    glue_prefix = _glue_prefix(parts, lang, rule_dirs)   # (vetted above)
    if fw_first and (parts[0] in word_list(lang, "prefixes.txt", rule_dirs) and not glue_prefix or f_tok
                     or len(parts[1]) < 4 or _known_anywhere(low)
                     or not glue_prefix and _has_family(parts[0] + parts[1][:3], lang)):
        return ()   # German words start with its prepositions (aufbauen, zugehen, inhaftiert);
        # "dengelten" is a word (two function words, und|dann, er|von, were weighed against
        # the token above); an article or a conjunction that no word starts with, glued to a
        # word, in a token no list knows, is glue: der|letzten, und|gemein
    unvetted = False
    if fw_pair or named and not any(glue):
        pass   # "can|be": no content word to vet; Trump|said: a name and a verb of saying
    elif glue[0] or glue[1]:
        content = parts[1] if glue[0] else parts[0]
        if len(content) < 3 or _zipf(freqs[content]) < 3.0 or content in names and not named:
            if not (all(glue) and not f_tok):
                return ()   # a name ("chen") as a part means a foreign or proper word (but Madrid|que)
            unvetted = True   # solo|un: two words of glue_words.txt, no content word to vet (unsafe)
    elif any(len(p) < PAIR_PART_LEN or len(p) == PAIR_PART_LEN and z < SHORT_PAIR_PART_ZIPF for p, z in zip(parts, zipfs)) \
            or zipfs[0] < (INFLECTED_TAIL_ZIPF if _inflected(parts[0], lang, rule_dirs) else PAIR_PART_ZIPF) \
            or any(p in names for p in parts) \
            or zipfs[1] < (INFLECTED_TAIL_ZIPF if _inflected(parts[0], lang, rule_dirs) else PAIR_PART_ZIPF):
        return ()   # (an inflected first word shares its frequency with its other forms: persuading|voters)
    elif not (compounds or _inflected(parts[0], lang, rule_dirs) or _dropped_accent(parts[0], f_tok, lang, rule_dirs)
              or lang not in COMPOUNDING and (_long_pair(parts, zipfs, f_tok)
                                              or _unproductive_pair(tok, parts, f_tok, lang, rule_dirs))):
        # Two content words may be a closed compound (homewear, fourballs):
        # only split them when asked to (the split_compounds option), when
        # the first ends in an inflection no compound's first element carries
        # (quicklyreaches, featuresaffect: inflected_endings.txt), or when
        # neither word forms compounds in the language's word list
        # (commonwords, targetvalue: _unproductive_pair).
        return ()
    if _a_slip(low, score, lang) \
            and not _letter_glue_no_typo(low, parts, zipfs, f_tok, lang):
        return ()   # likelier a typo of a frequent word (beteen) than glue ("issimilar" is glue)
    if not fw_pair and any(g != h for g, h in zip(glue, glue[1:])) \
            and any(not g and len(p) <= FRAGMENT_LEN and z < SHORT_CONTENT_ZIPF for p, g, z in zip(parts, glue, zipfs)) \
            and score <= math.log10(_extra_letter(low, lang) or 1e-30):
        return ()   # a letter too many in a common word (étaitent: étaient), not était|ent
    if not any(glue) and _another_cut(low, parts, score, _frequent(lang)):
        return ()   # "sentenceselection": sentences|election or sentence|selection
    if _known_stem(low, parts, score, fw, freqs):
        return ()   # "antonymy" is antonym + -y, not antony|my
    safe = (len(parts) == 2 and any(glue) and not fw_pair and not ending and not fw_first and not unvetted
            and min(zipfs) >= 3.5 and not capitalised
            and f_tok == 0.0 and min(len(p) for p in parts) >= 2
            and parts[0] not in word_list(lang, "prefixes.txt", rule_dirs)
            and not _another_cut(low, parts, score, _frequent(lang)))
    # (décisionsont is décision|sont or décisions|ont: which, the words around tell, not the token)
    return _pieces(tok, parts), tuple(parts), tuple(zipfs), safe, opener


@lru_cache(maxsize=None)
def glue_prefixes(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """``glue_prefixes.txt``: each preposition that is a prefix too but glue
    before a common word, with the endings that word must have where the
    line names some (German ``zu en``: zu|verlieren, an infinitive; zuhöchst
    is an adverb), else none."""
    out: dict[str, tuple[str, ...]] = {}
    for line in word_list(lang, "glue_prefixes.txt", rule_dirs):
        prefix, *endings = line.split()
        out[prefix] = tuple(endings)
    return out


def _glue_prefix(parts, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Is ``parts[0]`` a glue prefix (:func:`glue_prefixes`) that ``parts[1]`` ends as it asks?"""
    endings = glue_prefixes(lang, rule_dirs).get(parts[0])
    return endings is not None and (not endings or parts[1].endswith(endings))


NEGATED_GLUE_ZIPF = 3.0   # a negation glued to a verb that web text writes so (небудет): a token rarer than this


def _negated_verb(low: str, parts, zipfs, f_tok: float, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """A negation particle the language writes apart from verbs
    (``verb_negations.txt``: Russian не) glued to a common verb form
    (``verb_endings.txt``), in a token the list has never seen or holds only
    as web glue (below NEGATED_GLUE_ZIPF, and FREQUENT_GLUE_RATIO rarer than
    the verb): ``не|имеют``, ``не|видел``, ``не|будет``. Not where a longer prefix
    starts the token (недо|едает: недоедать), nor a verb the particle makes
    (ненавидит: навидит is no word)."""
    head, tail = parts
    if head not in word_list(lang, "verb_negations.txt", rule_dirs) or zipfs[1] < PAIR_PART_ZIPF or len(tail) < 4:
        return False
    if _zipf(f_tok) >= WEB_GLUE_ZIPF and not (_zipf(f_tok) < NEGATED_GLUE_ZIPF
                                             and zipfs[1] - _zipf(f_tok) >= FREQUENT_GLUE_RATIO):
        return False   # (небудет, web text's glue, is far rarer than будет; ненавидит is a word)
    if any(len(p) > len(head) and low.startswith(p) for p in word_list(lang, "prefixes.txt", rule_dirs)):
        return False
    return _verb_form(tail, lang, rule_dirs)


_ANY_VOWEL = (_VOWELS - {"y", "ý"}) | frozenset("аеёиоуыэюя")


def _one_letter_glue(parts, f_tok: float) -> bool:
    """A one-letter function word after a common word, in a token no word
    list has seen, where it cannot be that word's ending: a consonant
    (Russian ``участие|в``, ``погибли|в``), or a vowel after a vowel
    (``силами|и``, ``calma|y``; ``y``, the Spanish and French conjunction, counts as
    a consonant: ``balón|y``). A vowel after a consonant is how words
    inflect (``брексит|а`` is a genitive the list may lack): left to
    :func:`_never_ends`."""
    word, letter = parts
    return len(letter) == 1 and not f_tok and (letter not in _ANY_VOWEL or word[-1] in _ANY_VOWEL)


LETTER_GLUE_HEAD_ZIPF = 4.0   # a word this common, glued to a one-letter function word no ending can be


def _letter_glue_no_typo(low: str, parts, zipfs, f_tok: float, lang: str) -> bool:
    """A common word (LETTER_GLUE_HEAD_ZIPF, four letters or more) glued to a
    one-letter function word that cannot be its ending (:func:`_one_letter_glue`)
    after letters the language's words seldom end in (:func:`_never_ends`):
    Spanish ``desierto|a``, ``contratado|a``, Portuguese ``estádio|e``. The
    slip reading (``desiertos``: a and s touch) is set aside: one of the
    language's commonest words lost its space more likely than a key was
    missed. Not a doubled letter (``prácticaa`` is as likely a slip)."""
    head, letter = parts
    return (len(head) >= 4 and zipfs[0] >= LETTER_GLUE_HEAD_ZIPF and head[-1] != letter and _one_letter_glue(parts, f_tok)
            and _never_ends(head[-2:], letter, lang) and not _known_anywhere(low))


def _known_stem(low: str, parts, score: float, fw: frozenset[str], freqs: dict[str, float]) -> bool:
    """Is ``low`` a word the list knows, of five letters or more, extended by
    one or two letters that are no function word, and that word likelier
    than the split (``score``, log10)? A derivation or an inflection of a
    rare word, then, not glue: ``antonymy`` is antonym + -y, not antony|my.
    A function word left over is glue (``tolerant|to``, ``left|my``), and so
    is a split likelier than the word (``for|many``, not forman + -y). The
    stem must take letters of the split's last part: a stem shorter than its
    first part is another form of that word (Russian ``проблем`` under
    ``проблемы|с``), which explains nothing."""
    for k in (1, 2):
        stem, rest = low[:-k], low[-k:]
        if len(stem) >= 5 and rest not in fw and k < len(parts[-1]) \
                and math.log10(freqs.get(stem, 0.0) or 1e-12) >= score:
            return True
    return False


# languages whose names take case endings (Russian), or whose nouns are all
# capitalised and inflected (German): a name plus an ending there is no glue
INFLECTING_NAMES = ("ru", "uk", "de")
# languages whose names take case endings, and the letters all those endings start with
CASE_NAMES = {"ru": frozenset("аеёиоуыэюя")}
# one-letter prepositions and the last letters of a name's case forms before
# which they are glue, since no surname ends in the two: России|в, Москва|в,
# Европы|с; not -ов, -ев (Петро|в), -ас, -ис, -яс, -ус (Лука|с, Илья|с), -юк (Костю|к);
# the conjunction и after an accusative's, dative's or genitive's -у, -ю, -ы (Москву|и,
# Россию|и, Украины|и), which no name's form ends in with it (-ии, -еи, -ои do: Австрии, Кореи)
CASE_FORM_GLUE = {"ru": {"в": "аияуыюй", "с": "ы", "и": "уюы"}}
# endings that make a word of a name (Belarus|an, Chile|an): no glue after a consonant
NAME_DERIVATIONS = frozenset({"an", "n", "s", "es", "en", "er", "i", "in", "ian"})


def name_derivation(head: str, tail: str) -> bool:
    """Does ``tail`` make a word of the name ``head`` (Belarus|an, Kiewer|in:
    NAME_DERIVATIONS after a consonant) rather than follow it as glue?"""
    return tail.lower() in NAME_DERIVATIONS and head[-1:].lower() not in "aeiouy"
LARGE_TOWN = 100_000   # people: a city whose name is also a word still glues as a place


def _place_elsewhere(low: str, lang: str, rule_dirs: tuple[str, ...]) -> tuple[str, str]:
    """``low`` as another supported language's casing lexicon holds it safe
    to recase (a place, a country, a known organisation: ``safe``,
    ``locative``): (canonical, kind), else ("", ""). A foreign page's place
    keeps its own name in a translation (`Scotland|alla` in Italian, whose
    lexicon writes `Scozia`)."""
    for other in SUPPORTED_LANGUAGES:
        if other != lang:
            canonical, kind = casing_lexicon(other, rule_dirs).single.get(low, ("", ""))
            if kind in ("safe", "locative") and canonical[:1].isupper():
                return canonical, kind
    return "", ""


def _town_or_given_name(low: str, rule_dirs: tuple[str, ...]) -> bool:
    """Is ``low`` a town of ``common/towns.tsv`` or a given name of the
    common lists?"""
    from .places import fold, towns
    return fold(low) in towns() or low in word_list("common", "given_names.txt", rule_dirs) \
        or low in word_list("common", "female_given_names.txt", rule_dirs)


def _large_town(low: str) -> bool:
    """Is ``low`` the name of a town of LARGE_TOWN people or more
    (``common/towns.tsv``)?"""
    from .places import fold, towns
    return any(pop >= LARGE_TOWN for _, _, pop, _, _ in towns().get(fold(low), ()))


RARE_CONTENT_MIN = 6      # a rare word glued to a function word has this many letters...
RARE_CONTENT_ZIPF = 1.0   # ...and the word list knows it


def _rare_glue(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """A function word glued to the rare word after it, which the list knows,
    in a token it has never seen: ``thepsycholinguistic``, ``andsyntactic``
    (unsafe). Function words that form words (``prefixes.txt``: in, a, be)
    are not taken, and where one reads as glued to a word the list knows the
    token has no other split (``delibertad``, ``nosiempre``: not
    ``del|ibertad``, ``nos|iempre``); the token must have one such reading only and be no typo
    of a frequent word; a Capitalised token only splits after a word of
    ``glue_openers.txt`` at a sentence start. Not in compounding languages.
    A function word glued to the rare word before it (``historiographyof``)
    is split only when it is in ``glue_tails.txt``, which languages whose
    verb endings read as function words (French empocher|ont, Spanish
    desconoci|ese) do not have."""
    if lang in COMPOUNDING:
        return ()
    freqs = word_frequencies(lang)
    fw = glue_words(lang, rule_dirs)
    prefixes = word_list(lang, "prefixes.txt", rule_dirs)
    names = casing_lexicon(lang, rule_dirs).single
    low = tok.lower()
    floor = 10 ** (RARE_CONTENT_ZIPF - 9)
    cuts = []
    tails = word_list(lang, "glue_tails.txt", rule_dirs)
    for k in range(2, min(len(low) - RARE_CONTENT_MIN, _longest(fw)) + 1):
        head, rest = low[:k], low[k:]
        if head in fw and freqs.get(rest, 0.0) >= floor and rest not in names:
            if head in prefixes:
                return ()   # a function word that forms words is not taken, but its reading is one:
                # delibertad is de|libertad, not del|ibertad
            cuts.append((head, rest))
        body, tail = low[:-k], low[-k:]
        if tail in tails and freqs.get(body, 0.0) >= floor and body not in names and not tok[0].isupper():
            cuts.append((body, tail))
    if len(cuts) != 1:
        return ()
    parts = cuts[0]
    opener = tok[0].isupper()
    if opener and (not tok[1:].islower() or parts[0] not in word_list(lang, "glue_openers.txt", rule_dirs)):
        return ()
    if _nearest(low, _frequent(lang), lang, first=True):
        return ()   # one edit from a frequent word: a typo
    zipfs = tuple(_zipf(freqs.get(p, 0.0)) for p in parts)
    return _pieces(tok, parts), tuple(parts), zipfs, False, opener


def _determiner_glue(low: str, lang: str, rule_dirs: tuple[str, ...]) -> tuple[str, str] | None:
    """The one way ``low`` cuts into a word of ``determiner_heads.txt`` and a
    word of ``determiners.txt`` (``of|the``, ``dans|le``, ``con|la``), or None.
    No word of a language is formed so; where some are, the lists leave
    their parts out (German lists no short article: ``zudem``, ``vordem``,
    but ``in|seinen``). Asked of every form a run
    meets, so it tries only the cuts that leave a determiner's length."""
    heads, dets, lengths = _determiner_lists(lang, rule_dirs)
    cuts = [len(low) - n for n in lengths if n < len(low) and low[-n:] in dets and low[:-n] in heads]
    return (low[:cuts[0]], low[cuts[0]:]) if len(cuts) == 1 else None


@lru_cache(maxsize=None)
def _determiner_lists(lang: str, rule_dirs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """determiner_heads.txt, determiners.txt and the determiners' lengths
    (none when the language has no heads)."""
    heads = word_list(lang, "determiner_heads.txt", rule_dirs)
    dets = word_list(lang, "determiners.txt", rule_dirs) if heads else frozenset()
    return heads, dets, tuple(sorted({len(d) for d in dets}))


def _another_cut(low: str, parts: list[str], score: float, freqs: dict[str, float]) -> bool:
    """Is there a second cut of ``low`` into two frequent words nearly as
    probable (within AMBIGUOUS, in log10) as ``parts``? Then where the space
    goes is a guess."""
    floor = 10 ** (PART_ZIPF - 9)
    cut = len(parts[0])
    for k in range(3, len(low) - 2):
        if k == cut:
            continue
        a, b = freqs.get(low[:k], 0.0), freqs.get(low[k:], 0.0)
        if a >= floor and b >= floor and math.log10(a) + math.log10(b) >= score - AMBIGUOUS:
            return True
    return False


FAMILY_ZIPF = 2.0   # words at least this common count as a stem's family
FAMILY_SPAN = 4     # ...and, after a glue prefix, at most this many letters longer than the token


@lru_cache(maxsize=None)
def _sorted_words(lang: str) -> list[str]:
    """The language's words at least FAMILY_ZIPF common, sorted."""
    floor = 10 ** (FAMILY_ZIPF - 9)
    table = word_frequencies(lang)
    words = table.held(FAMILY_ZIPF - 0.01) if isinstance(table, WordFrequencies) else iter_frequencies(lang)
    return sorted(w for w, f in words if f >= floor)


# Languages whose words inflect with short endings: a token that starts
# with a glue prefix is a prefixed word only where the list knows the word's
# other forms, the token's letters less an ending (вброс, вброса, вбросы:
# вбросом), not a word that merely begins alike (впрямь is no form of в|прямом,
# вобла none of в|области)
INFLECTED_FAMILIES = frozenset({"ru"})
LEXEME_ENDING = 3   # an inflection changes at most this many final letters...
LEXEME_FORMS = 3    # ...and the list knows this many forms of the word
LEXEME_STEM = 4     # after the prefix, the stem shared has this many letters at least


def _lexeme_forms(low: str, prefix_len: int, lang: str) -> bool:
    """Does the word list know LEXEME_FORMS words (zipf >= FAMILY_ZIPF) that
    share all of ``low`` but its last LEXEME_ENDING letters or fewer, and
    end at most LEXEME_ENDING letters after that? Then ``low`` is a form of
    that word the list lacks, and not a preposition glued to a word."""
    for k in range(len(low), max(prefix_len + LEXEME_STEM, len(low) - LEXEME_ENDING) - 1, -1):
        forms = (w for w in _starting_with(low[:k], lang) if len(w) - k <= LEXEME_ENDING)
        if next(islice(forms, LEXEME_FORMS - 1, None), None) is not None:
            return True
    return False


def _prefixed_word(low: str, parts, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Is ``low``, a glue prefix and a common word (``parts``), a word the
    prefix made? So when a known word (FAMILY_ZIPF) begins as it does (the
    prefix and all of the word but its last three letters, four at least):
    in|determination, since the list knows indeterminate. Where words
    inflect (:data:`INFLECTED_FAMILIES`), a word that merely begins alike is
    no evidence (впрямь, an adverb, is nothing to в|прямом; вобла, a fish,
    nothing to в|области): the token must read as a form the list lacks of a
    word whose other forms it knows (:func:`_lexeme_forms`: вбросом), or end
    as verbs do (verb_endings.txt: за|видел is завидел, not a preposition
    before a verb)."""
    head, tail = parts
    if not _has_family(head + tail[:max(4, len(tail) - 3)], lang, len(low) + FAMILY_SPAN):
        return False
    return lang not in INFLECTED_FAMILIES or _lexeme_forms(low, len(head), lang) or _verb_form(tail, lang, rule_dirs)


def _verb_form(word: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Does ``word`` end in a verb form's ending (``verb_endings.txt``)?"""
    return any(word.endswith(e) and len(word) > len(e) for e in word_list(lang, "verb_endings.txt", rule_dirs))


def _has_family(stem: str, lang: str, max_len: int | None = None) -> bool:
    """Does a known word (zipf >= FAMILY_ZIPF) start with ``stem`` (and, given
    ``max_len``, have no more letters than that)? Then a token starting so is
    a derivation of that family (indetermination, from indeterminate), not
    glue. A much longer word shares a beginning, not a stem (Russian
    ``сконцентрировать`` is no family of ``с|конца``)."""
    return any(max_len is None or len(w) <= max_len for w in _starting_with(stem, lang))


def _starting_with(stem: str, lang: str):
    """The words of :func:`_sorted_words` that start with ``stem``, in order."""
    words = _sorted_words(lang)
    i = bisect_left(words, stem)
    while i < len(words) and words[i].startswith(stem):
        yield words[i]
        i += 1


LINKING_VOWELS = ("o", "о")   # a compound's first part may end in one (cuarto|finalistas, северо|западной)
LONG_PART = 6          # two content words this long...
LONG_PART_ZIPF = 4.0   # ...and this common, in a token no word list knows, are two words


def _long_pair(parts, zipfs, f_tok: float) -> bool:
    """Two long, common content words in a token the word list has never
    seen (``sentenceselection``, ``translationapproach``): closed compounds
    have a short part (home|wear, plane|maker, mini|guardería) or join with a
    linking -o- (cuarto|finalistas, северо|западной), and are left alone; so
    is every pair in a compounding language (German namens|bezogen)."""
    return (not f_tok and min(len(p) for p in parts) >= LONG_PART and min(zipfs) >= LONG_PART_ZIPF
            and not parts[0].endswith(LINKING_VOWELS))


def _long_cut(word: str, common: dict[str, float], min_len: int = LONG_PART) -> bool:
    """Can ``word`` be cut into two words of ``common`` of ``min_len`` letters or more?"""
    return any(word[:k] in common and word[k:] in common for k in range(min_len, len(word) - min_len + 1))


PAIR_PART_LEN = 3          # two content words this long (and, with three letters,
SHORT_PAIR_PART_ZIPF = 5.0   # this common: new, use, set)...
PAIR_PART_ZIPF = 3.5       # ...and this common, glued in a lower-case token the list has never seen,
INFLECTED_TAIL_ZIPF = 3.0  # (an inflected word, persuading|voters, and the word after it, fuertes|precipitaciones, this common)
COMPOUND_EVIDENCE = 6      # are split unless the word list holds this many compounds made with them,
PROLIFIC = 10              # or, when one never makes a compound there, the other makes this many


def _unproductive_pair(tok: str, parts, f_tok: float, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Two content words glued in a lower-case token the word list has never
    seen (``targetvalue``, ``townresidents``, ``groupresponsible``), where the
    language's own word list shows them forming few compounds: fewer than
    COMPOUND_EVIDENCE known words, counted together, begin with the first and
    go on with a word or end with the second after a word; or none do on one
    side and fewer than PROLIFIC on the other (town|residents: townhouse,
    townspeople..., but no word ends in residents). Words that make compounds
    (home|wear: homework, homeland..., knitwear, footwear...; plane|maker:
    peacemaker, playmaker...) are left joined, and so is a first word ending
    in a linking vowel (cuarto|finalistas, северо|западной), a token whose
    other form the list knows (dishtowels: dishtowel), or that begins a word
    the list knows (socialdemocráticos: socialdemócrata)."""
    head, tail = parts
    if f_tok or not tok.islower() or head.endswith(LINKING_VOWELS) or _other_form_known(tok, lang):
        return False
    if _has_family(head + tail[:4], lang):
        return False   # socialdemocráticos: the list knows socialdemócrata
    if head[:-1] in word_list(lang, "prefixes.txt", rule_dirs) and tail[0] == head[-1]:
        return False   # auto|rreconocido: Spanish doubles the r after a prefix, not autor|reconocido
    if _lost_elision(tok, lang, rule_dirs):
        return False   # lentrevue: l'entrevue lost its apostrophe, not lent|revue
    if _english_part(parts, lang):
        return False   # spacewalker, selfservice: an English word in another language's text
    starts, ends = _compound_count(head, tail, lang, rule_dirs)
    return starts + ends < COMPOUND_EVIDENCE or min(starts, ends) == 0 and max(starts, ends) < PROLIFIC


ENGLISH_MARGIN = 1.0   # a part this much commoner (zipf) in English than in the text's language is English


def _english_part(parts, lang: str) -> bool:
    """Is one of ``parts`` ENGLISH_MARGIN commoner in English than in ``lang``
    (an English word in another language's text)?"""
    if lang == "en":
        return False
    en, own = word_frequencies("en"), word_frequencies(lang)
    return any(_zipf(en.get(p, 0.0)) - _zipf(own.get(p, 0.0)) >= ENGLISH_MARGIN for p in parts)


def _lost_elision(low: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Does ``low`` start with an elided word of ``elided.txt`` (l, d, qu,
    dell) before a common word (``lentrevue``, ``dellanno``)? Then an apostrophe
    was lost there, which is not this rule's to restore."""
    common = top_frequencies(lang, PART_ZIPF)
    return any(low.startswith(e) and low[len(e):] in common for e in word_list(lang, "elided.txt", rule_dirs))


FORM_ENDINGS = ("s", "es", "e", "ed", "er", "ers", "ing", "ings")


def _other_form_known(low: str, lang: str) -> bool:
    """Does the word list know another form of ``low``: its stem (less one
    of FORM_ENDINGS) alone or with another of them? ``dishtowels`` (the list
    knows ``dishtowel``), ``cinemagoing`` (``cinemagoers``): a rare compound,
    not two words."""
    freqs = word_frequencies(lang)
    stems = {low} | {low[:-len(e)] for e in FORM_ENDINGS if low.endswith(e) and len(low) - len(e) >= 4}
    return any(form != low and form in freqs for stem in stems for form in (stem, *(stem + e for e in FORM_ENDINGS)))


def _compound_count(head: str, tail: str, lang: str, rule_dirs: tuple[str, ...],
                    cap: int = PROLIFIC) -> tuple[int, int]:
    """How many words of the language's list (zipf FAMILY_ZIPF and up) are
    ``head`` followed by a word, and how many are a word followed by
    ``tail``: the other part a common word (zipf 3) of three letters or more,
    no ending (``head|ing``, ``re|tail``: endings, inflections, prefixes) and no
    name, nor the compound a name. Each counted up to ``cap``."""
    words, reversed_words = _sorted_words(lang), _sorted_reversed(lang)
    common = top_frequencies(lang, PART_ZIPF)
    names = casing_lexicon(lang, rule_dirs).single
    endings = word_list(lang, "endings.txt", rule_dirs) | word_list(lang, "inflected_endings.txt", rule_dirs)
    prefixes = word_list(lang, "prefixes.txt", rule_dirs)

    def part(p: str) -> bool:
        return len(p) >= 3 and p in common and p not in endings and p not in prefixes and p not in names

    starts = 0
    i = bisect_left(words, head)
    while i < len(words) and words[i].startswith(head) and starts < cap:
        if part(words[i][len(head):]) and words[i] not in names:
            starts += 1
        i += 1
    ends = 0
    back = tail[::-1]
    i = bisect_left(reversed_words, back)
    while i < len(reversed_words) and reversed_words[i].startswith(back) and ends < cap:
        word = reversed_words[i][::-1]
        if part(word[:-len(tail)]) and word not in names:
            ends += 1
        i += 1
    return starts, ends


NEVER_ENDS_SHARE = 0.01   # a letter before a short ending in fewer words than this share of those with the ending
RARELY_ENDS_SHARE = 0.05  # ...or in fewer than this share, and the two letters before it in fewer than the first


@lru_cache(maxsize=None)
def _never_ends(before: str, ending: str, lang: str) -> bool:
    """Do fewer than NEVER_ENDS_SHARE of the language's words (zipf
    FAMILY_ZIPF and up) that end in ``ending`` have the last letter of
    ``before`` (the end of the word, two letters are enough) just before it,
    or fewer than RARELY_ENDS_SHARE that letter and fewer than
    NEVER_ENDS_SHARE its last two letters? Then a word glued
    to the short function word ``ending`` (Russian в, о, French le) is
    hardly that word inflected: ``назадв``, ``сообщенийо``, ``évoquéle``,
    ``préparer|la`` (-rla is uncommon in French, -erla unknown), but
    ``railla``, ``prepararla`` (-lla, -rla are common), and the Spanish
    subjunctive ``califica|se`` (-ase is common, however rare -case)."""
    def count(end: str) -> int:
        words, back = _sorted_reversed(lang), end[::-1]
        return bisect_left(words, back[:-1] + chr(ord(back[-1]) + 1)) - bisect_left(words, back)
    total = count(ending)
    if not total:
        return False
    one = count(before[-1:] + ending)
    return one < NEVER_ENDS_SHARE * total or (
        one < RARELY_ENDS_SHARE * total and len(before) >= 2 and count(before[-2:] + ending) < NEVER_ENDS_SHARE * total)


@lru_cache(maxsize=None)
def _sorted_reversed(lang: str) -> list[str]:
    """The words of :func:`_sorted_words`, each spelt backwards, sorted: the
    words that end in a string are one run of this list."""
    return sorted(w[::-1] for w in _sorted_words(lang))


def _dropped_accent(head: str, f_tok: float, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Does ``head``, the first of two content words in a token the word list
    has never seen, carry a written accent the language's closed compounds and
    derivations drop (``compound_accents.txt``: Spanish and Portuguese keep
    only the last element's, socioeconómico, rapidamente)? Then the token is
    two words: ``mínimo|requerido``, ``políticoeconómico``, ``último|ano``."""
    accents = word_list(lang, "compound_accents.txt", rule_dirs)
    return not f_tok and bool(accents) and any(ch in accents for ch in head)


def _inflected(word: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Does ``word`` end in one of the language's ``inflected_endings.txt``
    or ``first_part_endings.txt`` (endings no closed compound's first part
    carries, where the language lists only those: Spanish -mente, plural
    -es) and keep at least three letters before it?"""
    return _ends_inflected(word, word_list(lang, "inflected_endings.txt", rule_dirs)
                           | word_list(lang, "first_part_endings.txt", rule_dirs))


def _ends_inflected(word: str, endings: frozenset[str]) -> bool:
    """Does ``word`` end in one of ``endings`` with three letters or more before it?"""
    return any(word.endswith(e) and len(word) - len(e) >= 3 for e in endings)


def _run_on(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """Several words that lost their spaces (a PDF line, a stripped link
    list): split when the most probable segmentation has three or more
    words, about a quarter of them function words (running text has more;
    compounds and names have none), a function word between two content
    words, no piece of one letter, every content word common (zipf 3.5;
    4.5 for three letters, none shorter), no word a name, no prefix first
    and no ending last, and, for a Capitalised token, a function word first
    (``Westudiedthe``). Not in compounding languages (German). Never safe:
    only with --unsafe-fixes."""
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    fw = glue_words(lang, rule_dirs)
    low = tok.lower()
    split = best_split(low, _frequent(lang), fw, max_parts=max(MAX_PARTS, len(low) // 2))
    if split is None:
        return ()
    parts = split[0]
    glue = [p in fw for p in parts]
    if len(parts) < 3 or sum(glue) < max(1, len(parts) // 4):
        return ()
    zipfs = [_zipf(freqs[p]) for p in parts]
    if any(len(p) < 2 for p in parts) or any(p in names for p in parts):
        return ()   # one-letter pieces ("sent ent i ally") and names mean a rare word, not a run
    if any(z < RUN_ON_CONTENT_ZIPF or len(p) < 3 or len(p) == 3 and z < RUN_ON_SHORT_ZIPF
           for p, z, g in zip(parts, zipfs, glue) if not g):
        return ()   # short or rarer content pieces ("ations", "ity") are fragments of a word
    if tok[0].isupper() and not glue[0]:
        return ()
    # running text: content words with a function word between two of them;
    # a long word cut into a stem and particles (über|kochen|den) has not
    inner = [k for k in range(1, len(parts) - 1) if glue[k]]
    contents = [k for k, g in enumerate(glue) if not g]
    if len(contents) < 2 or not any(contents[0] < k < contents[-1] for k in inner):
        return ()
    if parts[0] in word_list(lang, "prefixes.txt", rule_dirs) or parts[-1] in word_list(lang, "endings.txt", rule_dirs):
        return ()
    return _pieces(tok, parts), tuple(parts), tuple(zipfs), False, False


def _camel_glue(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """A lower-case function word glued to a Capitalised (or upper-case) word:
    ``theViterbi``, ``ofNATO``, German ``derMann``. Brands written this way
    (``theScore``) are why it is never safe, and the heads brands favour
    (``myTaxi``, ``weWork``: ``camel_heads.txt``) are left alone. Also an
    acronym glued to a function word (``NATOand``: :func:`_acronym_glue`) or
    to a common word (``ASRoutput``: :func:`_acronym_content_glue`), a
    content word glued to a Capitalised word (``saidPresident``, ``generalIn``:
    :func:`_content_camel_glue`) and a word glued to a sentence-opening
    determiner (``ArticlesThe``: :func:`_heading_glue`) and one name's two
    words (``OliverCromwell``, ``SupremeCourt``: :func:`_name_pair_glue`).
    None for any other mixed case: two Capitalised words run together are
    mostly brands in news (PopularMax, BusinessEurope); in a text that lost
    spaces elsewhere, :func:`damaged_title_split` weighs them."""
    i = 0
    while i < len(tok) and tok[i].isupper():
        i += 1
    if i >= 3 and len(tok) - i >= 1 and tok[i:].islower():
        # an acronym glued to a Capitalised word that opens a sentence: the
        # last capital is that word's (DPPThe: DPP The, not DPPT he)
        opener = _capital_opener_glue(tok, tok[:i - 1], tok[i - 1:], lang, rule_dirs)
        if opener is not None:
            return opener
    if i >= 3 and len(tok) - i == 1 and tok[i:].islower():
        letter = _acronym_letter_glue(tok, tok[:i], tok[i:], lang, rule_dirs)
        if letter is not None:
            return letter
    if i >= 2 and len(tok) - i >= 2 and tok[i:].islower():
        if tok[i:] in function_words(lang, rule_dirs):
            return _acronym_glue(tok, tok[:i], tok[i:], lang, rule_dirs)
        if len(tok) - i < ACRONYM_CONTENT_LEN:
            return None
        return _acronym_content_glue(tok, tok[:i], tok[i:], lang, rule_dirs)
    if i == 1:
        j = 1
        while j < len(tok) and tok[j].islower():
            j += 1
        if j >= 2 and len(tok) - j >= 2 and tok[j + 1:].islower():
            return (_heading_glue(tok, tok[:j], tok[j:], lang, rule_dirs) if j >= 3 else None) \
                or _name_pair_glue(tok, tok[:j], tok[j:], lang, rule_dirs) \
                or _opener_place_glue(tok, tok[:j], tok[j:], lang, rule_dirs) \
                or (_compounding_opener_glue(tok, tok[:j], tok[j:], lang, rule_dirs) if lang in COMPOUNDING else None)
    i = 0
    while i < len(tok) and tok[i].islower():
        i += 1
    head, tail = tok[:i], tok[i:]
    if not head or len(tail) < 2 or not tail[0].isupper():
        return None
    if len(head) == 1:
        return _letter_camel_glue(tok, head, tail, lang, rule_dirs)
    if len(tail) == 2 and not (tail.isupper() or len(head) >= 3 and tail.lower() in function_words(lang, rule_dirs)):
        return None   # (an acronym may have two letters: theNE, anNP; and a function word: generalIn)
    if not (tail[1:].islower() or tail.isupper()):
        return None
    if head in word_list(lang, "camel_heads.txt", rule_dirs) or tok.lower() in casing_lexicon(lang, rule_dirs).single:
        return None
    if head not in function_words(lang, rule_dirs):
        return _content_camel_glue(tok, head, tail, lang, rule_dirs)
    return _mixed_case_split(head, tail, lang)


def _acronym_letter_glue(tok: str, head: str, letter: str, lang: str, rule_dirs: tuple[str, ...]):
    """An acronym of three capitals or more glued to a function word of one
    letter (unsafe), in a token the language's word list and names do not
    hold (``HIVe`` stays: hive): where names take case endings, only a
    preposition of one consonant, which no ending is (Russian ``ВВП|в``,
    ``США|к``; ``ВУЗа``, ``ВУЗе`` take vowels); where names do not decline,
    any (``BNU|a décidé``, ``OTAN|e``, ``EEUU|y``), but an ``i``, which names
    append (``BITMi``) and English writes as I."""
    low = tok.lower()
    if low in word_frequencies(lang) or low in casing_lexicon(lang, rule_dirs).single:
        return None
    if lang in CASE_NAMES:
        ok = letter not in CASE_NAMES[lang] and letter in function_words(lang, rule_dirs)
    else:
        ok = lang not in INFLECTING_NAMES and letter != "i" and letter in glue_words(lang, rule_dirs)
    return _mixed_case_split(head, letter, lang) if ok else None


def _script(ch: str) -> str:
    """'cyrillic', 'latin' or '' for the letter ``ch``."""
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    return "latin" if ch.isalpha() and ord(ch) < 0x250 else ""


def _script_glue(tok: str, lang: str, rule_dirs: tuple[str, ...]):
    """A word in Latin letters and a function word in Cyrillic run together,
    either way round, in a language written in Cyrillic: ``дляiOS``,
    ``наiPhone``, ``NATOв``, ``Appleна`` (unsafe). No word of either script
    changes script inside it. The Cyrillic piece is a function word of the
    language, and after the Latin word one that starts with a consonant: a
    Latin word may take a Russian case ending, which starts with a vowel
    (``iPhoneа``, ``BMWи`` stay); the Latin piece has two letters or more."""
    if "а" not in ALPHABETS.get(lang, ""):
        return None
    scripts = [_script(c) for c in tok]
    cut = next((k for k in range(1, len(tok)) if scripts[k] != scripts[k - 1]), 0)
    if not cut or "" in scripts or len(set(scripts[cut:])) != 1:
        return None
    head, tail = tok[:cut], tok[cut:]
    if scripts[0] == "cyrillic":
        cyrillic, latin = head, tail
    else:
        cyrillic, latin = tail, head
        if not tail.islower() or tail[0] in CASE_NAMES.get(lang, "аеёиоуыэюя"):
            return None
    if len(latin) < 2 or cyrillic.lower() not in function_words(lang, rule_dirs):
        return None
    return _mixed_case_split(head, tail, lang)


def _letter_camel_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """A function word of one letter glued to a Capitalised word or an
    acronym (of three letters or more): ``aBolívia``, ``oBrexit``, ``вНАТО``,
    ``вСША``, ``aONU``, ``иРоссией`` (unsafe). The
    letters brands put first (``camel_heads.txt``: iPhone, eBay) are left
    alone, and so is a token some language's word list knows (ВКонтакте);
    in a language whose news writes no camel case (:data:`CAMEL_FREE`), a
    token the lists hold only as web text's glue (``вМоскве``, zipf 1.2 in
    Russian) is split all the same. The Capitalised word is one the word
    list or the names know."""
    if head not in function_words(lang, rule_dirs) or head in word_list(lang, "camel_heads.txt", rule_dirs):
        return None
    if not (tail.isupper() or len(tail) >= 3 and tail[1:].islower()):
        return None
    low = tok.lower()
    if (_known_as_a_word(low) if lang in CAMEL_FREE else _known_anywhere(low)) \
            or low in casing_lexicon(lang, rule_dirs).single:
        return None
    t = tail.lower()
    if not (tail.isupper() or t in word_frequencies(lang) or t in casing_lexicon(lang, rule_dirs).single):
        return None
    return _mixed_case_split(head, tail, lang)


CAMEL_HEAD_ZIPF = 3.5   # a content word glued to a Capitalised word: the head is this common...
CAMEL_TAIL_ZIPF = 4.0   # ...and the Capitalised word this common (or a function word)


def _content_camel_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """A lower-case content word glued to a Capitalised word: ``saidPresident``,
    ``postsSome``, ``dijoPedro``, ``saidJaynes`` (a verb of saying before
    any Capitalised word; in Russian, :data:`CAMEL_FREE`, any common word
    before any Capitalised word or acronym: ``сказалПаттон``, ``противЕС``)
    (unsafe). Brands written so (``easyJet``,
    ``jetBlue``) are words the list knows; the head is a common word of three
    letters or more and the Capitalised word a common one (or a function
    word), and the token as a whole is no word or name. In German, whose
    brands and compounds are written so too, only a head that ends like a
    word before a noun (``attributive_endings.txt``: einem|Abschluss,
    guten|Steilpass)."""
    camel_free = lang in CAMEL_FREE
    if len(head) >= 3 and tail.isupper() and not camel_free and lang not in COMPOUNDING:
        return _word_acronym_glue(tok, head, tail, lang, rule_dirs)
    if len(head) < 3 or not (tail[1:].islower() or camel_free and tail.isupper()):
        return None
    if lang in COMPOUNDING:
        return _compounding_camel_glue(tok, head, tail, lang, rule_dirs)
    freqs = word_frequencies(lang)
    low = tok.lower()
    if low in freqs or _zipf(freqs.get(head, 0.0)) < CAMEL_HEAD_ZIPF:
        return None
    t = tail.lower()
    if _zipf(freqs.get(t, 0.0)) < CAMEL_TAIL_ZIPF and t not in function_words(lang, rule_dirs) \
            and not (len(tail) >= 3 and _a_name(t, lang, rule_dirs)) \
            and not (len(tail) >= 3 and head in word_list(lang, "speech_verbs.txt", rule_dirs)) and not camel_free:
        return None   # (a verb of saying before any Capitalised word: saidJaynes, dijoAlbence)
    return _mixed_case_split(head, tail, lang)


CAMEL_INFLECTED_ZIPF = 2.5   # German: a word before a noun, with its ending (vielversprechenden), this common
CAMEL_COMPOUND_END = 4       # ...and a noun the list lacks ends in a common word this long (Wartungs|zeiträume)


ACRONYM_TAIL_MAX = 6   # a word glued to an acronym of two to this many capitals


def _word_acronym_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """A common lower-case word glued to the acronym after it: ``secondoNBC``,
    ``colectivoLGTB``, ``journalisteTV`` (unsafe). Clean news writes no such
    token but units and devices whose first part is a prefix (``microSD``,
    ``miniUSB``: ``prefixes.txt``); the word is a common one (zipf
    CAMEL_HEAD_ZIPF) of three letters or more, and the token no word a list
    knows."""
    if not 2 <= len(tail) <= ACRONYM_TAIL_MAX or head in word_list(lang, "prefixes.txt", rule_dirs):
        return None
    freqs = word_frequencies(lang)
    if _zipf(freqs.get(head, 0.0)) < CAMEL_HEAD_ZIPF or _known_anywhere(tok.lower()) \
            or tok.lower() in casing_lexicon(lang, rule_dirs).single:
        return None
    return _mixed_case_split(head, tail, lang)


def _compounding_camel_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """German (a language that writes its compounds as one word and
    capitalises its nouns): a word German writes in lower case glued to a
    Capitalised word (``seinMandat``, ``dreiJungen``,
    ``vielversprechendenImpfstoff``), unsafe. A compound has no capital
    inside, so such a token is glue or a brand's, and brands are the word
    list's (``meinFernbus``) or put a noun first
    (``weltOnline``, ``BahnCard``): see :func:`_lower_head`; the tail is a
    word the list knows, a name, or a compound that ends in a common word
    (``Wartungs|zeiträume``)."""
    freqs = word_frequencies(lang)
    if tok.lower() in freqs or not _lower_head(head, lang, rule_dirs):
        return None
    t = tail.lower()
    if not (t in freqs or _a_name(t, lang, rule_dirs) or _compound_noun(t, freqs)):
        return None
    return _mixed_case_split(head, tail, lang)


def _lower_head(head: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Is ``head`` (lower case) a word German writes in lower case: one clean
    news writes so (``lower_words.tsv``) or a function word, of zipf
    CAMEL_HEAD_ZIPF, or a word that ends like a word before a noun
    (``attributive_endings.txt``: an adjective's forms share its frequency)
    of zipf CAMEL_INFLECTED_ZIPF?"""
    from .namecase import lower_words
    z = _zipf(word_frequencies(lang).get(head, 0.0))
    return _ends_inflected(head, word_list(lang, "attributive_endings.txt", rule_dirs)) and z >= CAMEL_INFLECTED_ZIPF \
        or (head in lower_words(lang, rule_dirs) or head in glue_words(lang, rule_dirs)
            or head in word_list(lang, "determiners.txt", rule_dirs)) and z >= CAMEL_HEAD_ZIPF


def _compounding_opener_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """German: a Capitalised word German writes in lower case
    (:func:`_lower_head`: a function word, an adjective's form) glued to the
    noun after it where a sentence starts (``DiePolizei``, ``ImJahresvergleich``,
    ``EinigeZeugen``, ``BritischePremierministerin``; checked where it stands:
    an opener), unsafe. Brands written so (``DerWesten``, ``DasErste``) are
    in the word lists; the noun is a word the list knows or a compound that
    ends in a common word."""
    if not _lower_head(head.lower(), lang, rule_dirs):
        return None
    low = tok.lower()
    if _known_anywhere(low) or low in casing_lexicon(lang, rule_dirs).single:
        return None
    freqs = word_frequencies(lang)
    t = tail.lower()
    if not (t in freqs or _compound_noun(t, freqs)):
        return None
    parts = (head.lower(), t)
    return (head, tail), parts, tuple(_zipf(freqs.get(p, 0.0)) for p in parts), False, True


def _compound_noun(low: str, freqs: dict[str, float]) -> bool:
    """Does ``low``, unknown to the list, end in a common word of
    CAMEL_COMPOUND_END letters or more after a start of three letters or more
    (``wartungszeit|räume``, ``methodisten|gemeinde``)?"""
    return any(_zipf(freqs.get(low[k:], 0.0)) >= PART_ZIPF
               for k in range(3, len(low) - CAMEL_COMPOUND_END + 1))


# Languages whose news runs no lower-case word into a capital: not one such
# token in 225,000 words of clean Russian news (brands write Latin letters,
# or capitalise their first part: МегаФон), so any, before a name the lists
# lack or an acronym (сказалПаттон, противЕС), is glue.
CAMEL_FREE = frozenset({"ru"})


def _a_name(low: str, lang: str, rule_dirs: tuple[str, ...]) -> bool:
    """Is ``low`` a given name (``common/given_names.txt``,
    ``female_given_names.txt``) or a name some language's casing lexicon
    writes Capitalised (a translation keeps a foreign name: `défenseur|Alan`
    in French)?"""
    canonical, _ = casing_lexicon(lang, rule_dirs).single.get(low, ("", ""))
    return canonical[:1].isupper() or low in word_list("common", "given_names.txt", rule_dirs) \
        or low in word_list("common", "female_given_names.txt", rule_dirs) or named_anywhere(low, rule_dirs)


def _capital_opener_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """An acronym glued to a Capitalised word that opens a sentence
    (``determiners.txt`` or ``glue_openers.txt``: ``DPPThe``, ``NATOThis``):
    a heading or a link's text run into the next sentence (unsafe)."""
    t = tail.lower()
    if len(tail) < 3 or not (t in word_list(lang, "determiners.txt", rule_dirs)
                             or t in word_list(lang, "glue_openers.txt", rule_dirs)):
        return None
    low = tok.lower()
    if low in word_frequencies(lang) or low in casing_lexicon(lang, rule_dirs).single:
        return None
    return _mixed_case_split(head, tail, lang)


def _name_pair_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """Two Capitalised words run together that are one name's: a name of two
    words the casing lexicon writes so (``ElSalvador``, ``SupremeCourt``), a
    given name (``common/given_names.txt``) before a surname (``OliverCromwell``,
    ``HollySnyder``), or a title of ``person_titles.txt`` before a name
    (``ChancellorAngela``, ``JudgeKavanaugh``) (unsafe). Not a token some
    language's list or the names know (brands written so, ``MaxMara``), but
    for a safe name of the lexicon that the lists hold rarer than
    NAME_PAIR_WEB_ZIPF, web text's hashtags and addresses (``ElSalvador``,
    ``SriLanka``; not ``DekaBank``, ``RedBull``); nor a surname of three
    letters or fewer."""
    if len(tail) < 4:
        return None
    low = tok.lower()
    lexicon = casing_lexicon(lang, rule_dirs)
    if low in lexicon.single:
        return None
    h, t = head.lower(), tail.lower()
    kinds = {kind for n, lower, canonical, kind in lexicon.lookup_multi(h, t)
             if n == 2 and lower == f"{h} {t}" and canonical == f"{head} {tail}"}
    if _known_anywhere(low) and ("safe" not in kinds or _known_as_a_word(low, NAME_PAIR_WEB_ZIPF)):
        return None   # a brand written so (MaxMara, DekaBank); a safe name the lists hold rarely is web glue
    if not (kinds or h in word_list("common", "given_names.txt", rule_dirs)
            or h in word_list(lang, "person_titles.txt", rule_dirs)):
        return None
    return _mixed_case_split(head, tail, lang)


def _opener_place_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """A function word that opens a sentence glued to the place after it, a
    link's text: ``EnEscocia``, ``DansParis``, ``InLondon`` (unsafe; split
    only where a sentence starts: the decision's opener flag). The place is
    a one-word name of the casing lexicon, Capitalised as it writes it; the
    function word is none that starts a surname
    (:data:`~normalize.names.PARTICLES`: ``LaGuardia``, ``DeSantis``) nor
    a brand's head (``camel_heads.txt``); not a token some language's list
    or the names know."""
    h = head.lower()
    if h not in function_words(lang, rule_dirs) or h in PARTICLES \
            or h in word_list(lang, "camel_heads.txt", rule_dirs) or not tail[1:].islower():
        return None
    low = tok.lower()
    lexicon = casing_lexicon(lang, rule_dirs).single
    canonical, kind = lexicon.get(tail.lower(), ("", ""))
    if canonical != tail or low in lexicon or _known_anywhere(low):
        return None
    head_tail, parts, zipfs, safe, _ = _mixed_case_split(head, tail, lang)
    return head_tail, parts, zipfs, safe, True


HEADING_GLUE_ZIPF = 3.5   # the Capitalised word before a glued sentence-opening determiner


def _heading_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """A Capitalised word glued to a Capitalised determiner that opens a
    sentence (``determiners.txt`` and ``glue_openers.txt`` both: The, This,
    Those): a heading or a link's text run into the next paragraph,
    ``Related ArticlesThe``, ``MeasuresThe`` (unsafe). Brands end in
    particles (``LinkedIn``, ``MoveOn``), never in those; not a token the word
    list or the names know."""
    low_tail = tail.lower()
    if low_tail not in word_list(lang, "determiners.txt", rule_dirs) \
            or low_tail not in word_list(lang, "glue_openers.txt", rule_dirs):
        return None
    freqs = word_frequencies(lang)
    names = casing_lexicon(lang, rule_dirs).single
    if _zipf(freqs.get(head.lower(), 0.0)) < HEADING_GLUE_ZIPF or tok.lower() in freqs or tok.lower() in names:
        return None
    return _mixed_case_split(head, tail, lang)


def _acronym_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """An acronym glued to the function word after it: ``BNCand``,
    ``NATOin`` (unsafe). Not when the lower-case tail is an ending (acronyms
    take case endings: Russian ``ВУЗов``; ``endings.txt``), when the last
    capital and the tail read as a word of four letters or more (``GBits``:
    giga- and bits) or the token is a word or name of the language."""
    if tail not in function_words(lang, rule_dirs) or tail in word_list(lang, "endings.txt", rule_dirs):
        return None
    low = tok.lower()
    freqs = word_frequencies(lang)
    reading = low[len(head) - 1:]
    if len(reading) >= 4 and _zipf(freqs.get(reading, 0.0)) >= ACRONYM_READING_ZIPF:
        return None   # a unit's prefix and a word (GBits, KBytes: giga-, kilo-), not GB|its
    if low in freqs or low in casing_lexicon(lang, rule_dirs).single:
        return None
    return _mixed_case_split(head, tail, lang)


ACRONYM_CONTENT_LEN = 4     # an acronym glued to a lower-case content word this long...
ACRONYM_CONTENT_ZIPF = 4.0  # ...and this common
CAMEL_READING_ZIPF = 2.0    # the acronym's last capital and the tail: a word this common (JPMorgan)
ACRONYM_READING_ZIPF = 3.0  # ...and before a function word, this common (GBits; not BNCand: `cand`)


def _acronym_content_glue(tok: str, head: str, tail: str, lang: str, rule_dirs: tuple[str, ...]):
    """An acronym glued to the common lower-case word after it: ``ASRoutput``,
    ``SWATsystems``, ``NATOsummit`` (unsafe). Not when the acronym's last
    capital and the tail read as a word (``JPMorgan``, ``NYTimes``, ``RSport``:
    a capital word after a prefix, the way brands are written), when the tail
    is an ending (``IBMers``: ``endings.txt``, ``inflected_endings.txt``) or the
    token is a word or name of the language (``VMware``)."""
    freqs = word_frequencies(lang)
    if _zipf(freqs.get(tail, 0.0)) < ACRONYM_CONTENT_ZIPF or tail in function_words(lang, rule_dirs):
        return None
    if tail in word_list(lang, "endings.txt", rule_dirs) or tail in word_list(lang, "inflected_endings.txt", rule_dirs):
        return None
    if _zipf(freqs.get(tok[len(head) - 1:].lower(), 0.0)) >= CAMEL_READING_ZIPF:
        return None
    low = tok.lower()
    if low in freqs or low in casing_lexicon(lang, rule_dirs).single:
        return None
    return _mixed_case_split(head, tail, lang)


def _mixed_case_split(head: str, tail: str, lang: str):
    """The decision for a mixed-case token cut into ``head`` and ``tail``
    where its case changes: never safe, never an opener."""
    freqs = word_frequencies(lang)
    parts = (head.lower(), tail.lower())
    return (head, tail), parts, tuple(_zipf(freqs.get(p, 0.0)) for p in parts), False, False


def _pieces(tok: str, parts) -> tuple[str, ...]:
    """``tok`` cut where ``parts`` (its lower-cased words) meet."""
    pieces, pos = [], 0
    for p in parts:
        pieces.append(tok[pos:pos + len(p)])
        pos += len(p)
    return tuple(pieces)
